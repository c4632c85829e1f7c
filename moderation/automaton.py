"""An Aho-Corasick automaton over code points, scanned by one compiled loop (numba).

pyahocorasick looks a character up among a node's children one by one and yields a Python tuple per hit:
40-50 ns a character of a comment, whatever the lists. Here the words' characters are numbered (a lookup table
over code points, 16 bits a symbol; every character of no word is 0 and sends the scan back to the root), the
root's transitions are a dense array, every other state is one record (its fail state, its sorted children and
their states, its outputs: one or two cache lines a step, not one in each of five tables), and the scan writes
(end, word) into arrays.
The hits are those of a plain pyahocorasick automaton on the same text, in the same order: by end, and at one
end the longest first (tests/test_needles.py compares them). All the tables are one int32 array, so a call
passes two arrays; nothing is compiled at import (the first scan compiles, or loads numba's on-disk cache).
"""

from __future__ import annotations

import functools
import json
from collections import deque
from pathlib import Path

import numpy as np

from moderation.kernel_cache import njit
from moderation.table_cache import stored

__all__ = ["Automaton"]

# the packed array's first entries: where the symbols start, how many code points they cover, where the root's
# transitions start, the most outputs a state has
_LUT, _LUT_SIZE, _ROOT, _MOST = range(4)
_HEADER = 4
_RECORD = 3  # a state's record: its fail state, children's count, outputs' count (then the children, the outputs)
CACHED_FROM = 1000  # words: an automaton this large is read from the disk cache (table_cache), not built
_SOURCE = Path(__file__).read_bytes()  # the builder's code keys its cached tables


