"""The everyday things, services and weather a swear word may be aimed at without aiming at anyone (exclaimed.py's
reading (7) and (8)), and a mild oath at one of them as the whole comment."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled

# after a determiner or a possessive, at most one word, then an everyday object, machine, service or weather from a
# closed list (a person noun after it, "this fucking idiot / ref / landlord", stays profanity aimed at them)
_THINGS = (r"printers?|scanners?|computers?|laptops?|phones?|wifi|wi-fi|internet"
           r"|router|broadband|apps?|website|site|update|software|keyboard|screen|tv|telly|remote|cars?|vans?"
           r"|bikes?|engine|trains?|bus|buses|trams?|tube|flights?|planes?|traffic|roadworks|road|queues?"
           r"|weather|rain|snow|wind|heat|cold|fog|ice|kettle|toaster|oven|fridge|freezer|dishwasher"
           r"|washing machine|boiler|heating|alarm|door|lock|keys?|parking|meter|machine|self-checkout|tills?"
           r"|paperwork|forms?|deadline|exam|homework|bills?|mortgage|rent|tax|taxes|meeting|monday|mondays"
           r"|week|day|hangover|headache|cough|knee|back|battery|charger|cable|microwave|hoover|lawnmower"
           r"|shower|toilet|sink|roof|leak|pothole|potholes|lift|elevator|escalator|ticket machine"
           r"|satnav|gps|email|emails|inbox|password|login|portal|system|computer system|hill|stairs"
           # session 40: more things of a day, and institutions, bodies no one is (read2, session 39: "the
           # fucking council" carried the aimed weight alone once the read swears were hashed apart)
           r"|bins?|prices?|fares?|fees?|petrol|diesel|electricity|gas|power cut|signal|noise|delays?"
           r"|closures?|cuts?|rules?|laws?|policy|budget|election|referendum|result|results|match|game"
           r"|season|year|month|weekend|night|morning|shift|commute|journey|flat|house|garden|song|film"
           r"|movie|council|councils|government|govt|ministry|department|parliament|nhs|bbc|post office"
           r"|royal mail|banks?|library|hospital|surgery|school|university|uni|college|league|club|var"
           r"|hmrc|dvla|dwp|jobcentre|job centre|airport|airline|railway|station")
# ... and no person noun after it
_NOT_A_PERSON = (r"(?![a-z'’-])(?! (?:[a-z]+ )?(?:drivers?|wardens?|attendants?|collectors?|scammers?|admins?|mods?"
                 r"|presenters?|inspectors?|guards?|man|men|woman|women|guys?|blokes?|lads?|staff|crew|company"
                 r"|companies|firms?|people|owners?|salesman|salesmen|engineers?|operators?|girls?|boys?|lady|ladies"
                 r"|workers?|officers?|officials?|bosses|boss|managers?|members?|employees?|clerks?|teachers?"
                 r"|nurses?|doctors?|councillors?|ministers?|mps?|leaders?|chiefs?|heads?|lot|fans?|players?)"
                 r"(?![a-z]))")
THING = compiled(r"(?: [a-z]{2,12})? (?:" + _THINGS + ")" + _NOT_A_PERSON)

# session 55 (train s54's binding case, read only as the WHOLE comment): a mild oath the word lists lack, then a thing
# or the weather of THING's list (or the writer's garden's) doing a closed harm to the writer's own things ("Bloody
# hell, this heatwave is killing my tomatoes."): the oath's n-grams hashed apart, as a swear word's at nothing
_MILD_OATHS = ("bloody hell", "bloody nora", "blimey", "crikey", "damn it", "dammit", "damn", "christ", "good god",
               "oh god", "jesus", "for god's sake", "for god’s sake", "hell's bells", "oh hell", "bugger")
_AT_THING = compiled(r"(?P<oath>" + "|".join(map(re.escape, _MILD_OATHS)) + r")(?: alive)?[,!]+"
                     r" (?:this|that|the|my|our)"
                     + r"(?: [a-z]{2,12})? (?:heatwave|heat wave|drought|frost|hail|slugs?|snails?|" + _THINGS + ")"
                     + _NOT_A_PERSON
                     + r" (?:is|are|was|has|have|keeps) (?:(?:killing|ruining|wrecking|frying|drowning|flattening"
                     r"|scorching|eating|killed|ruined|wrecked|fried|drowned|flattened|scorched|eaten) (?:my|our|all"
                     r" my|all our)(?: [a-z]{2,12})? (?:tomatoes|plants|garden|lawn|roses|lettuces|beans|veg|crops"
                     r"|seedlings|flowers|dahlias|courgettes|strawberries|hedge|allotment|grass|washing|plans|weekend"
                     r"|holiday|barbecue|bbq|day|patience))(?: again| today| this year)? *[.!]* *")


def oath_at_a_thing(text: str) -> tuple[int, int] | None:
    """(start, end) of the mild oath when the whole normalised comment is one at a thing (_AT_THING), else None
    (asked only of a comment that starts with one of the oaths: anchored, linear)."""
    if text.startswith(_MILD_OATHS) and (whole := _AT_THING.fullmatch(text)) is not None:
        return whole.span("oath")
    return None
