"""Loaders for the labelled data sets in the shared data folder, label mapping and splits.

Every loader returns `Row`s with the labels its data set carries: `spam`, `abuse` and, where the
annotations name them, the harm categories in `cats` (None = not labelled for that head: a spam set says
nothing about threats, an abuse set nothing about spam; each head trains only on rows labelled for it),
the data set name, language, a group key and a split. Splits are decided by a hash of the group key, so
rows of one dialogue, one
RTP-LX prompt (its prompt, benign and machine continuations) or one near-duplicate skeleton (text with
digits, URLs and punctuation removed) never straddle train and test. Nothing here writes data out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from moderation.text import normalize_text

TEST, VALID, TRAIN = "test", "valid", "train"


CATEGORY_NAMES = ("threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation")


@dataclass(frozen=True)
class Row:
    text: str
    spam: int | None
    abuse: int | None
    source: str
    lang: str
    group: str
    split: str
    synthetic: bool = False
    cats: dict | None = None  # category -> 0/1/None; None: derived from `abuse` (see head_labels)

    def head_labels(self) -> list:
        """[spam, *categories] with None where the row is not labelled for that head. A row labelled only
        `abuse` is clean for every category when 0, and `harassment` (the broadest) when 1."""
        if self.cats is not None:
            cats = [self.cats.get(c) for c in CATEGORY_NAMES]
        elif self.abuse == 0:
            cats = [0] * len(CATEGORY_NAMES)
        elif self.abuse == 1:
            cats = [1 if c == "harassment" else None for c in CATEGORY_NAMES]
        else:
            cats = [None] * len(CATEGORY_NAMES)
        return [self.spam, *cats]


def _clean() -> dict:
    return dict.fromkeys(CATEGORY_NAMES, 0)


def label_matrix(rows):
    """(n, 1 + categories) float matrix, NaN where a row is not labelled for a head."""
    import numpy as np

    return np.asarray([[np.nan if v is None else float(v) for v in r.head_labels()] for r in rows])


def _bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(key: str, test_pct: int = 15, valid_pct: int = 10) -> str:
    b = _bucket(key)
    return TEST if b < test_pct else VALID if b < test_pct + valid_pct else TRAIN


_SKELETON_DROP = re.compile(r"https?://\S+|www\.\S+|[\d\s\W_]+")


def skeleton(text: str) -> str:
    """Near-duplicate key: normalised text without digits, URLs, spaces and punctuation, first 48 chars."""
    return _SKELETON_DROP.sub("", normalize_text(text))[:48]


def _csv_rows(data: bytes | str):
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data)))


# --- Japanese --------------------------------------------------------------------------------

def load_realpersonachat(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "realpersonachat-ja-utterances" / "rpc_utterances_sample40k.csv").read_bytes()):
        g = "rpc:" + r["dialogue_id"]
        out.append(Row(r["text"], 0, 0, "realpersonachat", "ja", g, split_of(g, 15, 10), cats=_clean()))
    return out


RTP_ABUSE, RTP_CLEAN = 3.0, 1.67


def _rtp_label(tox: float) -> int | None:
    return 1 if tox >= RTP_ABUSE else 0 if tox <= RTP_CLEAN else None


RTP_CATEGORY = {"threat": "violence", "hate": "identityattack", "sexual": "sexualcontent", "self_harm": "selfharm",
                "harassment": "insult"}


# a toxic row's categories that its annotators did not name: 0 (clean for that head) or None (unlabelled: the
# row teaches that head nothing, so a toxic text never teaches a head that it is clean)
TOXIC_ABSENT: int | None = 0


def _absent(cats: dict) -> dict:
    return {c: (v if v or TOXIC_ABSENT == 0 else None) for c, v in cats.items()}


def _rtp_cats(r: dict, lab: int, suffix: str) -> dict:
    """Toxic rows: a category is present when its 1-3 mean is >= 2 (absent otherwise); a toxic row with no
    category counts as harassment. Clean rows are clean for every category. Nothing here names personal
    information or defamation (None)."""
    if lab == 0:
        return _clean()
    cats = {c: int(float(r[col + suffix]) >= 2.0) for c, col in RTP_CATEGORY.items()}
    if not any(cats.values()):
        cats["harassment"] = 1
    cats.update(personal_info=None, defamation=None)
    return _absent(cats)


def load_rtplx(d: Path) -> list[Row]:
    z = zipfile.ZipFile(d / "rtp-lx-ja" / "rtp-lx-ja.zip")
    pwd = b"rtp-lx"
    out = []
    for r in _csv_rows(z.read("rtplx_ja_prompts.csv", pwd=pwd)):
        lab = _rtp_label(float(r["toxicity_mean"]))
        g = "rtp:" + r["index"]
        if lab is not None:
            out.append(Row(r["text"], None, lab, "rtp-lx-prompts", "ja", g, split_of(g, 25, 10),
                           cats=_rtp_cats(r, lab, "_mean")))
    for r in _csv_rows(z.read("rtplx_ja_benign_completions.csv", pwd=pwd)):
        g = "rtp:" + r["index"]
        text = (r.get("benign_completion") or "").strip(" ,、。")
        if text:
            out.append(Row(text, 0, 0, "rtp-lx-benign", "ja", g, split_of(g, 25, 10), cats=_clean()))
    for r in _csv_rows(z.read("rtplx_ja_synthetic_completions.csv", pwd=pwd)):
        lab = _rtp_label(float(r["toxicity"]))
        g = "rtp:" + r["index"]
        if lab is not None and split_of(g, 25, 10) == TRAIN:  # machine text: training augmentation only
            out.append(Row(r["completion_synthetic"][:600], None, lab, "rtp-lx-machine", "ja", g, TRAIN, True,
                           cats=_rtp_cats(r, lab, "")))
    return out


def _inspection_cats(r: dict, lab: int) -> dict:
    """Toxic rows: 差別 -> hate, 猥褻 -> sexual, 卑語/迷惑行為 (or none named) -> harassment, by half the
    annotators; the dating/privacy category mixes two things and is left unlabelled."""
    n = int(r["annotation_num"])
    if lab == 0:
        return _clean()
    half = {k: int(r["category_" + k]) * 2 >= n for k in ("卑語", "差別", "迷惑行為", "猥褻")}
    cats = {"threat": None, "hate": int(half["差別"]), "sexual": int(half["猥褻"]), "self_harm": None,
            "harassment": int(half["卑語"] or half["迷惑行為"] or not any(half.values())), "personal_info": None,
            "defamation": None}
    return _absent(cats)


def load_inspection(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "inspection-ai-japanese-toxic" / "subset.csv").read_bytes()):
        n = int(r["annotation_num"])
        lab = int((int(r["Toxic"]) + int(r["Very Toxic"])) * 2 >= n)
        g = "insp:" + skeleton(r["text"])
        out.append(Row(r["text"], None, lab, "inspection-ai", "ja", g, split_of(g, 35, 10),
                       cats=_inspection_cats(r, lab)))
    return out


def load_akku(d: Path) -> list[Row]:
    """Real Japanese YouTube spam/troll lines: evaluation only (too few and too particular to train on)."""
    out = []
    for name in ("templates.txt", "words.txt"):
        for line in (d / "youtube-spam-ja-templates-akku1139" / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#") or "\\" in line or ".+" in line:
                continue
            out.append(Row(line, 1, None, "akku1139-ja-spam", "ja", "akku:" + skeleton(line), TEST))
    return out


# --- English ---------------------------------------------------------------------------------

# the named features that mean a harm word or an attack construction is in the text (moderation/features.py)
_HARM_SIGNALS = frozenset((
    "sexual_word", "death_wish", "violence_word", "slur", "dehumanize", "expel", "sexual_harass", "self_harm_push",
    "self_harm_self", "crime_word", "insult_at_person", "insult_at_group", "insult_at_self", "insult_reported",
    "insult_at_thing", "sexual_at_person", "death_wish_at_person", "violence_at_person", "group_attack",
    "self_harm_at_person", "crime_at_person", "crime_at_public", "hate_at_group", "caution_at_person",
    "attack_at_public", "threat_ja", "threat_en", "threat_reported", "accusation_ja", "accusation_en",
    "hate_statement_en", "insult_unaimed", "profanity_unaimed", "quoted_harm", "pii_exposed"))


def ham_cats(text: str) -> dict | None:
    """A real English message that is not spam (SMS ham, a YouTube comment) is clean for every harm category when
    no harm word or attack construction is in it: it talks to people ("are you coming?", "you nailed it") without
    attacking anyone, which the harm heads otherwise never see in English (every harassment row of Davidson is
    addressed, so "you" alone learnt harassment). With a harm word it stays unlabelled: ham is not a judgement
    of civility (issue 12, mechanism 5)."""
    from moderation.features import signal_dict

    sig = signal_dict(text)
    if any(sig[name] > 0 for name in _HARM_SIGNALS):
        return None
    return {**_clean(), **dict.fromkeys(HAM_UNLABELLED)}


# the harm categories a civil ham message leaves unlabelled (teaches them nothing): () = clean for all seven;
# ("threat",) keeps the threat head's negatives to the sets that judged harm (chat, Davidson "neither", Stormfront
# noHate, the generated look-alikes), so "I'll see you tomorrow" does not argue against "I'll find you"
HAM_UNLABELLED: tuple[str, ...] = ()


def load_youtube(d: Path) -> list[Row]:
    out = []
    for f in sorted((d / "youtube-spam-collection").glob("Youtube0*.csv")):
        heldout = "Eminem" in f.name
        for r in _csv_rows(f.read_bytes()):
            text = r["CONTENT"]
            g = "yt:" + skeleton(text)
            split = TEST if heldout else (VALID if _bucket(g) < 12 else TRAIN)
            spam = int(r["CLASS"])
            out.append(Row(text, spam, None, "youtube-spam", "en", g, split, cats=None if spam else ham_cats(text)))
    return out


def load_sms(d: Path) -> list[Row]:
    out = []
    for line in (d / "sms-spam-collection" / "SMSSpamCollection.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        lab, text = line.split("\t", 1)
        g = "sms:" + skeleton(text)
        spam = int(lab == "spam")
        out.append(Row(text, spam, None, "sms-spam", "en", g, split_of(g, 20, 10),
                       cats=None if spam else ham_cats(text)))
    return out


# a tweet aimed at the person it talks to: Davidson's "offensive" class is mostly profanity and slang at nobody in
# particular ("bad bitch", "hoes on my jitterbug"), which is not harassment of a person
_ADDRESSED_EN = re.compile(r"(?<![a-z])(?:you|your|yours|yourself|u|ur|ya|yo|youre|you're|yall|y'all)(?![a-z])", re.I)


# the identity words a group's own members reclaim (model/synth_harms_en.py's reclaimed family uses the same)
_RECLAIMABLE_EN = re.compile(r"(?<![a-z])(?:niggas?|niggah|nigguh|niggaz|queers?|dykes?|fags?|homos?|trann(?:y|ies)|"
                             r"cripples?|crips?)(?![a-z])", re.I)

# "addressed": hate/offensive tweets are harassment only when they address someone (unlabelled otherwise);
# "all": every hate/offensive tweet is harassment; "vulgar": every one too (vulgar, degrading language is
# moderatable on a news site, as Civil Comments and Perspective's TOXICITY rate it), except a tweet at nobody
# that uses a reclaimable in-group word, which stays unlabelled (in-group use is not a harm: issue 12)
DAVIDSON_HARASSMENT = "vulgar"


def davidson_cats(text: str, cls: str, harassment: str | None = None) -> dict:
    """Class 2 (neither) is clean for every head. Hate (0) is hate; offensive (1) is not hate. Either counts as
    harassment when the tweet addresses someone; otherwise per DAVIDSON_HARASSMENT ("addressed": unlabelled, the
    row teaches neither way; "all": harassment; "vulgar": harassment unless it uses a reclaimable in-group word)."""
    if cls == "2":
        return _clean()
    rule = harassment or DAVIDSON_HARASSMENT
    if _ADDRESSED_EN.search(text) or rule == "all":
        aimed = 1
    else:
        aimed = 1 if rule == "vulgar" and not _RECLAIMABLE_EN.search(text) else None
    return {**dict.fromkeys(("threat", "sexual", "self_harm", "personal_info", "defamation")),
            "hate": int(cls == "0"), "harassment": aimed}


# the double quotes of a tweet: mostly a retweet ("@user: ...") that the poster reposts as their own words
_TWEET_QUOTES = re.compile(r'"|&#822[01];|[“”]')


def davidson_training_text(text: str) -> str:
    """A training tweet without its quote marks: the annotators labelled the reposted words as the poster's, and
    the features must not learn quoted words as the writer's attack (a comment quoting a slur to condemn it is
    counter-speech). Held-out tweets are scored as they are."""
    return _TWEET_QUOTES.sub(" ", text)


def load_davidson(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "davidson-hate-offensive" / "labeled_data.csv").read_bytes()):
        text = r["tweet"]
        g = "dav:" + skeleton(text)
        cls = r["class"]
        split = split_of(g, 15, 10)
        out.append(Row(text if split == TEST else davidson_training_text(text), None, int(cls in ("0", "1")),
                       "davidson", "en", g, split, cats=davidson_cats(text, cls)))
    return out


def load_stormfront(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "stormfront-hate-speech" / "stormfront_sentences.csv").read_bytes()):
        if r["label"] not in ("hate", "noHate"):
            continue
        g = "sf:" + r["file_id"].split("_")[0]  # one post's sentences stay together
        hate = int(r["label"] == "hate")
        cats = {**dict.fromkeys(CATEGORY_NAMES), "hate": 1} if hate else _clean()
        out.append(Row(r["text"], None, hate, "stormfront", "en", g, split_of(g, 15, 10), cats=cats))
    return out


def load_jigsaw(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "jigsaw-toxic-sample-ibm" / "test_examples.csv").read_bytes()):
        out.append(Row(r["comment_text"], None, int(r["toxic"]), "jigsaw-sample", "en", "jig", TEST))
    return out


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
