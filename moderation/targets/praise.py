"""Praise as a predicate: a positive word read where it says something good of whom the sentence names."""

from __future__ import annotations

from moderation.needles.parts import Joined
from moderation.pattern_cache import compiled
from moderation.wordlists.alternation import prefix_tree
from moderation.wordlists.praise_words import PRAISE_WORDS

# issue 12 (session 16): -8's group_praise fired on 22 English words, so "[group] are generous hosts" or "[group]
# deserve our respect" kept the group word's weight (+2.85) with nothing against it. The predicate forms only: a
# copula, "make" or "deserve" with at most three fillers before the praise word, or the writer's own feeling ("I
# really admire"; not after an adverb: "I honestly hate"). A negation is no filler, so "are not kind" and "don't
# deserve respect" are none; nor is a comparison ("better than", "better off"), "good for nothing", "kind of", or the
# feeling at a clause or a sight ("I love how they...", "love it when", "love to see them gone"). With a group in the
# sentence it is group_praise (moderation/features/patterns.py counts its hits as the word list's "praise").
_FILL = (r"(?:so|very|really|truly|incredibly|extremely|genuinely|always|often|usually|mostly|generally|just|all|such"
         r"|a|an|our|the|most|some|of|among|amazingly|remarkably|wonderfully|hugely|deeply|absolutely|quite|super"
         r"|fucking|same|equal|full|every|real|good|great|kind|hard|warm|as|equally)")
# session 23 (issue 12): the good qualities of people a lexicon of feelings lacks ("[group] are hard-working /
# diligent / reliable / law-abiding"), read as praise in the same predicate forms
QUALITIES_EN = ("hard-working", "hardworking", "diligent", "industrious", "reliable", "dependable", "punctual",
                "skilled", "skilful", "skillful", "talented", "resilient", "resourceful", "determined", "hospitable",
                "law-abiding", "decent", "trustworthy", "patient", "thoughtful", "polite", "respectful", "modest",
                "humble", "tolerant", "responsible", "conscientious", "disciplined", "welcoming", "peaceful",
                "family-oriented", "warm-hearted", "kind-hearted", "good-natured", "neighbourly", "neighborly",
                "principled", "sincere", "tidy", "thrifty", "selfless", "tireless", "competent")
_PRAISE = "(?:" + prefix_tree(set(PRAISE_WORDS) | set(QUALITIES_EN)) + ")"  # one branch a character, not ~900 words
_NOT_AFTER = (r"(?![a-z'’-])(?! (?:than|off|at|for nothing|that|how|when|it when|the way|to see|seeing|watching)"
              r"(?![a-z'’]))(?!(?<=kind) of(?![a-z]))")
_COPULA = (r"(?:(?<![a-z'’])(?<!we )(?:are|were|have been|have always been|make|makes|made|deserve|deserves)"
           r"|(?<=[a-z])(?<!we)['’]re)"
           r" (?:" + _FILL + r" ){0,3}")
# what the group makes of a place or of others ("make our country stronger", "made our high street busier and better"):
# at most five words between, none a negation
_MAKES = r"(?<![a-z'’])(?:make|makes|made|making) (?:(?!not |never |no )[a-z'’]{1,20} ){1,5}?"
# issue 12 (session 22, audit-s21 F12: "Muslims are neighbours and should be welcomed in this country." hate 0.508 on
# -9): being welcomed said of whom the sentence names ("should be welcomed", "are warmly welcomed", "deserve to be
# welcomed"; not when the sentence goes on to the group's going, harm or crime, as session 19's forms); the word
# list's own "welcome" counts without a form, so it is not read here twice
_WELCOMED = (r"(?:(?<![a-z'’])(?:(?:should|must|ought to|deserve to|deserves to|will|would) be|are|were"
             r"|have (?:always )?been)|(?<=[a-z])(?<!we)['’]re) (?:(?:so|very|really|truly|warmly|always|all|most"
             r"|made) ){0,2}welcomed")
_FEELER = (r"(?<![a-z'’])(?:i|we) (?:(?:really|truly|absolutely|just|so|genuinely|do|all|always|deeply|sincerely) )"
           r"{0,2}(?![a-z]+ly(?![a-z]))")
