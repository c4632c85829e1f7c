"""English harm words spelt around a filter (b!tch, h8, 1d10t, idiiot, muzlims, fagit, ki11, imm igr ants) read.

The word lists are matched exactly on word boundaries (moderation.matcher), so one symbol or digit, one letter
deleted, doubled, swapped or written as one alike, two such edits, "1" for "l", one space, hyphen, dot or underscore
inside the word (two in a long one) or the spaces between words removed hid a slur, a group noun, an insult, a threat
verb or its inflection from every signal. Each rewrite here yields only a listed English harm word (HARM_WORDS); a
real English word one edit from one (moon, Niger, muslin, retread, therapist, Moran, batch:
moderation.wordlists.near_misses, generated from dictionaries by model/near_misses.py) is never rewritten.
Linear: one scan of the lower-case letter runs, a set look-up per run (the neighbours of every listed word are
precomputed), and the run-together split only for runs of at most MAX_RUN letters.
"""

from __future__ import annotations

import functools
import itertools

from moderation.pattern_cache import compiled
from moderation.text.edits import _edit_matches
from moderation.text.spellings import (
    _AFTER_APOSTROPHE,
    _JOINERS,
    _LISTED,
    _PIECE_LENGTHS,
    _PIECES,
    _SPLIT_HEADS,
    _SPLIT_LEFT,
    _SYMBOL_FOR,
    _TAILS,
    HARM_WORDS,
    I_RUNS,
    MASK,
    MAX_RUN,
    NEIGHBOURS,
    SPLITS,
    SPLITS3,
)
from moderation.wordlists.near_misses import NEAR_MISSES

READ_AT_MOST = 64  # readings a comment: past them its runs stay as written (a text of nothing but 'mu$lims ' cost 3.1x)

# runs of lower-case letters and digits, with the symbols that stand for letters between them (not before or after:
# "stupid!" is a word and a mark; @user is a mention)
_RUN = compiled(r"[a-z0-9]+(?:[@$!|+*€]+[a-z0-9]+)*")
_SYMBOL_INSIDE = compiled(r"[a-z0-9][@$!|+*€]")  # a symbol a run holds (the run pattern ends with a letter or digit)
_SYMBOL_CHARS = frozenset("@$!|+*€")
_PLAIN_RUN = compiled(r"[a-z0-9]+")  # _RUN where the text holds none of those symbols
_DIGITS = frozenset("0123456789")  # a run of letters and digits leet left (a digit at a word's edge: 1d10t; h8)
_SPLIT_PAIRS = frozenset(SPLITS) | _SPLIT_HEADS  # two runs that join to a target, or that a third run may join
_I_RUNS = I_RUNS - NEAR_MISSES
# the text's ASCII bytes (anything else read as "?") with each letter or digit as itself, else a space: split(), the
# matches of _PLAIN_RUN; and with each letter or digit as "a", each symbol of _SYMBOL_CHARS but € as "!": b"a!" in it,
# a match of _SYMBOL_INSIDE (both in C over the bytes, no regex step a character)
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_RUN_BYTES = bytes(c if c in _ALNUM else 32 for c in range(256))
_INSIDE_BYTES = bytes(97 if c in _ALNUM else 33 if chr(c) in _SYMBOL_CHARS else 32 for c in range(256))


def misspellings(text: str, chars=None) -> tuple[str, list[tuple[int, int, str]], int, int, int]:
    """(text, [(start, end, word)], symbols read, edits read, spaces read): each run of `text` read as the harm word it
    spells (the spans edits._edit_matches keeps the offsets of); `text` unchanged when nothing is read. The runs are
    first looked up all at once (_nothing_to_read): a comment with nothing to read costs no step a run."""
    symbols_in = not _SYMBOL_CHARS.isdisjoint(text if chars is None else chars)
    if _nothing_to_read(text, chars, symbols_in):
        return text, [], 0, 0, 0
    return _read(text, symbols_in)


