"""How real rows become head labels, and the validation side that recipes are chosen on (model/data/,
model/evaluate.py, model/en_quick.py)."""

import csv
import functools
import json
from pathlib import Path

import ahocorasick
import numpy as np
import pytest

from model import data as D
from model.data import english, japanese
from model.en_quick import EN_VALIDATION

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT.parent / "shared" / "data"


@functools.cache
def generated_rows():
    """synthetic_rows(DATA_DIR) at the harms seed the recipes train with, generated once for the two tests that read
    it (2-4 s CPU each time); read, never changed."""
    import model.training_set as T
    from model.pipeline import SEED

    assert T.HARMS_SEED == SEED
    return T.synthetic_rows(DATA_DIR)


@functools.cache
def real_rows():
    """D.load_all(DATA_DIR), read once for the tests that need every real row (the larger part of a minute of CPU);
    read, never changed."""
    return D.load_all(DATA_DIR)


def test_davidson_vulgar_tweets_are_harassment_only_when_asked():
    vulgar, addressed = "these hoes aint loyal", "you a dumb hoe"
    assert english.davidson_cats(vulgar, "1", "addressed")["harassment"] is None
    assert english.davidson_cats(addressed, "1", "addressed")["harassment"] == 1
    assert english.davidson_cats(vulgar, "1", "all")["harassment"] == 1
    assert english.davidson_cats(vulgar, "1", "all")["hate"] == 0  # offensive is never hate
    assert english.davidson_cats(vulgar, "2", "all") == dict.fromkeys(D.CATEGORY_NAMES, 0)


def test_davidson_in_group_words_at_nobody_teach_harassment_nothing():
    """The shipped rule ("vulgar"): vulgar tweets are harassment, a reclaimable in-group word at nobody is not."""
    assert english.DAVIDSON_HARASSMENT == "vulgar"
    assert english.davidson_cats("these hoes aint loyal", "1")["harassment"] == 1
    assert english.davidson_cats("me and my niggas at the game tonight", "1")["harassment"] is None
    assert english.davidson_cats("proud queer and loud", "1")["harassment"] is None
    assert english.davidson_cats("you a dumb nigga", "1")["harassment"] == 1  # addressed: an insult at a person
    assert english.davidson_cats("niggardly weather", "1")["harassment"] == 1  # the letters inside a longer word


def test_davidson_words_the_writer_owns_are_no_harassment():
    """Session 28: a vulgar word the writer says of themself or their circle (owned.py) is a harassment negative at
    nobody and unlabelled when the tweet addresses someone; said of someone else it stays a positive."""
    assert english.davidson_cats("im a crazy bitch lol", "1")["harassment"] == 0
    assert english.davidson_cats("me and my bitches at brunch", "1")["harassment"] == 0
    assert english.davidson_cats("@x ima bad bitch u know it", "1")["harassment"] is None
    assert english.davidson_cats("she a crazy bitch lol", "1")["harassment"] == 1
    assert english.davidson_cats("you a crazy bitch", "1")["harassment"] == 1
    assert english.davidson_cats("im a crazy bitch and i hate them", "0")["hate"] == 1


def test_davidson_in_group_words_addressed_teach_harassment_nothing_only_when_asked():
    """The "reclaimed" ablation: an offensive tweet with a reclaimable word is unlabelled even when addressed; a
    hateful one, and an offensive one without such a word, are labelled as under "vulgar"."""
    assert english.davidson_cats("you a dumb nigga", "1", "reclaimed")["harassment"] is None
    assert english.davidson_cats("me and my niggas at the game tonight", "1", "reclaimed")["harassment"] is None
    assert english.davidson_cats("you a dumb nigga", "0", "reclaimed")["harassment"] == 1
    assert english.davidson_cats("you a dumb hoe", "1", "reclaimed")["harassment"] == 1
    assert english.davidson_cats("these hoes aint loyal", "1", "reclaimed")["harassment"] == 1
    assert english.davidson_cats("you a dumb nigga", "1", "reclaimed")["hate"] == 0


