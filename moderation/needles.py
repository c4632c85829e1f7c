"""Needles of a regex: strings of which every match contains one, so a text without any is never scanned.

A regex scan costs a match attempt at every position of the text; most comments contain none of what a
signal's pattern needs. `Needles(pattern)` reads the parsed pattern once (literal runs, small character
classes, alternations, repeats of at least one) and keeps the most selective set it can prove necessary;
`may_match(text, chars)` is then a set lookup or a few substring tests. A pattern it cannot reason about (a leading `.`,
a large class, IGNORECASE) gets no needles and is always scanned: the guard can only skip, never change, a
result (tests/test_needles.py checks that on generated and adversarial text).
"""

from __future__ import annotations

import functools
import itertools
import re
import re._constants as C
import re._parser as P

from moderation.automaton import Automaton

__all__ = ["NeedleIndex", "Needles"]

MAX_NEEDLES = 100  # more than this costs about what the scan it saves (one automaton pass finds them all)
MAX_CLASS = 12     # characters of a class spelled out as one-character needles


def _class(items) -> set[str] | None:
    """The characters of a small class spelled out as needles (None: negated, a category or more than MAX_CLASS)."""
    return _chars(items, 0, MAX_CLASS)


def _strength(needle: str) -> int:
    """How rare a needle is likely to be: kana and ASCII letters are everywhere, kanji and symbols less so."""
    return sum(1 if "\u3040" <= c <= "\u309f" or c.isascii() else 2 for c in needle)


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: strongest weakest needle, then strongest on average, then fewest."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(4, min(map(_strength, s))), sum(map(_strength, s)) / len(s), -len(s)))


def _op(op, av) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        return _class(av)
    if op is C.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            out |= found
        return out if len(out) <= MAX_NEEDLES else None
    if op is C.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    return None  # assertions, anchors, any character, back-references: nothing they are sure to consume


def _sequence(items) -> set[str] | None:
    """Needles of a sequence: each element's own set, and each run of literals and small classes as the
    strings it can spell (l[i1]ne: line, l1ne); the best one."""
    candidates: list[set[str]] = []
    run = {""}
    for op, av in items:
        spelled = {chr(av)} if op is C.LITERAL else _class(av) if op is C.IN else None
        if spelled is not None and len(run) * len(spelled) <= MAX_NEEDLES:
            run = {a + b for a in run for b in spelled}
            continue
        if run != {""}:
            candidates.append(run)
        run = {""}
        if spelled is not None:  # the run would spell too many strings: start a new one here
            run = spelled
            continue
        found = _op(op, av)
        if found:
            candidates.append(found)
    if run != {""}:
        candidates.append(run)
    return _best(candidates)


class Needles:
    """`may_match(text, chars, found)` is False only when the pattern cannot match `text`.

    `chars` is set(text); `found` is `NeedleIndex.found(text)` of an index this guard is part of (one
    automaton pass for every guard of a text), or None to test the needles one by one."""

    __slots__ = ("chars", "pattern", "starts", "strings")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.starts = starts_of(pattern)
        found = None
        if not pattern.flags & (re.IGNORECASE | re.VERBOSE) and isinstance(pattern.pattern, str):
            found = _sequence(P.parse(pattern.pattern, pattern.flags))
        # None: no guard (always scanned); one-character needles are looked up in the text's set of characters
        self.chars = None if found is None else frozenset(n for n in found if len(n) == 1)
        self.strings = frozenset() if found is None else frozenset(n for n in found if len(n) > 1)

    def may_match(self, text: str, chars, found=None) -> bool:
        if self.chars is None:
            return True
        if not self.chars.isdisjoint(chars):
            return True
        if found is not None:
            return not self.strings.isdisjoint(found)
        return any(n in text for n in self.strings)

    def finditer(self, text: str):
        """The pattern's matches in `text`, searched from where one can start (`finditer` below)."""
        return finditer(self.pattern, self.starts, text)


