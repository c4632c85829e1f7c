"""The English group probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import GROUP_PROBE, load_cases
from tests.support.probes import assert_well_formed

NON_ATTACKS = {"denied_attack_nh", "group_positive_nh", "profanity_nobody_nh", "reclaimed_ingroup_nh",
               "reported_slur_nh"}


def test_group_probe_is_well_formed():
    cases = load_cases(GROUP_PROBE)
    # every case is one half of a minimal pair: the same sentence with and without the attack
    assert_well_formed(cases, {"hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_ATTACKS and all(funcs[f] >= 8 for f in NON_ATTACKS)



def test_in_group_words_are_the_writers_own():
    """A group word or slur the writer uses of their own group (we queers, us fags, as a dyke I, I'm a proud homo)
    counts as the writer referring to themself, not as a slur or a group attacked; aimed at others it stays one."""
    from moderation.features.signals import signal_dict

    for text in ("We queers run the allotment group.", "Us dykes started the quiz night.", "As a Muslim I agree.",
                 "I'm a proud homo and I vote.", "Me and my niggas watched the match.",
                 "Queer myself, and proud of it."):
        sig = signal_dict(text)
        assert sig["slur"] == sig["group"] == sig["insult_at_person"] == 0 and sig["self_ref"] > 0, text
    for text in ("Married thirty years, a proud old dyke and still here.", "Proud dyke, retired plumber, and cross."):
        sig = signal_dict(text)  # "proud" opening a clause describes the writer
        assert sig["slur"] == sig["profanity_unaimed"] == 0 and sig["self_ref"] > 0, text
    for text in ("You dyke, get out of here.", "You proud dyke, get out.", "He is a proud faggot.",
                 "My faggot neighbour plays music all night.", "Muslims are vermin.",
                 "Too many Muslims here, get rid of them.", "Our Jewish neighbours are vermin."):
        sig = signal_dict(text)
        assert sig["slur"] > 0 or sig["group"] > 0, text


def test_denials_of_a_whole_claim_are_negations():
    """'Nobody here thinks...', 'not one person ... hates', 'it's not true that [group] are a burden' deny the attack
    (negated_en), and the attack said outright is not denied."""
    from moderation.features.signals import signal_dict

    for text in ("Nobody in this town thinks refugees are criminals.", "Not one person at the meeting hates Jews.",
                 "It's not true that disabled people are a burden.", "I have never thought women are stupid."):
        assert signal_dict(text)["negated_en"] > 0, text
    for text in ("Disabled people are a burden.", "I hate Jews.", "Women should not be allowed to vote."):
        assert signal_dict(text)["negated_en"] == 0, text


def test_a_shouted_quote_is_someone_elses_words():
    """A slur reported as shouted, yelled or chanted in quote marks counts as quoted harm, not the writer's slur."""
    from moderation.features.signals import signal_dict

    sig = signal_dict("The court heard he was yelling 'tranny' at people in the queue.")
    assert sig["quoted_harm"] > 0 and sig["slur"] == 0 and sig["insult_at_person"] == 0


def test_someone_elses_words_said_told_or_thought_are_reported():
    """Words someone else said, told, thought or posted (people still say, my neighbour told me, telling them, hearing
    someone say) are theirs: a group word inside is not the writer's target; said by I, we or they it stays the
    writer's own claim."""
    from moderation.features.signals import signal_dict

    for text in ("My uncle told me refugees are rats.", "People still say Jews are vermin.",
                 "Telling disabled people they are a burden is cruel.", "Hearing him say Muslims are animals hurt."):
        sig = signal_dict(text)
        assert sig["group"] == 0 and sig["quoted_harm"] > 0, text
    for text in ("I say refugees are rats.", "We told them Jews are vermin.", "They say Muslims are animals.",
                 "I'm telling you, refugees are rats."):
        assert signal_dict(text)["group"] > 0, text
