"""The second Japanese group-blame probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import JA_BLAME_FORMS_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_blame_forms_probe_is_well_formed():
    cases = load_cases(JA_BLAME_FORMS_PROBE)
    # every case is one half of a minimal pair: a group blamed as the cause of a ruin (…のせいで…めちゃくちゃだ,
    # …が増えたせいで歩けなくなった), as the agent of a takeover or a theft (乗っ取ろうとしている, 吸い取っている,
    # 操っている), or as the doers of a misdeed (万引きしているのは大体…だ), against the same group in a civil
    # sentence or the blame denied
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 12, "non_harmful": 12}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {"group_blame_h": 12}
