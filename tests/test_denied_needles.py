"""denied_spans reads whether a negating cue is in the text from the signals' code pass (its needles hold the cues)
rather than searching the text for each cue, twice a comment: the same spans either way."""

from moderation.encoded import _codes
from moderation.features.patterns import _NEEDLES
from moderation.features.signals import signals
from moderation.targets.denied import CUES, denied_spans
from moderation.text.normalize import normalize

TEXTS = ["I don't think they are human.", "Nobody wants them hurt, and no one here hates them.",
         "it's a myth that they steal", "they are not welcome and never were",
         "That is false: they don't deserve any abuse.", "no cue in this one",
         "I think the council got this one right.",
         "今日のニュース、とても考えさせられました。"]


def test_the_code_pass_finds_every_cue():
    assert CUES <= set(_NEEDLES.automaton.keys)


def test_denied_spans_with_the_needles_are_the_searches():
    denied = 0
    for text in TEXTS:
        norm = normalize(text)
        needles: list = []
        signals(norm, _codes(norm), None, [], needles)
        for positive in (True, False):
            spans = denied_spans(norm.text, positive, needles[0])
            assert spans == denied_spans(norm.text, positive), text
            denied += len(spans)
    assert denied >= 6  # the needles held their cues
