"""The batch path (Scorer.score_many: stage by stage, one featurise_many kernel call for the batch's rows) gives
every comment exactly what score() gives it alone: the same bits, whatever else is in the batch."""

import json
import random
from pathlib import Path

import numpy as np
import pytest

from bench.adversarial import adversarial_inputs
from bench.mixes import news_comments
from moderation import explain as explain_module
from moderation import vectorizer as vectorizer_module
from moderation.explain import MAX_WIDEN
from moderation.features.spans import expand_spans
from moderation.kernels import evidence as kernel_evidence
from moderation.vectorizer import TextFeatures
from tests.support.thresholds import FLAG_NONE

ROOT = Path(__file__).resolve().parent.parent

# the batch's edges: empty and whitespace-only, one or two code points, invisible and lookalike characters, a lone
# surrogate, emoji, quoted and reported words (hashed apart), English quotes and negations, several sentences with
# one attacking sentence (the focus sentence), spam with a URL and a LINE id
EDGES = ["", " ", "a", "ab", "abc", "\u200b\u200b", "a\ud800b", "😀😀😀", "ｗｗｗｗ", "お\u200b前は\u200bバカ、氏ね",
         "「お前は黙れ」と言われた。", "「死ね」という投稿を見て悲しくなった。", "They said \"you are stupid\" to me.",
         "Immigrants are not vermin.", "I don't hate them at all.", "Calling it \"garbage\" is unfair.",
         "今日は良い天気ですね。散歩に行きたいです。でもお前は本当にバカだな。明日も晴れるといいですね。",
         "副業で月収100万円！今すぐＬＩＮＥ追加してね ID:abc1234 https://bit.ly/xyz", "L" + " I" * 300,
         "1," * 300, "あ" * 3000, "http://" + "a" * 2000 + ".com"]


def _sample():
    """Real-looking comments (the functional suites' Japanese and English texts, the benchmark's news mix) and
    adversarial ones (a sixth of bench/adversarial.py's inputs for every pattern, at 400 characters), the edges."""
    suites = [json.loads(line)["text"] for name in ("ja_suite.jsonl", "en_validation.jsonl")
              for line in (ROOT / "tests" / "functional" / name).read_text(encoding="utf-8").splitlines() if line]
    news = [text for text, *_ in news_comments(random.Random(7), 300)]
    hostile = [text for _name, text in adversarial_inputs(400)[::6]]
    return suites + news + hostile + EDGES + [EDGES[12] * 40, hostile[0] * 25]


def _bits(score):
    """A Score's outputs as exact bits (float.hex tells -0.0 from 0.0 and every last digit apart)."""
    return ({k: v.hex() for k, v in score.scores.items()}, {k: v.hex() for k, v in score.categories.items()},
            score.model_version)


def _batches(texts, seed):
    """The texts shuffled and cut into batches of 1 to 100."""
    rng = random.Random(seed)
    texts = list(texts)
    rng.shuffle(texts)
    out = []
    while texts:
        size = rng.choice([1, 2, 7, 50, 100])
        out.append(texts[:size])
        texts = texts[size:]
    return out


@pytest.mark.slow
def test_a_batch_scores_and_explains_each_comment_bit_for_bit_as_alone(shipped_scorer):
    scorer = shipped_scorer
    sample = _sample()
    assert len(sample) > 1500
    for batch in _batches(sample, seed=3):
        for text, many, explained in zip(batch, scorer.score_many(batch), scorer.score_many(batch, explain_all=True),
                                         strict=True):
            alone = scorer.score(text)
            assert _bits(many) == _bits(alone), text
            assert many.explanation == alone.explanation, text
            assert explained.explanation == scorer.score(text, explain_all=True).explanation, text
    assert scorer.score_many([]) == []
    assert [_bits(s) for s in scorer.score_many([None, 12])] == [_bits(scorer.score("")), _bits(scorer.score("12"))]


@pytest.mark.slow
def test_a_batch_encodes_each_comment_bit_for_bit_as_alone(shipped_scorer):
    """Every part of each Encoded (row, n-grams, token spans, signals, explanation spans, probabilities) and the
    batch's probability rows are encode()'s, bytes for bytes."""
    features, heads = shipped_scorer.features, shipped_scorer.heads
    for batch in _batches(_sample()[::3], seed=5):
        encs, probs = features.encode_batch(batch, spans=True, heads=heads)
        assert probs.shape == (len(batch), heads.coef_.shape[1])
        for text, enc, row in zip(batch, encs, probs, strict=True):
            alone = features.encode(text, spans=True, heads=heads)
            assert enc.norm.text == alone.norm.text and expand_spans(enc.spans) == expand_spans(alone.spans), text
            assert enc.signals.tobytes() == alone.signals.tobytes(), text
            for part in ("indices", "values", "probs", "char_flat", "word_flat", "token_spans"):
                assert getattr(enc, part).tobytes() == getattr(alone, part).tobytes(), (part, text)
            assert enc.char_sizes == alone.char_sizes and enc.word_sizes == alone.word_sizes
            assert row.tobytes() == alone.probs.tobytes(), text
        plain = features.encode_many(batch)  # without heads (transform, training): the rows alone
        for text, enc in zip(batch, plain, strict=True):
            alone = features.encode(text)
            assert enc.probs is None and enc.spans is None
            assert enc.indices.tobytes() == alone.indices.tobytes() and enc.values.tobytes() == alone.values.tobytes()


