"""An n-gram's explanation span reaches the ends of the English words it cuts, long words included (issue 13, "spans
in explanations snap to words"): explain.MAX_WIDEN was 8, so a run ending in the first letters of "disgusting" or
"journalist" stopped inside it ("A disgustin", "journalis"); bench/span_words.py counts the spans that cut a word."""

import pytest

from bench.span_words import cut_at
from model.tiny import train_tiny_artifact
from moderation import PROJECT_ROOT
from moderation.scoring.scorer import load_scorer, read_active

# texts whose explanations (shipped model, every head) cut a long English word at MAX_WIDEN 8
TEXTS = ("A disgusting tranny in her sixties is still on the allotment committee, get her out.",
         "A man was jailed for sending death threats to a journalist.",
         "Africans gave this city its best restaurants and its best football team.",
         "Another tranny writing for this rag, unbelievable.",
         '"Muslims are terrorists" is not a policy position, it\'s bigotry.')


@pytest.fixture(scope="module")
def scorers(tmp_path_factory):
    version, sha = read_active(PROJECT_ROOT / "model/artifacts")
    tiny, tiny_sha, _ = train_tiny_artifact(tmp_path_factory.mktemp("tiny"))
    return load_scorer(PROJECT_ROOT / "model/artifacts" / version, sha), load_scorer(tiny, tiny_sha)


def test_ngram_spans_do_not_stop_inside_an_english_word(scorers):
    cut = []
    for scorer in scorers:
        for text in TEXTS:
            for item in scorer.score(text, explain_all=True).explanation:
                if item.get("start") is None or item.get("feature"):
                    continue
                if "latin" in (cut_at(text, item["start"]), cut_at(text, item["end"])):
                    cut.append(f"{text[:item['start']][-8:]}[{item['text']}]{text[item['end']:][:8]}")
    assert not cut, cut
