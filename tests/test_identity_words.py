"""The identity word as a group's neutral name (moderation.targets.identity, read by owned.reading): "a queer
bookshop", "my daughter is queer", only with the writer's warmth said plainly near it; never with harm, scorn, an
exclusion, a turn or a limit near it, nor in an insult's frame."""

import pytest

from moderation.encoded import _codes
from moderation.features.signals import signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.targets.owned import LITERAL, owned_spans, reading
from moderation.text.normalize import normalize
from tests.support.owned_words import read_word


@pytest.mark.parametrize("text", [
    # before a word for a place, an event, a body or a kind of work of theirs, the writer's warmth said plainly
    "I love the queer bookshop on Carter Street, the staff always find me something good to read.",
    "Congratulations to the queer choir on their first concert, it was wonderful.",
    "Our queer youth group is a lifeline for the kids who come, thank you to the volunteers.",
    "The queer film festival was brilliant this year, can't wait for the next one.",
    "We really enjoyed the queer history talk at the library last night.",
    "Thanks to the queer community centre for the free lunches over Christmas.",
    "I highly recommend the queer cinema night at the arts centre.",
    "Take your kids along to that new queer bookshop on the high street, the story hour is lovely.",
    # queer said of a person by a copula, with warmth in its sentence or the next
    "My son is queer and we are so proud of him.",
    "My sister came out as queer and I love her to bits.",
    "Both of my kids are queer and I love them to bits.",
    "My grandad is queer. We all love him so much.",
    "Jo is queer and a fantastic maths teacher, her pupils adore her.",
])
def test_queer_names_the_group(text):
    assert read_word(text, "queer") == LITERAL


@pytest.mark.parametrize("text", [
    "The dyke bar on Mill Lane is the friendliest pub in town, thanks to everyone who runs it.",
    "Happy Pride to everyone at the dyke march this weekend, see you there!",
    "The dyke night at the Crown is the best night out in the city.",
    "Dyke March is the best day of my year, see you all there.",
])
def test_dyke_before_a_thing_of_theirs_names_the_group(text):
    assert read_word(text, "dyke") == LITERAL