def _nothing_to_read(text: str, chars, symbols_in: bool) -> bool:
    """Whether _read would find nothing in `text`, from set look-ups over its runs (True only then; a run holding a
    symbol is left to _read): the runs of earlier comments that alone read as nothing (_QUIET) cost one look-up for
    all (five set operations a text and a call a new run cost ~14 us an English comment in Scorer.score)."""
    if symbols_in and _symbol_inside(text, chars):
        return False
    # _PLAIN_RUN's matches, and _RUN's with no symbol inside a run
    runs = text.encode("ascii", "replace").translate(_RUN_BYTES).decode("ascii").split()
    if not _QUIET.issuperset(runs) and not _quiet(set(runs).difference(_QUIET), text if chars is None else chars):
        return False
    # no run reads as anything alone: two or three runs in a row may still join to a harm word
    return _SPLIT_PAIRS.isdisjoint(itertools.pairwise(runs)) or not _joins_any(runs)


_QUIET_MAX = 32_768  # runs remembered (bounds memory: ~3 MB; a text of new runs past it starts the set afresh)
_QUIET_LONGEST = 64  # letters of the longest run remembered (32,768 runs of 20,000 would hold 650 MB)
_QUIET: set[str] = set()  # runs that alone read as nothing (_quiet): a comment's runs seen before need no call each


def _quiet(new: set[str], chars) -> bool:
    """Whether no run of `new` reads as a harm word alone (_read's rules but the joining of runs: a listed word's
    neighbour, a run of i's, digits read as letters in a text holding a digit (`chars`: its characters), words run
    together); each one that never does, whatever the text, is remembered in _QUIET."""
    if len(_QUIET) + len(new) > _QUIET_MAX:
        _QUIET.clear()
    digits_in = not _DIGITS.isdisjoint(chars)
    for w in new:
        spells = not (w.isalpha() or w.isdigit()) and bool(_unsymbol(w))
        if (w in NEIGHBOURS or w in _I_RUNS or (digits_in and spells)
                or (len(w) >= 6 and _may_split(w) and split_run(w))):
            return False
        if not spells and len(w) <= _QUIET_LONGEST:
            _QUIET.add(w)
    return True


def _read(text: str, symbols_in: bool) -> tuple[str, list[tuple[int, int, str]], int, int, int]:
    """misspellings() run by run (`symbols_in`: whether `text` holds a symbol of _SYMBOL_CHARS)."""
    found: list[tuple[int, int, str]] = []
    symbols = edits = spaces = 0
    prev: tuple[int, str] | None = None  # the previous plain run, for the space-inside rule
    head: tuple[int, str] | None = None  # the run before it, when a third run may join the two (imm igr ants)
    for m in (_RUN if symbols_in else _PLAIN_RUN).finditer(text):
        if len(found) == READ_AT_MOST:
            break
        at, end = m.span()
        word = m.group()
        if not word.isalpha():  # symbols or digits inside: read each as its letter (a mask as any letter)
            target = _unsymbol(word)
            if target:
                found.append((at, end, target))
                symbols += 1
            prev = head = None
            continue
        target = NEIGHBOURS.get(word)
        if target is not None:
            found.append((at, end, target))
            edits += 1
            prev = head = None
            continue
        joins = (prev is not None and prev[0] + len(prev[1]) + 1 == at and text[at - 1] in _JOINERS
                 and (prev[0] == 0 or text[prev[0] - 1] not in _AFTER_APOSTROPHE)
                 and (len(word) > 1 or text[end:end + 1] != "-"))  # hat e-shop: a one-letter right half is no prefix
        if joins:
            start, joined = (head[0], SPLITS3.get((head[1], prev[1], word))) if head is not None else (at, None)
            if joined is None:
                start, joined = prev[0], SPLITS.get((prev[1], word))
            if joined is not None:
                found.append((start, end, joined))
                spaces += 1
                prev = head = None
                continue
        if (_may_split(word) or word in _I_RUNS) and (pieces := split_run(word)):
            found.append((at, end, " ".join(pieces)))
            spaces += 1
            prev = head = None
            continue
        head = prev if joins and (prev[1], word) in _SPLIT_HEADS else None
        prev = (at, word) if word in _SPLIT_LEFT or head is not None else None
    return text, found, symbols, edits, spaces


def _joins_any(runs: list[str]) -> bool:
    """Whether two runs join to a harm word or three do (the first two alone make no reading: "re tar" many times
    over would otherwise send the whole text through the loop)."""
    return not (SPLITS.keys().isdisjoint(itertools.pairwise(runs))
                and SPLITS3.keys().isdisjoint(zip(runs, runs[1:], runs[2:], strict=False)))


