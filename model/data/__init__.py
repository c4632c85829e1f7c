"""The labelled data sets of the shared data folder: which loaders, licences and checksums make the training data.

The loaders live in model/data/japanese.py and english.py, the row and its split in rows.py.

Every loader returns `Row`s with the labels its data set carries: `spam`, `abuse` and, where the
annotations name them, the harm categories in `cats` (None = not labelled for that head: a spam set says
nothing about threats, an abuse set nothing about spam; each head trains only on rows labelled for it),
the data set name, language, a group key and a split. Splits are decided by a hash of the group key, so
rows of one dialogue, one
RTP-LX prompt (its prompt, benign and machine continuations) or one near-duplicate skeleton (text with
digits, URLs and punctuation removed) never straddle train and test. Nothing here writes data out.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from model.data.english import load_davidson, load_jigsaw, load_sms, load_stormfront, load_youtube
from model.data.japanese import load_akku, load_inspection, load_realpersonachat, load_rtplx
from model.data.rows import CATEGORY_NAMES, TEST, TRAIN, VALID, Row, label_matrix, skeleton, split_of

__all__ = ["CATEGORY_NAMES", "LICENCES", "LOADERS", "TEST", "TRAIN", "VALID", "Row", "checksums", "label_matrix",
           "load_all", "skeleton", "source_commits", "split_of", "summary"]


LOADERS = {
    "realpersonachat-ja-utterances": load_realpersonachat,
    "rtp-lx-ja": load_rtplx,
    "inspection-ai-japanese-toxic": load_inspection,
    "youtube-spam-ja-templates-akku1139": load_akku,
    "youtube-spam-collection": load_youtube,
    "sms-spam-collection": load_sms,
    "davidson-hate-offensive": load_davidson,
    "stormfront-hate-speech": load_stormfront,
    "jigsaw-toxic-sample-ibm": load_jigsaw,
}


LICENCES = {
    "realpersonachat-ja-utterances": "CC BY-SA 4.0 — Nagoya University RealPersonaChat (nu-dialogue/real-persona-chat)",
    "rtp-lx-ja": "MIT (RTP-LX, Microsoft); underlying RealToxicityPrompts Apache-2.0",
    "inspection-ai-japanese-toxic": "Apache-2.0 — inspection-ai/japanese-toxic-dataset (NLP2023 D4-1)",
    "youtube-spam-ja-templates-akku1139": "MIT — akku1139/YouTube-spammer-filter",
    "youtube-spam-collection": "CC BY 4.0 — Alberto, Lochter & Almeida (2015), TubeSpam, UCI",
    "sms-spam-collection": "CC BY 4.0 — Almeida, Gómez Hidalgo & Yamakami (2011), UCI",
    "davidson-hate-offensive": "MIT — Davidson et al. (ICWSM 2017)",
    "stormfront-hate-speech": "CC BY-SA 3.0 ES — de Gibert et al. (ALW2 2018)",
    "jigsaw-toxic-sample-ibm": "CC0 (sample via IBM MAX); Wikipedia text CC BY-SA 3.0",
    "lexicons/mamadm-mamakatsu-dm-templates": "MIT — greymd/mamadm (Yasuhiro Yamada)",
    "lexicons/lamrongol-twitter-spam-lists-ja": "MIT — lamrongol/JapaneseTwitterSpamFilter (Tomohide Fujikawa)",
    "lexicons/milteragent-jp-phishing-brand-rules": "MIT — disco-v8/MilterAgent contributors",
    "lexicons/inappropriate-words-ja-mosasom": "MIT — MosasoM/inappropriate-words-ja (K Hashimoto)",
    "lexicons/surge-ai-profanity-en": "MIT — surge-ai/profanity (Surge AI)",
}


def load_all(data_dir: Path) -> list[Row]:
    rows: list[Row] = []
    for name, fn in LOADERS.items():
        if (data_dir / name).exists():
            rows.extend(fn(data_dir))
    return rows


def checksums(data_dir: Path, folders) -> dict[str, str]:
    """SHA-256 of every data file under the given folders (relative path -> hex digest)."""
    out = {}
    for folder in folders:
        base = data_dir / folder
        if not base.exists():
            continue
        for f in sorted(base.rglob("*")):
            if f.is_file():
                out[str(f.relative_to(data_dir))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def source_commits(data_dir: Path, folders) -> dict[str, str]:
    """The upstream repository and commit lines of each folder's SOURCE.md (for the card)."""
    out = {}
    for folder in folders:
        p = data_dir / folder / "SOURCE.md"
        if p.exists():
            lines = [ln.strip("- ").strip() for ln in p.read_text(encoding="utf-8").splitlines()
                     if re.match(r"- (Repo|Commit|Original|Copied from)", ln)]
            out[folder] = " | ".join(lines)[:400]
    return out


def summary(rows: list[Row]) -> dict:
    """Rows per source, split, language, class and synthetic flag (for the card)."""
    out: dict[str, dict] = {}
    for r in rows:
        s = out.setdefault(r.source, {"lang": r.lang, "synthetic": r.synthetic, "splits": {}})
        sp = s["splits"].setdefault(r.split, {"rows": 0, "spam": 0, "abuse": 0})
        sp["rows"] += 1
        sp["spam"] += r.spam or 0
        sp["abuse"] += r.abuse or 0
        for c, v in (r.cats or {}).items():
            sp[c] = sp.get(c, 0) + (v or 0)
    return json.loads(json.dumps(out, sort_keys=True))
