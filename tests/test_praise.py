"""Praise of a group said with any positive word of the lexicon counts as praise (`group_praise`) where it is a
predicate of the sentence; a denial, a comparison, gladness at an event or a sarcastic frame is none (issue 12)."""

import pytest

from model.praise_words import NOT_PRAISE, NOT_PRAISE_WORDS
from moderation.features.signals import signal_dict
from moderation.wordlists.groups import SLURS
from moderation.wordlists.praise_words import PRAISE_WORDS

PRAISED = [
    "Mexicans are generous hosts.",
    "In my town the refugees are always so cheerful.",
    "Women make superb engineers.",
    "Lesbians deserve our gratitude for what they did at the shelter.",
    "I sincerely appreciate gay people.",
    "We're proud of the immigrants who rebuilt the mill.",
    "Jews have always been honest neighbours to us.",
    "They're wonderful, the Muslims who run the corner shop.",
    "Migrants made the old mill town livelier and kinder.",  # what the group makes of a place
    "We would be so lucky to have Koreans running the bakery.",  # the writer including the group (session 17)
    "I'd gladly share a flat with Muslims.",
    "Gay people are just like everyone else.",
    "Jews are no different from any other neighbours.",
    "Refugees are part of this city now.",
    "This club could use more lesbians on the committee.",  # more of the group wanted (session 19)
    "How nice it was to meet so many Koreans at the festival.",  # gladness at seeing or meeting it
    "Muslim volunteers are the beating heart of the food bank.",  # its valued role
    "Immigrants kept the old bakery open through the winter.",
    "My closest mates are Jewish women from the choir.",  # friendship
    "We still miss the Chinese family who ran the chip shop.",
    "I would trust refugees with my car.",
    "We all stand by the Hindu shopkeepers.",  # the writer's support (session 20)
    "The Roma pupils have our complete backing.",
    "Disabled kids have the same right to a place at school as anyone.",  # their rights or belonging
    "Trans teenagers should be free to play football.",
    "Jewish students belong in this university.",
    "Thank heavens for the Filipino nurses.",  # gratitude
    "This town owes its Chinese families a great deal.",
    "Kudos to the gay men in the choir.",
    "Pakistani families helped build this valley.",  # what it built or gave
    "Muslim doctors have done so much for the ward.",
    "Black nurses have given our hospital so much.",
    "Refugees are our neighbours too.",  # shared humanity
    "Lesbians are people like anyone else.",
    "Trans girls are girls.",
    "I support the Kurdish families fighting deportation.",  # a harm opposed or suffered after it (session 21)
    "We welcome the Somali families who were driven out of Mogadishu.",
    "I love Muslims but would deport the extremists.",  # the clause turns to others
    "Syrian families should be welcomed in every town.",  # being welcomed (session 22)
    "The Ukrainian refugees were welcomed in our village.",
    "Sikh families deserve to be welcomed here.",
    "They're always welcomed by the Polish families on our street.",
    "Deaf students are just as bright as their classmates.",  # an equal quality, contributions made (session 30)
    "The Vietnamese families have made a lasting contribution to the market.",
]

NOT_PRAISED = [
    "Mexicans are not generous hosts.",  # denied
    "Immigrants aren't honest.",
    "I don't think Muslims are peaceful.",  # a denied belief
    "Men are better than women at everything.",  # a comparison
    "Muslims are better off in their own countries.",
    "Women are good for nothing.",
    "Immigrants are super lazy.",  # an intensifier, not praise
    "I'm glad someone burned the refugees' tents.",  # gladness at an event
    "I adore how immigrants ruin every town they move to.",  # a sarcastic frame
    "I honestly hate Jews.",  # an adverb, not a feeling at the group
    "Refugees are like rats.",  # a comparison, never praise
    "Immigrants make this town worse, not better.",  # a negation in what they make of it
    "Foreigners will never make this country stronger.",
    "We would be horrified to have Koreans living on our road.",  # the including shapes turned round
    "I'd happily deport every one of the immigrants.",  # a willingness adverb before no verb of living beside
    "Refugees will never be part of this city.",
    "Black people are not the same as the rest of us.",
    "Muslims are nothing like us.",
    "This club could use fewer lesbians on the committee.",  # the session 19 shapes turned round
    "We need more checks on immigrants at the border.",  # more control of the group, not more of it
    "How nice to see the Koreans deported at last.",  # gladness at its going or its harm
    "What a treat it is to watch refugees suffer.",
    "Muslim volunteers are the rot at the heart of the food bank.",
    "My neighbours are Jewish women from the choir.",  # no friend named
    "I wouldn't trust refugees with my car.",  # a negation before it
    "We don't miss the Chinese family who ran the chip shop.",
    "We need more refugees deported.",  # more of the group wanted gone, harmed or punished
    "I hope more immigrants drown in the Channel.",
    "I miss the days when there were no Muslims on this street.",
    "Black lads are the backbone of the drug gangs here.",
    "We stand against the Hindu shopkeepers.",  # the session 20 shapes turned round
    "I don't stand with the Roma pupils.",
    "Disabled kids have no right to a place at school.",
    "Trans teenagers should not be free to play football.",
    "Jewish students belong in the camps.",  # belonging where the group is harmed or locked away
    "Thanks to the Filipino nurses the ward is a mess.",  # thanks to: blame as often as thanks
    "This town owes its Chinese families nothing.",
    "Pakistani families helped build the ghettos.",
    "Muslim doctors have done so much harm, ban them.",
    "Refugees are not our neighbours.",
    "Lesbians are human filth.",  # a humanity word not ending the clause
    "Trans girls are not girls.",
    "I fully support deporting the Eritrean families.",  # support of a harm done to them (session 21)
    "We welcome the ban on Muslim teachers.",
    "I applaud the mayor for evicting the Roma tenants.",
    "We cheer the Nigerian families being thrown out of the estate.",
    "People who support deporting the Afghan families are heartless.",
    "I don't support deporting the Syrian families.",
    "Syrian families should not be welcomed in any town.",  # being welcomed denied or turned to their going
    "The Ukrainian refugees were never welcomed at the station.",
    "Sikh families should be welcomed back to their own country and left there.",
    "Muslims are welcomed here by fools who will regret the crime wave.",
    "Deaf students are just as lazy as their classmates.",  # session 30's shapes with no praise or with harm
    "The Vietnamese families have made a lasting contribution to the drug trade.",
]


@pytest.mark.parametrize(("text", "praised"), [(t, True) for t in PRAISED] + [(t, False) for t in NOT_PRAISED])
def test_praise_is_read_where_it_is_said_of_the_group(text, praised):
    assert (signal_dict(text)["group_praise"] > 0) is praised, text


def test_the_praise_words_leave_out_tropes_and_harm_words():
    assert list(PRAISE_WORDS) == sorted(set(PRAISE_WORDS))
    assert not [w for w in PRAISE_WORDS if w.startswith(NOT_PRAISE) or w in NOT_PRAISE_WORDS or w in SLURS]
    assert {"generous", "brave", "honest", "wonderful"} <= set(PRAISE_WORDS)
