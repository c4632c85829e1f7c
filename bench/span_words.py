"""How many explanation spans start or end inside a word (issue 13's "spans in explanations snap to words").

    python -m bench.span_words [--artifacts model/artifacts] [--sample N]

Scores a fixed sample (the active artifact's answers.json texts, every tests/functional *.jsonl text and
bench/scoring's generated mixes; no data folder needed) with every head explained (explain_all) and counts the
explanation items with a span whose start or end falls between two characters of one word: two ASCII letters or
digits, two katakana (ー included), or two kanji; a cut between two hiragana (okurigana and particles: 覚悟しと|け) is
counted apart, and so is a kanji stem cut from its inflection (無駄遣|い, |めろ after 辞), the one a hiragana
particle (税金|の) does not count. Prints the counts by kind and a few examples.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
from pathlib import Path

from bench.scoring import GROUP_PIECES, make_text
from moderation.kernels.runs import PARTICLES
from moderation.scoring.scorer import load_scorer, read_active

ROOT = Path(__file__).resolve().parent.parent


def kind(c: str) -> str | None:
    """The kind of word character `c` is (None: no word character)."""
    if c.isascii():
        return "latin" if c.isalnum() else None
    o = ord(c)
    if 0x30A1 <= o <= 0x30FA or o == 0x30FC or 0xFF66 <= o <= 0xFF9F:
        return "katakana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "kanji"
    if 0x3041 <= o <= 0x3096:
        return "hiragana"
    if c.isalnum():
        return "latin" if c.isalpha() and o < 0x0250 else None
    return None


def cut_at(text: str, i: int) -> str | None:
    """The kind of word a boundary at `i` cuts (None: it falls between words or at an end)."""
    if i <= 0 or i >= len(text):
        return None
    a, b = kind(text[i - 1]), kind(text[i])
    if a == "kanji" and b == "hiragana" and text[i] not in PARTICLES:
        return "okurigana"
    return a if a is not None and a == b else None


def sample_texts() -> list[str]:
    version, _sha = read_active(ROOT / "model/artifacts")
    out = [r["text"] for r in json.loads((ROOT / "model/artifacts" / version / "answers.json").read_text())["answers"]]
    for path in sorted(glob.glob(str(ROOT / "tests/functional/*.jsonl"))):
        out += [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    rng = random.Random(3)
    out += [make_text(rng, n) for n in (200,) * 300 + (5000,) * 30]
    out += [make_text(rng, n, GROUP_PIECES) for n in (200,) * 200 + (5000,) * 20]
    return list(dict.fromkeys(out))


def count(scorer, texts) -> dict:
    counts = {"texts": len(texts), "items": 0, "spans": 0, "mid_word": 0, "hiragana": 0, "by_kind": {}}
    examples = []
    for text in texts:
        for item in scorer.score(text, explain_all=True).explanation:
            counts["items"] += 1
            if item.get("start") is None:
                continue
            counts["spans"] += 1
            cuts = [k for k in (cut_at(text, item["start"]), cut_at(text, item["end"])) if k]
            if not cuts:
                continue
            if all(k == "hiragana" for k in cuts):
                counts["hiragana"] += 1
                continue
            counts["mid_word"] += 1
            for k in cuts:
                counts["by_kind"][k] = counts["by_kind"].get(k, 0) + 1
            if len(examples) < 12:
                s, e = item["start"], item["end"]
                examples.append(f"{text[max(0, s - 6):s]}[{text[s:e]}]{text[e:e + 6]}")
    counts["examples"] = examples
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artifacts", default=str(ROOT / "model/artifacts"))
    args = parser.parse_args()
    version, sha = read_active(args.artifacts)
    scorer = load_scorer(Path(args.artifacts) / version, sha)
    print(json.dumps(count(scorer, sample_texts()), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
