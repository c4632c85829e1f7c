"""Word-list hits, named persons and quoted words, counted per sentence with whom they aim at."""

from __future__ import annotations

import itertools
import re

import numpy as np

from moderation.features.patterns import (
    _ADDRESSED_CATS,
    _AIMED,
    _AIMED_FLAG,
    _COMBO_AT_ARRAY,
    _FOCUS_KINDS,
    _FOCUS_REPORT,
    _FOCUS_TARGETS,
    _FOCUS_THREATS,
    _GUARDS,
    _HARM_WORDS,
    _IDX,
    _INSULT_FLAG,
    _NAMED,
    _NAMED_TRIGGER,
    _NEGATABLE_BITS,
    _NEGATED_FLAG,
    _PROFANITY_FLAG,
    _SELF_ADDRESSED,
)
from moderation.features.vocabulary import _COMBOS, _WORDS
from moderation.kernels.counts import add_hit_counts
from moderation.targets.constructions import CONSTRUCTIONS
from moderation.targets.exclaimed import READ_AT_MOST, exclaimed
from moderation.targets.owned import LITERAL, OWN, SENSE_WORDS, may_read, reading
from moderation.targets.polarity import BAD_QUALITY, GOOD_QUALITY
from moderation.targets.praise import HARM_DONE_AHEAD, HARM_DONE_WORDS
from moderation.wordlists import RESIDENT

# A pattern's guard is read from its index once, here: hashing a compiled pattern hashes its whole compiled code
# (0.2-200 us a dict lookup), so no comment looks a guard up by its pattern.
_NAMED_GUARD = _GUARDS[_NAMED]


def _count(guard, t: str, kind: str, spans: list | None, chars, found, at) -> int:
    if not guard.may_match(t, chars, found):
        return 0
    if spans is None:
        return sum(1 for _ in guard.finditer(t, at=at))
    found = [m.span() for m in guard.finditer(t, at=at)]  # no Python step per match beyond this (a text full of them)
    spans += [(kind, a, b) for a, b in found if b > a]
    return len(found)


