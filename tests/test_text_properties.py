"""Property-based hostile text: normalisation and scoring take any Unicode without an error or a hang."""

import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.scoring.scorer import load_scorer
from moderation.text.normalize import normalize, normalize_text

ANY_CHAR = st.characters(codec=None, exclude_categories=())  # every code point, surrogates and controls too
TRICKY = st.sampled_from(list("死ねしね氏4.・ 　ｗwー!！○●■\u200b\u2061\ufe0f\u202e工口LINEｌｉｎｅ0Ｏ"))
texts = st.text(ANY_CHAR, max_size=300) | st.text(TRICKY, max_size=300) | st.lists(
    st.sampled_from(["死.ね", "L I N E", "ｗｗｗｗ", "http://x.top/", "\u200b", "副業", "🙂", "a"]), max_size=60
).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=texts)
@pytest.mark.slow
def test_normalize_takes_anything_and_maps_spans_into_the_original(text):
    norm = normalize(text)
    assert isinstance(norm.text, str)
    for start in range(0, len(norm.text) + 1, max(1, len(norm.text) // 7)):
        a, b = norm.span(start, min(len(norm.text), start + 3))
        assert 0 <= a <= b <= len(text)
    assert normalize_text(text) == norm.text
    assert norm.chars == set(norm.text)  # what the signals and the quoted spans read instead of set(text)


@pytest.fixture(scope="module")
def scorer(tiny_model):
    root, version, sha256 = tiny_model
    return load_scorer(Path(root) / version, sha256)


@SETTINGS
@given(text=texts)
@pytest.mark.slow
def test_scoring_takes_anything(scorer, text):
    score = scorer.score(text)
    assert all(0.0 <= p <= 1.0 for p in score.scores.values())
    for item in score.explanation:
        if "start" in item:
            assert 0 <= item["start"] <= item["end"] <= len(text)


ADVERSARIAL = ["死.ね" * 2500, "a " * 5000, "ｗ" * 10_000, "\u200b" * 10_000, "L-I-N-E " * 1250,
               "http://" + "a." * 4990, "○" * 10_000, "工口" * 5000, ("!" + "\u202e") * 5000]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[repr(t[:6]) for t in ADVERSARIAL])
def test_ten_thousand_adversarial_characters_finish(scorer, text):
    """A guard against catastrophic regex backtracking: fails after 20 s instead of hanging the suite."""

    def hang(signum, frame):
        raise AssertionError("scoring did not finish in 20 s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        assert len(normalize_text(text)) <= len(text)
        assert set(scorer.score(text).scores) == {"spam", "abuse"}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
