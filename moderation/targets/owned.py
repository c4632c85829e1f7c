"""Whose slur it is: an English slur the writer uses of themself or their own group, or in its literal sense."""

from __future__ import annotations

import functools
import itertools
import re

from moderation.automaton import Automaton
from moderation.pattern_cache import compiled
from moderation.targets.constructions import HATE_EN_PARTS, THREAT_EN
from moderation.targets.identity import ACCUSED, REFUSING, named, plainly_civil, said_near
from moderation.targets.introduced import introduced
from moderation.targets.kindred import kindred
from moderation.targets.literal import SENSE_WORDS as SENSE_WORDS
from moderation.targets.literal import SENTENCE_END as _SENTENCE_END
from moderation.targets.literal import literal
from moderation.targets.openings import ARTICLE, MODIFIER, OWNABLE, opened_before, quoted
from moderation.targets.scorned import HARM_AFTER as _HARM_AFTER
from moderation.targets.scorned import HARM_SAID as _HARM_SAID
from moderation.targets.scorned import MENACE
from moderation.targets.scorned import SCORN as _SCORN
from moderation.targets.scorned import SCORN_AFTER as _SCORN_AFTER
from moderation.targets.warm_address import ADDRESS_WORDS, warm_address

OWN, LITERAL = 1, 2  # what reading() answers: the writer's own group word; the word's other, literal sense

# the word before a people noun counts too ("queer folks like me", "dyke elders like us": session 32; "queer folks like
# me deserve better healthcare" was hate 0.45 with 2026.12.04-1)
_GROUP_NOUNS = r"folks?|people|kids?|women|men|guys|girls|boys|lads|elders"  # "queer folks", "dyke elders"
_IN_GROUP_AFTER = compiled(r"(?: (?:" + _GROUP_NOUNS + r"|ones|friends)"
                           r"(?= like (?:me|us|myself)(?![a-z])))?"
                           r" (?:myself|ourselves|and proud|like me|like us|like myself)(?![a-z])")
# session 42: the writer counted among them after the word ("dykes such as me", "plenty of queers, myself included",
# "lots of fags, including me, volunteer"; session 43: "every dyke i know, me included, has ..."), the included one
# set off by commas in the subject: "everyone can't stand the queers, myself included" counts the writer among
# everyone (read2); "such as her", "her included" name others. Not "among us": an outsider's enemy within ("there are
# faggots among us and they need rooting out", read2)
_COUNTED_AFTER = compiled(r"(?: (?:" + _GROUP_NOUNS + r"))?(?: (?:i|we) know)?"
                          r"(?: such as (?:me|myself|us|ourselves)(?![a-z])"
                          r"|,? (?:(?:myself|me|us|ourselves) included|including (?:me|myself|us|ourselves))"
                          r", (?!(?:and|but|so|or|because|though)(?![a-z])))")
# session 43: "the other ... and i / me" counts the writer among them ("the other dykes and i run the quiz", "the
# other old queers and me"): "other" says the writer is one more ("him and the other queers" names others), as a
# subject at a clause's start ("we ran at the other faggots and i threw the first brick" is an object; read2)
_OTHER_BEFORE = compiled(r"(?:^|[.!?;:,(\n] *|(?:^|[^a-z'’])(?:and|but|so|then) )(?:the |all the )?other" + MODIFIER
                         + r" $")
_AND_ME_AFTER = compiled(r" and (?:i|me|myself)(?![a-z'’])")
# session 42: the group called on with the writer among them at a clause's start, by "let's" ("queers, let's fill the
# town hall") or by "as ..., we" ("as queers, we have fought for this clinic"); a bare "dykes, we ..." is not read: its
# "we" may be others than those called ("fags, we're watching", "fags, our patience has run out"). So long as
# the sentence turns on no one else (you, they, them ...) and says no harm: a threat or hate construction, a word of
# the violence, death-wish, dehumanising, expelling or insult lists (a stem: "burn" holds "burnt") or a harm verb they
# leave out ("queers, we will find you", "fags, we should burn the lot out", "dykes, we need to get rid of every last
# one": the constructions read a harm aimed at a person, so the words are asked here too)
_CALLED_BEFORE = compiled(r"(?:^|[.!?\n;:(] *)(?P<as>as )?$")
# session 51: "as queers we know ..." with no comma too (after "as" only); a rallying call ("homos unite, it's karaoke
# night", "dykes, assemble!", "queers of the world, happy pride")
_CALLED_AFTER = compiled(r"(?P<comma>,)? (?:(?P<we>we|we['’](?:re|ve|ll|d))|let['’]s|let us"
                         r"|(?P<rally>unite|assemble))(?![a-z'’])|(?P<world> of (?:the world|[a-z]{3,15}"
                         r"(?: [a-z]{3,15})?),)")