def test_a_toxic_rows_unnamed_categories_are_clean_or_unlabelled(monkeypatch):
    r = {"violence_mean": "1.0", "identityattack_mean": "2.3", "sexualcontent_mean": "1.0", "selfharm_mean": "1.0",
         "insult_mean": "1.7"}
    monkeypatch.setattr(japanese, "TOXIC_ABSENT", 0)
    cats = japanese._rtp_cats(r, 1, "_mean")
    assert cats["hate"] == 1 and cats["harassment"] == 0 and cats["defamation"] is None
    monkeypatch.setattr(japanese, "TOXIC_ABSENT", None)
    cats = japanese._rtp_cats(r, 1, "_mean")
    assert cats["hate"] == 1 and cats["harassment"] is None and cats["threat"] is None
    assert japanese._rtp_cats(r, 0, "_mean") == dict.fromkeys(D.CATEGORY_NAMES, 0)  # a clean row stays clean


def test_written_english_validation_cases_are_labelled_and_not_test_cases():
    cases = [json.loads(line) for line in EN_VALIDATION.read_text(encoding="utf-8").splitlines()]
    assert len(cases) >= 60
    assert {c["harm"] for c in cases} == {0, 1, None}
    kinds = {c["kind"] for c in cases if c["harm"] == 0}
    assert {"counter_quote", "counter_ref", "reclaimed", "group_neutral"} <= kinds
    hatecheck = DATA_DIR / "hatecheck-en" / "test_suite_cases.csv"
    if hatecheck.is_file():
        from model.training_set import _key

        with open(hatecheck, encoding="utf-8", newline="") as fh:
            keys = {_key(r["test_case"]) for r in csv.DictReader(fh)}
        assert not [c["text"] for c in cases if _key(c["text"]) in keys]


def test_generated_harm_rows_are_not_spam_negatives_unless_asked(monkeypatch):
    import model.training_set as T

    assert T.HARM_ROWS_SPAM_NEGATIVE is False  # the default since session 7 (leave-one-video-out 0.9709 -> 0.9718)
    monkeypatch.setattr(T, "HARM_ROWS_SPAM_NEGATIVE", False)
    assert T.harm_row_spam({"spam": 0, "threat": 1}) is None
    assert T.harm_row_spam({"spam": 1}) == 1
    monkeypatch.setattr(T, "HARM_ROWS_SPAM_NEGATIVE", True)
    assert T.harm_row_spam({"spam": 0, "threat": 1}) == 0


@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
@pytest.mark.slow
def test_validation_sets_come_from_the_training_side_only():
    from model.evaluate import eval_sets

    rows = real_rows()
    valid = {t for r in rows if r.split == D.VALID for t in [r.text]}
    heldout = {r.text for r in rows if r.split == D.TEST}
    sets = eval_sets(rows, DATA_DIR, D.VALID)
    names = {s["name"] for s in sets}
    assert "en abuse: Davidson tweets held-out (validation)" in names
    assert not [n for n in names if "akku1139" in n or "Jigsaw" in n or "mamadm" in n]
    for s in sets:
        assert set(s["texts"]) <= valid
        assert not (set(s["texts"]) & heldout - valid)


def test_japanese_cross_validation_folds_keep_groups_whole_and_never_touch_held_out_rows():
    from model.ja_cv import fold_rows

    def row(source, group, split, synthetic=False, abuse=0):
        return D.Row(f"{source} {group} {split}", None, abuse, source, "ja", group, split, synthetic)

    rows = [row("rtp-lx-prompts", f"rtp:{i}", split, abuse=i % 2) for i in range(60)
            for split in (D.TRAIN, D.VALID, D.TEST)]
    rows += [row("rtp-lx-benign", f"rtp:{i}", D.TRAIN) for i in range(60)]
    rows += [row("rtp-lx-machine", f"rtp:{i}", D.TRAIN, synthetic=True) for i in range(60)]
    rows += [row("realpersonachat", f"rpc:{i}", split) for i in range(20) for split in (D.TRAIN, D.VALID, D.TEST)]
    generated = [row("synth-threat-ja", "synth:t", D.TRAIN, synthetic=True, abuse=1)]
    seen_scored = []
    for fold in range(3):
        train, scored = fold_rows(rows, generated, fold, 3)
        assert not [r for r in train + scored if r.split == D.TEST]
        assert not {r.group for r in train if r.source.startswith("rtp")} & {r.group for r in scored}
        assert not [r for r in scored if r.synthetic]
        assert generated[0] in train and not [r for r in train if r.source == "realpersonachat" and r.split != D.TRAIN]
        assert bool([r for r in scored if r.source == "realpersonachat"]) == (fold == 0)
        seen_scored += [r.text for r in scored if r.source.startswith("rtp")]
    assert len(seen_scored) == len(set(seen_scored)) == 60 * 2 + 60  # every training-side row scored once


