"""Loaders of the Japanese data sets (chat, RTP-LX, inspection-ai, akku1139) and their label mapping."""

from __future__ import annotations

import zipfile
from pathlib import Path

from model.data.rows import TEST, TRAIN, Row, _clean, _csv_rows, skeleton, split_of


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
