"""The strings a regex's matches can start with, spelled out for an automaton (at most a few hundred)."""

from __future__ import annotations

import functools
import re
import re._constants as C

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


# -- the strings a match starts with -------------------------------------------------------------------------
MAX_PREFIXES = 128  # strings spelled out from the first characters of a pattern's matches (\\s alone is 29)


BEGIN = "\x00"  # among a pattern's prefixes: a match may start where the text starts (^ or \\A), nowhere else


PREFIX_LEN = 3     # characters of each (a longer start is cut: what is left still starts every match)


@functools.lru_cache(maxsize=4)
def _spaces(ascii_only: int) -> frozenset[str]:
    """The characters \\s matches (all below U+3001), with or without re.ASCII."""
    space = re.compile(r"\s", ascii_only)
    return frozenset(c for c in map(chr, range(0x3001)) if space.match(c))


def _chars(items, ascii_only: int, limit: int = MAX_PREFIXES) -> set[str] | None:
    """The characters of a class spelled out (None: negated, \\d, \\w or more than `limit`)."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < limit:
            out.update(map(chr, range(av[0], av[1] + 1)))
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out |= _spaces(ascii_only)
        else:
            return None
    return out if len(out) <= limit else None


def _starts(items, ascii_only: int, begin: bool = True, length: int = PREFIX_LEN,
            most: int = MAX_PREFIXES) -> set[tuple[str, bool]]:
    """(string, whole) pairs: every match of `items` starts with one of the strings, and `whole` says the match is
    exactly that string (so what follows `items` continues it); ("", False): nothing known; BEGIN: the match can
    only start where the text does (`begin`: ^ means that, the pattern is not MULTILINE). Strings are cut at
    `length` characters, and at most `most` are spelled."""
    out = {("", True)}
    for op, av in items:
        step = _starts_op(op, av, ascii_only, begin, length, most)
        grown = set()
        for s, whole in out:
            if not whole:
                grown.add((s, False))
                continue
            for t, t_whole in step:
                u = s + t
                grown.add((u[:length], t_whole and len(u) < length))
        if len(grown) > most:  # too many: stop spelling here
            return {(s, False) for s, _whole in out}
        out = grown
        if not any(whole for _s, whole in out):
            break
    return out


def _starts_op(op, av, ascii_only: int, begin: bool, length: int, most: int) -> set[tuple[str, bool]]:
    if op is C.AT and begin and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        return {(BEGIN, False)}
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is C.LITERAL:
        return {(chr(av), True)}
    if op is C.IN:
        chars = _chars(av, ascii_only)
        return {("", False)} if chars is None else {(c, True) for c in chars}
    if op is C.BRANCH:
        return set().union(*(_starts(alternative, ascii_only, begin, length, most) for alternative in av[1]))
    if op is C.SUBPATTERN:
        return {("", False)} if av[1] & re.IGNORECASE else _starts(av[3], ascii_only, begin, length, most)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _starts(body, ascii_only, begin, length, most)
        if high != 1:  # after the first time round, more may follow
            once = {(s, False) for s, _whole in once}
        return once | {("", True)} if low == 0 else once
    if op is C.ATOMIC_GROUP:
        return _starts(av, ascii_only, begin, length, most)
    return {("", False)}  # any character, a negated class, a back-reference...


def _alternation(strings) -> str:
    """A regex of literal `strings`, none a prefix of another, as a trie: one alternative per first character (a
    space and ASCII first), so at a possible start the engine tries a few first characters, not every string."""
    tails: dict[str, list[str]] = {}
    for s in strings:
        tails.setdefault(s[0], []).append(s[1:])
    parts = []
    for first in sorted(tails, key=lambda c: (c != " ", not c.isascii(), c)):
        rest = [t for t in tails[first] if t]
        parts.append(re.escape(first) + ("" if not rest else re.escape(rest[0]) if len(rest) == 1
                                         else "(?:" + _alternation(rest) + ")"))
    return "|".join(parts)


def prefixes(parsed, ascii_only: int = 0) -> frozenset[str] | None:
    """Non-empty strings (up to PREFIX_LEN characters) one of which every match of the parsed pattern starts with,
    none a prefix of another (None: a match may start with anything); BEGIN among them: or where the text starts.
    A string spelled on past a ^ could never match (^ after a character) and is dropped."""
    begin = not (parsed.state.flags & re.MULTILINE) if hasattr(parsed, "state") else False
    strings = {s for s, _whole in _starts(parsed, ascii_only, begin) if BEGIN not in s[1:]}
    if "" in strings or len(strings) > MAX_PREFIXES:
        return None
    return frozenset(s for s in strings if not any(s != t and s.startswith(t) for t in strings))


SPELLED_MOST = 4096  # strings a finite pattern may spell (spelled())


def spelled(pattern: str) -> frozenset[str]:
    """Every string `pattern` matches, spelled out: a pattern of literals, small classes, alternations and optional
    parts (a word list with its plurals: policem[ae]n, churche?s?); ValueError if it matches more (or anything)."""
    import re._parser as P

    strings = _starts(P.parse(pattern), 0, False, 1 << 30, SPELLED_MOST)
    if not strings or not all(whole for _s, whole in strings):
        raise ValueError(f"not a finite list of strings: {pattern[:60]}")
    return frozenset(s for s, _whole in strings)
