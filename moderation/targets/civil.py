"""A group named in a civil frame (praised, or an attack on it denied) is named there, not aimed at."""

from __future__ import annotations

import numpy as np

from moderation.features.spans import _inside, _merge
from moderation.features.tables import _tables
from moderation.pattern_cache import compiled
from moderation.targets.denied import whole_denial
from moderation.targets.negated import averse, cared, denying, twice_negated
from moderation.targets.polarity import BAD_QUALITY, GOOD_QUALITY
from moderation.targets.praise import HARM_DONE_WORDS

# a negation anywhere in a praised sentence ("deserve no support", "not our friends"): its praise may be withheld
_NEGATOR = compiled(r"(?<![a-z'’])(?:no|not|never|none|nothing|zero|without|hardly|lack|lacks|lost)(?![a-z'’])"
                    r"|n['’]t(?![a-z])")
# a going, harm or crime in a praised sentence ("I cheer every time [group] drown"): praise's own veto word list,
# and plain badness
_SUFFERED = compiled(HARM_DONE_WORDS
                     # plain badness polarity's list of qualities of people lacks ("those who came here are bad")
                     + r"|(?<![a-z])(?:bad|worse|worst|poisonous|toxic|nasty|horrible|awful|terrible|a disgrace"
                     r"|shameful)(?![a-z])")
# praise restricted or taken back by what follows it ("are brilliant athletes and that is all they are good for",
# "deserve every respect, and a one-way ticket home", "are welcome as long as they know their place"; read2, s42)
_RESTRICTED = compiled(r"(?<![a-z'’])(?:all (?:they|them|it|that)|only|good for|as long as|so long as|provided"
                       r"|on condition|until|unless|one-way|far away|far from|away from|a distance|on paper"
                       r"|(?:their|its|your) place|in moderation|in small)(?![a-z'’])")
# safety denied a group is a threat's form ("[group] aren't safe around me"), not a denied attack; a good quality
# denied is the attack itself (polarity.py: "I have never thought of [group] as honest")
_UNSAFE = compiled(r"(?<![a-z])(?:safe|safety)(?![a-z])")


def unaimed_groups(t: str, starts: np.ndarray, cats: np.ndarray, ends: np.ndarray, denials) -> np.ndarray:
    """English group words named in a civil frame count as group_named (which weighs nothing), not group: praise of
    the group in a sentence with no negation, or an attack on it the writer denies with no safety or good quality
    denied; never in a text with a harm word or construction of the writer's, or a bad quality, a going or a harm
    the writer does not deny ("[group] aren't vermin, they are lazy", "[group] are welcome, they say. They are
    parasites."), other than in care for the group ("I don't hate [group], I hate that they're bullied":
    negated.cared); `denials`: denied.py's merged spans, in which a bad word is the one denied)."""
    tables = _tables()
    if tables.group_ids.isdisjoint(cats.tolist()):
        return cats
    care = []  # [cared(t, ends)] once read: what states care for the group ("I hate that they're bullied"), whose words
    # are no harm of the writer's
    harms = starts[tables.info[cats, 3] > 0].tolist()
    if harms:
        care.append(cared(t, ends))
        if not care[0] or not _inside(_merge(care[0]), harms).all():
            return cats
    sid = np.searchsorted(ends, starts, side="right")
    praised = np.zeros(ends.size + 1, dtype=bool)
    praised[sid[tables.has["praise"][cats]]] = True
    denied = np.zeros(ends.size + 1, dtype=bool)
    denied[sid[cats == tables.denied]] = True
    negated = denying(t, starts[cats == tables.construction["negated_en"]].tolist(), ends, care)
    whole = whole_denial(t)  # the whole comment a stereotype denied or a bad claim answered by no one (session 55)
    negated += averse(t, starts[tables.has["group"][cats]].tolist()) + whole
    if negated:  # "I don't hate [group]", "never called them vermin": an attack verb or word denied
        denied[np.searchsorted(ends, [a for a, _b in negated], side="right")] = True
    if not (praised | denied).any():
        return cats
    if not care:
        care.append(cared(t, ends))
    cares = _merge(care[0]) if care[0] else None
    bad = [m.start() for rx in (BAD_QUALITY, _SUFFERED) for m in rx.finditer(t)]
    if bad and not (_inside(denials, bad) | _inside(_merge(negated) if negated else None, bad)
                    | _inside(cares, bad)).all():
        return cats
    praised[_sentences(t, ends, _NEGATOR, _RESTRICTED)] = False
    denied[_sentences(t, ends, _UNSAFE, GOOD_QUALITY, besides=cares)] = False  # not the care's ("want them safe")
    if denied.any():  # two negations in a sentence assert what one would deny ("[group] are never not stupid"), but
        # for the closed reason of a whole-comment denial ("..., since the family next door has never taken a thing.")
        denied &= ~twice_negated(t, ends, _NEGATOR, denied.size)
        if whole:
            denied[np.searchsorted(ends, whole[0][0], side="right")] = True
    latin = np.asarray([t[a:a + 1].isascii() for a in starts.tolist()])
    at = tables.has["group"][cats] & (praised | denied)[sid] & latin
    return np.where(at, tables.unaimed[cats], cats).astype(np.int32) if at.any() else cats


def _sentences(t: str, ends: np.ndarray, *patterns, besides: tuple | None = None) -> list[int]:
    """The sentences (as numbered by `ends`, where they end) that hold a match of any of `patterns` outside the
    merged spans `besides`."""
    at = [m.start() for rx in patterns for m in rx.finditer(t)]
    if at and besides is not None:
        at = np.asarray(at)[~_inside(besides, at)].tolist()
    return np.searchsorted(ends, at, side="right").tolist() if at else []
