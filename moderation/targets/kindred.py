"""The writer pointing at themself or at their own by the word ("this dyke just ran her first marathon", "my best
faggot turns 30 today", "me and the dykes from rugby went to the pub quiz"): owned.reading's readings of kin and self,
read only when the whole comment is the frame, its news and a closed sign-off."""

from __future__ import annotations

from moderation.pattern_cache import compiled

# session 53 (read2's refusals of session 52's kindred and greeted): an onlooker's stereotype may follow the frame in
# any open stretch - its clause ("..., no dad at the party"), the next sentence ("Wonder who he robbed for the
# deposit."), the tail of a closed phrase ("So proud, first one on the estate who can read.") - and no refusal list can
# name stereotypes. So the comment, from its first character to its last, must be a closed opener, the frame, news of
# a closed list and closed sign-offs: every word but the group word itself comes from the lists below.
_LONGEST = 220  # characters a comment of the closed grammar below can reach; longer ones are not read (linear)
# the words people reclaim in these frames (read2, session 53: "this kike just bought a house", "this nigger just got
# the keys, so proud", coon / chink / spic / retard are no one's own here); not bitch / hoe / slut either (Davidson's
# labels: left to a fit)
_KIN = compiled(r"(?:niggas?|queers?|dykes?|fags?|faggots?|homos?|tranny|trannies)(?![a-z])")
# ... and "tranny" not misgendered: no male vocative, title or pronoun anywhere in the comment ("my favourite tranny
# turns 40 today, happy birthday bro", "this tranny is officially a grandad", "... passed his driving test")
_MALE = compiled(r"(?<![a-z'’])(?:bro|king|mate|grandad|grandpa|lad|sir|dude|he|him|his|himself)(?![a-z'’])")
# between two closed pieces: spaces, marks (not "?": a question is no news) and a closed set of emoji
_SEP = (r"(?:[\s.,!;:~…—–\-*()'\"“”&+]|[🎓🎉🥳🎊🎂🎈❤♥💕💖💜🧡💛💚💙🖤🤍🥹😭😊😁😀😃😄☺🙂😍🥰"
        r"🙏🏳🌈⚧✨💪🏆👏🙌🏠🔑🍾🥂🍻☕😴💤🏅\u200d\U0001f3fb-\U0001f3ff])*")
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)"
_WHEN = (r"(?: (?:today|tonight|yesterday|first time|officially|now|on (?:the|my|her|his|their) first"
         r" (?:try|go|attempt)|first (?:try|go)|with (?:a )?(?:distinction|first|merit|honours)|last (?:night|weekend)"
         r"|this (?:morning|afternoon|evening|weekend|week|year|summer)|on " + _DAY + r"|next (?:week|weekend))){0,3}")
_VOC = r"(?: (?:babe|hun|hon|love|darling|mate|sis|bro|queen|king|x+))?"
# the openers a comment may start with, and the sign-offs it may end with (each whole: "thank you all for the cake",
# not "thank you all for the donations, the bail fund is next"; no "wish me luck", "send help", "lol", "thanks for the
# support", "got his results": they can point at the word's bearer; no surprise either - "finally", "at last",
# "actually", "omg", "i can't believe it", "after ten years": "this nigga finally got a job" says what the onlooker
# expected of them)
_OPENER = r"(?:(?:guys|update|so|ok|okay|hey all|hi all)" + _SEP + r")?"
_FOR = (r"(?: for (?:the |all the |your |my )?(?:cake|love|messages|wishes|birthday wishes|kind words|cards?"
        r"|flowers|party))?")
