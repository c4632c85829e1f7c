"""English attacks that withhold a good from a group: a positive denied, a grant refused, a rule of one in charge."""

from __future__ import annotations

import re

from moderation.wordlists.alternation import alternation
from moderation.wordlists.context import POSITIVE_EN
from moderation.wordlists.groups import GROUPS, GROUPS_NAMED, SLURS

# an adverb of certainty before the negation (session 34: "[group] are clearly not welcome", "are definitely not
# human"): the subject stays where the attack starts, before the predicate denied.py reads as denied
_CERTAINLY = (r"absolutely|certainly|definitely|clearly|obviously|simply|categorically|surely|most certainly"
              r"|most definitely")

# a positive the writer denies whom a subject names, the attack itself ("[group] are not honest", "[group] are not our
# equals" (session 33: a possessive before the positive, of a group word only), "I have zero respect for [group]"
# (session 33: zero, not an ounce of, not a shred of, as "no"; read2 s34: only of a group or a people, since "I have
# zero respect for this government / Putin / the referee" is civil criticism), "will never be decent
# citizens", "can't be trusted", "have never been good at", "are no good", "I don't respect [group]", "don't deserve
# rights"): from the subject, so a denial of the predicate alone (moderation/targets/denied.py, which keeps a denied
# positive's words the writer's) does not take it for a denied attack; bare "good" only as a quality of people
# what a group is refused when the refusal is the attack: a grant as a participle ("allowed", "welcomed", "given") and
# as a verb ("hire", "house", "serve"); and the group words a refusal must name within three words
_EN_GRANTED = (r"(?:[a-z'’]{1,20} )?(?:allowed|permitted|welcomed|trusted|given|hired|employed|housed|helped|served"
               r"|heard|educated|admitted|accepted|tolerated|let in|promoted|respected|protected|sheltered|rescued"
               r"|listened to|treated as equals)(?![a-z])")
_EN_GIVE = (r"(?:hire|employ|house|serve|admit|shelter|help|welcome|accept|tolerate|value|rent to|promote|educate"
            r"|let in|vote for|play with|befriend|marry|date|sit next to|work with)(?![a-z])")
_EN_GROUPS = "|".join(sorted((re.escape(g) for g in GROUPS if g.isascii()), key=lambda g: (-len(g), g)))
# a group also named by its adjective before any noun ("gay dads", "black men", "disabled tenants"), which the group
# list holds only with a fixed noun
_EN_GROUPS = _EN_GROUPS + (r"|(?:gay|lesbian|trans|black|asian|arab|african|indian|mexican|disabled|immigrant|refugee"
                           r"|migrant|foreign|muslim|jewish)(?= [a-z])")
_EN_GROUP_AFTER = r"(?= (?:[a-z'’]{1,20} ){0,3}?(?:" + _EN_GROUPS + r")(?![a-z]))"
# whom respect is withheld from ("I have zero respect for Hindus", "... for any of these so-called refugees"): a group
# word or a named people (Hindus, Sikh families) within four words, not a government, a minister, a referee, nor one in
# a relative clause ("zero respect for people who say Muslims are terrorists": counter-speech) (read2 s34)
_EN_NAMED = alternation(g for g in GROUPS_NAMED if g.isascii())  # 5,000 characters, not 71,000: the same matches
_EN_RESPECTED = (r"(?= (?:(?!(?:who|that|which|whose)(?![a-z]))[a-z'’-]{1,20} ){0,4}?(?:" + _EN_GROUPS + "|"
                 + _EN_NAMED + r")(?![a-z]))")