def test_japanese_cross_validation_scores_dump_for_a_paired_comparison(tmp_path):
    from model.ja_cv import dump_scores, summarise
    from model.paired_bootstrap import compare

    def row(source, i, abuse):
        return D.Row(f"{source} {i}", None, abuse, source, "ja", f"g:{i}", D.TRAIN, False)

    scored = [row("rtp-lx-prompts", i, i % 2) for i in range(40)] + [row("inspection-ai", i, int(i % 3 == 0))
                                                                      for i in range(30)]
    scored += [row("rtp-lx-benign", i, 0) for i in range(20)] + [row("realpersonachat", i, 0) for i in range(10)]
    abuse = np.random.default_rng(0).random(len(scored))
    dump_scores(scored, abuse, tmp_path / "old.npz")
    better = abuse + 0.5 * np.asarray([r.abuse == 1 for r in scored])  # every set's positives ranked higher
    dump_scores(scored, better, tmp_path / "new.npz", cases={"ja_suite": np.asarray([0.1, 0.7])})
    assert np.load(tmp_path / "new.npz")["case_ja_suite"].tolist() == [0.1, 0.7]
    rows = {r["set"]: r for r in compare(tmp_path / "old.npz", tmp_path / "new.npz", resamples=200)}
    before = summarise(scored, abuse)
    assert set(rows) == {"rtp_prompts", "inspection", "rtp_toxic_vs_benign"}
    for name in rows:  # the dump ranks the same rows summarise() does
        assert rows[name]["old"] == before[name][0] and rows[name]["positives"] == before[name][1]
        assert rows[name]["new"] > rows[name]["old"] and rows[name]["low"] > 0
    scored[0] = row("rtp-lx-prompts", 99, 0)
    dump_scores(scored, abuse, tmp_path / "other.npz")
    with pytest.raises(ValueError, match="different rows"):
        compare(tmp_path / "old.npz", tmp_path / "other.npz", resamples=10)


def test_civil_ham_is_clean_for_every_harm_unless_a_category_is_left_unlabelled(monkeypatch):
    civil = "I'll see you at the station at six, bring the tickets"
    assert english.ham_cats(civil) == dict.fromkeys(D.CATEGORY_NAMES, 0)
    assert english.ham_cats("I will kill you, you idiot") is None  # a harm word: ham is no judgement of civility
    monkeypatch.setattr(english, "HAM_UNLABELLED", ("threat",))
    assert english.ham_cats(civil) == {**dict.fromkeys(D.CATEGORY_NAMES, 0), "threat": None}


def test_a_sources_weight_for_one_head_only(monkeypatch):
    """`--source-weight davidson:harassment=0.5` halves Davidson's weight for the harassment head alone; the
    heads then fit each column with its own weights, and equal columns fit exactly as one weight per row."""
    import numpy as np

    import model.training_set as T
    from moderation.heads import MaskedHeads

    monkeypatch.setattr(T, "SOURCE_WEIGHTS", {**T.SOURCE_WEIGHTS})
    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    rows = [D.Row("a", None, 1, "davidson", "en", "g", D.TRAIN), D.Row("b", 0, None, "sms-spam", "en", "h", D.TRAIN)]
    assert T.sample_weights(rows).ndim == 1
    T.set_source_weights(["davidson:harassment=0.5"])
    w = T.sample_weights(rows)
    h = T.HEADS.index("harassment")
    assert w.shape == (2, len(T.HEADS))
    assert w[0, h] == T.SOURCE_WEIGHTS["davidson"] * 0.5 and w[0, T.HEADS.index("hate")] == T.SOURCE_WEIGHTS["davidson"]
    assert w[1, h] == T.SOURCE_WEIGHTS["sms-spam"]
    with pytest.raises(ValueError, match="no head"):
        T.set_source_weights(["davidson:insult=0.5"])
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(60, 5)), (rng.random((60, 2)) < 0.5).astype(float)
    w1 = rng.random(60) + 0.5
    one = MaskedHeads(C=1.0).fit(X, Y, sample_weight=w1)
    two = MaskedHeads(C=1.0).fit(X, Y, sample_weight=np.column_stack([w1, w1]))
    assert np.array_equal(one.coef_, two.coef_) and np.array_equal(one.calibration_, two.calibration_)
    other = MaskedHeads(C=1.0).fit(X, Y, sample_weight=np.column_stack([w1, w1 * (np.arange(60) % 2 + 0.1)]))
    assert np.array_equal(one.coef_[:, 0], other.coef_[:, 0]) and not np.allclose(one.coef_[:, 1], other.coef_[:, 1])