class NeedleIndex:
    """The guards of many patterns, keyed by pattern, with one Aho-Corasick automaton for all their strings
    (and `extra` strings a caller wants found in the same pass)."""

    def __init__(self, patterns, extra=()):
        self.guards = {rx: Needles(rx) for rx in patterns}
        self.automaton = Automaton({n: n for n in {n for guard in self.guards.values() for n in guard.strings}
                                    | set(extra)})

    def __getitem__(self, rx: re.Pattern[str]) -> Needles:
        return self.guards[rx]

    def found(self, text: str, codes=None) -> set[str]:
        """Every needle string that occurs in `text` (one pass, linear in the text plus the occurrences; `codes`:
        the text's code points as uint32, if known)."""
        if not text:
            return set()
        values = self.automaton.values
        return {values[k] for k in self.automaton.scan(text, codes)[1].tolist()}


# -- where a match can start -------------------------------------------------------------------------------
_CATEGORY_SOURCE = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
MAX_TRIES = 16  # start positions tried (and one per 16 characters) before the pattern's own scan takes over


def _first_items(items) -> tuple[list | None, bool]:
    """(class items the first character of a match of `items` is one of (None: any character), whether `items`
    can match the empty string); zero-width assertions consume nothing and are looked through."""
    out: list = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        first, nullable = _first_op(op, av)
        if first is None:
            return None, False
        out += first
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[list | None, bool]:
    if op is C.LITERAL:
        return [(op, av)], False
    if op is C.IN:
        return (None, False) if any(o is C.NEGATE for o, _a in av) else (list(av), False)
    if op is C.BRANCH:
        out: list = []
        empty = False
        for alternative in av[1]:
            first, nullable = _first_items(alternative)
            if first is None:
                return None, False
            out += first
            empty |= nullable
        return out, empty
    if op is C.SUBPATTERN:
        return (None, False) if av[1] & re.IGNORECASE else _first_items(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        first, nullable = _first_items(av[2])
        return first, nullable or av[0] == 0
    if op is C.ATOMIC_GROUP:
        return _first_items(av)
    return None, False  # any character, a negated literal, a back-reference...


def _class_source(items) -> str | None:
    parts = []
    for op, av in items:
        if op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CATEGORY_SOURCE:
            parts.append(_CATEGORY_SOURCE[av])
        else:
            return None
    return "[" + "".join(parts) + "]"


def _engine_skips(items) -> bool:
    """Whether the regex engine itself jumps to where a match can start (a literal or character-set prefix)."""
    while items and items[0][0] is C.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    return op in (C.LITERAL, C.IN) or (op is C.BRANCH and all(alt and alt[0][0] is C.LITERAL for alt in av[1]))


def _sparse(first) -> bool:
    """Start characters rare enough in ordinary text to be worth a search: no wide range, no class of spaces or
    word characters, at most four ASCII letters (English text would offer a position at every other letter)."""
    letters: set[str] = set()
    for op, av in first:
        if op is C.RANGE:
            if av[1] - av[0] > 16:
                return False
            letters.update(c for c in map(chr, range(av[0], av[1] + 1)) if c.isascii() and c.isalpha())
        elif op is C.CATEGORY and av is not C.CATEGORY_DIGIT:
            return False
        elif op is C.LITERAL and chr(av).isascii() and chr(av).isalpha():
            letters.add(chr(av))
    return len(letters) <= 4


def starts_of(pattern: re.Pattern[str]) -> re.Pattern[str] | _AtBegin | None:
    """What every match of `pattern` starts with, when searching for it beats the engine's own scan (the pattern
    begins with a look-behind or an alternation): the strings of its first characters (`prefixes`) when no single
    character among them is common, else its first character class when that is sparse; else None."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    parsed = P.parse(pattern.pattern, pattern.flags)
    if _engine_skips(list(parsed)):
        return None
    strings = prefixes(parsed, pattern.flags & re.ASCII)
    begin = strings is not None and BEGIN in strings
    strings = strings and strings - {BEGIN}
    singles = [(C.LITERAL, ord(s)) for s in strings or () if len(s) == 1]
    if (strings or begin) and _sparse(singles) and not any(s.isspace() for s in strings or () if len(s) == 1):
        # an alternation of literals: the engine skips to their first characters and compares the rest in C
        # (and where the text starts, for an alternative that begins with ^)
        found = re.compile(_alternation(strings)) if strings else None
        return _AtBegin(found) if begin else found
    first, nullable = _first_items(parsed)
    if first is None or nullable or not first or not _sparse(first):
        return None
    source = _class_source(first)
    return None if source is None else re.compile(source, pattern.flags & re.ASCII)


class _AtBegin:
    """The start search of a pattern a match of which may begin where the text does (^): there, then where the
    alternation of its other start strings finds one (an alternation beginning with \\A leaves the engine no first
    character to skip to: it tried every alternative at every position, slower than the pattern's own scan)."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern[str] | None):
        self.rx = rx

    @property
    def pattern(self) -> str:
        return r"\A" + ("|" + self.rx.pattern if self.rx is not None else "")

    def search(self, text: str, pos: int = 0):
        if pos == 0:
            return _TEXT_START
        return None if self.rx is None else self.rx.search(text, pos)


_TEXT_START = re.compile("").match("")  # a match at 0


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


def _starts(items, ascii_only: int, begin: bool = True) -> set[tuple[str, bool]]:
    """(string, whole) pairs: every match of `items` starts with one of the strings, and `whole` says the match is
    exactly that string (so what follows `items` continues it); ("", False): nothing known; BEGIN: the match can
    only start where the text does (`begin`: ^ means that, the pattern is not MULTILINE)."""
    out = {("", True)}
    for op, av in items:
        step = _starts_op(op, av, ascii_only, begin)
        grown = set()
        for s, whole in out:
            if not whole:
                grown.add((s, False))
                continue
            for t, t_whole in step:
                u = s + t
                grown.add((u[:PREFIX_LEN], t_whole and len(u) < PREFIX_LEN))
        if len(grown) > MAX_PREFIXES:  # too many: stop spelling here
            return {(s, False) for s, _whole in out}
        out = grown
        if not any(whole for _s, whole in out):
            break
    return out


def _starts_op(op, av, ascii_only: int, begin: bool) -> set[tuple[str, bool]]:
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
        return set().union(*(_starts(alternative, ascii_only, begin) for alternative in av[1]))
    if op is C.SUBPATTERN:
        return {("", False)} if av[1] & re.IGNORECASE else _starts(av[3], ascii_only, begin)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _starts(body, ascii_only, begin)
        if high != 1:  # after the first time round, more may follow
            once = {(s, False) for s, _whole in once}
        return once | {("", True)} if low == 0 else once
    if op is C.ATOMIC_GROUP:
        return _starts(av, ascii_only, begin)
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


def finditer(pattern: re.Pattern[str], starts: re.Pattern[str] | None, text: str):
    """Exactly `pattern.finditer(text)`, trying the pattern only where `starts` (starts_of) finds a possible start.

    The pattern is matched at each such position (look-behinds still see the text before it); after MAX_TRIES
    positions, and one more per 16 characters, the rest of the text is left to the pattern's own scan, so a
    text full of start characters (or of matches) costs at most those tries more than a plain scan. An iterator
    of the matches: those found so far as a list, then the engine's own (no Python step per match of a dense
    text, where thousands of them made a generator's steps count)."""
    if starts is None:
        return pattern.finditer(text)
    search, match = starts.search, pattern.match
    found: list[re.Match[str]] = []
    pos = tries = 0
    while (start := search(text, pos)) is not None:
        at = start.start()
        tries += 1
        if tries > MAX_TRIES + (at >> 4):  # dense: the engine's own scan is cheaper than a step here each
            return itertools.chain(found, pattern.finditer(text, at))
        m = match(text, at)
        if m is None:
            pos = at + 1
            continue
        found.append(m)
        pos = m.end() if m.end() > at else at + 1
    return iter(found)
