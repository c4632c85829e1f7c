"""The removal requests' clock: wall time, or the one a test puts in app.extensions["moderation.clock"]."""

import time

from flask import current_app

DAY_MS = 86_400_000


def now_ms():
    """Milliseconds since the epoch from the app's clock (a callable returning seconds)."""
    clock = current_app.extensions.get("moderation.clock") or time.time
    return int(clock() * 1000)

