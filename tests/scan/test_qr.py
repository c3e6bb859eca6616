"""The QR images a member's phone shows: their scan code and their own vouchers, decoded
here with a real QR reader (zxing-cpp) as a till's scanner would."""
from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
import zxingcpp
from PIL import Image

from tests.rewards.conftest import give_points, make_reward, redeem
from tests.scan.conftest import scan
from wallet.scan.models import ScanClaim

SQUARE = re.compile(r"M(\d+),(\d+)H(\d+)V(\d+)H\1z")
VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
SCALE = 10


def svg_to_image(svg: str) -> Image.Image:
    """Paint the unit squares of qrcode's SvgPathImage onto a white image, ×10."""
    assert svg.count("<path") == 1, svg[:300]
    width, height = map(int, VIEWBOX.search(svg).groups())
    path = re.search(r'<path d="([^"]+)"', svg).group(1)
    squares = SQUARE.findall(path)
    # every drawn command is a unit square inside the view box: the regex read all of the path
    assert len(squares) == path.count("M") > 0
    image = Image.new("L", (width * SCALE, height * SCALE), 255)
    for x, y, right, bottom in squares:
        x, y = int(x), int(y)
        assert (int(right), int(bottom)) == (x + 1, y + 1)
        assert 0 <= x < width and 0 <= y < height
        image.paste(0, (x * SCALE, y * SCALE, (x + 1) * SCALE, (y + 1) * SCALE))
    return image


def decode_image(image: Image.Image) -> str:
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, found
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
    return found[0].text


def decode(response) -> str:
    if response.headers["content-type"] == "image/svg+xml":
        return decode_image(svg_to_image(response.text))
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    return decode_image(Image.open(io.BytesIO(response.content)))


async def get(api, path: str, token: str | None = None):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return await api.http.get(path, headers=headers)


@pytest.mark.parametrize(("fmt", "content_type"), [("svg", "image/svg+xml"), ("png", "image/png")])
async def test_the_scan_code_image_holds_a_code_the_till_accepts(api, till, frozen_clock, fmt, content_type):
    member, cashier, store = till.member, till.cashier, till.store
    # when the member's phone fetches their QR code
    response = await get(api, f"/qr/scan.{fmt}", member.token)
    # then it is an image that no cache may keep, with the code's expiry
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert "no-store" in response.headers["cache-control"]
    assert datetime.fromisoformat(response.headers["x-expires-at"]).isoformat() == "2026-03-15T12:01:00+00:00"
    # and a QR reader finds a scan code in it, not the member's id
    text = decode(response)
    assert text.startswith("W1.") and len(text) == 74
    assert member.id not in text and member.id.replace("-", "") not in text
    # which the till accepts for this member
    result = await scan(api, cashier, text, store)
    assert (result["__typename"], result["member"]["id"]) == ("ScanMemberSuccess", member.id)
    assert await ScanClaim.all().count() == 1


async def test_each_scan_image_holds_a_new_code(api, till):
    first = decode(await get(api, "/qr/scan.png", till.member.token))
    second = decode(await get(api, "/qr/scan.png", till.member.token))
    assert first != second


@pytest.mark.parametrize("path", ["/qr/scan.svg", "/qr/scan.png", "/qr/voucher/AAAA-BBBB-CCCC-DDDD.svg"])
async def test_qr_images_need_a_member_token(api, till, path):
    anonymous = await get(api, path)
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "UNAUTHENTICATED"
    assert "no-store" in anonymous.headers["cache-control"]
    bad = await get(api, path, "not-a-token")
    assert (bad.status_code, bad.json()["error"]["code"]) == (401, "UNAUTHENTICATED")
    # staff have no scan code nor vouchers
    staff = await get(api, path, till.cashier.token)
    assert (staff.status_code, staff.json()["error"]["code"]) == (403, "FORBIDDEN")


async def test_an_unknown_image_format_is_not_found(api, till):
    for path in ("/qr/scan.gif", "/qr/scan.SVG", "/qr/scan.jpeg"):
        response = await get(api, path, till.member.token)
        assert (response.status_code, response.json()["error"]["code"]) == (404, "NOT_FOUND"), path


@pytest.fixture
async def voucher(api, till):
    """Ada redeemed a 100-point mug; its voucher."""
    await give_points(api, till.member, 500)
    reward = await make_reward(name="Mug", cost_points=100)
    result = await redeem(api, till.member, reward.id)
    assert result["__typename"] == "RedeemRewardSuccess"
    return result["voucher"]


@pytest.mark.parametrize(("fmt", "content_type"), [("svg", "image/svg+xml"), ("png", "image/png")])
async def test_a_voucher_image_holds_the_voucher_code(api, till, voucher, fmt, content_type):
    response = await get(api, f"/qr/voucher/{voucher['code']}.{fmt}", till.member.token)
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert "no-store" in response.headers["cache-control"]
    assert decode(response) == voucher["code"]


async def test_a_voucher_code_typed_loosely_still_finds_the_voucher(api, till, voucher):
    loose = voucher["code"].lower().replace("-", "")
    response = await get(api, f"/qr/voucher/{loose}.png", till.member.token)
    assert response.status_code == 200
    assert decode(response) == voucher["code"]


async def test_another_members_voucher_is_not_found(api, till, voucher):
    # given another member
    other = await api.sign_up("Grace Hopper")
    # when they ask for Ada's voucher, in either format
    for fmt in ("svg", "png"):
        response = await get(api, f"/qr/voucher/{voucher['code']}.{fmt}", other.token)
        # then it is not found, exactly like a voucher that does not exist
        assert response.status_code == 404
        assert response.json() == {"error": {"code": "NOT_FOUND", "message": "No voucher with this code."}}
        assert voucher["code"] not in response.text
    unknown = await get(api, "/qr/voucher/ZZZZ-ZZZZ-ZZZZ-ZZZZ.svg", till.member.token)
    assert (unknown.status_code, unknown.json()) == (404, response.json())


async def test_a_voucher_in_an_unknown_format_is_not_found(api, till, voucher):
    response = await get(api, f"/qr/voucher/{voucher['code']}.gif", till.member.token)
    assert (response.status_code, response.json()["error"]["code"]) == (404, "NOT_FOUND")
