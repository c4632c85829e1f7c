"""What an English writer denies: a hateful predicate under a negation is not the writer's attack (issue 12)."""

from __future__ import annotations

import re

from moderation.needles import known
from moderation.needles.guards import Needles
from moderation.pattern_cache import compiled
from moderation.targets.denial_patterns import (
    _BEING_WHOM,
    _CONDITION_AFTER,
    _HARM_DONE,
    _HARM_VERB,
    _HARMED,
    _NEGATIVE_WORDS,
    _NOT_DEMEANED,
    _NOTHING,
    _POSITIVE_AFTER,
    _POSITIVE_IN,
    _REGARDED_WHOM,
    _SLUR_IN,
    ASKED_DENIED,
    DENIED_EN,
    STEREOTYPE_DENIED,
)
from moderation.targets.triggers import Triggers
from moderation.wordlists import DEHUMANIZE, INSULTS_EN
from moderation.wordlists.groups import SLURS

_CUES = ("n't", "n’t", "not", "never", "nobody", "no one", "none of", "a lie", "a myth", "false", "untrue", "nonsense",
         "refuse", "no ", "hardly", "far from", "nowhere", "less", "fewer", "more rarely")
CUES = frozenset(_CUES)  # what the signals' code pass finds with its needles (denied_spans's `found`)
# ... and whether it found one, a test of that pass (features.patterns numbers it): a Found's bit, not a set.isdisjoint
# of ~20 look-ups, asked two or three times a comment (the signals, the hashing, the denied subjects)
TRIGGERS = Triggers(((), CUES))


def denied_spans(text: str, positive: bool = True, found=None, at=None) -> list[tuple[int, int]]:
    """(start, end) of what English negations in `text` deny (sorted; one scan, only when a negating word is in it);
    `positive=False` leaves out the denials of a positive (_POSITIVE: what the negation says is the attack). `found`:
    the needles the signals' code pass found, a superset of the CUES in the text, if known (17 substring searches
    cost ~43 us over 5,000 characters, each time asked); `at`: that code pass, which holds where DENIED_EN can
    start (DENIED_GUARD's slot)."""
    if not (any(cue in text for cue in _CUES) if found is None else TRIGGERS.held((), found)):
        return []
    return [(a, b) for a, b, pos in _denials(text, at) if positive or not pos]


# DENIED_EN tried only where one of its start strings begins (finditer gives its own matches): the engine tried
# its eight alternatives at every position, 110 us over an English comment of 330 characters with a negation
known.prime((DENIED_EN,))  # its needle sets and start search read from the disk cache (worked out: ~0.1 s a start)
DENIED_GUARD = Needles(DENIED_EN)

# the verbs of regard and finding whose denial counts only of a group right after the verb and a bad word (the
# lexicon's, _NEGATIVE_IN), never a positive: "I don't find [group] trustworthy", "I don't feel that [group] deserve
# rights", "I don't view [group] as people" deny a positive or a worth, the attack, which the words around it read as
# before; "won't pray but find time for a [slur]" regards no group
_REGARDS = frozenset(("feel", "feels", "felt", "find", "finds", "found", "describe", "describes", "described", "regard",
                      "regards", "regarded", "view", "views", "viewed"))
# what puts another regard in place of the one denied, after it in its sentence
_SUBSTITUTE = compiled(r"(?<![a-z])(?:more like|more as|more of|if anything|rather|actually|instead|but|just|only"
                       r"|simply|merely|worse|at best|at most|at least)(?![a-z])")
# the writer's own regard said next, in this sentence or the next ("I don't find [group] disgusting. I find them
# fascinating, like insects."; read2, s43): the denial made room for it
_REASSERTED = compiled(r"(?<![a-z'’])(?:i|we|i['’]d|we['’]d|i would|we would)(?: (?:just|really|actually|rather"
                       r"|only|do))? (?:find|found|regard|describe|view|see|consider|call|know|think|believe|reckon"
                       r"|say|swear)(?![a-z])"
                       r"|(?<![a-z'’])(?:i|we)(?:['’]m|['’]re| am| are) (?:sure|certain|convinced)(?![a-z])")
