"""Rate limits count in fixed windows aligned to the epoch (`int(now // window)`): a test that counts requests up
to a limit waits, when the wall clock is about to cross a window's end, until the next window has begun, so its
counters cannot be reset halfway by the minute (or hour) turning over; a test decided inside a short lease runs its
timed part again when the machine stalled through it."""

import time


def fresh_window(window=3600, need=10.0):
    """Sleep (at most `need` seconds) until the current `window`-second window has `need` seconds left. The tests'
    limits count per hour (a test's requests take seconds either way): with per-minute ones a test slept to the
    minute's turn one run in six (up to 10 s, 6.1 s in a fast suite of s30), per hour one in 360."""
    left = window - time.time() % window
    if left < need:
        time.sleep(left + 0.05)


def inside(seconds, prepare, act, tries=3):
    """`act(prepare(n))` for n = 0, 1, ... until act ran in less than `seconds` (at most `tries` times): what a test
    asserts of two claims inside a 1 s lease must not be decided by a loaded machine stalling between them (each
    try prepares its own keys). Returns (the prepared state, act's result, when act started: time.monotonic())."""
    for n in range(tries):
        state = prepare(n)
        started = time.monotonic()
        result = act(state)
        if time.monotonic() - started < seconds:
            break
    return state, result, started
