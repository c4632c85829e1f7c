"""Rate limits count in fixed windows aligned to the epoch (`int(now // window)`): a test that counts requests up
to a limit waits, when the wall clock is about to cross a window's end, until the next window has begun, so its
counters cannot be reset halfway by the minute (or hour) turning over."""

import time


def fresh_window(window=60, need=10.0):
    """Sleep (at most `need` seconds) until the current `window`-second window has `need` seconds left. Every limit
    in the tests is a whole number of minutes, so a fresh minute is a fresh window for all of them."""
    left = window - time.time() % window
    if left < need:
        time.sleep(left + 0.05)
