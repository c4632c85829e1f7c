"""The one featurisation used by training and serving: raw comment -> sparse feature row, with numpy.

`TextFeatures` normalises the text once (`moderation.text.normalize`), then
- hashes character 1-3-grams over the code points with vectorised multiply-shift hashing,
- hashes English word 1-2-grams (crc32 per token, bigrams combined in numpy),
- appends the named signal features (`moderation.features.signals`),
- with `quoted_apart`, hashes the n-grams that start inside someone else's reported words in Japanese
  (「…」と, という投稿, だなんて: `moderation.targets.reported_spans`) into other buckets than the writer's own,
  so 殺してやる quoted in a news sentence does not carry the weight of 殺してやる said; with `quoted_apart_en`
  English "..." and what follows calling/saying/the word too (model/data.py takes the quote marks off the
  retweets the training tweets repost, which are the writer's own words),
weighting the two n-gram blocks by sublinear TF and the fitted IDF (`idf_`, one value per bucket) and
L2-normalising each block. With `focus_sentence`, a comment of several sentences whose worst sentence holds a
harm word (`moderation.features.signals(focus=...)`) also gets that sentence's character n-grams, weighted
and L2-normalised on their own, added to its char block: the one attacking sentence of a long civil comment
weighs as much as it would alone (issue 12: score the worst sentence as well as the whole).
`encode()` is what `transform()` does for every row, so the service scores
exactly what the Pipeline's `predict_proba` scores (tests check it to 1e-9), in microseconds.
"""

from __future__ import annotations

import itertools
import re
import zlib

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from moderation.features import FEATURE_NAMES, signals
from moderation.targets import reported_spans
from moderation.text import normalize

__all__ = ["Encoded", "TextFeatures"]

_MUL = np.uint64(0x9E3779B97F4A7C15)  # multiply-shift hashing (Fibonacci)
_STEP = np.uint64(1_000_003)
_QUOTED = np.uint64(0x5157_4F54_4544)  # n-grams inside someone else's reported words hash apart ("QUOTED")
_TOKEN = re.compile(r"[a-z][a-z0-9']+")


class Encoded:
    """One comment's normalised text, its sparse feature row and what explanations need to find spans."""

    __slots__ = ("char_buckets", "indices", "layout", "norm", "signals", "spans", "token_spans", "values",
                 "word_buckets")

    def __init__(self, norm, indices, values, char_buckets, word_buckets, token_spans, sig, spans):
        self.norm, self.indices, self.values = norm, indices, values
        self.char_buckets, self.word_buckets, self.token_spans = char_buckets, word_buckets, token_spans
        self.signals, self.spans = sig, spans
        self.layout = None  # where each n-gram occurs, worked out by the first explanation (moderation.explain)


def _bucket(h: np.ndarray, bits: int) -> np.ndarray:
    """The top `bits` bits of h * _MUL, as int64 (overwrites `h`, a temporary of the caller's)."""
    np.multiply(h, _MUL, out=h)
    np.right_shift(h, np.uint64(64 - bits), out=h)
    return h.view(np.int64)  # below 2 ** bits: the same numbers, without a copy


