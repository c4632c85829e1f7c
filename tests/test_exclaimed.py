"""Swearing as an exclamation or intensifier aims at nobody; praise a negation denies is no praise (issue 12)."""

import re

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.exclaimed import READ_AT_MOST, exclaimed

# each exclamation against the same swear word aimed at someone or something the writer attacks
PAIRS = [
    ("Fuck, the 7.15 was cancelled again.", "Fuck the driver of the 7.15."),
    ("oh fuck! the oven was on all night", "oh fuck off and take the oven with you"),
    ("For fuck's sake, the lifts are broken again.", "Fuck's sake, the caretaker is a fucking clown."),
    ("The new stand is fucking massive.", "The new manager is a fucking fraud."),
    ("I'm so fucking cold in this office.", "You are a fucking fake in this office."),
    ("We're fucked if the ferry is late.", "You're fucked, mate, and you know why."),
    # session 30: a question's intensifier, unless the question turns on the reader
    ("Why the fuck is the bypass shut again?", "Why the fuck are you still on the council?"),
    ("How the fuck did the roof leak after one storm?", "How the fuck did you pass your driving test, moron?"),
    ("Who the fuck plans roadworks in August?", "Who the fuck do you think you are?"),
    ("What the fuck happened to the night buses?", "What the fuck happened to your manners, you pig?"),
    # session 32: the list's interjection phrases standing alone
    ("Fucking hell, the rain won't stop.", "Fucking hell you're thick, the rain won't stop you."),
    ("Holy fuck! The bridge is open at last.", "Holy fuck you're ugly, get off the bridge."),
    # session 39: "fuck" as a verb at a thing, and a thing after "a fucking"
    ("Fuck this weather, the barbecue is off.", "Fuck this guy, the barbecue is off."),
    ("Oh fuck the traffic on the bypass.", "Oh fuck the driver on the bypass."),
    ("Such a fucking headache at the office.", "Such a fucking idiot at the office."),
    # session 40: an institution after the intensifier, an oath, and idioms of "fuck" that point at nothing
    ("The fucking bank closed our branch in the high street.",
     "The fucking bank manager closed our branch in the high street."),
    ("Jesus fucking Christ, the rent went up again.", "Jesus fucking Christ, you are thick."),
    ("Oh my fucking god, the lift works.", "Oh my fucking god, you are useless."),
    ("Nobody gives a fuck about the bypass.", "Nobody gives a fuck about you."),
    ("Honestly I don't give a fuck about the seating plan.", "I don't give a fuck about him."),
    ("There's fuck all to do in this town on a Sunday.", "Fuck all the cyclists on the pavement."),
    ("The flat is cold as fuck this winter.", "You're ugly as fuck."),
    ("That thunder scared the fuck out of me.", "He beat the fuck out of me."),
    # session 41: the list's oaths of two words, read whole ("Holy fucking shit, ..." held 0.871 by -6)
    ("Holy fucking shit, the rain has not stopped all week.", "Holy fucking shit, you are thick."),
    ("Jesus fucking shit, the printer ate my form again.", "Jesus fucking shit, you ate my form again."),
    ("Oh god damn it, the bins were not collected.", "God damn it, you never listen."),
    # ... and not where the sentence then judges a person (read2, session 41: "Fucking shit, the author is a liar."
    # 0.997 -> 0.108 with -6's weights when the oath ignored all but "you")
    ("Holy fucking shit, the train was late again.", "Holy fucking shit, the author is a liar."),
    ("God damn it, the kids broke the greenhouse window again.", "God damn it, he is a lying little weasel."),
    ("Fucking shit, I dropped my phone down the drain.", "Fucking shit, this writer is a total hack."),
]


@pytest.mark.parametrize(("exclaimed", "aimed"), PAIRS)
def test_an_exclamation_is_not_profanity_but_the_aimed_twin_is(exclaimed, aimed):
    sig, twin = signal_dict(exclaimed), signal_dict(aimed)
    assert sig["profanity_unaimed"] == sig["insult_at_person"] == 0, exclaimed
    assert twin["profanity_unaimed"] + twin["insult_at_person"] > 0, aimed


