"""In-group reference (session 58, issue 12; off by default): a writer speaking of others of their own group by the
word the group reclaims, in news-comment and community frames, beside harm twins where an onlooker aims that word.

Why: the quick fit of 2026.12.07-11's recipe flags 108 of 781 civil written English cases that carry a reclaimed word,
most of them the writer naming a friend, kin, a crew or a neighbour of their own ("this X just ...", "my favourite X",
"Xs on the cricket team"), or greeting them; model/synth_harms_en.py's neg_reclaimed family only says it of the
writer themself ("I'm a proud X"). The twins (one row in four) keep the same frames and words held when the writer
aims them: a stereotype, a call to drive them out, a beating cheered. Session 59 adds the kind session 58's screen
lost in every draw: the stings (one row in four more), a kind in-group frame (praise, news, a night out) with a
stereotype after it that turns it on them all: held. Written here, in frames of our own: no HateCheck case or template
was read, and no row is within reach of a written case (tests/test_synth_ingroup.py).
Switched on by `python -m model.en_quick --family ingroup` (training_set.EXTRA_FAMILIES); model.train never reads it
until a screen over several draws says it beats its base (docs/model.md, session 58).
"""

from __future__ import annotations

from model.synth_harms_slots import _w

HATE_AT = {"abuse": 1, "hate": 1, "harassment": None}  # the twin: a group's word aimed by an onlooker

SLOTS_INGROUP = {
    "kin": _w("cousin|brother|sister|best mate|flatmate|oldest friend|uncle|auntie|neighbour|bandmate"),
    "crew": _w("running club|book group|union branch|five-a-side team|choir|darts team|allotment society|church "
               "youth group|night class|rowing crew"),
    "workplace": _w("bus depot|warehouse|sorting office|hospital kitchen|call centre|building site|library|care home"),
    "deed": _w("cleared the flood debris off the high street|ran the soup kitchen all winter|packed the food bank "
               "shelves before Christmas|sat with the old folk at the care home|rebuilt the playground fence|"
               "raised the money for the new minibus|cooked for the night shelter|drove the pensioners to the polls"),
    "news": _w("qualified as a midwife|passed the bar exam|opened a barber's on the parade|won the county darts "
               "final|got promoted to shift manager|finished her PhD|ran the city half marathon for the hospice|"
               "passed her HGV test|started as a paramedic|got elected to the parish council"),
    "ask": _w("polls close at ten|the vigil starts at seven by the war memorial|the coach to the march leaves at six|"
              "the consultation on the bus routes ends Friday|bring a coat, the parade is outdoors|the clinic's "
              "petition needs two hundred more names"),
    "view": _w("the council's plan for {civtopic}|this article on {civtopic}|the minister's answer on {civtopic}|"
               "the new housing scheme|the editorial about the closure of the clinic"),
    "verdict": _w("misses the point|gets it about right|is long overdue|was written by someone who never asked us|"
                  "is better than I expected"),
    "drive": _w("hounded off the estate|barred from the playgrounds|driven out of {town}|made to leave the parade|"
                "sent packing"),
    "stereo": _w("perverts|vermin|thieves|filth|diseased"),  # said of them all
    "stereo1": _w("a pervert|vermin|a thief|filth|a disease"),  # said of one
    # a stereotype of them all, said after a kind frame (session 59)
    "sting": _w("first honest day's work any of them has done|nobody had to ring the police for once|and nothing "
                "went missing, which makes a change for their lot|give it a month and it's back on the dole like the "
                "rest of them|shame the rest of them are {stereo}|bet it was paid for with nicked money|didn't know "
                "any of them could read|must be the only one of them who's never been locked up|next they'll learn "
                "to wash|their lot usually end up in a cell by that age"),
}

FAMILIES_INGROUP = {
    "neg_ingroup": (  # the writer's own people named by the group's word, in ordinary news and community frames
        "Proud of my {rslurp} from {town} who {deed}",
        "Me and the other {rslurp} on the estate [signed the petition about {civtopic}|went to the council meeting "
        "about {civtopic}|wrote to our MP about {civtopic}]",
        "My {kin} is a {rslur} like me and [just {news}|{deed}]",
        "Shout out to the {rslurp} at the {workplace} who [covered every night shift during the strike|{deed}]",
        "[Morning|Evening|Right then|Listen up], my fellow {rslurp}, {ask}",
        "Every {rslur} I grew up with in {town} [remembers the old community centre|has a story about the night bus|"
        "still talks about the closing of the pits]",
        "Us old {rslurp} [remember|lived through] [when this paper called us worse|the years the clinic had a "
        "waiting list]",
        "The {rslurp} in my {crew} [raised|collected] ${d3} for {civic}",
        "Speaking as a {rslur}, {view} {verdict}",
        "{fn}'s a {rslur} like the rest of us and [{news}|{deed}]",
        "[Happy retirement|Congratulations|Well done] to the oldest {rslur} in {town}, [forty years at the "
        "{workplace}|{news}]",
        "We {rslurp} at the {workplace} [voted to strike|won the pay rise|kept the night shift running]",
        "Read this out to my {rslur} friends over breakfast and we all [agreed with the columnist|laughed at the "
        "chart|want to write to the editor]",
        "The {rslurp} of {town} [were out in force|turned up] at the [vigil|flood clean-up|blood drive] last night",
        "My {kin}, {rslur} and proud, {news}",
    ),
    "neg_ingroup_twin": (  # the same frames and words aimed by an onlooker: held
        ("Those {rslurp} from {town} should be {drive}", HATE_AT),
        ("The {rslur} at the {workplace} [needs a good kicking|should be {drive}|is {stereo1} like the rest of them]",
         HATE_AT),
        ("Shout out to whoever [smashed the windows of|spray-painted] the {rslurp}' [bar|centre] [last night|this "
         "weekend], [more of that|long overdue]", HATE_AT),
        ("[Another|One more] {rslur} [on my street|at the school gates]. [Disgusting|Someone needs to sort them out]",
         HATE_AT),
        ("Every {rslur} in {town} is {stereo1}", HATE_AT),
        ("Don't let a {rslur} near the [kids|youth club|changing rooms], they're all {stereo}", HATE_AT),
    ),
    "neg_ingroup_sting": (  # session 59: a kind frame of neg_ingroup's, then a stereotype of them all: held
        ("Proud of the {rslurp} from {town} who {deed}, {sting}", HATE_AT),
        ("My {kin} says the {rslur} at the {workplace} {news}, {sting}", HATE_AT),
        ("Shout out to the {rslurp} at the {workplace} who {deed} - {sting}", HATE_AT),
        ("{fn} is a {rslur} and {news}, {sting}", HATE_AT),
        ("[Congratulations|Well done|Fair play] to the {rslur} in {town} who {news}, {sting}", HATE_AT),
        ("The {rslurp} in my {crew} [raised|collected] ${d3} for {civic}, {sting}", HATE_AT),
        ("The {rslurp} of {town} [were out in force|turned up] at the [vigil|flood clean-up|blood drive], {sting}",
         HATE_AT),
        ("[Had a pint|Went bowling|Shared a taxi home] with the {rslurp} from the {workplace}, [counted my change "
         "after|kept my wallet in my sock all night|{sting}]", HATE_AT),
    ),
}
ROWS_INGROUP = {"neg_ingroup": 600, "neg_ingroup_twin": 200, "neg_ingroup_sting": 200}  # civil rows to twins: 3 to 2
