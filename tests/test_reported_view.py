"""A view the writer names as someone else's and judges (…なんて考えるのは狂ってる, …と思ってる奴, …みたいな発言) is
reported, not held: its group and its wish are not the writer's attack.

Session 35 (issue 12, ja): 在日の人が死ねば解決するなんて考えるのは狂ってる。 was held (0.387 with 2026.12.04-7):
なんて考える, と思う人 and みたいな発言 opened no reported words, as なんて言う and と言う奴 did. The writer's own view
(…と思うのは俺だけか, …と思うのは当然) and 〜なんて said of the group itself (外国人なんて思いやりがない) still read.
"""

import pytest

from moderation.features.signals import signal_dict

JUDGED = ["在日の人が死ねば解決するなんて考えるのは狂ってる。", "外国人は出ていけなんて思ってる奴がいるのが怖い",
          "中国人は死ねと思う人がいるのが悲しい", "韓国人は消えろ、みたいな書き込みは許せない",
          "障害者はいらないと言うやつは最低だ", "移民は全員追い出せとか考える連中とは話が合わない"]


@pytest.mark.parametrize("text", JUDGED)
def test_a_view_judged_as_someone_elses_is_no_attack(text):
    signals = signal_dict(text)
    assert signals["hate_statement_ja"] == 0
    assert signals["group_attack"] == 0
    assert signals["hate_at_group"] == 0


HELD = ["在日は出ていけと思うのは俺だけか", "在日は出ていけと思うのは当然だ",
        "外国人なんて思いやりのない連中だ。出ていけ",
        # read2 (session 35): the view's holder judged right is the writer agreeing
        "中国人は出ていけと思ってる人、正しいよ", "在日は消えろと言うやつの言う通りだと思う",
        "外国人は出ていけと考える連中が増えるのも無理はない"]


@pytest.mark.parametrize("text", HELD)
def test_the_writers_own_view_still_reads(text):
    signals = signal_dict(text)
    assert signals["hate_statement_ja"] + signals["group_attack"] > 0


# a comment likened to a thing is the writer's insult, not a wish cited (…、みたいな書き込み)
@pytest.mark.parametrize("text", ["ゴミみたいなコメントしかしないお前は消えろ",
                                  "クズみたいな投稿ばかりするお前はバカだ"])
def test_a_comment_likened_to_an_insult_stays_the_writers(text):
    signals = signal_dict(text)
    assert signals["insult_at_person"] > 0
    assert signals["quoted_harm"] == 0
