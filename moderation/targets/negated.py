"""Which English negations near a group deny an attack on it, so a civil frame, and which only seem to (issue 12)."""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np

from moderation.features.spans import _inside, _merge
from moderation.pattern_cache import compiled
from moderation.targets.constructions import NEGATED_EN
from moderation.targets.denial_patterns import _HARM_DONE
from moderation.targets.hate_en import _EN_LANDS
from moderation.targets.polarity import BAD_QUALITY
from moderation.targets.praise import HARM_DONE_WORDS

# what a negation (constructions' NEGATED_EN) denies that is an attack: not a want ("I don't want [group] near my
# kids" excludes them), nor saying, thinking or calling ("[group] don't think, they just riot"), nor an exception that
# asserts the word ("[group] are never anything but a burden"), nor a verb that keeps it going ("[group] can't help
# being lazy", "never stop being dangerous"), nor a comparison whose standard is the group ("nobody is more dangerous
# than [group]", "no one is as lazy as [group]": the group made the worst of all)
_NOT_ATTACK = compiled(r"(?<![a-z])(?:say|said|call|think|thought|believe|want)$"
                       r"|(?<![a-z])(?:but|except|other than|only|just|more than|anything|help|helping|stop"
                       r"|stopping|avoid|resist|quit|cease|hide|deny|denying|pretend|pretending"
                       r"|more|most|less|least|as|so|than)(?![a-z])")
# what after the denial in its sentence takes it back ("nobody hates [group] here, but they can't stay", "I don't hate
# [group], I just want them gone"), or makes an exception of the group or a condition ("nobody in this town is
# dangerous apart from [group]", "I don't hate [group] until they open their mouths"; read2, s43): read at most
# _TAKEN_BACK_REACH characters on
_TAKEN_BACK = compiled(r"(?<![a-z])(?:but|just|only|yet|though|although|however|except|simply|apart from|aside from"
                       r"|besides|bar|save|other than|until|unless|till|as long as|so long as)(?![a-z])")
_TAKEN_BACK_REACH = 160
# care for the group said after the denial, which takes nothing back (session 44): a good state or a good thing wanted
# for it, the group its beneficiary, never its agent ("I just want them to feel safe", "we only want their mosque's
# roof fixed", "they should be paid the same"; not "I just want them to respect our laws"), deserved ("they deserve
# better"), or a harm done to it lamented ("I hate that they're bullied", "I worry about how they get spat at")
_SUBJECT = (r"(?<![a-z'’])(?:(?:i|we)(?:['’]d| would| do| really| also| still| just| simply| only){0,2}"
            r" (?:(?:think|feel|believe|know)(?: that)?(?: they)? )?)?")
_GOOD_STATE = (r"(?:safe|safer|safety|welcome|welcomed|at home|left in peace|in peace|left alone|happy|rights"
               r"|dignity|respected|fairly|equally|paid|looked after|cared for|helped|supported|protected|guarded|fixed"
               r"|repaired|housed|housing|included|heard)")
_LAMENTED = (r"(?:abused|attacked|harassed|insulted|mocked|ridiculed|beaten|hurt|hated|blamed|spat (?:at|on)|picked on"
             r"|stared at|shouted at|left out|ignored|turned away|vandali[sz]ed|treated (?:badly|unfairly|worse|poorly"
             r"|cruelly)|" + _HARM_DONE + ")")
_DONE_GOOD_WORDS = ("fix", "repair", "mend", "protect", "guard", "help", "house", "support", "welcome", "listen to",
                    "look after")
_DONE_GOOD = r"(?:" + "|".join(_DONE_GOOD_WORDS) + ")"
_DESERVED = r"(?:better|rights|dignity|respect|a home|a chance|safety|help|support)"
_CARE = compiled(
    _SUBJECT + r"(?:(?:want|wants|wish|hope|need|needs|like|pray)(?: [a-z'’]+){0,8}? " + _GOOD_STATE
    + r"|(?:should|must|ought to)(?: [a-z'’]+){0,3}? " + _GOOD_STATE
    # someone else to do the group good ("I just want the council to fix the mosque's car park")
    + r"|(?:want|wants|wish|hope|need|needs|like) (?:someone|somebody|everyone|people|landlords|employers|schools"
    r"|the (?:council|government|police|school|schools|authorities|state|city|town|uni|university|nhs|landlords?)"
    r"|our (?:mp|council|school|government)) to " + _DONE_GOOD
    + r"|(?:deserve|deserves)(?: [a-z'’]+){0,2}? " + _DESERVED
    + r"|(?:hate|hated|worry|worried|sorry|sad|upset|ashamed|angry|gutted|sick)(?: (?:it|about|for|of))?"
    r" (?:that|how|when|about|for)(?: [a-z'’]+){0,5}?(?:['’]re| are| is| were| was| get| gets| got| getting"
    r"| keep getting| keeps getting| being| been)(?: [a-z'’]+){0,2}? (?P<harm>" + _LAMENTED + "))(?![a-z])")
