"""An n-gram's explanation span reaches the ends of the English words it cuts, long words included (issue 13, "spans
in explanations snap to words"): explain.MAX_WIDEN was 8, so a run ending in the first letters of "disgusting" or
"journalist" stopped inside it ("A disgustin", "journalis"); bench/span_words.py counts the spans that cut a word."""

import pytest

from bench.span_words import cut_at
from moderation import PROJECT_ROOT
from moderation.scoring.scorer import load_scorer, read_active

# texts whose explanations (shipped model, every head) cut a long English word at MAX_WIDEN 8
TEXTS = ("A disgusting tranny in her sixties is still on the allotment committee, get her out.",
         "A man was jailed for sending death threats to a journalist.",
         "Africans gave this city its best restaurants and its best football team.",
         "Another tranny writing for this rag, unbelievable.",
         '"Muslims are terrorists" is not a policy position, it\'s bigotry.')


@pytest.fixture(scope="module")
def scorers(tiny_model):
    version, sha = read_active(PROJECT_ROOT / "model/artifacts")
    root, tiny_version, tiny_sha = tiny_model
    return load_scorer(PROJECT_ROOT / "model/artifacts" / version, sha), load_scorer(root / tiny_version, tiny_sha)


# Japanese texts whose explanations (-11 and -12, every head) cut a kanji stem from its inflection: 税金の無駄遣,
# めたらいい without its 辞, ていても without its 生 (the s28 trial's nudge and card evidence)
JA_TEXTS = ("税金の無駄遣いだ。こんな政治家は辞めろ", "こんなやつ早く辞めたらいい",
            "お前みたいなやつ生きていても仕方ない")


def _cuts(scorer, text, kinds):
    """The explanation's n-gram spans of `text` whose start or end cuts a word of one of `kinds`, shown in context."""
    return [f"{text[:item['start']][-8:]}[{item['text']}]{text[item['end']:][:8]}"
            for item in scorer.score(text, explain_all=True).explanation
            if item.get("start") is not None and not item.get("feature")
            and {cut_at(text, item["start"]), cut_at(text, item["end"])} & kinds]


def test_ngram_spans_keep_a_kanji_stem_with_its_inflection(scorers):
    shipped, _tiny = scorers
    cut = [c for text in JA_TEXTS for c in _cuts(shipped, text, {"okurigana"})]
    assert not cut, cut
    assert cut_at("税金の無駄遣いだ", 2) is None and cut_at("税金の無駄遣いだ", 6) == "okurigana"


def test_ngram_spans_do_not_stop_inside_an_english_word(scorers):
    cut = [c for scorer in scorers for text in TEXTS for c in _cuts(scorer, text, {"latin"})]
    assert not cut, cut
