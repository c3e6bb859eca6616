from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "earning_rule" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "event_type" VARCHAR(40) NOT NULL,
    "points" BIGINT NOT NULL,
    "multiplier" DECIMAL(6,2) NOT NULL,
    "min_amount" DECIMAL(14,2),
    "category" VARCHAR(100) NOT NULL,
    "sku" VARCHAR(100) NOT NULL,
    "chance_one_in" INT NOT NULL,
    "starts_at" TIMESTAMPTZ,
    "ends_at" TIMESTAMPTZ,
    "daily_from_minute" INT,
    "daily_until_minute" INT,
    "tier_ids" JSONB NOT NULL,
    "plan_ids" JSONB NOT NULL,
    "cap_per_member_per_day" INT,
    "cap_per_member_per_month" INT,
    "cap_per_member" INT,
    "budget_points" BIGINT,
    "points_granted" BIGINT NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_earning_rul_kind_a5051a" ON "earning_rule" ("kind", "is_active");
COMMENT ON COLUMN "earning_rule"."kind" IS 'EVENT: event\nPURCHASE: purchase\nSURPRISE: surprise';
COMMENT ON TABLE "earning_rule" IS 'An admin-defined rule that grants points; every grant is a `RuleGrant`.';
        CREATE TABLE IF NOT EXISTS "rule_grant" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "reference" VARCHAR(200) NOT NULL,
    "points" BIGINT NOT NULL,
    "draw" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "entry_id" BIGINT REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    "member_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "purchase_id" UUID REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "rule_id" UUID NOT NULL REFERENCES "earning_rule" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_rule_grant_rule_id_1ad11a" UNIQUE ("rule_id", "member_id", "reference")
);
CREATE INDEX IF NOT EXISTS "idx_rule_grant_member__cf2bdf" ON "rule_grant" ("member_id", "rule_id", "created_at");
COMMENT ON TABLE "rule_grant" IS 'Points one rule gave one member once, for one event or purchase. Append-only.';
-- Last lines behind the service's rules: a budget is never passed, a grant gives points,
-- and grants are never changed or deleted (wallet_append_only comes from migration 5).
ALTER TABLE "earning_rule" ADD CONSTRAINT "earning_rule_within_budget"
    CHECK ("budget_points" IS NULL OR "points_granted" <= "budget_points");