# session 40 (read2): no reading holds in a sentence with a slur in it, the oath and the institution readings as the
# older ones (-6 had dropped the count: "Oh my fucking god, the trannies are in the changing rooms again." 0.794 ->
# 0.230, "The fucking council is run by pakis now." 0.548 -> 0.143); their civil twins stay exclamations
AT_A_SLUR = [
    ("Jesus fucking Christ, the energy bill just doubled.",
     "Oh my fucking god, the trannies are in the changing rooms again."),
    ("The fucking council has closed the library again.", "The fucking council is run by pakis now."),
    ("Holy fucking hell, the buses are on strike.", "Holy fucking hell, the dykes are on the high street again."),
    ("Fuck, the trains are late again.", "Fuck, the faggots are on the telly again."),
    ("So fucking tired after the late shift.", "So fucking tired of the trannies at my gym."),
    ("There's fuck all to do in this town on a Sunday.", "There's fuck all to do here since the pakis moved in."),
    ("Nobody gives a fuck about the bypass.", "Nobody gives a fuck if the homos get beaten up."),
]


@pytest.mark.parametrize(("exclaimed", "at_a_slur"), AT_A_SLUR)
def test_a_slur_in_the_sentence_keeps_every_reading_aimed(exclaimed, at_a_slur):
    sig, twin = signal_dict(exclaimed), signal_dict(at_a_slur)
    assert sig["profanity_unaimed"] == 0, exclaimed
    assert twin["profanity_unaimed"] > 0, at_a_slur


# session 41 (read3, session 40): a dehumanising word that also names an animal, a pest or an illness, used of one,
# leaves the swear exclaimed; a word that names people only, or a group, keeps it aimed
LITERAL = [
    ("Fucking hell, the rats are back in the bins.", "Fucking hell, the savages are back in the bins."),
    ("Oh my fucking god, the pigs escaped from the farm onto the motorway.",
     "Oh my fucking god, the pakis escaped from the farm onto the motorway."),
    ("Jesus fucking Christ, this wasp season is a plague.", "Jesus fucking Christ, this subhuman lot is a plague."),
    ("Oh my fucking god, the monkeys at the zoo stole my sandwich.",
     "Oh my fucking god, the trannies at the zoo stole my sandwich."),
    ("Fucking hell, the vermin are back in the bins.", "Fucking hell, the dykes are back in the bins."),
]


@pytest.mark.parametrize(("literal", "people"), LITERAL)
def test_a_word_of_an_animal_or_a_pest_used_of_one_does_not_aim_the_swear(literal, people):
    assert signal_dict(literal)["profanity_unaimed"] == 0, literal
    assert signal_dict(people)["profanity_unaimed"] > 0, people


# session 41 (read3): a slur in someone else's reported words is counter-speech; said by the writer it keeps the swear
REPORTED = [
    ('Fucking hell, my son got called a "paki" at school today and the teachers did nothing.',
     "Fucking hell, the pakis at school called my son names today."),
    ('What the fuck, my neighbour called the Polish family "vermin" right in front of me.',
     "What the fuck, the pakis next door are vermin."),
    ('Oh fuck, someone sprayed "kikes out" on the synagogue wall.',
     "Oh fuck, the kikes are out on the synagogue wall."),
]


@pytest.mark.parametrize(("reported", "said"), REPORTED)
def test_a_reported_slur_does_not_aim_the_swear(reported, said):
    assert signal_dict(reported)["profanity_unaimed"] == 0, reported
    assert signal_dict(said)["profanity_unaimed"] > 0, said


def test_exclaimed_reads_the_quoted_spans_it_is_given():
    text = 'fucking hell, he called them "pakis" again.'
    a = text.index('"pakis"')
    assert exclaimed(text, [0], [12]) == [False]
    assert exclaimed(text, [0], [12], ([a], [a + 7])) == [True]


