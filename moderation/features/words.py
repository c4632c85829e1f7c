"""Word-list hits, named persons and quoted words, counted per sentence with whom they aim at."""

from __future__ import annotations

import itertools

import numpy as np

from moderation.features.patterns import (
    _GUARDS,
    _IDX,
    _NAMED,
    _NAMED_TRIGGER,
    _SELF_ADDRESSED,
)
from moderation.features.spans import _inside, _WordSpans
from moderation.features.tables import _tables
from moderation.kernels.counts import add_hit_counts
from moderation.targets.exclaimed import READ_AT_MOST, exclaimed
from moderation.targets.owned import LITERAL, OWN, SENSE_WORDS, may_read, reading
from moderation.targets.praise import HARM_DONE_AHEAD
from moderation.wordlists import RESIDENT

# A pattern's guard is read from its index once, here: hashing a compiled pattern hashes its whole compiled code
# (0.2-200 us a dict lookup), so no comment looks a guard up by its pattern.
_NAMED_GUARD = _GUARDS[_NAMED]
# RESIDENT's first characters: a word of it is in a text only if its first character is in the text's set (asked
# first: the any() of its `in` scans cost ~1.5k instructions of each comment with two word hits or more)
_RESIDENT_FIRST = frozenset(w[0] for w in RESIDENT)


def _count(guard, t: str, kind: str, spans: list | None, chars, found, at) -> int:
    if not guard.may_match(t, chars, found):
        return 0
    if spans is None:
        return sum(1 for _ in guard.finditer(t, at=at))
    found = [m.span() for m in guard.finditer(t, at=at)]  # no Python step per match beyond this (a text full of them)
    spans += [(kind, a, b) for a, b in found if b > a]
    return len(found)



def _words(t: str, spans: list | None, chars, found, quoted, hits, denied=None, treated=None):
    """Word-list hits and named persons as arrays (starts, ends, category-tuple ids of _Tables, word indices; -1:
    a named person), from the word lists' bounded hits (`hits`: the text's CodePass). A hit inside someone else's
    reported words counts only as `quoted_harm` (a harm word) or not at all (a target); a harm word the writer
    denies (`denied`: merged spans of moderation.targets.denied) counts as `denied_harm`, its target stays; a group
    named as the patient of a deed a copula's subject names (`treated`: matches._Treated, its spans found when asked
    for) is no target."""
    tables = _tables()
    starts, ends, words = hits.starts, hits.ends, hits.words
    if starts.size > 1 and not _RESIDENT_FIRST.isdisjoint(chars) and any(w in t for w in RESIDENT):
        starts, ends, words = _resident(t, starts, ends, words, tables)
    cats = tables.word_cat[words]
    if "自分" in t and (told := [m.start() for m in _SELF_ADDRESSED.finditer(t)]):
        cats = np.where((words == tables.self_word) & np.isin(starts, told), tables.addressed, cats).astype(np.int32)
    if not _NAMED_TRIGGER.isdisjoint(chars) and _NAMED_GUARD.may_match(t, chars, found):
        where = [m.span() for m in _NAMED_GUARD.finditer(t, at=hits)]
        if where:  # fromiter: np.asarray took ~100 ns a tuple (アナ repeated: 5,000 of them)
            a, b = np.fromiter(itertools.chain.from_iterable(where), np.int64, count=2 * len(where)).reshape(-1, 2).T
            starts, ends = np.concatenate((starts, a)), np.concatenate((ends, b))
            cats = np.concatenate((cats, np.full(a.size, tables.named, np.int32)))
            words = np.concatenate((words, np.full(a.size, -1, np.int32)))
    ids = cats.tolist() if starts.size else ()  # asked of Python sets: a bool gather by int32 costs ~3 us more
    if not tables.ingroup_ids.isdisjoint(ids):
        cats = _in_group(t, starts, ends, cats, tables, ids)
        ids = cats.tolist()
    if not tables.profane_ids.isdisjoint(ids) and (
            swears := np.flatnonzero(tables.has["profanity_en"][cats])[:READ_AT_MOST]).size:
        at = np.zeros(starts.size, dtype=bool)
        at[swears] = exclaimed(t, starts[swears].tolist(), ends[swears].tolist(), quoted)  # a reported slur: none
        if np.count_nonzero(at):  # not at.any(): numpy's Python-level _any, ~1.5 us against ~0.2
            starts, ends, cats, words = _without("profanity_en", at, starts, ends, cats, words, tables)
    if quoted is not None and starts.size:
        inside = _inside(quoted, starts)
        if np.count_nonzero(inside):
            keep = ~inside | tables.harm[cats]
            cats = np.where(inside, tables.quoted, cats)[keep]
            starts, ends, words = starts[keep], ends[keep], words[keep]
    if denied is not None and starts.size:
        inside = _inside(denied, starts)
        cats = np.where(inside & tables.harm[cats], tables.denied, cats).astype(np.int32)
        if tables.has["praise"][cats].any():  # "[group] aren't welcome here": no praise of the group
            starts, ends, cats, words = _without("praise", inside, starts, ends, cats, words, tables)
    if treated is not None and not tables.group_ids.isdisjoint(ids) and (done := treated()) is not None:
        inside = _inside(done, starts)  # "the treatment of [group] is ...": the deed is what is judged
        grouped = inside & tables.group[cats]
        treated.groups = (starts[grouped], cats[grouped])  # back if a later clause attacks (matches._Treated)
        for kind in ("group", "group_named"):
            if (inside & tables.has[kind][cats]).any():
                starts, ends, cats, words = _without(kind, inside, starts, ends, cats, words, tables)
                inside = _inside(done, starts)
    if not tables.praise_ids.isdisjoint(ids) and not tables.praise_targets.isdisjoint(ids) and starts.size:
        # "I support deporting [group]", "we welcome the ban on [group]": support of a harm done, no praise of them
        at = np.zeros(starts.size, dtype=bool)
        for i in np.flatnonzero(tables.has["praise"][cats])[:READ_AT_MOST].tolist():
            at[i] = HARM_DONE_AHEAD.match(t, int(ends[i])) is not None
        if at.any():
            starts, ends, cats, words = _without("praise", at, starts, ends, cats, words, tables)
    if spans is not None:  # their spans are spelled out only if an explanation asks (expand_spans)
        spans.append(_WordSpans(starts, ends, cats))
    return starts, ends, cats, words


