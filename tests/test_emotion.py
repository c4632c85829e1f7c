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


# session 41: the disgust frame aimed at a group ("the smell / sight of [group] ... makes me gag"): the object decides
DISGUST_AT_GROUP = [
    "The smell of the Kurds upstairs makes me gag.",
    "The sight of lesbians at the school gates turns my stomach.",
    "Honestly, the stench of those Romanians on the night bus makes me want to vomit.",
    "The very sight of Sikh men in our pub disgusts me.",
    "The thought of more refugees in this village makes my skin crawl.",
]
DISGUST_NOT_AT_GROUP = [
    "The smell of the kebab van upstairs makes me gag.",  # a thing
    "The sight of the Turkish baths at night turns my stomach.",  # an adjective before a place
    "The smell of Vietnamese cooking makes me want to vomit.",  # a cuisine, not a people
    "The sight of refugees queuing in the cold makes me sick.",  # a group in a plight
    "The sight of Jews being harassed on the tram makes me sick.",  # a treatment
    "The sight of migrants in those boats makes me sick with worry.",  # worry, not disgust
    "The sight of Muslims at the vigil doesn't make me sick, it makes me proud.",  # no feeling of disgust said
    "My cousin says the smell of Somalis makes him gag.",  # someone else's, not the writer's
]


@pytest.mark.parametrize(("text", "felt"),
                         [(t, True) for t in DISGUST_AT_GROUP] + [(t, False) for t in DISGUST_NOT_AT_GROUP])
def test_the_disgust_frame_attacks_only_a_group_as_its_object(text, felt):
    assert (signal_dict(text)["hate_at_group"] > 0) is felt, text
