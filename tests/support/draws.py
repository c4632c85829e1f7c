"""Texts of a pattern's own pieces for the per-pattern properties, most of them drawn without Hypothesis's engine.

Hypothesis spends ~1.5 ms of its engine on each example of `st.lists(st.sampled_from(pieces), max_size=25)`, far
more than the checks (test_needles' first 40 guards: 9.4 s of CPU for 6,000 examples, 0.23 s to check the same
number of texts): the four per-pattern properties were 135 s of session 48's CI's 1,561 s of tests. So each
property keeps a Hypothesis run (its empty, small and repeated texts, its database of failures, a shrunk
counterexample) of a sixth of its examples, and checks every piece alone and as many texts as its run had, drawn
here from the same pieces: a seeded random.Random (the pattern's text gives the seed, so a failure names its text
and comes back on every run). With sizes drawn uniformly and no lone pieces, one mutation Hypothesis's small texts
had caught went unseen (session 49).
"""

import random
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HYPOTHESIS_SHARE = 6  # of a property's texts, one in this many drawn by Hypothesis (at least 10)
AVERAGE_SIZE = 5  # pieces a text on average: Hypothesis's own for these lists (min(5, max_size / 2))


def piece_texts(pieces, count: int, max_size: int, seed: str) -> list[str]:
    """Each piece alone (the small texts Hypothesis favours, every one of them), then `count` texts of up to
    `max_size` pieces: a geometric number of mean AVERAGE_SIZE, each piece uniformly."""
    rng = random.Random(zlib.crc32(seed.encode("utf-8", "surrogatepass")))
    more = AVERAGE_SIZE / (AVERAGE_SIZE + 1)
    out = list(pieces)
    for _ in range(count):
        size = 0
        while size < max_size and rng.random() < more:
            size += 1
        out.append("".join(rng.choices(pieces, k=size)))
    return out


def check_piece_texts(check, pieces, examples: int, max_size: int, seed: str) -> None:
    """check(text) on a Hypothesis run of a sixth of `examples` (at least 10) texts of the strategy
    `st.lists(st.sampled_from(pieces), max_size=max_size)` joined, then on piece_texts(pieces, examples, ...)."""

    @settings(max_examples=max(10, examples // HYPOTHESIS_SHARE), deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(text=st.lists(st.sampled_from(pieces), max_size=max_size).map("".join))
    def drawn(text):
        check(text)

    drawn()
    for text in piece_texts(pieces, examples, max_size, seed):
        check(text)