def test_a_sources_weight_for_one_heads_rows_of_one_label(monkeypatch):
    """`--source-weight davidson:harassment:0=2` doubles the weight of Davidson's rows labelled 0 for harassment, on
    that head alone: its positives, its unlabelled rows, the other heads and the other sources keep theirs."""
    import model.training_set as T

    monkeypatch.setattr(T, "SOURCE_WEIGHTS", {**T.SOURCE_WEIGHTS})
    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    monkeypatch.setattr(T, "LABEL_WEIGHTS", {})
    cats = dict.fromkeys(D.CATEGORY_NAMES, 0)
    rows = [D.Row("a", None, 0, "davidson", "en", "a", D.TRAIN, cats=dict(cats)),
            D.Row("b", None, 1, "davidson", "en", "b", D.TRAIN, cats={**cats, "harassment": 1}),
            D.Row("c", None, 1, "davidson", "en", "c", D.TRAIN, cats={**cats, "harassment": None}),
            D.Row("d", None, 0, "stormfront", "en", "d", D.TRAIN, cats=dict(cats))]
    before = T.sample_weights(rows)
    T.set_source_weights(["davidson:harassment:0=2"])
    assert T.LABEL_WEIGHTS == {("davidson", "harassment", 0): 2.0} and not T.HEAD_WEIGHTS
    w = T.sample_weights(rows)
    h = T.HEADS.index("harassment")
    assert w[0, h] == 2 * before[0] and (w[1:, h] == before[1:]).all()
    assert all((w[:, k] == before).all() for k in range(len(T.HEADS)) if k != h)
    for bad in ("davidson:harassment:2=2", "davidson:insult:0=2"):
        with pytest.raises(ValueError):
            T.set_source_weights([bad])


def test_a_heads_own_C_fits_that_head_alone_as_that_C_would():
    """`build_pipeline(head_C=(("harassment", 8.0),))` (en_quick --head-C harassment=8): that head is fitted as with
    C = 8, every other head as with the pipeline's C, bit for bit."""
    import numpy as np

    from model.pipeline import HEADS, build_pipeline
    from moderation.heads import MaskedHeads

    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(80, 6)), (rng.random((80, 2)) < 0.5).astype(float)
    own = MaskedHeads(C=1.0, head_C=((1, 8.0),)).fit(X, Y)
    one, eight = MaskedHeads(C=1.0).fit(X, Y), MaskedHeads(C=8.0).fit(X, Y)
    assert np.array_equal(own.coef_[:, 0], one.coef_[:, 0]) and np.array_equal(own.coef_[:, 1], eight.coef_[:, 1])
    assert np.array_equal(own.calibration_, np.vstack([one.calibration_[0], eight.calibration_[1]]))
    assert not np.allclose(one.coef_[:, 1], eight.coef_[:, 1])
    heads = build_pipeline(head_C=(("harassment", 8),)).named_steps["heads"]
    assert heads.head_C == ((HEADS.index("harassment"), 8.0),)