# session 41 (read3): a slur's homonym used of a thing (a cigarette bought, smoked or priced, a gap of light, a
# surname, the verb of "queers the pitch") names no one: the swear stays exclaimed; the same word of people does not
HOMONYM = [
    ("Fucking hell, twenty fags cost more than my lunch now.", "Fucking hell, twenty fags marched down our street."),
    ("Fucking hell, twenty fags are eleven quid now.", "Fucking hell, twenty fags are marching down our street."),
    ("Fucking hell, a packet of fags costs fifteen quid now.", "Fucking hell, a gang of fags is on the bus now."),
    ("Oh my fucking god, the price of fags has doubled.", "Oh my fucking god, the fags have taken over the pub."),
    ("Fucking hell, I nipped out for a fag and missed the bus.", "Fucking hell, some fag on the bus took my seat."),
    ("Oh my fucking god, the chinks in the armour are showing.", "Oh my fucking god, the chinks are taking over."),
    ("Oh fuck, Mr Coons from the bakery has retired.", "Oh fuck, the coons from the estate are back."),
    ("Holy fuck, the rain queers the pitch for the weekend.", "Holy fuck, the queers are on the pitch again."),
]


def _first_swear(text):
    t = text.lower()
    m = re.search(r"fucking hell|holy fuck|fucking|fuck", t)
    return exclaimed(t, [m.start()], [m.end()])[0]


@pytest.mark.parametrize(("thing", "people"), HOMONYM)
def test_a_slur_homonym_of_a_thing_does_not_aim_the_swear(thing, people):
    assert _first_swear(thing), thing
    assert not _first_swear(people), people


def test_a_slur_in_another_sentence_does_not_aim_the_swear():
    """The guard reads the swear word's own sentence only."""
    assert signal_dict("Fuck, the trains are late again. The pakis got the last seats.")["profanity_unaimed"] == 0

def test_an_intensified_insult_stays_an_insult():
    assert signal_dict("You are so fucking stupid.")["insult_at_person"] > 0
    assert signal_dict("Fucking immigrants ruin everything")["group"] > 0


def test_each_swear_word_is_read_in_its_own_place():
    text = "well fuck, so fucking tired, fucking finally, fucking muppets, fuck the lot"
    hits = [(m.start(), m.end()) for m in re.finditer(r"fuck(?:ing)?", text)]
    assert exclaimed(text, *map(list, zip(*hits, strict=True))) == [True, True, True, False, False]


@pytest.mark.parametrize(("praised", "denied"), [
    ("Refugees are welcome here.", "Refugees aren't welcome here."),
    ("Jewish people are wonderful neighbours.", "Jewish people are not wonderful neighbours."),
])
def test_denied_praise_is_no_praise(praised, denied):
    assert signal_dict(praised)["group_praise"] > 0
    assert signal_dict(denied)["group_praise"] == 0


def test_past_the_read_limit_a_swear_word_counts_as_profanity():
    assert signal_dict("fuck, " * READ_AT_MOST)["profanity_unaimed"] == 0
    assert signal_dict("fuck, " * (READ_AT_MOST + 1))["profanity_unaimed"] > 0


@pytest.mark.parametrize(("plight", "act"), [
    ("We're fucked if the ferry is late.", "We fucked his car up for a laugh."),
    ("I fucked up again, the cake is burnt.", "I just fucked an intern at the party."),
    ("This is so fucked up, the bins again.", "I so fucked her over at work."),
])
def test_fucked_is_a_plight_only_with_no_object(plight, act):
    """session 39: "I just fucked an ..." was read as the writer's plight (reading (3) through "just", (5) before
    any word): the act done to someone is no exclamation."""
    def read(text):
        t = text.lower()
        a = t.index("fucked")
        return exclaimed(t, [a], [a + 6])[0]

    assert read(plight), plight
    assert not read(act), act
