"""English attacks that withhold a good from a group: a positive denied, a grant refused, a rule of one in charge."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.wordlists.alternation import alternation
from moderation.wordlists.context import POSITIVE_EN
from moderation.wordlists.groups import _GROUP_ADJECTIVES_EN, GROUPS, GROUPS_NAMED, SLURS

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
            r"|gaffer|ceo|licensee|proprietor|coach|captain|organi[sz]er|secretary|treasurer|steward|warden"
            r"|one hiring|one doing the hiring|one in charge"
            r"|person in charge|one who hires|one who decides)(?![a-z])"
            r"|(?<![a-z'’])(?:i|we) (?:run|own|manage) (?:this|the|a|my|our) [a-z]{2,20}(?![a-z])"
            r"|(?<![a-z'’])(?:i|we) (?:do|handle) (?:the |all the )?(?:hiring|recruiting|recruitment|lettings|letting"
            r"|interviewing)(?![a-z]))")
# whom the rule keeps out: a group word, a people, a slur, or Travellers (session 46: "travellers" is no group word,
# since most travellers are passengers, but kept out by someone in charge they are the people)
_EN_WHOM = (r"(?:" + _EN_GROUPS + "|" + alternation(g for g in (*GROUPS_NAMED, *SLURS, "homos", "fags", "travellers",
                                                                "travelers") if g.isascii())
            + r")(?![a-z])")
_EN_MINE = (r"(?: (?:[a-z'’]{1,20} ){0,3}?(?:here|my|our|this|for me|for us|from me|from us|with me|with us"
            r"|under me|while i['’]m|on it|in it|in here)(?![a-z'’])"
            r"|(?= *[.!?,;]|$))")
# a doing or a grant kept from the group; one said with a time, a manner or an amount is an arrangement ("won't be
# working nights alone", "won't be working on Eid", "won't be playing for free")
_EN_DOING = (r"(?:work|working|teach|teaching|rent|renting|play|playing|serve|serving|coach|coaching|join|joining"
             r"|set foot|setting foot|step foot|stepping foot|welcome|wanted|hired|employed|served|allowed|admitted"
             r"|accepted|housed|let in|getting (?:served|hired|a job|in|a room|a flat|a table|a shift|a game))(?![a-z])"
             r"(?! (?:nights|weekends|late|early|alone|extra|overtime|during|unpaid|for free|for less|for nothing|more"
             r"|longer|harder|any more|on (?:eid|christmas|holidays?|the sabbath|shabbat|sundays?|fridays?|saturdays?"
             r"|bank holidays?))(?![a-z]))")
# a group's adjective ("a Somali lad", "turns out to be gay")
_EN_GROUP_ADJ = "(?:" + "|".join(sorted({*_GROUP_ADJECTIVES_EN, "transgender", "queer", "homosexual", "muslim",
                                          "jewish", "jew", "autistic"}, key=lambda w: (-len(w), w))) + ")"
# a word for a person or people after a group's adjective ("an Indian family", "a Muslim lad")
_EN_PERSON = (r"(?:family|families|man|men|woman|women|person|people|couple|couples|lad|lads|girl|girls|bloke|blokes"
              r"|guy|guys|kid|kids|child|children|lodger|lodgers|tenant|tenants|student|students|worker|workers"
              r"|staff|teacher|teachers|driver|drivers|nurse|nurses|applicant|applicants|lecturer|lecturers|doctor"
              r"|doctors|cleaner|cleaners|chef|chefs|pupil|pupils|player|players|employee|employees|colleague"
              r"|colleagues)(?![a-z'’])")
# session 46: the writer's own refusal of a grant to the group ("I don't rent to [people] and never will", "I'll never
# take on a [group]"), ended by a closed list (the clause's end, "and never will", "ever again", a place of the
# writer's): a refusal with a manner or an amount ("for less than", "any differently") is none
_EN_REFUSE = (r"(?:i|we)(?:(?:['’]ll|['’]d| will| would| shall)? never"
              r"| (?:do|will|would|wo|can|ca|shall)(?:n['’]t| not)| refuse to| cannot)(?: ever)?"
              r" (?:(?:rent|let)(?: (?:a room|rooms|a flat|flats|a house|houses|my flats?|property))? to|hire|take on"
              r"|employ|serve|sell to|admit|accept|house|teach|coach|sign|take in"
              r"|do business with|give (?:a job|work|jobs|a room|a flat|a table) to)"
              r" (?:a |an |any |the |them |those |these |more )?(?:" + _EN_WHOM + r"(?: " + _EN_PERSON + r")?|"
              + _EN_GROUP_ADJ + r" " + _EN_PERSON + r")"
              r"(?= *[.!;]|$|,? (?:and (?:i )?never will|and i won['’]t|ever|again|ever again|any ?more|here"
              r"|(?:in|at|on|into|under) (?:my|our|this)|from (?:me|us)|while i['’]m|as long as i['’]m|full stop"
              r"|period|end of|simple as|no matter what|no exceptions)(?![a-z'’]))")
# session 46 (read2's round d, kept as misses): the writer who will not have one of the group at a post ("I won't have
# a [group] teaching girls' PE"), the post said at the clause's end (at most three words after the doing; "... bullied
# by parents" is none), and the group sent to look elsewhere ("[group] can look elsewhere", a closed end: "... if they
# want, but ..." or "... for cheaper pitches" is none)
# session 47 (read2's round m): a word saying how they would be treated there, not what or where ("I won't have a
# [group] worker working unpaid overtime", "... family living with damp", "... pupils playing alone at break")
_EN_HOW = (r"(?:with|without|alone|unpaid|overtime|unsupervised|unsafe|unsafely|nights|late|extra|during|for|under"
           r"|in (?!(?:my|our|this|here)(?![a-z'’])))(?![a-z'’])")
# what may follow the doing (read2's round r, s47: a list of manners stays open, "working double shifts", "playing on
# their own"): the clause's end, "here", a place or a thing of the writer's ("in my school", "working my tills"; one
# describing word of a closed list before it, "my new flats", not one that makes it a hardship, "my broken forklift",
# "my freezing portakabin": read2's round t), near
# "the" thing, or what is taught or coached ("teaching girls' PE", "coaching first years", no word of how)
_EN_NOT_HAVE_END = (r"(?: here| (?:(?:in|on|at|near|behind|inside|round|around|for|under|with|from) )?(?:my|our|this"
                    r"|these)(?: (?:new|own|main|local|whole|other|old|front|back|top))? [a-z'’]{1,20}"
                    r"|(?<=near) (?:the|any) [a-z'’]{1,20}(?: [a-z'’]{1,20})?"
                    r"|(?<=teaching|coaching)(?: (?!" + _EN_HOW + r")[a-z'’]{1,20}){1,3}?)?(?= *[.!;]|$)")
_EN_NOT_HAVE = (r"(?:i|we)(?:(?:['’]ll|['’]d| will| would)? never| (?:will|would|wo)(?:n['’]t| not)| refuse to)"
                r" (?:have|tolerate) (?:a |an |any |the |them |those |these )?(?:" + _EN_WHOM + r"(?: " + _EN_PERSON
                + r")?|" + _EN_GROUP_ADJ + r" " + _EN_PERSON + r") (?:teaching|coaching|working|serving|running"
                r"|handling|looking after|cooking|nursing|driving|playing|living|renting|staying|anywhere near"
                r"|near)" + _EN_NOT_HAVE_END)
_EN_ELSEWHERE = (r"(?: [a-z'’]{1,20}){0,2}? (?:can|will have to|['’]ll have to|should|must|need to|can go and|can just)"
                 r" (?:look|go|try|shop|drink|eat|stay|live|work|rent|find (?:somewhere|a room|a flat|a job|work))"
                 r" (?:elsewhere|somewhere else)(?= *[.!?;]|$|,? (?:then|instead|full stop|thanks|end of)(?![a-z'’]))")
# session 46: a rule of sacking whoever of the staff turns out to be of the group ("any teacher who turns out to be
# [group] gets the sack", "if a [worker] comes out as [group], they're out"): the group said as an identity (an
# adjective of the group, a group word or a people), then a sacking; a conduct ("who turns out to be a bully", "who
# abuses a [group] colleague") or a support ("will be backed by me") is none
_EN_IDENTITY = r"(?:(?:a |an )?(?:" + _EN_WHOM + "|" + _EN_GROUP_ADJ + r")(?![a-z'’]))"
_EN_TURNS_OUT = (r" (?:is|turns out to be|turned out to be|comes out as|came out as|is found to be|admits to being"
                 r"|admits being|is outed as|gets outed as) " + _EN_IDENTITY)
_EN_SACKED = (r"(?:(?:gets|will get|get|is getting) (?:the sack|sacked|fired|the boot|the chop|shown the door"
              r"|kicked out|let go|booted out)|(?:is|will be|['’]s|['’]ll be|are|['’]re) (?:fired|sacked|let go"
              r"|shown the door|out on (?:his|her|their) ears?|out the door|out of (?:a job|work|here|the door)"
              r"|(?:out|gone)(?= *[.!;]|$)))(?![a-z'’])")
_EN_SACKING = (r"(?:any|every|each|the first) [a-z'’]{1,20}(?: [a-z'’]{1,20})? (?:who|that)" + _EN_TURNS_OUT
               + r",? " + _EN_SACKED + r"|if (?:a|an|any|one of my|one of our) [a-z'’]{1,20}(?: [a-z'’]{1,20})?"
               + _EN_TURNS_OUT
               + r",? (?:(?:he|she|they)(?: |(?=['’]))|then (?:he |she |they )?)" + _EN_SACKED)
# what may follow "[group] need not apply" (session 46: a closed list, since "... need not apply to the council for a
# pitch any more" tells them where not to apply, not that the writer keeps them out): the clause's end, "here", a post
# or a home the writer gives ("for the supervisor job", "for this flat", "to me"; not a thing already theirs: read2's
# "need not apply for the new toilets / a parking permit"), then the sentence's end or a word that closes the rule
# ("full stop", "thanks", "ever"): anything else after it voids it (read2's round j: "..., it's already theirs", "...,
# Amir has already got it")
_EN_POST = (r"(?:job|jobs|post|posts|position|positions|role|roles|vacancy|vacancies|flat|flats|room|rooms|house"
            r"|houses|tenancy|lease|place|places|shift|shifts|apprenticeship|internship|contract|team|squad"
            r"|membership)(?![a-z'’])")
_EN_APPLY_END = (r"(?: (?:here|to (?:me|us)|to (?:this|my|our) [a-z'’]{1,20}|for (?:this|the|a|my|our|any)"
                 r"(?: [a-z'’]{1,20})? " + _EN_POST + r"(?: (?:above|below|behind|next to|near|in|at|on|over)"
                 r" (?:the|my|our|this) [a-z'’]{1,20})?))?(?= *[.!?;]|$|,? (?:here|full stop|period|end of|simple as"
                 r"|thanks|thank you|again|ever|no exceptions|sorry|it['’]s mine to give)(?![a-z'’]))")
# "need not bother" ends the comment or takes a closed word: a next sentence may grant what they need not ask for
# (read2's round m, s47: "[group] tenants need not bother. The deposit is already waived for them.")
_EN_BOTHER_END = (r"(?: (?:here|applying|asking))?(?= *[.!]* *$|,? (?:full stop|period|end of|simple as|ever|again"
                  r"|no exceptions)(?![a-z'’]))")
# session 47: someone else's word or view inside the role's sentence ("I'm the landlord and my agent thinks [group] need
# not apply", "... the owner says ..."): the rule after it is theirs, not the writer's; a verb of saying or thinking in
# the third person, or in the past after anyone but I / we ("I'm the landlord and I said it before, ..." stays)
_EN_THEIR_SAY = (r" (?:says|thinks|reckons|believes|claims|insists|tells|wants|feels|writes|argues|suggests"
                 r"|(?<! i )(?<! we )(?<!^i )(?<! i['’]ve )(?<! we['’]ve )(?:said|thought|reckoned|believed|claimed"
                 r"|insisted|told|wanted|felt|wrote|argued|suggested))(?![a-z'’])"
                 r"(?! (?:the same|like me|like i do|as i do|with me|so too)(?![a-z'’]))")
# a view of others the writer overrides ("whatever my agent says, [group] need not apply", "no matter what the governors
# want, ..."): the rule is the writer's again (read2's round p, s47)
_EN_OVERRIDES = (r"[^.!?\n]{0,24}?(?<![a-z'’])(?:whatever|no matter what|regardless of what|despite what"
                 r"|never mind what|contrary to what|in spite of what|unlike what|forget what|ignore what"
                 r"|say what)(?![a-z'’])[^.!?\n]{0,48}?")
# what may stand between the role and the rule: the rest of the role's sentence, or (session 46) that sentence's end
# and at most two words of a closed list opening the next ("I'm the landlord here. [group] need not apply.", "...
# So, [group] need not apply."; not "... He says [group] need not apply")
_EN_CHARGE_GAP = (r"(?:" + _EN_OVERRIDES + r"|(?:(?!" + _EN_THEIR_SAY + r")[^.!?\n]){0,60}?)"
                  r"(?:[.!?]+ +(?:(?:so|and|simple|simply|look|listen|well|now|basically|honestly|frankly|right|yes"
                  r"|yeah|sorry|but)[,:]? ){0,2}?)?")
_EN_IN_CHARGE = (
    _EN_ROLE + _EN_CHARGE_GAP + r"(?<![a-z'’])(?:" + _EN_REFUSE + "|" + _EN_SACKING + "|" + _EN_NOT_HAVE + "|"
    + _EN_WHOM + _EN_ELSEWHERE + "|" + _EN_WHOM
    + r"(?: [a-z'’]{1,20}){0,2}? (?:need not|needn['’]t) (?:apply" + _EN_APPLY_END + r"|bother" + _EN_BOTHER_END
    + r")|" + _EN_WHOM
    + r"(?: [a-z'’]{1,20}){0,2}? (?:won['’]t|will not|will never"
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


IN_CHARGE = compiled(_EN_IN_CHARGE)


def in_charge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The hate statements' spans that are an exclusion by someone in charge: whom it keeps out is a group even where
    no group word names it (a slur, Travellers, an identity said of staff, a group in the next sentence)."""
    return [(a, b) for a, b in spans if text.startswith(("i", "as", "we"), a) and IN_CHARGE.match(text, a)]
