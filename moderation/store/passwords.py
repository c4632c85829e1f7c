"""A moderator's password: the policy a new one meets, the hash it is stored as, and the stand-in checked for a name
that has no account (so a login's timing does not tell which names exist)."""

import functools
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD = 12
COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "common_passwords.txt"
# werkzeug's scrypt at its default cost (n=2**15, r=8, p=1: ~0.1 s of CPU a hash or a login); the hash records its
# cost, so a check reads it from there. The tests hash at a lower one (tests/conftest.py).
HASH_METHOD = "scrypt"


class AccountError(ValueError):
    """A name, role or password that cannot be used for an account."""


@functools.cache
def common_passwords():
    """The bundled list of well-known passwords (lower case), read once."""
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_password(name, password):
    """12+ characters, not a well-known password, not the account name (AccountError says which)."""
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    folded = password.strip().lower()
    if folded in common_passwords() or folded == (name or "").lower() or len(set(folded)) < 4:
        raise AccountError("password: too common or too easy to guess; choose a longer, rarer one")


def hashed(password):
    return generate_password_hash(password, method=HASH_METHOD)


@functools.cache
def dummy_hash():
    """Made once a process, when the first accounts store is built: not at import (~0.1 s of every process, the CLI
    included), nor at a first login, which it would slow (a timing tell)."""
    return hashed("not-a-password")


def matches(stored, password):
    """Whether the password is the stored hash's; with no stored hash (no such account), the same work, and False."""
    return check_password_hash(stored or dummy_hash(), password or "") and bool(stored)
