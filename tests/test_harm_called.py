"""A harm called for on people (session 32): a beating, an attack or a hurt as well as a death, on a people named by
its demonym as on a listed group, a person or a role; not a hurt said of a game, a bill or the writer's own side,
and not denied."""

import pytest

from moderation.features.signals import signal_dict

CALLED = [
    "Latinos deserve to be attacked.",
    "The Guatemalans in this town deserve to get hurt.",
    "Cubans should be beaten up until they leave.",
    "Tamils deserve to be tortured.",
    "My neighbours deserve to be hurt for what they did.",
    "Those Hondurans deserve a proper beating.",
    "Immigrants should all die.",  # the calls read before stay read
    "He deserves to be shot.",
    "Muslims deserve to be attacked for their beliefs.",
    # the second read (session 32): a bare noun after "for their" is no venue that makes it criticism
    "Journalists deserve to be beaten for their words.",
    "Muslims deserve to be attacked for their views.",
    # session 40: a hurt called for by a modal of need, and a deed done to a body by one of duty; the group told where
    # or which before the modal
    "The Pakistanis on our road need to be hurt.",
    "Muslims ought to be hurt for this.",
    "Gay men need to get hurt.",
    "The Somalis who moved in last year deserve to be tortured.",
    "Every one of those Jews needs to be attacked.",
    "Most of them need to be hurt.",
    "Refugees should be assaulted on sight.",
    "Trans people must be assaulted wherever they go.",
]
NOT_CALLED = [
    "Kids should get hurt less at school.",  # "get" only after "deserve to"
    "We deserved a beating after that display.",  # the writer's own side at a game
    "The bill deserves a kicking in the Lords.",  # a thing
    "Nobody deserves to be attacked for their accent.",  # denied
    "Latinos deserve to be listened to.",
    "The Serbs in my street deserve a medal.",
    "The minister deserves to be attacked for this budget.",  # criticism, defeat: the press, a record, the polls
    "The MP deserves to be beaten at the next election.",
    "Those players deserve to be hurt by this defeat.",
    # the second read (session 32): after "must"/"should" a hurt is a guess at feelings or a state, not a call
    "You must be hurt, are you okay?",
    "His family must be hurt by these comments.",
    "Those guys must be stoned, look at them.",
    "Kids should be hurt less often in youth rugby.",
    "The players must be battered after extra time.",
    # session 40: a thing, a policy about a group, a harm wished smaller, denied, a feeling guessed with its cause
    "These rules need to be scrapped.",
    "The policy on migrants deserves to be attacked.",
    "The government's policy towards refugees needs to be attacked.",
    "Kids need to be hurt less in youth rugby.",
    "Muslims don't need to be hurt.",
    "Muslims dont need to be hurt.",
    "Refugees who were tortured need to be helped.",
    "You must be tortured by the memories of that night.",
    "Migrants need to be stoned.",  # a state as often as a deed: only as deserved
    # read2 (session 40): criticism after should / must, a state guessed with its frequency
    "Ministers should be attacked for this failure.",
    "Critics say the minister must be attacked on every front.",
    "Doctors must be assaulted every day in that hospital, it's shocking.",
    "No refugee in that hotel should be attacked.",  # a negative quantifier over more words than denied.py reads
    "Not a single Muslim on this street deserves to be hurt.",
]


@pytest.mark.parametrize(("text", "called"), [(t, True) for t in CALLED] + [(t, False) for t in NOT_CALLED])
def test_a_harm_is_called_for_only_on_people(text, called):
    assert (signal_dict(text)["threat_en"] > 0) is called, text


@pytest.mark.parametrize("text", ["He said Muslims need to be hurt.",
                                  "My neighbour told me that immigrants need to be hurt, and I reported him."])
def test_a_call_for_a_hurt_someone_else_made_is_quoted_not_the_writers(text):
    signals = signal_dict(text)
    assert signals["quoted_harm"] > 0 and signals["threat_en"] == 0, text


