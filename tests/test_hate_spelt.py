"""A hate statement spelt as comments spell it (session 34): "can't" without its apostrophe ("i cant stand [group]") is
read as the apostrophe's (moderation.targets.hate_en); "sub-human" with a hyphen is not (said of treatments too)."""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", [
    "Honestly I cant stand Hindus and their smug faces.",
    "We cant bear migrants on our street.",
])
def test_spelt_hate_is_read(text):
    sig = signal_dict(text)
    assert sig["hate_statement_en"] > 0 and sig["hate_at_group"] > 0


@pytest.mark.parametrize("text", [
    "I cant bear to watch the news from Gaza any more.",
    "The sub human rights committee meets on Tuesday.",
    "The way this government treats migrants is sub-human.",
    "The new stadium was sub-par and the fans cant stand in the rain for hours.",
    "We cant stand by while Sudanese families starve.",  # read2 s34: refusing to look on
    "We can't stand idly by and watch refugees drown.",
])
def test_civil_spellings_are_no_hate(text):
    assert signal_dict(text)["hate_at_group"] == 0
