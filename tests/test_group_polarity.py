"""A denial about a group is read by its polarity: a good quality denied of it is the attack, a bad one a defence."""

import pytest

from moderation.features.signals import signal_dict

PRAISE, STEREO = "denied_praise_at_group", "denied_stereotype_at_group"

# minimal pairs: the same frame, the predicate's polarity flipped (written for this test, from the grammar)
PAIRS = [
    ("Refugees in our town are not honest.", "Refugees in our town are not dishonest."),
    ("Gay men were never trustworthy neighbours.", "Gay men were never violent neighbours."),
    ("Immigrants will never be productive.", "Immigrants will never be a burden."),
    ("Muslims have never been loyal.", "Muslims have never been terrorists."),
    ("I don't think Mexicans are hard-working.", "I don't think Mexicans are lazy."),
    ("Nobody believes Jews are honest.", "Nobody believes Jews are greedy."),
    ("None of the Africans on my course were ever polite.", "None of the Africans on my course were ever rude."),
    ("Women are far from intelligent.", "Women are far from stupid."),
    ("Disabled people aren't exactly useful.", "Disabled people aren't exactly useless."),
    ("Asylum seekers don't deserve respect.", "Asylum seekers don't deserve abuse."),
    ("My grandad never saw Jews as trustworthy.", "My grandad never saw Jews as greedy."),
    ("We don't treat Gypsies as honest people here.", "We don't treat Gypsies as thieves here."),
]


@pytest.mark.parametrize("praise_denied, stereotype_denied", PAIRS)
def test_a_denial_about_a_group_is_read_by_its_polarity(praise_denied, stereotype_denied):
    attack, defence = signal_dict(praise_denied), signal_dict(stereotype_denied)
    assert attack[PRAISE] > 0 and attack[STEREO] == 0, praise_denied
    assert defence[STEREO] > 0 and defence[PRAISE] == 0, stereotype_denied


@pytest.mark.parametrize("text", [
    "Not all refugees are criminals.",
    "Nobody in this street thinks trans people are dangerous.",
])
def test_a_generalisation_refused_is_a_stereotype_denied(text):
    assert signal_dict(text)[STEREO] > 0 and signal_dict(text)[PRAISE] == 0, text


@pytest.mark.parametrize("text", [
    "Refugees are not thieves, they are worse.",
    "Mexicans are not lazy, just dishonest and rude.",
    "Gypsies are definitely not dishonest, said no one ever.",
    "Nobody regards Arabs as dangerous, they're simply savages.",
])
def test_a_stereotype_denied_only_to_be_outdone_is_no_defence(text):
    assert signal_dict(text)[STEREO] == 0, text


@pytest.mark.parametrize("text", [
    "Refugees are not thieves, they are our neighbours.",
    "Mexicans are not lazy. They are worse off than anyone on this estate.",  # another sentence
    # a defence that goes on is still one (read2, session 39: 9bcc443 read any bad word, and "want", as outdoing it)
    "Asylum seekers are not a burden, they just want somewhere safe to raise their kids.",
    "Somalis are not criminals, they are the victims of criminals on this estate.",
    "Pakistanis are not thieves, they are worse off than anyone on the estate.",
    "Nigerians are not criminals, but the local paper keeps calling them thieves.",
])
def test_a_stereotype_denied_then_a_kind_word_stays_a_defence(text):
    assert signal_dict(text)[STEREO] > 0, text


@pytest.mark.parametrize("text", [
    "Gypsies deserve no rights in this country.",
    "Lesbians do not deserve a place in our club.",
    "Foreigners deserve nothing.",
])
def test_a_good_thing_undeserved_by_a_group_is_a_positive_denied(text):
    assert signal_dict(text)[PRAISE] > 0, text


@pytest.mark.parametrize("text", [
    "I've lost all respect for Hindus.",
    "Honestly, we have zero sympathy left for the Somalis on this estate.",
    "I have not an ounce of compassion for refugees.",
    "Gay men get no sympathy from me.",
    "Migrants will get no welcome from us.",
])
def test_a_regard_withheld_from_a_group_is_a_positive_denied(text):
    """Session 40: a quantifier withholds it ("no", "zero", "lost all"), by the writer or from the writer."""
    assert signal_dict(text)[PRAISE] > 0, text


@pytest.mark.parametrize("text", [
    "I haven't lost all respect for Hindus.",            # negated
    "I have no sympathy for people who attack Muslims.",  # withheld from someone else
    "I have no sympathy for the Russians who voted for this war.",  # read2: a subset named by its deed
    "I've lost all respect for Muslim leaders who stayed silent.",
    "I've lost all respect for the minister.",           # no group
    "Refugees get no help from the council.",            # a lot complained of, not withheld by the writer
    "I have great respect for the Sikh volunteers at the food bank.",  # a regard given
    'My uncle said "I have lost all respect for Muslims" and we left.',  # someone else's words
])
def test_no_regard_withheld_without_the_writer_withholding_it_from_a_group(text):
    assert signal_dict(text)[PRAISE] == 0, text


@pytest.mark.parametrize("text", [
    "Refugees deserve nothing but respect.",       # "nothing but": the opposite
    "The council is not honest about the budget.",  # no group
    "These people are not honest.",                 # said of anyone
    "Immigrants are not allowed to vote in general elections.",  # a rule reported, no quality denied
    "Refugees are not the problem, the housing shortage is.",    # no quality either way
    "Muslims are honest and hard-working.",         # nothing denied
    "Immigrants are lazy and dishonest.",           # an attack asserted, not a denial
    "I don't think the minister is honest about immigrants.",    # the quality is the minister's
])
def test_no_polarity_read_without_a_group_denied_a_quality(text):
    sig = signal_dict(text)
    assert sig[PRAISE] == sig[STEREO] == 0, text


def test_a_report_of_someone_elses_words_is_not_the_writers_denial():
    sig = signal_dict('My uncle said "immigrants are not honest" and we all left the table.')
    assert sig[PRAISE] == 0


def test_reading_is_linear_in_the_length():
    """Many denials about groups in one comment: each read once, a bounded window around it."""
    text = "Refugees are not honest. Muslims are not lazy. " * 400
    sig = signal_dict(text)
    assert sig[PRAISE] > 0 and sig[STEREO] > 0
