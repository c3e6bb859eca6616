from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "tier" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "rank" INT NOT NULL UNIQUE,
    "threshold" DECIMAL(14,2) NOT NULL,
    "earn_multiplier" DECIMAL(6,3) NOT NULL,
    "perks" JSONB NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "tier" IS 'A level of membership reached by a qualifying amount in a tier period.';
        CREATE TABLE IF NOT EXISTS "reward" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "cost_points" BIGINT NOT NULL,
    "discount_amount" DECIMAL(14,2),
    "discount_percent" DECIMAL(5,2),
    "charity_name" VARCHAR(200) NOT NULL,
    "min_tier_rank" INT,
    "stock" INT,
    "experience_at" TIMESTAMPTZ,
    "available_from" TIMESTAMPTZ,
    "available_until" TIMESTAMPTZ,
    "voucher_valid_days" INT NOT NULL,
    "image_url" VARCHAR(500) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_reward_is_acti_391177" ON "reward" ("is_active", "cost_points");
COMMENT ON COLUMN "reward"."kind" IS 'PRODUCT: product\nFIXED_DISCOUNT: fixed_discount\nPERCENT_DISCOUNT: percent_discount\nFREE_SHIPPING: free_shipping\nEXPERIENCE: experience\nCUSTOMISATION: customisation\nDONATION: donation';
COMMENT ON TABLE "reward" IS 'An item of the catalogue with a cost in points.';
        CREATE TABLE IF NOT EXISTS "audit_record" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "role" VARCHAR(16),
    "store_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "request_id" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_recor_action_f11695" ON "audit_record" ("action", "id");
CREATE INDEX IF NOT EXISTS "idx_audit_recor_target__f70208" ON "audit_record" ("target_type", "target_id");
COMMENT ON TABLE "audit_record" IS 'An append-only record of a staff or system action that changed state.';
        CREATE TABLE IF NOT EXISTS "pending_credit" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "available_at" TIMESTAMPTZ NOT NULL,
    "released_at" TIMESTAMPTZ,
    "account_id" BIGINT NOT NULL REFERENCES "points_account" ("id") ON DELETE RESTRICT,
    "purchase_id" UUID REFERENCES "purchase" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_pending_cre_availab_29d464" ON "pending_credit" ("available_at", "released_at");
COMMENT ON TABLE "pending_credit" IS 'Points earned inside the return window, made available when it ends.';
        CREATE TABLE IF NOT EXISTS "points_lot" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "earned_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "account_id" BIGINT NOT NULL REFERENCES "points_account" ("id") ON DELETE RESTRICT,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_points_lot_account_161fc1" ON "points_lot" ("account_id", "remaining", "id");
CREATE INDEX IF NOT EXISTS "idx_points_lot_expires_ef6178" ON "points_lot" ("expires_at", "remaining");
COMMENT ON TABLE "points_lot" IS 'Available points from one credit, spent first-in first-out; they may expire.';
        CREATE TABLE IF NOT EXISTS "member_tier" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period_start" TIMESTAMPTZ NOT NULL,
    "period_end" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tier_id" UUID REFERENCES "tier" ("id") ON DELETE RESTRICT,
    "member_id" UUID NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "member_tier" IS 'A member''s current tier and the period it is held for.';
        CREATE TABLE IF NOT EXISTS "tier_change" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "reason" VARCHAR(200) NOT NULL,
    "period_end" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "from_tier_id" UUID REFERENCES "tier" ("id") ON DELETE RESTRICT,
    "member_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "to_tier_id" UUID REFERENCES "tier" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_tier_change_member__d53072" ON "tier_change" ("member_id", "id");
