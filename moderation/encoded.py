"""One encoded comment, read lazily from the featurising kernel's packed answer (scoring reads its probabilities)."""

from __future__ import annotations

import functools
import struct

import numpy as np

from moderation.kernels.rows import HEADER


def _codes(norm) -> np.ndarray:
    """The normalised text's code points (normalize keeps them when it worked them out)."""
    return norm.codes if norm.codes is not None else np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)


def joined_codes(codes) -> np.ndarray:
    """Many texts' code points laid end to end, read-only as np.frombuffer's are: the batch kernels then reuse the
    one-comment kernels' compiled code (rows._row, evidence._heads_runs...) instead of compiling it again for a
    writable array, ~8 s of CPU in every process that loads the model."""
    out = np.concatenate(codes)
    out.flags.writeable = False
    return out


@functools.cache
def _doubles(n: int) -> struct.Struct:
    """n native float64 values (the packed answer holds them as int64 bits)."""
    return struct.Struct(f"={n}d")


class Encoded:
    """One comment's normalised text, its sparse feature row (with heads, its probabilities) and what explanations
    need to find spans: all read from the kernel's one packed answer (moderation.kernels.rows.featurise), sliced only
    when asked for (scoring reads the probabilities alone)."""

    __slots__ = ("_buf", "_n_codes", "_ngram_max", "layout", "norm", "signals", "spans")

    def __init__(self, norm, buf: np.ndarray, n_codes: int, ngram_max: int, sig, spans):
        self.norm, self.signals, self.spans = norm, sig, spans
        self._buf, self._n_codes, self._ngram_max = buf, n_codes, ngram_max
        self.layout = None  # what its explanations share, worked out by the first (moderation.explain)

    def _at(self) -> tuple[int, int, int, int, int]:
        """Where the char buckets, word buckets, token spans, indices and values start in the packed answer."""
        n_char, n_word, n_tok, m = self._buf[:HEADER].tolist()
        chars = HEADER
        return chars, chars + n_char, chars + n_char + n_word, chars + n_char + n_word + 2 * n_tok, m

    @property
    def packed(self) -> np.ndarray:
        """The kernel's packed answer itself (kernels.explain_ngrams reads the row and n-grams from it)."""
        return self._buf

    @property
    def n_codes(self) -> int:
        return self._n_codes

    @property
    def codes(self) -> np.ndarray:
        """The normalised text's code points."""
        return _codes(self.norm)

    @property
    def indices(self) -> np.ndarray:
        *_, at, m = self._at()
        return self._buf[at:at + m]

    @property
    def values(self) -> np.ndarray:
        *_, at, m = self._at()
        return self._buf[at + m:at + 2 * m].view(np.float64)

    @property
    def probs(self) -> np.ndarray | None:
        """The heads' probabilities when encode() was given heads, else None."""
        *_, at, m = self._at()
        return self._buf[at + 2 * m:].view(np.float64) if self._buf.size > at + 2 * m else None

    def tail_probs(self, heads: int) -> list[float]:
        """probs as floats for a caller that knows how many heads weighed the row: they end the packed answer, so
        nothing reads where the row ends (the scoring path's one read of them; unpacked from its bytes in one call,
        not a slice, a view and a tolist)."""
        return list(_doubles(heads).unpack_from(self._buf, (self._buf.size - heads) * 8))

    @property
    def char_flat(self) -> np.ndarray:
        """Every char n-gram's bucket, n = 1, 2... laid end to end (char_sizes: how many of each n)."""
        chars, words, *_ = self._at()
        return self._buf[chars:words]

    @property
    def char_sizes(self) -> list[int]:
        return _sizes([self._n_codes - n + 1 for n in range(1, self._ngram_max + 1)])

    @property
    def word_flat(self) -> np.ndarray:
        """The word unigrams' buckets, then the bigrams' (word_sizes: how many of each)."""
        _chars, words, tokens, *_ = self._at()
        return self._buf[words:tokens]

    @property
    def word_sizes(self) -> list[int]:
        n_tok = int(self._buf[2])
        return _sizes((n_tok, n_tok - 1))

    @property
    def char_buckets(self) -> list[np.ndarray]:
        return _blocks(self.char_flat, self.char_sizes)

    @property
    def word_buckets(self) -> list[np.ndarray]:
        return _blocks(self.word_flat, self.word_sizes)

    @property
    def token_spans(self) -> np.ndarray:
        """(n, 2) start and end of each English word token."""
        _chars, _words, tokens, at, _m = self._at()
        return self._buf[tokens:at].reshape(-1, 2)


def _sizes(sizes) -> list[int]:
    """The sizes up to the first empty one (a text of 2 code points has no 3-grams)."""
    out = []
    for size in sizes:
        if size <= 0:
            break
        out.append(size)
    return out


def _blocks(flat: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    """`flat` cut into consecutive views of the given sizes."""
    out, at = [], 0
    for size in sizes:
        out.append(flat[at:at + size])
        at += size
    return out
