"""When every English attack construction in a text stands in a frame that attacks no one: the hate gate's shut.

Issue 12 (session 49): model/pipeline.py's gate lifts English hate where a construction of an attack on a group fires
(ATTACK_FRAMES_EN); session 48's gate lost civil sentences where one fired on no attack: the writer's feeling at a
thing or at people by what they do ("I h8 Mondays", "I can't stand people who sneer at [group]"), a dehumanising word
in its literal sense ("the trash bags", "three stray animals"), a judgement the writer denies ("I don't find [group]
disgusting"), an exclusion asked or told as the group's own feeling ("Are [group] no longer welcome at ...?", "[group]
feel they are no longer welcome"). Each reading here covers one hit; the signal fires only when every hit that makes
one of ATTACK_FRAMES_EN fire is covered, so an attack beside a covered hit keeps the gate open. No head learns it.
"""

from __future__ import annotations

import bisect
import re

import numpy as np

from moderation.pattern_cache import compiled
from moderation.targets.denial_patterns import _CONDITION_AFTER, JUDGED_DENIED
from moderation.targets.hate_en import _EN_EXCLUDE, _EN_FEEL, HATE_EN_PARTS

# the signals whose firing opens the hate gate (model/pipeline.py HATE_GATE reads this tuple)
ATTACK_FRAMES_EN = ("hate_at_group", "group_attack", "hate_statement_en", "dehumanize", "expel", "insult_at_group")
# what the writer's feeling is at, right after its verb (HATE_EN_PARTS[0]: "i hate", "we can't stand"; "i'm sick of",
# "i'm tired of", "i have contempt for"): these parts' matches end where their object begins
FEELING_PARTS = frozenset((0, *(HATE_EN_PARTS.index(next(rx for rx in HATE_EN_PARTS if rx.pattern == part))
                                for part in _EN_FEEL[2:5])))

# a time, the weather, a chore, a food, a pastime: nothing anyone is
_TIMES = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mornings?|evenings?|nights?|weekends?|winters?|summers?"
          r"|autumns?|springtime|january|february|march|april|june|july|august|september|october|november|december"
          r"|christmas|birthdays?|holidays?|bank holidays?|the clocks going back|daylight saving")
_WEATHER = r"rain|snow|sleet|wind|fog|drizzle|the cold|the heat|humidity|weather|heatwaves?|frost|ice|hail|storms?"
_CHORES = (r"traffic|homework|exams?|tests?|maths|math|school|work|meetings?|deadlines?|queues?|taxes|paperwork|admin"
           r"|housework|laundry|ironing|hoovering|the washing up|the dishes|commuting|the commute|the bus|buses|trains?"
           r"|the tube|the m25|roadworks|potholes|parking|alarms?|mondayitis|my job|jobs?|overtime|the gym|running")
_FOODS = (r"olives|coriander|cilantro|mushrooms|sprouts|brussels sprouts|marmite|broccoli|onions|tomatoes|cheese"
          r"|spicy food|fish|seafood|coffee|tea|beer|gin|celery|liquorice|licorice|raisins|porridge|beetroot")
_PASTIMES = (r"football|cricket|golf|rugby|tennis|darts|snooker|jazz|opera|country music|rap|techno|musicals"
             r"|reality tv|reality shows|soap operas|soaps|adverts|ads|advertising|spam|emails|social media|tiktok"
             r"|twitter|facebook|instagram|selfies|small talk|gossip|noise|fireworks|loud music|crowds|spiders|wasps"
             r"|mosquitoes|midges|flies|slugs|snails|snakes|moths|pigeons|seagulls|clowns|mess|clutter|dust|mud"
             r"|this song|that song|this film|that film|this show|that show|this game|that game|this app|that app")
# people named by what they do or think, not by who they are
_DOERS = (r"racists|bigots|homophobes|transphobes|xenophobes|misogynists|sexists|fascists|nazis|neo-nazis|neonazis"
          r"|(?:white )?supremacists|antisemites|islamophobes|bullies|liars|cheats|cheaters|hypocrites|trolls"
          r"|litterers|litterbugs|thieves|burglars|muggers|scammers|spammers|fraudsters|con men|snobs|abusers"
          r"|paedophiles|pedophiles|paedos|pedos|rapists|murderers|killers|poachers|tailgaters|queue jumpers"
          r"|fare dodgers|tax dodgers|drunk drivers|bad drivers|road hogs|vandals|looters|arsonists|stalkers"
          r"|wife beaters|child abusers|animal abusers|dog abusers|puppy farmers|warmongers|war criminals"
          r"|terrorists|extremists|fanatics|cowards|bullying|racism|bigotry|homophobia|transphobia|sexism"
          r"|misogyny|antisemitism|islamophobia|xenophobia|discrimination|cruelty|injustice|hatred|violence")
