"""The English probe of harm words spelt with two edits, a substituted letter, "1" for "l" or spaces inside a long word
is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import SPELLING_EDITS_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_spelling_edits_probe_is_well_formed():
    cases = load_cases(SPELLING_EDITS_PROBE)
    # each attack whose one harm word is spelt with a letter substituted (muzlims, idiat), two edits (immgrnts,
    # fagit), "1" for "l" (ki11, mus1ims, 1ynch) or two spaces inside (imm igr ants) is paired with a real word near it
    # (muslin, Moran, retired), "1" for "l" in an ordinary word (ca11, mus1c) or an ordinary word split the same way
    sides = assert_well_formed(cases, {"hate", "harassment", "threat", "self_harm"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    assert {"spell_substituted_h", "spell_two_edits_h", "spell_one_for_l_h", "spell_space_inside_long_h"} <= set(funcs)
    assert all(funcs[f] >= 4 for f in funcs if f.startswith("spell_"))
    assert funcs["near_miss_word_nh"] >= 10
