"""English swearing as an exclamation or intensifier, aimed at nobody: it is not an attack (issue 12)."""

from __future__ import annotations

import bisect
import re

from moderation.pattern_cache import compiled
from moderation.targets.things import THING, oath_at_a_thing
from moderation.wordlists import DEHUMANIZE, INSULTS_EN
from moderation.wordlists.groups import GROUPS, PEOPLES_EN, SLURS

# the English profanity word list's "fuck" family (the list holds no shit/damn/hell/crap: only these hits matter; its
# phrase "what the fuck" is read as a question's intensifier, (6) below)
# session 32: the list's phrases "fucking hell" and "holy fuck" too, as an interjection standing alone ("Fucking hell,
# the rain won't stop": harassment 0.827 with 2026.12.04-1), by reading (1) only
_SWEARS = frozenset(("fuck", "fucking", "fuckin", "fucked", "goddamn", "what the fuck", "fucking hell", "holy fuck"))
# session 39: "shit" is no word of the list (words.py never asks about it), but exclaimed_spans reads it as an
# interjection standing alone ("Shit, I missed the bus.", "holy shit!"), by reading (1) only
_INTERJECTIONS = frozenset(("shit", "holy shit"))
# session 41: the list's oaths of two words, read as a whole (the list's longest hit: exclaimed() never saw their
# "fucking" alone): "Holy fucking shit, the rain has not stopped all week." held 0.871 by 2026.12.05-6 on a
# profanity count no reading dropped; standing alone after an opening or an oath's first word, with no reader after
_OATHS = frozenset(("fucking shit", "god damn it", "god damnit", "godamnit", "goddamnit"))

# a word after an intensifying "fucking" that is no person: praise, a feeling, time and weather ("fucking finally",
# "fucking brilliant", "we fucking loved the new bakery"); a group or a person after it is an attack and stays profanity
_DEGREE = (r"(?:finally|again|great|brilliant|amazing|awesome|excellent|beautiful|gorgeous|delicious|lovely|fantastic"
           r"|incredible|hilarious|love|loved|loving|adore|good|best|well|right|ages|forever|everywhere|cold|freezing"
           r"|hot|boiling|tired|exhausted|knackered|late|early|expensive|pricey|long|slow|hard|impossible|ridiculous"
           r"|unbelievable|insane|massive|huge|yes|yeah)")

# what comes before the swear word (each ends where it starts), and what must follow it for that reading:
# (1) an interjection opening a clause (after at most three interjections: "ok so oh fuck") and standing alone before
# its punctuation ("Fuck, the bins again", "oh fuck!", "fuck me.", "fucking hell, the rain");
# (2) "for fuck's sake"; (3) after a degree word ("so fucking tired", "too fucking hot"); (4) before one of _DEGREE
# ("fucking finally"); (5) the writer's own plight ("we're fucked", "I fucked up"); (6) and (7) below
_OPENING = compiled(r"(?:^|(?<=[.!?,;:(\n\"])) *(?:(?:oh|ah|aw|aww|well|holy|and|but|so|yeah|ok|okay|lol|lmao|ugh"
                    r"|wow) ){0,3}\Z")
_ALONE = compiled(r" *(?:[,!.?;:\n]|\Z)")
_ALONE_WITH = compiled(r" (?:yeah|yes|me|it|hell|sake) *(?:[,!.?;:\n]|\Z)")
_FOR = compiled(r"(?<![a-z'])for \Z")
_SAKE = compiled(r"['’]?s sake")
_BY_DEGREE = compiled(r"(?<![a-z'])(?:so|too|very|really|pretty|absolutely|just|bloody) \Z")
_WORD_AFTER = compiled(r" [a-z]")
_DEGREE_AFTER = compiled(r" " + _DEGREE + r"(?![a-z])")
_PLIGHT = compiled(r"(?<![a-z'])(?:i['’]m|i am|we['’]re|we are|i was|we were|i|we)"
                   r"(?: (?:so|totally|completely|well|all))? \Z")