# what people do to others, the deed a relative clause names them by ("people who sneer at [group]")
_DEEDS = (r"sneer|mock|abuse|attack|harass|bully|bullies|hurt|insult|hate|despise|spit|shout|yell|scream|litter"
          r"|lie|lies|cheat|steal|judge|discriminate|pick on|picks on|look down on|looks down on|make fun of|makes fun"
          r" of|laugh at|laughs at|troll|blame|scapegoat|demoni[sz]e|smear|target|threaten|beat|kick|rob|scam"
          r"|tailgate|tailgates|jump the queue|jumps the queue|push in|pushes in|talk down to|talks down to|shout at"
          r"|use slurs|uses slurs|spread hate|spreads hate|stir up hate|stirs up hate|vandali[sz]e|loot|harm|torment"
          r"|exploit|ignore|patronise|patronize|belittle|sneered|mocked|abused|attacked|harassed|bullied|insulted"
          r"|hated|judged|blamed|targeted|threatened|beat up|beats up|rant|rants|moan|moans|whinge|whinges"
          r"|(?:don['’]t|do not|can['’]t|cannot|never|won['’]t) (?:indicate|tip|queue|pay|clean up|pick up|listen"
          r"|say thank you|say please|wash their hands|park properly|recycle|reply)"
          r"|(?:are|is|were|was|get|gets) (?:rude|cruel|racist|homophobic|transphobic|sexist|mean|nasty|violent"
          r"|abusive|unkind|selfish|arrogant|late|two-faced|fake|smug|loud|entitled to other people['’]s)")
_WHO = (r"(?:people|anyone|anybody|someone|somebody|everyone|everybody|those|men|women|folk|folks|guys|kids"
        r"|drivers|neighbours|neighbors|parents|customers|tourists|fans|landlords|bosses|politicians|adults|others)")
# ... or by any other verb of theirs but one of who they are (train's reading, session 49: "anyone who spits at
# [group]", "those who throw bricks through [group]'s windows"; not "people who are / come from / pray / wear ...")
_IS_WHO = (r"(?!(?:are|is|were|was|be|been|being|am|come|comes|came|look|looks|identify|identifies|worship|worships"
           r"|pray|prays|speak|speaks|believe|believes|practi[cs]e|practi[cs]es|follow|follows|wear|wears|live|lives"
           r"|were born|was born|have|has|had|eat|eats|dress|dresses|go|goes|belong|belongs|love|loves|date|dates"
           r"|marry|marries|sleep|sleeps|fancy|fancies|like|likes|need|needs|use|uses|get|gets|can|can['’]t|cannot"
           r"|don['’]t|do|does|doesn['’]t|did|didn['’]t|won['’]t|will|would|should|must|may|might|could)(?![a-z'’]))")
_FEELING_OBJECT = compiled(
    r" (?:(?:all |the |this |that |these |those |such |so much |any )?(?:" + _TIMES + "|" + _WEATHER + "|" + _CHORES
    + "|" + _FOODS + "|" + _PASTIMES + "|" + _DOERS + r")(?![a-z'’])"
    r"|(?:it|this|that)(?= *(?:[.!?,;:)\n]|$| when| how| about| so| much| more| too| stuff| crap| shit| thing| part"
    r"| bit| sort| kind| one))|when(?![a-z'’])"
    r"|(?!being |getting |seeing |watching |hearing |reading |having (?:them|those|these|the|all|any|[a-z]+s) )"
    r"(?!(?:sterling|viking|peking|beijing)(?![a-z]))[a-z]{2,}ing(?![a-z'’])"
    r"|(?:my|our) [a-z'’]{2,20}(?= *(?:[.!?,;:)\n]|$| and | but | so | when | because ))"
    r"|(?P<deed>(?:all |the |those |these )?" + _WHO + r"(?: [a-z'’]{1,20})?? (?:who|that)(?: (?:always|just|still"
    r"|constantly|keep|kept|never stop|openly|actually|really|then|now))? (?:(?:" + _DEEDS + r")(?![a-z'’])|" + _IS_WHO
    + r"[a-z'’]{2,20}(?![a-z'’]))))")
