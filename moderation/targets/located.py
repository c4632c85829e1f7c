"""A person's home said to be found, then a visit announced or urged: the doxxing threat that names no violence."""

from __future__ import annotations

from moderation.pattern_cache import compiled
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
             r"|(?<=[一-龥ァ-ヶー])(?:議員|市長|町長|村長|区長|知事|部長|課長|社長|会長|校長|教授|大臣|市議|県議|アナ|氏)"
             r"|(?<![一-龥ァ-ヶー])(?:市長|町長|村長|区長|知事|首相|総理)(?=の|、|って))")
_PLACE_JA = (r"(?:家|自宅|住所|実家|住まい|住んでる|住んでいる|居場所|勤め先|勤務先|職場|マンション|アパート|部屋"
             r"|最寄り)")
# found, known, got (not in the passive: 特定された, 晒された are what was done to them)
_FOUND_JA = (r"(?:特定(?!され|される)|突き止め|見つけ|見つか|分かった|わかった|分かってる|わかってる|判明|割れ|ゲット"
             r"|入手|把握|調べ(?:がつ|がつい|上げ|つい|た)|押さえ|知ってる|知っている|出てきた|バレ"
             # or described where it stands (駅前の角の白い家だろ, 3丁目の): as good as found
             # spelt out word by word, the same matches in the same order: written (?:家|...)(?:だろ|...), its needle
             # was 家 alone, and 家族 or 農家 in a comment naming groups made the whole pattern scan (+50 µs a score)
             r"|" + "|".join(home + end for home in ("家", "マンション", "アパート", "一軒家")
                             for end in ("だろ", "だぞ", "だよな?", "だな", "です"))
             + r"|丁目|番地|号室)")
# menace said with the visit: a civil purpose beside it does not make it civil (お礼してやる, 話つけてくる, 覚えとけ)
_MENACE_JA = (r"(?:てやる|てやっ|てやろ|やるから|覚悟|待ってろ|待っとけ|逃げ(?:る|ん)な|思い知|後悔"
              r"|わから(?:せ|す)|分から(?:せ|す)|覚えと|覚えてろ|覚えておけ|ただじゃ|ただでは|どうなるか"
              r"|話(?:を)?つけ|けじめ|ケジメ|夜道|礼参り|痛い目|ぶっ|殺|潰し|潰す|締め|シメ|焼き|火を"
              r"|晒し(?:に|て)|ボコ|殴|刺)")
# the writer's visit, announced or urged (ending the clause: 行くから, 凸ってくる, お邪魔しまーす, 待ってろ; 行って
# or 乗り込む with menace after it: 行って話つけてくる, 乗り込んでクビにしてやる)
_VISIT_JA = (r"(?:会いに(?:行|い|来)|挨拶(?:しに|に)(?:行|い|伺|凸)|お邪魔|凸(?!版|凹)|突撃|ピンポン|押しかけ|押し掛け"
             r"|乗り込|殴り込|行って(?=" + _G + r"{0,16}?" + _MENACE_JA + r")|遊びに(?:行|い)"
             r"|様子(?:を)?見に(?:行|い)|顔(?:を)?見に(?:行|い)|訪ね(?:る|て|ます)|そっち(?:に)?(?:行|い)"
             r"|(?:行く|いく|行きます|伺います|伺う|向かう|行ってやる|行ってくる)(?:から|わ|ね|ぞ|よ|な|んで|ので)?"
             r"(?=から|待って|(?!(?!笑)[ぁ-んァ-ヶー一-龥]))|待ってろ|待っとけ|待ってて(?:ね|な|や)?(?=$|[。!！…]))")
# the visit's stated civil purpose (session 28: 記者の自宅がわかったので、今度取材のお礼に行きます was threat
# 0.989): a thing to hand over (署名, 嘆願書, 忘れ物, 菓子折り), an errand (取材, お礼, お詫び, 届け, 返し,
# 陳情), or a protest at a public office (県庁前へ抗議に); never お礼参り (revenge), and none with menace said beside
# it (_MENACE_JA)
_PURPOSE_JA = (r"(?:署名|嘆願書|陳情書|要望書|請願書|意見書|寄せ書き|花束|手土産|菓子折り|お土産|忘れ物"
               r"|落とし物|荷物|届け物"
               r"|(?:取材|インタビュー|お礼(?!参り)|御礼(?!参り)|お詫び|おわび|謝罪|謝り|陳情|請願|返し|返却|届け|渡し"
               r"|お祝い|お見舞い|見舞い|弔問|お悔やみ|説明|依頼|お願い|相談)(?:を|の|に|しに|して|する|させ)"
               r"|(?:庁|役所|役場|議会|事務所|官邸|省|本社|支社)(?:前)?(?:で|に|へ|の)?" + _G + r"{0,8}?"
               r"(?:抗議|デモ|集会|陳情|座り込み))")
