"""Debian's headless Chromium for the Playwright tests (never `playwright install`)."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# `make test` installs Debian's chromium (make browser-deps); only a machine without it skips the browser tests.
needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                    reason="Debian chromium is not installed at /usr/bin/chromium (make browser-deps)")
