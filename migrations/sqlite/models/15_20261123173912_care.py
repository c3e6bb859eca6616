from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "member_associate" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "assigned_at" TIMESTAMP NOT NULL,
    "staff_id" CHAR(36) NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "member_id" CHAR(36) NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT
) /* The staff member assigned to look after a member (one per member). */;
CREATE INDEX IF NOT EXISTS "idx_member_asso_staff_i_e8bd9b" ON "member_associate" ("staff_id", "id");
        CREATE TABLE IF NOT EXISTS "missing_points_claim" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "purchased_at" TIMESTAMP NOT NULL,
    "amount" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "receipt_reference" VARCHAR(100) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* OPEN: open\nAPPROVED: approved\nREJECTED: rejected */,
    "decision_reason" VARCHAR(500) NOT NULL,
    "decided_at" TIMESTAMP,
    "points_earned" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "decided_by_id" CHAR(36) REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "store_id" CHAR(36) NOT NULL REFERENCES "store" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_missing_poi_store_i_02c27c" UNIQUE ("store_id", "receipt_reference")
) /* A member's claim for a purchase that earned nothing. */;
CREATE INDEX IF NOT EXISTS "idx_missing_poi_status_cf2838" ON "missing_points_claim" ("status", "store_id", "id");
CREATE INDEX IF NOT EXISTS "idx_missing_poi_member__d2d331" ON "missing_points_claim" ("member_id", "id");
        CREATE TABLE IF NOT EXISTS "points_gift" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "points" BIGINT NOT NULL,
    "message" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "received_entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    "recipient_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "sender_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "sent_entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT
) /* Points one member gave another (a gift_sent and a gift_received entry). */;
CREATE INDEX IF NOT EXISTS "idx_points_gift_sender__ef2758" ON "points_gift" ("sender_id", "created_at");
        ALTER TABLE "staff" ADD "phone" VARCHAR(40) NOT NULL DEFAULT '';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "staff" DROP COLUMN "phone";
        DROP TABLE IF EXISTS "member_associate";
        DROP TABLE IF EXISTS "points_gift";
        DROP TABLE IF EXISTS "missing_points_claim";"""


MODELS_STATE = (
    "eJztfWtzqzi67l9R+Uunq9yrOtdeO3PqVDmJV7dncqvEWdOzV6ZoBeSYCQY3gmT57N3//U"
    "jiDgJLBNtA9CWxQa/Aj27v/f2fwcIxkIU/3brOswsXg1PwPwMbLhD5kL81BAO4XCY36AUP"
    "Plms7TLV6Al7LtQ9cnkGLYzIJQNh3TWXnunYtPF0joBjI2A5K2h5KxASA29uYmBA0inECL"
    "i+jcEeBNi0ny3y1XkbAtMA+z9+ok8xHJ08htxqqkPfNv/0keY5z8ibI5d0++3f5LJpG+g7"
    "wtHX5Ys2M5FlZIAyDdoBu655qyW7NrG9L6whfdcnTXcsf2EnjZcrb+7YcWvT9ujVZ2QjF3"
    "qIdu+5PoXO9i0rBDlCM3jTpEnwiikaA82gb9EBoNTBCyTXBpp2fTPV7sdTTRsUBieiSMEb"
    "XtIdmw4seVXMfv0zfYWfDvaPfjn6fHhy9Jk0Ya8ZX/nlr+DRCTABIYPnejr4i90noxO0YB"
    "gnoLL/BVjP59Dl4xq1zyFLXjmPbIRjFbTRhQTbZC5vA9wF/K5ZyH725uTr/s8/V0D5dXR3"
    "/tvobo+0+pE+0iGLL1iU1+Gtg+AexTvBV/ddF9n6SgbjNE0PcT4UQPmwFOPDPMIIurZGwS"
    "hCfIF0cwEtPsoZuhzMRkD4Keygg5BXYHwxPp9cjS739g+GRwxm/KdleigN/1FhHi8d0rP2"
    "Ci1fFuccpUJ6DdKeuUD/jxyzMjtGmmZ7O8bgYXo+2MqWcXIksGecHJVuGvRWFuU/fWiZsx"
    "V5BW2BIPbdErzHtr9gmE/I60FbRwXs+T1tcRTYAsOSAzG4vSHMwf0pCKgf7fvb8fXFKcBL"
    "ZBt5zk/o9DwROTxPys/Ok+JCQK62RK7pcBg/sbHJdbHFQdEhQcaArrYi54zs2JyPLslgjO"
    "60f41Hd6cg09ejfXdzeTm5/lXbP9Cubq6nv5FBdB3LohOQXFo4tjfHdUbwQGSRHZQvsoPC"
    "InOR55ND9o0g5bxpBlxhCQ6eT7yeo29qCH9uNUef4n++L013pS0dyyxjM9cvlEInW1wqNn"
    "pF0kvkevx1TJYGo320R1+m4zuNLJZrsjBOAZx5ZN1TBo8MRHR3cj06n06+Tqb/ihqYNpGf"
    "zVfTW7VjuYSDkKxgwZVSoNveIiGcTTdWiQ7x/AnqL/Q00FEAiAQTyyPfDSe7qW1JgI09Hh"
    "4Ic7G6i+gP1yAPaXKHcqwlUGco8yCHpJ+iDx0UGMjJBo0b21oNAlVSBfLTydX4fjq6uqWP"
    "W2ACPMNvNB3TOwfs6ip3dS/PY8WdgH9Opr8B+hX89831mMHrYO/ZZU9M2k3/e0DfCfqeo9"
    "nk7IVGSusVXY1Qy4y6vzRqjnqWUo16W0Y9wig17OztqZZ29pJSKdILdId8g66hFe44B05Z"
    "2+KtxcEifwXa8JmNGQWXvmaoNb9CiyemRS7o08M7wyp1+iJps1abPgK6jz1ngVyAbMpvIw"
    "OYNvDmKNKDFxXmgjQN68QfHiYXEkpx3zeNT5SmzqJarxsf/J+Zb+sURcCeRP8c/d9NqQ0q"
    "VlWgVwyWSXoBsJ9erSRHC2haMvqYmKAZNnq3Fogs13ssxPYeV/C9xwXGVxkhEnyFjBAHFU"
    "aIg6IRYgkxfnPIXjsnbKwM0AXCPiJ+fCw0o48rZvRxgf2lJxuRusPjRdjykyXr3e7RvJLQ"
    "xBoT4jn7x5njWAjaJUdhmi6H8xMh3NS0jrDf7tl3dnNzmWEmzybTHMYPV2djgn1OwOMI0k"
    "qw6xmLXybYSbD4qaPGd3VyWCCO/uosJP3yjztkQQZucR5E3jBhNx2cBX9F8z66msyGnG2D"
    "/EL7+b1ITUlP56yjvmL16vg6EYveidPXoJe+ghSIsnhuLt+J01XcUZ+gktJB5LweKKegOz"
    "5PZxwBe2OjqUP+CGxsrMdR0uEahMPNufUAFzY37EHPr5iL4pAFM5Lucz3FizBGhuk1OcvO"
    "WY/9m2WS2sF7D85mA45yMLgxrNIN4riJgGpwSXZMxwZUorCfwcxxmY7vycemjTA+BZDcMx"
    "amDcgdCKgxicxmnr6wfkdKiaiUiF1RA3xQJeJgUxN2GyrEuaRLYkzQO3yPROA9KkeX41yr"
    "9LNb1s+6jlXb4TOibTPWg9HF1eT6NGAWHu3z0f1vkzFzJWQcQ57zULrbD6G79ZwXZGuvhM"
    "cMpQdBB7MCnfLCVGpxpRaXUItjz3GRRk5r89leoNBdv76Sjsmv97TPDs6HZpR0dVQBAWJl"
    "+oAYzzVKAQ3HDUW8hoIT9wcMktEHnkOkd9ZNfCRjKvQDhywTAD0q9Ztu0AJz/Yqa6ZWjNP"
    "gW/shAzA/mLfn87/coE87M548SqPtfBweHh78c/Hx48vn46Jdfjj//HJ8sxVtVR8zZ5Fd6"
    "ymR2tvXhvOoY+ijHUJr5SK9YUTVemqZJZV47Dpdaurv8cS0LaEKjACWAFhil3IQtgvuFIE"
    "gOs3+gVUECr+CDugtqgQUil134Fp+qmUVKfj35zSiQ7e7IlnE3OZ8OitO2EVj7xVkWYU2W"
    "agmsu3Fnr2BQBXhTCa50aUEdgTfC8yHAJhnlE/8GaDTdKrlA7S0u0h3XwMD0cMA5cs1W7+"
    "xOGa9asF9X8ZXtN65020NbqUKVG2trpnu/BKWa+jrKeCl9XRVXtVF93SUynpE7tj13xeOH"
    "0rcruSKLNdRQ3HItc3RjIxB45gJnxvLdPUGL8sufwDVlaEAYqjoMkg+AgHs0wB711Emy4K"
    "GZjxHmZNHbQP/r2advg9C7LOR6I42eUuG1ToX3Ytq1891EtG1muwY0TccpoNk5Hu2zm+uH"
    "+1Pw5Ng+frTvxhfj8dUpmdwGQgv6/csDTUpEJ7ttPNqji78/3E+pVfs/PvYe7fHvt5O7Me"
    "mLJsBAtP3X8d39mBJQYyW5cnFzTY6dU2A4NvnhtMXleBS0IEwVZlfOb1gqESqZsGQiv06+"
    "0Je/Jg96NmeehsnmEV4ljceTr+OL8A4hQYT3akm+pCdff0EcdkZs6iTUW3TYga/QDHqQnE"
    "Ojr6PJ5ejskoxk3MejTVNYsQQwNIkVS/1y8086WM5bW8YILkpcfCu214Rme2b3nuyyqcUR"
    "nLEay/wjh3+BVA1D7WEgogXmuZ6UaxISit45Eh4LaRKOKzQJx0VNAjkrEc0eK6WuyRD1Du"
    "eNaGyIDOG4WjmzVrKXZ6jazKbVxHoDRyaDjCeTrIOZK5eIgdyygJhNZ0NV2rBy6PulDcuu"
    "rLRKQIIhzdApbqg2N6Q7LhEhPSw9AjnCWkPQti1uJyMQpSuQ9PXIkb3DntiyUei8+0xv8K"
    "zwnikNFJZ29JCNRm/bti3q8JE9sVroSdPOaduEIw1vt21i5ooniOkotrkzRgDeiCtoAN6c"
    "fa2fCOe4qFZ5gl063j0rxcAzfkb3hpWWT8fT4moO682e/5yb+hwQIgwgMNCT6bFaEN4QYA"
    "f4tuHQhATk4h5NO0DmDktmSg01C9bFj+RzEFgAyHzCCFDXr4LtcxMPebRZf2+mNw8DHJw3"
    "OzAJrYBJpgCR35illTyIJVUg5HNqdy0NgSjYTpn1WFM209baTJVZZUfyU7wypKBPUynwa4"
    "NPd3hZ6BMaBbwU8BXyWOxctFWmq21DIcp1pRe/AFNLJmxjgu6l08U5LgpssrRbxcneBr4Y"
    "QUoyHjubbVDJ04Z+HZqetF3L2AZDz/yNWPp9bBqIZdUKCkyBoMDUECwguR47k9BgBpuyou"
    "SJnAjcpjoV8tyLyEMjS+i6xGwuiiFVDGlLt61dOZgsyBvQ95LCPkOm4K8Nf36vkjEl52l7"
    "aEzuiPE4wqTSepw+hiRHOkfawEC3UwPZi3FWXgLKRt2VxaVsqi22qSrrX+PWvx1J9JkZzp"
    "Po80ugQqIvZNgXSV8QVDv4AUehc3gIXtCSyNW0GDvNg0VFcewvqN0nsAkFcYCAKp9Mfkqt"
    "RvpsOJGBEti3JrCnI5EkmJw0WW+yYm6bwQm0enLIp4gU7vVwj8LixEGPKBTiNS125iyWaC"
    "VsdikqhXxN5CH2glQppreqobLg0Su9RZv1FqoWefkS7GZMC2fYS+qgSapKMkTbTQ7WDT2J"
    "SMqcUAziHG0SiXL66QLB43ZDG/Z762Tmbed9RIz6d74Tph66f3DSL+W3wSJoUQk5QT3bVd"
    "xNF3e+tUq2zL4vomJrQG1GJ2GpyiycoWvVZaFTlICqLHY9CSjBzHUWLOlUsP0MA/9rMDNd"
    "7P1k2uEHx/f+RpVcK7CAqzC9Dkdn1mDnj/aj/cVxAYL6HITawCFTudHV/wP4I7bQ/wEINw"
    "D8ZaSSS7xrojxaYoq4fEqsjAsA9fUegm+D4O1w7HkTNVF+Ny1V4ym/G+V38wHhDxwRa8i6"
    "GcIeirrdFW2LGo3sYSQ1yhlKpbdq8ygrf5td76Uqpmm74Cu3nF265ajoJRl4BaKXduSUE7"
    "lE8ZQLKXepCt1CupWAEw6GFgrreSCDlpeDwDMti1Wth6E7zRBA2wBz5w0sfCLYOzMa/fIG"
    "cZjSFxk8T5zmOhbRAmSUQKl0ZnIivio50nTJkbYkstytViWbXFEokeV+RSLLfU4iyxKVyQ"
    "XSzQW0JHUmRkD1KaTu7knAQ/hifD65Gl3u7R8ND3IVRtJ133NJ3nyXzkjOEVs+jdM0PUwS"
    "eigwiw9L5/BhHuFQKR6oMuS49gKpYt1ry020LoUWACo3CDlC5eL0bvy1sACC5Goo60GNSF"
    "2leMCLarXOWA71bg7bTQ1K0yftu+a+mvbNpbWFeE6F2nrTnkOtpn0lgxkBVj7xxQCvmPsK"
    "8izkKl96z3xLRfKlt8u3tL1islSm6J1Vru+OCbMbmbf7M0Er7FFlfpXS1pL6npXtgLUR30"
    "pVu37jKbfZZtkIrGE/ndxVBVBNzhRps95OYyA6Anh7QiC6CFigCnonUHeskx5tjRstQB2i"
    "xbGmJziW29LdpM36BJXQ9QA1bVsWtWNDEBniwbP5imxAf09g7qbu7qGrvTeHHnij3vUs8b"
    "npcXJUNtdvw2ktlLG8aWO5MuIq1fIHMTOGaMonr8gRKu1+Te2+0n1+QN3nzpMQtm2slf6z"
    "nXiqyoMbVH/uJoVjS5f+Biq4KW1dU9o6VcxxE5rl3YQ2TGj9N8ejDrF3LCpgwNHKFBsNqx"
    "Q0ZtJcc5P2a5U10zkK0hgAaOM35NIsBJBW/XBNZIA3l0iSNG/oinx5WoG3ObmLX2gUQ6hm"
    "IbeC3Ac6LWBXVNpsoH+O8obmPiCjTe8SgiDUQeUobYekVaHkicZM1I08JuihD/lnkVCIz+"
    "WREJ8LOh66EiTADZv3ENoDoTCTg4owk4NimImzpICEBgpRjDNEPUT65EgA6JOjUpzprbzL"
    "MfmZ2NMI3zmXQTpPp8AWAhvT9y3A/Pf7m+symCOKvPrL1D3wv8Ay8cbUkCk7x5NvWp5p40"
    "/0sbswdVCEMpqvCOa9q9Hv+RE4v7w5y8uqtIMzpZn8oJrJgopiN4JJ4MQ1NRlTXZBIUncr"
    "RZHQU8qLGsrUPwgCBT1AiRNTLnJNx6AB0SYGc/JLaOR0ZckDyW5EwqoDao3WH1fJ0topT4"
    "RDhD3oSu+Yedoe7pkd2SMjTKrNN8lqrDfQIaUa5lYPs8p53jcOiDPsBe9AempL2rxSJMrk"
    "lZUi2hXl04Y8ys3aECM+953GmIiv7uQUXWuLSa3PBkwxKi94m/OCl8mP6yVHGZHRQq+I+Q"
    "EHPw7PzSVwabbtwJIEAS1zZ85WBD8QOIYC02aZt4hIGDCBPBGyqW6Vh3ELdu1hhbDI/hdw"
    "LlcoR+17qEjeSBouF9ovRXzLE2eHzZvxYm2DMuRg/+iXo8+HJ0exDiS+UqX6KDqoenMyq+"
    "eOJZsHIUOnPOJRejIXPeJpyixtQV7RXFpcjq4Saw71bhDf3x3cJ8ND8fgD5L5wwr/KDU0x"
    "QTvsTPR5vbEzmTioBMgr4+g4FoJ2CeuRpsuNyxMh3NSARJv5dqE/u7m5zEB/NslpqK8frs"
    "7G5KDMrQIVctB/tZZIyIFSZvZt1MuUmS0x51KBmwg0NuNHueJ4eHe4TijX9KShgGwe57pe"
    "OK8IPCHvDSGbicg4CNB9m694wrcwnXQebFNZbUsFlR1bbcnSx3JedAlFD4XxjTgrtshc2k"
    "4FdgdPmiKDodjKvjEYImwlLVKp1TCZ5umU3bTNdtNeQEpmcR3bvqOmqUrotxOjKHefbQDc"
    "fhv78yeLALjhGlfQrvOjcASA3Y224cKxYfizC7qG+N6wStNgpFutTzMWJPgKcn95DtCJvG"
    "h6qyF4hZYf1NmK84AF107BC1p6rOyWi5aO65ER4aQZa65f5QTQgsNyWKF7CMdWk3UGyNMp"
    "PYSgHqJGNZ1dFNLpidJN5dPblveAKopW2EAaLoqmlFvluPdXuaWUMI0rYV4dX59LY5qlUh"
    "EBSgezE8d04cCAcL4WB0EyMuBr0k8XJ/baEciu643HBtwh2seAm4Wc3RlWZyGP26z3QrAB"
    "4doW1JWfius6EQEt59lHQR5wCHSypKnrfiBecLwR5OlFvBIyPnO0j6hQqCrPreIBWsK5b0"
    "T0T79ZAeYp+l4i/efItof2YAfTdzr+fZphzAvevTFzfnlz/WvUPO/ym0sDZvK8PujEHtv+"
    "onAMZnOCmVy/j1ZN8sHt3c3Fw/n0FCxdx/B179H+Mvl9fKFdTO7Pbx6uyY2ZSR6nGSbWqU"
    "Lj0b4d352Pr6epFkvk6sj2Um2+3I3H2v1vk9vbyfWvpAsXIY1Ggy3J2D7a499JH5Px9fn4"
    "FKDv1EmGSPLo0T5/uJ/eXE3uR9PJzfUp0H3sOQsTM7X2o31xcx3eSKu6pZenSN6ng/K8Tw"
    "eFvE/pc6gwU6p0czlCpaCrraCLJl69GrMc6ner7NppIWtMYxdDFi79uoinyD8g5McyOtLO"
    "GVs2xgNsgd9amHZgKpYMxCzQ1drUWzaTmw7JDIPDNYcqXYsnZlXQVJ50i3FT8ZXOBk4Rbk"
    "qXmcxxezWJi2AmfGsNo0qBWLmGt9k1HL5Ck8GsUecs2cEuUqvR7sZoEw7VtOoPd0yuxrvN"
    "4x0p8V+hZRqaAVccMb70jOQTb0+U/68Nl5Nr7LwkQtwzWRIuZz2VCy8Zot5JLsdCkstxhe"
    "RyXJRcVDoClY6gLadEj11rVDqCvo06h1eQTUdQ4CneWaP9He4T7eAPt1ukPYKL4x+RQrLc"
    "QSLl9SIQQOE6ziyopO4iWj6M3jgl34IhGJL/zz7CmHYOdPIwTqxErS6kszekjhnlJrHjiA"
    "kyiFLK+7B9M6zvbtNlZN2bD0T8mw/KHZwP8nzvnz4k4rbHUSiXym5pku1JbJvKMde0wBYW"
    "SMdLrnlPoLR6TKkM27UN29iDns/hIsQcUBLqLcrOJsY+MiT35cHk/v5hfHEKAupH++Gefv"
    "Mx/Xw+uj4fX17SCzr9nZZFr45/v53c0Wvo+9J0wyfK5m49EdiG9vMMZypz60khESZ7GVzP"
    "JpCiVCrD9ogBHOkP1xP9cJNynxrfzeUCiraZOlqdHK0a6VaPtNLe9UyPowLjdhIYF0SXSE"
    "KaIVKQ5iBl7MLTShLTLJVK+MTBFHuOi+rAmiZUyKowzp2k0kri+N6JbBI02FNkM8eLALLh"
    "1tkAtPcenM06uxOsBTZ7xogiy3bPRsAN++kxuOmTZrOJylJBHamwKr7RMgr/Xm+6TOcs68"
    "cw/SVpjRz5hundsZzsA45FMn17WGWVhLSh5iYtRYK3SXfINn6ibvJhXvjAzojpvgQcF+AV"
    "pvHZMDCoeXPogSBLvUHbeBxrZWO9ihgwgx5oa5p7fgi+ETxc0j6YZgwe9jW6S9o76Wz19F"
    "ohhT29mF5X0bXaBlKV5r5Zu0e54TQY3/Jg3BJX3AxVm8Nwa5pRm7dfpBeSHMzcCS8GcstO"
    "gCzGJyIBwyflAcMnhYBh17GkvACi9v3Dtvn5W0e0V1J9ub4kOYgldoOtp5vo8GaQ42tEUc"
    "6R9RDq5l2EEp5RHmh1uolO6J3aVlqGdTN78BOacRUn5fU+E4p3FfzsDpobqewJZx5Pg10O"
    "e0ygUK+PuovIz8ay23SWSu3T6/dp5flQDn2/PB8kIlg2GZ5xr0P73ILmYsBRhyY3h1XKUE"
    "yaaXrcbq0qdDpHwDMtK9BFzkwXewDqOlp6tBYFoN2xyIpTlqYSk3diX4GJgYtmVBNPK1ZA"
    "ewUcqqtkfRVVoxt7ioiqNOU3Wq69tJ3QoiK6n8YEKvSgRK4oV1a2yAe4bTtrR3ZSMddBug"
    "3VO0AzlGqYWz3MylewcYGW2QullbQJjQK0PVrv/gCqnNl24MyGI0epLTlcdRXX9PYnBOt2"
    "Xa26C+u23KxqCMtfoGn5LhqUiMvR7eFagXmWarneeyiWSZncCj2PZiYYApawl1xdEgFVh3"
    "hukv+0aCMVaenMAJa5MD2O39D7+xMRg9MLRDn0tN6hh4wQlrMrJxTK2Clg7FTq3TosYuek"
    "UyVKbZbzV/xpY/zpbhipQOKitUd4fFTqbiUbtci2E2CiAoofMMD+U3yLVsSGYGlB+xMYeW"
    "BBq2A5NmI8UEBAbQKW+crzv26kS0FWKkwbEhRZZWUaTMfQkM1zrVb5pVqTX6p76WLkt67B"
    "7fj6glUVosEIrJ4Q2WBGl+wSAR1a7NrofDr5Oj4FQVLTR/t2dD/VLh7IlSXEnmb45Nrl6J"
    "almbHgsiLRzJfRhF2iUlRb0szQ9axVaKbL2egiZSPOEm0y8ImgfViO9mEB7WeCwxuUKk+d"
    "ImnzYmqPuDJH+ovjy7r95Mj6NpUPjo8FgCatymvb0HslUEsm487T9c/J6uBn0VpClcWECj"
    "m5w81AS/NtkhO9oosNjUPfZn2WlSW8jiuvGSnpQ6V4arOKhCPEvG/cETeeUI16u0adMfBE"
    "KK0c98qSCGVdqKJjEuURImlLwybXBbF65RWp1apr86oLLY2avHmnSKnqvYjUe1F2nnL0++"
    "XGr8qP9HnUOdtr+PbKFXWDnpM2+k7YOwvy5fFyVPN0KmY1x/bJQ9oMmv2ZpsofdQf+qHQS"
    "NoYrtRffhh32FN/UohVAN941dwFxO/fZtQjnTxpp74pUYNorog8vYC9TkyyBffyKOlnJpQ"
    "z4jdYmS2A7c2wf/+pC9twKh5RUu6GYa4r2REm055hGKDyWTq0fMGC0ICjdw/xwQycS0zFO"
    "w4JkzKdkL3neMLz/4xBg6oTyH+dpkBuB5p/waLu+Dbw3Uye/h3RC5iv5wH4zBgjq85Akfi"
    "ANZC1zffmWRi9kPdK6/X/nfGOUM3ErnYnfY9PZgC2npRteByXgouIj2D7kFltCoyqRSa45"
    "pWf8YOuLsHQuv+JE1QpLU6k1VnuNFZgROR1fmotRChQBBUrkz92YJNpdeAUVKakpJiDus2"
    "2hAYAvkfGM3HHUW08RTm+iLQ2hCET+SrE11goISawobr1WVr0h0iJLIh+mlA9Szyd9AWgb"
    "4G2++gSuSa8uCA1dQ2CzrwGcRjGuosF+xUtzp9YRzUKv5MpWypUz11loVTEVJa4MWbL++c"
    "k2H89AOFJ5nDNEPfSybx5mFXW9eYccVapClarYEcYqSWw75NLOaX2U4kEpHnYEb2OKh13L"
    "xswLoVI0jvwUhCTjyEtCJNfAEppGWmJ1ZjPknoKly4ykBFrkvkIyBCw6msmzT2SuzEwP89"
    "IMvLO39UKwShKw0yQB7L8EzxS17yNTKiQA7FcIAPtFAYAtFA67hHRzAa0SE2VEk2eUAqJP"
    "IXEHAa/A92J8PrkaXe7tHwwPcnFEEfRHxXgHFounSwXjp2l6OIsPRYLxy2Px8whHOzwf4f"
    "VpRNL0bUZ7cHVzPf3tFCwc25s/2v8aj+5OwQpBN38miozBZ4Ex+Fw6Bp8L+jB6tmoGXHEU"
    "YqXK3yzR9uywP29qlgdK4IP9o1+OPh+eHMW63/hKlcq3aF4lQ2trC/KK5tIyee7TlVs0h3"
    "o3m/X+7nbqk+Gh8EYdOCPW8dfJU/ZmJm/ZnWDmIqRRFn5J3604BFWxzwVaFfQsEfRM89lS"
    "+ZIGjuuhhVNiq+GR72av2dSCENhrjiWYQvRdt3xMM1u5iMr0vA2narZz6dWMl5jxJtaCTG"
    "uSyGfotoh4JNl3FnClmS8/bbsZAazivj/iqHPsM3EwUguK9v0a5B0rdfzK3B9W6bajDGaS"
    "Ll9L19ERpuUDGGHgnbWEqwX9EvY5BE8rVjcg/P4DBs6bHRKYJT5fTXXMDStKpX9kjbXIy0"
    "sFE7VDSipXj6tknxtP9hkvCQmM0zQ9BHkjOQ8DzBhM0khHVD3EeiNWH8f3dEfOsJYi6V2u"
    "qwPRTKpViVSL7os6IqJiHfY3R9pD/re7/G4g5rSE4T0PdW+3rrNwwjEocL3FRpWsb6LPy7"
    "QXKcUFTcwiEigTGnUDQrUgeDO9uWkTtpVOWfLNNpw38I2FMtMawkOAbIN++JFblavBrgWr"
    "SgS0jCkOqFXBCOUL0muuAH0nz6tpBSjQfkTfEBkrQGaHkWEOMoSKNWgda5CNKTXqDHGKTA"
    "1wqwdYWZKUJakt66qjNgVlSfqIo95yS9K5iwzTG+ms7vOAJ1RnGgwrBWrWlOz3SVuZkoxv"
    "0LKQB4JehuAFLT2A/vShRYspUnEY+wsqGZs0pZxNJgviBkq8u7+GQyWUjWhbNiLlhL5pJ/"
    "QnaEF+vZAqkTlF9eH85faPJERl5w3xqiBVYRuRKGCrgFVs1Udhq9pbmGGnB3SDUdPlfGo2"
    "xRhhpzjMkERO64Dz7Ft+MU4+6/UVBG5sNHXIn0KIV9P1A9owSRupHtC0hBRMw1L5KJ6la6"
    "WjOPuemKNdkv2M5uUO+gAhQ1Wd+wzsURmHMstPECPgopmPEeYYHTf3GBEDZCgtqrRrbZeu"
    "ynMnrQ8+7UIGpcH56P63s9H5P05ju/ujfTf+8nB9ccqmtW082ve0zP0pwLTIPb17fvN1fE"
    "dv684rqhWi2nwGpidff0EcRldsqBLqLXo/wVdoBj1Ijtno62hyOTq7HJ+CuI9H++afYzJI"
    "kWi0+xGBi0ghJiHZJUQf0cIsJd6FB5UGZ550AHGBVqG9Bu1upCvscvVQctogqpWUcgLKEP"
    "UO5414rqqkkCop5I4wVkkh23ECtlynWfQQyMrL4sJwlk6VA5GUi1OJxHxXn0OMZOuoZslU"
    "Zdq8l6jjykKaplF4ViY4TflkZNGVzm5a8Afp2KYhqmTO7pciNWrDBd4Axreprjo5edcXqM"
    "3uhgLwssXeALb3UT/9BDa9J7YqJe8Yujb5gXc+Q7dgRknfHlaZUVDQUHOjlutdzGwAjYVp"
    "/0QGxbSRASgp8ObQiwqUBknN/kYzCLir4CIwMYDgD/o+rNrrHxxXs+b6FTGURAJn4lGtwr"
    "RUmFZLxNmNhGn13uI0/jq+np4GiUse7dsHCsX9+BREp+Ojff9wd3s3odew7y5dM+AJdq/Q"
    "6VYOgy3pKI9E1sBR+RIoqtq7Ule3Xxk6ayej/fB5aMWNSIRv0mqZRbOE78a4nWx+Y7Y6nf"
    "zyZ4dX7rPCJT5F07s9eiOMCn7xZQAOmytsRbClnmk60hybSLUco3PpMVig681p2Fjm9dZE"
    "5ndnE+6cuagVgflqfDc2vgY0rZXGatsSzsj3OPJY6RbJpa21TbZsgJveKAOgCMtpWnVRzh"
    "MrmIsweybz6ufIu3+/v7nmo5umye9Upu6B/wWWiTd20qe0mE++SYQ/G3+iz9uFIpNilNm1"
    "IrZq72r0e57jOr+8OctvR7SDs7wCwoK27JCkadSQND4kOlzS9FNaGAVDPxq8xLjlnHFpB2"
    "pT4hUNKaDFSlO9D/C4CwX5OshrA63g5cP75BvPyKtXAypP2iN8t+1GxjDUmFGYF/W/XsWf"
    "pu2NcmPLo6DSmqm0Zq3Zh7qZiUGlNfuIo85RTsmmNUsV92DuUpwtWCJbROxR1cE5IJEroj"
    "mHvAQwjjteBs1yZzzq8RawIazdWle8W8a4sBwDzFnuGb4i9i3g2MlHWsx+5rjsYlgByI39"
    "YT6B0ZJGXv/kkPVSdMhrtPdH+9GezhEI5gjYoz0Ow56GIA62+xEs4AvCAEF9Hnr40cewPk"
    "6DLHMEWdL+1URv5GmPdvS4MI0C9WekLoGB8+CbSV/xbU7mLr1pGmixdDyaoAy8oBVpplsm"
    "fW1MFfTlhY4i58hEEEqiA/MFj75l82mwIQ0+pk5clZShnUkZuhQpujVnxI3EinbFFasnUz"
    "5lfHHhm8zsjtor9woh9wolj30EMzHLOiUdM5qmUpq+2u6krUpD2N5FJREtqmJwN4FqivUX"
    "RTRFoiZpdQhuJJO9M34xFyjXTWTXhjGm5pVAbGiZoVAa3PqJMzuCq0jqTBXUvLWg5jgZ6D"
    "uxvUTGM3JFU+V2FN40N9qq0OaR781HnocWS64uNX17WKVNJRz8nIhTSUuhDLGWQxh4qsfE"
    "ZMo8LEHYwRCw/AXIiIqlwycfk9bmgta72MMIAYzcV1NHn5arkqywzXUtEuCMFtC08nrHIf"
    "g2IHIOOWUx75ZSUbZE3ClXUUI9MtyIanASih4qJzcQixutG+Ew3Iigh/AeHIskViOtKiq2"
    "F1KrpTYg4TmckPQQ5eaz13WlUHuH9wml6l3HgnZW1SvhdbFJRjgQn0cYO7oJGW9eYIbzTS"
    "oZ4lBahZnWa5liarUnAtNsFtn9CT3hXwm76jmEpXVeAMv1DGB0f4+6AyzJh+A7hxlupkvB"
    "euyzmSqG0HqmNhz/GptpjlTtpq3bTXMx0vF6FFWKp2mUVrzV1rA21Dtq1szAJl8DKsX7qJ"
    "9uzlKBRInJIm1Am6hqeLW5hteVSQ5d+zlwED23oLng8qbFVtXsadA+DIfS9JhCpuoxo2JO"
    "qTD2RA2SSFLPUMJh2o43J0+pLHUs3An1amX1vhgBZVBdpCPyYmCPZQ4F0DbiS4mTK3VJdZ"
    "hH6sy0EAamxxpGfqqP9hPSqZsrq6Z8Sr1Z0X+QTjXEwYNMTAhtSOYLeRHWhwHgM5ke5S6s"
    "6USm4QtpVU6sZD15PhufNCVloameODPdFF/dWr46mrx1GOs8reKsW81Zq6JYG079pqqh53"
    "WqDVdDLx5LElBziXuI+WYS7sWHfRHu9bmBE+ot+og7S2QP5BAf3NyOr08BpXy0R7e3dzdf"
    "aV1DwpC6ziti9Sf/Pj6fjll9yoDfyjOJu7E00M0Yk9+gyZeK45D2zpF/IzXjKHBGLb4pS6"
    "nSvbWZaQpFzUCqkxNUCqTKo7+uR7+ypH6IxRZtjE/8yJlydXWBUEUatNkI0AtIVUhMz8rS"
    "9WeaVlirVOTGpiI3tl0vrau4ChRM4/MEW7SxtnNrXQttgQ1SAUe7CDjajS9gYEX91ZxxY2"
    "JSd4dVJtYo02HUUCbDUOiKx7IAQWoARS41Tf5BO9Mwsr0/AAspIo2DRD2IjDa1poalP5mJ"
    "ExbMro0/4dEOCJhG+BUZOSJy2VzSpD8/4CF4Ig8JygqStwHkeQjs0U7wHNL3Y5bXyGgr7n"
    "PIXuu9SX9UfcGm6wuqlDM7y9iAMdnVZPTWKZLe6as3kk9J6dDq7Cad06FFh5pWLwMNl1zt"
    "bLV3tpiZkM3zkaNTeo28oijNQwlritJECtIipF7NbaNAqrYMqS2jyr+czVmlsRPQLKVXt4"
    "DqI95jFbgCCYJyB5KIRjTeFBoAWC7jSldRLuyjYtM4xbIpqMUndJHTbZVGb4RcU58PeBlu"
    "gjvDyuQ2SZt1SrxybNdrs6RUVh/Fqf+dpYPKNVSvyMWSyV1SJD30dj04PhZKP3JckX7kuJ"
    "B+hCwqCYTD5j1EdzMZkB3b4zJd5RUOUyTbL3C4G7mtsVKGO01V8df/BxtGYOI="
)
