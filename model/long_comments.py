"""Long comments where one sentence is the attack (issue 12): civil padding + one attack vs the padding alone.

    python -m model.long_comments [--artifact DIR|VERSION] [--data-dir ../shared/data] [--json]

Padding is held-out ordinary Japanese (the TEST split of RealPersonaChat utterances and RTP-LX benign
completions, never trained on); attacks are the Japanese suite's short harmful cases (tests/functional, test
only). Each attack is put among 4-7 padding sentences at a random place; the same padding alone is the
negative. Reported: the share of attacks flagged alone and inside the padding, the share of paddings flagged,
and the ROC-AUC of `abuse` between padded attacks and their paddings. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from model.judge import DEFAULT_DATA, SUITE, Judge, load_cases, resolve_artifact
from moderation.scoring.scorer import load_scorer

LONG_FUNCTIONALITIES = ("long_attack_h",)  # already long: not a one-sentence attack


def padding_sentences(data_dir: Path) -> list[str]:
    """Held-out ordinary Japanese sentences, each ending in a sentence mark."""
    from model.data import TEST, load_realpersonachat, load_rtplx

    rows = [r for r in (*load_realpersonachat(data_dir), *load_rtplx(data_dir))
            if r.split == TEST and r.source in ("realpersonachat", "rtp-lx-benign") and 8 <= len(r.text) <= 80]
    out = []
    for r in rows:
        text = r.text.strip()
        out.append(text if text[-1] in "。！？!?" else text + "。")
    return sorted(set(out))


def build(data_dir: Path, seed: int = 20261130) -> list[dict]:
    """Pairs {attack, category, padded, padding}: the same padding with and without one attacking sentence."""
    rng = random.Random(seed)
    pad = padding_sentences(data_dir)
    attacks = [c for c in load_cases(SUITE) if c["expected"] == "harmful"
               and c["functionality"] not in LONG_FUNCTIONALITIES]
    pairs = []
    for case in attacks:
        sentences = rng.sample(pad, rng.randint(4, 7))
        attack = case["text"] if case["text"][-1] in "。！？!?" else case["text"] + "。"
        at = rng.randint(0, len(sentences))
        pairs.append({"id": case["id"], "category": case.get("category"), "attack": case["text"],
                      "padded": "".join([*sentences[:at], attack, *sentences[at:]]), "padding": "".join(sentences)})
    return pairs


def report(judge: Judge, pairs: list[dict]) -> dict:
    from sklearn.metrics import roc_auc_score

    alone = padded = padding = 0
    y, scores = [], []
    for p in pairs:
        a, b, c = judge.judge(p["attack"]), judge.judge(p["padded"]), judge.judge(p["padding"])
        alone += a["flagged"]
        padded += b["flagged"]
        padding += c["flagged"]
        y += [1, 0]
        scores += [b["abuse"], c["abuse"]]
    n = len(pairs)
    return {"n": n, "attack_alone_flagged": round(alone / n, 4), "padded_attack_flagged": round(padded / n, 4),
            "padding_flagged": round(padding / n, 4), "roc_auc_abuse": round(float(roc_auc_score(y, scores)), 4),
            "mean_chars": round(sum(len(p["padded"]) for p in pairs) / n)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.long_comments", description=__doc__.splitlines()[0])
    ap.add_argument("--artifact", help="artifact folder or version under model/artifacts (default: the active one)")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    folder, sha = resolve_artifact(args.artifact)
    scorer = load_scorer(folder, sha)
    rep = report(Judge(scorer, scorer.card["thresholds"]), build(Path(args.data_dir)))
    rep["model_version"] = scorer.version
    print(json.dumps(rep, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
