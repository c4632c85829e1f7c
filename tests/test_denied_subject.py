"""The subject of a denied copula is hashed with the denial (TextFeatures denied_subject_en, issue 12): "[group] are not
disgusting" should not carry the weight the group word has at the head of "[group] are disgusting"."""

import pytest

from moderation.targets.denied import denied_subjects
from moderation.text.normalize import normalize
from moderation.vectorizer import TextFeatures


def _subjects(text: str) -> list[str]:
    t = normalize(text).text
    return [t[a:b].strip() for a, b in denied_subjects(t)]


@pytest.mark.parametrize(("text", "subject"), [
    ("Gay people are not disgusting.", "gay people"),
    ("Refugees in my town were never a burden, they work hard.", "refugees in my town"),
    ("The councillor is wrong: asylum seekers in this county are not criminals.", "seekers in this county"),
    ("Black women can't be violent criminals, the report says.", "black women"),
    ("Immigrants are not lazy.", "immigrants"),
    ("The minister is not stupid, he knows what he is doing.", "the minister"),
    ("They're not lazy at all.", "they"),
])
def test_the_subject_of_a_denied_copula_is_read(text, subject):
    assert _subjects(text) == [subject]


@pytest.mark.parametrize("text", [
    "These parasites are not going anywhere.",  # a harm word in the subject: the writer's own words
    "Those vermin aren't leaving.",
    "Muslims are not welcome here.",  # a denied positive is the attack: no denial, no subject
    "Immigrants are not human.",
    "I don't hate Jews.",  # no copula: the denial already holds the group
    "Nobody thinks trans people should be killed.",
    "Immigrants are lazy.",  # no denial at all
    "Women are not real engineers.",  # a denied positive the lexicon does not know: no harm word denied
    "Muslims are not part of our nation.",
    "Black women can't be blamed for this.",
])
def test_no_subject_is_read_where_none_is_defended(text):
    assert _subjects(text) == []


def test_a_clause_word_ends_the_subject():
    assert _subjects("I told him that women are not stupid.") == ["women"]
    assert _subjects("They stayed and refugees were never a burden.") == ["refugees"]


def test_the_subject_is_read_back_at_most_four_words():
    assert _subjects("the old men of the valley towns are not lazy") == ["of the valley towns"]


def _words(tf: TextFeatures, text: str) -> set[int]:
    return set(tf.encode(text).word_flat.tolist())


def test_the_group_word_of_a_denial_hashes_apart_only_when_asked():
    corpus = ["gay people are not disgusting", "gay people are disgusting", "gay people live here"] * 2
    plain = TextFeatures(char_bits=12, word_bits=10, min_df=1, quoted_apart=True, quoted_apart_en=True,
                         denied_apart_en=True).fit(corpus)
    apart = TextFeatures(char_bits=12, word_bits=10, min_df=1, quoted_apart=True, quoted_apart_en=True,
                         denied_apart_en=True, denied_subject_en=True).fit(corpus)
    attack = _words(plain, "gay people are disgusting")
    assert _words(apart, "gay people are disgusting") == attack  # an attack's n-grams are what they were
    assert len(_words(plain, "gay people are not disgusting") & attack) >= 2  # "gay", "people", "gay people"
    assert not _words(apart, "gay people are not disgusting") & attack


def test_an_artifact_pickled_before_the_option_reads_no_subject():
    tf = TextFeatures(quoted_apart=True, denied_apart_en=True)
    del tf.denied_subject_en  # as unpickled from an artifact of 2026.12.04-7 or before
    assert tf.denied_subject_en is False
