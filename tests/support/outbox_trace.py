"""Why an acknowledged webhook event did not reach the receiver: where it is on every live Redis node (stream entry,
pending owner and idle time, retry schedule), when it was acknowledged and attempted, and the worker's log."""

import time
from pathlib import Path

import redis

from moderation.store.keys import KeySpace
from moderation.store.outbox import GROUP


def _entries(client, stream, wanted):
    """{(comment id, type): entry id} of the stream entries that carry one of the `wanted` (comment id, type)."""
    found = {}
    for entry_id, fields in client.xrange(stream):
        key = (fields.get("id"), fields.get("type"))
        if key in wanted:
            found.setdefault(key, entry_id)
    return found


def _node_lines(node, prefix, missing, attempts):
    client = node.client()
    replication = client.info("replication")
    lines = [f"node {node.address}: role {replication['role']}, repl offset {replication.get('master_repl_offset')}"]
    keys = KeySpace(prefix)
    for site in sorted({site for site, _, _ in missing}):
        stream = keys.events(site)
        groups = {g["name"]: g for g in client.xinfo_groups(stream)} if client.exists(stream) else {}
        group = groups.get(GROUP, {})
        lines.append(f"  {site}: xlen {client.xlen(stream)}, group last id {group.get('last-delivered-id')}, "
                     f"pending {group.get('pending')}, lag {group.get('lag')}, "
                     f"retrying {client.zcard(keys.outbox(site, 'retry'))}")
        wanted = {(cid, kind) for s, cid, kind in missing if s == site}
        entries = _entries(client, stream, wanted)
        for cid, kind in sorted(wanted):
            entry = entries.get((cid, kind))
            if entry is None:
                lines.append(f"    {cid} {kind}: NOT IN THE STREAM")
                continue
            pending = client.xpending_range(stream, GROUP, min=entry, max=entry, count=1)
            owner = (f"pending for {pending[0]['consumer']} idle {pending[0]['time_since_delivered']} ms, "
                     f"read {pending[0]['times_delivered']}x" if pending else "not pending")
            last = group.get("last-delivered-id")
            after = "after" if last and _later(entry, last) else "at/before"
            retry_at = client.zscore(keys.outbox(site, "retry"), entry)
            tried = attempts.get(f"{site}:{entry}", [])
            lines.append(f"    {cid} {kind}: entry {entry} ({after} the group's last id), {owner}, retry at "
                         f"{retry_at}, receiver attempts {tried}")
    return lines


def _later(a, b):
    return tuple(map(int, a.split("-"))) > tuple(map(int, b.split("-")))


def trace(nodes, prefix, missing, acked_at, receiver, marks, worker_log):
    """A failure message: every missing (site, comment id, type) traced on each live node, with times (s) relative
    to the first of `marks` ({name: time.time()})."""
    zero = min(marks.values()) if marks else time.time()
    with receiver.lock:
        attempts = {}
        for attempt in receiver.attempts:
            attempts.setdefault(attempt.get("X-Moderation-Event-Id"), []).append(
                (attempt.get("X-Moderation-Attempt"), round(attempt["received_at"] - zero, 2)))
    lines = [f"{len(missing)} acknowledged events undelivered; times in s after {min(marks, key=marks.get)}: "
             + ", ".join(f"{name} {round(at - zero, 2)}" for name, at in sorted(marks.items(), key=lambda m: m[1]))
             + f", now {round(time.time() - zero, 2)}"]
    lines += [f"  {site} {cid} {kind}: acknowledged at {round(acked_at.get((site, cid, kind), zero) - zero, 2)}"
              for site, cid, kind in sorted(missing)[:40]]
    for node in nodes:
        if node.process is None or node.process.poll() is not None:
            lines.append(f"node {node.address}: down")
            continue
        try:
            lines += _node_lines(node, prefix, missing, attempts)
        except redis.RedisError as error:
            lines.append(f"node {node.address}: {error!r}")
    log = Path(worker_log).read_text(errors="replace").splitlines() if Path(worker_log).exists() else []
    lines += ["worker log (last 40 lines):", *log[-40:]]
    return "\n".join(lines)
