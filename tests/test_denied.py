"""A hateful predicate the writer denies counts as `denied_harm`, not as the attack; asserted attacks stay."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.denial_patterns import UNWARM_EN
from moderation.targets.denied import denied_spans

DENIED = [
    "I don't think refugees are parasites at all.",
    "Nobody here believes the family next door are criminals.",
    "Women are not stupid, the headline is.",
    "They're not animals and never were.",
    "It isn't true that bisexual men are disgusting.",
    "My grandad never thought Italians were vermin.",
]

ASSERTED = [
    "Refugees are parasites.",
    "The family next door are criminals.",
    "Women are stupid, the headline is right.",
    "They're not people, they're animals.",  # the denial ends at the comma; the attack after it is the writer's
    "They aren't just stupid but disgusting.",  # "not just": nothing denied
    "I don't care what anyone says, immigrants are vermin.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_denied_predicate_counts_as_denied_harm(text):
    sig = signal_dict(text)
    assert sig["denied_harm"] > 0, text
    assert sig["dehumanize"] == sig["hate_statement_en"] == sig["insult_unaimed"] == sig["hate_at_group"] == 0, text


@pytest.mark.parametrize("text", ASSERTED)
def test_an_asserted_attack_is_not_denied(text):
    sig = signal_dict(text)
    assert sig["dehumanize"] + sig["hate_statement_en"] + sig["insult_unaimed"] + sig["crime_word"] > 0, text


def test_a_threat_under_a_negation_stays_aimed():
    sig = signal_dict("I won't hesitate to kill you if you come here again.")  # no verb of saying is denied
    assert sig["violence_at_person"] > 0 and sig["denied_harm"] == 0


def test_the_denial_ends_at_the_clause():
    text = "i don't think they are human but rats, and they are vermin"
    assert [text[a:b] for a, b in denied_spans(text)] == ["don't think they are human"]



# the denials read since session 15: a refused belief, "not one person", the copula after never, a death or beating
# nobody calls for (a threat construction inside it is denied too); each against the same words asserted
DENIED_MORE = [
    ("I refuse to believe Bulgarians are vermin.", "Bulgarians are vermin."),
    ("Not one person in our club thinks Kurds are rats.", "Kurds are rats."),
    ("They never were vermin.", "They were always vermin."),
    ("No kid here deserves to be beaten.", "That kid deserves to be beaten."),
    ("Nobody in our street thinks those men should be shot.", "Those men should be shot."),
]


@pytest.mark.parametrize(("denied", "asserted"), DENIED_MORE)
def test_more_denials_count_as_denied_harm(denied, asserted):
    sig, said = signal_dict(denied), signal_dict(asserted)
    assert sig["denied_harm"] > 0 and sig["threat_en"] == sig["hate_statement_en"] == sig["dehumanize"] == 0, denied
    assert said["threat_en"] + said["hate_statement_en"] + said["dehumanize"] > 0 and said["denied_harm"] == 0, asserted


def test_a_denied_hate_verb_or_wished_harm_is_read_and_aint_is_no_denial():
    text = "we have never despised the welsh. i don't want one of them hurt. you ain't shit"
    assert [text[a:b] for a, b in denied_spans(text)] == ["never despised the welsh", "don't want one of them hurt"]
    assert signal_dict("you ain't shit, bitch")["denied_harm"] == 0


def test_a_denied_positive_is_the_attack_and_its_words_stay_the_writers():
    # denying humanity, belonging or praise is the attack: the hashing apart leaves it (its praise still goes)
    for text in ("gypsies aren't people, they're a plague", "i don't consider africans human", "they are not welcome"):
        assert denied_spans(text) and denied_spans(text, positive=False) == [], text
    text = "nobody thinks trans people should be killed"  # "people" names the group here: a denied attack
    assert denied_spans(text, positive=False) == denied_spans(text) == [(0, 43)]
    text = "they are not vermin, i don't think they are criminals"
    assert denied_spans(text, positive=False) == denied_spans(text) == [(5, 19), (23, 53)]


# session 16: the polarity of what is denied comes from the lexicon (wordlists.context.POSITIVE_EN): a denied
# negative is read in more forms (will never be, have never been, can't be, are no danger, don't deserve any abuse,
# don't resent); a denied positive about a subject is a hate statement; each against the other polarity, same words
POLARITY = [
    ("Swedes will never be a burden on anyone.", "Swedes will never be honest with anyone."),
    ("Catholics have never been violent in this parish.", "Catholics have never been peaceful in this parish."),
    ("Nurses from abroad can't be blamed for the queues.", "Nurses from abroad can't be trusted with the queues."),
    ("Mormons don't deserve any abuse.", "Mormons don't deserve any rights."),
]


@pytest.mark.parametrize(("negative", "positive"), POLARITY)
def test_a_denied_negative_is_apart_and_a_denied_positive_is_a_hate_statement(negative, positive):
    assert denied_spans(negative.lower(), positive=False) != [], negative
    assert signal_dict(negative)["hate_statement_en"] == 0, negative
    assert denied_spans(positive.lower(), positive=False) == [], positive
    assert signal_dict(positive)["hate_statement_en"] > 0, positive


def test_no_danger_and_a_refused_resentment_are_denials_and_a_threat_is_not():
    text = "they are no danger to us. i don't resent them. no better than rats"
    assert [text[a:b] for a, b in denied_spans(text)] == ["are no danger to us", "don't resent them"]
    for text in ("your family won't be safe after this", "you won't be laughing for long"):
        assert denied_spans(text) == [], text
    assert signal_dict("I don't respect the Welsh and I never will.")["hate_statement_en"] > 0


# session 17: a denial read in more forms: the predicate denied by an adverb (in no way, far from, hardly, by no means),
# the subject by a quantifier (no / not a single / none of the [group] ... is), a harm that should not befall people,
# no reason to hate; each against the same words asserted
DENIED_FORMS = [
    ("Bulgarians are in no way inferior to us.", "Bulgarians are in every way inferior to us."),
    ("Kurds are far from lazy.", "Kurds are so lazy."),
    ("No Albanian on our street is a criminal.", "Every Albanian on our street is a criminal."),
    ("None of the Poles I know were thieves.", "All of the Poles I know were thieves."),
    ("Catholics should never be treated like terrorists.", "Catholics should always be treated like terrorists."),
    ("There is no reason to hate the Welsh.", "There is every reason to hate the Welsh."),
]


@pytest.mark.parametrize(("denied", "asserted"), DENIED_FORMS)
def test_a_denial_in_more_forms_is_read(denied, asserted):
    assert denied_spans(denied.lower(), positive=False) != [], denied
    assert denied_spans(asserted.lower()) == [], asserted


def test_a_quantifier_denies_no_threat_and_no_aside():
    # "no one on this street is safe from me" threatens; "no wonder / no doubt / no idea why" deny nothing
    for text in ("no muslim on this estate is safe from me", "no wonder they are criminals", "no doubt they are vermin",
                 "i have no idea why they are so lazy", "it's no secret that they are greedy"):
        assert denied_spans(text) == [], text
    honest = "no albanian here is honest"
    assert denied_spans(honest) and denied_spans(honest, positive=False) == []
    for text in ("they should not be trusted", "they should not be allowed in"):  # not a harm: the attack itself
        assert denied_spans(text, positive=False) == [], text


# session 30: a harm wished as a deed ("wants to kill"), a death denied right after the negation ("do not deserve to
# die", which the threat construction also read across the "not"), a harm no one of them deserves; each against the
# same words asserted
DENIED_DEEDS = [
    ("Nobody on our estate wants to kill the refugees.", "Everybody here wants to kill the refugees."),
    ("Immigrants do not deserve to be shot.", "Immigrants deserve to be shot."),
    ("They never deserve to die like that.", "They deserve to die like that."),
    ("No refugee deserves to be attacked in the street.", "Every refugee deserves to be attacked in the street."),
]


@pytest.mark.parametrize(("denied", "asserted"), DENIED_DEEDS)
def test_a_denied_deed_or_death_is_read(denied, asserted):
    assert denied_spans(denied.lower()) != [] and signal_dict(denied)["threat_en"] == 0, denied
    assert denied_spans(asserted.lower()) == [], asserted


def test_a_death_called_for_stays_a_threat():
    for text in ("Immigrants deserve to be shot.", "They deserve to die.", "Don't worry, they deserve to die."):
        assert signal_dict(text)["threat_en"] > 0, text
    for text in ("don't worry, they deserve to die", "no wonder they deserve abuse",
                 "i don't care, they should be shot"):
        assert denied_spans(text) == [], text
    # second read, session 31: "no" inside a word (latino, casino) or before a pronoun starts no denial
    for text in ("latino immigrants deserve to be attacked", "the casino workers deserve to be attacked",
                 "no mercy they deserve to be shot", "i have no sympathy they deserve to be beaten"):
        assert denied_spans(text) == [], text
    assert signal_dict("No mercy they deserve to be shot.")["threat_en"] > 0


def test_warmth_denied_is_read_apart_from_the_denials():
    # session 31: "nobody will miss you" is read for owned.py's friendly address only: its words are not denied harm
    for text, span in (("nobody will miss you", "nobody will miss"), ("i didnt love you", "didnt love"),
                       ("who could love you", "who could love"), ("no one can stand him", "no one can stand")):
        assert [m.group() for m in UNWARM_EN.finditer(text)] == [span] and denied_spans(text) == [], text
    assert not UNWARM_EN.search("nobody will stand for this")
    assert signal_dict("Go kill yourself, nobody would miss you.")["denied_harm"] == 0


# session 43: a regard or a finding denied of a bad word (find, feel that, describe, regard, view), against the same
# words asserted; the same verbs denying a positive or a worth, or about a thing, deny nothing (the attack's words stay)
REGARDED = [
    ("I don't find the Somalis on our road disgusting.", "I find the Somalis on our road disgusting."),
    ("I'd never describe Roma families as vermin.", "I'd always describe Roma families as vermin."),
    ("I don't feel that deaf people are a burden.", "I feel that deaf people are a burden."),
    ("Nobody on this estate regards Bangladeshis as criminals.", "Everybody on this estate regards Bangladeshis as "
     "criminals."),
    ("I don't find the Kurds on our road disgusting in the slightest.", "I find the Kurds on our road disgusting in "
     "the slightest."),
]


@pytest.mark.parametrize(("denied", "asserted"), REGARDED)
def test_a_regard_or_finding_denied_of_a_bad_word_is_read(denied, asserted):
    assert denied_spans(denied.lower(), positive=False) != [], denied
    assert denied_spans(asserted.lower()) == [], asserted


@pytest.mark.parametrize("text", [
    "i don't find kurds trustworthy.", "i don't feel that sikhs deserve rights.", "i don't view refugees as people.",
    "i don't find it surprising that turks are criminals.", "i never found out why the somalis are so lazy.",
    "how come i won't pray but find time for a bitch", "i'd never describe kurds as lazy, more like parasitic.",
    "i don't regard turks as vermin, vermin at least work.",
    "i don't find kurds disgusting. i find them curious, like beetles.",
    # a condition, a degree or a manner after the bad word, or the writer's own assertion (read2, s44)
    "i don't find kurds useless as long as they stay in the back office.",
    "i could never find sikhs dirty enough to match what they do.",
    "i'd never describe turks as thieves to their faces.",
    "i don't feel that deaf people are a burden, i know they are.",
    "i don't regard somalis as vermin, i'm sure they are though.",
    # the condition in the next clause (read2, s44)
    "i don't find kurds useless, as long as they stay in the back office.",
    "i don't find sikhs dirty at all, when they keep to their own street."])
def test_a_regard_denying_a_positive_or_about_a_thing_denies_nothing(text):
    assert denied_spans(text) == [], text


# session 45: a quality denied by "nothing [quality] about [group]" and a demeaning no one of a group should suffer;
# against the same words asserted. A good quality denied so is the attack (praise denied), a bad one a defence
NOTHING_OR_NO_ONE = [
    ("There is nothing filthy about the Kurds on our road.", "The Kurds on our road are filthy."),
    ("There's nothing unnatural about being bisexual.", "Being bisexual is unnatural."),
    ("No Sikh pupil should be made to feel like dirt.", "Every Sikh pupil should be made to feel like dirt."),
    ("No Kurdish boy at that school should be made to feel like rubbish.", "Every Kurdish boy at that school should "
     "be made to feel like rubbish."),
    ("No Somali family deserves to be treated like animals.", "Every Somali family deserves to be treated like "
     "animals."),
]


@pytest.mark.parametrize(("denied", "asserted"), NOTHING_OR_NO_ONE)
def test_nothing_bad_about_a_group_or_a_demeaning_of_no_one_is_a_denial(denied, asserted):
    assert denied_spans(denied.lower(), positive=False) != [], denied
    assert denied_spans(asserted.lower()) == [], asserted


def test_nothing_good_about_a_group_is_a_praise_denied_and_nothing_bad_a_stereotype_denied():
    attack, defence = signal_dict("There is nothing decent about Muslims."), signal_dict(
        "There is nothing evil about Muslims.")
    assert attack["denied_praise_at_group"] > 0 and attack["denied_stereotype_at_group"] == 0
    assert defence["denied_stereotype_at_group"] > 0 and defence["denied_praise_at_group"] == 0


@pytest.mark.parametrize("text", [
    "there is nothing more disgusting than kurds.", "kurds are nothing but filth.",
    "there's nothing but filth about them.",
    # a condition or a limit in its clause, or what the rest of the sentence says after it
    "there's nothing wrong with sikhs as long as they stay in their own area.",
    "there is nothing dirty about kurds, they're just vermin.",
    "there is nothing filthy about kurds, i know they are.",
    "no sikh should be treated like vermin unless they act like it.",
    "no kurd should be made to feel like filth, they should be told they are filth.",
    "there's nothing lazy about sikhs that a week on the night shift wouldn't fix.",
    "there's nothing dirty about kurds except their kitchens.", "nothing disgusting about sikhs? come off it.",
    "there is nothing filthy about kurds. they are beyond filthy.",
    "no sikh should be told he is stupid, he should be shown it.",
    # no group named after "about"
    "there is nothing wrong with the plan."])
def test_nothing_or_no_one_taken_back_or_of_no_group_denies_nothing(text):
    assert denied_spans(text, positive=False) == [], text


@pytest.mark.parametrize("text", [
    "there's nothing wrong with kurds being deported.", "there is nothing wrong with sikhs getting beaten up.",
    "no kurd should be made to feel like filth before being deported.",
    "nothing wrong with sikh girls having standards, you nigga."])
def test_nothing_or_no_one_with_a_harm_after_the_group_or_a_slur_denies_nothing(text):
    assert denied_spans(text, positive=False) == [], text


def test_a_quality_denied_of_no_group_leaves_a_later_denial_read():
    # "nothing wrong with the game" names no group, so it does not swallow the copula's denial after it
    text = "i see nothing wrong with the game bc it's not the sole purpose of it"
    assert [text[a:b] for a, b in denied_spans(text)] == ["'s not the sole purpose of"]


# only the group itself, its ordinary life or its place among us may follow it: a place away, a going, a dying out, a
# relative clause or a dose make "nothing [bad] about [group] ..." none (read2's rule of s44 for care: a closed list)
@pytest.mark.parametrize("text", [
    "there's nothing wrong with kurds living in their own countries.", "there's nothing wrong with sikhs leaving.",
    "there is nothing dangerous about kurds on the other side of the channel.",
    "there's nothing wrong with sikhs who keep their heads down.", "there's nothing wrong with gay people dying out.",
    "there is nothing disgusting about gay people in small doses.",
    "no kurd should be made to feel like filth here, they can feel it back home."])
def test_nothing_bad_about_a_group_kept_away_or_limited_denies_nothing(text):
    assert denied_spans(text, positive=False) == [], text


@pytest.mark.parametrize("text", [
    "there's nothing wrong with kurds living in our town.", "there is nothing disgusting about gay couples kissing in "
    "public.", "there's nothing inferior about women engineers.", "there is nothing wrong with being sikh in this "
    "country."])
def test_nothing_bad_about_a_group_and_its_life_among_us_is_a_denial(text):
    assert denied_spans(text, positive=False) != [], text


# read2 (s45): what may follow a denial's clause is a closed list (a sentence's end, a few words of stance, the
# writer's own defence after "and", a reason, "whatever ..."); an ellipsis, a dash, a bracket, a place, a participle or
# a next sentence opening with a condition makes it none
@pytest.mark.parametrize("text", [
    "i don't find kurds lazy... when they keep to their own street.",
    "i don't find sikhs dirty — as long as they stay out.",
    "i don't regard kurds as thieves, assuming they leave when the harvest ends.",
    "i don't find women useless, in the kitchen where they belong.",
    "i'd never describe kurds as greedy, insofar as they keep to their own shops.",
    "i don't find sikhs lazy. not as long as they do the jobs we won't.",
    "there is nothing dirty about kurds (as long as they stay on their side of town).",
    # the group said of again after "and" (read2, s45 round k)
    "i don't find women useless, and the kitchen is where they prove it."])
def test_a_denial_continued_by_anything_but_the_writers_own_defence_denies_nothing(text):
    assert denied_spans(text, positive=False) == [], text


@pytest.mark.parametrize("text", [
    "i don't find kurds lazy, and anyone who says so hasn't met my neighbours.",
    "i don't regard sikhs as criminals, whatever the newsletter says.", "i don't find kurds dirty at all, honestly.",
    "there's nothing dirty about kurds, and i've lived next door to a kurdish family for years."])
def test_a_denial_followed_by_the_writers_own_defence_stands(text):
    assert denied_spans(text, positive=False) != [], text
