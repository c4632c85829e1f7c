"""A Tail's places (where its tail matches) from the code pass (moderation/needles/tails.py: issue 13, bit-identical):
each Tail has a StartIndex slot for its tail's start strings, and tried there (a position once) the places, the
candidates and the matches are those of the places' own scan, on the Japanese and English probes' texts, text naming
groups in every sentence, praise denied to one-word subjects, calls for a death, calls for a removal, disgust felt at
a sentence's subject and text spelled from the heads' and tails' pieces."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.scoring import GROUP_PIECES
from moderation.encoded import _codes
from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles.tails import Sentence, Tail
from moderation.targets import constructions as TC
from moderation.targets import hate_en as TH
from moderation.text.normalize import normalize
from tests.test_needles import _JA_HEAD_TAIL_PIECES

TAILS = [g for split in FP._SPLIT.values() for g in split.guards if type(g) is Tail]
FUNCTIONAL = Path(__file__).parent / "functional"


def _same(text: str) -> int:
    """The places, candidates and matches of every Tail with and without the code pass; how many places."""
    text = normalize(text).text
    hits = code_pass(_codes(normalize(text)))
    places = 0
    for tail in TAILS:
        scanned = [m.start() for m in tail.places.finditer(text)]
        assert tail._places(text, hits) == scanned, text
        assert tail.candidates(text, hits) == tail.candidates(text), text
        assert [m.span() for m in tail.finditer(text, at=hits)] == [m.span() for m in tail.pattern.finditer(text)]
        places += len(scanned)
    for whole, split in ((TC.HATE_JA, FP._SPLIT[TC.HATE_JA]), (TC.THREAT_EN, FP._SPLIT[TC.THREAT_EN]),
                         (TC.HATE_EN, FP._SPLIT[TC.HATE_EN])):
        assert [m.span() for m in split.finditer(text, normalize(text).chars, FP._NEEDLES.found(text), hits)] == [
            m.span() for m in whole.finditer(text)]
    return places


def test_every_tail_has_a_slot_of_its_tails_start_strings():
    assert len(TAILS) == len(TC.HATE_JA_TAILS) + len(TC.HATE_EN_TAILS) + len(TC.THREAT_EN_TAILS) >= 8
    for tail in TAILS:
        assert tail.slot is not None and tail.begins
        keys = FP._STARTS.automaton.keys
        slots = {keys[w] for w in range(len(keys))
                 if tail.slot in FP._STARTS.slot_of[FP._STARTS.slot_at[w]:FP._STARTS.slot_at[w + 1]].tolist()}
        assert slots == tail.begins


@pytest.mark.slow  # 2.1 s of CI (idle), 12 s of a loaded fast suite
def test_the_japanese_probes_and_text_naming_groups():
    texts = [json.loads(line)["text"] for path in sorted(FUNCTIONAL.glob("ja_*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["".join(GROUP_PIECES) * 8, "".join(texts[:40])]
    assert sum(_same(text) for text in texts) >= 50  # texts where a tail matches: the places are read there


def _denied_praise() -> list[str]:
    """Praise denied to a subject of one word (hate_en's one-word head): subjects the pattern refuses (i, we're),
    words of 20 and 21 letters, apostrophes, no space or two, run together and after another word."""
    subjects = ("they", "muslims", "i", "we're", "you’re", "o'neil", "x’s", "a", "abcdefghijklmnopqrst",
                "abcdefghijklmnopqrstu", "iris", "which")
    denials = ("are not", "aren't", "is never", "won’t be", "can never be", "has not been", "never are", "are")
    out = [f"{who}{gap}{deny}{more} {what}" for k, who in enumerate(subjects) for deny in denials
           for gap, more, what in ((" ", "", "honest"), ("  ", " really", "good at it"), ("", " at all", "equals"))
           [k % 3:k % 3 + 2]]
    return [*out, " ".join(out[:50]), ". ".join(out[50:]), "".join(out[::7])]


@pytest.mark.slow  # 5.8 s of CI (idle), 35 s of a loaded fast suite
def test_the_english_probes_and_praise_denied_to_one_word():
    texts = [json.loads(line)["text"] for path in sorted(FUNCTIONAL.glob("en_*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    part = TC.HATE_EN_PARTS[next(iter(TC.HATE_EN_TAILS))]
    matched = 0
    for text in texts + _denied_praise():
        _same(text)
        matched += part.search(normalize(text).text) is not None
    assert matched >= 60  # the one-word head's matches are read, not only texts without them


def _calls_for_a_death() -> list[str]:
    """Calls for a death (threat_en's Subject head): one-word, hyphenated and several-word subjects after a space, a
    bracket, a quote, a digit or a capital, or none (the text's start), then 0-6 words (of 20 and 21 letters, a
    negation, a verb of saying, capitals, a comma, two spaces) before the call; subjects the pattern refuses (the
    policy on, for the), words that only end like one (mothers, whoever), and a call with none before it."""
    subjects = ("they", "muslims", "white people", "african americans", "one of them", "co-workers", "policemen",
                "churches", "he", "who", "mothers", "whoever", "the")
    before = ("", " ", "(", '"', "3", "A", "the policy on ", "for the ", "i think ", "my uncle says ")
    gaps = ((), ("all",), ("who", "come", "here"), ("abcdefghijklmnopqrst",), ("abcdefghijklmnopqrstu",),
            ("in", "this", "town", "really", "truly"), ("in", "this", "town", "really", "truly", "now"), ("not",),
            ("said",), ("ALL",), ("co-workers",), ("at", "the", "stop,"))
    calls = ("should die", "must be shot", "need to be hurt", "deserves a beating", "ought to die", " should die",
             "should be beaten at the polls", "deserve to get hurt less")
    out = [f"{b}{who}{''.join(' ' + w for w in gap)} {call}" for k, who in enumerate(subjects)
           for j, b in enumerate(before) for gap in gaps[(k + j) % 3::3] for call in calls[(k + j) % 2::2]]
    return [*out, "should die", " ".join(out[:40]), ". ".join(out[40:80])]


@pytest.mark.slow  # 3.2 s of CI (idle), 19 s of a loaded fast suite
def test_calls_for_a_death_read_back_from_the_call():
    texts = _calls_for_a_death()
    part = TC.THREAT_EN_PARTS[next(iter(TC.THREAT_EN_TAILS))]
    matched = 0
    for text in texts:
        _same(text)
        matched += part.search(normalize(text).text) is not None
    assert len(texts) > 1000 and 300 <= matched < len(texts) - 300  # matches and misses both read


def _calls_for_a_removal() -> list[str]:
    """Calls for a removal (hate_en's Opened head): the call at the text's start, after a mark and no, one or two
    spaces, after each word of its opening (with all / just, one space or two) or one that only ends like one (band,
    'should, shoulds), after a letter or a digit; run together after a space, a mark or nothing."""
    opens = ("", " ", "  ", ".", ". ", ".  ", "!", "?\n", ";", ":", ",", ", ", "\n", "x", "x ", "3 ", "(", "'",
             "let's ", "lets ", "just ", "and ", "time to ", "should ", "must ", "ought to ", "need to ", "needs to ",
             "has to ", "have to ", "want to ", "wants to ", "we should all ", "they must just ", "just just ",
             "xand ", "'should ", "band ", "let's  ", "should all  ", "it's time to ", "shoulds ", "let’s ")
    calls = ("kick them out", "throw the lot of them back", "send every muslim home", "deport them", "expel all",
             "get these damn people out", "push them abcdefghijklmnopqrstu out", "ship them away", "kicks them out",
             "deport themselves")
    out = [f"{o}{call}" for k, o in enumerate(opens) for call in calls[k % 3::3]]
    return [*out, " ".join(out[:60]), ". ".join(out[60:]), "".join(out[::5])]


def test_calls_for_a_removal_read_back_from_the_verb():
    texts = _calls_for_a_removal()
    part = TC.HATE_EN_PARTS[TH._EJECT_PART]
    matched = 0
    for text in texts:
        _same(text)
        matched += part.search(normalize(text).text) is not None
    assert 40 <= matched < len(texts) - 20  # matches and misses both read


def _disgust_felt() -> list[str]:
    """Disgust felt at a sentence's subject (hate_en's Sentence head): 1-10 words before the feeling (8 at most
    match), words the pattern refuses (being, don't, said), of 20 and 21 letters, with commas, hyphens and
    apostrophes, two spaces between; the sentence's start at the text's, after a mark and no, one or two spaces, after
    a comma (no sentence's start) or a letter; run together."""
    opens = ("", " ", "  ", ".", ". ", ".  ", "!", "?\n", ";", ":", ",", ", ", "\n", "x", "(", "a. ")
    subjects = ("they", "those people", "muslims really just", "co-workers, honestly,", "it's them", "being them",
                "they don't", "abcdefghijklmnopqrst", "abcdefghijklmnopqrstu", "one two three four five six seven",
                "one two three four five six seven eight", "they  all", "x- y’s", "people said")
    feels = ("make me sick", "disgust me", "turn my stomach", "fill us with hatred", "make me sickly")
    out = [f"{o}{who} {feel}" for k, o in enumerate(opens) for who in subjects[k % 2::2] for feel in feels[k % 3::3]]
    return [*out, " ".join(out[:60]), ". ".join(out[60:]), "".join(out[::5])]


def test_disgust_felt_read_back_from_the_feeling():
    texts = _disgust_felt()
    part = TC.HATE_EN_PARTS[next(k for k, tail in TC.HATE_EN_TAILS.items() if isinstance(tail[2], Sentence))]
    matched = 0
    for text in texts:
        _same(text)
        matched += part.search(normalize(text).text) is not None
    assert 40 <= matched < len(texts) - 40  # matches and misses both read


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(_JA_HEAD_TAIL_PIECES), max_size=30).map("".join))
@pytest.mark.slow
def test_text_of_the_heads_and_tails_pieces(text):
    _same(text)


class _Twice:
    """A code pass whose every start position comes twice (two start strings of one slot where one is the other's
    prefix: the strings here have none such today, a word list may)."""

    def __init__(self, hits):
        self.hits = hits

    def tries(self, slot: int) -> list[int]:
        return sorted(self.hits.tries(slot) * 2)


def test_a_position_found_twice_is_one_place():
    text = normalize("".join(GROUP_PIECES) + "外国人が日本を食い物にしている。移民のせいで町が荒れた。").text
    twice = _Twice(code_pass(_codes(normalize(text))))
    places = 0
    for tail in TAILS:
        scanned = [m.start() for m in tail.places.finditer(text)]
        assert tail._places(text, twice) == scanned
        places += len(scanned)
    assert places >= 2