# what may follow the bad word to its clause's end and leave the denial whole ("I don't find [group] disgusting at
# all"); anything else qualifies it ("... useless as long as they keep quiet", "... disgusting enough to match what
# they deserve", "... brainless to their faces": read2, s44)
_CLAUSE_END = compiled(r"(?: (?:at all|really|whatsoever|in the least|in the slightest|in any way|either|myself"
                       r"|personally|honestly|frankly|ever))*$")
# a condition or an exception opening the next clause of the sentence ("I don't find [group] useless, as long as they
# keep quiet", "... disgusting at all, when they keep it behind closed doors"; read2, s44): the denial holds only
# under it
_CONDITIONED = compiled(r" *[,;:-]+ *(?:(?:but |and )?(?:only )?(?:as long as|so long as|when|whenever|if|unless"
                        r"|until|provided|providing|except|apart from|on condition))(?![a-z])")
_SENTENCE_STOP = compiled(r"[.!?\n]")
# what may follow a denial's clause and keep it a denial (read2, s45: a closed list, since no list of conditions is
# whole: "... disgusting... when they keep it behind closed doors", "..., insofar as ...", "..., in the kitchen where
# they belong", "..., assuming they leave"): a sentence's end (not an ellipsis), after at most a few words of degree
# or stance; or a clause of the writer's own defence: "and" + a subject other than the group ("and anyone who does
# should be ashamed", "and I never have", "and the new plumber is proof of it"), a reason ("because", "since"),
# "whatever / whoever / no matter ...", or another word named as the right one ("; neighbours is the word")
_TAG = (r"(?:at all|whatsoever|in the slightest|in the least|obviously|honestly|frankly|seriously|of course|really"
        r"|personally|full stop|end of|period|simple as|mate|lol|not at all|not even slightly|not one bit|never have"
        r"|never will|ever|either|myself)")
_FOLLOWS = compiled(
    r"(?:[ ,]+" + _TAG + r"(?![a-z'’]))*[ ,]*"
    r"(?:$|[!?\n]|\.(?!\.)|[,;:]? *(?:and (?:i|we|anyone|anybody|nobody|no one|neither|nor|never|my|our|the|that|it"
    r"|this|you|people|those|everyone|everybody|i['’](?:d|m|ve|ll)|we['’](?:d|re|ve|ll)|it['’]s|that['’]s)|because"
    r"|since|cos|whatever"
    r"|whoever|no matter)(?![a-z'’])|[,;:] *[a-z'’-]+ (?:is|are|was) the (?:right |proper |better )?(?:word|term"
    r"|name)(?![a-z]))")
# the next sentence opening with a condition ("I don't find [group] lazy. Not as long as they ...", read2 s45)
_NEXT_CONDITION = compiled(r" *[.!?]+ *(?:(?:not|only|but|well|and|or)[ ,]+)?(?:when|whenever|if|unless|until|till"
                           r"|once|as long as|so long as|long as|provided|providing|assuming|given|insofar|so far as"
                           r"|on condition|except|apart from)(?![a-z'’])")
# the group named again in the rest of the sentence: what follows says something more of it, no longer the writer's
# own defence ("I don't find women useless, and the kitchen is where they prove it."; read2, s45 round k)
_SAID_OF_THEM = compiled(r"(?<![a-z'’])(?:they|them|their|theirs|themselves|theyre|they['’](?:re|ve|d|ll))"
                         r"(?![a-z'’])")
_SUBSTITUTE_REACH = 120
_LAST: tuple = (None, ())  # the last text's denials: the signals and the n-gram hashing ask one after the other


def _denials(text: str, at=None) -> tuple[tuple[int, int, bool], ...]:
    """Each denial of `text`: (start, end, whether it denies a positive); `at`: its code pass, if known."""
    global _LAST
    last = _LAST
    if last[0] == text:
        return last[1]
    denials = tuple((*m.span(), pos) for m in DENIED_GUARD.finditer(text, at=at)
                    if (m.start("pred") < 0 or not _SLUR_IN.search(text, m.start(), m.start("pred")))
                    and (m.group("belief") not in _REGARDS or _regard_denied(text, m))
                    and ((m.start("quality") < 0 and m.start("demeaned") < 0) or _quality_denied(text, m))
                    and not ((pos := _denies_positive(text, m)) and m.group("belief") in _REGARDS))
    if whole := whole_denial(text):
        denials = tuple(sorted((*denials, (*whole[0], False))))
    _LAST = (text, denials)
    return denials