_CLAUSE_END = compiled(r"[,;:.!?\n(]| but | though | although | whereas | while ")
# a question that asks, not asserts: a sentence opened by a verb (or "is it true that", "does anyone know if")
# and ended by a question mark ("Are gay couples no longer welcome at the Red Lion?"); not a tag question after a
# statement ("[group] are not welcome here, are they?": it opens with the statement) nor a negative one ("aren't
# they ...?", "shouldn't they ...?": an answer expected)
_ASKED = compiled(r"(?:^|(?<=[.!?\n]) *|^ *)(?:(?:so|and|but|honestly|seriously|wait|hang on),? )?(?:(?:are|is|were"
                  r"|was|do|does|did|has|have|will|can|could)(?![a-z'’])(?!n['’]t)(?! (?:you|ya|u|we)(?![a-z'’]))"
                  r"|is it true(?: that)?|does anyone"
                  r" know (?:if|whether)|anyone know (?:if|whether)|has anyone heard (?:if|whether)|do you know (?:if"
                  r"|whether)|i wonder (?:if|whether))")
# a question of why a group is no longer welcome asks the reason ("Why are Somalis no longer welcome in this town?",
# read2 s49): the not-welcome construction only (HATE_EN's own questions, "why are [group] so lazy", assert)
_ASKED_WHY = compiled(r"(?:^|(?<=[.!?\n]) *|^ *)(?:(?:so|and|but|honestly|seriously),? )?(?:why|how come|since when)"
                      r" (?:are|is|were|was)(?![a-z'’])(?!n['’]t)")
_NOT_WELCOME = next(rx for rx in HATE_EN_PARTS if rx.pattern == _EN_EXCLUDE[4])
# the construction's subject a pronoun after a verb of feeling or telling whose subject is not the writer ("my Polish
# neighbours feel they are no longer welcome here", "Syrian families say they are not wanted"): their own feeling,
# not the writer's wish; "I feel they are not welcome here" is the writer's
_FELT = compiled(r"(?<![a-z'’])(?<!i )(?<!we )(?<!i really )(?<!we really )(?:feel|feels|felt|say|says|said|fear"
                 r"|fears|feared|worry|worries|worried|complain|complains|complained|told (?:me|us)|tell (?:me|us)"
                 r"|tells (?:me|us)|believe|believes|sense|senses|sensed|know|knows|are afraid|is afraid|were"
                 r" afraid)(?: that)? $")
_FELT_SUBJECT = compiled(r"(?:they|he|she)(?![a-z'’])")
_CLAUSE_START = compiled(r".*[,;:.!?\n(]", re.S)
# a judgement the writer denies (JUDGED_DENIED: a negated verb of judging earlier in the word's clause, "I don't find
# gay men disgusting", "we never thought of [group] as dirty") holds unless a condition follows it in its sentence
# (denied.py's _CONDITION_AFTER: "... when they keep it behind closed doors", "... as long as they know their place",
# "I don't regard [group] as parasites, assuming they leave"), or a place it keeps them to: the denial holds only on
# terms, which is the attack
_KEPT_TO = compiled(r"(?<![a-z'’])(?:their place|in the kitchen|behind closed doors)(?![a-z'’])")
# a dehumanising word in its literal sense: the refuse itself ("the trash bags", "taking out the trash"), an animal
# of a kind ("three filthy stray animals", "farm animals", "rats in the loft"), pests controlled
_REFUSE_AFTER = compiled(r" (?:bags?|bins?|cans?|day|trucks?|lorr(?:y|ies)|collections?|collectors?|talk|talking"
                         r"|compactors?|pickups?|chutes?|heaps?|piles?|pandas?|bags? and|sacks?|liners?"
                         # or trash said of a thing ("What a trash franchise.": an opinion of it, no one)
                         r"|franchise|team|show|tv|telly|film|movie|song|album|music|game|book|food|service|app"
                         r"|website|season|episode|reffing|refereeing|defen[cs]e|performance|call|tweet|post"
                         r"|article|take|opinion|design|car|phone|pizza|coffee|beer|league|club|kit|console)"
                         r"(?![a-z'’])")
_REFUSE_BEFORE = compiled(r"(?:take|takes|took|taking|put|puts|putting) (?:out )?the $|(?:empty|empties|emptied"
                          r"|emptying) the $")