def _resident(t: str, starts: np.ndarray, ends: np.ndarray, words: np.ndarray, tables):
    """在日 and the group word right after it (在日ロシア人, 在日の外国人) are one mention of one group, as the listed
    在日韓国人 is: the pair becomes the group word's hit, starting where 在日 does (wordlists.RESIDENT)."""
    lead = [i for i in np.flatnonzero(tables.resident[words[:-1]]).tolist()
            if tables.group_word[words[i + 1]] and (starts[i + 1] == ends[i] or (
                starts[i + 1] == ends[i] + 1 and t[ends[i]] == "の"))]
    if not lead:
        return starts, ends, words
    starts = starts.copy()
    starts[[i + 1 for i in lead]] = starts[lead]
    keep = np.ones(starts.size, dtype=bool)
    keep[lead] = False
    return starts[keep], ends[keep], words[keep]


def _without(kind: str, at: np.ndarray, starts, ends, cats, words, tables):
    """The hits `at` marks lose the category `kind` (a hit left with none is dropped): swear words used as an
    exclamation or intensifier (moderation.targets.exclaimed) aim at nobody, so they count neither as
    profanity_unaimed nor towards an insult of someone in the sentence; praise a negation denies is none."""
    cats = np.where(at & tables.has[kind][cats], tables.without[kind][cats], cats).astype(np.int32)
    keep = cats >= 0
    return starts[keep], ends[keep], cats[keep], words[keep]


_FEW_HITS = 64  # hits from which _in_group picks the in-group ones by numpy



def _in_group(t: str, starts: np.ndarray, ends: np.ndarray, cats: np.ndarray, tables, ids: list[int]) -> np.ndarray:
    """Group words, slurs and vulgar group words the writer uses of their own group count as `self_ref`, and slur
    words in their literal sense as `literal` (moderation.targets.owned; the first READ_AT_MOST of them, each read
    at most 48 characters either side: linear in the text). `ids`: cats as a list (a comment's few hits are picked
    from it by a set, not by a numpy gather, flatnonzero and slice: ~0.5 against ~2.5 us)."""
    out = cats.copy()
    which = tables.ingroup_ids
    at = ([i for i, c in enumerate(ids) if c in which][:READ_AT_MOST] if len(ids) <= _FEW_HITS
          else np.flatnonzero(tables.ingroup_any[cats])[:READ_AT_MOST].tolist())
    own = tables.own_ids
    for i in at:
        a, b = int(starts[i]), int(ends[i])
        if ids[i] not in own and t[a:b] not in SENSE_WORDS:  # an insult alone ("idiot", "shut up"): OWN changes
            continue  # nothing and LITERAL is no answer for it, so reading()'s searches (~13 us a word) would be lost
        if not may_read(t, a, b):  # no regex searched around a word no reading can hold (バカ: ~2.5 us each)
            continue
        found = reading(t, a, b)
        if found == OWN and tables.ingroup[cats[i]] != cats[i]:
            out[i] = tables.ingroup[cats[i]]
        elif found == LITERAL:
            out[i] = tables.literal[cats[i]]
    return out



def _sentence_combos(t: str, starts: np.ndarray, cats: np.ndarray, raw: np.ndarray, focus: list | None,
                     ends: np.ndarray) -> None:
    """Count the hits per feature, and harm word and target in the SAME sentence (so a long comment does not
    dilute one attack), in one compiled pass (kernels.counts.hit_counts). With `focus` a list, the (start, end) of the
    worst sentence (the most harm words and constructions plus the people they may aim at, less its news and
    hedging words; never one with no harm word) is appended when the text has several. `ends`: where sentences
    end, as _SENTENCE_END's matches do (the CodePass's int64 array)."""
    sentences = ends.size + (0 if ends.size and ends[-1] == len(t) else 1)
    raw[_IDX["sentences"]] = sentences
    if not starts.size:
        return
    sid = add_hit_counts(raw, starts, cats, ends, _tables().counted, focus is not None and sentences > 1)
    if sid >= 0:
        focus.append((int(ends[sid - 1]) if sid > 0 else 0, int(ends[sid]) if sid < ends.size else len(t)))
