"""The test support's gunicorn: a start that never becomes ready leaves no process behind to load the run."""

import os
import sys

import pytest

from tests.support.servers import Gunicorn


@pytest.mark.slow
def test_a_start_that_is_never_ready_stops_its_process(tmp_path):
    sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]  # never answers /readyz
    server = Gunicorn(sleeper, {}, tmp_path)
    with pytest.raises(AssertionError, match="did not become ready"):
        server.start(timeout=1)
    assert server.process.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(server.process.pid, 0)