_KIND_BEFORE = compiled(r"(?<![a-z'’])(?:stray|farm|wild|pet|rescue|rescued|zoo|domestic|baby|injured|abandoned"
                        r"|feral|circus|exotic|endangered|lab|laboratory|caged|grazing|woodland|forest|jungle"
                        r"|marine|neglected|mistreated|stuffed|cuddly|toy|plastic|cartoon)(?: [a-z'’-]{1,20})?? $")
_PLACE_AFTER = compiled(r" (?:in|at|from|under|behind) (?:the|our|my|their|his|her) (?:zoo|loft|attic|barn|shed"
                        r"|garden|walls?|cellar|basement|farm|field|woods|sewers?|bins?|kitchen|roof|skirting"
                        r"|floorboards|compost|hedge|pond|stable|kennels?|shelter|sanctuary|vet['’]?s?)(?![a-z'’])"
                        r"| (?:control|traps?|poison|catcher|catchers|exterminators?)(?![a-z'’])")
# ... but not an animal word said of someone ("[group] are wild animals", "like rats in a sewer", "a pack of feral
# animals", "these wild animals will ...": a demonstrative points at people as often) nor the refuse someone is put
# into ("put the [group] in the trash bags")
_PREDICATED = compiled(r"(?:(?<![a-z'’])(?:are|is|were|was|be|been|being|like|as|than|into|of|these|those)|['’]re"
                       r"|['’]s)"
                       r"(?: (?:a|an|such|just|nothing but|no better than|all|the|some|these|those|bunch of|pack of"
                       r"|herd of|load of|lot of|more|mere|little|dirty|filthy|disgusting|vile|bloody|fucking))* $")
# the refuse said of a group in its sentence: "take out the trash, and I mean the [group]", "trash day, so the
# [group] can go out with it"
_MEANT = compiled(r"(?<![a-z'’])(?:i mean|i meant|meaning|namely|i['’]m talking about|talking about|i\.e\.|that"
                  r" means|by that i mean|starting with|including|start with|starts with|begin with|begins with"
                  r"|beginning with|and all)(?![a-z'’])")
_DISPOSED = compiled(r"(?: [a-z'’]{1,20}){0,4}? (?:go|goes|went|gone|going|be|get|gets|is|are|thrown|throw|put"
                     r"|taken|take|collected|binned|dumped|chucked|tossed|kicked)(?: out)? (?:with|in|into|out with)"
                     r" (?:it|them|the rest|the trash|the rubbish|the bins?|the refuse)(?![a-z'’])"
                     r"|(?: [a-z'’]{1,20}){0,3}? (?:out )?(?:with|in|into) (?:the )?(?:bins?|trash|rubbish|refuse"
                     r"|rest of the (?:trash|rubbish))(?![a-z'’])")
_PUT_INTO = compiled(r"(?: [a-z'’]{1,20}){0,3}? (?:in|into|inside) (?:the |a |some |those |these |black )?$")
_NEAR = 4  # group words read on each side of a refuse word, at most
_LITERAL_WORDS = frozenset(("trash", "animals", "rats", "pigs", "apes", "monkeys", "vermin", "cockroaches",
                            "parasites"))


def _sentence(ends: np.ndarray, at: int) -> int:
    """Which sentence position `at` is in (`ends`: where sentences end)."""
    return int(np.searchsorted(ends, at, side="right"))


def _sentence_start(ends: np.ndarray, at: int) -> int:
    """Where the sentence holding position `at` starts."""
    k = _sentence(ends, at)
    return int(ends[k - 1]) if k else 0


def feeling_unaimed(t: str, b: int, groups) -> bool:
    """The writer's feeling whose verb ends at `b` is at a thing, a time or people named by a deed (`groups`: the ends
    of its sentence's group words, in order): a thing's clause names no group after it ("I hate Mondays and
    [group]"), a deed's may ("people who sneer at [group]")."""
    m = _FEELING_OBJECT.match(t, b)
    if m is None:
        return False
    if m.group("deed") is not None:
        return True
    stop = c.start() if (c := _CLAUSE_END.search(t, m.end(), m.end() + 200)) is not None else m.end() + 200
    return not groups[bisect.bisect_right(groups, b):bisect.bisect_right(groups, stop)]