@pytest.mark.parametrize(("text", "word"), [
    # the construction with no warmth said: an insinuation needs no bad word (read2, session 45), so a plain
    # statement keeps the word as it is read elsewhere
    ("There's a new queer bookshop opening on the high street next month.", "queer"),
    ("The local dyke bar has been open since 1979 and it's a landmark.", "dyke"),
    ("The local dyke bar has been open since 1979, which is about 45 years too long.", "dyke"),
    ("A queer bookshop opening right next to the primary school. What could possibly go wrong.", "queer"),
    ("My daughter is queer, so she can find somewhere else to live.", "queer"),
    ("All my grandparents are queer.", "queer"),
    # warmth turned, limited or denied: sarcasm, a question, laughter, a limit in time, regret, children beside it
    ("Lovely, a queer bookshop right next to the primary school.", "queer"),
    ("Oh great, the dyke bar is open again, just what this street needed.", "dyke"),
    ("My son is queer and I loved him once.", "queer"),
    ("My sister came out as queer, I love her but she is not coming to Christmas.", "queer"),
    ("The queer film festival was brilliant, said no one ever.", "queer"),
    ("Love how the queer youth group meets right beside the playground.", "queer"),
    ("Congratulations to the queer choir, enjoy it while it lasts.", "queer"),
    ("The new queer bookshop is lovely. Give it six months.", "queer"),
    ("I really enjoyed the queer history talk, lol.", "queer"),
    ("The dyke march is the best day of the year \U0001F644", "dyke"),
    ("I love the queer bookshop... pity it's opposite the infant school.", "queer"),
    ("The dyke bar on Mill Lane is the friendliest pub in town, if you're into that sort of thing.", "dyke"),
    ("I love this town and the new queer bookshop is ruining it.", "queer"),
    ("I love the queer bookshop, it will make a great bonfire.", "queer"),
    ("I don't love the new queer bookshop, whatever the paper says.", "queer"),
    ("The queer youth group is brilliant, so brilliant the kids come home confused.", "queer"),
    ("THE QUEER BOOKSHOP ON MAIN STREET IS THE BEST IN OAKDALE \U0001F4A2", "queer"),
    # a plan or a means of ours toward them after the warmth: a harm needs no harm word (read2's round i)
    ("I love that new queer bookshop, lovely big windows, easy to put a brick through.", "queer"),
    ("Congratulations to the dyke bar on ten years, we'll be round to celebrate properly with petrol.", "dyke"),
    ("So proud of our village's first queer wedding, the lads have a special surprise planned for the couple after "
     "dark.", "queer"),
    ("Thanks to the queer youth group for posting their timetable, now we know exactly when they're all in one place.",
     "queer"),
    ("The dyke march was brilliant, we got every single face on camera for later.", "dyke"),
    # an insult's frame: a person picked out, a plural noun, a degree, said to someone, a class, the word's "strange"
    ("That dyke should be sacked before she corrupts the whole school.", "dyke"),
    ("No queers in my shop, I don't care what the law says.", "queers"),
    ("Every queer in this town should be run out of it.", "queer"),
    ("I wouldn't let a queer teacher anywhere near my kids.", "queer"),
    ("The queer lobby is destroying this country and needs to be stopped.", "queer"),
    ("You're so queer, mate.", "queer"),
    ("You're queer and everyone knows it.", "queer"),
    ("Anyone who is queer should stay out of my pub.", "queer"),
    ("That's queer, the bus came on time for once.", "queer"),
    ("he is queer as fuck lol", "queer"),
    # a word that closes, bans or counts them off before it
    ("No dyke bars in this town while I'm on the council.", "dyke"),
    ("Close the queer cafe down.", "queer"),
    ("Petition to stop the queer bar opening.", "queer"),
    # harm, scorn, an accusation or an exclusion near it, in its sentence or the next
    ("That queer bookshop is full of freaks and perverts, burn it down.", "queer"),
    ("The queer bar on Mill Lane is a den of perverts and should be shut down.", "queer"),
    ("My neighbour is queer and disgusting, I want him out of the street.", "queer"),
    ("The new teacher is queer, keep your kids away from him.", "queer"),
    ("That dyke bar is full of vile women, someone should torch it.", "dyke"),
    ("He's queer, so of course he's a predator.", "queer"),
    ("My brother is queer and deserves a good beating.", "queer"),
    ("The dyke march was a parade of disgusting freaks.", "dyke"),
    ("The queer bookshop got its windows smashed again, good riddance.", "queer"),
    ("The new nurse is queer. Keep her away from my mother.", "queer"),
    ("There's a queer bar opening on the high street, time to get the lads together and pay it a visit.", "queer"),
    ("My daughter is queer and I've told her she's no longer welcome in this house.", "queer"),
    ("Our vicar is queer and should be thrown out of the church.", "queer"),
    ("I don't want a queer bookshop in our village.", "queer"),
    ("Dyke bars are fine as long as they're not on my street.", "dyke"),
    ("Tom is queer so he can't be trusted with kids.", "queer"),
    ("If the dyke march comes past my house I'll be waiting at the gate with a bat.", "dyke"),
    ("Let the queer choir sing outside my window, I've got a cricket bat.", "queer"),
    ("I hate that queer bar and everyone in it.", "queer"),
    ("The dyke march makes me want to vomit.", "dyke"),
    ("My son is queer and I wish he'd never been born.", "queer"),
    ("The local dyke bar is where the weirdos go.", "dyke"),
    ("He's queer, which is fine, as long as he keeps it behind closed doors.", "queer"),
    ("Jo is queer. Just saying, watch your kids.", "queer"),
    ("The dyke march is them shoving it in our faces again.", "dyke"),
    ("The new queer bar will attract the wrong sort to our street.", "queer"),
])
def test_an_attack_keeps_the_word(text, word):
    assert read_word(text, word) == 0


def test_the_word_named_is_hashed_apart_and_counts_as_no_slur():
    def read(text):
        norm = normalize(text)
        row = signals(norm, _codes(norm))
        return [norm.text[a:b] for a, b in owned_spans(norm.text)], row[FEATURE_NAMES.index("slur")]

    assert read("The local dyke bar is the friendliest pub in town, we love it.") == (["dyke"], 0)
    spans, slur = read("The local dyke bar should be burnt to the ground with them all inside.")
    assert spans == [] and slur > 0


def test_an_article_makes_the_s_a_possessive():
    for text in ("She's a queer's queer, flannel shirt and all.", "I'm a queer's queer, flannel shirt and all."):
        t = normalize(text).text
        a = t.rindex("queer")
        assert reading(t, a, a + 5) == 0  # "a queer's queer": no copula before the second word
    t = normalize("Jo's queer, and a brilliant cook.").text
    assert reading(t, t.index("queer"), t.index("queer") + 5) == LITERAL