# what may follow the plight's "fucked": the clause's end, "up", or a word that opens no object ("we're fucked if
# the ferry is late", "I fucked up again"); not a person or a thing done to ("I fucked his ...", "I just fucked an
# ...": the act, not a plight; session 39)
_PLIGHT_AFTER = compiled(r" *(?:[,!.?;:)\n]|\Z)| (?:up|if|now|again|anyway|already|then|when|because|unless|lol"
                         r"|lmao|tbh|mate|man|today|tonight|tomorrow|here|too|for real|and|but|so|or)(?![a-z'’])")
# (6) a question's intensifier ("what the fuck is going on with the trains", "how the fuck did we lose"), unless the
# question turns on the reader ("what the fuck is wrong with you", "who the fuck do you think you are": session 30)
_WH = compiled(r"(?<![a-z'’])(?:what|why|how|where|who|when) the \Z")
_AT_YOU = compiled(r"[^.!?\n]{0,60}?(?<![a-z'’])(?:you|your|yours|yourself|ya|u|ur|youre|you['’]re)(?![a-z])")
# (7) swearing at a thing (session 33): "this fucking printer", "the goddamn train is late again", "my fucking laptop":
# after a determiner or a possessive, at most one word, then an everyday object, machine, service or weather from a
# closed list (things.THING; a person noun after it, "this fucking idiot / ref", stays profanity aimed at them)
_THING_DET = compiled(r"(?<![a-z'’])(?:this|that|the|my|our|these|those|stupid|damn|bloody|an?) \Z")
# (8) "fuck" as a verb at a clause's opening with a thing from the same list after a determiner (session 39): "fuck
# this weather", "oh fuck the traffic"; a person after it ("fuck the driver", "fuck this guy") stays profanity
_VERB_DET = compiled(r" (?:this|that|the|these|those|my|our|all this|all these|all the)(?= )")
# ... and the thing ends its clause or a word that opens no noun follows ("fuck all the heat bandwagon riders" names
# people: not read)
_THING_END = compiled(r" *(?:[,!.?;:\n]|\Z)| (?:again|today|tonight|this|on|in|at|and|for|every|already|honestly"
                      r"|seriously|lol|ugh)(?![a-z'’])")
# (9) an oath around an intensifier (session 40): "jesus fucking christ", "oh my fucking god", "holy fucking shit",
# "god fucking damn it"; not when the reader follows ("jesus fucking christ, you are thick": the swear is at them)
_OATH_BEFORE = compiled(r"(?<![a-z'’])(?:jesus|jesus h|christ|oh my|holy|sweet|god|mother of) \Z")
_OATH_AFTER = compiled(r" (?:christ|jesus|wept|god|almighty|hell|shit|moly|cow|damn it|damnit|dammit)(?![a-z'’])")
# (10) idioms of "fuck" that point at nothing (session 40): caring none ("nobody gives a fuck about the weather",
# unless someone follows: "no one gives a fuck about you"), a quantity ("there's fuck all to do", "knows fuck all
# about trains"; not "fuck all the riders"), a degree ("cold as fuck", a word of _DEGREE first), and what something
# did to the writer ("scared the fuck out of me")
# ... and no one named in the 60 characters after it ("don't give a fuck about him / what the next bitch thinks")
# (a third person or an insult: what _ADDRESSEE reads after its second person too)
_THIRD_OR_INSULT = r"he|him|his|she|her|they|them|their|" + "|".join(map(re.escape, INSULTS_EN))
_AT_WHOM = compiled(r"[^.!?\n]{0,60}?(?<![a-z'’])(?:you|your|yours|ya|u|ur|youre|you['’]re|" + _THIRD_OR_INSULT
                    + r")(?![a-z'’])")
