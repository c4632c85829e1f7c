"""model.hatecheck_gaps: the ROC-AUC a functionality would add if separated, on made-up scores (no HateCheck case)."""

import numpy as np
import pytest

from model.hatecheck_gaps import gaps


def test_a_functionality_ordered_right_has_no_gap_and_one_ordered_wrong_has_all_of_it():
    hateful = np.asarray([1, 1, 1, 0, 0, 0, 0], dtype=bool)
    abuse = np.asarray([0.9, 0.8, 0.7, 0.1, 0.2, 0.95, 0.85])  # the two negated outrank hateful cases: AUC 7/12
    funcs = ["attack_h", "attack_h", "attack_h", "calm_nh", "calm_nh", "negated_nh", "negated_nh"]
    found = gaps(hateful, abuse, abuse >= 0.5, funcs)
    assert found["negated_nh"]["if_perfect"] == pytest.approx(5 / 12, abs=1e-4)  # 7/12 -> 1
    assert found["calm_nh"]["if_perfect"] == found["calm_nh"]["if_halved"] == 0
    assert 0 < found["negated_nh"]["if_halved"] <= found["negated_nh"]["if_perfect"]
    assert {k: found["negated_nh"][k] for k in ("n", "flagged", "mean_abuse")} == {"n": 2, "flagged": 1.0,
                                                                                   "mean_abuse": 0.9}
