"""Debian's headless Chromium for the Playwright tests (never `playwright install`)."""

import os
import tempfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# `make test` installs Debian's chromium (make browser-deps); only a machine without it skips the browser tests.
needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                    reason="Debian chromium is not installed at /usr/bin/chromium (make browser-deps)")


def shot_folder(tmp_path=None):
    """Where a browser test leaves its screenshots: $SCREENSHOT_DIR when set (a resolve note's set), else the test's
    tmp folder or the system's temp dir; never a path of one machine (they went to /work/notes/shots)."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path or Path(tempfile.gettempdir()) / "moderation-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def watched_page(browser, url, *, locale="ja-JP", width=1280, height=800, javascript=True):
    """A page in a context of its own, opened at `url`, collecting every console error and page error."""
    context = browser.new_context(locale=locale, viewport={"width": width, "height": height},
                                  java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(url)
    return page, problems
