"""The shipped model does no worse on any written probe than recorded for its version."""

import json
from collections import defaultdict

import pytest

from model.judge import SUITE_DIR
from model.yardsticks import WRITTEN_PROBES
from tests.support.probes import assert_no_case_lost, recorded_results

# the threat probe names its sides after threats; the others after harms
FLAGGED = {"en_threat_probe": ("threats_flagged", "non_threats_flagged")}


@pytest.mark.parametrize("key", sorted(WRITTEN_PROBES))
@pytest.mark.slow
def test_shipped_model_does_not_regress_on_the_probe(shipped_scorer, key):
    path, report = WRITTEN_PROBES[key]
    recorded = recorded_results(shipped_scorer, key, SUITE_DIR / f"{key}_results.json")  # for cards older than it
    assert_no_case_lost(shipped_scorer, report, path, recorded,
                        flagged=FLAGGED.get(key, ("harmful_flagged", "non_harmful_flagged")))


def test_every_written_probe_is_in_the_table():
    """A probe file added without a table entry would be neither in the card nor guarded here."""
    files = {p.name for p in SUITE_DIR.glob("*_probe.jsonl")} - {"personal_info_probe.jsonl"}
    assert files == {path.name for path, _ in WRITTEN_PROBES.values()}


def test_no_two_probe_files_share_a_case_id():
    """Ids name a case in cards, results files and reports across probes: one id must mean one case."""
    files = defaultdict(set)
    for path in SUITE_DIR.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and "id" in (case := json.loads(line)):
                files[case["id"]].add(path.name)
    assert len(files) > 1000
    assert {i: sorted(names) for i, names in files.items() if len(names) > 1} == {}