# the writer's glad / proud / grateful (I'm, we are: not the copula above) is praise only when its object follows
# ("proud of", "grateful to"): "I'm glad someone vandalised them" is gladness at an event
_FEELING = (r"(?<![a-z'’])(?:i['’]m|i am|we are|we['’]re|(?:i|we)(?:['’]d| would|['’]ll| will) be)"
            r" (?:(?:really|truly|absolutely|just|so|very|genuinely|deeply|always|incredibly) ){0,2}")
_OF = r"(?= (?:of|for|to|with|about|by) )"
# issue 12 (session 17, en_neighbour_probe): the writer including a group, said with no praise word. Luck at having
# it ("we're lucky to have"; luck is no praise word, it is said of events); a willingness adverb before a verb of
# living or working beside others ("I'd happily live next door to", "would gladly work alongside": the verbs are
# listed, so "I'd happily deport them" is none); likeness with everyone else ("are no different from anyone else",
# "are just like the rest of us", "are people like us"); belonging ("are part of our community", "have been part of
# this town"). A negation before any of them makes it none, as for the praise forms
_LUCK = (_FEELING + r"(?:lucky|fortunate|blessed|privileged|honou?red)"
         r" to (?:have|know|live with|work with|call)(?![a-z])")
_WILLING = (r"(?<![a-z'’])(?:i|we)(?:['’]d| would|['’]ll| will)? (?:happily|gladly|proudly|willingly|gratefully) "
            r"(?:live|work|share|rent|sit|eat|study|play|stand|vote|employ|hire|welcome|invite|trust|marry|serve"
            r"|teach|help)(?![a-z])")
_THEY_ARE = (r"(?<![a-z'’])(?:are|were|have (?:always )?been|['’]re) (?:(?:just|simply|all|always|really|truly|ordinary"
             r"|normal|decent) )*")
_LIKENESS = (_THEY_ARE + r"(?:(?:people|folk|human beings|humans) )?(?:(?:just |exactly )?like|the same as"
             r"|no different (?:from|to|than)) (?:any(?:one|body| of us| other)|every(?:one|body)(?: else)?"
             r"|the rest of us|us|you and me|you or me|me and you|all of us)(?![a-z])")
_BELONGING = (_THEY_ARE + r"(?:(?:a|an) (?:real |big |huge |vital |important )?)?part of (?:our|this|the|my) "
              r"(?:[a-z]+ ){0,1}(?:community|communities|town|city|village|street|neighbou?rhood|country|nation"
              r"|society|family|parish|school|fabric)(?![a-z])")
# issue 12 (session 19, ident_pos; en_identity_positive_probe): a group valued with no praise word. More of it wanted
# ("we need more", "could do with more", "I hope more ... settle"), gladness at seeing or meeting it ("it's lovely to
# see", "what a joy it was to meet"), its valued role ("are the backbone / heart / lifeblood of", "keep this county's
# orchards going") and friendship ("my oldest friends are", "I miss them all", "I'd trust them with"). None of them
# when the sentence goes on, within 60 characters, to the group's going, harm, punishment or crime ("we need more
# refugees deported", "I hope more immigrants drown", "the backbone of crime", "I miss the days when there were no
# ..."). As for the other forms, it counts only with a group in its sentence, and a negation before it makes it none
# a going, harm or crime done to whom the praise names (words.py reads the same words anywhere in a sentence)
HARM_DONE_WORDS = (
    r"(?<![a-z])(?:gone|go|goes|going home|go home|leave|leaves|leaving|left|deported"
    r"|deport|kicked|thrown|locked|jailed|prison|suffer|suffering|die|dies|died|dead|dying|drown|drowned"
    r"|drowning|burn|burned|burning|out of|lose|losing|fail|failing|fired|sacked|banned|punished|arrested"
    r"|beaten|hurt|humiliated|crying|struggle|struggling|crime|crimes|criminals?|terror|terrorism|rape|gangs?"
    r"|drugs?|no|fewer|less|without|nothing|zoos?|cages?|hell|gutter|bin|trash|graves?|ghettos?|camps?|sewers?"
    r"|disease|chaos|misery|violence|filth|ban|banning)(?![a-z])")