_GIVE = compiled(r"(?<![a-z'’])(?:give|gives|giving|gave|given) (?:a|one|two) \Z")
_ALL_BEFORE = compiled(r"(?<![a-z'’])(?:there['’]s|there is|there was|knows?|knew|did|does|done|doing|got|get|gets"
                       r"|has|had|have|worth|costs?|paid|pays?|earns?|earned|means?|meant|said|says|do|changed"
                       r"|changes|achieved|achieves) \Z")
_ALL_AFTER = compiled(r" all(?: *(?:[,!.?;:\n]|\Z)| (?:to|on|in|about|for|of|else|left|happened|with|at|from"
                      r"|today|again)(?![a-z'’]))")
_AS = compiled(r"(?<![a-z'’])" + _DEGREE + r" as \Z")
_OUT_OF_ME_BEFORE = compiled(r"(?<![a-z'’])(?:scared|scares|scaring|annoyed|annoys|annoying|bored|bores|boring"
                             r"|confused|confuses|confusing|frightened|frightens|irritated|irritates|terrified"
                             r"|terrifies|startled|startles) the \Z")
_OUT_OF_ME = compiled(r" out of (?:me|us|everyone|everybody)(?![a-z'’])")
# session 41 (read2): ... nor where the sentence then judges a person ("fucking shit, the author is a liar", "god
# damn it, he is a lying little weasel"): a pronoun or a person's role, then its copula within four words
_JUDGED = compiled(r"[^.!?\n]{0,60}?(?<![a-z'’])(?:he|she|they|him|her|them|reporters?|journalists?|authors?"
                   r"|writers?|editors?|commenters?|posters?|moderators?|mods?|judges?|councillors?|mayor|ministers?"
                   r"|mps?|ref|refs|referees?|presenters?|hosts?|columnists?|hacks?|man|woman|men|women|guy|bloke|lad"
                   r"|girl|boy|bastards?|traitors?|liars?|frauds?)(?: [a-z'’]{1,20}){0,4}? (?:is|are|was|were)"
                   r"(?![a-z'’])")
_BEFORE = 24  # characters before a swear word its readings look at (the longest opener above, with spaces)

# no reading holds in a sentence with a group, a slur or a dehumanising word in it: the swear then intensifies what is
# said of the group ("oh fuck, the gays are marching again", "so fucking tired of immigrants": read2, session 39,
# trial-prof 0.533 -> 0.294; and "oh my fucking god, the trannies are in the changing rooms again", "the fucking
# council is run by pakis now": the oath and institution readings dropped their count, read2, session 40, -6 0.794
# -> 0.230 and 0.548 -> 0.143). The sentence is read at most _AROUND characters either side of the swear word, up
# to its ends
# session 40 (read2): and the plural slurs the lists leave out for a homonym ("fags" cigarettes, "homos" the genus,
# "coons" raccoons, "chinks" gaps): as a plural naming people they are the group a swear is aimed with ("jesus fucking
# christ, the fags are marching again"); a civil sentence with one keeps its swear's n-grams, as before session 39
_PLURAL_SLURS = ("fags", "homos", "queers", "coons", "chinks")
_AIMED_WORDS = sorted({w for w in (*DEHUMANIZE, *GROUPS, *PEOPLES_EN, *SLURS, *_PLURAL_SLURS) if w.isascii()},
                      key=lambda w: (-len(w), w))
_AT_GROUP = compiled(r"(?<![a-z'’])(?:" + "|".join(map(re.escape, _AIMED_WORDS)) + r")(?![a-z'’])")
# session 41 (read3, session 40): the count (exclaimed()) is kept by a word that names people only: the dehumanising
# words that also name animals, pests, dirt or an illness in their literal sense ("the rats are back in the bins",
# "the pigs escaped onto the motorway", "this wasp season is a plague", "the monkeys at the zoo") leave it exclaimed;
# only those no animal or thing is called stay ("these savages are ruining our town"). The n-grams
# (exclaimed_spans) keep _AT_GROUP's whole set, as before
_PEOPLE_ONLY = ("savages", "subhuman")
_AT_PEOPLE = compiled(r"(?<![a-z'’])(?:" + "|".join(map(re.escape, sorted(
    {w for w in _AIMED_WORDS if w not in DEHUMANIZE or w in _PEOPLE_ONLY}, key=lambda w: (-len(w), w))))
    + r")(?![a-z'’])")
