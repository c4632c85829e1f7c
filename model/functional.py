"""Functional tests of a model artifact: what it holds and what it lets through, case by case.

    python -m model.functional [--artifact DIR|VERSION] [--data-dir ../shared/data] [--json | --markdown] [--failures]

Three yardsticks (tests/functional/README.md says how the cases are labelled):
- the project's Japanese suite (tests/functional/ja_suite.jsonl): pass rate per functionality, for the
  harmful and the non-harmful cases, and for the minimal pairs (both members right);
- HateCheck (English, `hatecheck-en` in the data folder, TEST ONLY: never train or tune on it): ROC-AUC of
  `abuse` over hateful vs non-hateful, and the share flagged per functionality;
- the personal-information probe (tests/functional/personal_info_probe.jsonl): precision and recall of the
  scorer's `personal_info` category, "not available" while the artifact has no such category.

A case is decided exactly as the service decides it: `Policy(thresholds).decide(scores)`, and a harm
category above its review (reject) threshold holds (rejects) the comment even if the policy knows no
categories. "Flagged" means held or rejected for a harm: any label other than `spam`, or any category, at
or above its review threshold. A harmful case passes when flagged; a non-harmful case passes when allowed.
Scores and categories are read generically (`Score.categories` if the scorer has it, else any score that
is not `spam`), so the same code measures the spam/abuse model and the one with categories.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from moderation.scoring.policy import Policy
from moderation.scoring.scorer import load_scorer, read_active

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "model" / "artifacts"
SUITE_DIR = ROOT / "tests" / "functional"
SUITE = SUITE_DIR / "ja_suite.jsonl"
PROBE = SUITE_DIR / "personal_info_probe.jsonl"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
HATECHECK = Path("hatecheck-en") / "test_suite_cases.csv"
NOT_HARMS = frozenset({"spam"})  # labels that hold a comment for something other than a harm
DEFAULT_REVIEW = 0.5  # a category with no threshold in the card: the policy's own default
HATECHECK_FOCUS = ("threat_dir_h", "derog_neg_emote_h", "counter_quote_nh", "counter_ref_nh",
                   "slur_reclaimed_nh")


def load_cases(path: Path | str) -> list[dict]:
    """One JSON object per non-empty line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def resolve_artifact(arg: str | None, root: Path = ARTIFACTS) -> tuple[Path, str]:
    """(folder, pinned sha256) of the active model, a version under `root`, or an artifact folder."""
    if not arg:
        version, sha = read_active(root)
        return root / version, sha
    folder = Path(arg) if Path(arg).is_dir() else root / arg
    pin = folder / "SHA256"
    if pin.is_file():
        return folder, pin.read_text(encoding="utf-8").split()[0]
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    return folder, card["sha256"]


class Judge:
    """Decides one text the way the service does and says whether it was flagged for a harm."""

    def __init__(self, scorer, thresholds: dict):
        self.scorer = scorer
        self.thresholds = {k: dict(v) for k, v in thresholds.items()}
        self.policy = Policy(self.thresholds)
        self._pass_categories = "categories" in inspect.signature(self.policy.decide).parameters

    def categories(self, score) -> dict[str, float]:
        cats = getattr(score, "categories", None)
        if isinstance(cats, dict):
            return {k: float(v) for k, v in cats.items()}
        return {k: float(v) for k, v in score.scores.items() if k not in NOT_HARMS and k != "abuse"}

    def judge(self, text: str) -> dict:
        score = self.scorer.score(text)
        cats = self.categories(score)
        scores = {**cats, **score.scores}
        if self._pass_categories:
            decision, labels, _risk = self.policy.decide(scores, categories=cats)
        else:
            decision, labels, _risk = self.policy.decide(scores)
        over = {name: p for name, p in cats.items()
                if p >= self.thresholds.get(name, {}).get("review", DEFAULT_REVIEW)}
        if any(p >= self.thresholds.get(name, {}).get("reject", 1.01) for name, p in over.items()):
            decision = "reject"
        elif over and decision == "allow":
            decision = "review"
        harms = sorted({*(lab for lab in labels if lab not in NOT_HARMS), *over})
        top = max(cats, key=cats.get) if cats else None
        return {"decision": decision, "harms": harms, "flagged": bool(harms), "abuse": float(score.scores["abuse"]),
                "categories": cats, "top_category": top}


