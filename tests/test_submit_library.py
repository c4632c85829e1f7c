"""SUBMIT as a function of the site's library (store/function_library.py): loaded once a server by the first call
that meets a server without it, kept through a restart (the append-only file) and a failover (its replicas), never
loaded again there; and a library's locals, which outlive a call, carry nothing from one call to the next."""

import uuid

import pytest
import redis

from moderation.store.client import make_client
from moderation.store.function_library import Library, missing
from moderation.store.rate_limits import Charge
from moderation.store.review_queue import ReviewQueue, submissions
from tests.support.servers import RedisProcess
from tests.support.submit_records import submit_record as _record
from tests.support.topologies import wait_until


def _loads(client):
    """FUNCTION LOAD calls the server has answered since it started (or its stats were reset)."""
    return client.info("commandstats").get("cmdstat_function|load", {}).get("calls", 0)


def _libraries(client):
    return {dict(zip(entry[::2], entry[1::2], strict=True))["library_name"] for entry in client.function_list()}


@pytest.mark.slow
def test_the_library_is_loaded_once_and_survives_a_restart_and_a_failover(tmp_path):
    """A master with a replica, MIN_REPLICAS=1 (the submit's pipeline: FCALL, mark, WAIT): the first held comment
    meets a master without the library, loads it and runs; the replica has it by replication. The master killed
    (SIGKILL) and restarted has it from its append-only file; the replica promoted has it too: neither loads it
    again, and both store the next comments."""
    master = RedisProcess(tmp_path / "master").start()
    replica = RedisProcess(tmp_path / "replica")
    replica.extra += ["--replicaof", "127.0.0.1", str(master.port)]
    replica.start()
    try:
        wait_until(lambda: replica.client().info("replication")["master_link_status"] == "up", 20, "the replica")
        prefix = f"t{uuid.uuid4().hex[:8]}:"
        queue = ReviewQueue(make_client(master.url, 2.0), "s", prefix=prefix, min_replicas=1)
        name = queue._submit.library.name
        assert name not in _libraries(master.client())
        assert queue.submit(_record("c-1"), queued=True) == (True, "")
        assert _loads(master.client()) == 1 and name in _libraries(master.client())
        wait_until(lambda: name in _libraries(replica.client()), 10, "the library on the replica")

        master.wait_written()
        master.kill()
        master.start()  # the same port and folder: it reads its append-only file
        assert name in _libraries(master.client()) and _loads(master.client()) == 0
        restarted = ReviewQueue(make_client(master.url, 2.0), "s", prefix=prefix)
        assert restarted.submit(_record("c-2"), queued=True) == (True, "")
        assert _loads(master.client()) == 0

        master.stop()
        replica.client().config_resetstat()  # its master's FUNCTION LOAD, replicated, was counted
        replica.client().execute_command("REPLICAOF", "NO", "ONE")  # the failover: the replica is the master
        promoted = ReviewQueue(make_client(replica.url, 2.0), "s", prefix=prefix)
        assert promoted.submit(_record("c-3"), queued=True) == (True, "")
        assert promoted.submit_many([(_record("c-4"), True, None)]) == [(True, "")]
        assert _loads(replica.client()) == 0
        assert promoted.submit(_record("c-1"), queued=True) == (False, "sha-c-1")  # stored before the failover
    finally:
        master.stop()
        replica.stop()


def test_a_call_leaves_nothing_to_the_next_in_the_librarys_locals(rdb, prefix):
    """A call whose last writes fail (the site's stats key holds a string: its flush stops at WRONGTYPE, the
    comment's counts left in the library's tables) and a counter changed between two calls: the next call's counts
    are its own and its cost-0 limit is read from the server, not from the last call's tables (a library's locals
    outlive calls; each call makes them afresh)."""
    queue = ReviewQueue(rdb, "s", prefix=prefix)
    site_key = f"{prefix}{{s}}:rl:key:all"

    def charge(cost="1", limit="100"):
        return Charge(["key"], [site_key], [f"{cost}|60000|{limit}"])

    rdb.set(queue.key("stats"), "not a hash")
    with pytest.raises(redis.ResponseError):
        queue.submit(_record("c-bad"), queued=True, charge=charge())
    rdb.delete(queue.key("stats"))
    assert queue.submit(_record("c-1"), queued=True, charge=charge()) == (True, "")
    assert rdb.hget(queue.key("stats"), "submitted:review") == "1"  # c-1's own count, not c-bad's again
    # c-bad's push went with its failed flush; c-1's list is its own, and each comment charged once
    assert rdb.lrange(queue.key("recent"), 0, -1) == ["c-1"] and rdb.get(site_key) == "2"
    rdb.set(site_key, "100", keepttl=True)  # another worker's charges since
    over = queue.submit(_record("c-2"), queued=True, charge=charge("0", "50"))
    assert isinstance(over, submissions.Limited) and over.position == 1


def test_a_server_without_the_library_loads_it_once_whoever_asks_first(rdb):
    """Two workers' libraries of the same code are one library (named by its code's hash): the second load finds it
    and is fine; a FUNCTION FLUSH makes the next call load it again; another site's settings are another library."""
    chunk = "local N = 0\n"
    body = "N = N + 1\nreturn {N, KEYS[1]}"
    first, second = Library(rdb, chunk, {"count": body}), Library(rdb, chunk, {"count": body})
    other = Library(rdb, "local N = 10\n", {"count": body})
    assert first.name == second.name != other.name
    count = first.functions["count"]
    assert count(keys=["k"]) == [1, "k"]  # loaded by the call that met the server without it
    second.load("k")  # already there: fine
    assert second.functions["count"](keys=["k"]) == [2, "k"]  # the same library: its local went on
    assert missing(redis.ResponseError("Function not found")) and not missing(redis.ResponseError("WRONGTYPE"))
    rdb.function_flush()
    assert count(keys=["k"]) == [1, "k"] and other.functions["count"](keys=["k"]) == [11, "k"]


@pytest.mark.slow
def test_on_a_cluster_the_first_missing_call_loads_the_library_on_every_master(tmp_path):
    """One call on one slot finds the library missing and loads it on every master (and so their replicas), as
    redis-py loads a script: a node a site's slot moves to, or fails over to, has it already."""
    from tests.support.topologies import Cluster

    cluster = Cluster(tmp_path / "cluster").start()
    try:
        library = Library(make_client(cluster.url, 2.0), "local N = 0\n", {"count": "N = N + 1\nreturn N"})
        assert library.functions["count"](keys=["{a}:k"]) == 1
        wait_until(lambda: all(library.name in _libraries(node.client()) for node in cluster.nodes), 10,
                   "the library on every node")
    finally:
        cluster.stop()
