"""With handles_unread (session 60's candidate) no head reads an @handle's characters: a comment's n-grams are those of
the comment without its handles, its signals still count them, and serving scores what predict_proba scores."""

import numpy as np
import pytest

from model.pipeline import HEADS, build_pipeline
from model.tiny import tiny_corpus
from moderation.features.handles import handle_cuts, moved
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.vectorizer import TextFeatures

# (with handles, as if never written): the spaces that joined each handle go with it, a bracket stays
SAME = [("hey @JohnSmith_99 you idiot", "hey you idiot"), ("RT @mike: lol what a day", "RT: lol what a day"),
        ("@a_b @cde go back where you came from", "go back where you came from"),
        ("you are a disgrace @the.mayor", "you are a disgrace"),
        ("(@mike) thanks for the news", "() thanks for the news"),
        ("the weather is nice today @mike. you are an idiot, a total idiot.",
         "the weather is nice today. you are an idiot, a total idiot."),  # the worst sentence's n-grams too
        ('@mike he wrote "kill them all" in the paper, shameful', 'he wrote "kill them all" in the paper, shameful'),
        ("＠ＭＩＫＥ お前はバカだ", "お前はバカだ")]
KEPT = ["mail me at john@example.com", "f@ggot", "@@ what", "2 @ 3 = 6"]  # no handle: nothing cut


def test_handle_cuts_take_the_handle_and_the_spaces_that_joined_it():
    assert handle_cuts("hey @a @b you").tolist() == [[3, 6], [6, 9]]
    assert handle_cuts("@a @b hi").tolist() == [[0, 3], [3, 6]]
    assert handle_cuts("rt @mike: lol").tolist() == [[2, 8]]
    assert all(handle_cuts(t.lower()).size == 0 for t in KEPT)
    # an offset of the whole text as one of the cut text ("hey you"); one inside a cut is where the cut was
    assert moved(np.arange(14), handle_cuts("hey @a @b you")).tolist() == [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7]


@pytest.fixture(scope="module")
def fitted():
    texts, y = tiny_corpus()
    extra = [t for pair in SAME for t in pair] + KEPT
    y = np.vstack([np.asarray(y), np.tile(np.asarray(y)[:1], (len(extra), 1))])
    return build_pipeline(min_df=1, calibration_cv=2, char_bits=12, word_bits=8, handles_unread=True).fit(
        list(texts) + extra, y)


def test_a_comment_with_handles_has_the_ngrams_of_the_comment_without_them(fitted):
    features = fitted.named_steps["features"]
    line_id = features.signal_offset_ + FEATURE_NAMES.index("line_id")
    X = features.transform([t for pair in SAME for t in pair]).toarray()
    for k, (said, _) in enumerate(SAME):
        with_, without = X[2 * k], X[2 * k + 1]
        np.testing.assert_array_equal(with_[:features.signal_offset_], without[:features.signal_offset_], err_msg=said)
        assert without[line_id] == 0
    assert X[0, line_id] > 0  # the signals read the whole text: line_id still counts a handle
    plain = TextFeatures(char_bits=12, word_bits=8, min_df=1).fit([t for pair in SAME for t in pair])
    assert (plain.transform([SAME[0][0]]).toarray()[0, :plain.signal_offset_]
            != plain.transform([SAME[0][1]]).toarray()[0, :plain.signal_offset_]).any()  # off: the handle is read


def test_serving_scores_what_predict_proba_scores_and_encode_counts_the_codes_read(fitted):
    features, heads = fitted.named_steps["features"], fitted.named_steps["heads"]
    texts = [t for pair in SAME for t in pair] + KEPT + ["@mike " * 50 + "idiot"]
    expected = fitted.predict_proba(texts)
    one = np.asarray([features.encode(t, spans=True, heads=heads).probs for t in texts])
    encs, batch = features.encode_batch(texts, spans=True, heads=heads)
    np.testing.assert_allclose(one, expected, atol=1e-9)
    np.testing.assert_allclose(batch, expected, atol=1e-9)
    assert features.encode(SAME[0][0]).n_codes == len("hey you idiot") == encs[0].n_codes


def test_the_harm_heads_but_personal_info_learn_no_weight_for_line_id(fitted):
    features, heads = fitted.named_steps["features"], fitted.named_steps["heads"]
    column = features.signal_offset_ + FEATURE_NAMES.index("line_id")
    unlearnt = {HEADS[k] for k, c in heads.excluded_columns if c == column}
    assert unlearnt == set(HEADS) - {"spam", "personal_info"}
    assert heads.coef_[column, HEADS.index("harassment")] == 0
    assert not build_pipeline().named_steps["features"].handles_unread  # off by default
