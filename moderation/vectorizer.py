"""The one featurisation used by training and serving: raw comment -> sparse feature row.

`TextFeatures` normalises the text once (`moderation.text.normalize`), then
- hashes character 1-3-grams over the code points with multiply-shift hashing,
- hashes English word 1-2-grams (crc32 per [a-z][a-z0-9']+ token, bigrams combined),
- appends the named signal features (`moderation.features.signals`),
- with `quoted_apart`, hashes the n-grams that start inside someone else's reported words in Japanese
  (「…」と, という投稿, だなんて: `moderation.targets.reported.reported_spans`) into other buckets than the
  writer's own, so 殺してやる quoted in a news sentence does not carry the weight of 殺してやる said; with
  `quoted_apart_en` English "..." and what follows calling/saying/the word too (model/data.py takes the quote
  marks off the retweets the training tweets repost, which are the writer's own words); with `negated_apart_en`
  what an English negation denies ("are not vermin", "don't hate them": `moderation.targets.reported.negated_spans`)
  into others again; with `denied_apart_en` into those what denied.py reads as denied (a negated belief, claim, wish
  or copula: "I don't think [group] are parasites", "nobody wants them hurt": `moderation.targets.denied`), and
  with `owned_apart_en` into those too the English slur words the writer uses of their own group or in their literal
  sense ("we're all queers here", "faggots and peas": `moderation.targets.owned`), and with `exclaimed_apart_en` the
  swear words exclaimed.py reads as an exclamation in a sentence that speaks to no one ("Fuck, the trains are late
  again."), and with `handles_unread` (session 60, a candidate, off) no @handle's characters at all
  (`moderation.features.handles`: cut out of the text the n-grams are hashed from; the signals still read it),
weighting the two n-gram blocks by sublinear TF and the fitted IDF (`idf_`, one value per bucket) and
L2-normalising each block. With `focus_sentence`, a comment of several sentences whose worst sentence holds a
harm word (`moderation.features.signals.signals(focus=...)`) also gets that sentence's character n-grams, weighted
and L2-normalised on their own, added to its char block: the one attacking sentence of a long civil comment
weighs as much as it would alone (issue 12: score the worst sentence as well as the whole).
Everything after the signals is one compiled pass per comment (`moderation.kernels.rows.featurise`, or
`featurise_many` for a batch: the same arithmetic comment by comment in one call), which `encode()`,
`encode_batch()` (and so `transform()` and the batch endpoint) and `fit()` all call, so the service scores exactly
what the Pipeline's `predict_proba` scores (tests check it to 1e-9), in microseconds.
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from moderation.encoded import Encoded, _codes, joined_codes
from moderation.features.handles import handle_cuts, unread
from moderation.features.signals import code_pass, named_signals, pii_signals, saturate, signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.kernels.decisions import NO_GATE
from moderation.kernels.hashing import crc_table
from moderation.kernels.rows import featurise, featurise_many
from moderation.targets.denied import denied_spans, denied_subjects
from moderation.targets.exclaimed import exclaimed_spans
from moderation.targets.mentioned_ja import mentioned_spans
from moderation.targets.owned import owned_spans
from moderation.targets.reported import negated_spans, reported_spans
from moderation.text.normalize import normalize

_NOWHERE = np.zeros((0, 2), dtype=np.int64)  # no reported words: no span is hashed apart


def segments(rows: np.ndarray, n: int) -> list[slice]:
    """The slice of each of `n` rows in `rows` (sorted row numbers)."""
    bounds = np.searchsorted(rows, np.arange(n + 1)).tolist()
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


@functools.cache
def _crc_table() -> np.ndarray:
    return crc_table()


_NO_HEADS = (np.zeros((0, 0)), np.zeros(0), np.zeros((0, 2)), *NO_GATE)  # featurise without heads: the row alone


def _weights(heads) -> tuple[np.ndarray, ...]:
    """What the kernel weighs a row with: the heads' (coef_, intercept_, calibration_, *gate_), or none."""
    return _NO_HEADS if heads is None else (heads.coef_, heads.intercept_, heads.calibration_, *heads.gate_)