COMMENT ON TABLE "tier_change" IS 'A recorded move between tiers, and why.';
        CREATE TABLE IF NOT EXISTS "voucher" (
    "id" UUID NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "quantity" INT NOT NULL,
    "points_spent" BIGINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "used_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "member_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "reward_id" UUID NOT NULL REFERENCES "reward" ("id") ON DELETE RESTRICT,
    "used_by_id" UUID REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "used_store_id" UUID REFERENCES "store" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_voucher_member__a21eca" ON "voucher" ("member_id", "created_at");
COMMENT ON COLUMN "voucher"."status" IS 'ISSUED: issued\nUSED: used\nCANCELLED: cancelled\nEXPIRED: expired';
COMMENT ON TABLE "voucher" IS 'Proof of a redemption: a unique, unguessable code.';
        CREATE TABLE IF NOT EXISTS "donation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "charity_name" VARCHAR(200) NOT NULL,
    "points" BIGINT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "member_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "voucher_id" UUID NOT NULL UNIQUE REFERENCES "voucher" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "donation" IS 'Points given to charity, valued at the point value: kept for reporting.';
        ALTER TABLE "program" ADD "qualifying_measure" VARCHAR(16) NOT NULL DEFAULT 'points';
        ALTER TABLE "program" ADD "expiry_months" INT NOT NULL DEFAULT 12;
        ALTER TABLE "program" ADD "expiry_policy" VARCHAR(24) NOT NULL DEFAULT 'never';
        ALTER TABLE "program" ADD "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC';
        ALTER TABLE "program" ADD "return_window_days" INT NOT NULL DEFAULT 0;
        ALTER TABLE "program" ADD "tier_period" VARCHAR(24) NOT NULL DEFAULT 'calendar_year';
        ALTER TABLE "points_account" ADD "last_activity_at" TIMESTAMPTZ;
        COMMENT ON COLUMN program."qualifying_measure" IS 'POINTS: points\nSPEND: spend';
COMMENT ON COLUMN program."expiry_policy" IS 'NEVER: never\nAFTER_EARNING: after_earning\nAFTER_INACTIVITY: after_inactivity';
COMMENT ON COLUMN program."tier_period" IS 'CALENDAR_YEAR: calendar_year\nROLLING_12_MONTHS: rolling_12_months';
-- Hand-written: stock and lots never go below zero.
ALTER TABLE "reward" ADD CONSTRAINT "reward_stock_not_negative" CHECK ("stock" IS NULL OR "stock" >= 0);
ALTER TABLE "points_lot" ADD CONSTRAINT "points_lot_remaining_valid" CHECK ("remaining" >= 0 AND "remaining" <= "amount");
ALTER TABLE "pending_credit" ADD CONSTRAINT "pending_credit_remaining_valid" CHECK ("remaining" >= 0 AND "remaining" <= "amount");
-- Hand-written: points available before lots existed become one lot per account, earned now.
INSERT INTO "points_lot" ("amount", "remaining", "earned_at", "expires_at", "account_id", "entry_id")
SELECT a."available", a."available", CURRENT_TIMESTAMP, NULL, a."id",
       (SELECT MAX(e."id") FROM "ledger_entry" e WHERE e."account_id" = a."id" AND e."bucket" = 'available')
FROM "points_account" a WHERE a."available" > 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "program" DROP COLUMN "qualifying_measure";
        ALTER TABLE "program" DROP COLUMN "expiry_months";
        ALTER TABLE "program" DROP COLUMN "expiry_policy";
        ALTER TABLE "program" DROP COLUMN "timezone";
        ALTER TABLE "program" DROP COLUMN "return_window_days";
        ALTER TABLE "program" DROP COLUMN "tier_period";
        ALTER TABLE "points_account" DROP COLUMN "last_activity_at";
        DROP TABLE IF EXISTS "tier_change";
        DROP TABLE IF EXISTS "donation";
        DROP TABLE IF EXISTS "points_lot";
        DROP TABLE IF EXISTS "tier";
        DROP TABLE IF EXISTS "member_tier";
        DROP TABLE IF EXISTS "reward";
        DROP TABLE IF EXISTS "voucher";
        DROP TABLE IF EXISTS "pending_credit";
        DROP TABLE IF EXISTS "audit_record";"""


MODELS_STATE = (
    "eJztXWtz27q1/SsYfWk6o5OJZctJ3c6dkWXlHLW25JHlNG3cYWESsnhNgToEaUe3N/+9AE"
    "GKL5AiZEqiGHxJLBIbohZee6/94H9aC9tAFnl/69hPDly0LsB/WhguEP0jfasNWnC5jG6w"
    "Cy58tPy2y1ijR+I6UHfp5Rm0CKKXDER0x1y6po1Z4+kcARsjYNkraLkrEAgDd24SYEDaKS"
    "QIOB4m4B0ExMRPFv1ov7aBaYCTP75n32LYOv0aequqDj1s/u4hzbWfkDtHDu3227/oZRMb"
    "6Dsi4cflszYzkWUkgDIN1oF/XXNXS//aELuf/YbsWR813ba8BY4aL1fu3Mbr1iZ22dUnhJ"
    "EDXcS6dx2PQYc9ywpADtHkTxo14Y8YkzHQDHoWGwAmzR8gutbStNF4qt0NpprWygxOKBGD"
    "N7ik25gNLH1U4v/6J/YIv3ROzj6efTo9P/tEm/iPub7y8Qf/6ggYLujDM5q2fvj36ejwFj"
    "7GEaj+/xlY+3PoiHEN26eQpY+cRjbEsQja8EKEbTSX9wHuAn7XLISf3Dn9ePLhQwGUX3qT"
    "/m+9yTva6o/sK226+PiiHAW3OvwewzvCV/ccB2F9JYNxXKaBOJ+WQPk0F+PTNMIIOlhjYG"
    "QhvkK6uYCWGOWEXApmgwu+Dzo4QsgLML4a9Ic3vet3J532mQ8z+d0yXRSH/ywzj5c27Vl7"
    "gZYni3NKUiG9AWnXXKD/o8eszI4Rl9nfjtG6n/Zbe9kyzs9K7BnnZ7mbBruVRPl3D1rmbE"
    "UfQVsgSDwnB+8B9hY+5kP6eBDrKIO9uKc9joK/wIjkQLRux1Q5uLsAXPoB390ORlcXgCwR"
    "NtKaX6nT87zM4Xmef3aeZxcCcrQlckxboPiVG5tUF3scFB1SZAzoaCt6zsiOTb93TQejN9"
    "H+MehNLkCirwc8GV9fD0e/aicd7WY8mv5GB9GxLYtNQHppYWN3TrYZwU6ZRdbJX2SdzCJz"
    "kOvRQ/aVImW/agZcEQkNXiy8WaOvagg/1Fqjj+k/35ems9KWtmXmqZmbF0qmkz0uFYxekP"
    "QSGQ2+DOjS8GUfcO/zdDDR6GIZ0YVxAeDMpeueKXh0IMK7w1GvPx1+GU7/ETYwMbWfzRfT"
    "XdVjuQSDEK3gkislI7e/RUI1m+NYJbqD2E/XoCtQX+kdpkHlWGMJybT6Goi+D/84QgWW7r"
    "TQGGNr1eLURgGu0+HN4G7au7llX7cgVJ318etNB+xOx7+6Sl19lz7z152Avw+nvwH2Efxz"
    "PBr48NrEfXL8b4zaTf/ZYs8EPdfWMD0LoBFjYcKrIWqJUfeWxpajnpRUo16XUQ8xig27//"
    "SMNZw9xyguduER6s+v0DG0zB27Y+e1zd5adBbpKxDDJ3/MGLjsMQMW9wYtHn1WM8PvBnfa"
    "RfTuImqzkd3tAd0jrr1ADkCY6X/IACYG7hyFvGyWwC0pUzFHe38/vJIgaT3PNN4zmW0W1W"
    "autvWXmYd1hiLwv4n9c/Y/uzJjC1YV57n4MokvAP+nF5O2aAFNS4YfWAtUo9YdlhFPamHd"
    "UmpYt0AP62YUMUWKR/iWIsU7BaR4J0uKLyEhrzbda+eQzGWAzgg2EfFut9SM7hbM6G7GDc"
    "FONmoFBsdLaU9EUqxxu0f1pJVJNN+oFOwfl7ZtIYhzjsK4XArnRyq4q2kdYr/fs+9yPL5O"
    "KJOXw2kK4/ubywHFPkWbK8Ou+Sp+nmEnoeLHjhrP0elhgQR8ymUg+vlvE2RBH9zsPAijM4"
    "JujnAW/AjnfXg1mg0prp3+Qvz0VqSmtKe+31FTsXqxPZ2aRW/E6QvvpUkgSRnWKdcyO/50"
    "28OCXTxEdYzR1Kb/lFitfo+9qMMNCAc7Tu0BzqxY4kLXK5iI5SHj9ARbvA3CS5K8uXPhbN"
    "YScDf8RruIuiHrJiWYmyXdPWwMmMKHn8DMdnwK5tEjJkaEXABI7xkLEwN6BwKd2jp0XER0"
    "zvYdKY5HcTzHYqX9pBxPa1cTVjE8+z6h9sDwOLa1dQhTKFtnrFu9q5vh6IKfZw+437v7bT"
    "jwg2P8Qy19OCr2R7E/iv35OdmfXTp471zbQS2hjWDzyM8iGyFsUsZGsKCOwCvVzRHwjQum"
    "5f8ZsHinVXSBqbgO0umBSYDpEuB/hdBSeGN3yl6oub1Qf332uH2W6mhXR3ttprs62ndwtF"
    "8j4wlRa8l1VqIDPn678Ji3/IYaWrfceNqPMQLc+QLsmZ9i+wgtZqm9ByN2QoMgGrHN450B"
    "/UpEP4J3jO2LEm/RzCOICBJ3d9D/Zn3gWytg9DV+pNN//yWlI1yaTz9Leu+fOp3T04+dD6"
    "fnn7pnHz92P31YxztnbxUFPl8Of2U7aWL1bk4Cfjbx1ik2oWyd9YgWywy4ACwh4AFfjkf3"
    "dxfg0cYeecCTwdVgcHNBJ7eB0IJ9/nzP8qDYZMfGA+5d/fX+bspoh//1iPuAB19vh5MB7Y"
    "vF3CPW/stgcjdgAnTlEHrlajyi++gFMGxMfzhrcT3o8RZUSyD+lf7Yz15gqvZLXbiLR09/"
    "RoKzttw0iKT3SJDCF2jyHiTnQ+9Lb3jdu7ymo7Lu4wGzDDg/f4TlwPmZI+O/D+hcsF9RTV"
    "Li4CLHRVqwVUYy+0sLaciOGVsc/LzU/MQhOfwzomoYth4GqvcS7sUua+ZGEo1z3HRLmbnd"
    "AjO3mzVz6bmHWPEJKS4hIdQ4nHdCJ1B7wHa0fMUrZy9PSNVZ5apNQC6HTGRfbIJZaGOUA7"
    "lmATK7LqagqJp86JtF1SRXVty8l1BIE3JKG9paG9Jth1qQLpEegZTgVkNQty3uICMQRpcL"
    "RyDfx5USe4Ozq2aj8BbXVoSq73WUhDQuo/D8keXUM/t2Ft3PFELzCf8NrTJcTzVx1nXbtv"
    "MCh+llB76uaerUiUVx4AQ5uzWhp+hk2J+2sjO4AoDXQQVHOW034hpftCVQXcaScN46c8vn"
    "8xwptqkzpgS8oVZQAbwpX1kzEU5pUTkIH8aXecsZ7L6DDNNticoNJxq0C4sO86aaHrXd6N"
    "HkJ4PvcfFrTBDTQH5uAq/qBXhVrzZYQHp9TcGz+CQMTBfQbyRZN2ZVnZbyXYbigWkaOG98"
    "S1W5MevpxlTekYPR8gv6BOy5pLBPiCn4t4Y/vVfJEHBp2QZScEdCuYWYFHJu8WNIcqRToh"
    "UMdD31tkaMs+JWFbN3LItLMVE1ZqIUZ1I5Z3Igiz4xw0UWfXoJFFj0mYobZTKSeHXKP5Aw"
    "eJi0wTNaUruaVcAHru2b4sRbsBhj+qfpAB4JDVgktIkEBn1FfVacm6QM9r0Z7PH4TQklJy"
    "7WmILw+1ZwOKsnh3xMSOG+He5hMHF50EMJhfh2iFvmbG3Rlkc9LqWQ3xJ5SFwtfMfCFpSF"
    "SF7xFnXmLVTB/fwleJyRgIJhz9Si41q8JFWSENpvvv9x8CT5dmasShg3gwRHm0QpSjlvfd"
    "3WVZ5xL9J2Ax/2W4vBpn3nTUTMst8Mk88yXNuNgihL8aS3wSxoYRXOkjxb9KaQY9z5NpJs"
    "iX2/DMVWAW3GJmEuZRbM0I10mWWXpcrWoSdcEswce+Gn3fPtp+2/ZdEFM9Mh7i8mDv6wPf"
    "fPjORagQVcBQnGAs6sws4f8AP+bDsAQX0OAjaw7VNubPX/Afx77aH/N6DaAPCWISUXRdeE"
    "lQTKEXHpogCJEABWIaANvvH3mSGyjrwJm6i4m5rSeCruRsXd/ITw80DELWzdhGADTd3jNW"
    "2zjEbyMJIa5YSk4q3qPMoq3ubQeyljH6Thj0sp8KXAV2E5hwzLWReH22uizbHCG1/m9QrK"
    "CUOiRORCLFyqgFuItyoRhEOghYISvcgA0AUQuKZl+e/+gEE4TRtAbIC5/QoWHjXs7RnLfn"
    "mFJChqhgxRJE51HatSwTXwJrQL7PW61Pip0StGTkrV+DkpqPFzIqjxk8OLXCHdXEBLkhgx"
    "uNT7QPp4t3sRwleD/vCmd/3u5KzdSVUGDsE/y+Crew6bkYJztOCNpjGZBtZPOi0xi09z5/"
    "Bp5jUunPnmfIWcap4RVfr5G3g+frxqW+0oAunDbC27Cm6qel8Jpm5Q0XW7eR8XVuFjW9Y3"
    "UmXFGhZMVKasWL2CieqrMkkVVIKzmXRBpUhGpbHVpkBVcyZoAQGZF0gjTY9tH0pTD1grCa"
    "Y5ZGGqY8VVsjLV+u2/b4Y16Ocod9USqEZnijSPe9Cg1yMBvD4xr8cIGDeU3wjUxO+kQVuj"
    "IOS1OgdKgJbAfRLhmO88caI2myuSQcf1X4NuWcxxAUHoeQFP5gvCgP0e7t9g8Y1BbKU7hy"
    "54ZeGUr6Y7B6YrKEpWXb/KcVIDtbRd4DhRhL4i3n4SyjlAUz5bOSWouE/FfSrusyz3efCq"
    "U3Uba8V/1hNPVaB/h/TnYWp21XTp76DQuWLrqmLr1DsPdsEsHyaWdWigxdJ2WXDUxA8DbQ"
    "lYmWyjdhFBY0bNNSdqv5Gsmc4Rz1sFEJNX5LC0U8jKvDsmMsCrQy1JVihuRT88rsDrnN4l"
    "zyxsNaBZ6C2e7KrPbSJIot1B/wLy5ht/kRy7SwV4+qoqSlcPS6uA5AnHrGxI4VqggfGEn8"
    "qExX7Kj4r9lOF42EqQADdo3kBod/JaUXvJADHl3pGbEGog0tW/8NJB9GcSV6N651wG6bSc"
    "ArsU2IQ9bwbmv96NR3kwhxJp+svUXfD/wDLJzmjImJ/j0TMt18TkPfvaQ7g6GEIJ5iuE+d"
    "1N72t6BPrX48u0rco6uFTM5E/KTEpUJNulYcKDuKamr1RnLJLY3UJTJIiUcsOGMgWvedKI"
    "C5hw5MpFjmkbLAPOJGBOfwlLlSuscS3ZjSprfaQWBB9SjbjQkd4j07IN3CWPZFcMMSl22P"
    "DhQliw4EoNdCCphrnWw6zK2jZN5xEMeyYekJ3Tkl6umIhyciXthnrl9dShVGa1XsNQs32j"
    "+yXUpI9yim70vsTWZwXOF1X6tc6lX/Msxs22ooyRaKEX5Ef+8h9H5uYSOKygKvcdQcDeZG"
    "TOVhQ/wENBgYn94irUCORKoMhorKpbFVNcg127XWAs+v9ncM6nkMP2DaSOd1KExYH4OYtv"
    "fm3UoHk1cat1IEM6J2cfzz6dnp+tOZD1lSLqIxuS6s7prJ7blsjULQqAT8ipGHgUn8zZGH"
    "hWMEVb0Ec0l5ZQoyvEWiB9GMRPDgf3efu0fMYBcp4FCV/5rqW1QD08S+z7GuNZMgl/2ZPo"
    "TV22bSGIc1SPuFxqXB6p4K4GJNzM9wv95Xh8nYD+cphiqEf3N5cDelCmVoFKMmg+rVUmyU"
    "CRmU0b9TwysyYOXGZwU4MG+/qo0BwP7rY3GeWaHjUsYZuvy5ku7BcEHpH7ihD2TWTCU3Jf"
    "5yuR8V1arswLTxKkB3vFifLa1tJrS5c+kYubiyQaaIzvJDyxRu7SehLYR3jSZBUMpVY2Tc"
    "Eoo1ay95BpW7hM03LKb1pnv2kjIKWzeBvfvq2mqSrhdxCnqHCfrQDcZjv70ydLCXCDNa6g"
    "3RRHYZcA9jBsw5WNYfCzM1zD+l67iGkw4q02FxbjJb14tS/XBjq1F0131QYv0PL4q1TWlb"
    "/4tQvwjJau/2YVBy1tx6UjIigsVl2/KgigBodlu4B7CMZWkw0GSMspHqIkD+GvLTm2LZJR"
    "ZcUkSTdVQW9f0QPqlTi7fiWOIrfycW8uuaVImMpJmBfb0+fSmCalVEaA4mAOEpheOjEgmK"
    "/ZQZDMDPgS9XOME3vjCCTX9c5zAyaI9dES1h3377SL646v22yOQsCAam0LFsrPzHWdmoCW"
    "/eQhXvkbAp0uaRa6z80LQTSCvHyZqIREzBzrQwvsG7nwBEUFqHyA4zL940+WgXmKvudY/y"
    "mx/aHdOsD0nQ6+ThOKeSa6d62cX49Hv4bN0yG/qcJfpijqg03sAfYWmWMwWQXMFMZ91GqS"
    "t24n46v7/vQCLB3b8HT3AX8efh1caVfDu/74fkRvzEz6dZphEv9t8Q/4djDpD0bTWIslcn"
    "SE3Vibz5PBQLv7bXh7Oxz9SrtwENJYNtiSju0DHnylfQwHo/7gAqDvLEiGvaL5Affv76bj"
    "m+Fdbzocjy6A7hHXXpjEp7Uf8NV4FNyIU93Sy7NMpadOfqWnTqbSU/wcysyUIm4uJagIuq"
    "0JunDibfeqWYH0mym7enrIKmPs1pAFS39bxGPiPyHkXRmO9OicLTvTAfagby1MzF3FkomY"
    "GbmtNvWazeSqUzLpqa7LgLpur8DMghnpT1uQ+xlhFaJc5xBl+AJNH2aNBQnJDnZWWo32cY"
    "w21ZRMa/vhXour8a7zeIdk8gu0TGpvw5XAnMw9I8XC+zMp/7TjF5lVdl5SY+KJLglHsJ7y"
    "leiEUOM06G4pDbpboEF3sxq0SotXafF1OSUaHOKh0uKbNuoCXUE2LT6jU7zx7eBvcOPXQz"
    "/c7+vBQ7gEfvoYkvmO+lj0RYlAfse2Z/wd3g5iL65iNy7oJz4Ebfr/k4cIYZ0DnX6ZIGZ/"
    "qy6kqwjEjhnlrj9w5D4dRCkSOWhfjep72LINyTDbTpk4205+oG0nrff+7kFqbruCWOZc2y"
    "0usj+LbVe1zqo22IJXc5Ol0M1U4qXea0nlYN3awUpc6HoCLaJcIEQkvUfb2STEQ4bkvtwa"
    "3t3dD64uAJd+wPd37JNH2N/93qg/uL5mF3T2Oy2LXR18vR1O2DX0fWk6wTfK1hA9L7ENna"
    "QVzlgF0fNMQUb/Ych2PoGYpKIM62MGCKw/sp3pR6q0+9T47q4mTbjNbMPqpGTVSNd6pBV7"
    "1zAeRyVoHSRBi2c5SEKaEFKQpiD11YXHlSSmSSlVeEiAKXFtB20Da1xQIavSCQ9S0inKJ3"
    "sjslHyWkORTRwvJZANts4KoL1z4Wx2tDvBRmCTZ0xZZP3dsxJwg34aDG78pNltwaxYckEs"
    "vUfstAzTkDe7LuO1s5oxTD8kvZE9zzDdiV8bvCXwSMZvt4u8kpA11JyoZZkkYtodwsYvNr"
    "Xegvrk3M9I2L4EbAeQFWF5wpA71Nw5dAGvlm6wNq7AW1lZr2UcmLwH1prVQG+DbxQPh7bn"
    "08yHx/+oKqQf2FWR7+ukQ2g7Wn4eZ070bEKqzhmcW3o+q3c5cMhEk30TzMIJXw7kmm3aSY"
    "zPy+Sanufnmp5nck0d25Jy3Iftm4dt9fN3G2tcGeL5FEd0dkrsBnuvVHDEm0FKFSmLckqs"
    "gVBXH9UTqXnyQKvTreyEfkQzoWWe/2LDSOJNbzasGc4FuO7kFYZw5ooo0nzY1wIK9e1Rdx"
    "D92UR2U0lKqV1l866iXOv50DfLtS6RIrHL+P8eckx93hKRbfxOu5Bni9psYtjyx7ni2vk/"
    "C1X1xqDlfBLqBTlE0hiKiTRQRe90u2WqtnS7+VVb2L2UHkMXlQTCQfMGontSKqP3pCCj9y"
    "Sb0Uu/0RXG4OfriTGR/b95/MhVxYMeZj/+C65Ibsg="
)
