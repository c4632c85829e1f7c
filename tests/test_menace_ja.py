"""Japanese menace read by its construction (session 42): the addressed person told on, their name kept for later,
a wish quoted without marks; each against the civil sentence of the same words."""

import pytest

from moderation.features.signals import signal_dict

# our own sentences, not the suites': each menace and its civil twin
MENACE = [
    "お前の会社に今日のこと全部電話してやる",
    "てめえの親に通報してやろうか",
    "あんたの名前、しっかり覚えたぞ",
    "覚えといてやるからな、貴様の顔",
]
CIVIL = [
    "俺から会社に電話しといてやるよ、ゆっくり休め",
    "親に電話してあげたら喜んでたよ",
    "あんたの名前、しっかり覚えたよ。また遊ぼう",
    "この歌詞、覚えといてやるからまた教えて",
    "具合悪いなら、お前のバイト先には俺から電話しといてやる",  # done in advance for them
    "お前の親に連絡してやるから、ここで座って待ってな",  # a reason for what follows
    "こいつの名前、覚えたぞ。いつか大物になる",  # a third person admired
]


@pytest.mark.parametrize("text", MENACE)
def test_menace_at_the_addressed_person_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0


@pytest.mark.parametrize("text", CIVIL)
def test_the_same_words_in_care_or_a_favour_are_not(text):
    assert signal_dict(text)["threat_ja"] == 0


@pytest.mark.parametrize("text, quoted", [
    ("移民は出ていけ、と書いた人が訴えられた", True),  # a wish quoted without marks, condemned
    ("移民は出ていけと投稿した奴は最低だ", True),
    ("移民は出ていけ、と書いた人は正しい", False),  # the writer calls it right: the writer's own
    ("移民は出ていけ、と書いといた。明日も書く", False),  # the writer's own act
    ("二度と投稿するな、出ていけ", False),  # an adverb's と: the writer's own order
    ("また適当なこと書いてる、出ていけ", False),  # こと: no quotation
])
def test_a_wish_quoted_without_marks_is_reported(text, quoted):
    got = signal_dict(text)
    assert (got["quoted_harm"] > 0) is quoted
    assert (got["expel"] > 0) is not quoted
