"""A group named in a civil frame (praised, an attack on it denied) is named, not aimed at: group_named, not group."""

import pytest

from moderation.features.signals import signal_dict

# the civil frame: praise of the group (no negation, no harm in the sentence) or an attack the writer denies
CIVIL = [
    "Refugees in our parish deserve every kindness.",
    "Trans people on this estate are generous neighbours.",
    "Disabled people in this town deserve our support.",
    "We should be proud of the immigrants who staff the night shift.",
    "Muslims here have every right to build their mosque.",
    "I don't hate gay people, never have.",
    "No one should hurt the refugees on our street.",
    "We don't hate the immigrants here.",
    "Women here aren't stupid and never were.",
    "Gay people on our road aren't vermin.",
    "Nobody here thinks trans people are vermin.",
    # a denial followed by care for the group, which takes nothing back (session 44)
    "I don't hate refugees, I just want them to get decent housing.",
    "I don't hate gay people. I simply want them to feel safe at school.",
    "We don't hate Muslims, we just want the council to fix the mosque's roof.",
    "I don't hate trans people, I hate that they're bullied at school.",
    "I don't hate immigrants, but I do think they deserve better.",
]
# their twins: the praise withheld or outdone, the attack asserted, a harm beside the praise
ATTACKS = [
    "Refugees in our parish deserve no kindness.",
    "Trans people on this estate are generous neighbours, said nobody ever.",
    "Disabled people in this town deserve no support at all.",
    "We should be proud of the immigrants who drowned on the way here.",
    "Muslims here are vermin.",
    "I hate gay people, always have.",
    "Immigrants are never anything but a burden.",
    "Black people don't think, they just riot.",
    "Immigrants can't help being lazy.",
    "Women here are never not stupid.",
    "There isn't a single immigrant here who isn't a thief.",
    "I won't pretend gay people on our road aren't disgusting.",
    "Gay people on our road aren't vermin, they are lazy.",
    "Everybody here thinks trans people are vermin.",
    "I don't want Muslims anywhere near my kids.",
    # a negation that makes the group the standard of a comparison, or asks for what it seems to deny
    "Nobody is more dangerous than the immigrants on our street.",
    "No one on this estate is as lazy as the gypsies.",
    "Nobody is dumber than women.",
    "Why don't we deport the refugees in our parish?",
    "Why aren't the immigrants here deported?",
    "Nobody hates the refugees here, but they can't stay.",
    "Nobody on this estate is violent apart from the immigrants.",
    "Refugees in our parish deserve every kindness, the vicar says. They are parasites.",
    "Trans people on this estate aren't safe around me.",
    "Muslims are generous neighbours but lazy thieves.",
    "Refugees in our parish deserve every kindness, and a one-way ticket home.",
    "Immigrants here are welcome as long as they know their place.",
    "Trans people on this estate are brilliant nurses and that is all they are good for.",
    # a denial taken back by a restriction or contempt, or by care withdrawn or made a going
    "I don't hate refugees, I just want them on a boat home.",
    "I don't hate gay people. I simply want them kept away from schools.",
    "I don't hate Muslims, I just want them to respect our laws.",
    "I don't hate trans people, I hate that they're allowed near my kids.",
    "I don't hate immigrants, I just want them to be happy in their own countries.",
    "I don't hate refugees, I just want them safe and gone.",
    "I don't hate gay people, I just want them to feel safe in hell.",
    "I don't hate Jews, I just want them to feel at home in Israel.",
    "I don't hate Muslims, I hate that they're not deported.",
    "I don't hate immigrants, I just want them treated fairly, like the criminals they are.",
    # the care followed by a place away, a degree that inverts it, a purpose or a menace (read2, s44)
    "I don't hate refugees, I just want them to be happy across the Channel.",
    "I don't hate gay people, I'm just sad that they get beaten up so rarely.",
    "I don't hate refugees, I think they deserve a chance to pack their bags.",
    "I don't hate gay people, I just want them to feel safe walking home, where we'll be waiting.",
]


@pytest.mark.parametrize("text", CIVIL)
def test_a_group_in_a_civil_frame_is_named_not_aimed_at(text):
    sig = signal_dict(text)
    assert sig["group"] == 0 and sig["group_named"] > 0, text


@pytest.mark.parametrize("text", ATTACKS)
def test_a_group_attacked_or_praised_with_a_harm_stays_aimed_at(text):
    sig = signal_dict(text)
    assert sig["group"] > 0, text


def test_an_attack_anywhere_in_the_text_keeps_every_group_aimed_at():
    sig = signal_dict("Refugees in our parish deserve every kindness. Muslims here are vermin.")
    assert sig["group"] > 1 and sig["group_named"] == 0


def test_a_japanese_group_word_keeps_its_reading():
    before = signal_dict("外国人の皆さんにはいつも助けられています。")
    assert before["group"] > 0
