"""Password hashing with Argon2id, a memory-hard KDF."""
from __future__ import annotations

from functools import cached_property, lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 8
# Long enough for any passphrase, short enough that hashing cannot be used to burn CPU.
MAX_PASSWORD_LENGTH = 256


@lru_cache(maxsize=4)
def _hasher(memory_kib: int, time_cost: int) -> PasswordHasher:
    return PasswordHasher(memory_cost=memory_kib, time_cost=time_cost, parallelism=1)


class Passwords:
    def __init__(self, memory_kib: int, time_cost: int) -> None:
        self._hasher = _hasher(memory_kib, time_cost)

    @cached_property
    def _decoy(self) -> str:
        # Verified when an account does not exist, so a miss costs as long as a hit. Made on
        # first use, not at start-up (a hash is ~0.2 s; the server should answer sooner).
        return self._hasher.hash("decoy password, never matches")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash or self._decoy, password) and bool(
                password_hash
            )
        except (VerificationError, InvalidHashError):
            return False