# ... and a slur's homonym used of a thing names no one (session 41, read3: "twenty fags cost more than my lunch" was
# held 0.457 -> 0.927): the cigarette bought, smoked, packed or priced ("a packet of fags", "nipped out for a fag",
# "fags cost eleven quid", "a fag break"), a gap of light or in armour ("chinks of light", "chinks in the armour"), a
# surname after a title or before "family" ("Mr Coons", "the Coons family"), the verb of "queers the pitch"
_FAG_BEFORE = compiled(r"(?<![a-z'’])(?:(?:packets?|packs?|box|boxes|cartons?|sleeves?|price|prices|cost|tax|duty)"
                       r" of|smoke|smokes|smoked|smoking|light|lit|lighting|roll|rolls|rolled|rolling|need|needs"
                       r"|needed|fancy|fancied|cadge|cadged|bum|bummed|buy|buys|bought|buying|sell|sells|sold"
                       r"|selling|out for|out of|for a|have a|had a|having a|has a)"
                       r"(?: (?:a|another|some|my|his|her|our|their|ten|twenty|forty|a few|few|\d+))? \Z")
_COUNT_BEFORE = compiled(r"(?<![a-z'’])(?:\d+|five|ten|twenty|forty|fifty|hundred|two hundred|a few|a couple of) \Z")
_FAG_AFTER = compiled(r" (?:break|breaks|end|ends|ash|packet|packets|machine|machines)(?![a-z'’])"
                      r"|[^.!?\n]{0,40}?(?:£|(?<![a-z'’])(?:quid|pounds|pence|a fortune)(?![a-z'’]))")
_COST_AFTER = compiled(r" (?:cost|costs|costing|cost me) ")  # not "are": "twenty fags are marching" names people
_HOMONYM_BEFORE = compiled(r"(?<![a-z'’])(?:mr|mrs|ms|miss|dr)\.? \Z")
_HOMONYM_AFTER = {"chinks": compiled(r" (?:of (?:light|sunlight|daylight|hope|blue sky)|in (?:the|his|her|their"
                                     r"|its|our|your|my) (?:armou?r|curtains?|blinds?|wall|fence|door))(?![a-z'’])"),
                  "coons": compiled(r" family(?![a-z'’])"),
                  "queers": compiled(r" (?:the|his|her|their|our|my|your) pitch(?![a-z'’])")}
_THING_AT_MOST = 40  # characters before a homonym its thing readings look at


def _a_thing(text: str, a: int, b: int) -> bool:
    """Whether the slur's homonym text[a:b] names a thing or a surname here, not people (bounded: linear)."""
    word, lo = text[a:b], max(0, a - _THING_AT_MOST)
    if word in ("fag", "fags"):
        return bool(_FAG_BEFORE.search(text, lo, a) or _FAG_AFTER.match(text, b)
                    or (_COUNT_BEFORE.search(text, lo, a) and _COST_AFTER.match(text, b)))
    if word in _HOMONYM_AFTER:
        return bool(_HOMONYM_AFTER[word].match(text, b) or (word == "coons" and _HOMONYM_BEFORE.search(text, lo, a)))
    return False


def _aimed(text: str, lo: int, hi: int, words: re.Pattern, quoted=None) -> bool:
    """Whether text[lo:hi] names people `words` holds, outside someone else's reported words (`quoted`: merged
    (starts, ends) of words.py, a slur reported is counter-speech: "my son got called a \"paki\"") and not as a
    homonym's thing."""
    for m in words.finditer(text, lo, hi):
        if quoted is not None:  # the merged span a word starts in, if any (words.py's _inside, for one position)
            k = bisect.bisect_right(quoted[0], m.start()) - 1
            if k >= 0 and m.start() < quoted[1][k]:
                continue
        if not _a_thing(text, *m.span()):
            return True
    return False


