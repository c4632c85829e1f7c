"""English attacks on a group by identity as linear regexes: exclusion, feelings, endorsed hatred, questions.

What is withheld from a group (a positive denied, a grant refused, an exclusion by someone in charge) is read in
withheld_en.py; HATE_EN joins both.
"""

from __future__ import annotations

import re

from moderation.needles.parts import Joined
from moderation.needles.tails import Opened, Sentence, width
from moderation.pattern_cache import compiled
from moderation.targets.withheld_en import _CERTAINLY, _EN_DENIED_WORD, _EN_DENY_POSITIVE, _EN_IN_CHARGE
from moderation.wordlists.groups import _GROUP_ADJECTIVES_EN, _PEOPLE_NOUNS_EN, GROUPS, PEOPLES_EN

# exclusion: a wish or demand that people be removed (should be deported, wants them driven out, kick them out, send
# them back), or that they are not welcome or wanted (issue 12: attacks carried by the predicate, not the group word).
# A will or an imperative, never a report ("were driven out", "fear being deported"); a negation inside the will
# breaks it ("should not be deported"). The not-welcome form starts at its subject, so a denial of the predicate
# alone (moderation/targets/denied.py: "aren't ...") does not take it for a denied attack
_EN_REMOVED = (r"(?:deported|expelled|banished|(?:driven|chased|hounded|kicked|forced|pushed|booted|smoked|turfed"
               r"|run) out|sent (?:back|home)|shipped (?:back|home|off)|rounded up|kept out|locked out)")
_EN_EJECT = (r"(?:(?:kick|throw|drive|chase|boot|push|ship|send|turf|hound|get) (?:them|those|these|the|every|all|each"
             r"|any)(?: [a-z']{1,20}){0,3}? (?:out|back|home)|(?:deport|expel|banish) (?:them|those|these|the|every|all"
             r"|each|any))(?![a-z])")
# where people are told to go back to, by name ("can go back to Korea"): continents and the countries named in such
# demands, not towns (a report names a town: "went back to Leeds")
_EN_LANDS = (r"(?:africa|asia|mexico|china|india|pakistan|bangladesh|poland|romania|albania|syria|somalia|korea"
             r"|japan|israel|russia|nigeria|jamaica|iraq|iran|afghanistan|turkey|vietnam|the philippines|morocco"
             r"|the middle east)")
# where a removal call opens: the text's start, a mark and any spaces, or a word such as "should" (unbounded, so no
# window before its verb: it is read back from each place the call matches, moderation/needles/tails.py's Opened)
_EN_EJECT_MARKS = r"[.!?;:,\n]"
_EN_EJECT_WORDS = (r"(?:let's|lets|just|and|time to|should|must|ought to|needs? to|has to|have to|want to|wants to)"
                   r"(?: all| just)? ")
_EN_EJECT_HEAD = r"(?:^|(?<=" + _EN_EJECT_MARKS + r") *|(?<![a-z])" + _EN_EJECT_WORDS + ")"
_EN_EXCLUDE = (
    r"(?<![a-z])(?:want|wants|wanted|should|must|ought to|needs? to|has to|have to)(?![a-z'])"
    r"(?: (?!not |never )[a-z']{1,20}){0,4}? " + _EN_REMOVED + r"(?![a-z])",
    r"(?<![a-z])(?:should|must|needs? to|has to|have to|ought to|can)(?: all| just)? (?:go|be sent|get) (?:back|home)"
    r"(?: to)? (?:where (?:they|you|he|she) (?:came|come) from|(?:their|your|his|her) (?:own )?(?:country|countries"
    r"|land|lands|homes?))",
    r"(?<![a-z])(?:should|must|needs? to|has to|have to|ought to|can just|can all)(?: all| just)? (?:go|be sent|get)"
    r" back to " + _EN_LANDS + r"(?![a-z])",
    _EN_EJECT_HEAD + _EN_EJECT,
    r"(?<![a-z'])(?!(?:i|i'm|im|we|we're|you|you're|" + _CERTAINLY + r")(?![a-z']))[a-z']{1,20}(?: (?:are|is|were"
    r"|was))?(?:n't| not| never| no longer| (?:" + _CERTAINLY + r") (?:not|never)) (?:welcome|wanted)(?![a-z])",
    # issue 12 (session 21, en_peoples_neutral_probe): a removal supported ("I support deporting [group]", "we fully
    # support kicking the ... off our street", "I'd vote for sending them all back"); not negated, not whom someone
    # else's support is said of ("people who support deporting refugees"): the verb, no subject, so a report of others'
    # support is reported.py's to read
    r"(?<![a-z'’])(?<!n['’]t )(?<!not )(?<!never )(?<!who )(?<!that )(?:support|supports|favou?r|favou?rs|endorse"
    r"|endorses|welcome|welcomes|applaud|applauds|cheer|cheers|celebrate|celebrates|(?:vote|voted|votes) for)"
    r"(?![a-z])(?: (?!not |never |against )[a-z'’]{1,20}){0,4}? (?:deporting|expelling|banishing|evicting|interning"
    r"|(?:the |a |mass |their |any )?(?:deportation|expulsion|eviction|internment|banishment)s? of"
    r"|(?:kicking|throwing|sending|shipping|chasing|driving|booting|turfing|hounding|forcing)(?: [a-z'’]{1,20}){0,4}?"
    r" (?:out|off|back|home)|(?:[a-z'’]{1,20} ){1,4}?(?:being|getting) (?:thrown out|" + _EN_REMOVED + r"))"
    r"(?![a-z])",
    r"(?<![a-z'])(?!(?:i|we|you)(?![a-z']))[a-z']{1,20} (?:don['’]t|do not|never|will never) belong (?:here|in (?:this"
    r"|our|a decent|any|a civilised|a civilized|any part of this) (?:country|town|city|society|neighbourhood"
    r"|neighborhood|street|school)|among us|with us|in europe|in britain|in england|in america)(?![a-z])",
)


