"""The compiled featurisation (moderation/kernels/) gives exactly the rows of the numpy arithmetic it replaced.

The numpy version is kept HERE, as the reference, not in the package: hashing, word tokens, the focus sentence,
counting, sublinear TF x IDF, per-block L2 norms and the batch path (`_rows`) as they stood before the kernels.
Integers (buckets, token spans, row indices) must be identical and values equal to 1e-12, on the shipped
model and on small fitted ones with other parameters, over generated Japanese/English/emoji/surrogate texts.
"""

import bisect
import itertools
import json
import os
import random
import re
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scoring import PIECES, make_text
from moderation.features import patterns as FP
from moderation.features import tables as FT
from moderation.features import vocabulary as FV
from moderation.features.signals import saturate, signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.kernels import counts as kernel_counts
from moderation.kernels import evidence as kernel_evidence
from moderation.kernels import hashing as kernel_hashing
from moderation.scoring.scorer import load_scorer, read_active
from moderation.targets.denied import denied_spans, denied_subjects
from moderation.targets.exclaimed import exclaimed_spans
from moderation.targets.mentioned_ja import mentioned_spans
from moderation.targets.owned import owned_spans
from moderation.targets.reported import negated_spans, reported_spans
from moderation.text.normalize import normalize
from moderation.vectorizer import TextFeatures

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "model" / "artifacts"

# -- the reference: moderation/vectorizer.py's numpy arithmetic before the kernels ------------------------------
_MUL = np.uint64(0x9E3779B97F4A7C15)
_STEP = np.uint64(1_000_003)
_QUOTED = np.uint64(0x5157_4F54_4544)
_NEGATED = np.uint64(0x4E45_4741_5445)
_TOKEN = re.compile(r"[a-z][a-z0-9']+")


def _bucket(h, bits):
    np.multiply(h, _MUL, out=h)
    np.right_shift(h, np.uint64(64 - bits), out=h)
    return h.view(np.int64)


def _unique_counts(keys):
    if keys.size == 0:
        return keys.astype(np.int64), np.zeros(0, dtype=np.intp)
    return np.unique(keys, return_counts=True)


def _inside(text, spans):
    delta = np.zeros(len(text) + 1, dtype=np.int64)
    for a, b in spans:
        delta[a] += 1
        delta[b] -= 1
    return np.cumsum(delta[:-1]) > 0


def ref_quoted_mask(tf, text, chars):
    """Each position's salt: QUOTED inside reported words, else NEGATED inside what a negation denies (negated_apart_en)
    or what denied.py reads as denied (denied_apart_en) and in the slur words owned.py reads (owned_apart_en); None:
    no salt."""
    if not tf.quoted_apart:
        return None
    spans = reported_spans(text, chars, english=tf.quoted_apart_en)
    denied = negated_spans(text, chars) if getattr(tf, "negated_apart_en", False) else []
    if not denied and getattr(tf, "denied_apart_en", False):
        denied = denied_spans(text, positive=False)
        if denied and getattr(tf, "denied_subject_en", False):  # the subject before a denied copula too
            denied = [*denied, *denied_subjects(text)]
    if getattr(tf, "owned_apart_en", False):  # a slur the writer owns or uses literally: salted as denied words
        denied = [*denied, *owned_spans(text)]
        denied = [*denied, *mentioned_spans(text)]  # a Japanese insult named but aimed at no one (mentioned_ja)
    if getattr(tf, "exclaimed_apart_en", False):  # swearing at no one: salted as denied words
        denied = [*denied, *exclaimed_spans(text)]
    if not spans and not denied:
        return None
    quoted, negated = _inside(text, spans), _inside(text, denied)
    return np.where(quoted, _QUOTED, np.where(negated, _NEGATED, np.uint64(0))).astype(np.uint64)


def ref_char_buckets(tf, codes, quoted):
    out = []
    h = wide = codes.astype(np.uint64)
    salt = quoted
    for n in range(1, tf.char_ngram_max + 1):
        if n > 1:
            h = h[:-1] * _STEP + wide[n - 1:]
        if h.size == 0:
            break
        key = h + np.uint64(n) if salt is None else h + np.uint64(n) + salt[:h.size]
        out.append(_bucket(key, tf.char_bits))
    return out


def ref_word_buckets(tf, text, quoted):
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if not spans:
        return [], spans
    h = np.fromiter((zlib.crc32(text[a:b].encode()) for a, b in spans), dtype=np.uint64, count=len(spans))
    if quoted is not None:
        h = h + quoted[np.fromiter((a for a, _b in spans), dtype=np.int64, count=len(spans))]
    out = [_bucket(h + np.uint64(1), tf.word_bits)]
    if h.size > 1:
        out.append(_bucket(h[:-1] * _STEP + h[1:] + np.uint64(2), tf.word_bits))
    return out, spans


