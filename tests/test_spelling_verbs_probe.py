"""The English probe of harm verbs and insults spelt around a filter is well-formed; test_probes.py holds the shipped
model to its recorded results."""

from collections import Counter

from model.judge import SPELLING_VERBS_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_spelling_verbs_probe_is_well_formed():
    cases = load_cases(SPELLING_VERBS_PROBE)
    # each attack whose one harm verb, insult or hate word is spelt around a filter (h8, d!e, 1d10t, lynchd, kil l,
    # ki-ll, a m o r o n, ihate) is paired with text speak, a digit or symbol in a name, a real word one edit away, a
    # hyphenated word, a spaced acronym or ordinary words run together
    sides = assert_well_formed(cases, {"hate", "harassment", "threat"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    assert all(funcs[f] >= 2 for f in funcs if f.startswith("spell_"))
    assert funcs["near_miss_word_nh"] >= 5
