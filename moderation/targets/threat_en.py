"""English threats as linear regexes over the normalised text: the will and a harm aimed at someone, idioms."""

from __future__ import annotations

from moderation.needles.tails import Subject, width
from moderation.pattern_cache import compiled
from moderation.targets.threats import _G
from moderation.wordlists.addressees import EN_PEOPLE
from moderation.wordlists.groups import EN_PEOPLES

# the will to act: I'll / I'm going to / we're gonna / you'd better / someone should (a threat's first half)
_EN_WILL = (r"(?<![a-z])(?:i(?:'ll| will| am going to|'m going to|'m gonna| gonna| shall| want to|'d love to"
            r"| would love to|'d like to)|im gonna|im going to|we(?:'ll| will| are going to|'re going to|'re gonna"
            r"| gonna)|you(?:'d| had)? better"
            r"|(?:someone|somebody) (?:should|needs to|ought to|has to|is going to|will))")


# a harm done to a body (not find, send, show, cut, crack: done for people, or figurative, as often as to them)
# session 23: the deed said (snap your neck, fracture your skull, crush your windpipe, rip your eyes out, stamp on your
# head, cut you): cut not as in "cut you off / some slack"; snap, crush, tear and rip only a body ("crush you on
# Saturday" is a match, "rip your wallpaper out" a chore)
_EN_HARM = (r"(?:(?:snap|fracture|crush|gouge|tear|rip)(?= (?:your|his|her|their) (?:[a-z]{1,20} )?(?:neck|skull"
            r"|windpipe|jaw|nose|ribs|fingers|spine|eyes|ears|throat|face|head|legs?|arms?|knees|kneecaps|teeth|bones"
            r"|tongue|guts)(?![a-z]))|stamp on|stomp on|throttle|smother|suffocate|mutilate|disfigure"
            r"|dismember|kneecap|set fire to|(?:throw|pour|splash) acid (?:in|on|over|at|into)"
            r"|cut(?! (?:you|him|her|them) (?:off|in|out|loose|free|short|some|a|an|any|down|up"
            r"|slack)(?![a-z]))"
            r"|kill|murder|shoot|stab|hurt|beat|rape|burn|slit|strangle|slaughter|choke|punch|smash|break|bomb|hang"
            r"|lynch|gut|torture|hunt|end|destroy|harm|attack|assault|behead|execute|gas|knife|cripple|maim|poison"
            r"|drown|kick|slap|batter|knock|bash|torch|skin|bury|waste|snipe|gun|ruin|run over)")


# a person or a group named by a noun (the next immigrant, that reporter, every one of you)
_EN_PERSON = (r"(?:people|person|men|man|women|woman|guy|guys|kid|kids|children|girl|girls|boy|boys|bitch|bitches"
              r"|bastards?|reporters?|journalists?|author|writer|editor|commenter|poster|moderators?|mods?|judge"
              r"|councillor|mayor|cops?|traitors?|idiots?|clowns?|family|immigrants?|migrants?|refugees?|muslims?"
              r"|jews?|blacks?|gays?|lesbians?|queers?|foreigners?|asians?|mexicans?|arabs?|liberals?|leftists?"
              r"|conservatives?|protesters?|one of (?:you|them|those|these)|faggots?|niggers?|trannys?|trannies|kikes?"
              r"|spics?|chinks?|retards?|homosexuals?|infidels?|whites|white people|policem[ae]n|officers?|cunts?"
              r"|hoes?|hos|niggas?|coons?|crackers?|mosques?|churche?s?|synagogues?|temples?)")


# session 52: the press by its trades, called on or taught a lesson ("the columnist deserves to have her teeth kicked
# in"); not whom a will's harm is aimed at (_EN_PERSON): generated threat rows aim at "the columnist", and a reading
# that moves no training row ships on the active weights
_EN_PRESS = (r"(?:columnists?|correspondents?|photographers?|cameram[ae]n|presenters?|anchors?|anchorm[ae]n|hacks?"
             r"|pundits?|newsreaders?|broadcasters?|bloggers?|interviewers?)")


