"""How the writer introduces themself by their own group word ("old dyke here, ...", "being a dyke, i ...", "just a
queer kid from leeds ...", "dyke, mum, magistrate."): owned.reading's introductions, in a noun of their own."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.targets.describers import describing
from moderation.targets.identity import ACCUSED
from moderation.targets.literal import SENTENCE_END
from moderation.targets.scorned import HARM_SAID, MENACE, SCORN

_BEFORE = 48  # characters before a word the introductions look at (as owned.py's readings before it)
_AFTER = 120  # characters after it in which harm, scorn or an accusation refuses a session-50 introduction
# a charge of living on others ("living off decent people's taxes", "scrounging", "on our benefits") or of preying on
# children, and a beating the harm lists leave out ("asking for a slap")
_CHARGES = compiled(r"(?<![a-z'’])(?:living off|lives off|scroung\w*|leech\w*|spong\w*|freeload\w*|parasit\w*"
                    r"|slap\w*|smack\w*|thump\w*|wallop\w*|hiding|leathering|battering"
                    r"|(?:our|my|your|decent people['’]s|taxpayers['’]?) (?:taxes|money|benefits)|on benefits"
                    r"|paedo\w*|pedo\w*|nonces?"
                    # read2's second round (s50): "it" said of a person, and children after the word ("... taught it
                    # a lesson", "the stench it leaves", "your local tranny, checking in, lock up the kids")
                    r"|(?<!make )(?<!made )(?<!making )(?<!love )(?<!loved )(?<!get )(?<!got )it"  # not an idiom's
                    r"|kids|children|kiddies|sort\w* (?:\w+ )?out)(?![a-z'’])")

# session 38: two first-person forms of the writer's own word. A self-introduction at a clause's start, the singular
# word with at most two describing words before it and at most one person noun after (closed lists), then "here" and
# a comma, a colon or a full stop ("old dyke here, and ...", "queer teacher here: ..."); a quantifier or a determiner
# is no describing word, so "too many queers here" and "no fags here" stay unread, nor "faggot spotted here", "dyke
# alert here!", "tranny here - ban him", "dyke here and there" (read2, session 38). And a participle clause of the
# writer's own being, "being a ..." at a clause's start, when a comma ends it within 40 characters and a first-person
# subject follows ("being a dyke in this town, i ..."; "being a dyke is who i am" is a gerund subject, not read)
_SELF_DESCRIBER = (r"(?:proud|old|retired|young|elderly|lifelong|local|working|tired|happy|fellow|married|single|out"
                   r"|openly|disabled|black|white|trans|deaf|blind|middle-aged|grumpy|ageing|aging|humble|resident)")
# session 45: "just a" and up to three describing words of any adjective's shape ("just a tired, overworked dyke nurse
# here, please ...", "just a boring old queer here, wondering ..."), none an insult or a participle of harm
# (describers.describing: "just a filthy dyke here" is none); "just another faggot here" is no introduction
# session 50: "your" and up to two words of a closed list, the writer signing on as the reader's own ("your friendly
# neighbourhood dyke, reporting for duty", "your local queer here with ..."): at a clause's start only, the same checks
# after it as "... here"
_YOUR = (r"|(?P<your>your (?:friendly|neighbou?rhood|local|resident|favou?rite|token|average|humble|fellow|old)"
         r"(?: (?:friendly|neighbou?rhood|local|resident|old|humble|average))? )")
_HERE_BEFORE = compiled(r"(?:^|[.!?\n;:(] *)(?:(?P<just>just an? )(?P<free>(?:[a-z][a-z-]{1,24},? ){0,3})"
                        r"|(?:" + _SELF_DESCRIBER + r" ){0,2}" + _YOUR + r")$")
_SELF_DESCRIBING = compiled(_SELF_DESCRIBER)
_HERE_AFTER = compiled(r"(?: (?P<noun>teacher|grandad|grandma|granny|gran|nan|mum|mom|dad|mother|father|nurse"
                       r"|doctor|lad|lass|woman|man|guy|girl|boy|pensioner|student|parent|veteran|driver|vicar|reader|resident"
                       r"|voter|wife|husband|auntie|uncle|kid|bloke))?"
                       # session 50: "here with / to / again" ("your local dyke here with a recipe"; "dyke here and
                       # there" stays unread) and a sign-on ("your friendly neighbourhood dyke, reporting for duty")
                       r"(?: here(?:[,:.]|$|(?P<on> )(?=(?:with|to|again)(?![a-z])))"
                       r"|(?P<signed>,? (?:reporting for duty|reporting in|checking in|signing off|back again))"
                       r"(?![a-z]))")
# ... and no one else spoken of after it: a report of someone present names them in the third person ("tranny here,
# ban him"; read2, session 38)
_THIRD_AFTER = compiled(r"(?<![a-z'’])(?:he|him|his|she|her|they|them|their)(?![a-z'’])")
# a bare word ("dyke here") introduces the writer only when the writer goes on in the first person and warns or tells
# no reader ("Dyke here, lock your doors.", "Faggot here. Disgusting." are reports; read2, session 39)
_FIRST_AFTER = compiled(r"(?<![a-z'’])(?:i|i['’]m|im|i['’]ve|i['’]d|i['’]ll|me|my|mine|we|we['’]re|our|us)"
                        r"(?![a-z'’])")
_YOU_AFTER = compiled(r"(?<![a-z'’])(?:you|your|yours|ya|u|ur)(?![a-z'’])")
# ... nor when the writer goes on in the first person to react to someone present: a witness speaks as "i" too
# ("Tranny here. I'm calling security.", "Faggot here, I feel sick.", "Dyke here. I want it out of my pub."; read2,
# session 40): disgust, a call for someone to be removed or reported, or "it" for a person
_REACTION_AFTER = compiled(r"(?<![a-z'’])(?:sick|sickening|puke|puking|gag|gagging|vomit\w*|retch\w*"
                           r"|throw(?:ing)? up|gross|vile|disgust\w*|revolting|repulsive|creep(?:y|s|ed)?"
                           r"|call(?:ing|ed)? (?:the )?(?:security|police|cops|manager|staff)|banned|get (?:it|rid)"
                           r"|(?:report|ban|block|kick|throw)(?:s|ed|ing|n)? (?:it|him|her|them|this|out)"
                           r"|out of (?:my|our)|(?:want|near|let|keep|see|saw|seen) it)(?![a-z'’])")
_BEING_BEFORE = compiled(r"(?:^|[.!?\n;:(,] *)(?:being|as someone who is|as somebody who is) an?"
                         r"(?: " + _SELF_DESCRIBER + r"){0,2} $")
_FIRST_SUBJECT = compiled(r"[^.!?;,\n]{0,40}, (?:i|we)(?:['’](?:m|ve|d|ll|re))?(?![a-z])")
# session 50: the writer goes on with the subject left out right after "here," ("faggot here, just wanted to say the
# show was wonderful", "dyke here, popping in to thank the nurses")
_UNSUBJECTED_AFTER = compiled(r" *(?:just )?(?:wanted|popping|dropping|checking|hoping|writing|thought|asking)"
                              r"(?![a-z'’])")
# session 50: "just a ..." without "here": the same describing words, the word and at most one person noun, then where
# the writer is from, what they have or do ("just a queer kid from the valleys who made it", "just an old dyke with a
# garden and a lot of opinions"); read only with no one else, no reader, no reaction, harm or scorn in its sentence
_JUST_AFTER = compiled(r"(?: (?P<noun>kid|lad|lass|woman|man|guy|girl|boy|bloke|nurse|teacher|pensioner|student"
                       r"|mum|mom|dad|nan|gran|grandad|granny|parent|veteran))?"
                       r" (?:from|with|who|trying|living|raising|running|doing|making|looking|in"
                       # session 51: "just a dyke and her dog", "just a fag and his sewing machine"
                       r"|(?P<own>and (?:her|his|their) [a-z][a-z-]{1,24}(?: [a-z][a-z-]{1,24})?(?= *(?:[.!\n]|$))))"
                       r"(?![a-z'’])")
# session 51: "just" and a count of the plural word at a clause's start, the writer among them by "ourselves" or "our"
# after a doing of a closed list later in its sentence ("just two old dykes and a dog living our best life", "just a
# couple of queers doing our bit"): without it, a report of others ("just two faggots kissing in the street", "just a
# couple of dykes ruining our neighbourhood")
_JUST_COUNT_BEFORE = compiled(r"(?:^|[.!?\n;:(] *)just (?:two|three|a couple of|a pair of|a bunch of|a few)"
                              r" (?P<free>(?:[a-z][a-z-]{1,24},? ){0,2})$")
_WE_AFTER = compiled(r"(?<![a-z'’])(?:(?:living|doing|raising|running|making|minding|enjoying|celebrating|building"
                     r"|tending|planting|sharing|fixing|paying|bringing up|finding|trying) our|ourselves)(?![a-z'’])")
# session 51: the singular word naming the writer's own kind of life, mood or pride, a noun of a closed list after it,
# at a clause's start with at most two words of a closed list before ("dyke life is the best life", "big fag energy
# today", "bad bitch vibes only", "entering my dyke era"); read only with no one else, no reader, no reaction, harm
# or scorn in its sentence ("fag culture is a disease", "big dyke energy off her, someone sort it")
_KIND_BEFORE = compiled(r"(?:^|[.!?\n;:(] *)(?:(?:entering|living|in|into) )?(?:(?:my|our|big|bad|boss|hot|peak"
                        r"|full|total|pure|serious|maximum|max|main|such) ){0,2}$")
_KIND_AFTER = compiled(r" (?:life|pride|energy|vibes?|era|mode|joy|summer|power|excellence|magic|swag|season)"
                       r"(?![a-z'’])")
# ... and said with no verb in its clause ("big fag energy today, wore my pink suit", "bad bitch vibes only") or a
# praising predicate of a closed list right after it ("dyke life is the best life", "nigga life is hard but we keep
# going"): a demeaning or blaming one is an attack ("tranny life is a mental illness", "fag energy is why this country
# is going down the drain": read2, session 51)
_KIND_VERB = compiled(r"(?<![a-z'’])(?:is|are|was|were|be|been|being|means?|meant|makes?|made|causes?|ruins?|why"
                      r"|never|always|should|will|would|can|could|must|may|might|shall|has|have|had|does|do|did"
                      r"|(?!(?:morning|evening|nothing|something|anything|everything|thing|king|ring|spring"
                      r"|wedding|building|pudding|darling|wing)(?![a-z]))(?:[a-z]+ing|[a-z]+ed|[a-z]+['’]s))"
                      r"(?![a-z'’])")
_KIND_PRAISED = compiled(r" (?:is|was|=) (?:(?:so|just|still|always|truly|really|honestly) )?(?:(?:an?|the) )?"
                         r"(?:best|good|great|beautiful|wonderful|fun|amazing|everything|gift|blessing|joy|hard|tough"
                         r"|not easy|no joke|no picnic|lit|elite|unmatched|valid|lovely|brilliant|the one)"
                         r"(?![a-z'’])")
# ... nor its worth denied ("nigga life don't matter", "fag life is worth nothing", "queer joy means nothing")
_WORTH_DENIED = compiled(r"(?<![a-z'’])(?:(?:don['’]?t|doesn['’]?t|do not|does not|ain['’]?t|never|won['’]?t|not)"
                         r" (?:matter|count)|worth(?:less| nothing| shit| fuck all)|means? nothing|cheap|pointless"
                         r"|waste)(?![a-z'’])")
# session 50: a profile at the comment's or a line's start: the singular word, then at least two short items set off
# by commas ("dyke, mum, magistrate, allotment holder.", "fag, 34, he/him, terrible at gardening, good at cakes."),
# one of them a role, an age or pronouns; none a verb of a closed list, a pronoun, harm or scorn ("fag next door, 34,
# keeps his boyfriend over" has words between and a verb)
_BIO_BEFORE = compiled(r"(?:^|\n) *$")
_BIO_ITEM = compiled(r"(?:[a-z'’-]+|\d{1,3})(?: (?:[a-z'’-]+|\d{1,3})){0,3}")
_PRONOUNS = compiled(r"(?:he|she|they|ze|xe)/(?:him|her|them|hers|theirs|zir|xem)(?:/[a-z]+)?")
_ROLE = compiled(r"(?:[a-z'’-]+ )*(?:mum|mom|dad|mother|father|wife|husband|nan|gran|grandma|grandad|granny|auntie"
                 r"|uncle|teacher|nurse|doctor|vicar|runner|baker|gardener|cook|magistrate|student|pensioner|veteran"
                 r"|engineer|driver|writer|artist|musician|singer|holder|owner|volunteer|carer|parent|librarian|cyclist"
                 r"|swimmer|knitter|reader|voter|councillor|governor|steward|nerd|geek|fan|lover)(?: of [a-z ]+)?"
                 r"|\d{1,3}")
_BIO_REFUSED = compiled(r"(?<![a-z'’])(?:is|are|was|were|be|has|have|had|lives?|works?|keeps?|gets?|goes|should"
                        r"|must|will|would|can|could|needs?|deserves?|wants?|i|me|my|we|us|our|you|your|he|him|his|she"
                        r"|her|they|them|their|it|its|this|that|next|door|across|street|road)(?![a-z'’])")



def introduced(t: str, a: int, b: int) -> bool:
    """The writer introduces themself by the word ("old dyke here, ...", "just a queer kid from ...", "dyke, mum, ...")
    or says what being one makes them ("being a dyke, i ..."): each window at most _BEFORE characters before and 96
    after the word (linear)."""
    singular = t[b - 1] != "s" and t[a:b] != "nigger"
    before = _HERE_BEFORE.search(t, max(0, a - _BEFORE), a) if singular else None
    if before is not None and (here := _HERE_AFTER.match(t, b, b + 20)) and not _THIRD_AFTER.search(
            t, here.end(), here.end() + 60):
        end, words = here.end() + 60, before.group("free")
        said = not _YOU_AFTER.search(t, here.end(), end) and not _REACTION_AFTER.search(t, here.end(), end)
        if words is None:  # "old dyke here", "queer teacher here", "dyke here, i ..."
            described = here.group("noun") is not None or any(c.isalpha() for c in t[before.start():a])
        elif not _self_described(words):
            return False  # "just a filthy dyke here, ...": each an adjective's shape, no scorn
        else:  # "just a tired, overworked dyke here": described, with no reaction after
            described = said and bool(words)
        if (before.group("your") is not None or here.group("on") is not None or here.group("signed") is not None) and (
                not said or _refused_after(t, b)):
            return False  # "your local dyke, reporting for duty, the nasty freak", "... we know where you sleep"
        if described or ((_FIRST_AFTER.search(t, here.end(), end) or (
                _UNSUBJECTED_AFTER.match(t, here.end(), here.end() + 16) and not _refused_after(t, b))) and said):
            return True
    if singular and (_just(t, b, before) or _profile(t, a, b) or _kind(t, a, b)):
        return True
    if t[b - 1] == "s" and _just_counted(t, a, b):
        return True
    being = _BEING_BEFORE.search(t, max(0, a - _BEFORE), a)
    return being is not None and _FIRST_SUBJECT.match(t, b, b + 48) is not None


def _sentence_end(t: str, b: int, reach: int = 96) -> int:
    """Where the sentence of the word ending at `b` ends, at most `reach` characters on."""
    end = min(len(t), b + reach)
    return stop.start() if (stop := SENTENCE_END.search(t, b, end)) is not None else end


def _just(t: str, b: int, before: re.Match | None) -> bool:
    """"just a ... dyke from / with / who ..." at a clause's start with no "here": the describing words read as before
    "here" (`before`: introduced()'s _HERE_BEFORE match), and nothing in its sentence turns to others, the reader, a
    reaction, harm or scorn."""
    if before is None or before.group("just") is None or (after := _JUST_AFTER.match(t, b, b + 64)) is None:
        return False
    words = before.group("free") or ""
    if not _self_described(words):
        return False
    end = _sentence_end(t, b)
    start = after.end() if after.group("own") is not None else b  # the X's own dog closes the sentence
    return not _turned(t, b, end, start)


def _kind(t: str, a: int, b: int) -> bool:
    """"dyke life is the best life", "big fag energy today": the word before a noun of _KIND_AFTER at a clause's
    start, no verb in its clause but a praising predicate, nothing in its sentence that turns to others, the reader,
    a reaction, harm, scorn or menace."""
    if (kind := _KIND_AFTER.match(t, b, b + 12)) is None or _KIND_BEFORE.search(t, max(0, a - 32), a) is None:
        return False
    end = _sentence_end(t, b)
    clause = t.find(",", kind.end(), end)
    if _KIND_VERB.search(t, kind.end(), end if clause == -1 else clause) and not _KIND_PRAISED.match(
            t, kind.end(), kind.end() + 40):
        return False  # "tranny life is a mental illness", "fag energy is why ..."
    return not (_turned(t, b, end) or _WORTH_DENIED.search(t, b, end) or MENACE.search(t, b, end))


def _just_counted(t: str, a: int, b: int) -> bool:
    """"just two old dykes and a dog living our best life": a count of the plural word after "just" at a clause's
    start, the describing words read as _just's, "ourselves" or "doing our ..." later in its sentence and nothing
    that turns to others, the reader, a reaction, harm or scorn."""
    if (before := _JUST_COUNT_BEFORE.search(t, max(0, a - _BEFORE), a)) is None:
        return False
    if not _self_described(before.group("free")):
        return False
    end = _sentence_end(t, b)
    return bool(_WE_AFTER.search(t, b, end)) and not _turned(t, b, end)


def _profile(t: str, a: int, b: int) -> bool:
    """The word opening a profile at the comment's or a line's start ("dyke, mum, magistrate, allotment holder."):
    two or more short items to its sentence's end, one a role, an age or pronouns, none refused (_BIO_REFUSED)."""
    if not t.startswith(", ", b) or _BIO_BEFORE.search(t, max(0, a - 8), a) is None:
        return False
    end = _sentence_end(t, b, 120)
    items = [i.strip() for i in re.split(r",| and ", t[b + 2:end])]
    if len(items) < 2 or not all(_PRONOUNS.fullmatch(i) or _BIO_ITEM.fullmatch(i) for i in items):
        return False
    plain = [i for i in items if not _PRONOUNS.fullmatch(i)]
    return (any(_PRONOUNS.fullmatch(i) or _ROLE.fullmatch(i) for i in items)
            and not any(_BIO_REFUSED.search(i) for i in plain) and not _refused_after(t, b, end - b))


def _self_described(words: str) -> bool:
    """Every word before the group word describes the writer (the words read as before "here")."""
    return all(_SELF_DESCRIBING.fullmatch(w) or describing(w) for w in words.replace(",", " ").split())


def _turned(t: str, b: int, end: int, start: int | None = None) -> bool:
    """The sentence after the word (others from `start`) turns to others, the reader, a reaction, harm or scorn."""
    return bool(_THIRD_AFTER.search(t, b if start is None else start, end) or _YOU_AFTER.search(t, b, end)
                or _REACTION_AFTER.search(t, b, end) or _refused_after(t, b))


def _refused_after(t: str, b: int, reach: int = _AFTER) -> bool:
    """Whether harm, scorn, an accusation or a parasite's charge is said within `reach` characters after the word ending
    at `b`, across sentences ("faggot here, asking for a good kicking", "just a tranny trying to groom kids", "just an
    old faggot living off decent people's taxes", "tranny, 41, teacher, groomer."; read2's round, session 50)."""
    end = min(len(t), b + reach)
    return any(rx.search(t, b, end) is not None for rx in (HARM_SAID, SCORN, ACCUSED, _CHARGES))