def ref_copies(tf, text, codes, quoted):
    """`negated_copies_en`: the copies, salted NEGATED, of the char n-grams that start in what a negation denies
    (outside reported words), size by size, and of the word unigrams and bigrams with a denied word, in order."""
    if not (tf.quoted_apart and getattr(tf, "negated_copies_en", False)) or not (
            denied := negated_spans(text, set(text))):
        return [], []
    copy = _inside(text, denied)
    if quoted is not None:
        copy &= quoted == 0
    chars = []
    for n, block in enumerate(ref_char_buckets(tf, codes, None), start=1):
        h = codes.astype(np.uint64)
        key = h[:block.size].copy()
        for k in range(1, n):
            key = key * _STEP + h[k:k + block.size]
        chars.append(_bucket(key + np.uint64(n) + _NEGATED, tf.char_bits)[copy[:block.size]])
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    h = np.fromiter((zlib.crc32(text[a:b].encode()) for a, b in spans), dtype=np.uint64, count=len(spans))
    if quoted is not None and spans:
        h = h + quoted[[a for a, _b in spans]]
    cp = np.asarray([bool(copy[a]) for a, _b in spans], dtype=bool)
    salted = np.where(cp, h + _NEGATED, h)
    uni, bi = salted + np.uint64(1), salted[:-1] * _STEP + salted[1:] + np.uint64(2)  # arrays wrap silently
    words = []
    for t in range(len(spans)):
        if cp[t]:
            words.append(uni[t])
        if t + 1 < len(spans) and (cp[t] or cp[t + 1]):
            words.append(bi[t])
    word_block = _bucket(np.asarray(words, dtype=np.uint64), tf.word_bits) if words else np.empty(0, np.int64)
    return [np.concatenate(chars)], [word_block]


def ref_parts(tf, text):
    norm = normalize(text)
    codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
    quoted = ref_quoted_mask(tf, norm.text, norm.chars)
    chars = ref_char_buckets(tf, codes, quoted)
    words, token_spans = ref_word_buckets(tf, norm.text, quoted)
    focus = [] if tf.focus_sentence else None
    sig = signals(norm, codes, None, focus) * tf.signal_scale
    grams = None
    if focus:
        a, b = focus[0]
        grams = np.concatenate([g[a:max(a, b - n + 1)] for n, g in enumerate(chars, start=1)])
    char_copies, word_copies = ref_copies(tf, norm.text, codes, quoted)
    return chars + char_copies, words + word_copies, token_spans, sig, grams


def ref_weighted(buckets, idf):
    idx, tf = _unique_counts(buckets)
    val = (np.log(tf) + 1.0) * idf[idx]
    keep = val > 0
    idx, val = idx[keep], val[keep]
    norm = np.sqrt(val @ val)
    return idx, val / norm if norm > 0 else val


def ref_row(tf, part):
    chars, words, _spans, sig, focus = part
    char_size = 1 << tf.char_bits
    nz = np.flatnonzero(sig)
    if not chars and not words:
        return nz + tf.signal_offset_, sig[nz]
    idx, count = _unique_counts(np.concatenate(chars + [w + char_size for w in words]))
    split = int(np.searchsorted(idx, char_size))
    idf = np.concatenate((tf.idf_char_[idx[:split]], tf.idf_word_[idx[split:] - char_size]))
    val = (np.log(count) + 1.0) * idf
    keep = val > 0
    idx, val = idx[keep], val[keep]
    split = int(np.count_nonzero(keep[:split]))
    for block in (val[:split], val[split:]):
        norm = np.sqrt(block @ block)
        if norm > 0:
            block /= norm
    if focus is not None:
        f_idx, f_val = ref_weighted(focus, tf.idf_char_)
        val[np.searchsorted(idx[:split], f_idx)] += f_val
    return np.concatenate((idx, nz + tf.signal_offset_)), np.concatenate((val, sig[nz]))


def _tfidf(rows, buckets, idf, n, offset):
    if buckets.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
    keys, count = _unique_counts(rows << 32 | buckets)
    rows, idx = keys >> 32, keys & 0xFFFFFFFF
    val = (np.log(count) + 1.0) * idf[idx]
    keep = val > 0
    rows, idx, val = rows[keep], idx[keep], val[keep]
    bounds = np.searchsorted(rows, np.arange(n + 1)).tolist()
    for a, b in itertools.pairwise(bounds):
        norm = np.sqrt(val[a:b] @ val[a:b])
        if norm > 0:
            val[a:b] /= norm
    return rows, idx + offset, val


def ref_rows(tf, parts):
    """The batch path (`TextFeatures._rows` for more than one comment): (row, index, value), sorted by row."""
    n = len(parts)
    blocks = []
    for pick, idf, offset in ((0, tf.idf_char_, 0), (1, tf.idf_word_, 1 << tf.char_bits)):
        grams = [np.concatenate(p[pick]) if p[pick] else np.empty(0, np.int64) for p in parts]
        rows = np.repeat(np.arange(n, dtype=np.int64), [g.size for g in grams])
        blocks.append(_tfidf(rows, np.concatenate(grams), idf, n, offset))
    focused = any(p[4] is not None for p in parts)
    if focused:
        grams = [np.empty(0, np.int64) if p[4] is None else p[4] for p in parts]
        rows = np.repeat(np.arange(n, dtype=np.int64), [g.size for g in grams])
        blocks.append(_tfidf(rows, np.concatenate(grams), tf.idf_char_, n, 0))
    sig = np.vstack([p[3] for p in parts])
    r, j = np.nonzero(sig)
    blocks.append((r.astype(np.int64), j + tf.signal_offset_, sig[r, j]))
    rows = np.concatenate([b[0] for b in blocks])
    if focused:
        keys, inverse = np.unique(rows * tf.n_features_out_ + np.concatenate([b[1] for b in blocks]),
                                  return_inverse=True)
        values = np.bincount(inverse, weights=np.concatenate([b[2] for b in blocks]), minlength=keys.size)
        return keys // tf.n_features_out_, keys % tf.n_features_out_, values
    order = np.argsort(rows, kind="stable")
    return rows[order], np.concatenate([b[1] for b in blocks])[order], np.concatenate([b[2] for b in blocks])[order]