_UNHARMED = r"(?![^.!?;\n]{0,60}?" + HARM_DONE_WORDS + ")"
_MORE = (r"(?<![a-z'’])(?:need|needs|needed|could do with|could use|would love|['’]d love|would like|['’]d like"
         r"|hope|hoping|wish there were|glad there are|happy there are) (?:to see |to have |to meet )?"
         r"(?:(?:so|many|lots|a lot|far|a few|even|plenty) )?more(?![a-z])"
         r"(?! (?:of (?:them|these|those|this|that)|police|deportations|checks|control|walls|security|laws)(?![a-z]))")
_GLAD_TO_SEE = (r"(?<![a-z'’])(?:(?:it['’]s|it is|it was|so|how|such|what) (?:(?:really|so|very|truly|a) )?"
                r"(?:lovely|nice|great|good|wonderful|heartening|refreshing|joy|pleasure|delight|brilliant|treat"
                r"|privilege)(?: it (?:is|was))?) to (?:see|meet|have|hear|welcome|watch|know)(?![a-z])")
_ROLE = (r"(?:" + _THEY_ARE + r"the (?:(?:real|very|beating|true) )?(?:backbone|heart|heartbeat|lifeblood|soul|glue"
         r"|engine|pillars?|pride|best part|salt) of(?![a-z])"
         r"|(?<![a-z'’])(?:keep|keeps|kept|keeping) (?:it|this|our|the|my|these|that|every) (?:[a-z'’]+ ){0,3}"
         r"(?:going|running|alive|afloat|open|together|fed)(?![a-z]))")
_FRIENDS = (r"(?:(?<![a-z'’])(?:my|our) (?:(?:best|oldest|closest|dearest|good|lifelong|childhood|great|dear) )?"
            r"(?:friends?|mates?|pals?) (?:is|are|was|were|have been|has been)(?![a-z])"
            r"|(?<![a-z'’])(?:i|we) (?:(?:really|truly|so|still|all) )?miss (?:them|those|the|our|my|all)(?![a-z])"
            r"(?! (?:days|time|times|years|old days)(?![a-z]))"
            r"|(?<![a-z'’])(?:i|we)(?:['’]d| would)? trust (?:[a-z]+ ){1,3}?with(?![a-z]))")
# issue 12 (session 20, ident_pos; en_group_support_probe): a group stood up for with no praise word, said in a short
# sentence where the group word outweighs everything else. The writer's support ("I stand with", "have my full
# support"; "I support" is the feeling form's already), its rights or belonging ("have every right to", "should be
# allowed to", "belong here"; not "belong in a zoo"), gratitude ("thank goodness for", "hats off to", "we owe ... so
# much"; not "thanks to", which is blame as often as thanks), what it built or gave ("built this country", "have given
# so much to") and shared humanity ("are human beings too", "are our fellow citizens", "trans women are women", at the
# end of the clause: "are human garbage" is none). The same guard as the session 19 forms: no going, harm or crime
# after it
_SUPPORT = (r"(?<![a-z'’])(?:i|we)(?: (?:all|fully|really|proudly|firmly|still|will|always|will always|must))* "
            r"(?:stand (?:with|by|behind|beside|up for)|back|am with|are with)(?![a-z])"
            r"|(?<![a-z'’])(?:have|has) (?:my|our) (?:(?:full|total|complete|unwavering|whole|heartfelt) )?"
            r"(?:support|backing|solidarity)(?![a-z])|(?<![a-z'’])solidarity with(?![a-z])")
_RIGHTS = (r"(?<![a-z'’])(?:have|has|had) (?:every|the|an equal|equal|the same|as much) rights? (?:as [a-z ]{1,30}?)?to"
           r"(?![a-z])|(?<![a-z'’])should be (?:allowed|free|able|welcome) to(?![a-z])"
           r"|(?<![a-z'’])belongs? (?:here|among us|with us|in (?:this|our|every|any)|on (?:this|our)|to (?:this|our))"
           r"(?![a-z])")
