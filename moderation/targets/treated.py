"""What is done to a group, as a copula's subject: condemning it ("the treatment of [group] is vile") attacks no one."""

from __future__ import annotations

from moderation.needles import known
from moderation.needles.guards import Needles
from moderation.pattern_cache import compiled

# a deed or treatment whose patient "of" names ("the persecution of", "the abuse of"): not nouns whose "of" names the
# doer ("the violence / crimes / racism of [group]": an attack on them)
_OF_HEADS = (r"treatment|mistreatment|maltreatment|persecution|abuse|harassment|killings?|murders?|slaughter"
             r"|massacres?|genocide|oppression|exploitation|demoni[sz]ation|vilification|scapegoating"
             r"|dehumani[sz]ation|marginali[sz]ation|deportations?|detention|internment|expulsions?|evictions?"
             r"|neglect|bullying|abandonment|targeting|stigmati[sz]ation|portrayals?|depictions?|lynchings?"
             r"|beatings?|plight|suffering|hounding|torture|starvation|imprisonment|incarceration|segregation"
             r"|profiling|caging|deaths|drownings|mocking|ridicule|silencing|erasure|exclusion|hatred")
# a deed, a hostility or a policy aimed at its patient by a preposition ("attacks on", "racism against", "hatred
# towards", "policy on"): "of" after these names the doer
_AT_HEADS = (r"attacks?|violence|racism|bigotry|hostility|prejudice|discrimination|hatred|hate|hate crimes?|crimes?"
             r"|rhetoric|language|bias|contempt|animosity|intolerance|polic(?:y|ies)|laws?|rules|bans?|raids?"
             r"|crackdown|war|campaign|assaults?|threats|slurs|insults|propaganda|smears|cruelty|indifference|disdain"
             r"|vitriol|venom|bile|xenophobia|islamophobia|antisemitism|homophobia|transphobia|misogyny|sexism"
             r"|ableism|brutality|aggression")
_TO = r"(?:against|towards?|on|at|for|directed (?:at|towards?)|aimed at)"
# what the group is said to meet, after a head noun or "what" ("the racism [group] face", "what [group] go through",
# "the conditions [group] live in"): not what they do ("get away with", "get up to")
_MET = (r"(?:face|faces|faced|are facing|endure|endures|endured|suffer|suffers|suffered|experience|experiences"
        r"|experienced|receive|receives|received|get(?:s)?(?! away| up| off| out| into)|got(?! away| up| off| out"
        r"| into)|(?:have|has|had) to (?:face|endure|put up with|deal with|live (?:in|with|through)|go through)"
        r"|go through|goes through|went through|are going through|(?:have|has) been through|put up with"
        r"|puts up with|deal with|live in|lived in|live with|are living in|(?:are|were) (?:subjected|exposed) to"
        r"|(?:are|were) (?:forced to live|kept|held|housed|put) (?:in|through))")
_MET_WHAT = (r"(?:face|faces|faced|are facing|endure|endures|endured|suffer|suffers|suffered|experience|experiences"
             r"|experienced|go through|goes through|went through|are going through|(?:have|has) been through"
             r"|put up with|puts up with|(?:have|has|had) to (?:face|endure|put up with|go through)"
             r"|(?:are|were) (?:subjected|exposed) to)")
_MET_HEADS = (_OF_HEADS + "|" + _AT_HEADS + r"|conditions|hardships?|poverty|ordeal|horrors|dangers|struggles"
              r"|difficulties|obstacles|barriers|trauma")
_WORD = r"(?!(?:by|who|whom|whose|which|that|and|but|is|are|was|were)(?![a-z'’]))[a-z'’-]{1,20}"
# a group's treatment said with "the way" / "how": passive ("the way [group] are treated / spoken about") or with
# the state, the press or "we" as its doer ("the way this government treats [group]"); never a group as the doer
_AUX = (r"(?:are|is|were|was|get|gets|got|getting|being|have been|has been|had been|are being|is being"
        r"|were being|keep getting|continue to be)")
