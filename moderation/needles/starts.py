"""Where a regex's match can start, so its scan jumps there instead of trying every position."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import re._constants as C
import re._parser as P

import numpy as np

from moderation.needles.prefixes import _ZERO_WIDTH, BEGIN, _alternation, prefixes

# -- where a match can start -------------------------------------------------------------------------------
_CATEGORY_SOURCE = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


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


# each pattern's (source, flags) -> its _search_for answer, worked out once a process: starts_of, scan_of and
# start_strings each ask it of every guard's pattern at import (~0.3 s); moderation/needles/known.py fills it from
# the disk cache
SEARCHES: dict[tuple, tuple[frozenset[str], bool] | list | None] = {}


def _search_for(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | list | None:
    """What starts_of searches for: (its start strings, whether the text's start is one too), or the class items of
    its first character; None: no search pays. Its callers only read the answer (kept, so shared between them)."""
    key = (pattern.pattern, pattern.flags)
    if key not in SEARCHES:
        SEARCHES[key] = search_of(pattern)
    return SEARCHES[key]


def search_of(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | list | None:
    """_search_for's answer, worked out from the parsed pattern."""
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
        return frozenset(strings or ()), begin
    first, nullable = _first_items(parsed)
    if first is None or nullable or not first or not _sparse(first) or _class_source(first) is None:
        return None
    return first


def starts_of(pattern: re.Pattern[str]) -> re.Pattern[str] | _AtBegin | None:
    """What every match of `pattern` starts with, when searching for it beats the engine's own scan (the pattern
    begins with a look-behind or an alternation): the strings of its first characters (`prefixes`) when no single
    character among them is common, else its first character class when that is sparse; else None."""
    search = _search_for(pattern)
    if search is None:
        return None
    if isinstance(search, tuple):
        # an alternation of literals: the engine skips to their first characters and compares the rest in C
        # (and where the text starts, for an alternative that begins with ^)
        strings, begin = search
        found = re.compile(_alternation(strings)) if strings else None
        return _AtBegin(found) if begin else found
    return re.compile(_class_source(search), pattern.flags & re.ASCII)


def scan_of(pattern: re.Pattern[str], compiler=re.compile) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for what starts_of searches (its start strings or first character class): the
    same matches, but the engine's own scan, which finditer takes over in a dense text, rejects a position where
    none starts in a character or two instead of trying every alternative and look-behind there (issue 13: PRAISE_EN's
    parts took ~0.3 us a position, "we we we ..." 3 ms over 10,000 characters); `pattern` when it has no search.
    `compiler`: re.compile, or pattern_cache.compiled (the warm-up's compile_scans: read from the disk cache)."""
    source = scan_source(pattern)
    if source is None:
        return pattern
    try:
        return compiler(source, pattern.flags)
    except re.error:  # a pattern with inline global flags cannot be wrapped
        return pattern


def scan_source(pattern: re.Pattern[str]) -> str | None:
    """The source scan_of compiles (with the pattern's flags); None: the pattern has no search, it is its own scan."""
    search = _search_for(pattern)
    if search is None:
        return None
    if isinstance(search, tuple):
        strings, begin = search
        ahead = "|".join(([r"\A"] if begin else []) + ([_alternation(strings)] if strings else []))
    else:
        ahead = _class_source(search)
    return f"(?={ahead})(?:{pattern.pattern})"


def start_strings(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """The strings at whose every occurrence starts_of(pattern)'s search stops (a class's characters, \\d spelled
    out as every decimal digit) and whether it stops where the text starts; None: it has no search."""
    search = _search_for(pattern)
    if search is None or isinstance(search, tuple):
        return search
    chars: set[str] = set()
    for op, av in search:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # \d, the one category _sparse lets through
            chars |= set("0123456789") if pattern.flags & re.ASCII else _decimals()
    return frozenset(chars), False


DECIMALS_BELOW = 0x20000  # no decimal digit (\d) lies above the first two planes (tests/test_start_positions.py)


@functools.cache
def _decimals() -> frozenset[str]:
    """Every character \\d matches in a str pattern (each one's search stops at: one regex scan of the planes)."""
    every = np.arange(DECIMALS_BELOW, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    return frozenset(m.group() for m in re.finditer(r"\d", every))


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


def finditer(pattern: re.Pattern[str], starts: re.Pattern[str] | None, text: str, scan: re.Pattern[str] | None = None):
    """Exactly `pattern.finditer(text)`, trying the pattern only where `starts` (starts_of) finds a possible start.

    The pattern is matched at each such position (look-behinds still see the text before it); after MAX_TRIES
    positions, and one more per 16 characters the search skipped (outside the matches, which the engine skips
    too), the rest of the text is left to the pattern's own scan, so a text full of start characters (or of
    matches end to end: "line" repeated, 555 matches of _LINE_ID in 13,333 characters, 310 -> ~130 us) costs at
    most those tries more than a plain scan. An iterator
    of the matches: those found so far as a list, then the engine's own (no Python step per match of a dense
    text, where thousands of them made a generator's steps count); `scan`: the pattern the engine scans with there
    (scan_of(pattern): the same matches)."""
    if starts is None:
        return pattern.finditer(text)
    search, match = starts.search, pattern.match  # the start search in the loop: no Python call a try
    found: list[re.Match[str]] = []
    pos = tries = skipped = 0
    while (start := search(text, pos)) is not None:
        at = start.start()
        tries += 1
        skipped += at - pos  # positions the search saved the engine (both skip what a match took)
        if tries > MAX_TRIES + (skipped >> 4):  # dense: the engine's own scan is cheaper than a step here each
            return itertools.chain(found, (scan or pattern).finditer(text, at))
        m = match(text, at)
        if m is None:
            pos = at + 1
            continue
        found.append(m)
        pos = m.end() if m.end() > at else at + 1
    return iter(found)


def finditer_at(pattern: re.Pattern[str], positions: list[int], text: str, scan: re.Pattern[str] | None = None):
    """Exactly `pattern.finditer(text)`, trying the pattern at `positions`: where its start search would stop, in
    order, found for many patterns at once by the code pass (moderation/needles/positions.py) instead of a search
    each. The same tries as `finditer`, and the same fall back to the engine's own scan in a dense text; the next
    position is kept (the search only moves on; a bisect only past a match's end): no Python call a try."""
    match = pattern.match
    found: list[re.Match[str]] = []
    pos = tries = skipped = k = 0
    n = len(positions)
    while k < n:
        at = positions[k]
        if at < pos:  # inside the last match: the first position at or after its end
            k = bisect.bisect_left(positions, pos, k + 1)
            if k == n:
                break
            at = positions[k]
        tries += 1
        skipped += at - pos
        if tries > MAX_TRIES + (skipped >> 4):
            return itertools.chain(found, (scan or pattern).finditer(text, at))
        m = match(text, at)
        k += 1
        if m is None:
            pos = at + 1
            continue
        found.append(m)
        pos = m.end() if m.end() > at else at + 1
    return iter(found)