def asked_or_felt(t: str, a: int, ends: np.ndarray) -> bool:
    """The construction starting at `a` is asked in a yes/no question, or is the feeling of the ones it names."""
    k = _sentence(ends, a)
    start = int(ends[k - 1]) if k else 0
    stop = int(ends[k]) if k < ends.size else 0  # after its run of marks (". " its space too)
    if stop and "?" in t[max(start, stop - 3):stop] and (_ASKED.match(t, start) or (
            _ASKED_WHY.match(t, start) and _NOT_WELCOME.match(t, a))):
        return True
    return _FELT_SUBJECT.match(t, a) is not None and _FELT.search(t, max(start, a - 40), a) is not None


def denied_judged(t: str, a: int, ends: np.ndarray) -> bool:
    """The word at `a` is what a negated verb of judging earlier in its clause says of someone."""
    k = _sentence(ends, a)
    start = max(int(ends[k - 1]) if k else 0, a - 120)
    clause = _CLAUSE_START.match(t, start, a)
    stop = int(ends[k]) if k < ends.size else len(t)
    if t[stop - 3:stop - 1] == ".." and k + 1 < ends.size:  # an ellipsis goes on with the same thought
        stop = int(ends[k + 1])
    stop = min(stop, a + 160)
    return (JUDGED_DENIED.search(t, clause.end() if clause else start, a) is not None
            and _CONDITION_AFTER.search(t, a, stop) is None and _KEPT_TO.search(t, a, stop) is None)


def literal(t: str, a: int, b: int, groups: list) -> bool:
    """The dehumanising word t[a:b] names the refuse or an animal, no one (`groups`: the ends of the group words
    and slurs in its sentence, in order)."""
    word = t[a:b]
    if word not in _LITERAL_WORDS:
        return False
    if word == "trash":
        if _REFUSE_AFTER.match(t, b) is None and _REFUSE_BEFORE.search(t, max(0, a - 24), a) is None:
            return False
        # the group words near it only (`groups` sorted): a sentence of refuse and group words stays linear
        before = groups[bisect.bisect_left(groups, a - 80):bisect.bisect_right(groups, a)][-_NEAR:]
        after = groups[bisect.bisect_right(groups, b):bisect.bisect_right(groups, b + 100)][:_NEAR]
        return not (any(_PUT_INTO.fullmatch(t, g, a) for g in before) or any(
            _MEANT.search(t, b, g) is not None or _DISPOSED.match(t, g, g + 80) is not None for g in after))
    kind = _KIND_BEFORE.search(t, max(0, a - 40), a)
    if kind is None and _PLACE_AFTER.match(t, b) is None:
        return False
    at = kind.start() if kind is not None else a
    return _PREDICATED.search(t, max(0, at - 60), at) is None


_AIMED_HARM = frozenset(("insult", "slur", "dehumanize"))  # at a group in its sentence: insult_at_group
_UNREAD_HARM = frozenset(("expel", "death_wish", "violence_word"))  # group_attack's others: no reading covers them


# what makes the writer sick when it is no one ("These things make me sick!", "This weather makes me sick"): the
# subject of HATE_EN's feeling head, read from its start
_FELT_AT = next(rx for rx in HATE_EN_PARTS if rx.pattern == _EN_FEEL[1])
_THING_SUBJECT = compiled(r"(?:(?:all )?(?:these|those|the|such|this|that|my|our) )?(?:things|stuff|" + _TIMES + "|"
                          + _WEATHER + "|" + _CHORES + "|" + _PASTIMES + r")(?= )")


def attack_unaimed(t: str, ends: np.ndarray, hate_at: list, words: list, groups: dict) -> bool:
    """Whether every hit that makes an attack frame fire is covered by a reading above: `hate_at`, the hate
    statements' (start, end); `words`, the word hits' (start, end, categories); `groups`, the group words' ends by
    sentence; `ends`, where sentences end."""
    for a, b in hate_at:
        feeling = any((m := HATE_EN_PARTS[i].match(t, a)) is not None and m.end() == b for i in FEELING_PARTS)
        thing = _THING_SUBJECT.match(t, a) is not None and (m := _FELT_AT.match(t, a)) is not None and m.end() == b
        if not ((feeling and feeling_unaimed(t, b, groups.get(_sentence(ends, a), []))) or thing
                or asked_or_felt(t, a, ends)):
            return False
    for a, b, cats in words:
        grouped = groups.get(_sentence(ends, a), ())
        if "expel" in cats or (grouped and not _UNREAD_HARM.isdisjoint(cats)):
            return False
        if ("dehumanize" in cats or (grouped and not _AIMED_HARM.isdisjoint(cats))) and not (
                literal(t, a, b, grouped) or denied_judged(t, a, ends)):
            return False
    return True
