"""MODERATION_REDIS_MIN_REPLICAS: every acknowledged write waits until a replica has it, so a failover to that
replica loses nothing answered (README, Scaling out), on real servers: a master, a replica connected through a relay
that partitions them, the master SIGKILLed and the replica promoted."""

import threading
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
@pytest.mark.slow
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


def _token_keys(client):
    """{token id: its hash} of every moderation API token the server holds, pending or live."""
    return {fields["id"]: fields for fields in map(client.hgetall, client.scan_iter("mod:modtoken:*"))}


@pytest.mark.slow
def test_a_token_refused_for_want_of_a_replica_leaves_no_live_token(pair):
    """A token whose issue was refused (503: MIN_REPLICAS=1, the replica cut off) was never shown, so the master
    must keep no live token of it: the operator's retry issues the account's one new token (before: the refused
    token stayed valid beside the retry's, a second credential nobody holds)."""
    master, replica, partition = pair
    Stores(master.url).set_up()
    first = Stores(master.url).tokens.list("hanako")
    in_sync(master, replica)
    partition.cut()
    with pytest.raises(redis.RedisError):
        Stores(master.url, Replicas(1, 300)).tokens.issue("hanako", note="new tool")
    assert Stores(master.url).tokens.list("hanako") == first
    assert sorted(_token_keys(master.client())) == [first[0]["id"]]
    token_id, token = Stores(master.url).tokens.issue("hanako", note="new tool")  # the retry (no replica awaited)
    assert sorted(row["id"] for row in Stores(master.url).tokens.list("hanako")) == sorted([first[0]["id"], token_id])
    assert Stores(master.url).tokens.name_for(token) == "hanako"


@pytest.mark.slow
def test_a_token_whose_master_died_before_its_confirmation_is_never_live_on_the_promoted_replica(pair):
    """The replica has the token's write but its acknowledgement never reaches the master, which is SIGKILLed during
    the WAIT: the issue fails (nothing shown) and cannot discard the token, and the promoted replica holds it; it
    must hold it pending (never accepted, gone within the hour), not live (before: a live token no one was shown,
    listed beside the retry's)."""
    master, replica, partition = pair
    Stores(master.url).set_up()
    first = Stores(master.url).tokens.list("hanako")
    in_sync(master, replica)
    partition.cut_acknowledgements()
    failed = []

    def issue():
        try:
            failed.append(Stores(master.url, Replicas(1, 5000)).tokens.issue("hanako", note="new tool"))
        except redis.RedisError as error:
            failed.append(type(error).__name__)

    thread = threading.Thread(target=issue)
    thread.start()
    wait_until(lambda: len(_token_keys(replica.client())) == 2, 5, "the new token's write on the replica")
    master.kill()
    thread.join(timeout=30)
    assert failed and isinstance(failed[0], str), failed  # the issue answered an error: no token was shown
    promoted = replica.client()
    promoted.replicaof("NO", "ONE")
    new = {token_id: fields for token_id, fields in _token_keys(promoted).items() if token_id != first[0]["id"]}
    assert [fields.get("pending") for fields in new.values()] == ["1"], new
    assert Stores(replica.url).tokens.list("hanako") == first
    from moderation.store.moderator_tokens import PENDING_S

    assert all(0 < ttl <= PENDING_S for ttl in (promoted.ttl(key) for key in promoted.scan_iter("mod:modtoken:*")
                                                 if promoted.hget(key, "pending")))


@pytest.mark.slow
def test_a_retry_answered_as_a_replay_waits_for_the_replicas_too(pair):
    """A clean comment its article's rule held is refused for want of a replica (NotReplicated, 503), and the
    client's retry finds it stored: the replay is answered only once a replica has it too. Before, the retry's
    SUBMIT (the model's decision 'allow': no WAIT) answered the replay on the master's word, and the failover to the
    replica lost a comment answered as queued."""
    master, replica, partition = pair
    make, stored = HELD
    Stores(master.url).set_up()
    in_sync(master, replica)
    partition.cut()
    tries = []
    for _ in range(2):  # the first try and the client's retry, with the replica still cut off
        try:
            make(Stores(master.url, Replicas(1, 300)))
            tries.append("answered")
        except redis.RedisError as error:
            tries.append(type(error).__name__)
    assert stored(Stores(master.url))  # on the master, as the first try left it
    master.kill()
    replica.client().replicaof("NO", "ONE")
    assert not stored(Stores(replica.url))  # the replica never had it
    assert tries == ["NotReplicated", "NotReplicated"], tries