_END_BEFORE = compiled(r".*[.!?\n]", re.S)
_END_AFTER = compiled(r"[.!?\n]")
_WORD_REST = compiled(r"[a-z'’]{0,24}")
_AROUND = 80


def _sentence(text: str, a: int, b: int) -> tuple[int, int]:
    """Where the sentence of the swear word text[a:b] starts and ends, at most _AROUND characters either side."""
    lo = max(0, a - _AROUND)
    before = _END_BEFORE.match(text, lo, a)
    after = _END_AFTER.search(text, b, b + _AROUND)
    # a window cut inside a word would read its head as one ("here" as "he", "under" as "u"): to the word's end
    return before.end() if before else lo, after.start() if after else _WORD_REST.match(text, b + _AROUND).end()


# the swear words of one comment read in their place, at most (a comment of thousands of them paid ~2 us each, 3x an
# ordinary comment of its length; past the first 64 they count as profanity, which a comment like that is)
READ_AT_MOST = 64


def exclaimed(text: str, starts: list[int], ends: list[int], quoted=None) -> list[bool]:
    """For each profanity hit (start, end) in `text`, whether it is a swear word used as an exclamation or
    intensifier (each looks at most _BEFORE characters back and a few words on: linear in the hits). `quoted`:
    merged (starts, ends) of someone else's reported words (sorted lists or arrays), where a slur aims nothing."""
    return [said and not _aimed(text, *_sentence(text, a, b), _AT_PEOPLE, quoted)
            for a, b, said in zip(starts, ends, _readings(text, starts, ends), strict=True)]


def _readings(text: str, starts: list[int], ends: list[int]) -> list[bool]:
    """Each hit's readings around the word alone, before its sentence is asked who it names."""
    out = []
    for a, b in zip(starts, ends, strict=True):
        word = text[a:b]
        lo = max(0, a - _BEFORE)
        if word in _INTERJECTIONS:
            out.append(bool(_OPENING.search(text, lo, a) and _ALONE.match(text, b)))
            continue
        if word in _OATHS:
            out.append(bool((_OPENING.search(text, lo, a) or _OATH_BEFORE.search(text, lo, a))
                            and _ALONE.match(text, b) and not _AT_YOU.match(text, b)
                            and not _JUDGED.match(text, b)))
            continue
        out.append(word in _SWEARS and bool(
            (_OPENING.search(text, lo, a) and (_ALONE.match(text, b) or (
                word in ("fuck", "fucking") and _ALONE_WITH.match(text, b))))
            or (word == "fuck" and _SAKE.match(text, b) and _FOR.search(text, lo, a))
            or (_BY_DEGREE.search(text, lo, a) and _WORD_AFTER.match(text, b)
                and (word != "fucked" or _PLIGHT_AFTER.match(text, b)))
            or (word in ("fucking", "fuckin", "goddamn") and not "a" <= text[a - 1:a] <= "z" and text[a - 1:a] != "'"
                and _DEGREE_AFTER.match(text, b))
            or (word == "fucked" and _PLIGHT_AFTER.match(text, b) and _PLIGHT.search(text, lo, a))
            or (word in ("fucking", "fuckin", "goddamn") and _THING_DET.search(text, lo, a) and THING.match(text, b))
            or (word == "fuck" and _OPENING.search(text, lo, a) and (det := _VERB_DET.match(text, b)) is not None
                and (thing := THING.match(text, det.end())) is not None and _THING_END.match(text, thing.end()))
            or (word in ("fucking", "fuckin", "goddamn") and _OATH_BEFORE.search(text, lo, a)
                and (oath := _OATH_AFTER.match(text, b)) is not None and not _AT_YOU.match(text, oath.end()))
            or (word == "fuck" and ((_GIVE.search(text, lo, a) and not _AT_WHOM.match(text, b))
                                    or (_ALL_BEFORE.search(text, lo, a) and _ALL_AFTER.match(text, b))
                                    or (_AS.search(text, lo, a) and _THING_END.match(text, b))
                                    or (_OUT_OF_ME_BEFORE.search(text, lo, a) and _OUT_OF_ME.match(text, b))))
            or (((word == "fuck" and _WH.search(text, lo, a)) or word == "what the fuck")
                and _WORD_AFTER.match(text, b) and not _AT_YOU.match(text, b))))
    return out


