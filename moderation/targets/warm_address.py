"""A friend addressed in warm words by an owned word ("love you, bitch", "happy birthday my nigga"): owned.py's
reading of the address, apart so owned.py stays one noun."""

from __future__ import annotations

import functools

from moderation.pattern_cache import compiled
from moderation.targets.denial_patterns import UNWARM_EN
from moderation.targets.denied import denied_spans
from moderation.targets.literal import NEAR as _NEAR
from moderation.targets.literal import SENTENCE_END as _SENTENCE_END
from moderation.wordlists import INSULTS_EN

# a friend addressed in warm words ("love you, bitch", "miss you bitch", "congrats on the flat, you lucky bitch",
# "get home safe, bitch"): the word in address, the sentence's words before it warm and not denied ("nobody loves
# you, you daft bitch" is none), is the friends' own word as a reclaimed one is (session 30, issue 12)
ADDRESS_WORDS = frozenset(("bitch", "bitches", "nigga", "niggas"))
_ADDRESSED = compiled(r"(?:, |(?:^|[^a-z'’])(?:you|ya|u)(?: [a-z]{2,12})? )$")
# warm words, unless denied (moderation.targets.denied reads "nobody will miss you", "i didnt love you", "who could
# love you") or sarcastic ("thank you for nothing", "thanks a lot for fuck all"; session 31)
_WARM = compiled(r"(?<![a-z'’])(?:(?:love|luv|miss|adore) (?:you|ya|u)|congrat[a-z]*|happy (?:birthday|bday"
                 r"|anniversary)|get home safe|proud of (?:you|ya|u)|(?:thank(?:s| you| u)(?! (?:a lot |so much "
                 r"|very much )?for (?:[a-z]+ )?(?:nothing|fuck all|sod all|naff all|jack)(?![a-z]))))(?![a-z])")
# an insult or an unkind word said to the person in the same sentence ("congrats on getting fired, you stupid bitch",
# "thanks bitch, you're a lying cow") ends the friendly reading: the warm words were sarcasm (session 31)
_UNKIND = (frozenset(w for w in INSULTS_EN if " " not in w and w not in ADDRESS_WORDS)
           | {"lying", "liar", "sad", "nasty"})
_WORD = compiled(r"[a-z]+")
# what every _WARM match holds: a window with none of them has no warm words (session 60: asked before the regexes,
# ~0.7 us of an address word's ~1 us where none is)
_WARM_HELD = ("lov", "luv", "miss", "ador", "congrat", "happy", "get home", "proud", "thank")

@functools.lru_cache(maxsize=1)  # every address word of one text reads the same spans: once per text, when first asked
def _denied(t: str) -> tuple[tuple[int, int], ...]:
    """What the writer denies in the normalised text (moderation.targets.denied), for warm_address: one scan of the
    whole text however many address words follow warm words in it (owned_spans and words._in_group read the same
    text's words one after another), and none for a text where no address word follows warm words."""
    return tuple(denied_spans(t))


def warm_address(t: str, a: int) -> bool:
    """Whether the word at `a` is said to someone (after a comma, "you", "you <word>" or the warm words themselves:
    "happy birthday bitch") in a sentence whose words before it are warm (_WARM) and not denied, with no unkind word
    nor warmth denied after them (reading at most _NEAR characters back, 2 * _NEAR on, never past the sentence)."""
    start, end = max(0, a - _NEAR), min(len(t), a + 2 * _NEAR)
    if not any(map(t[start:a].__contains__, _WARM_HELD)):
        return False
    for stop in _SENTENCE_END.finditer(t, start, a):
        start = stop.end()
    if not (warms := list(_WARM.finditer(t, start, a))):
        return False
    if (stop := _SENTENCE_END.search(t, a, end)) is not None:
        end = stop.start()
    unwarm = [m.span() for m in UNWARM_EN.finditer(t, start, end)]  # "nobody will miss", "who could love"
    denied = [(x, y) for x, y in _denied(t) if x < end and y > start] + unwarm
    if denied:  # the warm words denied, or warmth denied after them ("congrats nigga, ... nobody at work can stand")
        warms = [m for m in warms if not any(x <= m.start() < y for x, y in denied)]
        if not warms or any(y > warms[-1].end() for _x, y in unwarm):
            return False
    warm = warms[-1]
    if any(w.group() in _UNKIND for w in _WORD.finditer(t, warm.end(), end)):
        return False
    return ((warm.end() == a - 1 and t[a - 1] == " ")
            or _ADDRESSED.search(t, max(start, a - 18), a) is not None)