_THANKS = (r"(?<![a-z'’])(?:thank (?:god|goodness|heavens?) for|thank you(?: so much| all)?(?:,| to)"
           r"|hats off to|(?:a )?(?:big )?shout ?out to|kudos to|(?:i|we) salute|raise a glass to)(?![a-z])"
           r"|(?<![a-z'’])owes? (?:[a-z'’]+ ){0,4}?(?:so much|a lot|a great deal|everything|(?:a|an) (?:[a-z]+ )?debt"
           r"|more than|our (?:lives|thanks|gratitude))(?![a-z])")
# what the group gave: an amount with no noun after it ("have given this town so much", not "so much grief"), or the
# contributions it made
_GAVE = (r"(?<![a-z'’])(?:built|rebuilt|founded|helped (?:build|rebuild)|have built|built up) (?:this|our|the|half|most"
         r"|much)(?![a-z])|(?<![a-z'’])(?:(?:have|has|had) (?:given|contributed|done) (?:[a-z'’]+ ){0,3}?|contribut(?:e"
         r"|es|ed) )(?:so much|a lot|a great deal|more than [a-z ]{1,30}?|everything|hugely|greatly|enormously"
         r"|massively)(?= *(?:[.!?,;]|$| to | for | and | in | over | since | back))"
         # "have made huge contributions to", "made a real contribution to" (session 30)
         r"|(?<![a-z'’])(?:made|make|makes|making) (?:(?:a|an|such|so many|many|huge|great|big|real|massive|enormous"
         r"|vital|valuable|important|lasting|immense|significant|positive|invaluable|wonderful|fantastic) ){0,2}"
         r"contributions? to(?![a-z])")
_HUMAN = (r"(?:" + _THEY_ARE + r"(?:human beings|humans|human|people|persons|citizens|our (?:fellow (?:citizens"
          r"|human beings|countrymen)|neighbou?rs|brothers and sisters|family|friends|equals|countrymen)|fellow"
          r" (?:citizens|human beings)|one of us|family)(?: too| as well| first| like (?:us|you|anyone else"
          r"|everyone else))?|(?<![a-z'’])(?:women|men|girls|boys) (?:are|were) (?:real |true )?(?:women|men|girls"
          r"|boys))(?= *(?:[.!?,;)]|$| and | but | too))")
# issue 12 (session 21, en_peoples_neutral_probe): a praise word whose clause goes on, within 50 characters, to a harm
# done to people is support of the harm, not praise of them ("I support deporting [group]", "I applaud the council for
# evicting [group]", "we celebrate [group] being thrown out"); not when a word before the harm says it is opposed or
# suffered ("I support the families fighting deportation", "we welcome the families who were driven out") or the
# clause turns to others ("I love [group] but would deport the extremists")
_HARM_DONE = (r"(?:deport(?:s|ing|ed|ations?)?|expel(?:s|ling|led)?|expulsions?|evict(?:s|ing|ed|ions?)?"
              r"|banish(?:ing|ed|ment)?|ban|bans|banning|banned|intern(?:ing|ed|ment)|round(?:ing|ed)? up"
              r"|round (?:them|those|these|the|all) up|lock(?:ing|ed)? (?:[a-z'’]+ ){0,3}?up|jail(?:s|ing|ed)?"
              r"|imprison(?:s|ing|ed|ment)?|(?:kick|throw|send|ship|driv|chas|boot|turf|forc|hound)(?:s|ing|ed|e|es"
              r"|en)? (?:[a-z'’]+ ){0,3}?(?:out|off|back|home)|thrown (?:[a-z'’]+ ){0,3}?out|sent (?:back|home)"
              r"|shoot(?:s|ing)?|shot|kill(?:s|ing|ed)?|gas(?:sing|sed)?|hang(?:s|ing|ed)?|lynch(?:ing|ed)?"
              r"|beat(?:s|ing|en)? (?:them )?up|burn(?:ing|ed|t)?|bomb(?:s|ing|ed)?|exterminat[a-z]*|eradicat[a-z]*"
              r"|wip(?:e|es|ing|ed) out|purg(?:e|es|ing|ed)|sterili[sz][a-z]*|segregat[a-z]*|cull(?:s|ing|ed)?"
              r"|get(?:ting)? rid of|punish[a-z]*)(?![a-z])")
