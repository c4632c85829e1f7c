"""The deed-threat, named-accusation, group-quality, cleared-accusation and individual-abuse probes (English and
Japanese) are well-formed; test_probes.py holds the shipped model to their results."""

from difflib import SequenceMatcher

import pytest

from model.judge import (
    CIVIL_FRAME_PROBE,
    CLEARED_PROBE,
    DEED_THREAT_PROBE,
    DENIED_DEED_PROBE,
    GROUP_QUALITY_PROBE,
    IDIOM_SWEAR_PROBE,
    INDIVIDUAL_PROBE,
    JA_CLEARED_PROBE,
    JA_CRIME_NOUN_PROBE,
    JA_DEED_THREAT_PROBE,
    JA_GROUP_COMPOUND_PROBE,
    JA_GROUP_QUALITY_PROBE,
    JA_GROUP_STATE_PROBE,
    JA_INDIVIDUAL_PROBE,
    JA_LOCATED_PURPOSE_PROBE,
    JA_LOCATED_VISIT_PROBE,
    JA_MENACE_PROBE,
    JA_NAMED_ACCUSATION_PROBE,
    JA_SCENE_PROBE,
    JA_STATE_NAME_PROBE,
    LOCATED_PURPOSE_PROBE,
    LOCATED_VISIT_PROBE,
    NAMED_ACCUSATION_PROBE,
    PEOPLES_HARM_PROBE,
    QUESTION_SWEAR_PROBE,
    RECLAIMED_USE_PROBE,
    RECLAIMED_WOMEN_PROBE,
    SUITE_DIR,
    VULGAR_FRIENDLY_PROBE,
    load_cases,
)
from tests.support.probes import assert_well_formed

# each probe: its harms' categories, the harmful functionalities, the civil ones its twins may take
_NAMED_CIVIL = {"accusation_asked_nh", "accusation_denied_nh", "allegation_reported_nh", "policy_criticism_nh"}
# session 25: the same accusation cleared, denied or unproven; abuse and threats aimed at one person (insult,
# dehumanisation, a threat to the body) against the same words or frame in a civil sentence
_CLEARED_CIVIL = {"accusation_cleared_nh", "accusation_denied_nh", "accusation_unproven_nh"}
# session 26: a home or address said to be found plus a visit announced, against a visit to a friend, an interview at an
# office, an address found to return something, a news report of someone else's doxxing, a quoted threat condemned
_LOCATED_VISIT = ({"threat"}, {"located_visit_h"}, {"visit_friend_nh", "visit_interview_nh", "address_returned_nh",
                                                     "doxxing_reported_nh", "threat_quoted_nh"})
# session 28: the same found home and visit with a civil purpose said, against menace or no purpose at all
_LOCATED_PURPOSE = ({"threat"}, {"located_visit_h", "located_menace_h"},
                    {"visit_petition_nh", "visit_thanks_nh", "visit_interview_nh", "visit_delivery_nh",
                     "visit_apology_nh", "protest_office_nh"})
_INDIVIDUAL = ({"threat", "harassment"}, {"threat_body_h", "threat_verb_h", "insult_indiv_h", "dehumanise_indiv_h"},
               {"body_literal_nh", "criticism_nh", "verb_literal_nh", "civil_address_nh", "civil_about_nh"})
