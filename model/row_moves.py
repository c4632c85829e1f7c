"""Which training rows a code change re-reads: the active model's probabilities on every row, saved on one checkout and
compared on another (a reading that moves no row refits to the same weights; one that moves some needs a fit).

    python -m model.row_moves --save BEFORE.json [--data-dir ../shared/data] [--artifact VERSION|DIR]
        (model.train --save-rows and model.recard --save-rows write this file for the artifact they write)
    python -m model.row_moves --against BEFORE.json [--data-dir ../shared/data] [--artifact VERSION|DIR] [--show N]
        [--reread]

Every row is read, real and generated, every split and both languages (the rows model.train fits on are among them);
texts are keyed by their sha256, so a snapshot holds no data-set text but the --show lines printed by --against. A row's
features moved when its probabilities differ by any amount: the model is fixed, so only the code can move them.
Session 50: en's branches (0 of 106,182 distinct texts for the introductions; 8 generated rows for the gerund subject).
A loader change reads rows as other texts: `--reread` counts them by source and split and compares the rest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from model import data as D
from model import training_set as T
from model.judge import DEFAULT_DATA, resolve_artifact


def snapshot(proba, rows) -> dict[str, dict]:
    """{sha256 of the text: {"probs": [...], "rows": [[source, split], ...]}} for the distinct texts of `rows`, scored
    once by `proba` (a list of texts -> an array of rows of probabilities)."""
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(_key(r.text), {"text": r.text, "rows": []})["rows"].append([r.source, r.split])
    keys = sorted(out)
    for key, probs in zip(keys, proba([out[k]["text"] for k in keys]), strict=True):
        out[key]["probs"] = [round(float(p), 9) for p in probs]
    for entry in out.values():
        del entry["text"]
    return out


def moved(before: dict, after: dict, reread: bool = False) -> list[str]:
    """Keys of the texts whose probabilities differ between two snapshots (a text in only one of them is an error: the
    data differ, not the code; with `reread` a loader change is expected and only the texts in both are compared)."""
    if before.keys() != after.keys() and not reread:
        raise ValueError(f"the snapshots hold different texts ({len(before)} and {len(after)}): same data dir?")
    return sorted(k for k in before.keys() & after.keys() if before[k]["probs"] != after[k]["probs"])


def reread_rows(before: dict, after: dict) -> tuple[Counter, Counter]:
    """Rows by (source, split) of the texts in only one snapshot: what a loader change reads differently (session 51:
    Davidson training tweets keeping their quote marks), before and now."""
    def rows(a, b):
        return Counter((src, split) for k in a.keys() - b.keys() for src, split in a[k]["rows"])

    return rows(before, after), rows(after, before)


def served(folder: Path, sha: str):
    """The artifact's predict_proba as the service loads it (what a snapshot scores)."""
    from moderation.scoring.scorer import load_scorer

    return load_scorer(folder, sha).pipeline.predict_proba


def save(path, snap: dict) -> dict:
    """Write a snapshot to `path` (--save, and a fit or re-card leaving its rows for the next re-card)."""
    Path(path).write_text(json.dumps(snap), encoding="utf-8")
    return snap


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.row_moves", description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", help="write this checkout's snapshot to FILE")
    what.add_argument("--against", help="compare this checkout's rows with the snapshot in FILE")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--artifact", default=None, help="artifact folder or version (default: the active one)")
    ap.add_argument("--show", type=int, default=20, help="with --against: print up to N moved texts")
    ap.add_argument("--reread", action="store_true",
                    help="with --against: the loader reads some rows differently (count them, compare the rest)")
    args = ap.parse_args(argv)
    folder, sha = resolve_artifact(args.artifact)
    data_dir = Path(args.data_dir)
    rows = D.load_all(data_dir) + T.synthetic_rows(data_dir)
    now = snapshot(served(folder, sha), rows)
    if args.save:
        save(args.save, now)
        print(f"{len(rows)} rows, {len(now)} distinct texts saved to {args.save}")
        return 0
    before = json.loads(Path(args.against).read_text(encoding="utf-8"))
    keys = moved(before, now, reread=args.reread)
    if args.reread:
        gone, new = reread_rows(before, now)
        print(f"rows read differently: {sum(gone.values())} before {dict(gone)}, {sum(new.values())} now {dict(new)}")
    by_source = Counter((src, split) for k in keys for src, split in now[k]["rows"])
    print(f"{len(keys)} of {len(now)} distinct texts moved; rows by source and split: {dict(by_source)}")
    texts = {_key(r.text): r.text for r in rows}
    for k in keys[:args.show]:
        print(f"  {now[k]['rows']} {texts[k][:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