ALTER TABLE "rule_grant" ADD CONSTRAINT "rule_grant_points_positive" CHECK ("points" > 0);
CREATE TRIGGER "rule_grant_no_change" BEFORE UPDATE OR DELETE ON "rule_grant"
    FOR EACH ROW EXECUTE FUNCTION wallet_append_only();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "rule_grant_no_change" ON "rule_grant";
        DROP TABLE IF EXISTS "rule_grant";
        DROP TABLE IF EXISTS "earning_rule";"""


MODELS_STATE = (
    "eJztXWtT40a6/itd/pJJlTMVzCWz7KlTZcCTeBcwBWaS3WFLaaQ21iJLji4wPrv576cvkn"
    "Vryd1CtiXRX8CW+m3JT9/e+/uf3sIxkOV9vHGdJxcueqfgPz0bLhD+kL3VBz24XMY3yAUf"
    "Plq07TLR6NHzXaj7+PIMWh7Clwzk6a659E3HJo2ncwQcGwHLWUHLX4GQGPhz0wMGxJ1CDw"
    "E3sD3wAQLPtJ8s/NV57QPTAAfffyRPMRwdPwbfqqvDwDb/CJDmO0/InyMXd/v1X/iyaRvo"
    "G/Kir8tnbWYiy0gBZRqkA3pd81dLem1s+59pQ/Kuj5ruWMHCjhsvV/7csdetTdsnV5+QjV"
    "zoI9K97wYEOjuwrBDkCE32pnET9ooJGgPNYGCRASDU7AXiaz1Nu55MtbvRVNN6ucGJKBLw"
    "hpd0xyYDi1/Vo7/+ibzCD4ODo5+OPh2eHH3CTehrrq/89Cd7dAwMI6TwXE97f9L7eHRYC4"
    "pxDCr9n4P1fA5dPq5R+wyy+JWzyEY4lkEbXYixjefyLsBdwG+ahewnf46/Hvz4YwmUX4a3"
    "578Mbz/gVt+TRzp48bFFeR3eGrB7BO8YXz1wXWTrKxmMkzQdxPlQAOXDQowPswgj6NoaAS"
    "MP8QXSzQW0+Cin6DIwG4zwY9hBCyEvwfhidD6+Gl5+OBj0jyjM3h+W6aMk/Ee5ebx0cM/a"
    "C7QCWZwzlArpDUj75gL9Hz5mZXaMJM3udoze/fS8t5Mt4+RIYM84OSrcNMitNMp/BNAyZy"
    "v8CtoCQS9wC/Ae2cGCYj7GrwdtHeWw5/e0w1GgC8yTHIjezQQzB3engFE/2Hc3o+uLU+At"
    "kW1kOT+h0/NE5PA8KT47T/ILAbnaErmmw2H8xMYm08UOB0WHGBkDutoKnzOyY3M+vMSDMb"
    "zV/jEa3p6CVF8P9u3k8nJ8/bN2MNCuJtfTX/Aguo5lkQmILy0c2597VUZwILLIBsWLbJBb"
    "ZC7yA3zIvmKknFfNgCtPgoPnE2/m6Osawh8bzdEn+J9vS9NdaUvHMovYzM0LJdfJDpeKjV"
    "6Q9BK5Hn0Z4aVBaR/s4efp6FbDi+UaL4xTAGc+XveEwcMDEd0dXw/Pp+Mv4+k/ogamjeVn"
    "88X0V81YLuEgxCtYcKXk6Ha3SDBn045VokNv/gj1Z3Ia6IgBIsHE8sj3w8lua1sSYGOP+w"
    "NhLlZ3EfnhGuQhje8QjrUA6hRlFuSQ9GP0oYUCAz7ZoDGxrVWPqZJKkJ+Or0Z30+HVDXnc"
    "wsPAU/yG0xG5M6BXV5mrH7I81roT8Ot4+gsgX8E/J9cjCq/j+U8ufWLcbvrPHnknGPiOZu"
    "OzFxoJrVd0NUItNerB0qg46mlKNepNGfUIo8Sw07cnWtrZc0KlSC6QHfIVuoaWu+MMnKK2"
    "+VuLwSJ7BdrwiY4ZAZe8Zqg1v0KLR6pFzunTwzv9MnX6Im6zUZs+BHrg+c4CuQDZhN9GBj"
    "Bt4M9RpAfPK8wFaWrWid/fjy8klOJBYBofCU2VRbVZN977n1lg6wRFQJ9E/hz977bUBiWr"
    "iukV2TJJLgD608uV5GgBTUtGH7MmqIeN3q8FIs31HguxvcclfO9xjvFVRogYXyEjxKDECD"
    "HIGyGW0PNeHbzXzjEbKwN0jrCLiB8fC83o45IZfZxjf8nJhqXu8HgRtvykyTq3e9SvJDQ9"
    "jQrxnP3jzHEsBO2CozBJl8H5ERNua1pH2O/27DubTC5TzOTZeJrB+P7qbISxzwh4HEFaCX"
    "YdY/GLBDsJFj9x1ASujg8LxNFfnYWkn/9+iyxIwc3Pg8gbJuymhbPgz2jeR1fj2ZCxbeBf"
    "aD+9Fakp7umcdtRVrF6cQMdi0Rtx+sJ66SpITJT15ubyjThdrTvqElRSOoiM1wPhFHQn4O"
    "mMI2AnNpo6+I/AxkZ7HMYdbkA43JwbD3Buc/N86Aclc1EcMjYjyT7XUbwwY2SYfp2z7Jz2"
    "2L1ZJqkdvPPhbNbjKAfZjX6ZbtBbNxFQDS7xjunYgEgU9hOYOS7V8T0GnmkjzzsFEN8zFq"
    "YN8B0IiDEJz2aevrB6R0qJqJSIbVEDvFMlYm9bE1apEHd9Qu1Aheg6VmWfxIi2yVj3hhdX"
    "4+tTdp492OfDu1/GI+rtRg+17OGo1IvvQr3oO8/I1l4wGxQyuII+UDk65SioNLdKcyuhuf"
    "V8x0UaPq3NJ3uBQo/y6nokKmLdkT5bOB/q0SNVkVYZYkUi6xrPDXKr5q0biji2sBP3Ow/E"
    "ow98BwuYtJv1kewRuRQ4eJkA6BPB1HRZC4/r+lJPrxy59mv4I5kkyuYt/vyvt8i7Z+bTe4"
    "kl/ctgcHj40+DHw5NPx0c//XT86cf1yZK/VXbEnI1/JqdMamfbHHGqjqH3cgwlmY/kihXV"
    "NCVp6tQ3NeNwqaReyh7XsoDGNApQDGiOUcpM2Dy4nzGC+DD7O1rlJPASPqi9oOZYIHzZha"
    "/rUzW1SPGvx78ZMdnuFm8Zt+PzaS8/bWuBtVucZR7WeKkWwLofj+sSBlWAN5XgSpcW1BF4"
    "xTwfAnSSET7xr4AEfK3iC8Qk4CLdcQ0PmL7HOEeuZeWN3Sn7SgP26zK+svn6/3Y7EStVqP"
    "K0bMx075agVFFfRxgvpa8r46q2qq+7RMYTcke27654/FDydilXZNGGGlq33MgcTWwEmPMo"
    "cGY0JdsjtAi//BFcE4YGhNGUfRYfDxj3aIAPxJkkTtSGZoGHPE6ity30v5l9+toLHaBCrj"
    "fS6CkVXuNUeM+mXTklS0TbZLarRzJJnAKSQOLBPptc39+dgkfHDrwH+3Z0MRpdneLJbSC0"
    "IN8/35O8OWSy28aDPbz42/3dlFi1/x14/oM9+u1mfDvCfZEcDYi0/zK6vRsRAmKsxFcuJt"
    "f42DkFhmPjH05aXI6GrAVmqjx65XxCs10QyeSlKabxx0B/RhzWRGwaxNQ79L+BL9BkPUjO"
    "h+GX4fhyeHaJR2Xdx4NNMibRfCMkZxLNNDL5dYTngvOKGpJCCS4KPEpLtsqYZncm9I7smI"
    "nFwc5LjSaakcM/R6qGofIwYDHB47mRFGsFYorO+QUeC2kFjku0Asd5rQA+9xBJViqlekkR"
    "dQ7nrWhfsDzguFox41Wwl6eomsxyVcR6C0cmhYwnX2yCmStjiIHcsPiLbSffVJqtYui7pd"
    "lKr6ykeC/BkKboFDdUmRvSHRdLkL4nPQIZwkpD0LQtbi8jEEXHS/ptZMjeYBts2Ci03hWm"
    "M3iWeMIUxqVKO23IBj83bdsWdd5In1gN9Ipp5rStwymGt9vWMXPF85G0FNvMGSMAb8QV1A"
    "BvxlbWTYQzXFSjvLouHf+OZv7nGTKje/1SK6bja+viAZtNmL/OTX0OMJEHIDDQo+nT0gN+"
    "H3gOCGzDIfHv+OIHEuWO5w7NnUmMLgvaxff4MwsSAHg+eQgQN66cHXMbD3mwaX+vpj8Pgx"
    "WcV5uZd1bAxFMAy2/UaoofRGP4Mfmc2FALwxlydlBqCdaU/bOx9k9lVtmT/LReGVLQJ6kU"
    "+JXBJzu8LPQxjQJeCvgSeWztKLRTpqtpQyHKdSUXvwBTiydsbYLupdPGOS4KbLy0G8XJ3j"
    "BfDJYBi8fOphuU8rShX4emx203MrZs6KnvEM327pkGokmcWD0jwOoZ9cEC4utrZxISmGAT"
    "VhQ/kRNNW1enQl54EXloZAndkKjNRTGkiiFt6La1LweTBX4D8l5S2KfIFPyV4c/uVTKm5C"
    "xtB43JLTEeR5iUWo+Tx5DkSGdIaxjoZmogOzHOyktA2ajbsriUTbXBNlVl/avd+rcniT41"
    "w3kSfXYJlEj0uYTuIqkIWHL977woDM7rg2e0xHI1qf1NcloRUdwLFsTuw2xCLKYPEOWTyU"
    "+PVUufNSclUAL7zgT2ZCSSBJOTJOtMhstdMzhMqyeHfIJI4V4N9ygsThz0iEIhXtFiZ87W"
    "Eq2EzS5BpZCviDz0fC2qLl9BZcGjV3qLJustVOnr4iXYzpgWzrAXlN2SVJWkiHab6Ksdeh"
    "KR9DehGMQ52iSS3nTTBYLH7YY27LeWZczazruIGPHvfCNMHXT/4KRSym6DedCiimWCerar"
    "dTdt3Pk2KtlS+76Iiq0GtRmZhIUqs3CGblSXhU5RAqqytesJowQz11nQBFJs++kz/2swM1"
    "3P/8G0ww9O4P+VKLlWYAFXYaocjs6sxs4f7Af7s+MCBPU5CLWBfapyI6v/O/D72kL/O8Dc"
    "AAiWkUou9q6JcmKJKeKy6a1SLgDE17sPvvbY23lrz5uoifK7aagaT/ndKL+bdwg/c0SsIO"
    "umCDso6rZXtM1rNNKHkdQopyiV3qrJo6z8bfa9l6qYpt2Cr9xy9umWo6KXZOAViF7ak1NO"
    "5BLFUy4k3KVKdAvJVgJOOB60UFibAxmkVBwEvmlZtEg6DN1p+gDaBpg7r2ARYMHemZHol1"
    "fohel5kcHzxKmvYxEtQEoJlEhnJifiq/IhdZcPaUoiywaVaT8QSmR5UJLI8oCTyLJAZXKB"
    "dHMBLUmdicGoPobU7T0JeAhfjM7HV8PLDwdH/UGmWkgE/lEOXz1wyYzkHLHF0zhJ08EkoY"
    "cCs/iwcA4fZhEOleJMlSHHtedIFeteWW4iNSY0BqjcIGQIlYvTm/HXwmIGkquhqAc1IlWV"
    "4owX1SqdsRzq/Ry22xqUuk/aN819Ne3rS2sLvTkRaqtNew61mvalDGYEWPHEFwO8ZO4ryN"
    "OQq3zpHfMtFcmX3izf0uaKyVKZovdWhb49Jsx2ZN7uzgQtsUcV+VVKW0uqe1Y2A9ZafCtV"
    "Hfqtp9ymm2UtsIb9tHJXFUA1PlOkzXp7jYFoCeDNCYFoI2BMFfRGoG5pJx3aGrdaTDpEi2"
    "NNj3EstqW7cZvNCSqh6wNi2rYsYseGIDLEgyfzBdmA/B5m7ibu7qGrvT+HPngl3vU08bnp"
    "c3JU1tdvzWktlLG8bmO5MuIq1fI7MTOGaMonr8gQKu1+Re2+0n2+Q93n3pMQNm2slf6zmX"
    "iqyoNbVH/uJ4VjQ5f+Fiq4KW1dXdo6VcxxG5rl/YQ2jEn9N8cnDrG3NCqgx9HK5Bv1yxQ0"
    "Ztxcc+P2G5U10zliaQwAtL1X5JIsBJBU/XBNZIBXF0uSJG/oCn95XIHXOb7rPZMohlDNgm"
    "+x3Ac6KWCXV9psoX+O8obkPsCjTe5iAhbqoHKUNkPSKlHyRGMm6ka+JuigD/knkVCIT8WR"
    "EJ9yOh6yEiTADZt3ENqBUJjJoCTMZJAPM3GWBJDQQCGKcYqog0ifHAkAfXJUiDO5lXU5xj"
    "/T8zXMd85lkM7SKbCFwPbI++Zg/tvd5LoI5ogiq/4ydR/8F1imtzU1ZMLO8RiYlm/a3kfy"
    "2H2YOghCKc1XBPOHq+Fv2RE4v5ycZWVV0sGZ0ky+U81kTkWxH8GEOXFNTcpU5ySSxN1SUS"
    "T0lPKjhjL1D1igoA8IcWzKRa7pGCQg2vTAHP8SEjldWvJAshuRsGpGrZH64ypZWjPliXCI"
    "PB+60jtmlraDe2ZL9sgIk3LzTbwaqw10SKmGudHDrHKed40D4gx7zjuQnNqSNq8EiTJ5pa"
    "WIZkX5NCGPcr02xIjPfaMxJuKrWzlFN9piEuuzBlOMygve5LzgRfLjZslRRmS00AuifsDs"
    "x3lzcwlckm2bWZIgIGXuzNkK4weYYygwbZp5C4uEjAnkiZB1das8jBuwa/dLhEX6P4dzsU"
    "I5at9BRfJW0nC50H7O41ucODtsXo8XaxOUIYODo5+OPh2eHK11IOsrZaqPvIOqP8ezeu5Y"
    "snkQUnTKIx4lJ3PeI56kzNIW+BXNpcXl6Eqx5lDvB/GD/cF90j8Ujz9A7jMn/KvY0LQmaI"
    "adiTyvM3Ym02OVAHllHB3HQtAuYD2SdJlxecSE2xqQaDPfLfRnk8llCvqzcUZDfX1/dTbC"
    "B2VmFaiQg+6rtURCDpQys2ujXqTMbIg5lwjcWKCxKT/KFcfDu/1NQrmmxw0FZPN1ruuF84"
    "LAI/JfEbKpiOyxAN3X+YonfAvTSefBNpXVtlBQ2bPVFi99T86LLqbooDC+FWfFBplLm6nA"
    "buFJk2cwFFvZNQZDhK0kRSq1CibTLJ2ymzbZbtoJSPEsrmLbd9Q0VQn99mIU5e6zNYDbbW"
    "N/9mQRADdc4wraTX4UjgCw+9E2XDg2DH92Ttewvtcv0zQYyVab04yxBF8s95fvAB3Li6a/"
    "6oMXaAWsztY6Dxi7dgqe0dKnZbdctHRcH48IJ81Yff0qJ4AGHJb9Et1DOLaarDNAlk7pIQ"
    "T1EBWq6eyjkE5HlG4qn96uvAdUUbTcBlJzUTSl3CrGvbvKLaWEqV0J8+IE+lwa0zSVighQ"
    "Opi9OKYLBwaE8zU/CJKRAV/ifto4sTeOQHpdbz024BaRPnrcLOT0Tr88C/m6zWYvBBtgrm"
    "1BXPmJuK5jEdByngLE8oBDoOMlTVz3mXjB8UaQpxfxSkj5zJE+okKhqjy3igdoCOe+FdE/"
    "+WY5mKfoW4H0nyHbHdq9PUzf6ei3aYoxz3n3rpnzy8n1z1HzrMtvJg2YyfP6IBN7ZAeL3D"
    "GYzglmcv0+GjXJeze3k4v78+kpWLqOEej+g/15/NvoQrsY351P7q/xjZmJH6cZpqcThcaD"
    "fTO6PR9dTxMtlsjVke0n2ny+HY20u1/GNzfj659xFy5CGokGW+KxfbBHv+E+xqPr89EpQN"
    "+IkwyW5NGDfX5/N51cje+G0/Hk+hTogec7C9Ojau0H+2JyHd5Iqrqll6dI3qdBcd6nQS7v"
    "U/Icys2UMt1chlAp6Cor6KKJV63GLIf6zSq7ZlrIatPYrSELl35VxBPk7xDyYxkdaeuMLV"
    "vjAXbAby1Mm5mKJQMxc3SVNvWGzeS6QzLD4HDNIUrX/IlZFjSVJd1h3NT6SmsDpzA3pctM"
    "5nV7NYnzYMZ8awWjSo5YuYY32TUcvkCTwqwR5yzZwc5Tq9Fux2hjDtW0qg/3mlyNd5PHO1"
    "Liv0DLNDQDrjhifOEZySfenSj/ly2Xk6vtvMRC3BNeEi5nPRULLymizkkux0KSy3GJ5HKc"
    "l1xUOgKVjqApp0SHXWtUOoKujTqHV5BNR5DjKd5Yo/0N7hPN4A93W6Q9govjH5FAsthBIu"
    "H1IhBA4TrOjFVSdxEpH0ZunOJvbAj6+P9TgDyPdA50/DBOrESlLqSzNySOGeUmseeICTyI"
    "Usr7sH09rO9+02Wk3ZsHIv7Ng2IH50GW7/0jgFjc9jkK5ULZLUmyO4ltWznm6hbYwgLp3p"
    "Jr3hMorb6mVIbtyoZtz4d+wOEixBxQYuodys6m5wXIkNyXe+O7u/vRxSlg1A/2/R35Fnjk"
    "8/nw+nx0eUku6OR3Wha5OvrtZnxLrqFvS9MNnyibu/VEYBs6yDKcicytJ7lEmPRlvGo2gQ"
    "SlUhk2RwzgSH9eNdHPq1PuU+O7vVxA0TZTRauToVUj3eiRVtq7julxVGDcXgLjWHSJJKQp"
    "IgVpBlLKLjyuJDFNU6mETxxMPd9xURVYk4QKWRXGuZdUWnEc3xuRjYMGO4ps6ngRQDbcOm"
    "uA9s6Hs1lrd4KNwKbPGFFk6e5ZC7hhPx0GN3nSbDdRWSKoIxFWxTdaRuHfm02XyZxl3Rim"
    "PyWtkcPAMP1bmpO9x7FIJm/3y6ySkDTU3LilSPA27g7Zxg/ETT7MC8/sjB7Zl4DjAm/lkf"
    "hsyAxq/hz6gGWpN0gbn2OtrK1XEQMm64G0Jrnn++ArxsPF7dk0o/DQr9Fd3N5JZqsn13Ip"
    "7MnF5LqKrlU2kKo09/XaPYoNp2x8i4NxC1xxU1RNDsOtaEat336RXEhyMHMnvBjIDTsB0h"
    "ifiAQMnxQHDJ/kAoZdx5LyAojadw/b+udvFdFeSfXF+pL4IJbYDXaebqLFm0GGrxFFOUPW"
    "QajrdxGKeUZ5oNXpJjqh92pbaRjW9ezBj2jGVZwU1/uMKd5U8LM9aG6lsiec+TwNdjHsaw"
    "KFenXUXYR/tie7Taep1D69eZ9Wng/F0HfL80EigmWb4Rl3OrTPLWguehx1aHyzX6YM9XAz"
    "TV+326gKnc4R8E3LYrrImel6PoC6jpY+qUUBSHc0suKUpqn08DvRr8D0gItmRBNPKlZAew"
    "UcoqukfeVVo1t7ioiqNOE3Wqy9tJ3QoiK6n64JVOhBgVxRrKxskA9w03bWluykYq6DZBuq"
    "doCmKNUwN3qYla9g7QIttRdKK2ljGgVoc7Te3QFUObPtwZnNixylduRw1VZck9ufEKy7db"
    "VqL6y7crOqICx/hqYVuKhXIC5Ht/sbBeZZouVm76G1TErlVuj7JDNBH9CEvfjqEguoOvTm"
    "Jv5PijYSkZbMDGCZC9Pn+A29vT8RMTi5QJRDT+MdevAIeXJ25ZhCGTsFjJ1KvVuFRWyddK"
    "pEqe1y/oo/rY0/3Q8jxSQuUnuEx0cl7payUYt0OwEmilF85wEveFzfIhWxIVha0P4Ihj5Y"
    "kCpYjo0oD8QIiE3AMl94/te1dCnISoVpQ1iRVVqmwXQMDdk812qVX6ox+aXaly5Gfuvq3Y"
    "yuL2hVIRKMQOsJ4Q1meEkvYdChRa8Nz6fjL6NTwJKaPtg3w7updnGPryyh52tGgK9dDm9o"
    "mhkLLksSzXwejuklIkU1Jc0MWc9aiWa6mI3OU9biLNEkA58I2ofFaB/m0H7COLxCqfLUCZ"
    "ImL6bmiCtzpD87gazbT4asa1N5cHwsADRuVVzbhtwrgFoyGXeWrntOVoMfRWsJlRYTyuXk"
    "DjcDLcm3SU70ki62NA5dm/VpVhbzOq68ZqSgD5XiqckqEo4Q87ZxR9x4QjXqzRp1ysBjob"
    "R03EtLIhR1oYqOSZRHiKQtzTO5LojlKy9PrVZdk1ddaGnU5M07eUpV70Wk3ouy8xSj3y03"
    "flV+pMujztlew7dXrqhb9Jy00TfM3lmQL48Xo5qlUzGrGbZPHtJ60OzONFX+qHvwRyWTsD"
    "Zcib34Juywo/gmFq0Auutdcx8QN3Of3Yhw9qSR9q5IBKa9IPLwHPYyNcli2EcvqJWVXIqA"
    "32ptshi2M8cOvJ9dSJ9b4pCSaNcXc03RHgmJ9rSmEQqPJVPrOw9QWsBK91A/3NCJxHSM07"
    "AgGfUp+RA/rx/e/74PPOKE8m/nsZcZgfqf8GC7gQ38V1PHvwd3gucr/kB/swcQ1OchyfqB"
    "JJC1yPXlaxK9kPVI6vb/lfGNUc7EjXQmfotNZwu2nIZueC2UgPOKD7Z9yC22mEZVIpNcc0"
    "rP+M7WF2bpXH7FibIVlqRSa6zyGssxI3I6viQXoxQoAgqUyJ+7Nkm0vfAKKlISU0xA3Kfb"
    "Qg0AXyLjCbmjqLeOIpzcRBsaQsFE/lKxda0VEJJY0br1Rll1gqVFmkQ+TCnPUs/HfQFoG+"
    "B1vvoIrnGvLggNXX1g068MTiMfV1Fjv+KluRPriGShV3JlI+XKmesstLKYigJXhjRZ9/xk"
    "649nwBypPM4pog562dcPs4q63r5DjipVoUpV7AljlSS2GXJp67Q+SvGgFA97grc2xcO+ZW"
    "PqhVAqGkd+CkKSceQlIZJrYAlNIymxOrMZck/B0qVGUgwtcl8gHgIaHU3l2Uc8V2am7/HS"
    "DLyxt81CsEoSsNckAfS/BM8Ute8iUyokAByUCAAHeQGALhQOu4R0cwGtAhNlRJNllBjRx5"
    "C4hYCX4HsxOh9fDS8/HAz6g0wcUQT9UT7egcbi6VLB+EmaDs7iQ5Fg/OJY/CzC0Q7PR3hz"
    "GpEkfZPR7l1Nrqe/nIKFY/vzB/sfo+HtKVgh6GbPRJEx+CQwBp8Kx+BTTh9GzlbNgCuOQq"
    "xQ+Zsm2p0d9sdtzXKmBB4cHP109Onw5Git+11fKVP55s2reGhtbYFf0VxaJs99unSL5lDv"
    "Z7M+2N9OfdI/FN6omTNiFX+dLGVnZvKO3QlmLkIaYeGX5N3yQ1AW+5yjVUHPEkHPJJ8tkS"
    "9J4LgeWjglthoe+X72mm0tCIG95liCKUTfdCvwSGYrFxGZnrfhlM12Lr2a8RIz3vQ0lmlN"
    "EvkU3Q4RjyT71gKuNPPFp207I4BV3Pd7HHWOfWYdjNSAon0/s7xjhY5fqfv9Mt12lMFM0u"
    "Vr6To68kj5AErIvLOWcLUgX8I+++BxResGhN+/84DzaocEZoHPV10dc8OKEukfaWMt8vJS"
    "wUTNkJKK1eMq2efWk32ul4QExkmaDoK8lZyHDDMKkzTSEVUHsd6K1ccJfN2RM6wlSDqX62"
    "ogmkm1LJFq3n1RR1hUrML+Zkg7yP+2l99lYk5DGN7zUPd24zoLJxyDHNebb1TK+sb6vFR7"
    "kVJc0PRoRAJhQqNuQKgWBK+mPzdtzLaSKYu/2YbzCr7SUGZSQ7gPkG2QD99zq3LV2LVgVQ"
    "lGS5liRq0KRihfkE5zBegbfl5FK0CO9j36hshYAVI7jAxzkCJUrEHjWIN0TKlRZYgTZGqA"
    "Gz3AypKkLElNWVcttSkoS9J7HPWGW5LOXWSY/lCndZ97PKE61aBfKlDTpni/j9vKlGR8hZ"
    "aFfMB66YNntPQB+iOAFimmSMRhL1gQydgkKeVsPFkQN1Dizf3VHCqhbES7shEpJ/RtO6E/"
    "Qgvy64WUicwJqnfnL3dwJCEqO6+IVwWpDNuIRAFbBqxiq94LW9Xcwgx7PaBrjJou5lPTKc"
    "YwO8VhhiRyWjPOs2v5xTj5rDdXEJjYaOrgP7kQr7rrBzRhktZSPaBuCYlNw0L5aD1LN0pH"
    "6+x7Yo52cfYzkpeb9QFChqo89xn4QGQcwiw/Qg8BF80CD3kco+P2HiNigAylRZV2renSVX"
    "HupM3Bp23IoNQ7H979cjY8//vp2u7+YN+OPt9fX5zSaW0bD/YdKXN/CjxS5J7cPZ98Gd2S"
    "27rzgiqFqNafgekx0J8Rh9EVG6qYeofeT/AFmqwHyTEbfhmOL4dnl6NTsO7jwZ78OsKDFI"
    "lG+x8RuIgUYhKSXUz0Hi3MUuJdeFBpcOZLBxDnaBXaG9BuR7rCNlcPxacNIlpJKSegFFHn"
    "cN6K56pKCqmSQu4JY5UUshknYMN1mnkPgbS8LC4Mp+lUORBJuTiRSCxw9Tn0kGwd1TSZqk"
    "yb9RJ1XFlIkzQKz9IEpwmfjDS60tlNc/4gLds0RJXM6f1SpEZtuMBrwPgm0VUrJ+/mArXp"
    "3VAAXrrYa8D2Luqnm8Am98RGpeQdQdfGP/A2oOjmzCjJ2/0yMwpiDTU3arnZxcwG0FiY9g"
    "94UEwbGYCQAn8O/ahAKUtq9leSQcBdsYvA9AAEv5P3odVef+e4mtXXr4ihJBI4Y49qFaal"
    "wrQaIs5uJUyr8xan0ZfR9fSUJS55sG/uCRR3o1MQnY4P9t397c3tmFzzAnfpmown2L9Cp1"
    "05DHakozwSWQNHxUsgr2pvS13dbmXorJyM9t3noRU3ImG+SatkFk0TvhnjZrL5tdnqdPzL"
    "nxxeuc8Sl/gETef26K0wKt5zIANw2FxhK4It8UzTkebYWKrlGJ0Lj8EcXWdOw9oyrzcmMr"
    "89m3DrzEWNCMxX47u18TWgaa00WtsWc0aBz5HHCrdILm2lbbJhA1z3RsmAwiynaVVFOUus"
    "YM7D7JvUq58j7/7tbnLNRzdJk92pTN0H/wWW6W3tpE9oMR8DEwt/tveRPG8fikyCUWrXit"
    "iqD1fD37Ic1/nl5Cy7HZEOzrIKCAvaskOSpFFDUvuQ6HBJ0k9pYRQM+WjwEuMWc8aFHahN"
    "iVc0JIcWLU31NsDXXSjIN0FeGWgFLx/ex8B4Qn61GlBZ0g7hu2s3MoqhRo3CvKj/zSr+JG"
    "1nlBs7HgWV1kylNWvMPtTOTAwqrdl7HHWOcko2rVmiuAd1l+JswRLZItYeVS2cAxK5Iupz"
    "yIsB47jjpdAsdsYjHm+MDaHtNrri3VDGheYYoM5yT/AF0W+MY8cfSTH7mePSi2EFIHftD/"
    "MRDJck8voHB6+XvENerb0/2A/2dI4AmyPgA+mxH/bUB+tgu+/BAj4jDyCoz0MPP/IY2scp"
    "yzKHkcXtX0z0ip/2YEePC9MoEH9G4hLInAdfTfKKr3M8d8lN00CLpeOTBGXgGa1wM90yyW"
    "t7REFfXOgoco6MBaE4OjBb8OhrOp8GHVL2MXHiqqQMzUzK0KZI0Z05I24lVrQtrlgdmfIJ"
    "44sLX2Vmd9ReuVcIuVcoeew9mIlp1inpmNEkldL0VXYnbVQawuYuKoloURWDuw1UE6y/KK"
    "IJEjVJy0NwI5nsjfGLmUC5diK7MYwxMa8EYkOLDIXS4FZPnNkSXEVSZ6qg5p0FNa+Tgb4R"
    "20tkPCFXNFVuS+FNcqONCm0eItfU5z2OGjW80y/TocK4zSb9aTGkNdeseC/auzf6VBTr5V"
    "6Q65lySfISJF3UyW2jkjZZVBIIh807iO52VEOO7XPrYxa7fiZIdu/5uR+BoDYfTwnLaf2H"
    "2Z//D/qVAfI="
)