def ref_fit(tf, texts):
    df_char = np.zeros(1 << tf.char_bits, np.int64)
    df_word = np.zeros(1 << tf.word_bits, np.int64)
    for text in texts:
        norm = normalize(text)
        codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
        quoted = ref_quoted_mask(tf, norm.text, norm.chars)
        char_copies, word_copies = ref_copies(tf, norm.text, codes, quoted)
        chars = ref_char_buckets(tf, codes, quoted) + char_copies
        if chars:
            df_char[np.unique(np.concatenate(chars))] += 1
        words = ref_word_buckets(tf, norm.text, quoted)[0] + word_copies
        if words:
            df_word[np.unique(np.concatenate(words))] += 1
    n = len(texts)
    return (np.where(df_char >= tf.min_df, np.log((1 + n) / (1 + df_char)) + 1.0, 0.0),
            np.where(df_word >= tf.min_df, np.log((1 + n) / (1 + df_word)) + 1.0, 0.0))


# -- the texts -----------------------------------------------------------------------------------------------
HOSTILE = ["", "a", "ab", "\u200b\u200c\u2061\ufe0f", "😀😀😀🔥🔥", "a\ud800b", "\udfff", "e\u0301\u0301\u0301",
           "abc\x00\x01\x07\x1b[31mdef", "Hello こんにちは Привет مرحبا 你好 שלום", "'a' a'' ''a 'b'c'd 1a a1 A a",
           "I'm not a b1g fan of 'this' --- don't",
           "「お前は黙れ」と言われた。 That's what they said, calling it \"stupid\".",
           "昨日の会見を見た。物価の話はよく分からなかった。このコメ主はクズだから死ねばいい。来週また見る。"]
ENGLISH = ["you are scum", "he wrote \"you are scum\" under my post", "calling them scum is vile",
           "I think the council got this one right.", "immigrants are not vermin", "kill yourself",
           "go back to where you came from", "I don't hate them, \"they are not vermin\" he said",
           "we will never, ever hurt anyone (not once)", "they won’t be welcome. no longer", "cannot not",
           "nobody here thinks they should be shot", "no family deserves to die, I refuse to hate them",
           "they are not human, I don't think they are criminals", "Fuck, the trains are late again. Fuck you.",
           "so fucking tired, you fucking clown. oh fuck!"]


def _random_text(rng):
    alphabet = "abcxyz019' .,!?「」『』\"と言ったという投稿だなんてお前殺すバカ死ね。\n😀🔥\u200b\ud800ＡＢｃ"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))


def texts(n, seed):
    rng = random.Random(seed)
    suite = [json.loads(line)["text"] for name in ("ja_suite.jsonl", "en_validation.jsonl")
             for line in (ROOT / "tests" / "functional" / name).read_text(encoding="utf-8").splitlines() if line]
    out = HOSTILE + ENGLISH + suite
    while len(out) < n:
        kind = rng.random()
        if kind < 0.4:
            out.append(make_text(rng, rng.choice([1, 2, 3, 10, 50, 200, 500])))
        elif kind < 0.6:
            out.append(_random_text(rng))
        elif kind < 0.8:
            out.append("。".join(rng.sample(suite, rng.randint(2, 5))) + rng.choice(["", "。", "\n"]))
        elif kind < 0.97:
            out.append(" ".join(rng.sample(ENGLISH + PIECES, rng.randint(1, 6))))
        else:  # long: thousands of n-grams, the radix sort's wide digits
            out.append(make_text(rng, rng.choice([1_000, 5_000])))
    return out


def assert_same(tf, sample):
    for text in sample:
        part = ref_parts(tf, text)
        enc = tf.encode(text, spans=True)
        chars, words, token_spans = part[0], part[1], part[2]
        assert [b.tolist() for b in enc.char_buckets] == [b.tolist() for b in chars[:len(enc.char_sizes)]], text
        assert [b.tolist() for b in enc.word_buckets] == [b.tolist() for b in words[:len(enc.word_sizes)]], text
        assert enc.char_flat.tolist() == np.concatenate([np.zeros(0, np.int64), *chars]).tolist(), text  # + copies
        assert enc.word_flat.tolist() == np.concatenate([np.zeros(0, np.int64), *words]).tolist(), text
        assert [tuple(s) for s in enc.token_spans.tolist()] == token_spans, text
        idx, val = ref_row(tf, part)
        assert enc.indices.tolist() == idx.tolist(), text
        np.testing.assert_allclose(enc.values, val, rtol=0, atol=1e-12, err_msg=text)
    for start in range(0, len(sample), 97):  # the batch path, in batches of 97
        batch = sample[start:start + 97]
        rows, idx, val = ref_rows(tf, [ref_parts(tf, t) for t in batch])
        X = tf.transform(batch)
        assert X.indptr.tolist() == np.searchsorted(rows, np.arange(len(batch) + 1)).tolist()
        assert X.indices.tolist() == idx.tolist()
        np.testing.assert_allclose(X.data, val, rtol=0, atol=1e-12)


@pytest.fixture(scope="module")
def shipped():
    version, sha = read_active(ARTIFACTS)
    return load_scorer(ARTIFACTS / version, sha)


@pytest.mark.slow
def test_the_shipped_models_rows_are_the_numpy_rows(shipped):
    assert_same(shipped.features, texts(3000, seed=13))


