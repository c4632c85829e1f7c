"""The one featurisation used by training and serving: raw comment -> sparse feature row.

`TextFeatures` normalises the text once (`moderation.text.normalize`), then
- hashes character 1-3-grams over the code points with multiply-shift hashing,
- hashes English word 1-2-grams (crc32 per [a-z][a-z0-9']+ token, bigrams combined),
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
Everything after the signals is one compiled pass per comment (`moderation.kernels.featurise`), which
`encode()`, `transform()` and `fit()` all call, so the service scores exactly what the Pipeline's
`predict_proba` scores (tests check it to 1e-9), in microseconds.
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from moderation import kernels
from moderation.features import FEATURE_NAMES, signals
from moderation.targets import reported_spans
from moderation.text import normalize

__all__ = ["Encoded", "TextFeatures"]

_NOWHERE = np.zeros((0, 2), dtype=np.int64)  # no reported words: no span is hashed apart


class Encoded:
    """One comment's normalised text, its sparse feature row and what explanations need to find spans."""

    __slots__ = ("char_buckets", "indices", "layout", "norm", "signals", "spans", "token_spans", "values",
                 "word_buckets")

    def __init__(self, norm, indices, values, char_buckets, word_buckets, token_spans, sig, spans):
        self.norm, self.indices, self.values = norm, indices, values
        self.char_buckets, self.word_buckets, self.token_spans = char_buckets, word_buckets, token_spans
        self.signals, self.spans = sig, spans
        self.layout = None  # where each n-gram occurs, worked out by the first explanation (moderation.explain)


def segments(rows: np.ndarray, n: int) -> list[slice]:
    """The slice of each of `n` rows in `rows` (sorted row numbers)."""
    bounds = np.searchsorted(rows, np.arange(n + 1)).tolist()
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


@functools.cache
def _crc_table() -> np.ndarray:
    return kernels.crc_table()


def _blocks(flat: np.ndarray, sizes) -> list[np.ndarray]:
    """`flat` cut into consecutive views of the given sizes, up to the first empty one."""
    out, at = [], 0
    for size in sizes:
        if size <= 0:
            break
        out.append(flat[at:at + size])
        at += size
    return out


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

    def _quoted(self, text: str, chars) -> np.ndarray:
        """(start, end) of the parts of the normalised text (`chars`: its set) in someone else's reported words."""
        if not self.quoted_apart:
            return _NOWHERE
        spans = reported_spans(text, chars, english=self.quoted_apart_en)
        if not spans:
            return _NOWHERE
        # fromiter: a third of np.array's time over a list of tuples (2,500 quotes in 10,000 characters)
        return np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans)).reshape(-1, 2)

    def _featurise(self, norm, codes: np.ndarray, sig: np.ndarray, focus: list | None):
        """(char buckets per n, word buckets per n, token spans, indices, values) from the compiled kernel."""
        a, b = focus[0] if focus else (-1, -1)
        chars, words, tokens, indices, values = kernels.featurise(
            codes, self._quoted(norm.text, norm.chars), a, b, self.char_bits, self.word_bits, self.char_ngram_max,
            *self._idf(), sig, self.signal_offset_, _crc_table())
        n_codes, n_tok = codes.size, tokens.shape[0]
        return (_blocks(chars, [n_codes - n + 1 for n in range(1, self.char_ngram_max + 1)]),
                _blocks(words, (n_tok, n_tok - 1)), tokens, indices, values)

    def _idf(self) -> tuple[np.ndarray, np.ndarray]:
        """Every bucket's IDF (char buckets, then word buckets) as a code into the distinct values: the numbers of
        idf_char_ and idf_word_ in a quarter of their memory, so more of them stay in the CPU's cache. Worked out
        once per fitted IDF (scorer loading does it before gunicorn forks), never pickled."""
        cached = self.__dict__.get("_idf_codes")
        if cached is None or cached[0] is not self.idf_char_ or cached[1] is not self.idf_word_:
            values, codes = np.unique(np.concatenate((self.idf_char_, self.idf_word_)), return_inverse=True)
            cached = (self.idf_char_, self.idf_word_, codes.astype(np.uint16 if values.size <= 1 << 16 else np.uint32),
                      values)
            self.__dict__["_idf_codes"] = cached
        return cached[2], cached[3]

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("_idf_codes", None)  # derived from the fitted IDF: an artifact holds what it held before
        return state

    # -- comments ---------------------------------------------------------------------------------------------
    def encode(self, text, *, spans: bool = False) -> Encoded:
        """Normalise and featurise one comment; `spans=True` also keeps what explanations need."""
        norm = normalize(text)
        codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
        span_list: list | None = [] if spans else None
        focus: list | None = [] if self.focus_sentence else None
        sig = signals(norm, codes, span_list, focus) * self.signal_scale
        chars, words, tokens, indices, values = self._featurise(norm, codes, sig, focus)
        return Encoded(norm, indices, values, chars, words, tokens, sig, span_list)

    def encode_many(self, texts, *, spans: bool = False) -> list[Encoded]:
        """encode() of each comment: every row is built by the same kernel call, alone or in a batch."""
        return [self.encode(text, spans=spans) for text in texts]

    # -- scikit-learn ---------------------------------------------------------------------------------------
    # -- scikit-learn ---------------------------------------------------------------------------------------
    @property
    def signal_offset_(self) -> int:
        return (1 << self.char_bits) + (1 << self.word_bits)

    def fit(self, X, y=None):
        n_char, n_word = 1 << self.char_bits, 1 << self.word_bits
        df_char = np.zeros(n_char, np.int64)
        df_word = np.zeros(n_word, np.int64)
        self.idf_char_, self.idf_word_ = np.zeros(n_char), np.zeros(n_word)  # the kernel weighs with them
        no_signals = np.zeros(0)
        for text in X:  # the same kernel as serving hashes the n-grams; the row it also builds is not needed
            norm = normalize(text)
            codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
            chars, words, _tokens, _indices, _values = self._featurise(norm, codes, no_signals, None)
            if chars:
                df_char[np.unique(np.concatenate(chars))] += 1
            if words:
                df_word[np.unique(np.concatenate(words))] += 1
        n = len(X)
        self.idf_char_ = np.where(df_char >= self.min_df, np.log((1 + n) / (1 + df_char)) + 1.0, 0.0)
        self.idf_word_ = np.where(df_word >= self.min_df, np.log((1 + n) / (1 + df_word)) + 1.0, 0.0)
        self.n_features_out_ = self.signal_offset_ + len(FEATURE_NAMES)
        return self

    def transform(self, X, chunk: int = 2000):
        """The rows `encode` gives, as one CSR matrix (built in chunks to bound the memory of a training set)."""
        texts = list(X)
        parts = []
        for start in range(0, len(texts), chunk):
            encs = self.encode_many(texts[start:start + chunk])
            indptr = np.cumsum([0] + [e.indices.size for e in encs])
            parts.append(sp.csr_matrix((np.concatenate([e.values for e in encs]),
                                        np.concatenate([e.indices for e in encs]), indptr),
                                       shape=(len(encs), self.n_features_out_)))
        if not parts:
            return sp.csr_matrix((0, self.n_features_out_))
        return sp.vstack(parts, format="csr")

    def get_feature_names_out(self, input_features=None):
        names = [f"char{i}" for i in range(1 << self.char_bits)] + [f"word{i}" for i in range(1 << self.word_bits)]
        return np.asarray(names + list(FEATURE_NAMES), dtype=object)
