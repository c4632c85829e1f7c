"""bench/script_time.py: redis-server's time inside a script and inside the commands it calls, read apart from INFO
commandstats of a real server, as `make bench` prints them for SUBMIT."""

import pytest
import redis

from bench import script_time

# Three writes and the append-only check's INFO, as SUBMIT calls its commands from Lua.
SCRIPT = """
for i = 1, 3 do redis.call('HINCRBY', KEYS[1], 'n', 1) end
return #redis.call('INFO', 'persistence')
"""


def test_split_counts_the_commands_a_script_called_and_its_info(own_redis):
    client = redis.Redis.from_url(own_redis.url, decode_responses=True)
    script = client.register_script(SCRIPT)
    script(keys=["k"])  # loaded now: the 50 calls below are EVALSHAs alone
    before = client.info("commandstats")
    for _ in range(50):
        script(keys=["k"])
    split = script_time.split(before, client.info("commandstats"), 50)
    # 4 commands a call, and the one INFO commandstats that read `before` (counted once it had answered)
    assert split["commands"] == pytest.approx(4 + 1 / 50)
    assert client.hget("k", "n") == str(3 * 51)
    assert split["script_us"] > 0 and split["info_us"] > 0


def test_split_of_a_run_without_scripts_is_zero_and_never_divides_by_zero():
    stats = {"cmdstat_get": {"calls": 10, "usec": 20}}
    assert script_time.split(stats, stats, 0) == {"script_us": 0, "commands_us": 0, "commands": 0, "info_us": 0}


def test_cell_gives_the_medians_over_the_rounds_or_a_dash():
    rounds = [{"redis_script": {"script_us": us, "commands_us": us / 4, "commands": 21, "info_us": 8.0}}
              for us in (140.0, 120.0, 160.0)]
    assert script_time.cell([*rounds, {}]) == "140.0 / 35.0 / 8.0"  # a round without the split is left out
    assert script_time.cell([{}, {}]) == "-"
