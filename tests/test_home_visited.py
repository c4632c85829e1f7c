"""A home gone to is a threat only as someone's targeted home, not a compound's (本家, 実家) or kin's and friends'.

Session 35 (issue 12, ja): 家(に|まで)(行く|行って|押しかけ) matched inside 本家に行って, 実家に行って and
友達の家に行く, so a validation chat line (…普段なら本家に行ってという感じです) fired threat_ja and, at threat
0.42-0.47 in the 0.3 trial fits, was the row the abuse review threshold (the 99.9% quantile of 3,367 lines) sat on.
"""

import pytest

from moderation.features.signals import signal_dict

CIVIL = ["お盆は本家に行って墓参りをする", "週末は実家に行ってのんびりした", "孫が祖父母の家に行くのを楽しみにしてる",
         "友達の家に行ってゲームした", "空き家に行ってみたら荒れていた"]


@pytest.mark.parametrize("text", CIVIL)
def test_a_visit_home_to_kin_or_a_compound_is_no_threat(text):
    assert signal_dict(text)["threat_ja"] == 0


MENACE = ["お前の家まで行くからな", "あいつの家に押しかけてやる", "コメ主の家に行って文句言うわ",
          "家まで行ってやるから待っとけ",
          # read2 (session 35): the targeted person's family home, or their people's, with the target named
          "てめえの実家まで押しかけてやるよ", "そいつの彼氏の家に行って全部ばらす", "コメ主の親の家まで行くわ"]


@pytest.mark.parametrize("text", MENACE)
def test_a_targeted_home_gone_to_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0
