"""A labelled row, its split by group hash and its label matrix: what every loader returns."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass

from moderation.text.normalize import normalize_text

TEST, VALID, TRAIN = "test", "valid", "train"


CATEGORY_NAMES = ("threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation")


@dataclass(frozen=True)
class Row:
    text: str
    spam: int | None
    abuse: int | None
    source: str
    lang: str
    group: str
    split: str
    synthetic: bool = False
    cats: dict | None = None  # category -> 0/1/None; None: derived from `abuse` (see head_labels)

    def head_labels(self) -> list:
        """[spam, *categories] with None where the row is not labelled for that head. A row labelled only
        `abuse` is clean for every category when 0, and `harassment` (the broadest) when 1."""
        if self.cats is not None:
            cats = [self.cats.get(c) for c in CATEGORY_NAMES]
        elif self.abuse == 0:
            cats = [0] * len(CATEGORY_NAMES)
        elif self.abuse == 1:
            cats = [1 if c == "harassment" else None for c in CATEGORY_NAMES]
        else:
            cats = [None] * len(CATEGORY_NAMES)
        return [self.spam, *cats]


def _clean() -> dict:
    return dict.fromkeys(CATEGORY_NAMES, 0)


def label_matrix(rows):
    """(n, 1 + categories) float matrix, NaN where a row is not labelled for a head."""
    import numpy as np

    return np.asarray([[np.nan if v is None else float(v) for v in r.head_labels()] for r in rows])


def _bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(key: str, test_pct: int = 15, valid_pct: int = 10) -> str:
    b = _bucket(key)
    return TEST if b < test_pct else VALID if b < test_pct + valid_pct else TRAIN


_SKELETON_DROP = re.compile(r"https?://\S+|www\.\S+|[\d\s\W_]+")


def skeleton(text: str) -> str:
    """Near-duplicate key: normalised text without digits, URLs, spaces and punctuation, first 48 chars."""
    return _SKELETON_DROP.sub("", normalize_text(text))[:48]


def _csv_rows(data: bytes | str):
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data)))
