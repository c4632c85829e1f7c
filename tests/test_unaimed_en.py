"""attack_unaimed_en (the hate gate's shut, moderation/targets/unaimed_en.py): each frame that attacks no one shuts the
gate, and the same frame on an attack keeps it open (en's own minimal pairs, session 49; no HateCheck case read)."""

import gc

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.unaimed_en import ATTACK_FRAMES_EN
from tests.support.cpu_cost import cost

# (civil: every attack frame's hit stands in a frame that attacks no one, its attack twin)
PAIRS = (
    # the writer's feeling at a thing, a time, or people named by what they do
    ("Honestly I h8 Mondays and always will.", "Honestly I h8 Muslims and always will."),
    ("I detest racists.", "I detest Romanians."),
    ("I can't stand people who sneer at Pakistanis.", "I can't stand people who are Pakistani."),
    ("I despise people who litter.", "I can't stand Pakistanis who sneer at us."),
    ("I hate waiting for the tram.", "I hate Mondays and I hate Muslims."),
    ("I hate my job.", "I hate my Muslim neighbours."),
    ("I have nothing but contempt for racists.", "I have nothing but contempt for Somalis."),
    # a dehumanising word in its literal sense
    ("Put the nappies in the trash bags with the rest of the rubbish.",
     "Put the Somalis in the trash bags with the rest of the rubbish."),
    ("Time to take out the trash, and I mean the recycling too.",
     "Time to take out the trash, and I mean the Gypsies camped by the river."),
    ("My Polish neighbours rescued three filthy stray animals last winter.",
     "My Polish neighbours are filthy stray animals."),
    ("The Romanian family next door keeps goats and other farm animals.", "Romanians are a pack of feral animals."),
    ("My Polish neighbours leave their trash bags out every Tuesday.",
     "Throw the Gypsies into the trash cans where they belong."),
    # a judgement the writer denies
    ("I don't find gay men disgusting... my brother is one and he's the best of us.", "I find gay men disgusting."),
    ("I don't regard Muslims as vermin, and anyone who does should be ashamed of themselves.",
     "I don't regard Muslims as vermin, as long as they leave when the work runs out."),
    # ... on terms denied.py's conditions name too (until, once, except: unaimed_en read only its own list until s51)
    ("I don't see Muslims as vermin at all, and I never will.",
     "I don't see Muslims as vermin, once they've learned the language."),
    ("I don't regard Muslims as vermin, and anyone who does should be ashamed of themselves.",
     "I don't regard Muslims as vermin, until they start paying their way."),
    # ... or turned back after the verb: the judgement held, not denied (read2 s51)
    ("I don't see Muslims as vermin at all, and I never will.",
     "Nobody sees Muslims as anything besides vermin round here."),
    ("I don't see Muslims as vermin at all, and I never will.", "I can't see Roma as anything more than parasites."),
    # an exclusion asked, or told as the group's own feeling
    ("Are gay couples no longer welcome at the Red Lion? I'll ask the new landlord and report back.",
     "Gay couples are no longer welcome at the Red Lion, the new landlord says."),
    ("My Polish neighbours feel they are no longer welcome here, and it breaks my heart.",
     "My Polish neighbours are no longer welcome here."),
    ("Syrian families say they are not wanted in this town.", "I feel they are not welcome here, those Somalis."),
    ("Is it true that Muslims are no longer welcome at the club?", "Should all Muslims be deported?"),
    ("Why are Somali families no longer welcome at the library? Someone explain.",
     "Have you noticed Somali families are no longer welcome at the library?"),
    ("I can't stand anyone who shouts at Polish shopkeepers.", "I can't stand anyone who comes from Poland."),
    ("Trash day tomorrow, so put the broken chairs out with the bins.",
     "Trash day tomorrow, so put the Romanians out with the bins."),
    ("I hate when the buses bunch up like that.", "I hate Mondays and Muslims."),
    ("What a trash franchise, sell the club.", "Those Romanians are trash."),
    ("These things make me sick, honestly.", "These Romanians make me sick, honestly."),
)


def test_each_unaimed_frame_shuts_the_gate_and_its_attack_twin_keeps_it_open():
    wrong = []
    for civil, attack in PAIRS:
        for text, shut in ((civil, 1.0), (attack, 0.0)):
            d = signal_dict(text)
            opened = any(d[name] > 0 for name in ATTACK_FRAMES_EN)
            if not opened or d["attack_unaimed_en"] != shut:
                wrong.append((text, opened, d["attack_unaimed_en"]))
    assert not wrong, wrong


def test_a_covered_hit_beside_an_attack_in_another_sentence_keeps_the_gate_open():
    for text in ("I hate Mondays. Muslims should be deported.",
                 "Syrians feel they are not welcome here. Good, they should be sent back.",
                 "We rescued two stray animals. Those Pakistanis are animals too.",
                 "As for the dykes who organised the march, they should be beaten."):
        assert signal_dict(text)["attack_unaimed_en"] == 0.0, text


@pytest.mark.slow
def test_the_readings_grow_linearly_with_the_text():
    """Each reading's frame repeated in one sentence (every hit read, group words beside refuse words: read2 found
    literal() reading all of them per hit), 4x longer: at most ~4x the cost, measured as a ratio in one run."""
    units = ("put the trash bags out Muslims ", "Muslims feed stray animals ", "i hate mondays i hate ",
             "are gay couples no longer welcome? ", "i don't find gay men disgusting, ",
             "they feel they are no longer welcome ", "take out the trash and i mean the somalis ")
    gc.collect()
    gc.disable()
    try:
        for unit in units:
            small, big = ((unit * (size // len(unit) + 1))[:size] for size in (2_500, 10_000))
            growth = min(cost(signal_dict, big, 0.05) / cost(signal_dict, small, 0.05) for _ in range(3))
            assert growth < 6.0, (unit, growth)
    finally:
        gc.enable()
