"""Synthetic Japanese training rows: spam of the common genres, abuse, and hard negatives.

There is no real labelled corpus of Japanese comment spam, so the project builds one: phrase templates
from the MIT-licensed lexicons (mamadm paid-dating DM phrases, lamrongol spam domains/hashtags,
MilterAgent brand names and their real domains) plus the project's own templates for side-job and
investment lures, dating lures that move to LINE, phishing naming a bank/card/delivery brand, adult-link
bait and copy-paste floods. Each row is varied in wording, spacing, emoji, line breaks and obfuscation
(zero-width characters, look-alikes, spaced letters, masks, full width). Hard negatives are ordinary
comments that mention money, LINE, links, brands, crime or death. Every row is marked synthetic and put
in the training split only. Deterministic for a given seed.

The mamadm phrases are split by a hash into a training part (used here) and a held-out part used by
`heldout_mamadm()` to build an evaluation set from phrases the generator never used.
"""

from __future__ import annotations

import random
from pathlib import Path

from model.data import TRAIN, Row
from model.synth_abuse import _abuse, _abuse_more, _hard_negative, _neutral_group
from model.synth_mamadm import compose_mamadm, load_mamadm, mamadm_split
from model.synth_obfuscation import obfuscate
from model.synth_spam import GENRES


def generate(data_dir: Path, n_spam: int = 9000, n_abuse: int = 3500, n_hard: int = 7000,
             seed: int = 20261126) -> list[Row]:
    rng = random.Random(seed)
    slots = mamadm_split(load_mamadm(data_dir), heldout=False)
    rows: list[Row] = []
    names = [g[0] for g in GENRES]
    weights = [g[2] for g in GENRES]
    fns = {g[0]: g[1] for g in GENRES}
    for i in range(n_spam):
        genre = rng.choices(names, weights)[0]
        text = compose_mamadm(rng, slots) if genre == "mamadm" else fns[genre](rng)
        text = obfuscate(rng, text, strength=rng.choice([0.0, 0.3, 0.6, 1.0]))
        rows.append(Row(text, 1, 0, f"synth-spam-{genre}", "ja", f"synth:s{i}", TRAIN, True))
    for i in range(n_abuse):
        base = _abuse(rng) if rng.random() < 0.65 else _abuse_more(rng)
        text = obfuscate(rng, base, strength=rng.choice([0.0, 0.0, 0.4, 0.8]))
        rows.append(Row(text, 0, 1, "synth-abuse", "ja", f"synth:a{i}", TRAIN, True))
    for i in range(n_hard):
        base = _hard_negative(rng) if rng.random() < 0.88 else _neutral_group(rng)
        text = obfuscate(rng, base, strength=rng.choice([0.0, 0.0, 0.0, 0.3]))
        rows.append(Row(text, 0, 0, "synth-hard-negative", "ja", f"synth:h{i}", TRAIN, True))
    return rows