# what in the rest of its sentence makes the care a restriction or a condition ("I just want them to be safe in
# their own country", "... happy somewhere else", "... safe, but not here"), turns it ("not", "never"), makes the group
# its own danger ("protected from themselves", "safe from each other"), or wishes it a going or a harm (praise.py's veto
# words: "safe in a cage", "at peace in their graves")
_CARE_WITHDRAWN = compiled(r"(?<![a-z'’])(?:back|(?<!turned )away|off|(?<!left )out|sent|send|thrown|banned|expelled"
                           r"|removed|elsewhere|somewhere else|anywhere else|their own|shut|closed|problem|problems"
                           r"|issue|issues|but|unless|until|as long|provided|not|never|none|themselves|each other"
                           r"|one another"
                           r"|(?:in|to) " + _EN_LANDS + r")(?![a-z'’])|n['’]t(?![a-z])|" + HARM_DONE_WORDS)
# the care's own last words (its good state, the harm it laments), which say no going or harm of the writer's
_OWN = compiled(r"(?:" + _GOOD_STATE + "|" + _LAMENTED + "|" + _DONE_GOOD + "|" + _DESERVED + r")$")
# what may follow the care's own last words to its sentence's end and keep it the group's good (read2, s44: a place
# away, a degree that inverts a lament, a purpose after a deserved thing, a menace after it void any care: "happy
# across the Channel", "beaten up so rarely", "a chance to pack their bags", "safe walking home, where we'll be
# waiting"): a closed list of words of where, when, how and with whom; any other word voids the care
_KEPT_GOOD = frozenset((
    "here", "at", "in", "on", "near", "with", "for", "school", "schools", "work", "home", "our", "this", "the", "their",
    "my", "town", "village", "street", "city", "country", "area", "estate", "like", "everyone", "else", "anyone",
    "rest", "of", "us", "too", "again", "once", "as", "well", "night", "peace", "before", "winter", "properly",
    "fairly", "equally", "every", "day", "walking", "dignity", "same", "kids", "kids'", "children", "families", "and",
    "now", "today", "always", "safely", "them", "better", "respect", "everybody", "else's", "all"))
# the object of a good done by someone else ("want the council to fix the mosque's car park"): a determiner and at most
# three words
_DONE_TO = compiled(r" (?:the|their|our|its|his|her|a|an) [a-z'’]+(?: [a-z'’]+){0,2}")
_WORD = compiled(r"[a-z'’]+")
# the words that say a bad quality only as the care's verb or its harm ("want", "hate that")
_CARE_VERBS = frozenset(("want", "hate", "hated", "think", "thought", "believe", "say", "said", "call"))
# between a take-back word and the care: the writer and a stance ("but I do think they deserve better")
_STANCE = compiled(r"(?:[ ,]+(?:i|we|i['’]d|we['’]d|do|really|also|still|would|think|feel|know|believe|that|they"
                   r"|honestly|genuinely|just|simply|only))*")
# the denied word going on as a comparative ("nobody is dumber than [group]")
_COMPARED = compiled(r"(?:er|est)(?![a-z])|,? than(?![a-z])")
# a negation that only echoes the one before it ("I don't hate [group], never have", "aren't stupid and never were"):
# an auxiliary alone to the clause's end
_ECHOED = compiled(r" (?:have|has|had|did|do|does|will|would|was|were|am|is|are|could|can|should)"
                   r"(?: (?:been|done|ever|once))?(?= *(?:[.!?,;:]|$))")


def denying(t: str, at: list[int], ends: np.ndarray, care: list) -> list[tuple[int, int]]:
    """(start, end) of the negations starting at `at` (NEGATED_EN's hits) that deny an attack verb or word ("I don't
    hate [group]", "no one should hurt [group]"), in no question (a negation asked, "why don't we deport [group]?",
    "why aren't [group] sent back?", calls for what it seems to deny) and not taken back by what follows in its
    sentence ("but", "just"), unless by care for the group. `ends`: where sentences end; `care`: [] or
    [cared(t, ends)], filled when first asked."""
    return sorted(m.span() for a in at if (m := NEGATED_EN.match(t, a)) and not _NOT_ATTACK.search(m.group())
                  and not _COMPARED.match(t, m.end()) and not _asked(t, ends, a)
                  and not _taken_back(t, ends, m.end(), care))


