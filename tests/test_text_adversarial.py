"""Every text pattern is linear in the text: adversarial 10,000-character inputs generated from each pattern's
own characters, separators and literals (bench/adversarial.py) score within 3x of an ordinary 10,000-character
comment, measured as a ratio in the same run (so a loaded machine slows both sides alike), in this thread's CPU
time with the collector paused, in a fresh interpreter (tests/support/adversarial_worst.py says why)."""

import gc
import json
import subprocess
import sys

import pytest

from bench.adversarial import LIMIT, adversarial_inputs
from moderation import PROJECT_ROOT
from moderation.integrations.coral import html_to_text
from tests.support.cpu_cost import cost


def test_inputs_are_generated_for_every_pattern():
    inputs = adversarial_inputs(10_000)
    assert len(inputs) > 500 and all(len(t) == 10_000 for _, t in inputs)


@pytest.mark.slow
def test_no_generated_input_costs_more_than_three_ordinary_comments(tiny_model):
    root, version, sha256 = tiny_model
    out = subprocess.run([sys.executable, "-m", "tests.support.adversarial_worst", str(root / version), sha256],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    ratio, name, head = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio <= LIMIT, f"worst {ratio:.2f}x ordinary: {name} on {head!r}..."


# Coral's HTML bodies: each construct the tag stripper reads, unclosed and repeated (the standard library's
# HTMLParser took 75 s on 60,000 characters of "<a ", a rescan per "<"), plus mixed-case and quoted variants.
HTML_UNITS = ("<", "<a ", "<a", "</", "</a", "</a ", "<!--", "<!-", "<!", "<?", "<!DOCTYPE ", '<a x="', "<a x='",
              '<a x="y" ', "<a x=", "<p>", "<br/>", "</p>", "<script>", "<SCRIPT x='", "</script", "<style>a", "&",
              "&#", "&#x", "&amp", "&amp;", "&lt;", "a<b", "<-->", "-->", "<a\t=", "<a b='c>")
ORDINARY_HTML = '<p>今日の記事、<b>とても</b>参考になりました &amp; <a href="https://news.example/a?b=1&amp;c=2">写真</a>も。</p><br>'


@pytest.mark.slow
def test_html_to_text_grows_linearly_on_unclosed_markup():
    base, big = 10_000, 40_000
    gc.collect()
    gc.disable()  # a collection landing on one side only is noise, not a cost of the input
    try:
        worst = (0.0, "")
        for unit in (*HTML_UNITS, ORDINARY_HTML):
            small_text, big_text = ((unit * (size // len(unit) + 1))[:size] for size in (base, big))
            growth = min(cost(html_to_text, big_text) / cost(html_to_text, small_text) for _ in range(3))
            worst = max(worst, (growth, unit))
    finally:
        gc.enable()
    # 4x the characters: linear is 4x the time, a rescan per construct 16x (the old parser: 10-17x)
    assert worst[0] <= 7, f"{worst[1]!r}: 4x the input took {worst[0]:.1f}x the time"
