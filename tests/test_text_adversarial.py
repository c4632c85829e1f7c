"""Every text pattern is linear in the text: adversarial 10,000-character inputs generated from each pattern's
own characters, separators and literals (bench/adversarial.py) score within 3x of an ordinary 10,000-character
comment, measured as a ratio in the same run (so a loaded machine slows both sides alike), in this thread's CPU
time with the collector paused, in a fresh interpreter (tests/support/adversarial_worst.py says why)."""

import json
import subprocess
import sys

import pytest

from bench.adversarial import LIMIT, adversarial_inputs
from moderation import PROJECT_ROOT


def test_inputs_are_generated_for_every_pattern():
    inputs = adversarial_inputs(10_000)
    assert len(inputs) > 500 and all(len(t) == 10_000 for _, t in inputs)


@pytest.mark.slow
def test_no_generated_input_costs_more_than_three_ordinary_comments(tmp_path):
    out = subprocess.run([sys.executable, "-m", "tests.support.adversarial_worst", str(tmp_path)], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    ratio, name, head = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio <= LIMIT, f"worst {ratio:.2f}x ordinary: {name} on {head!r}..."
