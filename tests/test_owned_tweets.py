"""model.owned_tweets: Davidson's figure on every tweet and without the owned reading's, side by side (lead, s54)."""

import json

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from model import data as D
from model import gate, owned_tweets
from model.card_markdown import owned_section
from model.evaluate import eval_sets, metrics_for, pipeline_proba

# written here: tweets the owned reading reads (the writer's own word, a situation) and others, both splits
OWNED = ["me and my bitches are doing brunch on sunday lol", "karma is a bitch", "im a crazy bitch tonight"]
OTHER = ["you stupid bitch shut up", "@user you are a dumb hoe", "lmao these hoes aint loyal"]
CLEAN = ["what a lovely morning for a run", "the bus was late again today", "thanks for the lift home, see you friday"]


def rows():
    out = []
    for split in (D.VALID, D.TEST):
        out += [D.Row(t, None, 1, "davidson", "en", f"{split}-o{i}", split) for i, t in enumerate(OWNED)]
        out += [D.Row(t, None, 1, "davidson", "en", f"{split}-a{i}", split) for i, t in enumerate(OTHER)]
        out += [D.Row(t, None, 0, "davidson", "en", f"{split}-c{i}", split) for i, t in enumerate(CLEAN)]
    return out


@pytest.fixture(scope="module")
def split(tiny_scorer):
    return owned_tweets.owned_split(rows(), pipeline_proba(tiny_scorer.pipeline))


def test_both_figures_per_split_with_the_tweets_left_out(tiny_scorer, split, tmp_path):
    proba = pipeline_proba(tiny_scorer.pipeline)
    left = [r for r in rows() if r.split == D.TEST and owned_tweets.owned(r.text)]
    assert [r.text for r in left] == OWNED  # "you stupid bitch" is not read: that tweet stays in
    for name, which in owned_tweets.SPLITS:
        got = split[name]
        tweets = [r for r in rows() if r.split == which]
        y, p = np.asarray([r.abuse for r in tweets]), proba([r.text for r in tweets])[:, 1]
        keep = np.asarray([r.text not in OWNED for r in tweets])
        assert (got["n"], got["pos"], got["left_out"], got["left_out_pos"]) == (9, 6, 3, 3)
        assert got["roc_auc"] == round(roc_auc_score(y, p), 4)
        assert got["roc_auc_without_owned"] == round(roc_auc_score(y[keep], p[keep]), 4)
    card = metrics_for(eval_sets(rows(), tmp_path), proba, tiny_scorer.thresholds)  # the card's held-out figure
    davidson = next(m for m in card if m["set"] == "en abuse: Davidson tweets held-out")
    assert split["heldout"]["roc_auc"] == davidson["roc_auc"]


def test_stated_together_on_the_card_and_in_compare_never_in_the_verdict(split):
    lines = owned_tweets.owned_lines(split)
    assert len(lines) == 3 and "without the 3 tweets" in lines[1] and lines[2].startswith("- left out because")
    assert f"every tweet {split['heldout']['roc_auc']:.4f}" in lines[1]
    assert owned_section(split)[-3:] == lines and owned_section(None) == owned_section({}) == []
    snap = {"version": "v", "ja_suite": {"harmful": 1.0, "non_harmful": 1.0}, "ja_cases": {}, "written": {},
            "personal_info": {"precision": 1.0}, "heldout": [], owned_tweets.FIELD: split}
    worse = json.loads(json.dumps(snap))
    worse[owned_tweets.FIELD]["heldout"]["roc_auc_without_owned"] = 0.1
    text, passed = gate.format_comparison(snap, worse)
    assert passed and f"{split['heldout']['roc_auc_without_owned']:.4f} -> 0.1000" in text
    without = {k: v for k, v in snap.items() if k != owned_tweets.FIELD}  # a snapshot saved before session 54
    assert gate.format_comparison(without, snap)[1] and "owned reading" not in gate.format_comparison(without,
                                                                                                         without)[0]