# ... or hatred said after quoted in-group speech ('when eminem said "call me a faggot, cause i hate a pussy"': session
# 45, the one training row the quoted reading re-read)
_HATE_AFTER = compiled(r"[^.!?\n]{0,80}?(?<![a-z'’])(?:hate|hates|hated|hating)(?![a-z'’])")
# session 46: ... and the writer's hostility to the quoted speaker anywhere near it, before the quote or after it across
# sentences: hatred or disgust of the class "hate" is one of ('I've hated her ever since she ... said "I'm a dyke"',
# '... and my hatred for her has only grown', '... and I was disgusted by him'), or the speaker kept from others
# ('She said "I'm a dyke" like it's normal. People like her shouldn't be allowed near kids.': read2's round b)
_HOSTILE = compiled(r"(?<![a-z'’])(?:hate|hates|hated|hating|hatred|despis\w*|loath\w*|detest\w*|abhor\w*"
                    r"|can['’]?t stand|cannot stand|sick of|disgust\w*|repuls\w*|revolt\w*|vile|gross"
                    r"|(?:should(?:n['’]?t| not)|not|never) be allowed|banned|barred|away from"
                    r"|near (?:kids|children|my|our|the|your))(?![a-z'’])")
_HOSTILE_BEFORE, _HOSTILE_AFTER = 120, 160  # characters before the opening and after the word read for it
_OTHERS = compiled(r"(?<![a-z'’])(?:you|your|yours|ya|u|ur|they|them|their|theirs|those|these|he|him|his|she|her"
                   r"|it|its)(?![a-z'’])")
# session 39: someone else's own word for themself, reported (third-person in-group use): the word after a reflexive
# naming ("my nan calls herself an old dyke", "the band describes itself as a queer punk collective"), after coming
# out or identifying as one whoever did ("she came out as a dyke at nineteen"), and growing up as one ("her set about
# growing up a butch dyke"); up to two modifiers, or after "a" one free describing word, between. The word names the
# one who chose it, not a target ("call him a" is someone naming another: _PERSON_BEFORE); not after "who" / "that"
# ("anyone who identifies as queer ...", "people that call themselves dykes ...": a class of people, the group a
# predicate may attack). Session 39 (read2): coming out or identifying as one is read for the writer only (_OPENER):
# "he came out as a faggot, so now we all have to pretend" is the writer's word choice for someone else; and the
# reflexive only when nothing scornful follows in its sentence ("he calls himself a faggot, what a disgrace").
# Session 40: and only for a slur of OWNABLE: a group word after it is no owned slur but what the writer says she
# is or is not ("that tranny calls herself a woman" read "woman" as her own word and dropped the group target)
# ... nor when the writer comments on the naming at once (", the dirty thing", ", as if we needed telling", ", makes
# me want to throw up", " - what a joke"; read2, session 40): the scorn is open, the comma before it is not
_COMMENT_AFTER = compiled(r"(?: [a-z'’]+)? ?(?:,(?! and )|;|:| [-–—] |\.\.\.)")
# session 42: and each other ("we call each other faggots at rehearsal"), the same word the namers own
_SELF_NAMED_BEFORE = compiled(r"(?:^|[^a-z'’])(?<!who )(?<!that )(?:(?:calls?|called|calling|describes?"
                              r"|described|describing|introduces?|introduced|refers? to|referred to)"
                              r" (?:herself|himself|themselves|themself|itself|each other|one another)(?: as)?"
                              r"|growing up(?: as)?)(?:" + ARTICLE + MODIFIER + r"| an?(?: [a-z]{2,12})?) $")
# session 46: the writer's own word said again of the writer's partner ("i'm a dyke. my wife is a dyke too, and we've
# run the village shop for twenty years"): the same word, read as the writer's own in the 160 characters before, and
# no scorn or harm after ("i'm a dyke. my boss is a dyke too and she's a useless cow" is no partner of hers)
_PARTNER_BEFORE = compiled(r"(?:^|[^a-z'’])my (?:wife|husband|partner|girlfriend|boyfriend|fiancee|fianc[eé]|missus"
                           r"|other half|spouse)(?:['’]s| is| was| has always been| has been)(?: (?:also|too|still"
                           r"|proudly|openly))?" + ARTICLE + MODIFIER + r" $")
# ... and what may follow it: "too" or "as well", then its sentence's end or the writer going on ("and we ...", ", i
# ..."); anything else may be a judgement of the partner ("... and a lying cow", "... and deserves a slap")
_PARTNER_AFTER = compiled(r"(?: (?:too|as well|also|and all))?(?: *(?:$|[.!\n])|,? and (?:we|i|our|us)(?:['’][a-z]+)?"
                          r"(?![a-z'’])|, (?:we|i|our)(?:['’][a-z]+)?(?![a-z'’]))")
