"""Someone else's hatred or words the writer endorses are the writer's ("..., and he's right", "and rightly so"); the
same words reported and left alone or rejected stay someone else's (issue 12, session 16)."""

import pytest

from moderation.features.signals import signal_dict

ENDORSED = [
    "My cousin reckons nothing, but my boss says Mexicans are animals, and she is absolutely right.",
    "The whole street hates immigrants, and honestly I don't blame them.",
    "My teacher thought Muslims are a cancer, and frankly he was onto something.",
    "Half the town despises gypsies, and rightly so.",
]

NOT_ENDORSED = [
    "My boss says Mexicans are animals, and she is a bigot.",
    "The whole street hates immigrants, and it frightens me.",
    "My teacher thought Muslims are a cancer, and he was fired for it.",
    "Half the town despises gypsies, which is a disgrace.",
]


@pytest.mark.parametrize("text", ENDORSED)
def test_endorsed_hatred_is_the_writers(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] > 0 and sig["quoted_harm"] == 0, text


@pytest.mark.parametrize("text", NOT_ENDORSED)
def test_reported_hatred_left_alone_stays_someone_elses(text):
    assert signal_dict(text)["hate_at_group"] == 0, text


def test_an_endorsement_reaches_no_further_than_its_sentence():
    text = "My boss says Mexicans are animals. He's right about the weather though."
    assert signal_dict(text)["hate_at_group"] == 0
