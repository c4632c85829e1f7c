"""A score scans for praise only where a hit of the text is a group (signals.named_signals; with spans the scan is
left for an explanation): praise counts only in group_praise, so skipping it elsewhere must leave every signal as the
scan gives it."""

from pathlib import Path

import numpy as np

from moderation.encoded import _codes
from moderation.features.signals import signals
from moderation.features.spans import expand_spans
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.targets.praise import PRAISE_EN
from moderation.text.normalize import normalize

NO_GROUP = ["The nurses were so kind to my mum.", "I really admire her courage.", "You are wonderful, thank you!",
            "They're honest people and we're proud of them.", "We're grateful to the volunteers who came."]
ROOT = Path(__file__).resolve().parent.parent
WITH_GROUP = ["Mexicans are generous hosts.", "They're wonderful, the Muslims who run the corner shop."]


def _both(text: str) -> tuple[np.ndarray, np.ndarray, list]:
    norm = normalize(text)
    spans: list = []
    return signals(norm, _codes(norm)), signals(norm, _codes(norm), spans), expand_spans(spans)


def test_praise_without_a_group_changes_no_signal():
    for text in NO_GROUP:
        plain, scanned, spans = _both(text)
        assert any(kind == "praise" for kind, _a, _b in spans), text  # praise is there to skip
        assert plain.tobytes() == scanned.tobytes(), text


def test_praise_with_a_group_is_scanned_without_spans():
    for text in WITH_GROUP:
        plain, scanned, _spans = _both(text)
        assert plain[FEATURE_NAMES.index("group_praise")] > 0, text
        assert plain.tobytes() == scanned.tobytes(), text


def test_praise_without_a_group_is_left_for_an_explanation():
    """A score with spans does not scan for praise either (only an explanation reads it): the span list holds the scan
    to do, which finds the matches the pattern itself finds, and expand_spans spells them out in its place."""
    for text in NO_GROUP:
        norm = normalize(text)
        spans: list = []
        signals(norm, _codes(norm), spans)
        (later,) = [item for item in spans if callable(item)]
        matches = [m.span() for m in PRAISE_EN.finditer(norm.text)]
        assert matches and later().spans == matches, text
        assert [(a, b) for kind, a, b in expand_spans(spans) if kind == "praise"][-len(matches):] == matches, text


def test_an_explanation_scans_for_praise_only_if_group_praise_fired():
    """explain() reads praise's spans only for group_praise, whose signal is 0 in a text with no group: the scan left
    for an explanation stays undone (explain._layout), and the explanation is the one of the scanned spans."""
    from moderation.explain import _layout
    from moderation.features.patterns import _IDX
    from moderation.scoring.scorer import load_scorer, read_active

    version, sha256 = read_active(ROOT / "model" / "artifacts")
    scorer = load_scorer(ROOT / "model" / "artifacts" / version, sha256)
    for text in NO_GROUP:
        enc = scorer.features.encode(text, spans=True, heads=scorer.heads)
        assert enc.signals[_IDX["group_praise"]] == 0 and any(map(callable, enc.spans)), text
        by_kind, *_shared = _layout(enc)
        scanned_now = [item for item in enc.spans if not callable(item)]
        words_only = [(a, b) for kind, a, b in expand_spans(scanned_now) if kind == "praise"]
        assert by_kind.get("praise", []) == words_only, text
        explained = scorer.score(text, explain_all=True).explanation
        assert explained and not any(item.get("feature") == "group_praise" for item in explained), text