_EN_BODY = (r"(?:your|yo|ur|his|her|their) (?:whole |entire |little |ugly |fat |stupid |fucking )?(?:family|kids"
            r"|children|wife"
            r"|husband|mother|mom|mum|father|dad|son|daughter|sister|brother|parents|house|home|car|face|head|skull|neck|throat|legs?"
            r"|arms?|knees|kneecaps|teeth|body|bones|life|dog|office|ass|guts|brains|jaw|nose|ribs|fingers|spine|windpipe"
            r"|eyes|ears|tongue|shop|flat|business)")


# whom: a pronoun (not in a game, a debate, an election or a court, not with a second object: shoot you a
# message, beat you to it), the body, home or family of "you", or a person or group
_EN_OBJECT = (r"(?:(?:you|u|ya|y'all|yall|him|her|them)(?![a-z'])"
              r"(?! (?:[a-z]{1,20} )?(?:in|at|on|to|during) (?:the |a |this |next |our |their |that |your )?(?:debate"
              r"|election|elections|polls|vote|race|primary|primaries|midterms|game|match|final|finals|playoffs"
              r"|tournament|league|court|argument|chess|poker|tennis|golf|cards|quiz|trivia|field|pitch|ballot|punch"
              r"|it)(?![a-z]))(?! (?:a|an|some|any|my|our|another|more|out of)(?![a-z]))"
              r"|" + _EN_BODY + r"|(?:(?:the|that|this|these|those|every|all|any|some|each|a|an|the next"
              r"|every single) )?(?:(?!for |to |with |about |of |from |by |on |in |at )[a-z]{1,20} ){0,2}?"
              + _EN_PERSON + r")(?![a-z])")


# what may stand between the will and the harm (I'll find you and hurt you), not a negation (I'll never hurt you)
_EN_GAP = r"(?! never| not)" + _G + r"{0,36}?"


# a call for a death or a beating (the modal and what it calls for: "should die", "deserves to be shot")
_EN_KILLED = (r"(?:killed|shot(?! down)|hanged|hung|executed|exterminated|gassed|lynched|wiped out|put down|strung up"
              r"|raped|burned alive|stabbed)")
# a beating or a hurt not at the polls, in the press, on a record or a policy, in a defeat ("the minister deserves to be
# attacked for this budget", "the MP deserves to be beaten at the next election"); a bare noun after "for their"
# (views, words) is no such venue: "journalists deserve to be beaten for their words" is a call (session 32)
_EN_VENUE = (r"(?! (?:[a-z'’]+ ){0,3}?(?:elections?|polls|ballot|vote|press|media|papers|record|debate|parliament"
             r"|courts?|defeat|results?|policy|policies|budget)(?![a-z]))")
# session 32: an attack or a hurt called for as well, but only as deserved ("[people] deserve to be attacked", "deserve
# to get hurt"): after "must" or "should" these are mostly a guess at feelings or a state ("you must be hurt", "they
# must be stoned", "kids should be hurt less")
# session 40: but a deed done to a body is called for after any modal of duty ("[group] should be attacked", "must be
# assaulted"), and a hurt too after one of need ("[group] need to be hurt", "ought to get hurt": en-ph-015 read none),
# which guesses at no feeling; "stoned" and "battered" only as deserved ("they need to be stoned", "the players must be
# battered after extra time" may be a state), nor with an agent after these ("you must be tortured by the memories",
# "must be attacked by trolls all day": a guess again; THREAT_EN's guard also keeps its 100 needles so);
# none wished smaller ("kids need to be hurt less in youth rugby": denied.py's lessened harm)
# read2 (session 40): after should / must only the deeds no critic wishes ("ministers should be attacked for this
# failure", "must be attacked on every front" are criticism), and none done every day or all the time ("doctors must be
# assaulted every day in that hospital" guesses at a state)
_EN_ASSAILED_WORDS = r"assaulted|tortured|maimed|mutilated|brutali[sz]ed|knifed"
# session 52: a body's parts and what is done to them, as a harm deserved or a look wished ("with a broken jaw")
_EN_PARTS = (r"legs?|arms?|knees|kneecaps|teeth|jaw|nose|face|head|skull|neck|ribs|fingers|hands?|spine|back"
             r"|throat|eyes?")
