"""A death wished on a person or group with no harm verb ("I want that judge dead") is a threat; the same frame on a
thing, a harmless predicate, a bare "them" that may be a thing, or a denied wish is not."""

import pytest

from moderation.features.signals import signal_dict

WISHED = [
    "I want that referee dead.",
    "We'd love to see every Somali on this estate six feet under.",
    "I just wish the whole family was dead.",
    "Honestly I can't wait to see all the queers in this city exterminated.",
    "I'd rather see every last one of them dead than living here.",
    "I want the mayor and his cronies hanged.",
]

NOT_WISHED = [
    "I want that referee sacked.",
    "We'd love to see every Somali on this estate vote in May.",
    "I want that project dead and buried.",
    "I want them strung up along the porch by Friday.",
    "I don't want anyone dead, I want them in court.",
    "I want you dead serious about the deadline.",
    "I'd love to see the weeds by the fence wiped out.",
]


@pytest.mark.parametrize("text", WISHED)
def test_a_death_wished_on_a_person_or_group_is_a_threat(text):
    assert signal_dict(text)["threat_en"] > 0, text


@pytest.mark.parametrize("text", NOT_WISHED)
def test_the_same_frame_on_a_thing_or_a_harmless_wish_is_not(text):
    assert signal_dict(text)["threat_en"] == 0, text