# session 45 (prof, s44): an exclusion by someone in charge of a place (a role, one word may qualify it: "the new
# headmaster", "the site foreman"), of whom a group word, a people or a slur names
# ("I'm the landlord here and [group] need not apply", "I'm the manager so [group] won't be working the tills on my
# shift", "as chair of the club I'll make sure no [slur] ever plays", "I'm the one hiring, so no [group], end of"):
# the writer's role, then in its sentence the group kept from a doing or a grant that is the writer's to give (here,
# my, our, this, for me), or "no [group]" closing the clause; what the group will not suffer is none ("so [group]
# won't be treated any differently", "won't be missing out")
_EN_ROLE = (r"(?:(?<![a-z'’])(?:i['’]m|im|i am|as) (?:the |a |an )?(?:[a-z]{2,20} )?"
            r"(?:landlord|landlady|manager|owner|boss|head"
            r"|headteacher|headmaster|headmistress|principal|chair|chairman|chairwoman|director|supervisor|foreman"
            r"|gaffer|ceo|licensee|proprietor|coach|captain|organi[sz]er|one hiring|one doing the hiring|one in charge"
            r"|person in charge|one who hires|one who decides)(?![a-z])"
            r"|(?<![a-z'’])(?:i|we) (?:run|own|manage) (?:this|the|a|my|our) [a-z]{2,20}(?![a-z]))")
_EN_WHOM = (r"(?:" + _EN_GROUPS + "|" + alternation(g for g in (*GROUPS_NAMED, *SLURS, "homos", "fags") if g.isascii())
            + r")(?![a-z])")
_EN_MINE = (r"(?: (?:[a-z'’]{1,20} ){0,3}?(?:here|my|our|this|for me|for us|from me|from us|with me|with us"
            r"|under me|while i['’]m)(?![a-z'’])"
            r"|(?= *[.!?,;]|$))")
# a doing or a grant kept from the group; one said with a time, a manner or an amount is an arrangement ("won't be
# working nights alone", "won't be working on Eid", "won't be playing for free")
_EN_DOING = (r"(?:work|working|teach|teaching|rent|renting|play|playing|serve|serving|coach|coaching|join|joining"
             r"|set foot|setting foot|step foot|stepping foot|welcome|wanted|hired|employed|served|allowed|admitted"
             r"|accepted|housed|let in|getting (?:served|hired|a job|in|a room|a flat|a table|a shift|a game))(?![a-z])"
             r"(?! (?:nights|weekends|late|early|alone|extra|overtime|during|unpaid|for free|for less|for nothing|more"
             r"|longer|harder|any more|on (?:eid|christmas|holidays?|the sabbath|shabbat|sundays?|fridays?|saturdays?"
             r"|bank holidays?))(?![a-z]))")
_EN_IN_CHARGE = (
    _EN_ROLE + r"[^.!?\n]{0,60}?(?<![a-z'’])(?:" + _EN_WHOM + r"(?: [a-z'’]{1,20}){0,2}? (?:need not|needn['’]t)"
    r" (?:apply|bother)(?![a-z])|" + _EN_WHOM + r"(?: [a-z'’]{1,20}){0,2}? (?:won['’]t|will not|will never"
    r"|will no longer|shall not|shan['’]t|aren['’]t|are not|don['’]t|do not|can['’]t|cannot)(?: (?:ever|be|get to"
    r"|be allowed to|be getting|going to be)){0,2} " + _EN_DOING + _EN_MINE + r"|no (?:" + _EN_WHOM + r")(?: (?:ever"
    r"|will|shall|gets to)){0,2} (?:plays?|works?|teaches|teach|rents?|gets?|sets? foot|joins?|comes?|steps?)(?![a-z])"
    r"|no (?:" + _EN_WHOM + r")(?:,? (?:end of|full stop|period|ever|here|please|thanks|thank you|allowed"
    r"|(?:in|on|at|near|inside) (?:my|our|this) [a-z'’]{1,20}))?"
    r"(?= *[.!?,;]|$))")
_EN_POSITIVE = "|".join(sorted({w for w in POSITIVE_EN if w != "good"}, key=lambda w: (-len(w), w)))
# a praise denied to a subject of one word (the subject, then the denial: tried only before where the denial is,
# moderation/needles/tails.py's one-word head)
_EN_DENIED_WORD = (r"(?<![a-z'’])(?!(?:i|i['’]m|im|we|we['’]re|you|you['’]re|it|this|that|there|what|which)"
                   r"(?![a-z'’]))[a-z'’]{1,20} ")
