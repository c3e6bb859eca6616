from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "program" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "earn_rate" VARCHAR(40) NOT NULL,
    "point_value" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* The one loyalty program this database runs (a single row, id 1). */;
CREATE TABLE IF NOT EXISTS "member" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "card_number" VARCHAR(16) NOT NULL UNIQUE,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A customer enrolled in the program. */;
CREATE TABLE IF NOT EXISTS "staff" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* ADMIN: admin\nCASHIER: cashier */,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A person acting for the business: an admin or a cashier. */;
CREATE TABLE IF NOT EXISTS "store" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A place where staff act; every staff action records its store. */;
CREATE TABLE IF NOT EXISTS "points_account" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "available" BIGINT NOT NULL,
    "pending" BIGINT NOT NULL,
    "owed" BIGINT NOT NULL,
    "lifetime" BIGINT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT,
    -- Hand-written: balances are never negative, whatever the code does.
    CONSTRAINT "points_account_balances_not_negative"
        CHECK ("available" >= 0 AND "pending" >= 0 AND "owed" >= 0)
) /* A member's balances, kept equal to the sum of their ledger entries. */;
CREATE TABLE IF NOT EXISTS "purchase" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "reference" VARCHAR(100) NOT NULL UNIQUE,
    "amount" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "points_earned" BIGINT NOT NULL,
    "refunded_amount" VARCHAR(40) NOT NULL,
    "points_reversed" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" CHAR(36) NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "staff_id" CHAR(36) REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "store_id" CHAR(36) NOT NULL REFERENCES "store" ("id") ON DELETE RESTRICT
) /* A sale recorded at a till for a member, and how much of it was refunded. */;
CREATE TABLE IF NOT EXISTS "ledger_entry" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* EARN: earn\nBONUS: bonus\nREDEEM: redeem\nREFUND: refund\nADJUST: adjust\nEXPIRE: expire\nREVERSE: reverse\nDONATE: donate\nRELEASE: release\nRECOVER: recover */,
    "bucket" VARCHAR(16) NOT NULL /* AVAILABLE: available\nPENDING: pending\nOWED: owed */,
    "amount" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "reference" VARCHAR(200) NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "account_id" BIGINT NOT NULL REFERENCES "points_account" ("id") ON DELETE RESTRICT,
    "corrects_id" BIGINT REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT,
    "purchase_id" CHAR(36) REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "store_id" CHAR(36) REFERENCES "store" ("id") ON DELETE RESTRICT
) /* One change of one balance. Never updated, never deleted (the database refuses). */;
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_account_533383" ON "ledger_entry" ("account_id", "id");
CREATE TABLE IF NOT EXISTS "refund" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "amount" VARCHAR(40) NOT NULL,
    "points_reversed" BIGINT NOT NULL,
    "points_owed" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "purchase_id" CHAR(36) NOT NULL REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "staff_id" CHAR(36) REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "store_id" CHAR(36) REFERENCES "store" ("id") ON DELETE RESTRICT
) /* Part or all of a purchase given back, and the points that went with it. */;
CREATE TABLE IF NOT EXISTS "idempotency_record" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "actor" VARCHAR(80) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "result" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_idempotency_actor_dc7767" UNIQUE ("actor", "key")
) /* The first answer to a retried write, keyed by who asked and the key they chose. */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);
-- Hand-written: ledger entries are append-only; the database refuses to change them.
CREATE TRIGGER "ledger_entry_no_update" BEFORE UPDATE ON "ledger_entry"
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER "ledger_entry_no_delete" BEFORE DELETE ON "ledger_entry"
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The first migration is never undone on a database that holds a ledger.
    return """
        """


