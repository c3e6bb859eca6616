import secrets

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Each existing member gets a referral code, drawn like the app's (wallet.referrals.codes):
# 8 random characters without look-alikes. Written out here so the migration never changes
# with the app's code.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


async def _backfill_referral_codes(db: BaseDBAsyncClient) -> None:
    rows = await db.execute_query_dict('SELECT "id" FROM "member" WHERE "referral_code" IS NULL')
    used: set[str] = set()
    for row in rows:
        code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        while code in used:
            code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        used.add(code)
        await db.execute_query(
            'UPDATE "member" SET "referral_code" = $1 WHERE "id" = $2', [code, row["id"]]
        )


async def upgrade(db: BaseDBAsyncClient) -> str:
    await db.execute_script("""
        CREATE TABLE IF NOT EXISTS "referral" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "referrer_points" BIGINT NOT NULL,
    "invited_points" BIGINT NOT NULL,
    "min_amount" DECIMAL(14,2),
    "created_at" TIMESTAMPTZ NOT NULL,
    "rewarded_at" TIMESTAMPTZ,
    "reversed_at" TIMESTAMPTZ,
    "purchase_id" UUID REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "referrer_id" UUID NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "invited_id" UUID NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT,
    CONSTRAINT "referral_points_not_negative" CHECK ("referrer_points" >= 0 AND "invited_points" >= 0),
    CONSTRAINT "referral_not_self" CHECK ("referrer_id" <> "invited_id")
);
CREATE INDEX IF NOT EXISTS "idx_referral_referre_0fb08e" ON "referral" ("referrer_id", "status");
COMMENT ON COLUMN "referral"."status" IS 'PENDING: pending\nREWARDED: rewarded\nREVERSED: reversed';
COMMENT ON TABLE "referral" IS 'One member invited by another. A member is invited at most once (unique `invited`).';
        ALTER TABLE "program" ADD "referral_referrer_points" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "program" ADD "referral_min_amount" DECIMAL(14,2) NOT NULL DEFAULT 0;
        ALTER TABLE "program" ADD "referral_invited_points" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "member" ADD "referral_code" VARCHAR(16);
        ALTER TABLE "member" ADD "sign_up_address" VARCHAR(64);
        ALTER TABLE "points_account" ADD "referral_pending" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "purchase" ADD "qualified_referral" BOOL NOT NULL DEFAULT False;""")
    await _backfill_referral_codes(db)
    # Unique once every member has a code (NULLs, from rows written outside the app, may repeat).
    return """CREATE UNIQUE INDEX "uid_member_referra_3d4c01" ON "member" ("referral_code");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "uid_member_referra_3d4c01";
        ALTER TABLE "member" DROP COLUMN "referral_code";
        ALTER TABLE "member" DROP COLUMN "sign_up_address";
        ALTER TABLE "program" DROP COLUMN "referral_referrer_points";
        ALTER TABLE "program" DROP COLUMN "referral_min_amount";
        ALTER TABLE "program" DROP COLUMN "referral_invited_points";
        ALTER TABLE "purchase" DROP COLUMN "qualified_referral";
        ALTER TABLE "points_account" DROP COLUMN "referral_pending";
        DROP TABLE IF EXISTS "referral";"""


