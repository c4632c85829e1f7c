"""A harm called for on people (session 32): a beating, an attack or a hurt as well as a death, on a people named by
its demonym as on a listed group, a person or a role; not a hurt said of a game, a bill or the writer's own side,
and not denied."""

import pytest

from moderation.features.signals import signal_dict

CALLED = [
    "Latinos deserve to be attacked.",
    "The Guatemalans in this town deserve to get hurt.",
    "Cubans should be beaten up until they leave.",
    "Tamils deserve to be tortured.",
    "My neighbours deserve to be hurt for what they did.",
    "Those Hondurans deserve a proper beating.",
    "Immigrants should all die.",  # the calls read before stay read
    "He deserves to be shot.",
    "Muslims deserve to be attacked for their beliefs.",
    # the second read (session 32): a bare noun after "for their" is no venue that makes it criticism
    "Journalists deserve to be beaten for their words.",
    "Muslims deserve to be attacked for their views.",
]
NOT_CALLED = [
    "Kids should get hurt less at school.",  # "get" only after "deserve to"
    "We deserved a beating after that display.",  # the writer's own side at a game
    "The bill deserves a kicking in the Lords.",  # a thing
    "Nobody deserves to be attacked for their accent.",  # denied
    "Latinos deserve to be listened to.",
    "The Serbs in my street deserve a medal.",
    "The minister deserves to be attacked for this budget.",  # criticism, defeat: the press, a record, the polls
    "The MP deserves to be beaten at the next election.",
    "Those players deserve to be hurt by this defeat.",
    # the second read (session 32): after "must"/"should" a hurt is a guess at feelings or a state, not a call
    "You must be hurt, are you okay?",
    "His family must be hurt by these comments.",
    "Those guys must be stoned, look at them.",
    "Kids should be hurt less often in youth rugby.",
    "The players must be battered after extra time.",
]


@pytest.mark.parametrize(("text", "called"), [(t, True) for t in CALLED] + [(t, False) for t in NOT_CALLED])
def test_a_harm_is_called_for_only_on_people(text, called):
    assert (signal_dict(text)["threat_en"] > 0) is called, text


@pytest.mark.parametrize("text", ["Latinx students marched on Friday.", "Serbs and Croats played in the final.",
                                  "The Hmong families on our road grow the best beans.",
                                  "Maori singers opened the ceremony."])
def test_more_peoples_are_named(text):
    assert signal_dict(text)["group_named"] > 0, text


@pytest.mark.parametrize("text", ["The dog is in this town.", "Hang your coats on the hook.", "Heads or tails?"])
def test_a_new_people_is_no_spelling_of_a_common_word(text):
    assert signal_dict(text)["group_named"] == 0, text