_SPAN_JA = _G + r"{0,40}?(?:" + _END + r"+\s?" + _G + r"{0,40}?)?"  # the rest of this sentence and the next
_CIVIL_NOT_JA = r"(?:(?=" + _SPAN_JA + _MENACE_JA + r")|(?!" + _SPAN_JA + _PURPOSE_JA + r"))"
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
# each way of saying a home found, apart (LOCATED_VISIT_PARTS scans each behind its own needles)
_LOCATED_EN_WAYS = (
    # found out where the reporter lives; I know which flat he lives in
    r"(?:" + _FOUND_EN + r") (?:exactly )?(?:where|which (?:house|flat|street|building|apartment|road)) "
    + _OWNER_EN + r"(?: [a-z'’-]{1,20}){0,6}? (?:lives?|works?|sleeps?|stays?|parks?)(?![a-z])",
    # got the commenter's home address; tracked down the reporter's home; I know his street
    r"(?:" + _FOUND_EN + r") (?:(?:the|that|this) )?" + _OWNER_EN + r"(?:['’]s?)? (?:[a-z'’-]{1,20} ){0,2}?"
    + _PLACE_EN,
    # your address took me five minutes to find; the reporter's address is on my screen
    _OWNER_EN + r"(?:['’]s?)? (?:[a-z'’-]{1,20} ){0,1}?" + _PLACE_EN
    + r"[^.!?\n]{0,30}?(?:find|found|track(?:ed)? down|dig up|dug up|look(?:ed)? up|on my (?:screen|phone|desk)"
    r"|in my (?:hands|phone|notes))",
    # the commenter who called me a liar lives two streets away
    _OWNER_EN + r"(?: [a-z'’-]{1,20}){0,8}? (?:lives|is living|sleeps) (?:at|in|on|near|round|around|by"
    r"|just|two|three|a few|down|up|\d)(?![a-z])",
    # or where it stands described: Director X's house is the blue one on Oak Lane, his flat is at number 4
    _OWNER_EN + r"(?:['’]s?)? (?:[a-z'’-]{1,20} ){0,1}?(?:house|home|flat|apartment) is (?:the|at|on|in"
    r"|number|right|just|\d)(?![a-z])")
_LOCATED_EN = "|".join(_LOCATED_EN_WAYS)
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
# a report right after the visit
_TOLD_EN = r"(?![^.!?\n]{0,40}?(?:reported|police|according to|investigat))"
# the visit's stated civil purpose (session 28: "Found the mayor's house. I'll be there at 9 with the petition." was
# threat 0.999): to hand over, return, thank, apologise, interview, ask; with a thing to give (the petition, flowers,
# a card); for an interview or a comment; a protest at a public office; none with menace said beside it
_MENACE_EN = (r"(?<![a-z])(?:regret|learns?|lesson|won['’]t (?:like|forget|enjoy)|make (?:him|her|them|you) (?:pay"
              r"|sorry|regret|apologi[sz]e|beg)|pay for|scare|sort (?:this|it|him|her|them|you) out|finish (?:this|it"
              r"|him|her|them|you)|settle (?:this|it|the score)|not (?:coming|going) to (?:talk|chat)|teach|hurt"
              r"|deal with (?:him|her|them|you)|keep (?:quiet|her mouth|his mouth)|shut (?:him|her|them|you) up"
              r"|with (?:a|my|some|our) (?:bat|knife|gun|crowbar|hammer|lads|mates|boys)|you['’]d better"
              r"|better be"
              r"|watch (?:your|his|her|their) back|see what happens|what['’]s coming|burn|smash|kill|beat)(?![a-z])")
