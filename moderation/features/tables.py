"""Every category tuple a hit can carry, numbered once, with what the compiled counting reads of each."""

from __future__ import annotations

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
    _HARM_WORDS,
    _IDX,
    _INSULT_FLAG,
    _NEGATABLE_BITS,
    _NEGATED_FLAG,
    _PROFANITY_FLAG,
)
from moderation.features.vocabulary import _COMBOS, _WORDS
from moderation.kernels.counts import counted_arena
from moderation.targets.constructions import CONSTRUCTIONS
from moderation.wordlists import RESIDENT

# what the writer's own group word counts as otherwise
_IN_GROUP_CATS = frozenset(("slur", "group", "group_named", "profanity_en"))
_LITERAL_CATS = frozenset((*_IN_GROUP_CATS, "insult"))  # what a slur word in its literal sense counts as otherwise


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
        self.referent = number(("group",))  # whom an exclusion by someone in charge keeps out (matches._kept_out)
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
        # all add_hit_counts reads of these, as one argument
        self.counted = counted_arena(self.info, self.feat_at, self.feat_idx, _COMBO_AT_ARRAY, _NEGATABLE_BITS,
                                     _IDX["insult_unaimed"], _IDX["profanity_unaimed"])
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
# what in a later clause aims back at a group named in a treated subject ("the treatment of [group] is a joke, they
# are vermin / send them back / they should be shot"): the group stays a target (matches._Treated.attacked)
_LATER_ATTACK = frozenset(("threat_en", "hate_statement_en", "dehumanize", "slur", "expel"))


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

