"""The order xdist hands test files out in (tests/support/schedule.py): longest first, by the seconds it lists."""

from collections import OrderedDict
from pathlib import Path

from tests.support.schedule import _seconds, longest_first

TESTS = Path(__file__).parent


def test_every_listed_file_is_a_test_file():
    seconds = _seconds()
    assert all((TESTS.parent / path).is_file() and path.startswith("tests/test_") for path in seconds), sorted(
        path for path in seconds if not (TESTS.parent / path).is_file())
    assert len(seconds) >= 20 and all(value > 0 for value in seconds.values())


def test_files_go_out_longest_first_and_unlisted_ones_keep_their_order_after():
    queue = OrderedDict((name, {}) for name in ("many.py", "two_slow.py", "unlisted_a.py", "slow.py", "unlisted_b.py"))
    longest_first(queue, {"many.py": 5.0, "two_slow.py": 60.0, "slow.py": 30.0})
    assert list(queue) == ["two_slow.py", "slow.py", "many.py", "unlisted_a.py", "unlisted_b.py"]
