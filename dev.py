#!/usr/bin/env python3
"""The two commands of the quick start, needing nothing but Python 3.11.

    python3 dev.py serve   # API with demo data on SQLite at http://127.0.0.1:8000/graphql
    python3 dev.py test    # the test suite (SQLite; PostgreSQL too when WALLET_TEST_DATABASE_URL is set)

Each creates `.venv/` on first use and installs the project into it (editable, with
the `dev` extra), then runs the command inside it. Anything after the command is passed
on: `python3 dev.py serve --port 9000`, `python3 dev.py test -k ledger`.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"


def _requirements_fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    """Create the virtualenv and (re)install the project when pyproject.toml changed."""
    if not (BIN / "python").exists():
        print("dev.py: creating .venv (first run only)", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = _requirements_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("dev.py: installing wallet and its dependencies into .venv", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(fingerprint)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_environment()
    if command == "serve":
        return subprocess.call([str(BIN / "wallet"), "serve", "--demo", *rest], cwd=ROOT)
    code = subprocess.call([str(BIN / "python"), "-m", "pytest", *rest], cwd=ROOT)
    # pytest exits 5 when it collected no test: a suite that ran nothing has not passed.
    return 1 if code == 5 else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