def whole_denial(text: str) -> list[tuple[int, int]]:
    """[(start, end)] of the denial when the whole comment is a group's stereotype denied (STEREOTYPE_DENIED) or a
    bad word's claim asked after and answered by no one (ASKED_DENIED), else [] (each anchored at 0: linear)."""
    if (m := STEREOTYPE_DENIED.fullmatch(text)) is None and ((m := ASKED_DENIED.fullmatch(text)) is None or not (
            _NEGATIVE_IN.search(text, *m.span("denial")) and not _POSITIVE_IN.search(text, *m.span("denial")))):
        return []
    return [m.span("denial") if m.re is STEREOTYPE_DENIED else m.span()]


def _regard_denied(text: str, m: re.Match) -> bool:
    """Whether a regard's denial (_REGARDS) denies a bad word of a group and stands: a group right after the verb, a
    bad word ending the clause (_CLAUSE_END: no condition, degree or manner after it), and nothing after it in the
    sentence (at most _SUBSTITUTE_REACH characters) that puts a worse regard in its place or says the bad word again
    ("I'd never describe [group] as brainless, more like decorative", "I don't regard [group] as vermin, vermin are at
    least useful"; read2, s43), nor the writer's own assertion ("..., I know they are"; read2, s44)."""
    bad = _REGARDED_WHOM.match(text, m.end("belief")) and _NEGATIVE_IN.search(text, m.end("belief"), m.end())
    return bool(bad) and _CLAUSE_END.match(text, bad.end(), m.end()) is not None and _left_standing(text, m.end())


def _left_standing(text: str, end: int) -> bool:
    """Whether nothing after a denial ending at `end` takes it back: only what _FOLLOWS lists may come next, and no
    condition, worse regard, bad word or the group again ("they") in the rest of its sentence (at most
    _SUBSTITUTE_REACH characters), nor the writer's own assertion."""
    if _CONDITIONED.match(text, end) or not _FOLLOWS.match(text, end) or _NEXT_CONDITION.match(text, end):
        return False
    stop = _SENTENCE_STOP.search(text, end, end + _SUBSTITUTE_REACH)
    stop = stop.start() if stop else min(len(text), end + _SUBSTITUTE_REACH)
    return not (_SUBSTITUTE.search(text, end, stop) or _NEGATIVE_IN.search(text, end, stop)
                or _CONDITION_AFTER.search(text, end, stop) or _SAID_OF_THEM.search(text, end, stop)
                or _REASSERTED.search(text, end, end + _SUBSTITUTE_REACH))


# a harm done or deserved named after the group ("nothing wrong with [group] being deported / getting beaten")
_DONE_IN = compiled(r"(?<![a-z])(?:" + _HARM_DONE + "|" + _HARMED + "|" + _HARM_VERB + ")")
# the denial asked, not said ("nothing disgusting about [group]? really?")
_ASKED = compiled(r" *\?")
# a condition, a limit or an exception in the denied clause or within reach after it ("nothing wrong with [group] as
# long as they keep it private", "nothing dirty about [group] except their homes")
# what may follow the group in "nothing [quality] about [group] ..." and keep it the group itself: its plural noun
# ("gay couples", "women engineers"), a degree, an
# ordinary doing of its life (a closed list of verbs, then at most five words), where it lives among us; anything
# else (a going, "leaving", "dying out", a relative clause "who keep their heads down") makes it none (read2, s44:
# a closed list, since no list of what voids is whole)
_GROUP_AFTER = compiled(r"(?: [a-z]{2,20}s(?![a-z'’]))?"
                        r"(?: (?:at all|whatsoever|in the slightest|in the least|in any way|either|really|per se"
                        r"|as such|as people|as a group|themselves))*"
                        r"(?: (?:moving|living|holding|kissing|marrying|getting married|adopting|having|raising"
                        r"|working|praying|worshipping|wearing|speaking|dating|loving|teaching|studying|playing"
                        r"|running|owning|opening|joining|coming out|voting|serving|walking|shopping|renting|buying"
                        r"|starting|cooking|singing|dancing|celebrating|fasting)(?: [a-z'’-]+){0,5})?"
                        r"(?: (?:here|in (?:this|our|my) [a-z]+|at (?:school|work|church|uni|college)|next door"
                        r"|on (?:our|my|this) [a-z]+|in public|in the street|like everyone else|like anyone else))?"
                        r"(?: (?:at all|whatsoever|either|really|too|as well))? *")