_SIGN_OFF = (r"(?:night all|night everyone|nite all|good ?night(?: all| everyone| world)?|night night"
             r"|so proud(?: of (?:me|myself|us))?|proud of (?:me|myself|us)|(?:so |really )?(?:happy|chuffed|buzzing"
             r"|made up|emotional|grateful|blessed)|thank you(?: all| everyone| so much| guys)?" + _FOR +
             r"|thanks(?: all| everyone| guys| so much)?" + _FOR + r"|cheers(?: all| everyone| guys)?"
             r"|(?:(?:mama|mum|mom|ma) )?(?:i|we) (?:made it|did it)|i can['’]?t (?:stop (?:smiling|crying)"
             r"|feel my legs|believe (?:i|we) did it)|i start (?:on )?(?:" + _DAY + r"|next week)"
             r"|(?:i )?cried|crying|fingers crossed|yay|woo+(?:hoo+)?|let['’]?s go+|lets go+|get in"
             r"|happy (?:birthday|anniversary)" + _VOC + r"|(?:love|miss) (?:you|ya)" + _VOC + r"|congrat\w*" + _VOC +
             r"|best day ever|best day of (?:my life|the (?:year|summer))|housewarming(?: (?:on|next|this) " + _DAY +
             r")?|x+)")
_TAIL = r"(?:" + _SEP + r"(?:(?:and|so) )?" + _SIGN_OFF + r"(?![a-z'’]))*" + _SEP
# an age of 18 or more (read2, s54: a child's birthday is no one's own word: "my favourite little faggot turns 9 today")
_ADULT = r"(?:1[89]|[2-9]\d|1[01]\d)(?!\d)"
# session 52: "this" and at most two describing words, the singular word, then a milestone of the writer's own
# ("this dyke just ran her first marathon", "this queer got the job!!!", "this old fag retired today")
_THIS_BEFORE = compiled(_OPENER + r"this(?: (?:old|little|lil|ol|proud|tired|happy|lucky|grumpy|humble|sleepy"
                        r"|exhausted|retired|middle-aged|young|very)){0,2} ")
_MILESTONE = compiled(r"(?: (?:has|['’]s|is|just|officially)){0,2}"
                      r" (?:ran (?:(?:a|an|my|her|his|their|the) )?(?:first |own )?(?:marathon|half marathon|10k|5k"
                      r"|ultra)|passed (?:(?:her|his|my|their|the|all) )?(?:(?:driving|theory|final|nursing|bar) )?"
                      r"(?:test|exams?|finals|viva)|graduated|qualified|turned " + _ADULT + r"|made it|nailed it"
                      r"|aced it|bought (?:(?:a|my|her|his|their|the) )?(?:first |new |own )?(?:house|home|flat)"
                      r"|got (?:(?:the|a new|her|his|my|their) )?(?:new |first )?(?:job|keys|degree|licen[cs]e"
                      r"|passport|diploma|black belt|promotion)|got (?:promoted|married|engaged|hitched)"
                      r"|is (?:now |officially )?an? (?:homeowner|home owner|graduate|grandma|grandad|nan"
                      r"|black belt|marathon runner))" + _WHEN + _TAIL)
# ... or the writer leaving (retired, off to bed) with a goodnight or thanks for a closed list only: glee may follow a
# departure ("this faggot retired today, best day ever", "good news: this queer is off to bed, yay")
_LEFT = compiled(r"(?: (?:has|['’]s|is|just|officially)){0,2} (?:retired|is (?:off to (?:bed|sleep)|going to bed"
                 r"|calling it a night|signing off|logging off))" + _WHEN + r"(?:" + _SEP + r"(?:night all"
                 r"|night everyone|nite all|good ?night(?: all| everyone| world)?|night night|thank you(?: all"
                 r"| everyone| so much)? for (?:the |all the |your |my )?(?:cake|love|messages|wishes|cards?|flowers"
                 r"|party|kind words)|x+)(?![a-z'’]))*" + _SEP)