_OPPOSED = (r"(?<![a-z])(?:against|fight|fights|fighting|fought|oppose|opposes|opposing|opposed|resist|resists"
            r"|resisting|stop|stops|stopping|stopped|prevent|prevents|preventing|end|ending|face|faces|facing|faced"
            r"|fear|fears|fearing|fled|flee|flees|fleeing|escape|escaped|escaping|survive|survived|surviving"
            r"|survivors?|were|was|been|had|after|from|despite|victims?|risk|risking|no|not|never|anti|but|unlike|while"
            r"|whereas|except)(?![a-z])")
_HARM_AHEAD = r"(?:(?!" + _OPPOSED + r")[^.!?;\n]){0,50}?(?<![a-z])" + _HARM_DONE
_NO_HARM_DONE = "(?!" + _HARM_AHEAD + ")"
# a Japanese quality denied right after it (働き者じゃない, 勤勉なわけがない, 誠実とは言えない, 優しいふりをしている):
# no praise (session 23)
_JA_DENIED = (r"(?:な|で|だ|の)?(?:人|者|人たち|方)?(?:じゃ|では|でも)(?:ない|なかった|ありません|ねえ|ねー)"
              r"|(?:だ|である)?とは(?:思え|言え|限ら)ない|(?:な|の)?(?:ふり|フリ)|(?:な|の)わけ(?:が|は)?ない"
              r"|く(?:ない|なかった|ありません)")
# the same read after a praise word of the word list (moderation/features/words.py), and a Japanese denial
HARM_DONE_AHEAD = compiled(_HARM_AHEAD + "|" + _JA_DENIED)
# the English part alone: the look-ahead the praise forms' veto carries (tests/test_vetoes.py)
HARM_AHEAD_EN = _HARM_AHEAD
# the forms in parts (each of the praise word's forms, session 19's valued forms, session 20's), scanned apart behind
# their own needles (moderation/needles/parts.py; the same matches as the one alternation PRAISE_EN): one alternation
# holds more needles than a guard keeps (MAX_NEEDLES), so it would be scanned in every text naming a group; and the
# praise word's forms apart, so a text full of one form's first word (we, are, make) is scanned for that form only,
# not for the six whose other words it lacks (issue 13: "we we we ..." cost 2.8x an ordinary comment)
_HEAD = "(?:" + _COPULA + "|" + _MAKES + "|" + _FEELER + ")" + _PRAISE  # the praise word's own form
_SHAPES = (_HEAD + _NO_HARM_DONE, _FEELING + _PRAISE + _OF,
           _LUCK, _WILLING, _LIKENESS, _BELONGING, _WELCOMED + _UNHARMED,
           "(?:" + _MORE + "|" + _GLAD_TO_SEE + "|" + _ROLE + "|" + _FRIENDS + ")" + _UNHARMED,
           "(?:" + _SUPPORT + "|" + _RIGHTS + "|" + _THANKS + "|" + _GAVE + "|" + _HUMAN + ")" + _UNHARMED)
PRAISE_EN_PARTS = tuple(compiled(r"(?<!n['’]t )(?<!not )(?<!never )(?:" + shape + ")" + _NOT_AFTER)
                        for shape in _SHAPES)
PRAISE_EN = Joined(PRAISE_EN_PARTS)
# the praise word's form reads its harm-done look-ahead only in a text where a harm word is (the same matches;
# moderation/needles/vetoes.py): a long text of praise ("deserve respect" repeated) read 50 characters ahead at each
# match. Part index -> (the part without the look-ahead, the harm word it looks for)
PRAISE_EN_VETOES = {0: (compiled(r"(?<!n['’]t )(?<!not )(?<!never )(?:" + _HEAD + ")" + _NOT_AFTER),
                        compiled(r"(?<![a-z])" + _HARM_DONE))}