MODELS_STATE = (
    "eJztXWtz4jgW/Ssqf9lMFZtKCHkMu7VVJKGnmUkgRUjP1HSmXMIWoI2RaUsOTc32f1/JD/"
    "w2NoFgiL4kQdKVzdHj3nPvlfK3MjV1ZNDjB8scW3CqNMHfCoFTxP+IV9WAAmezoEIUMDg0"
    "nLazUKMhZRbUGC8eQYMiXqQjqll4xrBJROPBBAGTIGCYC2iwBfCEAZtgCnTIO4UUAcsmFB"
    "xBQDEZG/yjOa8BrIPTn47FU3RT44/hVZvq0Cb4m41UZo4RmyCLd/v1L16MiY6+I+p/nL2o"
    "I4wMPQIU1kUHTrnKFjOnrEPYJ6eheNehqpmGPSVB49mCTUyybI0JE6VjRJAFGRLdM8sW0B"
    "HbMDyQfTTdNw2auK8YktHRCNqGGAAh7b5AUKaoarc3UB/bA1VVEoPjS4Tg9Yo0k4iB5a9K"
    "nW8/Fq/wz/pp47JxdXbRuOJNnNdcllz+cB8dAOMKOvB0B8oPp56PjtvCwTgA1fmdgPVmAq"
    "10XP32MWT5K8eR9XHMg9YvCLAN5vJ7gDuF31UDkTGb8I+nJyc5UH5p9W8+t/pHvNVP4pEm"
    "X3zuoux6VXW3TuAd4KvZloWItiiDcVjmAHE+K4DyWSbGZ3GEEbSIKsBIQnyLNDyFRjrKEb"
    "kYzLoreOx1sIeQ52B8277p3Lfujk7rtYYDM/1mYIbC8DcS83hm8p7VV2jYZXGOSUqkVyCt"
    "WUh8eRWyFKB5DcNTlLFvRCTjQHuix/4fewi1wr+g3iPGwlPCOdAPOvftx0Hr/kE8bko58A"
    "5+rUFb1NSd0kWs9OgitussOwG/dwafgfgI/ux12w68JmVjy3li0G7wpyLeCdrMVIk5V6Ee"
    "shf8Uh+1yKjbM33NUY9KylGvyqj7GIWG3Xl7Yd+OXkLGmCgYQu1lDi1dTdSYdTOrbbJqWp"
    "/GSyCBY2fMBLjiNT2+cY+mQ8f+TjARryaXiEyDNit5SAtoNmXmFFkAEcs0DKQDTDhrQD6D"
    "SFKNgjIbZhNPT53bEnTCtrF+LGTWWVSrWYXy75FNNIEicJ4kfjT+o7y/GnMtMneZhBeA89"
    "Xz6QWaQmyUsX2XApsxfHfL3SJmb/28UcDw5a0yTV+nLmosSPoW4FuIvtVz6Fs9Sd9mkNK5"
    "yffaCaSTMkAnBA8R8fPzQjP6PGdGnyfMX6HZiO2rl8KcOSp2cLvH6UUR30TclAm5Ji7iQG"
    "OqcrWNX1P2j2vTNBAkGaowLBfDecgFtzWtfezfV/dd93p3EWPyujOIYfx0f93m2McInu96"
    "k8TucE38LGJXwsQPqRrb0riyQDRlPXqin37rIwM64CbngR9H8LrZw1nww5/3fqkSokyFeV"
    "DMZyV2K820Scqi82HtETQw+Y8C4Do9toIOVyDsTZC9ALgEd3xkcDRSUqijW1HLY4502aQA"
    "cZwhi3L6I/QNGYORaTkMcGhTTBClTQB5nT7lxJDXQKBxUwsjK41Nrt+RpJiSYu6LkfhBKa"
    "ayrQkrCea7G4LbJ5gW5zbpQLc5f3TA7vB3gkRDCdB92SpjrbRu7zvdpqvPnslN6/Fzp91v"
    "+kotrhwl+ZTkU5LPj0k+txlfemSmhZRUjiAqVnAEv0kRjmBADYE5t80RcMiFsPL/BdArsh"
    "ZBgTBxLaRxhUkBZhQ4j0hlCm/sTvKFivOF6tuz+x0ykapdqvbKTHep2reg2u+QPkacLTFr"
    "kabgw9W5at5wGqpo2XKltu8RBLQJJGMEzJGTiz6EhmBqx6ArNDTwkqFqgDgf+SMR/wiOhL"
    "cvyFBHI5simpLhvoX+V9sDXxXPQ626Kp3//KuUjXCNxx8lD/7nev3s7LJ+cnZxdd64vDy/"
    "OlkmxCer8jLjrzu/iJ00snpXZ8u/8C+/ru/Al62yHaG0W/1uE4jU6Gdy3es+PTbB0CQ2fS"
    "b99m27fd/kk1tHaCo+f3rq3jadyU70Z9K6/fXpcSDcDv+1KXsm7T8eOv027+v7DFtItP/S"
    "7j+2hQBfOZSX3Pa6fB9tAt0k/IuLFnftltuCWwnUKbnpfRG+C2Fqv1bFdzG0tReUomuLTY"
    "NA+h0dpPAVYreHkvOh9aXVuWtd3/FRWfbxTB7a3dtO95cmmCGi86F4Jr3f23wumHOkV2OM"
    "4DQj5JezVQYyq7fLfbB93nHHDC0OV1+qcMTSEnjy8E+IymFYexi43UvdQHZRmhtIHFzg5r"
    "wQzT3PobnnSZrL9R4Sp7RK+RIiQgeH81bcCZwPmJaabXhl7OURqSqbXJXJB3QhS+MXq2BO"
    "5RjFQK5YgkwU44si0fSL7GD6RSKWLl012dAflqsmurLC9L6EQRqRk9bQ2taQZlqcQTJaeg"
    "RigmsNQdW2uJ2MgJ/cmjoC2TGumNgbgl0VG4W3hLYCVJ2oY0lIwzISzx9Jn3pi306i+4lD"
    "iMfkN7RI+Ho2kzdctW07K3GYF1twvnRTxzQWx8F1kIuqPtei/c7NQEnO4A0AvEwq2Mtpux"
    "LX8KItgOosdAbgrTO3+HGCPcU2pmMKwOtbBRuANxYrO0yEY1ZUBsK7iWVGd+a0e7niW3fO"
    "7VyJ8yZF8pfco/T/oH6okdbAC5oxgL7Z0ADMdE4qUHsqIpL8T2wBN24KRNwUI5qWxLSRPj"
    "ecySSjlO8VpYxEe0rQzbDY+7HNkwMYi5DqdSNi5ZAPCUnc18PdDz0WB92XkIivh7iBR0tf"
    "Y3HUw1IS+fWQl3dFZQ/IfnqRfYzid0WFR9216Up6eyJC75srvh/eniIn8z2jOGWjK3Euvx"
    "zTq9q6KnE0Pz5jk7D55+0LcuTgPrJ9nKQr2XFkiRbhxm/ju74/J43qhnw9OSw33KoAv6VQ"
    "3ALtnJVBOoAMQMCwYTiH8KHHVGsAEh1MzDmY2tpEsFLMwBxSL7sQ6Wkkd3MdyzM7Fdiaaz"
    "mMtirJNhU667+V26qz0iZzL/jNzJv8GHf7Nmr14nf7ytvA4/N4w7eBez5YkcFe1iGQEJUZ"
    "F2/IP3XVq7rWjpIivZutZVt+g03vK97U9Y5WrDfvw8LSM7NmopHM7zswz0yR/L5qeWaqaz"
    "KVymyCo1HpzKZARmY2VSZT7HAmaE6qWJarq3RCyPrOrmrAuhF31y4zxPYV15IpYstrON8M"
    "q9fPXu6qBVANdErpvKWdRhD2BPAU1vhGmPpOJwe00stdf1wyHuChlRINCHDMjgVYQZuVkY"
    "AHaDHnel3DEH54CPxAAhjjV0SA+D6uu975Ly8OKeV/QgbmfPmAOWYTgFkyELDBfmUcoAJW"
    "Vi0nDiD909KP9EE8qB6a5fPaYoLSlSddedKVV9SVt/NzilUba+nOqyae8uDnFr15uzk/V9"
    "Glv4UDdNL5tCnnkzxLuw1H6W6OInZ0NJ2ZTOT69J2sRiXFK5NsVMtz0OCguWoF7Vc6awYT"
    "BEbYogxAQufIEmcGIbCQcGPqYG5xJimOFC74h+ECzCe8lr6ILEzPzcKrxO8F0CYmTblnfQ"
    "v9pzhvvroXFIlaLuDeqiqPL1aDaeU4efwxK5ohtxQ4wPS4qyJZnlfZSZ5XCR+PWAklwPWa"
    "HyC0W7muzpwJQHC5uxcjQgeI9OYvUrMQ/5qUlf6vWXE5CXYhsKl43wTMvz72ulkw+xJx9x"
    "fWGPgfMDDdmhsyFOcY2thgmNBj8dhdhDoEQhHPlw/z0X3rj/gI3Nz1ruNcVXRwLT2TH9Qz"
    "WeK04jaJSQtZWJsoKWzEq8mlIDBos4p2ZI/zhiOzH8WSr582LhtXZxeNpQG/LMmz21fb6C"
    "LEV9LICYkcoNbdyr+qFIuqBMJe8wNEdyuH3fgTGUrLJsi2a0Ii72/Y7MaLvjETZqfK7Mf/"
    "AchujxU="
)
