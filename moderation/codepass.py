"""The one compiled pass over a normalised comment's code points that `signals` reads first.

`signals` asked four things of the same code points, each a call of its own: their classes and distinct 4-grams
(kernels.counts.code_stats), the needle strings of its patterns (an automaton scan), the word lists' bounded hits
(matcher._find) and where sentences end (a regex scan and a Python step per sentence). Each compiled call costs
its dispatch and a boxed array, and more in a worker whose caches the request has just evicted; `scan()` makes
one call and cuts its one packed array into the same answers.
"""

from __future__ import annotations

import numpy as np

from moderation.automaton import Automaton, _scan, split_hits
from moderation.kernel_cache import njit
from moderation.kernels.arena import pack, part
from moderation.kernels.counts import code_stats
from moderation.matcher import _bounded
from moderation.needles.bits import _WORDS, WORD, passes
from moderation.needles.positions import placed

__all__ = ["SPACES", "CodePass", "scan"]

# what the regex engine's \s matches (str.isspace: every such character is below U+3001)
SPACES = np.asarray([c for c in range(0x3001) if chr(c).isspace()], dtype=np.int64)
_STOPS = np.asarray(sorted(map(ord, "。．!?！？\n")), dtype=np.int64)  # sentence marks other than "."


@njit(cache=True, nogil=True)
def _is_in(c, values) -> bool:
    for v in values:
        if v == c:
            return True
    return False


@njit(cache=True, nogil=True)
def sentence_ends(codes, spaces, stops):
    """[m.end() for m in features._SENTENCE_END.finditer(text)]: after a run of sentence marks, or after a "."
    followed by a space (the space included) or by the end of the text."""
    n = codes.size
    out = np.empty(n, np.int64)
    k = 0
    i = 0
    while i < n:
        c = codes[i]
        if c == 46:  # "." ends a sentence only before a space or the end
            if i + 1 == n:
                out[k] = n
                k += 1
                i = n
            elif _is_in(np.int64(codes[i + 1]), spaces):
                out[k] = i + 2
                k += 1
                i += 2
            else:
                i += 1
        elif _is_in(np.int64(c), stops):
            j = i + 1
            while j < n and _is_in(np.int64(codes[j]), stops):
                j += 1
            out[k] = j
            k += 1
            i = j
        else:
            i += 1
    return out[:k]


@njit(cache=True, nogil=True)
def _distinct(found, n):
    """Each value of `found` (all below n) once, in the order first met, in place: what signals makes a set of (each
    hit was unpacked, or above 64 sorted by np.unique first: ~0.9 us of 1.6 a comment of the news mix)."""
    seen = np.zeros(n, np.bool_)
    k = 0
    for j in range(found.size):
        w = found[j]
        if not seen[w]:
            seen[w] = True
            found[k] = w
            k += 1
    return found[:k]


@njit(cache=True, nogil=True)
def _pass(codes, arena):
    """One int64 array: sizes (classes, needles found, word hits, sentence ends), the distinct 4-grams, how many word
    hits are of a word `flagged` (by word index), the guards' tests' answers (`bits`: a GuardBits' table; its words,
    moderation/needles/bits.py), the class counts, the indices of the needles found (each once),
    the word hits' starts, ends and word indices, the sentence ends, then the guards' start positions (`guards`: a
    StartIndex's arrays but its automaton's; positions.tries's answer). `joined`: the needles', the words' and the
    guards' start strings' automata as one (`bounds`: Automaton.joined's), scanned once: each part's hits are its own
    scan's. `arena`: the constants, as _joined packs them (one argument for twelve arrays)."""
    edges, joined, bounds = part(arena, 0, np.uint32), part(arena, 1, np.int32), part(arena, 2, np.int64)
    rules, spaces, stops = part(arena, 3, np.int32), part(arena, 4, np.int64), part(arena, 5, np.int64)
    flagged, bits = part(arena, 6, np.uint8), part(arena, 7, np.int64)
    guards = (part(arena, 8, np.int64), part(arena, 9, np.int64), part(arena, 10, np.int64),
              part(arena, 11, np.bool_))
    counts, distinct = code_stats(codes, edges)
    every_end, every_word = _scan(codes, joined)
    found = _distinct(split_hits(every_end, every_word, bounds[0], bounds[1])[1], bounds[1] - bounds[0])
    hit_ends, hit_words = split_hits(every_end, every_word, bounds[1], bounds[2])
    starts, ends, kept = _bounded(codes, hit_ends, hit_words, rules, True)
    stops_at = sentence_ends(codes, spaces, stops)
    start_ends, start_words = split_hits(every_end, every_word, bounds[2], bounds[3])
    tried = placed(start_ends, start_words, *guards)
    words = bits[_WORDS]
    head = 6 + words + counts.size
    out = np.empty(head + found.size + 3 * starts.size + stops_at.size + tried.size, np.int64)
    out[0], out[1], out[2], out[3] = counts.size, found.size, starts.size, stops_at.size
    out[4] = distinct
    out[5] = 0
    for w in kept:
        out[5] += flagged[w]
    out[6:6 + words] = 0
    passes(codes, found, bits, out, 6)
    out[6 + words:head] = counts
    at = head
    for piece in (found.astype(np.int64), starts, ends, kept.astype(np.int64), stops_at, tried):
        out[at:at + piece.size] = piece
        at += piece.size
    return out