@pytest.mark.parametrize("params", [
    {"char_bits": 10, "word_bits": 8, "min_df": 1},
    {"char_bits": 12, "word_bits": 9, "char_ngram_max": 4, "min_df": 2, "quoted_apart": True, "focus_sentence": True},
    {"char_bits": 16, "word_bits": 12, "char_ngram_max": 2, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "focus_sentence": True, "signal_scale": 0.5},
    {"char_bits": 14, "word_bits": 12, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "negated_apart_en": True, "focus_sentence": True},
    {"char_bits": 14, "word_bits": 12, "char_ngram_max": 4, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "negated_copies_en": True, "focus_sentence": True},
    {"char_bits": 14, "word_bits": 12, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "denied_apart_en": True, "focus_sentence": True},
    {"char_bits": 14, "word_bits": 12, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "denied_apart_en": True, "owned_apart_en": True, "denied_subject_en": True, "focus_sentence": True},
    {"char_bits": 14, "word_bits": 12, "min_df": 1, "quoted_apart": True, "quoted_apart_en": True,
     "denied_apart_en": True, "owned_apart_en": True, "exclaimed_apart_en": True, "focus_sentence": True},
], ids=["plain", "quoted-focus-4grams", "everything", "negated", "negated-copies", "denied", "denied-subject",
        "exclaimed"])
@pytest.mark.slow
def test_fitted_idf_and_rows_are_the_numpy_ones(params):
    """fit() counts document frequencies from the kernel's buckets: the same IDF; then the same rows."""
    corpus = texts(400, seed=3)
    tf = TextFeatures(**params).fit(corpus)
    idf_char, idf_word = ref_fit(tf, corpus)
    assert np.array_equal(tf.idf_char_, idf_char) and np.array_equal(tf.idf_word_, idf_word)
    assert tf.n_features_out_ == tf.signal_offset_ + len(FEATURE_NAMES)
    assert_same(tf, texts(600, seed=4))


def test_the_idf_codes_are_derived_not_pickled():
    import copy

    tf = TextFeatures(char_bits=10, word_bits=8, min_df=1).fit(texts(50, seed=1))
    before = tf.encode("お前はバカか").values
    assert "_idf_codes" in vars(tf)
    again = copy.deepcopy(tf)  # through __getstate__, as pickling
    assert "_idf_codes" not in vars(again) and set(vars(again)) == set(vars(tf)) - {"_idf_codes"}
    assert again.encode("お前はバカか").values.tolist() == before.tolist()
    tf.idf_char_ = np.where(tf.idf_char_ > 0, np.arange(tf.idf_char_.size) % 5 + 1.0, 0.0)  # a new IDF is
    assert tf.encode("お前はバカか").values.tolist() != before.tolist()  # picked up, not the old one's codes
    assert_same(tf, ["お前はバカか"])


def test_heads_decide_as_the_numpy_product_and_sigmoid(shipped):
    heads = shipped.heads
    rng = np.random.default_rng(5)
    sizes = [0, 1, 7, 300, 2_000]
    indices = [np.sort(rng.choice(heads.coef_.shape[0], size, replace=False)).astype(np.int64) for size in sizes]
    values = [rng.standard_normal(size) for size in sizes]
    bounds = np.cumsum([0, *sizes])
    dec, prob = heads.proba_rows(np.concatenate(indices), np.concatenate(values), bounds)
    for r, (idx, val) in enumerate(zip(indices, values, strict=True)):
        want = val @ heads.coef_.take(idx, axis=0) + heads.intercept_
        np.testing.assert_allclose(dec[r], want, rtol=0, atol=1e-12)
        np.testing.assert_allclose(prob[r], heads._sigmoid(want), rtol=0, atol=1e-12)
        one_dec, one_prob = heads.proba_row(idx, val)
        assert one_dec.tolist() == dec[r].tolist() and one_prob.tolist() == prob[r].tolist()


@pytest.mark.slow
def test_the_fused_kernel_weighs_each_row_as_decide_does(shipped):
    """encode(heads=) weighs the row inside featurise's call: the probabilities are decide's, bit for bit, and the
    row, n-grams and token spans are those of encode() without heads; every head row starts a cache line."""
    features, heads = shipped.features, shipped.heads
    assert heads.coef_.ctypes.data % 64 == 0 and heads.coef_.flags.c_contiguous
    sample = [*texts(300, seed=21), "", "a", "ab", "abc", "x y", "「お前は黙れ」と言われた。"]
    for text in sample:
        fused, plain = features.encode(text, spans=True, heads=heads), features.encode(text, spans=True)
        assert plain.probs is None
        _dec, prob = heads.proba_row(plain.indices, plain.values)
        assert fused.probs.tolist() == prob.tolist(), text
        assert fused.indices.tolist() == plain.indices.tolist() and fused.values.tolist() == plain.values.tolist()
        assert fused.char_flat.tolist() == np.concatenate([np.zeros(0, np.int64), *plain.char_buckets]).tolist()
        assert fused.token_spans.tolist() == plain.token_spans.tolist()
        assert [b.tolist() for b in fused.word_buckets] == [b.tolist() for b in plain.word_buckets]
    many = shipped.score_many(sample)
    assert [s.scores for s in many] == [shipped.score(text).scores for text in sample]


def test_each_heads_sum_is_added_in_the_rows_order_from_zero():
    """_decide_row sums 8 heads in registers (_sums8) and any other number in dec: each head's products added in the
    row's order from 0.0, the same doubles as a plain sequential sum, bit for bit (no reordered or pairwise sum)."""
    from moderation.kernels.decisions import decide

    rng = np.random.default_rng(5)
    for heads in (8, 3):
        coef = rng.standard_normal((64, heads)) * 10.0 ** rng.integers(-8, 8, (64, heads))
        indices = rng.integers(0, 64, 90).astype(np.int64)
        values = rng.standard_normal(90) * 10.0 ** rng.integers(-8, 8, 90)
        bounds = np.array([0, 1, 40, 40, 90], np.int64)
        dec, _prob = decide(coef, np.zeros(heads), np.tile([-1.0, 0.0], (heads, 1)), np.zeros(0, np.int64),
                            np.zeros(0), indices, values, bounds)
        for r in range(4):
            for k in range(heads):
                total = 0.0
                for j in range(bounds[r], bounds[r + 1]):
                    total += float(values[j]) * float(coef[indices[j], k])
                assert dec[r, k] == total, (heads, r, k)


