"""Which texts a pattern can match at all: a match's first character is one its pattern can consume first, so a
text without any such character has no match (the reference scan of tests/test_adversarial_matches.py skips it).
Read from the parsed pattern alone, not from the needles or code pass the scan checks."""

import functools
import re
import re._compiler as RC
import re._constants as C
import re._parser as P

_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


class _Anything(Exception):
    """The pattern can start with (almost) any character, or match the empty string: nothing to skip."""


def _first(items, flags: int, out: dict[int, list]) -> bool:
    """Add what `items` can consume first to out[flags]; whether `items` can consume nothing."""
    for op, av in items:
        if op in _ZERO_WIDTH:  # a lookaround or anchor consumes nothing: the next item starts the match
            continue
        if op is C.LITERAL:
            out.setdefault(flags, []).append((op, av))
            return False
        if op is C.IN:
            if any(o not in (C.LITERAL, C.RANGE, C.CATEGORY) for o, _ in av):  # a negated class, or else
                raise _Anything
            out.setdefault(flags, []).extend(av)
            return False
        if op is C.BRANCH:
            if not any([_first(branch, flags, out) for branch in av[1]]):  # every branch read, none empty
                return False
        elif op is C.SUBPATTERN:  # (?i:...) and the like change the flags inside
            _group, add, remove, sub = av
            if not _first(sub, (flags | add) & ~remove, out):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _first(av, flags, out):
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, flags, out) and low > 0:
                return False
        else:  # ANY, NOT_LITERAL, a bare category, a group reference...
            raise _Anything
    return True


@functools.cache
def parsed(rx: re.Pattern) -> P.SubPattern:
    """rx parsed by sre (once: ~4 s for the 202 patterns of the scan)."""
    return P.parse(rx.pattern, rx.flags)


def first_chars(rx: re.Pattern, chars) -> set[str] | None:
    """Those of `chars` a match of `rx` can start with (each class compiled with the pattern's flags, so case
    folding is sre's own); None when any character could start one."""
    tree = parsed(rx)
    atoms: dict[int, list] = {}
    try:
        if _first(tree, tree.state.flags, atoms):
            raise _Anything
    except _Anything:
        return None
    classes = []
    for flags, items in atoms.items():
        one = P.SubPattern(P.State())
        one.append((C.IN, items))
        classes.append(RC.compile(one, flags))
    return {c for c in chars if any(k.fullmatch(c) for k in classes)}


def matches_where_possible(rx: re.Pattern, texts: list[str], chars: list[frozenset[str]]) -> list[list[tuple]]:
    """Each text's match spans of `rx` (`chars`: each text's set of characters), [] unscanned where no character
    of the text can start a match."""
    firsts = first_chars(rx, frozenset().union(*chars))
    return [[m.span() for m in rx.finditer(text)] if firsts is None or not firsts.isdisjoint(have) else []
            for text, have in zip(texts, chars, strict=True)]
