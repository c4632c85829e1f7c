"""The English probe of group phrases and dehumanising nouns spelt around a filter is well-formed; test_probes.py holds
the shipped model to its recorded results."""

from collections import Counter

from model.judge import SPELLING_GROUPS_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_spelling_groups_probe_is_well_formed():
    cases = load_cases(SPELLING_GROUPS_PROBE)
    # each attack naming a group by a listed two-word phrase with its first word misspelt or the words run together, or
    # calling it a listed dehumanising noun misspelt, is paired with a real word near the misspelling, ordinary words
    # run together, or the same spelling in a civil sentence
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 13
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["spell_group_word_h"] >= 5 and funcs["spell_group_joined_h"] >= 5 and funcs["spell_dehumanise_h"] >= 3
    assert funcs["near_miss_word_nh"] + funcs["run_together_nh"] + funcs["spelt_civil_nh"] == sides["non_harmful"]
