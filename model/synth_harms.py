"""Synthetic rows for the harm categories (issue 12): positives per category and hard negatives, ja and en.

Real labelled Japanese data has no per-category labels for threats, doxxing or defamation, so the heads
learn constructions from compositional templates (synth_harms_positives.py, synth_harms_negatives.py):
each template yields many sentences that share a construction, not a string. Every row carries its
template as `group` (split by group so a template never straddles train and test), is marked synthetic,
and gets the same decorations (prefixes, emoji, punctuation, spaces, neutral sentences around it) in every
family, so decoration never predicts the label. Deterministic for a seed; standard library only.
"""

from __future__ import annotations

import random
import re

from model.synth_exposed import NEGATIVES_EXPOSED, POSITIVES_EXPOSED, SLOTS_EXPOSED
from model.synth_harms_en import FAMILIES as FAMILIES_EN
from model.synth_harms_en import SLOTS_EN
from model.synth_harms_named import NEGATIVES_NAMED, POSITIVES_NAMED, SLOTS_NAMED
from model.synth_harms_negatives import NEGATIVES
from model.synth_harms_own import OWN_FAMILIES
from model.synth_harms_positives import POSITIVES
from model.synth_harms_slots import EMOJI, FILLERS, PREFIXES, SLOTS, SUFFIXES
from model.synth_ingroup import FAMILIES_INGROUP, ROWS_INGROUP, SLOTS_INGROUP
from model.synth_located import NEGATIVES_LOCATED, POSITIVES_LOCATED, SLOTS_LOCATED

CATEGORIES = ("threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation")
HEADS = ("spam", "abuse", *CATEGORIES)
LANGS = ("ja", "en")
ROWS_PER_FAMILY = {"positive": 520, "negative": 420}  # per language at scale 1.0
ROWS_PER_FAMILY_EN = 400  # per family of synth_harms_en.py at scale 1.0
ROWS_LOCATED = 300  # per family and language of synth_located.py at scale 1.0 (one shape, not a category)
ROWS_EXPOSED = 300  # per family of synth_exposed.py at scale 1.0 (Japanese only)
# families sized apart from ROWS_PER_FAMILY_EN: the civil mentions of groups outnumber the attacks on them
ROWS_EN = {"neg_threat_frame": 200, "neg_identity_civil": 1200, "neg_counter_ref": 800, "neg_reclaimed": 600,
           "neg_own_plan": 400, "neg_homonym": 330, "neg_disgust": 200}
# English families a screen may switch on (generate(extra=...), en_quick --family), off until one beats its base:
# name -> (families, rows per family at scale 1.0, their own slots); drawn after every other family: no other row moves
EXTRA_EN = {"ingroup": (FAMILIES_INGROUP, ROWS_INGROUP, SLOTS_INGROUP)}
LONG_SHARE = 0.25  # rows where the template's sentence sits among neutral sentences
CONTEXT_FAMILIES = ("neg_politics", "neg_article", "neg_report")  # clean sentences that may surround any row
_TOKEN = re.compile(r"(\[[^\]]*\]|\{\w+\})")
_END = set("。！？!?.…」』)）")
_EMOJI_CHARS = set("".join(EMOJI))
_PROPER = {"I", "I'm", "I'll", "I'd", "I've", "UN", "US"} | {  # words that keep their capital after a prefix
    word for values in SLOTS["en"].values() if not callable(values)
    for v in values for word in v.split() if word[:1].isupper()}
_POSITIVE_LABELS = {  # besides the family's own 1: abuse is their union; None = ambiguous, not labelled
    "threat": {"abuse": 1, "harassment": None},
    "hate": {"abuse": 1},
    "harassment": {"abuse": 1},
    "sexual": {"abuse": 1, "harassment": None},
    "self_harm": {"abuse": 1, "harassment": None},
    "personal_info": {"abuse": 1, "harassment": None},
    "defamation": {"abuse": 1, "harassment": None},
}


def family_labels(family: str, overrides: dict | None = None) -> dict:
    """All heads 0 for hard negatives; the family's category and abuse 1 for positives, then overrides."""
    labels = dict.fromkeys(HEADS, 0)
    if family in _POSITIVE_LABELS:
        labels[family] = 1
        labels.update(_POSITIVE_LABELS[family])
    labels.update(overrides or {})
    return labels


def expand(rng: random.Random, template: str, slots: dict, depth: int = 0) -> str:
    """Fill `[a|b]` alternatives and `{slot}` values (recursively, a few levels deep)."""
    if depth > 4:
        raise ValueError(f"template nests too deep: {template!r}")
    out = []
    for part in _TOKEN.split(template):
        if part.startswith("[") and part.endswith("]"):
            out.append(expand(rng, rng.choice(part[1:-1].split("|")), slots, depth + 1))
        elif part.startswith("{") and part.endswith("}"):
            value = slots[part[1:-1]]
            out.append(expand(rng, value(rng) if callable(value) else rng.choice(value), slots, depth + 1))
        else:
            out.append(part)
    return "".join(out)


def _context_sentence(rng: random.Random, lang: str) -> str:
    """A neutral sentence, or a heated-but-clean one (criticism, report, article talk) to sit beside a row."""
    if rng.random() < 0.5:
        return rng.choice(FILLERS[lang])
    entry = rng.choice(NEGATIVES[rng.choice(CONTEXT_FAMILIES)][lang])
    sentence = expand(rng, entry if isinstance(entry, str) else entry[0], SLOTS[lang])
    return sentence if sentence[-1] in _END else sentence + ("。" if lang == "ja" else ".")