PROBES = {
    DEED_THREAT_PROBE: ({"threat"}, {"deed_threat_h"}, {"deed_civil_nh"}),
    JA_DEED_THREAT_PROBE: ({"threat"}, {"deed_threat_h"}, {"deed_civil_nh"}),
    NAMED_ACCUSATION_PROBE: ({"defamation"}, {"named_accusation_h"}, _NAMED_CIVIL),
    JA_NAMED_ACCUSATION_PROBE: ({"defamation"}, {"named_accusation_h"}, _NAMED_CIVIL),
    GROUP_QUALITY_PROBE: ({"hate"}, {"group_fault_h"}, {"group_quality_nh"}),
    JA_GROUP_QUALITY_PROBE: ({"hate"}, {"group_fault_h"}, {"group_quality_nh"}),
    CLEARED_PROBE: ({"defamation"}, {"named_accusation_h"}, _CLEARED_CIVIL),
    JA_CLEARED_PROBE: ({"defamation"}, {"named_accusation_h"}, _CLEARED_CIVIL),
    INDIVIDUAL_PROBE: _INDIVIDUAL,
    JA_INDIVIDUAL_PROBE: _INDIVIDUAL,
    # session 26: a reclaimed word in an in-group name, greeting or description, against the same words in an attack
    RECLAIMED_USE_PROBE: ({"hate", "harassment", "threat"}, {"group_attack_h", "slur_at_person_h", "threat_at_group_h"},
                          {"reclaimed_name_nh", "reclaimed_greeting_nh", "reclaimed_described_nh"}),
    LOCATED_VISIT_PROBE: _LOCATED_VISIT,
    JA_LOCATED_VISIT_PROBE: _LOCATED_VISIT,
    # session 27: bitch, slut, hoe said of oneself, one's own circle, a friend, or naming an event or a work, against an
    # attack on a woman or on women with the same words
    LOCATED_PURPOSE_PROBE: _LOCATED_PURPOSE,
    JA_LOCATED_PURPOSE_PROBE: _LOCATED_PURPOSE,
    JA_CRIME_NOUN_PROBE: ({"defamation"}, {"named_accusation_h"}, _NAMED_CIVIL),
    JA_STATE_NAME_PROBE: ({"hate"}, {"group_attack_h"}, {"state_criticism_nh"}),
    # session 48: an evaluative word about a scene or an act, 馬鹿にする as a verb, against the word said of a person
    JA_SCENE_PROBE: ({"harassment"}, {"insult_at_person_h"}, {"scene_opinion_nh", "scorn_verb_nh"}),
    RECLAIMED_WOMEN_PROBE: ({"hate", "harassment"}, {"group_attack_h", "slur_at_person_h"},
                            {"self_word_nh", "own_circle_nh", "reclaimed_name_nh", "described_nh",
                             "friend_address_nh"}),
    # session 28: the same words said of oneself with a describing word, of one's own circle, or to a friend warmly
    VULGAR_FRIENDLY_PROBE: ({"hate", "harassment"}, {"group_attack_h", "slur_at_person_h"},
                            {"self_word_nh", "own_circle_nh", "friend_address_nh"}),
    # session 29: hate at a group against its state, government or a policy criticised, the hate quoted in a report,
    # counter-speech naming it
    JA_GROUP_STATE_PROBE: ({"hate"}, {"group_attack_h", "hate_said_h"},
                           {"state_criticism_nh", "policy_criticism_nh", "hate_quoted_nh", "counter_speech_nh"}),
    # session 29: 在日 + a listed group word in a civil sentence against the same compound attacked
    JA_GROUP_COMPOUND_PROBE: ({"hate"}, {"group_attack_h"}, {"group_civil_nh"}),
    # session 30: a harm, a death or a wish for them denied, against the same words asserted of a group
    DENIED_DEED_PROBE: ({"hate"}, {"group_attack_h"}, {"denied_deed_nh"}),
    # session 30: a question's swear word aimed at nobody, against the same opening turned on the reader
    QUESTION_SWEAR_PROBE: ({"harassment"}, {"swear_at_person_h"}, {"question_swear_nh"}),
    # session 32: a harm called for on a people named by its demonym, against the same frame with a civil predicate
    PEOPLES_HARM_PROBE: ({"hate"}, {"group_attack_h"}, {"group_civil_nh"}),
    # session 32: a swear word aimed at a thing or a situation, against the same word aimed at a person
    IDIOM_SWEAR_PROBE: ({"harassment"}, {"swear_at_person_h"}, {"swear_idiom_nh"}),
    # session 42: a group praised, stood up for, its experience told or an attack on it denied, against the same
    # frame turned on the group
    CIVIL_FRAME_PROBE: ({"hate"}, {"group_attack_h"}, {"praise_nh", "support_nh", "experience_nh", "denied_attack_nh"}),
    # session 42: the addressed person told on, their name kept, a caution given as an order, a wish quoted without
    # marks as the writer's own, an adverb's と before the writer's order; against a favour, one's own call, a name
    # remembered kindly, a caution out of care, the wish quoted to condemn it, the same adverb in praise
    JA_MENACE_PROBE: ({"threat", "hate", "harassment"},
                      {"threat_told_h", "threat_kept_h", "caution_menace_h", "own_unquoted_h", "endorsed_unquoted_h",
                       "adverb_to_h"},
                      {"favour_call_nh", "own_call_nh", "report_call_nh", "kind_kept_nh", "caution_care_nh",
                       "counter_unquoted_nh", "adverb_to_nh"}),
}


@pytest.mark.parametrize("probe", list(PROBES), ids=[p.stem for p in PROBES])
def test_harm_forms_probe_is_well_formed(probe):
    categories, harmful, civil = PROBES[probe]
    cases = load_cases(probe)
    # a threat that says the deed (snap your neck, 指を切り落としてやる), a crime asserted of a person named by title
    # and name (Councillor X took a bribe, 〜議員は賄賂を受け取っている), a group given bad qualities: 12 each, against
    # the same verb or frame in a civil sentence, the same accusation asked, denied, reported or turned to policy,
    # the same group given good qualities
    assert assert_well_formed(cases, categories) == {"harmful": 12, "non_harmful": 12}
    assert {c["functionality"] for c in cases if c["expected"] == "harmful"} <= harmful
    assert {c["functionality"] for c in cases if c["expected"] == "non_harmful"} <= civil
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        same = SequenceMatcher(None, c["text"], by_id[c["pair"]]["text"], autojunk=False).find_longest_match()
        assert same.size >= 3, c["id"]  # the same frame, person or group in both
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != probe for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