def test_excluded_columns_give_one_head_no_weight_for_a_column():
    """`build_pipeline(harm_length=False)` (ja_cv/en_quick --no-harm-length): the harm heads learn no weight for
    `length` while the spam head keeps it; with nothing excluded the fit is the default one, bit for bit."""
    import numpy as np
    import scipy.sparse as sp

    from model.pipeline import HEADS, build_pipeline
    from moderation.features.vocabulary import FEATURE_NAMES
    from moderation.heads import MaskedHeads

    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(80, 6)), (rng.random((80, 2)) < 0.5).astype(float)
    base = MaskedHeads(C=1.0).fit(X, Y)
    cut = MaskedHeads(C=1.0, excluded_columns=((1, 3),)).fit(X, Y)
    assert np.array_equal(base.coef_[:, 0], cut.coef_[:, 0]) and cut.coef_[3, 1] == 0.0 and base.coef_[3, 1] != 0.0
    sparse = MaskedHeads(C=1.0, excluded_columns=((1, 3),)).fit(sp.csr_matrix(X), Y)
    assert np.allclose(sparse.coef_, cut.coef_, atol=1e-6)
    pipe = build_pipeline(harm_length=False, harm_denied=True, harm_lookalike=True, harm_group_named=True,
                          harm_invisible=True)
    col = pipe.named_steps["features"].signal_offset_ + FEATURE_NAMES.index("length")
    assert pipe.named_steps["heads"].excluded_columns == tuple((k, col) for k in range(1, len(HEADS)))
    assert build_pipeline(harm_denied=True, harm_lookalike=True, harm_group_named=True,
                          harm_invisible=True).named_steps["heads"].excluded_columns == ()
    # en_quick --no-harm-line-id (session 59's candidate): every harm head but personal_info, never spam
    line_id = pipe.named_steps["features"].signal_offset_ + FEATURE_NAMES.index("line_id")
    assert build_pipeline(harm_denied=True, harm_lookalike=True, harm_group_named=True, harm_invisible=True,
                          harm_line_id=False).named_steps["heads"].excluded_columns == tuple(
        (k, line_id) for k in range(1, len(HEADS)) if HEADS[k] != "personal_info")
    # by default the harm heads learn no weight for a harm word the writer denies (denied_harm) nor for the words read
    # from leet or a misspelling (lookalike_chars)
    # and, since group's c4 (2026.12.02-9), for the groups GROUPS does not list (group_named); since session 22 for
    # the invisible characters normalisation drops (invisible_chars: hidden in an attack, they lowered every harm)
    unlearnt = (pipe.named_steps["features"].signal_offset_ + FEATURE_NAMES.index(name)
                for name in ("denied_harm", "lookalike_chars", "group_named", "invisible_chars"))
    assert build_pipeline().named_steps["heads"].excluded_columns == tuple(
        (k, col) for col in unlearnt for k in range(1, len(HEADS)))


def test_length_matching_reweights_a_harm_heads_japanese_negatives_only(monkeypatch):
    """With LENGTH_MATCHED, a harm head's Japanese negatives in a length bin its positives fill get more weight and
    those in a bin its positives leave empty less (clipped), the head's negative total stays, and the spam head,
    the positives and English rows keep theirs; off (the default), the weights are one per row as before."""
    import numpy as np

    import model.training_set as T

    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    cats = dict.fromkeys(D.CATEGORY_NAMES, 0)
    rows = ([D.Row("あ" * 60, None, 1, "rtp-lx-prompts", "ja", "p", D.TRAIN, cats={**cats, "hate": 1})]
            + [D.Row("い" * 60, 0, 0, "realpersonachat", "ja", "l", D.TRAIN, cats=dict(cats))]
            + [D.Row("う" * 12, 0, 0, "realpersonachat", "ja", f"s{i}", D.TRAIN, cats=dict(cats)) for i in range(3)]
            + [D.Row("short", 0, 0, "sms-spam", "en", "e", D.TRAIN, cats=dict(cats))])
    monkeypatch.setattr(T, "LENGTH_MATCHED", False)
    before = T.sample_weights(rows)
    assert before.ndim == 1
    monkeypatch.setattr(T, "LENGTH_MATCHED", True)
    w = T.sample_weights(rows)
    hate, spam = T.HEADS.index("hate"), T.HEADS.index("spam")
    assert w[1, hate] > before[1] and (w[2:5, hate] < before[2:5]).all()
    assert np.isclose(w[1:5, hate].sum(), before[1:5].sum())
    assert w[0, hate] == before[0] and w[5, hate] == before[5] and np.array_equal(w[:, spam], before)
    assert w[1, hate] / w[2, hate] == T.LENGTH_MATCH_CAP ** 2  # 4x the long negative, 1/4 the short ones


