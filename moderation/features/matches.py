"""A construction's matches as signals reads them: reported, denied, done to a group, or left for an explanation."""

from __future__ import annotations

import numpy as np

from moderation.features.patterns import _DENIABLE_CONSTRUCTIONS, _IDX, _MASKED_CONSTRUCTIONS
from moderation.features.spans import _inside, _KindSpans, _merge
from moderation.features.tables import _tables
from moderation.pattern_cache import compiled
from moderation.targets.polarity import group_denials
from moderation.targets.treated import treated_spans
from moderation.targets.withheld_en import in_charge


def _group_polarity(t: str, raw: np.ndarray, spans: list | None, denials, groups: list) -> None:
    """What a denial says of a group named in it or as its subject: a good quality denied (the attack) or a bad one
    (a defence) (moderation.targets.polarity; `denials`: denied._denials's, `groups`: the group words' spans)."""
    praise, stereotype = group_denials(t, denials, sorted(groups))
    raw[_IDX["denied_praise_at_group"]] = len(praise)
    raw[_IDX["denied_stereotype_at_group"]] = len(stereotype)
    if spans is not None:
        spans += [("denied_praise_at_group", a, b) for a, b in praise]
        spans += [("denied_stereotype_at_group", a, b) for a, b in stereotype]


def _construction(name: str, guard, t: str, chars, found, hits, quoted, denied, treated=None
                  ) -> tuple[list, list, bool]:
    """One construction's matches in `t`: (their (start, end), their kinds, whether a kind was turned from `name`
    (someone else's reported words, a denied predicate)); praise a negation denies is dropped, and a hate statement
    whose copula a deed done to someone is the subject of (`treated`: merged spans of moderation.targets.treated)."""
    found_at = [m.span() for m in guard.finditer(t, chars, found, hits)]
    if found_at and treated is not None and name == "hate_statement_en" and (done := treated()) is not None:
        found_at = [found_at[i] for i in np.flatnonzero(~_inside(done, [a for a, _b in found_at])).tolist()]
    if not found_at:
        return found_at, [], False
    kinds = [name] * len(found_at)
    hit_starts = [a for a, _b in found_at]
    turned = False
    if quoted is not None and name in _MASKED_CONSTRUCTIONS:  # inside someone else's reported words
        for i in np.flatnonzero(_inside(quoted, hit_starts)).tolist():
            kinds[i] = "quoted_harm"
        turned = True
    if denied is not None and name in _DENIABLE_CONSTRUCTIONS:  # a hateful predicate the writer denies
        for i in np.flatnonzero(_inside(denied, hit_starts)).tolist():
            kinds[i] = "denied_harm" if kinds[i] == name else kinds[i]
        turned = True
    if denied is not None and name == "praise":  # praise a negation denies is none, as the word list's
        kept = np.flatnonzero(~_inside(denied, hit_starts)).tolist()
        found_at = [found_at[i] for i in kept]
        kinds = kinds[:len(kept)]
    return found_at, kinds, turned


def _kept_out(t: str, found_at: list, kinds: list, starts: np.ndarray, cats: np.ndarray, ends: np.ndarray) -> list:
    """The exclusions by someone in charge among the hate statements (`found_at`, `kinds`) whose sentence, where the
    writer's role is said, names no group as a target (no `group` hit: a people named, `group_named`, is named, not
    aimed at; `starts`, `cats`: the word hits; `ends`: where sentences end): whom the rule keeps out is the group aimed
    at there (session 46: "I'm the landlord here and [slur] need not apply", "I don't rent to [people] and never will",
    "... any teacher who turns out to be gay gets the sack", "I'm the landlord here. [group] need not apply.")."""
    charged = in_charge(t, [span for span, kind in zip(found_at, kinds, strict=True) if kind == "hate_statement_en"])
    if not charged:
        return []
    grouped = np.unique(np.searchsorted(ends, starts[_tables().has["group"][cats]], side="right"))
    return [(a, b) for a, b in charged if np.searchsorted(ends, a, side="right") not in grouped]


_LATER_READ = 160  # characters read after a treated subject for a later clause and its attack (linear: once a span)
_LATER_CLAUSE = compiled(r"([.!?\n])|[,;:\u2013\u2014]| (?:and|but|so) ")
_SENTENCE_END = compiled(r"[.!?\n]")


class _Treated:
    """A text's merged moderation.targets.treated spans, found when first asked for (None: there are none): a text
    with no group word and no hate statement never scans for them (~11 us at 220 characters)."""

    __slots__ = ("at", "groups", "spans", "text")

    def __init__(self, text: str, at):
        self.text, self.at, self.spans, self.groups = text, at, False, None

    def __call__(self):
        if self.spans is False:
            found = treated_spans(self.text, at=self.at)
            self.spans = _merge(found) if found else None
        return self.spans

    def attacked(self, starts: np.ndarray, cats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The hits with the group hits _words took out of a treated subject put back where a later clause of its
        sentence attacks (_LATER_ATTACK: "the treatment of [group] is a joke, they are vermin"); each span reads at
        most _LATER_READ characters after it."""
        at, was = self.groups
        order = np.argsort(starts, kind="stable")  # each span finds its hits by binary search: linear in the text
        placed = starts[order]
        attacks = np.concatenate(([0], np.cumsum(_tables().attack[cats][order])))
        by_start = np.argsort(at, kind="stable")
        at_sorted = at[by_start]
        back = np.zeros(at.size, dtype=bool)
        for a, b in zip(*self.spans, strict=True):
            ahead = _LATER_CLAUSE.search(self.text, int(b), int(b) + _LATER_READ)
            if ahead is not None and ahead.group(1) is None:  # a comma, "and", "but" before the sentence's end
                stop = _SENTENCE_END.search(self.text, ahead.start(), int(b) + _LATER_READ)
                lo, hi = np.searchsorted(placed, (ahead.start(), stop.start() if stop else int(b) + _LATER_READ))
                if attacks[hi] > attacks[lo]:
                    back[by_start[np.searchsorted(at_sorted, a):np.searchsorted(at_sorted, b)]] = True
        if not back.any():
            return starts, cats
        return np.concatenate((starts, at[back])), np.concatenate((cats, was[back]))


class _Later:
    """A construction's scan left for an explanation (praise's: its matches are all of its own kind, `kind`): called,
    its spans (a _KindSpans, or None)."""

    __slots__ = ("args", "kind")

    def __init__(self, kind: str, *args):
        self.kind, self.args = kind, args

    def __call__(self) -> _KindSpans | None:
        found_at, kinds, _turned = _construction(self.kind, *self.args)
        return _KindSpans(found_at, kinds) if found_at else None