_PURPOSE_EN = (r"(?<![a-z])(?:(?:to|and) (?:hand|deliver|return(?! the favou?r)|give|bring(?: back)?|drop off"
               r"|thank|apologi[sz]e|say (?:sorry|thanks|thank you)|interview|ask|present|invite|congratulate"
               r"|collect|pick up|help|offer"
               r"|sign)|with (?:a |an |the |our |my |some )?(?:[a-z'’-]{1,15} ){0,2}?(?:petition|signatures|flowers"
               r"|card|gift|present|cake|letter|apology|thanks|invitation|parcel|package|pizza|food|wine|beer|casserole"
               r"|documents|leaflets)|for (?:an |the |a )?(?:[a-z'’-]{1,15} )?(?:interview|comment|signature|meeting"
               r"|appointment)"
               r"|(?:town hall|city hall|ministry|council offices?|parliament|embassy|headquarters|constituency office)"
               r"[^.!?\n]{0,30}?(?:protest|demonstrat|rally|picket|banners|placards|vigil))(?![a-z])")
# the rest of this sentence and the next; its class excludes every end _END matches (a raw run of 。 was read both
# ways, ~1000x the cost a character)
_SPAN_EN = _G + r"{0,60}?(?:" + _END + r"+\s?" + _G + r"{0,60}?)?"
_CIVIL_NOT_EN = r"(?:(?=" + _SPAN_EN + _MENACE_EN + r")|(?!" + _SPAN_EN + _PURPOSE_EN + r"))"

_LOCATED_JA = (r"(?:" + _OWNER_JA + r")(?:の|、|って)?" + _G + r"{0,10}?" + _PLACE_JA + _G + r"{0,12}?" + _FOUND_JA
               + _CIVIL_NOT_JA + _NEXT + _VISIT_JA + _TOLD_JA)
_VISITED_EN = _CIVIL_NOT_EN + _NEXT + _VISIT_EN + _TOLD_EN  # what follows each English way of a home found
LOCATED_VISIT = compiled(_LOCATED_JA + r"|(?<![a-z])(?:" + _LOCATED_EN + r")" + _VISITED_EN)

# LOCATED_VISIT's alternatives apart, in its order (X(A|B)Y is XAY|XBY: the same matches; moderation/needles/parts.py):
# scanned whole, its English half had no start the engine could skip to and five ways behind one guard, so a visit word
# and a common owner word ("you", "the") scanned every position of an English comment (62 us a scan, 15% of them)
LOCATED_VISIT_PARTS = (compiled(_LOCATED_JA),
                       *(compiled(r"(?<![a-z])(?:" + way + r")" + _VISITED_EN) for way in _LOCATED_EN_WAYS))

# a visit for a civil errand (菓子折りを持って謝りに行きます, お礼を言いに伺います) with no menace anywhere in the text:
# the home or workplace found is where the writer means to apologise or thank, not what they post for others to use
# (session 34: 上のコメントの人の家がわかった。…謝りに行きます was personal_info 0.316 with 2026.12.04-5). Narrower than
# _PURPOSE_JA: no 説明/相談 (説明しに行くわ at a commenter's home is as likely a confrontation: read2, session 34), no
# させ (謝罪させに行く is coercion), no protest at an office
_ERRAND_JA = (r"(?:署名|嘆願書|花束|手土産|菓子折り|お土産|忘れ物|落とし物|荷物|届け物"
              r"|(?:取材|インタビュー|お礼(?!参り)|御礼(?!参り)|お詫び|おわび|謝罪|謝り|返し|返却|届け|渡し|お祝い|お見舞い"
              r"|見舞い|弔問|お悔やみ|依頼)(?:を|の|に|しに|して|する(?!よう)))")
ERRAND_VISIT = compiled(_ERRAND_JA + _G + r"{0,20}?(?:行|伺|来)")
MENACE_JA = compiled(_MENACE_JA)

# someone else's doxxing told: the finding or the exposure in the passive, then a report, a case or the police in the
# same sentence (記者の自宅が特定されたとの報道, 家も特定されたらしいとニュースで見た, 晒された事件で警察が捜査); the
# personal-information reading keeps such a text unexposed when it repeats no identifying piece (pii.personal_info)
EXPOSURE_TOLD = compiled(r"(?:特定|晒|突き止め|割り出)され" + _G + r"{0,30}?(?:報道|報じ|ニュース|によると|事件|問題"
                         r"|被害|警察|捜査|逮捕|書類送検|らしい|とのこと|と見た|と聞いた)")
