"""Every guard's engine scan is compiled by scoring's warm-up, before gunicorn forks, not at a worker's first search."""

from __future__ import annotations

import re

from moderation.needles import guards
from moderation.needles.guards import Needles, compile_scans
from moderation.scoring.scorer import Score


def test_a_loaded_scorer_has_compiled_every_guard_scan(shipped_scorer):
    """After loading (Scorer's warm-up), no guard a score can reach compiles its scan when first searched."""
    assert isinstance(shipped_scorer.score("今日のニュース、とても考えさせられました。"), Score)
    made = list(guards._MADE)
    assert len(made) > 200  # the signals' guards (features, pii, reported, denied, treated, normalisation ...)
    assert [guard.pattern.pattern[:60] for guard in made if guard._scan is None] == []


def test_compile_scans_compiles_a_new_guard_once():
    guard = Needles(re.compile(r"(?<![a-z])(?:zorbleflux|quarnwidget)s?(?![a-z])"))
    assert guard._scan is None
    assert compile_scans() >= 1
    assert guard._scan is not None and guard._scan.search("two quarnwidgets") is not None
    assert compile_scans() == 0  # each compiled once
