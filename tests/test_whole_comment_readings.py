"""Session 55's four whole-comment readings (train s54's binding cases): each reads its class only when the comment
is nothing else, and leaves every twin that aims the same shape at someone as before."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.denied import whole_denial
from moderation.targets.exclaimed import exclaimed_spans
from moderation.targets.owned import owned_spans
from moderation.targets.reported import reported_spans
from moderation.text.normalize import normalize


def _norm(text: str) -> str:
    return normalize(text).text


# a mild oath at a thing or the weather that harms the writer's own things: the oath's n-grams hashed apart
OATH_AT_A_THING = [
    ("Bloody hell, this heatwave is killing my tomatoes.", "bloody hell"),
    ("Damn it, the frost has killed my dahlias.", "damn it"),
    ("Crikey, this heat is frying my seedlings.", "crikey"),
    ("Bloody hell, the slugs have eaten all my lettuces again.", "bloody hell"),
]
OATH_AT_SOMEONE = [
    "Bloody hell, you are killing my tomatoes.",
    "Bloody hell, this idiot is killing my tomatoes.",
    "Bloody hell, the immigrants are killing my town.",
    "Bloody hell, the gypsies have eaten all my lettuces.",
    "Bloody hell, this heatwave is killing my tomatoes, you stupid bitch.",
    "Bloody hell, this heatwave is killing my tomatoes. Kill yourself.",
    "Bloody hell, this heatwave driver is killing my tomatoes.",
    "Damn you, the heatwave is killing my tomatoes.",
    # a slur or group word as the thing's describing word (read2's e55b, s55)
    "Damn it, the paki cars are wrecking my hedge.",
    "Bloody hell, that paki house is ruining my garden.",
    "Damn it, that nigger song is ruining my weekend.",
]


def test_a_swear_word_inside_the_oath_reading_is_still_read():
    t = _norm("Bloody hell, this fucking weather is killing my tomatoes.")
    assert [t[a:b] for a, b in exclaimed_spans(t, set(t))] == ["bloody hell", "fucking"]


@pytest.mark.parametrize(("text", "oath"), OATH_AT_A_THING)
def test_a_mild_oath_at_a_thing_as_the_whole_comment_is_exclaimed(text, oath):
    t = _norm(text)
    assert [t[a:b] for a, b in exclaimed_spans(t, set(t))] == [oath]


@pytest.mark.parametrize("text", OATH_AT_SOMEONE)
def test_a_mild_oath_with_anyone_in_the_comment_is_not(text):
    t = _norm(text)
    assert exclaimed_spans(t, set(t)) == []


# a sign-off's own slur, with time running out for the writer's own thing to the comment's end
OWN_FATE = [
    "Regards, one out dyke on the council, and the clock is ticking for my retirement.",
    "Signed, one tired queer in the village, and the clock is ticking for my pension.",
    "Regards, one out dyke on the council, and time is nearly up on my lease.",
]
FATE_OF_OTHERS = [
    "Regards, one out dyke on the council, and the clock is ticking for her.",
    "Regards, one out dyke on the council, and the clock is ticking for her retirement.",
    "Signed, one tired queer in the village, and the clock is ticking for my neighbour.",
    "Regards, one out dyke on the council, and the clock is ticking for my retirement, and for hers.",
    "Regards, one out dyke on the council, and the clock is ticking for my retirement. Yours is next, bitch.",
]


@pytest.mark.parametrize("text", OWN_FATE)
def test_a_sign_off_with_the_writers_own_time_running_out_owns_its_slur(text):
    t = _norm(text)
    assert len(owned_spans(t)) == 1


@pytest.mark.parametrize("text", FATE_OF_OTHERS)
def test_a_sign_off_with_anyone_elses_time_running_out_does_not(text):
    t = _norm(text)
    assert owned_spans(t) == []


# a stereotype denied, and a bad claim asked after and answered by no one: the group named, not aimed at
DENIED = [
    "I don't regard Gypsies as thieves, since the family next door has never taken a thing.",
    "I don't regard Romanians as thieves.",
    "I would never describe immigrants as criminals, because my colleagues have never given us any trouble.",
    "Who says gypsies are disgusting? Nobody I know.",
    "Who says refugees are criminals? No one sensible.",
    "Who thinks Muslims are terrorists? Not me.",
]
NOT_DENIED = [
    "I don't regard Gypsies as thieves, since they're usually too drunk to steal anything.",
    "I don't regard Gypsies as thieves, since the family next door has never been caught.",
    "I don't regard Gypsies as thieves, since the family next door has never taken a thing, yet.",
    "I don't regard Gypsies as thieves, since the family next door has never taken a thing. They just beg.",
    "I don't regard Gypsies as thieves, I regard them as vermin.",
    "I don't regard the gypsies as thieves, since the family next door has never taken a thing.",
    "I regard Gypsies as thieves, since the family next door has taken everything.",
    "Who says gypsies are disgusting? Everyone I know.",
    "Who says gypsies are disgusting? Nobody, they're filthy.",
    "Who says gypsies are disgusting? Nobody I know. They're vermin.",
    "Who says Muslims aren't terrorists? Nobody sensible.",
    "Who says refugees are welcome here? Nobody.",
    "I don't regard Jews as greedy, since my neighbours have always been generous.",
    "Who says gypsies should be gassed? Nobody I know, but they should.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_whole_comment_denial_names_the_group(text):
    t = _norm(text)
    assert whole_denial(t) and reported_spans(t, set(t)) == []
    sig = signal_dict(text)
    assert sig["group"] == 0 and sig["group_named"] > 0, text


@pytest.mark.parametrize("text", NOT_DENIED)
def test_anything_open_around_the_denial_reads_none(text):
    assert whole_denial(_norm(text)) == []


def test_a_long_comment_is_read_once():
    for text in ("who says gypsies are disgusting? " * 2000 + "nobody i know.",
                 "i don't regard gypsies as thieves, " * 2000 + "since the family next door has never taken a thing."):
        assert whole_denial(_norm(text)) == []
