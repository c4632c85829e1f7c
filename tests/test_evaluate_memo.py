"""model.evaluate.memo_proba: a snapshot scores each distinct text once, and its figures stay the unmemoised ones."""

import numpy as np

from model.evaluate import memo_proba, pipeline_proba

# mixed on purpose: both languages, a long comment (its worst sentence weighted apart), quoted words, a slur said of
# oneself, an empty text, a repeat
TEXTS = ["今週の会議は水曜日に変更になりました。", "死ね、二度と来るな", "The library is open late on Thursdays.",
         "you stupid bitch shut up", "me and my bitches are doing brunch on sunday lol", "",
         "He said 'go back where you came from' and I told him that was vile. " * 4,
         "今すぐ登録で1万円プレゼント！詳しくはプロフィールのURLから", "I will find where you live.",
         "The library is open late on Thursdays."]


class Counting:
    """The pipeline, counting the texts it is asked to score."""

    def __init__(self, pipeline):
        self.pipeline, self.scored = pipeline, []

    def predict_proba(self, texts):
        self.scored += list(texts)
        return self.pipeline.predict_proba(texts)


def test_a_rows_probabilities_do_not_depend_on_its_batch_to_the_bit(tiny_scorer):
    proba = pipeline_proba(tiny_scorer.pipeline)
    batch = proba(TEXTS)
    alone = np.vstack([proba([t]) for t in TEXTS])
    assert np.array_equal(batch, alone)
    assert np.array_equal(proba(TEXTS[::-1])[::-1], batch)


def test_each_distinct_text_is_scored_once_and_answers_as_unmemoised(tiny_scorer):
    counting = Counting(tiny_scorer.pipeline)
    memo, plain = memo_proba(counting), pipeline_proba(tiny_scorer.pipeline)
    first, second = TEXTS[:6], TEXTS[3:] + TEXTS[:2]
    for texts in (first, second, TEXTS, []):
        got = memo(texts)
        assert got.shape == (len(texts), 2) and np.array_equal(got, plain(texts).reshape(-1, 2))
    assert sorted(counting.scored) == sorted(set(TEXTS))
