"""The real comments bench.readers times (issue 13): Japanese chat, English tweets and forum sentences, those with a
modal of duty, and the HTTP benchmark's news mix, cut to one length."""

from __future__ import annotations

import random
from pathlib import Path

from bench.mixes import news_comments

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT.parent / "shared" / "data"
MODALS = ("should ", "must ", "need to ", "needs to ", "deserve", "ought to ")


def _joined(lines: list[str], length: int, rng: random.Random, n: int) -> list[str]:
    """`n` texts of `length` characters, each consecutive lines from a random place joined by a space."""
    out = []
    while len(out) < n:
        k = rng.randrange(len(lines))
        text = lines[k]
        while len(text) < length and k + 1 < len(lines):
            k += 1
            text += " " + lines[k]
        out.append(text[:length])
    return out


def real_comments(length: int = 200, n: int = 300, data_dir: Path = DATA_DIR, seed: int = 43) -> dict[str, list[str]]:
    """Real comments at `length` characters: Japanese chat (RealPersonaChat, a dialogue's lines in order), English
    tweets and forum sentences (Davidson, Stormfront), and English texts holding a modal of duty; and `news`, the
    HTTP benchmark's generated news-site mix (bench.mixes.news_comments, at their own lengths)."""
    from model.data.rows import _csv_rows

    rng = random.Random(seed)
    chat = _csv_rows((data_dir / "realpersonachat-ja-utterances" / "rpc_utterances_sample40k.csv").read_bytes())
    chat.sort(key=lambda r: (r["dialogue_id"], int(r["utterance_id"]) if r["utterance_id"].isdigit() else 0))
    tweets = [r["tweet"] for r in _csv_rows((data_dir / "davidson-hate-offensive" / "labeled_data.csv").read_bytes())]
    forum = [r["text"] for r in _csv_rows((data_dir / "stormfront-hate-speech" / "stormfront_sentences.csv")
                                          .read_bytes())]
    english = tweets + forum
    modal = [t for t in english if any(m in t.lower() for m in MODALS)]
    return {"ja": _joined([r["text"] for r in chat], length, rng, n), "en": _joined(english, length, rng, n),
            "en modal": [(t + " " + _joined(english, length, rng, 1)[0])[:length] for t in rng.sample(modal, n)],
            "news": [text for text, _article, _author in news_comments(random.Random(seed), n)]}

