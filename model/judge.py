"""A functional case decided exactly as the service decides it, and where the suites and artifacts are."""

from __future__ import annotations

import csv
import inspect
import json
from pathlib import Path

from moderation.scoring.policy import Policy
from moderation.scoring.scorer import read_active

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "model" / "artifacts"
SUITE_DIR = ROOT / "tests" / "functional"
SUITE = SUITE_DIR / "ja_suite.jsonl"
PROBE = SUITE_DIR / "personal_info_probe.jsonl"
THREAT_PROBE = SUITE_DIR / "en_threat_probe.jsonl"
GROUP_PROBE = SUITE_DIR / "en_group_probe.jsonl"
FRAME_PROBE = SUITE_DIR / "en_frame_probe.jsonl"
NEGATION_PROBE = SUITE_DIR / "en_negation_probe.jsonl"
MENTION_PROBE = SUITE_DIR / "en_group_mention_probe.jsonl"
SWEARING_PROBE = SUITE_DIR / "en_swearing_probe.jsonl"
EXCLUSION_PROBE = SUITE_DIR / "en_exclusion_probe.jsonl"
EMOTION_PROBE = SUITE_DIR / "en_emotion_probe.jsonl"
POSITIVE_PROBE = SUITE_DIR / "en_group_positive_probe.jsonl"
PRAISE_PROBE = SUITE_DIR / "en_praise_probe.jsonl"
NEIGHBOUR_PROBE = SUITE_DIR / "en_neighbour_probe.jsonl"
STANCE_PROBE = SUITE_DIR / "en_stance_probe.jsonl"
RECLAIMED_PROBE = SUITE_DIR / "en_reclaimed_probe.jsonl"
OWNED_PROBE = SUITE_DIR / "en_owned_probe.jsonl"
SLUR_PRAISE_PROBE = SUITE_DIR / "en_slur_praise_probe.jsonl"
INGROUP_WORD_PROBE = SUITE_DIR / "en_ingroup_word_probe.jsonl"
SLUR_THIRD_PROBE = SUITE_DIR / "en_slur_third_probe.jsonl"
INGROUP_ADDRESS_PROBE = SUITE_DIR / "en_ingroup_address_probe.jsonl"
DENIAL_PROBE = SUITE_DIR / "en_denial_probe.jsonl"
COUNTER_PROBE = SUITE_DIR / "en_counter_probe.jsonl"
POLARITY_PROBE = SUITE_DIR / "en_polarity_probe.jsonl"
VEILED_THREAT_PROBE = SUITE_DIR / "en_veiled_threat_probe.jsonl"
DENIAL_FORMS_PROBE = SUITE_DIR / "en_denial_forms_probe.jsonl"
VERDICT_PROBE = SUITE_DIR / "en_verdict_probe.jsonl"
COUNTER_REF_PROBE = SUITE_DIR / "en_counter_ref_probe.jsonl"
COUNTER_THREAT_PROBE = SUITE_DIR / "en_counter_threat_probe.jsonl"
DEATH_WISH_PROBE = SUITE_DIR / "en_death_wish_probe.jsonl"
SPELLING_PROBE = SUITE_DIR / "en_spelling_probe.jsonl"
SPELLING_VERBS_PROBE = SUITE_DIR / "en_spelling_verbs_probe.jsonl"
SPELLING_EDITS_PROBE = SUITE_DIR / "en_spelling_edits_probe.jsonl"
SPELLING_REST_PROBE = SUITE_DIR / "en_spelling_rest_probe.jsonl"
SLUR_LIST_PROBE = SUITE_DIR / "en_slur_list_probe.jsonl"
SPELLING_GROUPS_PROBE = SUITE_DIR / "en_spelling_groups_probe.jsonl"
INVISIBLE_PROBE = SUITE_DIR / "en_invisible_probe.jsonl"
SWEARING_BARE_PROBE = SUITE_DIR / "en_swearing_bare_probe.jsonl"
WITHHELD_PRAISE_PROBE = SUITE_DIR / "en_withheld_praise_probe.jsonl"
NEGATED_FORMS_PROBE = SUITE_DIR / "en_negated_forms_probe.jsonl"
NEGATED_CLAIMS_PROBE = SUITE_DIR / "en_negated_claims_probe.jsonl"
NEGATED_MORE_PROBE = SUITE_DIR / "en_negated_more_probe.jsonl"
# session 43: negation at groups in twelve shapes (negated attribute, emotion, call, praise; not ... but; no longer;
# never; nothing but; can't stand; rhetorical questions; double negation; a negation then an attack), each pair one
# negation apart or one word turning the negation's sense
NEGATION_GROUPS_PROBE = SUITE_DIR / "en_negation_groups_probe.jsonl"
IDENTITY_POSITIVE_PROBE = SUITE_DIR / "en_identity_positive_probe.jsonl"
GROUP_SUPPORT_PROBE = SUITE_DIR / "en_group_support_probe.jsonl"
PEOPLES_NEUTRAL_PROBE = SUITE_DIR / "en_peoples_neutral_probe.jsonl"
CIVIL_PROBE = SUITE_DIR / "en_civil_probe.jsonl"
ACCUSATION_PROBE = SUITE_DIR / "ja_accusation_probe.jsonl"
JA_INVISIBLE_PROBE = SUITE_DIR / "ja_invisible_probe.jsonl"
JA_GROUP_PROBE = SUITE_DIR / "ja_group_probe.jsonl"
JA_SELF_PROBE = SUITE_DIR / "ja_self_probe.jsonl"
JA_EXCLUSION_PROBE = SUITE_DIR / "ja_exclusion_probe.jsonl"
JA_ATTACK_PROBE = SUITE_DIR / "ja_attack_probe.jsonl"
JA_BLAME_PROBE = SUITE_DIR / "ja_blame_probe.jsonl"
JA_BLAME_FORMS_PROBE = SUITE_DIR / "ja_blame_forms_probe.jsonl"
JA_BLAME_CHAIN_PROBE = SUITE_DIR / "ja_blame_chain_probe.jsonl"
JA_GENERALISE_PROBE = SUITE_DIR / "ja_generalise_probe.jsonl"
JA_BLAME_PASSIVE_PROBE = SUITE_DIR / "ja_blame_passive_probe.jsonl"
JA_CLAUSE_PROBE = SUITE_DIR / "ja_clause_probe.jsonl"
JA_CIVIL_PROBE = SUITE_DIR / "ja_civil_probe.jsonl"
# session 32: comments on the seed article and other news: the other commenters wished dead or insulted as a bunch,
# self-harm urged, exposure threatened, against the same frames in heated civil comments
JA_NEWS_COMMENT_PROBE = SUITE_DIR / "ja_news_comment_probe.jsonl"
DEED_THREAT_PROBE = SUITE_DIR / "en_deed_threat_probe.jsonl"
JA_DEED_THREAT_PROBE = SUITE_DIR / "ja_deed_threat_probe.jsonl"
NAMED_ACCUSATION_PROBE = SUITE_DIR / "en_named_accusation_probe.jsonl"
JA_NAMED_ACCUSATION_PROBE = SUITE_DIR / "ja_named_accusation_probe.jsonl"
GROUP_QUALITY_PROBE = SUITE_DIR / "en_group_quality_probe.jsonl"
JA_GROUP_QUALITY_PROBE = SUITE_DIR / "ja_group_quality_probe.jsonl"
# session 25: accusations cleared, denied or unproven against the same asserted; abuse and threats aimed at one person
CLEARED_PROBE = SUITE_DIR / "en_cleared_probe.jsonl"
JA_CLEARED_PROBE = SUITE_DIR / "ja_cleared_probe.jsonl"
INDIVIDUAL_PROBE = SUITE_DIR / "en_individual_probe.jsonl"
JA_INDIVIDUAL_PROBE = SUITE_DIR / "ja_individual_probe.jsonl"
# session 26: a reclaimed word in an in-group name, greeting or description (no "I'm" or "we're"), against an attack
RECLAIMED_USE_PROBE = SUITE_DIR / "en_reclaimed_use_probe.jsonl"
# session 26: a person's home or address said to be found plus a visit announced, against civil visits and reports
LOCATED_VISIT_PROBE = SUITE_DIR / "en_located_visit_probe.jsonl"
JA_LOCATED_VISIT_PROBE = SUITE_DIR / "ja_located_visit_probe.jsonl"
# session 27: women's reclaimed words (bitch, slut, hoe) of oneself, one's circle, a friend or an event, against attacks
RECLAIMED_WOMEN_PROBE = SUITE_DIR / "en_reclaimed_women_probe.jsonl"
# session 28: vulgar words (bitch, hoe, slut) and reclaimed slurs the writer says of themself with a describing word, of
# their own circle, or to a friend warmly, against the same words aimed at a person or at a group
VULGAR_FRIENDLY_PROBE = SUITE_DIR / "en_vulgar_friendly_probe.jsonl"
# session 28: the same home found and visit announced with a civil purpose said (a petition, thanks, an interview, a
# delivery, an apology, a protest at a public office) against menace; a named official called a criminal or accused
# by the crime's noun (収賄, 私腹を肥やす, 犯罪者だ) against the same words asked, reported, denied or about policy
LOCATED_PURPOSE_PROBE = SUITE_DIR / "en_located_purpose_probe.jsonl"
JA_LOCATED_PURPOSE_PROBE = SUITE_DIR / "ja_located_purpose_probe.jsonl"
JA_CRIME_NOUN_PROBE = SUITE_DIR / "ja_crime_noun_probe.jsonl"
JA_MENACE_PROBE = SUITE_DIR / "ja_menace_probe.jsonl"
# session 43: a call to the addressed person's people offered out of care (a plight's condition, a message for them)
# against the same call as a menace (a dare's condition, telling on them); a caution given as an order, a name kept
JA_OFFER_PROBE = SUITE_DIR / "ja_offer_probe.jsonl"
# session 29: hate at a group (在日, 朝鮮人, ロシア人, 中国人, women) against criticism of its state, government or a
# policy, the same words quoted in a news report, and counter-speech that names them
JA_GROUP_STATE_PROBE = SUITE_DIR / "ja_group_state_probe.jsonl"
# session 29: a civil sentence about 在日 joined to a listed group word (在日ロシア人, 在日外国人, 在日ムスリム)
# against an attack on the same compound
JA_GROUP_COMPOUND_PROBE = SUITE_DIR / "ja_group_compound_probe.jsonl"
# session 28: 北朝鮮 (the state) and 朝鮮半島 criticised or repeated, against the same frame aimed at the people
JA_STATE_NAME_PROBE = SUITE_DIR / "ja_state_name_probe.jsonl"
# session 48 (the seed page's comments): an evaluative word (気持ち悪い, キモい) about a scene, an act or a thing, and
# 馬鹿にする (to scorn) as a verb, against the same word said of a person (the reader, a writer, a named reporter)
JA_SCENE_PROBE = SUITE_DIR / "ja_scene_probe.jsonl"
# session 30: a harm, a death or a wish for them denied ("nobody wants to kill", "do not deserve to die", "no [one of
# them] deserves to be attacked") against the same words asserted
DENIED_DEED_PROBE = SUITE_DIR / "en_denied_deed_probe.jsonl"
# session 30: a question's "the fuck" aimed at nobody ("why the fuck do energy prices keep rising?") against the same
# opening turned on the reader with an insult
QUESTION_SWEAR_PROBE = SUITE_DIR / "en_question_swear_probe.jsonl"
# session 32: a harm called for on a people named by its demonym (Latinos deserve to be attacked; Guatemalans, Tamils,
# Hondurans) against the same frame with a civil predicate
PEOPLES_HARM_PROBE = SUITE_DIR / "en_peoples_harm_probe.jsonl"
# session 32: a swear word aimed at a thing or a situation (life's a bitch; it's a bitch to park; shit happens)
# against the same word aimed at a person
IDIOM_SWEAR_PROBE = SUITE_DIR / "en_idiom_swear_probe.jsonl"
# session 42: the writer's own group word in forms owned.py did not read (I'm the only dyke in the village, the queers
# among us, we call each other faggots, our queer choir; a fag break) against the same words aimed at others
OWN_GROUP_PROBE = SUITE_DIR / "en_own_group_probe.jsonl"
# session 43: more forms of the writer's own group word (I'm not the only dyke in the village, I'm one of them queers,
# all of us at the choir are queers, the other dykes and I) against outsiders' uses of the same openings
OWN_FORMS_PROBE = SUITE_DIR / "en_own_forms_probe.jsonl"
# session 44: the writer's own group word with describing words, in a count, an apposition, a sign-off or quoted
# speech, against the same word said of someone, at someone or in an exclusion by someone in charge
OWN_VOICE_PROBE = SUITE_DIR / "en_own_voice_probe.jsonl"
# session 45: "queer" / "dyke" as the group's neutral name (a queer bookshop, the local dyke bar, my daughter is queer)
# and the writer's "just a ... here", against the same words in an attack, a predicate of scorn or an insult's frame
IDENTITY_WORD_PROBE = SUITE_DIR / "en_identity_word_probe.jsonl"
# session 42: a group praised, stood up for, its experience told or an attack on it denied, against the same frame
# turned on the group
CIVIL_FRAME_PROBE = SUITE_DIR / "en_civil_frame_probe.jsonl"
# session 42 (read2): the session's new readings read as an adversary would: harm hidden in a civil frame (praise or a
# denial taken back in the next clause, "us" as an object, "among us", "our" of a town, "we" called on as menace, a
# wish the writer says they write) and civil text in a harm's frame (a favour or gruff care said as an order, the
# cigarette with its cue later in the sentence), each against its twin
SECOND_READING_PROBE = SUITE_DIR / "en_second_reading_probe.jsonl"
JA_SECOND_READING_PROBE = SUITE_DIR / "ja_second_reading_probe.jsonl"
# session 43 (read2): session 42's further adversarial sentences (unpaired) and session 43's pairs against the readings
# of prof, hate and ja: an outsider's word in the writer's openings, a negation taken back, an offer's words as menace
THIRD_READING_PROBE = SUITE_DIR / "en_third_reading_probe.jsonl"
JA_THIRD_READING_PROBE = SUITE_DIR / "ja_third_reading_probe.jsonl"
# session 43 (read2, landed in 44): the later pairs against that session's readings (prof's later openings, the negation
# frame's exceptions and a denied regard, offers under a plight vs a concessive dare, the face frame)
FOURTH_READING_PROBE = SUITE_DIR / "en_fourth_reading_probe.jsonl"
JA_FOURTH_READING_PROBE = SUITE_DIR / "ja_fourth_reading_probe.jsonl"
# session 44 (read2, landed in 45): that session's pairs against its readings (a regard denied then asserted or
# conditioned, care after a denial taken back, the writer's own word in more forms taken by an outsider, "no longer
# welcome", menace_ja's plight condition as an excuse)
FIFTH_READING_PROBE = SUITE_DIR / "en_fifth_reading_probe.jsonl"
JA_FIFTH_READING_PROBE = SUITE_DIR / "ja_fifth_reading_probe.jsonl"
# session 45 (read2, landed in 46): that session's pairs against its readings ("ima" + a degree adverb + a verb, a
# neutral identity name beside a veiled attack, what may follow a regard's denial, "nothing [bad] about" taken back,
# exclusions by someone in charge, menace_ja's plight lead and a kept name's welcome)
SIXTH_READING_PROBE = SUITE_DIR / "en_sixth_reading_probe.jsonl"
JA_SIXTH_READING_PROBE = SUITE_DIR / "ja_sixth_reading_probe.jsonl"
# session 46 (read2, landed in 47): that session's pairs against its readings ("ima" + a degree adverb + a verb, a
# sign-off's "one" that counts off, "as a" after a ditransitive, identity warmth beside a veiled harm, exclusions by
# someone in charge, 死んで's told continuations and a name's shape after ・)
SEVENTH_READING_PROBE = SUITE_DIR / "en_seventh_reading_probe.jsonl"
JA_SEVENTH_READING_PROBE = SUITE_DIR / "ja_seventh_reading_probe.jsonl"
# session 47 (read2, landed in 48): that session's pairs against its readings ("as" after an earlier verb's object, a
# passive's agent or "refer to X as", a sign-off's "one" counted off, "I won't have a [group] [doing]", 死んで's wish
# endings, a common noun of a name's shape + の, the plight and violence wishes, ども and the daze compounds)
EIGHTH_READING_PROBE = SUITE_DIR / "en_eighth_reading_probe.jsonl"
JA_EIGHTH_READING_PROBE = SUITE_DIR / "ja_eighth_reading_probe.jsonl"
# session 48 (read2, landed in 49): that session's pairs against its readings (a sign-off's time / plan phrases,
# "refer to X as", the literal refuse said of people, counter-speech / quoting / denial that fire a construction, whose
# word an in-group word is, 死んで's told continuations as a request / prayer / threat, 気持ち悪い at a scene or a
# person)
NINTH_READING_PROBE = SUITE_DIR / "en_ninth_reading_probe.jsonl"
JA_NINTH_READING_PROBE = SUITE_DIR / "ja_ninth_reading_probe.jsonl"
# session 50 (read2): comments on the seed article and other news: threats at reporters, exposure, accusations told as
# fact, group hate and abuse at other commenters, each against heated civil opinion on politicians, wars and states,
# counter-speech, quotes and reports in the same frame
TENTH_READING_PROBE = SUITE_DIR / "en_tenth_reading_probe.jsonl"
JA_TENTH_READING_PROBE = SUITE_DIR / "ja_tenth_reading_probe.jsonl"
# session 50 (read2): that session's pairs against its readings: en's introductions without "here" (a sign-on, "your
# ... [word] here", "X here, asking", "just a ... [word] trying / living", a profile) taken by an outsider with scorn, a
# harm or an accusation after them, against the writer's own
ELEVENTH_READING_PROBE = SUITE_DIR / "en_eleventh_reading_probe.jsonl"
# session 50 (read2): later rounds against that session's readings: en's introductions with "it" said of a person, a
# hint at children or a harm without a listed word, and its "not ashamed to be", "we are [describing] Xs" and "ima ..."
# taken by others; ja's katakana insult compounds said of oneself, reported, condemned, denied or of a thing, and
# [pointing word] + insult + め said to oneself, to an animal, reported or quoted, each against its twin
TWELFTH_READING_PROBE = SUITE_DIR / "en_twelfth_reading_probe.jsonl"
JA_TWELFTH_READING_PROBE = SUITE_DIR / "ja_twelfth_reading_probe.jsonl"
# session 51 (read2): news comments aimed at what the tenth probe's classes still miss: threats at reporters in
# passive, deserve and idiom forms, a threat reported then renewed, exposure of a reporter or a commenter, spy and
# traitor accusations told as fact, hate endorsed after a quote or a report, each against its civil twin (the threat
# reported, the work criticised, an office's or a paper's public address, "traitor" said of a policy, the quote
# condemned)
THIRTEENTH_READING_PROBE = SUITE_DIR / "en_thirteenth_reading_probe.jsonl"
JA_THIRTEENTH_READING_PROBE = SUITE_DIR / "ja_thirteenth_reading_probe.jsonl"
# session 52 (read2): session 51's rounds against the readings -10 shipped, each with a twin in its frame: a judgement
# denied against the same turned back or affirmed, the writer among their own group word against an outsider's scorn,
# an insult named at no one or said to oneself or an animal against the same insult aimed, a calling asked back then
# denied against the same confirmed
FOURTEENTH_READING_PROBE = SUITE_DIR / "en_fourteenth_reading_probe.jsonl"
JA_FOURTEENTH_READING_PROBE = SUITE_DIR / "ja_fourteenth_reading_probe.jsonl"
# session 52 (harm, issue 12): read2's thirteenth probe's classes in new words: a threat at a reporter deserved, wished,
# veiled or idiomatic (deserves to get his legs broken, needs a bullet in the head, 刺されても文句は言えない, 火をつけて
# やりたい) against the same frame with no harm or the threat reported; spying for a state told as fact of a named or
# singled-out person (a Russian agent, on Beijing's payroll, 中国のスパイだ) against a speaker, a beat, a film's plot, a
# question, a lie found by a court, a denial
NEWSROOM_HARM_PROBE = SUITE_DIR / "en_newsroom_harm_probe.jsonl"
JA_NEWSROOM_HARM_PROBE = SUITE_DIR / "ja_newsroom_harm_probe.jsonl"
# session 53 (harm, issue 12): a person exposed without an address (a child's school known, where and when someone is
# alone told with an invitation to act on it, 記者の子供の塾知ってるぞ) and menace with no harm verb (had better not
# walk home alone, a photographer's van set on fire wished, a lesson spelled out as violence, 消されて当然) against the
# same frame with the writer's own tie, a reason, a report, a thing (a post, a show) instead of the person
EXPOSURE_MENACE_PROBE = SUITE_DIR / "en_exposure_menace_probe.jsonl"
JA_EXPOSURE_MENACE_PROBE = SUITE_DIR / "ja_exposure_menace_probe.jsonl"
# session 53 (read2): session 52's rounds against that session's readings, each with a twin in its frame: a greeting
# or "this X just <news>" in a group word with an outsider's stereotype against the writer's own news, insult + め
# with the writer's frame turned on the reader against the same kept on the writer, violence at a journalist
# deserved or spelled out and a spy told as fact against a civil deed or a story's spy, a quotation of abuse endorsed
# against the same reported or condemned
FIFTEENTH_READING_PROBE = SUITE_DIR / "en_fifteenth_reading_probe.jsonl"
JA_FIFTEENTH_READING_PROBE = SUITE_DIR / "ja_fifteenth_reading_probe.jsonl"
# session 53 (read2): its rounds against that session's readings, each with a twin in its frame: the writer's own frames
# said with a word no one reclaims there or misgendering against the same frame with a word people reclaim, menace at a
# journalist with no harm verb (walking home alone, a fire wished, a lesson after a colon, a child's school or a time
# alone told) against the same words in care, in a civil sense, said against or as an argument
SIXTEENTH_READING_PROBE = SUITE_DIR / "en_sixteenth_reading_probe.jsonl"
JA_SIXTEENTH_READING_PROBE = SUITE_DIR / "ja_sixteenth_reading_probe.jsonl"
# session 53 (read2): its last news rounds against harm's menace fixes, each with a twin in its frame: walking home
# alone, a schedule + an invitation, a relative's work or a child's school, a lesson after a colon, a fire wish,
# 消されて当然, said as menace against the same words as a warning, an argument, a public mention, an idiom or a
# condemnation
SEVENTEENTH_READING_PROBE = SUITE_DIR / "en_seventeenth_reading_probe.jsonl"
JA_SEVENTEENTH_READING_PROBE = SUITE_DIR / "ja_seventeenth_reading_probe.jsonl"
# session 54 (read2): its news9 round (a fire wish negated or reported, a lesson in a civil sense) and news10 on
# what 2026.12.07-6 reads (the lesson after a colon as a ratings, a pitch or a poll beating, quoted, condemned or
# negated; 消されて当然 of a reporter reported, negated, of a story's character or self-mocking; a child in kindred's
# frame), each with a twin in its frame
EIGHTEENTH_READING_PROBE = SUITE_DIR / "en_eighteenth_reading_probe.jsonl"
JA_EIGHTEENTH_READING_PROBE = SUITE_DIR / "ja_eighteenth_reading_probe.jsonl"
# session 54 (read2): its rounds against harm-s54's and en-s54's readings (news11-15, aver1-2), each with a twin in
# its frame: a fire wish reported, dreamed, chanted, in a soap or a party; an invitation to help after a time alone; the
# lesson's blow on a body part or said as an idiom; 消されて当然 asked and answered yes or no, denied, corrected upward;
# a group's aversion denied with a slur for the group, or affirmed ('anything but contempt'); kindred of a child
NINETEENTH_READING_PROBE = SUITE_DIR / "en_nineteenth_reading_probe.jsonl"
JA_NINETEENTH_READING_PROBE = SUITE_DIR / "ja_nineteenth_reading_probe.jsonl"
# session 54 (read2): its last rounds (news16-19) against harm-s54's school said as known and its refusals of -6's
# readings: a shared class or a public thanks against the school as menace; a civil noun met by a harm ('a kicking in
# the pitch dark', 'a boot to the pride first, then a boot to the face'); 消されて当然 answered no,
# then more harm or not
TWENTIETH_READING_PROBE = SUITE_DIR / "en_twentieth_reading_probe.jsonl"
JA_TWENTIETH_READING_PROBE = SUITE_DIR / "ja_twentieth_reading_probe.jsonl"
# session 55 (read2, written before the session's branches): harms next to the civil classes read as a whole comment
# (swearing at a thing, a sign-off with the writer's own word, a stereotype denied, a question answered 'nobody') and
# the press menace with an opener or a tail around it ('Honestly, someone should teach ...: a bat to the knees.')
TWENTYFIRST_READING_PROBE = SUITE_DIR / "en_twentyfirst_reading_probe.jsonl"
JA_TWENTYFIRST_READING_PROBE = SUITE_DIR / "ja_twentyfirst_reading_probe.jsonl"
# session 55 (read2): harms next to that session's narrowed press menaces (a body part, home, dear one or dark place
# outside a list, an opener or sentence start, JA endings だよね / かもね) and next to its whole-comment civil readings
# (a slur in the denial, the question or the oath's thing)
TWENTYSECOND_READING_PROBE = SUITE_DIR / "en_twentysecond_reading_probe.jsonl"
JA_TWENTYSECOND_READING_PROBE = SUITE_DIR / "ja_twentysecond_reading_probe.jsonl"
# session 55 (read2): its last two rounds against the narrowed press menaces ('a knife in the dark', 'a bullet in the
# post', 'a boot to her and her whole family'; 消されて当然だろ？ with a reason, なのに, じゃないか。)
TWENTYTHIRD_READING_PROBE = SUITE_DIR / "en_twentythird_reading_probe.jsonl"
JA_TWENTYTHIRD_READING_PROBE = SUITE_DIR / "ja_twentythird_reading_probe.jsonl"
# session 56 (read2, written before en's and harm's generated families): positive statements about a group against a
# harm in the same frame ('I like immigrants, especially the ones floating face down in the Channel.'), civil
# press-trade criticism in menace-like words against a menace (a kicking in the letters page; 番組から消されて当然)
TWENTYFOURTH_READING_PROBE = SUITE_DIR / "en_twentyfourth_reading_probe.jsonl"
JA_TWENTYFOURTH_READING_PROBE = SUITE_DIR / "ja_twentyfourth_reading_probe.jsonl"
# session 48 (en, issue 12): the writer's own group word in the writer's voice (named by others as the writer, "called
# me a", a dear one in warm words, a fellow addressed, the word mentioned) against the same word aimed at someone
IN_GROUP_USE_PROBE = SUITE_DIR / "en_in_group_use_probe.jsonl"
# session 49 (train, issue 12): the hate gate's frames (moderation.targets.framed): a yes/no question, someone else's
# feeling or words reported, the writer's feeling at people by what they do, against the same frame on an attack
GATE_FRAME_PROBE = SUITE_DIR / "en_gate_frame_probe.jsonl"
# session 44 (issue 12): a denial of hate followed by care for the group (civil) or by a restriction or contempt (the
# attack taken back), each pair the same denial and frame, the continuation's sense turned
TAKEBACK_PROBE = SUITE_DIR / "en_takeback_probe.jsonl"
# session 45 (issue 12): "there is nothing [bad] about [group]" against nothing but / nothing good, a demeaning no one
# of a group should suffer against one all of it should, an exclusion by someone in charge against the same person's
# fair rule
QUALITY_CHARGE_PROBE = SUITE_DIR / "en_quality_charge_probe.jsonl"
# session 50: the writer introducing themself by their own group word without "here" (just a ..., a sign-on, a profile)
OWN_INTRO_PROBE = SUITE_DIR / "en_own_intro_probe.jsonl"
# session 50: the writer's own life and mood by their own group word (being one is hard, not ashamed, we are ...)
OWN_LIFE_PROBE = SUITE_DIR / "en_own_life_probe.jsonl"
# session 51: the writer among their own plural group word (as Xs we, us + a count of Xs, we some Xs, just two Xs ...
# living our ...), a rallying call, the word naming the writer's kind, a greeting, a demonstrative
OWN_AMONG_PROBE = SUITE_DIR / "en_own_among_probe.jsonl"
# session 53: the writer showing themself, a dear friend or their company by their own group word in a comment closed
# by a sign-off ("this queer is off to bed, night all x") against the same frame with an onlooker's stereotype before
# it, after it or in an emoji
KINDRED_PROBE = SUITE_DIR / "en_kindred_probe.jsonl"
# session 54: the writer's own aversion to a group denied as the whole comment ("I'm not afraid of immigrants.", "I have
# nothing against Black people.") against the same denial with a correction, a condition, a stereotype before it, a
# question or defiance
AVERSION_PROBE = SUITE_DIR / "en_aversion_probe.jsonl"
# session 55 (en, for session 56's generated positive-identity rows): liking / working with / living near a group, a
# group deserving every opportunity, a group that should be celebrated / supported, a culture's riches, against the
# same frame carrying a harm ("I like immigrants when they leave.", "Refugees should be sent back.")
IDENT_POS_PROBE = SUITE_DIR / "en_ident_pos_probe.jsonl"
# session 50 (ja, issue 12): katakana insults strung into one word (クソバカ, ハゲデブ) at a person against
# a katakana word holding an insult's letters (バカンス, ハゲタカ), a part repeated (バカバカしい) or quoted graffiti
JA_KATA_COMPOUND_PROBE = SUITE_DIR / "ja_kata_compound_probe.jsonl"
# session 50 (ja, issue 12): an insult with the contempt suffix め said to someone (このブタめ, このウジ虫め) against め
# after a thing, an animal, an oath, the writer's own folly (俺のバカめ) or a literal beast (養豚場のメス豚め)
JA_VOCATIVE_ME_PROBE = SUITE_DIR / "ja_vocative_me_probe.jsonl"
# session 51 (ja, issue 12): an insult named but aimed at no one (a calling condemned, an insult denied, the writer's
# own) against the same insult used (a calling called fitting, asked, likened, at someone else)
JA_INSULT_MENTION_PROBE = SUITE_DIR / "ja_insult_mention_probe.jsonl"
HARM_FORMS_PROBES = (DEED_THREAT_PROBE, JA_DEED_THREAT_PROBE, NAMED_ACCUSATION_PROBE, JA_NAMED_ACCUSATION_PROBE,
                     GROUP_QUALITY_PROBE, JA_GROUP_QUALITY_PROBE, CLEARED_PROBE, JA_CLEARED_PROBE, INDIVIDUAL_PROBE,
                     JA_INDIVIDUAL_PROBE, RECLAIMED_USE_PROBE, LOCATED_VISIT_PROBE, JA_LOCATED_VISIT_PROBE,
                     RECLAIMED_WOMEN_PROBE, VULGAR_FRIENDLY_PROBE, LOCATED_PURPOSE_PROBE, JA_LOCATED_PURPOSE_PROBE,
                     JA_CRIME_NOUN_PROBE, JA_GROUP_STATE_PROBE, JA_GROUP_COMPOUND_PROBE, JA_STATE_NAME_PROBE,
                     JA_SCENE_PROBE,
                     DENIED_DEED_PROBE, QUESTION_SWEAR_PROBE, PEOPLES_HARM_PROBE, IDIOM_SWEAR_PROBE,
                     OWN_GROUP_PROBE, OWN_FORMS_PROBE, OWN_VOICE_PROBE, IDENTITY_WORD_PROBE, CIVIL_FRAME_PROBE,
                     SECOND_READING_PROBE, JA_SECOND_READING_PROBE,
                     THIRD_READING_PROBE, JA_THIRD_READING_PROBE, FOURTH_READING_PROBE, JA_FOURTH_READING_PROBE,
                     FIFTH_READING_PROBE, JA_FIFTH_READING_PROBE, SIXTH_READING_PROBE, JA_SIXTH_READING_PROBE,
                     SEVENTH_READING_PROBE, JA_SEVENTH_READING_PROBE, EIGHTH_READING_PROBE, JA_EIGHTH_READING_PROBE,
                     NINTH_READING_PROBE, JA_NINTH_READING_PROBE, TENTH_READING_PROBE, JA_TENTH_READING_PROBE,
                     ELEVENTH_READING_PROBE, TWELFTH_READING_PROBE, JA_TWELFTH_READING_PROBE,
                     THIRTEENTH_READING_PROBE, JA_THIRTEENTH_READING_PROBE, FOURTEENTH_READING_PROBE,
                     JA_FOURTEENTH_READING_PROBE, NEWSROOM_HARM_PROBE, JA_NEWSROOM_HARM_PROBE, EXPOSURE_MENACE_PROBE,
                     JA_EXPOSURE_MENACE_PROBE, FIFTEENTH_READING_PROBE,
                     JA_FIFTEENTH_READING_PROBE, SIXTEENTH_READING_PROBE, JA_SIXTEENTH_READING_PROBE,
                     SEVENTEENTH_READING_PROBE, JA_SEVENTEENTH_READING_PROBE, EIGHTEENTH_READING_PROBE,
                     JA_EIGHTEENTH_READING_PROBE, NINETEENTH_READING_PROBE, JA_NINETEENTH_READING_PROBE,
                     TWENTIETH_READING_PROBE, JA_TWENTIETH_READING_PROBE, TWENTYFIRST_READING_PROBE,
                     JA_TWENTYFIRST_READING_PROBE, TWENTYSECOND_READING_PROBE, JA_TWENTYSECOND_READING_PROBE,
                     TWENTYTHIRD_READING_PROBE, JA_TWENTYTHIRD_READING_PROBE, TWENTYFOURTH_READING_PROBE,
                     JA_TWENTYFOURTH_READING_PROBE,
                     IN_GROUP_USE_PROBE, GATE_FRAME_PROBE,
                     JA_MENACE_PROBE, JA_OFFER_PROBE, TAKEBACK_PROBE, QUALITY_CHARGE_PROBE, OWN_INTRO_PROBE,
                     OWN_LIFE_PROBE, OWN_AMONG_PROBE, KINDRED_PROBE, JA_KATA_COMPOUND_PROBE, JA_INSULT_MENTION_PROBE,
                     JA_VOCATIVE_ME_PROBE, AVERSION_PROBE, IDENT_POS_PROBE)
