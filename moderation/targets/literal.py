"""A slur word's other, literal sense: faggots in gravy, a fag break, the sea dyke, a chink of light, life's a bitch."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.wordlists.addressees import EN_PEOPLE

# the other sense of a slur word, told by a word of that sense near it in the same sentence: food or firewood
# (faggots), tobacco (a fag), dogs (a bitch), water and earthworks (a dyke), a narrow gap (a chink), the animal (a
# coon), the genus (Homo). A cue is a whole word within NEAR characters either side, never past a sentence's end
_SENSES = {
    "faggot": r"peas|gravy|onions?|mash|chips|butcher|pork|liver|dinner|tea|supper|meatballs?|recipe|cook(?:ed|ing)?"
              r"|oven|serve[ds]?|ate|eat|sticks?|wood|kindling|brushwood|firewood|twigs?|bundle[ds]?|fires?|bonfire|stove"
              r"|hearth|hedg(?:e|es|ing)|thatch(?:er|ing)?",
    "fag": r"smoke[ds]?|smoking|lighter|light(?:ed)?|lit|packet|pack|roll(?:ed|ie|ies)?|ash(?:tray)?"
           r"|tobacco|cigarettes?|nip(?:ped)?|popped",
    "bitch": r"dogs?|pups?|puppy|puppies|litter|whelp(?:ed|ing|s)?|breed(?:er|ers|ing)?|kennels?|hounds?|lurcher"
             r"|greyhound|spaniel|terrier|collie|labrador|retriever|vet|stud|sire|dam|season|crufts|bred|sheepdog",
    "dyke": r"sea|floods?|flooding|water|drains?|drained|fens?|dutch|holland|offa['’]s|ditch(?:es)?|dug|tide"
            r"|burst|breach(?:ed)?|river|levee|polder|dam|earthwork|rampart|embankment",
    "chink": r"armou?r|defen[cs]e|light|sunlight|curtains?|wall|door|fence|crack|gap|peer(?:ed)?|glimpse",
    "coon": r"racc?oons?|hounds?|hunt(?:ing|ers?)?|treed|skin|possums?",
    "homo": r"sapiens|erectus|habilis|neanderthalensis|genus|species|fossils?|hominins?",
}
_WORD_SENSE = {w: base for base in _SENSES for w in (base, base + "s", base + "es")}
SENSE_WORDS = frozenset(_WORD_SENSE)  # the words literal() can be true of (owned.reading()'s only LITERAL ones)
# "bitch" said of a thing or a situation, no one (session 32, en_idiom_swear_probe): its subject life, karma, it, that,
# this or a gerund opening a clause ("life's a bitch", "it's a bitch to park", "getting a GP appointment is such a
# bitch"), or "a bitch of a" day, commute, exam ...; "she's / the examiner was a bitch" keep their person, and so
# does a describing word that is no intensifier ("that's a stupid bitch", "it's a lil bitch at the bus stop": read
# in Davidson's tweets, whose harassment label owned_spans sets); not "nothing/something ... she is a" nor a gerund
# whose words name a person ("Nothing against her but she is a bitch" is an insult at her)
_NOT_PERSON = r"(?!(?:i|me|my|we|us|our|you|your|he|him|his|she|her|they|them|their)(?![a-z]))"
# the gerund is one of a closed list of everyday activities (session 33): any capitalised -ing word may be a surname
# ("Manning / Fleming / Harding is a bitch" is an insult at a person; normalised text has lost the capital), so only
# a doing that is commonly a chore or a struggle reads as the thing
_ACTIVITY = (r"(?:getting|finding|parking|driving|running|commuting|cycling|walking|hiking|climbing|swimming|flying"
             r"|travell?ing|moving|packing|unpacking|cleaning|cooking|baking|washing|ironing|hoovering|vacuuming"
             r"|shopping|queu(?:e)?ing|waiting|working|studying|revising|learning|teaching|training|dieting|fasting"
             r"|dating|parenting|raising|renting|buying|selling|booking|filing|paying|saving|budgeting|fixing"
             r"|repairing|painting|decorating|gardening|mowing|weeding|digging|shovell?ing|gritting|defrosting"
             r"|sleeping|waking|quitting|stopping|starting|losing|breaking|trying|making|doing|taking|keeping"
             r"|catching|changing|getting up|writing|reading|typing|coding|debugging|marking|grading|applying"
             r"|interviewing|job hunting|house hunting|flat hunting|teething|potty training|sorting|assembling"
             r"|installing|updating|printing|calling|texting|emailing|explaining|convincing|arguing|negotiating"
             r"|organising|organizing|planning|hosting|babysitting|housesitting|lifting|carrying|pushing|pulling"
             r"|towing|reversing|merging|overtaking|boarding|landing|skiing|surfing|sailing|rowing|fishing|camping"
             r"|ageing|aging|growing up|recovering|healing|grieving|getting old|getting older)")
# an institution or a system as the subject (session 33: "this government has been a bitch to deal with", "the council
# is a bitch about permits"): criticism of a body, no one person
_BODY = (r"government|council|ministry|department|system|economy|housing market|market|bank|airline|railway|nhs"
         r"|tax office|hmrc|dvla|job centre|jobcentre|insurance company|insurer|letting agency|bureaucracy"
         r"|paperwork|planning office|weather|traffic")
_THING_MODIFIERS = ("real", "right", "total", "proper", "massive", "huge", "complete", "absolute", "major", "serious",
                    "fucking", "freaking", "bloody", "damn", "mean", "cruel", "cold", "harsh", "tough")
_THING_BEFORE = compiled(r"(?:(?:^|[^a-z'’])(?:life|karma|it|that|this|" + _BODY + r")|(?:^|[.!?,;:(\n] *)"
                         r"(?!(?:no|some|every|any)thing(?![a-z]))(?:" + _ACTIVITY + r"(?: " + _NOT_PERSON
                         + r"[a-z'’]{1,15}){0,6}|[a-z]{2,15}ing(?: " + _NOT_PERSON + r"[a-z'’]{1,15}){1,6}))"
                         r"(?:['’]s|['’]ll be| is| was| can be| will be| has been| gets"
                         r"| becomes| turned out to be)(?: (?:always|still|really|just|honestly|definitely|gonna be"
                         r"|going to be))? (?:an?|one|such an?)(?: (?:" + "|".join(_THING_MODIFIERS)
                         + r"|hell of an?)){0,2} $")
# the word every _THING_BEFORE match ends with, before its last space (an article, "one" or a modifier)
_THING_LAST = frozenset(("a", "an", "one", *_THING_MODIFIERS))
_THING_AFTER = compiled(r" of an? (?:[a-z]{1,12} )?(?:day|week|month|year|night|morning|winter|summer|season|commute"
                        r"|drive|journey|trip|climb|hill|job|shift|exam|test|game|match|final|task|problem|form"
                        r"|process|thing|road|walk|ride|flight|wait|queue|move|run|race|course)(?![a-z])")
# the insult aimed back at a person by a coordinated tail ("life is a bitch and so is your mother", "... and so are
# you", "karma's a bitch, just like you", "... and you're one too"; session 33): then the word names them, not the thing
_REAIMED_AFTER = compiled(r",? (?:and|but) (?:you|u|ya|he|she|they)(?:['’](?:re|s)| (?:are|is|was|were)) (?:one"
                          r"|another)(?![a-z])"
                          r"|(?:,? (?:and|but) so(?: (?:is|are|was|were|am)|['’]s)|,? (?:just |exactly )?like)"
                          r" (?:(?:you|u|ya|he|she|they|him|her|them)(?![a-z'’])"
                          r"|(?:your|ur|yo|his|her|their|my|that|the|this) (?:[a-z]{1,12} )?(?:mother|father|mom|mum"
                          r"|mam|mama|dad|wife|husband|sister|brother|son|daughter|family|boss|ex|girlfriend|boyfriend"
                          r"|gran|granny|nan|grandma|mother-in-law|missus|misses|mrs|old lady|old man|"
                          + EN_PEOPLE + r")(?![a-z]))(?= *(?:$|[.!?,;:)\n\"'”’]|too(?![a-z])|as well))")
_CUES = {base: compiled(r"(?<![a-z'’])(?:" + cues + r")(?![a-z])") for base, cues in _SENSES.items()}
# a cue that is a cigarette's only in its phrase, right beside the word (session 42, redoing session 41's lost fix): "a
# fag break", "the fag end", "a drag / puff on a fag"; "fags will break the law", "fags at the end of our road", "fags
# in drag" are people (a "break", "end" or "drag" elsewhere in the sentence is no cue)
_PHRASE_AFTER = {"fag": compiled(r" (?:break|breaks|end|ends)(?![a-z])")}
# ... unless one of them does it: one person picked out, then "breaks" / "ends" with an object ("no fag breaks bread
# at my table", "any fag breaks into my garden", "the fag breaks windows on our street": read2, session 43), no
# cigarette's break anywhere in the sentence
_ONE_PERSON = compiled(r"(?<![a-z'’])(?:any|no|every|each|one|an?|the|that|this) $")
_DOES_AFTER = compiled(r" (?:breaks|ends) (?:into|bread|up|down|through|open|off|out|the|an?|my|your|his|her|their"
                       r"|our|its|it|them|him|me|us|you|every|all|(?!(?:was|is|has|does|as|less|plus|this|thus)(?![a-z]))"
                       r"[a-z]+s)(?![a-z])")
# ... but one cigarette had ("a fag", "my fag", "quick fag", "another fag") keeps them anywhere in its sentence
# unless someone is spoken of near it ("quick fag before the end of my shift", "out for a quick fag, then back to
# the break room"; "a fag like him will break the law" is a person; read2, session 42)
_ONE_HAD = compiled(r"(?<![a-z'’])(?:a|my|another|one more|last|quick)(?: (?:quick|crafty|sneaky|last))? $")
_SOMEONE = compiled(r"(?<![a-z'’])(?:he|him|his|she|her|they|them|their|who|you|your)(?![a-z'’])")
_WIDE = {"fag": compiled(r"(?<![a-z'’])(?:break|breaks|end|ends|drag|drags|puff|puffs)(?![a-z])")}
_PHRASE_BEFORE = {"fag": compiled(r"(?<![a-z'’])(?:drag|drags|puff|puffs) (?:on|of|at) (?:an?|my|his|her|your"
                                  r"|their|the|another|this|that) $")}
NEAR = 48  # characters either side of a word a cue is looked for in (owned.py's warm address reads as far)
SENTENCE_END = compiled(r"[.!?;\n]")
# the word said of a person all the same: after a determiner or an address that picks someone out ("some fag", "you
# dyke", "is a bitch", "call him a"), the literal cue does not count
_PERSON_BEFORE = compiled(r"(?:^|[^a-z'’])(?:you|ya|ur|you['’]re|youre|he['’]s|she['’]s|they['’]re|is an?|are|was an?"
                          r"|were|['’]s an?|that|this|those|these|some|such an?|him an?|her an?|them|called|call)"
                          r"(?: [a-z]+)? $")


def _thing_before(t: str, a: int, before: int) -> re.Match | None:
    """_THING_BEFORE.search in the `before` characters before the word, asked only when the word before it is one a
    match ends with (_THING_LAST, after a space; its " $" before a newline that ends the window too): the engine's
    search tried each of ~80 positions (~4 us a "bitch")."""
    end = a - 1 if t[a - 1:a] == "\n" else a
    space = t.rfind(" ", max(0, end - 11), end - 1)
    if t[end - 1:end] != " " or space == -1 or t[space + 1:end - 1] not in _THING_LAST:
        return None
    return _THING_BEFORE.search(t, max(0, a - before), a)


def literal(t: str, a: int, b: int, before: int) -> bool:
    """Whether the word at [a, b) of the normalised text is used in its other sense: "bitch" of a thing (its subject
    looked for in the `before` characters before it), a cigarette's phrase, or a word of the sense within NEAR
    characters either side in its sentence (linear in the words)."""
    if t[a:b] == "bitch" and (_thing_before(t, a, before)
                              or _THING_AFTER.match(t, b, b + 24)) and not _REAIMED_AFTER.match(t, b, b + 48):
        return True
    base = _WORD_SENSE.get(t[a:b])
    if base is None or _PERSON_BEFORE.search(t, max(0, a - 24), a) or (
            _DOES_AFTER.match(t, b, b + 16) and _ONE_PERSON.search(t, max(0, a - 6), a)):
        return False
    if base in _PHRASE_AFTER and (_PHRASE_AFTER[base].match(t, b, b + 8)
                                  or _PHRASE_BEFORE[base].search(t, max(0, a - 24), a)):
        return True
    start, end = max(0, a - NEAR), min(len(t), b + NEAR)
    if (stop := SENTENCE_END.search(t, b, end)) is not None:
        end = stop.start()
    for stop in SENTENCE_END.finditer(t, start, a):
        start = stop.end()
    cues = _CUES[base]
    if cues.search(t, start, a) or cues.search(t, b, end):
        return True
    wide = _WIDE.get(base)
    return bool(wide is not None and t[b - 1] != "s" and _ONE_HAD.search(t, max(0, a - 24), a)
                and not _SOMEONE.search(t, start, end) and (wide.search(t, start, a) or wide.search(t, b, end)))
