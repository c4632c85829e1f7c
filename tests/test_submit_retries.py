"""A write sent again after its answer was lost (redis-py's retry, run_on_master's re-run of its pipeline) is its first
run's answer: a SUBMIT's comment stored, queued and its rate limits charged once, answered as created; a Written
script's write made once, answered as then (append_only._ONCE)."""

import pytest

from moderation.store.author_standing import AuthorStanding
from moderation.store.client import make_client
from moderation.store.master_pipeline import Replicas
from moderation.store.rate_limits import Charge
from moderation.store.review_queue import ReviewQueue
from tests.support.relay import LostAnswer
from tests.support.servers import RedisProcess
from tests.support.submit_records import submit_record as _record
from tests.support.topologies import wait_until


def _charge(prefix):
    return Charge(["author"], [f"{prefix}{{s}}:rl:author:u-1"], ["1|60000|100"])


@pytest.fixture(params=[0, 1], ids=["alone", "min_replicas"])
def master(request, tmp_path):
    """(master, min_replicas): a server alone, or a master with a replica in sync and MIN_REPLICAS=1 (the submit's
    pipeline is then SUBMIT, the replication mark and WAIT, which run_on_master runs again after a lost answer)."""
    server = RedisProcess(tmp_path / "master").start()
    replica = None
    if request.param:
        replica = RedisProcess(tmp_path / "replica")
        replica.extra += ["--replicaof", "127.0.0.1", str(server.port)]
        replica.start()
        wait_until(lambda: replica.client().info("replication")["master_link_status"] == "up", 20, "the replica")
    yield server, request.param
    for node in (replica, server):
        if node is not None:
            node.stop()


@pytest.mark.slow
def test_a_submit_whose_answer_was_lost_is_answered_as_its_first_run(master, prefix):
    """The relay lets SUBMIT run and drops its answer with the connection; the call is sent again on a new one. It is
    answered as created, with the decision its first run settled on, and its limit counted once (before: answered as
    a replay of itself, its author's counter charged twice, and a comment over the limit on the retry alone was 429
    though stored)."""
    server, min_replicas = master
    admin = server.client()
    relay = LostAnswer(server.port, b"FCALL", b"c-lost").start()
    try:
        queue = ReviewQueue(make_client(relay.url, 2.0), "s", prefix=prefix, min_replicas=min_replicas)
        assert queue.submit(_record("c-warm"), queued=True, charge=_charge(prefix)) == (True, "")  # scripts loaded
        answer = queue.submit(_record("c-lost"), queued=True, charge=_charge(prefix))
        assert relay.dropped == 1 and answer == (True, ""), answer
    finally:
        relay.stop()
    assert admin.get(f"{prefix}{{s}}:rl:author:u-1") == "2"  # c-warm and c-lost, once each
    assert admin.hget(f"{prefix}{{s}}:stats", "submitted:review") == "2"
    assert sorted(admin.zrange(f"{prefix}{{s}}:ready", 0, -1)) == ["c-lost", "c-warm"]
    # the site's own retry of the same id is another call: a replay, charged
    again = ReviewQueue(admin, "s", prefix=prefix).submit(_record("c-lost"), queued=True, charge=_charge(prefix))
    assert again == (False, "sha-c-lost") and admin.get(f"{prefix}{{s}}:rl:author:u-1") == "3"


@pytest.mark.slow
def test_a_person_set_standing_whose_answer_was_lost_is_written_once(master, prefix):
    """A Written script (here a person setting an author's standing: an audit entry and an event each time) whose
    answer was lost runs again on a new connection: answered with the first run's answer (the previous level, good)
    and written once (before: a second audit entry, and "warned" as the previous level, the first run's own)."""
    server, min_replicas = master
    admin = server.client()
    relay = LostAnswer(server.port, b"EVALSHA", b"u-lost").start()
    try:
        standing = AuthorStanding(make_client(relay.url, 2.0), "s", prefix, replicas=Replicas(min_replicas))
        assert standing.set("u-warm", "warned", "hanako", now_ms=1) == "good"  # the script is loaded
        assert standing.set("u-lost", "warned", "hanako", now_ms=2) == "good"
        assert relay.dropped == 1
    finally:
        relay.stop()
    audit = [fields for _, fields in admin.xrange(f"{prefix}{{s}}:audit") if fields["author_id"] == "u-lost"]
    events = [fields for _, fields in admin.xrange(f"{prefix}{{s}}:events") if "u-lost" in fields.get("data", "")]
    assert [(e["from"], e["to"]) for e in audit] == [("good", "warned")] and len(events) == 1, (audit, events)