def _symbol_inside(text: str, chars) -> bool:
    """Whether a letter or digit is followed by a symbol of _SYMBOL_CHARS in `text` (`chars`: its characters, or
    None): _SYMBOL_INSIDE.search, over the text's bytes unless it holds a € (not ASCII)."""
    if "€" in (text if chars is None else chars):
        return _SYMBOL_INSIDE.search(text) is not None
    return b"a!" in text.encode("ascii", "replace").translate(_INSIDE_BYTES)


def _may_split(word: str) -> bool:
    """Whether `word` may be words run together: 6-MAX_RUN letters, no listed word or near miss, starting and ending as
    pieces do."""
    return (6 <= len(word) <= MAX_RUN and word[-3:] in _TAILS and (word[0] == "i" or word[:2] in _PIECE_LENGTHS)
            and word not in _PIECES and word not in _LISTED and word not in NEAR_MISSES)


@functools.lru_cache(maxsize=4096)  # a text repeating one spelling pays for it once
def _unsymbol(word: str) -> str | None:
    """The harm word `word` spells with each symbol or digit read as its letters (a mask as the one letter that makes a
    harm word of it; the result may be one edit from it, k1lld; a "1" may be an "l", ki11), or None; a word starts or
    ends with a letter (1d10t, h8: not 5*, 1080)."""
    if not (word[0].isalpha() or word[-1].isalpha()):
        return None
    letters = "".join(_SYMBOL_FOR.get(c, c) for c in word)
    if MASK not in letters:  # a listed word, or one edit or spelling from one (k1lld, ki11: "1" for "l")
        found = _reading(letters)
        if found is None and "1" in word:
            found = _reading("".join("l" if c == "1" else _SYMBOL_FOR.get(c, c) for c in word))
        return found
    if letters.count(MASK) * 2 > len(letters):  # mostly masked: no telling which word
        return None
    matches = [w for w in _BY_ENDS.get((len(letters), letters[0], letters[-1]), ())
               if all(c == MASK or c == d for c, d in zip(letters, w, strict=True))]
    return matches[0] if len(matches) == 1 else None


def _reading(letters: str) -> str | None:
    """The harm word `letters` spells, as listed or one edit or spelling away (NEIGHBOURS), or None."""
    return letters if letters in HARM_WORDS else NEIGHBOURS.get(letters)


_BY_ENDS: dict[tuple[int, str, str], tuple[str, ...]] = {}  # the targets by length, first and last letter
for _w in sorted(HARM_WORDS):
    _BY_ENDS[len(_w), _w[0], _w[-1]] = (*_BY_ENDS.get((len(_w), _w[0], _w[-1]), ()), _w)


@functools.lru_cache(maxsize=4096)
def split_run(word: str) -> tuple[str, ...] | None:
    """`word` as two or more pieces of GLUE and harm words with at least one harm word (the fewest pieces), or None:
    a dynamic programme over its positions, each trying only the pieces that start with its two letters."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        lengths = _PIECE_LENGTHS.get(word[i:i + 2], ())
        for j in ((i + 1, *(i + k for k in lengths)) if word[i] in "iau" else (i + k for k in lengths)):
            if j <= n and word[i:j] in _PIECES and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                best[j] = best[i] + [word[i:j]]
    pieces = best[n]
    if (pieces and len(pieces) >= 2 and len(pieces[-1]) >= 3
            and any(p in HARM_WORDS for p in pieces)
            and all(len(p) > 1 or (p == "i" and k == 0) or (p in "au" and 0 < k < len(pieces) - 1)
                    or (p == "a" and k == 0 and len(pieces) == 2)  # amoron: "a m o r o n" with its letters joined
                    for k, p in enumerate(pieces))):
        return tuple(pieces)
    return None


def read_misspellings(text: str, chars=None):
    """(text, its segments for Normalized or None, (symbols, edits, spaces read)): the misspelt harm words of `text`
    (`chars`: its characters, if known) replaced by the words they spell, each mapped to the whole span it replaces."""
    _same, found, symbols, edits, spaces = misspellings(text, chars)
    if not found:
        return text, None, (0, 0, 0)
    out, segments, _n = _edit_matches(text, [(a, b, word, "replace") for a, b, word in found])
    return out, segments, (symbols, edits, spaces)