def test_length_matching_leaves_the_kept_sources_negatives_alone(monkeypatch):
    """LENGTH_KEPT_SOURCES: a kept source's negatives keep their weight and do not count in the bins' shares (the
    other negatives are matched as without them); its positives still count as positives."""
    import numpy as np

    import model.training_set as T

    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    monkeypatch.setattr(T, "LENGTH_MATCHED", True)
    cats = dict.fromkeys(D.CATEGORY_NAMES, 0)
    rows = ([D.Row("あ" * 60, None, 1, "rtp-lx-prompts", "ja", "p", D.TRAIN, cats={**cats, "hate": 1})]
            + [D.Row("い" * 60, 0, 0, "realpersonachat", "ja", "l", D.TRAIN, cats=dict(cats))]
            + [D.Row("う" * 12, 0, 0, "realpersonachat", "ja", f"s{i}", D.TRAIN, cats=dict(cats)) for i in range(3)])
    kept = [D.Row("え" * 12, None, 0, "rtp-lx-prompts", "ja", f"k{i}", D.TRAIN, cats=dict(cats)) for i in range(5)]
    hate = T.HEADS.index("hate")
    monkeypatch.setattr(T, "LENGTH_KEPT_SOURCES", frozenset())
    alone = T.sample_weights(rows)
    matched_all = T.sample_weights(rows + kept)
    monkeypatch.setattr(T, "LENGTH_KEPT_SOURCES", frozenset({"rtp-lx-prompts"}))
    w = T.sample_weights(rows + kept)
    base = T.SOURCE_WEIGHTS["rtp-lx-prompts"]
    assert (w[5:, hate] == base).all() and (matched_all[5:, hate] < base).all()
    assert np.allclose(w[:5, hate], alone[:, hate])


@pytest.mark.slow
def test_japanese_cross_validation_writes_each_probe_case_per_category(tmp_path):
    """`--probe-scores`: a single case (a test's minimal pair) is read by its id, one probability per harm head."""
    from model.ja_cv import write_case_scores
    from model.tiny import train_tiny_pipeline

    pipe = train_tiny_pipeline()
    cases = [{"id": "a", "text": "朝鮮人は嘘つきばかりだ"}, {"id": "b", "text": "明日はゴミ出しの日だから早く寝る"}]
    write_case_scores(pipe, {"probe": cases}, tmp_path / "cases.json")
    table = json.loads((tmp_path / "cases.json").read_text(encoding="utf-8"))
    want = pipe.predict_proba([c["text"] for c in cases])
    assert list(table) == ["probe"] and list(table["probe"]) == ["a", "b"]
    for row, case in zip(want, cases, strict=True):
        assert list(table["probe"][case["id"]]) == list(D.CATEGORY_NAMES)
        assert table["probe"][case["id"]]["hate"] == pytest.approx(row[1 + D.CATEGORY_NAMES.index("hate")])


@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
@pytest.mark.slow
def test_another_harms_seed_draws_other_generated_rows_of_the_same_families(monkeypatch):
    """en_quick --synth-seed (an A/A refit): the same families and spam rows, other generated harm rows."""
    from collections import Counter

    import model.training_set as T
    from model.pipeline import SEED

    assert T.HARMS_SEED == SEED
    first = generated_rows()
    monkeypatch.setattr(T, "HARMS_SEED", SEED + 1)
    other = T.synthetic_rows(DATA_DIR)
    fixed = ("synth-spam", "synth-hard-negative")  # model/synth.py's rows: not drawn by the harms seed
    spam = [[r.text for r in rows if r.source.startswith(fixed)] for rows in (first, other)]
    assert spam[0] == spam[1] and spam[0]
    drawn = [[r for r in rows if not r.source.startswith(fixed)] for rows in (first, other)]
    harms = [Counter(r.source for r in rows) for rows in drawn]
    assert harms[0].keys() == harms[1].keys() and len(harms[0]) > 20
    assert all(abs(harms[0][s] - harms[1][s]) <= 0.05 * harms[0][s] for s in harms[0]), (harms[0], harms[1])
    texts = [{r.text for r in rows} for rows in drawn]  # a text drawn twice keeps its first row: counts differ a little
    assert len(texts[0] & texts[1]) < 0.5 * len(texts[0])


