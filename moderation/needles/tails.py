"""A regex `head + tail` whose head is common and its tail rare, tried only just before where the tail matches.

A Japanese construction starts at a group word and ends in its predicate (在日の連中が…牛耳っている): scanned from
its start, a text naming groups in every sentence makes the engine try the bounded gap and every predicate after
each group word (8-10x an ordinary comment at 10,000 characters). Every match of `head + tail` has its tail at most
`width` (the head's longest match) characters after its start, so `Tail` finds the places the tail matches (one
scan), then the group words in the windows before them (one scan each), and tries the whole pattern only at those
words, in order: the same matches as `pattern.finditer(text)`, which tests/test_needles.py checks. Python steps
only where a tail matches, not at each place the tail or a group word might start. A head of one word and a
space (`words=None`: hate_en's praise denied to a one-word subject) has one candidate a place: where that word starts.
A head of one of many subjects and a few words (`Subject`: threat_en's call for a death, "[people] who come here
should be shot") is read back from each place, word by word: its subjects are too many for the engine to try at
each word (~60 us over 200 characters), and where they may end is a few spaces back.
"""

from __future__ import annotations

import re
import re._parser as P

from moderation.needles.prefixes import BEGIN, _alternation, prefixes, spelled

# a head of one word of these characters and a space (its pattern: (?<![a-z'’])...[a-z'’]{1,N} ), given as `words=None`
_WORD = frozenset("abcdefghijklmnopqrstuvwxyz'’")


class Subject:
    """A head `subject( word){0,words} ` (`subject`: a pattern spelling a finite list of strings, each ending in a-z;
    `word`: 1-20 of a-z) of a pattern whose matches start where a-z does not precede: where a match can start, read
    back from where its tail does."""

    __slots__ = ("by_last", "longest", "words")

    def __init__(self, subject: str, words: int):
        by_last: dict[str, tuple[str, ...]] = {}
        for w in sorted(spelled(subject)):
            last = _LAST_LETTERS.search(w)
            if last is None:
                raise ValueError(f"a subject not ending in a-z: {w!r}")
            by_last[last.group()] = (*by_last.get(last.group(), ()), w)
        self.by_last, self.words, self.longest = by_last, words, max(map(len, by_last))

    def starts(self, text: str, places) -> list[int]:
        """Where a subject starts that a space and at most `words` words and a space join to one of `places` (in
        order): from a place, back over the space before it, then back a word (a-z, 1-20, after a space) at a time;
        at each space, the subjects whose last letters are the run of a-z before it (a match starts after no a-z: a
        subject's run of last letters is the text's whole run there). A space an earlier place's walk read is not
        read again (that walk had as many words left there, or more): each space once, linear in the text."""
        out, seen, by_last, last, most = set(), set(), self.by_last, _LAST_LETTERS.search, self.longest
        for place in places:
            end = place - 1
            for _ in range(self.words + 1):
                if end < 1 or text[end] != " " or end in seen:
                    break
                seen.add(end)
                before = text.rfind(" ", max(end - 21, 0), end)
                word = text[before + 1:end]
                gap = before >= 0 and word.isalpha() and word.isascii() and word.islower()  # 1-20 of a-z
                if not gap:
                    run = last(text, max(end - most - 1, 0), end)  # longer than `most`: no subject's, cut here
                    word = run.group() if run is not None else ""
                for w in by_last.get(word, ()):
                    if text.startswith(w, end - len(w)):
                        out.add(end - len(w))
                if not gap:
                    break
                end = before
        return sorted(out)


_LAST_LETTERS = re.compile(r"[a-z]+\Z")


