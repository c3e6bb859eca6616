from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "partner" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL UNIQUE,
    "earn_rate" VARCHAR(40) NOT NULL,
    "point_value" VARCHAR(40) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* Another business where members earn (at the partner's own rate) and redeem points. */;
        CREATE TABLE IF NOT EXISTS "api_key" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "prefix" VARCHAR(16) NOT NULL UNIQUE,
    "secret_hash" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "scopes" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "partner_id" CHAR(36) REFERENCES "partner" ("id") ON DELETE RESTRICT
) /* A secret for a partner's systems (or a trusted internal one): only its SHA-256 is kept. */;
        CREATE TABLE IF NOT EXISTS "partner_settlement" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* ISSUE: issue\nREVERSE: reverse\nREDEEM: redeem\nCANCEL: cancel */,
    "points" BIGINT NOT NULL,
    "point_value" VARCHAR(40) NOT NULL,
    "amount" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "partner_id" CHAR(36) NOT NULL REFERENCES "partner" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "voucher_id" CHAR(36) REFERENCES "voucher" ("id") ON DELETE RESTRICT
) /* One append-only movement between a partner and the program, valued when it happened. */;
CREATE INDEX IF NOT EXISTS "idx_partner_set_partner_6f947c" ON "partner_settlement" ("partner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_partner_set_purchas_3c1d2e" ON "partner_settlement" ("purchase_id");
CREATE INDEX IF NOT EXISTS "idx_partner_set_voucher_8a4b1f" ON "partner_settlement" ("voucher_id");
CREATE TRIGGER "partner_settlement_no_update" BEFORE UPDATE ON "partner_settlement"
BEGIN SELECT RAISE(ABORT, 'partner settlement entries are append-only'); END;
CREATE TRIGGER "partner_settlement_no_delete" BEFORE DELETE ON "partner_settlement"
BEGIN SELECT RAISE(ABORT, 'partner settlement entries are append-only'); END;
        ALTER TABLE "store" ADD "partner_id" CHAR(36) REFERENCES "partner" ("id") ON DELETE RESTRICT;
        ALTER TABLE "purchase" ADD "partner_id" CHAR(36) REFERENCES "partner" ("id") ON DELETE RESTRICT;
        ALTER TABLE "reward" ADD "partner_id" CHAR(36) REFERENCES "partner" ("id") ON DELETE RESTRICT;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "store" DROP COLUMN "partner_id";
        ALTER TABLE "purchase" DROP COLUMN "partner_id";
        ALTER TABLE "reward" DROP COLUMN "partner_id";
        DROP TRIGGER IF EXISTS "partner_settlement_no_update";
        DROP TRIGGER IF EXISTS "partner_settlement_no_delete";
        DROP TABLE IF EXISTS "partner_settlement";
        DROP TABLE IF EXISTS "api_key";
        DROP TABLE IF EXISTS "partner";"""


MODELS_STATE = (
    "eJztXVlz4za2/isovaRTpXTF8pIeza1bJdvqRBNvZcudzLSnODAJWRxTpEKQduvO5L9fAC"
    "TFDaQAmpJIGi9Jm8SBpO9gOfv5T2/hGMjCH29c58mFi94Q/KdnwwUi/8i+6oMeXC7jF/SB"
    "Bx8tNnaZGPSIPRfqHnk8gxZG5JGBsO6aS890bDp4OkfAsRGwnBW0vBUIiYE3NzEwIJkUYg"
    "Rc38bgAwTYtJ8s8qfz2gemAQ6+/0g/xXB08jHkVV0T+rb5h480z3lC3hy5ZNqv/ySPTdtA"
    "3xCO/lw+azMTWUYKKNOgE7DnmrdasmcT2/vMBtLv+qjpjuUv7HjwcuXNHXs92rQ9+vQJ2c"
    "iFHqLTe65PobN9ywpBjtAMvmk8JPiKCRoDzaBvUQZQ6uALxM96mnZ1PdXuxlNN6+WYE1Ek"
    "4A0f6Y5NGUu+Kma//ol+hR8GB0c/HX06PDn6RIawr7l+8tOfwUfHwASEDJ6rae9P9p5wJx"
    "jBMI5BZf/PwXo2hy4f12h8BlnylbPIRjiWQRs9iLGN1/IuwF3Ab5qF7CdvTv48+PHHEii/"
    "jG7PfhndfiCjvqcf6ZDNF2zKq/DVIHhH8Y7x1X3XRba+ksE4SdNBnA8FUD4sxPgwizCCrq"
    "1RMPIQnyPdXECLj3KKLgOzERB+DCdoIeQlGJ+PzyaXo4sPB4P+EYMZ/2GZHkrCf5Rbx0uH"
    "zKy9QMuXxTlDqZDegLRnLtD/kWtW5sRI0uzuxOjdT896OzkyTo4EzoyTo8JDg75Ko/yHDy"
    "1ztiJfQVsgiH23AO+x7S8Y5hPy9aCtoxz2/Jl2yAW2wbAkI3o310Q4uBuCgPrBvrsZX50P"
    "AV4i28hKfkK354nI5XlSfHee5DcCcrUlck2HI/iJ8SYzxQ6ZokOCjAFdbUXuGVnenI0uCD"
    "NGt9rfx6PbIUjN9WDfXl9cTK5+1g4G2uX11fQXwkTXsSy6AMmjhWN7c1yFgwORTTYo3mSD"
    "3CZzkeeTS/aVIOW8agZcYQkJnk+8WaKvi4U/NlqiT8g/35amu9KWjmUWiZmbN0pukh1uFR"
    "u9IOktcjX+MiZbg9E+2KPP0/GtRjbLFdkYQwBnHtn3VMAjjIjeTq5GZ9PJl8n079EA0yb6"
    "s/lieqtmbJeQCfEOFtwpObrdbRIi2bRjl+gQzx+h/kxvAx0FgEgIsTzy/Uiy2zqWBMTY4/"
    "5AWIrVXUR/uAZ5SJM3VGItgDpFmQU5JP0Y/aOFCgO52aBxbVurXmBKKkF+Orkc301Hlzf0"
    "4xaYAM/wG03H9M2APV1lnn7IyljrScBvk+kvgP4J/nF9NWbwOth7ctknxuOm/+jR7wR9z9"
    "FscvdCI2H1ip5GqKW47i+NilxPUyquN4XrEUYJtrNvT620s+eESZE+oCfkK3QNLffGGThF"
    "Y/OvFoNF9gm04RPjGQWXfs3Qan6JFo/Mipyzp4dv+mXm9EU8ZqM1fQR0H3vOArkA2VTeRg"
    "YwbeDNUWQHzxvMBWlqtonf30/OJYzivm8aHylNlU212Tbe+5+Zb+sURcA+if7n6H+3ZTYo"
    "2VWBXTHYJskNwH56uZEcLaBpydhj1gT1iNH79UCkpd5jIbH3uETuPc4JvsoJEeMr5IQYlD"
    "ghBnknxBJi/OqQs3ZOxFgZoHOEXUT8+FhoRR+XrOjjnPhLbzaidYfXi7DnJ03WudOjfiOh"
    "iTWmxHPOj1PHsRC0C67CJF0G50dCuK1lHWG/27vv9Pr6IiVMnk6mGYzvL0/HBPuMgsdRpJ"
    "Vi1zERv0ixkxDxE1eN7+rkskAc+9VpSPr511tkQQZufh1E0TDhNC1cBX9G6z56Gq+GjG+D"
    "/EL76a1ITclMZ2yirmL14vg6UYveiNOXYJaughSosnhuLt+I0+V6oi5BJWWDyEQ9UElBd3"
    "yezTgC9tpGU4f8R+BgYzOO4gk3IBwezo0HOHe4YQ96fslaFIcsWJH0nOsoXkQwMkyvzlV2"
    "xmbs3iqTtA7eeXA263GMg8GLfpltEK+HCJgGl+TEdGxANQr7Ccwcl9n4Hn1s2gjjIYDknb"
    "EwbUDeQECdSWQ18+yF1SdSRkRlRGyLGeCdGhF721qwyoS46xtqByZE17EqxyRGtE3Gujc6"
    "v5xcDYP77ME+G939MhmzaDd2qWUvR2VefBfmRc95Rrb2QsSgUMAVjIHK0alAQWW5VZZbCc"
    "st9hwXaeS2Np/sBQojyqvbkZiKdUfnbOF6qMeOVEVbDRArUlnXeG7QWzW8HigS2BLcuN9h"
    "EHMfeA5RMNk06ysZU70UOGSbAOhRxdR0gxGYG/pSz6wcvfZr+CMDTTRYt+Tf/3yLvntqPr"
    "2XXNK/DAaHhz8Nfjw8+XR89NNPx59+XN8s+VdlV8zp5Gd6y6ROts0Zp+oaei/XUFL4SO5Y"
    "UUtTkqZOe1MzLpdK5qXsdS0LaEyjACWA5gSlzILNg/uZIEgus1/RKqeBl8hB7QU1JwKRxy"
    "58Xd+qqU1Kfj35zSjQ7W7JkXE7OZv28su2Fli7JVnmYY23agGs+4m4LhFQBWRTCal0aUEd"
    "gVci8yHAFhmVE/8KaMLXKn5AXQIu0h3XwMD0cCA5cj0rb5xO+VcacF6XyZXNt/+3O4hYmU"
    "JVpGVjlnt3FaUldD2bJidLXRppqjdcHs2MBKlXtA/BqkEKvYlnaiWuG8XQ9LqSFkSz+r+y"
    "LpeBv1Xr8gUynpA7tj131eNI78nXpTK8xQZqaD1yoyh/bSMQhDoDZ8YKCD5Ci+6rj+CKit"
    "8gzP3tB9UcQLDEDPCBhj7FZQXRzMcIc8oSbmH+zcL+114Yrhdujcj+rAzOjTM4P5t25QJC"
    "EW2TlYQerXsyBLTcyYN9en11fzcEj47t4wf7dnw+Hl8OyeI2EFrQvz/f0ypPdLHbxoM9Ov"
    "/b/d2UxmD828fegz3+/WZyOyZz0YoiiI7/Mr69G1MC6lonT86vr4iQNASGY5MfTkdcjEfB"
    "CKICYPbk7JrVZqF69EtTAjkeff0ZcQRpsWUQU+8wWgy+QDOYQXI9jL6MJhej0wvClfUcDz"
    "at78Wq49AKX6wuzvVvY7IWnFfUkIJfcFEQ/1xyVMY0uwv46MiJmdgcwX2psbJIcvjnSBUb"
    "KrOBKLWYF/RUbMOKKToXxXosZMM6LrFhHedtWOTeQ7S0rpShMEXUOZy3Yisk+oDjasWCV8"
    "FZnqJqsshVEestXJkMMp5+sQlmro4hBnLDbBnbLhWr7LDF0HfXDptW7yUE0hSdkoYqS0O6"
    "4xIN0sPSHMgQVmJB0464vXAgquUg64tIkylnRGMCtzqDZ4lzpzCLWt65I5mq37RjW9THk7"
    "6xGhjD1cxlW0cIF++0rWPlilfPaSm2mTtGAN5IKqgB3oyvrJsIZ6SoRsUgXjjeHetTwXNk"
    "Ru/6pV5Mx9PWrS42uzB/m5v6HBAiDCAw0KPpsUYZXh9gB/i24dBqDeThB1qTgawdVumVOl"
    "0WbIrvyb+DlBZA1hNGgAYd5vyY2/iQB5vN92p68zC1xnm1A/fOCphkCRD9jXlNyQexihOE"
    "fE59qIXJNzk/KPMEa8r/2Vj/p3Kr7El/Wu8MKeiTVAr8yuDTE14W+phGAS8FfIk+tg4U2q"
    "nQ1TRWiEpdyc0vINSSBVubonvhtHGNiwIbb+1GSbI3QSxGUK+NJ86mB5TKtGFch6bHYzcK"
    "tgHrWewQ602ATQOxkmNB9y0QdN/qgwUkz9fBJDSNxqaiKPlETu53XZMKReFF5KGTJQxDYj"
    "4XJZAqgbShx9a+AkwW5BvQ7yWFfYpMwV8Z/uxZJeNKztJ20JncEudxhEmp9zh5DUlyOkNa"
    "A6ObaYHsBJ9VlIDyUbdlcymfaoN9qsr7V7v3b08afWqF8zT67BYo0ehz7QdECmcErSC+w1"
    "EaHO6DZ7QkejXtVE8rsFFVHPsL6vcJfEJBTh+gxieTX8ytljlrLqGhFPadKezJTCQJISdJ"
    "1pl6rLsWcAKrnhzyCSKFezXco7Q4cdAjCoV4RY+dOVtrtBI+uwSVQr4i8hB7QZEe01tVMF"
    "nw6JXdosl2C9WovXgLtjOnhcP2giZxkqaSFNFuy9K1w04iUv4mVIM4V5tE0ZtuhkDwpN3Q"
    "h/3WJqJZ33kXEaPxnW+EqYPhH5xSStljMA9a1F9P0M52uZ6mjSffRiNb6twXMbHVYDaji7"
    "DQZBau0I3msjAoSsBUtg49CSjBzHUWrIBUcPz0g/hrMDNd7P1g2uE/HN/7KzVyrcACrsJS"
    "ORybWY2TP9gP9mfHBQjqcxBaA/vM5EZ3/3fgX2sP/b8AkQaAv4xMcnF0TVQTS8wQly1vlQ"
    "oBoLHeffC1F3w7vI68iYaouJuGmvFU3I2Ku3mH8AeBiBV03RRhB1Xd9qq2eYtG+jKS4nKK"
    "UtmtmsxlFW+z77NU5TTtFnwVlrPPsByVvSQDr0D20p6CcqKQKJ5xIREuVWJbSI4SCMLB0E"
    "JhJxlk0MaGEHimZYEZUeNhGE7TB9A2wNx5BQufKPbOjGa/vEIcludFBi8Sp76JRawAKSNQ"
    "opyZnIqvmt3U3eymKYUs92tVSRdXFCpkeVBSyPKAU8iywGRyjnRzAS1Jm4kRUH0Mqdt7E/"
    "AQPh+fTS5HFx8OjvqDTG+bCPyjHL6679IVyblii5dxkqaDRUIPBVbxYeEaPswiHBrFA1OG"
    "nNSeI1Wie2W9ifaY0AJA5ZiQIVQhTm/GXwubGUjuhqIZFEeqGsUDWVSrdMdyqPdz2W6LKX"
    "XftG9a+2rZ11fWFuI5VWqrLXsOtVr2pQJmBFjxwhcDvGTtK8jTkKt66R2LLRWpl96s2NLm"
    "qskSlaJVK9D6MU22qxdFNEmj8GxMNfPubPoSH19RrKq0B6p6tGozYK0lXnWfVczbiqtkGX"
    "N2WNYCazhPK09VAVTjO0WkPIRqWS1cHKKultV7yNlpCeTNSdlpI2CB6fKNQN2ySTp07Wy1"
    "+XmIFif6I8axOPbDjcdsLqhKTh9AQzEsi8ZdQBAFjoAn8wXZgP6eIDyDpmeEqSHeHHrglW"
    "aDsEL9psepqVrfvDWXYVHBHXUHd6igA+UKeSdu8RBN+WIrGULljarojVK2+ndoq9970cym"
    "8VrZlpuJp+qUuUXT8n5KjjZ062+h46CyhG7DEqqaj9Zltd9PKs6E9it0PBrAfcuyWHocq0"
    "x+UL/MQGPGwzU3Hr/RWDOdo6DsBoA2fkUurZoBaZca10QGeHWJJknr3K7IH48r8Donb/Ez"
    "zboJzSzkVVCrQ6cNF/NGmy3MzzHe0FodhNv0LSEIUnNUTd1maFolRp6IZ6JpD2uCDuY8fB"
    "JJ3flUnLnzKWfjoTtBAtxweAehHQilRQ1K0qIG+bQoZ0kBCR0UohiniDqI9MmRANAnR4U4"
    "01fZEHnyM7GnEblzLoN0lk6BLQQ2pt83B/Pf7q6vimCOKLLmL1P3wH+BZeKtmSETfo5H37"
    "Q808Yf6cfuw9VBEUpZviKYP1yOfs9y4Ozi+jSrq9IJTpVl8p1aJnMmiv0oJkGA3NRkQnVO"
    "I0m8LVVFwig0Lxoo068jSGz1ACWOXbnINR2DJvCbGMzJL6GZ/qUtOiSnESkDEFBryFZd3p"
    "uqT4Qswh50pU/MLG0Hz8yWnJERJuXum3g3VmN0SKnY3Gg2qxr9XZOAOGzPRQfSW1vS55Ug"
    "US6vtBbRrKy0JtT9rteHGMm5b3TGRHJ1K5foRl9MYn/W4IpRdeybXMe+SH/crDnKqIwWek"
    "EsDjj4cXhuLoFLq8MHniQIaFtGc7Yi+IEgMBSYNqsUR1TCQAjkqZB1TasijBtwavdLlEX2"
    "/xzOxQblaHwHDclbKRvnQvs5j29xofdweD1RrE0whgwOjn46+nR4crS2gayflJk+8gGq3p"
    "ys6rljydbtSNGpiHiUXMz5iHha4k1bkK9oLi2uRFeKNYd6P4gf7A/uk/6heP4Bcp856V/F"
    "jqY1QTP8TPTzOuNnMnHQuZLXdtRxLATtAtEjSZfhyyMh3BZDosN8t9CfXl9fpKA/nWQs1F"
    "f3l6djclFmdoFKOei+WUsk5UAZM7vG9SJjZkPcuVThJgqNzeRRrjoevu1vUso1PR4ooJuv"
    "a7MvnBcEHpH3ipDNVGQcJOi+zlc85VuYTrpuu6m8toWKyp69tmTrY7koupiig8r4VoIVG+"
    "QubaYBu4U3TV7AUGJl1wQMEbGSNlXVKrhMs3TKb9pkv2knICWruIpv31HLVBVL3ItTlHvO"
    "1gBut5392ZtFANxwjytoN8VROALA7sfacO7YMPzZOVvD+l2/zNJgJEdtLjMWFPgKan95Dt"
    "CJvmh6qz54gZYf9IVb1wELng3BM1p6rE2ci5aO6xGOcMqM1TevCgJowGXZL7E9hLzVZIMB"
    "snTKDiFoh6jQ/WkfjZ86YnRT9fR2FT2gmvjlDpCam/gp41Yx7t01bikjTO1GmBfH1+fSmK"
    "apVEaAssHsJTBdODEgXK95JkhmBnyJ52njwt7IgfS+3npuwC2ic/S4VcjZm355FfL1mM1R"
    "CDYgUtuChvJTdV0nKqDlPPkoqAMOgU62NA3dD9QLTjSCPL1IVEIqZo7OETW2Ve3kVT5AQy"
    "T3raj+yW+Wg3mKvhVo/xmy3aHd28PynY5/n6YE81x071o4v7i++jkang35zZQBM3lRH3Rh"
    "j21/kbsG0zXBTG7cR6MWee/m9vr8/mw6BEvXMXzde7A/T34fn2vnk7uz6/sr8mJmko/TDB"
    "Pr1KDxYN+Mb8/GV9PEiCVydWR7iTGfb8dj7e6Xyc3N5OpnMoWLkEazwZaEtw/2+Hcyx2R8"
    "dTYeAvSNBskQTR492Gf3d9Pry8ndaDq5vhoC3ceeszAxM2s/2OfXV+GLpKlbenuK1H0aFN"
    "d9GuTqPiXvodxKKbPNZQiVga6ygS5aeNV6InOo32yya6aHrDaL3RqycOtXRTxB/g4hP5ax"
    "kbbO2bI1GWAH8tbCtANXsWQiZo6u0qHesJVcd0pmmByuOdTomr8xy5KmsqQ7zJtaP2lt4h"
    "SRpnSZxbwerxZxHsxYbq3gVMkRq9DwJoeGwxdoMpg1Gpwly+w8teJ2O7hNJFTTqs7uNbni"
    "d5P5HRnxX6BlGpoBVxw1vvCO5BPvTpX/y5bbydV2XxIl7olsCZezn4qVlxRR5zSXYyHN5b"
    "hEcznOay6qHIEqR9CUW6LDoTWqHEHXuM6RFfKt6qHr2dLRP2kqlYJV3lQwACuPr3xPwXim"
    "VuK6uaNgal1JBwDlJGCe+yqk/PzrLbKKeu+8PdinoYD/uc2MnwguTjRPAsnicJ5EjJZAuo"
    "/rODMajUO7x9Fmd/TFkPwVsKBP/v/kI4zp5EAnH8bJ7Kk0hXStkYRQpIJ69pzfQ5go5WoK"
    "x9ejqO23uEs6GH8gEo0/KA7HH2S1tD98aHumx3F/FFoakiS7sy9sqyJi3eaFIIxCw0uuM3"
    "pzhlRMqcIwKodhEInM8zlShFi4VEy9Q0uPibGPDMlzuTe5u7sfnw9BQP1g39/Rv3xM/302"
    "ujobX1zQBzr9nZZFn45/v5nc0mfo29J0w0+UrTR8InAMHWTVo0Sd4ZNc2Vb2ZXA1D1aCUh"
    "m4m6O0cmwVuJqhAtdppVD83V7lquiYqWKDzNAqTjea08rW3DGro0rj3EsaZ5ALJQlpikhB"
    "moGUiQuPK0lM01TKNs7BFHuOi6rAmiRUyKqk470UfouzTt+IbJzi2lFkU9eLALLh0VkDtH"
    "cenM1aexJsBDZ9x4giy07PWsAN5+kwuMmbZrtl9RIpSIkkQL7TMipWsNl1mayw1w02/Snp"
    "jRz5hundsg4CPY5HMvm6X+aVhHSg5sYjRUoNkOmQbfxAkzrCLgaBnxHTcwk4LsArTKsJwM"
    "Ch5s2hB4KeCgYd43G8lbXNKuLADGago2mnhD74SvBwyfhgmTF42J/RWzLeSfZWoM9yDRfo"
    "w+S+ip5VdpCqpgz1+j2KHacBf4tTxwsCx1NUTU4ar+hGrd9/kdxIcjBzF7wYyA27AdIYn4"
    "ikt58Up7ef5NLbXceSigKIxncP2/rXbxXVXmn1xfaS+CKWOA12XhylxYdBRq4RRTlD1kGo"
    "6w8RimVGeaDV7Sa6oPfqW2kY1vWcwY9oxjWcFHenjSne1J62PWhupQ8tnHk8C3Yx7GsChX"
    "p11F1EfjaWPabTVOqc3nxOq8iHYui7FfmQ89LVZDmWNIje6dA+s6C56HHMofHLfpkxFJNh"
    "mr4et9EUOp0j4JmWFdgiZ6aLPQB1HS092jkF0OlYZsWQFVXF5DuxP4GJgYtm1BJP+6tAew"
    "Ucaqtkc+VNo1v7FBFTaSJutNh6aTuhR0X0PF0TqNSDAr2i2FjZoBjgpp2sLTlJxUIH6TFU"
    "7QJNUSo2N5rNKlawdoWW+QuljbQxjQK0OVbv7gCqgtn2EMyGo0CpHQVctRXX5PEnBOtuQ6"
    "3aC+uuwqwqKMufoWn5LuoVqMvR6/5GhXmWGLk5emitkzK9FXoerUzQB6y8NHm6JAqqDvHc"
    "JP+nLUapSktXBrDMhelx4obePp+IGpzcICqgp/EBPYRDWM6vHFMoZ6eAs1OZd6uIiK3TTp"
    "UqtV3JX8mntcmn+xGkAo2LdsrhyVGJt6Vi1CI9TkCICii+wwD7j+tXtH87BEsL2h/ByAML"
    "2rPNsRGTgQIC6hOwzBde/HUtUwqKUmHZkKAlMGsqYjqGhmxeaLWqL9WY+lLtKxcjf3T1bs"
    "ZX56wHFk1GYN2vyAEzumCPCOjQYs9GZ9PJl/EQBCV4H+yb0d1UO78nT5YQe5rhk2cXoxtW"
    "ZsaCy5JCM59HE/aIalFNKTND97NWYpkuFqPzlLUESzTJwSeC9mEx2oc5tJ8IDq9Qqpl6gq"
    "TJm6k56soc6c+OLxv2kyHr2lIeHB8LAE1GFXdiou8KoJYsHZ+l616Q1eBH0c5Xpa2vchXk"
    "w8NAS8ptkgu9ZIot8aFrqz4tyhJZx5W3jBTMoUo8NdlEwlFi3sZ3xM0nVFxvFteZAE+U0l"
    "K+lzbwKJpCtciTaOYRaVsaNrkhiOU7L0+tdl2Td13oadTk3Tt5StWdSKQ7kfLzFKPfrTB+"
    "1Syny1znHK+5ZjkqFLX2yEkbfSPinQX5+ngxqlk6lbOaEfvkIa0Hze4sUxWPuod4VLoIa8"
    "OV+otvwgk7im9i0wqguz419wFxM8/ZjQhnb5o3dCVDL4h+eA57mZ5kMezjF9TKTi5FwG+1"
    "N1kM26lj+/hnF7LPLQlISYzri4WmaI+URHta0wilx9Kl9R0GjBYErXtYHG4YRGI6xjBsSM"
    "ZiSj7En9cP33/fB5gGofzbeexlOFD/JzzYrm8D79XUye8hk5D1Sv7BfjMGCOrzkGT9gTSR"
    "tSj05WsSvVD0SNr2/5mJjVHBxI0MJn6LT2cLvpyGHngt1IDzho/g+JDbbDGN6kQmueeUnf"
    "Gd7S8i0rn8jhNlOyxJpfZY5T2WE0bkbHxJKUYZUAQMKFE8d22aaHvhFTSkJJaYgLrPjoUa"
    "AL5AxhNyx9FsHUU4eYg2NIUiUPlL1da1VUBIY0Xr0Rt11WuiLbIi8mFJ+aD0fDwXgLYBXu"
    "erj+CKzOqC0NHVBzb7M4DTyOdV1DiveGvuxD6iVeiVXtlIvXLmOgutLKeiIJQhTda9ONn6"
    "8xmIRCqPc4qog1H29cOssq63H5CjWlWoVhV7wlgViW2GXto6q48yPCjDw57grc3wsG/dmE"
    "UhlKrGUZyCkGYcRUmI1BpYQtNIaqzObIbcIVi6zElKoEXuCyQsYNnRTJ99JGtlZnqYV2bg"
    "jbNtVoJVkYC9Fglg/5eQmaLxXRRKhRSAgxIF4CCvALCNwhGXkG4uoFXgooxosoJSQPQxJG"
    "4h4CX4no/PJpejiw8Hg/4gk0cUQX+Uz3dguXi6VDJ+kqaDq/hQJBm/OBc/i3B0wvMR3lxG"
    "JEnfZLR7l9dX01+GYOHY3vzB/vt4dDsEKwTd7J0owoNPAjz4VMiDTzl7GL1bNQOuOAaxQu"
    "Nvmmh3ftgft7XKAyPw4ODop6NPhydHa9vv+kmZyTfvXiWstbUF+Yrm0jJ54dOlRzSHej+H"
    "9cH+TuqT/qHwQR0EI1aJ18lSdmYl7zicYOYipFERfkm/W54FZbnPOVqV9CyR9Ezr2VL9ki"
    "aO66GHU+Ko4ZHv56zZ1oYQOGuOJYRC9E23fEwrW7mI6vS8A6dstXPp1YqXWPEm1oJKa5LI"
    "p+h2iHik2bcWcGWZL75t25kBrPK+3yPXOf6ZdTJSA5r2/RzUHSsM/Eq975fZtqMKZpIhX0"
    "vX0RGm7QMYYRCdtYSrBf0jnLMPHlesb0D493cYOK92SGAWxHzVNTE3rShR/pEN1qIoL5VM"
    "1Awtqdg8rop9br3Y53pLSGCcpOkgyFupeRhgxmCSRjqi6iDWW/H6OL6nO3KOtQRJ52pdDU"
    "QrqZYVUs2HL+qIqIpVxN8MaQfl3/bKu4Ga0xCB9yy0vd24zsIJeZCTevODSkXf2J6XGi/S"
    "iguamGUkUCE0mgaEZkHwanpz0yZiK12y5C/bcF7BV5bKTHsI9wGyDfqP77lduWqcWrCrRE"
    "DLhOKAWjWMULEgnZYK0DfyeRW9ADna9xgbIuMFSJ0wMsJBilCJBo0TDdI5pUYVFifIFIMb"
    "zWDlSVKepKbsq5b6FJQn6T1yveGepDMXGaY30lnf5x5PqU4N6Jcq1GwoOe/jsTItGV+hZS"
    "EPBLP0wTNaegD94UOLNlOk6jD2F1QzNmlJOZssFsRNlHjzfDWnSigf0a58RCoIfdtB6I/Q"
    "gvx+IWUqc4Lq3cXLHRxJqMrOK+J1QSrDNiJRwJYBq8Sq9yJWNbcxw14v6Bqzpovl1HSJMS"
    "JOcYQhiZrWgeTZtfpinHrWmzsIXNto6pD/5FK86u4f0IRFWkv3gLo1pGAZFupH61W6UTta"
    "V98TC7SLq5/RutzBHCAUqMprn4EPVMehwvIjxAi4aOZjhDlOx+19jIgDMtQWVdm1pmtXxb"
    "WTNieftqGCUu9sdPfL6ejs1+Ha7/5g344/31+dD9myto0H+462uR8CTJvc07dn11/Gt/S1"
    "7rygSimq9VdgevT1Z8QRdMVYFVPvMPoJvkAzmEGSZ6Mvo8nF6PRiPATrOR7s69/GhEmRar"
    "R/jsBFZBCT0OxiovfoYZZS78KLSoMzTzqBOEer0N6AdjvKFba5eyi5bRC1SkoFAaWIOofz"
    "ViJXVVFIVRRyTxiropDNuAEbbtPMRwik9WVxZThNp9qBSOrFiUJivqvPIUayfVTTZKozbT"
    "ZK1HFlIU3SKDxLC5wmYjLS6EpXN83Fg7Ts0BA1MqfPS5EeteEGrwHjm8RUrVy8mxvUpk9D"
    "AXjZZq8B27tonm4CmzwTG1WSdwxdm/zAW5+hm3OjJF/3y9woKBioudHIzSFmNoDGwrR/IE"
    "wxbWQASgq8OfSiBqVBUbO/0goC7ip4CEwMIPgX/T6s2+u/OKFm9c0r4iiJFM44olqlaak0"
    "rYaos1tJ0+q8x2n8ZXw1HQaFSx7sm3sKxd14CKLb8cG+u7+9uZ3QZ9h3l64ZyAT7N+i0q4"
    "bBjmyURyJ74Kh4C+RN7W3pq9utCp2Vi9G++zq04k4kIjdpldyiacI3Y9xMMb82X51OfvmT"
    "w2v3WRISn6Dp3Bm9FUEFP/syAIfDFbYi2NLINB1pjk20Wo7TufAazNF15jasrfJ6YzLz23"
    "MIt85d1IjEfMXfrfHXgKa10lhvWyIZ+R5HHys8Irm0lY7JhjG47oMyAIqInKZVFeUssYI5"
    "D7Nnsqh+jr77t7vrKz66SZrsSWXqHvgvsEy8tZs+YcV89E2i/Nn4I/28fRgyKUapUysSqz"
    "5cjn7PSlxnF9en2eOITnCaNUBY0JZlSZJGsaR2luhwSctPaWEWDP2nwSuMWywZF06gDiVe"
    "05AcWqw11dsAX0+hIN8EeWWgFbx8eB994wl51XpAZUk7hO+uw8gYhhpzCvOy/jeb+JO0nT"
    "Fu7JgLqqyZKmvWmHOonZUYVFmz98h1jnFKtqxZorkHC5fiHMES1SLWEVUtXAMStSLqC8iL"
    "AeOE46XQLA7GoxFvgRjCxm0MxbthggurMcCC5Z7gC2J/BRI7+SdtZj9zXPYw7ADkruNhPo"
    "LRkmZe/+CQ/ZIPyKt19gf7wZ7OEQjWCPhAZ+yHM/XBOtnue7CAzwgDBPV5GOFHP4bNMQyq"
    "zBFkyfgXE72ST3uwo48LyyjQeEYaEhgED76a9Cu+zsnapS9NAy2WjkcLlIFntCLDdMukXx"
    "tTA31xo6MoODJWhOLswGzDo6/pehqMpcE/EzeuKsrQzKIMbcoU3Vkw4lZyRdsSitWRJZ9w"
    "vrjwVWZ1R+NVeIVQeIXSx96Dm5hVnZLOGU1SKUtf5XDSRpUhbO6mksgWVTm420A1IfqLIp"
    "ogUYu0PAU30snemL+YSZRrJ7Ib0xgT60ogN7TIUSgNbvXCmS3BVaR0pkpq3llS87oY6Bux"
    "vUDGE3JFS+W2FN6kNNqo1OaR781HnocWS64tNfm6X2ZNJRL8nKhT8UihCrGWQwR4asfEZM"
    "ncL0E4QR+w+gXIiJqlw0cfk9Hmgva7+IARAhi5L6aOPi5XBVVh65taJMEZLaBpZe2OffC1"
    "R/Qccsti3itlomyIulNsooR65LgRteDEFB00Tm4hFzfaN8JpuBFBB+EdHIsUViOjSjq250"
    "qrJQ4g4TUck3QQ5fqr17WlUXuLzwll6t0kgrbW1CsRdbFVQXhpEp2FKwMHb8rF36WpPSPB"
    "3ggjImKSZekxdz4ES+h6Nuv6hleYCKlEDGXPibiFqaBKGI1cG1rU8//9EFDvPOv7dvfL6I"
    "fB8QmtykP7w/H6yW3tc2ruM6fq+9Rd32fpopn5TeZKiinquZH2qz5s+T4KNpY2h5iTTFGS"
    "PZ8m6+DVX7901fxKVW0uI451Z8lrdlWcIhdTqAS5lFxVS4KcknO7Kucm2WxB7Gk+rsToLK"
    "2qcdBkTrvoxXmuxOc0peJyk7kcqlayIR0pKhXRURqCEIJVg8PxJp6plbhu9uWm1lWj3I0R"
    "9hwzS4ItxXaWxCoQKZ7sUOMEERWxaSOMwSv5K8qowCx7AXyAHnMDxsYR59UGdE18D6BtAB"
    "cZCC3Casi8Osrb+AhlXWnAWdQvsa7sVydtkGVlKzop3TUaBYQjMpWV10zRvctWeIP+kXB5"
    "TXbeaC/Q8mVxzlAqpDcgrRL1VaJ+U9Z2S1O2ixL1K6Vssz4jb0zZ7lgrlozNgqLw1px2Nk"
    "lHEQrdvW+EKHYsdwSibWqOd8jzLLRAtheECnM0yOyQvoAmqeE1kZhSSWNLYZxrDxbOC6MG"
    "j8h7RciOHe1MuWOKn+s8uXDRB0xkMqiOaAPTA3M2DzL4Aazb+BCRUNa09UAFqTY+SLXzrW"
    "Ymd3f34yEwMfbRg307/jK+pV1lXFpmArMn5+Px5TA0pDzYZ6Ors/HFEOj0J1vZzbWfgAGV"
    "gr/PWnVKzd2BmlupJUqN7VDaiK9UPxSl1Spf4tZ9iS1irUq63zOqL46vz6WXappKYdo4t3"
    "dDj4B6/N4qQ3xnGeLhRq8B3S/xTN0EN30mNipkY4RcU5/3eIkxwZt+aWJMPGaTaa0Y1Jrj"
    "Id6LXeqNVfeLLU7U7iKZF50gabKtqWoYxPGxUObucUnm7nFOnyabSgLhcHgH0d1O8UDH9h"
    "DPXFGc+ZAg2X3qw34E19qSHPaa5fnn/wOtuasY"
)