@pytest.mark.parametrize("size", [1, 100])
def test_a_batch_explains_only_the_comments_it_does_not_allow(make_app, auth, comment, size, monkeypatch):
    """A batch's answer reads (and so works out) the explanation of the held comments only: spam held, the
    ordinary comments beside it allowed with none; their n-gram evidence in one compiled call for the batch."""
    spam = "副業で月収100万円！今すぐＬＩＮＥ追加してね ID:abc1234 https://bit.ly/xyz"
    clean = "今日の記事、とても参考になりました。ありがとうございます。"
    probe = make_app()
    scorer = probe.extensions["moderation.models"].active
    low, high = scorer.score(clean).scores["spam"], scorer.score(spam).scores["spam"]
    assert low < high
    thresholds = {**FLAG_NONE, "spam": {"review": (low + high) / 2, "reject": 1.01}}
    app = make_app(THRESHOLDS=thresholds)
    active = app.extensions["moderation.models"].active
    explained = []
    real = active._explain

    def counted(enc, probs, text, explain_all):  # the real explanation, counted
        explained.append(text)
        return real(enc, probs, text, explain_all)

    active._explain = counted
    calls = []
    for name in ("explain_ngrams", "explain_ngrams_many"):  # the evidence kernels, counted
        kernel = getattr(explain_module, name)
        monkeypatch.setattr(explain_module, name, lambda *args, _k=kernel, _n=name: calls.append(_n) or _k(*args))
    texts = [spam if i % 4 == 0 else clean for i in range(size)]
    items = [comment(text=text, author={"id": f"reader-{i}", "name": "読者"}) for i, text in enumerate(texts)]
    results = app.test_client().post("/api/v1/comments:batch", json={"comments": items}, headers=auth).get_json()
    results = results["results"]
    held = [r for r in results if r["decision"] != "allow"]
    assert [r["decision"] for r in results] == ["review" if t == spam else "allow" for t in texts]
    assert all(r["explanation"] == [] for r in results if r["decision"] == "allow")
    assert all(any(i["label"] == "spam" for i in r["explanation"]) for r in held)
    assert explained == [spam] * len(held)
    assert calls == ["explain_ngrams_many"]
    np.testing.assert_array_equal([r["scores"]["spam"] for r in held], round(high, 6))


def _per_head(features, coef, enc, k):
    """Head k's n-gram evidence as explain worked it out before kernels.evidence.explain_ngrams: a compiled call per
    block for the layout (from Encoded's views) and one per head."""
    char_hi = 1 << features.char_bits
    chars = (*kernel_evidence.ngram_layout(enc.indices, 0, char_hi, enc.char_flat),
             np.asarray(enc.char_sizes, dtype=np.int64))
    words, tokens = chars, np.zeros((0, 2), dtype=np.int64)
    if enc.word_sizes:
        words = (*kernel_evidence.ngram_layout(enc.indices, char_hi, features.signal_offset_, enc.word_flat),
                 np.asarray(enc.word_sizes, dtype=np.int64))
        tokens = enc.token_spans
    codes = np.frombuffer(enc.norm.text.encode("utf-32-le"), dtype=np.uint32)
    return kernel_evidence.ngram_evidence(len(enc.norm.text), enc.indices, enc.values, coef, k, chars, words, tokens,
                                  bool(enc.word_sizes), codes, MAX_WIDEN)


def test_the_batch_kernels_get_read_only_code_points_as_one_comments_kernels_do(tiny_scorer, monkeypatch):
    """featurise_many and explain_ngrams_many get a batch's code points laid end to end read-only, as np.frombuffer
    gives one comment's: the kernels they call (rows._row, evidence._heads_runs...) then run the one-comment call's
    compiled code, not a second compile for writable arrays (~20 s of CPU in each process that compiles them)."""
    writable = []
    for module, name, at in ((vectorizer_module, "featurise_many", 0), (explain_module, "explain_ngrams_many", 10)):
        kernel = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _k=kernel, _i=at: writable.append(a[_i].flags.writeable) or _k(*a))
    scores = tiny_scorer.score_many(["お前は本当にバカだな。", "Immigrants are vermin.", "今日は良い天気ですね。"])
    tiny_scorer.explain_many(scores)
    assert writable == [False, False]