_EN_BROKEN = (r"(?:broken|smashed(?: in)?|kicked in|bashed in|caved in|snapped|cut off|ripped out|knocked out"
              r"|gouged out|shattered|slit|wired shut)")
_EN_ASSAILED = "(?:" + _EN_ASSAILED_WORDS + ")"
# session 53: a lesson spelled out as violence after a colon, a weapon or a blow done to someone or theirs ("a lesson:
# a brick through his window", "a boot to the face"); not a word of it in a civil sense (read2: "fire her on the spot",
# "the knife goes on the right", "a proper kicking at the ballot box")
_EN_LESSON_HARM = (r"(?i:a|the|some|my|our) (?i:good |proper |real |swift |hard )?(?i:brick|bat|baseball bat|crowbar"
                   r"|fist|knife|bullet|boot|punch|kick|kicking|beating|hiding|hammer) (?i:through|to|across|in"
                   r"|into|on|between) (?i:the|his|her|their|your|its)(?![a-z])")
_EN_OFTEN = (r"(?! (?:every (?:day|week|night|single day)|daily|nightly|weekly|all the time|constantly|regularly"
             r"|so often))")
_EN_HURT = r"(?:hurt|stoned|battered|attacked|harmed|" + _EN_ASSAILED_WORDS + ")" + _EN_VENUE
_EN_DEATH = (r"(?:(?:should|must) (?:all )?(?:die|be (?:" + _EN_KILLED + r"|beaten" + _EN_VENUE + r"|" + _EN_ASSAILED
             + r"(?! by)" + _EN_OFTEN + _EN_VENUE + r"))|(?:ought to|needs? to) (?:all )?(?:die|be (?:" + _EN_KILLED
             + r"|beaten" + _EN_VENUE + r")|(?:be|get) (?:hurt|attacked|harmed|" + _EN_ASSAILED_WORDS + ")" + _EN_VENUE
             + r")|deserves? (?:to (?:all )?(?:die|be (?:" + _EN_KILLED + r"|beaten" + _EN_VENUE + r")|(?:be|get) "
             + _EN_HURT + r")|a (?:good |proper |real )?(?:beating|kicking|hiding|battering)"
             # session 52: a body's harm deserved ("deserves to have her teeth kicked in", "to get his legs broken")
             r"|to (?:get|have) (?:his|her|their|its) (?:" + _EN_PARTS + r") " + _EN_BROKEN + r"))(?![a-z])"
             r"(?! (?:a lot |far |much |a bit |even )?(?:less|more rarely)(?![a-z]))")


# whom a death is wished on: a person or group noun (_EN_PERSON and the groups it lacks), and the death wished
_EN_WISHED = (r"(?:" + _EN_PERSON[3:-1] + r"|gypsy|gypsies|roma|romani|pakis?|sikhs?|hindus?|christians?|africans?"
              r"|somalis?|palestinians?|israelis?|trans|transgenders?|disabled|cripples?|homos?|dykes?|" + EN_PEOPLE
              + r"|cronies|lot|crowd|bunch)(?![a-z])")
_EN_WISHED_DEATH = (r"(?:dead|wiped out|exterminated|gassed|hanged|lynched|executed|killed|shot|strung up"
                    r"|six feet under|in (?:the|a|their|an early) (?:ground|grave)|burned alive|eradicated|put down"
                    r"|wiped off the (?:map|face of the earth))")


# not the writer's own safety ("I won't be safe until we fix the lights", "we're never safe when we ..."): fixed-width
# looks back at the commonest first-person subjects
_EN_NOT_I = "".join(f"(?<!{w} )" for w in ("i", "we", "i'm", "i’m", "i am", "we're", "we’re", "we are", "i'll", "i’ll",
                                            "we'll", "we’ll", "i will", "we will", "i can", "we can", "i could"))


