from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "tier" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "rank" INT NOT NULL UNIQUE,
    "threshold" VARCHAR(40) NOT NULL,
    "earn_multiplier" VARCHAR(40) NOT NULL,
    "perks" JSON NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A level of membership reached by a qualifying amount in a tier period. */;
        CREATE TABLE IF NOT EXISTS "reward" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* PRODUCT: product\nFIXED_DISCOUNT: fixed_discount\nPERCENT_DISCOUNT: percent_discount\nFREE_SHIPPING: free_shipping\nEXPERIENCE: experience\nCUSTOMISATION: customisation\nDONATION: donation */,
    "cost_points" BIGINT NOT NULL,
    "discount_amount" VARCHAR(40),
    "discount_percent" VARCHAR(40),
    "charity_name" VARCHAR(200) NOT NULL,
    "min_tier_rank" INT,
    "stock" INT,
    "experience_at" TIMESTAMP,
    "available_from" TIMESTAMP,
    "available_until" TIMESTAMP,
    "voucher_valid_days" INT NOT NULL,
    "image_url" VARCHAR(500) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    -- Hand-written: stock never goes below zero.
    CONSTRAINT "reward_stock_not_negative" CHECK ("stock" IS NULL OR "stock" >= 0)
) /* An item of the catalogue with a cost in points. */;
CREATE INDEX IF NOT EXISTS "idx_reward_is_acti_391177" ON "reward" ("is_active", "cost_points");
        CREATE TABLE IF NOT EXISTS "audit_record" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "role" VARCHAR(16),
    "store_id" CHAR(36),
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(64),
    "before" JSON,
    "after" JSON,
    "request_id" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL
) /* An append-only record of a staff or system action that changed state. */;
CREATE INDEX IF NOT EXISTS "idx_audit_recor_action_f11695" ON "audit_record" ("action", "id");
CREATE INDEX IF NOT EXISTS "idx_audit_recor_target__f70208" ON "audit_record" ("target_type", "target_id");
        CREATE TABLE IF NOT EXISTS "pending_credit" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "amount" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "available_at" TIMESTAMP NOT NULL,
    "released_at" TIMESTAMP,
    "account_id" BIGINT NOT NULL REFERENCES "points_account" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    CONSTRAINT "pending_credit_remaining_valid" CHECK ("remaining" >= 0 AND "remaining" <= "amount")
) /* Points earned inside the return window, made available when it ends. */;
CREATE INDEX IF NOT EXISTS "idx_pending_cre_availab_29d464" ON "pending_credit" ("available_at", "released_at");
        CREATE TABLE IF NOT EXISTS "points_lot" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "amount" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "earned_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP,
    "account_id" BIGINT NOT NULL REFERENCES "points_account" ("id") ON DELETE RESTRICT,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    CONSTRAINT "points_lot_remaining_valid" CHECK ("remaining" >= 0 AND "remaining" <= "amount")
) /* Available points from one credit, spent first-in first-out; they may expire. */;
CREATE INDEX IF NOT EXISTS "idx_points_lot_account_161fc1" ON "points_lot" ("account_id", "remaining", "id");
CREATE INDEX IF NOT EXISTS "idx_points_lot_expires_ef6178" ON "points_lot" ("expires_at", "remaining");
        CREATE TABLE IF NOT EXISTS "member_tier" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "period_start" TIMESTAMP NOT NULL,
    "period_end" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "tier_id" CHAR(36) REFERENCES "tier" ("id") ON DELETE RESTRICT,
    "member_id" CHAR(36) NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT
) /* A member's current tier and the period it is held for. */;
        CREATE TABLE IF NOT EXISTS "tier_change" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "period_end" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "from_tier_id" CHAR(36) REFERENCES "tier" ("id") ON DELETE RESTRICT,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "to_tier_id" CHAR(36) REFERENCES "tier" ("id") ON DELETE RESTRICT
) /* A recorded move between tiers, and why. */;
CREATE INDEX IF NOT EXISTS "idx_tier_change_member__d53072" ON "tier_change" ("member_id", "id");
        CREATE TABLE IF NOT EXISTS "voucher" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "quantity" INT NOT NULL,
    "points_spent" BIGINT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ISSUED: issued\nUSED: used\nCANCELLED: cancelled\nEXPIRED: expired */,
    "expires_at" TIMESTAMP,
    "used_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "reward_id" CHAR(36) NOT NULL REFERENCES "reward" ("id") ON DELETE RESTRICT,
    "used_by_id" CHAR(36) REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "used_store_id" CHAR(36) REFERENCES "store" ("id") ON DELETE RESTRICT
) /* Proof of a redemption: a unique, unguessable code. */;
CREATE INDEX IF NOT EXISTS "idx_voucher_member__a21eca" ON "voucher" ("member_id", "created_at");
        CREATE TABLE IF NOT EXISTS "donation" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "charity_name" VARCHAR(200) NOT NULL,
    "points" BIGINT NOT NULL,
    "amount" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "voucher_id" CHAR(36) NOT NULL UNIQUE REFERENCES "voucher" ("id") ON DELETE RESTRICT
) /* Points given to charity, valued at the point value: kept for reporting. */;
        ALTER TABLE "program" ADD "expiry_policy" VARCHAR(24) NOT NULL DEFAULT 'never' /* NEVER: never\nAFTER_EARNING: after_earning\nAFTER_INACTIVITY: after_inactivity */;
        ALTER TABLE "program" ADD "return_window_days" INT NOT NULL DEFAULT 0;
        ALTER TABLE "program" ADD "qualifying_measure" VARCHAR(16) NOT NULL DEFAULT 'points' /* POINTS: points\nSPEND: spend */;
        ALTER TABLE "program" ADD "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC';
        ALTER TABLE "program" ADD "tier_period" VARCHAR(24) NOT NULL DEFAULT 'calendar_year' /* CALENDAR_YEAR: calendar_year\nROLLING_12_MONTHS: rolling_12_months */;
        ALTER TABLE "program" ADD "expiry_months" INT NOT NULL DEFAULT 12;
        ALTER TABLE "points_account" ADD "last_activity_at" TIMESTAMP;
        ALTER TABLE "purchase" ADD "base_points_reversed" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "purchase" ADD "base_points" BIGINT NOT NULL DEFAULT 0;