_DONE = (r"(?:treated|mistreated|spoken (?:to|about|of)|talked (?:to|about)|portrayed|described|depicted"
         r"|demoni[sz]ed|vilified|scapegoated|dehumani[sz]ed|targeted|abused|harassed|bullied|attacked|persecuted"
         r"|discriminated against|stereotyped|housed|detained|deported|handled|ignored|mocked|smeared|blamed"
         r"|singled out|neglected|excluded|profiled|caged|locked up|rounded up|dealt with|written about"
         r"|reported on|policed|exploited|abandoned|marginali[sz]ed|shunned|hounded|hunted|insulted"
         r"|looked down on|sneered at|laughed at|viewed|seen|represented)")
_DOERS = (r"(?:we|you|people|society|everyone|everybody|some people|this country|britain|the uk|america|the us"
          r"|europe|the eu|israel|(?:the|this|our|their|that|these|those|some) (?:[a-z]{2,20} )?(?:government"
          r"|governments|media|press|police|state|council|authorities|system|politicians|public|army|west"
          r"|home office|tabloids|paper|papers|newspapers|newspaper|regime|country|world|courts|establishment"
          r"|right|left|tories))")
_DOES = (r"(?:treats?|treated|speaks? (?:to|about|of)|talks? about|talked about|portrays?|portrayed|describes?"
         r"|described|depicts?|depicted|demoni[sz]es?|demoni[sz]ed|vilif(?:y|ies|ied)|scapegoats?|scapegoated"
         r"|dehumani[sz]es?|dehumani[sz]ed|targets?|targeted|abuses?|abused|harass(?:es|ed)?|bull(?:y|ies|ied)"
         r"|attacks?|attacked|persecutes?|persecuted|discriminates? against|discriminated against"
         r"|stereotypes?|stereotyped|detains?|detained|deports?|deported|handles?|handled|ignores?|ignored"
         r"|mocks?|mocked|smears?|smeared|blames?|blamed|neglects?|neglected|excludes?|excluded|deals? with"
         r"|dealt with|writes? about|wrote about|reports? on|reported on|polices?|policed|exploits?|exploited"
         r"|abandons?|abandoned|looks? down on|looked down on|hounds?|hounded|insults?|insulted|houses?|housed)")
_HAPPENED = (r"(?:happened|happens|is happening|was happening|has happened|had happened|was done|is being done"
             r"|has been done|" + _DOERS + r" (?:did|does|do|is doing|are doing|has done|have done|was doing"
             r"|were doing)) to")

# from the head of the subject to its copula: the patient and at most six more words (no "by": "attacks on [group]
# by [group]" names a doer; no relative clause), so a predicate said of the group after the copula stays outside
_FORMS = (r"(?:" + _OF_HEADS + r") of|(?:" + _AT_HEADS + r") " + _TO
          + r"|(?:" + _MET_HEADS + r")(?: that| which)?(?: " + _WORD + r"){1,4}? " + _MET
          + r"|what(?: " + _WORD + r"){1,4}? " + _MET_WHAT
          + r"|(?:the way|how)(?: that)?(?:(?: " + _WORD + r"){1,4}? " + _AUX + r" " + _DONE
          + r"| " + _DOERS + r" " + _DOES + r")|what " + _HAPPENED)
# the subject both readings share (TREATED_EN: its deed condemned or told; ENDORSED_EN: approved), through its copula
_SUBJECT = (r"(?<![a-z'’])(?:" + _FORMS + r")(?: " + _WORD + r"){0,6}? (?:is|are|was|were|has been|have been|remains?"
            r"|seems?)(?![a-z'’])")
# a predicate that approves of the deed or denies it happened ("attacks on [group] are justified / what they deserve",
# "the deportation of all [group] is the only answer", "what happened to [group] was exaggerated"): the subject is
# then no condemnation, and its group stays a target (read2, session 35)
_ENDORSING = (r" (?:(?:totally|completely|fully|entirely|perfectly|absolutely|quite|so|long|well|more than|exactly"
              r"|only|just|simply|clearly|obviously|largely|mostly|grossly|massively|wildly|hugely|vastly|way|all"
              r"|really|probably|surely|both|far|natural and) ){0,3}(?:justified|justifiable|deserved|warranted|overdue"
              r"|necessary|needed|essential|understandable|natural|earned|fair enough|fine by me|a good (?:thing|idea)"
              r"|good(?= *(?:$|[.!,;]))|good riddance|the best thing|the only way"
              r"|good for|the (?:only |best |right |final )?(?:answer|solution|way forward|call|thing to do)"
              r"|the right (?:call|decision|thing)|what (?:they|these people|those people) (?:deserve|deserved"
              r"|asked for|chose|earned)|how they should be|too (?:soft|lenient|kind|good|generous|nice)"
              r"|not (?:enough|harsh enough|tough enough)|exaggerated|overblown|overstated|inflated|a myth|a hoax"
              r"|a lie|made up|invented|fake|their own fault|self[- ]inflicted|karma|common sense|better for everyone)"
              r"(?![a-z])")
