"""What the explanations of one comment share (explain._layout) is worked out without detours (issue 13: an
explanation per held comment cost ~90 us): its spans by kind straight from the span list, not from expand_spans'
list of tuples, and each kind's shown spans once for every feature and head that reads it."""

import json
from pathlib import Path

import pytest

from moderation.explain import _layout, spans_by_kind
from moderation.features.spans import expand_spans
from moderation.scoring.scorer import HEADS, load_scorer, read_active

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped():
    version, sha256 = read_active(ROOT / "model" / "artifacts")
    return load_scorer(ROOT / "model" / "artifacts" / version, sha256)


def _texts(version: str) -> list[str]:
    answers = json.loads((ROOT / "model" / "artifacts" / version / "answers.json").read_text(encoding="utf-8"))
    return [row["text"] for row in answers["answers"]]


def test_spans_by_kind_are_expand_spans_grouped_in_their_order(shipped):
    texts = _texts(shipped.version)[::2]
    assert len(texts) > 1000
    kinds = set()
    for text in texts:
        enc = shipped.features.encode(text, spans=True, heads=shipped.heads)
        want: dict[str, list[tuple[int, int]]] = {}
        for kind, a, b in expand_spans(enc.spans):
            want.setdefault(kind, []).append((a, b))
        got = spans_by_kind(enc.spans)
        assert got == want and list(got) == list(want), text
        kinds |= set(got)
    assert {"url", "threat"} <= kinds or len(kinds) > 10, kinds  # word hits, constructions and single spans alike


@pytest.mark.slow
def test_every_head_explained_reads_each_kinds_shown_spans_once(shipped):
    """explain_all explains every head with one layout (a kind's shown spans worked out by the first feature of any
    head that reads them): each head's items are those its own explanation gives from a layout of its own."""
    from moderation.explain import explain

    for text in _texts(shipped.version)[::20]:
        every = shipped.score(text, explain_all=True).explanation
        for k, head in enumerate(HEADS):
            enc = shipped.features.encode(text, spans=True, heads=shipped.heads)
            own = explain(shipped.features, shipped.heads, enc, k, head, text)
            assert [item for item in every if item["label"] == head] == own, (text, head)
            assert _layout(enc)[1].keys() == {k}


def test_signals_rank_as_argsorting_every_signal_did(shipped):
    """explain sorts only the signals above MIN_WEIGHT (session 54): each head's come in the order, and with the
    very contributions, of argsorting all 94 products, as it did (its first MAX_ITEMS + len(CONTEXT) read)."""
    from moderation.explain import CONTEXT, MAX_ITEMS, MIN_WEIGHT, _signals

    offset, ranked = shipped.features.signal_offset_, 0
    for text in _texts(shipped.version)[::50]:
        enc = shipped.features.encode(text, spans=True, heads=shipped.heads)
        for k in range(len(HEADS)):
            every = shipped.heads.coef_[offset:, k] * enc.signals
            want = [(every[j], j) for j in (-every).argsort()[:MAX_ITEMS + len(CONTEXT)] if every[j] > MIN_WEIGHT]
            assert _signals(shipped.features, shipped.heads, enc, k)[:MAX_ITEMS + len(CONTEXT)] == want, (text, k)
            ranked += len(want) > 1
    assert ranked > 50
