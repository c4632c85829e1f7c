"""The checks every written probe's tests share: its cases' shape, and no case lost against the recorded results."""

import json
import re
from collections import Counter
from difflib import SequenceMatcher

import pytest

from model.judge import SUITE_DIR, Judge, load_cases
from moderation.wordlists import GROUPS, GROUPS_NAMED, PRAISE

KEYS = {"id", "functionality", "text", "expected", "category", "pair"}
# the writer's own words: a probe whose cases must hold none (no reading of whose word it is may decide them)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves)\b")


def assert_well_formed(cases, harm_categories, *, pairs_required=True) -> Counter:
    """Unique ids and texts, the suffix and category the expected side implies, pairs that point at each other;
    returns the cases per expected side."""
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids) and len({c["text"] for c in cases}) == len(cases)
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        harmful = c["expected"] == "harmful"
        assert set(c) == KEYS, c["id"]
        assert c["functionality"].endswith("_h" if harmful else "_nh"), c["id"]
        assert (c["category"] in harm_categories if harmful else c["category"] is None), c["id"]
        if c["pair"] is not None or pairs_required:
            assert by_id[c["pair"]]["pair"] == c["id"] and by_id[c["pair"]]["expected"] != c["expected"], c["id"]
    return Counter(c["expected"] for c in cases)


def assert_reading_probe(probe, sides: dict, pairs: int, shared: int,
                         categories=frozenset({"hate", "threat", "harassment"})) -> None:
    """A second reader's probe: well-formed, `pairs` twins sharing a stretch of at least `shared` characters (the same
    frame), and no text of another suite file."""
    cases = load_cases(probe)
    assert assert_well_formed(cases, categories, pairs_required=False) == sides
    by_id = {c["id"]: c for c in cases}
    paired = [c for c in cases if c["pair"] is not None]
    assert len(paired) == 2 * pairs
    for c in paired:
        same = SequenceMatcher(None, c["text"].lower(), by_id[c["pair"]]["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= shared, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != probe for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others


def assert_word_twins(probe, per_side: int, shapes: set, words: tuple, shared: int) -> None:
    """A probe of the writer's own group word: a reading probe whose twins share their shape and the same word."""
    assert_reading_probe(probe, {"harmful": per_side, "non_harmful": per_side}, per_side, shared)
    cases = load_cases(probe)
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        twin = by_id[c["pair"]]
        assert c["functionality"].rsplit("_", 1)[0] == twin["functionality"].rsplit("_", 1)[0], c["id"]
        assert [w for w in words if w in c["text"].lower()] == [w for w in words if w in twin["text"].lower()] != []
    assert {c["functionality"].rsplit("_", 1)[0] for c in cases} == shapes


def assert_pairs_name_one_group(cases) -> None:
    """Both members of each pair name the same Japanese group words, and some: a Japanese group probe is about what
    is said of a group, not which group is named."""
    japanese_groups = [g for g in GROUPS if not g.isascii()]
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        named = {g for g in japanese_groups if g in c["text"]}
        assert named and named == {g for g in japanese_groups if g in by_id[c["pair"]]["text"]}, c["id"]


def praise_worded(cases) -> list[str]:
    """Ids of the cases that say a word of the praise list, which group_praise reads without any construction."""
    words = [w for w in PRAISE if w.isascii()]
    return [c["id"] for c in cases if any(f" {w} " in f" {c['text'].lower().rstrip('.')} " for w in words)]


def no_listed_group(cases) -> list[str]:
    """Ids of the cases that name no listed English group (the probes on group speech need the group signal)."""
    groups = [g for g in GROUPS if g.isascii()]
    return [c["id"] for c in cases if not any(g in c["text"].lower() for g in groups)]


def no_group_named(cases) -> list[str]:
    """Ids of the cases that name no English group, listed or named by a people's name or an adjective and a word for
    people (group or group_named), as a whole word."""
    words = "|".join(re.escape(g) for g in (*GROUPS, *GROUPS_NAMED) if g.isascii())
    named = re.compile(rf"(?<![a-z])(?:{words})(?![a-z])")
    return [c["id"] for c in cases if not named.search(c["text"].lower())]


# ids renamed when case ids were made unique across probe files: cards written before then keep the old prefix
RENAMED_IDS = {"en_slur_praise_probe": ("en-sp-", "en-spr-"), "ja_attack_probe": ("ja-a-", "ja-at-")}


def recorded_results(scorer, key, results_file) -> dict:
    """The probe's results for the shipped version: its card's, else the file kept for cards that predate the probe."""
    recorded = (scorer.card.get("functional") or {}).get(key) or json.loads(
        results_file.read_text(encoding="utf-8")).get(scorer.version)
    if not recorded:
        pytest.skip(f"no {key} results recorded for {scorer.version}")
    if key in RENAMED_IDS:
        old, new = RENAMED_IDS[key]
        recorded = {**recorded, "failed": [new + i.removeprefix(old) if i.startswith(old) else i
                                           for i in recorded["failed"]]}
    return recorded


def assert_no_case_lost(scorer, report, probe, recorded, flagged=("harmful_flagged", "non_harmful_flagged")):
    """Scoring is deterministic: each case that passed when recorded still passes, and neither side's rate moved
    the wrong way."""
    now = report(Judge(scorer, scorer.card["thresholds"]), load_cases(probe))
    assert now["n"] == recorded["n"], "the recorded results are for a different probe: record them again"
    assert sorted(set(now["failed"]) - set(recorded["failed"])) == []
    harmful, non_harmful = flagged
    assert now[non_harmful]["rate"] <= recorded[non_harmful]["rate"]
    assert now[harmful]["rate"] >= recorded[harmful]["rate"]
