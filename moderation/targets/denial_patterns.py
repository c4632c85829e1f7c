"""The words and patterns of an English denial (DENIED_EN and its parts): what a negation can deny (issue 12)."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.targets.constructions import _EN_DEATH, _EN_DENIED, _EN_REMOVED
from moderation.targets.hate_en import _EN_Q_BAD
from moderation.targets.withheld_en import _EN_GROUPS, _EN_NAMED
from moderation.wordlists import CRIME, DEHUMANIZE, INSULTS_EN
from moderation.wordlists.context import POSITIVE_EN, PRAISE
from moderation.wordlists.groups import _GROUP_ADJECTIVES_EN, GROUPS, SLURS

# a denial of the claim: a negated verb of saying or believing ("I don't think", "nobody here believes", "my dad never
# called", "I wouldn't say", "I refuse to believe") and the clause it governs, up to its end or a "but" (at most 80
# characters); a negated or refused hate verb likewise ("I don't hate", "nobody in my family loathes", "I refuse to
# hate")
_NEG = (r"(?:(?:do|does|did|would|could|should|wo|ca)(?:n['’]t| not)|cannot|never|nobody|no one|none of us"
        r"|not one (?:of us|of them|person|soul)|refuses|refused|refuse|no (?:reason|need|excuse)(?: at all)? to)")
_BELIEF = (r"(?:think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|claimed|agree|agrees"
           r"|agreed|consider|considers|considered|call|calls|called|mean|meant|accept(?:s|ed)?(?= that)"
           # a regard or a finding ("I don't find [group] repulsive", "I'd never describe [group] as perverts", "I
           # don't feel that [group] are a burden"), never of a thing or a way ("I don't find it funny that ..."); a
           # denial only of a bad word (_REGARDS)
           r"|(?:feel|feels|felt)(?= that)|(?:find|finds|found)(?! (?:it|anything|nothing|something|this|that|what|how"
           r"|out)(?![a-z]))|describe|describes|described|regard|regards|regarded|view|views|viewed"
           r"|hate|hates|hated|despise|despises|despised|loathe|loathes|loathed|detest|detests|detested|resent|resents"
           r"|resented|dislike|dislikes|disliked)")
_CLAUSE = r"(?:(?! but | except | than )[^.!?\n,;:]){0,80}"

# a negated copula and its predicate, at most four words ("[group] are not freeloaders", "aren't a danger to", "were
# never stupid", "never were a burden", "will never be a burden", "have never been violent", "can't be blamed", "are no
# danger"); "not only/just/all" deny nothing, "no better than" is no negation (only a danger, threat, burden, menace,
# risk or drain follows "no"), a "but" ends it; "ain't" is no denial ("you ain't shit", "ain't no bitch": insults in
# the training tweets); "you won't be ..." and a threat's "won't be safe / alive / around" deny nothing
# what follows "won't be" in a threat ("your family won't be safe", "you won't be breathing for long"): no denial
_THREATENED = (r"safe|alive|around|breathing|able|laughing|smiling|walking|lucky|so lucky|going|seen|found|missed"
               r"|coming|here|the same|left|spared")
# session 34: an adverb of certainty may stand between the copula and its negation ("[group] are absolutely not
# disgusting", "are certainly not dumb")
_PREDICATE = (r"(?P<copula>(?:(?<![a-z])(?:are|is|was|were|am)|['’](?:re|s|m))(?:n['’]t| not| never|"
              r" (?:absolutely|certainly|definitely|clearly|obviously|simply|categorically|surely|most certainly"
              r"|most definitely) (?:not|never))|(?<![a-z])never"
              r" (?:are|is|was|were)|(?:(?<![a-z])(?<!you )(?<!u )(?:(?:will|would|could|can|wo|ca)(?:n['’]t| not"
              r"| never)|cannot|can never|could never) be|(?<![a-z])(?:have|has|had)(?:n['’]t| not| never) been"
              r"|(?<![a-z])(?<!you )(?<!u )(?:(?:should|must|shall)(?:n['’]t| not| never)|ought(?: not| never) to)"
              r"(?: ever)? be)"
              r"(?! (?:" + _THREATENED + r")(?![a-z]))"
              r"|(?<![a-z])(?:are|is|was|were|pose|poses|posed) no"
              r"(?= (?:danger|threat|burden|menace|risk|drain)(?![a-z]))"
              # the copula's predicate denied by an adverb ("are in no way inferior", "are far from lazy", "are hardly
              # a threat") or its subject denied by a quantifier ("no disabled person is a burden", "not a single
              # [group] in my town is dangerous", "none of the refugees I've met were criminals"; not "no wonder /
              # doubt / secret ...", nor across why/that/if: "no idea why they are ...")
              r"|(?:(?<![a-z])(?:are|is|was|were|am)|['’](?:re|s|m)) (?:in no way|by no means|far from|hardly"
              r"|nowhere near)(?! (?:" + _THREATENED + r")(?![a-z]))"
              r"|(?<![a-z])(?:no|not a single|not one|none of (?:the|these|those|my|our))"
              r"(?! (?:wonder|doubt|matter|surprise|secret|question|way|joke|kidding|lie|idea|shock|reason|excuse|need"
              r"|point|longer|more|one)(?![a-z']))"
              r"(?: (?!(?:why|how|that|if|whether|when|because|and|but|so)(?![a-z'’]))"
              r"[a-z'’]+){1,4}? (?:is|are|was|were)(?! (?:" + _THREATENED + r")(?![a-z])))"
              r"(?! (?:only|just|merely|simply|all|even|true)(?![a-z]))(?: (?!but |except |than )[a-z'’-]+){1,4}")

# a denied wish that people be removed or harmed ("no one here wants them deported", "I don't want anyone hurt"): only
# the removal or the harm (constructions' exclusion form), since "nobody wants these parasites here" denies nothing
# session 33: the harm may follow "to be" / "to get" after up to four words ("I don't want a single refugee to be hurt")
_WISH = (r"(?:want|wants|wanted)(?: [a-z'’]+){0,4}?(?: to (?:be|get))? (?:" + _EN_REMOVED
         + r"|hurt|harmed|killed|attacked|beaten up|shot|dead|die)(?![a-z])")

# a harm nobody deserves ("[group] don't deserve any abuse", "no one deserves to be treated as a criminal"): only
# with the harm named (the lexicon's polarity), since "[group] don't deserve respect" denies a positive, the attack
_HARMED = (r"(?:abuse|abused|hate|hated|hatred|insults|insulted|attacks|attacked|harassment|harassed|violence"
           r"|contempt|suspicion|blame|blamed|mockery|mocked|ridicule|ridiculed|beaten|hurt|spat|criminals?|suspects?"
           r"|terrorists?)(?![a-z])")
_DESERVED = r"(?:deserve|deserves|deserved)(?: [a-z'’]+){0,4}? " + _HARMED

# what is done to people to harm them, as a participle ("driven out", "locked up", "evicted") and as a verb ("evict",
# "lock up", "spit at"): a harm named, as _HARMED's
_HARM_DONE = (r"(?:" + _EN_REMOVED + r"|(?:locked|shut) up|jailed|imprisoned|detained|sacked|fired|evicted|excluded"
              r"|punished|abandoned|bullied|attacked|threatened|discriminated against|persecuted|shamed|humiliated"
              r"|targeted|lynched|killed|shot|stabbed|spat (?:at|on))(?![a-z])")
_HARM_VERB = (r"(?:evict|exclude|punish|abandon|bully|beat|attack|abuse|insult|harass|mock|ridicule|hit|hurt|harm"
              r"|threaten|discriminate against|persecute|blame|shame|humiliate|target|deport|expel|sack|fire|jail"
              r"|lock up|spit (?:at|on)|kill|shoot|stab)(?![a-z])")

# the wish denied as a deed ("nobody wants to kill [group]", "I don't want to hurt anyone"; session 30)
_WISH_TO = r"(?:want|wants|wanted)(?: [a-z'’]+){0,3}? to " + _HARM_VERB

# not an idiom's "no" ("no wonder", "no doubt [group] should be shot" asserts it: session 40, _NOT_HARMED read it as a
# denial, 0.098 on -5)
_NO_IDIOM = (r"(?! (?:wonder|doubt|matter|surprise|secret|question|way|joke|kidding|lie|idea|shock|reason|excuse"
             r"|need|point|longer|more|one)(?![a-z']))")

# a harm that should not befall people ("[group] should never be treated like criminals", "we should not let [group] be
# abused", "must never be locked up", "ought not to be mocked", "landlords must never evict [group]", "no [group]
# should ever be spat at"): only with the harm named, since "[group] should not be trusted / allowed in" is the attack
_NOT_HARMED = (r"(?<![a-z])(?:(?:should|must|shall)(?:n['’]t| not| never)|ought(?: not| never) to)(?: ever)?"
               r"(?:(?: (?:let|allow|see)(?: [a-z'’]+){1,3}?)? be(?: [a-z'’]+){0,3}? (?:" + _HARMED + "|" + _HARM_DONE
               + r")| " + _HARM_VERB + ")"
               r"|(?<![a-z])(?:no" + _NO_IDIOM + r"|nobody|no one)(?: [a-z]+){0,2}? (?:should|must)(?: ever)? be"
               r"(?: [a-z'’]+){0,2}? "
               + _HARM_DONE)

# a harm wished smaller, not wished (session 33): a comparative of less harm ("kids should be hurt less often in youth
# rugby", "fewer riders should get injured", "we want fewer protesters to be arrested"): the harm named, then "less" /
# "less often" / "fewer" after it, or "fewer" / "less" quantifying its subject before it
_INJURED = r"(?:injured|wounded|hurt|harmed|killed|hit|beaten|arrested|" + _HARM_DONE[3:]
_LESS_HARMED = (r"(?<![a-z])(?:should|must|would|could|will|to|need to|ought to)(?: [a-z'’]+){0,2}? (?:be|get) "
                + _INJURED + r" (?:a lot |far |much |a bit |even )?(?:less|fewer|more rarely|less and less)(?![a-z])"
                r"|(?<![a-z])(?:fewer|less)(?: (?!(?:and|but|or|so|then|they|them|he|she|we|you|it|i|if|because"
                r"|deserve|deserves|need|needs)(?![a-z'’]))[a-z'’]+){1,3}? (?:should|must|would|could|will|to)"
                r" (?:be|get) " + _INJURED)

# a generalisation refused ("not all [group] are terrorists", "not every refugee is a threat", "not all of them are
# criminals"; session 33): a defence of the group, the predicate denied of it, unless the sentence takes it back
# ("not all men are rapists, but enough are", "... but most of them are")
_NOT_ALL = (r"(?<![a-z])not (?:all|every|each|every single)(?: of)?(?: [a-z'’-]+){1,3}? (?:are|is|were|was)"
            r"(?![^!?\n]{0,80}?(?<![a-z])(?:(?:most|many|enough|plenty|nearly all|almost all|the majority|the rest"
            r"|a lot|loads|far too many|too many)(?: of (?:them|those|these|us|em))? (?:are|is|were)"
            r"(?= *(?:$|[.!?,;]|though|tho|anyway|too))|some are (?:even )?worse"
            r"|(?:just|only) (?:most|some|the|those|nine|ninety|[0-9])"
            r"|but (?:most|many|enough|plenty|nearly all|almost all|the majority|a lot|loads|far too many|too many"
            r"|they all|all of them|every one|every single one)(?![a-z])))"
            r"(?P<pred>(?: (?!but |except |than )[a-z'’-]+){1,4})")

# a harm set aside for a care in a contrast ("[group] should be protected, not left to drown", "housed, not deported",
# "need help, not to be locked up"; session 33): the harm after ", not" is the one the writer rejects
_NOT_CONTRAST = (r"(?<=[a-z]), not (?:to (?:be|get) |be |get )?(?:left to (?:die|drown|rot|starve|freeze"
                 r"|suffer)(?![a-z])|(?:hurt|harmed|beaten|abused)(?![a-z])|" + _HARM_DONE + r")")

# a harm the writer will never do ("I would never hit a woman", "we won't bully [group]"), or that people are said
# never to do or carry ("[group] do not steal", "never cheat", "have no criminal streak"): the harm named
_NOT_DONE = (r"(?<![a-z])(?:i|we)(?:(?:['’]d|['’]ll| would| will| could) never| (?:would|will|could|wo|do|did)"
             r"(?:n['’]t| not)| never)(?: ever)? " + _HARM_VERB
             + r"|(?<![a-z])(?:(?:do|does|did)(?:n['’]t| not)|never)(?: ever| really)? (?:steal|cheat|lie|rape|scrounge"
             r"|sponge|riot|loot|spread (?:disease|diseases|crime)|carry (?:disease|diseases)|commit (?:more )?crimes?"
             r"|cause (?:trouble|crime)|bring (?:crime|disease|drugs))(?![a-z])"
             r"|(?<![a-z])(?:have|has|had) no (?:criminal (?:streak|record|intent)|violent (?:streak|past)|disease"
             r"|diseases|hatred|malice|ill will|grudge)(?![a-z])")

# a death or a beating nobody calls for ("no family deserves to die", "nobody should be beaten"; right after a negation,
# "[group] do not deserve to die"): the call itself; a
# harm no one of them deserves ("no Jew deserves to be attacked", "no refugee family deserves abuse"; not "no wonder
# they deserve ...": session 30)
# the words "no" quantifies, never a pronoun: "no mercy they deserve to be shot" starts a new clause that asserts it
_NO_QUANTIFIED = r"(?: (?!(?:they|them|these|those|he|she|we|you|it|i)(?![a-z]))[a-z]+)"
# session 40: the quantified subject told where or which, as the call it denies may be (threat_en.py: "no refugee in
# that hotel should be attacked" read as a call once "should be attacked" was one); "not a single" / "not one" too
_NO_DEATH = (r"(?:(?:nobody|no one)(?: [a-z]+){0,2}?|(?:no|not a single|not one)" + _NO_IDIOM + _NO_QUANTIFIED
             + r"{0,5}?) " + _EN_DEATH + r"|no" + _NO_IDIOM + _NO_QUANTIFIED + r"{1,2}? " + _DESERVED)

# warmth denied to someone ("nobody will miss you", "no one is going to miss you", "i didnt love you", "who could love
# you", "nobody at work can stand"; session 31): the denial is the unkindness, read only by owned.py's friendly address
# (a slur after warm words is the friends' own word only if they are not denied), not a denial of the harm words
# around it ("go kill yourself, nobody would miss you" stays a push); the apostrophe-less negations only here
_WARMTH = (r"(?:love|loves|loved|luv|like|likes|liked|miss|misses|missed|adore|adores|adored|care about"
           r"|cares about|cared about|proud of|stand(?! (?:for|up|by|in|on|out|still|there|here|down|back|aside|firm"
           r"|tall|alone|trial|a chance)(?![a-z])))(?![a-z])")
UNWARM_EN = compiled(r"(?<![a-z])(?:(?:" + _NEG + r"|(?:do|does|did|would|could|should|wo|ca)nt)(?: [a-z'’]+){0,3}?"
                     r"|who(?:['’]d| could| would| can| will)(?: ever| really)?) " + _WARMTH)

# the lexicon's good words (a positive denied is the attack: _POSITIVE_AFTER, _NOTHING)
_POSITIVE_WORDS = "|".join(sorted({*POSITIVE_EN, *(w for w in PRAISE if w.isascii())}, key=lambda w: (-len(w), w)))
# the bad words of the lexicon (insults, dehumanising and crime words, a denied attack's words, the bad qualities the
# questions read): what a regard's or a quantity's denial must deny to be a defence
_NEGATIVE_WORDS = ("|".join(sorted({re.escape(w) for w in (*INSULTS_EN, *DEHUMANIZE, *CRIME) if w.isascii()},
                                   key=lambda w: (-len(w), w))) + "|" + _EN_DENIED + "|" + _EN_Q_BAD)
# what people are shamed or made to feel as, besides the lexicon's bad words ("nothing wrong with being [group]",
# "made to feel like a freak", "told they are a burden")
_SHAMED = (r"wrong|shameful|weird|unnatural|abnormal|sick|bad|sinful|perverted|embarrassing|scary|threatening"
           r"|a freak|freaks|a burden|burdens|an outcast|outcasts|an outsider|outsiders|unwanted|unwelcome|dirt"
           r"|rubbish|nothing|less than human|second[ -]class(?: citizens?)?")
# whom a regard or a quality is denied of: a group word or a named people right after the verb or "about"
_REGARDED_WHOM = compiled(r"(?: that)?(?: (?:the|these|those|all|any|most|our|my|some))? (?:" + _EN_GROUPS + "|"
                          + _EN_NAMED + r")(?![a-z])")
# whom "nothing [bad] about being" names: an identity said by its adjective or its noun ("being trans", "being a
# Muslim", "being gay people's friend" is none of it)
_BEING_WHOM = compiled(r" (?:an? )?(?:" + "|".join(sorted(
    {*(re.escape(a) for a in _GROUP_ADJECTIVES_EN), *(re.escape(g.rstrip("s")) for g in GROUPS if g.isascii()),
     "muslim", "jew", "woman", "immigrant", "refugee", "migrant", "gay", "lesbian", "bisexual", "queer"},
    key=lambda w: (-len(w), w))) + r")(?![a-z'’])")
# a quality denied of a group by "nothing" ("there is nothing disgusting about [group]", "nothing shameful about
# being [group]", "nothing wrong with [group]"): the bad word right after "nothing" (at most a degree between), then
# about / with / in and the clause; a good quality denied the same way ("nothing good about [group]") is the attack,
# a positive denial (polarity.py reads it as praise denied); "nothing more / less ... than", "nothing but" are none
_NOTHING = (r"(?<![a-z])nothing(?: (?:remotely|inherently|intrinsically|innately|particularly|even slightly|at all))?"
            r" (?P<quality>" + _NEGATIVE_WORDS + "|" + _SHAMED + "|" + _POSITIVE_WORDS + r")(?![a-z])"
            r"(?: (?:at all|whatsoever))? (?:about|with|in)(?:(?P<being> being)(?=" + _BEING_WHOM.pattern + ")|(?="
            + _REGARDED_WHOM.pattern + "))(?P<whom>" + _CLAUSE + ")")
# a demeaning that should befall no one of a group ("no [group] should be made to feel like filth", "no [person]
# deserves to be treated like vermin", "no [group] child should be told they are worthless", "nobody should be made to
# feel stupid"): the quantified subject, the treatment, and the bad word it names
_NOT_DEMEANED = (r"(?<![a-z])(?:(?:nobody|no one)|(?:no|not a single|not one)" + _NO_IDIOM + _NO_QUANTIFIED + r"{1,5}?)"
                 r"(?: (?:here|ever))? (?:should|must|deserves to|ought to|needs to)(?: (?:ever|have to|be made to))?"
                 r" (?:be (?:made to feel|treated|spoken to|talked to|looked at|looked down on|seen|regarded|called"
                 r"|labell?ed|branded|told (?:that )?(?:they|he|she)(?:['’]re| are| is| were| was)?)|feel)"
                 r"(?: (?:like|as if (?:they|he|she) (?:are|were|was|is)|as))?"
                 r"(?: (?:a|an|some kind of|some sort of|total|complete|utter|worthless|dirty|filthy)){0,3}"
                 r" (?P<demeaned>" + _NEGATIVE_WORDS + "|" + _SHAMED + r")(?![a-z])" + _CLAUSE)

# a condition anywhere in the rest of the sentence after a denial (denied.py) or a denied judgement (unaimed_en.py):
# "..., and I'd say so as long as they stay away"
_CONDITION_AFTER = compiled(r"(?<![a-z'’])(?:when|whenever|if|unless|until|till|once|as long as|so long as|long as"
                            r"|provided|providing|assuming|given|insofar|in so far|so far as|on condition|except"
                            r"|apart from|where they belong|in their place)(?![a-z'’])")
# a negated verb of judging ("I don't find", "we never thought of", "I'd never call"): unaimed_en.py reads an insult
# or a dehumanising word after it in its clause as a judgement the writer denies, unless something after the verb turns
# it back ("anything but", "anything besides", "anything short of", "only", "except": read2 s51, "Nobody sees [group]
# as anything besides vermin"); the negation is DENIED_EN's
JUDGED_DENIED = compiled(r"(?<![a-z'’])" + _NEG + r"(?: (?:ever|personally|honestly|really))? (?:find|finds|found"
                         r"|think|thinks|thought|consider|considers|considered|call|calls|called|see|sees|saw"
                         r"|believe|believes|believed|regard|regards|regarded)(?![a-z'’])"
                         r"(?!.*(?:anything (?:but|besides|else|more than|short of)|nothing (?:but|short of|less than"
                         r"|more than)|other than|else but|except|only|just as))")

DENIED_EN = compiled(r"(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? (?P<belief>" + _BELIEF + r")(?![a-z])" + _CLAUSE
                     + r"|(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? " + _WISH
                     + r"|(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? " + _DESERVED
                     + r"|(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? " + _WISH_TO
                     + r"|(?<![a-z])" + _NEG + r"(?: (?:ever|really))? " + _EN_DEATH
                     + r"|(?<![a-z])(?:" + _NO_DEATH + r")|" + _NOT_HARMED + r"|" + _NOT_DONE
                     + r"|" + _LESS_HARMED + r"|" + _NOT_ALL + r"|" + _NOT_CONTRAST
                     + r"|" + _NOTHING + r"|" + _NOT_DEMEANED
                     + r"|" + _PREDICATE
                     + r"|(?:(?<![a-z])(?:not true|a lie|a myth|false|nonsense|untrue)|n['’]t true) that" + _CLAUSE)

# a grant or a belonging refused ("[group] should not be allowed / given a home / here", "are not allowed in"): after
# a negated copula or modal, the attack itself, as a positive word is
_GRANTED = (r"allowed|permitted|welcomed|given|hired|employed|housed|helped|served|heard|educated|admitted|accepted"
            r"|tolerated|let in|promoted|respected|protected|sheltered|rescued|listened to|treated as equals|here"
            r"|in this country|among us|around children|near children|left alone with")

# what denying is itself the attack: humanity, worth, belonging or praise ("[group] aren't human", "are not welcome",
# "I don't consider them human", "don't deserve respect"): a negated positive, whose words stay the writer's. Inside a
# denied belief's clause "people" names the group ("nobody thinks trans people should be killed"), so only right after
# a negated copula ("aren't people") does it count
_POSITIVE_AFTER = compiled(r" (?:(?:a|an|the|real|really|truly|fully|very|so|that|even|ever|at all) )?"
                           r"(?:people|persons|" + _POSITIVE_WORDS + "|" + _GRANTED + r")(?![a-z])")
_POSITIVE_IN = compiled(r"(?<![a-z])(?:" + _POSITIVE_WORDS + r")(?![a-z])")

_SLUR_IN = compiled(r"(?<![a-z])(?:" + "|".join(sorted(map(re.escape, SLURS), key=len, reverse=True))
                    + r")(?:s|es)?(?![a-z])")

# session 55 (train s54's binding cases, each read only as the WHOLE comment): a group's stereotype the writer denies,
# with at most a reason from the writer's own neighbours in a closed grammar after it ("I don't regard [group] as
# thieves, since the family next door has never taken a thing."); the bad word the lexicon's, or its plural
_STEREOTYPE = (r"(?:(?:honestly|personally|for the record|to be (?:clear|fair|honest))[ ,]+)?"
               r"(?:i|we) (?:don['’]t|do not|never|wouldn['’]t|would never|won['’]t|could never)(?: (?:really|ever))?"
               r" (?:regard|see|view|think of|consider|describe|class|look on)(?: (?:all|most|any|our|my))?"
               r" (?:" + _EN_GROUPS + "|" + _EN_NAMED + r")(?: people)? as (?:an? )?(?:thieves|(?:" + _NEGATIVE_WORDS
               + r")(?:s|es)?)(?![a-z])")
_NEIGHBOURS = (r"(?:the|my|our) (?:family|families|couple|neighbours?|neighbors?|ones|lads|girls|kids|folk|colleagues?"
               r"|friends?|workmates?)(?: (?:next door|across the (?:road|street|way)|upstairs|downstairs|on (?:our|my"
               r"|the) (?:lane|street|road|estate|site|landing|floor)|at (?:work|school)|i know|we know|i work with"
               r"|i grew up with))?")
# (what they never did: a good quality said of them would end the civil frame, civil.py's GOOD_QUALITY check)
_NEVER_DONE = (r"(?:(?:taken|stolen|nicked|pinched) (?:a thing|anything|a penny)"
               r"|(?:hurt|harmed) (?:a soul|anyone|a fly)"
               r"|(?:given|caused) (?:us|me) (?:any )?(?:trouble|bother|grief))")
STEREOTYPE_DENIED = compiled(r"(?P<denial>" + _STEREOTYPE + r")(?: at all| in the slightest)?"
                             r"(?:, (?:since|because|as) " + _NEIGHBOURS + r" (?:has|have|had) never "
                             + _NEVER_DONE + r")? *\.? *")
# "who says [group] are [bad]? nobody I know.": the claim asked after and answered by no one; a closed answer, and
# the claim a bad word's, never a good one's ("who says [group] are welcome? nobody." wants them gone) nor a denial's
# ("who says [group] aren't thieves? nobody." asserts it)
ASKED_DENIED = compiled(r"who (?:says|said|thinks|believes|claims|reckons) (?:that )?"
                        r"(?P<denial>(?:(?!n['’]t |not |never |no )[a-z'’ -]){3,80}?)\? +"
                        r"(?:nobody|no one|not me|not us)(?: (?:i know|we know|here|round here|around here|sensible"
                        r"|decent|with (?:a heart|a brain|any sense)|worth listening to|that matters))? *[.!]? *")
