from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "cashback_promotion" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "extra_percent" DECIMAL(5,2) NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_cashback_pr_starts__3f4108" ON "cashback_promotion" ("starts_at", "ends_at");
COMMENT ON TABLE "cashback_promotion" IS 'A raise of the cashback percent within a time window [starts_at, ends_at).';
        CREATE TABLE IF NOT EXISTS "credit_account" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "currency" VARCHAR(3) NOT NULL,
    "balance" DECIMAL(14,2) NOT NULL,
    "owed" DECIMAL(14,2) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "member_id" UUID NOT NULL UNIQUE REFERENCES "member" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "credit_account" IS 'A member''s wallet credit, kept equal to the sum of its entries.';
        CREATE TABLE IF NOT EXISTS "credit_entry" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "bucket" VARCHAR(16) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "balance_after" DECIMAL(14,2) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "reference" VARCHAR(200) NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" BIGINT NOT NULL REFERENCES "credit_account" ("id") ON DELETE RESTRICT,
    "purchase_id" UUID REFERENCES "purchase" ("id") ON DELETE RESTRICT,
    "store_id" UUID REFERENCES "store" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_credit_entr_account_737b01" ON "credit_entry" ("account_id", "id");
COMMENT ON COLUMN "credit_entry"."kind" IS 'CASHBACK: cashback\nREFUND: refund\nSPEND: spend\nRECOVER: recover';
COMMENT ON COLUMN "credit_entry"."bucket" IS 'AVAILABLE: available\nOWED: owed';
COMMENT ON TABLE "credit_entry" IS 'One change of one credit balance. Never updated, never deleted (the database refuses).';
        ALTER TABLE "program" ADD "cashback_percent" DECIMAL(5,2) NOT NULL DEFAULT 0;
        ALTER TABLE "purchase" ADD "cashback_amount" DECIMAL(14,2) NOT NULL DEFAULT 0;
        ALTER TABLE "purchase" ADD "cashback_reversed" DECIMAL(14,2) NOT NULL DEFAULT 0;
-- Hand-written: credit is never negative, whatever the code does; entries are append-only
-- (wallet_append_only() comes from the memberships migration).
ALTER TABLE "credit_account" ADD CONSTRAINT "credit_account_balances_not_negative"
    CHECK ("balance" >= 0 AND "owed" >= 0);
ALTER TABLE "program" ADD CONSTRAINT "program_cashback_percent_valid"
    CHECK ("cashback_percent" >= 0 AND "cashback_percent" <= 100);