_PARTNERED = 160  # characters before the word in which the writer's own use of it is looked for

# the word before an agent noun of harm names its target, not the writer ("i will be a faggot killer", "as a dyke
# hater", "we are queer bashers"; read2, session 37)
_AGENT_AFTER = compiled(r"[ -](?:hat|bash|kill|hunt|beat|lynch|burn|stomp)(?:ers?|ing)(?![a-z])")
# "other X my age" counts the writer among X; "X my age" alone only says whose age ("hoes my age only want money" is
# said of women by anyone; read2 s34)
_OTHER_MY_AGE = compiled(r"(?<![a-z'’])other [a-z]{2,15} (?:my|our) age(?![a-z])")
_BEFORE = 48  # characters before a word the readings before it look at

# English slur and group words whose sense or owner is read (owned_spans), found by their stems in one compiled pass
# (a regex search over every comment took ~16 us at 200 characters); the word lists' other hits are read by
# moderation.features.words through reading()
_STEMS = Automaton({w: len(w) for w in ("nigg", "queer", "dyke", "fag", "homo", "trann", "crip", "retard", "bitch",
                                         "chink", "coon", "kike", "spic", "hoe", "slut")})
_FIRST = frozenset(w[0] for w in _STEMS.keys)
STEMS = frozenset(_STEMS.keys)  # what the signals' code pass finds with its needles (owned_spans's `found`)
# the words of one comment read in their place, at most (as moderation.targets.exclaimed.READ_AT_MOST)
READ_AT_MOST = 64


@functools.lru_cache(maxsize=READ_AT_MOST)  # owned_spans reads the words words._in_group read just before
def reading(t: str, a: int, b: int) -> int:
    """OWN when the word at [a, b) of the normalised text names the writer or their own group, LITERAL when it is
    used in its other sense (moderation.targets.literal) or names the group neutrally with no harm near it
    (moderation.targets.identity: "a queer bookshop", "my daughter is queer"), else 0 (each looks at most
    openings.OPENED characters before and _NEAR either side: linear in the words)."""
    agent = _AGENT_AFTER.match(t, b, b + 12) is not None  # "a faggot killer", "we are queer bashers": the target
    opening = None if agent else opened_before(t, a, b)
    if opening is not None and quoted(t, opening) and (_HARM_AFTER.match(t, b, b + 120) or _SCORN_AFTER.match(t, b)
                                                       or _HATE_AFTER.match(t, b, b + 96) or _HOSTILE.search(
                t, max(0, opening.start() - _HOSTILE_BEFORE), b + _HOSTILE_AFTER)):
        opening = agent = True  # quoted in-group speech, then harm or scorn ('he said "i'm one of them" so i hit him')
    if not agent and (opening is not None or _IN_GROUP_AFTER.match(t, b, b + 24)
            or _COUNTED_AFTER.match(t, b, b + 40) or (_AND_ME_AFTER.match(t, b, b + 12) and _OTHER_BEFORE.search(
                t, max(0, a - 40), a)) or _OTHER_MY_AGE.match(t, max(0, a - 6), b + 8) or (
            t[a:b] in ADDRESS_WORDS and warm_address(t, a)) or introduced(t, a, b) or _called(t, a, b)
            or kindred(t, a, b)
            or (OWNABLE.fullmatch(t, a, b) and _self_named(t, a)
                and not _SCORN_AFTER.match(t, b) and not _COMMENT_AFTER.match(t, b, b + 24)
                and not _HARM_AFTER.match(t, b, b + 120)) or _partner(t, a, b)):
        return OWN
    return LITERAL if literal(t, a, b, _BEFORE + 32) or (
        not agent and named(t, a, b) and plainly_civil(t, a, b) and not _accused_near(t, a, b)) else 0


REFUSING["accused"] = (_HARM_SAID, _SCORN, ACCUSED)  # identity.said_near: harm, scorn, an accusation near the name


def _accused_near(t: str, a: int, b: int) -> bool:
    """Whether harm, scorn, an accusation or an exclusion is said within identity.REACH characters of the word at
    [a, b), across sentences ("the new nurse is queer. keep her away from my mother."): by words, not HATE_EN /
    THREAT_EN (~110 us over 280 characters, against ~15 for the three word patterns); asked last, of a warm text, and
    the words found once per text (identity.said_near)."""
    return said_near(t, "accused", a, b)


