"""A pattern's own matches in many texts that end alike (one piece repeated, then every piece of the pattern), the
common end scanned once: the reference the needle tests compare against cost them a full engine scan of the same
thousands of characters per piece (quadratic in a pattern's pieces)."""

import bisect
import functools
import re
import re._constants as C
import re._parser as P


def reach(items) -> int:
    """How many characters before a position a match attempt there can read: its look-behinds' widths (nested ones
    added), and one for \\b, ^ and the like; look-behinds are fixed-width in Python's re."""
    most = 1
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, inner = av
            most = max(most, (inner.getwidth()[1] if direction < 0 else 0) + reach(inner))
        else:
            for part in av if isinstance(av, (tuple, list)) else (av,):
                for sub in part if isinstance(part, list) else (part,):
                    if isinstance(sub, P.SubPattern):
                        most = max(most, reach(sub))
    return most


@functools.cache
def parsed(rx: re.Pattern[str]) -> P.SubPattern:
    """`rx` parsed once per process (read, never changed, by SharedTail and the needle tests): the largest patterns
    took ~1.5 s CPU a parse, and their tests parsed each up to 43 times."""
    return P.parse(rx.pattern, rx.flags)


@functools.lru_cache(maxsize=8)
def _shape(rx: re.Pattern[str]) -> tuple[int, bool]:
    """(reach, whether every match is non-empty) of `rx`, worked out once per pattern, not per group of its pieces: the
    parse and walk of the largest pattern (10,098 pieces, 40 groups) were 80% of its needle test (106 s CPU)."""
    return reach(parsed(rx)), parsed(rx).getwidth()[0] > 0


class SharedTail:
    """`tail`'s own matches of `rx`, read once; spans(prefix) is [m.span() for m in rx.finditer(prefix + tail)]."""

    def __init__(self, rx: re.Pattern[str], tail: str):
        self.rx, self.text = rx, tail
        self.reach, self.nonempty = _shape(rx)  # nonempty: finditer's rule after an empty match is not followed here
        self.tail_spans = [m.span() for m in rx.finditer(tail)]
        self.starts = [a for a, _b in self.tail_spans]
        self._whole: tuple[str, list[tuple[int, int]]] | None = None  # the last prefix's matches from its start

    def _tried(self, q: int) -> bool:
        """Whether the tail's own scan tries position q: not inside one of its matches."""
        k = bisect.bisect_left(self.starts, q) - 1
        return k < 0 or self.tail_spans[k][1] <= q

    def spans(self, prefix: str, start: int = 0) -> list[tuple[int, int]]:
        """prefix + tail tried position by position from `start` (a finditer of a pattern that cannot match empty: at
        a position either a match, taken whole, or the next position) up to the first position at least `reach`
        characters into the tail that the tail's own scan tries too: from there both try the same positions on the
        same characters, so the rest of the matches are the tail's, shifted. From a `start` that the scan of the same
        prefix from its start tried (not inside one of its matches), the rest of that scan's matches: the same
        positions tried on the same characters (TailScan asks this after piece_runs read the text from its start)."""
        text, n = prefix + self.text, len(prefix)
        if not self.nonempty:
            return [m.span() for m in self.rx.finditer(text, start)]
        if start and self._whole is not None and self._whole[0] == prefix:
            whole = self._whole[1]
            k = bisect.bisect_left(whole, (start,))  # the first match starting at or after `start`
            if k == 0 or whole[k - 1][1] <= start:
                return whole[k:]
        out, p, match = [], start, self.rx.match
        while p < n + self.reach or not self._tried(p - n):
            if p > len(text):
                break
            m = match(text, p)
            if m is None:
                p += 1
            else:
                out.append(m.span())
                p = m.end()
        else:
            k = bisect.bisect_left(self.starts, p - n)
            out += [(a + n, b + n) for a, b in self.tail_spans[k:]]
        if not start:
            self._whole = (prefix, out)
        return out


class Span(tuple):
    """A match as SharedTail knows it: its span(), as a re.Match gives it."""

    def span(self) -> tuple[int, int]:
        return tuple(self)


class TailScan:
    """The `scan` of needles.starts.finditer for a text of `prefix` + the tail: the engine's matches from where the
    start search gives up, read from the SharedTail instead of the engine scanning the tail again for every piece
    of its group (the same matches: tests/test_shared_tail.py)."""

    def __init__(self, tail: SharedTail, prefix: str):
        self.tail, self.prefix = tail, prefix

    def finditer(self, text: str, at: int):
        assert text == self.prefix + self.tail.text
        return map(Span, self.tail.spans(self.prefix, at))


TAIL_PIECES = 256


def piece_runs(rx: re.Pattern[str], pieces: list[str]):
    """(text, the pattern's matches in it, the run, its tail's SharedTail) per piece: the piece repeated, ~300
    characters and 32 times at least (more start characters than MAX_TRIES: the fall back to the engine's scan),
    then its group of 256 pieces joined. Groups, not every piece joined, keep this linear in a pattern's pieces:
    9,336 pieces (127k characters) after each run took 749 s of a 17-min CI, the reference's position-by-position
    walk being Python."""
    for first in range(0, len(pieces), TAIL_PIECES):
        group = pieces[first:first + TAIL_PIECES]
        tail = SharedTail(rx, "".join(group))  # the pattern's own scan of the group's pieces joined, read once
        for piece in group:
            run = piece * max(32, 300 // max(1, len(piece)))
            yield run + tail.text, tail.spans(run), run, tail