MODELS_STATE = (
    "eJztXetT40a2/1e6/CWTKocK5pFZ9tat8oAn8S4DFJhJdoctpZHaWDuy5OgB47ub//32Q2"
    "+15G4h25LoLzMg9Wmb3+nHeZ//DJaOgSzv4MZ1nly4HJyB/wxsuET4h/yrIRjA1Sp5QR74"
    "8NGiY1epQY+e70Ldx4/n0PIQfmQgT3fNlW86Nhk8WyDg2AhYzhpa/hqExMBfmB4wIJ4Ueg"
    "i4ge2BdxB4pv1k4V+dlyEwDXD4/QH5FMPR8cfgV01NGNjmHwHSfOcJ+Qvk4mm//As/Nm0D"
    "fUNe9OvqqzY3kWVkgDINMgF9rvnrFX02tf2PdCD5ro+a7ljB0k4Gr9b+wrHj0abtk6dPyE"
    "Yu9BGZ3ncDAp0dWFYIcoQm+6bJEPYVUzQGmsPAIgwg1OwLJM8GmnZ1PdPuJjNNGxSYE1Gk"
    "4A0f6Y5NGIu/qkf/+ifyFX4YHR7/dPz+6PT4PR5Cv2b85Kc/2UcnwDBCCs/VbPAnfY+5w0"
    "ZQjBNQ6f8FWM8X0OXjGo3PIYu/ch7ZCMcqaKMHCbbJWt4FuEv4TbOQ/eQv8K+HP/5YAeXn"
    "8e35L+Pbd3jU9+QjHbz52Ka8Cl+N2DuCd4KvHrgusvW1DMZpmh7ifCSA8lEpxkd5hBF0bY"
    "2AUYT4AunmElp8lDN0OZgNRngQTtBByCswvpicTz+NL98djobHFGbvD8v0URr+48I6Xjl4"
    "Zu0ZWoEszjlKhfQGpH1zif4PX7MyJ0aaZncnxuB+dj7YyZFxeixwZpwelx4a5FUW5T8CaJ"
    "nzNf4K2hJBL3BL8J7YwZJiPsVfD9o6KmDPn2mHXKAbzJNkxODmGgsHd2eAUT/YdzeTq4sz"
    "4K2QbeQlP6Hb81Tk8jwtvztPixsBudoKuabDEfzEeJObYodM0SFGxoCutsb3jCxvzseXmB"
    "njW+0fk/HtGcjM9WDfXl9eTq9+1g5H2qfrq9kvmImuY1lkAeJHS8f2F14dDo5ENtmofJON"
    "CpvMRX6AL9kXjJTzohlw7UlI8HzizRJ9Uyz8sdUSfUr++bYy3bW2ciyzTMzcvFEKk+xwq9"
    "joGUlvkavJ5wneGpT2wR5/nE1uNbxZrvDGOANw7uN9TwQ8zIjo7fRqfD6bfp7O/hENMG2s"
    "P5vPpr9ux3YJmZDsYMGdUqDb3SbBkk03dokOvcUj1L+S20BHDBAJIZZHvh9JdlvHkoAYez"
    "IcCUuxLpoj14WWxn4g13AspmRx/2A+VdwB5bP05ib4y2h0dPTT6Mej0/cnxz/9dPL+x3ix"
    "F19VrfoP05/Jws+cN8WdEGNq2vjoQ8brGFOcRPHllXxZmrYGl04gfUiVzPDmzqnDY4mDSn"
    "cR+cs1yEMbvyGqdcmdkKHMoxySHkQ/dNCygRcUNK5taz1gNu8K6GfTT5O72fjTDfm4pYeB"
    "p/iNZxPyZkSfrnNP3+WVwXgS8Ot09gsgv4J/Xl9NKLyO5z+59BOTcbN/Dsh3goHvaDZWEq"
    "CRMs9HTyPUMlwPVkZNrmcpFdfbwvUIoxTb6bcn7qT515TvgzwgotwLdA2t8MYZOWVji6+W"
    "o2X+CbThE+UZAZd8zdC99wktH6m7q+D4C98Mq/x+y2TMRrffGOiB5ztL5AJkE8MAMoBpA3"
    "+BIodd0bMnSNOw8+7+fnoh4b0LAtM4IDR1NtVmJ97gf+aBrRMUAf0k8s/x/27Lvlmxq5gD"
    "hG2T9Aagf3q1Nw8toWnJGI5jgmb0/f26SrPq+YmQfn5SoaCfFDR05S1N8BXylo4qvKWjor"
    "d0BT3vxcFn7QLr2zJAFwj7iPjJidCKPqlY0ScF8ZfcbHYQXS/CLuosWe9Oj+a9GaanUWsj"
    "5/z44DgWgnbJVZimy+H8iAm3tawj7Hd79324vr7MCJMfpjnF+er+04cJxj6n4HEsfkqx65"
    "mIL6LYxTYQHUvRMidagbDWmRZ+xXpi5wvEgrd/wIR97yDUDzQbvWiZb7c1oXTbZ6BnPtla"
    "sCLsxBznmBzL2cMhbYRB+96JWwhzkNB4U5JX4OpYdkI8O3BI+vHvt8iC9C8soh9FsYbTdP"
    "BQ/DNactHT5HDMxSTgv9B+ei1SMzzTOZ2or1g9O4G+wAfZ63D6zGbpK0jhYb8wV6/E6VM8"
    "UZ+gkjLJ5aIVieCs890oEbDXNpo5+B+Bg43OOE4m7NY9I364eT70g4q1KA4ZW5HknOspXl"
    "hPMEy/yVV2Tmfs3yqTNJbf+XA+H3Bs5ezFsMpU7sVDBCzlK3xiYsGbKNj2E5g7LjV5Pwae"
    "aWMh8wxA/M5YmjbAbyAgQSB4NfPM5/UnUjZ1ZVPvilXsjdrUB7vRt5VFvRcWddexaucSRL"
    "Rtxnowvvg0vTpj99mDfT6++2U6oVHq9FLLX47K2v4mrO2+8xXZ2jMWg0IBVzB2uUDXm/DB"
    "5kKXlSPjjTgyalluPd9xkYZva/PJXiJ+JK+EHYmqWHdkzg6uh2bsSHW0VYZYmcoa47lBb9"
    "W8eKBInBe7cb/zQMJ94DtYwaTTxFeyR/RS4OBtAqBPFFPTZSM8biRYM7Ny9Nov4R/JNFG2"
    "bvHP/3qNvlsVpN6zGhA7iUcv14PVNfRWrqGMyza1Y0UtTWmaJu1N7bhcapmX8te1LKAJjQ"
    "KU5+LOLdgiuB8xgvgy+ztaFzTwCjmou6AWRCD82IUv8a2a2aT4r8d/M2K63S0+Mm6n57NB"
    "cdk2Amu/JMsirMlWLYF1PwkIFQKqgGwqIZWuLKgj8IJlPgToIiNy4l8BSdReJw+IS8BFuu"
    "MaHjB9j0mOXM/KK6dT/pUWnNdVcmX77f/djqlXplAVeNya5d4vRammvY4IXspeVyVVbdVe"
    "d4mMJ+RObN9d8+Sh9OtKqciiAzUUj9woHF3bCLDgUeDMaSnVR2gRefkAXBGBBoTJxUNW1w"
    "Yw6dEA70gwSVJgFc0DD3mcAq1bmH+z+PRlEAZAhVJvZNFTJrzWmfC+mnbtUmoRbZvFrgGp"
    "AHUGSOGnB/vD9dX93Rl4dOzAe7BvJxeTyaczvLgNhJbk94/3pN4dWey28WCPL/52fzcjXu"
    "1/B57/YE9+u5neTvBcpLYSIuM/T27vJoSAOCvxk4vrK3ztnAHDsfEfTkZcTsZsBBaqPPrk"
    "/JpWqSKayXNbXOOPgf4VcUQTsWWQUO8w/gY+Q5PNILkexp/H08vxh0vMlXiOB5tUOqR1wk"
    "itQ1oh7PrXCV4LzgtqSenDsvIvVUdlacGXLbrQe3JipjYHuy81WiBODv8CqWJDbTZgNcHj"
    "hZFUpe9FFL2LCzwRsgqcVFgFTopWAZpQiMITXipHEvHtu93HeSvWF6wPOK5WLniVnOUZqj"
    "aLXDWx3sKVSSHj6RebYObqGCqblFM0W1m2yqHvl2Uru7PS6r2EQJqhU9JQbWlId1ysQfqe"
    "NAdyhLVY0LYjbi8ciLLjJeM2cmSv8A22jAudD4XpDZ4VkTCleanSQRuyyc9tO7ZFgzeyN1"
    "YLo2LauWybCIrhnbZNrFzxeiQdxTZ3xwjAG0kFDcCb85X1E+GcFNWqqK5Lx7+jHXt4jszo"
    "3bDSi+n4Wtz0Z7ML89eFqS8AJvIABAZ6NH3aMsgfAs8BgW04JP8dP3xHstzx2qGlZInTZU"
    "mn+B7/zJIEAF5PHgIkjKvgx9zGhzzYdL4X01+EyQrOi83cO2tg4iWA9TfqNcUfRHP4MfmC"
    "+FBL0xkKflDqCdaU/7O1/k/lVtmT/hTvDCno01QK/NrgkxNeFvqERgEvBXyFPhYHCu1U6G"
    "obK0SlrvTmFxBq8YJtTNG9dLq4xkWBTbZ2qyTZGxaLwSpg8cTZ7IBKmTaM69D0ZOxGwZax"
    "nsYO0eYHnmkgWsSJ9SEErA/hECwhfh4Hk5DEBJuIovgTOdm0TU0qFIUXkYdOljAMifpclE"
    "CqBNKWHlv7CjBZ4m9AvpcU9hkyBX9t+PNnlYwrOU/bQ2dyR5zHESYbCrIn15Akp3OkDTC6"
    "nRbIXvBZRQkoH3VXNpfyqbbYp6q8f417//ak0WdWOE+jz2+BCo2+UNBdpBQBK67/nRelwX"
    "lD8BWtsF79RwAtUtOKqOJesCR+H+YTYjl9gBifTH55rEbmbLgogVLYd6awpzORJIScNFlv"
    "KlzuWsBhVj055FNECvd6uEdpceKgRxQK8ZoeO3Mea7QSPrsUlUK+JvLQ81nZE9Nf1zBZ8O"
    "iV3aLNdgvVCb58C3Yzp4XD9kLrnrifYrlQUVUbiUe+wxJJ8ZPO1khiWpSkqSpDtNtCa92w"
    "U4mUHwrVUM6Clyg61M8QFJ62EcYQvLYtZj52oY+IkfjaV8LUw/AbTimr/DFYBC3qGCdo5/"
    "wUT9PFk2+jkTNz7ouYOBswW5JFWGqyDFfoRnNlGJQmYKqMQ38YJZi7zpIW8GLHz5DFv4O5"
    "6Xr+D6Yd/uAE/l+JkXENlnAdliri2CwbnPzBfrA/Oi5AUF+A0Bo7pCZPsvu/A7/HERK/Ay"
    "yNgWAVmUST6KaoJpmYITRfXiwTgkFi7Yfgy4B9Oy+OfIqGqLinlppRVdyTint6g/CzQNAa"
    "toYMYQ9NDd01LRQtStnLSIrLGUplN2wzl1W8077PUpVTtlvwVVjUPsOiVPaYDLwC2WN7Co"
    "qKQtJ4xoVUuFqFbSE9SiAIyoMWCnujIIO06oPANy2LNqmHYTjTEEDbAAvnBSwDrNg7c5J9"
    "9AK9sDwyMniRUM1NLGIFyBiBUuXk5FR81b6l6fYtbSkkul+rSra4pVAh0cOKQqKHnEKiJS"
    "aTC6SbS2hJ2kwMRnUQUnf3JuAhfDE5n34aX747PB6Ocp7ICPzjAr564JIVybliy5dxmqaH"
    "RVqPBFbxUekaPsojHBrFmSlDTmovkCrRvbbeRHp8aAxQOSbkCFWI2avx18JmEpK7oWwGxZ"
    "G6RnEmi2q17lgO9X4u220xpemb9lVrXy375soKQ29BlNp6y55DrZZ9pYAZAVa+8MUAr1j7"
    "CvIM5CQly8SzGVoUsMk5bKriPPkTqEhP1Q3zDcdXi/QMaFd8b3tNFVLV0pOG7aKIpmlUZn"
    "9rqs/3Z4FW+ATLYlulPVb1o1vbAWsj8a37rDrfVVwly87Tw7IRWMN5OnmqCqCa3CnSrtW9"
    "5qF0BPD2pKF0ETBmjnslULd0kh4djVttqB6ixYloSHAsj2dwkzGbi7RC1wckvMCySCwBBF"
    "EwBHgyn5ENyN/DQg5IykGY7uAvoA9eSIYDLf5v+pw6rc3N23BpFxWw0HTAgnKkK/P+G3H1"
    "hmjKF3DJESoPS00Pi7J9vkHb594LcbaN18r+2U48VffNLZo/91PGtKVbfwtdDJW1rilrnW"
    "poug3L8n7SS6akB6Ljk6DkW5qZMeBYZYqDhlUGGjMZrrnJ+I3GmtkCsVISANreC3JJJQhI"
    "Ot+4JjLAi4s1SVI7d41/eVyDlwV+630lmSShmQW/YvUndNLEsWi02cL8HOMNqT+BuU3eYg"
    "KWbqLq9LZD06ow8kQ8Ew3ljwl6GMf/XiQd5X15Nsr7go2H7AQJcMPhPYR2JJTqM6pI9RkV"
    "U32cFQEkdFCIYpwh6iHSp8cCQJ8el+JMXuXDvvGf6fkaljsXMkjn6RTYQmB75PsWYP7b3f"
    "VVGcwRRd78Zeo++C+wTG9rZsiUn+MxMC3ftL0D8rH7cHUQhDKWrwjmd5/Gv+U5cH55/SGv"
    "q5IJPijL5Bu1TBZMFPtRTFgQ18ykQnVBI0m9rVRFwkgpPxoo0wOEJWv6gBAnrlzkmo5Bkt"
    "JNDyzwX0Ky1yvbfkhOI5Lazqg1ZKvO8W3VJ0IWeT50pU/MPG0Pz8yOnJERJtXum2Q31mN0"
    "SKnY3Go2q7r/fZOAOGwvRAeSW1vS55UiUS4vVcV/lz7ESM59pTMmkqs7uUQ3+mJS+7MBV4"
    "yqzd7m2uxl+uNmzVFGZbTQM6JxwOyP8xbmCrik4jnzJEHA0oLXGD/AAkOBadPqZ1glZEIg"
    "T4VsaloVYdyCU3tYoSzS/ws4lxuUo/E9NCRvpRSaC+2vRXzLi5eHw5uJYm2DMWR0ePzT8f"
    "uj0+PYBhI/qTJ9FANU/QVe1QvHkq1FkaFTEfEovZiLEfGkbJm2xF/RXFlcia4Saw71fhA/"
    "3B/cp8Mj8fwD5H7lpH+VO5pignb4mcjn9cbPZHqsGyavlWlV4ZUM3Q7rrUSHuSq3osxaLT"
    "FriaQcKGNm37heZsxsiTuXKNxYobGpPMpVx8O3w01KuaYnAwV087je+NJ5RuAR+S8I2VRF"
    "9liC7stizVO+hemka5Gbymtbqqjs2WuLt74nF0WXUPRQGd9KsGKL3KXtNGB38KYpChhKrO"
    "ybgCEiVpJGoVoNl2meTvlN2+w37QWkeBXX8e07apmqgn57cYpyz9kGwO23sz9/swiAG+5x"
    "Be2mOApHANj9WBsuHBuGf3bB1hC/G1ZZGoz0qM1lxliBL1b7y3eAjvVF018PwTO0AtbrLK"
    "4Dxp6dga9o5dPWZy5aOa6POcIpM9bcvCoIoAWX5bDC9hDyVpMNBsjTKTuEoB2iRkejfTQz"
    "6onRTdXT21X0gGpMVzhAGm5Mp4xb5bj317iljDCNG2GenUBfSGOapVIZAcoGs5fAdOHEgH"
    "C9FpkgmRnwOZmniwt7Iwey+3rruQG3iMwx4FYhp2+G1VXI4zGboxBsgKW2JQnlJ+q6jlVA"
    "y3kKEKsDDoGOtzQJ3WfqBScaQZ5eJCohEzNH5oiataoW6SofoCWS+1ZU//Q3K8A8Q99KtP"
    "8c2e7QHuxh+c4mv80ygnkhujcWzi+vr36OhudDfnNlwExe1AdZ2BM7WBauwWxNMJMb99Gq"
    "RT64ub2+uD+fnYGV6xiB7j/YH6e/TS60i+nd+fX9FX4xN/HHaYbp6cSg8WDfTG7PJ1ez1I"
    "gVcnVk+6kxH28nE+3ul+nNzfTqZzyFi5BGssFWmLcP9uQ3PMd0cnU+OQPoGwmSwZo8erDP"
    "7+9m15+md+PZ9PrqDOiB5ztL06Nm7Qf74voqfJE2dUtvT5G6T6Pyuk+jQt2n9D1UWClVtr"
    "kcoTLQ1TbQRQuvXp9fDvWrTXbt9JA1ZrGLIQu3fl3EU+RvEPITGRtp55wtW5MBdiBvLU2b"
    "uYolEzELdLUO9Zat5KZTMsPkcM0hRtfijVmVNJUnVX2qJRKnsDSlyyzmeLxaxEUwE7m1hl"
    "OlQKxCw9scGg6foUlh1khwliyzi9SK293gNpZQTas+u2Nyxe828zsy4j9DyzQ0A645anzp"
    "Hckn3p0q/5ctt5Nr7L7EStwT3hIuZz+VKy8Zot5pLidCmstJheZyUtRcVDkCVY6gLbdEj0"
    "NrVDmCvnGdIyvIliMoyBSv7NH+ivCJdsiHu23SHsHFiY9IIVkeIJGKehFIoHAdZ846qbuI"
    "tA8jL87wb4wFQ/z/U4A8j0wOdPxhnFyJWlNIV29IXTMqTGLPGROYiVLG+3B8M6LvfstlZM"
    "ObRyLxzaPyAOdRXu79I4BY3fY5BuVS3S1NsjuNbVs15ppW2MIG6d6K694TaK0eUyrHdm3H"
    "tudDP+BIEWIBKAn1DnVn0/MCZEiey4Pp3d395OIMMOoH+/6O/BZ45Ofz8dX55PKSPNDJ32"
    "lZ5Onkt5vpLXmGvq1MN/xE2dqtpwLH0GFe4ExVbj0tFMKkX8ar5xNIUSqTYXvUAI7259VT"
    "/bwm9T7F3+3VAoqOmTpWnRyt4nSrOa2sdz2z46jEuL0kxrHsEklIM0QK0hykVFx4XEtimq"
    "VSBZ84mHq+46I6sKYJFbIqjXMvpbSSPL5XIpskDfYU2cz1IoBseHQ2AO2dD+fzzp4EG4HN"
    "3jGiyNLTsxFww3l6DG76ptluobJUUkcqrYrvtIzSvze7LtM1y/rBpj8lvZHjwDD9W1qTfc"
    "DxSKZfD6u8kpAM1NxkpEjyNp4O2cYPJEw+rAvP/IweOZeA4wJv7ZH8bMgcav4C+oBVqTfI"
    "GJ/jrWxsVhEHJpuBjCa154fgC8bDxePZMqPw0F+jt3i8k65WT54VStiTh+l9FT2r7SBVZe"
    "6b9XuUO04Zf8uTcUtCcTNUbU7DrelGbd5/kd5IcjBzF7wYyC27AbIYn4okDJ+WJwyfFhKG"
    "XceSigKIxvcP2+bXbx3VXmn15faS5CKWOA12Xm6iw4dBTq4RRTlH1kOomw8RSmRGeaDV7S"
    "a6oPfqW2kZ1s2cwY9ozjWclPf7TChe1fCzO2hupbMnnPs8C3Y57DGBQr0+6i7Cf7Yne0xn"
    "qdQ5vfmcVpEP5dD3K/JBIoNlm+kZdzq0zy1oLgccc2jyclhlDPXwME2Px200hc4WCPimZT"
    "Fb5Nx0PR9AXUcrn/SiAGQ6mllxRstUevg70V+B6QEXzYklnnSsgPYaOMRWSecqmka39iki"
    "ptJU3Gi59dJ2Qo+K6HkaE6jUgxK9otxY2aIY4LadrB05ScVCB8kxVO8CzVAqNreazSpWsH"
    "GFlvoLpY20CY0CtD1W7/4AqoLZ9hDM5kWBUjsKuOoqrunjTwjW3YZadRfWXYVZ1VCWP0LT"
    "Clw0KFGXo9fDjQrzPDVyc/RQrJNSvRX6PqlMMAS0YC9+usIKqg69hYn/J00biUpLVgawzK"
    "Xpc+KGXj+fiBqc3iAqoKf1AT2YQ56cXzmhUM5OAWenMu/WERE7p50qVWq7kr+STxuTT/cj"
    "SDGNi/Qe4clRqbeVYtQyO05AiGIU33nACx7jV6QjNgQrC9oHYOyDJemC5diIykCMgPgELP"
    "OZF3/dyJSColRYNoQ1WaVtGkzH0JDNC61W9aVaU1+qe+Vi5I+uwc3k6oJ2FSLJCLSfED5g"
    "xpf0EQYdWvTZ+Hw2/Tw5A6yo6YN9M76baRf3+MkKer5mBPjZ5fiGlpmx4Kqi0MzH8ZQ+Il"
    "pUW8rMkP2sVVimy8XoImUjwRJtcvCJoH1UjvZRAe0njMMLlGpPnSJp82Zqj7qyQPpXJ5AN"
    "+8mR9W0pj05OBIDGo8p725B3JVBLFuPO0/UvyGr0o2gvocpmQoWa3OFhoKXlNsmFXjHFlv"
    "jQt1WfFWWxrOPKW0ZK5lAlntpsIuEoMa/jO+LmEyqut4vrVIDHSmkl3ytbIpRNoZqOSbRH"
    "iLQtzTO5IYjVO69IrXZdm3dd6GnU5N07RUrV70Wk34vy85Sj368wftV+pM9c5xyv4bdXoa"
    "hbjJy00Tcs3lmQr4+Xo5qnUzmrObFPHtJm0OzPMlXxqHuIRyWLsDFcib/4Jpywp/imNq0A"
    "uvGpuQ+I23nObkQ4f9NIR1ekEtOeEfnwAvYyPckS2CfPqJOdXMqA32pvsgS2D44deD+7kH"
    "5uRUBKatxQLDRFeyQk2lNMI5QeS5bWdx6gtIC17qFxuGEQiekYZ2FDMhpT8i75vGH4/vsh"
    "8EgQyr+dx0GOA81/woPtBjbwX0wd/z14Erxe8Q/0b/YAgvoiJIk/kCSyloW+fEmjF4oead"
    "v+v3KxMSqYuJXBxK/x6WzBl9PSA6+DGnDR8MGOD7nNltCoTmSSe07ZGd/Y/sIincvvOFG1"
    "w9JUao/V3mMFYUTOxpeWYpQBRcCAEsVzN6aJdhdeQUNKaokJqPv0WGgA4EtkPCF3Es3WU4"
    "TTh2hLUyiYyl+ptsZWASGNFcWjN+qq11hbpEXkw5LyrPR8MheAtgFeFusDcIVndUHo6BoC"
    "m/7K4DSKeRUNzivemju1j0gVeqVXtlKvnLvOUqvKqSgJZciS9S9Otvl8BiyRyuOcIephlH"
    "3zMKus6+0H5KhWFapVxZ4wVkVi26GXds7qowwPyvCwJ3gbMzzsWzemUQiVqnEUpyCkGUdR"
    "EiK1BlbQNNIaqzOfI/cMrFzqJMXQIvcZYhbQ7Giqzz7itTI3fY9XZuCVs21WglWRgL0WCa"
    "D/S8hM0fg+CqVCCsBhhQJwWFQA6EbhiEtIN5fQKnFRRjR5QYkRHYTEHQS8At+Lyfn00/jy"
    "3eFoOMrlEUXQHxfzHWguni6VjJ+m6eEqPhJJxi/Pxc8jHJ3wfIQ3lxFJ07cZ7cGn66vZL2"
    "dg6dj+4sH+x2R8ewbWCLr5O1GEB+8FePC+lAfvC/YwcrdqBlxzDGKlxt8s0e78sD9ua5Uz"
    "I/Do8Pin4/dHp8ex7Td+UmXyLbpXMWttbYm/ormyTF74dOURzaHez2F9uL+T+nR4JHxQs2"
    "DEOvE6ecrerOQdhxPMXYQ0IsKvyHcrsqAq97lAq5KeJZKeST1bol+SxHE99HBKHDU88v2c"
    "NdvaEAJnzYmEUIi+6VbgkcpWLiI6Pe/AqVrtXHq14iVWvOlprNKaJPIZuh0iHmn2nQVcWe"
    "bLb9tuZgCrvO+3yHWOfyZORmpB076fWd2x0sCvzPthlW07qmAmGfK1ch0deaR9ACVk0Vkr"
    "uF6SX8I5h+BxTfsGhL9/5wHnxQ4JzJKYr6Ym5qYVpco/0sFaFOWlkonaoSWVm8dVsc+tF/"
    "uMt4QExmmaHoK8lZqHDDMKkzTSEVUPsd6K18cJfN2Rc6ylSHpX62okWkm1qpBqMXxRR1hV"
    "rCP+5kh7KP92V95lak5LBN7z0PZ24zpLJ+RBQeotDqoUfRN7Xma8SCsuaHo0I4EIodE0ID"
    "QLghfTX5g2FlvJksW/2YbzAr7QVGbSQ3gIkG2QH77nduVqcGrBrhKMlgrFjFo1jFCxIL2W"
    "CtA3/Hk1vQAF2rcYGyLjBcicMDLCQYZQiQatEw2yOaVGHRanyBSDW81g5UlSnqS27KuO+h"
    "SUJ+ktcr3lnqRzFxmmP9Zp3+cBT6nODBhWKtR0KD7vk7EyLRlfoGUhH7BZhuArWvkA/RFA"
    "izRTJOqwFyyJZmySknI2XiyImyjx6vkaTpVQPqJd+YhUEPq2g9AfoQX5/UKqVOYU1ZuLlz"
    "s8llCVnRfE64JUhW1EooCtAlaJVW9FrGpvY4a9XtANZk2Xy6nZEmNYnOIIQxI1rZnk2bf6"
    "Ypx61ps7CFzbaObgfwopXk33D2jDIm2ke0DTGhJbhqX6UbxKN2pHcfU9sUC7pPoZqcvN5g"
    "ChQFVd+wy8IzoOEZYfoYeAi+aBhzyO03F7HyPigAy1RVV2re3aVXntpM3Jp12ooDQ4H9/9"
    "8mF8/vez2O/+YN9OPt5fXZzRZW0bD/YdaXN/BjzS5J68Pb/+PLklr3XnGdVKUW2+AtNjoH"
    "9FHEFXjFUJ9Q6jn+AzNNkMkjwbfx5PL8cfLidnIJ7jwb7+dYKZFKlG++cIXEYGMQnNLiF6"
    "ix5mKfUuvKg0OPelE4gLtArtDWh3o1xhl7uH4tsGEaukVBBQhqh3OG8lclUVhVRFIfeEsS"
    "oK2Y4bsOU2zWKEQFZfFleGs3SqHYikXpwqJBa4+gJ6SLaPapZMdabNR4k6riykaRqFZ2WB"
    "01RMRhZd6eqmhXiQjh0aokbm7Hkp0qM23OANYHyTmqqTi3dzg9rsaSgAL93sDWB7F83TT2"
    "DTZ2KrSvJOoGvjP/A2oOgW3Cjp18MqNwpiAzU3Grk5xMwG0Fia9g+YKaaNDEBIgb+AftSg"
    "lBU1+yupIOCu2UNgegCC38n3od1ef+eEmjU3r4ijJFI4k4hqlaal0rRaos5uJU2r9x6nye"
    "fJ1eyMFS55sG/uCRR3kzMQ3Y4P9t397c3tlDzzAnflmkwm2L9Bp1s1DHZkozwW2QPH5Vug"
    "aGrvSl/dflXorF2M9s3XoRV3ImG5SavlFs0Svhrjdor5jfnqdPyXPzm8dp8VIfEpmt6d0V"
    "sRVLyvgQzA4XCFrQi2JDJNR5pjY62W43QuvQYLdL25DRurvN6azPzuHMKdcxe1IjFf8Xdr"
    "/DWgaa012tsWS0aBz9HHSo9ILm2tY7JlDG76oGRAYZHTtOqinCdWMBdh9k0a1c/Rd/92d3"
    "3FRzdNkz+pTN0H/wWW6W3tpk9ZMR8DEyt/tndAPm8fhkyCUebUisSqd5/Gv+UlrvPL6w/5"
    "44hM8CFvgLCgLcuSNI1iSeMs0eGKlJ/SwiwY8qPBK4xbLhmXTqAOJV7TkAJatDXV6wCPp1"
    "CQb4K8NtAKXj68j4HxhPx6PaDypD3Cd9dhZBRDjTqFeVn/m038adreGDd2zAVV1kyVNWvN"
    "OdTNSgyqrNlb5DrHOCVb1izV3IOGS3GOYIlqEXFEVQfXgEStiOYC8hLAOOF4GTTLg/FIxB"
    "sTQ+i4jaF4N1RwoTUGaLDcE3xG9DcmseMfSTP7uePSh2EHIDeOhzkA4xXJvP7BwfulGJDX"
    "6OwP9oM9WyDA1gh4R2YchjMNQZxs9z1Ywq/IAwjqizDCj3wMneOMVZnDyOLxzyZ6wZ/2YE"
    "cfF5ZRIPGMJCSQBQ++mOQrvizw2iUvTQMtV45PCpSBr2iNh+mWSb62Rwz05Y2OouDIRBFK"
    "sgPzDY++ZOtpUJayH1M3rirK0M6iDF3KFN1ZMOJWckW7EorVkyWfcr648EVmdUfjVXiFUH"
    "iF0sfegpuYVp2SzhlNUylLX+1w0laVIWzvppLIFlU5uNtANSX6iyKaIlGLtDoFN9LJXpm/"
    "mEuU6yayG9MYU+tKIDe0zFEoDW79wpkdwVWkdKZKat5ZUnNcDPSV2F4i4wm5oqVyOwpvWh"
    "ptVWrzOPAXY99HyxXXlpp+PayypmIJfoHVqWSkUIVYy8ECPLFjenjJ3K9AOMEQ0PoFyIia"
    "pcPHwMOjzSXpd/HOQwh4yH02dXSwWpdUhW1uapEEZ7SEppW3Ow7BlwHWc/At6/FeKRNlS9"
    "SdchMl1CPHjagFJ6HooXFyC7m40b4RTsONCHoI7+hEpLAaHlXRsb1QWi11AAmv4YSkhyg3"
    "X72uK43aO3xOKFPvJhG0s6ZeiaiLrYYUEMeiCy2eFBy/qxSB3fQoIfE39O2b9rMZSqTQdo"
    "iMeQDG8Usvfg99sMSAUyc9eBc6938P3/5eIgdv4TNEBGIGRqyuYyXQDzwl57ZUztXxapa5"
    "vqLx6u4SuLvCtc+Fd3MxoIR6h05hEkpEIJNDfEAaTEyvfj4DIT3pMvHr+PZiQrtQkDMa0c"
    "4Tnye3d+zZM3K9tnQ6iI+sOuESHGIV114zrp1dNrXYUKRVXKjp+VVFbnZS5EYpNn1VbLJ3"
    "C7v9avA5R6pKWrSbz0yiqcXnDKnic5v5rIJ4thLEkzUaCAfyZMlUME+JQC1ZWTlDpboJV8"
    "ZHhSuwiK8K4xnmw6Oyu1UF8uwjkEfGxl44SIp8UD2e0yzInpxbb/I8Rq6pLwa86B32ZlgZ"
    "uJOM2eSzKAdqs0dAyvD/Vqz+ryyLUm7PJ5qEZOBKiqSHVv3RyYlQaMVJRWjFSSG0Am8qCY"
    "TD4T1EdzvZXY7tI571sbx6W4pk98Xb9iOzNlamba9u+D//H4te6gc="
)