class Opened:
    """A head `(?:^|(?<=marks) *|(?<![a-z])words)` (`marks`: a class of characters; `words`: a pattern spelling a
    finite list of strings, each ending in a-z and a space) of a pattern not MULTILINE: a match starts where the text
    does, after a mark and the spaces after it, or at one of the words, just before where its tail does."""

    __slots__ = ("by_last", "longest", "marks")

    def __init__(self, marks: str, words: str):
        self.marks, by_last = frozenset(spelled(marks)), {}
        for w in sorted(spelled(words)):
            last = _LAST_LETTERS.search(w, 0, len(w) - 1)
            if last is None or not w.endswith(" "):
                raise ValueError(f"a word not ending in a-z and a space: {w!r}")
            by_last[last.group()] = (*by_last.get(last.group(), ()), w)
        if not all(len(m) == 1 for m in self.marks):
            raise ValueError(f"not a class of characters: {marks}")
        self.by_last, self.longest = by_last, max(map(len, by_last))

    def starts(self, text: str, places) -> list[int]:
        """Where a match may start whose tail is at one of `places` (in order): back over the place's run of spaces
        (a run ends at its place: each read once, linear in the text) to a mark, and the words whose last letters
        are the run of a-z before the place's space (a word starts after no a-z: the text's whole run there)."""
        out, marks, by_last, last, most = [], self.marks, self.by_last, _LAST_LETTERS.search, self.longest
        for place in places:
            if place == 0:
                out.append(0)
                continue
            k = place
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k > 0 and text[k - 1] in marks:
                out.append(k)
            if k < place and (run := last(text, max(place - most - 2, 0), place - 1)) is not None:
                out += [place - len(w) for w in by_last.get(run.group(), ()) if text.startswith(w, place - len(w))]
        return sorted(set(out))


class Sentence:
    """A head `(?:^|(?<=marks) *)(?:word ){1,words}?` (`marks`, `letters`: classes of characters, the space in
    neither; a word: 1-20 `letters`, each perhaps behind a look-ahead the match checks) of a pattern not MULTILINE: a
    match starts where a sentence does, a few words before where its tail does, read back word by word."""

    __slots__ = ("letters", "marks", "words")

    def __init__(self, marks: str, letters: str, words: int):
        self.marks, self.letters, self.words = frozenset(spelled(marks)), frozenset(spelled(letters)), words
        if " " in self.marks | self.letters or not all(len(c) == 1 for c in self.marks | self.letters):
            raise ValueError(f"not classes of characters without the space: {marks} {letters}")

    def starts(self, text: str, places) -> list[int]:
        """Where a sentence starts that at most `words` words, each with one space after it, join to one of
        `places` (in order): back over a word at a time; before each, the text's start, a mark, or a run of spaces
        after a mark. A space an earlier place's walk read is not read again (that walk had as many words left
        there, or more): each space once, linear in the text."""
        out, seen, marks, letters = set(), set(), self.marks, self.letters
        for place in places:
            end = place - 1  # the space after a word
            for _ in range(self.words):
                if end < 1 or text[end] != " " or end in seen:
                    break
                seen.add(end)
                start = end
                while start > 0 and end - start < 21 and text[start - 1] in letters:
                    start -= 1
                if start == end or end - start > 20:  # no word, or more than 20 letters
                    break
                if start == 0 or text[start - 1] in marks:
                    out.add(start)
                    break
                if text[start - 1] != " ":
                    break
                spaces = start - 1
                while spaces > 0 and text[spaces - 1] == " ":
                    spaces -= 1
                if spaces > 0 and text[spaces - 1] in marks:
                    out.add(spaces)
                end = start - 1
        return sorted(out)


def width(head: str) -> int:
    """The most characters a match of `head` spans (its bounded gaps at their longest)."""
    most = P.parse(head).getwidth()[1]
    if most >= P.MAXREPEAT:
        raise ValueError(f"an unbounded head has no window: {head}")
    return most


def _inner(words: list[str]) -> dict[str, tuple[int, ...]]:
    """For each word, where after its first character another word may start (a scan that finds the word skips
    those places): 韓国人 inside 在日韓国人, or a word that begins with the word's last characters."""
    out = {}
    for w in words:
        out[w] = tuple(k for k in range(1, len(w)) if any(v.startswith(w[k:]) or w[k:].startswith(v) for v in words))
    return out


