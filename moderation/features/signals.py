"""A normalised comment's named signal vector, in FEATURE_NAMES order."""

from __future__ import annotations

import math
import struct

import numpy as np

from moderation.codepass import CodePass, scan
from moderation.features.links import _brands, _urls
from moderation.features.matches import _construction, _group_polarity, _kept_out, _Later, _Treated
from moderation.features.patterns import (
    _BITS,
    _CONSTRUCTION_AT,
    _CONSTRUCTION_BITS,
    _CONSTRUCTION_BITS_NO_LATIN,
    _CONSTRUCTION_BITS_NO_PRAISE,
    _DIGIT,
    _EDGES,
    _EMOJI_BMP,
    _EMOJI_CLASS,
    _HALVED,
    _HASHTAG,
    _IDX,
    _KANA,
    _KANJI,
    _LATIN,
    _LINE_ID,
    _MONEY_AMOUNT,
    _NEEDLES,
    _PHONE,
    _PHONE_NEEDED,
    _PRAISE_READ,
    _STARTS,
    _URL_NEEDED,
    _VALUE_MASK,
)
from moderation.features.spans import _KindSpans, _merge
from moderation.features.tables import _tables
from moderation.features.vocabulary import _WORDS, FEATURE_NAMES
from moderation.features.words import _count, _sentence_combos, _words
from moderation.kernels.counts import saturated
from moderation.needles.guards import strings_of
from moderation.targets.civil import unaimed_groups
from moderation.targets.denied import _denials, denied_spans
from moderation.targets.mentioned_ja import mentioned_spans
from moderation.targets.pii import personal_info
from moderation.targets.pii_pieces import EMAIL as _EMAIL
from moderation.targets.pii_pieces import EMAIL_NEEDED
from moderation.targets.polarity import WITHHELD_CUE
from moderation.targets.reported import reported_spans
from moderation.targets.treated import endorsed_spans
from moderation.targets.unaimed_en import ATTACK_FRAMES_EN, attack_unaimed
from moderation.text.normalized import Normalized

# the attack frames' columns as an index array (a list was made one at every read), read as Python floats for any():
# ndarray.any() calls numpy's Python-level _any (~2.6 against ~0.5 us, on every comment with a Latin letter)
_ATTACK_AT = np.asarray([_IDX[name] for name in ATTACK_FRAMES_EN], dtype=np.intp)
_UNAIMED_AT = _IDX["attack_unaimed_en"]
# the columns named_signals writes for every comment, in order: one slice of the vector (tests/test_every_column.py)
_EVERY = ("emoji_density", "emoji_count", "repetition", "invisible_chars", "lookalike_chars", "masked_words",
          "spaced_letters", "exclaim", "hashtags", "length", "latin_ratio", "digit_ratio", "has_japanese")
_EVERY_FROM, _EVERY_TO = _IDX[_EVERY[0]], _IDX[_EVERY[-1]] + 1
# ... packed as doubles straight into the row's buffer (a C-contiguous float64 row: encode's, a batch's), the values
# struct converts as numpy does (int and float to double): numpy's assignment of a tuple discovers its type first
_EVERY_PACK, _EVERY_AT = struct.Struct(f"={_EVERY_TO - _EVERY_FROM}d").pack_into, _EVERY_FROM * 8
# the counted patterns' guards, read once (words._NAMED_GUARD says why)
_LINE_ID_GUARD, _PHONE_GUARD, _EMAIL_GUARD, _MONEY_GUARD = (_NEEDLES[rx] for rx in (_LINE_ID, _PHONE, _EMAIL,
                                                                                   _MONEY_AMOUNT))


def code_pass(codes: np.ndarray) -> CodePass:
    """The one compiled pass over a text's code points that signals() reads first: its classes, distinct 4-grams,
    needles, word-list hits and sentence ends."""
    return scan(codes, _EDGES, _NEEDLES.automaton, _WORDS, _tables().brand_word, _STARTS, _BITS)