def twice_negated(t: str, ends: np.ndarray, negator: re.Pattern, size: int) -> np.ndarray:
    """For each sentence (as numbered by `ends`, `size` of them), whether it holds two negations, which assert what one
    would deny ("[group] are never not stupid", "there isn't one of them who isn't a thief"); a negation that only
    echoes the one before it is none."""
    said = [m.start() for m in negator.finditer(t) if not _ECHOED.match(t, m.end())]
    if not said:
        return np.zeros(size, dtype=bool)
    return np.bincount(np.searchsorted(ends, said, side="right"), minlength=size)[:size] >= 2


def cared(t: str, ends: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of what states care for a group ("I just want them to feel safe", "I hate that they're bullied"),
    each to its sentence's end, with nothing after it in the sentence that withdraws it (_CARE_WITHDRAWN) or calls
    the group a bad word; each sentence's rest read once (the last such word), however many cares it holds."""
    found = list(_CARE.finditer(t))
    if not found:
        return []
    sids = np.searchsorted(ends, [m.start() for m in found], side="right").tolist()
    own = {}  # each sentence's cares' own last words
    for m, sid in zip(found, sids, strict=True):
        last_words = _OWN.search(m.group())
        own.setdefault(sid, []).append((m.start() + last_words.start(), m.end()))
    out, last = [], {}
    for m, sid in zip(found, sids, strict=True):
        if sid not in last:  # the last withdrawing, bad or unkept word from the sentence's first care to its end
            start, stop = m.start(), int(ends[sid]) if sid < ends.size else len(t)
            said = [w.start() for rx in (_CARE_WITHDRAWN, BAD_QUALITY) for w in rx.finditer(t, start, stop)
                    if w.group() not in _CARE_VERBS]
            if said:
                said = np.asarray(said)[~_inside(_merge(sorted(own[sid])), said)].tolist()
            words = [w.start() for w in _WORD.finditer(t, start, stop) if w.group() not in _KEPT_GOOD]
            last[sid] = (max(said, default=-1), max(words, default=-1), stop)
        rest = m.end()
        if m.group().endswith(_DONE_GOOD_WORDS) and (obj := _DONE_TO.match(t, rest, last[sid][2])):
            rest = obj.end()
        if last[sid][0] < m.start() and last[sid][1] < rest:
            out.append((m.start(), last[sid][2]))
    return out


def _taken_back(t: str, ends: np.ndarray, at: int, care: list) -> bool:
    """Whether the rest of the sentence from `at` (at most _TAKEN_BACK_REACH characters) takes the denial back: a
    take-back word not followed by care for the group ("I just want them to feel safe" takes nothing back). `care`:
    [] or [cared(t, ends)], filled at the first take-back word."""
    sid = int(np.searchsorted(ends, at, side="right"))
    stop = min(int(ends[sid]) if sid < ends.size else len(t), at + _TAKEN_BACK_REACH)
    for m in _TAKEN_BACK.finditer(t, at, stop):
        if not care:
            care.append(cared(t, ends))
        q = _STANCE.match(t, m.end(), stop).end() + 1  # within the reach: a run of stance words is read once
        k = bisect_right(care[0], (q, len(t) + 1)) - 1  # the last care starting at or before q
        if not (k >= 0 and at < care[0][k][0] and q < care[0][k][1]):
            return True
    return False


def _asked(t: str, ends: np.ndarray, at: int) -> bool:
    """Whether the sentence holding `at` ends with a question mark."""
    sid = int(np.searchsorted(ends, at, side="right"))
    return sid < ends.size and "?" in t[max(int(ends[sid]) - 3, at):int(ends[sid])]


# session 54 (issue 12, HateCheck's negated hate by count only; chosen on our own sentences): the writer's own
# aversion to a group denied, which names no attack verb or word of NEGATED_EN's ("I'm not afraid of [group]", "I don't
# mind [group] at all", "I have nothing against [group]", "I don't feel any hatred towards [group]", "there's no
# reason to fear [group]"): the writer says it (a fear only "I": "we are not afraid of [group]" rallies against
# them), the group follows at once (at most two determiners), and the comment ends there but for a closed tail:
# whatever follows a denial may correct it ("I'm not scared of [group], I'm disgusted by them", "..., they should be
# afraid of me") and no list names every correction
# no open word between "no" / "any" and the feeling, nor after "nothing" / "anything" but "against" (read2's aver2: "I
# don't feel anything but contempt for [group]", "I don't have any time for [group]", "I feel nothing for [group]")
_FELT_AT = (r"(?: (?:real|particular|personal))? (?:hatred|hate|fear|dislike|resentment|ill will|grudges?|contempt"
            r"|problems?|issues?|animosity|hostility|prejudice|objections?) (?:against|towards|toward|for|of|with)")
# what may come before the denial in the comment: nothing, or a closed opener ("Honestly, ...", "For the record: ...");
# an open stretch before it may be the stereotype the denial only seems to answer ("They breed like rabbits. I'm not
# scared of [group].")
_OPENER = (r"(?:(?:honestly|personally|to be (?:clear|honest|fair)|for the record|frankly|look|listen|me\?"
           r"|seriously|just so you know|for what it['’]s worth|tbh|fwiw)[ ,:!.…-]*)?")
_DETERMINED = r"(?:(?:the|any|all|most|some|my|our|those|these|local|other|ordinary|regular) ){0,2}"
# a people named by an adjective (or "the Jews") after "the" speaks of them as a kind apart ("I don't mind the blacks.",
# "I'm not afraid of the gays.", "I have nothing against the Jews."): not read (the match backs off to before "the",
# where no group word starts)
_OTHERED = (r"(?!(?<=the )(?:blacks|whites|gays|jews|coloureds|homosexuals|queers|trans|transgenders|disabled"
            r"|handicapped|orientals|illegals)(?![a-z]))")
_AVERSION = compiled(
    _OPENER + r"(?P<denial>(?:i['’]m|i am) (?:not|never)(?: (?:at all|remotely|even|really|particularly))?"
    r" (?:afraid|scared|frightened|fearful|wary|threatened) (?:of|by) "
    r"|(?:i['’]m|i am|we['’]re|we are) (?:not|never)(?: (?:at all|remotely|even|really|particularly))?"
    r" (?:(?:disgusted|repulsed|bothered|hostile|prejudiced) (?:by|towards|toward|to|against)|against) "
    r"|i (?:don['’]t|do not|never)(?: (?:really|personally|ever|even|particularly))? (?:fear|distrust|mistrust) "
    r"|(?:i|we) (?:don['’]t|do not|never)(?: (?:really|personally|ever|even|particularly))?"
    r" (?:dislike|mind|resent|detest|loathe|look down on|object to|begrudge) "
    r"|(?:i|we) (?:have|['’]ve got|hold|bear|harbour|harbor|feel) (?:nothing against|no" + _FELT_AT + r") "
    r"|(?:i|we) (?:don['’]t|do not|never) (?:have|hold|bear|harbour|harbor|feel) (?:anything against|any"
    + _FELT_AT + r") "
    r"|there(?:['’]s| is) no (?:reason|need) to (?:fear|hate|dislike|distrust"
    r"|be (?:afraid|scared|frightened|wary) of) )" + _DETERMINED + _OTHERED)
# the group word (and a noun for its people), then only a closed tail to the comment's end
_CLOSED = compiled(r"[a-z'’-]+(?: (?:people|persons?|men|women|folks?|kids|children|families|communities"
                   r"|community|neighbours|neighbors|colleagues|friends|guys))?"
                   r"(?:,? (?:at all|in the slightest|in the least|one bit|whatsoever|personally|either|really"
                   r"|honestly|to be honest|tbh|(?:and )?(?:i )?never (?:have|did|will|had)(?:,? never will)?))*"
                   r" *\.? *")  # one full stop: no "!" (defiance), "..." / "…" (a "but" unsaid) or "?"


def averse(t: str, groups: list[int]) -> list[tuple[int, int]]:
    """[(start, end)] of the writer's aversion to a group denied (_AVERSION's denial, to where the group word starts;
    `groups`: where group words start) when it is the whole comment: a closed opener, the denial, the group and a
    closed tail (_CLOSED); else []."""
    if not groups:
        return []
    at = set(groups)
    m = _AVERSION.match(t)
    return [(m.start("denial"), m.end())] if m and m.end() in at and _CLOSED.fullmatch(t, m.end()) else []