# what the feeling is about when the group is not its object: a treatment ("sick of [group] being blamed"), a
# clause about others ("contempt for people who abuse [group]", "sick of racists calling [group] ...")
_EN_TREATED = r"(?:being|getting|get|gets|got)"
_EN_NOT_AT = (r"(?! (?:[a-z'’,]{1,20} ){0,3}?(?:" + _EN_TREATED + r"|who|that|which|whom|when|whenever"
              r"|(?!fucking|nothing|something|anything|everything|morning|evening|during)[a-z]{3,}ing)(?![a-z'’]))")


# the writer as the one who feels disgust or contempt at whom a plural subject or an object names (issue 12: the
# construction, not the group word, carries "[group] make me sick"): the verb's plural form, so a gerund or a thing
# as subject ("[group] being refused service disgusts me", "the smell makes me sick") is none, and at most eight words
# from the sentence's start, none a negation, a report, or a treatment; a feeling at a treatment or at others is none
_EN_FEEL_LETTERS = r"[a-z'’,-]"
_EN_FEEL_WORD = (r"(?!(?:" + _EN_TREATED + r"|treated|way|how|what|when|seeing|watching|hearing|reading|don['’]t"
                 r"|dont|do|does|doesn['’]t|didn['’]t|not|never|no|nobody|hardly|say|says|said|claims?|thinks?"
                 r"|thought)(?![a-z'’]))" + _EN_FEEL_LETTERS + "{1,20} ")
# the feeling said of a plural subject at most eight words into its sentence: read back from where the feeling is
# (moderation/needles/tails.py's Sentence), not tried at each sentence's start (10.8 us a run over an English comment)
_EN_FEEL_MARKS, _EN_FEEL_WORDS = r"[.!?;:\n]", 8
_EN_FEEL_HEAD = r"(?:^|(?<=" + _EN_FEEL_MARKS + r") *)(?:" + _EN_FEEL_WORD + r"){1," + str(_EN_FEEL_WORDS) + "}?"
_EN_FELT = (r"(?:make (?:me|us) (?:feel )?(?:sick|ill|nauseous|puke|vomit"
            r"|want to (?:puke|vomit|throw up))|(?:disgust|repulse|revolt|sicken|nauseate|appal|appall) (?:me|us)"
            r"|turn (?:my|our) stomachs?|make (?:my|our) (?:skin crawl|stomach turn|flesh creep|blood boil)"
            r"|fill (?:me|us) with (?:disgust|loathing|contempt|hatred|hate|revulsion))(?![a-z])")