# not a noun a topic's preposition governs, with or without a determiner (the policy on / towards / about the
# [group]); not "of", mostly a part of the group ("most of them", "half of the migrants")
# (by width, then by word: a set's own order follows PYTHONHASHSEED, and so did THREAT_EN's string until session 43)
_EN_TOPICS = sorted({f"{p} {d}" for p in ("on", "about", "towards", "toward", "against", "for", "over")
                     for d in ("", "the ", "these ", "those ", "all ", "our ", "their ", "its ")},
                    key=lambda w: (len(w), w))
# one look back for each width (a look back takes alternatives of one width only): 17, not 56, at each word start
_EN_NOT_OBJECT = "".join("(?<!(?:" + "|".join(w for w in _EN_TOPICS if len(w) == n) + "))"
                         for n in sorted({len(w) for w in _EN_TOPICS}))


# session 41: a verb of saying or thinking ends the reach from the one called on to the modal: "my uncle keeps saying
# [group] need to be hurt" calls on no uncle, its call starts at the group, inside the words reported.py reads as his
_EN_SAYING = (r"say|says|said|saying|claim|claims|claimed|claiming|tell|tells|told|telling|think|thinks|thought"
              r"|thinking|believe|believes|believed|reckon|reckons|reckoned|insist|insists|insisted|insisting|argue"
              r"|argues|argued|arguing|post|posts|posted|posting|write|writes|wrote|writing|tweet|tweets|tweeted"
              r"|shout|shouts|shouted|shouting|yell|yells|yelled|yelling|suggest|suggests|suggested|suggesting")


# a call for a death, not across a negation ("[group] do not deserve to die" is no call for it: session 30)
# whom: a pronoun, a person or group noun, a people by its demonym or a person by a role (session 32: "Latinos
# deserve to be attacked", "the Guatemalans in this town deserve to get hurt" matched nothing)
# session 40: the one called on may be told where or which ("those [group] at the bus stop", "[group] who come
# here": up to five words before the modal, none a negation), but not as what a thing is about ("the policy on
# migrants deserves to be attacked" calls for no harm to migrants)
_EN_CALLED = (r"(?:he|she|they|you|him|them|who|" + _EN_PERSON[3:-1] + r"|" + _EN_PRESS[3:-1] + r"|" + EN_PEOPLES
              + r"|" + EN_PEOPLE + r")")
_EN_CALLED_WORDS = 5
# session 52: nor one told the call ("the columnist was told she deserves to have her teeth kicked in" reports it)
_EN_NOT_TOLD = "".join(f"(?<!{w} told )(?<!{w} told that )" for w in ("was", "were", "been", "got", "being"))
_EN_CALL_HEAD = (_EN_NOT_OBJECT + _EN_NOT_TOLD + _EN_CALLED
                 + r"(?: (?!(?:not|never|no|dont|doesnt|didnt|isnt|arent|wont|shouldnt"
                 r"|cant|" + _EN_SAYING + r")(?![a-z]))[a-z]{1,20}){0," + str(_EN_CALLED_WORDS) + "}? ")
_EN_CALL = _EN_CALL_HEAD + _EN_DEATH


