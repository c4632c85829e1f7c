"""What is done to a group, as a copula's subject, is what the writer judges: no attack on the group (issue 12)."""

import re
import time

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.treated import TREATED_EN, treated_spans
from tests.support.civil_en import CIVIL_NEWS_EN

_ATTACK = ("hate_statement_en", "hate_at_group", "insult_at_group", "group_attack")

# the condemned deed, treatment or condition, the group its patient or experiencer
TREATED = [
    "The way refugees are treated is disgusting.",
    "Honestly, the way asylum seekers are spoken about in this country is vile.",
    "How refugees get treated here is disgusting.",
    "The way this government treats migrants is subhuman.",
    "Attacks on Muslims are disgusting.",
    "The constant attacks on trans people are pathetic.",
    "The treatment of refugees is disgusting.",
    "The Home Office's treatment of migrants is inhuman.",
    "I love this country but the treatment of refugees is a disgrace.",
    "The persecution of Christians in Nigeria is evil.",
    "The hatred towards Jews is vile.",
    "The discrimination against disabled people is disgusting.",
    "The racism Muslims face is disgusting.",
    "The abuse gay people receive online is sickening.",
    "The conditions migrants live in are disgusting.",
    "What Muslims go through at airports is disgusting.",
    "What happened to the Rohingya is disgusting.",
    "The government's policy on refugees is disgusting.",
]

# their minimal pairs: the group as the doer, or a predicate said of the group itself
ATTACKS = [
    "Refugees are disgusting.",
    "The way refugees behave is disgusting.",
    "The way migrants treat women is disgusting.",
    "Attacks by migrants are disgusting.",
    "The crimes of migrants are disgusting.",
    "The violence of migrants is disgusting.",
    "Refugees' behaviour is disgusting.",
    "Migrants' treatment of women is disgusting.",
    "The treatment of women by migrants is disgusting.",
    "The abuse migrants get away with is disgusting.",
    "What migrants get is disgusting.",
    "Attacks on Muslims are disgusting, but Muslims are parasites.",
    "Attacks on Muslims are disgusting and Muslims are vermin.",
    "Muslims who complain about the treatment of refugees are disgusting.",
]

# the same deed as the object of the writer's feeling, and its pairs with the group as doer or object
FELT = [
    "I hate the way refugees are treated.",
    "I'm sick of the racism Muslims face.",
    "I can't stand how gay people are spoken about.",
    "I'm so tired of the constant attacks on trans people.",
    "We despise the persecution of Christians.",
    "I hate what happened to the Rohingya.",
    "I hate how Muslims are portrayed by the tabloids.",
]
FELT_ATTACKS = [
    "I hate refugees.",
    "I hate the way migrants behave.",
    "I'm sick of the crimes migrants commit.",
    "I hate the violence of migrants.",
    "I hate the attacks by migrants.",
    "I hate the way refugees are treated by migrants.",
    "I hate the treatment of women by migrants.",
    "I hate the abuse migrants get away with.",
]

# civil news comments of the same shape
NEWS = [
    "The treatment of detainees at the camp was criticised by the inspectors.",
    "Attacks on aid convoys have risen sharply since March, the agency said.",
    "The conditions prisoners live in are overcrowded, the report found.",
    "What happened to the miners in 1984 is still remembered here.",
    "The way nurses are paid is a scandal.",
]


@pytest.mark.parametrize("text", TREATED)
def test_a_condemned_treatment_attacks_no_group(text):
    sig = signal_dict(text)
    assert treated_spans(text.lower()), text
    assert all(sig[k] == 0 for k in _ATTACK), (text, {k: sig[k] for k in _ATTACK})


@pytest.mark.parametrize("text", ATTACKS)
def test_the_group_as_doer_or_subject_stays_an_attack(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] > 0 or sig["group_attack"] > 0, text


@pytest.mark.parametrize("text", FELT)
def test_a_feeling_at_a_treatment_attacks_no_group(text):
    sig = signal_dict(text)
    assert all(sig[k] == 0 for k in _ATTACK), (text, {k: sig[k] for k in _ATTACK})


@pytest.mark.parametrize("text", FELT_ATTACKS)
def test_a_feeling_at_the_group_or_its_deeds_stays_hate(text):
    sig = signal_dict(text)
    assert sig["hate_statement_en"] > 0 and sig["hate_at_group"] > 0, text


@pytest.mark.parametrize("text", NEWS)
def test_news_of_the_same_shape_reads_no_attack(text):
    sig = signal_dict(text)
    assert all(sig[k] == 0 for k in _ATTACK), text


def test_civil_news_comments_have_no_treated_subject_that_hides_a_group():
    for text in CIVIL_NEWS_EN:
        sig = signal_dict(text)
        for a, b in treated_spans(text.lower()):
            assert not re.search(r"(?:refugee|migrant|muslim|jew|gay|trans)", text.lower()[a:b]), text
        assert sig["hate_statement_en"] == 0 or not treated_spans(text.lower()), text


