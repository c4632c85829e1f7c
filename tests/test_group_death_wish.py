"""A death wished on a group by identity is a hateful statement about the group, as a wish that it vanish is.

Session 33 (issue 12, ja): 在日は全員死ね and 在日なんか全員死ねばいいのに fired group_attack only (no
hate_statement_ja), and a 0.3 trial fit read them as harassment (0.53 and 0.63) rather than hate, while
在日はまとめて消えろ was hate 0.95. War reporting (死ねと命じられている), a death told (死んでしまった) and a wish
denied (死んでほしいなんて誰も) stay.
"""

import pytest

from moderation.features.signals import signal_dict

WISHED = ["在日は全員死ね", "朝鮮人は一人残らず死ね。", "ロシア人は死ねばいい", "在日なんか全員死ねばいいのに",
          "ロシア人はみんな死んでくれ"]


@pytest.mark.parametrize("text", WISHED)
def test_a_death_wished_on_a_group_is_a_hateful_statement(text):
    signals = signal_dict(text)
    assert signals["hate_statement_ja"] > 0
    assert signals["hate_at_group"] > 0


TOLD = ["ロシア人兵士は死ねと命じられている", "ロシア人の兵士が大勢死んでしまった",
        "在日の人たちに死んでほしいなんて誰も思ってない", "ウクライナ人もロシア人も、戦争で死んでほしくない",
        "北朝鮮の人たちは飢えて死ねというのか", "在日に死ねと言う奴は最低だ", "ロシア政府は死ね"]


@pytest.mark.parametrize("text", TOLD)
def test_a_death_reported_denied_or_wished_on_a_state_is_no_hateful_statement(text):
    assert signal_dict(text)["hate_statement_ja"] == 0


# 死ねば is a condition, not the order 死ね (read2 s34): a group's death supposed, or wished by others and denied
CONDITION = ["移民が死ねば人手不足はもっとひどくなる", "在日の人が死ねば済むなんて話じゃない",
             "中国人が死ねばいいなんて思う人は少数だ"]


@pytest.mark.parametrize("text", CONDITION)
def test_a_death_supposed_is_no_order(text):
    assert signal_dict(text)["hate_statement_ja"] == 0


# the wish reported without brackets or paraphrased back (read2 s34): a particle before the comma, コメント or ツイート,
# みたいな / などの, ってことか; the writer's own wish with a particle and a comma still reads
REPORTED = ["朝鮮人は死ね、とツイートした男が書類送検された", "在日は出ていけよ、と落書きした少年が補導された",
            "中国人は消えろ、みたいなコメントは削除してほしい", "外国人は死ねばいいってことか、この法案は"]


@pytest.mark.parametrize("text", REPORTED)
def test_a_wish_reported_or_asked_back_is_no_hateful_statement(text):
    assert signal_dict(text)["hate_statement_ja"] == 0


@pytest.mark.parametrize("text", ["在日は全員死ねよ、マジで", "韓国人は出ていけよ、ほんとに"])
def test_the_writers_wish_with_a_particle_still_reads(text):
    assert signal_dict(text)["hate_statement_ja"] > 0