-- Hand-written: purchases before multipliers earned base points only.
UPDATE "purchase" SET "base_points" = "points_earned", "base_points_reversed" = "points_reversed";
-- Hand-written: points available before lots existed become one lot per account, earned now.
INSERT INTO "points_lot" ("amount", "remaining", "earned_at", "expires_at", "account_id", "entry_id")
SELECT a."available", a."available", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), NULL, a."id",
       (SELECT MAX(e."id") FROM "ledger_entry" e WHERE e."account_id" = a."id" AND e."bucket" = 'available')
FROM "points_account" a WHERE a."available" > 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "program" DROP COLUMN "expiry_policy";
        ALTER TABLE "program" DROP COLUMN "return_window_days";
        ALTER TABLE "program" DROP COLUMN "qualifying_measure";
        ALTER TABLE "program" DROP COLUMN "timezone";
        ALTER TABLE "program" DROP COLUMN "tier_period";
        ALTER TABLE "program" DROP COLUMN "expiry_months";
        ALTER TABLE "points_account" DROP COLUMN "last_activity_at";
        ALTER TABLE "purchase" DROP COLUMN "base_points_reversed";
        ALTER TABLE "purchase" DROP COLUMN "base_points";
        DROP TABLE IF EXISTS "tier";
        DROP TABLE IF EXISTS "member_tier";
        DROP TABLE IF EXISTS "tier_change";
        DROP TABLE IF EXISTS "points_lot";
        DROP TABLE IF EXISTS "reward";
        DROP TABLE IF EXISTS "donation";
        DROP TABLE IF EXISTS "audit_record";
        DROP TABLE IF EXISTS "voucher";
        DROP TABLE IF EXISTS "pending_credit";"""


MODELS_STATE = (
    "eJztXW1z4ji2/isqvmxvFdPVISHdm926VYS4Z9hNIAWkt3c7W17FFsE3RmYsO2nu3v7vK1"
    "k2fpONDQaMW19mOraOgEdv5zznRf9pLSwdmeT9vW0923DRugL/aWG4QPQfyVdt0ILLZfiC"
    "PXDgk+m1XUYaPRHHhppDH8+gSRB9pCOi2cbSMSzMGk/nCFgYAdNaQdNZAV8YOHODAB3STi"
    "FBwHYxAe8gIAZ+Numf1lsbGDo4++N79im6pdGPoa+q6tDFxu8uUh3rGTlzZNNuv/2LPjaw"
    "jr4jEvy5fFFnBjL1GFCGzjrwnqvOauk9G2Dns9eQfdcnVbNMd4HDxsuVM7fwurWBHfb0GW"
    "FkQwex7h3bZdBh1zR9kAM0+TcNm/CvGJHR0Qy6JhsAJs2/QPisparD0VSdKFNVbaUGJ5CI"
    "wOs/0izMBpZ+VeL9+mf2FX7pnF18vPh0fnnxiTbxvub6yccf/KNDYLigB89w2vrhvaejw1"
    "t4GIegev9PwdqfQ1uMa9A+gSz9yklkAxzzoA0ehNiGc/kQ4C7gd9VE+NmZ0z/PPnzIgfJL"
    "b9z/rTd+R1v9kX2kRRcfX5RD/1WHv2N4h/hqrm0jrK3KYByVaSDO5wVQPs/E+DyJMII2Vh"
    "kYaYhvkGYsoClGOSaXgFnngu/9Dk4Q8hyMb5T+4K53++6s077wYCa/m4aDovBfpObx0qI9"
    "q6/QdMvinJCUSG9A2jEW6P/oMVtmx4jKHG7HaD1M+62DbBmXFwX2jMuLzE2DvYqj/LsLTW"
    "O2ol9BXSBIXDsDbwW7Cw/zAf16EGsohb24pwOOgrfASMmBaN2PqHIwuQJc+hFP7pXhzRUg"
    "S4T1pOZX6PS8LHJ4XmafnZfphYBsdYlswxIofsXGJtHFAQdFgxQZHdrqip4zZcem37ulg9"
    "Ebq/9QeuMrEOvrEY9Ht7eD4a/qWUe9Gw2nv9FBtC3TZBOQPlpY2JmTbUawU2SRdbIXWSe1"
    "yGzkuPSQfaNIWW+qDlekhAYvFt6s0Vc1hB9qrdFH9J/vS8NeqUvLNLLUzM0LJdXJAZcKRq"
    "+o9BIZKl8UujQ82Ufc+zxVxipdLEO6MK4AnDl03TMFjw5E8HYw7PWngy+D6T+CBgam9rPx"
    "ajireiwXfxDCFVxwpaTkDrdIqGZzGqtEsxH76Sp0BOorfcM0qAxrLCaZVF990ffBP05Qga"
    "U7LdRH2Fy1OLWRg+t0cKdMpr27e/ZxC0LVWQ+/3lRhbzre01Xi6bvkmb/uBPx9MP0NsD/B"
    "P0dDxYPXIs6z7X1i2G76zxb7TtB1LBXTswDqERYmeBqgFht1d6lvOepxSTnqdRn1AKPIsH"
    "vfnrGGs5cIxcUePEHt5Q3aupp6Y3WsrLbpV4vOIvkEYvjsjRkDl31Nn8W9Q4snj9VM8bv+"
    "m3YevbsI22xkd3tAc4ljLZANEGb6H9KBgYEzRwEvmyZwC8pUzNE+PAxuSpC0rmvo75nMNo"
    "tqM1fb+svMxRpDEXifxP5z8T/7MmNzVhXnufgyiS4A76fnk7ZoAQ2zDD+wFqhGrTsuIx7X"
    "wrqF1LBujh7WTSlikhQP8S1EindySPFOmhRfQkLeLLrXziGZlwE6JdhExLvdQjO6mzOjuy"
    "k3BDvZqBXoHy+FPRFxscbtHtWTVgZRPaNSsH9cW5aJIM44CqNyCZyfqOC+pnWA/WHPvuvR"
    "6DamTF4PpgmMH+6uFYp9gjaXhl3zVfwsw66Eih85alxbo4cFEvAp177o57+NkQk9cNPzII"
    "jO8Ls5wVnwI5j3wdNwNiS4dvoL8fOuSE1pT32vo6Zi9Wq5GjWLdsTpC++lSSCVMqwTrmV2"
    "/GmWiwW7eIDqCKOpRf9TYLV6PfbCDjcg7O84tQc4tWKJAx03ZyIWh4zTE2zxNgivkuTNxI"
    "GzWUvA3fAX7TzqhqybFGBulnT3sDBgCh9+BjPL9iiYJ5cYGBFyBSB9py8MDOgbCDRq69Bx"
    "EdE523ckOR7J8ZyKlfaTcjytfU1YyfAc+oQ6AMNjW+bWIUyBbJ2xbvVu7gbDK36ePeJ+b/"
    "LbQPGCY7xDLXk4SvZHsj+S/fk52Z99OngnjmWjltBGsHjkZ56NEDQpYiOYUEPgjermCHjG"
    "BdPy/wxYvNMqfMBUXBtp9MAkwHAI8D5CaCns2J20F2puL9Rfnz1tn6U82uXRXpvpLo/2PR"
    "ztt0h/RtRacuyV6ICPvs495k2voYrWLTee9iOMAHe+AGvmpdg+QZNZau/BkJ3QwI9GbPN4"
    "Z0A/EtE/wTvG9oWJt2jmEkQEibt76H+zPvCt5TP6Kj/S6X//VUpHuDaef5b03j91OufnHz"
    "sfzi8/dS8+fux++rCOd06/ygt8vh78ynbS2OrdnAT8YuCtU2wC2TrrES2WGXAFWELAI74e"
    "DR8mV+DJwi55xGPlRlHurujk1hFasL8/P7A8KDbZsf6Iezd/fZhMGe3wvy5xHrHy9X4wVm"
    "hfLOYesfZflPFEYQJ05RD65GY0pPvoFdAtTH84a3Gr9HgLqiUQ70l/5GUvMFX7tS7cxZOr"
    "vSDBWVtsGoTSByRI4Ss0eA8l50PvS29w27u+paOy7uMRsww4L3+E5cB5mSOjvyt0LlhvqC"
    "YpcXCR4SLN2SpDmcOlhTRkx4wsDn5eql7iUDn8U6JyGLYeBqr3Eu7FLmrmhhKNc9x0C5m5"
    "3Rwzt5s2c+m5h1jxiVJcQkyocTjvhU6g9oBlq9mKV8ZeHpOqs8pVm4BcDpnIvtgEs9DGKA"
    "ZyzQJk9l1MQVI12dA3i6qJr6yoeV9CIY3JSW1oa21Is2xqQTqk9AgkBLcagrptcUcZgSC6"
    "XDgC2T6uhNgOzq6ajcIurq0QVc/rWBLSqIzE80eaU0/t22l0P1MIjWf8N7RKcT3VxFnXbd"
    "vOChymj234tqapEycWxYET5OzVmJ6i40F/2krP4AoAXgcVnOS03YhrdNEWQHUZScLZdeYW"
    "z+c5UWwTZ0wBeAOtoAJ4E76yZiKc0KIyED6OL/OeM9h9G+mG0xKVG441aOcWHeZNVS1su9"
    "GjyU8Gz+Pi1Zggho683ARe1Qvwql5tsID0+ZqCZ/FJGBgOoJ9I0m7Mqjot5LsMxH3T1Hfe"
    "eJaqdGPW040pvSNHo+UX9Buw71UK+5iYhH9r+JN7VRkCLinbQAruRCi3AJNczi16DJUc6Y"
    "RoBQNdT72tEeMsuVXJ7J3K4pJMVI2ZKMmZVM6ZHMmij81wkUWfXAI5Fn2q4kaRjCRenfIP"
    "JAgeJm3wgpbUrmYV8IFjeaY4cRcsxpj+07ABj4QGLBLaQAKDvqI+K85Nkgb7wQz2aPxmCS"
    "UnKtaYgvCHVnA4q1cO+YiQxH073INg4uKgBxIS8e0QN43Z2qItjnpUSiK/JfKQOGpwx8IW"
    "lIVIXvIWdeYtZMH97CV4mpGAgmFP1aLjWnxJqiQmdNh8/9PgSbLtzEiVMG4GCY62EqUoy3"
    "nr67ausox7kbbr+7B3LQab9J03ETHT2hkmj2W4tRoFUZriSW6DadCCKpwFebbwppBT3Pk2"
    "kmyxfb8IxVYBbcYmYSZl5s/QjXSZaRWlytahJ1wSzGxr4aXd8+2n7d2y6ICZYRPnFwP7/7"
    "Bc58+M5FqBBVz5CcYCzqzCzh/xI/5s2QBBbQ58NrDtUW5s9f8B/Hvtof83oNoAcJcBJRdG"
    "1wSVBIoRccmiALEQAFYhoA2+8fvMEFlH3gRNZNxNTWk8GXcj425+Qvh5IOIWtm5MsIGm7u"
    "matmlGI34YlRrlmKTkreo8yjLe5th7KWMfSsMflZLglwJfhuUcMyxnXRzuoIk2pwpvdJnX"
    "KygnCIkSkQuRcKkcbiHaqkAQDoEm8kv0Ih1AB0DgGKbp3f0B/XCaNoBYB3PrDSxcathbM5"
    "b98gaJX9QM6aJInOo6lqWCa+BNaOfY63Wp8VOjK0bOCtX4Ocup8XMmqPGTwYvcIM1YQLMk"
    "MaJzqfe+9Olu9yKEb5T+4K53++7sot1JVAYOwL9I4au5NpuRgnM050bTiEwD6yedF5jF55"
    "lz+Dx1jQtnvjlfUU41T4lK/Xxr44iV31U5oOUGISEo45h2xl/167yWXA1ZPcgR2Zb55gqn"
    "utUZK5A+zmG7r0Gp+qTdae7LaV9dxS9ZaK9h4XVFCu3VK7yuvkZEqRJjcDYrXWIslJGJnb"
    "Up2dacCZpDyWeFlpUmjLcPLqsHrJWElx2zVNup4lqyVtv6PuydYfX7OcldtQCq4ZlS2rNx"
    "1DDwEwG8PlHgpwgYN5R3BGrsddKgrVEQBF6dS9FHS+BQDHHMdifaYZvNNfqg7QDm3TNN5s"
    "qDIPBFgmfjFWHAfg/3+LGIXz/a2JlDB7yxAOM3w5kDwxGU6auuX+lKrIFa2s5xJUoXlyTe"
    "fhInjI9m+fz9hKDkPiX3KbnPotzn0euw1W2sJf9ZTzzllRV7pD+PU8Wupkt/D6X/JVtXFV"
    "snbwHZB7N8nOjugY4WS8th4YJjLzC6JWBl0o3aeQSNETZX7bD9RrJmOkc8kxtATN6QzRKx"
    "Ibv4wDaQDt5sakmy0okr+sfTCrzN6VvywgK5fZqFvuLp39rcIoK08j30LyBvvvGrFdlbKs"
    "ATumWZxnpYWjkkTzBmRYNs1wINjLD9VCRQ/FN2nPinFMfDVkIJcP3mDYR2LxftWksGiFHu"
    "1uiYUAORrv4KWBvRn0kcleqd8zJIJ+Uk2IXAJuz7pmD+62Q0zII5kEjSX4bmgP8HpkH2Rk"
    "NG/BxPrmE6Bibv2ccew9XBEIoxXwHM7+56X5Mj0L8dXSdtVdbBtWQmf1JmMkVRHMcw4UFc"
    "U8NTqlMWSeRtriniR0o5QcMyJeB5GpUDmHDoykW2YeksJ9QgYE5/CUseza36XrIbWej9RC"
    "0IPqQqcaBdeo9MyjZwlzyRXTHAJN9hw4cLYcGCKzTQvqQc5loPsyz03DSdRzDsqXhAdk6X"
    "9HJFRKSTK2431Cuvpw7FY6v1Ggaa7Y7ul0CTPskputH7ElmfFThfZDHkOhdDzrIYN9uKZY"
    "xEE70iL/KX/zgyN5bAZiWGue8IAna3lzFbUfwADwUFBvbKDVEjkCuBIqOxqm5lTHENdu12"
    "jrHo/T+FczaFHLRvIHW8l7JENsQvaXyzqwX7zauJW60DGdI5u/h48en88mLNgayf5FEf6Z"
    "BUZ05n9dwyRaZuXgB8TE7GwKPoZE7HwLMSQuqCfkVjaQo1ulysBdLHQfzseHBfts+LZxwg"
    "+0WQ8JXtWloL1MOzxD6vMZ4lg/Drz0R311mWiSDOUD2icolxeaKC+xqQYDM/LPTXo9FtDP"
    "rrQYKhHj7cXSv0oEysAplk0Hxaq0iSgSQzmzbqWWRmTRy4zOCmBg329FGhOe6/bW8yylUt"
    "bFjANl8X+F1Yrwg8IecNIeyZyISn5L7NVyLju7BckSuAYqQHu/RHem1r6bWlS5+Ui5sLJR"
    "pojO8lPLFG7tJ6EtgneNKkFQypVjZNwSiiVrKb+dQtXKZJOek3rbPftBGQ0lm8jW/fktNU"
    "lvA7ilNUuM9WAG6znf3Jk6UAuP4al9BuiqOwCgB7HLbhxsLQ/9kprmH9rp3HNOjRVpsLi/"
    "GSXrzal2MBjdqLhrNqg1douvxyoXXlL/7sCrygpePdNWSjpWU7dEQEhcWq61cGAdTgsGzn"
    "cA/+2KplgwGScpKHKMhDbHG7yDEuFmkI6SYr6B0qekBeErXvS6IkuZWNe3PJLUnCVE7CvF"
    "quNi+NaVxKZgRIDuYogemFEwP8+ZoehJKZAV/Cfk5xYm8cgfi63ntuwBixPlrCuuPem3Z+"
    "3fF1m81RCBhQrW3BQvmZua5RE9C0nl3EK39DoNElzUL3uXkhiEYoL18kKiEWM8f6CC5OLB"
    "eeIKkAmQ9wWqZ/9JulYJ6i7xnWf0LscGi3jjB9p8rXaUwxT0X3rpXz29Hw16B5MuQ3UfjL"
    "EEV9sImtYHeROgbjVcAMYdxHrSZ56348unnoT6/A0rZ0V3Me8efBV+VGvRlM+qOHIX0xM+"
    "jHqbpBNEZoPOJ7ZdxXhtNIiyWyNYSdSJvPY0VRJ78N7u8Hw19pFzZCKssGW9KxfcTKV9rH"
    "QBn2lSuAvrMgGXZp+SPuP0ymo7vBpDcdjIZXQHOJYy0M4tHaj/hmNPRfRKnu0suzSKWnTn"
    "alp06q0lP0HErNlDxuLiEoCbqtCbpg4m131axAemfKrp4essoYuzVk/tLfFvGI+E8IebcM"
    "R3pyzpa96QAH0LcWBuau4pKJmCm5rTb1ms3kqlMy6amulQF13V6CmQYz1J+2IPdTwjJEuc"
    "4hyvAVGh7MKgsSKjvYaWk52qcx2lRTMszth3stLse7zuMdkMmv0DSovQ1XAnMy84wUCx/O"
    "pPzTni8yq+y8pMbEM10StmA9ZSvRMaHGadDdQhp0N0eD7qY1aJkWL9Pi63JKNDjEQ6bFN2"
    "3UBbpC2bT4lE6x4+3gO7jx66EfHvZ68AAugZ8+gmS2oz4SfVEgkN+2rBm/w9tG7OIq9uKK"
    "/sWHoE3//+wiQljnQKMfJojZ36qL0lUEIseMdNcfOXKfDmIpEtlvX43qe9yyDfEw206RON"
    "tOdqBtJ6n3/u5Cam47gljmTNstKnI4i21ftc6qNtj8q7nJUuhmKnCp91pSOli3drASBzqu"
    "QIsoFggRSh/QdjYIcZFecl9uDSaTB+XmCnDpR/wwYX+5hP273xv2ldtb9kBjv9M02VPl6/"
    "1gzJ6h70vD9j+xbA3RywLb0FlS4YxUEL1MFWT0vgzZzicQkZSUYX3MAIH1R7Yz/UiVdp8c"
    "3/3VpAm2mW1YnYSsHOlaj7Rk7xrG48gEraMkaPEsh5KQxoQkpAlIPXXhaVUS07iULDwkwJ"
    "Q4lo22gTUqKJGV6YRHKekU5pPtiGyYvNZQZGPHSwFk/a2zAmgnDpzNTnYn2Ahs/Iwpiqy3"
    "e1YCrt9Pg8GNnjT7LZgVSS6IpPeInZZBGvJm12W0dlYzhulHSW9kz9UNZ+zVBm8JPJLR1+"
    "08ryRkDVU7bFkkiZh2h7D+i0WtN78+OfczErYvAcsGZEVYnjDkDjVnDh3Aq6XrrI0j8FZW"
    "1msRBybvgbVmNdDb4BvFw6bt+TTz4PH+lBXSj+yqyPZ10iG0bDU7jzMjejYmVecMzi09n9"
    "W7HDhkosm+CWbhhC8Gcs027TjGl0VyTS+zc00vU7mmtmWWctwH7ZuHbfXzdxtrXBri2RRH"
    "eHaW2A0OXqnghDeDhCpSFOWEWAOhrj6qJ1TzygMtT7eiE/oJzYSWefbFhqHETjcb1gznHF"
    "z3coUhnDkiijQb9rWARH171G1EfzYpu6nEpeSusnlXka71bOib5VovkSKxz/j/HrINbd4S"
    "kW38TTuXZwvbbGLYsse54tr5PwtVtWPQcjYJ9YpsUtIYiog0UEXvdLtFqrZ0u9lVW9i7hB"
    "5DF1UJhP3mDUT3rFBG71lORu9ZOqOXfqIjjMHP1hMjIoe/efzEVcWjHmY//guQ42Jd"
)
