"""The Japanese probes of a group attacked against the same group named civilly are well-formed; test_probes.py holds
the shipped model to their recorded results."""

from collections import Counter

import pytest

from model.judge import (
    JA_BLAME_CHAIN_PROBE,
    JA_BLAME_FORMS_PROBE,
    JA_BLAME_PASSIVE_PROBE,
    JA_BLAME_PROBE,
    JA_CLAUSE_PROBE,
    JA_GENERALISE_PROBE,
    load_cases,
)
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


# every case is one half of a minimal pair, the harmful half one functionality, the other the same group named civilly:
# - blame: a group blamed for ruining the country or living off it (治安を悪くしている, 食い物にしている,
#   乗っ取りつつある, …のせいで崩壊した), against the same group in a civil sentence or the same blame denied
#   or reported;
# - blame forms: a group blamed as the cause of a ruin (…のせいで…めちゃくちゃだ, …が増えたせいで歩けなくなった), as the
#   agent of a takeover or a theft (乗っ取ろうとしている, 吸い取っている, 操っている), or as the doers of a misdeed
#   (万引きしているのは大体…だ), against the same group in a civil sentence or the blame denied;
# - blame chain: a deed chained to what the group goes on doing (…を乗っ取って好き放題している) or the group as
#   the agent of a passive ruin or takeover (…に牛耳られている, …に荒らされてしまった, …に国を売り渡した), against the
#   same group in a civil sentence, as the sufferer, or the blame denied;
# - generalise: a group said to be a vice or unfit as a whole (…は詐欺師ばかりだ, …は恩知らずだ, …は政治に向いていない),
#   against the same vice reported, denied, asked, quoted, said of some of the group, of a policy or of someone else;
# - blame passive: more of blame chain's shapes with other deeds (…を占拠して…居座っている, …に支配されている,
#   …に食いつぶされている), against the same group in a civil sentence, as the sufferer, in a good passive or denied;
# - clause: a group blamed or generalised against one person a relative clause picks out (隣に住んでいる…が,
#   昨日コンビニで会った…は) and against the same claim denied after the clause's end (…わけがない, …、とは言えない)
@pytest.mark.parametrize(("probe", "pairs", "functionality"), [
    pytest.param(JA_BLAME_PROBE, 10, "group_blame_h", id="blame"),
    pytest.param(JA_BLAME_FORMS_PROBE, 12, "group_blame_h", id="blame-forms"),
    pytest.param(JA_BLAME_CHAIN_PROBE, 12, "group_blame_h", id="blame-chain"),
    pytest.param(JA_GENERALISE_PROBE, 14, "group_generalise_h", id="generalise"),
    pytest.param(JA_BLAME_PASSIVE_PROBE, 12, "group_blame_h", id="blame-passive"),
    pytest.param(JA_CLAUSE_PROBE, 16, ("group_blame_h", "group_generalise_h"), id="clause"),
])
def test_ja_group_pair_probe_is_well_formed(probe, pairs, functionality):
    cases = load_cases(probe)
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": pairs, "non_harmful": pairs}
    assert_pairs_name_one_group(cases)
    harmful = Counter(c["functionality"] for c in cases if c["expected"] == "harmful")
    if isinstance(functionality, tuple):  # several shapes of attack: each one's count is the probe's own
        assert set(harmful) == set(functionality) and sum(harmful.values()) == pairs
    else:
        assert harmful == {functionality: pairs}
