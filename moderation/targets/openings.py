"""The openings before a slur word that make it the writer's own ("we queers", "i'm the only dyke", "as a dyke, i"):
owned.py's readings before the word, in a module of their own so that owned.py stays one noun."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.targets.as_writer import as_writer
from moderation.targets.describers import ING_BEFORE_PLURAL, MORE, NOT_FREE, describes, signing
from moderation.targets.literal import SENTENCE_END as _SENTENCE_END
from moderation.targets.scorned import HARM_SAID, SCORN
from moderation.wordlists.addressees import EN_PEOPLE

# the writer speaking as one of a group ("we queers", "us dykes", "we are both dykes", "as a gay man I", "I'm a proud
# homo", "I'm a total homo about karaoke", "call me a dyke", "we call ourselves dykes", "queer myself", "trannies like
# me"):
# the word names the writer's own group, reclaimed or not, and is not aimed at anyone (issue 12, reclaimed slurs);
# "my" only before a plural word ("me and my niggas", not "my faggot neighbour" nor "my Pakistani neighbours"); not
# "our" ("our Muslim neighbours" names others) nor "... here" ("too many Muslims here"). A self-description that opens
# a clause with "proud" counts too ("..., a proud old dyke and", "Proud dyke, mum of two": session 12); after a
# determiner or a pronoun it describes someone else ("you proud dyke", "those proud queers", "he is a proud ...")
# session 34: the writer counted among them by a coordination or a partition ("me and the other dykes", "my wife and
# I are both queers", "my wife and I, both dykes", "those of us who are dykes", "I'm one of those queers"), the word
# right after it (an article or one modifier between); glad to be one, at a clause's start or after "I'm" ("happy to be
# a fag in 2026", "I'm lucky to be a queer here"), as "proud" was
# session 37: a first-person copula with an adverb or a tense ("i'm still a", "i was always a", "i've always been a",
# "i'll always be a", "we have long been"), coming out or identifying as one ("i identify as queer", "i came out as a
# dyke"), the writer set beside the word ("imagine me, an old ...", "speaking for myself, a ..."), up to two
# describing words after the article ("i'm a proud old dyke"), proud to be one ("proud to be a queer") as glad to be
# one; "have" and "will" only with "been" / "be" ("i have a faggot for a neighbour" is no self-description)
# session 42 (en_own_group_probe): out as one ("i've been out as a dyke", "i'm openly out as queer"), what others call
# the writer ("i'm what they call a dyke"), "we" coming out or identifying as one ("we came out as queers"), the
# writer set beside the word ("i, an old dyke, ...", "we, the queers of leeds, ..."), counted by a quantifier ("both of
# us are dykes", "as one of the dykes who ..."), "we some real ..." (the copula left out); "my" before the writer's own
# team, choir or body too (_OWN_THING_AFTER: "my old queer arse"). Not "our": townspeople say "our dyke march is a
# disgrace", "our fag bar got torched, good riddance" (read2, session 42). Session 44: a sign-off ("signed, one very
# tired dyke", "yours truly, the only dyke on the council"), the writer glad of being one ("i love being a dyke"), and
# "been a ..." with its subject left out at the comment's start ("been a queer my whole life"; after a sentence or a
# line it may go on with the person named there: "the new pe teacher. been a dyke since uni.", read2),
# unless the clause turns to someone else after the word ("been a fag all his life, that one")
_SINCE = (r"(?: not(?= (?:the only|just) ))?(?: (?:still|also|always|openly|proudly|just|really))?"
          r"(?: (?:openly |proudly )?out as)?"
          r"(?: what (?:they|you|people|folk|some people|others)(?: would|['’]d)? call)?(?: as(?: much)?)?")
_OPENER = (r"(?:we|us|fellow|(?P<as>as an?|as one of (?:the|those|these|us)|as (?:someone|somebody|a person|one)"
           r" (?:who|that)(?:['’]s| is| was|['’]s been| has been| has always been|['’]s always been)(?: an?)?)|ima"
           r"|(?:i['’]m|im|i am|i was|we['’]re|we are|we were)" + _SINCE + r"|"
           r"(?:i|we)(?:['’]ve| have)(?: always| long| now)? been(?: (?:openly |proudly )?out as)?|"
           r"(?:i|we)(?:['’]ll| will)(?: always| still| forever)? be|"
           r"(?:i|we)(?: both| all)? (?:identify|identified|came out|have come out) as"
           r"|(?P<apposed>(?:i|me|myself), an?|and (?:i|me|myself),|(?<![a-z'’])(?:us|we),)|call me|"
           r"we, the|we (?:just )?some|"
           r"(?:call|called) ourselves|(?:me|i)(?:, [a-z]+(?: [a-z]+)?)? and (?:the |all the )?other"
           r"|and (?:i|me|myself)(?: are| were)|(?<![a-z'’] )(?:me|us) being"
           r"|(?:i|we)(?:['’]ve| have)? (?:became|become|turned into)"
           r"|of us (?:who|that) (?:are|were)|(?:i['’]m|im|i am|i was) (?:just )?one of (?:those|the|these|you|them)"
           r"|(?:both|all|two|three|most|many|half|lots|loads|plenty) of us"
           r"(?: (?:here|(?:at|in|on|from) (?:the |this |that |our |my )?[a-z-]{2,15}(?: [a-z-]{2,15})?))?"
           r" (?:are|were|have been|['’]re)"
           r"|(?P<my>my)"
           r"|(?<![a-z'’] )(?:signed|yours truly|yours sincerely|sincerely|regards),(?: just)?(?: one)?"
           r"|(?:i|we)(?: really| just)? (?:love|loved|like|liked|enjoy|enjoyed|adore|miss|missed) being"
           r"|(?P<been>(?<![\s\S])(?:always )?been(?: (?:openly |proudly )?out as)?))")
ARTICLE = r"(?: (?:an?|all|both|such an?|just an?|also an?|still an?|the biggest|a bit of an?|a total|a complete))?"
MODIFIER = r"(?: (?:proud|old|fat|fellow|own|little|bunch of|lot of|massive|proper|big|total|complete|real)){0,2}"
# after an article the writer may describe themself with any one word first ("i'm a bossy bitch", normalised "ima
# bossy bitch"; "call me a petty bitch", "i was such a moody bitch"): the article makes the word one that describes the
# writer, not an object ("we hate fags" has none, so it stays an attack), and it asks for one word (singular), so "ima
# slap bitches" (I'm going to) is no description; not a word that turns to someone else ("i'm a fan of", "a friend of"),
# nor one that counts them off or says them dead ("yours truly, one less dyke on the parish council, thank god": read2,
# session 44; "regards, one last queer left in this town", "yours truly, one dead dyke ...": read2, session 46)
_DESCRIBED = (r"(?: (?:a bit of an?|a total|a complete|a real|such an?|just an?|also an?|still an?|an?)|(?<=ima)"
              r"|(?<=, a)|(?<=, an)|(?<= one))"
              r" (?P<free>(?!(?:fan|friend|lover|hater|enemy|neighbou?r|boss|victim|target|of|the|to|for|with|at|less"
              r"|fewer|more|last|other|next|final|remaining|extra|spare|dead|deceased|dying|gone)"
              r"(?![a-z]))[a-z][a-z-]{1,24}" + MORE + r")")
# the words a describing word may come before: a person noun ("ima crazy bitch"), not a swear word ("ima stop fuckin")
_DESCRIBED_WORD = compiled(r"nigga|niggah|queer|dyke|fag|faggot|homo|tranny|crip|cripple|retard|bitch|chink|coon"
                           r"|kike|spic|slut|hoe|whore|cunt")
# session 42: "the" or "your" and up to two describing words ("i'm the oldest dyke in the club", "we were the only
# queers at the wedding"; "your" only with describing words of a closed list: "i'm your friendly neighbourhood dyke",
# not "i'm your landlord faggot", read2), or a number of them ("we're a couple of old queers", "we are two middle-aged
# dykes"); none a word that turns to others ("we're the ones faggots fear", "i'm the reason those fags left") nor a
# participle ("we're the lads beating queers"); never after "us", an object there ("give us the faggots", read2)
_THE = (r" (?:(?P<the>the)(?P<the_words>(?: " + NOT_FREE + r"[a-z][a-z-]{1,24})" + MORE + r")?"
        r"|(?P<your>your)(?: (?:friendly|neighbou?rhood"
        r"|average|typical|token|favou?rite|everyday|resident|local|old|proud|middle-aged|humble|fellow)){0,2})")
_COUNT = (r" (?P<count>a couple of|a pair of|a handful of|a few|two|three|four|five|six|a bunch of|a load of"
          r"|a gang of)(?P<count_words>(?: " + NOT_FREE + r"[a-z][a-z-]{1,24})" + MORE + r")?")
# session 50: "we are" and one describing word before the plural word, no article ("we are strong bitches and nobody
# can stop us", "we're loud queers"), tried last (a count, "the", an article read first: "we are three old dykes");
# _opened refuses a word that denies or compares and a participle (_WE_NOT_DESCRIBING)
# session 51: and with the copula left out after "we some" ("we some young queers from the estate doing big things")
_WE_DESCRIBED = (r"(?:(?<=we are)|(?<=we were)|(?<=we're)|(?<=we’re)|(?<=we some)|(?<=just some))"
                 r" (?P<we_free>[a-z][a-z-]{1,24})")
IN_GROUP_BEFORE = compiled(r"(?:^|[^a-z'’]|(?<![a-z])['‘’](?!im(?![a-z])))" + _OPENER
                           + r"(?:" + ARTICLE + MODIFIER + r"|" + _DESCRIBED + r"|"
                            + _THE + r"|" + _COUNT + r"|" + _WE_DESCRIBED + r") $"
                            r"|(?:^|[,;:.!?(]|(?:^|[^a-z'])and|(?:^|[^a-z'])just) *(?:an? )?proud"
                            r"(?: [a-z]{1,12}){0,2} $"
                            r"|(?:^|[,;:.!?(] *|(?:^|[^a-z'’])(?:i['’]m|im|i am) )(?:so |really |very |just )?"
                            r"(?:happy|glad|lucky|blessed|thrilled|grateful|proud|not ashamed|never ashamed"
                            r"|unashamed) to be(?: an?)?(?: [a-z]{1,12})? $")
# (session 50: not ashamed to be one, as glad to be one: "i'm not ashamed to be a dyke")
# the writer's own team, choir, night or body after "our" or "my" ("our queer choir", "our dyke five-a-side team",
# "my old queer arse"): a thing the writer belongs to or is, not a person ("our faggot vicar", "our dyke neighbours");
# a slur word of OWNABLE only, not a swear word ("kiss my fucking ass", "laughing my fucking ass off"); the word
# between is no harm done to them ("my dyke baiting club", "my queer patrol team": read2, session 43); a pastime may
# be ("our queer running club")
_OWN_THING_AFTER = compiled(r"(?: (?!(?:patrol|watch|removal|control|free|hunt|purge|clearance)(?![a-z])"
                            r"|(?!(?:running|cycling|walking|swimming|singing|dancing|knitting|reading|drinking"
                            r"|boxing|climbing|rowing|bowling|skating|hiking|sewing|gaming|writing|riding)(?![a-z]))"
                            r"[a-z-]*ing(?![a-z]))[a-z][a-z-]{1,15})?"
                            r" (?:choir|chorus|team|club|bar|night|nights|group|collective|band|zine|march|float"
                            r"|family|cabaret|disco|society|network|crew|squad|league"
                            r"|(?:ass|arse|butt|self)(?! (?:" + EN_PEOPLE + r"|mother|father|buddy|sister|cousin"
                            r"|aunt|auntie|uncle|wife|husband|girlfriend|landlord|landlady|neighbou?r|boss|mates?"
                            r"|niggas?|bitch|hoe)(?![a-z])))(?![a-z])")
# "my" before the -a spelling names a friend ("me and my nigga jay", "that's my nigga", "my nigga, you know"), unless a
# person noun (wordlists.PEOPLE_EN) follows: then the word describes that person ("my nigga neighbour", "my nigga of a
# neighbour"); session 30, issue 12
_MY_FRIEND = frozenset(("nigga",))
PERSON_AFTER = compiled(r"(?: of an?)? (?:" + EN_PEOPLE + r")(?![a-z])")
# the slur words owned.py reads (owned_spans)
# hoe and slut too: words.py read them as the writer's own already ("us hoes", "we sluts" counted as self_ref), but
# their n-grams were never found to hash apart, so "us hoes" shared an attack's n-grams (issue 12, session 29)
OWNABLE = compiled(r"(?:niggas?|niggers?|queers?|dykes?|faggots?|fags?|homos?|trann(?:y|ies)|crips?"
                   r"|cripples?|retards?|bitch(?:es)?|chinks?|coons?|kikes?|spics?|hoes?|sluts?)(?![a-z])")
# characters before a word IN_GROUP_BEFORE reads (its longest opening, with spaces: "we were the only middle-aged ")
OPENED = 64
_OPENINGS = 3  # openings before a word opened_before reads, the refused ones included
_US_OPENING = compiled(r"(?:^|[^a-z'’])us ")
_THIRD = compiled(r"(?<![a-z'’])(?:he|him|his|she|her|they|them|their|you|your)(?![a-z'’])")
_QUOTE_MARK = compiled(r"['‘’\"“”]")
# session 43: no one the writer only imagines being ("if i was a faggot i'd ...", "imagine me being a dyke", "as if
# i became a queer"; "so what if i'm a dyke" is the writer's own), nor what the writer asks in disbelief ("me, a
# fag?", "me being a queer?")
_IF_BEFORE = compiled(r"(?:^|[^a-z'’])(?:(?:as |what )?if|imagine|suppose|supposing|pretend|wish)(?: that)? $")
# ... nor someone else's words about the writer ("he said i'm one of them queers, so i punched him"; read2)
_SAID_BEFORE = compiled(r"(?<![a-z'’])(?<!i )(?<!we )(?:said|says|saying|claimed|claims|reckons"
                        r"|told (?:me|us|everyone|them)|goes)(?: that)?:? ?$")
_PRESENT = compiled(r"[^a-z'’]?(?:i['’]m|im|ima|i am|we['’]re|we are)(?![a-z'’])")
_ME = compiled(r"[^a-z'’]?me(?![a-z'’])")
# ... and "me, a ..." or "and i, ..." only as an apposition, closed within three words ("i, an old dyke, have seen",
# "picture me, an old faggot, on the council", "my wife and i, both dykes, ..."): "tell me, a faggot reading stories to
# toddlers is normal now?", "between you and me, a dyke has no place in a primary school" make "me" an object and the
# word the subject of what follows (read2, session 43); a relative clause closed by a comma is apposed too ("speaking
# for myself, a nigga who grew up on this estate, the ...")
_APPOSED_AFTER = compiled(r"(?P<words>(?: [^ ,.!?;:]+){0,3})(?:,| [-–—]|(?P<end>[.!;:\n]|$))"
                          r"| (?:who|that|which)[^,.!?;:\n]{0,60},")
# ... closed by its sentence's end only with no verb in it ("that's me, an old dyke."; "tell me, a dyke is a freak." and
# "trust me, a fag always lies." make the word a subject: session 44); after "i, a" (the writer the subject) a longer
# apposition closed by its comma ("i, a humble fag with a sewing machine, fixed the costumes")
_VERB = compiled(r" (?:is|are|was|were|be|been|has|have|had|does|do|did|should|would|could|will|can|must|may|might"
                 r"|shall|isn['’]t|aren['’]t|wasn['’]t|doesn['’]t|don['’]t|won['’]t|can['’]t|always|never|just"
                 r"|[a-z]+(?<!s)(?<!u)s|[a-z]+ed)(?![a-z'’])")
_I_APPOSED_AFTER = compiled(r"(?: [^ ,.!?;:]+){4,7},")

def opened_before(t: str, a: int, b: int) -> re.Match | None:
    """The opening of IN_GROUP_BEFORE in the OPENED characters before the word that makes it the writer's own (or a
    quoted speaker's: quoted()), if any: an opening refused ("our" before no thing of the writer's) leaves a later one
    to be read ("our fellow dykes"), at most _OPENINGS of them (each search bounded: linear)."""
    pos = max(0, a - OPENED)
    for _ in range(_OPENINGS):
        if (before := _searched(t, pos, a)) is None:
            return None
        if _opened(t, a, b, before):
            return before
        pos = before.start() + 1
    return None


# where IN_GROUP_BEFORE can match, told by the word after a character not a-z: an opening's first word (_OPENER's,
# "and" / "just" before "proud", "i" / "im" before "happy to be"), or after punctuation and spaces one that starts
# "proud" or "happy to be" (each alternative's head, its ^ ones at the string's start: _MAY_OPEN_AT_START); "and" and
# "just" unbounded ("andproud", "justa proud" match). A superset: the pattern is tried only where this matches
_FIRST_WORDS = (r"(?:we|us|fellow|as|ima|im?|me|myself|call|called|of|both|all|two|three|most|many|half|lots|loads"
                r"|plenty|my|signed|yours|sincerely|regards|always|been)(?![a-z])|and|just")
_AFTER_PUNCTUATION = (r"(?:an?|proud|so|really|very|just|happy|glad|lucky|blessed|thrilled|grateful|not|never"
                      r"|unashamed)(?![a-z])")
_MAY_OPEN = compiled(r"[^a-z](?:(?=" + _FIRST_WORDS + r")|(?<=[,;:.!?(])(?= *" + _AFTER_PUNCTUATION + r"))")
_MAY_OPEN_AT_START = compiled(r"(?= *" + _AFTER_PUNCTUATION + r"|" + _FIRST_WORDS + r")|[^a-z]")
_IN_GROUP_AT = IN_GROUP_BEFORE.match


def _searched(t: str, pos: int, a: int) -> re.Match | None:
    """IN_GROUP_BEFORE.search(t, pos, a), its pattern tried only where a match can start: the string's start and a
    character not a-z followed by an opening's first word (_MAY_OPEN), as the search tries each position in turn (a
    match at a position is the search's there: ^ and lookbehinds see the whole string either way). The search's
    tries at the ~50 letters of a 64-character window failed, at ~0.6k instructions each (session 59: 150k -> 122k a
    call over the English comments' readings), and so did those at ~13 of its ~14 other characters (session 60)."""
    if pos == 0 and _MAY_OPEN_AT_START.match(t, 0, a) and (m := _IN_GROUP_AT(t, 0, a)) is not None:
        return m
    for c in _MAY_OPEN.finditer(t, pos or 1, a):
        if (m := _IN_GROUP_AT(t, c.start(), a)) is not None:
            return m
    return None


def quoted(t: str, opening: re.Match) -> bool:
    """Whether the opening is inside a quotation ("she said 'we dykes are still here'", 'my son said "mum, i think i'm
    queer"'): the last quote mark in the OPENED characters before it opens one (a letter after it, none before; a mark
    between letters is an apostrophe). The quoted speaker's own word, so long as the writer says no harm after it
    (owned.reading)."""
    last = None
    for mark in _QUOTE_MARK.finditer(t, max(0, opening.start() - OPENED), opening.start() + 1):
        x = mark.start()
        before, after = t[x - 1:x].isalpha(), t[x + 1:x + 2].isalpha()
        if not (before and after):
            last = after and not before
    return bool(last)

# session 47 (read2's round l): a sign-off the rest of whose sentence counts them off or turns on others ("regards, one
# lonely faggot left in the village, and we'll see to him too", "signed, one out dyke, out of the school by friday,
# and the rest of them will follow") is someone else, whatever the word before it
_SIGN_OFF = compiled(r"(?:signed|yours truly|yours sincerely|sincerely|regards),")
_COUNTED_OFF = compiled(r"(?<![a-z'’])(?:left (?:in|on|at|round|around)|gone|fewer|less|out of|the rest of them"
                        r"|rest of them|more to (?:go|follow|come|clear|do)|(?:one|two|three|four|five|a few|plenty"
                        r"|loads|lots) more|more where|see to|sort (?:him|her|them) out|deal with (?:him|her|them)"
                        r"|finished with|done with (?:him|her|them)|by us|next|to be none|none left|not for long"
                        r"|not much longer|won['’]t be for long|the last (?:one|of (?:them|their kind))|for now"
                        r"|numbered|on borrowed time|won['’]t last|not for much longer"
                        # read2's rounds w and x (s47): time running out for them ("his time is nearly up", "the
                        # clock is ticking for her") or a plan of ours ("if we have our way", "we know where he
                        # lives"); not a third person as such: a sign-off describes the writer in the third person
                        # ("signed, one cheerful fag in the village and nobody minded him")
                        r"|time is (?:nearly |almost |about )?up|clock is ticking|if we|we know where|our way)"
                        r"(?![a-z'’])")
# session 55: ... not time running out for the writer's own thing, to the comment's end ("... for my retirement.")
_OWN_FATE = compiled(r"(?:time is (?:nearly |almost |about )?up|clock is ticking) (?:for|on) (?:my|our) (?:retirement"
                     r"|pension|lease|contract|tenancy|term|visa|mortgage|allotment|holidays?|exams?|seat) *\.? *")


# the words after "we are" that describe no one (_WE_DESCRIBED): a denial, a comparison, a degree, a participle, a
# place or a state ("we are back bitches!" greets others: a Davidson tweet); and only a slur of OWNABLE ("so we are
# upgraded blacks" is no one's own word: a Stormfront sentence)
_WE_NOT_DESCRIBING = compiled(r"not|no|never|hardly|like|unlike|gonna|going|about|just|so|too|more|less|back|here"
                              r"|there|home|out|in|up|down|off|on|over|done|ready|all|both|[a-z-]+ing")


def _opened(t: str, a: int, b: int, before: re.Match) -> bool:
    """Whether IN_GROUP_BEFORE's opening `before` makes the word at [a, b) the writer's own: "my" before a plural, a
    friend or the writer's own thing, "our" before the writer's own thing, one free describing word before a singular
    person noun, no possessive, "your" before a singular, a number before a plural, "as a" for the
    writer (each window bounded: linear)."""
    plural = t[b - 1] in "sz"
    if (_IF_BEFORE.search(t, max(0, before.start() - 16), before.start() + 1) is not None
            and _PRESENT.match(before.group(0)) is None and before.group("apposed") is None) or (
            t[b:b + 1] == "?" and _ME.match(before.group(0))) or _SAID_BEFORE.search(
            t, max(0, before.start() - 24), before.start() + 1) is not None:
        return False
    if (apposed := before.group("apposed")) is not None and (
            not _us_apposed(t, b, plural) or before.end("apposed") + 1 >= a if apposed[0] in "uw"
            else not _apposed(t, b, apposed)):  # "us, a bunch of queers", not "skype us, bitches" (an address)
        return False
    if t.startswith(("-free", " free", "-less"), b):
        return False  # a place without them ("i love being a dyke-free zone": read2), not the writer
    if before.group("been") is not None:  # "been a fag all his life, that one": someone else
        end = min(len(t), b + 48)
        if (stop := _SENTENCE_END.search(t, b, end)) is not None:
            end = stop.start()
        if _THIRD.search(t, b, end):
            return False
    for name in ("free", "the_words", "count_words"):
        if (words := before.group(name)) is not None and not describes(
                words, t, b, name == "free", name == "free" and _after_ima(t, before.start(name))):
            return False
    if (words := before.group("free")) is not None and t.endswith(" one ", 0, before.start("free")) and not all(
            signing(word) for word in words.replace(",", " ").split()):
        return False  # a sign-off's "one" + a word of no closed list ("signed, one sacked dyke ...": read2, s46)
    if _SIGN_OFF.search(before.group(0)) is not None:  # what follows in its sentence counts them off (read2, s47)
        end = min(len(t), b + 96)
        if (stop := _SENTENCE_END.search(t, b, end)) is not None:
            end = stop.start()
        if (off := _COUNTED_OFF.search(t, b, end)) is not None and _OWN_FATE.fullmatch(t, off.start()) is None:
            return False
    thing = OWNABLE.fullmatch(t, a, b) is not None and _OWN_THING_AFTER.match(t, b, b + 28) is not None
    if before.group("my") is not None and not ((plural and " " not in t[a:b]) or (
            t[a:b] in _MY_FRIEND and PERSON_AFTER.match(t, b, b + 24) is None) or thing):
        return False
    if before.group("free") is not None and (plural or _DESCRIBED_WORD.fullmatch(t, a, b) is None):
        return False
    if (word := before.group("we_free")) is not None and (
            not plural or OWNABLE.fullmatch(t, a, b) is None or not describes(word, t, b)
            or (_WE_NOT_DESCRIBING.fullmatch(word) is not None and word not in ING_BEFORE_PLURAL)):
        return False  # "we are not faggots", "we're like dykes to them", "we're chasing queers"
    if (before.group("the") is not None or before.group("your") is not None or before.group("count") is not None) and (
            _US_OPENING.match(before.group(0)) is not None):
        return False  # "give us the faggots", "send us two dykes": "us" is an object
    if t[b:b + 1] in ("'", "’") and not t.startswith(t[a:b], b + 3) and (
            t[b + 1:b + 2] == "s" or (plural and not quoted(t, before))):
        return False  # "i'm a faggot's worst nightmare", "the dykes' worst nightmare": someone else's ("a dyke's dyke"
        # is one; a quote closed after the word is none: "she said 'i'm a proud dyke' and ...")
    if before.group("your") is not None and plural:
        return False
    if before.group("count") is not None and not plural:
        return False
    return before.group("as") is None or as_writer(t, before.start("as"), b)


def _us_apposed(t: str, b: int, plural: bool) -> bool:
    """Session 51: "look at us, a bunch of queers running a marathon", "picture us, two old fags on a tandem in the
    lakes, sunburnt": a plural set beside "us" / "we" with no verb up to its comma or its sentence's end, no one else
    in the rest of the sentence (at most 96 characters), no question ending it, and no scorn or harm within 120
    characters ("look at us, a bunch of faggots, disgusting")."""
    end = min(len(t), b + 96)
    if (stop := _SENTENCE_END.search(t, b, end)) is not None:
        end = stop.start()
    comma = t.find(",", b, end)
    after = min(len(t), b + 120)  # scorn or harm in the next sentence too ("look at us, two faggots on a tandem? look
    # at them, two perverts who should be run off the road": read2, session 51), and no question ending its own
    return plural and t[end:end + 1] != "?" and not (
        _VERB.search(t, b, end if comma == -1 else comma) or _THIRD.search(t, b, end) or SCORN.search(t, b, after)
        or HARM_SAID.search(t, b, after))


def _apposed(t: str, b: int, apposed: str) -> bool:
    """Whether the word ending at `b` after "me, a" / "i, a" / "and i," is set beside the writer (closed within three
    words by a comma or a dash, or by its sentence's end with no verb in it; after "i, a" within seven by a comma)."""
    if (after := _APPOSED_AFTER.match(t, b, b + 48)) is not None:
        return after.group("end") is None or _VERB.search(after.group("words")) is None
    return apposed[0] == "i" and _I_APPOSED_AFTER.match(t, b, b + 96) is not None


def _after_ima(t: str, at: int) -> bool:
    """Whether the describing words at `at` follow "ima" as its own word ("i'm a" and "i'm gonna" normalised alike)."""
    return t.endswith("ima ", 0, at) and (at == 4 or not "a" <= t[at - 5] <= "z")