TREATED_EN = compiled(_SUBJECT + "(?!" + _ENDORSING + ")")
# the same subject with a predicate that approves of the deed or denies it ("the killing of [group] is a good thing",
# "attacks on [group] are justified"): the writer endorses a harm done to the group, an attack on it
ENDORSED_EN = compiled(_SUBJECT + "(?=" + _ENDORSING + ")")

# what may stand before the head in its subject, read back from it: modifiers, a state or institution as possessor,
# a determiner; and what may open the clause before them (a sentence's start, a comma, a connective)
_MODIFIERS = frozenset((
    "constant", "ongoing", "daily", "continued", "continuing", "systematic", "systemic", "institutional", "casual",
    "everyday", "appalling", "horrific", "brutal", "cruel", "inhumane", "shameful", "current", "recent", "latest",
    "vicious", "violent", "repeated", "endless", "relentless", "growing", "rising", "open", "blatant", "widespread",
    "deliberate", "routine", "sickening", "racist", "physical", "verbal", "online", "random", "unprovoked", "vile",
    "disgusting", "terrible", "awful", "horrible", "dreadful", "unfair", "harsh", "poor", "inhuman", "degrading",
    "mass", "forced", "illegal", "indefinite", "new", "sheer", "casual", "government", "media", "police", "state"))
_POSSESSORS = frozenset((
    "government", "state", "country", "nation", "council", "police", "media", "press", "office", "army", "world",
    "west", "society", "system", "authorities", "regime", "uk", "us", "eu", "britain", "america", "europe", "israel",
    "china", "russia", "india", "australia", "france", "germany", "city", "town", "school", "company", "party",
    "church", "country's"))
_DETERMINERS = frozenset(("the", "this", "that", "these", "those", "our", "their", "its", "such", "all"))
_OPENERS = frozenset((
    "but", "and", "so", "because", "yet", "though", "although", "that", "think", "feel", "believe", "say", "honestly",
    "frankly", "tbh", "imo", "sadly", "seriously", "agree", "reckon", "mean", "guess", "know", "whereas", "while",
    "still", "yes", "no", "well", "really", "now", "today", "again", "also", "clearly", "simply", "just"))
_CLAUSE_MARKS = ".!?;:,\n"
_LOOK_BACK = 80  # characters read back from a head for its subject's start (linear: once a head)


# the same deed as the object of the writer's feeling ("I hate the way [group] are treated", "I'm sick of the racism
# [group] face", "we despise the persecution of [group]"): from the feeling's subject, so the hate statement that
# starts there is inside it, through the patient (at most three words, none a copula, conjunction or pronoun; no
# doer named by "by" after it but the state, the press or the like: "I hate the way women are treated by [group]"
# stays the attack)
_FEELING = (r"(?:hate|despise|detest|loathe|can['’]?t stand|cannot stand|can['’]?t bear|cannot bear|(?:sick|tired)"
            r"(?: and tired)? of|fed up (?:of|with)|disgusted (?:by|at|with)|appalled (?:by|at)|ashamed of"
            r"|horrified by)")
_PATIENT = r"(?!(?:they|them|we|you|he|she|it|so|as|because)(?![a-z'’]))" + _WORD
# the deed resented as too kind ("I hate how [group] are treated like real women / better than us / with kid gloves",
# "portrayed as victims / normal"): the writer's feeling is at the group, no condemnation of the deed (read2, s35)
_FAVOURED = (r"(?!(?: [a-z'’-]{1,20}){0,3}? (?:(?:like|as) (?:(?:real|normal|proper) [a-z]+|normal|equals|royalty"
             r"|kings|queens|vips|heroes|victims|saints|gods|superior|special|first[- ]class|they own|if they own"
             r"|a protected|protected)|better than|(?:too|so) (?:well|kindly|softly|nicely|leniently|generously)"
             r"|with kid gloves|with respect|like gold)(?![a-z]))")