def signals(norm: Normalized, codes: np.ndarray, spans: list | None = None, focus: list | None = None,
            needles: list | None = None) -> np.ndarray:
    """The FEATURE_NAMES vector of one normalised comment (`codes`: its code points as a uint32 array).

    When `spans` is a list, what fired is recorded there (`expand_spans` reads it as (kind, start, end) spans in
    the NORMALISED text); when `focus` is a list, the (start, end) of the worst sentence of a text of several
    sentences, if any; when `needles` is a list, the set of needles the code pass found is appended (owned_spans
    reads the slur stems in it). A batch runs the same stages text by text, each stage over all its texts
    (TextFeatures.encode_batch)."""
    raw = np.zeros(len(FEATURE_NAMES))
    read = named_signals(raw, norm, codes, spans, focus, code_pass(codes))
    if needles is not None:
        needles.append(read[1])
    pii_signals(raw, norm, codes, spans, read)
    return saturate(raw)


def named_signals(raw: np.ndarray, norm: Normalized, codes: np.ndarray, spans: list | None, focus: list | None,
                  hits: CodePass) -> tuple[int, set, CodePass]:
    """Every signal but personal information's, written into `raw` (zeros), from the text's code_pass(): (how
    many digits, the needles found, the code pass), what pii_signals reads after."""
    t = norm.text
    n = max(len(t), 1)
    chars = norm.chars
    classes, distinct = hits.classes.tolist(), hits.distinct  # Python ints: no numpy scalar read below
    digits, latin = classes[_DIGIT], classes[_LATIN]
    domains = _urls(t, raw, spans, codes) if ("." in chars or "/" in chars) and _URL_NEEDED.search(t) else []
    values = _NEEDLES.automaton.values
    found = strings_of(values, hits.needles, hits.passed)  # _NEEDLES.found(t, codes), with its guards' answers
    reported = reported_spans(t, chars, found=found, hits=hits, latin=latin)
    quoted = _merge(reported) if reported else None
    denied_at = denied_spans(t, found=found, at=hits) if latin else []
    # a Japanese insult named in a calling condemned, denied or said of the writer aims at no one (mentioned_ja)
    mentioned = mentioned_spans(t, chars, found) if classes[_KANA] else []
    denied = _merge(sorted(denied_at + mentioned) if mentioned else denied_at) if denied_at or mentioned else None
    treated = _Treated(t, hits) if latin else None  # read only where a group word or a hate statement is found
    starts, ends, cats, words = _words(t, spans, chars, found, quoted, hits, denied, treated)
    word_hits, hate_at, endorsed = (starts, ends, cats), [], False  # what attack_unaimed_en reads
    tables = _tables()
    ids = cats.tolist() if latin else ()  # the word hits' category ids, asked of Python sets below (cats kept so)
    # a denial about a group, by its polarity: a group word among the hits asked first (a set test of their ids), then
    # the cues (WITHHELD_CUE's search of the text ran on every English comment, with a group word or not)
    if latin and not tables.group_ids.isdisjoint(ids) and (
            denied_at or "deserve" in t or " as " in t or WITHHELD_CUE.search(t)):
        grouped = np.flatnonzero(tables.group[cats])
        _group_polarity(t, raw, spans, _denials(t, hits) if denied_at else (),
                        list(zip(starts[grouped].tolist(), ends[grouped].tolist(), strict=True)))
    _brands(cats, words, domains, raw, hits.flagged)
    # "line" and "id" need a Latin letter, ライン its ラ: a set look-up each, not a scan of the text (~0.6 us a
    # comment); _LINE_ID's "id" needs a colon after it, so an "id" with none ("said", "did": in most English comments)
    # is counted only beside lin.ee/ (an "@" is asked first); normalize has folded ：and ＠ into : and @ already
    if "@" in chars or (latin and ("line" in t or ("id" in t and (":" in chars or "lin.ee/" in t)))) or (
            "ラ" in chars and "ライン" in t) or ("ら" in chars and "らいん" in t):
        raw[_IDX["line_id"]] = _count(_LINE_ID_GUARD, t, "line_id", spans, chars, found, hits)
    if digits >= 5 and _PHONE_NEEDED.search(t):
        raw[_IDX["phone"]] = _count(_PHONE_GUARD, t, "phone", spans, chars, found, hits)
    if "@" in chars and EMAIL_NEEDED.search(t):
        raw[_IDX["email"]] = _count(_EMAIL_GUARD, t, "email", spans, chars, found, hits)
    if digits:
        raw[_IDX["money_amount"]] = _count(_MONEY_GUARD, t, "money_amount", spans, chars, found, hits)
    emoji = classes[_EMOJI_CLASS] + (0 if chars.isdisjoint(_EMOJI_BMP) else sum(t.count(c) for c in chars & _EMOJI_BMP))
    size = codes.size
    # the columns every comment has, emoji_density to has_japanese, in one call (a scalar's assignment costs ~0.7k
    # instructions, the 13 of them ~9k; a tuple's ~1.5k more than the packing); "!": NFKC has already folded ！ into !
    _EVERY_PACK(
        raw.data, _EVERY_AT, min(emoji / n * 5.0, 3.0), emoji,
        2.0 * (1.0 - distinct / (size - 3)) if size >= 16 else 0.0, norm.invisible, norm.lookalike, norm.masked,
        norm.spaced, t.count("!"),
        sum(1 for _ in _HASHTAG.finditer(t)) if "#" in chars or "＃" in chars else 0, math.log1p(n) / 4.0,
        latin / n, digits / n, float(classes[_KANA] + classes[_KANJI] > 0))
    more_starts: list[int] = []  # the constructions' hits (their starts, category-tuple ids)
    more_cats: list[int] = []
    # praise counts only towards a group praised (_CONSTRUCTION_BITS_NO_PRAISE says why): without a group hit its
    # matches are an explanation's only, found if one is asked for (expand_spans), not in every comment scored
    praise_read = latin and not tables.praise_targets.isdisjoint(ids)
    # the constructions whose gate the code pass let through (its answer to guard.may_match(t, chars, found) with a
    # trigger character, if any, and each alternative's sets asked at any length, not from EACH_FROM: a construction's
    # scan is 8-160 us where one runs), in order: their bits rise with it, the lowest set bit taken each time
    todo = hits.passed & (_CONSTRUCTION_BITS_NO_LATIN if not latin else _CONSTRUCTION_BITS
                          if praise_read or spans is not None else _CONSTRUCTION_BITS_NO_PRAISE)
    while todo:
        low = todo & -todo
        todo ^= low
        name, guard = _CONSTRUCTION_AT[low.bit_length() - 1]
        if name == _PRAISE_READ and not praise_read:
            spans.append(_Later(name, guard, t, chars, found, hits, quoted, denied, treated))
            continue
        found_at, kinds, turned = _construction(name, guard, t, chars, found, hits, quoted, denied, treated)
        if not found_at:
            continue
        more_starts += [a for a, _b in found_at]
        more_cats += [tables.construction[kind] for kind in kinds] if turned else (
            [tables.construction[name]] * len(found_at))
        if spans is not None:  # spelled out only if an explanation asks (expand_spans)
            spans.append(_KindSpans(found_at, kinds))
        if name == "hate_statement_en":
            hate_at = [span for span, kind in zip(found_at, kinds, strict=True) if kind == name]
        if name == "hate_statement_en" and (kept := _kept_out(t, found_at, kinds, starts, cats, hits.sentence_ends)):
            more_starts += [a for a, _b in kept]  # whom someone in charge keeps out: the group of the role's sentence
            more_cats += [tables.referent] * len(kept)
            if spans is not None:
                spans.append(_KindSpans(kept, ["group"] * len(kept)))
    if latin and not tables.group_ids.isdisjoint(ids):  # a harm done to a group endorsed: an attack
        grouped = starts[tables.group[cats]]
        if told := [(a, b) for a, b in endorsed_spans(t) if ((grouped >= a) & (grouped < b)).any()]:
            endorsed = True
            more_starts += [a for a, _b in told]
            more_cats += [tables.construction["hate_statement_en"]] * len(told)
            if spans is not None:
                spans.append(_KindSpans(told, ["hate_statement_en"] * len(told)))
    if more_starts:
        starts = np.concatenate((starts, np.asarray(more_starts, dtype=np.int64)))
        cats = np.concatenate((cats, np.asarray(more_cats, dtype=np.int32)))
    if treated is not None and treated.groups is not None and treated.groups[0].size:
        starts, cats = treated.attacked(starts, cats)
    if latin and not raw[_IDX["denied_praise_at_group"]]:  # a group named in a civil frame is no target
        cats = unaimed_groups(t, starts, cats, hits.sentence_ends, denied)
    _sentence_combos(t, starts, cats, raw, focus, hits.sentence_ends)
    if latin and not endorsed and any(raw[_ATTACK_AT].tolist()):
        raw[_UNAIMED_AT] = _unaimed(t, raw, hits.sentence_ends, hate_at, word_hits, starts, cats)
    return digits, found, hits