def _rate(passed: int, n: int) -> float | None:
    return round(passed / n, 4) if n else None


def suite_report(judge: Judge, cases: list[dict]) -> dict:
    """Pass rates of the Japanese suite per functionality, per expected label, per category and per pair."""
    outcome: dict[str, bool] = {}
    per_func: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_exp: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cat_match = [0, 0]
    false_alarms: dict[str, int] = defaultdict(int)  # which outputs held the non-harmful cases
    for case in cases:
        verdict = judge.judge(case["text"])
        ok = verdict["flagged"] if case["expected"] == "harmful" else verdict["decision"] == "allow"
        outcome[case["id"]] = ok
        if not ok and case["expected"] == "non_harmful":
            for name in verdict["harms"] or ["spam"]:
                false_alarms[name] += 1
        for table, key in ((per_func, case["functionality"]), (per_exp, case["expected"])):
            table[key][0] += ok
            table[key][1] += 1
        if case["expected"] == "harmful" and case.get("category"):
            per_cat[case["category"]][0] += ok
            per_cat[case["category"]][1] += 1
            if ok and verdict["categories"] and case["category"] in verdict["categories"]:
                cat_match[0] += verdict["top_category"] == case["category"]
                cat_match[1] += 1
    pairs = {tuple(sorted((c["id"], c["pair"]))) for c in cases if c.get("pair")}
    both = sum(outcome[a] and outcome[b] for a, b in pairs)
    return {
        "n": len(cases),
        "functionalities": {k: {"n": n, "passed": p, "pass_rate": _rate(p, n)}
                            for k, (p, n) in sorted(per_func.items())},
        "harmful": {"n": per_exp["harmful"][1], "pass_rate": _rate(*per_exp["harmful"])},
        "non_harmful": {"n": per_exp["non_harmful"][1], "pass_rate": _rate(*per_exp["non_harmful"])},
        "categories": {k: {"n": n, "pass_rate": _rate(p, n)} for k, (p, n) in sorted(per_cat.items())},
        "pairs": {"n": len(pairs), "both_pass_rate": _rate(both, len(pairs))},
        "category_match": ({"n": cat_match[1], "rate": _rate(*cat_match)} if cat_match[1] else None),
        "false_alarms": dict(sorted(false_alarms.items())),
        "failed": sorted(k for k, ok in outcome.items() if not ok),
    }


def hatecheck_report(judge: Judge, path: Path) -> dict:
    """ROC-AUC of `abuse` over hateful vs non-hateful HateCheck cases, and the share flagged per functionality."""
    if not path.is_file():
        return {"available": False, "reason": f"{path} is missing"}
    from sklearn.metrics import roc_auc_score

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    y, abuse = [], []
    per_func: dict[str, list] = defaultdict(lambda: [0, 0, ""])
    for row in rows:
        verdict = judge.judge(row["test_case"].strip())
        hateful = row["label_gold"] == "hateful"
        y.append(int(hateful))
        abuse.append(verdict["abuse"])
        entry = per_func[row["functionality"]]
        entry[0] += verdict["flagged"]
        entry[1] += 1
        entry[2] = row["label_gold"]
    flagged = {k: {"n": n, "label": lab, "flagged": _rate(f, n),
                   "pass_rate": _rate(f if lab == "hateful" else n - f, n)}
               for k, (f, n, lab) in sorted(per_func.items())}
    totals = {lab: [sum(f for f, _, g in per_func.values() if g == lab),
                    sum(n for _, n, g in per_func.values() if g == lab)] for lab in ("hateful", "non-hateful")}
    return {
        "available": True,
        "n": len(rows),
        "roc_auc_abuse": round(float(roc_auc_score(y, abuse)), 4),
        "hateful_flagged": _rate(*totals["hateful"]),
        "non_hateful_flagged": _rate(*totals["non-hateful"]),
        "functionalities": flagged,
    }