def test_aligned_head_weights_pickle_as_before():
    import pickle

    from moderation.heads import _aligned

    flat = np.random.default_rng(1).standard_normal(1001 * 8 + 8)
    start = next(j for j in range(8) if flat[j:].ctypes.data % 64)  # as an unpickled array may lie
    coef = flat[start:start + 1001 * 8].reshape(1001, 8)
    again = _aligned(coef)
    assert again.ctypes.data % 64 == 0 and np.array_equal(again, coef) and again.flags.writeable
    assert pickle.dumps(again) == pickle.dumps(coef)


@given(st.lists(st.integers(0, (1 << 19) - 1), max_size=300), st.integers(0, 6000))
def test_counting_is_numpys_unique(keys, pad):
    """Every side of the counting (insertion sort up to 32 keys, 8-bit radix digits under 4,096, 11-bit above)
    answers np.unique."""
    keys = np.asarray(keys + [k % (1 << 19) for k in range(0, pad * 7919, 7919)], dtype=np.int64)
    want_keys, want_counts = np.unique(keys, return_counts=True)
    got_keys, got_counts = kernel_hashing._counted(keys, 19)
    assert got_keys.tolist() == want_keys.tolist() and got_counts.tolist() == want_counts.tolist()


@given(st.lists(st.integers(0, (1 << 19) - 1), max_size=300), st.integers(0, 6000))
def test_ranking_is_numpys_unique_with_its_inverse(keys, pad):
    """_ranked (one sort for the row and the focus sentence's counts) answers np.unique with counts and inverse, on
    every side of the sort as above."""
    keys = np.asarray(keys + [k % (1 << 19) for k in range(0, pad * 7919, 7919)], dtype=np.int64)
    want_keys, want_inverse, want_counts = np.unique(keys, return_inverse=True, return_counts=True)
    got_keys, got_counts, got_place = kernel_hashing._ranked(keys, 19)
    assert got_keys.tolist() == want_keys.tolist() and got_counts.tolist() == want_counts.tolist()
    assert got_place.tolist() == want_inverse.tolist()


_SIGNAL_VALUES = st.sampled_from([0.0, -0.0, 1.0, 2.0, 3.0, 53.0, 54.0, 55.0, 0.25, 0.5, 1e300, -0.5, -1.0, -3.0,
                                   float("inf"), float("-inf"), float("nan")])


@settings(deadline=None)  # the first example loads the kernel from numba's cache
@given(st.lists(st.one_of(_SIGNAL_VALUES, st.floats()), min_size=len(FEATURE_NAMES), max_size=len(FEATURE_NAMES)))
@pytest.mark.slow
def test_one_signal_row_saturates_as_a_batchs_rows_do(values):
    """score()'s one row (np.log1p, then kernels.counts.saturated) is bit for bit a batch's row (np.log1p, then
    numpy's cap, copy of the values and halving), with NaN, infinities, signed zeros and counts past e**4 - 1."""
    row = np.asarray(values, dtype=np.float64)
    with np.errstate(all="ignore"):
        one = saturate(row.copy())
        batch = saturate(np.stack([row[::-1], row]))
        want = np.minimum(np.log1p(row), 4.0)
    want[FP._VALUE_MASK] = row[FP._VALUE_MASK]
    want[FP._HALVED] *= 0.5
    assert one.tobytes() == batch[1].tobytes() == want.tobytes()


@pytest.mark.slow  # 200 explained scores and a batch of 50 by the shipped model: 1.0-1.96 s of the fast suite
def test_loading_compiles_once_and_scoring_compiles_nothing_more(shipped):
    """Scorer loading warms every kernel with the types serving passes: no comment compiles at request time."""
    def compiled():  # every numba kernel of the service's modules (moderation.kernels, matcher, automaton...)
        from numba.core.registry import CPUDispatcher

        return {f"{module}.{name}": len(kernel.signatures) for module in list(sys.modules)
                if module.startswith("moderation") for name, kernel in vars(sys.modules[module]).items()
                if isinstance(kernel, CPUDispatcher)}

    before = compiled()
    assert before["moderation.kernels.rows.featurise"] and before["moderation.kernels.decisions.decide"]
    # a long comment with characters no text has taught yet takes normalize's own path (text/prepass.py's doesn't)
    unseen = "".join(map(chr, range(0xA000, 0xA008))) + "あ" * 1500
    for text in [unseen, *texts(200, seed=8)]:
        shipped.score(text, explain_all=True).explanation  # noqa: B018 (reading it works the explanation out)
    shipped.score_many(texts(50, seed=9))
    assert compiled() == before


