from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "staff_store" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "staff_id" UUID NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "store_id" UUID NOT NULL REFERENCES "store" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_staff_store_staff_i_8eda73" UNIQUE ("staff_id", "store_id")
);
COMMENT ON TABLE "staff_store" IS 'A cashier''s assignment to a store: cashiers act only at their stores.';
        CREATE TABLE IF NOT EXISTS "scan_claim" (
    "nonce" VARCHAR(32) NOT NULL PRIMARY KEY,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "claimed_at" TIMESTAMPTZ NOT NULL,
    "member_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "staff_id" UUID NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "store_id" UUID NOT NULL REFERENCES "store" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_scan_claim_expires_477033" ON "scan_claim" ("expires_at");
COMMENT ON TABLE "scan_claim" IS 'The till that first accepted a scan code: the same code is refused at any other till.';
        CREATE TABLE IF NOT EXISTS "scan_failure" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "reason" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "staff_id" UUID NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_scan_failur_staff_i_35ab52" ON "scan_failure" ("staff_id", "created_at");
COMMENT ON TABLE "scan_failure" IS 'A refused scan attempt, counted per cashier for the rate limit.';
        ALTER TABLE "staff" ADD "token_version" INT NOT NULL DEFAULT 0;
        ALTER TABLE "audit_record" ADD "member_id" UUID;
        CREATE INDEX IF NOT EXISTS "idx_audit_recor_created_166782" ON "audit_record" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_audit_recor_store_i_1177a7" ON "audit_record" ("store_id", "id");
        CREATE INDEX IF NOT EXISTS "idx_audit_recor_member__5a341a" ON "audit_record" ("member_id", "id");
        CREATE INDEX IF NOT EXISTS "idx_audit_recor_actor_i_2d35c2" ON "audit_record" ("actor_id", "id");
-- Hand-added: before this migration every cashier could act at every store; keep that
-- for existing cashiers (admins narrow it with updateStaff).
INSERT INTO "staff_store" ("staff_id", "store_id", "created_at")
    SELECT "staff"."id", "store"."id", now() FROM "staff" CROSS JOIN "store"
    WHERE "staff"."role" = 'cashier' AND "store"."is_active";
-- Hand-added: link existing voucher audit records to their member; audit records are append-only.
UPDATE "audit_record" SET "member_id" = "voucher"."member_id" FROM "voucher"
    WHERE "audit_record"."target_type" = 'voucher' AND "voucher"."id"::text = "audit_record"."target_id";
CREATE OR REPLACE FUNCTION audit_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_record_no_change" BEFORE UPDATE OR DELETE ON "audit_record"
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "audit_record_no_change" ON "audit_record";
        DROP FUNCTION IF EXISTS audit_record_append_only();
        DROP INDEX IF EXISTS "idx_audit_recor_actor_i_2d35c2";
        DROP INDEX IF EXISTS "idx_audit_recor_member__5a341a";
        DROP INDEX IF EXISTS "idx_audit_recor_store_i_1177a7";
        DROP INDEX IF EXISTS "idx_audit_recor_created_166782";
        ALTER TABLE "staff" DROP COLUMN "token_version";
        ALTER TABLE "audit_record" DROP COLUMN "member_id";
        DROP TABLE IF EXISTS "scan_failure";
        DROP TABLE IF EXISTS "scan_claim";
        DROP TABLE IF EXISTS "staff_store";"""


MODELS_STATE = (
    "eJztXW1z2ziS/isofZlMlSYVyy/Jeq+uSraVGe3aksuSM9mNt7gwCVk4U6CGAO3o9ua/H0"
    "CQ4jtF0pREMfiSWAQaoh68dT/daPyns7AMZNL3t7b1ZMNF5xz8p0PgAvE/4kVd0IHLZVAg"
    "HjD4aLp1l6FKj5TZUGf88QyaFPFHBqK6jZcMW0RUns4RsAgCprWCJlsBTxiwOabAgLxRSB"
    "GwHULBOwgoJk8m/2i9dgE2wNHP78W3GJbOv4YX1dWgQ/AfDtKY9YTYHNm82W//4o8xMdB3"
    "RP2Py2dthpFpRIDChmjAfa6x1dJ9NiTss1tRvOujplumsyBB5eWKzS2yro0JE0+fEEE2ZE"
    "g0z2xHQEcc0/RA9tGUbxpUka8YkjHQDDqm6AAhLV8geNbRtNF4qk0GU03rJDrHlwjB6z3S"
    "LSI6lr8qdX/9k3iFX3pHJx9PPh2fnXziVdzXXD/5+Kf86gAYKejCM5p2/nTLee/IGi7GAa"
    "ju/wlYL+fQTsfVrx9Dlr9yHFkfxzxo/QcBtsFY3gW4C/hdMxF5YnP+8ejDhxwov/TvLn/r"
    "373jtX4WX2nxyScn5cgr6skygXeAr+7YNiL6qgzGYZkW4nxcAOXjTIyP4wgjaBNNgJGE+A"
    "rpeAHNdJQjcjGYDSn43mvgACHPwfhqcDm86V+/O+p1T1yY6R8mZigM/0liHC8t3rL2Ak2n"
    "LM4xSYX0BqQZXqD/5dtsmRUjLLO7FaNzP73s7GTJODspsGacnWQuGqIoivIfDjTxbMVfQV"
    "sgSB07A+8BcRYu5kP+epDoKIF9eks77AV3gtGSHdG5HXPlYHIOpPQDmdwORlfngC4RMeKa"
    "X6Hd86zI5nmWvXeeJScCsrUlsrGVovgV65tYEzvsFB1yZAxoayu+z5Ttm8v+Ne+M/p32j0"
    "H/7hxE2nogd+Pr6+HoV+2op92MR9PfeCfalmmKAcgfLSzC5rRKD/aKTLJe9iTrJSaZjZjD"
    "N9lXjpT1qhlwRUto8OnCmzX6urrwQ6M1+pD+832J7ZW2tEycpWZuniiJRnY4VQh6QaWnyG"
    "jwZcCnhiv7QPqfp4M7jU+WEZ8Y5wDOGJ/3QsHjHeGXDkf9y+nwy3D6D78CJtx+xi+YrZox"
    "XbxOCGZwwZmSkNvdJOGazWHMEt1G4qdrkKWor7xEaFAZ1lhEMq6+eqLv/T8OUIHlKy00xs"
    "RcdSS1kYPrdHgzmEz7N7fi6xaUq7Mufv3pQJT03Ker2NN38T1/3Qj4fTj9DYiP4J/j0cCF"
    "16LsyXa/Mag3/WdHvBN0mKURvhdAI8TC+E991CK97iyNir0elVS93pRe9zEKdbv79oI1nD"
    "2HKC7x4BHqz6/QNrREidWzsuomixa9RfwJJPDJ7TMBrnhNj8W9QYtHl9VM8LteSTeP3l0E"
    "dTayu32gO5RZC2QDRIT+hwyACWBz5POySQK3oEzNHO39/fCqBEnrONh4L2SqTKrNXG3nv2"
    "YO0QWKwP0m8c/Jf2/LjM2ZVZLnktMkPAHcn55P2qIFxGYZfmAtUI9at19GPKqFnRZSw05z"
    "9LDThCKmSPEA30KkeC+HFO8lSfElpPTV4mvtHNJ5GaATgm1E/PS00Ig+zRnRpwk3hNjZuB"
    "XobS+FPRFRsdatHvWTVphqrlGZsn5cWJaJIMnYCsNyMZwfueC2hrWP/W73vovx+DqiTF4M"
    "pzGM728uBhz7GG2uDLv2q/hZhl0JFT+01Ti2zjcLlMKnXHiin/9+h0zogpscB350htfMAY"
    "6CP/1x7z8NRkOMa+e/kDy9Fakpb+nSbaitWL1Yjs7Nojfi9EW20iaQShnWMdey2P50yyEp"
    "q7iP6pigqcX/KTBb3Rb7QYMbEPZWnMYDnJixlEHm5AzE4pBJekJM3hbhVZK8mTA4m3VSuB"
    "tZ0M2jbui6SgHmZslXD4sAofCRJzCzbJeCeXQoJojScwB5mbHABPASCHRu6/B+SaNzqjek"
    "OB7F8RyKlfaDcjydbQ1YxfDseofaAcNjW2blECZftslYd/pXN8PRudzPHshlf/LbcOAGx7"
    "ibWnxzVOzPD8H+MOsZEe2Fq0GedlswZCIhp+KKFLGmiLUSxBpllo00vlvjJ7JAXgBqdTrE"
    "NbEmos0DHA/1MCJVrFWJWJbJusZzg92q0XXFInEHcsf9iYKg9wGzuIHpNrPekqmwS4HFpw"
    "mATBim2JY1aGpkQj2tpti137wfKS1ROW753/96i717gZ9+lKNnf+n1jo8/9j4cn306Pfn4"
    "8fTTh/XOkizK22Iuhr+KXSaysm0+oKa2oR9lGworH+EZW5RpCsvUyTc1Y3OpRC/Ft+uygA"
    "YyClAOaEJRig3YJLifOYJ8M/s7WiUs8Bw96HBBTahA/LENX9e7amSS8l/PfzOStt0dXzLu"
    "hpfTTnLY1gJruzTLJKzBVM2AdT8BsTkKagHdtIRWujShjsAr1/kQcAeZ0BP/CsT5kFXwQL"
    "gEbKRbtkEBZlRqjqmelTc2p/wrDViv8/TK5vP/hx3jqahQFQjXmOHeLkOpIl8nFC/F1+Vp"
    "VVvl666R8YTsAWH2Kk0fChfnakWmW1FD65oblaMxQUDG9gFr5mZweoSm0Jffg5FQaIB32K"
    "0rj9MCqT0a4J0IJgnyOqGZQxFNyQu1hfY3q0/fOl7AmKf1+oyeovAaR+E9Y1I5g4Mv22S1"
    "qyMOnp8Dcd78gVyMR/eTc/BoEYc+kLvB1WBwc84Ht4HQQnz+fC/SbIjBTowH0r/62/1kKr"
    "za/+NQ9kAGX2+HdwPeljjSjUT9L4O7yUAICGclf3I1HvFt5xwYFuE/XNS4HvRlDa5UUffJ"
    "5dg9HC8sk5emuMYfHf0ZpagmxYZBIL3D+Bv4ArFsoeR46H/pD6/7F9e8V9ZtPBCRYMVNTy"
    "BSrLiJCca/D/hYsF5RQzKuwEVGBG7OUhnI7M6F3pIVMzQ55H6puXkpyuGfEFXdULkbuJlA"
    "08JIslmBQKJ1cYGnhViB0xxW4DTJCvB9D4nchqWol4hQ63DeCvvC7QHL1rIVr4y1PCLVZJ"
    "WrItZb2DJdyNLsi00wp9oYxUBu2PmLbefqU8xWNvTtYraiMyts3pdQSCNyShuqrA3pls0t"
    "SEZL90BMsFIXNG2J20sP+IeXS8ZtxMTe4BtsWC8cfChMa/DMiYTJPMdbOmij7DHepi3bRY"
    "M3ojtWA6Nimjls6wiKSVtt6xi5xdNFHCi2sT2mALy+VlADvDFfWTsRjmlRjYrqurbYxE0U"
    "nubI9Mu6uV5Mi2nrXOObXZi/z7E+B1yIAggM9IiZm6mcdQG1gEMMS5x/5w/fiVPufOy4qQ"
    "2F02XhNvEz/1seEgB8PFEERBhXwo+5jS95IG57r5jNvcMK1iuR7p0VwHwIcPvN9ZryL3LP"
    "8HPxufChZh5nSPhBXU+wpvyfjfV/KrfKnuyn9cwoBX1YSoFfGXyxwpeFPpBRwJcCPsceWw"
    "cK7VTpalpXFNW6wpO/gFLLB2xthu61dYhjvCiwwdRulCZ7K2MxLrkah1maOhutkKvTenEd"
    "mh7U3ajYyq53Y4fcZNwUG8hN4iSvPwHy+pMuWED+fB1MIg4mEKGK8m9MOU1bV6OFovB8cc"
    "/J4oUhuT4XpZAqhbShy9a+AkwW/A3Ee5XCPiKm4K8Mf3ytKuNKjsu20Jl8IM5jH5Nc73F4"
    "GyrZ0zHRGjq6mQxkK/pZRQkoH/WhTC7lU22wT1V5/2r3/u3Joo+M8DSLPj4Fciz6RGryIq"
    "kI5DVeP1H/GBztgme05Ha1uCpY5LQSpjh1FsLvI31C8kwfEOQTTk+PVUubNSclUAb7zgz2"
    "8EmkEkpOWKw1GS53reBIVq8c8iEhhXs13P1jccVB9yUU4hU9dni2tmhL+OxCUgr5ishDyj"
    "T/MuoKlEWavOItmsxbqJuJs6fgYZ5pSen2xKU9UosvSZVEhHab6OsweJIi6W88MyhlayuR"
    "9KadIRBp2q7nw37rrXlx33kbERPxnW+EqYXhHymplOLLYBI0/7qygjxbcKX6Ia58G0m2yL"
    "pfhGKrgTYTgzCTMvNG6Ea6zAuKKkCVrUNPpCSY2dbCTSAll5+ujL8GM2xT9gsm3h+Ww/4q"
    "SK4VWMCVlyonhTOrsfEH8kA+WzZAUJ8Djw3supSbmP0/gX+vPfT/BlwbAM7Sp+SC6Bo/J1"
    "YxIi6e3ioSAiBivbvgW0e+HV1H3vhVVNxNQ2k8FXej4m5+QPhlIGIFWzci2EJT93BN2ySj"
    "Ed2MSvVyRFLxVk3uZRVvs++1VJ1p2i34Kixnn2E56vRSGXgLnF7aU1COHxKVRi6EwqVyuI"
    "VwrQJBOBSayLubAxniqjgIGDZN95J06IXTdAEkBphbr2DhcMPemonTL6+Qeul5kZEWiVNf"
    "w0VYgAgJFEpnVs7EV9eH1H19SFMSWTbomvajQoksj3ISWR6lJLLMoEyukI4X0CzJmRhS6r"
    "0nfbg7QRrCV4PL4U3/+t3RSbcXuy3EB/8kga/u2GJEpmyx2cM4LNPCJKHHBUbxceYYPo4j"
    "7JHiksoop7UnRJXqXtluEndMaBLQcp0QE1QhTm/GX/MuMyg5G7JaUD1SlRSXuqhWaY9Nkd"
    "7PZrutTql7p33T2FfDvr60tiqbdMsi74pkk25W5F1zjYhSeXT3dkf34Th4DiMvcXsGaA5b"
    "nxV1VppLrh531gxYa4k8U7d0bz0h8a7vlG/mqlrHlfINjRA/EMCbEyB+iIBJQ/mNQN25jb"
    "RoadzqVbseWim+xgDHbE+jHdTZnL4P2gwIx59pCi8fBL6bEjzhF0SA+D3SGSiCgb1AZDaH"
    "DLyK2GM3LTRmKRn86mu35kP/ypVYtytRubgU8faDOGE8NMsf7Y8JKu5TcZ+K+yzKfe49RV"
    "vT+lrxn83EU93LtkX6cz8J7ho69bdwv5Vi6+pi69RVd9tglvcT+D0Ut2NZTIQL3rkx050U"
    "ViZZqZtH0OCgumYH9TeSNdM5koe8AST0FdnijDYUdyLYGBng1eaWpMiquOIfHlfgdc5L6b"
    "OI8fZoFl4kT4br4nqvJGmzhfZTyJtv8v5wUcoFZCC4yuDYDEsrh+Tx+6xokO1aoIURtp+K"
    "BIp/yo4T/5TgeMRMKAGuV72F0PYKBeH3coLwe8kgfGspAPEcFEUxjgi1EOmzkwJAn51k4i"
    "yK4gGZ/GdSpnG9c14G6bicArsQ2FS8bwLmv03GoyyYfYk4/YV1Bv4PmJhujYYM+TkeHWwy"
    "TOh78bX7cHUIhCLMlw/zu5v+13gPXF6PL+K2qmjgQjGTPygzmaAo9mOYyCCuKXaV6oRFEi"
    "rNNUW8SCnmVyyTHV4eo2JACAeuXGRjyxDHRTEFc/5LxLnS3ITwJZspcuhUSmvidmaVSqqZ"
    "9oTXRZRBu/SKGZdt4Zp5IGukj0m++yaYjdU62pNU3dzoblYZodumAaV0eyI6UOzaJX1eIR"
    "Hl8opaEc065dOELLP1+hB9PfeNzhhfrz7IIbrRFxOanzW4YlTW5CZnTc6yHzdbjmVMRhO9"
    "IDcOWP44OsdLYItcxNKTBIG4BAzPVhw/IANDASZuXiJuEkolMM2ErKtZFWHcgFW7m2Msuv"
    "8ncM4mlP36LSSSt5KkyIbkOYlvdlphr3o9UaxNIEN6RycfTz4dn52sOZD1kzzqIxmgyuZ8"
    "VM8tM83UzQuHj8ipiHgUHszJiHiRUEhb8FfESzNVo8vFOkV6P4gf7Q/us+5x8fMHyH5OOf"
    "6V7WhaCzTDzyS+rzV+JkzlPWlpl9xZlokgyVA9wnKxfnnkgtvqEH8x3y30F+PxdQT6i2GM"
    "oR7d31wM+EYZmwXqyEH7aa0iRw4Umdm2Xs8iMxvizhUGNzdoiKuPpprjXml3k1Gu6UHFAr"
    "b5OhPwwnpB4BGxV4SIayJTeUD3db5KM74Ly5XOEoyV1zbTUNmz15ZPfVouii6QaKExvpVg"
    "xQa5S5tJYB/gTpNUMJRa2TYFo4haKa7w0yq4TONyym/aZL9pKyDlo7iKb99Sw1Ql9NuLUz"
    "R1na0B3HY7++M7SwFwvTmuoN0UR2EVAHY/bMOVRaD3sxNcw7qsm8c0GOFam9OMyQRfMvcX"
    "s4DO7UXMVl3wAk1H3kK0zgMmn52DZ7Rk7qVENlpaNuM9kpJmrL52VRBAAzbLbg734PWtVj"
    "YYIC6neIiCPESFu0b2cc1IS0g3lU9vV9ED6sqobV8ZpcitbNzbS24pEqZ2EubFcvR5aUyj"
    "UupEgOJg9hKYXvhggDdek51Q8mTAl6CdQxzYG3sgOq+3fjbgDok2OqlZyN2Sbn4W8nWdzV"
    "EIBHCtbSFC+YW5rnMT0LSeHCTzgEOg8yktQveleZESjVBevkhUQiRmTrThX6OoLi9W5wEa"
    "orlvxfQPv1kC5in6nmH9x8R2h3ZnD8N3Ovg6jSjmiejetXJ+PR796lePh/zG0oDhtKgPMb"
    "AHxFkktsFoTjCcGvfRqEHeub0bX91fTs/B0rYMR2cP5PPw6+BKuxpOLsf3I14ww/zrNANT"
    "XRAaD+R2cHc5GE1DNZbI1hFhoTqf7wYDbfLb8PZ2OPqVN2EjpInTYEvetw9k8JW3MRyMLg"
    "fnAH0XQTLiCvMHcnk/mY5vhpP+dDgenQPdocxaYOrS2g/kajzyCsJUd+npWSTvUy8771Mv"
    "kfcpvA8lRkoeNxcTVARdZYLOH3jVLp5NkX4zZddMD1ltjN0aMm/qV0U8JP4DQn5ahiM9OG"
    "fL1nSAHehbC0ykq7jkQcyEXKVFvWEjue4jmXxX18uAuq6vwEyCGehPFcj9hLAKUW5yiDJ8"
    "gdiFWRNBQmU7OymtevsweptrStis3t1rcdXfTe5vn0x+gSbm9jZcpZiTmXtkuvDuTMq/bP"
    "las9r2S25MPPEpYafMp2wlOiLUOg36tJAGfZqjQZ8mNWh1LF4di2/KLtHiEA91LL5tvZ6i"
    "K5Q9Fp/QKd54V/gb3PjN0A93e1m4D1eKnz6EZLajPhR9USCQ37asmbzR20biGitRcM4/yS"
    "7o8v+fHESpaBzo/MtSYvYrNVE6i0Bom1Hu+j1H7vNOLEUie/XrUX33m7YhGmbbKxJn28sO"
    "tO3F9d4/HMjNbZYSy5xpu4VFdmexbSvXWd0Gm3dRN12mupkKXPG9llQO1soOVsogc1K0iG"
    "KBEIH0Dm1nTKmDjJLrcmc4mdwPrs6BlH4g9xPxyaHi78v+6HJwfS0e6OJ3mqZ4Ovh6O7wT"
    "z9D3Jba9byybQ/SswDJ0FFc4QxlEzxIJGd2XodV8AiFJRRk2xwxIsf5oNdOP1mn3qf7dXk"
    "4af5mpwurEZFVPN7qnFXvXMh5HHdDaywEtecqhJKQRIQVpDFJXXXhclcQ0KqUSD6VgSpll"
    "oyqwhgUVsuo44V5SOgXnyd6IbHB4raXIRraXAsh6S2cN0E4YnM0OdiXYCGx0jymKrLt61g"
    "Ku106LwQ3vNNtNmBU6XBA63pPutPSPIW92XYZzZ7Wjm/4s6Y3sOwZmd25u8E6KRzJc3M3z"
    "SkJRUbODmkUOEfPmEDF+sbj15uUnl35GKtYlYNmArqg4JwylQ43NIQMyW7oh6rAUb2VtrR"
    "ZxYMoWRG2RA70LvnE8bF5fDjMXHvejX8rrW+Gs6eJZIpW6eBieV/6zyg5SlW69Xr9HtuNU"
    "9m/2odCMUNyIVJOPg1Z0o9bvvwhPpHIwpw74YiA3bAeIYnxW5ODqWfbB1bPEwVXbMktFAf"
    "j124dt/eO3immvrPpsviTYiEusBjtPe3DAi0FMrymKckyshVDXHyIU6IzlgVa7W9EBvVff"
    "SsOwrmcNfkSzVOIk+97JQOJNF08eDppbuWESzlgag50N+1pAoV4ddRvxn03LLtNRKbVOb1"
    "6nVeRDNvTtinwocYJlm8czJjoklybEi04KHRoUdvPIUMqrafq63kYqdDpHgGHTlFzkDNuU"
    "AajraMnEnQhANOeerDh30yVS/k7uR4ApsNFMMPHi5gRIVsASXKXbVpIa3dq3FKFKQ3Gj2e"
    "wlsTyPStH1dC2gjh5k2BXZZGWDYoCbtrIeyEpaLHRQLEPVNtCIpOrmRnezihWs3aB1/YWl"
    "SdpARgHaHNa7PYCqYLY9BLNRP1BqRwFXh4prePkrBOtuQ60OF9ZdhVlVMJY/Q2w6NupkmM"
    "t+cXejwTwL1dwcPbS2SV27FTImMhN0gZs4lj9dcgNVh3SO+f/i8kBh0oqRAUy8wCwlbujt"
    "7RUxg8MTRAX0ND6gh/cQLedXDiSUs7OAs1PRu1VUxIOzTpUptV3NX+mntemn+1Gk+sjG+j"
    "xNh/JKctUnGNTZpDhlQ1rzhco/iobyxkw22brHC7JpyaC2kEgLtY/e6WkB9YPXyk7lL8pi"
    "0RN8UpVA2KveQnSPCqV5PcpJ83qUTPPKv5GlJmbKjk4JibwpPqVpaO8iQGWvLvQ//x/xNf"
    "7k"
)