def _unique_counts(keys: np.ndarray, small: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(keys, return_counts=True) from one sort and a few array operations (half its cost on a comment's
    few hundred n-grams); `small`: every key fits in 32 bits, which sort three times as fast."""
    if keys.size == 0:
        return keys.astype(np.int64), np.zeros(0, dtype=np.intp)
    keys = np.sort(keys.astype(np.uint32) if small else keys)
    at = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1], [True])))
    return keys[at[:-1]].astype(np.int64), at[1:] - at[:-1]


def segments(rows: np.ndarray, n: int) -> list[slice]:
    """The slice of each of `n` rows in `rows` (sorted row numbers)."""
    bounds = np.searchsorted(rows, np.arange(n + 1)).tolist()
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


def _tfidf(rows: np.ndarray, buckets: np.ndarray, idf: np.ndarray, n: int, offset: int):
    """(row, index, value) of one block for `n` comments: sorted unique buckets per row, sublinear TF-IDF,
    L2-normalised per row; `rows` and `buckets` list every n-gram occurrence."""
    if buckets.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
    keys, tf = _unique_counts(rows << 32 | buckets)
    rows, idx = keys >> 32, keys & 0xFFFFFFFF
    val = (np.log(tf) + 1.0) * idf[idx]
    keep = val > 0
    rows, idx, val = rows[keep], idx[keep], val[keep]
    for seg in segments(rows, n):  # each row's own dot product: the same arithmetic alone or in a batch
        norm = np.sqrt(val[seg] @ val[seg])
        if norm > 0:
            val[seg] /= norm
    return rows, idx + offset, val


class TextFeatures(TransformerMixin, BaseEstimator):
    """Raw comments -> [char n-gram TF-IDF | word n-gram TF-IDF | named signals], hashed, fitted IDF per bucket."""

    quoted_apart = False  # what an artifact pickled before the option was added unpickles to
    focus_sentence = False  # likewise
    quoted_apart_en = False

    def __init__(self, char_bits: int = 18, word_bits: int = 16, char_ngram_max: int = 3, min_df: int = 2,
                 signal_scale: float = 1.0, quoted_apart: bool = False, focus_sentence: bool = False,
                 quoted_apart_en: bool = False):
        self.char_bits = char_bits
        self.word_bits = word_bits
        self.char_ngram_max = char_ngram_max
        self.min_df = min_df
        self.signal_scale = signal_scale
        self.quoted_apart = quoted_apart
        self.focus_sentence = focus_sentence
        self.quoted_apart_en = quoted_apart_en

    def _quoted_mask(self, text: str, chars) -> np.ndarray | None:
        """Per character of the normalised text (`chars`: its set): inside someone else's reported words (None:
        nowhere)."""
        if not self.quoted_apart:
            return None
        spans = reported_spans(text, chars, english=self.quoted_apart_en)
        if not spans:
            return None
        delta = np.zeros(len(text) + 1, dtype=np.int64)
        for a, b in spans:
            delta[a] += 1
            delta[b] -= 1
        return np.cumsum(delta[:-1]) > 0

    # -- hashing ------------------------------------------------------------------------------------------
    def _char_buckets(self, codes: np.ndarray, quoted: np.ndarray | None = None) -> list[np.ndarray]:
        """Bucket of the n-gram starting at each position, for n = 1..char_ngram_max."""
        out = []
        h = wide = codes.astype(np.uint64)
        salt = None if quoted is None else quoted.astype(np.uint64) * _QUOTED
        for n in range(1, self.char_ngram_max + 1):
            if n > 1:
                h = h[:-1] * _STEP + wide[n - 1:]
            if h.size == 0:
                break
            key = h + np.uint64(n) if salt is None else h + np.uint64(n) + salt[:h.size]
            out.append(_bucket(key, self.char_bits))
        return out

    def _word_buckets(self, text: str, quoted: np.ndarray | None = None
                      ) -> tuple[list[np.ndarray], list[tuple[int, int]]]:
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        if not spans:
            return [], spans
        h = np.fromiter((zlib.crc32(text[a:b].encode()) for a, b in spans), dtype=np.uint64, count=len(spans))
        if quoted is not None:
            h = h + quoted[np.fromiter((a for a, _b in spans), dtype=np.int64, count=len(spans))].astype(
                np.uint64) * _QUOTED
        out = [_bucket(h + np.uint64(1), self.word_bits)]
        if h.size > 1:
            out.append(_bucket(h[:-1] * _STEP + h[1:] + np.uint64(2), self.word_bits))
        return out, spans

    # -- comments ---------------------------------------------------------------------------------------------
    def encode(self, text, *, spans: bool = False) -> Encoded:
        """Normalise and featurise one comment; `spans=True` also keeps what explanations need."""
        part = self._parts(text, spans)
        norm, chars, words, token_spans, sig, span_list, _focus = part
        return Encoded(norm, *self._row(part), chars, words, token_spans, sig, span_list)

    def encode_many(self, texts, *, spans: bool = False) -> list[Encoded]:
        """Featurise many comments: text work per comment, the TF-IDF rows of all of them in one numpy pass."""
        parts = [self._parts(text, spans) for text in texts]
        rows, indices, values = self._rows(parts)
        return [Encoded(norm, indices[seg], values[seg], chars, words, token_spans, sig, span_list)
                for (norm, chars, words, token_spans, sig, span_list, _focus), seg
                in zip(parts, segments(rows, len(parts)), strict=True)]

    def _parts(self, text, spans: bool):
        norm = normalize(text)
        codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
        quoted = self._quoted_mask(norm.text, norm.chars)
        chars = self._char_buckets(codes, quoted)
        words, token_spans = self._word_buckets(norm.text, quoted)
        span_list: list | None = [] if spans else None
        focus: list | None = [] if self.focus_sentence else None
        sig = signals(norm, codes, span_list, focus) * self.signal_scale
        return norm, chars, words, token_spans, sig, span_list, self._focus_grams(chars, focus)

    @staticmethod
    def _focus_grams(chars: list[np.ndarray], focus: list | None) -> np.ndarray | None:
        """Buckets of the char n-grams lying wholly inside the worst sentence (None: no such sentence)."""
        if not focus:
            return None
        a, b = focus[0]
        return np.concatenate([g[a:max(a, b - n + 1)] for n, g in enumerate(chars, start=1)])

    def _rows(self, parts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, feature index, value) of every non-zero, sorted by row: char block, word block, signals."""
        n = len(parts)
        if n == 1:  # one comment: the same arithmetic without the batch's bookkeeping
            indices, values = self._row(parts[0])
            return np.zeros(indices.size, np.int64), indices, values
        blocks = []
        for pick, idf, offset in ((1, self.idf_char_, 0), (2, self.idf_word_, 1 << self.char_bits)):
            grams = [np.concatenate(p[pick]) if p[pick] else np.empty(0, np.int64) for p in parts]
            rows = np.repeat(np.arange(n, dtype=np.int64), [g.size for g in grams])
            blocks.append(_tfidf(rows, np.concatenate(grams) if grams else np.empty(0, np.int64), idf, n, offset))
        focused = any(p[6] is not None for p in parts)
        if focused:
            grams = [np.empty(0, np.int64) if p[6] is None else p[6] for p in parts]
            rows = np.repeat(np.arange(n, dtype=np.int64), [g.size for g in grams])
            blocks.append(_tfidf(rows, np.concatenate(grams), self.idf_char_, n, 0))
        sig = np.vstack([p[4] for p in parts]) if parts else np.empty((0, len(FEATURE_NAMES)))
        r, j = np.nonzero(sig)
        blocks.append((r.astype(np.int64), j + self.signal_offset_, sig[r, j]))
        rows = np.concatenate([b[0] for b in blocks])
        if focused:  # the worst sentences' n-grams add to the same buckets: one value per (row, feature)
            keys, inverse = np.unique(rows * self.n_features_out_ + np.concatenate([b[1] for b in blocks]),
                                      return_inverse=True)
            values = np.bincount(inverse, weights=np.concatenate([b[2] for b in blocks]), minlength=keys.size)
            return keys // self.n_features_out_, keys % self.n_features_out_, values
        order = np.argsort(rows, kind="stable")  # within a row: char, word, signal features, each ascending
        return (rows[order], np.concatenate([b[1] for b in blocks])[order],
                np.concatenate([b[2] for b in blocks])[order])

    def _row(self, part) -> tuple[np.ndarray, np.ndarray]:
        """One comment's (indices, values): what _rows gives a batch, with both n-gram blocks counted in one sort
        (the word buckets above the char buckets, as in the row) and each block L2-normalised on its own."""
        _norm, chars, words, _spans, sig, _list, focus = part
        char_size = 1 << self.char_bits
        nz = np.flatnonzero(sig)
        if not chars and not words:
            return nz + self.signal_offset_, sig[nz]
        idx, tf = _unique_counts(np.concatenate(chars + [w + char_size for w in words]),
                                 small=self.char_bits < 32 and self.word_bits < 32)
        split = int(np.searchsorted(idx, char_size))
        idf = np.concatenate((self.idf_char_[idx[:split]], self.idf_word_[idx[split:] - char_size]))
        val = (np.log(tf) + 1.0) * idf
        keep = val > 0
        idx, val = idx[keep], val[keep]
        split = int(np.count_nonzero(keep[:split]))
        for block in (val[:split], val[split:]):
            norm = np.sqrt(block @ block)
            if norm > 0:
                block /= norm
        if focus is not None:  # the worst sentence's n-grams (a subset of the comment's) add to the char buckets
            f_idx, f_val = self._weighted(focus, self.idf_char_)
            val[np.searchsorted(idx[:split], f_idx)] += f_val
        return np.concatenate((idx, nz + self.signal_offset_)), np.concatenate((val, sig[nz]))

    def _weighted(self, buckets: np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(indices, values) of one block of one comment: sublinear TF-IDF, L2-normalised."""
        idx, tf = _unique_counts(buckets, small=max(self.char_bits, self.word_bits) <= 32)
        val = (np.log(tf) + 1.0) * idf[idx]
        keep = val > 0
        idx, val = idx[keep], val[keep]
        norm = np.sqrt(val @ val)
        return idx, val / norm if norm > 0 else val

    # -- scikit-learn ---------------------------------------------------------------------------------------
    @property
    def signal_offset_(self) -> int:
        return (1 << self.char_bits) + (1 << self.word_bits)

    def fit(self, X, y=None):
        n_char, n_word = 1 << self.char_bits, 1 << self.word_bits
        df_char = np.zeros(n_char, np.int64)
        df_word = np.zeros(n_word, np.int64)
        for text in X:
            norm = normalize(text)
            codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
            quoted = self._quoted_mask(norm.text, norm.chars)
            chars = self._char_buckets(codes, quoted)
            if chars:
                df_char[np.unique(np.concatenate(chars))] += 1
            words, _ = self._word_buckets(norm.text, quoted)
            if words:
                df_word[np.unique(np.concatenate(words))] += 1
        n = len(X)
        self.idf_char_ = np.where(df_char >= self.min_df, np.log((1 + n) / (1 + df_char)) + 1.0, 0.0)
        self.idf_word_ = np.where(df_word >= self.min_df, np.log((1 + n) / (1 + df_word)) + 1.0, 0.0)
        self.n_features_out_ = self.signal_offset_ + len(FEATURE_NAMES)
        return self

    def transform(self, X, chunk: int = 2000):
        """The rows `encode_many` gives, as one CSR matrix (in chunks: a training set's n-grams at once would
        not fit in memory)."""
        texts = list(X)
        parts = []
        for start in range(0, len(texts), chunk):
            rows, indices, values = self._rows([self._parts(t, False) for t in texts[start:start + chunk]])
            n = min(chunk, len(texts) - start)
            parts.append(sp.csr_matrix((values, indices, np.searchsorted(rows, np.arange(n + 1))),
                                       shape=(n, self.n_features_out_)))
        if not parts:
            return sp.csr_matrix((0, self.n_features_out_))
        return sp.vstack(parts, format="csr")

    def get_feature_names_out(self, input_features=None):
        names = [f"char{i}" for i in range(1 << self.char_bits)] + [f"word{i}" for i in range(1 << self.word_bits)]
        return np.asarray(names + list(FEATURE_NAMES), dtype=object)