@pytest.mark.slow
def test_japanese_cross_validation_probe_only_gives_the_first_folds_own_figures():
    """`--probe-only` fits fold 1 alone: it prints that fit's ROC-AUC on the rows of its fold, not only probe counts."""
    from model.ja_cv import cross_validate, fold_of, summarise

    cats = dict.fromkeys(D.CATEGORY_NAMES, 0)
    toxic = ("お前を殺してやる", "死ね、このクズ野郎", "ぶっ殺すぞ", "消えろゴミが", "バカは黙ってろ")
    civil = ("今日はいい天気ですね", "駅前のパン屋が新しくなった", "週末は家族で公園に行った", "このドラマ面白い",
             "明日は雨らしい")

    def row(source, i, abuse):
        words = toxic if abuse else civil
        return D.Row(f"{words[i % 5]}。{i}", 0, abuse, source, "ja", f"{source}:{i}", D.TRAIN,
                     cats={**cats, "harassment": abuse})

    rows = [row(source, i, i % 2) for source in ("rtp-lx-prompts", "inspection-ai") for i in range(60)]
    chat = [D.Row(f"{civil[i % 5]}!{i}", 0, 0, "realpersonachat", "ja", f"c:{i}", D.VALID, cats=dict(cats))
            for i in range(5)]
    rows += [row("rtp-lx-benign", i, 0) for i in range(60)] + chat
    out = cross_validate(rows, [], folds=3, probes={"p": [{"id": "a", "text": "ぶっ殺すぞ", "expected": "harmful"}]},
                         probe_only=True)
    in_fold = [r for r in rows if fold_of(r.group, 3) == 0]
    assert set(out["fold1"]) == set(summarise(in_fold, np.zeros(len(in_fold))))
    assert out["fold1"]["rtp_prompts"][1:] == (sum(r.source == "rtp-lx-prompts" and r.abuse == 1 for r in in_fold),
                                               sum(r.source == "rtp-lx-prompts" and r.abuse == 0 for r in in_fold))
    assert out["fold1"]["rtp_prompts"][0] > 0.9 and out["probe:p"]["n"] == 1


def test_a_generated_row_holding_a_test_case_inside_decoration_is_held_back():
    """2026.12.05-2 trained on 18 generated rows that held a HateCheck case ("Hey, {case} 😂"): equality missed them."""
    from model.training_set import CONTAINED_FROM, HeldBack, _key

    case, short = "The quick brown fox jumps over the dog.", "I hate you"
    assert len(_key(case)) >= CONTAINED_FROM > len(_key(short))
    held = HeldBack(frozenset({_key(case), _key(short)}))
    assert case in held and "THE QUICK brown fox, jumps over the dog" in held  # equal keys
    assert "Hey, the quick brown fox jumps over the dog! 😂" in held
    assert "Rain today.\nThe quick brown fox jumps over the dog. Long comment, sorry." in held
    assert "I hate you!!" in held and "Honestly, I hate you" not in held  # a short case counts only when equal
    assert "The quick brown fox jumps over the cat." not in held and "" not in held
    assert "" not in HeldBack(frozenset())


def test_a_japanese_case_counts_inside_decoration_from_five_characters():
    """Session 38: 13 generated rows held a JA suite case (ほんと在日は日本から出ていけ) under the 12-character rule."""
    from model.training_set import HeldBack, _key, contained_from

    case, short = "在日は日本から出ていけ", "死ねよ"
    assert contained_from(_key(case)) == 5 < len(_key(case)) < 12 and len(_key(short)) < 5
    held = HeldBack(frozenset({_key(case), _key(short)}))
    assert "ほんと在日は日本から出ていけw" in held
    assert "「在日は日本から出ていけ」って書いてる人、恥ずかしくないの？" in held
    assert "死ねよ" in held and "もう死ねよって思った" not in held  # a short key still counts only when equal
    assert "在日の人が日本から出ていく話" not in held


@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
@pytest.mark.slow
def test_no_generated_training_row_holds_a_hatecheck_case():
    from model.training_set import _key, contained_from

    with open(DATA_DIR / "hatecheck-en" / "test_suite_cases.csv", encoding="utf-8", newline="") as fh:
        cases = {_key(r["test_case"]) for r in csv.DictReader(fh)}
    long = [k for k in cases if len(k) >= contained_from(k)]
    rows = generated_rows()
    assert len(rows) > 20_000
    keys = [_key(r.text) for r in rows]
    assert not [k for k in keys if k in cases]
    inside = ahocorasick.Automaton()  # every long case looked for in one pass of a key (a substring test of each of
    for case in long:  # the 3,409 cases in each of the 40,957 keys was 10.8 s CPU)
        inside.add_word(case, case)
    inside.make_automaton()
    assert not [k for k in keys if next(inside.iter(k), None) is not None]