class Automaton:
    """`scan(text)` gives (ends, word indices) of every occurrence of a word of `words` (word -> value) in `text`;
    `iter(text)` the (end, value) pairs pyahocorasick's `iter` would; `len()` counts the words."""

    __slots__ = ("_table", "keys", "values")

    def __init__(self, words: dict[str, object], outputs: list[list[int]] | None = None):
        """`outputs`: the word indices each key's hits give (joined() gives a key of several automata each one's);
        by default its own index."""
        self.keys = list(words)
        self.values = list(words.values())
        if len(self.keys) < CACHED_FROM:
            self._table = _built(self.keys, outputs)
        else:  # the word lists' automata: built once, then read from the disk cache (~0.4 s of a process's start)
            key = _SOURCE + json.dumps([self.keys, outputs]).encode()
            self._table = stored("automaton", key, functools.partial(_built, self.keys, outputs))

    @classmethod
    def joined(cls, parts: list[Automaton]) -> tuple[Automaton, np.ndarray]:
        """One automaton of every part's words, and where each part's word indices start (`bounds`): its hits are
        every part's hits, part p's those with an index in bounds[p]:bounds[p + 1] (less bounds[p]), in the order
        its own scan gives them (by end, the longest first: at one end a part has one word of each length), so a
        kernel asking several automata about one text scans it once (split_hits)."""
        outputs: dict[str, list[int]] = {}
        bounds = np.cumsum([0] + [len(part.keys) for part in parts], dtype=np.int64)
        for part, base in zip(parts, bounds.tolist(), strict=False):
            for k, w in enumerate(part.keys):
                outputs.setdefault(w, []).append(base + k)
        return cls(dict.fromkeys(outputs), list(outputs.values())), bounds

    @property
    def table(self) -> np.ndarray:
        """The packed tables a compiled scan reads (for a caller's kernel that scans and goes on)."""
        return self._table

    def __len__(self) -> int:
        return len(self.keys)

    def scan(self, text: str, codes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(end index, word index) arrays of every occurrence of a word in `text` (`codes`: its code points as
        uint32, if known)."""
        if codes is None:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hits = _scan_packed(codes, self._table)
        k = hits.size >> 1
        return hits[:k], hits[k:]

    def iter(self, text: str, codes: np.ndarray | None = None):
        """(end, value) of every occurrence of a word in `text`: pyahocorasick's iter, as a list."""
        if not self.keys or not text:
            return []
        ends, words = self.scan(text, codes)
        return list(zip(ends.tolist(), map(self.values.__getitem__, words.tolist()), strict=True))


def _built(keys: list[str], outputs: list[list[int]] | None) -> np.ndarray:
    """The packed int32 tables of the automaton of `keys`."""
    chars = sorted({c for w in keys for c in w})
    if len(chars) >= 1 << 16:
        raise ValueError("more than 65,535 distinct characters: a symbol is 16 bits")
    symbol = {c: i + 1 for i, c in enumerate(chars)}  # 0: a character of no word
    children: list[dict[int, int]] = [{}]
    terminal: list[list[int]] = [[]]
    for k, w in enumerate(keys):
        s = 0
        for c in w:
            nxt = children[s].get(symbol[c])
            if nxt is None:
                nxt = children[s][symbol[c]] = len(children)
                children.append({})
                terminal.append([])
            s = nxt
        terminal[s] = [k] if outputs is None else outputs[k]
    fail = [0] * len(children)
    out: list[list[int]] = [[] for _ in children]
    order = deque(children[0].values())
    while order:  # breadth first: a node's fail state and its outputs are known before its children's
        s = order.popleft()
        out[s] = terminal[s] + out[fail[s]]
        for sym, nxt in children[s].items():
            f = fail[s]
            while f and sym not in children[f]:
                f = fail[f]
            fail[nxt] = children[f].get(sym, 0)
            order.append(nxt)
    # the symbols, two 16-bit ones an int32 (code point c's in entry c >> 1, the high half if c is odd)
    size = max(map(ord, chars), default=0) + 2
    lut = np.zeros(size + (size & 1), dtype=np.uint16)
    lut[[ord(c) for c in chars]] = [symbol[c] for c in chars]
    lut = lut.view("<i4")
    # a state is the place of its record: its fail state, its children's count, its outputs' count, the children's
    # symbols (sorted), their states, its outputs; the root (0) has none, its transitions are `root`
    at = [0] * len(children)
    place = _HEADER + lut.size + len(chars) + 1
    for s in range(1, len(children)):
        at[s] = place
        place += _RECORD + 2 * len(children[s]) + len(out[s])
    root = np.zeros(len(chars) + 1, dtype=np.int64)
    for sym, nxt in children[0].items():
        root[sym] = at[nxt]
    records = []
    for s in range(1, len(children)):
        kids = sorted(children[s])
        records += [at[fail[s]], len(kids), len(out[s]), *kids, *(at[children[s][k]] for k in kids), *out[s]]
    header = [_HEADER, size, _HEADER + lut.size, max(map(len, out))]
    return np.concatenate([np.asarray(header, np.int32), lut, root.astype(np.int32),
                           np.asarray(records, np.int32)])


@njit(cache=True, nogil=True, inline="always")
def lower_bound(a, lo, hi, x):
    """The first index of a[lo:hi] (sorted) whose value is not below x, else hi: a binary search, inlined where
    called (the scan's step and the evidence's block search)."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(cache=True, nogil=True)
def _scan(codes, t):
    lut, lut_size, root, most = t[_LUT], t[_LUT_SIZE], t[_ROOT], t[_MOST]
    n = codes.size
    cap = n + most
    ends = np.empty(cap, np.int64)
    words = np.empty(cap, np.int32)
    k = 0
    s = 0
    i = 0
    while True:
        # until the text ends or the arrays may not hold the next code point's hits: the loop never rebinds them
        # (growing them inside it made the whole scan ~3x slower)
        while i < n and cap - k >= most:
            c = codes[i]
            sym = (t[lut + (c >> 1)] >> ((c & 1) << 4)) & 0xFFFF if c < lut_size else 0
            if sym == 0:  # in no word: no match runs through it
                s = 0
                i += 1
                continue
            while True:
                if s == 0:
                    s = t[root + sym]
                    break
                end = s + _RECORD + t[s + 1]
                lo = lower_bound(t, s + _RECORD, end, sym)  # the sorted children
                if lo < end and t[lo] == sym:
                    s = t[lo + t[s + 1]]
                    break
                s = t[s]
            if s:
                first = s + _RECORD + 2 * t[s + 1]
                for j in range(first, first + t[s + 2]):
                    ends[k] = i
                    words[k] = t[j]
                    k += 1
            i += 1
        if i >= n:
            return ends[:k], words[:k]
        cap *= 2  # more hits than room: larger arrays, and on from where the scan stopped
        grown_ends = np.empty(cap, np.int64)
        grown_words = np.empty(cap, np.int32)
        grown_ends[:k] = ends[:k]
        grown_words[:k] = words[:k]
        ends, words = grown_ends, grown_words


@njit(cache=True, nogil=True)
def split_hits(ends, words, lo, hi):
    """The hits of a joined automaton's scan whose word index is in lo:hi, as (ends, index - lo), in scan order."""
    k = 0
    for j in range(words.size):
        if lo <= words[j] < hi:
            k += 1
    out_ends = np.empty(k, np.int64)
    out_words = np.empty(k, np.int32)
    k = 0
    for j in range(words.size):
        if lo <= words[j] < hi:
            out_ends[k] = ends[j]
            out_words[k] = words[j] - lo
            k += 1
    return out_ends, out_words


@njit(cache=True, nogil=True)
def _scan_packed(codes, t):
    """_scan's ends, then its word indices, in one int64 array (numba boxes each array a kernel returns)."""
    ends, words = _scan(codes, t)
    out = np.empty(2 * ends.size, np.int64)
    out[:ends.size] = ends
    out[ends.size:] = words
    return out