TREATED_OBJECT_EN = compiled(
    r"(?<![a-z'’])(?:i|we)(?:['’]m|['’]re| am| are)?(?: (?:really|just|so|all|absolutely|truly|totally|fucking"
    r"|getting|completely|utterly)){0,3} " + _FEELING + r" (?:(?:the|this|all the|all this|such|our|their) )?(?:(?:"
    + "|".join(sorted(_MODIFIERS)) + r") ){0,2}(?:" + _FORMS + r")" + _FAVOURED +
    r"(?!(?: [a-z'’-]{1,20}){0,3}? by(?![a-z])(?! " + _DOERS + r"(?![a-z])))"
    r"(?: " + _PATIENT + r"){0,3}")

# the three guards' needle sets and start searches read from the disk cache in one file (worked out: ~60 ms of every
# process's start)
known.prime((TREATED_EN, ENDORSED_EN, TREATED_OBJECT_EN))
TREATED_GUARD = Needles(TREATED_EN)  # tried only where a head can start (the signals' code pass finds where)
ENDORSED_GUARD = Needles(ENDORSED_EN)
TREATED_OBJECT_GUARD = Needles(TREATED_OBJECT_EN)


def _opens_subject(text: str, at: int) -> bool:
    """Whether the head at `at` starts its clause's subject: before it only modifiers, a possessor and a determiner,
    after a sentence's start, a comma or a connective (not the object of "complain about", "who suffer from")."""
    left = text[max(0, at - _LOOK_BACK):at]
    cut = max(left.rfind(c) for c in _CLAUSE_MARKS)
    if cut < 0 and at > _LOOK_BACK:
        return False
    words = left[cut + 1:].split()
    if words and text.startswith(("the way", "how", "what"), at):
        return words[-1] in _OPENERS
    while words and (words[-1] in _MODIFIERS or words[-1].startswith("anti-")):
        words.pop()
    if words and words[-1][-2:] in ("'s", "’s") and words[-1][:-2] in _POSSESSORS:
        words.pop()
        if words and words[-1] not in _DETERMINERS and words[-1] not in _OPENERS:
            words.pop()  # "the tory government's", "the home office's"
    if words and words[-1] in _DETERMINERS:
        words.pop()
        if words and words[-1] == "all":
            words.pop()
    return not words or words[-1] in _OPENERS


# the deeds whose approval is an attack on their patients: violence and persecution, not a policy ("the deportation
# of [group] is necessary", "the treatment of [group] is too soft" are opinions a news site carries)
_VIOLENCE = compiled(r"(?:killings?|murders?|slaughter|massacres?|genocide|persecution|abuse|harassment|lynchings?"
                     r"|beatings?|torture|attacks?|violence|assaults?|hate crimes?|bullying|hounding|starvation"
                     r"|drownings|deaths|brutality|cruelty|mistreatment|maltreatment)(?![a-z])")
# approval, not a judgement of the policy's strength or a doubt about the facts
_APPROVED = compiled(r" (?:(?:[a-z]+ ){0,3})(?:justified|justifiable|deserved|warranted|overdue|understandable"
                     r"|natural|earned|fair enough|fine by me|a good (?:thing|idea)|good|good riddance|the best thing"
                     r"|what (?:they|these people|those people) (?:deserve|deserved|asked for|earned)|their own fault"
                     r"|self[- ]inflicted|karma|better for everyone|the (?:only |best |right |final )?(?:answer"
                     r"|solution|way forward|call|thing to do))(?![a-z])")


def endorsed_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each subject naming violence or persecution done to someone whose predicate approves of it."""
    return [m.span() for m in ENDORSED_GUARD.finditer(text) if _VIOLENCE.match(text, m.start())
            and _APPROVED.match(text, m.end()) and _opens_subject(text, m.start())]


def treated_spans(text: str, at=None) -> list[tuple[int, int]]:
    """(start, end) of each subject naming what is done to someone, through its copula (sorted); `at`: the text's
    code pass, which holds where TREATED_EN can start (TREATED_GUARD's slot)."""
    spans = [m.span() for m in TREATED_GUARD.finditer(text, at=at) if _opens_subject(text, m.start())]
    felt = [m.span() for m in TREATED_OBJECT_GUARD.finditer(text, at=at)]
    return sorted(spans + felt) if felt else spans