def _alternation(words) -> str:
    """Words as one regex alternation, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))


# session 41: the disgust frame aimed at a group ("the smell of the [group] next door makes me gag", "the sight of
# [group] in our park turns my stomach"): the object decides, so only a plural group noun or a people named with a
# word for people, never an adjective before a thing ("the smell of the Indian takeaway", "Chinese", "Vietnamese"
# cooking), a thing or a place (neg_disgust's rows), nor a group in a plight or a treatment ("the sight of [group]
# sleeping rough / being abused", _EN_NOT_AT), nor a feeling of worry ("sick with worry"), nor across a negation.
# The adjective and the word for people apart, not their 4,500 pairs (each pair an alternative, every frame's object
# tried them all: 0.2 s on 20,000 characters of "the sight of the bins makes me sick")
_EN_DISGUST_NOUNS = ({g for g in GROUPS if g.isascii() and g.endswith("s") and g not in ("chinese", "japanese")}
                     | {g for g in PEOPLES_EN if not g.endswith("ese")})
_EN_DISGUST_AT = (_alternation(_EN_DISGUST_NOUNS) + "|(?:" + _alternation(_GROUP_ADJECTIVES_EN) + ") (?:"
                  + _alternation(_PEOPLE_NOUNS_EN) + ")")
_EN_NOT_WORD = r"(?:not|never|no|nothing|doesn['’]t|don['’]t|didn['’]t|won['’]t|wouldn['’]t|hardly)(?![a-z'’])"
_EN_DISGUST = (r"(?<![a-z])(?:the|their) (?:very |mere )?(?:sight|smell|stench|stink|reek|presence|thought) of"
               r" (?:(?:the|those|these|all the|all those|all these|our|my) )?(?:[a-z'’-]{1,20} )??(?:" + _EN_DISGUST_AT
               + r")(?![a-z'’])" + _EN_NOT_AT + r"(?: (?!" + _EN_NOT_WORD + r")[a-z'’,-]{1,20}){0,5}?"
               r" (?:makes? (?:me|us)(?: (?:feel|want to))? (?:sick|ill|gag|retch|heave|puke|vomit|throw up|nauseous)"
               r"|turns? (?:my|our) stomachs?|makes? (?:my|our) (?:skin crawl|stomach turn|flesh creep)"
               r"|(?:disgusts?|sickens?|revolts?|repulses?|nauseates?) (?:me|us)"
               r"|fills? (?:me|us) with (?:disgust|revulsion|loathing))(?![a-z])(?! with (?:worry|fear|grief|sadness"
               r"|anger|rage|shame|guilt|nerves|dread))")
_EN_FEEL = (
    _EN_DISGUST,
    _EN_FEEL_HEAD + _EN_FELT,
    r"(?<![a-z])(?:i['’]m|im|i am|we['’]re|we are) (?:so |really |just |getting |fucking |absolutely )?(?:sick"
    r"|sick and tired|fed up) (?:of|with)" + _EN_NOT_AT
    + r"(?! (?:it|this|that|everything|all this|all of this)(?![a-z'’]))(?= [a-z])",
    # weariness with whom the object names (session 16): tired / weary / exhausted by / done with, had enough of, how
    # tired I am of; not of a thing the writer has ("my job", "the rain") nor of what is done to them (_EN_NOT_AT)
    r"(?:(?<![a-z])(?:i['’]m|im|i am|we['’]re|we are) (?:so |really |just |getting |fucking |absolutely |completely"
    r" )?(?:tired of|weary of|exhausted by|done with)|(?<![a-z])(?:i|we)(?:['’]ve| have) (?:just |really )?had"
    r" enough of|(?<![a-z])how (?:tired|weary|sick) (?:i am|i['’]m|we are|we['’]re) of)" + _EN_NOT_AT
    + r"(?! (?:it|this|that|everything|all this|all of this|the|my|our|your|his|her|work|school|life|waiting)"
      r"(?![a-z'’]))(?= [a-z])",
    r"(?<![a-z])(?:i|we) (?:have|feel|hold) (?:nothing but |only |such |so much |pure |utter |deep )?(?:contempt"
    r"|disdain|disgust|loathing|hatred|revulsion) (?:for|towards?)" + _EN_NOT_AT + r"(?= [a-z])",
    r"(?<![a-z])are (?:all |just |so |such |really |fucking |absolutely |truly )?(?:revolting|repulsive|vile"
    r"|sickening|repugnant|despicable|contemptible|nauseating)(?![a-z])",
)


# the writer endorsing what someone else feels or says (session 16: "everyone at the pub hates [group], and rightly so",
# "[someone] says [group] are parasites, and he's right"): moderation/targets/reported.py gives an endorsed report back
# to the writer, and a third person's hatred with an endorsement after it in the sentence is a hate construction
ENDORSED_EN = (r"(?:and |but |so )?(?:(?:honestly|frankly|tbh|to be fair),? )?(?:(?:he|she|they|you|who)"
               r"(?:['’]s|['’]re| is| are| was| were) (?:(?:absolutely|totally|completely|dead|so|quite) )?(?:right"
               r"|correct|spot on|not wrong|onto something)|(?:he|she|they)(?:['’]s| has| have| had)? (?:got )?a point"
               r"|rightly so|i (?:completely |totally |fully )?agree|(?:i )?couldn['’]t agree more|(?:so|neither) do i"
               r"|i don['’]t blame (?:him|her|them)"
               # session 41 (read2): the reach of reported calls without quotation marks (reported.py) leaves this list
               # to tell the writer's agreement from a report: "..., and i'm with him on that", "who can blame them"
               r"|(?:i['’]?m|i am) with (?:him|her|them)(?: on (?:this|that|it))?(?= *(?:[,.!?;:)\n]|$))"
               r"|who (?:can|could) blame (?:him|her|them)|fair enough)(?![a-z])")
_EN_ENDORSED_HATE = (r"(?<![a-z])(?:hates|hate|despises|despise|loathes|loathe|detests|detest|can['’]?t stand)(?![a-z])"
                     r"(?! to )[^.!?\n]{1,60}?[ ,;:]" + ENDORSED_EN)


# a question that asserts an attack on a group (session 35, issue 12 "(d)"): why a group is so / always a bad quality
# ("why are [group] so lazy", "why are [group] always this dishonest"), why it always does a bad deed ("why do [group]
# always lie", "why do [group] keep causing trouble"), or who could stand one ("who would trust a [group]", "how can
# anyone respect [group]"; not who would hire, love or marry one: "who would hire a refugee without papers" asks about
# the law, "who would ever love a trans woman like me" is the writer's fear; nor "have to lie", "beg": need, not vice):
# the group named right after the question's verb, at most one word before the quality. Not
# "why are so many / most [group] ..." (a question about numbers: "why are so many refugees unemployed"), not a
# treatment ("why are [group] always blamed"), not "these / those / you people" (said of anyone); a quality or a deed
# of the lexicon below only, so "why are [group] so underrepresented / poor / angry" asks a question
_EN_Q_GROUPS = "|".join(sorted((re.escape(g) for g in GROUPS if (g.isascii() and not g.endswith(" people"))
                                or g in ("black people", "gay people", "trans people", "disabled people")),
                               key=lambda g: (-len(g), g)))
_EN_Q_GROUPS += r"|(?:gay|lesbian|trans|black|asian|arab|african|indian|mexican|disabled|muslim|jewish)(?= [a-z]+s\b)"
_EN_Q_BAD = (r"(?:lazy|violent|dirty|filthy|greedy|stupid|dumb|thick|dishonest|aggressive|smelly|arrogant|entitled|rude"
             r"|primitive|backward|ignorant|selfish|useless|disgusting|evil|sneaky|untrustworthy|ungrateful|savage"
             r"|barbaric|inferior|worthless|pathetic|vile|creepy|hateful|bad at everything|obsessed with money)")
_EN_Q_DEED = (r"(?:lie|steal|cheat|scrounge|sponge|riot|loot|smell|stink|breed like|whine|moan|cause trouble"
              r"|causing trouble|commit crimes?|committing crimes?|rape|raping|play the victim"
              r"|playing the victim|ruin|ruining|destroy|destroying|take our jobs|taking our jobs|hate us"
              r"|act like animals|lying|stealing|cheating|moaning|whining|complaining|scrounging|rioting|looting)")
# read2 (session 35): the one word between the group and its quality or deed is not a negation, a hedge or a verb of
# labelling ("why are [group] called / considered / branded lazy", "why do [group] supposedly / never / rarely
# steal": a stereotype questioned, counter-speech), and who could trust "the [people] government / army" asks of a
# state, "[people] who cheer this war" of some of them
_EN_Q_FREE = (r"(?!(?:not|never|rarely|seldom|hardly|less|no|supposedly|allegedly|apparently|reportedly|said|called"
              r"|considered|branded|labell?ed|seen|thought|assumed|deemed|portrayed|painted|accused|stereotyped"
              r"|believed|claimed|presumed|made|told|expected|meant|perceived|described|depicted)(?![a-z'’]))"
              r"[a-z'’]{1,20}")
_EN_Q_BODIES = (r"government|state|regime|army|military|soldiers|troops|authorities|embassy|police|media|press"
                r"|leadership|president|ambassador|officials|side|who|that")
_EN_QUESTION = (
    r"(?<![a-z])why (?:are|were|is) (?!so many |most |some )(?:all |the |these |those )?(?:" + _EN_Q_GROUPS + r")"
    r"(?: " + _EN_Q_FREE + r")?? (?:always |all |often |still |ever |just )?"
    r"(?:so |such |this |that |this damn |so damn )?"
    r"(?:a bunch of |a load of )?" + _EN_Q_BAD + r"(?![a-z])",
    r"(?<![a-z])why (?:do|does|did) (?:all |the |these |those )?(?:" + _EN_Q_GROUPS + r")"
    r"(?: " + _EN_Q_FREE + r")?? (?:always |all |constantly |keep |never stop |still |just |insist on )?"
    + _EN_Q_DEED + r"(?![a-z])",
    r"(?<![a-z])(?:who (?:would|could|can|will) (?:ever |possibly )?|how (?:can|could|would) (?:anyone|anybody|you"
    r"|people|we) (?:ever |possibly |really )?)(?:trust|respect|believe|stand|tolerate)"
    r" (?:a |an |any |the )?(?:" + _EN_Q_GROUPS + r")(?![a-z])(?! (?:" + _EN_Q_BODIES + r")(?![a-z]))",
)


# session 34: "can't" also written without its apostrophe ("i cant stand [group]"), "subhuman" with a hyphen or a space
# HATE_EN's alternatives apart, in its order (the feelings' and the exclusion's words are rare, one alternation made
# the engine try each at every position): signals scans each only behind its own needles, as THREAT_EN_PARTS
HATE_EN_PARTS = tuple(compiled(part) for part in (
    r"(?<![a-z])(?:i|we) (?:really |just |absolutely |truly |fucking |so |totally |all )?(?:hate|despise|detest|loathe"
    r"|resent"
    r"|abhor|can['’]?t stand|cannot stand|can['’]?t bear|cannot bear|can['’]?t stomach)(?![a-z])(?! to )"
    # not "can't stand by / idly by / back and watch" (read2 s34: refusing to look on, "we cant stand by and watch
    # Ukrainians die")
    r"(?! (?:idly |silently |quietly )?(?:by|back|aside)(?![a-z]))"
    r"(?! (?:[a-z'’,]{1,20} ){0,3}?(?:being|getting)(?![a-z'’]))",
    *_EN_FEEL,
    r"(?<![a-z])(?:are|is) (?:all |just |nothing but |such |so |a bunch of )?(?:vermin|animals|rats|parasites|scum|"
    # "subhuman" as one word only: "sub-human" / "sub human" also said of a treatment or conditions ("the way this
    # government treats migrants is sub-human", read2 s34 round B), which this predicate cannot tell from an attack
    r"subhuman|savages|cockroaches|pigs|apes|filth|trash|a plague|a disease|a cancer|disgusting|inferior"
    r"|worthless|criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic)(?![a-z])",
    *_EN_EXCLUDE,
    _EN_IN_CHARGE,
    _EN_ENDORSED_HATE,
    *_EN_DENY_POSITIVE,
    *_EN_QUESTION,
))


HATE_EN = Joined(HATE_EN_PARTS)


# the denied praise of a one-word subject (its pattern read from the start of any word: 14-18 us over an English comment
# that holds a negated copula) tried only at the word before where its denial matches
_DENIED_PART = HATE_EN_PARTS.index(next(rx for rx in HATE_EN_PARTS if rx.pattern == _EN_DENY_POSITIVE[0]))
# the removal call ("kick them out": its opening read from the text's start or a word before, 14 us a run over an
# English comment, the engine trying it at each position) read back from where its verb's call matches
_EJECT_PART = HATE_EN_PARTS.index(next(rx for rx in HATE_EN_PARTS if rx.pattern == _EN_EJECT_HEAD + _EN_EJECT))
HATE_EN_TAILS = {_DENIED_PART: (compiled(_EN_DENY_POSITIVE[0][len(_EN_DENIED_WORD):]), width(_EN_DENIED_WORD),
                                None),
                 _EJECT_PART: (compiled(_EN_EJECT), 0, Opened(_EN_EJECT_MARKS, _EN_EJECT_WORDS)),
                 HATE_EN_PARTS.index(next(rx for rx in HATE_EN_PARTS if rx.pattern == _EN_FEEL_HEAD + _EN_FELT)): (
                     compiled(_EN_FELT), 0, Sentence(_EN_FEEL_MARKS, _EN_FEEL_LETTERS, _EN_FEEL_WORDS))}