def _decorate(rng: random.Random, core: str, lang: str) -> str:
    """The same surface variation for every family: prefix, ending, emoji, case, neutral context."""
    prefix = rng.choice(PREFIXES[lang])
    if prefix.endswith((", ", "lol ", "so ")) and lang == "en" and core.split(" ", 1)[0].rstrip(",.:'s") not in _PROPER:
        core = core[0].lower() + core[1:]
    text = prefix + core
    if text[-1] not in _END:
        text += rng.choice(SUFFIXES[lang])
    text += rng.choice(EMOJI) if lang == "ja" else (" " + rng.choice(EMOJI)).rstrip()
    if lang == "en" and rng.random() < 0.08:
        text = text.lower() if rng.random() < 0.7 else text.upper()
    if lang == "ja" and rng.random() < 0.06:  # an ordinary space between Japanese phrases is not obfuscation
        text = text.replace("、", rng.choice((" ", "　")))
    if lang == "ja" and rng.random() < 0.04:  # full-width digits and Latin letters, as typed on phones
        text = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)
    if rng.random() < LONG_SHARE:
        if text[-1] not in _END and text[-1] not in _EMOJI_CHARS:
            text += "。" if lang == "ja" else "."
        context = [_context_sentence(rng, lang) for _ in range(rng.randint(1, 3))]
        context.insert(rng.randint(0, len(context)), text)
        text = ("\n" if rng.random() < 0.3 else "" if lang == "ja" else " ").join(context)
    return text


def _family_rows(family: str, lang: str, templates: tuple, n: int, seed: int, slots: dict | None = None,
                 source: str | None = None) -> list[dict]:
    rng = random.Random(f"{seed}:{family}:{lang}")
    slots = SLOTS[lang] if slots is None else slots
    source = source or f"synth-{family}-{lang}"
    rows, seen = [], set()
    for attempt in range(n * 30):
        if len(rows) >= n:
            break
        tid = attempt % len(templates)  # round robin: every template appears
        entry = templates[tid]
        template, overrides = (entry, None) if isinstance(entry, str) else entry
        text = _decorate(rng, expand(rng, template, slots), lang)
        if text in seen:
            continue
        seen.add(text)
        rows.append({"text": text, "lang": lang, "source": source,
                     "group": f"{source.removeprefix('synth-')}-{tid:02d}", "synthetic": True,
                     "labels": family_labels(family, overrides)})
    return rows


def generate(seed: int = 20261129, scale: float = 1.0, extra: tuple[str, ...] = ()) -> list[dict]:
    """All families in both languages (and the EXTRA_EN sets named); a text generated twice keeps only its first row."""
    rows: list[dict] = []
    for kind, table in (("positive", POSITIVES), ("negative", NEGATIVES)):
        n = max(1, round(ROWS_PER_FAMILY[kind] * scale))
        for family, by_lang in table.items():
            for lang in LANGS:
                if lang in by_lang:  # a family may be written for one language only (neg_crime_news)
                    rows.extend(_family_rows(family, lang, by_lang[lang], n, seed))
    for kind, table in (("positive", POSITIVES_NAMED), ("negative", NEGATIVES_NAMED)):  # synth_harms_named.py
        n = max(1, round(ROWS_PER_FAMILY[kind] * scale))
        for family, by_lang in table.items():
            for lang in LANGS:
                rows.extend(_family_rows(family, lang, by_lang[lang], n, seed, {**SLOTS[lang], **SLOTS_NAMED[lang]}))
    for table in (POSITIVES_LOCATED, NEGATIVES_LOCATED):  # synth_located.py: a home found, a visit announced
        for family, by_lang in table.items():
            for lang in LANGS:
                rows.extend(_family_rows(family, lang, by_lang[lang], max(1, round(ROWS_LOCATED * scale)), seed,
                                         {**SLOTS[lang], **SLOTS_LOCATED[lang]}))
    for table in (POSITIVES_EXPOSED, NEGATIVES_EXPOSED):  # synth_exposed.py: a threat to expose someone (ja only)
        for family, by_lang in table.items():
            rows.extend(_family_rows(family, "ja", by_lang["ja"], max(1, round(ROWS_EXPOSED * scale)), seed,
                                     {**SLOTS["ja"], **SLOTS_EXPOSED["ja"]}))
    for family, n_rows, templates in OWN_FAMILIES:  # synth_harms_own.py: families of their own, labels per template
        rows.extend(_family_rows(family, "ja", templates, max(1, round(n_rows * scale)), seed))
    slots_en = {**SLOTS["en"], **SLOTS_EN}
    for family, templates in FAMILIES_EN.items():  # the English families with targets (synth_harms_en.py)
        n = max(1, round(ROWS_EN.get(family, ROWS_PER_FAMILY_EN) * scale))
        rows.extend(_family_rows(family, "en", templates, n, seed,
                                 slots_en, f"synth-en-{family}"))
    for name in extra:
        families, sizes, slots = EXTRA_EN[name]
        for family, templates in families.items():
            rows.extend(_family_rows(family, "en", templates, max(1, round(sizes[family] * scale)), seed,
                                     {**slots_en, **slots}, f"synth-en-{family}"))
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"])
            unique.append(row)
    return unique
