"""Scoring reads no guard by its pattern. A dict lookup by a compiled pattern hashes the pattern's whole compiled code
(CPython's pattern_hash keeps no hash: TARGET_CTX ~9 us, LINE_ID ~11, the largest ~200 us a lookup), so each guard
and context is read once at import and a comment's signals and normalisation never hash a pattern."""

import json
from pathlib import Path

import pytest

from moderation.encoded import _codes
from moderation.features import patterns, words
from moderation.features.signals import signals
from moderation.targets import pii
from moderation.text import normalize as normalizing

FUNCTIONAL = Path(__file__).parent / "functional"
# what reaches every guard these modules read: named persons, a LINE id, a phone number, an e-mail, money, exposure
# and approach, a singled-out pupil's school year, an organisation, obfuscated and masked words
TEXTS = [
    "山田太郎さんのLINE IDはyamada123、電話は090-1234-5678、メールはtaro@example.jpです。1万円振り込んで",
    "こいつの住所を晒す、特定した。明日家に行ってみよう。〇〇高校の2年3組の佐藤だ",
    "株式会社テストの広報部によると、担当者の自宅は東京都港区1-2-3だそうです",
    "し.ね バ〇カ ぶ っ 殺 す ら い ん で連絡して ｼﾈ", "contact me on line: abc_123 or call 5551234567, $500 a day",
]


class _Refused(dict):
    """A guard index that fails the test if a comment looks anything up in it."""

    def __getitem__(self, key):
        raise AssertionError(f"looked up by its pattern while scoring: {getattr(key, 'pattern', key)!r:.80}")

    get = __getitem__


def _texts():
    texts = list(TEXTS)
    for path in sorted(FUNCTIONAL.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.fixture
def refused(monkeypatch):
    for module in (words, pii):
        monkeypatch.setattr(module, "_GUARDS", _Refused(module._GUARDS))
    monkeypatch.setattr(pii, "_CONTEXT", _Refused(pii._CONTEXT))
    monkeypatch.setattr(patterns._NEEDLES, "guards", _Refused(patterns._NEEDLES.guards))
    monkeypatch.setattr(normalizing._OBFUSCATION_INDEX, "guards", _Refused(normalizing._OBFUSCATION_INDEX.guards))


@pytest.mark.slow
def test_a_comments_signals_look_no_guard_up_by_its_pattern(refused):
    texts = _texts()
    assert len(texts) > 1000
    for text in texts:
        norm = normalizing.normalize(text)
        signals(norm, _codes(norm))
        signals(norm, _codes(norm), [], [])  # with spans, as an explanation reads them
