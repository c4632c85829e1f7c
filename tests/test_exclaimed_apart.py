"""Swearing at no one hashes apart from swearing at someone (issue 12, the lead's ruling of session 39)."""

import pytest

from moderation.targets.exclaimed import READ_AT_MOST, exclaimed_spans
from moderation.text.normalize import normalize
from moderation.vectorizer import TextFeatures


def spans(text):
    t = normalize(text).text
    return [t[a:b] for a, b in exclaimed_spans(t)]


@pytest.mark.parametrize(("unaimed", "aimed"), [
    ("Fuck, the trains are late again.", "Fuck you."),
    ("Fuck, the trains are late again.", "Fuck, you idiot."),
    ("Oh fuck, the bus is late again.", "Oh fuck, you made me miss the bus."),
    ("I'm so fucking tired after the night shift.", "You're so fucking tired of losing, @dave."),
    ("What the fuck happened to the night buses?", "What the fuck is wrong with you?"),
    ("This fucking printer has jammed again.", "This fucking printer has jammed again, ya muppet."),
    ("Shit, I missed the bus.", "Shit, you made me miss the bus."),
    ("Holy shit! The bridge is open at last.", "Holy shit, you're thick."),
    # someone pointed at or insulted in the sentence (trial-prof: two such insults fell below the line)
    ("Oh fuck, the lift is broken again.", "Oh fuck, the caretaker is a useless prat and he knows it."),
    ("Fucking finally, the bins got emptied.", "Fucking finally, the landlord got told he's a worthless prick."),
    # session 40: an institution, an oath, idioms of "fuck"
    ("The fucking council shut the pool for the summer.", "The fucking council shut the pool, they are scum."),
    ("Jesus fucking Christ, the rent went up again.", "Jesus fucking Christ, you are thick."),
    ("There's fuck all to do in this town on a Sunday.", "There's fuck all to do with you around."),
    # session 41: the list's oath "fucking shit" as one span ("Holy fucking shit, ..." kept its "shit" n-grams)
    ("Holy fucking shit, the rain has not stopped all week.", "Holy fucking shit, you are thick."),
    ("Goddamnit, the printer jammed again.", "Goddamnit, you jammed the printer again."),
])
def test_an_exclamation_at_no_one_is_read_its_aimed_twin_is_not(unaimed, aimed):
    assert spans(unaimed), unaimed
    assert spans(aimed) == [], aimed


@pytest.mark.parametrize(("unaimed", "at_a_group"), [
    ("So fucking tired after the late shift.", "So fucking tired of Muslims on this street."),
    ("Oh fuck, the roadworks again.", "Oh fuck, the trannies are on the telly again."),
    ("Fucking hell, the buses are late again.", "Fucking hell, the vermin are back on the estate."),
    # session 40 (read2): a plural slur the lists leave out for its homonym
    ("Jesus fucking Christ, the gas bill again.", "Jesus fucking Christ, the homos are on the telly again."),
    ("Oh fuck, the pipes froze again.", "Oh fuck, the fags are marching through town again."),
    # session 41 (read3): the homonym of a thing names no one (the cigarette priced or smoked)
    ("Fucking hell, a packet of fags costs fifteen quid now.", "Fucking hell, a gang of fags is on the bus now."),
    ("Fucking hell, I nipped out for a fag and missed the bus.", "Fucking hell, some fag on the bus took my seat."),
])
def test_a_group_slur_or_dehumanising_word_in_the_sentence_keeps_the_swear_aimed(unaimed, at_a_group):
    """What is said of a group is what the swear intensifies (read2, session 39: trial-prof took "Oh fuck, the gays
    are marching again." 0.533 -> 0.294)."""
    assert spans(unaimed), unaimed
    assert spans(at_a_group) == [], at_a_group


def test_a_window_cut_inside_a_word_does_not_read_its_head():
    text = "Fuck, the trains at the " + "long " * 11 + "ab hearing"  # the window ends after "he" of "hearing"
    assert spans(text) == ["fuck"]


def test_only_the_sentence_that_speaks_to_no_one():
    assert spans("Fuck, the trains are late again. Thank you all for the kind words.") == ["fuck"]
    assert spans("Fuck, the trains are late again. Thank you, love. Oh fuck, the cat.") == ["fuck", "fuck"]


def test_swearing_read_by_exclaimed_only():
    assert spans("Fuck the driver of the 7.15.") == []
    assert spans("The new manager is a fucking fraud.") == []
    assert spans("This shit law is a disaster") == []  # no interjection: the n-grams learn it (abuse 0.111 with -3)
    assert spans("You are shit at this job.") == []
    assert spans("Shit happens.") == []  # "shit" only as an interjection standing alone


def test_read_at_most_so_many_words():
    assert len(spans("fuck, " * (READ_AT_MOST + 10))) == READ_AT_MOST


def test_hashed_apart_only_with_the_option():
    said, aimed = ["Fuck, the trains are late again."], ["Fuck you."]
    plain, apart = TextFeatures(quoted_apart=True), TextFeatures(quoted_apart=True, exclaimed_apart_en=True)
    for f in (plain, apart):
        f.fit((said + aimed) * 3)
    assert set(plain.transform(said).indices) != set(apart.transform(said).indices)
    assert set(plain.transform(aimed).indices) == set(apart.transform(aimed).indices)