@pytest.mark.slow
def test_nothing_is_compiled_at_import():
    """Importing the scoring modules compiles (or loads from the cache) no kernel of any module: the word lists'
    matcher builds on its first use, which scorer loading makes."""
    code = ("import gc, moderation, moderation.vectorizer, moderation.heads, moderation.scoring.scorer;"
            "from numba.core.registry import CPUDispatcher;"
            "print(sorted(o.py_func.__qualname__ for o in gc.get_objects()"
            " if isinstance(o, CPUDispatcher) and o.signatures))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


EDGES = np.asarray([48, 58, 97, 123, 0x3040, 0x3100, 0x4E00, 0xA000, 0x1F000, 0x1FB00], dtype=np.uint32)


@pytest.mark.parametrize("budget", [8, -1], ids=["hash-set", "radix-fallback"])
def test_code_stats_are_numpys_counts(budget):
    """Class counts and distinct 4-grams as numpy's searchsorted/bincount and sort give them; `budget` -1 forces
    the radix sort that crafted hash collisions would fall back to."""
    for text in [*texts(400, seed=21), "ab", "abc", "abcd", "あ" * 5000, "ab" * 3000]:
        codes = np.frombuffer(normalize(text).text.encode("utf-32-le"), dtype=np.uint32)
        counts, distinct = kernel_counts.code_stats(codes, EDGES, budget)
        assert counts.tolist() == np.bincount(np.searchsorted(EDGES, codes, side="right"),
                                              minlength=EDGES.size + 1).tolist()
        c = codes.astype(np.uint64)
        grams = ((c[:-3] * 1_000_003 + c[1:-2]) * 1_000_003 + c[2:-1]) * 1_000_003 + c[3:]
        assert distinct == np.unique(grams).size, text


@pytest.mark.slow
def test_the_images_cache_is_loaded_not_compiled_by_the_service(tmp_path):
    """The Dockerfile's recipe: the build stage loads the model with NUMBA_CACHE_DIR set and a generic CPU, which
    compiles the kernels into the cache; the service's process (same settings, final stage) then loads every
    kernel from it and compiles nothing, whichever host it runs on. Under `make test`, which runs everything with
    the image's settings, the cache is the run's own, which its workers compiled into as a build stage would (the
    compile of an empty folder here cost ~90 s of one core of CI a second time); alone, an empty folder."""
    stages = re.split(r"^FROM ", (ROOT / "Dockerfile").read_text(), flags=re.M)[1:]
    for stage in (stages[0], stages[-1]):
        assert "NUMBA_CACHE_DIR=/app/numba-cache" in stage and "NUMBA_CPU_NAME=generic" in stage
    assert "chown -R 10001:10001 /app/numba-cache" in stages[-1]  # writable: a newer numba may add to it
    shared = os.environ.get("NUMBA_CPU_NAME") == "generic" and os.environ.get("NUMBA_CACHE_DIR")
    env = {**os.environ, "NUMBA_CACHE_DIR": shared or str(tmp_path / "cache"), "NUMBA_CPU_NAME": "generic"}
    code = ("from moderation.scoring.scorer import load_scorer, read_active; v, sha = read_active('model/artifacts');"
            " load_scorer('model/artifacts/' + v, sha)")
    build = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=600)
    assert build.returncode == 0, build.stderr
    serve = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**env, "NUMBA_DEBUG_CACHE": "1"},
                           capture_output=True, text=True, timeout=120)
    assert serve.returncode == 0, serve.stderr
    assert "data saved" not in serve.stdout
    for module, kernel in (("rows", "featurise"), ("decisions", "decide")):
        assert re.search(rf"data loaded from .*kernels_\w+/{module}\.{kernel}-", serve.stdout), serve.stdout


def _python_counts(hits, ends, worst):
    """What the Python loops that kernels.counts.hit_counts replaced gave, from the category NAMES of each hit: every
    category's count, then per sentence each combination whose two groups both occur (not a negatable one in a
    negated sentence), a sentence's unaimed insult or profanity, and the worst sentence (most harm words plus
    targets less news/hedging words, a threat counting twice, the first on a tie, only one with a harm word)."""

    raw = [0] * len(FEATURE_NAMES)
    for _a, cats in hits:
        for c in cats:
            if c in FP._IDX and c != "brand_mention":
                raw[FP._IDX[c]] += 1
    sentence: dict[int, list] = {}
    for a, cats in hits:
        sentence.setdefault(bisect.bisect_right(ends, a), []).append(cats)
    best, best_claim = -1, 0
    for sid in sorted(sentence):
        present = {c for cats in sentence[sid] for c in cats}
        negated = bool(present & {"negated_en", "negated_ja"})
        for name, (one, two) in FV._COMBOS.items():
            if present & set(one) and present & set(two) and not (negated and name in FP._NEGATABLE):
                raw[FP._IDX[name]] += 1
        if not present & FP._AIMED:
            raw[FP._IDX["insult_unaimed"]] += "insult" in present
            raw[FP._IDX["profanity_unaimed"]] += "profanity_en" in present
        harm = sum(1 for cats in sentence[sid] if FP._FOCUS_KINDS & set(cats))
        claim = sum(bool(FP._FOCUS_KINDS & set(c)) * (2 if FP._FOCUS_THREATS & set(c) else 1)  # a threat counts 2
                    + bool(FP._FOCUS_TARGETS & set(c)) - bool(FP._FOCUS_REPORT & set(c)) for c in sentence[sid])
        if worst and harm and (best < 0 or claim > best_claim):
            best, best_claim = sid, claim
    return raw, best


@settings(deadline=None)  # the first example builds the word lists' tables and loads the kernel
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10 ** 6)), max_size=40),
       st.lists(st.integers(1, 60), max_size=6, unique=True), st.booleans())