class CodePass:
    """`scan()`'s answers, as views of its one array."""

    __slots__ = ("_tried", "_view", "classes", "distinct", "ends", "flagged", "needles", "passed", "sentence_ends",
                 "starts", "words")

    def __init__(self, packed: np.ndarray, words: int):
        """`words`: how many int64 words the guards' answers take (GuardBits: bit k is test k's answer)."""
        n_classes, n_needles, n_words, n_stops, self.distinct, self.flagged, *passed = packed[:6 + words].tolist()
        self.passed = passed[0] if words == 1 else sum(w << WORD * k for k, w in enumerate(passed))
        at = 6 + words + n_classes
        self.classes = packed[6 + words:at]
        self.needles = packed[at:at + n_needles]
        at += n_needles
        self.starts = packed[at:at + n_words]
        self.ends = packed[at + n_words:at + 2 * n_words]
        self.words = packed[at + 2 * n_words:at + 3 * n_words]
        self.sentence_ends = packed[at + 3 * n_words:at + 3 * n_words + n_stops]
        self._tried = packed[at + 3 * n_words + n_stops:]
        self._view = None

    def tries(self, slot: int) -> list[int]:
        """Where the start search of the guards in `slot` (of the StartIndex scanned) stops in the text, in order.
        Read through a memoryview of the positions, made on the first call: its items are Python ints and its slices
        cheap, where the array's two bounds were numpy scalars and its slice a new array (2-6 calls a comment, ~40%
        of them of an empty slot: ~4.4k instructions a call, ~3k with the view, which costs ~2.3k once)."""
        view = self._view
        if view is None:
            view = self._view = memoryview(self._tried)
        lo, hi = view[slot], view[slot + 1]
        return view[lo:hi].tolist() if hi > lo else []


def scan(codes: np.ndarray, edges: np.ndarray, needles, words, flagged: np.ndarray, guards, bits) -> CodePass:
    """code_stats(codes, edges), the hits of the automaton `needles` and the bounded hits of the Matcher `words`
    (with how many are of a word `flagged`, a uint8 per word index), the sentence ends, where the guards of the
    StartIndex `guards` can match and the answers of the GuardBits `bits` (over `needles`' words), of one text's
    code points (uint32) in one compiled call."""
    joined = _LAST_JOINED
    if (joined[0] is not needles or joined[1] is not words or joined[2] is not guards or joined[3] is not bits
            or joined[4] is not edges or joined[5] is not flagged):
        joined = _joined(edges, needles, words, flagged, guards, bits)
    return CodePass(_pass(codes, joined[6]), joined[7])


def _joined(edges, needles, words, flagged, guards, bits) -> tuple:
    """(needles, words, guards, bits, edges, flagged, the arena _pass reads, the tests' words): what scan passes
    _pass for these six, worked out once (they are module constants: a one-entry memo). The arena holds edges, the
    joined automaton's table and bounds, the word rules' table, SPACES, _STOPS, flagged, the tests' table and the
    guards' four arrays, in _pass's order."""
    global _LAST_JOINED
    table, bounds = Automaton.joined([needles, words.automaton, guards.automaton])
    tests = bits.table()
    arrays = (edges, table.table, bounds, words.tables()[1], SPACES, _STOPS, flagged, tests, guards.slot_at,
              guards.slot_of, guards.lengths, guards.begin)
    if [a.dtype for a in arrays] != _PARTS:  # an arena keeps no dtype: _pass reads each part as _PARTS says
        raise TypeError(f"the code pass's arrays are {[a.dtype.name for a in arrays]}, not {_PARTS}")
    arena = pack(*arrays)
    _LAST_JOINED = (needles, words, guards, bits, edges, flagged, arena, int(tests[_WORDS]))
    return _LAST_JOINED


_LAST_JOINED: tuple = (None, None, None, None, None, None)
# the dtype of each part of _pass's arena, as it reads them
_PARTS = [np.dtype(t) for t in (np.uint32, np.int32, np.int64, np.int32, np.int64, np.int64, np.uint8, np.int64,
                                np.int64, np.int64, np.int64, np.bool_)]