_EN_DENY_POSITIVE = (
    _EN_DENIED_WORD
    + r"(?:(?:are|is|were|was)(?:n['’]t| not| never| (?:" + _CERTAINLY + r") (?:not|never))|never (?:are|is|were|was)"
    r"|(?:(?:will|would|could|can|wo|ca)"
    r"(?:n['’]t| not| never)|cannot|can never|could never) be|(?:have|has)(?:n['’]t| not| never) been)"
    r"(?: (?:a|an|really|very|so|that|truly|fully|ever|even|at all|particularly|remotely))? (?:" + _EN_POSITIVE
    + r"|good (?:at|for|enough|people|citizens|neighbours|neighbors|parents|workers|drivers|doctors|teachers"
    r"|friends))(?![a-z])",
    # a possessive before the positive only when the subject is a group word (read2 F15, session 33: "Kids are not
    # our equals, they need boundaries." and "Robots are not our equals." read as hate statements)
    r"(?<![a-z])(?:" + _EN_GROUPS + r") (?:(?:are|is|were|was)(?:n['’]t| not| never)|never (?:are|is|were|was)"
    r"|(?:(?:will|would|could|can|wo|ca)(?:n['’]t| not| never)|cannot|can never|could never) be"
    r"|(?:have|has)(?:n['’]t| not| never) been)(?: (?:really|truly|fully|ever|even))? (?:our|your|my|anyone['’]s"
    r"|anybody['’]s) (?:" + _EN_POSITIVE + r")(?![a-z])",
    r"(?<![a-z])(?:are|is|were|was) no good(?= *(?:$|[.!?,;:]| for| at| to| as))",
    r"(?<![a-z])(?:i|we) (?:(?:do|did|will|would|could|ca|wo)(?:n['’]t| not)|never|could never|will never)"
    r"(?: (?:ever|really|even))? (?:respect|trust)(?![a-z])"
    r"|(?<![a-z])(?:i|we) (?:have|feel|hold|got) (?:no|zero|nil|not an ounce of|not a shred of|not one bit of)"
    r" respect for(?![a-z])" + _EN_RESPECTED,
    r"(?<![a-z])(?:do|does|did)(?:n['’]t| not) deserve (?:[a-z'’-]{1,20} ){0,4}?(?:respect|rights|dignity|equals"
    r"|equality|to live|to exist|a place|a home|a chance|kindness|compassion)(?![a-z])",
    # a good thing a group must not be given ("[group] should not be welcomed", "must never be given a roof", "ought
    # not to be heard", "no [group] should ever be served"), from the subject (a group word, at most two words before
    # the modal: "kids shouldn't be allowed on phones" is none): denied.py reads the same modal with a harm named
    # ("should not be driven out") as denied
    r"(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:(?:should|must|shall)(?:n['’]t| not| never)"
    r"|ought(?: not| never) to)(?: ever)? be " + _EN_GRANTED,
    r"(?<![a-z])no (?!one |body )[a-z'’]{1,20}(?: [a-z'’]{1,20}){0,2}? (?:should|must)(?: ever)? be " + _EN_GRANTED,
    # a good thing refused to a group by someone who should give it ("landlords must never house [group]", "the school
    # shouldn't admit [group] pupils"), or by the writer ("I would never hire a woman", "we won't play with the
    # [group] kids"): the group named within three words of the verb
    r"(?<![a-z])(?:(?:should|must|shall)(?:n['’]t| not| never)|(?:i|we)(?:(?:['’]d|['’]ll| would| will| could)"
    r" never| (?:would|will|could|wo|do|did)(?:n['’]t| not)| never))(?: ever)? " + _EN_GIVE + _EN_GROUP_AFTER,
    # a good deed or a virtue a group is said never to do or have ("[group] do not work for a living", "never play
    # fair", "don't raise their own children", "have no morals")
    r"(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:(?:do|does|did)(?:n['’]t| not)|never)(?: ever"
    r"| really)? (?:work|contribute|pay (?:taxes|tax|their way)|integrate|raise their|play fair|love (?:this|our)"
    r"|care about|obey|tell the truth|wash|learn the language)(?![a-z])"
    r"|(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:have|has|had) no (?:morals|work ethic|culture"
    r"|manners|shame|loyalty|respect for|place in|right to|rights|brains|values|decency|honou?r|integrity"
    r"|sense of)(?![a-z])",
)