@pytest.mark.parametrize("text", ["No Muslim needs to be hurt.", "No refugee should be assaulted."])
def test_a_call_for_a_hurt_nobody_makes_is_denied(text):
    signals = signal_dict(text)
    assert signals["denied_harm"] > 0 and signals["threat_en"] == 0, text


@pytest.mark.parametrize("text", ["Latinx students marched on Friday.", "Serbs and Croats played in the final.",
                                  "The Hmong families on our road grow the best beans.",
                                  "Maori singers opened the ceremony."])
def test_more_peoples_are_named(text):
    assert signal_dict(text)["group_named"] > 0, text


@pytest.mark.parametrize("text", ["The dog is in this town.", "Hang your coats on the hook.", "Heads or tails?"])
def test_a_new_people_is_no_spelling_of_a_common_word(text):
    assert signal_dict(text)["group_named"] == 0, text


@pytest.mark.parametrize("text", ["No doubt refugees should be shot.", "No wonder those people should be maimed."])
def test_an_idioms_no_denies_no_call(text):
    """Session 40: "no doubt" / "no wonder" assert what follows (denied.py's _NOT_HARMED read them as denials)."""
    signals = signal_dict(text)
    assert signals["threat_en"] > 0 and signals["denied_harm"] == 0, text


# session 41: a verb of saying ends the reach to the modal, so a call reported without quotation marks is the
# reporter's words (reported.py), not the writer's call, unless the writer endorses it
@pytest.mark.parametrize("text", ["My brother keeps saying Latinos need to be hurt, and it sickens me.",
                                  "Our caretaker insists that Kurds ought to be attacked, so I complained.",
                                  "My gran reckons immigrants need to be hurt, which is awful.",
                                  "Some bloke on the train told us that Somalis deserve to be beaten."])
def test_a_call_reported_without_quotation_marks_is_quoted(text):
    signals = signal_dict(text)
    assert signals["quoted_harm"] > 0 and signals["threat_en"] == 0, text


def test_a_reported_call_the_writer_endorses_is_theirs():
    signals = signal_dict("My brother keeps saying Latinos need to be hurt, and he's right.")
    assert signals["threat_en"] > 0 and signals["quoted_harm"] == 0


# read2, session 41: agreement said in other words than ENDORSED_EN's first list ("and I'm with him on that" was the
# uncle's words: 0.896 -> 0.105 with -6's weights); "I'm with her mum on this" names someone else: still a report
@pytest.mark.parametrize("text", ["My cousin keeps saying Kurds need to be hurt, and I'm with him on that.",
                                  "Our caretaker insists that Somalis ought to be attacked, and who can blame him.",
                                  "My aunt reckons Tamils need to be hurt, and fair enough."])
def test_a_reported_call_agreed_with_in_other_words_is_theirs(text):
    signals = signal_dict(text)
    assert signals["threat_en"] > 0 and signals["quoted_harm"] == 0, text


def test_agreeing_with_someone_else_is_no_endorsement_of_the_report():
    signals = signal_dict("My aunt reckons Tamils need to be hurt, and I'm with her mum on this: she's awful.")
    assert signals["quoted_harm"] > 0 and signals["threat_en"] == 0


@pytest.mark.parametrize(("text", "attack"), [("The Kurds by the chip shop need to be hurt.", True),
                                              ("Every one of the Tamils here deserves a beating.", True),
                                              ("The Kurds by the chip shop need to be heard.", False),
                                              ("My brother keeps saying Kurds need to be hurt.", False),
                                              ("The Tamils here don't deserve a beating.", False)])
def test_a_call_for_harm_on_a_group_attacks_the_group(text, attack):
    """Session 41: a named people's word weighs nothing alone; the call's combination with it carries the attack."""
    assert (signal_dict(text)["group_attack"] > 0) is attack, text
