"""MODERATION_REDIS_MIN_REPLICAS: every acknowledged write waits until a replica has it, so a failover to that
replica loses nothing answered (README, Scaling out), on real servers: a master, a replica connected through a relay
that partitions them, the master SIGKILLed and the replica promoted."""

import time

import pytest
import redis

from moderation.store.master_pipeline import Replicas
from tests.support.relay import Partition
from tests.support.servers import RedisProcess
from tests.support.topologies import wait_until
from tests.support.writes import HELD, WRITES, Stores

CASES = {**WRITES, "comment held by its article": HELD}


@pytest.fixture
def pair(tmp_path):
    """(master, replica, partition): the replica follows the master through the partition relay, in sync."""
    master = RedisProcess(tmp_path / "master").start()
    partition = Partition(master.port).start()
    replica = RedisProcess(tmp_path / "replica")
    replica.extra += ["--replicaof", "127.0.0.1", str(partition.port)]
    replica.start()
    try:
        wait_until(lambda: replica.client().info("replication")["master_link_status"] == "up", 20, "the replica")
        yield master, replica, partition
    finally:
        partition.stop()
        for node in (master, replica):
            if node.process.poll() is None:
                node.stop()


def in_sync(master, replica):
    offset = master.client().info("replication")["master_repl_offset"]
    wait_until(lambda: replica.client().info("replication")["slave_repl_offset"] >= offset, 20, "the replica's copy")


@pytest.mark.parametrize("write", CASES)
def test_a_write_answered_with_min_replicas_survives_a_failover(pair, write):
    """The replica is cut off, the write is made with MIN_REPLICAS=1, the master is killed and the replica promoted:
    what was answered must be there (before: only comments, decisions and undos waited; a report, a removal, a rights
    request, a mode, a standing, a label, an account, a token, a pin, an article and a comment held by its article's
    rule were answered on the master's word and lost). A refused write (503) is made again on the new master."""
    master, replica, partition = pair
    make, stored = CASES[write]
    Stores(master.url).set_up()
    in_sync(master, replica)
    partition.cut()
    answered, refused, start = [], [], time.monotonic()
    try:
        make(Stores(master.url, Replicas(1, 300)))
        answered.append(round(time.monotonic() - start, 2))
    except redis.RedisError as error:  # NotReplicated: the service answers 503, the person retries
        refused.append(type(error).__name__)
    master.kill()
    promoted = replica.client()
    promoted.replicaof("NO", "ONE")
    kept = stored(Stores(replica.url))
    assert not answered or kept, f"the {write} was answered at {answered} s with MIN_REPLICAS=1, then lost in the " \
                                 f"failover to the replica"
    assert refused == ["NotReplicated"], (answered, refused)
    make(Stores(replica.url))  # the retry, on the promoted master (no replica of its own yet)
    assert stored(Stores(replica.url))