def _unaimed(t: str, raw: np.ndarray, ends: np.ndarray, hate_at: list, word_hits: tuple, starts: np.ndarray,
             cats: np.ndarray) -> float:
    """attack_unaimed_en (1.0: every attack frame's hit stands in a frame that attacks no one, unaimed_en.py), from
    the hate statements' spans, the word hits (starts, ends, category ids) and every hit (`starts`, `cats`)."""
    tables = _tables()
    a, b, ids = word_hits
    words = [(x, y, tables.tuples[k]) for x, y, k in zip(a.tolist(), b.tolist(), ids.tolist(), strict=True)]
    groups: dict[int, list] = {}  # the ends of the group words and slurs (group_attack's group) by sentence
    for x, y, named in words:
        if "group" in named or "group_named" in named or "slur" in named:
            groups.setdefault(int(np.searchsorted(ends, x, side="right")), []).append(y)
    if raw[_IDX["threat_en"]] and (groups or tables.group[cats].any()):  # a threat at a group: no reading covers
        return 0.0
    return float(attack_unaimed(t, ends, hate_at, words, groups))


def pii_signals(raw: np.ndarray, norm: Normalized, codes: np.ndarray, spans: list | None,
                read: tuple[int, set, CodePass]) -> None:
    """personal_info's signals written into `raw`, after named_signals (`read`: its answer); its spans come last."""
    digits, found, hits = read
    for name, value in personal_info(norm.text, spans, norm.chars, digits, found, codes, hits).items():
        raw[_IDX[name]] = value


def saturate(raw: np.ndarray) -> np.ndarray:
    """The signal rows from the raw counts and values (one row, or a batch's rows stacked): counts saturated by
    log1p, values kept, then scaled: for a batch four numpy calls for however many rows, for one row the log and
    one compiled call (kernels.counts.saturated); each element's arithmetic is the same wherever it sits."""
    out = np.log1p(raw)
    if raw.ndim == 1:  # one comment's row (score()): the rest in one compiled call, the same arithmetic
        saturated(out, raw, _VALUE_MASK, _HALVED)
        return out
    np.minimum(out, 4.0, out=out)
    np.copyto(out, raw, where=_VALUE_MASK)
    out.T[_HALVED] *= 0.5  # the column of a batch, the element of a row
    return out


def signal_dict(text: str) -> dict[str, float]:
    """Every named feature of one raw comment (tests and explanations read features by name)."""
    from moderation.text.normalize import normalize

    norm = normalize(text)
    vec = signals(norm, np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32))
    return dict(zip(FEATURE_NAMES, vec.tolist(), strict=True))
