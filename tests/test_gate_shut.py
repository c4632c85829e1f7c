"""The hate gate's shut (attack_unaimed_en, moderation/targets/unaimed_en.py) is a gate input only: each civil case of
en_gate_frame_probe keeps the gate shut, its attack twin in the same frame keeps it open; no head is fitted on the
column (MaskedHeads gate_only: the fit equals one without it, to the bit)."""

import numpy as np
import scipy.sparse as sp

from model.judge import GATE_FRAME_PROBE, load_cases
from model.pipeline import GATE_ONLY, HATE_GATE, HATE_GATE_SHUT, build_pipeline
from moderation.features.signals import signal_dict
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.heads import MaskedHeads


def _gate(text: str) -> tuple[bool, bool]:
    """(whether the gate's signals fire, whether its shut fires) of one text."""
    d = signal_dict(text)
    return any(d[name] > 0 for name in HATE_GATE), d["attack_unaimed_en"] > 0


def test_each_civil_case_of_the_probe_shuts_the_gate_and_its_attack_twin_keeps_it_open():
    cases = load_cases(GATE_FRAME_PROBE)
    assert len(cases) >= 20
    for case in cases:
        opens, shut = _gate(case["text"])
        assert opens, case["id"]  # every case fires a construction of the gate: the frame decides
        assert shut == (case["expected"] == "non_harmful"), case["id"]


def test_a_framed_attack_word_beside_a_plain_attack_keeps_the_gate_open():
    assert _gate("I don't hate Romanians, I just think they should be sent back.") == (True, False)
    assert _gate("Are Poles no longer welcome here? Good, kick them all out.") == (True, False)
    assert _gate("My neighbours feel Poles are no longer welcome here, and they're right.") == (True, False)  # endorsed
    assert _gate("I feel Poles are no longer welcome here.") == (True, False)  # the writer's own
    assert _gate("Have you noticed Poles are no longer welcome here?") == (True, False)  # put to the reader: a lead
    # the writer's feeling after a report is the writer's; "women who ..." names a group, not people by a deed
    said = 'My new neighbour said "we\'re just a couple of old dykes" and I can\'t stand the pair of them.'
    assert _gate(said) == (True, False)
    assert _gate("Employers should never promote women who have children.") == (True, False)


def test_the_shut_is_a_gate_input_no_head_is_fitted_on():
    assert GATE_ONLY == ("attack_unaimed_en",) and HATE_GATE_SHUT == ("has_japanese", *GATE_ONLY)
    pipeline = build_pipeline()
    heads, offset = pipeline.named_steps["heads"], pipeline.named_steps["features"].signal_offset_
    assert heads.gate_only == tuple(offset + FEATURE_NAMES.index(name) for name in GATE_ONLY)
    assert set(heads.gate_only) <= set(heads.gate_shut)


def test_a_fit_with_gate_only_columns_equals_the_fit_without_them_to_the_bit():
    rng = np.random.default_rng(7)
    n, width = 400, 30
    X = sp.random(n, width, density=0.2, format="csr", random_state=3)
    Y = np.column_stack([(X[:, :5].sum(axis=1).A.ravel() + rng.normal(0, 0.3, n) > 0.4).astype(float),
                         (X[:, 5:9].sum(axis=1).A.ravel() + rng.normal(0, 0.3, n) > 0.3).astype(float)])
    Y[rng.random(n) < 0.3, 1] = np.nan  # rows not labelled for the second head
    extra = sp.csr_matrix((rng.random(n) < 0.4).astype(float).reshape(-1, 1))
    Y[:, 0] = np.where(extra.toarray().ravel() > 0, 1.0, Y[:, 0])  # a column a head would learn: it must not
    kwargs = {"C": 2.0, "random_state": 1, "excluded_columns": ((1, 2),), "damped_columns": ((3, 0.3),)}
    without = MaskedHeads(**kwargs).fit(X, Y)
    wide = sp.hstack([X[:, :10], extra, X[:, 10:]], format="csr")  # the gate-only column inside, not only at the end
    moved = {c: c + (c >= 10) for c in range(width)}
    gated = MaskedHeads(C=2.0, random_state=1, excluded_columns=((1, moved[2]),), damped_columns=((moved[3], 0.3),),
                        gate_only=(10,)).fit(wide, Y)
    np.testing.assert_array_equal(gated.coef_[10], 0.0)
    np.testing.assert_array_equal(np.delete(gated.coef_, 10, axis=0), without.coef_)
    np.testing.assert_array_equal(gated.intercept_, without.intercept_)
    np.testing.assert_array_equal(gated.calibration_, without.calibration_)
    learnt = MaskedHeads(C=2.0, random_state=1).fit(wide, Y)
    assert learnt.coef_[10, 0] != 0.0  # the column carries what a head would learn