# a place away or a confinement named after it ("nothing wrong with [group] living in their own countries",
# "..., over there", "behind bars")
_AWAY = compiled(r"(?<![a-z])(?:(?:in|to|among|with|into) their own|back home|where they (?:came|come|belong)"
                 r"|somewhere else|elsewhere|abroad|overseas|far away|far from|over there|other side|behind bars"
                 r"|in (?:prison|jail|cages?|camps?|ghettos?|the ground|graves?)|in theirs|their side)(?![a-z])")
# a relative clause that limits the quality denied ("nothing inferior about [group] that a whipping wouldn't fix")
_RESTRICTED = compiled(r"(?<![a-z])(?:that|which|who|whom|whose)(?![a-z])")
# what should be done to them said next ("no [group] should be made to feel like filth, they should be made to know
# it", "..., he should be shown it")
_RESTATED = compiled(r"(?<![a-z'’])(?:they|he|she|them|we|you)(?: [a-z'’]+){0,2}? (?:should|must|needs? to|ought to"
                     r"|deserves? to|ha(?:ve|s) to|will|['’]ll|can|could|may)(?![a-z])")
_CONDITION_IN = compiled(r"(?<![a-z])(?:as long as|so long as|when|whenever|if|unless|until|provided|providing"
                         r"|except|apart from|other than|than|on condition|only|just|but)(?![a-z])")


def _quality_denied(text: str, m: re.Match) -> bool:
    """Whether "nothing [quality] about [group]" or a demeaning denied of no one (_NOTHING, _NOT_DEMEANED) stands: a
    good quality denied always (the attack, a positive denial); a bad one only with the group itself after about /
    being (_GROUP_AFTER: its noun, its life, its place among us), no harm in its clause, and within _SUBSTITUTE_REACH
    characters after it (across a sentence's end: "... about [group]. They're beyond disgusting.") no bad word, no
    condition or exception, no place away (_AWAY), no slur, no "they should ..." restating what should be done to
    them; not asked, not limited by "that / which / who", and nothing else after it that takes it back."""
    end, reach = m.end(), min(len(text), m.end() + _SUBSTITUTE_REACH)
    if m.start("quality") >= 0:
        if _POSITIVE_IN.fullmatch(m.group("quality")):
            return True
        start = m.start("whom")  # only the group itself, its life and its place among us after it (_GROUP_AFTER)
        whom = (_BEING_WHOM if m.start("being") >= 0 else _REGARDED_WHOM).match(text, start)
        if not _GROUP_AFTER.fullmatch(text, whom.end(), end):
            return False
    else:
        start = m.end("demeaned")
    return not (_NEGATIVE_IN.search(text, start, reach) or _DONE_IN.search(text, start, end)
                or _CONDITION_IN.search(text, start, reach) or _RESTRICTED.search(text, start, end)
                or _RESTATED.search(text, end, reach) or _ASKED.match(text, end)
                or _SLUR_IN.search(text, m.start(), reach) or _AWAY.search(text, start, reach)
                ) and _left_standing(text, end)


# the quality "nothing [quality] about" denies, or the demeaning no one should suffer, apart (polarity.py reads which
# way it points)
_QUALITY_AT = compiled(_NOTHING + "|" + _NOT_DEMEANED)


