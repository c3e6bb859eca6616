from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "membership_plan" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "price" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "interval" VARCHAR(8) NOT NULL /* MONTH: month\nYEAR: year */,
    "trial_days" INT NOT NULL,
    "earn_multiplier" VARCHAR(40) NOT NULL,
    "bonus_points" BIGINT NOT NULL,
    "free_shipping" INT NOT NULL,
    "cashback_percent" VARCHAR(40) NOT NULL,
    "exclusive_rewards" INT NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    -- Hand-written: a plan costs something, and its benefits are never negative.
    CONSTRAINT "membership_plan_values_valid" CHECK (
        CAST("price" AS NUMERIC) > 0 AND "trial_days" >= 0 AND "bonus_points" >= 0
        AND CAST("cashback_percent" AS NUMERIC) >= 0 AND CAST("cashback_percent" AS NUMERIC) <= 100)
) /* A paid membership offer: price, interval, trial and benefits. */;
        CREATE TABLE IF NOT EXISTS "gateway_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "gateway" VARCHAR(32) NOT NULL,
    "event_id" VARCHAR(255) NOT NULL,
    "event_type" VARCHAR(100) NOT NULL,
    "outcome" VARCHAR(200) NOT NULL,
    "received_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_gateway_eve_gateway_364034" UNIQUE ("gateway", "event_id")
) /* One processed event of a payment gateway, by the gateway's own event id. */;
        CREATE TABLE IF NOT EXISTS "membership" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nTRIALING: trialing\nACTIVE: active\nPAST_DUE: past_due\nLAPSED: lapsed\nCANCELLED: cancelled\nFAILED: failed */,
    "live_member_id" VARCHAR(36) UNIQUE,
    "gateway" VARCHAR(32) NOT NULL,
    "checkout_id" VARCHAR(255) UNIQUE,
    "checkout_url" VARCHAR(2000),
    "gateway_subscription_id" VARCHAR(255),
    "current_period_start" TIMESTAMP,
    "current_period_end" TIMESTAMP,
    "cancel_at_period_end" INT NOT NULL,
    "past_due_since" TIMESTAMP,
    "failure_reason" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "next_plan_id" CHAR(36) REFERENCES "membership_plan" ("id") ON DELETE RESTRICT,
    "plan_id" CHAR(36) NOT NULL REFERENCES "membership_plan" ("id") ON DELETE RESTRICT
) /* A member's subscription to a plan. At most one per member is live. */;
CREATE INDEX IF NOT EXISTS "idx_membership_gateway_1221c0" ON "membership" ("gateway_subscription_id");
CREATE INDEX IF NOT EXISTS "idx_membership_status_b77159" ON "membership" ("status", "current_period_end");
CREATE INDEX IF NOT EXISTS "idx_membership_member__161b94" ON "membership" ("member_id", "created_at");
        CREATE TABLE IF NOT EXISTS "membership_bonus_grant" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "period_start" TIMESTAMP NOT NULL,
    "points" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    "membership_id" CHAR(36) NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_membership__members_251b8a" UNIQUE ("membership_id", "period_start")
) /* The plan's bonus points for one period: unique per (membership, period), so a job */;
        CREATE TABLE IF NOT EXISTS "membership_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "from_status" VARCHAR(16),
    "to_status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "membership_id" CHAR(36) NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT
) /* One state change of a membership and why. Never updated, never deleted. */;
CREATE INDEX IF NOT EXISTS "idx_membership__members_f50504" ON "membership_event" ("membership_id", "id");
-- Hand-written: membership events, bonus grants and processed gateway events are
-- append-only; the database refuses to change them.
CREATE TRIGGER "membership_event_no_update" BEFORE UPDATE ON "membership_event"
BEGIN SELECT RAISE(ABORT, 'membership events are append-only'); END;
CREATE TRIGGER "membership_event_no_delete" BEFORE DELETE ON "membership_event"
BEGIN SELECT RAISE(ABORT, 'membership events are append-only'); END;
CREATE TRIGGER "membership_bonus_grant_no_update" BEFORE UPDATE ON "membership_bonus_grant"
BEGIN SELECT RAISE(ABORT, 'membership bonus grants are append-only'); END;
CREATE TRIGGER "membership_bonus_grant_no_delete" BEFORE DELETE ON "membership_bonus_grant"
BEGIN SELECT RAISE(ABORT, 'membership bonus grants are append-only'); END;
CREATE TRIGGER "gateway_event_no_update" BEFORE UPDATE ON "gateway_event"
BEGIN SELECT RAISE(ABORT, 'gateway events are append-only'); END;
CREATE TRIGGER "gateway_event_no_delete" BEFORE DELETE ON "gateway_event"
BEGIN SELECT RAISE(ABORT, 'gateway events are append-only'); END;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "membership_event_no_update";
        DROP TRIGGER IF EXISTS "membership_event_no_delete";
        DROP TRIGGER IF EXISTS "membership_bonus_grant_no_update";
        DROP TRIGGER IF EXISTS "membership_bonus_grant_no_delete";
        DROP TRIGGER IF EXISTS "gateway_event_no_update";
        DROP TRIGGER IF EXISTS "gateway_event_no_delete";
        DROP TABLE IF EXISTS "gateway_event";
        DROP TABLE IF EXISTS "membership_bonus_grant";
        DROP TABLE IF EXISTS "membership_event";
        DROP TABLE IF EXISTS "membership";
        DROP TABLE IF EXISTS "membership_plan";"""


MODELS_STATE = (
    "eJztXWlz2zi2/Ssofel0lToVy0s8nlevSraVRD225LLldHriLg5MQhYnFKkmSDt6M/3fHx"
    "ZS3CmApiSKwZfumMSFpIPt3nMX/Kczdwxk4bc3rvPkwnnnDPynY8M5Iv9Iv+qCDlwsohf0"
    "gQcfLdZ2EWv0iD0X6h55PIUWRuSRgbDumgvPdGzaeDJDwLERsJwltLwlCISBNzMxMCDpFG"
    "IEXN/G4A0E2LSfLPKn89IFpgEOfn5LP8VwdPIx5FVdHfq2+aePNM95Qt4MuaTbr3+Qx6Zt"
    "oO8Ih38uvmlTE1lGAijToB2w55q3XLBnQ9v7wBrS7/qo6Y7lz+2o8WLpzRx71dq0Pfr0Cd"
    "nIhR6i3XuuT6GzfcsKQA7R5N80asK/YkzGQFPoW3QAqDT/AtGzjqaNxhPtbjDRtE5mcEKJ"
    "GLzBI92x6cCSr4rZr3+iX+GX3sHR+6PTw5OjU9KEfc3Vk/d/8Y+OgOGCDJ7RpPMXe09Gh7"
    "dgGEegsv9nYL2YQTcf17B9ClnyldPIhjiWQRs+iLCN5vI2wJ3D75qF7CdvRv48ePeuBMrP"
    "/duLT/3bN6TVz/QjHbL4+KIcBa96/B3FO8JX910X2fpSBuO4TAtxPhRA+bAQ48M0wgi6tk"
    "bByEJ8iXRzDq18lBNyKZgNLvg26GAPIS/B+HJwMbzuX7056HWPGMz4T8v0UBz+o8w8Xjik"
    "Z+0ZWr4szilJhfQapD1zjv6PHLMyO0ZcZns7Rud+ctHZypZxciSwZ5wcFW4a9FUS5T99aJ"
    "nTJfkK2hxB7LsFeA9sf84wH5KvB20dZbDP72mLo8AWGJYciM7NmCgHd2eASz/YdzeD0eUZ"
    "wAtkG2nNT+j0PBE5PE+Kz86T7EJArrZArunkKH5iY5PqYouDokOCjAFdbUnOGdmxuehfkc"
    "Ho32q/D/q3ZyDR14N9O766Go4+agc97Xo8mnwig+g6lkUnIHk0d2xvhquMYE9kkfWKF1kv"
    "s8hc5PnkkH0hSDkvmgGXWEKDzxder9HXNYTvGq3Rx/Sf7wvTXWoLxzKL1Mz1CyXTyRaXio"
    "2ekfQSGQ0+D8jSYLIPdv/DZHCrkcUyIgvjDMCpR9Y9VfDIQIRvh6P+xWT4eTj5PWxg2sR+"
    "Np9Nb9mM5RIMQrSCBVdKRm57i4RoNvuxSnQX0Z+uQS9HfSVvqAZVYI0lJNPqayD6NvzHHi"
    "qwZKeFxti2lh1ObZTgOhleD+4m/esb+nFzTNRZhl9/MqBveuzpMvX0TfrMX3UCfhtOPgH6"
    "J/jneDRg8DrYe3LZJ0btJv/s0O8Efc/RbHIWQCPGwoRPQ9QSo+4vjIqjnpRUo96UUQ8xig"
    "07+/aUNZx+i1Fc9MEj1L+9QNfQMm+cnlPUNvtq3punn0AbPrExo+DSrxmwuNdo/shYzQy/"
    "G7zpltG786jNWna3D3Qfe84cuQDZVP9DBjBt4M1QyMtmCVxBmZo52vv74aUESev7pvGWyl"
    "RZVOu52s7/TH1bpygC9kn0P0f/uykztmRVcZ6LL5P4AmA/vZy0RXNoWjL8wEqgHrVut4x4"
    "Ugs7FlLDjkv0sOOMIqZI8QhfIVK8V0KK97Kk+AJi/OKQvXYG8UwG6IxgGxE/Phaa0cclM/"
    "o444agJxuxAoPjRdgTkRRr3e5RP2llYo0ZlTn7x7njWAjaBUdhXC6F8yMR3NS0DrHf7tl3"
    "Ph5fJZTJ8+EkhfH99fmAYJ+izZVh134Vv8iwk1DxY0eN7+rksEA5fMp5IPrhH7fIggzc7D"
    "wIozOCbvZwFvwVzvvwaTQbUlw7+YX202uRmpCeLlhHbcXq2fF1Yha9EqfPvJe2gsRNWTwz"
    "F6/E6XrVUZugkuIgUl54qinojm/nHHghsGMbTRzyH4GNjfXYjzpcg3CwOTce4Mzmhj3o+S"
    "VzURwyPiPpPtcivCR5rjsPTqedHJqLv+iWsVx41USA5FqQte/YgOrG9hOYOi5jqx59bNoI"
    "4zMAyTtjbtqAvIFAJ2YhGZc85qt6R4oOU3TYvhi0Pygd1tnUhFVk2LZPqC2QYa5jVY72Cm"
    "WbjHWnf3k9HJ3x8+zBvujffRoOWBwRO9TSh6Miyn4IosxzviFbeyZqUKDdCkaXZORUCJbi"
    "IBUHKcFBYs9xkUZOa/PJnqMgVrc6I8JMrDva5x7Oh3oYkSrWKkesyGRd4bnGbtXwqqFIiA"
    "Y/cX/CIBp94DnEwGTdrI5kTO1S4JBlAqBHDVPT5S1wbhBHPb3m2LVfgx/JLVE+b8m//3iN"
    "vXtuPv0oWXp/6/UOD9/33h2enB4fvX9/fPpudbJkX5UdMefDj/SUSexs63P51DH0oxxDce"
    "UjvmJFmaa4TJ18UzMOl0r0Uvq4lgU0klGAEkAzilJqwmbB/UAQJIfZP9AyY4GX6EH7C2pG"
    "BSKPXfiyOlUTi5T8evKbEbftbsmWcTu8mHSy07YWWNulWWZhjZZqAay7iR0uUVAFdFMJrX"
    "RhQR2BF6LzIcAmGdUT/w5oKs0yekBdAi7SHdfAwPQw1xxzPSuv7E75VxqwX5fplc3n//c7"
    "HFZRoSpmsDHTvV2GUkW+jipeiq8r06o2ytddIeMJuQPbc5d5+lD8dalWZLGGGlq1XKscjW"
    "0EeBgkcKas2NUjtKi+/BaMqEIDgrzALs88Blx7NMAbGkwSlcBCUx8jnFNCawP9r1efvnaC"
    "gLFA6w0ZPUXhNY7C+2balYtdhLJNVrs6NEf/DNDU/Af7fDy6vzsDj47t4wf7dnA5GFyfkc"
    "ltIDSnf3+4pxVJ6GS3jQe7f/nr/d2EerX/7WPvwR58uRneDkhfNPsd0fafB7d3AypAnZXk"
    "yeV4RI6dM2A4NvnhtMXVoM9bEKUKsycXY1ZHgFomz01xjT/6+jeUo5qITYNIeovxN/AZmr"
    "wHyfnQ/9wfXvXPr8iorPp4sGktGlbJgVajYTUcxr8NyFxwXlBDitPAeUEEbslWGclsz4Xe"
    "kh0ztjj4eamxEh5y+GdE1TBUHgZiJuC8MJJiViCSaF1c4LEQK3BcwgocZ1kBcu4hWgZSin"
    "pJCLUO542wL8QecFytWPEq2MsTUk1WuSpivYEjk0GWZ1+sgznXxhADuWH5F5sua6iYrWLo"
    "28VsJVdW3LyXUEgTckobqqwN6Y5LLEgPS49ASrDSEDRti9vJCIR53pJxGymxV/gGGzYKex"
    "8K0xo8SyJhCvN4pYM2ZNN4m7ZtiwZvJE+sBkbFNHPa1hEUk7fb1jFzxStr7Cm2qTNGAN5Q"
    "K6gB3pSvrJ0Ip7SoRkV1XTneHaupnufIDN91S72YjqetyrKvd2H+NjP1GSBCGEBgoEfTY0"
    "XdvS7ADvBtw6H57+ThG5rlTuYOqwJJnS5z1sXP5N88SQCQ+YQRoGFcGT/mJj7kwWb9vZje"
    "LEhWcF5s7t5ZApNMAWK/Ma8p+SCWw0/EZ9SHWpjOkPGDMk+wpvyfjfV/KrfKjuyn1cqQgj"
    "4upcCvDD7d4WWhj2QU8FLAl9hjq0ChrSpdTRsKUa0rvvgFlFoyYWszdK+cfZzjosBGS7tR"
    "muwNj8W4IGqc6eWps8kGpTptENeh6VHbtYotH3oWO8TqlmPTQKyIE78pBvCbYrpgDsnzVT"
    "AJTUywqSpKPjEnm7auToWi8ELxwMkShCExn4tSSJVC2tBta1cBJnPyDej3ksI+Iabgrwx/"
    "eq+ScSWnZVvoTN4T53GISan3OH4MSY50SrSGgW4mA9mKcVZRAspHvS+LS/lUG+xTVd6/2r"
    "1/O7LoEzM8z6JPL4ESiz5TmlykFAEvE/8TDtPgcBd8QwtiV9NblWlNK2qKY39O/T7cJ8Rz"
    "+gAln8z88li19FlzUQJlsG/NYI9nIkkoOXGx1lS43LaCw1k9OeRjQgr3ariHaXHioIcSCv"
    "GKHjtzurJoJXx2MSmFfEXkIfa08N7uCpRFnrziLZrMW6hLnIuX4H7mtOQMe8EFUpJUSUJo"
    "u4W+9oMnESl/E5hBOUebRNGbdoZA5Gm7gQ/7tRcMpn3nbUSMxne+EqYWhn/klFJKb4NZ0M"
    "LrygR5tuj2+X3c+daSbIl9X4Riq4E2o5OwkDILZuhauiwIihKgylahJ1wSTF1nzgpI8e2n"
    "y+OvwdR0sfeLaQf/cHzv75TkWoI5XAalcnI4sxo7f7Af7A+OCxDUZyBgA7uMcqOr/yfwr5"
    "WH/l+AaAPAX4SUXBRdE9bEEiPi0uWtEiEANNa7C752+LfDq8ibsImKu2kojafiblTczQ8I"
    "Pw9ErGDrJgRbaOrur2mbZTSSh5HUKCckFW/V5FFW8Ta73ktVTtN2wVdhObsMy1HZSzLwCm"
    "Qv7SgoJwyJyiMXYuFSJdxCvJVAEA6GFgru5kAGvSoOAs+0LHZJOgzCaboA2gaYOS9g7hPD"
    "3pnS7JcXiIPyvMjIi8Spr2MRFiBBAsXKmcmZ+Or6kLqvD2lKIcsGXdN+IFTI8qCkkOVBTi"
    "HLAsrkEunmHFqSnInBpd4G0vt7EuQhfDm4GF73r94cHHV7qdtCQvCPMvjqvktnZM4RWzyN"
    "4zItLBJ6KDCLDwvn8GEa4YAU51SGnNaeEVWqe2W7id4xoXFA5QYhJahCnF6NvxZcZiC5Go"
    "p6UCNSlRTnuqhW6YzNkd7NYbupQan7pH3V3FfTvr6ytqqadMsi70SqSTcr8q65RoRUHd2d"
    "3dG9Pw6e/ahL3J4JWsLWF0WdSXPJ1ePOmgFrLZFn6pbujRck3vad8s3cVeu4Ur6hEeJ7An"
    "hzAsT3ETBuKL8SqFvWSYu2xo1etRugleNrjHAs9jS6UZv15fug6wHq+LMs6uWDIHRTgifz"
    "GdmA/h7uDKTBwEEgsjeDHnihscesLLTp5VTwq6/fmpP+lSuxbleicnEp4u0HccIEaMqn9q"
    "cEFfepuE/FfYpynzsv0da0sVb8ZzPxVPeybZD+3E2Bu4Yu/Q3cb6XYurrYOnXV3SaY5d0E"
    "fg/p7ViOR8MFb1nMdCeHlck26pYRNGbUXHOj9mvJmskM8SRvAG38glyaow3pnQiuiQzw4h"
    "JLklZVXJI/HpfgZUbe4m80xjugWcgrnhmu0+u9sqTNBvrPIW++8vvD6VsiwAPBVQXHZlha"
    "JSRPOGaiQbYrgRZG2J6KBIqfFseJn2Y4HroSJMANmrcQ2p5QEH6vJAi/lw3CdxYUkMBBIY"
    "pxQqiFSJ8cCQB9clSIM32VDsgkPxN7GtE7ZzJIp+UU2EJgY/p9MzD/ejceFcEcSqTpL1P3"
    "wH+BZeKN0ZAxP8ejb1qeaeO39GN34eqgCCWYrxDmN9f9L+kRuLgan6dtVdrBuWImf1BmMk"
    "NR7MYw4UFcE5Mp1RmLJPa21BQJIqW8sKFMdXieRuUBKhy5cpFrOgZNFzUxmJFfQvNKSwvC"
    "S3YjknTKpTV6O7MqJdVMeyIYIuxBV3rHTMu2cM/ckz0yxKTcfROtxmoDHUiqYW70MKuK0G"
    "3TgHKGPRMdSE9tSZ9XTES5vJJWRLOyfJpQZbZeH2Ko577SGRPq1Xs5Rdf6YmLrswZXjKqa"
    "3OSqyUX243rLUcZktNAzYnHA/MfhmbkALq1FzD1JENBLwMzpkuAHeGAoMG1Wl4iYhFwJzD"
    "Mh6+pWRRg3YNfulhiL7P8ZnIsJ5bB9C4nkjRQpcqH9LYtvcVnhoHk9UaxNIEN6B0fvj04P"
    "T45WHMjqSRn1kQ1Q9WZkVs8cK8/ULQuHT8ipiHgUn8zZiHhaUEibk69oLqxcja4U6xzp3S"
    "B+sDu4T7qH4vkHyP2Wk/5V7GhaCTTDz0Q/rzV+JhPze9LyLrlzHAtBu0D1iMulxuWRCG5q"
    "QMLNfLvQn4/HVwnoz4cphnp0f30+IAdlahWolIP201oiKQeKzGzbqBeRmQ1x51KDmxg0Nt"
    "NHc83x4G13nVGu6VFDAdt8VQl47jwj8Ii8F4RsZiJjnqD7MlvmGd/CctJVgk3ltS00VHbs"
    "tSVLH8tF0UUSLTTGNxKs2CB3aTMJ7D08abIKhlIr26ZgiKiV9Ao/rYLLNC2n/KZN9pu2Al"
    "Iyi6v49h01TVVBv504RXP32RrAbbezP32yCIAbrHEF7bo4CkcA2N2wDZeODYOfneEaVu+6"
    "ZUyDEW+1vswYL/DFa395DtCJvWh6yy54hpbPbyFa1QHjz87AN7Tw2KVELlo4rkdGJKfMWH"
    "39qiCABhyW3RLuIRhbTTYYIC2neAhBHqLCXSO7uGakJaSbqqe3regBdWXUpq+MUuRWMe7t"
    "JbcUCVM7CfPs+PpMGtOklMoIUBzMTgLThRMDgvmaHQTJzIDPUT/7OLHXjkByXW88N+AW0T"
    "46uVXI2ZtueRXyVZv1UQg2IFrbnIbyU3NdJyag5Tz5iNcBh0AnS5qG7nPzIicaQV5eJCoh"
    "ETNH+wivUVSXF6t8gIZo7hsx/ePfLAPzBH0vsP5TYttDu7OD6TsZfJkkFPNMdO9KOb8ajz"
    "6GzdMhv6kyYGZe1Aed2APbn2eOwWRNMDM37qNRk7xzczu+vL+YnIGF6xi+7j3YH4ZfBpfa"
    "5fDuYnw/Ii+mJvk4zTCxTgmNB/tmcHsxGE1iLRbI1ZHtxdp8uB0MtLtPw5ub4egj6cJFSK"
    "PZYAsytg/24AvpYzgYXQzOAPpOg2ToFeYP9sX93WR8PbzrT4bj0RnQfew5cxMzWvvBvhyP"
    "ghdxqlt6eYrUfeoV133qZeo+xc+hzEwp4+ZSgoqgq0zQhROv2sWzOdKvpuya6SGrjbFbQR"
    "Ys/aqIx8R/QMiPZTjSvXO2bEwH2IK+NTdt7iqWTMTMyFXa1Bs2k+tOySSnui4D6qq9AjML"
    "ZqQ/VSD3M8IqRLnJIcrwGZoMZo0GCckOdlZajfZ+jDbRlEyr+nCvxNV4N3m8QzL5GVomsb"
    "fhMsecLDwj84W3Z1L+bcPXmtV2XhJj4oksCTdnPRUr0Qmh1mnQx0Ia9HGJBn2c1aBVWrxK"
    "i2/KKdHiEA+VFt+2Uc/RFWTT4jM6xSvvCn+FG78Z+uF2LwsP4crx08eQLHbUx6IvBAL5Xc"
    "eZ8hu9XUSvsaIvzshffAi65P9PPsKYdg508mE5MfuVupCuIhA7ZpS7fseR+2QQpUjkoH09"
    "qu9uyzYkw2x7InG2veJA215a7/3Th8Tc9nJimQttt7jI9iy2TdU6q9tgCy7qxotcN5PAFd"
    "8rSeVgrexgxR70/BwtQiwQIpLeou1sYuwjQ3Jf7gzv7u4Hl2eASz/Y93f0Lx/Tf1/0RxeD"
    "qyv6QKe/07Lo08GXm+EtfYa+L0w3+ETZGqInAtvQQVrhjFUQPckUZGRfBlfzCcQkFWXYHD"
    "Mgx/rD1Uw/XKfdp8Z3czVpwm2mCquTklUj3eiRVuxdy3gclaC1kwQtnuUgCWlCSEGagpSp"
    "C49LSUyTUqrwUA6m2HNcVAXWuKBCVqUT7qSkU5RP9kpko+S1liKbOF4EkA22zhqgvfPgdL"
    "q3O8FaYJNnjCiybPesBdygnxaDGz9pNlswK5ZcEEvvyXdahmnI612X8dpZ7RimvyS9kX3f"
    "ML1bVhu8k+ORjL/ulnklIW2ouVFLkSRi0h2yjV8cYr0F9cm5nxHTfQk4LsBLTPOEIXeoeT"
    "PoAV4t3aBtvBxvZW29ijgweQ+0Na2B3gVfCR4uac+nGYOH/Rm+Je2deNV0+ixTSp0+jK+r"
    "8FllB6kqt16v36PYccrHtzgptCAUNyHV5HTQim7U+v0X8YUkB3PuhBcDuWEnQBLjE5HE1Z"
    "PixNWTTOKq61hSUQBh+/ZhW//8rWLaK6u+mC+JDmKJ3WDrZQ/2eDNI6TWiKKfEWgh1/SFC"
    "kc4oD7Q63UQn9E59Kw3Dup49+BFNc4mT4nsnI4lXXTy5P2hu5IZJOPXyGOxi2FcCCvXqqL"
    "uI/Gwsu00npdQ+vX6fVpEPxdC3K/JBIoNlk+kZdzq0Lyxozjs5dGj0sltGhmLSTNNX7dZS"
    "oZMZAp5pWZyLnJou9gDUdbTw6J0IgHbHMivOWLlETL4T+xOYGLhoSpl4enMCtJfAoVwl6y"
    "tLjW7sU0So0ljcaDF7aTuBR0V0P10JqNSDAruimKxsUAxw03bWPdlJxUIH6TZU7QBNSKph"
    "bvQwq1jB2g1a5i+UJmkjGQVoc1jv9gCqgtl2EMyGw0CpLQVc7Suu8e1PCNbthlrtL6zbCr"
    "OqYCx/gKblu6hTYC6Hr7trDeZprOX66KGVTcrsVuh5tDJBF7DCseTpghioOsQzk/yfXh5I"
    "TVo6M4Blzk0vJ27o9f2JmMHxBaICehof0ENGCMv5lSMJ5ewUcHYqereKirh31qkypTar+S"
    "v9tDb9dDeKFLe46B0YeXpU7G2pGjVPthNQorjETxhg/3H1it7MDMHCgvZb0PfAnN7G5NiI"
    "6UBcgPoELPM5L/66li4FVamgbAi/7JNdF2A6hobsvNBqVV+qMfWl9q9cjPzW1bkZjC7Z7T"
    "Y0GYHda0M2mP4Ve0RAhxZ71r+YDD8PzgAvavpg3/TvJtrlPXmygNjTDJ88u+rfsDIzFlyU"
    "FJr50B+yR9SKakqZGbqetRJmuliNzkrWEizRJAefCNqHxWgfZtB+Iji8QKlrkmMiTV5MzT"
    "FXZkj/5viyYT8psbZN5d7xsQDQpFXxHSv0XQHUksW403LtC7LqvRO906b0UptMTe5gM9Di"
    "epvkRC/pYkPj0LZZn1Rlia7jyjMjBX2oEk9NpkhyjJjXjTvKzSdUo96sUWcKPDFKS8e99E"
    "qEoi62eDvC6sneXo8QWlsaNnNDEMtXXlZarbomr7rA06jJu3eykuq+F5H7XpSfpxj9doXx"
    "q+tH2jzqOdtr8O1VKOoGIydt9J2odxbMt8eLUU3LqZzVlNonD2k9aLZnmqp41B3Eo9JJWB"
    "uu1F98E3TYUnxji1YA3dWuuQuIm7nPrkU4fdJIR1fEEtOeEf3wDPYyd5JFsA+e0V7e5FIE"
    "/EbvJotgO3dsH390IfvckoCUWLuuWGiK9khFtKeVjFB6LJ1aP2HAZAG/uofF4QZBJKZjnA"
    "UXkrGYkjfR53WD9z93AaZBKP92HjupEaj/Ex5s17eB92Lq5PeQTsh8Jf9gvxkDBPVZILL6"
    "QJrIWhT68jWOXqB6xLn9P1KxMSqYuJHBxK/x6WzAl9PQDW8PLeAs8cG3D7nFFsmom8gk15"
    "ziGX+w9UVUOjf/xomyFRaXUmus8hrLKCNyHF9ci1EEigCBEsZz12aJ7i+8gkRKbIoJmPts"
    "W6gB4CtkPCF3EPbWUoTjm2hDUyi4yV9qtq5YASGLFa1ar7VVx8RaZEXkg5LyvPR81BeAtg"
    "FeZsu3YER6dUHg6OoCm/3J4TSyeRU19it+NXdsHdEq9MqubKRdOXWduVaWU1EQypAUa1+c"
    "bP35DEQjlcc5IdTCKPv6YVZZ15sPyFFXVairKnaEsSoS2wy7dO9YH0U8KOJhR/DWRjzs2j"
    "ZmUQilpnEYpyBkGYdREiK1BhbQNOIWqzOdIvcMLFzmJCXQIvcZkiFg2dHMnn0kc2Vqejiv"
    "zMAre1tvBKsiATstEsD+L6Ezhe3bqJQKGQAHJQbAQdYAYAslR11CujmHVoGLMpRJK0pc6G"
    "0gvIeAl+B7ObgYXvev3hz0ur1UHlEI/VE234Hl4ulSyfhxmRbO4kORZPziXPw0wuEOn4/w"
    "+jIicfkmo925Ho8mn87A3LG92YP9+6B/ewaWCLrpM1FkDE4FxuC0cAxOM3wYPVs1Ay5zCL"
    "FC8jcptD0/7LtNzXJOAvcOjt4fnR6eHK2439WTMso3614lQ2trc/IVzYVl5oVPl27ROdK7"
    "2awPdrdTn3QPhTdqHoxYJV4nLdmambzlcIKpi5BGVfgF/W7ZISjLfc7IqqRniaRnWs+W2p"
    "c0cVwPPJwSW02e+G72mk0tCIG95lhCKUTfdcvHtLKVi6hNn7fhlM32XHk14yVmvIk1XmlN"
    "EvmE3BYRDy37vQVcMfPFp+1+ZgCrvO8fcdRz/DOrZKQGXNr3kdcdKwz8SrzvlnHbYQUzyZ"
    "CvhevoCNPrA5ggj85awOWc/hH02QWPS3ZvQPD3Txg4L3YgYBbEfNXVcW5aUaz8I2ushVFe"
    "KpmoGVZSMT2uin1uvNjnaklIYByXaSHIG6l5yDFjMEkjHUq1EOuNeH0c39MdOcdaTKR1ta"
    "56opVUywqpZsMXdURMxSrqb0q0hfrv/uq73MxpiMLbR66pz/JU3eBNqZILozbrtNviga05"
    "guJH0Rtf6Scq1gifkYtNubDpmEgLD9CNKCt0UUkgHDRvIbobUU/IJ3q5johf78ajAp4wEk"
    "kfl6bugf8Cy8T7mNtbAi4FI3FGhpi+ue5/ScN9cTU+Tx9+tIPzvAjQbR5mf/0/a4b7OQ=="
)
