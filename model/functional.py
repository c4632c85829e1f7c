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
import json
import sys
import unicodedata
from pathlib import Path

from model.functional_format import format_failures, format_report, markdown_report
from model.judge import DEFAULT_DATA, Judge, resolve_artifact
from model.yardsticks import functional_report, written_cases
from moderation.scoring.scorer import load_scorer


def training_overlap(data_dir: Path | str | None = None) -> list[str]:
    """Ids of suite and probes' cases that are also training rows (real or generated): must stay empty."""
    from model.data import load_all
    from model.training_set import synthetic_rows

    data_dir = Path(data_dir or DEFAULT_DATA)

    def key(text: str) -> str:  # width, case and spacing only: a spelling variant is its own case
        return "".join(unicodedata.normalize("NFKC", text).lower().split()).strip("。.!?")

    seen = {key(r.text) for r in (*load_all(data_dir), *synthetic_rows(data_dir))}  # what train.py trains on
    return [c["id"] for c in written_cases() if key(c["text"]) in seen]


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
