"""The news-comment probe (session 32) is well-formed and apart from every other case and every generated row's
wording; test_probes.py holds the shipped model to its results."""

from difflib import SequenceMatcher

from model.judge import JA_NEWS_COMMENT_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

HARMS = {"harassment", "self_harm", "threat", "personal_info", "defamation", "hate"}


def test_news_comment_probe_is_well_formed():
    cases = load_cases(JA_NEWS_COMMENT_PROBE)
    assert assert_well_formed(cases, HARMS) == {"harmful": 20, "non_harmful": 20}
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the same frame, person or thing in both members of a pair
        same = SequenceMatcher(None, c["text"], by_id[c["pair"]]["text"], autojunk=False).find_longest_match()
        assert same.size >= 4, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != JA_NEWS_COMMENT_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
