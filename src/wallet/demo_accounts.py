"""The demo's fixed log-ins, apart from the demo data (wallet.demo): `wallet serve --demo`
starts hashing their passwords before it imports the rest of Wallet."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from wallet.passwords import Passwords

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@demo.wallet", "demo-admin-password"
CASHIER_EMAIL, CASHIER_PASSWORD = "cashier@demo.wallet", "demo-cashier-password"
MEMBER_PASSWORD = "demo-member-password"
PASSWORDS = (ADMIN_PASSWORD, CASHIER_PASSWORD, MEMBER_PASSWORD)


def hash_in_background(passwords: Passwords) -> dict[str, Future[str]]:
    """Start hashing the demo's passwords, side by side in threads (argon2 lets go of the
    GIL): three hashes take about half a second, which a new demo database otherwise waits
    for after its migrations; started first, they run while Wallet is imported."""
    pool = ThreadPoolExecutor(max_workers=len(PASSWORDS), thread_name_prefix="demo-password")
    hashes = {password: pool.submit(passwords.hash, password) for password in PASSWORDS}
    pool.shutdown(wait=False)
    return hashes
