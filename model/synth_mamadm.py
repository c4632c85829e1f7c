"""Paid-dating DMs composed from mamadm phrases, split by hash into training and held-out parts."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from model.synth_fillers import EMOJI, _h

# --------------------------------------------------------------------------------------------
# mamadm phrases
# --------------------------------------------------------------------------------------------


def load_mamadm(data_dir: Path) -> dict[str, list[str]]:
    p = data_dir / "lexicons" / "mamadm-mamakatsu-dm-templates" / "templates.tsv"
    slots: dict[str, list[str]] = {}
    with p.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            slots.setdefault(r["slot"], []).append(r["template"] or "")
    return slots


def mamadm_split(slots: dict[str, list[str]], heldout: bool) -> dict[str, list[str]]:
    out = {}
    for slot, phrases in slots.items():
        keep = [p for p in phrases if (_h(p) % 10 < 3) == heldout]
        out[slot] = keep or phrases[:1]
    return out


_MAMA_ORDERS = (("GREETING", "PROPOSAL", "BENEFIT", "CONTACT"), ("GREETING", "INTRODUCTION", "PROPOSAL", "CONTACT"),
                ("GREETING", "INTRODUCTION", "PROPOSAL", "BENEFIT", "CONTACT"), ("PROPOSAL", "BENEFIT", "CONTACT"))


def _fill_mamadm(rng: random.Random, phrase: str) -> str:
    rep = {
        "{MAMA}": rng.choice(["ママ", "mama", "mama★", "MAMA", "パパ", "p"]),
        "{KATSU}": rng.choice(["活", "カツ", "かつ"]),
        "{BR}": rng.choice(["\n", " ", "", "。"]),
        "{AGE}": str(rng.randint(19, 45)),
        "{MONEY}": rng.choice(["10", "20", "30", "50", "100"]),
        "{LINE}": rng.choice(["LINE", "らいん", "ライン", "L I N E", "Ｌｉｎｅ"]),
    }
    for k, v in rep.items():
        phrase = phrase.replace(k, v)
    while "{EMOJI}" in phrase:
        phrase = phrase.replace("{EMOJI}", rng.choice(["", rng.choice(EMOJI)]), 1)
    return phrase.replace("{", "").replace("}", "")


def compose_mamadm(rng: random.Random, slots: dict[str, list[str]]) -> str:
    order = rng.choice(_MAMA_ORDERS)
    return "".join(_fill_mamadm(rng, rng.choice(slots[s])) for s in order if slots.get(s))


def heldout_mamadm(data_dir: Path, n: int = 300, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    slots = mamadm_split(load_mamadm(data_dir), heldout=True)
    return [compose_mamadm(rng, slots) for _ in range(n)]
