"""A question can assert an attack on a group (issue 12): "why are [group] so lazy", "why do [group] always lie", "who
would trust a [group]" read as hate statements; questions about a group's treatment, numbers or customs do not."""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", [
    "Why are refugees so lazy?",
    "Why are Muslims always so violent?",
    "Why are immigrants so dirty, honestly?",
    "Why are Mexicans always this dishonest?",
    "Why are trans women so aggressive online?",
    "why are black people so ignorant",
    "Why are women so stupid about money?",
    "Why do migrants always lie about their age?",
    "Why do Gypsies keep causing trouble on our estate?",
    "Why do refugees never stop moaning about the food?",
    "Why do immigrants commit crimes everywhere they go?",
    "Why do Jews always play the victim?",
    "Who would ever trust a Muslim?",
    "Who could possibly trust an immigrant after all this?",
])
def test_a_question_that_asserts_an_attack_is_a_hate_statement(text):
    sig = signal_dict(text)
    assert sig["hate_statement_en"] > 0 and sig["hate_at_group"] > 0


@pytest.mark.parametrize("text", [
    "Why are refugees so underrepresented in the council's consultation?",
    "Why are Muslims always blamed when something goes wrong?",  # a treatment, not a quality
    "Why are so many immigrants unemployed in this town?",  # numbers
    "Why are most migrants young men, according to the report?",
    "Why are gay men still banned from giving blood?",
    "Why do migrants risk the Channel crossing in winter?",
    "Why do Muslims fast during Ramadan?",
    "Why do women earn less than men for the same job?",
    "Why do refugees have to wait two years for a decision?",
    "Why do people hate refugees so much? They're just people.",
    "Why do immigrants get blamed for the housing crisis?",
    "Why are trans people so often the target of abuse?",
    "Why are disabled people so poor in this country?",
    "Why are these people so rude at the council office?",  # "these people": anyone
    "Who would trust a minister who lied to parliament?",
    "How can anyone respect a council that ignores its residents?",
    "Why is the minister so incompetent?",
    "Why are politicians so dishonest?",
    "Who would ever trust a politician again?",
    "Why do refugees have to lie about their age to get help? Because the system is broken.",
    "Why do migrants beg on the street? They are not allowed to work.",
    "Who would hire a refugee without papers? Nobody, that's the problem.",
    "Who would ever love a trans woman like me?",
    "Why are women so often called aggressive when men aren't?",
    "Why are immigrants portrayed as lazy in the tabloids?",
])
def test_a_question_about_a_group_asserts_no_attack(text):
    assert signal_dict(text)["hate_statement_en"] == 0


# read2 (session 35): a stereotype questioned (a verb of labelling, a hedge or a negation in the free word) and a
# state or some of a people asked about are no attack
@pytest.mark.parametrize("text", [
    "Why are asylum seekers called scroungers... sorry, why are refugees called lazy in every tabloid?",
    "Why are Gypsies considered dirty by so many councils?",
    "Why do migrants supposedly steal our jobs when there are a million vacancies?",
    "Why do refugees never riot in these camps, unlike the football fans?",
    "Who could trust the Chinese army after Tiananmen?",
    "How can anyone respect Russians who vote for this?",
])
def test_a_questioned_stereotype_is_no_hate_statement(text):
    assert signal_dict(text)["hate_statement_en"] == 0, text