def _merge(spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, merged (starts, ends) of possibly overlapping spans."""
    if len(spans) >= 32:  # many: a span opens a new stretch where it starts after every earlier one ended
        a, b = np.fromiter(itertools.chain.from_iterable(spans), np.int64, count=2 * len(spans)).reshape(-1, 2).T
        opens = np.ones(a.size, dtype=bool)
        opens[1:] = a[1:] > np.maximum.accumulate(b)[:-1]
        at = np.flatnonzero(opens)
        return a[at], np.maximum.reduceat(b, at)
    starts, ends = [], []
    for a, b in spans:  # already sorted by start
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _inside(quoted: tuple[np.ndarray, np.ndarray] | None, positions) -> np.ndarray:
    """For each position (a list or an array), whether it lies inside a reported or quoted span."""
    if quoted is None or len(positions) == 0:
        return np.zeros(len(positions), dtype=bool)
    starts, ends = quoted
    k = np.searchsorted(starts, positions, side="right") - 1
    return (k >= 0) & (np.asarray(positions) < ends[np.maximum(k, 0)])


def _words(t: str, spans: list | None, chars, found, quoted, hits, denied=None, treated=None):
    """Word-list hits and named persons as arrays (starts, ends, category-tuple ids of _Tables, word indices; -1:
    a named person), from the word lists' bounded hits (`hits`: the text's CodePass). A hit inside someone else's
    reported words counts only as `quoted_harm` (a harm word) or not at all (a target); a harm word the writer
    denies (`denied`: merged spans of moderation.targets.denied) counts as `denied_harm`, its target stays; a group
    named as the patient of a deed a copula's subject names (`treated`: signals._Treated, its spans found when asked
    for) is no target."""
    tables = _tables()
    starts, ends, words = hits.starts, hits.ends, hits.words
    if starts.size > 1 and any(w in t for w in RESIDENT):
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
        if at.any():
            starts, ends, cats, words = _without("profanity_en", at, starts, ends, cats, words, tables)
    if quoted is not None and starts.size:
        inside = _inside(quoted, starts)
        if inside.any():
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
        treated.groups = (starts[grouped], cats[grouped])  # back if a later clause attacks (signals._Treated)
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


# what the writer's own group word counts as otherwise
_IN_GROUP_CATS = frozenset(("slur", "group", "group_named", "profanity_en"))
_LITERAL_CATS = frozenset((*_IN_GROUP_CATS, "insult"))  # what a slur word in its literal sense counts as otherwise


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


class _Tables:
    """Every category tuple a hit can carry (the word lists' merged ones, a named person, quoted harm, each
    construction), numbered, with what the compiled counting (kernels.counts.hit_counts) reads of each: its combination
    bits and flags (_info), the features it counts for, whether it is a harm word or a brand. Built on the first
    comment (the word lists' matcher builds then), not at import."""

    def __init__(self):
        words, word_cats = _WORDS.words()
        self.tuples: list[tuple[str, ...]] = []
        ids: dict[tuple[str, ...], int] = {}

        def number(cats: tuple[str, ...]) -> int:
            if cats not in ids:
                ids[cats] = len(self.tuples)
                self.tuples.append(cats)
            return ids[cats]

        self.words = words
        self.word_cat = np.asarray([number(c) for c in word_cats], dtype=np.int32)
        # a mask by word id, not np.isin: isin builds a lookup table as long as the largest id on every call (~150 us)
        self.resident = np.asarray([w in RESIDENT for w in words])
        self.group_word = np.asarray(["group" in c for c in word_cats])
        self.named = number(_NAMED_CATS)
        self.addressed = number(_ADDRESSED_CATS)  # 自分 told what to do: the person addressed (_SELF_ADDRESSED)
        self.self_word = words.index("自分") if "自分" in words else -2
        self.quoted = number(("quoted_harm",))
        self.denied = number(("denied_harm",))
        # a group word standing in no attack: named, not aimed at (group_named's tuple in place of group's)
        self.unaimed = [number(tuple(dict.fromkeys("group_named" if c == "group" else c for c in cats)))
                        if "group" in cats else k for k, cats in enumerate(list(self.tuples))]
        self.construction = {name: number((name,)) for name in CONSTRUCTIONS} | {"quoted_harm": self.quoted,
                                                                                  "denied_harm": self.denied,
                                                                                  "praise": number(("praise",))}
        without = {kind: [number(tuple(c for c in cats if c != kind)) if len(cats) > 1 else -1
                          for cats in list(self.tuples)] for kind in _STRIPPED}
        ingroup = [number((*(c for c in cats if c not in _IN_GROUP_CATS), "self_ref"))
                   if not _IN_GROUP_CATS.isdisjoint(cats) else k for k, cats in enumerate(list(self.tuples))]
        literal = [number((*(c for c in cats if c not in _LITERAL_CATS), "literal"))
                   if not _LITERAL_CATS.isdisjoint(cats) else k for k, cats in enumerate(list(self.tuples))]
        size = len(self.tuples)
        self.ingroup = np.asarray(ingroup + list(range(len(ingroup), size)), dtype=np.int32)
        self.unaimed = np.asarray(self.unaimed + list(range(len(self.unaimed), size)), dtype=np.int32)
        self.literal = np.asarray(literal + list(range(len(literal), size)), dtype=np.int32)
        self.ingroup_any = (self.ingroup != np.arange(size)) | (self.literal != np.arange(size))
        self.ingroup_ids = frozenset(np.flatnonzero(self.ingroup_any).tolist())
        self.own_ids = frozenset(np.flatnonzero(self.ingroup != np.arange(size)).tolist())  # what OWN can change
        # per stripped kind: whether a tuple holds it, and the tuple without it (-1: none left)
        self.has = {kind: np.asarray([kind in c for c in self.tuples]) for kind in _STRIPPED}
        self.profane_ids = frozenset(np.flatnonzero(self.has["profanity_en"]).tolist())
        self.praise_ids = frozenset(np.flatnonzero(self.has["praise"]).tolist())
        self.group = self.has["group"] | self.has["group_named"]  # a group named, by identity or by name
        self.group_ids = frozenset(np.flatnonzero(self.group).tolist())
        self.without = {kind: np.asarray([u if kind in c else k for k, (c, u) in enumerate(
            zip(self.tuples, to + [-1] * (len(self.tuples) - len(to)), strict=True))], dtype=np.int32)
            for kind, to in without.items()}
        self.info = np.asarray([_info(c) for c in self.tuples], dtype=np.int64).reshape(-1, 5)
        # brand_mention is not counted per hit: _brands sets it to the number of brands named
        features = [[_IDX[c] for c in cats if c in _IDX and c != "brand_mention"] for cats in self.tuples]
        self.feat_at = np.cumsum([0] + [len(f) for f in features]).astype(np.int64)
        self.feat_idx = np.asarray([j for f in features for j in f], dtype=np.int64)
        self.harm = np.asarray([not _HARM_WORDS.isdisjoint(c) for c in self.tuples])
        self.attack = np.asarray([not _LATER_ATTACK.isdisjoint(c) for c in self.tuples])
        self.brand = np.asarray(["brand_mention" in c for c in self.tuples])
        self.brand_ids = frozenset(np.flatnonzero(self.brand).tolist())
        # the tuples praise needs in its sentence to count (group_praise's second half): none in a text, no praise scan
        targets = frozenset(_COMBOS["group_praise"][1])
        self.praise_targets = frozenset(k for k, c in enumerate(self.tuples) if not targets.isdisjoint(c))
        self.brand_word = self.brand[self.word_cat].astype(np.uint8)  # by word index (the CodePass counts them)


_TABLES: list[_Tables] = []


def _tables() -> _Tables:
    if not _TABLES:
        _TABLES.append(_Tables())
    return _TABLES[0]


_NAMED_CATS = ("named_person",)


# categories a hit loses by where it stands (_without); the group kinds last, so the others' tuple ids stay
_STRIPPED = ("profanity_en", "praise", "group", "group_named")
# a negation anywhere in a praised sentence ("deserve no support", "not our friends"): its praise may be withheld
_NEGATOR = re.compile(r"(?<![a-z'’])(?:no|not|never|none|nothing|zero|without|hardly|lack|lacks|lost)(?![a-z'’])"
                      r"|n['’]t(?![a-z])")
# a going, harm or crime in a praised sentence ("I cheer every time [group] drown"): praise's own veto word list,
# and plain badness
_SUFFERED = re.compile(HARM_DONE_WORDS
                       # plain badness polarity's list of qualities of people lacks ("those who came here are bad")
                       + r"|(?<![a-z])(?:bad|worse|worst|poisonous|toxic|nasty|horrible|awful|terrible|a disgrace"
                       r"|shameful)(?![a-z])")
# praise restricted or taken back by what follows it ("are brilliant athletes and that is all they are good for",
# "deserve every respect, and a one-way ticket home", "are welcome as long as they know their place"; read2, s42)
_RESTRICTED = re.compile(r"(?<![a-z'’])(?:all (?:they|them|it|that)|only|good for|as long as|so long as|provided"
                         r"|on condition|until|unless|one-way|far away|far from|away from|a distance|on paper"
                         r"|(?:their|its|your) place|in moderation|in small)(?![a-z'’])")
# safety denied a group is a threat's form ("[group] aren't safe around me"), not a denied attack; a good quality
# denied is the attack itself (polarity.py: "I have never thought of [group] as honest")
_UNSAFE = re.compile(r"(?<![a-z])(?:safe|safety)(?![a-z])")
# what in a later clause aims back at a group named in a treated subject ("the treatment of [group] is a joke, they
# are vermin / send them back / they should be shot"): the group stays a target (signals._Treated.attacked)
_LATER_ATTACK = frozenset(("threat_en", "hate_statement_en", "dehumanize", "slur", "expel"))


class _WordSpans:
    """The word-list hits of a comment standing in its span list for their (category, start, end) spans: a
    comment of thousands of hits spent milliseconds building spans that only an explanation reads."""

    __slots__ = ("cats", "ends", "starts")

    def __init__(self, starts: np.ndarray, ends: np.ndarray, cats: np.ndarray):
        self.starts, self.ends, self.cats = starts, ends, cats


class _KindSpans:
    """A construction's matches standing in the span list for their (kind, start, end) spans (a text of thousands
    of quotes built thousands of tuples that only an explanation reads)."""

    __slots__ = ("kinds", "spans")

    def __init__(self, spans: list[tuple[int, int]], kinds: list[str]):
        self.spans, self.kinds = spans, kinds


def expand_spans(spans: list | None) -> list[tuple[str, int, int]]:
    """The (kind, start, end) spans `signals` recorded, with the word-list hits and constructions' matches spelled
    out in their place (a construction left for an explanation found now)."""
    out: list[tuple[str, int, int]] = []
    for item in spans or ():
        if callable(item) and (item := item()) is None:  # a construction scanned only now (signals._Later)
            continue
        if isinstance(item, _WordSpans):
            tuples = _tables().tuples
            out.extend([(c, a, b) for a, b, k in zip(item.starts.tolist(), item.ends.tolist(), item.cats.tolist(),
                                                       strict=True) for c in tuples[k]])
        elif isinstance(item, _KindSpans):
            out.extend([(kind, a, b) for (a, b), kind in zip(item.spans, item.kinds, strict=True)])
        else:
            out.append(item)
    return out


def spans_by_kind(spans: list | None) -> dict[str, list[tuple[int, int]]]:
    """expand_spans' (start, end) spans grouped by kind, each kind's in their order there, without
    its list of (kind, start, end) tuples in between (a comment's word hits are most of its spans)."""
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for item in spans or ():
        if callable(item) and (item := item()) is None:  # a construction scanned only now (signals._Later)
            continue
        if isinstance(item, _WordSpans):
            tuples = _tables().tuples
            for a, b, k in zip(item.starts.tolist(), item.ends.tolist(), item.cats.tolist(), strict=True):
                for c in tuples[k]:
                    if (got := by_kind.get(c)) is None:
                        by_kind[c] = [(a, b)]
                    else:
                        got.append((a, b))
        elif isinstance(item, _KindSpans):
            for (a, b), kind in zip(item.spans, item.kinds, strict=True):
                by_kind.setdefault(kind, []).append((a, b))
        else:
            kind, a, b = item
            by_kind.setdefault(kind, []).append((a, b))
    return by_kind


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
    tables = _tables()
    sid = add_hit_counts(raw, starts, cats, ends, tables.info, tables.feat_at, tables.feat_idx, _COMBO_AT_ARRAY,
                         _NEGATABLE_BITS, _IDX["insult_unaimed"], _IDX["profanity_unaimed"],
                         focus is not None and sentences > 1)
    if sid >= 0:
        focus.append((int(ends[sid - 1]) if sid > 0 else 0, int(ends[sid]) if sid < ends.size else len(t)))


def unaimed_groups(t: str, starts: np.ndarray, cats: np.ndarray, ends: np.ndarray, denials) -> np.ndarray:
    """English group words named in a civil frame count as group_named (which weighs nothing), not group: praise of
    the group in a sentence with no negation, or an attack on it the writer denies with no safety or good quality
    denied; never in a text with a harm word or construction of the writer's, or a bad quality, a going or a harm
    the writer does not deny ("[group] aren't vermin, they are lazy", "[group] are welcome, they say. They are
    parasites."); `denials`: denied.py's merged spans, in which a bad word is the one denied)."""
    tables = _tables()
    if tables.group_ids.isdisjoint(cats.tolist()) or (tables.info[cats, 3] > 0).any():
        return cats
    sid = np.searchsorted(ends, starts, side="right")
    praised = np.zeros(ends.size + 1, dtype=bool)
    praised[sid[tables.has["praise"][cats]]] = True
    is_denied = cats == tables.denied
    denied = np.zeros(ends.size + 1, dtype=bool)
    denied[sid[is_denied]] = True
    if not (praised | denied).any():
        return cats
    bad = [m.start() for rx in (BAD_QUALITY, _SUFFERED) for m in rx.finditer(t)]
    if bad and not _inside(denials, bad).all():
        return cats
    praised[_sentences(t, ends, _NEGATOR, _RESTRICTED)] = False
    denied[_sentences(t, ends, _UNSAFE, GOOD_QUALITY)] = False
    latin = np.asarray([t[a:a + 1].isascii() for a in starts.tolist()])
    at = tables.has["group"][cats] & (praised | denied)[sid] & latin
    return np.where(at, tables.unaimed[cats], cats).astype(np.int32) if at.any() else cats


def _sentences(t: str, ends: np.ndarray, *patterns) -> list[int]:
    """The sentences (as numbered by `ends`, where they end) that hold a match of any of `patterns`."""
    at = [m.start() for rx in patterns for m in rx.finditer(t)]
    return np.searchsorted(ends, at, side="right").tolist() if at else []


def _info(cats: tuple[str, ...]) -> tuple[int, int, int, int, int]:
    """A hit's categories as bit sets: the _COMBOS whose first group they meet, those whose second group they
    meet, and _FLAGS (aimed at someone, insult, profanity, negation), so a sentence ORs integers per hit; and
    what the hit adds to its sentence's claim to be the worst one: 1 for a harm word or construction (2 for a
    threat), and that plus 1 for a person or group it may aim at, less 1 for a news or hedging word."""
    first = second = 0
    for bit, (one, two) in enumerate(_COMBOS.values()):
        first |= 0 if set(one).isdisjoint(cats) else 1 << bit
        second |= 0 if set(two).isdisjoint(cats) else 1 << bit
    flags = ((_AIMED_FLAG if not _AIMED.isdisjoint(cats) else 0) | (_INSULT_FLAG if "insult" in cats else 0)
             | (_PROFANITY_FLAG if "profanity_en" in cats else 0)
             | (_NEGATED_FLAG if "negated_en" in cats or "negated_ja" in cats else 0))
    harm = 0 if _FOCUS_KINDS.isdisjoint(cats) else 2 if not _FOCUS_THREATS.isdisjoint(cats) else 1
    weight = harm + (0 if _FOCUS_TARGETS.isdisjoint(cats) else 1) - (0 if _FOCUS_REPORT.isdisjoint(cats) else 1)
    return first, second, flags, harm, weight
