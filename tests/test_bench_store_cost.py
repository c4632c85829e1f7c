"""bench/store_cost.py (`make bench-store`): each kind of comment takes the path it is named for in SUBMIT, and the
append-only check's skip the bench forces is still in SUBMIT's Lua."""

import json
import subprocess
import sys

import pytest

from bench import store_cost
from moderation.store.append_only import PENDING
from moderation.store.review_queue import submit_lua

RECORD = {"id": "x", "article_id": "a-1", "author_id": "u-1", "decision": "allow", "status": "published",
          "labels": [], "trusted_decision": None,
          "comment": {"author": {"id": "u-1", "name": "読者"}}}
HITS = [("key", "all", 1), ("author", "u-1", 1), ("ip", "10.0.0.1", 1)]


def test_the_forced_info_skip_is_the_one_line_of_submits_check():
    assert PENDING.count(store_cost.INFO_CHECK) == 1 and submit_lua.CHUNK.count(store_cost.INFO_CHECK) == 1


def test_each_kind_makes_the_comments_it_is_named_for():
    records = [(RECORD, HITS)] * 90
    made = {kind: store_cost.kind_items(kind, records, "t") for kind in store_cost.KINDS}
    assert all(len({r["id"] for r, _ in items}) == 90 for items in made.values())  # fresh ids
    assert {r["decision"] for r, _ in made["queued"]} == {"review"}
    assert {r["decision"] for r, _ in made["rejected"]} == {"reject"}
    assert len({r["author_id"] for r, _ in made["rejected"]}) == 90  # each on a fresh author
    assert len({r["author_id"] for r, _ in made["offender"]}) == store_cost.OFFENDERS
    limited = made["limited"]
    assert len({r["author_id"] for r, _ in limited}) == 1 and {r["decision"] for r, _ in limited} == {"allow"}
    assert all(("author", r["author_id"], 1) in hits for r, hits in limited)  # its counter is its author's
    assert {r["article_id"] for r, _ in made["hot"]} == {"hot-article"}
    assert made["mix"][0][0]["author_id"] == "u-1" and made["mix"][0][1] == HITS
    assert [r["author_id"] for r, _ in made["batch"]] == [r["author_id"] for r, _ in made["mix"]]  # the mix, 100 a call


def test_a_dumps_instructions_are_its_totals_not_its_summary(tmp_path):
    dump = tmp_path / "callgrind.out.1"
    dump.write_text("version: 1\nevents: Ir\nsummary: 0\nfn=main\n5 10\ntotals: 12088407\n")
    assert store_cost.dumped_instructions(dump) == 12088407


def test_a_dumps_parts_are_the_named_functions_inclusive_totals():
    listing = """--------------------------------------------------------------------------------
76,146,480 (100.0%)  ???:aeMain'2 [/x/valkey-server]
59,205,419 (77.75%)  ???:fcallCommand [/x/valkey-server]
21,367,792 (28.06%)  ???:VM_CallArgv [/x/valkey-server]
14,977,345 (19.67%)  ???:call'2 [/x/valkey-server]
12,884,089 (16.92%)  ???:afterCommand [/x/valkey-server]
   831,806 ( 1.09%)  ???:call'2 [/x/valkey-server]
 1,932,312 ( 2.54%)  ./string/../memmove-vec-unaligned-erms.S:__memcpy_avx_unaligned_erms [/usr/lib/libc.so.6]
"""
    assert store_cost.parts_of(listing) == {"k_fcall": 59205419, "k_module_call": 21367792, "k_commands": 14977345,
                                            "k_propagation": 12884089, "k_lua_gc_step": 0}


@pytest.mark.slow
def test_a_run_prices_each_kind_on_its_own_path(tmp_path):
    out = tmp_path / "out.json"
    subprocess.run([sys.executable, "-m", "bench.store_cost", "--rounds", "1", "--comments", "40", "--json",
                    str(out)], check=True, capture_output=True, timeout=600)
    found = json.loads(out.read_text())["medians"]
    assert set(found) == set(store_cost.KINDS)
    # refused after the limit: the record's check, two counters and the time left, nothing stored
    assert found["limited"]["commands"] < 5 < found["allowed"]["commands"]
    # a held comment adds the queue's sets and its event; a rejection its event and the author's strike
    assert found["allowed"]["commands"] < found["queued"]["commands"] < found["rejected"]["commands"]
    # (the FCALL's time is wall time: on a loaded machine it may pass the server's CPU time)
    assert all(row["valkey_us"] > 0 and row["fcall_us"] > 0 and row["client_us"] > 0 for row in found.values())