# session 52: "my" and an affectionate word before the singular word ("my best faggot is getting married"): the
# writer's own friend, then news of a closed list (a birthday, a wedding, a degree, an outing with the writer) or a
# greeting to them ("my favourite faggot, happy birthday"); not a baby, a homecoming or a job that minds children: an
# onlooker's insinuation needs no word after them ("my favourite nigga is coming home", "this tranny is a teacher now")
_DEAR_BEFORE = compiled(_OPENER + r"my (?:very |absolute |one true )?(?:best|bestest|favou?rite|fave|main"
                        r"|number one|ride or die|one and only|dearest|oldest|closest|lovely|gorgeous|darling"
                        r"|precious)(?: (?:little|lil|old|ol))? ")
# the outings and places of a closed list the writer goes to with their own ("the coast", "a pub quiz", "the reunion")
_OUTING = (r"(?: (?:a|an|the|our|my))?(?: (?:brilliant|great|lovely|fab|fabulous|amazing|good) time at(?: the| our)?)?"
           r"(?: (?:big|annual|first|summer|christmas|sunday|friday|monthly|weekly|pub))? (?:quiz|pub|party|pride"
           r"|curry|dinner|brunch|lunch|holiday|trip|reunion|gig|karaoke|choir|march|festival|beach|seaside|coast"
           r"|camping|drinks|picnic|barbecue|bbq|wedding|cinema|concert|walk|hike|swim|race|tournament|league|final"
           r"|rehearsal|panto|disco|club night|book club|allotment|match|cup final)")
_DEAR_AFTER = compiled(r"(?:(?: (?:just|is|has|officially)){0,2} (?:turns " + _ADULT + r"|turned " + _ADULT +
                       r"|is getting (?:married|hitched)|got (?:married|engaged|hitched|promoted|the job)|graduated"
                       r"|passed (?:(?:her|his|their) )?(?:driving )?test)"
                       r"| and (?:i|me)(?: are| were|['’]re)? (?:off to|going to|went to|at|had|did)"
                       + _OUTING + r"|,? (?:happy (?:birthday|anniversary)|love you|miss you|congrat\w*)" + _VOC
                       + r")" + _WHEN + _TAIL)
# session 52: "me and the" at the comment's start, the plural word, where they are from (a closed list), a verb and an
# outing ("me and the dykes from rugby are doing a pub quiz tonight", "me and all the old fags had a brilliant time at
# the reunion"); not the neighbours, a quarrel or a contest (none of them is in the lists)
_COMPANY_BEFORE = compiled(_OPENER + r"(?:me|myself) and (?:all )?the(?: (?:old|fellow|little|lil|proud)){0,2} ")
_COMPANY_AFTER = compiled(r"(?: from (?:the |my |our )?(?:rugby|football|netball|hockey|cricket|work|uni|college"
                          r"|school|church|choir|gym|club|team|estate|block|ends|office|band|book club|pub|village"
                          r"|squad|group chat|course|class|ward))?(?: (?:are|were|['’]re|just|all|both)){0,2}"
                          r" (?:(?:went|go|going|headed|heading|off) to|at|doing|did|having|had|hosting|booked|won)"
                          + _OUTING + _WHEN + _TAIL)


def kindred(t: str, a: int, b: int) -> bool:
    """The word at [a, b) shows the writer ("this dyke just ran her first marathon"), the writer's dear friend ("my best
    faggot turns 30") or their company ("me and the dykes from rugby ..."), and the whole comment is that frame, its
    news and closed sign-offs (an open stretch anywhere may carry an onlooker's stereotype; bounded: linear)."""
    if len(t) > _LONGEST or _KIN.fullmatch(t, a, b) is None or (t[a] == "t" and _MALE.search(t) is not None):
        return False
    if t[b - 1] in "sz":
        return _COMPANY_BEFORE.fullmatch(t, 0, a) is not None and _COMPANY_AFTER.fullmatch(t, b) is not None
    if _THIS_BEFORE.fullmatch(t, 0, a) is not None:
        return _MILESTONE.fullmatch(t, b) is not None or _LEFT.fullmatch(t, b) is not None
    return _DEAR_BEFORE.fullmatch(t, 0, a) is not None and _DEAR_AFTER.fullmatch(t, b) is not None
