"""Which way an English denial about a group points: a positive denied of it is the attack, a stereotype a defence.

"[group] are not honest", "I don't think [group] are human", "[group] don't deserve respect" deny a group a good
quality (the attack itself); "[group] are not criminals", "not all [group] are terrorists", "nobody thinks [group] are
lazy" deny it a bad one (a defence). The n-grams cannot tell the two apart: rows of either polarity taught the
shared frame ("[group] are not ...") as hate or as civil (sessions 15, 31, 38). So both are counted as signals:
`denied_praise_at_group` and `denied_stereotype_at_group`, read from denied.py's denials (issue 12).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from moderation.pattern_cache import compiled
from moderation.targets.denial_patterns import _BELIEF, _HARMED, _NEG, _POSITIVE_WORDS
from moderation.targets.denied import _NEGATIVE_IN, _subject_start, denied_quality
from moderation.targets.hate_en import _EN_Q_BAD
from moderation.wordlists import CRIME, DEHUMANIZE, INSULTS_EN

# said of anyone, not a group by identity ("these people are not honest" of a council)
_DEICTIC = frozenset(("you people", "these people", "those people"))

# a denial that is a negated belief: the clause after the verb holds the group and what is said of it
_BELIEF_AT = compiled(r"(?:" + _NEG + r")(?: [a-z]+){0,3}? " + _BELIEF + r"(?![a-z])")
# a denial whose subject is quantified inside it: "none of the [group] I met were ...", "not all [group] are ..."
_QUANTIFIED_AT = compiled(r"(?:no|none of|not a single|not one|not all|not every|not each)(?![a-z])")
# the verb after the group that opens what is said of it, and the at most four words said
_VERB = compiled(r"(?<![a-z])(?:are|is|was|were|be|been|deserve|deserves|deserved)(?![a-z])")
_SAID = compiled(r"(?: [a-z'’-]+){1,4}")

# worth: the lexicon's good qualities of people and praise words, the nouns of worth, and what a group is said to
# deserve when the denial of it is the attack (hate_en's `don't deserve` list); and the good qualities opposite the
# bad ones hate_en's questions read (_EN_Q_BAD: rude, greedy, arrogant, selfish, violent, aggressive)
_WORTH = (r"asset|assets|a credit|a blessing|a benefit|rights|dignity|equality|compassion|kindness|sympathy"
          r"|a place|a home|a chance|to live|to exist|to be here")
_GOOD = r"polite|generous|humble|modest|selfless|gentle|tolerant|respectful|well-mannered|considerate"
GOOD_QUALITY = compiled(r"(?<![a-z])(?:" + _POSITIVE_WORDS + "|" + _WORTH + "|" + _GOOD + r")(?![a-z])")
# the stereotypes: the lexicon's insults, dehumanising and crime words, bad qualities and harms, and the nouns of
# the vices a group is charged with
_BAD = (r"thieves|liars|cheats|scroungers|freeloaders|spongers|beggars|a danger|a menace|a drain|a risk|a problem"
        r"|a threat")
BAD_QUALITY = compiled(_NEGATIVE_IN.pattern + "|(?<![a-z])" + _HARMED + r"|(?<![a-z])(?:" + _BAD + r")(?![a-z])")

# a good thing a group is said not to deserve, which denied.py does not read as a denial (it reads only a harm not
# deserved): "[group] don't deserve respect", "[group] deserve no rights", "deserve nothing" (not "nothing but")
_UNDESERVED = compiled(
    r"(?<![a-z])(?:(?:do|does|did)(?:n['’]t| not)|never)(?: (?:really|even|ever))? deserve (?:[a-z'’-]{1,20} ){0,3}?"
    r"(?:respect|" + _WORTH + r")(?![a-z])"
    r"|(?<![a-z])(?:deserve|deserves) (?:no|zero|not an ounce of|not a shred of|not one bit of)"
    r" (?:[a-z'’-]{1,20} ){0,2}?(?:respect|" + _WORTH + r")(?![a-z])"
    r"|(?<![a-z])(?:deserve|deserves) nothing(?! (?:but|less|short|more)(?![a-z]))")


# a negated regard, which denied.py's belief verbs do not hold: "nobody here regards [group] as criminals", "I don't see
# [group] as equals", "I refuse to treat [group] as a threat": the group within three words of the verb, what it is
# regarded as the at most four words after "as"
_REGARDED = compiled(r"(?<![a-z])(?:" + _NEG + r")(?: [a-z'’]+){0,3}? (?:regard|regards|regarded|see|sees|saw|view"
                     r"|views|viewed|treat|treats|treated|count|counts|counted|class|classes|classed)"
                     r"(?P<whom>(?: [a-z'’-]+){1,3}?) as(?P<said>(?: [a-z'’-]+){1,4})")


# session 40: a regard withheld by a quantifier, which holds no negation for denied.py: by the writer ("I've lost all
# respect for [group]", "we have zero sympathy for the [group] ...") or, said of the group, from the writer ("[group]
# get no sympathy from me"); the group right after "for" (with a determiner), so "no sympathy for people who attack
# [group]" withholds nothing from it; not across a negation ("I haven't lost all respect for ..."). Not "there is no
# welcome for [group] here", which a writer who laments it says as often (left out: no lexicon tells the two apart)
_REGARD = r"(?:respect|sympathy|compassion|welcome|trust|tolerance|patience|time|love|regard|pity|goodwill)"
_NONE_OF = r"(?:no|zero|not an ounce of|not a shred of|not one ounce of|not a scrap of|not a drop of)"
_NOT = r"(?:not|never|no|ha[sv]en['’]?t|didn['’]?t|don['’]?t|doesn['’]?t|wouldn['’]?t|won['’]?t|can['’]?t|cannot)"
_WITHHELD = compiled(
    r"(?<![a-z])(?:i|we)(?:['’](?:ve|d))?(?: (?!" + _NOT + r"(?![a-z]))[a-z'’]+){0,2}? (?:(?:lost|lose) (?:all|any"
    r"|every (?:last )?(?:bit|ounce|shred) of)|(?:have|has|had|got|feel|felt|hold|show|owe)(?: (?:absolutely"
    r"|literally|just))? " + _NONE_OF + r") " + _REGARD
    + r"(?: (?:left|whatsoever|at all|anymore|any more))? (?:for|towards?) (?:(?:the|these|those|all|any|most) )?"
    r"|(?<![a-z])(?:get|gets|got|will get|should get|can expect|should expect|deserve|deserves)(?: absolutely)? "
    + _NONE_OF + r" " + _REGARD + r"(?: (?:whatsoever|at all))? from (?:me|us|my|our)(?![a-z])")

# read2 (session 40): a subset named by what it did is no group ("no sympathy for the Russians who voted for this war",
# "lost all respect for Muslim leaders who stayed silent"): a relative clause within two words after the group word
_NAMED_BY_DEED = compiled(r"(?: [a-z'’-]+)? (?:who|that|which|whose)(?![a-z])")
# what every _WITHHELD match holds (signals asks it before reading polarity in a text with no denial in it)
WITHHELD_CUE = compiled(r"(?:no|zero|of|all|any) " + _REGARD + r"(?![a-z])")


# a stereotype denied only to be outdone or mocked in the rest of its sentence (read2, session 39): "[group] are not
# criminals, they are worse", "... just lazy and greedy", "... said no one ever": no defence. The worse thing is
# said by the turn itself ("they are [worse | a bad word]", "just [a bad word]"), with at most a few words of degree
# between: a defence that goes on ("they just want to work", "they are victims of criminals", "they are worse off",
# "but the papers call them scroungers") is still one (read2: 9bcc443 took any bad word in the next 80 characters,
# and the negative lexicon holds "want")
_WORST = "|".join(sorted({re.escape(w) for w in (*INSULTS_EN, *DEHUMANIZE, *CRIME) if w.isascii()}
                         | {"worse(?! off)", _EN_Q_BAD, _BAD}, key=lambda w: (-len(w), w)))
_OUTDONE = compiled(r"(?<![a-z])(?:they(?:['’]re| are| were)?|theyre|but|just|only|rather|merely)"
                    r"(?: (?:are|were|just|only|even|simply|far|much|actually|really|all|plain|downright))*"
                    r" (?:" + _WORST + r")(?![a-z])")
_MOCKED = compiled(r"said (?:no ?one|nobody) ever")
_SENTENCE_END = compiled(r"[.!?\n]")


def _outdone(text: str, b: int) -> bool:
    """Whether the rest of the sentence after a denial ending at `b` takes it back (at most 80 characters read)."""
    end = _SENTENCE_END.search(text, b, b + 80)
    stop = end.start() if end else min(len(text), b + 80)
    return _MOCKED.search(text, b, stop) is not None or _OUTDONE.search(text, b, stop) is not None


def _polarity(text: str, a: int, b: int) -> int:
    """+1: what text[a:b] says is a good quality only, -1: a bad one only, 0: neither or both."""
    good = GOOD_QUALITY.search(text, a, b) is not None
    bad = BAD_QUALITY.search(text, a, b) is not None
    return (good and not bad) - (bad and not good)


def _group_in(groups: list[tuple[int, int]], text: str, a: int, b: int) -> int:
    """The end of the first group word starting in [a, b), or -1 (found by bisection: only the words in the span
    are read, so a text of many denials and groups stays linear)."""
    i = bisect_left(groups, (a, -1))
    while i < len(groups) and groups[i][0] < b:
        s, e = groups[i]
        if text[s:e] not in _DEICTIC:
            return e
        i += 1
    return -1


def _said_of(text: str, g: int, b: int) -> tuple[int, int]:
    """What a clause says of the group ending at `g`: the at most four words after its verb, up to `b`."""
    verb = _VERB.search(text, g, b)
    if verb is None:
        return g, g
    said = _SAID.match(text, verb.end(), b)
    return (verb.end(), said.end()) if said else (g, g)


def group_denials(text: str, denials, groups: list[tuple[int, int]]) -> tuple[list, list]:
    """(spans of positives denied of a group, spans of stereotypes denied of one) in `text`, from its denials
    ((start, end, _) of denied.py) and its group words ((start, end), sorted): each read at most its denial's length
    and 48 characters before it, so linear in the text."""
    praise, stereotype = [], []
    for a, b, _pos in denials:
        belief = _BELIEF_AT.match(text, a, b)
        if (quality := denied_quality(text, a, b)) is not None:  # "nothing [quality] about [group]", "no [person]
            # should be made to feel like [bad]": the quality itself says which way
            if _group_in(groups, text, quality[0], b) >= 0 and (quality[1] > 0 or not _outdone(text, b)):
                (praise if quality[1] > 0 else stereotype).append((a, b))
            continue
        if belief is not None or _QUANTIFIED_AT.match(text, a, b):
            g = _group_in(groups, text, belief.end() if belief else a, b)
            if g < 0:
                continue
            start, (p, q) = a, _said_of(text, g, b)
        else:
            start = _subject_start(text, a)
            if start == a or _group_in(groups, text, start, a) < 0:
                continue
            p, q = a, b
        sign = _polarity(text, p, q)
        if sign > 0:
            praise.append((start, b))
        elif sign < 0 and not _outdone(text, b):
            stereotype.append((start, b))
    if " as " in text:
        for m in _REGARDED.finditer(text):
            sign = _polarity(text, *m.span("said"))
            if sign and _group_in(groups, text, m.start("whom"), m.end("whom")) >= 0 and (
                    sign > 0 or not _outdone(text, m.end())):
                (praise if sign > 0 else stereotype).append(m.span())
    for m in _WITHHELD.finditer(text) if WITHHELD_CUE.search(text) else ():
        if m.group().startswith(("i", "we")):  # the writer's: the group starts right where the match ends
            g = _group_in(groups, text, m.end(), m.end() + 1)
            if g >= 0 and not _NAMED_BY_DEED.match(text, g):
                praise.append(m.span())
        elif (start := _subject_start(text, m.start())) < m.start() and _group_in(groups, text, start, m.start()) >= 0:
            praise.append((start, m.end()))
    if "deserve" in text:
        for m in _UNDESERVED.finditer(text):
            start = _subject_start(text, m.start())
            if start < m.start() and _group_in(groups, text, start, m.start()) >= 0:
                praise.append((start, m.end()))
    return praise, stereotype