CREATE TRIGGER "credit_entry_no_change" BEFORE UPDATE OR DELETE ON "credit_entry"
    FOR EACH ROW EXECUTE FUNCTION wallet_append_only();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "credit_entry_no_change" ON "credit_entry";
        ALTER TABLE "program" DROP CONSTRAINT IF EXISTS "program_cashback_percent_valid";
        ALTER TABLE "program" DROP COLUMN "cashback_percent";
        ALTER TABLE "purchase" DROP COLUMN "cashback_amount";
        ALTER TABLE "purchase" DROP COLUMN "cashback_reversed";
        DROP TABLE IF EXISTS "credit_entry";
        DROP TABLE IF EXISTS "credit_account";
        DROP TABLE IF EXISTS "cashback_promotion";"""


MODELS_STATE = (
    "eJztXetz27i1/1cw+rLZGTUTy4+k7p07I8vKrlpb8thyNm3cYWESsthQpJYg7ei2+79fAC"
    "TFF0gBNCVRNL7sxiQOJP0OHud9/tNZOAay8Psb13ly4aJzDv7TseECkX9kX3VBBy6X8Qv6"
    "wIOPFhu7TAx6xJ4LdY88nkELI/LIQFh3zaVnOjYdPJ0j4NgIWM4KWt4KhMTAm5sYGJBMCj"
    "ECrm9j8A4CbNpPFvnTeekC0wBHP7+nn2I4OvkY8qquCX3b/N1Hmuc8IW+OXDLtt3+Sx6Zt"
    "oB8IR38uv2szE1lGCijToBOw55q3WrJnI9v7zAbS7/qo6Y7lL+x48HLlzR17Pdq0Pfr0Cd"
    "nIhR6i03uuT6GzfcsKQY7QDL5pPCT4igkaA82gb1EGUOrgC8TPOpo2nky1u+FU0zo55kQU"
    "CXjDR7pjU8aSr4rZr3+iX+FPvaOTjyefjs9OPpEh7Guun3z8I/joGJiAkMEznnb+YO8Jd4"
    "IRDOMYVPb/HKyDOXT5uEbjM8iSr5xFNsKxDNroQYxtvJZ3Ae4C/tAsZD95c/Ln0YcPJVB+"
    "6d8Ofu3fviOjfqYf6ZDNF2zKcfiqF7yjeMf46r7rIltfyWCcpGkhzscCKB8XYnycRRhB19"
    "YoGHmIL5FuLqDFRzlFl4HZCAjfhxMcIOQlGF8OB6Pr/tW7o173hMGMf7dMDyXhP8mt46VD"
    "ZtaeoeXL4pyhVEhvQNozF+j/yDUrc2IkaXZ3YnTup4POTo6MsxOBM+PspPDQoK/SKP/uQ8"
    "ucrchX0BYIYt8twHto+wuG+Yh8PWjrKIc9f6YdcoFtMCzJiM7NhAgHd+cgoH6w726G48tz"
    "gJfINrKSn9DteSZyeZ4V351n+Y2AXG2JXNPhCH5ivMlMsUOm6JAgY0BXW5F7RpY3g/4VYU"
    "b/Vvv7sH97DlJzPdi3k6ur0fgX7ainXU/G018JE13HsugCJI8Wju3NcRUO9kQ2Wa94k/Vy"
    "m8xFnk8u2ReClPOiGXCFJSR4PvFmib4uFn5otESfkH9+LE13pS0dyywSMzdvlNwkO9wqNn"
    "pG0ltkPPwyJFuD0T7Y/c/T4a1GNsuYbIxzAGce2fdUwCOMiN6Oxv3BdPRlNP17NMC0if5s"
    "PpveqhnbJWRCvIMFd0qObnebhEg2h7FLdIjnj1D/Tm8DHQWASAixPPL9SLLbOpYExNjTbk"
    "9YitVdRH+4BnlIkzdUYi2AOkWZBTkkfR/94wAVBnKzQWNiW6tOYEoqQX46uh7eTfvXN/Tj"
    "FpgAz/DrT4f0TY89XWWevsvKWOtJwG+j6a+A/gn+MRkPGbwO9p5c9onxuOk/OvQ7Qd9zNJ"
    "vcvdBIWL2ipxFqKa77S6Mi19OUiutN4XqEUYLt7NtTK+3se8KkSB/QE/IFuoaWe+P0nKKx"
    "+VeL3iL7BNrwifGMgku/Zmg1v0aLR2ZFztnTwzfdMnP6Ih6z0ZreB7qPPWeBXIBsKm8jA5"
    "g28OYosoPnDeaCNDXbxO/vR5cSRnHfN433lKbKptpsG+/8z8y3dYoiYJ9E/3Pyv9syG5Ts"
    "qsCuGGyT5AZgP73cSI4W0LRk7DFrgnrE6P16INJS76mQ2HtaIvee5gRf5YSI8RVyQvRKnB"
    "C9vBNiCTF+cchZOydirAzQOcI2In56KrSiT0tW9GlO/KU3G9G6w+tF2POTJmvd6VG/kdDE"
    "GlPiOefHheNYCNoFV2GSLoPzIyHc1rKOsN/t3XcxmVylhMmL0TSD8f31xZBgn1HwOIq0Uu"
    "xaJuIXKXYSIn7iqvFdnVwWiGO/ughJP//tFlmQgZtfB1E0TDjNAa6CP6J1Hz2NV0PGt0F+"
    "of30WqSmZKYBm6itWD07vk7Uolfi9CWYpa0gBaosnpvLV+J0vZ6oTVBJ2SAyUQ9UUtAdn2"
    "czjoCd2GjqkP8IHGxsxn484QaEw8O58QDnDjfsQc8vWYvikAUrkp5zLcWLCEaG6dW5ygZs"
    "xvatMknr4J0HZ7MOxzgYvOiW2QbxeoiAaXBJTkzHBlSjsJ/AzHGZje/Rx6aNMD4HkLwzFq"
    "YNyBsIqDOJrGaevbD6RMqIqIyIh2IGeKNGxM62FqwyIe76htqBCdF1rMoxiRFtk7Hu9C+v"
    "R+Pz4D57sAf9u19HQxbtxi617OWozItvwrzoOd+RrT0TMSgUcAVjoHJ0KlBQWW6V5VbCco"
    "s9x0Uaua3NJ3uBwojy6nYkpmLd0TkPcD3UY0eqoq0GiBWprGs8N+itGl4PFAlsCW7cnzCI"
    "uQ88hyiYbJr1lYypXgocsk0A9KhiarrBCMwNfalnVo5e+y38kYEmGqxb8u9/vkbfvTCf3k"
    "ou6Z97vePjj70Px2efTk8+fjz99GF9s+RflV0xF6Nf6C2TOtk2Z5yqa+itXENJ4SO5Y0Ut"
    "TUmaOu1NzbhcKpmXste1LKAxjQKUAJoTlDILNg/uZ4Igucz+hlY5DbxEDjpcUHMiEHnswp"
    "f1rZrapOTXk9+MAt3ulhwZt6PBtJNftrXA2i7JMg9rvFULYN1PxHWJgCogm0pIpUsL6gi8"
    "EJkPAbbIqJz4F0ATvlbxA+oScJHuuAYGpocDyZHrWXnldMq/0oDzukyubL79/7CDiJUpVE"
    "VaNma5t0tRqmivo4KXsteVSVVbtdddIeMJuUPbc1c8eSj5ulQqsthADa1HbhSOJjYCQfAo"
    "cGasJNsjtKi8/B6MqUADwmzKbpAfDwLp0QDvaDBJXKgNzXyMMKfQ2xbm3yw+feuEAVCh1B"
    "tZ9JQJr3EmvO+mXbkkS0TbZLGrQytJnANaQOLBvpiM7+/OwaNj+/jBvh1eDofX52RxGwgt"
    "6N+f72ndHLrYbePB7l/+9f5uSr3a//ax92APv96MbodkLlqjAdHxX4a3d0NKQJ2V5MnlZE"
    "yunXNgODb54XTE1bAfjCBCFWZPBhNW7YJqJs9NcY0/+vp3xBFNxJZBTL3D+Bv4DM1gBsn1"
    "0P/SH131L64IV9ZzPNi0YhKrN0JrJrFKI5PfhmQtOC+oISWU4KIgorTkqIxpdudCb8mJmd"
    "gcwX2psUIzcvjnSBUbKrOBqAmYF0ZSbBWIKVoXF3gqZBU4LbEKnOatAuTeQ7RYqZTpJUXU"
    "Opy3Yn0h+oDjasWCV8FZnqJqsshVEestXJkMMp5+sQlmro4hBnLD8i+2XXxTWbaKoW+XZS"
    "u9s5LqvYRAmqJT0lBlaUh3XKJBeliaAxnCSixo2hG3Fw5E2fGScRsZslf4BhvGhYMPhWkN"
    "niWRMIV5qdJBG7LJz007tkWDN9I3VgOjYpq5bOsIiuGdtnWsXPF6JAeKbeaOEYA3kgpqgD"
    "fjK2snwhkpqlFRXVeOd8cq//McmdG7bqkX0/G0dfOAzS7M3+amPgeECAMIDPRoeqz1gNcF"
    "2AG+bTg0/508fEez3MnaYbUzqdNlwab4mfw7SBIAZD1hBGgYV86PuY0PebDZfC+mNw+TFZ"
    "wXO3DvrIBJlgDR35jXlHwQy+En5HPqQy1MZ8j5QZknWFP+z8b6P5VbZU/603pnSEGfpFLg"
    "VwafnvCy0Mc0Cngp4Ev0sXWg0E6FrqaxQlTqSm5+AaGWLNjaFN0r5xDXuCiw8dZulCR7E8"
    "RiBBWweOJsekCpTBvGdWh6PHajYBuwnsUOsWrv2DQQK+IU9DMCQT+jLlhA8nwdTEITE2wq"
    "ipJP5GTT1jWpUBReRB46WcIwJOZzUQKpEkgbemztK8BkQb4B/V5S2KfIFPyV4c+eVTKu5C"
    "xtC53JB+I8jjAp9R4nryFJTmdIa2B0My2QreCzihJQPupD2VzKp9pgn6ry/tXu/duTRp9a"
    "4TyNPrsFSjT6XEF3kVIEQXH9n3CUBoe74DtaEr2a9v6mNa2oKo79BfX7BD6hIKcPUOOTyS"
    "+PVcucNRclUAr7zhT2ZCaShJCTJGtNhctdCziBVU8O+QSRwr0a7lFanDjoEYVCvKLHzpyt"
    "NVoJn12CSiFfEXmIPS3qLl/BZMGjV3aLJtstVOvr4i14mDktHLYXtN2SNJWkiHZb6Osw7C"
    "Qi5W9CNYhztUkUvWlnCARP2g192K9ty5j1nbcRMRrf+UqYWhj+wSmllD0G86BFHcsE7WzX"
    "62kO8eTbaGRLnfsiJrYazGZ0ERaazMIVutFcFgZFCZjK1qEnASWYuc6CFZAKjp9uEH8NZq"
    "aLvT+ZdvgPx/f+Qo1cK7CAq7BUDsdmVuPkD/aD/dlxAYL6HITWwC4zudHd/xP419pD/y9A"
    "pAHgLyOTXBxdE9XEEjPEZctbpUIAaKx3F3zrBN8OryNvoiEq7qahZjwVd6Pibt4g/EEgYg"
    "VdN0XYQlX3cFXbvEUjfRlJcTlFqexWTeayirfZ91mqcpp2C74Ky9lnWI7KXpKBVyB7aU9B"
    "OVFIFM+4kAiXKrEtJEcJBOFgaKGwNwcyaKs4CDzTsliTdBiG03QBtA0wd17AwieKvTOj2S"
    "8vEIfleZHBi8Spb2IRK0DKCJQoZyan4qv2IXW3D2lKIcsGtWk/EipkeVRSyPKIU8iywGRy"
    "iXRzAS1Jm4kRUL0PqQ/3JuAhfDkcjK77V++OTrq9TLeQCPyTHL6679IVyblii5dxkqaFRU"
    "KPBVbxceEaPs4iHBrFA1OGnNSeI1Wie2W9ifaY0AJA5ZiQIVQhTq/GXwubGUjuhqIZFEeq"
    "GsUDWVSrdMdyqPdz2W6LKXXftK9a+2rZ11fWFuI5VWqrLXsOtVr2pQJmBFjxwhcDvGTtK8"
    "jTkKt66S2LLRWpl96s2NLmqslSlaL31oX+cFyYh1F5uz0LtMQfVRRXKe0tqR5Z2QxYa4mt"
    "VH3ot15ymx2WtcAaznOQp6oAqvGdIu3W22sOxIEA3pwUiEMELDAFvRKoWzZJi47GrTaTDt"
    "HieNNjHIt96W48ZnOBSuh6gLq2LYv6sSGIHPHgyXxGNqC/J3B303D3MNTem0MPvNDoelb4"
    "3PQ4NSrrm7fmshbKWV63s1w5cZVp+Y24GUM05YtXZAiVdb+idV/ZPt+g7XPvRQibxmtl/2"
    "wmnqrz4BbNn/sp4djQrb+FDm7KWleXtU41c9yGZXk/qQ0j2v/N8WhA7C3LCuhwrDL5Qd0y"
    "A40ZD9fcePxGY810joIyBgDa+AW5tAoBpF0/XBMZ4MUlmiStG7oifzyuwMucvMXfaRZDaG"
    "Yhr4LaBzptYJc32mxhfo7xhtY+INymbwlBkOqgapQ2Q9MqMfJEPBMNI18TtDCG/JNIKsSn"
    "4kyITzkbD90JEuCGw1sIbU8ozaRXkmbSy6eZOEsKSOigEMU4RdRCpM9OBIA+OynEmb7Khh"
    "yTn4k9jcidcxmks3QKbCGwMf2+OZj/ejcZF8EcUWTNX6bugf8Cy8RbM0Mm/ByPvml5po3f"
    "04/dh6uDIpSyfEUwv7vuf81yYHA1ucjqqnSCC2WZfKOWyZyJYj+KSRDENTWZUJ3TSBJvS1"
    "WRMFLKiwbK9D8IEgU9QIljVy5yTcegCdEmBnPyS2jmdGnLA8lpRNKqA2qN9h9XxdKaqU+E"
    "LMIedKVPzCxtC8/MAzkjI0zK3TfxbqzG6JBSsbnRbFY1z9smAXHYnosOpLe2pM8rQaJcXm"
    "ktollZPk2oo1yvDzGSc1/pjInk6oNcoht9MYn9WYMrRtUFb3Jd8CL9cbPmKKMyWugZsTjg"
    "4MfhubkELq22HXiSIKBt7szZiuAHgsBQYNqs8hZRCQMhkKdC1jWtijBuwKndLVEW2f9zOB"
    "cblKPxLTQkb6UMlwvt73l8iwtnh8PriWJtgjGkd3Ty8eTT8dnJ2gayflJm+sgHqHpzsqrn"
    "jiVbByFFpyLiUXIx5yPiacksbUG+orm0uBJdKdYc6v0gfrQ/uM+6x+L5B8j9zkn/KnY0rQ"
    "ma4Wein9caP5OJg06AvDaOjmMhaBeIHkm6DF8eCeG2GBId5ruF/mIyuUpBfzHKWKjH99cX"
    "Q3JRZnaBSjlov1lLJOVAGTPbxvUiY2ZD3LlU4SYKjc3kUa46Hr7tblLKNT0eKKCbr2tdL5"
    "xnBB6R94KQzVRkHCTovsxXPOVbmE66DrapvLaFisqevbZk62O5KLqYooXK+FaCFRvkLm2m"
    "AfsAb5q8gKHEyrYJGCJiJW1SqVVwmWbplN+0yX7TVkBKVnEV376jlqkq6LcXpyj3nK0B3H"
    "Y7+7M3iwC44R5X0G6Ko3AEgN2PteHSsWH4s3O2hvW7bpmlwUiO2lxmLCjwFdT+8hygE33R"
    "9FZd8AwtP+izta4DFjw7B9/R0mNtt1y0dFyPcIRTZqy+eVUQQAMuy26J7SHkrSYbDJClU3"
    "YIQTtEhW46+2ik0xKjm6qnt6voAdUULXeA1NwUTRm3inFvr3FLGWFqN8I8O74+l8Y0TaUy"
    "ApQNZi+B6cKJAeF6zTNBMjPgSzzPIS7sjRxI7+ut5wbcIjpHh1uFnL3pllchX4/ZHIVgAy"
    "K1LWgoP1XXdaICWs6Tj4I64BDoZEvT0P1AveBEI8jTi0QlpGLm6BxRo1DVnlvlAzREct+K"
    "6p/8ZjmYp+hHgfafIdsd2p09LN/p8Os0JZjnonvXwvnVZPxLNDwb8pspA2byoj7owh7a/i"
    "J3DaZrgpncuI9GLfLOze3k8n4wPQdL1zF83XuwP4++Di+1y9HdYHI/Ji9mJvk4zTCxTg0a"
    "D/bN8HYwHE8TI5bI1ZHtJcZ8vh0OtbtfRzc3o/EvZAoXIY1mgy0Jbx/s4Vcyx2g4HgzPAf"
    "pBg2SIJo8e7MH93XRyPbrrT0eT8TnQfew5CxMzs/aDfTkZhy+Spm7p7SlS96lXXPepl6v7"
    "lLyHciulzDaXIVQGusoGumjhVesxy6F+tcmumR6y2ix2a8jCrV8V8QT5G4T8VMZGenDOlq"
    "3JADuQtxamHbiKJRMxc3SVDvWGreS6UzLJra7LgLoer8DMgxnLTxWM+zliFaLc5BBl+AxN"
    "BrNGg4RkmZ2nVtw+DG4TScm0qrN7Ta743WR+R8bkZ2iZRN+GK446WXhH8ol3p1L+ecttzW"
    "q7L4ky8US2hMvZT8VCdIqodRL0qZAEfVoiQZ/mJWiVFq/S4ptyS7Q4xEOlxbeN6xxZQTYt"
    "PidTvLJX+Cvc+M2QD3fbLDyCi+OnTyBZ7KhPRF8IBPK7jjMLOnq7iLaxoi/OyV8BC7rk/0"
    "8+wphODnTyYZyY/UpTSFcRSFwzyl2/58h9wkQpI3I4vh7Rd79lG9Jhtj2RONtecaBtLyv3"
    "/u5Dom57nFjmQt0tSbI7jW1btc7qVtjCRt14yXUzCbT4XlMqB2tlByv2oOdzpAixQIiYeo"
    "e6s4mxjwzJc7kzuru7H16eg4D6wb6/o3/5mP570B8PhldX9IFOf6dl0afDrzejW/oM/Via"
    "bviJsjVEzwSOoaOswJmoIHqWK8jIvgyu5hNIUCqTYXPUAI72h6upfrhOvU/xd3s1aaJjpo"
    "pVJ0OrON1oTivrXcvsOCpBay8JWkGWgySkKSIFaQZSJi48riQxTVOpwkMcTLHnuKgKrElC"
    "haxKJ9xLSac4n+yVyMbJay1FNnW9CCAbHp01QHvnwdnsYE+CjcCm7xhRZNnpWQu44TwtBj"
    "d502y3YFYiuSCR3sN3WkZpyJtdl8naWe1g0x+S3si+b5jeLasN3uF4JJOvu2VeSUgHam48"
    "UiSJmEyHbONPDtHewvrkgZ8R03MJOC7AK0zzhGHgUPPm0ANBtXSDjvE43sraZhVxYAYz0N"
    "G0BnoXfCN4uGR8sMwYPOzP6C0Z7ySrptNnuVLq9GFyX0XPKjtIVbn1ev0exY7TgL/FSaEF"
    "obgpqiang1Z0o9bvv0huJDmYuQteDOSG3QBpjM9EElfPihNXz3KJq65jSUUBROPbh23967"
    "eKaq+0+mJ7SXwRS5wGOy97cMCHQUauEUU5Q9ZCqOsPEYplRnmg1e0muqD36ltpGNb1nMGP"
    "aMY1nBT3nYwpXtV48nDQ3EqHSTjzeBbsYtjXBAr16qi7iPxsLHtMp6nUOb35nFaRD8XQty"
    "vyQSKDZZvpGXc6tAcWNBcdjjk0ftktM4ZiMkzT1+M2mkKncwQ807ICW+TMdLEHoK6jpUd7"
    "IgA6HcusOGflEjH5TuxPYGLgohm1xNPOCdBeAYfaKtlcedPo1j5FxFSaiBsttl7aTuhRET"
    "1P1wQq9aBAryg2VjYoBrhpJ+uBnKRioYP0GKp2gaYoFZsbzWYVK1i7Qsv8hdJG2phGAdoc"
    "q3d7AFXBbHsIZsNRoNSOAq4OFdfk8ScE625DrQ4X1l2FWVVQlj9D0/Jd1ClQl6PX3Y0K8y"
    "wxcnP00FonZXor9DxamaALWOFY8nRJFFQd4rlJ/k+bB1KVlq4MYJkL0+PEDb1+PhE1OLlB"
    "VEBP4wN6CIewnF85plDOTgFnpzLvVhERD047VarUdiV/JZ/WJp/uR5AKNC7aA4MnRyXelo"
    "pRi/Q4ASEqoPgJA+w/rl/RzswQLC1ovwd9DyxoNybHRkwGCgioT8Ayn3nx17VMKShKhWVD"
    "gmafrF2A6Rgasnmh1aq+VGPqSx1euRj5o6tzMxxfsu42NBmB9bUhB0z/ij0ioEOLPesPpq"
    "Mvw3MQFDV9sG/6d1Pt8p48WULsaYZPnl31b1iZGQsuSwrNfO6P2COqRTWlzAzdz1qJZbpY"
    "jM5T1hIs0SQHnwjax8VoH+fQfiI4vECpNskJkiZvpuaoK3Okf3d82bCfDFnblnLv9FQAaD"
    "KquMcKfVcAtWQx7ixd+4Kseh9Ee9qUNrXJ1eQODwMtKbdJLvSSKbbEh7at+rQoS2QdV94y"
    "UjCHKvHUZBMJR4l5Hd8RN59Qcb1ZXGcCPFFKS/le2hKhaIoddkdYPznY9giRtqVhkxuCWL"
    "7z8tRq1zV514WeRk3evZOnVP1eRPq9KD9PMfrtCuNX7UfazHXO8Rp+exWKusXISRv9IOKd"
    "Bfn6eDGqWTqVs5oR++QhrQfN9ixTFY+6h3hUughrw5X6i2/CCVuKb2LTCqC7PjX3AXEzz9"
    "mNCGdvGunoikRi2jOiH57DXqYnWQz78BkdZCeXIuC32psshu3CsX38iwvZ55YEpCTGdcVC"
    "U7RHSqI9rWmE0mPp0voJA0YLgtY9LA43DCIxHeM8bEjGYkrexZ/XDd//3AWYBqH823nsZD"
    "hQ/yc82K5vA+/F1MnvIZOQ9Ur+wX4zBgjq85Bk/YE0kbUo9OVbEr1Q9Eja9v+ZiY1RwcSN"
    "DCZ+jU9nC76chh54B6gB5w0fwfEht9liGtWJTHLPKTvjG9tfRKRz+R0nynZYkkrtscp7LC"
    "eMyNn4klKMMqAIGFCieO7aNNHDhVfQkJJYYgLqPjsWagD4ChlPyB1Gs7UU4eQh2tAUikDl"
    "L1Vb11YBIY0VrUdv1FUnRFtkReTDkvJB6fl4LgBtA7zMV+/BmMzqgtDR1QU2+zOA08jnVd"
    "Q4r3hr7sQ+olXolV7ZSL1y5joLrSynoiCUIU3WvjjZ+vMZiEQqj3OKqIVR9vXDrLKutx+Q"
    "o1pVqFYVe8JYFYlthl56cFYfZXhQhoc9wVub4WHfujGLQihVjaM4BSHNOIqSEKk1sISmkd"
    "RYndkMuedg6TInKYEWuc+QsIBlRzN99pGslZnpYV6ZgVfOtlkJVkUC9lokgP1fQmaKxrdR"
    "KBVSAI5KFICjvALANgpHXEK6uYBWgYsyoskKSgHR+5D4AAEvwfdyOBhd96/eHfW6vUweUQ"
    "T9ST7fgeXi6VLJ+EmaFq7iY5Fk/OJc/CzC0QnPR3hzGZEkfZPR7lxPxtNfz8HCsb35g/33"
    "Yf/2HKwQdLN3oggPPgnw4FMhDz7l7GH0btUMuOIYxAqNv2mi3flhP2xrlQdG4N7RyceTT8"
    "dnJ2vb7/pJmck3714lrLW1BfmK5tIyeeHTpUc0h3o/h/XR/k7qs+6x8EEdBCNWidfJUrZm"
    "Je84nGDmIqRREX5Jv1ueBWW5zzlalfQskfRM69lS/ZImjuuhh1PiqOGR7+es2daGEDhrTi"
    "WEQvRDt3xMK1u5iOr0vAOnbLVz6dWKl1jxJtaCSmuSyKfodoh4pNkfLODKMl982x5mBrDK"
    "+36LXOf4Z9bJSA1o2vdLUHesMPAr9b5bZtuOKphJhnwtXUdHmLYPYIRBdNYSrhb0j3DOLn"
    "hcsb4B4d8/YeC82CGBWRDzVdfE3LSiRPlHNliLorxUMlEztKRi87gq9rn1Yp/rLSGBcZKm"
    "hSBvpeZhgBmDSRrpiKqFWG/F6+P4nu7IOdYSJK2rddUTraRaVkg1H76oI6IqVhF/M6QtlH"
    "8PV94N1JyGCLyD0PZ24zoLJ+RBTurNDyoVfWN7Xmq8SCsuaGKWkUCF0GgaEJoFwYvpzU2b"
    "iK10yZK/bMN5Ad9YKjPtIdwFyDboP37mduWqcWrBrhIBLROKA2rVMELFgrRaKkA/yOdV9A"
    "LkaN9ibIiMFyB1wsgIBylCJRo0TjRI55QaVVicIFMMbjSDlSdJeZKasq8O1KegPElvkesN"
    "9yQNXGSYXl9nfZ87PKU6NaBbqlCzoeS8j8fKtGR8gZaFPBDM0gXf0dID6HcfWrSZIlWHsb"
    "+gmrFJS8rZZLEgbqLEq+erOVVC+Yh25SNSQejbDkJ/hBbk9wspU5kTVG8uXu7oREJVdl4Q"
    "rwtSGbYRiQK2DFglVr0Vsaq5jRn2ekHXmDVdLKemS4wRcYojDEnUtA4kz7bVF+PUs97cQW"
    "Bio6lD/pNL8aq7f0ATFmkt3QPq1pCCZVioH61X6UbtaF19TyzQLq5+RutyB3OAUKAqr30G"
    "3lEdhwrLjxAj4KKZjxHmOB239zEiDshQW1Rl15quXRXXTtqcfHoIFZQ6g/7drxf9wd/O13"
    "73B/t2+Pl+fHnOlrVtPNh3tM39OcC0yT19O5h8Gd7S17rzjCqlqNZfgenR178jjqArxqqY"
    "eofRT/AZmsEMkjzrf+mPrvoXV8NzsJ7jwZ78NiRMilSj/XMELiKDmIRmFxO9RQ+zlHoXXl"
    "QanHnSCcQ5WoX2BrQPo1zhIXcPJbcNolZJqSCgFFHrcN5K5KoqCqmKQu4JY1UUshk3YMNt"
    "mvkIgbS+LK4Mp+lUOxBJvThRSMx39TnESLaPappMdabNRok6riykSRqFZ2mB00RMRhpd6e"
    "qmuXiQAzs0RI3M6fNSpEdtuMFrwPgmMdVBLt7NDWrTp6EAvGyz14DtXTRPO4FNnomNKsnb"
    "R66pzzscD0r4plvmPIHxmE1uk2JIaw7seit+h1dW+iv2KDwjF5tylqQESQsV762km9NNJY"
    "FwOLyF6G4llYx8osdNIvvr3WRcoG7HJFld29Q98F9gmfiAJSseuBSMlIIdYfruuv81C/fg"
    "anKRlXDpBBdy0Sj1X2Z//D8XlA+R"
)