@pytest.mark.slow
def test_one_call_gives_every_heads_ngram_evidence_as_a_call_per_head(shipped_scorer):
    """kernel_evidence.explain_ngrams (reading the packed answer, every head in one call) answers what the layout and
    evidence calls per block and per head answered, bit for bit: the shipped model, and a fitted model with
    4-grams and random weights (other sizes, other blocks)."""
    sample = _sample()[::4]
    small = TextFeatures(char_bits=12, word_bits=9, char_ngram_max=4, min_df=1, quoted_apart=True,
                         focus_sentence=True).fit(sample[:300])
    coef = np.random.default_rng(3).standard_normal((small.signal_offset_ + 200, 4))
    for features, weights in ((shipped_scorer.features, shipped_scorer.heads.coef_), (small, coef)):
        ks = np.arange(weights.shape[1], dtype=np.int64)
        for text in sample:
            enc = features.encode(text, spans=True)
            starts, ends, got, bounds = kernel_evidence.laid_out(kernel_evidence.explain_ngrams(
                enc.packed, len(enc.norm.text), enc.n_codes, features.char_ngram_max, 1 << features.char_bits,
                features.signal_offset_, weights, ks, enc.codes, MAX_WIDEN), ks.size)
            for k in ks.tolist():
                want = _per_head(features, weights, enc, k)
                part = slice(bounds[k], bounds[k + 1])
                assert [starts[part].tobytes(), ends[part].tobytes(), got[part].tobytes()] == [
                    w.tobytes() for w in want], (text, k)


def test_one_call_for_many_comments_gives_each_comments_evidence_as_its_own_call(shipped_scorer):
    """kernel_evidence.explain_ngrams_many (a batch's held comments in one call) answers, comment by comment and head
    by head, what explain_ngrams answers for each comment alone, bit for bit, whatever heads each asks for."""
    features, coef = shipped_scorer.features, shipped_scorer.heads.coef_
    rng = random.Random(11)
    for batch in _batches(_sample()[::5], seed=7):
        encs = [features.encode(text, spans=True) for text in batch]
        ks = [sorted(rng.sample(range(coef.shape[1]), rng.choice([0, 1, 3, coef.shape[1]]))) for _ in batch]
        bufs, codes = [enc.packed for enc in encs], [enc.codes for enc in encs]
        starts, ends, got, bounds = kernel_evidence.laid_out(kernel_evidence.explain_ngrams_many(
            np.concatenate(bufs), np.cumsum([0, *(b.size for b in bufs)]), np.asarray([len(e.norm.text) for e in encs]),
            np.asarray([e.n_codes for e in encs]), features.char_ngram_max, 1 << features.char_bits,
            features.signal_offset_, coef, np.asarray([k for each in ks for k in each], dtype=np.int64),
            np.cumsum([0, *map(len, ks)]), np.concatenate(codes), np.cumsum([0, *(c.size for c in codes)]), MAX_WIDEN),
            sum(map(len, ks)))
        at = 0
        for enc, heads in zip(encs, ks, strict=True):
            alone = kernel_evidence.laid_out(kernel_evidence.explain_ngrams(
                enc.packed, len(enc.norm.text), enc.n_codes, features.char_ngram_max, 1 << features.char_bits,
                features.signal_offset_, coef, np.asarray(heads, dtype=np.int64), enc.codes, MAX_WIDEN), len(heads))
            part = slice(bounds[at], bounds[at + len(heads)])
            assert [starts[part].tobytes(), ends[part].tobytes(), got[part].tobytes()] == [
                a.tobytes() for a in alone[:3]], enc.norm.text
            assert (bounds[at:at + len(heads) + 1] - bounds[at]).tobytes() == alone[3].tobytes()
            at += len(heads)
        assert at == bounds.size - 1


@pytest.mark.slow
def test_explaining_many_at_once_gives_each_comment_its_own_explanation(shipped_scorer):
    """Scorer.explain_many (the batch endpoint's held comments) gives each Score the explanation score() gives its
    text alone, for any subset of a batch and with every head explained too."""
    scorer = shipped_scorer
    for explain_all in (False, True):
        for batch in _batches(_sample()[::7], seed=9):
            chosen = scorer.score_many(batch, explain_all=explain_all)[::2]
            want = [scorer.score(text, explain_all=explain_all).explanation for text in batch[::2]]
            assert scorer.explain_many(chosen) == want
            assert [score.explanation for score in chosen] == want  # kept: read again, not worked out again