# the swear words exclaimed() reads, found on their own (the word list's phrases first: one span each)
_SWEAR_WORD = compiled(r"(?<![a-z'’])(?:what the fuck|fucking hell|fucking shit|holy fuck|fucking|fuckin|fucked|fuck"
                       r"|goddamnit|goddamn|holy shit|shit)(?![a-z'’])")
# someone the sentence speaks to: the reader ("you", "ya", "u") or a handle ("@dave"); the sentence is read at most
# _AROUND characters either side of the swear word, up to its ends
# session 39 (trial-prof): and no one pointed at or insulted in it either, a third person ("he", "them") or an insult
# word ("Holy shit, the ref is a useless prick." fell 0.692 -> 0.255 when its "holy shit" was hashed apart)
_ADDRESSEE = compiled(r"(?<![a-z'’])(?:you|your|yours|yourself|yourselves|ya|u|ur|youre|you['’]re|y['’]?all|"
                      + _THIRD_OR_INSULT + r")(?![a-z'’])|@[a-z0-9_]")


# every _SWEAR_WORD match holds one of these stems, and so each stem's first letter
_STEMS = ("fuck", "goddamn", "shit")
_STEM_LETTERS = frozenset(stem[0] for stem in _STEMS)


def exclaimed_spans(text: str, chars=None) -> list[tuple[int, int]]:
    """_swear_spans, and a mild oath at a thing when that is the whole comment (things.oath_at_a_thing) and it names no
    group, slur or dehumanising word (read2, s55: "damn it, the paki cars are wrecking my hedge" is aimed)."""
    found = _swear_spans(text, chars)
    if (oath := oath_at_a_thing(text)) is not None and not _aimed(text, 0, len(text), _AT_GROUP):
        return [oath, *found]  # the oath opens the comment: before every swear word
    return found


def _swear_spans(text: str, chars=None) -> list[tuple[int, int]]:
    """(start, end) of the swear words of a normalised text that exclaimed() reads as an exclamation or intensifier
    in a sentence that speaks to no one and points at no one (no second or third person, no handle, no insult,
    group, slur or dehumanising word): the n-grams a vectorizer hashes apart, so "Fuck, the trains are late again."
    lacks the weight "fuck" learnt aimed at people
    (linear: READ_AT_MOST words, each read at most _AROUND characters either side). `chars`: the text's set of
    characters, if known: a text with no f, g or s (four comments in five of a Japanese site) holds no stem, and is
    not searched three times (~1.1 us a comment, ~2 in a worker)."""
    if chars is not None and chars.isdisjoint(_STEM_LETTERS):
        return []
    first = min((at for word in _STEMS if (at := text.find(word)) >= 0), default=-1)
    if first < 0:
        return []
    # from the first stem on ("what the " is the longest part before one): no regex step over the text before it
    found = [m.span() for _, m in zip(range(READ_AT_MOST), _SWEAR_WORD.finditer(text, max(0, first - 9)),
                                      strict=False)]
    if not found:
        return []
    # the readings alone: _AT_GROUP below holds every word exclaimed()'s _AT_PEOPLE would find in the same sentence
    read = _readings(text, [a for a, _b in found], [b for _a, b in found])
    out = []
    for (a, b), said in zip(found, read, strict=True):
        if not said:
            continue
        lo, hi = _sentence(text, a, b)
        if not _ADDRESSEE.search(text, lo, hi) and not _aimed(text, lo, hi, _AT_GROUP):
            out.append((a, b))
    return out
