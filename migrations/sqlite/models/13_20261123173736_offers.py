from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "offer" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "title" VARCHAR(100) NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "reward_points" BIGINT NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP NOT NULL,
    "target" VARCHAR(16) NOT NULL /* SEGMENT: segment\nMEMBERS: members */,
    "segment_spend_days" INT,
    "segment_min_spend" VARCHAR(40),
    "segment_inactive_days" INT,
    "goal" VARCHAR(16) NOT NULL /* VISITS: visits\nSPEND: spend\nSKU_PURCHASES: sku_purchases */,
    "goal_target" VARCHAR(40) NOT NULL,
    "goal_category" VARCHAR(100) NOT NULL,
    "goal_sku" VARCHAR(100) NOT NULL,
    "goal_period_days" INT,
    "max_completions" INT NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "segment_plan_id" CHAR(36) REFERENCES "membership_plan" ("id") ON DELETE RESTRICT,
    "segment_tier_id" CHAR(36) REFERENCES "tier" ("id") ON DELETE RESTRICT
) /* An admin-defined challenge: who it is for, what to do, what it gives. */;
CREATE INDEX IF NOT EXISTS "idx_offer_is_acti_ec7d56" ON "offer" ("is_active", "ends_at");
        CREATE TABLE IF NOT EXISTS "offer_activation" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "activated_at" TIMESTAMP NOT NULL,
    "period_ends_at" TIMESTAMP,
    "progress" VARCHAR(40) NOT NULL,
    "completions" INT NOT NULL,
    "completed_at" TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "offer_id" CHAR(36) NOT NULL REFERENCES "offer" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_offer_activ_offer_i_26d0f4" UNIQUE ("offer_id", "member_id")
) /* A member took up an offer: their progress toward its goal. */;
CREATE INDEX IF NOT EXISTS "idx_offer_activ_member__8d7fcc" ON "offer_activation" ("member_id", "completed_at");
        CREATE TABLE IF NOT EXISTS "offer_completion" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" INT NOT NULL,
    "points" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "activation_id" BIGINT NOT NULL REFERENCES "offer_activation" ("id") ON DELETE RESTRICT,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) NOT NULL REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_offer_compl_activat_bd4596" UNIQUE ("activation_id", "number")
) /* One completion of an offer by a member, and the ledger entry of its reward. */;
        CREATE TABLE IF NOT EXISTS "offer_member" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "offer_id" CHAR(36) NOT NULL REFERENCES "offer" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_offer_membe_offer_i_28b633" UNIQUE ("offer_id", "member_id")
) /* A member an offer with target `members` is for. */;
CREATE INDEX IF NOT EXISTS "idx_offer_membe_member__618060" ON "offer_member" ("member_id");
        CREATE TABLE IF NOT EXISTS "offer_progress" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "round" INT NOT NULL,
    "amount" VARCHAR(40) NOT NULL,
    "counted" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "activation_id" BIGINT NOT NULL REFERENCES "offer_activation" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) NOT NULL REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_offer_progr_activat_e6f7ac" UNIQUE ("activation_id", "purchase_id")
) /* What one purchase added to one activation, so a refund can take it back. */;
CREATE INDEX IF NOT EXISTS "idx_offer_progr_purchas_8ed051" ON "offer_progress" ("purchase_id");
        ALTER TABLE "points_account" ADD "offers_open_until" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "points_account" DROP COLUMN "offers_open_until";
        DROP TABLE IF EXISTS "offer_completion";
        DROP TABLE IF EXISTS "offer_progress";
        DROP TABLE IF EXISTS "offer_activation";
        DROP TABLE IF EXISTS "offer_member";
        DROP TABLE IF EXISTS "offer";"""


MODELS_STATE = (
    "eJztXVtz4zaW/isovaRTpXTF1/R6trZKttWJZnwrW+5ktj3FhknI4poiFYK0W7uT/74AeC"
    "dBCqApiaTxkrRJHEj6Di7nfv5vsHAMZOGPN67z5MLF4AT838CGC0T+kX81BAO4XCYv6AMP"
    "Plps7DI16BF7LtQ98ngGLYzIIwNh3TWXnunYdPB0joBjI2A5K2h5KxASA29uYmBAMinECL"
    "i+jcEHCLBpP1nkT+d1CEwD7P34kX6K4ejkY8irpib0bfNPH2me84S8OXLJtF//RR6btoG+"
    "Ixz9uXzWZiayjAxQpkEnYM81b7Vkzya295kNpN/1UdMdy1/YyeDlyps7djzatD369AnZyI"
    "UeotN7rk+hs33LCkGO0Ay+aTIk+IopGgPNoG9RBlDq4AskzwaadnU91e7GU00bFJgTUaTg"
    "DR/pjk0ZS74qZr/+iX6Fn/b3Dn85/HRwfPiJDGFfM37yy1/BRyfABIQMnqvp4C/2nnAnGM"
    "EwTkBl/y/AejaHLh/XaHwOWfKV88hGOFZBGz1IsE3W8jbAXcDvmoXsJ29O/tz7+ecKKL+M"
    "bs9+G91+IKN+pB/pkM0XbMqr8NV+8I7ineCr+66LbH0lg3Gapoc4HwigfFCK8UEeYQRdW6"
    "NgFCE+R7q5gBYf5QxdDmYjIPwYTtBByCswPh+fTS5HFx/29oeHDGb8p2V6KA3/YWEdLx0y"
    "s/YCLV8W5xylQnoN0p65QP9LrlmZEyNNs70TY3A/PRts5cg4PhQ4M44PSw8N+iqL8p8+tM"
    "zZinwFbYEg9t0SvMe2v2CYT8jXg7aOCtjzZ9oiF9gGw5KMGNxcE+Hg7gQE1A/23c346vwE"
    "4CWyjbzkJ3R7Hotcnsfld+dxcSMgV1si13Q4gp8Yb3JTbJEpOiTIGNDVVuSekeXN2eiCMG"
    "N0q/1zPLo9AZm5Huzb64uLydWv2t6+dnl9Nf2NMNF1LIsuQPJo4djeHNfh4L7IJtsv32T7"
    "hU3mIs8nl+wrQcp51Qy4whISPJ94vUTfFAt/brVEn5J/vi9Nd6UtHcssEzPXb5TCJFvcKj"
    "Z6QdJb5Gr8ZUy2BqN9sEefp+NbjWyWK7IxTgCceWTfUwGPMCJ6O7kanU0nXybTf0YDTJvo"
    "z+aL6a3asV1CJiQ7WHCnFOi2t0mIZNONXaJDPH+E+jO9DXQUACIhxPLIdyPJbupYEhBjj4"
    "b7wlKs7iL6wzXIQ5q8oRJrCdQZyjzIIenH6B8dVBjIzQaNa9taDQJTUgXy08nl+G46uryh"
    "H7fABHiG32g6pm/22dNV7umHvIwVTwJ+n0x/A/RP8N/XV2MGr4O9J5d9YjJu+t8D+p2g7z"
    "maTe5eaKSsXtHTCLUM1/2lUZPrWUrF9bZwPcIoxXb27amVdvacMinSB/SEfIWuoRXeOPtO"
    "2djiq8X+Iv8E2vCJ8YyCS79maDW/RItHZkUu2NPDN8Mqc/oiGbPWmj4Cuo89Z4FcgGwqby"
    "MDmDbw5iiygxcN5oI0DdvE7+8n5xJGcd83jY+Ups6mWm8bH/znzLd1iiJgn0T/c/hfmzIb"
    "VOyqwK4YbJP0BmA/vdpIjhbQtGTsMTFBM2L0bj0QWan3SEjsPaqQe48Kgq9yQiT4Cjkh9i"
    "ucEPtFJ8QSYvzqkLN2TsRYGaALhH1E/OhIaEUfVazoo4L4S282onWH14uw5ydL1rvTo3kj"
    "oYk1psRzzo9Tx7EQtEuuwjRdDudHQripZR1hv9277/T6+iIjTJ5OpjmM7y9PxwT7nILHUa"
    "SVYtczEb9MsZMQ8VNXje/q5LJAHPvVaUj6+R+3yIIM3OI6iKJhwmk6uAr+itZ99DRZDTnf"
    "BvmF9tNbkZqSmc7YRH3F6sXxdaIWvRGnL8EsfQUpUGXx3Fy+EafLeKI+QSVlg8hFPVBJQX"
    "d8ns04AvbaRlOH/EfgYGMzjpIJ1yAcHs6tB7hwuGEPen7FWhSHLFiR9JzrKV5EMDJMr8lV"
    "dsZm7N8qk7QO3nlwNhtwjIPBi2GVbRDHQwRMg0tyYjo2oBqF/QRmjstsfI8+Nm2E8QmA5J"
    "2xMG1A3kBAnUlkNfPshfUnUkZEZUTsihngnRoRB5tasMqEuO0bagsmRNexasckRrRtxnow"
    "Or+cXJ0E99mDfTa6+20yZtFu7FLLX47KvPguzIue84xs7YWIQaGAKxgDVaBTgYLKcqsstx"
    "KWW+w5LtLIbW0+2QsURpTXtyMxFeuOztnB9dCMHamOthogVqayxniu0Vs1HA8UCWwJbtwf"
    "MEi4DzyHKJhsmvhKxlQvBQ7ZJgB6VDE13WAE5oa+NDMrR6/9Gv7IQBMN1i3597/eou+emk"
    "/vJZf0P/b3Dw5+2f/54PjT0eEvvxx9+jm+WYqvqq6Y08mv9JbJnGzrM07VNfRerqG08JHe"
    "saKWpjRNk/amdlwutcxL+etaFtCERgFKAC0ISrkFWwT3M0GQXGb/QKuCBl4hB3UX1IIIRB"
    "678DW+VTOblPx68ptRoNvdkiPjdnI2HRSXbSOw9kuyLMKabNUSWHcTcV0hoArIphJS6dKC"
    "OgKvROZDgC0yKif+DdCEr1XygLoEXKQ7roGB6eFAcuR6Vt44nfKvtOC8rpIr22//73YQsT"
    "KFqkjL1iz3filKNe11VPBS9roqqWqj9roLZDwhd2x77oonD6VfV0pFFhuooXjkWuHo2kYg"
    "CB4FzoyVZHuEFpWXP4IrKtCAMJtyGOTHg0B6NMAHGkySFGpDMx8jzCn0toH514tPXwdhAF"
    "Qo9UYWPWXCa50J79m0a5dkiWjbLHYNaCWJE0ALSDzYp9dX93cn4NGxffxg347Px+PLE7K4"
    "DYQW9O/P97RuDl3stvFgj87/fn83pV7t//Gx92CP/7iZ3I7JXLRGA6Ljv4xv78aUgDoryZ"
    "Pz6yty7ZwAw7HJD6cjLsajYAQRqjB7cnbNql1QzeSlLa7xR19/RhzRRGwZJNRbjL+BL9AM"
    "ZpBcD6Mvo8nF6PSCcCWe48GmFZNYvRFaM4lVGrn+fUzWgvOKWlJCCS5KIkorjsqEZnsu9J"
    "6cmKnNEdyXGis0I4d/gVSxoTYbiJqAeWEk5VaBhKJ3cYFHQlaBowqrwFHRKkDuPUSLlUqZ"
    "XjJEvcN5I9YXog84rlYueJWc5RmqNotcNbHewJXJIOPpF+tg5uoYYiC3LP9i08U3lWWrHP"
    "p+WbayOyut3ksIpBk6JQ3VloZ0xyUapIelOZAjrMWCth1xO+FAlB0vGbeRI3uDb7BlXOh8"
    "KExv8KyIhCnNS5UO2pBNfm7bsS0avJG9sVoYFdPOZdtEUAzvtG1i5YrXI+kotrk7RgDeSC"
    "poAN6cr6yfCOekqFZFdV043h2r/M9zZEbvhpVeTMfT4uYB612Yv89NfQ4IEQYQGOjR9Fjr"
    "AW8IsAN823Bo/jt5+IFmuZO1w2pnUqfLgk3xI/l3kCQAyHrCCNAwroIfcxMf8mCz+V5Nbx"
    "4mKzivduDeWQGTLAGivzGvKfkglsNPyOfUh1qazlDwgzJPsKb8n631fyq3yo70p3hnSEGf"
    "plLg1wafnvCy0Cc0Cngp4Cv0sThQaKtCV9tYISp1pTe/gFBLFmxjiu6F08U1LgpssrVbJc"
    "neBLEYQQUsnjibHVAp04ZxHZqejF0r2AasZ7FDrNo7Ng3EijgF/YxA0M9oCBaQPI+DSWhi"
    "gk1FUfKJnGzapiYVisKLyEMnSxiGxHwuSiBVAmlLj61dBZgsyDeg30sK+wyZgr82/PmzSs"
    "aVnKftoTO5I87jCJNK73H6GpLkdI60AUa30wLZCz6rKAHlo+7K5lI+1Rb7VJX3r3Hv3440"
    "+swK52n0+S1QodEXCrqLlCIIiuv/gKM0ODwEz2hJ9Gra+5vWtKKqOPYX1O8T+ISCnD5AjU"
    "8mvzxWI3M2XJRAKexbU9jTmUgSQk6arDcVLrct4ARWPTnkU0QK93q4R2lx4qBHFArxmh47"
    "cxZrtBI+uxSVQr4m8hB7WtRdvobJgkev7BZttls4sxlysUbDfjQiWvJaPVSznDuB4nmbea"
    "7anZcfu93MY+KwvaTVmqR5LEO03eJu3bCNiZQ8ClVfjjgjUeion2EvPA0njFt4ayvOfLxE"
    "HxGjMb1vhKmHIT+c8ln5Y7AIWtSlTtC2ehlP08WTb61hNXPui5hVGzCV0kVYaiYNV+haE2"
    "kYCCdgHo3DjQJKMHOdBSsaFhw/wyDmHsxMF3s/mXb4D8f3/kYNmyuwgKuwPBLHTtrg5A/2"
    "g/3ZcQGC+hyEFuAhM7PS3f8D+BZHZXwDRBoA/jIywyYRVVEdNDHja76kWSbsg8b3D8HXQf"
    "DtcBxtFQ1RsVYtNd2qWCsVa/UO4Q+CT2vouhnCHqq63VVtixaN7GUkxeUMpbJbtZnLKsZq"
    "12epymPbLvgqFGuXoVgqY00GXoGMtR0FYkVhcDzjQipErsK2kB4lEHiFoYXCfizIoO0BIf"
    "BMywIzosbDMIRqCKBtgLnzChY+UeydGc14eoU4LMmMDF70VXMTi1gBMkagVAk7ORVftYxp"
    "umVMW4qX7taqki2oKVS8dK+ieOkep3hpicnkHOnmAlqSNhMjoPoYUnf3JuAhfD4+m1yOLj"
    "7sHQ73cx1iIvAPC/jqvktXJOeKLV/GaZoeFoY9EFjFB6Vr+CCPcGgUD0wZclJ7gVSJ7rX1"
    "JtpXRAsAlWNCjlCFtb0Zfy1sYCG5G8pmUBypaxQPZFGt1h3Lod7NZbsppjR9075p7atl31"
    "wpY4jnVKmtt+w51GrZVwqYEWDlC18M8Iq1ryDPQq5q5PcstlSkRn67YkvbqyZLVQdPGpSL"
    "IpqmUZnsram23p8FWuGPKourlPaW1I+sbAesjcRW7rLKeldxlSyzzg7LRmAN5+nkqSqAan"
    "KnSLv1dpoD0RHA25MC0UXAAlPQG4G6ZZP06GjcaAPxEC2ONz3BsdyX7iZj1hclha4HqGvb"
    "sqgfG4LIEQ+ezBdkA/p7Anc3DXcPQ+29OfTAK42uZ8XuTY9Tl7S5eRsuZaKc5U07y5UTV5"
    "mW34mbMURTvmBJjlBZ92ta95Xt8x3aPndeeLJtvFb2z3biqbpNbtD8uZuynS3d+hvo2qes"
    "dU1Z61QDz01YlneT2jChPf8cjwbE3rKsgAHHKlMcNKwy0JjJcM1Nxq811kznKChjAKCNX5"
    "FLqxBA2unFNZEBXl2iSdJasSvyx+MKvM7JW/xMsxhCMwt5FdQ+0GnTwqLRZgPzc4w3tPYB"
    "4TZ9SwiCVAdVl7YdmlaFkSfimWgYeUzQwxjyTyKpEJ/KMyE+FWw8dCdIgBsO7yG0+0JpJv"
    "sVaSb7xTQTZ0kBCR0UohhniHqI9PGhANDHh6U401f5kGPyM7GnEblzLoN0nk6BLQQ2pt+3"
    "APPf766vymCOKPLmL1P3wL+BZeKNmSFTfo5H37Q808Yf6cfuwtVBEcpYviKYP1yO/shz4O"
    "zi+jSvq9IJTpVl8p1aJgsmit0oJkEQ19RkQnVBI0m9rVRFwkgpLxoo0/MiSBT0ACVOXLnI"
    "NR2DJkSbGMzJL6GZ05VtLiSnEUmrDqg12nNeFUtrpz4Rsgh70JU+MfO0PTwzO3JGRphUu2"
    "+S3ViP0SGlYnOr2axqnvdNAuKwvRAdSG9tSZ9XikS5vLJaRLuyfNpQR7lZH2Ik577RGRPJ"
    "1Z1comt9Man92YArRtUFb3Nd8DL9cb3mKKMyWugFsTjg4MfhubkELq22HXiSIKCtDc3Ziu"
    "AHgsBQYNqs8hZRCQMhkKdCNjWtijBuwak9rFAW2f8LOJcblKPxPTQkb6QMlwvt5yK+5YWz"
    "w+HNRLG2wRiyv3f4y+Gng+PD2AYSP6kyfRQDVL05WdVzx5Ktg5ChUxHxKL2YixHxtGSWti"
    "Bf0VxaXImuEmsO9W4Q39sd3MfDA/H8A+Q+c9K/yh1NMUE7/Ez083rjZzJx0P2R17rTcSwE"
    "7RLRI02X48sjIdwUQ6LDfLvQn15fX2SgP53kLNRX95enY3JR5naBSjnov1lLJOVAGTP7xv"
    "UyY2ZL3LlU4SYKjc3kUa46Hr4drlPKNT0ZKKCbx7WuF84LAo/Ie0XIZioyDhJ0X+crnvIt"
    "TCddB9tUXttSRWXHXluy9bFcFF1C0UNlfCPBii1yl7bTgN3Bm6YoYCixsm8ChohYSZtUaj"
    "Vcpnk65Tdts9+0F5CSVVzHt++oZaoK+u3EKco9ZxsAt9/O/vzNIgBuuMcVtOviKBwBYHdj"
    "bTh3bBj+7IKtIX43rLI0GOlR68uMBQW+gtpfngN0oi+a3moIXqDlB3224jpgwbMT8IyWHm"
    "u75aKl43qEI5wyY83Nq4IAWnBZDitsDyFvNdlggDydskMI2iFqdNPZRSOdnhjdVD29bUUP"
    "qKZohQOk4aZoyrhVjnt/jVvKCNO4EebF8fW5NKZZKpURoGwwOwlMF04MCNdrkQmSmQFfkn"
    "m6uLDXciC7rzeeG3CL6BwDbhVy9mZYXYU8HrM+CsEGRGpb0FB+qq7rRAW0nCcfBXXAIdDJ"
    "lqah+4F6wYlGkKcXiUrIxMzROaJGoao9t8oHaInkvhHVP/3NCjBP0fcS7T9Htj20BztYvt"
    "PxH9OMYF6I7o2F84vrq1+j4fmQ31wZMJMX9UEX9tj2F4VrMFsTzOTGfbRqkQ9ubq/P78+m"
    "J2DpOoavew/258kf43PtfHJ3dn1/RV7MTPJxmmFinRo0Huyb8e3Z+GqaGrFEro5sLzXm8+"
    "14rN39Nrm5mVz9SqZwEdJoNtiS8PbBHv9B5piMr87GJwB9p0EyRJNHD/bZ/d30+nJyN5pO"
    "rq9OgO5jz1mYmJm1H+zz66vwRdrULb09Reo+7ZfXfdov1H1K30OFlVJlm8sRKgNdbQNdtP"
    "Dq9ZjlUL/ZZNdOD1ljFrsYsnDr10U8Rf4OIT+SsZF2ztmyMRlgC/LWwrQDV7FkImaBrtah"
    "3rKV3HRKZpgcrjnU6Fq8MauSpvKkW8ybip90NnGKSFO6zGKOx6tFXAQzkVtrOFUKxCo0vM"
    "2h4fAFmgxmjQZnyTK7SK243Q1uEwnVtOqzOyZX/G4zvyMj/gu0TEMz4IqjxpfekXzi7any"
    "/7HhdnKN3ZdEiXsiW8Ll7Kdy5SVD1DvN5UhIczmq0FyOipqLKkegyhG05ZbocWiNKkfQN6"
    "5zZAXZcgQFmeKNPdrfED7RDvlwu03aI7g48REpJMsDJFJRLwIJFK7jzIJO6i6i7cPoixPy"
    "V8CCIfn/k48wppMDnXwYJ1ei1hTS1RtS14wKk9hxxgRhopTxPhzfjOi723IZ2fDmfZH45v"
    "3yAOf9vNz7pw+Juu1xDMqluluaZHsa26ZqzDWtsIUN0vGS694TaK0eUyrHdm3HNvag53Ok"
    "CLEAlIR6i7qzibGPDMlzeTC5u7sfn5+AgPrBvr+jf/mY/vtsdHU2vrigD3T6Oy2LPh3/cT"
    "O5pc/Q96Xphp8oW7v1WOAY2ssLnKnKrceFQpjsy+B6PoEUpTIZtkcN4Gh/uJ7qh5vU+xR/"
    "N1cLKDpm6lh1crSK063mtLLe9cyOoxLjdpIYF2SXSEKaIVKQ5iBl4sLjShLTLJUq+MTBFH"
    "uOi+rAmiZUyKo0zp2U0kry+N6IbJI02FNkM9eLALLh0dkAtHcenM06exKsBTZ7x4giy07P"
    "RsAN5+kxuOmbZrOFylJJHam0Kr7TMkr/Xu+6TNcs6web/pL0Ro58w/RuWU32AccjmX49rP"
    "JKQjpQc5ORIsnbZDpkGz/RMPmwLnzgZ8T0XAKOC/AK0/xsGDjUvDn0QFCl3qBjPI63srFZ"
    "RRyYwQx0NK09PwRfCR4uGR8sMwYP+zN6S8Y76Wr19FmhhD19mN5X0bPaDlJV5r5Zv0e54z"
    "Tgb3kybkkoboaqzWm4Nd2ozfsv0htJDmbughcDuWU3QBbjY5GE4ePyhOHjQsKw61hSUQDR"
    "+P5h2/z6raPaK62+3F6SXMQSp8HWy010+DDIyTWiKOfIegh18yFCicwoD7S63UQX9E59Ky"
    "3Dupkz+BHNuIaT8n6fCcWbGn52B82NdPaEM49nwS6HPSZQqNdH3UXkZ2PZYzpLpc7p9ee0"
    "inwoh75fkQ8SGSybTM+406F9ZkFzMeCYQ5OXwypjKCbDND0et9YUOp0j4JmWFdgiZ6aLPQ"
    "B1HS092osC0OlYZsUJK1OJyXdifwITAxfNqCWedqyA9go41FbJ5iqaRjf2KSKm0lTcaLn1"
    "0nZCj4roeRoTqNSDEr2i3FjZohjgtp2sHTlJxUIH6TFU7wLNUCo2t5rNKlawcYWW+Quljb"
    "QJjQK0PVbv/gCqgtl2EMyGo0CpLQVcdRXX9PEnBOt2Q626C+u2wqxqKMufoWn5LhqUqMvR"
    "6+FahXmWGrk+eijWSZneCj2PViYYAlawlzxdEgVVh3hukv/Tpo1UpaUrA1jmwvQ4cUNvn0"
    "9EDU5vEBXQ0/qAHsIhLOdXTiiUs1PA2anMu3VExM5pp0qV2qzkr+TTxuTT3QhSgcZFe4/w"
    "5KjU20oxapEdJyBEBRQ/YID9x/gV7YgNwdKC9kcw8sCCdsFybMRkoICA+gQs84UXf93IlI"
    "KiVFg2JGiyyto0mI6hIZsXWq3qS7WmvlT3ysXIH12Dm/HVOesqRJMRWD8hcsCMLtgjAjq0"
    "2LPR2XTyZXwCgqKmD/bN6G6qnd+TJ0uIPc3wybOL0Q0rM2PBZUWhmc+jCXtEtai2lJmh+1"
    "mrsEyXi9FFykaCJdrk4BNB+6Ac7YMC2k8Eh1co1Z46RdLmzdQedWWO9GfHlw37yZH1bSnv"
    "Hx0JAE1Glfe2oe9KoJYsxp2n61+Q1f7Por2EKpsJFWpyh4eBlpbbJBd6xRQb4kPfVn1WlC"
    "WyjitvGSmZQ5V4arOJhKPEvI3viJtPqLjeLq4zAZ4opZV8r2yJUDaFajom0R4h0rY0bHJD"
    "EKt3XpFa7bo277rQ06jJu3eKlKrfi0i/F+XnKUe/X2H8qv1In7nOOV7Db69CUTcYOWmj70"
    "S8syBfHy9HNU+nclZzYp88pM2g2Z9lquJRdxCPShdhY7hSf/FNOGFP8U1tWgF041NzFxC3"
    "85xdi3D+ppGOrkglpr0g+uEF7GV6kiWwj19QJzu5lAG/0d5kCWynju3jX13IPrciICU1bi"
    "gWmqI9UhLtKaYRSo+lS+sHDBgtCFr3sDjcMIjEdIyTsCEZiyn5kHzeMHz/4xBgGoTyP87j"
    "IMeB5j/hwXZ9G3ivpk5+D5mErFfyD/abMUBQn4ck8QfSRNay0JevafRC0SNt2/9XLjZGBR"
    "O3Mpj4LT6dDfhyWnrgdVADLho+guNDbrMlNKoTmeSeU3bGd7a/iEjn8jtOVO2wNJXaY7X3"
    "WEEYkbPxpaUYZUARMKBE8dyNaaLdhVfQkJJaYgLqPjsWGgD4AhlPyB1Hs/UU4fQh2tIUik"
    "Dlr1RbY6uAkMaK4tFrddVroi2yIvJhSfmg9HwyF4C2AV7nq4/giszqgtDRNQQ2+zOA0yjm"
    "VTQ4r3hr7tQ+olXolV7ZSr1y5joLrSqnoiSUIUvWvzjZ5vMZiEQqj3OGqIdR9s3DrLKuNx"
    "+Qo1pVqFYVO8JYFYlth17aOauPMjwow8OO4G3M8LBr3ZhFIVSqxlGcgpBmHEVJiNQaWELT"
    "SGuszmyG3BOwdJmTlECL3BdIWMCyo5k++0jWysz0MK/MwBtnW68EqyIBOy0SwP4vITNF4/"
    "solAopAHsVCsBeUQFgG4UjLiHdXECrxEUZ0eQFpYDoY0jcQcAr8D0fn00uRxcf9vaH+7k8"
    "ogj6w2K+A8vF06WS8dM0PVzFByLJ+OW5+HmEoxOej/D6MiJp+jajPbi8vpr+dgIWju3NH+"
    "x/jke3J2CFoJu/E0V48EmAB59KefCpYA+jd6tmwBXHIFZq/M0Sbc8P+/OmVnlgBN7fO/zl"
    "8NPB8WFs+42fVJl8i+5VwlpbW5CvaC4tkxc+XXlEc6h3c1jv7e6kPh4eCB/UQTBinXidPG"
    "VvVvKWwwlmLkIaFeGX9LsVWVCV+1ygVUnPEknPtJ4t1S9p4rgeejgljhoe+W7Omk1tCIGz"
    "5khCKETfdcvHtLKVi6hOzztwqlY7l16teIkVb2ItqLQmiXyGbouIR5p9ZwFXlvny27abGc"
    "Aq7/s9cp3jn4mTkVrQtO/XoO5YaeBX5v2wyrYdVTCTDPlauo6OMG0fwAiD6KwlXC3oH+Gc"
    "Q/C4Yn0Dwr9/wMB5tUMCsyTmq6mJuWlFqfKPbLAWRXmpZKJ2aEnl5nFV7HPjxT7jLSGBcZ"
    "qmhyBvpOZhgBmDSRrpiKqHWG/E6+P4nu7IOdZSJL2rdbUvWkm1qpBqMXxRR0RVrCP+5kh7"
    "KP92V94N1JyWCLxnoe3txnUWTsiDgtRbHFQp+ib2vMx4kVZc0MQsI4EKodE0IDQLglfTm5"
    "s2EVvpkiV/2YbzCr6yVGbaQ3gIkG3Qf/zI7crV4NSCXSUCWiYUB9SqYYSKBem1VIC+k8+r"
    "6QUo0L7H2BAZL0DmhJERDjKESjRonWiQzSk16rA4RaYY3GoGK0+S8iS1ZV911KegPEnvke"
    "st9ySducgwvZHO+j4PeEp1ZsCwUqFmQ8l5n4yVacn4Ci0LeSCYZQie0dID6E8fWrSZIlWH"
    "sb+gmrFJS8rZZLEgbqLEm+drOFVC+Yi25SNSQeibDkJ/hBbk9wupUplTVO8uXm7vUEJVdl"
    "4RrwtSFbYRiQK2ClglVr0Xsaq9jRl2ekE3mDVdLqdmS4wRcYojDEnUtA4kz77VF+PUs17f"
    "QeDaRlOH/KeQ4tV0/4A2LNJGugc0rSEFy7BUP4pX6VrtKK6+JxZol1Q/o3W5gzlAKFBV1z"
    "4DH6iOQ4XlR4gRcNHMxwhznI6b+xgRB2SoLaqya23XrsprJ61PPu1CBaXB2ejut9PR2T9O"
    "Yr/7g307/nx/dX7ClrVtPNh3tM39CcC0yT19e3b9ZXxLX+vOC6qVotp8BaZHX39GHEFXjF"
    "UJ9Rajn+ALNIMZJHk2+jKaXIxOL8YnIJ7jwb7+fUyYFKlGu+cIXEQGMQnNLiF6jx5mKfUu"
    "vKg0OPOkE4gLtArtNWh3o1xhl7uHktsGUaukVBBQhqh3OG8kclUVhVRFIXeEsSoK2Y4bsO"
    "U2zWKEQFZfFleGs3SqHYikXpwqJOa7+hxiJNtHNUumOtPmo0QdVxbSNI3Cs7LAaSomI4uu"
    "dHXTQjxIxw4NUSNz9rwU6VEbbvAGML5JTdXJxbu+QW32NBSAl232BrC9i+bpJ7DpM7FVJX"
    "nH0LXJD7z1GboFN0r69bDKjYKCgZobjVwfYmYDaCxM+yfCFNNGBqCkwJtDL2pQGhQ1+xut"
    "IOCugofAxACCb/T7sG6v3zihZs3NK+IoiRTOJKJapWmpNK2WqLMbSdPqvcdp/GV8NT0JCp"
    "c82Df3FIq78QmIbscH++7+9uZ2Qp9h3126ZiAT7N6g060aBluyUR6K7IHD8i1QNLV3pa9u"
    "vyp01i5G++7r0Io7kYjcpNVyi2YJ34xxO8X8xnx1OvnlTw6v3WdFSHyKpndn9EYEFfzsyw"
    "AcDlfYimBLI9N0pDk20Wo5TufSa7BA15vbsLHK663JzO/OIdw5d1ErEvMVfzfGXwOa1kpj"
    "vW2JZOR7HH2s9Ijk0tY6JlvG4KYPygAoInKaVl2U88QK5iLMnsmi+jn67t/vrq/46KZp8i"
    "eVqXvg38Ay8cZu+pQV89E3ifJn44/083ZhyKQYZU6tSKz6cDn6Iy9xnV1cn+aPIzrBad4A"
    "YUFbliVpGsWSxlmiwyUtP6WFWTD0nwavMG65ZFw6gTqUeE1DCmix1lRvAzyeQkG+DvLaQC"
    "t4+fA++sYT8ur1gMqT9gjfbYeRMQw15hTmZf2vN/GnaXtj3NgyF1RZM1XWrDXnUDcrMaiy"
    "Zu+R6xzjlGxZs1RzDxYuxTmCJapFxBFVHVwDErUimgvISwDjhONl0CwPxqMRb4EYwsatDc"
    "W7YYILqzHAguWe4AtifwUSO/knbWY/c1z2MOwA5MbxMB/BaEkzr39yyH4pBuQ1OvuD/WBP"
    "5wgEawR8oDMOw5mGIE62+xEs4DPCAEF9Hkb40Y9hc5wEVeYIsmT8i4leyac92NHHhWUUaD"
    "wjDQkMggdfTfoVX+dk7dKXpoEWS8ejBcrAM1qRYbpl0q+NqYG+vNFRFByZKEJJdmC+4dHX"
    "bD0NxtLgn6kbVxVlaGdRhi5lim4tGHEjuaJdCcXqyZJPOV9c+CqzuqPxKrxCKLxC6WPvwU"
    "3Mqk5J54ymqZSlr3Y4aavKELZ3U0lki6oc3E2gmhL9RRFNkahFWp2CG+lkb8xfzCXKdRPZ"
    "tWmMqXUlkBta5iiUBrd+4cyO4CpSOlMlNW8tqTkuBvpGbC+Q8YRc0VK5HYU3LY22KrV55H"
    "vzkeehxZJrS02/HlZZU4kEPyfqVDJSqEKs5RABntoxMVky90sQTjAErH4BMqJm6fDRx2S0"
    "uaD9Lj5ghABG7oupo4/LVUlV2OamFklwRgtoWnm74xB8HRA9h9yymPdKmShbou6UmyihHj"
    "luRC04CUUPjZMbyMWN9o1wGm5E0EN4949ECquRURUd2wul1VIHkPAaTkh6iHLz1eu60qi9"
    "w+eEMvWuE0E7a+qViLrYpCB8PZsx2a4gAgcvKoVfJx4iX9CHaF0W3TjoBLzOHWCyKjszxw"
    "086bTdm+GE/ybvnswXbue4pmYVkXUz8YOq7Xo76vl4pscz0ZXfQDFBH++fTXgb099MAucc"
    "WR89u4JgV6LNqSPOzvQ6oQsFUhXBUNsB2Jo8+7axo+tiV+sS7RWDN8dgshef6rfVSajbLC"
    "sM7sa/XrKadBg9LVhVussxzey4OwlDX3Febt6NLht+PY01YqLpq5zrrfRu4xP3KMCluQox"
    "IVK06BZDi3O8VRXr4tKrml3pZV+s2RWBZtqBilh3eRfo1QovrvAnB5bYztef6RFtq0/0L5"
    "O7yZQc3y8mNj2c72B39497Lao7SgbhZ1+LvNgtOekpyFrZ3Vt5+OQoVV+vNecOw6tOwcAC"
    "YR8V9OaNIQw2ydKBaRqFsjDKS+SajrScyCNVdygnwJkwUXcWSwvRbyKDMIdye3amTVXKbR"
    "peVaNA1ShozdHRzWx1VaPgPXKdY9YLv31R2Q6L1hVZX9F+rEiqMkr4poywSmMddFOkCt3K"
    "BJM0YkWkpWPKp6ZQJkQ7kV3fJ6u4vESakKW2fAMQB+kmeG4ub8IJ+w126qRsVQA/C08aUV"
    "kZhhDwI5hSQ4ZrY5kC4TsZvT6sKapT4jnOM/CXANqAzcTqiJguWLoOPQ0wGUB/M6DR9lRH"
    "5cQy1Z6Klj35Fr39FgT6x6NorL/uuy6tQOKSN8bfAJx55GMgSLQ4GgwVOK4BfCKLAtAC0w"
    "/2/yLXAawKMviWUvm+AZeWTkGYTc6+4w8YEL3QXPgLGl2F7Hg8E7G+0SgsjLzy4idxJFmY"
    "Fram4El6cpVE0OIkgpea4nmetocCencF8qIeFhrcasZTFKlV/4JWczu8aiR9O2my3Th2Nl"
    "UHtWmvTj3D7M6Msl3pnZORGiTPqDytOqHafEIpu2D5puqvXVAV7WncGBhoxXKIpmkUoNX2"
    "v1jvfaNVKk7W6iaoa61R6TWlistsubjMDg18Z7FMOygz8KWGDNcb+PTsaKFqHSk7mTOLzX"
    "K0kAaMiwtDOzC1WayqC2B1T+hoaqQL8nL45ToampuaANOVkEG6DHJi1BwSkOmcP1KDHJ2S"
    "sgp7zpJO9xAmECGDlUN+GJSb67Jm0mDOgs1OmeVaaZYLuVXgQCn8CUGf8ska0ypVkeEdpe"
    "ipkJ86smrLlbqiLp/cNdK1cAukarfV3m07qkaswGf3xa5r57aNDRtRxrNSbRMaeTb4oJsY"
    "r1UhC6dsa2uUdhXhrhQp7Sq+ra1Syg6R0AZVZv9ITFTrbB+JVUwisCk2Sbya3hwEqXngW5"
    "hY/i0sr1QRzSRO/+bAIBUI1E6Lg/LLKL9MGwFVfpk335zKL/M+/TI3USxXmVRykwr2WieX"
    "pAPD1ksmv9PijbQZZNyUERrUZ+E57Gna2YEd2qQRzXzbADoRRDz4jGioMwWiKLI0ObGA1y"
    "RWgYoiTVreV0JNO4UaFksv4UWJx/fJDNaYEwUuaNICx45fFVCaEKk6Iex3V0WUsuYPkgCn"
    "qBTC6xBW3ijljVLeKOUQad0eUw4R5RDpGcJiDpHd6Mcj5Jr6fMBRjMM3w8p+YsmYdZpwOa"
    "rruxlIKZXvRaN8ozZTriu+IBdLls9PkbS5VKU4xLmOT0cVgCYdn44qOj4dFTo+kU0lgXA4"
    "vIfobqbpvENUQZ6K/ve766sy9TEmyWs1pu6BfwPLxF0UeSvApWBkVJkI0w+Xoz/ycJ9dXJ"
    "/mhTI6wSlPKtvmZfbX/wNXZ3g/"
)
