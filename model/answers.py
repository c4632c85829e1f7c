"""The artifact's answers on the written suites, recorded when it is trained so serving code cannot drift from it.

A change to features, normalisation or constructions changes what a pinned model sees without touching its
hash; the held-out card test catches that only with ../shared/data and in the slow suite. `answers.json`
beside the card holds the scores, categories and a digest of the explanation of every written case
(tests/functional/*.jsonl, our own sentences); tests/test_shipped_answers.py scores them again (1e-9).

    python -m model.answers [ARTIFACT_DIR]    # (re)write answers.json for an artifact, the active one by default
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from model.judge import SUITE_DIR, load_cases, resolve_artifact
from moderation.scoring.scorer import load_scorer

FILE = "answers.json"


def sample_texts(suite_dir: Path = SUITE_DIR) -> list[str]:
    """Every distinct text of the written suites, in a stable order."""
    texts = {case["text"] for path in sorted(suite_dir.glob("*.jsonl")) for case in load_cases(path)}
    return sorted(texts)


def explanation_digest(explanation: list[dict]) -> str:
    """A short fingerprint of an explanation (the spans themselves would make the file megabytes)."""
    return hashlib.sha256(json.dumps(explanation, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def _rounded(probs: dict[str, float]) -> dict[str, float]:
    """12 decimals: well inside the test's 1e-9, a third of the file."""
    return {name: round(float(p), 12) for name, p in probs.items()}


def answer(score) -> dict:
    """What the service answers for one text, as plain JSON."""
    return {"scores": _rounded(score.scores), "categories": _rounded(score.categories),
            "explanation": explanation_digest(score.explanation)}


def record(folder: Path, sha256: str, texts: list[str] | None = None) -> Path:
    """Score `texts` (the written suites by default) with the artifact in `folder` and write answers.json."""
    scorer = load_scorer(folder, sha256)
    rows = [{"text": text, **answer(scorer.score(text, explain_all=True))} for text in (texts or sample_texts())]
    path = Path(folder) / FILE
    body = {"model_version": scorer.version, "answers": rows}
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":")).replace('{"text"', '\n{"text"')
    path.write_text(text + "\n", encoding="utf-8")  # one answer a line: a diff shows which moved
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.answers", description=__doc__.splitlines()[0])
    ap.add_argument("artifact", nargs="?", help="artifact folder or version (default: the active one)")
    args = ap.parse_args(argv)
    folder, sha = resolve_artifact(args.artifact)
    print(record(folder, sha))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
