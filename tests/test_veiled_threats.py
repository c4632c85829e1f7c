"""A threat with no harm verb is read as a threat only with the writer as its source; the same shape that threatens
nobody (a concern, the writer's own safety, a thing, a queue) is not."""

import pytest

from moderation.features.signals import signal_dict

VEILED = [
    "Your kids will never be safe at that school again, I swear.",
    "No Polish family on this road is safe from us.",
    "Those Kurds won't be safe after what we do on Friday.",
    "It would be a pity if anything happened to your shop.",
    "Journalists like you have a habit of going missing.",  # not read: no listed end ("have accidents", "disappear")
    "Men like him end up in a ditch around here.",
    "Count the days you've got left, grass.",
    "He'll get what's coming to him.",
    "Keep talking. You're next.",
]
READ = [True, True, True, True, False, True, True, True, True]

NOT_THREATS = [
    "Your kids will never be safe at that crossing without a lollipop lady.",
    "No family on this road is safe from the floods.",
    "I won't feel safe until we get a new lock.",
    "We're never safe when we cycle on that road.",
    "Your secret is safe with me.",
    "It would be a pity if anything happened to the old mill.",
    "Shops like this end up empty around here.",
    "Count the days you've got left until the holidays.",
    "Nobody knows what's coming in the budget.",
    "You're next in the queue for the doctor.",
]


@pytest.mark.parametrize(("text", "read"), list(zip(VEILED, READ, strict=True)))
def test_a_veiled_threat_with_the_writer_as_its_source_is_a_threat(text, read):
    assert (signal_dict(text)["threat_en"] > 0) is read, text


@pytest.mark.parametrize("text", NOT_THREATS)
def test_the_same_shape_threatening_nobody_is_not(text):
    assert signal_dict(text)["threat_en"] == 0, text
