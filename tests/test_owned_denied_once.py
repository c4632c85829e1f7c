"""owned.py reads a text's denials once, however many friendly addresses it holds, and builds its person words from
the word lists, not from the threats' module (session 32 clean-ups; answers unchanged)."""

import ast
from pathlib import Path

from moderation.targets import openings, owned, threat_en, threat_ja, threats, warm_address
from moderation.targets.owned import OWN, owned_spans, reading
from moderation.text.normalize import normalize_text
from moderation.wordlists.addressees import EN_PEOPLE, PEOPLE_EN

WARM = ("Love you, bitch. Miss you bitch, see you at the match. Congrats on the new job, bitch! "
        "Happy birthday bitch, thirty suits you. Thanks for the lift, bitch.")


def test_a_texts_denials_are_read_once_for_all_its_friendly_addresses(monkeypatch):
    calls = []
    real = warm_address.denied_spans
    monkeypatch.setattr(warm_address, "denied_spans", lambda t, *a, **k: calls.append(t) or real(t, *a, **k))
    warm_address._denied.cache_clear()
    reading.cache_clear()
    text = normalize_text(WARM)
    spans = owned_spans(text)
    assert [text[a:b] for a, b in spans] == ["bitch"] * 5  # each read as the friends' own word
    assert all(reading(text, a, b) == OWN for a, b in spans)
    assert len(calls) == 1  # one scan of the whole text, not one per address


def test_denials_still_end_the_friendly_reading():
    text = normalize_text("Nobody will miss you, bitch. I didn't love you, bitch.")
    warm_address._denied.cache_clear()
    reading.cache_clear()
    assert owned_spans(text) == []


def test_the_person_words_are_one_alternation_from_the_word_lists():
    assert EN_PEOPLE.split("|")[0] == PEOPLE_EN[0] and len(EN_PEOPLE.split("|")) == len(PEOPLE_EN)
    for module in (owned, openings):
        source = Path(module.__file__).read_text(encoding="utf-8")
        imported = {n.module for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ImportFrom)}
        # the slur reading needs nothing of the threats' patterns
        assert imported.isdisjoint({threats.__name__, threat_en.__name__, threat_ja.__name__})
    assert openings.PERSON_AFTER.match(" neighbour") and openings.PERSON_AFTER.match(" of a landlord")