def personal_info_report(judge: Judge, cases: list[dict]) -> dict:
    """Precision and recall of the `personal_info` category at its review threshold on the written probe."""
    review = judge.thresholds.get("personal_info", {}).get("review", DEFAULT_REVIEW)
    tp = fp = fn = tn = 0
    wrong = []
    for case in cases:
        cats = judge.categories(judge.scorer.score(case["text"]))
        if "personal_info" not in cats:
            return {"available": False, "reason": "the artifact has no personal_info category"}
        hit = cats["personal_info"] >= review
        tp += hit and case["expected"]
        fp += hit and not case["expected"]
        fn += not hit and case["expected"]
        tn += not hit and not case["expected"]
        if hit != case["expected"]:
            wrong.append(case["id"])
    return {"available": True, "n": len(cases), "threshold": review, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": _rate(tp, tp + fp), "recall": _rate(tp, tp + fn), "failed": wrong}


def functional_report(scorer, thresholds: dict, data_dir: Path | str | None = None, *,
                      parts: tuple[str, ...] = ("ja_suite", "hatecheck", "personal_info")) -> dict:
    """All three yardsticks for one loaded scorer and its thresholds (card["functional"] holds this)."""
    judge = Judge(scorer, thresholds)
    out: dict = {"model_version": getattr(scorer, "version", "")}
    if "ja_suite" in parts:
        out["ja_suite"] = suite_report(judge, load_cases(SUITE))
    if "hatecheck" in parts:
        out["hatecheck"] = hatecheck_report(judge, Path(data_dir or DEFAULT_DATA) / HATECHECK)
    if "personal_info" in parts:
        out["personal_info"] = personal_info_report(judge, load_cases(PROBE))
    return out


def training_overlap(data_dir: Path | str | None = None) -> list[str]:
    """Ids of suite and probe cases that are also training rows (real or generated): must stay empty."""
    from model.data import load_all
    from model.synth import generate

    data_dir = Path(data_dir or DEFAULT_DATA)

    def key(text: str) -> str:  # width, case and spacing only: a spelling variant is its own case
        return "".join(unicodedata.normalize("NFKC", text).lower().split()).strip("。.!?")

    seen = {key(r.text) for r in (*load_all(data_dir), *generate(data_dir))}
    return [c["id"] for c in (*load_cases(SUITE), *load_cases(PROBE)) if key(c["text"]) in seen]


def regressions(recorded: dict, now: dict, tolerance: float = 0.01) -> tuple[int, list[str]]:
    """(functionalities compared, those whose pass rate fell below the recorded one minus `tolerance`).

    Both are `ja_suite` reports; a functionality whose case count changed since it was recorded is skipped."""
    compared, worse = 0, []
    for name, before in recorded["functionalities"].items():
        current = now["functionalities"].get(name)
        if current is None or current["n"] != before["n"]:
            continue
        compared += 1
        if current["pass_rate"] < before["pass_rate"] - tolerance:
            worse.append(f"{name}: {before['pass_rate']} -> {current['pass_rate']}")
    return compared, worse


def record_in_card(folder: Path | str, sha256: str, data_dir: Path | str | None = None) -> dict:
    """Measure the artifact in `folder` (loaded by its pinned hash) and store the figures as card["functional"]."""
    scorer = load_scorer(folder, sha256)
    rep = functional_report(scorer, scorer.card["thresholds"], data_dir)
    path = Path(folder) / "card.json"
    card = json.loads(path.read_text(encoding="utf-8"))
    card["functional"] = rep
    path.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return rep


def _pct(x) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}%"


def format_report(rep: dict) -> str:
    lines = [f"model {rep.get('model_version', '?')}"]
    ja = rep.get("ja_suite")
    if ja:
        lines += ["", f"Japanese functional suite ({ja['n']} cases)", f"{'functionality':32} {'n':>4} {'pass':>7}"]
        lines += [f"{k:32} {v['n']:4d} {_pct(v['pass_rate'])}" for k, v in ja["functionalities"].items()]
        lines += ["", f"harmful held/rejected   {_pct(ja['harmful']['pass_rate'])}  (n={ja['harmful']['n']})",
                  f"non-harmful allowed     {_pct(ja['non_harmful']['pass_rate'])}  (n={ja['non_harmful']['n']})",
                  f"minimal pairs both right {_pct(ja['pairs']['both_pass_rate'])}  (n={ja['pairs']['n']})"]
        lines += [f"  harmful {k:14} {_pct(v['pass_rate'])}  (n={v['n']})" for k, v in ja["categories"].items()]
        if ja["category_match"]:
            lines.append(f"top category = expected (caught cases) {_pct(ja['category_match']['rate'])}")
    hc = rep.get("hatecheck")
    if hc:
        lines += ["", "HateCheck (English, test only)"]
        if not hc["available"]:
            lines.append(f"  not available: {hc['reason']}")
        else:
            lines += [f"ROC-AUC abuse {hc['roc_auc_abuse']:.4f}; hateful flagged {_pct(hc['hateful_flagged'])}, "
                      f"non-hateful flagged {_pct(hc['non_hateful_flagged'])}",
                      f"{'functionality':22} {'label':12} {'n':>4} {'flagged':>8}"]
            lines += [f"{k:22} {v['label']:12} {v['n']:4d} {_pct(v['flagged']):>8}"
                      + (" *" if k in HATECHECK_FOCUS else "") for k, v in hc["functionalities"].items()]
    pi = rep.get("personal_info")
    if pi:
        lines += ["", "Personal-information probe"]
        if not pi["available"]:
            lines.append(f"  not available: {pi['reason']}")
        else:
            lines.append(f"precision {pi['precision']}, recall {pi['recall']} (n={pi['n']}, tp={pi['tp']} "
                         f"fp={pi['fp']} fn={pi['fn']} tn={pi['tn']}, threshold {pi['threshold']})")
    return "\n".join(lines)