# threat idioms that need no harm verb, and calls for a death (one alternative each: THREAT_EN_PARTS scans them apart)
_EN_IDIOMS = (
    r"watch (?:your|his|her|their) back", r"sleep with one eye open", r"your days are numbered",
    r"i know (?:where|which [a-z]{1,20}) (?:you|your(?: [a-z]{1,20}){1,2}) (?:live|lives|work|works|sleep|sleeps|go"
    r"|goes|park)(?![a-z])", r"break every bone in", r"won't live to see",
    r"be sorry (?:when|once|if) (?:i|we)(?![a-z])",
    # session 52: a bullet needed in a body as well (the needle stays " a bullet"), a lesson taught to a person as a
    # will or a call, a body's harm as a better look, a person put in hospital or the ground as a call (not "the
    # attack put the reporter in hospital"). THREAT_EN's guard holds MAX_NEEDLES (100) needles, all taken: (?i:...)
    # keeps these parts' own words from being needles, so each is looked for behind needles the others have (the
    # lesson behind " teach ", not one named after a colon or "namely / by / how": read2's "a proper lesson: I'm
    # cancelling my subscription"; a better look only wished, "would look", not "looks better" said; two needles
    # freed by "you're dead meat / a dead man" looked for behind "dead")
    r"(?:gets?|getting|deserves?|needs?(?= a bullet (?:in|through|between) (?:the|his|her|their|your|its)(?![a-z])))"
    r" a bullet", r"going to need (?:an ambulance|a coffin|a body bag)",
    r"(?:someone|somebody|i|we)(?i:'ll| will| should| ought to| needs to| has to| is going to| am going to"
    r"|'m going to|'re going to|'m gonna| gonna) teach (?:you|him|her|them|(?:that|the|this|those|these)"
    r" (?:[a-z]{1,20} )?(?:" + _EN_PERSON + r"|" + _EN_PRESS + r"))(?i: a )(?:real |proper |hard |painful |brutal )?"
    r"(?i:lesson)(?! *[:;\-–—(](?! *" + _EN_LESSON_HARM + r")"
    r"|,? (?:in|on|about|from|for|at|of|namely|by|with|how)(?![a-z]))",
    r"(?:would|['’]d) (?=look|sound)(?i:look |sound )(?i:better |nicer |prettier |quieter |much better )with"
    r" (?:a |an )?(?i:broken|smashed|busted|bloody|bloodied|swollen|shattered) (?i:" + _EN_PARTS + r")(?![a-z])",
    r"(?:should|ought to|needs? to|will|'ll|gonna|going to) (?:put|send) (?:that|the|this|those|these)"
    r" (?:[a-z]{1,20} )?(?i:" + _EN_PERSON + r"|" + _EN_PRESS + r") (?:in|into|to) (?:the |a )?(?:hospital|morgue"
    r"|grave|ground|icu|coffin|body bag)(?![a-z])",
    r"(?:com|go|driv|head|show)(?:e|es|ing)? (?:[a-z]{1,20} ){0,4}?with (?:my|a) (?:gun|shotgun|rifle|knife|machete)",
    r"you won't see (?:it coming|tomorrow|the next)",
    r"you(?:'re| are) (?:dead|dead(?i: meat)|(?i:a )dead(?i: man)|finished)(?= *(?:$|[.!,]| when| if| now| once))",
    r"you(?:'ll| will| are going to|'re going to|'re gonna| gonna)"
    r" (?:die|get (?:hurt|killed|shot|stabbed|beaten|what's coming)|pay for (?:this|that|it|what)|regret (?:this|it"
    r"|that|the day|ever|saying|writing|posting|what you|crossing))",
    r"(?:make|making) (?:you|him|her|them) (?:pay|bleed|suffer|regret|disappear)",
    r"i(?:'m| am|m) coming (?:for|after) (?:you|him|her|them)",
    r"(?:i|we)(?:'ll| will) come (?:for|after) (?:you|him|her|them)",
    r"(?:i|we)(?:'ll| will| am going to|'m going to|'re going to) (?:find|track) (?:you|him|her|them)"
    r"(?= *(?:$|[.!]| down| and))",
    r"hunt (?:you|him|her|them|every one of [a-z]{1,20}) down",
    r"put a (?:bullet|knife) (?:in|through|into) (?:you|your|his|her|him|them)",
    r"(?:send|put) (?:you|him|her|them) (?:to|in|into) (?:the |an? )?(?:hospital|grave|morgue|ground|icu|ambulance"
    r"|coffin|body bag)",
    r"run (?:you|him|her|them|every (?:single )?one of (?:you|them)) over",
    r"crack (?:your|his|her|their) (?:skull|head)",
    # session 23: the deed said around its object (set your car on fire, push you under a train); one needle or three
    # each, since THREAT_EN's own guard keeps at most MAX_NEEDLES (set fire to, throw acid on are harm verbs)
    r"(?:set|light) (?:you|him|her|them|(?:your|his|her|their) (?:[a-z]{1,20} )?(?:house|home|car|shop|flat|office"
    r"|family|kids|business)) on fire(?![a-z])",
    # session 54: a person's or the press's house or car set on fire, wished or called for by the writer as the
    # whole comment: a short opener of a closed list at most before it, a closed tail of menace at most after it ("i
    # hope someone sets the reporter's car on fire", "if anyone asks, someone needs to set the photographer's van on
    # fire, and soon", "... with her in it"); read2 (s53, s54): not inside a
    # sentence begun by someone else ("nobody in their right mind would hope ...", "i don't think someone should
    # ...", a quotation, a message framed by the sentence before it), not reported after it ("..., the troll wrote",
    # "that's what he posted", "reads the graffiti"), not a prediction ("someone is going to ... if ..."), asked, in a
    # story, a soap or a game, at a party ("set the old man's place on fire, it's his 80th": no place), with
    # complaints, or taken back ("..., not", "/s")
    r"^\s*(?:(?i:honestly|seriously|frankly|tbh|ngl|if anyone asks|if you ask me|right|ok|okay|well|look|listen"
    r"|lads|guys|folks|mate|people|enough|that's it|that's it then),? )?"
    r"(?i:(?:i|we) (?:really |just |so |honestly |sincerely |do )?(?:hope|wish|pray) (?:that )?"
    r"(?:someone|somebody|they|people|you|u) (?:would |will |could |goes and |go and )?"
    r"|(?:someone|somebody|people|we|you|u) (?:really |just )?(?:should|ought to|needs to|need to|has to|have to"
    r"|must)(?: go and| go| just)? |we(?: are|['’]re)? (?:gonna|going to)(?: go and| go)? |let['’]?s (?:go )?"
    r"|time to (?:go )?)"
    r"(?i:sets?|lights?) (?i:the|that|this) (?:[a-z]{1,20} )?"
    r"(?i:" + _EN_PERSON + r"|" + _EN_PRESS + r")['’]s (?:[a-z]{1,20} )?(?i:house|home|car|shop|flat|office"
    r"|family|kids|business|van) on fire(?![a-z])"
    # read2 (s54): and nothing after it but a closed tail of menace: the wish is the whole comment
    r"(?=(?:,? (?i:and soon|tonight|right now|asap|already|whatever the police (?:think|say)|and i hope the police"
    r" never (?:get|find) (?:a name|out|him|her|them)|with (?:him|her|them) (?:in it|inside|locked inside|still"
    r" inside)|while (?:she|he|they) sleeps?|and (?:her|his|their) (?:garage|car|house|kids|family) too"
    r"|and i(?:['’]d| would) hand them the matches(?: myself)?)){0,2}[.!]*\s*$)"
    r"(?![^.!\n]{0,60}\?)"
    r"(?![^.!?\n]{0,60}?(?<![a-z])(?i:wrote|writes|said|says|posted|posts|tweeted|tweets|commented|replied|claimed"
    r"|typed|messaged|is what|was what|were (?:his|her|their)|was (?:his|her|their)|episode|season|series|film"
    r"|movie|book|novel|chapter|game|gta|sims|minecraft|roblox|fortnite|sequel|script|scene|plot|story|stories|fic"
    r"|fanfic|twist|soap|show|tv|telly|reads|read|graffiti|sprayed|scrawled|daubed|banner|sign|party|birthday"
    r"|bday|band|gig|dance|celebrat[a-z]*|metaphorically|figuratively|not|kidding|joking|jk|/s)(?![a-z]))"
    # with anything but the people inside or what lights it ("with that playlist", "with complaints"; not "with
    # him locked inside", "with her in it"), nor a fire emoji ("lit")
    r"(?![^.!?\n]{0,60}?(?<![a-z])with (?!(?i:him|her|them|the (?:family|kids)|(?:his|her|their) (?:family|kids"
    r"|wife|husband)|everyone|petrol|gasoline|a (?:petrol bomb|molotov|lighter|match)|matches)(?![a-z])))"
    r"(?![^\n]{0,80}?\U0001f525)"
    r"(?![.!]* +(?i:not|jk|kidding|just kidding|joking)[.!]*$)"
    # the next sentence says whose words they were or condemns them ("that's what he posted", "posts like this ...")
    r"(?![^.!?\n]{0,60}?[.!]+\s?(?i:that['’]?s what|that is what|this is what|that was|this was|those were"
    r"|these were|(?:posts?|comments?|messages?|tweets?|threats?|words?) like (?:this|that|these)"
    r"|(?:he|she|they|the troll|someone|somebody|a user|one user) (?:wrote|posted|said|tweeted|sent|commented|typed)"
    r"|imagine)(?![a-z]))",
    # session 54: the school or nursery of a reporter's or of "your" children said as known, as the whole comment (at
    # most a closed tail of menace after it: "think about that", "and so will everyone here"); not of a politician
    # ("his", "the MP's": where a minister's children go to school is an argument about schools, read2 s53), not with
    # anything else said (a shared class, a story on air)
    r"^\s*(?:(?i:just so you know|fyi|btw|by the way|oh and|and|also),? )?i (?i:know|found out|know exactly)"
    r" (?i:where|which (?:school|nursery|primary|class)) (?i:your|(?:the|that|this) (?:[a-z]{1,20} )?(?:"
    + _EN_PRESS + r"|reporters?|journalists?|editors?|commenters?|posters?|trolls?)['’]s?)"
    r" (?i:kids?|children|child|daughters?|sons?|twins|little ones|boys?|girls?)"
    r"(?: (?i:go|goes|attend|attends)(?: (?i:to))?(?: (?i:school|nursery|primary))?| (?i:is|are) at)"
    r"(?:[.,;!]* *(?i:think about (?:that|it)|just saying|sleep well|sleep tight|watch yourself|be careful"
    r"|remember that|and so will everyone(?: here)?(?: by [a-z ]{1,20})?))?[.!]*\s*$",
    r"(?:push|throw) (?:you|him|her|them) (?:under|in front of|off) (?:a|the|that) (?:train|bus|lorry|truck"
    r"|tram|bridge|cliff|roof|balcony|platform)(?![a-z])",
    r"blow (?:your|his|her|their) (?:brains|head) (?:out|off)",
    _EN_CALL,
    r"(?:kill|shoot|hang|gas|exterminate|slaughter|lynch|murder|stab|rape) (?:them all|all of them|every (?:last"
    r" |single )?one of (?:them|you)|(?:all (?:of )?|every |the |those |these )(?:the )?(?:[a-z]{1,20} )?"
    + _EN_PERSON + r"(?![a-z]))",
    # veiled threats with no harm verb (session 17, en_veiled_threat_probe): safety denied with the writer as its
    # source ("you will never be safe here again, I promise", "[group] won't be safe once I ...", "no [group] is safe
    # from me"; not a concern: "won't be safe without proper lanes"), a harm wished on someone's own as a shame, people
    # like you disappearing, the days you have left, what's coming to you, you're next
    r"(?:" + _EN_NOT_I + r"(?:(?:wo|ca|are|is|was|were|do|does|did|would|could|will|can)n['’]t|not|never|no longer)"
    r"(?: (?:be|feel|stay|ever be|ever feel|going to be|gonna be))?|(?:no|nobody|no one)(?: [a-z]{1,20}){0,5}?"
    r" (?:is|are|will be|feels?)) safe(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?:(?:from|around|near) (?:me|us)"
    r"|(?:once|after|when|while|as long as|if|until)(?: what)? (?:i|we)|(?:i|we) (?:promise|swear"
    r"|guarantee)|(?:i|we)(?:['’]ll| will) (?:make sure|see to))"
    r"(?![a-z'’])",
    r"(?:shame|pity) if (?:something|anything)(?: bad)? (?:happened|happens|were to happen|was to happen) to (?:you"
    r"|your|him|her|them)(?![a-z])",
    r"(?:people|folks|men|women|guys|those) like (?:you|him|her|them)(?: [a-z]{1,20}){0,3}? (?:disappear|go missing"
    r"|have accidents|end up (?:dead|hurt|in (?:a |the )?(?:hospital|ditch|river|morgue)))(?![a-z])",
    r"count(?:ing)? (?:the|your) days(?: (?:you have|you['’]ve got|you got))? left(?! (?:until|till|before|to|of|in)"
    r"(?![a-z]))",
    r"what(?:['’]s| is) coming (?:for|to) (?:you|him|her|them)(?![a-z])",
    r"you(?:['’]re| are|['’]ll be| will be) next(?= *(?:$|[.!,;]| and(?![a-z])))",
    # a death wished with no harm verb (session 18, en_death_wish_probe): the writer wants / wishes / would love to see
    # a person or group dead, wiped out, six feet under ("I want that judge dead", "I'd like to see all the [group]
    # exterminated"); not a thing ("I want that bill dead") and, after a bare "them", only death itself ("I want them
    # strung up" may be fairy lights); "I don't want ..." opens none
    r"(?:i|we)(?:(?: (?:just|really|still|honestly|only|truly))? (?:want|wanted|wish|wished|want to see|wanna see"
    r"|can['’]?t wait to see|cannot wait to see|hope to see|pray to see|dream of seeing)|(?:['’]d| would)"
    r" (?:really |just )?(?:love to|like to|rather|prefer to) see) (?:(?:you|him|her|(?:(?:the|that|this|those|these"
    r"|every|all|each|all the|all of the|the lot of) )?(?:[a-z'’-]{1,20} ){0,2}?" + _EN_WISHED + r")"
    r"(?: [a-z'’]{1,20}){0,4}? (?:(?:were|was|to be|be|are) )?" + _EN_WISHED_DEATH
    + r"|(?:them|the lot of them|all of them|every (?:last |single )?one of them)"
    r"(?: [a-z'’]{1,20}){0,3}? (?:(?:were|was|to be|be|are) )?(?:dead|gassed|hanged|lynched|executed|killed"
    r"|six feet under|burned alive))(?![a-z])(?! (?:serious|tired|set|right|wrong|last|easy|simple|honest|quiet"
    r"|cent(?:re|er)|on|ahead|even|end|heat|weight|drunk|broke|beat|certain|sure|lucky|good|funny|slow|calm|straight"
    r"|still|silent|keen|down)(?![a-z]))",
)