def _partner(t: str, a: int, b: int) -> bool:
    """Whether the word at [a, b) is said of the writer's partner after the writer's own use of the same word, read
    by reading() within _PARTNERED characters before (the nearest earlier use, not a partner's itself: linear),
    with only "too", its sentence's end or the writer going on after it, and no scorn or harm."""
    if (_partner_before(t, a) is None or _PARTNER_AFTER.match(t, b, b + 16) is None
            or _SCORN_AFTER.match(t, b) or _HARM_AFTER.match(t, b, b + 120)):
        return False
    word = t[a:b]
    earlier = t.rfind(word, max(0, a - _PARTNERED), a - len(word))
    after = earlier + len(word)
    if earlier == -1 or "a" <= t[earlier - 1:earlier] <= "z" or "a" <= t[after:after + 1] <= "z":
        return False
    # the earlier use is read as the writer's own, not as a partner's in turn (so at most one level deep)
    return _partner_before(t, earlier) is None and reading(t, earlier, after) == OWN


def _partner_before(t: str, at: int) -> re.Match | None:
    """_PARTNER_BEFORE.search in the 48 characters before `at`, begun where its "my " can be (a match starts at it or
    one character before): the engine's search tried each position of a window that mostly holds none (~1 us)."""
    pos = max(0, at - 48)
    return None if (i := t.find("my ", pos, at)) == -1 else _PARTNER_BEFORE.search(t, max(pos, i - 1), at)


def _self_named(t: str, a: int) -> re.Match | None:
    """_SELF_NAMED_BEFORE.search in the _BEFORE characters before the word, asked only of a window holding what every
    match holds ("...self", "...selves", "each other", "one another", "growing up": ~1 us a window searched)."""
    window = t[max(0, a - _BEFORE):a]
    if "sel" not in window and "other" not in window and "growing up" not in window:
        return None
    return _SELF_NAMED_BEFORE.search(t, max(0, a - _BEFORE), a)


def _called(t: str, a: int, b: int) -> bool:
    """The group called on with the writer among them at a clause's start ("queers, let's ...", "as queers, we ...",
    "dykes, assemble!"): the plural word, then "let's", "we" after "as", or a rallying call, with no one else, insult,
    threat or hate said in the sentence (at most 96 characters after the word)."""
    if (t[b - 1] not in "sz" or (before := _CALLED_BEFORE.search(t, max(0, a - 8), a)) is None
            or (after := _CALLED_AFTER.match(t, b, b + 36)) is None):
        return False
    rally = after.group("rally") is not None or after.group("world") is not None
    if not rally and (after.group("we") is not None or after.group("comma") is None) and before.group("as") is None:
        return False
    end = min(len(t), b + 96)
    if (stop := _SENTENCE_END.search(t, b, end)) is not None:
        end = stop.start()
    rest = t[b:end]
    if rally and (_SCORN.search(rest) is not None or _HOSTILE.search(rest) is not None
                  or MENACE.search(rest) is not None):
        return False  # "queers of the world, you disgust me", "homos unite, ... the lads with the bats"
    return (_OTHERS.search(rest) is None and _HARM_SAID.search(rest) is None and THREAT_EN.search(rest) is None
            # HATE_EN's parts, each: the alternation matches where one of them does (no groups, no back-references),
            # and its whole is compiled only for the tests (needles.parts.Joined)
            and all(rx.search(t, max(0, a - 8), end) is None for rx in HATE_EN_PARTS))


def owned_spans(t: str, codes=None, chars=None, found=None) -> list[tuple[int, int]]:
    """(start, end) of the slur words of the normalised text that the writer uses of their own group or in their
    literal sense (their n-grams are hashed apart from an attack's: moderation.vectorizer), of the first
    READ_AT_MOST slur words (`codes`: its code points as uint32, `chars`: its set, `found`: the needles the
    signals' code pass found, a superset of the STEMS in it, if known)."""
    if chars is not None and chars.isdisjoint(_FIRST):  # no stem can start (a Japanese comment): no scan
        return []
    if found is not None and found.isdisjoint(STEMS):  # no stem in the text: no scan (~3 us at 200 characters)
        return []
    ends, words = _STEMS.scan(t, codes)
    out = []
    for end, word in itertools.islice(zip(ends.tolist(), words.tolist(), strict=True), READ_AT_MOST):
        a = end - _STEMS.values[word] + 1
        if (a and "a" <= t[a - 1] <= "z") or (m := OWNABLE.match(t, a)) is None:
            continue
        if reading(t, a, m.end()):
            out.append((a, m.end()))
    return out


def may_read(t: str, a: int, b: int) -> bool:
    """Whether reading() of the word at [a, b) can answer other than 0, told without a regex (a Japanese word-list
    hit never can): OWN needs a space right before the word or before a newline that ends the window (every
    openings.IN_GROUP_BEFORE alternative ends with " $") or right after it (_IN_GROUP_AFTER starts with one),
    LITERAL a word of SENSE_WORDS."""
    return t[b:b + 1] == " " or " " in t[max(0, a - 2):a] or t[a:b] in SENSE_WORDS
