"""The lost-answer relay the durability tests stand on (tests/support/relay.py): what a test reads of it is settled
before the client can act on the loss."""

import time

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from tests.support.relay import LostAnswer


@pytest.mark.slow
def test_a_lost_answer_is_counted_before_its_client_can_give_up(own_redis):
    """The client gives up on the connection by its own timeout before the server answers (BLPOP for 1 s against a
    socket timeout of 0.2 s: what a loaded machine does to a relay thread against REDIS_TIMEOUT), as redis-py then
    retries on a new connection and can be answered there first. The relay has counted the lost answer by then
    (before: only when the answer arrived, so a test reading `dropped` after its retry's answer could read 0), and
    the late answer reaches no one: the next connection through the relay is answered its own."""
    relay = LostAnswer(own_redis.port, b"BLPOP", b"lost-list").start()
    try:
        client = redis.Redis(port=relay.port, socket_timeout=0.2, retry=Retry(NoBackoff(), 0))
        with pytest.raises(redis.TimeoutError):
            client.blpop(["lost-list"], timeout=1)
        assert relay.dropped == 1  # the answer is 0.8 s away yet
        time.sleep(1.0)  # BLPOP's nil answer has reached the relay
        assert relay.dropped == 1 and client.echo("mine") == b"mine"
    finally:
        relay.stop()