class TextFeatures(TransformerMixin, BaseEstimator):
    """Raw comments -> [char n-gram TF-IDF | word n-gram TF-IDF | named signals], hashed, fitted IDF per bucket."""

    quoted_apart = False  # what an artifact pickled before the option was added unpickles to
    focus_sentence = False  # likewise
    quoted_apart_en = False
    negated_apart_en = False
    negated_copies_en = False
    denied_apart_en = False
    owned_apart_en = False
    denied_subject_en = False
    exclaimed_apart_en = False
    handles_unread = False

    def __init__(self, char_bits: int = 18, word_bits: int = 16, char_ngram_max: int = 3, min_df: int = 2,
                 signal_scale: float = 1.0, quoted_apart: bool = False, focus_sentence: bool = False,
                 quoted_apart_en: bool = False, negated_apart_en: bool = False, negated_copies_en: bool = False,
                 denied_apart_en: bool = False, owned_apart_en: bool = False, denied_subject_en: bool = False,
                 exclaimed_apart_en: bool = False, handles_unread: bool = False):
        self.char_bits = char_bits
        self.word_bits = word_bits
        self.char_ngram_max = char_ngram_max
        self.min_df = min_df
        self.signal_scale = signal_scale
        self.quoted_apart = quoted_apart
        self.focus_sentence = focus_sentence
        self.quoted_apart_en = quoted_apart_en
        self.negated_apart_en = negated_apart_en
        self.negated_copies_en = negated_copies_en
        self.denied_apart_en = denied_apart_en
        self.owned_apart_en = owned_apart_en
        self.denied_subject_en = denied_subject_en
        self.exclaimed_apart_en = exclaimed_apart_en
        self.handles_unread = handles_unread

    def _quoted(self, text: str, chars, codes=None, found=None) -> np.ndarray:
        """(start, end) of the parts of the normalised text (`chars`: its set, `codes`: its code points, `found`: the
        signals' needles, if known) in someone else's reported words."""
        if not self.quoted_apart:
            return _NOWHERE
        spans = reported_spans(text, chars, english=self.quoted_apart_en)
        denied, mark = (), 1  # salted NEGATED; 2: keep the plain n-grams and add salted copies
        if self.negated_apart_en or self.negated_copies_en:
            denied, mark = negated_spans(text, chars), 2 if self.negated_copies_en else 1
        if not denied and self.denied_apart_en:
            denied, mark = denied_spans(text, positive=False, found=found), 1
            if denied and self.denied_subject_en:  # the group a denial defends hashed with it: "[group] are not ..."
                denied = denied + denied_subjects(text, found)
        # salted as denied words: no attack
        owned = owned_spans(text, codes, chars, found) if self.owned_apart_en else ()
        # with them, a Japanese insult that aims at no one: a calling condemned, denied, the writer's own (mentioned_ja)
        if self.owned_apart_en and (named := mentioned_spans(text, chars)):
            owned = [*owned, *named]
        # swearing at no one: salted as denied words
        if self.exclaimed_apart_en and (said := exclaimed_spans(text, chars)):
            owned = [*owned, *said]
        if denied or owned:
            rows = [(a, b, 0) for a, b in spans] + [(a, b, mark) for a, b in denied] + [(a, b, 1) for a, b in owned]
            return np.asarray(rows, dtype=np.int64).reshape(-1, 3)
        if not spans:
            return _NOWHERE
        # fromiter: a third of np.array's time over a list of tuples (2,500 quotes in 10,000 characters)
        return np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans)).reshape(-1, 2)

    def _featurise(self, norm, codes: np.ndarray, sig: np.ndarray, focus: list | None, heads=None,
                   found=None) -> np.ndarray:
        """The compiled kernel's packed answer (moderation.kernels.rows.featurise): row, n-grams, with heads their
        probabilities (`found`: the signals' needles, if known)."""
        a, b = focus[0] if focus else (-1, -1)
        coef, intercept, calibration, gate, lift = _weights(heads)
        idf_code, idf_values = self._idf()
        quoted = self._quoted(norm.text, norm.chars, codes, found)
        if self.handles_unread and "@" in norm.chars:  # the n-grams of the text without its @handles
            codes, quoted, (a, b) = unread(norm.text, codes, quoted, (a, b))
        return featurise(codes, quoted, a, b, self.char_bits, self.word_bits,
                                 self.char_ngram_max, idf_code, idf_values, sig, self.signal_offset_, _crc_table(),
                                 coef, intercept, calibration, gate, lift)

    def _n_read(self, norm, n: int) -> int:
        """How many of the text's `n` code points the n-grams were hashed from (all but its handles' when unread)."""
        if self.handles_unread and "@" in norm.chars:
            return n - int(np.diff(handle_cuts(norm.text), axis=1).sum())
        return n

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
    def encode(self, text, *, spans: bool = False, heads=None) -> Encoded:
        """Normalise and featurise one comment; `spans=True` also keeps what explanations need; with `heads`
        (a fitted MaskedHeads) the same kernel call also weighs the row (Encoded.probs)."""
        norm = normalize(text)
        codes = _codes(norm)
        span_list: list | None = [] if spans else None
        focus: list | None = [] if self.focus_sentence else None
        needles: list = []
        sig = signals(norm, codes, span_list, focus, needles)
        if self.signal_scale != 1.0:  # x * 1.0 is x: no array made for the shipped scale
            sig = sig * self.signal_scale
        return Encoded(norm, self._featurise(norm, codes, sig, focus, heads, needles[0]),
                       self._n_read(norm, codes.size), self.char_ngram_max, sig, span_list)

    def encode_many(self, texts, *, spans: bool = False, heads=None) -> list[Encoded]:
        """encode() of each comment: each Encoded is the one encode() gives (encode_batch)."""
        return self.encode_batch(texts, spans=spans, heads=heads)[0]

    def encode_batch(self, texts, *, spans: bool = False, heads=None) -> tuple[list[Encoded], np.ndarray]:
        """(encode() of each comment, their probabilities (rows, heads)), stage by stage: every text normalised,
        then every text's code pass, then its other signals but personal information's, then those, then every
        row saturated at once, then one featurise_many call for all the rows, so each stage's code and tables stay
        in the CPU's caches and the batch pays one kernel dispatch, not one per comment."""
        norms = [normalize(text) for text in texts]
        if not norms:
            return [], np.zeros((0, 0 if heads is None else heads.coef_.shape[1]))
        codes = [_codes(norm) for norm in norms]
        span_lists = [[] if spans else None for _ in norms]
        focuses = [[] if self.focus_sentence else None for _ in norms]
        passes = [code_pass(code) for code in codes]
        raws = np.zeros((len(norms), len(FEATURE_NAMES)))
        reads, quoted = [], []
        for raw, norm, code, span_list, focus, hits in zip(raws, norms, codes, span_lists, focuses, passes,
                                                          strict=True):
            reads.append(named_signals(raw, norm, code, span_list, focus, hits))
            # right after the text's signals, as encode() asks: reported_spans's kept answer, not worked out again
            quoted.append(self._quoted(norm.text, norm.chars, code, reads[-1][1]))
        for raw, norm, code, span_list, read in zip(raws, norms, codes, span_lists, reads, strict=True):
            pii_signals(raw, norm, code, span_list, read)
        sigs = saturate(raws)
        sigs *= self.signal_scale  # each row as encode()'s signals(...) * signal_scale
        if self.handles_unread:  # the n-grams of each text without its @handles
            cut = [unread(norm.text, code, q, f[0] if f else (-1, -1)) if "@" in norm.chars else (code, q, None)
                   for norm, code, q, f in zip(norms, codes, quoted, focuses, strict=True)]
            codes, quoted = [c[0] for c in cut], [c[1] for c in cut]
            focuses = [f if c[2] is None else [c[2]] if c[2][0] >= 0 else None
                       for f, c in zip(focuses, cut, strict=True)]
        packed, probs = self._featurise_many(codes, quoted, sigs, focuses, heads)
        return [Encoded(norm, buf, code.size, self.char_ngram_max, sig, span_list)
                for norm, buf, code, sig, span_list in zip(norms, packed, codes, sigs, span_lists, strict=True)], probs

    def _featurise_many(self, codes, quoted, sigs: np.ndarray, focuses, heads):
        """kernels.featurise_many's answer for a batch: the same arguments as _featurise gives featurise, laid end
        to end (`quoted`: each text's _quoted spans)."""
        code_at = np.cumsum([0, *(code.size for code in codes)])
        quoted_at = np.cumsum([0, *(q.shape[0] for q in quoted)])
        spans3 = np.zeros((int(quoted_at[-1]), 3), np.int64)  # a third column of 0: nothing denied, as two columns
        for q, a in zip(quoted, quoted_at.tolist(), strict=False):
            if q.shape[0]:
                spans3[a:a + q.shape[0], :q.shape[1]] = q
        focus = np.asarray([f[0] if f else (-1, -1) for f in focuses], dtype=np.int64).reshape(-1, 2)
        coef, intercept, calibration, gate, lift = _weights(heads)
        idf_code, idf_values = self._idf()
        return featurise_many(joined_codes(codes), code_at, spans3, quoted_at, focus, self.char_bits,
                                      self.word_bits, self.char_ngram_max, idf_code, idf_values, sigs,
                                      self.signal_offset_, _crc_table(), coef, intercept, calibration, gate, lift)

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
            enc = Encoded(norm, self._featurise(norm, codes, no_signals, None), self._n_read(norm, codes.size),
                          self.char_ngram_max, no_signals, None)
            if (chars := enc.char_flat).size:
                df_char[np.unique(chars)] += 1
            if (words := enc.word_flat).size:
                df_word[np.unique(words)] += 1
        n = len(X)
        self.idf_char_ = np.where(df_char >= self.min_df, np.log((1 + n) / (1 + df_char)) + 1.0, 0.0)
        self.idf_word_ = np.where(df_word >= self.min_df, np.log((1 + n) / (1 + df_word)) + 1.0, 0.0)
        self.n_features_out_ = self.signal_offset_ + len(FEATURE_NAMES)
        # the signals' names in their columns' order: a later release lays their weights by name
        # (moderation.scoring.columns), so it still scores this model when it adds a signal
        self.signal_names_ = FEATURE_NAMES
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
