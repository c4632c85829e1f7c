"""A person's home said to be found, then a visit announced or urged: the doxxing threat that names no violence."""

from __future__ import annotations

import re

from moderation.targets.threats import _G  # any character inside one sentence

# issue 12 (session 27): 記者の家を特定した、今から行くわ scored threat 0.19: no violence verb, no idiom, yet the
# newsroom's worst fear. Read as one construction: (1) whose home, address, family home or workplace was found,
# known or obtained, the owner someone the thread aims at (a reporter, a commenter, you, an official by name and
# office; not a friend, a relative or a lost wallet's owner), then (2) in the same or the next sentence a visit the
# writer announces or urges (行く, 凸る, お邪魔する, 待ってろ; I'm coming, see you tonight, pay a visit, show up). A
# report of someone else's doxxing breaks it: the finding in the passive (特定された, was posted), a past visit
# (showed up, paid her a visit), a report or a condemnation right after (と報じ, によると, 脅迫だ; the paper
# reported, police are investigating), and a match inside quoted words is someone else's (patterns.py masks it)

_END = r"[。．.!?！？\n]"  # a sentence's end
_NEXT = _G + r"{0,30}?(?:" + _END + r"+\s?" + _G + r"{0,30}?)?"  # to the visit: this sentence or the next

# whose: someone the thread aims at (the person addressed, a commenter, a reporter, an official named by office)
_OWNER_JA = (r"(?:お前|おまえ|オマエ|てめえ|テメエ|てめー|あんた|アンタ|貴様|きさま|こいつ|コイツ"
             r"|あいつ|アイツ|そいつ|ソイツ|記者|コメ主|投稿者|投稿主|スレ主|書き込んだ(?:奴|やつ|人)|書いた(?:奴|やつ|人)|上の(?:人|奴|やつ|コメ)"
             r"|(?<=[一-龥ァ-ヶー])(?:議員|市長|町長|村長|区長|知事|部長|課長|社長|会長|校長|教授|大臣|市議|県議|アナ|氏))")
_PLACE_JA = (r"(?:家|自宅|住所|実家|住まい|住んでる|住んでいる|居場所|勤め先|勤務先|職場|マンション|アパート|部屋"
             r"|最寄り)")
# found, known, got (not in the passive: 特定された, 晒された are what was done to them)
_FOUND_JA = (r"(?:特定(?!され|される)|突き止め|見つけ|見つか|分かった|わかった|分かってる|わかってる|判明|割れ|ゲット"
             r"|入手|把握|調べ(?:がつ|がつい|上げ|つい|た)|押さえ|知ってる|知っている|出てきた|バレ)")
# the writer's visit, announced or urged (ending the clause: 行くから, 凸ってくる, お邪魔しまーす, 待ってろ)
_VISIT_JA = (r"(?:会いに(?:行|い|来)|挨拶(?:しに|に)(?:行|い|伺|凸)|お邪魔|凸(?!版|凹)|突撃|ピンポン|押しかけ|押し掛け"
             r"|遊びに(?:行|い)|様子(?:を)?見に(?:行|い)|顔(?:を)?見に(?:行|い)|訪ね(?:る|て|ます)|そっち(?:に)?(?:行|い)"
             r"|(?:行く|いく|行きます|伺います|伺う|向かう|行ってやる|行ってくる)(?:から|わ|ね|ぞ|よ|な|んで|ので)?"
             r"(?=から|待って|(?!(?!笑)[ぁ-んァ-ヶー一-龥]))|待ってろ|待っとけ|待ってて(?:ね|な|や)?(?=$|[。!！…]))")
# a report or a condemnation right after it in the sentence: someone else's doxxing told
_TOLD_JA = (r"(?!" + _G + r"{0,24}?(?:と報じ|との報道|と報道|によると|らしい|ニュース|事件|警察|捜査|逮捕|なんて|という"
            r"|脅迫|通報))")

_OWNER_EN = (r"(?:(?:the|that|this|some) (?:[a-z'’-]{1,20} ){0,2}?(?:reporter|journalist|columnist|commenter|poster"
             r"|writer|author|editor|moderator|mod|troll|critic|guy|girl|bloke|lady|woman|man|clown|idiot|mayor"
             r"|councillor|councilor|senator|minister|director|judge|official|inspector|presenter|anchor)"
             r"|(?:councillor|councilor|mayor|director|senator|minister|judge|inspector|professor|dr|mr|mrs|ms)\.? "
             r"[a-z'’-]{2,20}|you|your|ur|his|her|their|him|them)(?![a-z])")
_PLACE_EN = (r"(?:home address|address|home|house|flat|apartment|place|front door|door|doorstep|street|house number"
             r"|postcode|zip code|parents['’] (?:house|place|home)|family home|workplace)(?![a-z])")
