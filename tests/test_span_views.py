"""model.span_views scores a fitted model with its span n-grams salted (as served), plain or masked: no refit."""

import copy

import numpy as np
import pytest

from model.span_views import flagged, report, view_probs
from moderation.scoring.scorer import load_scorer

QUOTED = 'He wrote "you are scum" under my post and I reported it.'
DENIED = "Immigrants are not vermin, they work harder than anyone."
PLAIN = "The council meeting is on Thursday at the library."


@pytest.fixture(scope="module")
def scorer(tiny_model):
    root, version, sha = tiny_model
    return load_scorer(root / version, sha)


@pytest.mark.parametrize("text", [QUOTED, DENIED, PLAIN, "お前はバカか", ""])
def test_the_salted_view_is_what_the_scorer_serves(scorer, text):
    served = scorer.features.encode(text, heads=scorer.heads).probs
    assert np.array_equal(view_probs(scorer, text, "salted"), served)


@pytest.mark.parametrize("text", [QUOTED, DENIED])
def test_the_plain_view_is_the_featuriser_without_spans(scorer, text):
    unsalted = copy.copy(scorer.features)
    unsalted.quoted_apart = False  # _quoted answers no span at all
    plain = unsalted.encode(text, heads=scorer.heads).probs
    assert np.allclose(view_probs(scorer, text, "plain"), plain, rtol=0, atol=1e-12)
    assert not np.array_equal(plain, view_probs(scorer, text, "salted"))


def test_a_text_without_spans_is_the_same_in_every_view(scorer):
    salted = view_probs(scorer, PLAIN, "salted")
    assert np.array_equal(view_probs(scorer, PLAIN, "plain"), salted)
    assert np.array_equal(view_probs(scorer, PLAIN, "masked"), salted)


def test_masking_drops_the_spans_n_grams(scorer):
    masked = view_probs(scorer, QUOTED, "masked")
    assert masked.shape == (len(scorer.heads.coef_[0]),)
    assert not np.array_equal(masked, view_probs(scorer, QUOTED, "salted"))
    assert not np.array_equal(masked, view_probs(scorer, QUOTED, "plain"))


def test_the_report_counts_per_group_and_view(scorer):
    cases = [("quoted", QUOTED, False), ("quoted", DENIED, False), ("plain", PLAIN, False),
             ("attack", "kill yourself", True)]
    rep = report(scorer, cases)
    assert rep["quoted"]["salted"]["n"] == 2 and rep["plain"]["masked"]["n"] == 1
    expected = sum(flagged(scorer, view_probs(scorer, t, "plain")) for _, t, _ in cases[:2]) / 2
    assert rep["quoted"]["plain"]["flagged"] == expected
    assert set(rep["roc_auc_abuse"]) == {"salted", "plain", "masked"}
