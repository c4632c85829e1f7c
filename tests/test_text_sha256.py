"""A comment text's fingerprint (api/comment_records.py text_sha256: idempotency, the check_token) is hashlib's
SHA-256 of its UTF-8, whichever implementation computes it: every text of the functional suites and probes, and
generated ones."""

import hashlib
import json
import random
import sys
from pathlib import Path

from moderation.api import comment_records as comments

FUNCTIONAL = Path(__file__).resolve().parent / "functional"


def _texts():
    for path in sorted(FUNCTIONAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                yield from (value for key, value in case.items() if isinstance(value, str) and key.endswith("text"))
    rng = random.Random(22)
    alphabets = ["abc ", "あいうえお漢字カタカナ、。", "😀🇯🇵\u200b\u202e", "".join(map(chr, range(1, 0x3000, 7)))]
    for size in (0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 10_000, 40_000):  # around SHA-256's 64-byte blocks
        for alphabet in alphabets:
            yield "".join(rng.choices(alphabet, k=size))


def test_the_fingerprint_is_sha256_of_the_utf8():
    texts = list(_texts())
    assert len(texts) > 2000
    for text in texts:
        assert comments.text_sha256(text) == hashlib.sha256(text.encode("utf-8")).hexdigest(), text[:80]


def test_cpython_computes_it_where_it_has_its_own():
    """The request path's choice (the OpenSSL one cost twice as much inside a request); hashlib's where it has none."""
    own = sys.modules.get("_sha256") or sys.modules.get("_sha2")
    assert comments._sha256 is (own.sha256 if own is not None else hashlib.sha256)
