"""explain's weights are round(w, 4) to the bit without round() (session 54: ~3k instructions a call, a dozen calls a
held comment): explain._shown against round() where the arithmetic holds, at its edges and outside them."""

import math
import random

from moderation.explain import _shown


def _same(a: float, b: float) -> bool:
    return a.hex() == b.hex() if a == a else b != b  # the same double (signed zeros apart), or both NaN


def test_shown_is_round_to_4_digits_to_the_bit():
    rng = random.Random(54)
    values = [rng.uniform(0.0, 1.0) for _ in range(5_000)] + [rng.uniform(0.0, 100.0) for _ in range(2_000)]
    values += [rng.lognormvariate(-3, 2) for _ in range(2_000)]
    halves = [(n + 0.5) / 1e4 for n in range(0, 1_000_000, 331)]  # the doubles nearest a half-way point, and around
    values += halves + [math.nextafter(x, 0.0) for x in halves] + [math.nextafter(x, 1e9) for x in halves]
    values += [1 / 32, 3 / 32, 0.00005, 0.00015, 99.99995, 100.0, 1e-300, 5e-324, 0.0, -0.0, -0.02, -1.23456789,
               250.00005, 1e300, math.inf, -math.inf, math.nan]  # exact ties (1/32 is 312.5 ten-thousandths); outside
    wrong = [x for x in values if not _same(_shown(x), round(x, 4))]
    assert not wrong, wrong[:5]
