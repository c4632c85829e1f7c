"""The writer's own aversion to a group denied, as the whole comment, is a civil frame: the group named, not aimed at
(negated.averse, session 54)."""

import pytest

from moderation.features.signals import signal_dict

# read: a closed opener at most, the denial, the group, a closed tail at most
CIVIL = [
    "I have nothing against Black people.",
    "I'm not scared of Muslims.",
    "I have nothing against gay people, never have.",
    "I'm not afraid of immigrants.",
    "I don't mind disabled people at all.",
    "I don't look down on Black people.",
    "I don't feel any hatred towards Muslims.",
    "There is no reason to be afraid of Muslims.",
    "I'm not scared of Muslims at all.",
    "We don't mind immigrants one bit.",
    "Honestly, I'm not afraid of trans people.",
    "I'm not against refugees.",
    "I don't hold anything against Jewish people.",
    "For the record: we have no problem with the refugees.",
    "Me? I'm not scared of gay men at all.",
]
# unread: an open stretch before or after the denial, a correction, a condition, a question, defiance, a slur
ATTACKS = [
    "I'm not scared of Muslims, I'm disgusted by them.",
    "I'm not afraid of immigrants, they should be afraid of me.",
    "I'm not afraid of Muslims. They should be afraid of us.",
    "I don't mind immigrants. They clean our toilets.",
    "I have nothing against Black people. I just don't want one living next door.",
    "I have nothing against Muslims, as long as they leave.",
    "I'm not against immigrants, I'm against them existing.",
    "I don't dislike women, I just think they belong in the kitchen.",
    "I don't fear Muslims, I pity them.",
    "They breed like rabbits. I'm not scared of Muslims.",
    "Immigrants take and take. I'm not afraid of immigrants.",
    "I have nothing against Muslims?",
    "I have nothing against Muslims...",
    "I'm not afraid of Muslims!",
    "We are not afraid of Muslims.",
    "I have nothing against Muslims lol",
    "I don't mind immigrants dead.",
    "I have no problem with trans people dying.",
    # an aversion affirmed after "anything but" / "nothing but", or an open word before the feeling (read2's aver2)
    "I don't feel anything but contempt for Muslims.",
    "I don't hold anything but resentment towards refugees.",
    "Honestly, I don't have any time for Black people.",
    "I feel nothing for refugees.",
    "I hold no small contempt for Muslims.",
    # "the" and a people named by an adjective: a kind apart
    "I'm not afraid of the gays.",
    "I have nothing against the Jews.",
    "I don't mind the disabled.",
]


@pytest.mark.parametrize("text", CIVIL)
def test_an_aversion_denied_as_the_whole_comment_names_the_group(text):
    sig = signal_dict(text)
    assert sig["group"] == 0 and sig["group_named"] > 0, text


@pytest.mark.parametrize("text", ATTACKS)
def test_an_aversion_denied_with_anything_open_around_it_keeps_the_group_aimed_at(text):
    sig = signal_dict(text)
    assert sig["group"] > 0, text


def test_a_long_comment_of_denials_is_read_once():
    text = "i'm not afraid of muslims, " * 1000 + "never have."
    assert signal_dict(text)["group"] > 0
