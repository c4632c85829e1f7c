"""The in-group family (session 58's candidate, session 59's stings) is off unless asked for, moves no other generated
row when on, labels its civil rows clean and its twins and stings hate, and holds no near copy of a written English
case."""

import random
import re

import pytest

from model import training_set
from model.refit_band import written_cases
from model.synth_harms import EXTRA_EN, SLOTS, expand, generate
from model.synth_harms_en import SLOTS_EN
from model.synth_ingroup import FAMILIES_INGROUP, ROWS_INGROUP, SLOTS_INGROUP

SOURCES = {f"synth-en-{family}" for family in FAMILIES_INGROUP}
WORDS = sorted(set(SLOTS_EN["rslur"]) | set(SLOTS_EN["rslurp"]), key=len, reverse=True)
RECLAIMED = re.compile(r"\b(?:" + "|".join(WORDS) + r")\b", re.I)
NEAR = 0.62  # a template's sentence sharing this much of a written case's character trigrams is its near copy


@pytest.fixture(scope="module")
def both():
    return generate(), generate(extra=("ingroup",))


def test_off_by_default(both):
    plain, _ = both
    assert training_set.EXTRA_FAMILIES == ()
    assert not SOURCES & {r["source"] for r in plain}
    assert set(EXTRA_EN) == {"ingroup"}


def test_on_it_adds_its_rows_after_every_other_row_unchanged(both):
    plain, on = both
    assert on[:len(plain)] == plain
    added = on[len(plain):]
    assert {r["source"] for r in added} == SOURCES
    for family, n in ROWS_INGROUP.items():
        assert sum(r["source"] == f"synth-en-{family}" for r in added) == n
    assert all(r["synthetic"] and r["lang"] == "en" for r in added)


def test_civil_rows_are_clean_and_twins_are_hate_each_with_a_reclaimed_word(both):
    plain, on = both
    for r in on[len(plain):]:
        labels = r["labels"]
        assert RECLAIMED.search(r["text"]), r["text"]
        if r["source"] == "synth-en-neg_ingroup":
            assert not any(labels.values()), r
        else:
            assert labels["hate"] == 1 and labels["abuse"] == 1 and labels["harassment"] is None, r


def _trigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", " ", text.lower())
    return {text[i:i + 3] for i in range(len(text) - 2)}


@pytest.mark.slow
def test_no_template_of_the_family_draws_a_near_copy_of_a_written_case():
    """Each template drawn 40 times (the core sentence, before other families' context decorates it)."""
    rng, slots = random.Random(58), {**SLOTS["en"], **SLOTS_EN, **SLOTS_INGROUP}
    sentences = {expand(rng, entry if isinstance(entry, str) else entry[0], slots)
                 for templates in FAMILIES_INGROUP.values() for entry in templates for _ in range(40)}
    grams = [_trigrams(s) for s in sentences]
    worst = 0.0
    for case in written_cases().values():
        want = _trigrams(case["text"])
        worst = max(worst, max(len(want & g) for g in grams) / len(want))
    assert 0.3 < worst < NEAR
