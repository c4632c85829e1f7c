"""Times as the API, webhooks, logs and pages show them: ISO 8601 in UTC (…Z) from epoch milliseconds."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def iso(ms, timespec="milliseconds"):
    """'2026-11-29T12:00:00.000Z' for a time in ms (an int, float or the digits Redis returns)."""
    return datetime.fromtimestamp(float(ms) / 1000, UTC).isoformat(timespec=timespec).replace("+00:00", "Z")


def local(ms, zone="Asia/Tokyo"):
    """'2026-11-29 21:00:00 JST': what a moderator reads beside the ISO time."""
    return datetime.fromtimestamp(float(ms) / 1000, ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S %Z")


def app_now_ms():
    """Milliseconds since the epoch from the app's clock: wall time, or the callable (seconds) a test puts in
    app.extensions["moderation.clock"] to let days pass without sleeping."""
    import time

    from flask import current_app

    clock = current_app.extensions.get("moderation.clock") or time.time
    return int(clock() * 1000)


def clock_ms(extensions):
    """app_now_ms() of one app, its extensions bound once: the review queue (built per app) reads it for every
    comment, and the app proxy and the imports were a sixth of building the comment's submit."""
    import time

    def now_ms():
        clock = extensions.get("moderation.clock") or time.time
        return int(clock() * 1000)

    return now_ms