def test_hit_counts_are_the_per_sentence_counts_of_the_category_names(hits, ends, worst):
    """kernel_counts.hit_counts (category-tuple ids, bit sets per sentence) counts as the category names say."""

    tables = FT._tables()
    # a third of the hits of any tuple, the rest of one that opens or closes a combination, negates or aims
    pool = [next(k for k, cats in enumerate(tables.tuples) if name in cats) for name in (
        "insult", "group", "slur", "dehumanize", "second_person", "profanity_en", "negated_ja", "negated_en",
        "news", "hedge", "named_person", "threat_ja", "hate_statement_en", "death_wish", "public_figure", "praise")]
    hits = [(a, k % len(tables.tuples) if k % 3 == 0 else pool[k % len(pool)]) for a, k in hits]
    ends = sorted(ends)
    want, want_best = _python_counts([(a, tables.tuples[k]) for a, k in hits], ends, worst)
    starts = np.asarray([a for a, _k in hits], dtype=np.int64)
    cats = np.asarray([k for _a, k in hits], dtype=np.int32)
    counts, best = kernel_counts.hit_counts(starts, cats, np.asarray(ends, dtype=np.int64), tables.info, tables.feat_at,
                                            tables.feat_idx, FP._COMBO_AT_ARRAY, FP._NEGATABLE_BITS,
                                            FP._IDX["insult_unaimed"], FP._IDX["profanity_unaimed"],
                                            len(FEATURE_NAMES), worst)
    assert counts.tolist() == want and best == want_best


# -- explanations: the numpy version of the n-gram spread, runs and widening, kept as the reference -----------
def _ref_script(ch):
    if "\u30a0" <= ch <= "\u30ff":
        return 1
    if "\u3040" <= ch <= "\u309f":
        return 2
    if "\u4e00" <= ch <= "\u9fff" or ch == "々":
        return 3
    return 4 if ch.isascii() and ch.isalnum() else 0


def _ref_widen(text, a, b):
    from moderation.explain import MAX_WIDEN as most  # 24 since 8bb505e (it was 8 here too)
    from moderation.kernels.runs import OKURIGANA, PARTICLES  # a kanji stem and its inflection, since 4e09f84

    def inflection(ch):
        return "\u3041" <= ch <= "\u3096" and ch not in PARTICLES

    left, k = _ref_script(text[a]), 0
    while left and a > 0 and _ref_script(text[a - 1]) == left and k < most:
        a, k = a - 1, k + 1
    if left == 2 and a > 0 and _ref_script(text[a - 1]) == 3 and inflection(text[a]):
        k = 0
        while a > 0 and _ref_script(text[a - 1]) == 3 and k < most:
            a, k = a - 1, k + 1
    right, k = _ref_script(text[b - 1]), 0
    while right and b < len(text) and _ref_script(text[b]) == right and k < most:
        b, k = b + 1, k + 1
    k = 0
    while right == 3 and b < len(text) and k < OKURIGANA and inflection(text[b]):
        b, k = b + 1, k + 1
    return a, b


def _ref_per_char(heads, enc, k, n_chars, lo, hi, blocks, starts_of):
    """One block's positive contribution per character: numpy searchsorted/bincount/cumsum, size by size."""
    out = np.zeros(n_chars)
    at = slice(*np.searchsorted(enc.indices, (lo, hi)).tolist())
    idx = enc.indices[at] - lo
    if idx.size == 0 or not blocks:
        return out
    every = np.concatenate(blocks)
    loc = np.searchsorted(idx, every)
    loc[loc >= idx.size] = 0
    hit = idx[loc] == every
    tf = np.bincount(loc[hit], minlength=idx.size)
    contrib = enc.values[at] * heads.coef_[enc.indices[at], k]
    share = np.where(contrib > 0, contrib / np.maximum(tf, 1), 0.0)
    first, rows = 0, []
    for size, buckets in enumerate(blocks, start=1):
        where = np.flatnonzero(hit[first:first + buckets.size])
        if where.size:
            starts, ends = starts_of(size, where)
            w = share[loc[first + where]] / np.maximum(ends - starts, 1)
            rows.append(np.cumsum(np.bincount(starts, weights=w, minlength=n_chars + 1)
                                  - np.bincount(ends, weights=w, minlength=n_chars + 1)))
        first += buckets.size
    for row in rows:
        out += row[:n_chars]
    return out


def _ref_ngram_items(features, heads, enc, k):
    """(start, end, weight) of the n-gram evidence of head k, widened, largest first (in the normalised text)."""
    n = len(enc.norm.text)
    char_hi = 1 << features.char_bits
    pc = _ref_per_char(heads, enc, k, n, 0, char_hi, enc.char_buckets, lambda size, at: (at, at + size))
    if enc.word_buckets:
        tok = np.asarray(enc.token_spans, dtype=np.int64)
        pc += _ref_per_char(heads, enc, k, n, char_hi, features.signal_offset_, enc.word_buckets,
                            lambda size, at: (tok[at, 0], tok[at + size - 1, 1]))
    if pc.size == 0 or pc.max() <= 0:
        return []
    on = np.concatenate(([False], pc > max(0.15 * float(pc.max()), 1e-6), [False]))
    edges = np.flatnonzero(on[1:] != on[:-1])
    starts, ends = edges[::2], edges[1::2]
    csum = np.concatenate(([0.0], np.cumsum(pc)))
    weights = csum[ends] - csum[starts]
    return [(*_ref_widen(enc.norm.text, int(starts[r]), int(ends[r])), float(weights[r]))
            for r in np.argsort(-weights)[:8]]


@pytest.mark.slow
def test_explanations_spread_ngrams_as_numpy_did(shipped):
    """The compiled n-gram layout, spread, runs and widening (kernels.ngram_*) give every head's evidence spans
    and weights exactly as the numpy version kept here, and the shipped explanations carry them."""
    from moderation import explain as E

    features, heads = shipped.features, shipped.heads
    for text in texts(400, seed=12):
        enc = features.encode(text, spans=True)
        for k in range(heads.coef_.shape[1]):
            want = _ref_ngram_items(features, heads, enc, k)
            assert E._ngram_items(features, heads, enc, k) == want, (text, k)
            got = [(it["start"], it["end"], it["weight"]) for it in E.explain(features, heads, enc, k, "x", text)
                   if "feature" not in it]
            assert got == [(*enc.norm.span(a, b), round(w, 4)) for a, b, w in want if round(w, 4) > E.MIN_WEIGHT][
                :len(got)], (text, k)