DEFAULT_DATA = ROOT.parent / "shared" / "data"
HATECHECK = Path("hatecheck-en") / "test_suite_cases.csv"
NOT_HARMS = frozenset({"spam"})  # labels that hold a comment for something other than a harm
DEFAULT_REVIEW = 0.5  # a category with no threshold in the card: the policy's own default
HATECHECK_FOCUS = ("threat_dir_h", "derog_neg_emote_h", "counter_quote_nh", "counter_ref_nh",
                   "slur_reclaimed_nh")
# the own-word counts per HateCheck functionality (model.case_reports): cases with a slur word of owned.py's list, read
# as the writer's own, read and flagged all the same (a weight gap), the word not read and flagged (a reading gap)
OWN_WORD_COUNTS = ("word", "own", "own_flagged", "unread_flagged")


def load_cases(path: Path | str) -> list[dict]:
    """One JSON object per non-empty line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def hatecheck_rows(path: Path | str) -> list[dict]:
    """HateCheck's cases (test_case, label_gold, functionality, ...), one dict a CSV row: TEST ONLY (issue 12)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def resolve_artifact(arg: str | None, root: Path = ARTIFACTS) -> tuple[Path, str]:
    """(folder, pinned sha256) of the active model, a version under `root`, or an artifact folder."""
    if not arg:
        version, sha = read_active(root)
        return root / version, sha
    folder = Path(arg) if Path(arg).is_dir() else root / arg
    pin = folder / "SHA256"
    if pin.is_file():
        return folder, pin.read_text(encoding="utf-8").split()[0]
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    return folder, card["sha256"]


