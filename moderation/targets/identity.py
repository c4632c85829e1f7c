"""The identity word as a group's neutral name ("a queer bookshop", "my daughter is queer"): read by its construction.

"queer" and "dyke" are also the names people of the group give their places, events and themselves (issue 12): said
before a word for a place, an event, a body or a kind of work, or (queer, the adjective) of a person as what they are,
they name the group as "gay" or "lesbian" would, and carry no attack of their own. owned.reading reads them so only
when no harm, scorn or exclusion is said near them ("that queer bookshop is full of perverts", "the new teacher is
queer, keep your kids away from him"); an insult frame ("that dyke should be sacked", "you're so queer", "no queers
in my shop") is none of these constructions."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from moderation.pattern_cache import compiled
from moderation.targets.literal import SENTENCE_END
from moderation.targets.polarity import BAD_QUALITY

WORDS = frozenset(("queer", "dyke"))  # the singular words read here; a plural ("queers", "dykes") is a noun for people
# what the word may name before it: a place, an event, a body or a kind of work, never a person ("queer teacher",
# "dyke neighbour" pick someone out) nor a word of a campaign against them ("queer agenda", "queer lobby")
_THINGS = (r"bookshops?|bookstores?|books?|bars?|pubs?|clubs?|caf[eé]s?|choirs?|chorus|bands?|films?|cinema|movies?"
           r"|festivals?|history|histories|heritage|archives?|theory|studies|arts?|fiction|literature|novels?|poetry"
           r"|memoirs?|love stor(?:y|ies)|romances?|press|zines?|magazines?|podcasts?|radio|nights?|march(?:es)?"
           r"|parades?|venues?|spaces?|scene|culture|museum|exhibitions?|collections?|shelf|section|theatre|theater"
           r"|cabaret|disco|dances?|network|society|societies|teams?|leagues?|market|library|sauna|youth (?:group|club"
           r"|project|centre|center)|community (?:centre|center|hall|garden|group|radio|choir|space|project|fridge)"
           r"|(?:football|rugby|netball|hockey|cricket|running|swimming|walking|cycling|darts|pool|quiz) (?:team|club"
           r"|league|night)")
_ATTRIBUTIVE = compiled(r" (?:" + _THINGS + r")(?![a-z'’-])")
# ... not after a word that closes, bans or counts them off ("no dyke bars here", "close the queer cafe", "another
# queer bar, great")
_REFUSED_BEFORE = compiled(r"(?:^|[^a-z'’])(?:no|ban|bans|banned|banning|close|closed|closing|shut|shutting|stop"
                           r"|stopping|against|another)(?: (?:the|all|more|that|this|every|any))? $")
# queer, the adjective, said of a person by a copula: a person's name or noun, or he / she / they ("my daughter is
# queer", "jo is queer", "he's queer", "both of my kids are queer", "she came out as queer"); not you (an insult said
# to someone), nor it / that / this / what (the word's "strange": "that's queer"), nor a class of people ("anyone who
# is queer", "everyone's queer now"), nor after a degree ("so queer", "a bit queer"), and the word ends its phrase
# ("queer as fuck" is none); after an article the 's is a possessive ("i'm a queer's queer", normalised "ima queer's
# queer": no copula)
_PREDICATE_BEFORE = compiled(r"(?:^|[^a-z'’])(?<!(?<![a-z])a )(?<!(?<![a-z])an )(?<!(?<![a-z])ima )"
                             r"(?!(?:you|ya|u|it|that|this|which|what|who|whoever|everything|something|nothing"
                             r"|anything|anyone|anybody|everyone|everybody|someone|somebody|there|here|all|half|most"
                             r"|some|many)(?![a-z]))[a-z]+"
                             r"(?:['’]s|['’]re| is| are| was| were| has been| have been| turned out to be"
                             r"| came out as| identifies as| identified as)"
                             r"(?: (?:openly|also|proudly|happily|now|both|out and proud and))? $")
_PREDICATE_AFTER = compiled(r" *(?:$|[.,;:!?)\n]| and | too(?![a-z])| as well(?![a-z])| now(?![a-z])"
                            r"| since | for )")
# what accuses the group or keeps them out near its name, beside owned.py's harm and scorn words ("a predator",
# "the queer agenda", "keep her away from my mother", "kept off the reading list", "no longer welcome", "thrown out of
# the church", "i don't want a queer bookshop in our village", "not on my street", "good riddance", "pay it a
# visit"), a menace ("if the dyke march comes past my house i'll be waiting at the gate with a bat"), or the writer's
# hatred, disgust or a wish ("i hate that queer bar", "the dyke march makes me want to vomit", "i wish he'd never been
# born"), a condition, a warning or a cure ("fine as long as he keeps it behind closed doors", "just saying, watch your
# kids", "shoving it in our faces", "it's just a phase", "sent him to get fixed")
ACCUSED = compiled(r"(?<![a-z'’])(?:predators?|predatory|groom\w*|corrupt\w*|agenda|lobby|propaganda|ideology"
                   r"|indoctrinat\w*|destroy\w*|stopped|riddance|nasty|shame\w*|sin|sins|sinful|sinners?|den|joke"
                   r"|disown\w*|sacked|fired|removed|defrocked|banned|barred|expelled|away from|keep (?:\w+ )?(?:off"
                   r"|out)|kept (?:\w+ )?(?:off|out)|(?:thrown|kicked|chucked|booted|driven|run|forced|hounded"
                   r"|drummed|turfed) (?:\w+ )?out|(?:near|around) (?:my|our|the|your|any|their|his|her) "
                   r"|(?:let|allow) (?:him|her|them|it) (?:near|around)|welcome|not (?:on|in|near) (?:my|our)"
                   r"|(?:don['’]?t|do not|doesn['’]?t|does not|never|won['’]?t) (?:want|need)|not wanted|unwanted"
                   r"|should(?:n['’]?t| not| never) (?:be|have|get|exist|open)"
                   r"|(?:can['’]?t|cannot|not|never) be trusted"
                   r"|pay (?:it|them|him|her) a visit|sort (?:it|them|him|her) out|waiting"
                   r"|with an? (?:\w+ )?(?:bat|brick|bricks|knife|crowbar|hammer|stick|gun|shotgun|petrol|lighter"
                   r"|rope|chain)|got an? (?:\w+ )?(?:bat|brick|bricks|knife|crowbar|hammer|gun|shotgun)"
                   r"|hate|hates|hated|hating|despise\w*|loathe\w*|can['’]?t stand|cannot stand|make[s]? me|vomit\w*"
                   r"|puke\w*|wish\w*|gross|creep\w*|weirdos?|paedo\w*|pedo\w*|nonces?|plague|cancer|disease\w*"
                   r"|shov\w*|ramm\w*|in (?:our|my|your|their) faces?|behind closed doors"
                   r"|keeps? it (?:to|behind|quiet|private)|as long as|watch (?:your|our|the|out)"
                   r"|protect (?:your|our|the)|wrong (?:sort|type|kind)|god help|think about (?:that|it)|just saying"
                   r"|phase|grow out|fix\w*|cur(?:e|ed|es|ing)|conversion|normal|tolerat\w*|pushed on|forced on)"
                   r"(?![a-z'’])")
BEFORE, AFTER = 120, 160  # characters either side of the word in which owned.reading looks for harm or scorn
REACH = 600  # characters either side in which a warm reading looks for a turn, a limit, harm or scorn (session 46)

# session 46: the name is moved only where the writer's warmth is said plainly in its sentence or the next one, not
# wherever no bad word is found (an insinuation needs none: "... open since 1979, which is about 45 years too long",
# "... right next to the primary school. What could possibly go wrong."; read2, session 45): a warm verb ("i love",
# "we really enjoyed", "her pupils adore her", "i highly recommend"), pride ("so proud of him"), thanks or
# congratulations, a warm word of the thing or the person ("is the best night out", "was brilliant", "a treasure",
# "the kindest person i know", "what a wonderful day") or a greeting ("happy pride", "see you there", "can't wait")
_WARM = compiled(r"(?<![a-z'’])(?:lov(?:e|ed|es|ing)(?! (?:how|it when|that|the way))|adore[sd]?|enjoy(?:ed|s)?"
                 r"|recommend\w*|treasured?|cherish(?:ed)?|proud|thank(?:s| you)|congrat\w*|well done|best"
                 r"|brilliant|wonderful|amazing|lovely|loveliest|fantastic|fabulous|excellent|beautiful|friendliest"
                 r"|kindest|welcoming|lifeline|delighted|thrilled|happy (?:pride|birthday|anniversary)"
                 r"|see (?:you|u|ya)(?: all)? there|can['’]?t wait)(?![a-z'’])")
# ... not denied ("i don't love", "never enjoyed", "not so brilliant", "nobody loved"): a negation in the two words
# before the warm word
_UNWARMED = compiled(r"(?:(?<![a-z'’])(?:not|never|no|nobody|no one|hardly|n['’]?t)|n['’]t)(?: [a-z'’]+){0,2} $")
# and nothing in the window that turns the warmth or says what it hides: a question or a trailing off, laughter or a
# mocking emoji, a sarcastic interjection ("lovely, a ...", "oh great, ..."), "said no one", "just what we needed",
# a limit or a time after which it ends ("but", "if", "until", "enjoy it while it lasts", "give it six months",
# "loved him once", "used to"), regret ("pity", "shame", "a waste"), the thing or the person put beside children
# ("right next to the primary school", "beside the playground", "the kids come home confused"), a harm to the place
# ("bonfire", "ruining it"), a consequence drawn for the person ("so she will be living somewhere else"), a negation,
# a plan or a means of ours toward them ("we'll be round to celebrate properly with petrol", "the lads have a surprise
# planned after dark", "now we know exactly when they're all in one place", "easy to put a brick through": read2's
# round i, session 46: a harm needs no harm word), or a word of bad quality (polarity.BAD_QUALITY)
_TURNED = compiled(r"[?…]|\.\.|[\U0001F602\U0001F923\U0001F644\U0001F914\U0001F621\U0001F92C\U0001F4A2\U0001F92E"
                   r"\U0001F922\U0001F612\U0001F62C\U0001F921\U0001F60F\U0001F440\U0001F480]"
                   r"|(?:^|[.!\n] *)(?:oh |well |how |just )?(?:great|lovely|wonderful|brilliant|fantastic|marvellous"
                   r"|perfect|super|charming|joy|nice|fab|splendid)(?: ?[,.!:-]| (?:a|an|the|another|more)(?![a-z]))"
                   r"|(?<![a-z'’])['‘’\"“”](?=[a-z])|(?<=[a-z])n['’]t(?! wait)(?![a-z'’])"
                   r"|(?<![a-z'’])(?:lol\w*|lmf?ao\w*|rofl|kek|haha\w*|hehe\w*|said (?:no ?one|nobody)|yeah right"
                   r"|got(?:ta| to) love|don['’]?t you (?:just )?love|(?:have|has) to love|what['’]?s not to"
                   r"|not|never|no|nobody|none|nothing|dont|doesnt|didnt|wont|isnt|arent|wasnt|werent|cant(?! wait)"
                   r"|couldnt|shouldnt|wouldnt|aint|eggs?|hose|flour|spit\w*"
                   r"|so (?:she|he|they|we|you|i)(?:['’]ll| will| can| must| has to| have to| had to| needs? to"
                   r"| should| is going to| are going to| gets?)|somewhere else|elsewhere|from now on"
                   r"|out of (?:my|our|the|this) (?:house|home|family|will|life|lives)"
                   r"|(?:we|we['’]ll|we will|we['’]re|we are|we['’]ve|we have|us|the lads|lads|the boys|a few of us"
                   r"|some of us)(?: [a-z'’]+){0,4}? (?:round|coming|planned|planning|ready|waiting|know exactly|got"
                   r" every|on camera|filmed|photographed|paying|visit\w*)|easy to|handy for|perfect for|ideal for"
                   r"|after dark|for later|in one place|all in one|surprise\w*"
                   r"|as if|not likely|in your dreams|my arse|just what|what could|go wrong|while (?:it|they|you)"
                   r"|for now|won['’]?t last|give (?:it|them|him|her)|until|till|but|though|although|however|except"
                   r"|unless|if|only|once|used to|any ?more|no longer|before (?:he|she|they|it|we|i)"
                   r"|pity|shame|waste|sadly|unfortunately|tragic\w*|(?:next to|beside|opposite|near|nearby|close to"
                   r"|across from|round the corner from|by)(?: [a-z'’]+){0,3} (?:school|schools|playground|nursery"
                   r"|kids|children)|confus\w*|recruit\w*|impressionable|influenc\w*|watch\w*|soft|sort of thing"
                   r"|that sort|lifestyle|choice|bonfire|firewood|kindling|torch\w*|burn\w*|ruin\w*|spoil\w*"
                   r"|wreck\w*|invad\w*|invasion|tak(?:e|en|ing) over|eyesore|blight|circus|freak\w*|real (?:men"
                   r"|women|people|families|carol|singers|music))(?![a-z'’])")


def plainly_civil(t: str, a: int, b: int) -> bool:
    """Whether the writer's warmth is said, not denied, in the sentence of the word at [a, b) or the next or the one
    before, and nothing within REACH characters either side turns or limits it (_TURNED) or says a bad quality: the
    neutral name is read only there (each window bounded, the turns found once per text: linear)."""
    start, end = max(0, a - BEFORE), min(len(t), b + AFTER)
    stops = [m.start() for m in SENTENCE_END.finditer(t, start, end)]
    before = [i for i in stops if i < a]
    after = [i for i in stops if i >= b]
    lo = before[-2] if len(before) > 1 else start
    hi = after[1] if len(after) > 1 else end
    if not any(_UNWARMED.search(t, max(lo, m.start() - 24), m.start()) is None for m in _WARM.finditer(t, lo, hi)):
        return False
    return not said_near(t, "turned", a, b)


# what refuses the name within REACH of it, found once per text (every identity word of a text asks the same text:
# one scan of it per kind, not one per word and window; ~4-6 ms a comment of many warm "queer bar"s before)
REFUSING: dict[str, tuple[re.Pattern, ...]] = {"turned": (_TURNED, BAD_QUALITY)}


@functools.lru_cache(maxsize=4)
def _said(t: str, kind: str) -> tuple[list[int], list[int]]:
    """The starts of REFUSING[kind]'s matches in the text, in order, and the furthest end reached up to each."""
    spans = sorted(m.span() for pattern in REFUSING[kind] for m in pattern.finditer(t))
    reach, ends = 0, []
    for _start, end in spans:
        reach = max(reach, end)
        ends.append(reach)
    return [start for start, _end in spans], ends


def said_near(t: str, kind: str, a: int, b: int) -> bool:
    """Whether a match of REFUSING[kind] lies within REACH characters of the word at [a, b) (overlaps the window)."""
    starts, ends = _said(t, kind)
    i = bisect_left(starts, min(len(t), b + REACH))
    return i > 0 and ends[i - 1] > max(0, a - REACH)


def named(t: str, a: int, b: int) -> bool:
    """Whether the singular word at [a, b) of the normalised text names the group neutrally by its construction
    (before a word for a thing of theirs, or queer said of a person), its harm and scorn left to the caller (each
    window bounded: linear)."""
    word = t[a:b]
    if word not in WORDS:
        return False
    if _ATTRIBUTIVE.match(t, b, b + 40) is not None:
        return _REFUSED_BEFORE.search(t, max(0, a - 24), a) is None
    return (word == "queer" and _PREDICATE_AFTER.match(t, b, b + 12) is not None
            and _PREDICATE_BEFORE.search(t, max(0, a - 40), a) is not None)