def test_lifted_head_moves_only_rows_without_the_column():
    """`build_pipeline(hate_lift=L)` (off by default): the hate head's probability of a row whose has_japanese
    column is 0 (English) is its fitted one lifted by exactly L logits; a row with the column at 1 (Japanese) keeps
    the fitted probability, and the other heads are the unlifted fit's, bit for bit."""

    import numpy as np

    from model.pipeline import HEADS, build_pipeline
    from moderation.features.vocabulary import FEATURE_NAMES
    from moderation.heads import MaskedHeads

    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(90, 6)), (rng.random((90, 3)) < 0.4).astype(float)
    X[:, 5] = np.arange(90) % 2  # the 0/1 column: odd rows "Japanese"
    base = MaskedHeads(C=1.0).fit(X, Y)
    lifted = MaskedHeads(C=1.0, lifted_heads=((1, 0.5, 5),)).fit(X, Y)
    p0, p1 = base.predict_proba(X), lifted.predict_proba(X)
    logit = lambda p: np.log(p / (1 - p))  # noqa: E731
    assert np.allclose(logit(p1[X[:, 5] == 0, 1]) - logit(p0[X[:, 5] == 0, 1]), 0.5)
    assert np.allclose(p1[X[:, 5] == 1, 1], p0[X[:, 5] == 1, 1])
    assert np.array_equal(p1[:, [0, 2]], p0[:, [0, 2]])
    pipe = build_pipeline(hate_lift=0.5)
    col = pipe.named_steps["features"].signal_offset_ + FEATURE_NAMES.index("has_japanese")
    assert pipe.named_steps["heads"].lifted_heads == ((HEADS.index("hate"), 0.5, col),)
    assert build_pipeline(hate_lift=0).named_steps["heads"].lifted_heads == ()
    assert build_pipeline().named_steps["heads"].lifted_heads == ()  # measured, not adopted: every fit as before


@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
@pytest.mark.slow
def test_this_code_reads_the_rows_the_active_model_was_fitted_on(monkeypatch):
    """model.recard's own check (training_rows_sha256) on every change: a written case equal to a generated row holds
    that row back from training (training_set.HeldBack), and in session 56 one probe case did, so every re-card was
    refused until it was reworded; a generator or a label reading that moves the fit's rows fails here too."""
    import model.training_set as T
    from model.card import ARTIFACTS
    from model.judge import resolve_artifact
    from model.recard import card_weights
    from model.synth import generate as spam_rows
    from model.synth_harms import generate as harm_rows
    from model.yardsticks import written_cases

    active = json.loads((ARTIFACTS / "active.json").read_text(encoding="utf-8"))
    folder, _ = resolve_artifact(active["version"])
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    for name in ("SOURCE_WEIGHTS", "HEAD_WEIGHTS", "LABEL_WEIGHTS"):  # set_source_weights writes these in place
        monkeypatch.setattr(T, name, dict(getattr(T, name)))
    T.set_source_weights(card_weights(card, []))
    train = [r for r in (*real_rows(), *generated_rows()) if r.split == D.TRAIN]
    if T.rows_digest(train) == card["training_rows_sha256"]:
        return
    holding = {}  # the written cases that hold a generated row back: a new one among them is the usual cause
    keys = {T._key(c["text"]): c["text"] for c in written_cases()}
    held = T.HeldBack(frozenset(keys))
    for text in [r.text for r in spam_rows(DATA_DIR)] + [i["text"] for i in harm_rows(T.HARMS_SEED)]:
        if text in held:
            key = T._key(text)
            case = keys.get(key) or next(keys[k] for k in keys if len(k) >= T.contained_from(k) and k in key)
            holding[case] = holding.get(case, 0) + 1
    pytest.fail(f"this code's training rows are not {card['version']}'s (its card's training_rows_sha256): a re-card "
                "would be refused. Reword a new written case that equals or holds a generated row (the cases that "
                f"hold rows back now, with how many: {sorted(holding.items())}), or refit and ship the model")