def markdown_report(rep: dict) -> str:
    """The functional figures as a CARD.md section (tables per functionality)."""
    out = ["## Functional tests", ""]
    ja = rep.get("ja_suite")
    if ja:
        out += [f"Japanese suite (tests/functional, {ja['n']} written cases): harmful held or rejected "
                f"{_pct(ja['harmful']['pass_rate']).strip()}, non-harmful allowed "
                f"{_pct(ja['non_harmful']['pass_rate']).strip()}, minimal pairs both right "
                f"{_pct(ja['pairs']['both_pass_rate']).strip()} of {ja['pairs']['n']}.", "",
                "| functionality | n | pass |", "|---|---:|---:|"]
        out += [f"| {k} | {v['n']} | {_pct(v['pass_rate']).strip()} |" for k, v in ja["functionalities"].items()]
        out.append("")
    hc = rep.get("hatecheck")
    if hc and hc["available"]:
        out += [f"HateCheck (English, test only): ROC-AUC of abuse {hc['roc_auc_abuse']:.3f}; hateful flagged "
                f"{_pct(hc['hateful_flagged']).strip()}, "
                f"non-hateful flagged {_pct(hc['non_hateful_flagged']).strip()}.",
                "", "| functionality | gold | n | flagged |", "|---|---|---:|---:|"]
        out += [f"| {k} | {v['label']} | {v['n']} | {_pct(v['flagged']).strip()} |"
                for k, v in hc["functionalities"].items()]
        out.append("")
    pi = rep.get("personal_info")
    if pi:
        out.append(f"Personal-information probe ({pi['n']} written cases): precision {pi['precision']}, "
                   f"recall {pi['recall']}." if pi["available"]
                   else f"Personal-information probe: not available ({pi['reason']}).")
    return "\n".join(out) + "\n"


def format_failures(judge: Judge, failed: list[str]) -> str:
    """One line per failed case: id, functionality, what was expected, what the model did and why."""
    by_id = {c["id"]: c for c in load_cases(SUITE)}
    lines = ["", f"Failed cases ({len(failed)})"]
    for cid in failed:
        case = by_id[cid]
        verdict = judge.judge(case["text"])
        top = f" top {verdict['top_category']} {verdict['categories'][verdict['top_category']]:.2f}" if (
            verdict["top_category"]) else ""
        lines.append(f"{cid} {case['functionality']:26} want {case['expected']:11} got {verdict['decision']:6} "
                     f"abuse {verdict['abuse']:.2f}{top} {','.join(verdict['harms']) or '-'}  {case['text']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.functional", description=__doc__.splitlines()[0])
    ap.add_argument("--artifact", help="artifact folder or version under model/artifacts (default: the active one)")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA), help="shared data folder (for hatecheck-en)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the report as a CARD.md section")
    ap.add_argument("--failures", action="store_true", help="also list the Japanese cases the model gets wrong")
    args = ap.parse_args(argv)
    folder, sha = resolve_artifact(args.artifact)
    scorer = load_scorer(folder, sha)
    rep = functional_report(scorer, scorer.card["thresholds"], args.data_dir)
    if args.json:
        print(json.dumps(rep, ensure_ascii=False, indent=2))
    else:
        print(markdown_report(rep) if args.markdown else format_report(rep))
    if args.failures and not args.json:
        print(format_failures(Judge(scorer, scorer.card["thresholds"]), rep["ja_suite"]["failed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
