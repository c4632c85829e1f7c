"""The (group, text, harmful) cases the inspection tools read (model.span_views, model.decision_parts).

A written probe's cases are grouped as "<probe>:<functionality>" (or its expected label); HateCheck's by its
functionality. HateCheck is TEST ONLY: the tools show its figures per functionality, never to choose a rule or a row.
"""

from __future__ import annotations

import csv
from pathlib import Path

from model.judge import HATECHECK, load_cases
from model.yardsticks import WRITTEN_PROBES


def labelled_cases(probes=(), hatecheck_dir: Path | str | None = None) -> list[tuple[str, str, bool]]:
    """The named written probes' cases, then HateCheck's from `hatecheck_dir` (the shared data folder) when given."""
    cases = []
    for name in probes:
        cases += [(f"{name}:{c.get('functionality', c['expected'])}", c["text"], c["expected"] == "harmful")
                  for c in load_cases(WRITTEN_PROBES[name][0])]
    if hatecheck_dir is not None:
        with open(Path(hatecheck_dir) / HATECHECK, encoding="utf-8", newline="") as fh:
            cases += [(r["functionality"], r["test_case"].strip(), r["label_gold"] == "hateful")
                      for r in csv.DictReader(fh)]
    return cases
