"""Every text pattern is linear in the text: adversarial 10,000-character inputs generated from each pattern's
own characters, separators and literals (bench/adversarial.py) score within 3x of an ordinary 10,000-character
comment, measured as a ratio in this same test (so a loaded machine slows both sides alike). Both sides are
timed in this thread's CPU time with the garbage collector paused: in the full suite, other tests' servers and
threads and a collection over their heap landed on one side only (3.45x in CI on an input measured at 2.4x alone)."""

import functools
import gc
import statistics
import time

import pytest

from bench.adversarial import adversarial_inputs, best_seconds, ordinary_comment
from model.tiny import train_tiny_artifact
from moderation.scoring.scorer import load_scorer

LIMIT = 3.0


@pytest.fixture(scope="module")
def scorer(tmp_path_factory):
    folder, sha, _ = train_tiny_artifact(tmp_path_factory.mktemp("tiny-adversarial"))
    return load_scorer(folder, sha)


@pytest.fixture
def quiet_gc():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


best_seconds = functools.partial(best_seconds, clock=time.thread_time)


@pytest.mark.slow
def test_no_generated_input_costs_more_than_three_ordinary_comments(scorer, quiet_gc):
    ordinary = ordinary_comment(10_000)
    assert len(ordinary) == 10_000
    scorer.score(ordinary)
    base = statistics.median(best_seconds(scorer, ordinary, 1) for _ in range(7))
    inputs = adversarial_inputs(10_000)
    assert len(inputs) > 500 and all(len(t) == 10_000 for _, t in inputs)
    worst = (0.0, "", "")
    for name, text in inputs:
        ratio = best_seconds(scorer, text, 1) / base
        if ratio > LIMIT / 2:  # re-measure the slow ones: the best of five of each, alternating, at the same moment
            pairs = [(best_seconds(scorer, text, 1), best_seconds(scorer, ordinary, 1)) for _ in range(5)]
            ratio = min(t for t, _o in pairs) / min(o for _t, o in pairs)
        if ratio > worst[0]:
            worst = (ratio, name, text[:12])
    assert worst[0] <= LIMIT, f"worst {worst[0]:.2f}x ordinary: {worst[1]} on {worst[2]!r}..."