# the will (or "ill" right before the harm), then a harm aimed at a person
_EN_WILL_HARM = (r"(?:" + _EN_WILL + _EN_GAP + r"|(?<![a-z])ill )(?<![a-z])" + _EN_HARM
                 + r"(?: (?:up|down|out|in|off|over))?(?: the (?:shit|hell|crap|life) out of)? " + _EN_OBJECT)


# a threat: the will and a harm aimed at a person, or an idiom (bounded gaps)
THREAT_EN = compiled(_EN_WILL_HARM + r"|(?<![a-z])(?:" + "|".join(_EN_IDIOMS) + ")")


# THREAT_EN's alternatives apart, in its order (the idioms share no first character and few needles): signals
# scans each only when its own needles are in the text, and merges their matches into THREAT_EN's
# (moderation/needles/parts.py; tests/test_pattern_parts.py compares them with THREAT_EN's own scan)
THREAT_EN_PARTS = (compiled(_EN_WILL_HARM), *(compiled(r"(?<![a-z])(?:" + idiom + ")") for idiom in _EN_IDIOMS))


# issue 13, session 43: the call for a death tried only where its call (_EN_DEATH: should die, deserve to be shot)
# matches, where it starts read back from there (needles.tails.Subject): the engine tried its ~400 subjects at each
# word of a text holding "should", "must" or "need" (~65 us at 200 characters)
THREAT_EN_TAILS = {1 + _EN_IDIOMS.index(_EN_CALL): (compiled(_EN_DEATH), width(_EN_CALL_HEAD),
                                                    Subject(_EN_CALLED, _EN_CALLED_WORDS))}
