"""A nudge shows the reader the words that weighed, never a bare symbol: a span of no letter or digit (the '>' of
markup, a space between words, an '@') is left out of `nudge.spans`, and every word span stays."""

import pytest

from moderation.nudges import nudge_for, spans
from moderation.scoring.policy import Policy

MARKUP = "お前みたいなバカは黙ってろ <b>x</b>"
# held texts whose shipped explanation (2026.12.02-6) has a span of symbols or space alone (found among the 1,156
# written cases that get a nudge: 17 such spans of 3,986, in 16 texts, and in the demo's nudge for MARKUP)
HELD = [MARKUP, "@ケンジ お前マジでアホだろ", "I hate gay men and I'm not ashamed of it.",
        "That fagit in the flat upstairs needs a beating."]


def test_a_span_of_symbols_or_space_alone_is_left_out_and_words_stay():
    explanation = [{"label": "harassment", "start": 0, "end": 6, "weight": 2.0},
                   {"label": "harassment", "start": 16, "end": 17, "weight": 0.3},  # '>'
                   {"label": "harassment", "start": 13, "end": 14, "weight": 0.2},  # ' '
                   {"label": "harassment", "start": 9, "end": 13, "weight": 1.0},
                   {"label": "spam", "start": 17, "end": 18, "weight": 1.0}]  # not a harm: never shown
    assert [s["text"] for s in spans(MARKUP, explanation, ["harassment"])] == ["お前みたいな", "黙ってろ"]
    merged = [{"label": "threat", "start": 9, "end": 14, "weight": 1.0}, {"label": "threat", "start": 13, "end": 15,
                                                                           "weight": 0.1}]
    assert [s["text"] for s in spans(MARKUP, merged, ["threat"])] == ["黙ってろ <"]  # a word keeps its neighbour


@pytest.mark.parametrize("text", HELD)
def test_the_shipped_models_nudge_shows_no_bare_symbol(shipped_scorer, text):
    score = shipped_scorer.score(text)
    policy, scores = Policy(shipped_scorer.thresholds), {**score.scores, **score.categories}
    decision, labels, _ = policy.decide(scores)
    nudge = nudge_for(text, decision, policy.harms(scores), score.explanation)  # as comments:check asks
    assert nudge and nudge["spans"], (decision, labels)
    assert all(any(c.isalnum() for c in span["text"]) for span in nudge["spans"]), nudge["spans"]
    assert all(text[span["start"]:span["end"]] == span["text"] for span in nudge["spans"])