def test_the_span_ends_at_the_copula():
    text = "the treatment of refugees is disgusting and refugees deserve better."
    (a, b), = treated_spans(text)
    assert text[a:b] == "treatment of refugees is"


@pytest.mark.slow  # 1.5 s
def test_a_long_text_of_heads_is_read_in_linear_time():
    def cost(n):
        text = ("the treatment of " * n + "refugees is bad. " + "what refugees go through " * n
                + "i hate the way " * n + "they are treated")
        best = float("inf")
        for _ in range(5):  # the thread's CPU, best of five: a shared machine's load must not decide the ratio
            started = time.thread_time()
            treated_spans(text)
            TREATED_EN.search(text)
            best = min(best, time.thread_time() - started)
        return best

    cost(2)
    # 400 -> 3200, not 200 -> 1600: at 200 the text still fits the fastest cache, and that step alone measured 3.5x
    # for 2x (ratio 15 of the bound 24 quiet, 37 at load 7): both sizes now sit in the same memory regime (8.7x quiet)
    small, large = cost(400), cost(3200)
    assert large < small * 8 * 3, (small, large)


# read2 (session 35): a later clause of the sentence that attacks the group again keeps its word a target
LATER_ATTACKS = [
    "The treatment of asylum seekers is a farce, they are cockroaches.",
    "The way migrants are housed is a joke, deport them all.",
    "Attacks on Muslims are sad, but they are vermin anyway.",
]
LATER_CIVIL = [
    "The treatment of asylum seekers is a farce, they deserve better.",
    "The way migrants are housed is a scandal, they are human beings.",
    "Attacks on Muslims are cowardly, and the police must act.",
]


@pytest.mark.parametrize("text", LATER_ATTACKS)
def test_a_later_clause_attacking_the_group_keeps_it_a_target(text):
    sig = signal_dict(text)
    assert sig["group"] + sig["group_named"] > 0 and (sig["group_attack"] > 0 or sig["hate_at_group"] > 0), text


@pytest.mark.parametrize("text", LATER_CIVIL)
def test_a_later_civil_clause_leaves_the_condemnation(text):
    sig = signal_dict(text)
    assert all(sig[k] == 0 for k in _ATTACK), (text, {k: sig[k] for k in _ATTACK})


# a predicate approving of the deed, or a feeling that the group is treated too well: no condemnation
ENDORSED = [
    "The expulsion of Roma families is long overdue.",
    "Violence against gay men is exactly what they deserve.",
    "The killings of refugees at the border were justified.",
    "The persecution of Jews is a hoax.",
]
FAVOURED = [
    "I hate how asylum seekers are treated like royalty.",
    "I'm sick of the way refugees are treated better than pensioners.",
    "I hate how Muslims are portrayed as victims by the media.",
]


@pytest.mark.parametrize("text", ENDORSED + FAVOURED)
def test_an_endorsed_or_resented_treatment_is_no_condemnation(text):
    assert not treated_spans(text.lower()), text
    sig = signal_dict(text)
    assert sig["group"] + sig["group_named"] > 0, text


@pytest.mark.slow  # 2.5 s
def test_the_put_back_is_read_in_linear_time():
    def cost(n):
        text = "The treatment of refugees is a joke, they are vermin. " * n
        best = float("inf")
        for _ in range(5):  # the thread's CPU, best of five, as above
            started = time.thread_time()
            signal_dict(text)
            best = min(best, time.thread_time() - started)
        return best

    cost(2)  # the first call builds the tables
    small, large = cost(10), cost(80)
    assert large < small * 8 * 3, (small, large)


# violence or persecution done to a group with a predicate that approves of it: the writer endorses the harm
ENDORSED = [
    "The killing of Jews is a good thing.",
    "The persecution of gay people is long overdue.",
    "The violence against trans people is understandable.",
    "Attacks on Muslims are justified.",
]
# their twins condemning it, and the approval of a policy or a doubt about its strength (an opinion, no attack)
NOT_ENDORSED = [
    "The killing of Jews is a tragedy.",
    "The persecution of gay people is a stain on us.",
    "The violence against trans people is sickening.",
    "The deportation of all migrants is the only answer.",
    "The treatment of refugees is too soft.",
    "The killing of the bill is a good thing.",
]


@pytest.mark.parametrize("text", ENDORSED)
def test_violence_done_to_a_group_endorsed_is_hate_at_it(text):
    sig = signal_dict(text)
    assert sig["hate_statement_en"] > 0 and sig["hate_at_group"] > 0, text


@pytest.mark.parametrize("text", NOT_ENDORSED)
def test_a_condemned_deed_or_an_endorsed_policy_is_no_hate_statement(text):
    assert signal_dict(text)["hate_statement_en"] == 0, text