@pytest.mark.parametrize("budget", [8, -1], ids=["hash-table", "binary-search-fallback"])
def test_ngram_layout_finds_each_occurrences_row_entry(shipped, budget):
    """Each n-gram occurrence's entry in the row (numpy's searchsorted) and each entry's occurrences, by the hash
    table or (`budget` -1: what crafted collisions fall back to) by binary search."""
    features = shipped.features
    for text in texts(150, seed=13):
        enc = features.encode(text, spans=True)
        for lo, hi, blocks in ((0, 1 << features.char_bits, enc.char_buckets),
                               (1 << features.char_bits, features.signal_offset_, enc.word_buckets)):
            flat = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)
            a0, entry, tf = kernel_evidence.ngram_layout(enc.indices, lo, hi, flat, budget)
            block = enc.indices[np.searchsorted(enc.indices, lo):np.searchsorted(enc.indices, hi)] - lo
            loc = np.minimum(np.searchsorted(block, flat), max(block.size - 1, 0))
            want = np.where((block.size > 0) & (block[loc] == flat if block.size else False), loc, -1)
            assert a0 == np.searchsorted(enc.indices, lo) and entry.tolist() == want.tolist(), text
            assert tf.tolist() == np.bincount(want[want >= 0], minlength=block.size).tolist(), text


def test_the_gated_lift_moves_hate_only_where_a_construction_fires_in_text_without_japanese(shipped):
    """MaskedHeads' gate (build_pipeline(hate_gate_lift=L)): hate's calibrated log-odds rise by exactly L where one of
    HATE_GATE's signals fires and the text has no Japanese character, nowhere else; the other heads are the ungated
    ones bit for bit; serving's kernel, proba_rows and predict_proba agree to 1e-9. The shipped heads (since
    2026.12.06-6) carry the gate build_pipeline declares; set off, they carry none (NO_GATE)."""
    import copy

    from sklearn.pipeline import Pipeline

    from model.pipeline import HATE_GATE, HATE_GATE_LIFT, HEADS, build_pipeline
    from moderation.features.signals import signal_dict
    from moderation.kernels.decisions import NO_GATE

    shipped_gate = build_pipeline().named_steps["heads"]
    assert (shipped.heads.gate_columns, shipped.heads.gate_shut, shipped.heads.gate_lifts) == (
        shipped_gate.gate_columns, shipped_gate.gate_shut, ((HEADS.index("hate"), HATE_GATE_LIFT),))
    ungated = copy.deepcopy(shipped.heads).set_gate(shipped.heads.gate_columns, shipped.heads.gate_shut, ())
    assert ungated.gate_ is NO_GATE
    declared = build_pipeline(hate_gate_lift=1.5).named_steps["heads"]
    heads = copy.deepcopy(ungated).set_gate(declared.gate_columns, declared.gate_shut, declared.gate_lifts)
    k = HEADS.index("hate")
    assert declared.gate_lifts == ((k, 1.5),) and build_pipeline(hate_gate_lift=0).named_steps["heads"].gate_lifts == ()
    texts = ["Immigrants are vermin and should all be deported.", "Muslims are filthy animals.",
             "Get every last Pakistani out of this country.", "Gay people are a disease on society.",
             "Immigrants staff half the hospitals in this city.", "Muslims born here are real Britons.",
             "You are a liar and a thief.", "I hate Mondays.", "Immigrants are vermin. 移民は出て行け",
             "在日は日本から出て行け", "移民は害虫だ", "The weather is nice today.",
             "Are Somali families no longer welcome at the community centre?",
             "I can't stand people who sneer at Pakistanis."]
    fired = [any(signal_dict(t)[name] > 0 for name in HATE_GATE) for t in texts]
    japanese = [signal_dict(t)["has_japanese"] > 0 for t in texts]
    shut = [signal_dict(t)["attack_unaimed_en"] > 0 for t in texts]  # a gate input only: it keeps the gate shut
    opened = np.asarray(fired) & ~np.asarray(japanese) & ~np.asarray(shut)
    assert 2 <= opened.sum() < len(texts) - 2 and any(f and j for f, j in zip(fired, japanese, strict=True))
    assert sum(f and u for f, u in zip(fired, shut, strict=True)) >= 2
    before = shipped.features.encode_batch(texts, heads=ungated)[1]
    served = shipped.features.encode_batch(texts, heads=heads)[1]
    np.testing.assert_allclose(served, Pipeline([("f", shipped.features), ("h", heads)]).predict_proba(texts),
                               rtol=0, atol=1e-9)
    encs = [shipped.features.encode(t) for t in texts]
    _dec, rows = heads.proba_rows(np.concatenate([e.indices for e in encs]), np.concatenate([e.values for e in encs]),
                                  np.cumsum([0, *(e.indices.size for e in encs)]))
    np.testing.assert_allclose(served, rows, rtol=0, atol=1e-9)
    logit = np.log(served[:, k] / (1 - served[:, k])) - np.log(before[:, k] / (1 - before[:, k]))
    np.testing.assert_allclose(logit[opened], 1.5, atol=1e-6)
    np.testing.assert_array_equal(served[~opened], before[~opened])
    np.testing.assert_array_equal(np.delete(served, k, axis=1), np.delete(before, k, axis=1))
