"""The ship gate: a fitted artifact against the active one on this checkout's code, figure by figure and case by case.

    python -m model.compare --against VERSION|SNAPSHOT.json [--artifact DIR|VERSION] [--data-dir ../shared/data]
        [--save FILE] [--save-against FILE]

Prints, for both artifacts: every held-out set of issue 3's table (model.evaluate's sets), the Japanese suite's
harmful / non-harmful pass rates, chat and RTP-LX benign flagged, personal_info's precision and recall, real civil
English flagged as served (held-out Davidson 'neither' and Stormfront noHate, decided as the service decides), the
written probes won and lost (every lost case with its scores and its distance to its line) and the verdict of
model.gate's rules (PASS / REFUSE with the reasons; a small held-out set's fall is read by its paired bootstrap
interval, so a snapshot carries those sets' labels and scores). HateCheck comes last, after the verdict: it is read
after the choice and never enters it. A snapshot saved with --save (one artifact's figures and case answers, as
JSON) can be given to --against: that is how an artifact is compared as scored on the code it was shipped with.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from model.case_reports import hatecheck_report, personal_info_report, suite_report
from model.gate import format_comparison
from model.judge import DEFAULT_DATA, HATECHECK, HATECHECK_FOCUS, PROBE, SUITE, SUITE_DIR, Judge, load_cases
from model.judge import resolve_artifact as _resolve
from model.owned_tweets import FIELD, owned_split
from model.paired_bootstrap import FIELD as SMALL_SETS
from model.paired_bootstrap import small_set_scores

NOT_PROBES = (SUITE.name, PROBE.name, "en_validation.jsonl")  # scored apart (suite, PI) or unlabelled cases


def written_probe_cases(suite_dir: Path = SUITE_DIR) -> list[dict]:
    """Every written probe case (tests/functional/*.jsonl but the Japanese suite, the PI probe and the validation
    cases): each has an id, a text and an expected side."""
    return [c for path in sorted(suite_dir.glob("*.jsonl")) if path.name not in NOT_PROBES
            for c in load_cases(path)]


def line_margin(verdict: dict, thresholds: dict) -> float:
    """How far the case's highest harm output is above (+) or below (-) its review line: the distance the line rule
    reads."""
    return max(p - thresholds.get(name, {}).get("review", 0.5) for name, p in
               {**verdict["categories"], "abuse": verdict["abuse"]}.items())


def case_answers(judge: Judge, cases: list[dict]) -> dict[str, dict]:
    """id -> the case's text, side, whether it passed (a harm flagged / nothing flagged), margin and scores."""
    out = {}
    for case in cases:
        verdict = judge.judge(case["text"])
        harmful = case["expected"] == "harmful"
        out[case["id"]] = {"text": case["text"], "harmful": harmful, "passed": verdict["flagged"] == harmful,
                           "margin": round(line_margin(verdict, judge.thresholds), 9),
                           "scores": {k: round(v, 6) for k, v in verdict["categories"].items()}}
    return out


def civil_english(judge: Judge, rows) -> dict[str, list[int]]:
    """{source: [flagged, n]}: held-out Davidson 'neither' and Stormfront noHate decided as served, flagged when held
    or rejected for a harm (a hold for spam alone is not this yardstick's business, as in the written probes)."""
    out = {}
    for source in ("davidson", "stormfront"):
        texts = [r.text for r in rows if r.source == source and r.split == "test" and r.abuse == 0]
        out[source] = [sum(judge.judge(t)["flagged"] for t in texts), len(texts)]
    return out


def snapshot(scorer, data_dir: Path | None, probe_cases: list[dict] | None = None,
             suite_cases: list[dict] | None = None, pi_cases: list[dict] | None = None) -> dict:
    """One artifact's figures and case answers on this code (the held-out parts only when `data_dir` has the data)."""
    judge = Judge(scorer, scorer.thresholds)
    suite_cases = load_cases(SUITE) if suite_cases is None else suite_cases
    pi_cases = load_cases(PROBE) if pi_cases is None else pi_cases
    suite = suite_report(judge, suite_cases)
    pi = personal_info_report(judge, pi_cases)
    snap = {"version": getattr(scorer, "version", ""), "thresholds": scorer.thresholds,
            "ja_suite": {"harmful": suite["harmful"]["pass_rate"], "non_harmful": suite["non_harmful"]["pass_rate"],
                         "n": suite["n"]},
            "ja_cases": case_answers(judge, suite_cases),
            "personal_info": {k: pi.get(k) for k in ("available", "precision", "recall", "tp", "fp", "n", "failed")},
            "written": case_answers(judge, written_probe_cases() if probe_cases is None else probe_cases),
            "heldout": None, "civil_en": None, "hatecheck": None}
    if data_dir is not None and Path(data_dir, "davidson-hate-offensive").is_dir():
        from model.data import load_all
        from model.evaluate import eval_sets, memo_proba, metrics_for

        rows = load_all(Path(data_dir))
        sets, proba = eval_sets(rows, Path(data_dir)), memo_proba(scorer.pipeline)  # each distinct text scored once
        snap["heldout"] = metrics_for(sets, proba, scorer.thresholds)
        snap[SMALL_SETS] = small_set_scores(sets, proba)  # the gate's interval for a small set's fall
        snap["civil_en"] = civil_english(judge, rows)
        snap[FIELD] = owned_split(rows, proba)
    if data_dir is not None and (Path(data_dir) / HATECHECK).is_file():
        hc = hatecheck_report(judge, Path(data_dir) / HATECHECK)
        snap["hatecheck"] = {"roc_auc": hc["roc_auc_abuse"], "hateful_flagged": hc["hateful_flagged"],
                             "non_hateful_flagged": hc["non_hateful_flagged"],
                             **{k: hc["functionalities"][k]["flagged"] for k in HATECHECK_FOCUS
                                if k in hc["functionalities"]},
                             "own_word": {k: v["own_word"] for k, v in hc["functionalities"].items()
                                          if v["own_word"]["word"]}}
    return snap


def load_snapshot(arg: str, data_dir: Path | None) -> dict:
    """A saved snapshot (.json) or an artifact (folder or version) scored now."""
    if arg.endswith(".json") and Path(arg).is_file():
        return json.loads(Path(arg).read_text(encoding="utf-8"))
    from moderation.scoring.scorer import load_scorer

    folder, sha = _resolve(arg)
    return snapshot(load_scorer(folder, sha), data_dir)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.compare", description=__doc__.splitlines()[0])
    ap.add_argument("--against", required=True, help="the active model: a version, folder or saved snapshot .json")
    ap.add_argument("--artifact", default=None, help="the candidate: folder, version or snapshot (default: active)")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--save", default=None, help="write the candidate's snapshot here (JSON)")
    ap.add_argument("--save-against", default=None, help="write the active model's snapshot here (JSON)")
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir) if Path(args.data_dir).is_dir() else None
    before = load_snapshot(args.against, data_dir)
    candidate = args.artifact or str(_resolve(None)[0])
    after = before if candidate == args.against else load_snapshot(candidate, data_dir)
    for path, snap in ((args.save, after), (args.save_against, before)):
        if path:
            Path(path).write_text(json.dumps(snap, ensure_ascii=False) + "\n", encoding="utf-8")
    text, passed = format_comparison(before, after)
    print(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
