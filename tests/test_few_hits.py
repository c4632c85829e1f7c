"""A comment's few word-list hits are read without numpy calls sized for many (issue 13, bit-identical answers):
add_hit_counts adds hit_counts' counts into the signal row as `raw += counts` did, and _in_group picks the
in-group hits of a comment of at most _FEW_HITS hits from its ids by a set, as the numpy path picks them."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.encoded import _codes
from moderation.features import patterns as FP
from moderation.features import tables as FT
from moderation.features import words as FW
from moderation.features.signals import code_pass
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.kernels import counts as kernel_counts
from moderation.text.normalize import normalize

FUNCTIONAL = Path(__file__).parent / "functional"


@settings(deadline=None)  # the first example builds the word lists' tables and loads the kernels
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10 ** 6)), max_size=40),
       st.lists(st.integers(1, 60), max_size=6, unique=True), st.booleans(),
       st.lists(st.floats(-5, 5), min_size=len(FEATURE_NAMES), max_size=len(FEATURE_NAMES)))
@pytest.mark.slow
def test_hit_counts_added_in_the_kernel_are_the_row_plus_the_counts(hits, ends, worst, row):
    tables = FT._tables()
    starts = np.asarray([a for a, _k in hits], dtype=np.int64)
    cats = np.asarray([k % len(tables.tuples) for _a, k in hits], dtype=np.int32)
    ends = np.asarray(sorted(ends), dtype=np.int64)
    args = (starts, cats, ends, tables.info, tables.feat_at, tables.feat_idx, FP._COMBO_AT_ARRAY, FP._NEGATABLE_BITS,
            FP._IDX["insult_unaimed"], FP._IDX["profanity_unaimed"])
    counts, best = kernel_counts.hit_counts(*args, len(FEATURE_NAMES), worst)
    want = np.asarray(row)
    want += counts
    raws = np.zeros((2, len(FEATURE_NAMES)))
    raws[1] = row
    # a batch's row, as encode_batch passes it; the seven constants packed as the tables pack them
    assert kernel_counts.add_hit_counts(raws[1], starts, cats, ends, tables.counted, worst) == best
    assert raws[1].tobytes() == want.tobytes() and not raws[0].any()


def _hits(text: str):
    norm = normalize(text)
    hits = code_pass(_codes(norm))
    tables = FT._tables()
    return norm.text, hits.starts, hits.ends, tables.word_cat[hits.words], tables


def test_in_group_hits_picked_from_the_ids_are_those_numpy_picks(monkeypatch):
    """Every English probe text about the writer's own group or a slur's literal sense, and the same run together
    past _FEW_HITS hits: the same hits read, so the same categories, by either path."""
    texts = [json.loads(line)["text"] for name in ("en_ingroup_word_probe", "en_owned_probe", "en_reclaimed_probe")
             for line in (FUNCTIONAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [" ".join(texts[k:k + n]) for n in (12, 60) for k in range(0, len(texts), n)]
    turned = many = 0
    for text in texts:
        t, starts, ends, cats, tables = _hits(text)
        ids = cats.tolist()
        if tables.ingroup_ids.isdisjoint(ids):
            continue
        few = FW._in_group(t, starts, ends, cats, tables, ids)
        with monkeypatch.context() as m:
            m.setattr(FW, "_FEW_HITS", -1)  # numpy's pick, whatever the number of hits
            assert few.tobytes() == FW._in_group(t, starts, ends, cats, tables, ids).tobytes(), text
        turned += few.tolist() != ids
        many += len(ids) > FW._FEW_HITS
    assert turned >= 20 and many >= 1  # texts where a hit was read as the writer's own or literal; a long one