_FOUND_EN = (r"(?:found|find|figured|worked|know|knew|learned|learnt|got|have|has|tracked|traced|dug|looked|pinned"
             r"|located|grabbed|obtained|pulled)(?: (?:out|down|up))?")
_LOCATED_EN = (
    # found out where the reporter lives; I know which flat he lives in
    r"(?:" + _FOUND_EN + r") (?:exactly )?(?:where|which (?:house|flat|street|building|apartment|road)) "
    + _OWNER_EN + r"(?: [a-z'’-]{1,20}){0,6}? (?:lives?|works?|sleeps?|stays?|parks?)(?![a-z])"
    # got the commenter's home address; tracked down the reporter's home; I know his street
    r"|(?:" + _FOUND_EN + r") (?:(?:the|that|this) )?" + _OWNER_EN + r"(?:['’]s?)? (?:[a-z'’-]{1,20} ){0,2}?"
    + _PLACE_EN
    # your address took me five minutes to find; the reporter's address is on my screen
    + r"|" + _OWNER_EN + r"(?:['’]s?)? (?:[a-z'’-]{1,20} ){0,1}?" + _PLACE_EN
    + r"[^.!?\n]{0,30}?(?:find|found|track(?:ed)? down|dig up|dug up|look(?:ed)? up|on my (?:screen|phone|desk)"
    r"|in my (?:hands|phone|notes))"
    # the commenter who called me a liar lives two streets away
    r"|" + _OWNER_EN + r"(?: [a-z'’-]{1,20}){0,8}? (?:lives|is living|sleeps) (?:at|in|on|near|round|around|by"
    r"|just|two|three|a few|down|up|\d)(?![a-z])")
# the will, then the visit (I'll be at his door, someone should go pay her a visit, let's all go round, time to show
# up); see you soon; expect a knock; on my way (not a past visit told: showed up, paid her a visit)
_WILL_EN = (r"(?:i(?:['’]ll| will| am going to|['’]m going to|['’]m gonna| gonna|['’]m| am)|im|we(?:['’]ll| will"
            r"|['’]re going to|['’]re gonna| are going to|['’]re| are)|let['’]?s(?: all)?|time to|someone (?:should"
            r"|needs to|ought to|has to|could)|who(?:['’]s| is| wants to)(?: up for)?|(?<![a-z] )go|going to|gonna)")
_VISIT_VERB = (r"(?:come|coming|go(?:ing)? (?:round|over|see|pay|visit|knock)|be (?:at|outside|on|round|waiting|there"
               r"|knocking|over|by)|drop(?:ping)? (?:by|in|round)|pay(?:ing)? (?:you|him|her|them|a) (?:a )?visit"
               r"|show(?:ing)? up|turn(?:ing)? up|knock(?:ing)? on|stop(?:ping)? by|swing(?:ing)? by"
               r"|pop(?:ping)? (?:round|over|by)|visit(?:ing)?|wait(?:ing)? (?:at|outside|for|by)"
               r"|see (?:you|him|her|them))(?![a-z])")
_VISIT_EN = (r"(?:(?<![a-z])" + _WILL_EN + r"(?: [a-z'’]{1,20}){0,3}? " + _VISIT_VERB
             + r"|(?<![a-z])see you (?:soon|tonight|tomorrow|this|at|there|then|later|real soon)"
             r"|(?<![a-z])expect (?:a knock|a visit|company|me|us|visitors)|(?<![a-z])on (?:my|our) way(?![a-z]))")
# a benign purpose named after the visit, or a report right after it
_TOLD_EN = (r"(?![^.!?\n]{0,40}?(?:with (?:a |some |the )?(?:pizza|cake|flowers|gift|present|food|card|wine|beer"
            r"|thank)|for (?:an |the )?interview|to (?:return|give|hand|deliver|interview|thank)|reported|police"
            r"|according to|investigat))")

LOCATED_VISIT = re.compile(
    r"(?:" + _OWNER_JA + r")(?:の|、|って)?" + _G + r"{0,10}?" + _PLACE_JA + _G + r"{0,12}?" + _FOUND_JA
    + _NEXT + _VISIT_JA + _TOLD_JA
    + r"|(?<![a-z])(?:" + _LOCATED_EN + r")" + _NEXT + _VISIT_EN + _TOLD_EN)

# someone else's doxxing told: the finding or the exposure in the passive, then a report, a case or the police in the
# same sentence (記者の自宅が特定されたとの報道, 家も特定されたらしいとニュースで見た, 晒された事件で警察が捜査); the
# personal-information reading keeps such a text unexposed when it repeats no identifying piece (pii.personal_info)
EXPOSURE_TOLD = re.compile(r"(?:特定|晒|突き止め|割り出)され" + _G + r"{0,30}?(?:報道|報じ|ニュース|によると|事件|問題"
                           r"|被害|警察|捜査|逮捕|書類送検|らしい|とのこと|と見た|と聞いた)")