class Tail:
    """The guard of a part `head + tail` (`guard`: its Needles, whose needles still say whether it is scanned at
    all; `words`: what every match starts with, the group words): `finditer(text)` is
    `guard.pattern.finditer(text)`, `searcher(text)(pos)` is `guard.pattern.search(text, pos)`."""

    __slots__ = ("also", "begins", "chars", "head", "inner", "longest", "pattern", "places", "slot", "starts",
                 "strings", "width")

    def __init__(self, guard, tail: re.Pattern[str], width: int, words):
        self.pattern, self.chars, self.strings, self.also = guard.pattern, guard.chars, guard.strings, guard.also
        self.starts = None
        self.width = width
        begins = prefixes(P.parse(tail.pattern, tail.flags), tail.flags & re.ASCII)
        if not begins or BEGIN in begins:
            raise ValueError(f"a tail without start strings: {tail.pattern[:60]}")
        # where the tail matches, each place a one-character match: the engine skips to a first character of its
        # start strings, then looks back at it for them (rejected in a character or two) and for the tail itself
        first = "".join(sorted({re.escape(b[0]) for b in begins}))
        # where the code pass finds them (a StartIndex slot: moderation/needles/positions.py), each tried as a place
        # instead of the places' own scan (its every first character tried: ~30-45 us over 5,000 characters)
        self.begins, self.slot = (None if tail.flags & re.IGNORECASE else frozenset(begins)), None
        self.places = re.compile(f"[{first}](?<=(?={_alternation(begins)})(?={tail.pattern})[\\s\\S])", tail.flags)
        if words is None or isinstance(words, Subject | Opened | Sentence):  # its start read back from each place
            self.head, self.inner, self.longest = words, {}, 0
            return
        words = sorted(set(words), key=lambda w: (-len(w), w))
        self.head = re.compile("|".join(map(re.escape, words)))
        self.inner = {w: k for w, k in _inner(words).items() if k}
        self.longest = len(words[0])

    def _places(self, text: str, at=None) -> list[int]:
        """Where the tail matches, in order: the places' scan, or each place the code pass `at` found a start string
        of the tail (its slot's positions, a position once) that the places' pattern matches at."""
        if at is None or self.slot is None:
            return [m.start() for m in self.places.finditer(text)]
        match, out, last = self.places.match, [], -1
        for p in at.tries(self.slot):
            if p != last and match(text, p) is not None:
                out.append(p)
            last = p
        return out

    def candidates(self, text: str, at=None) -> list[int]:
        """Where a match can start, in order: each place a head word starts at most `width` before where the tail
        matches (`at`: the text's code pass, which has found where the tail's start strings are, with a slot)."""
        if self.head is None:
            return self._word_starts(text, at)
        if type(self.head) in (Subject, Opened, Sentence):
            return self.head.starts(text, self._places(text, at))
        span, out, windows = self.width, [], []
        lo = hi = -1
        for place in self._places(text, at):
            if place - span <= hi + 1:
                hi = place
            else:
                if hi >= 0:
                    windows.append((lo, hi))
                lo, hi = max(place - span, 0), place
        if hi < 0:
            return out
        windows.append((lo, hi))
        head, inner, match = self.head.finditer, self.inner, self.head.match
        for lo, hi in windows:
            for h in head(text, lo, hi + self.longest):
                at = h.start()
                if at > hi:
                    break
                out.append(at)
                for k in inner.get(h.group(), ()):
                    if at + k <= hi and match(text, at + k) is not None:
                        out.append(at + k)
        return sorted(set(out)) if inner else out

    def _word_starts(self, text: str, at=None) -> list[int]:
        """Where a match can start when the head is ONE_WORD: a place with a space before it, the start of the run of
        word characters before that space if the run is at most `width` - 1 long (a longer run holds no such head)."""
        out, most = [], self.width - 1
        for place in self._places(text, at):
            space = place - 1
            if space < 1 or text[space] != " ":
                continue
            start = space
            while start > 0 and space - start <= most and text[start - 1] in _WORD:
                start -= 1
            if 0 < space - start <= most:
                out.append(start)
        return out

    def searcher(self, text: str, at=None):
        """`pos -> guard.pattern.search(text, pos)`, the candidates found once (`at`: the text's code pass)."""
        starts, match = self.candidates(text, at), self.pattern.match
        state = [0]

        def search(pos: int):
            k = state[0]
            while k < len(starts) and starts[k] < pos:
                k += 1
            while k < len(starts):
                if (m := match(text, starts[k])) is not None:
                    state[0] = k
                    return m
                k += 1
            state[0] = k
            return None

        return search

    def search(self, text: str, pos: int = 0):
        """The leftmost match starting at `pos` or later."""
        return self.searcher(text)(pos)

    def finditer(self, text: str, chars=None, found=None, at=None):
        """The pattern's matches, each searched from where the last ended (from its candidates; `at`: the text's
        code pass, as Needles.finditer reads it)."""
        out, pos, match = [], 0, self.pattern.match
        for start in self.candidates(text, at):
            if start >= pos and (m := match(text, start)) is not None:
                out.append(m)
                pos = m.end() if m.end() > start else start + 1
        return iter(out)
