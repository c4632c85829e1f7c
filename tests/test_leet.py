"""The compiled leet reading (text/leet.py) against the rule read word by word in plain Python, on generated texts."""

import random
import re

from moderation.text.leet import _unleet

_WORD = re.compile(r"[a-z0-9]+")
_AS = dict(zip("013457", "oieast", strict=True))


def _reference(text: str) -> tuple[str, int]:
    """The rule as the comment on _LEET_NEEDED states it, one regex word at a time."""
    out, words = list(text), 0
    for m in _WORD.finditer(text):
        a, b, word = m.start(), m.end(), m.group()
        digits = [c for c in word if c.isdigit()]
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        dot_word = after == "." and b + 1 < len(text) and bool(_WORD.match(text[b + 1]))
        if (digits and all(c in _AS for c in digits) and word[0].isalpha() and word[-1].isalpha()
                and before not in ".@/-" and after not in "@/-" and not dot_word):
            words += 1
            out[a:b] = [_AS.get(c, c) for c in word]
    return ("".join(out), words) if words else (text, 0)


def test_leet_words_read_as_the_rule_says_on_generated_texts():
    rng = random.Random(13)
    alphabet = "abz0123456789.@/- _'\u3042!A\n"
    pieces = ["h4te", "w0men", "n1gg3r", "mp3", "covid19", "4chan", "h1n1", "web3.com", "b1tch", "l33t", "x@y", "a.b"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 24))) for _ in range(4000)]
    texts += [rng.choice(" .@/-") .join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))) for _ in range(2000)]
    texts += ["h4te " * 2000, "a\ud800b4c", "", "4", "a4", "4a", "a4a"]
    read = 0
    for text in texts:
        got = _unleet(text)
        assert got == _reference(text), text
        assert got[1] or got[0] is text  # nothing read: the same string back, no copy
        read += got[1] > 0
    assert read > 300  # the generated texts do hold leet words


def test_warm_sample_reads_a_leet_word():
    """scorer loading's warm() loads the leet kernel before gunicorn forks, not each worker at its first leet word."""
    from moderation.kernels.decisions import SAMPLE
    from moderation.text.normalize import normalize

    n = normalize(SAMPLE)
    assert "l33t" in SAMPLE and " leet." in n.text and n.lookalike >= 1
