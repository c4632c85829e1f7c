"""comment_records.rounded: a record's scores are round(x, 6) of the model's, float for float (the answer's bytes),
by a shorter way for scores in (0, 1]."""

import math
import random

import numpy as np

from moderation.api.comment_records import rounded


def _same(a, b):
    return (a == b and math.copysign(1.0, a) == math.copysign(1.0, b)) or (a != a and b != b)


def test_every_score_rounds_as_round_does():
    rng = random.Random(39)
    values = [rng.random() for _ in range(50_000)] + [rng.random() ** 8 for _ in range(15_000)]
    for k in range(0, 1_000_001, 71):  # each half-point k.5e-6 and its four neighbours on either side
        above = below = (k + 0.5) / 1e6
        for _ in range(4):
            values += [above, below]
            above, below = math.nextafter(above, 2.0), math.nextafter(below, -1.0)
    values += [0.0, -0.0, 1.0, 5e-324, 5e-7, 4.999999e-7, 0.9999995, 1.5, -0.25, 123.4567891, math.inf, math.nan]
    got = rounded({n: value for n, value in enumerate(values)})
    assert all(_same(got[n], round(value, 6)) for n, value in enumerate(values))


def test_numpy_scores_round_to_python_floats_as_before():
    scores = {"spam": np.float64(0.0332400049), "abuse": np.float32(0.1125774)}
    got = rounded(scores)
    assert got == {k: round(float(v), 6) for k, v in scores.items()}
    assert all(type(value) is float for value in got.values())
