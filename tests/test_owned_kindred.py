"""Readings of the writer's own word for themself, a dear friend and their company (moderation.targets.kindred): "this
dyke just ran her first marathon", "my best faggot turns 30 today", "me and the dykes from rugby are doing a pub quiz",
read only when the whole comment is the frame, its news and a closed sign-off (session 53); the same frames said of
someone else, or with any open stretch before or after them where a stereotype may sit, are not the writer's."""

import pytest

from moderation.targets.kindred import kindred
from moderation.targets.owned import OWN
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("this queer is off to bed, night all", "queer"),
    ("this old fag turned 18 today, so proud", "fag"),
    ("this old fag retired today, thank you all for the cake", "fag"),
    ("this tranny just got her new passport, cried", "tranny"),
    ("this homo passed his driving test first time", "homo"),
    ("this nigga graduated today, mama i made it", "nigga"),
    ("this dyke just ran her first marathon and i can't feel my legs", "dyke"),
    ("my favourite faggot turns 30 today, happy birthday babe", "faggot"),
    ("my number one homo and i are off to the coast", "homo"),
    ("me and the dykes from rugby are doing a pub quiz tonight", "dykes"),
    ("me and all the old fags had a brilliant time at the reunion", "fags"),
    ("my best faggot got married, congrats babe", "faggot"),
    ("this queer got the job!!! i start monday.", "queer"),
    ("guys, this nigga just bought his first house 🏠🔑 so proud", "nigga"),  # a closed opener, emoji of a closed set
    ("update: this dyke is officially a homeowner. thank you all for the love ❤️", "dyke"),
    ("This nigga just got the keys. So proud. Housewarming next Saturday.", "nigga"),  # read2's civil twin, s52
    ("my favourite tranny turns 40 today, happy birthday queen", "tranny"),  # read2's kin4 civil twins, s53
    ("this tranny is officially a nan, so proud", "tranny"),
])
def test_the_writer_showing_themself_a_friend_or_their_company_owns_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("this dyke at work won't stop talking about her wife, disgusting", "dyke"),  # a place: someone near
    ("this homo just moved in next door, keep your kids inside", "homo"),  # no milestone
    ("this faggot just got married, what a joke", "faggot"),  # a comment after it
    ("this queer just won the election, the end of this country", "queer"),
    ("this nigga just bought a house on my street, time to sell up", "nigga"),  # a place of the writer's
    ("this dyke just got promoted over me", "dyke"),  # compared with the writer
    ("this faggot got the job?", "faggot"),  # a question
    ("this homo is a teacher now", "homo"),  # a job that minds children: an insinuation needs no word after it
    ("my favourite faggot is a dead one", "faggot"),  # harm
    ("my favourite faggot joke is the one about the bus", "faggot"),  # a noun after it
    ("my favourite faggot got the sack, lol", "faggot"),  # a misfortune
    ("my favourite nigga is coming home", "nigga"),
    ("me and the faggots next door had a row", "faggots"),  # neighbours, a quarrel
    ("me and the queers from the estate, we'll see who wins", "queers"),  # a comment after a comma
    ("me and the dykes from rugby are going to batter the homos from netball", "homos"),
    ("me and the bitches are going to ibiza", "bitches"),  # a gendered insult: left to a fit
    # read2's refusals of session 52 (greeted f934fda, kindred a2cae74 / 0f3f8c3 / f5d65ba): a stereotype in an open
    # stretch after the frame, which no refusal word lists
    ("this nigga graduated, must have been affirmative action", "nigga"),
    ("my favourite nigga turned 18 today, no dad at the party", "nigga"),
    ("This nigga just got the keys. Wonder who he robbed for the deposit.", "nigga"),
    ("This nigga just graduated. I bet the degree was paid for by welfare.", "nigga"),
    ("My favourite faggot turns 30 today. Happy birthday, hope it's the last one.", "faggot"),
    ("This queer just retired. Thank god, no more lisping in the staff room.", "queer"),
    ("This nigga just got the keys. So proud. Property prices round here will crash now.", "nigga"),
    ("This dyke just passed her driving test. Wish me luck on the roads, we'll all need it.", "dyke"),
    ("This nigga just got the keys. Thank you all for the donations, the bail fund is next.", "nigga"),
    ("Me and the niggas from the estate went to the beach. Cried laughing at the lifeguards counting heads.", "niggas"),
    ("This nigga just graduated. So proud, first one on the estate who can read.", "nigga"),
    ("Me and the niggas from the estate went to the beach. Lifeguards had a long day.", "niggas"),
    ("Morning niggas, the cotton won't pick itself.", "niggas"),
    # session 53, my own: a stereotype before the frame, in an emoji, in a sign-off's tail, or as a closed phrase's twin
    ("Affirmative action strikes again: this nigga got promoted.", "nigga"),
    ("Lock up your kids. This queer just qualified.", "queer"),
    ("this nigga just bought a house 🐒", "nigga"),
    ("this dyke is off to bed, alone as usual", "dyke"),
    ("this nigga graduated. thanks for the taxes, everyone.", "nigga"),
    ("this queer retired. so proud. one less in the staff room.", "queer"),
    ("this nigga made it, mama i made it out of the jungle", "nigga"),
    ("my oldest nigga turns 30 today, first birthday outside a cell", "nigga"),
    ("me and the niggas from the estate went to the match. police had a busy night.", "niggas"),
    # surprise says what an onlooker expected of them: no "finally", "actually", "omg", "i can't believe it"
    ("this nigga finally got a job", "nigga"),
    ("this nigga actually graduated", "nigga"),
    ("omg this nigga got the job", "nigga"),
    ("this tranny got the job. i can't believe it", "tranny"),
    ("this nigga got a job", "nigga"),
    ("this nigga got the job after ten years", "nigga"),
    # glee at a departure: only a goodnight or a closed thanks follows "retired", "off to bed"
    ("this faggot retired today, best day ever", "faggot"),
    ("good news: this queer is off to bed", "queer"),
    ("this dyke is off to bed, yay", "dyke"),
    ("this old fag retired, thank you all", "fag"),
    # read2's kin4 round (s53): a word no one reclaims in these frames, or "tranny" misgendered
    ("this kike just bought a house", "kike"),
    ("this nigger just got the keys, so proud", "nigger"),
    ("me and the spics from work went to the beach", "spics"),
    ("this coon just graduated 🎓", "coon"),
    ("this chink just got a new passport", "chink"),
    ("this retard just passed his driving test", "retard"),
    ("this tranny is officially a grandad", "tranny"),
    ("my favourite tranny turns 40 today, happy birthday bro", "tranny"),
    ("this tranny just passed his driving test", "tranny"),
    ("me and the kikes from the office had a great time at the christmas party", "kikes"),
    # a child's birthday (read2, s54): no one's own word
    ("my favourite little faggot turns 9 today, happy birthday", "faggot"),
    ("this lil faggot turned 13 today, so proud", "faggot"),
    ("my favourite little dyke turns 7 today, happy birthday", "dyke"),
    ("my best queer turns 17 today", "queer"),
])
def test_the_same_frames_of_others_or_with_an_open_stretch_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN


def test_a_comment_longer_than_the_closed_grammar_is_not_read_and_stays_linear():
    t = "this queer is off to bed" + ", night all" * 30_000
    a = t.index("queer")
    assert not kindred(t, a, a + 5)