class Judge:
    """Decides one text the way the service does and says whether it was flagged for a harm."""

    def __init__(self, scorer, thresholds: dict):
        self.scorer = scorer
        self.thresholds = {k: dict(v) for k, v in thresholds.items()}
        self.policy = Policy(self.thresholds)
        self._pass_categories = "categories" in inspect.signature(self.policy.decide).parameters

    def categories(self, score) -> dict[str, float]:
        cats = getattr(score, "categories", None)
        if isinstance(cats, dict):
            return {k: float(v) for k, v in cats.items()}
        return {k: float(v) for k, v in score.scores.items() if k not in NOT_HARMS and k != "abuse"}

    def judge(self, text: str) -> dict:
        score = self.scorer.score(text)
        cats = self.categories(score)
        scores = {**cats, **score.scores}
        if self._pass_categories:
            decision, labels, _risk = self.policy.decide(scores, categories=cats)
        else:
            decision, labels, _risk = self.policy.decide(scores)
        over = {name: p for name, p in cats.items()
                if p >= self.thresholds.get(name, {}).get("review", DEFAULT_REVIEW)}
        if any(p >= self.thresholds.get(name, {}).get("reject", 1.01) for name, p in over.items()):
            decision = "reject"
        elif over and decision == "allow":
            decision = "review"
        harms = sorted({*(lab for lab in labels if lab not in NOT_HARMS), *over})
        top = max(cats, key=cats.get) if cats else None
        return {"decision": decision, "harms": harms, "flagged": bool(harms), "abuse": float(score.scores["abuse"]),
                "categories": cats, "top_category": top}
