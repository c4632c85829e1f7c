"""The test support's servers (gunicorn, a Redis node): a start that never becomes ready leaves no process behind
to load the run."""

import os
import sys

import pytest

from tests.support.servers import Gunicorn
from tests.support.topologies import Node


@pytest.mark.slow
def test_a_start_that_is_never_ready_stops_its_process(tmp_path):
    sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]  # never answers /readyz
    server = Gunicorn(sleeper, {}, tmp_path)
    with pytest.raises(AssertionError, match="did not become ready"):
        server.start(timeout=1)
    assert server.process.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(server.process.pid, 0)


@pytest.mark.slow  # waits out the node's 10 s
def test_a_redis_node_that_never_answers_is_stopped(tmp_path):
    """A server that refuses the readiness probe (here: a password the probe does not send) for the node's 10 s: the
    start fails and the server is stopped (it ran on, holding its port, for the rest of the run; audit s39)."""
    node = Node(tmp_path, "--requirepass", "not-sent")
    with pytest.raises(AssertionError, match="timed out"):
        node.start()
    assert node.process.poll() is not None
