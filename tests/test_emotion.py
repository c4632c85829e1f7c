"""The writer's disgust or contempt aimed at a group counts as an attack on it (`hate_at_group`); the same feeling at
what is done to the group, at others, at a thing, reported or denied does not (issue 12: the construction, not the
group word, carries the attack)."""

import pytest

from moderation.features.signals import signal_dict

FELT_AT_GROUP = [
    "To be honest the Muslims round here make me want to puke.",
    "Refugees turn my stomach, the lot of them.",
    "Gay people disgust me and I won't pretend otherwise.",
    "I'm fed up with Jews, full stop.",
    "I have nothing but disdain for immigrants.",
    "I really can't stomach lesbians.",
    "Black people fill me with disgust.",
    "Immigrants are so vile.",
    "Frankly I am tired of foreigners.",  # weariness (session 16)
    "We have had enough of migrants, the lot of them.",
    "You can't imagine how weary I am of Muslims.",
    "I'm completely done with lesbians.",
    "We all despise the Gypsies who camp by the river.",  # the writers, plural
]

NOT_FELT_AT_GROUP = [
    "Muslims being spat at on the bus makes me sick.",  # the treatment is the subject (singular verb)
    "I'm sick of immigrants getting the blame for the housing crisis.",  # the feeling is about a treatment
    "I have nothing but contempt for people who harass Jews.",  # contempt for others
    "I can't bear to watch refugees sleeping in the rain.",  # an infinitive: what the writer sees
    "My neighbour says gay people disgust him.",  # reported, not the writer's
    "Immigrants don't disgust me at all.",  # denied
    "The way black people get stopped by the police makes my blood boil.",
    "I hate Muslims being treated like suspects.",
    "I'm tired of immigrants being used as scapegoats.",  # weariness with a treatment, or with others
    "We've had enough of people who shout at refugees.",
    "We don't hate Muslims, whatever the papers say.",
]


@pytest.mark.parametrize(("text", "felt"), [(t, True) for t in FELT_AT_GROUP] + [(t, False) for t in NOT_FELT_AT_GROUP])
def test_only_the_feeling_at_the_group_itself_is_an_attack_on_it(text, felt):
    assert (signal_dict(text)["hate_at_group"] > 0) is felt, text


def test_a_feeling_at_a_thing_is_no_statement_of_hate():
    assert signal_dict("Honestly, the smell from the new factory makes me sick.")["hate_statement_en"] == 0
    assert signal_dict("I'm sick of this rain.")["hate_statement_en"] == 0
    assert signal_dict("I'm so tired of the traffic on this road.")["hate_statement_en"] == 0
    assert signal_dict("I'm done with my homework, finally.")["hate_statement_en"] == 0
