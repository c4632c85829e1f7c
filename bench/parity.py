"""Every answer and explanation of a commit against this checkout, compared byte for byte (issue 13's cuts).

    python -m bench.parity [--against main] [--n 500] [--data-dir DIR]

A cut made for speed must move no answer. Each version writes, in a process of its own (A: the commit's package
extracted and first on the path, as bench.instructions runs it; B: this checkout), one JSON line a text of a fixed
sample: the active model's Score (scores, categories) and explanation as served (score()), every head's explanation
(explain_all), and the same texts through score_many with explain_many, in batches of 100, both ways. The sample:
the active artifact's answers.json texts, every tests/functional *.jsonl text, bench.scoring's generated 200- and
5,000-character mixes (links, digits, groups), and `--n` real comments of each kind (news, English, Japanese) at
200 characters and at 1,000 (bench.real_comments; skipped without the data folder, and said so). A kernel change is
compared too: each side compiles its own kernels (generic CPU, bench.instructions' cache). Prints each side's rows
and SHA-256, and the first rows that differ; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.real_comments import DATA_DIR, ROOT

BATCH = 100


def sample(n: int, data_dir: Path) -> list[str]:
    """The texts compared, in a fixed order, each once."""
    from bench.scoring import GROUP_PIECES, make_text
    from moderation.scoring.scorer import read_active

    version, _sha = read_active(ROOT / "model/artifacts")
    out = [r["text"] for r in json.loads((ROOT / "model/artifacts" / version / "answers.json").read_text())["answers"]]
    for path in sorted(glob.glob(str(ROOT / "tests/functional/*.jsonl"))):
        out += [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    rng = random.Random(11)
    out += [make_text(rng, k) for k in (200,) * 300 + (5000,) * 20]
    out += [make_text(rng, k, GROUP_PIECES) for k in (200,) * 200 + (5000,) * 10]
    if (data_dir / "davidson-hate-offensive").is_dir():
        from bench.real_comments import real_comments

        for length in (200, 1000):
            mixes = real_comments(length, n, data_dir)
            out += [t for kind in ("news", "en", "ja") for t in mixes[kind]]
    else:
        print(f"no real comments: {data_dir} has no data", file=sys.stderr)
    return [t for t in dict.fromkeys(out) if isinstance(t, str)]


def rows(scorer, texts: list[str]):
    """One JSON-ready row a text: what score() and score_many() answer and explain, default heads and every head."""
    many, every = [], []
    for i in range(0, len(texts), BATCH):
        chunk = texts[i:i + BATCH]
        many += scorer.explain_many(scorer.score_many(chunk))
        every += scorer.explain_many(scorer.score_many(chunk, explain_all=True))
    for text, m, e in zip(texts, many, every, strict=True):
        s = scorer.score(text)
        yield {"text": text, "scores": s.scores, "categories": s.categories, "explanation": s.explanation,
               "all": scorer.score(text, explain_all=True).explanation, "many": m, "many_all": e}


def _dump(args) -> None:
    """In a side's own process: check which package was imported, then write its rows to args.dump."""
    from bench.instructions import _scorer

    scorer = _scorer(args.package)
    texts = sample(args.n, args.data_dir)
    with open(args.dump, "w", encoding="utf-8") as out:
        for row in rows(scorer, texts):
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def differ(a: Path, b: Path, show: int = 3) -> tuple[int, list[str]]:
    """How many rows of the two dumps differ (a missing row counts), and the first `show` of them, side by side."""
    la, lb = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    bad = [i for i in range(max(len(la), len(lb))) if i >= len(la) or i >= len(lb) or la[i] != lb[i]]
    lines = []
    for i in bad[:show]:
        lines += [f"row {i} A: {la[i] if i < len(la) else '(none)'}"[:2000],
                  f"row {i} B: {lb[i] if i < len(lb) else '(none)'}"[:2000]]
    return len(bad), lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="every answer and explanation of a commit against this checkout")
    ap.add_argument("--against", default="main")
    ap.add_argument("--n", type=int, default=500, help="real comments of each kind and length")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--keep", type=Path, help="a folder to keep both sides' dumps in")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # a side's child: where its rows go
    ap.add_argument("--package", type=Path, help=argparse.SUPPRESS)  # the package the child must have imported
    args = ap.parse_args(argv)
    if args.dump:
        _dump(args)
        return 0
    from bench.instructions import environment, sides

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        dumps = {}
        for side, (cwd, path) in sides(args.against).items():
            dumps[side] = folder / f"parity-{side}.jsonl"
            subprocess.run([sys.executable, "-m", "bench.parity", "--n", str(args.n), "--data-dir",
                            str(args.data_dir.resolve()), "--dump", str(dumps[side]), "--package",
                            str(Path(cwd) / "moderation")], check=True, env=environment(path), cwd=cwd)
            data = dumps[side].read_bytes()
            print(f"{side}: {data.count(10):,} rows, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
        bad, lines = differ(dumps["A"], dumps["B"])
        for line in lines:
            print(line)
        print(f"{bad:,} rows differ" if bad else "every row equal, byte for byte")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
