"""Test helpers (servers, the test deployment, logged-in moderators, thresholds, the browser); fixtures that
use them live in tests/conftest.py. Tests import helpers from here, never from conftest."""
