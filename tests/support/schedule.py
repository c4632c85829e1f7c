"""Loaded by pyproject's addopts (`-p tests.support.schedule`): xdist hands the test files to its two workers longest
first. By default `--dist loadfile` orders files by their number of tests, so a file of two 30-second gunicorn tests
came near the end and one worker ran it while the other had nothing left; handed out longest first, the last files
are the short ones and the workers finish together (the classic longest-processing-time order)."""

from __future__ import annotations

import pytest

# A test file's seconds in a full `make test` (tests/support/schedule_seconds.txt, per file: setup, call and teardown
# of its tests summed); a file not listed counts as 0 and keeps xdist's order (most tests first) after the listed ones.
# Only the order reads them: a stale figure costs balance, never a test.
SECONDS_FILE = "schedule_seconds.txt"


def _seconds() -> dict[str, float]:
    from pathlib import Path

    out = {}
    for line in (Path(__file__).with_name(SECONDS_FILE)).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            seconds, path = line.split()
            out[path] = float(seconds)
    return out


def longest_first(workqueue, seconds: dict[str, float]) -> None:
    """Reorder xdist's work queue (an OrderedDict of test file -> its tests) by the files' seconds, longest first;
    equal seconds (the unlisted files' 0) keep the order they had."""
    for scope in sorted(workqueue, key=lambda scope: -seconds.get(scope, 0.0)):
        workqueue.move_to_end(scope)


@pytest.hookimpl(optionalhook=True)  # xdist's hook: absent under `-p no:xdist`
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile" or config.getvalue("markexpr"):  # -m "not slow": other files' seconds
        return None
    from xdist.scheduler import LoadFileScheduling

    class LongestFirst(LoadFileScheduling):
        """LoadFileScheduling with its queue ordered once, before the first file is handed out."""

        ordered = False

        def _assign_work_unit(self, node):
            if not self.ordered:
                self.ordered = True
                longest_first(self.workqueue, _seconds())
            super()._assign_work_unit(node)

    return LongestFirst(config, log)