def denied_quality(text: str, a: int, b: int) -> tuple[int, int] | None:
    """(where its group is sought, +1: a good quality denied, -1: a bad one) of a denial at text[a:b] of "nothing
    [quality] about" or a quantified demeaning, else None (read within [a, b): linear)."""
    m = _QUALITY_AT.match(text, a, b)
    if m is None:
        return None
    if m.start("quality") >= 0:
        return m.start("whom"), 1 if _POSITIVE_IN.fullmatch(m.group("quality")) else -1
    return a, -1


def _denies_positive(text: str, m: re.Match) -> bool:
    """Whether a denial's predicate is a positive one: right after a negated copula, or in a denied belief's clause
    (each at most the match's length: linear)."""
    if m.start("copula") >= 0:
        return _POSITIVE_AFTER.match(text, m.end("copula"), m.end()) is not None
    if m.start("quality") >= 0:
        return _POSITIVE_IN.fullmatch(m.group("quality")) is not None
    return m.start("belief") >= 0 and _POSITIVE_IN.search(text, m.end("belief"), m.end()) is not None


# the subject of a denied copula ("[group] are not disgusting", "gay people were never a burden"): the words before the
# copula back to the clause's start, at most four and 48 characters, not across a conjunction or a complementiser, and
# none of them a harm word ("these parasites are not going anywhere" keeps its subject the writer's). The n-gram view
# hashes them with the denial (TextFeatures denied_subject_en), so the group word a writer defends does not carry the
# weight the same word has at the head of an attack; the signals still read the group as named
_COPULA_START = compiled(r"(?:are|is|was|were|am|['’](?:re|s|m)|never|will|would|could|can|cannot|wo|ca|have|has|had"
                         r"|should|must|shall|ought)(?![a-z])")
_CLAUSE_WORDS = frozenset(("but", "and", "or", "because", "cos", "that", "which", "who", "whom", "if", "when", "so",
                           "though", "although", "while", "as", "since", "than", "then", "whether", "unless"))
_HARM_SUBJECT = frozenset(w for w in (*INSULTS_EN, *DEHUMANIZE, *SLURS) if w.isascii() and " " not in w)
_SUBJECT_WORDS, _SUBJECT_REACH = 4, 48
# only a denial known to deny a negative: its predicate holds a harm word (an insult, a dehumanising or crime word, a
# denied attack's word, a bad quality): trial-subj (session 35) hashed every denied copula's subject apart, and a
# denied positive the lexicon does not know ("are not [a quality it lacks]") is read as a denied harm, so its subject
# was hashed as a defended group's: HateCheck's negate_pos_h fell 57.1 -> 50.0%
_NEGATIVE_IN = compiled(r"(?<![a-z])(?:" + _NEGATIVE_WORDS + r")(?![a-z])")


def _subject_start(text: str, a: int) -> int:
    """Where the subject of a copula at `a` starts (`a`: none), reading back at most _SUBJECT_WORDS words."""
    lo, i = max(0, a - _SUBJECT_REACH), a
    for _ in range(_SUBJECT_WORDS):
        j = i
        while j > lo and text[j - 1] == " ":
            j -= 1
        k = j
        while k > lo and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
            k -= 1
        word = text[k:j]
        if k == j or (k == lo and lo > 0) or word in _CLAUSE_WORDS:
            break
        if word in _HARM_SUBJECT or word.rstrip("s") in _HARM_SUBJECT:
            return a
        i = k
    return i


def denied_subjects(text: str, found=None, at=None) -> list[tuple[int, int]]:
    """(start, end) of the subjects of the denied copulas in `text` whose predicate holds a harm word (denied_spans
    with positive=False, read again from its kept answer): the words before "are not vermin", "were never a burden",
    "can't be criminals" (each read back at most 48 characters: linear)."""
    if not (any(cue in text for cue in _CUES) if found is None else TRIGGERS.held((), found)):
        return []
    out = []
    for a, b, pos in _denials(text, at):
        if (not pos and _COPULA_START.match(text, a) and _NEGATIVE_IN.search(text, a, b)
                and (start := _subject_start(text, a)) < a):
            out.append((start, a))
    return out
