"""Sign-up, log-in, access tokens and who may do what."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid
import warnings

import jwt
import pytest

from tests.conftest import MemberLogin, new_key
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, PointsAccount, Purchase
from wallet.members.models import Member
from wallet.staff.models import Staff, Store

try:  # only to sign a real RS256 token; the manual RS256 forgery below needs nothing extra
    from cryptography.hazmat.primitives.asymmetric import rsa
except ImportError:  # pragma: no cover - depends on the environment
    rsa = None

PASSWORD = "correct horse battery"  # what api.sign_up() uses
STAFF_PASSWORD = "staff password 1"  # what api.staff() uses

ME = "{ me { id email name cardNumber points { available lifetime } } }"
CURRENT_STAFF = "{ currentStaff { id email role } }"

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename
  ... on SignUpSuccess { accessToken member { id email name } }
  ... on Error { code message }
  ... on InvalidInputError { field }
  ... on DuplicateError { field }
} }"""

LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  __typename
  ... on LogInSuccess { accessToken role member { id email } staff { id email role } }
  ... on Error { code message }
  ... on InvalidInputError { field }
} }"""

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename ... on RecordPurchaseSuccess { purchaseId } ... on Error { code } } }"""

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename ... on AdjustPointsSuccess { amount member { points { available } } }
  ... on Error { code } } }"""

CREATE_STORE = """mutation($input: CreateStoreInput!) { createStore(input: $input) {
  __typename ... on CreateStoreSuccess { store { id name } } ... on Error { code } } }"""


async def write_counts() -> dict[str, int]:
    return {
        "purchases": await Purchase.all().count(),
        "entries": await LedgerEntry.all().count(),
        "stores": await Store.all().count(),
        "idempotency": await IdempotencyRecord.all().count(),
    }


def top_level_code(body: dict) -> str:
    assert body.get("errors"), body
    return body["errors"][0]["extensions"]["code"]


# --- crafting tokens --------------------------------------------------------------------


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def b64url_json(value: dict) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def claims(settings, member_id: str, **overrides) -> dict:
    now = int(time.time())
    values = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": f"member:{member_id}",
        "role": "member",
        "iat": now,
        "exp": now + 600,
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def hs256_with_header(header: dict, payload: dict, secret: str) -> str:
    """A token whose header says what we like, HMAC-SHA256-signed with `secret`."""
    signing_input = f"{b64url_json(header)}.{b64url_json(payload)}"
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def token_alg_none(settings, member_id: str, other_id: str) -> str:
    return f"{b64url_json({'alg': 'none', 'typ': 'JWT'})}.{b64url_json(claims(settings, member_id))}."


def token_other_secret(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id), "another-secret-" + "y" * 40, algorithm="HS256")


def token_wrong_audience(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, aud="someone-else"), settings.secret, algorithm="HS256")


def token_wrong_issuer(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, iss="not-wallet"), settings.secret, algorithm="HS256")


def token_expired(settings, member_id: str, other_id: str) -> str:
    now = int(time.time())
    payload = claims(settings, member_id, iat=now - 7200, exp=now - 3600)
    return jwt.encode(payload, settings.secret, algorithm="HS256")


def token_without_exp(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, exp=None), settings.secret, algorithm="HS256")


def token_without_iat(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, iat=None), settings.secret, algorithm="HS256")


def token_tampered_payload(settings, member_id: str, other_id: str) -> str:
    """A genuine token of `member_id` whose payload now names `other_id`, signature kept."""
    genuine = jwt.encode(claims(settings, member_id), settings.secret, algorithm="HS256")
    header, payload, signature = genuine.split(".")
    edited = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    edited["sub"] = f"member:{other_id}"
    return f"{header}.{b64url_json(edited)}.{signature}"


def token_rs256_header_hmac_with_secret(settings, member_id: str, other_id: str) -> str:
    # The RS/HS confusion: the header names RS256 but the bytes are an HMAC with our secret.
    return hs256_with_header({"alg": "RS256", "typ": "JWT"}, claims(settings, member_id), settings.secret)


def token_es256_header_hmac_with_secret(settings, member_id: str, other_id: str) -> str:
    # The same confusion with an elliptic-curve algorithm named in the header.
    return hs256_with_header({"alg": "ES256", "typ": "JWT"}, claims(settings, member_id), settings.secret)


# A public key, as a server that also verified RS256 would hold it (anyone may have it).
PUBLIC_KEY_PEM = """-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnnod/v1iSCtTW5hTsS/q
0HG3VSBrz4d2JQZ+s61eKQYwS5hgfmUQv9xt2vspNWYL2KwkyUS7PQ8G72l9EoXp
KXmY44WQAwtGAMkMMeTLLOBSFUVDwAdQHfBFXmG2R/PViLbCYLGKSEkiZnk6U4em
NAfT4VGp7kE4s9eMkCCCCKX4biYPCSNcxlgWNAd5HPKmvs1hcY1vlCWTIwzh5sX9
jwC+f7/tT0MoYZ2ytBmPP6DdaHby9zNoAGUzknrvNziatm4nj2gU3P4pIiCZvRrh
8JI1bNZ4xnJ361kNRr1OpA1Xir5FcIn9tiq94t66gQzVswwo1bq/UPJreeYwy6Hk
gwIDAQAB
-----END PUBLIC KEY-----
"""


def token_hs256_keyed_with_a_public_key(settings, member_id: str, other_id: str) -> str:
    # The other half of the RS/HS confusion: an HS256 token whose HMAC key is a public key.
    # (pyjwt refuses to make one, so it is made by hand.)
    return hs256_with_header({"alg": "HS256", "typ": "JWT"}, claims(settings, member_id), PUBLIC_KEY_PEM)


def token_not_yet_valid(settings, member_id: str, other_id: str) -> str:
    now = int(time.time())
    return jwt.encode(claims(settings, member_id, nbf=now + 600), settings.secret, algorithm="HS256")


def token_issued_in_the_future(settings, member_id: str, other_id: str) -> str:
    now = int(time.time())
    payload = claims(settings, member_id, iat=now + 600, exp=now + 1200)
    return jwt.encode(payload, settings.secret, algorithm="HS256")


def token_without_iss(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, iss=None), settings.secret, algorithm="HS256")


def token_without_aud(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, aud=None), settings.secret, algorithm="HS256")


def token_without_sub(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, sub=None), settings.secret, algorithm="HS256")


def token_without_role(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, role=None), settings.secret, algorithm="HS256")


def token_rs256_signed_with_rsa_key(settings, member_id: str, other_id: str) -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return jwt.encode(claims(settings, member_id), key, algorithm="RS256")


def token_hs512_with_secret(settings, member_id: str, other_id: str) -> str:
    # Right secret, right claims, another HMAC: refused because HS256 is pinned.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyjwt warns that the key is short for SHA-512
        return jwt.encode(claims(settings, member_id), settings.secret, algorithm="HS512")


def token_member_claiming_admin(settings, member_id: str, other_id: str) -> str:
    return jwt.encode(claims(settings, member_id, role="admin"), settings.secret, algorithm="HS256")


REFUSED_TOKENS = [
    # the algorithm
    token_alg_none,
    token_other_secret,
    token_rs256_header_hmac_with_secret,
    token_es256_header_hmac_with_secret,
    token_hs256_keyed_with_a_public_key,
    token_hs512_with_secret,
    # the claims
    token_wrong_audience,
    token_wrong_issuer,
    token_expired,
    token_not_yet_valid,
    token_issued_in_the_future,
    token_tampered_payload,
    token_without_exp,
    token_without_iat,
    token_without_iss,
    token_without_aud,
    token_without_sub,
    token_without_role,
    token_member_claiming_admin,
]
if rsa is not None:
    REFUSED_TOKENS.append(token_rs256_signed_with_rsa_key)


# --- sign-up ----------------------------------------------------------------------------


async def test_sign_up_returns_a_token_that_works_for_me(api):
    # given a new member signing up with a mixed-case, padded email
    email = f"  New.Member-{uuid.uuid4().hex[:8]}@Example.COM "
    data = await api.ok(SIGN_UP, {"input": {"email": email, "password": PASSWORD, "name": " Ada "}})
    result = data["signUp"]
    assert result["__typename"] == "SignUpSuccess"
    # when they ask for `me` with the token they got back
    me = (await api.ok(ME, token=result["accessToken"]))["me"]
    # then it is them, with an empty balance and a normalised email
    assert me["id"] == result["member"]["id"]
    assert me["email"] == email.strip().lower()
    assert me["name"] == "Ada"
    assert me["points"] == {"available": 0, "lifetime": 0}
    member = await Member.get(id=me["id"])
    assert member.email == email.strip().lower()
    assert member.password_hash.startswith("$argon2id$") and PASSWORD not in member.password_hash
    assert await PointsAccount.filter(member_id=member.id).count() == 1


@pytest.mark.parametrize("variant", ["same", "upper", "padded", "mixed-and-padded"])
async def test_sign_up_with_an_existing_email_in_any_case_is_a_duplicate(api, variant):
    # given a member
    local = f"dup-{uuid.uuid4().hex[:8]}"
    first = await api.sign_up(email=f"{local}@example.com")
    email = {
        "same": f"{local}@example.com",
        "upper": f"{local.upper()}@EXAMPLE.COM",
        "padded": f"  {local}@example.com\t",
        "mixed-and-padded": f" {local.capitalize()}@Example.Com ",
    }[variant]
    # when someone signs up again with that email, written differently
    data = await api.ok(SIGN_UP, {"input": {"email": email, "password": PASSWORD, "name": "Twin"}})
    # then it is refused on the email field and no second member is written
    result = data["signUp"]
    assert (result["__typename"], result["code"], result["field"]) == ("DuplicateError", "DUPLICATE", "email")
    assert [str(m.id) for m in await Member.all()] == [first.id]
    assert await PointsAccount.all().count() == 1


@pytest.mark.parametrize(
    ("email", "password", "name", "field"),
    [
        ("not-an-email", PASSWORD, "Ada", "email"),
        ("ada@localhost", PASSWORD, "Ada", "email"),
        ("ada @example.com", PASSWORD, "Ada", "email"),
        ("", PASSWORD, "Ada", "email"),
        ("ada@example.com", "short12", "Ada", "password"),  # 7 characters
        ("ada@example.com", "", "Ada", "password"),
        ("ada@example.com", "p" * 257, "Ada", "password"),
        ("ada@example.com", PASSWORD, "", "name"),
        ("ada@example.com", PASSWORD, "   \t ", "name"),
    ],
)
async def test_sign_up_with_bad_input_names_the_field_and_writes_nothing(api, email, password, name, field):
    data = await api.ok(SIGN_UP, {"input": {"email": email, "password": password, "name": name}})
    result = data["signUp"]
    assert (result["__typename"], result["code"], result["field"]) == (
        "InvalidInputError",
        "INVALID_INPUT",
        field,
    )
    assert await Member.all().count() == 0
    assert await PointsAccount.all().count() == 0


# --- log-in -----------------------------------------------------------------------------


async def test_a_member_logs_in_with_any_case_email_and_the_token_works(api):
    member = await api.sign_up()
    data = await api.ok(LOG_IN, {"input": {"email": f" {member.email.upper()} ", "password": PASSWORD}})
    result = data["logIn"]
    assert result["__typename"] == "LogInSuccess"
    assert result["role"] == "member"
    assert result["member"] == {"id": member.id, "email": member.email}
    assert result["staff"] is None
    assert (await api.ok(ME, token=result["accessToken"]))["me"]["id"] == member.id


@pytest.mark.parametrize("role", ["cashier", "admin"])
async def test_staff_log_in_and_get_a_staff_token(api, role):
    staff = await api.staff(role)
    data = await api.ok(LOG_IN, {"input": {"email": staff.email, "password": STAFF_PASSWORD}})
    result = data["logIn"]
    assert result["__typename"] == "LogInSuccess"
    assert result["role"] == role
    assert result["member"] is None
    assert result["staff"] == {"id": staff.id, "email": staff.email, "role": role.upper()}
    current = (await api.ok(CURRENT_STAFF, token=result["accessToken"]))["currentStaff"]
    assert current == {"id": staff.id, "email": staff.email, "role": role.upper()}


async def test_wrong_password_and_unknown_email_get_the_same_answer(api):
    member = await api.sign_up()
    cashier = await api.staff("cashier")
    wrong_member_password = (
        await api.ok(LOG_IN, {"input": {"email": member.email, "password": "wrong password 1"}})
    )["logIn"]
    wrong_staff_password = (
        await api.ok(LOG_IN, {"input": {"email": cashier.email, "password": "wrong password 1"}})
    )["logIn"]
    unknown = (
        await api.ok(LOG_IN, {"input": {"email": "nobody@example.com", "password": "wrong password 1"}})
    )["logIn"]
    assert wrong_member_password == unknown == wrong_staff_password
    assert unknown == {
        "__typename": "InvalidCredentialsError",
        "code": "INVALID_CREDENTIALS",
        "message": "Email or password is wrong.",
    }


async def test_concurrent_sign_ups_with_one_email_enrol_one_member(api):
    email = f"race-{uuid.uuid4().hex[:8]}@example.com"
    variants = [email, email.upper(), f" {email} ", email.capitalize(), email]

    async def sign_up(variant: str) -> dict:
        data = await api.ok(SIGN_UP, {"input": {"email": variant, "password": PASSWORD, "name": "Racer"}})
        return data["signUp"]

    results = await asyncio.gather(*(sign_up(v) for v in variants))
    assert sorted(r["__typename"] for r in results) == ["DuplicateError"] * 4 + ["SignUpSuccess"]
    assert {(r["code"], r["field"]) for r in results if r["__typename"] == "DuplicateError"} == {
        ("DUPLICATE", "email")
    }
    assert await Member.filter(email=email).count() == 1
    assert await Member.all().count() == 1
    assert await PointsAccount.all().count() == 1


async def test_a_deactivated_member_cannot_log_in(api):
    member = await api.sign_up()
    await Member.filter(id=member.id).update(is_active=False)
    result = (await api.ok(LOG_IN, {"input": {"email": member.email, "password": PASSWORD}}))["logIn"]
    assert (result["__typename"], result["code"]) == ("InvalidCredentialsError", "INVALID_CREDENTIALS")


# --- tokens -----------------------------------------------------------------------------


async def test_me_without_a_token_is_unauthenticated(api):
    body = await api.raw(ME)
    assert body["data"] is None
    assert top_level_code(body) == "UNAUTHENTICATED"
    assert body["errors"][0]["path"] == ["me"]


async def test_a_token_crafted_like_ours_is_accepted(api, settings):
    # The control for the refusals below: the crafting helpers make valid tokens by default.
    member = await api.sign_up()
    token = jwt.encode(claims(settings, member.id), settings.secret, algorithm="HS256")
    assert (await api.ok(ME, token=token))["me"]["id"] == member.id


@pytest.mark.parametrize("craft", REFUSED_TOKENS, ids=lambda f: f.__name__.removeprefix("token_"))
async def test_tokens_we_did_not_issue_are_refused(api, settings, craft):
    # given two members; the forged tokens speak for A (or, edited, for B)
    member, other = await api.sign_up(), await api.sign_up()
    token = craft(settings, member.id, other.id)
    # when the token is used
    body = await api.raw(ME, token=token)
    # then it is refused at the top level, and nobody's data is returned
    assert body["data"] is None, body
    assert top_level_code(body) == "UNAUTHENTICATED"
    assert member.email not in json.dumps(body) and other.email not in json.dumps(body)


async def test_a_token_accepted_before_is_refused_once_it_expires(api, settings, monkeypatch):
    # The verdict on a good token is kept between requests: its expiry must still count.
    member = await api.sign_up()
    now = int(time.time())
    token = jwt.encode(claims(settings, member.id, iat=now - 60, exp=now + 60), settings.secret, algorithm="HS256")
    assert (await api.ok(ME, token=token))["me"]["id"] == member.id
    # when the clock passes its expiry and the allowed clock skew (30 s)
    monkeypatch.setattr(time, "time", lambda: now + 60 + 31)
    body = await api.raw(ME, token=token)
    # then it is refused like any expired token
    assert body["data"] is None
    assert top_level_code(body) == "UNAUTHENTICATED"
    assert "expired" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    "header",
    ["Basic abc", "Bearer", "Bearer    ", "Token {token}", "{token}", "Basic {token}"],
)
async def test_a_malformed_authorization_header_is_refused(api, header):
    member = await api.sign_up()
    response = await api.http.post(
        "/graphql", json={"query": ME}, headers={"authorization": header.format(token=member.token)}
    )
    body = response.json()
    assert body["data"] is None, body
    assert top_level_code(body) == "UNAUTHENTICATED"


async def test_the_bearer_scheme_is_case_insensitive(api):
    member = await api.sign_up()
    response = await api.http.post(
        "/graphql", json={"query": ME}, headers={"authorization": f"bearer {member.token}"}
    )
    assert response.json()["data"]["me"]["id"] == member.id


# --- permissions ------------------------------------------------------------------------


def purchase_input(member_id: str, store_id: str, amount: str = "10.00") -> dict:
    return {
        "input": {
            "memberId": member_id,
            "amount": amount,
            "currency": "USD",
            "reference": f"R-{new_key()[:8]}",
            "storeId": store_id,
            "idempotencyKey": new_key(),
        }
    }


async def staff_operation(api, operation: str) -> tuple[MemberLogin, tuple[str, dict]]:
    """The query and variables of a staff operation, aimed at a real member and store."""
    member = await api.sign_up()
    store = await api.store()
    operations = {
        "recordPurchase": (RECORD, purchase_input(member.id, store)),
        "adjustPoints": (
            ADJUST,
            {"input": {"memberId": member.id, "amount": 500, "reason": "gift", "idempotencyKey": new_key()}},
        ),
        "member": ("query($id: ID!) { member(id: $id) { id email } }", {"id": member.id}),
        "memberByCard": (
            "query($card: String!) { memberByCard(cardNumber: $card) { id email } }",
            {"card": member.card_number},
        ),
        "stores": ("{ stores { id name } }", {}),
        "createStore": (CREATE_STORE, {"input": {"name": "Pirate Outlet"}}),
        "currentStaff": (CURRENT_STAFF, {}),
    }
    return member, operations[operation]


@pytest.mark.parametrize(
    "operation",
    ["recordPurchase", "adjustPoints", "member", "memberByCard", "stores", "createStore", "currentStaff"],
)
async def test_a_member_token_cannot_use_staff_operations(api, operation):
    # given a member (the one every operation targets) and one store
    member, (query, variables) = await staff_operation(api, operation)
    before = await write_counts()
    # when the member calls a staff operation with their own token
    body = await api.raw(query, variables, token=member.token)
    # then it is forbidden, returns no data and writes nothing
    assert top_level_code(body) == "FORBIDDEN"
    assert body["errors"][0]["path"] == [operation]
    assert body["data"] in (None, {operation: None}), body
    assert member.email not in json.dumps(body)
    assert await write_counts() == before
    account = await PointsAccount.get(member_id=member.id)
    assert (account.available, account.lifetime) == (0, 0)


@pytest.mark.parametrize("operation", ["adjustPoints", "createStore"])
async def test_a_cashier_cannot_adjust_points_or_create_stores(api, operation):
    cashier = await api.staff("cashier")
    member, (query, variables) = await staff_operation(api, operation)
    before = await write_counts()
    body = await api.raw(query, variables, token=cashier.token)
    assert body["data"] is None, body
    assert top_level_code(body) == "FORBIDDEN"
    assert await write_counts() == before
    assert (await PointsAccount.get(member_id=member.id)).available == 0


async def test_an_admin_may_adjust_points_and_create_stores(api):
    # The control for the refusals above: the same operations succeed for an admin.
    admin = await api.staff("admin")
    member, (query, variables) = await staff_operation(api, "adjustPoints")
    adjusted = (await api.ok(query, variables, admin.token))["adjustPoints"]
    assert adjusted == {"__typename": "AdjustPointsSuccess", "amount": 500, "member": {"points": {"available": 500}}}
    created = (await api.ok(CREATE_STORE, {"input": {"name": "Harbour"}}, admin.token))["createStore"]
    assert created["__typename"] == "CreateStoreSuccess"
    assert created["store"]["name"] == "Harbour"


@pytest.mark.parametrize("role", ["cashier", "admin"])
async def test_a_staff_token_has_no_me(api, role):
    staff = await api.staff(role)
    body = await api.raw(ME, token=staff.token)
    assert body["data"] is None
    assert top_level_code(body) == "FORBIDDEN"


# --- deactivation and stale roles -------------------------------------------------------


async def test_a_deactivated_staff_accounts_token_stops_working_at_once(api):
    # given a cashier whose token works
    cashier, member, store = await api.staff("cashier"), await api.sign_up(), await api.store()
    assert (await api.ok(CURRENT_STAFF, token=cashier.token))["currentStaff"]["id"] == cashier.id
    # when the account is deactivated
    await Staff.filter(id=cashier.id).update(is_active=False)
    # then the same, unexpired token is refused for reads and writes, and writes nothing
    assert top_level_code(await api.raw(CURRENT_STAFF, token=cashier.token)) == "UNAUTHENTICATED"
    body = await api.raw(RECORD, purchase_input(member.id, store), token=cashier.token)
    assert body["data"] is None
    assert top_level_code(body) == "UNAUTHENTICATED"
    assert await Purchase.all().count() == 0
    assert await LedgerEntry.all().count() == 0


async def test_a_deactivated_members_token_stops_working_at_once(api):
    member = await api.sign_up()
    assert (await api.ok(ME, token=member.token))["me"]["id"] == member.id
    await Member.filter(id=member.id).update(is_active=False)
    body = await api.raw(ME, token=member.token)
    assert body["data"] is None
    assert top_level_code(body) == "UNAUTHENTICATED"


async def test_a_token_for_a_role_the_account_no_longer_has_is_refused(api):
    admin = await api.staff("admin")
    await Staff.filter(id=admin.id).update(role="cashier")
    body = await api.raw(CREATE_STORE, {"input": {"name": "Demoted"}}, token=admin.token)
    assert top_level_code(body) == "UNAUTHENTICATED"
    assert await Store.all().count() == 0


# --- members see only themselves --------------------------------------------------------


async def test_each_members_token_shows_only_their_own_data(api):
    # given two members, B with points from a purchase
    a, b = await api.sign_up(name="Alice"), await api.sign_up(name="Bob")
    cashier, store = await api.staff("cashier"), await api.store()
    earned = await api.ok(RECORD, purchase_input(b.id, store, "42.00"), cashier.token)
    assert earned["recordPurchase"]["__typename"] == "RecordPurchaseSuccess"
    # when each asks for `me`
    me_a = (await api.ok(ME, token=a.token))["me"]
    me_b = (await api.ok(ME, token=b.token))["me"]
    # then each gets exactly their own record
    assert me_a == {
        "id": a.id,
        "email": a.email,
        "name": "Alice",
        "cardNumber": a.card_number,
        "points": {"available": 0, "lifetime": 0},
    }
    assert me_b == {
        "id": b.id,
        "email": b.email,
        "name": "Bob",
        "cardNumber": b.card_number,
        "points": {"available": 42, "lifetime": 42},
    }
