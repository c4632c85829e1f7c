"""Japanese menace at the one addressed, told apart from the care said in the same words: their people called, their
name kept, a caution given as an order."""

from __future__ import annotations

from moderation.targets.threats import _G, _KANA
from moderation.wordlists.alternation import prefix_tree


def _first(*words: str) -> str:
    """Any of `words`, behind a look-ahead for their first characters: a position is rejected in one step, not one
    step a word (the plight's 80 words are read at every character of a clause)."""
    return "(?=[" + "".join(sorted({w[0] for w in words})) + "])(?i:" + prefix_tree(words) + ")"


# session 42: the addressed person marked, as the construction says it, not by the words of a case: telling their
# workplace or people on them as a threat (お前の職場に電話してやろうか: allowed at 0.207 by 2026.12.05-8, whose rows
# now teach the telling only with its words) and their name or face kept for later (覚えといてやるよ、お前の名前:
# 0.271). Only after the one addressed's の (a favour is said of one's own or no one's workplace: 俺から会社に連絡
# 入れといてやる; あいつ / こいつ are admired as often), the verb right before the will (not 〜しといてやる, done
# in advance for them), and only a will that menaces: an offer (てやろうか), a warning (からな, ぞ), the clause's end;
# not てやるから、 / するから (a reason for what follows: 休みな, 持っとけ; read2, session 42). (?i:...) keeps their
# words from being needles (THREAT_JA's guard: 99 of MAX_NEEDLES with _JA_WILL's spellings sharing one each); a
# look-ahead for the first characters rejects a position in a step, as _JA_TAUGHT's (~3 us a 200-character text
# where a part's needle is)
_YOU = ("お前", "おまえ", "てめえ", "貴様", "あんた")  # the one addressed: not あいつ / こいつ (admired as often)
_ON_YOU = "(?:" + "|".join(f"(?<={t}の)" for t in _YOU) + ")"
_YOURS = _first(*_YOU) + "(?i:の)"
_TOLD_PLACES = r"(?i:職場|会社|勤め先|勤務先|学校|バイト先|上司|家族|親|嫁|旦那)"
_PLACE_FIRST = r"(?=[職会勤学バ上家親嫁旦])"
_TOLD_TAIL = _TOLD_PLACES + r"(?i:に|にも)" + _G + r"{0,12}?"
_TOLD_WILL = (r"(?:てや(?i:ろうか|ろか|るからな|るぞ|るわ|る(?=[。！!？?\n]|$)|ったぞ|ったからな)"
              r"|たる(?i:からな)|(?i:す)るぞ)")
_JA_TOLD = (_TOLD_TAIL + r"(?=[通電凸チバば晒])(?i:通報|電凸|凸|チク|バラ|ばら|晒)" + _KANA + r"{0,1}?"
            + _TOLD_WILL)

# session 43: but a call (電話, 連絡) is offered out of care as often: under a condition or a reason of the addressed
# person's plight (具合悪いなら、お前の会社に電話してやろうか？ -9 0.846; 終電なくなったなら… 0.998) or with a message
# for them after it (…忘れ物届いてますって 0.947). A call is a menace under any other condition (また同じこと書いたら,
# 謝らないなら, 文句があるなら: what the addressed person did or will not do), under one that dares them even beside
# a plight (困ってもいいなら, これ以上, くせに, 仮病), or with what it will tell them on after it (…浮気してたって).
# The plight: ill, stranded, late, something lost, unable; the help a call brings them
_STATES = ("具合", "体調", "熱中症", "熱", "風邪", "咳", "声が出", "頭痛", "腹痛", "お腹", "腹が痛", "頭が痛",
           "歯が痛", "腰が痛", "倒れ", "怪我", "ケガ", "けが", "骨折", "くじ", "入院", "病院", "寝込", "しんど",
           "気分が悪", "二日酔", "酔いつぶれ", "酔っ", "終電", "終バス", "電車", "間に合わ", "迷子", "迷っ", "足止め",
           "運休", "忘れ", "落とし", "なくし", "無くし", "失くし", "財布", "鍵", "充電", "動けな", "歩けな",
           "起きられな", "起きれな", "来られな", "来れな", "行けな", "出られな", "入れな", "帰れな", "連絡できな",
           "連絡取れな", "連絡がつか", "困っ", "迎え", "無事", "着いた", "届い", "届け", "預か", "治ら", "よくならな",
           "良くならな", "具合悪", "具合が悪", "体調悪", "戻らな", "止まらな", "体調が悪", "下がらな", "止まっ",
           "逃し", "風邪ひ", "風邪引", "風邪を引", "熱出", "熱が出")
# an absence (read2 s44) is no plight of itself: care only after a state that causes it (雪で遅刻したら, 具合悪くて
# 寝坊したら); alone or after anything else it is a fault (わざと寝坊したら, 平気で休むなら, 再び遅刻したら)
_ABSENCES = ("遅れ", "遅刻", "寝坊", "寝過ご", "乗り遅れ", "乗り過ご", "休み", "休ま", "休む", "早退", "欠席")
_PLIGHT = _first(*_STATES, *_ABSENCES, "心配")
# a state, or the weather or traffic that strands them (雪で終電に乗れない), as the chain of a condition reads it
# a state the person brought on themselves (二日酔い, 酔いつぶれ) is no cause for an absence (性懲りもなく二日酔いで休む
# なら: read2 s44): it is read in the chain, but the chain needs another state
_SELF = ("二日酔", "酔いつぶれ", "酔っ")
_STATE = _first(*(w for w in _STATES if w not in _SELF), "雪", "大雪", "大雨", "台風", "事故", "渋滞")
_WORD = _first(*_STATES, "雪", "大雪", "大雨", "台風", "事故", "渋滞", *_ABSENCES)
_HELP = _first("迎え", "休め", "休ま", "休ん", "届", "無事", "安心", "看病", "病院")
_BLAME = "くせに"  # a fault, and a concession
# the concessive class (read2, session 43): a plight conceded, then what they do anyway (熱が出ても書き込むなら,
# 熱があろうが休むなら, 具合悪いくせに休むなら): one table, each form with the look-arounds that keep its homographs
# out (とても, てもらう; 熱でもあるなら, an example's でも; あたって; しようと思う; うがい). The care condition below
# (_LINK, _OWN_PREDICATE) can spell none of them; tests/test_menace_ja.py holds a dare and its care twin for each
_TE, _DE = "(?<!と)ても(?!ら)", "でも(?!ら)"
_CONCESSIVE = (
    _TE, _DE, "(?<![あわ])たって", "だって",
    "(?<=[おこごそとのぼもよろ])う(?:が(?!い)|と(?![思考しすせ]))",  # ようが, ろうが, こうが, ようと, ろうと
    "にしても", "としても", "にしろ", "にせよ", "とはいえ", "のに", _BLAME, "けど", "けれど", "ものの", "ながらも",
    "にも(?:かかわ|関わ)らず", "ところで",
)
# a dare anywhere in the condition: the harm accepted (困ってもいいなら), more of the same, a fault (仮病, くせに)
_DARES = ("これ以上", "二度と", "痛い目", "後悔", "覚悟", "仮病", "サボ", "ずる休み", "嘘", _BLAME,
          # a fault repeated or scorned: また遅刻したら, 今度また寝坊したら, どうせ二日酔いで, 勝手に休むなら
          # (read2 s44)
          "また", "今度", "次も", "次に", "いつも", "毎回", "毎朝", "毎日", "毎度", "何度も", "何回も", "しょっちゅう",
          "どうせ", "勝手に", "明日も", "懲りずに", "相変わらず")
_DARE = "(?:(?:" + _TE + "|" + _DE + ")(?:いい|構わ)|" + _first(*_DARES) + ")"
# a character of the sentence that starts no dare: one class test where it starts none of their words (a dare's
# words looked up at every character of a sentence were the care condition's main cost)
_DARE_FIRST = "てで" + "".join(sorted({w[0] for w in _DARES}))
_UNDARED = "(?>(?![" + _DARE_FIRST + "])" + _G + "|(?!" + _DARE + ")" + _G + ")"  # atomic: either way one character
_IF = ("なら", "たら", "れば", "から", "ので")  # a condition or a reason said before the call
_CALL = r"(?i:電話|連絡)" + _KANA + r"{0,1}?" + _TOLD_WILL
# a message for them after the offer (…今日は熱で休みますって, …終バスに乗り遅れたなら, …迎えに来てもらえるように)
_UNYOU = ("(?>(?![" + _DARE_FIRST + "".join(sorted({t[0] for t in _YOU})) + "])" + _G + "|(?!" + _DARE + "|"
          + _first(*_YOU) + ")" + _G + ")")
_FOR_THEM = ("(?![、？?\\s]{0,2}" + _UNYOU + "{0,20}?(?:" + _PLIGHT + _G + "{0,20}?"
             + _first("って", "と伝", "と言", "なら", "たら") + "|" + _HELP + _G + r"{0,12}?(?i:ように)))")
# the plight as the condition's own predicate (read2, session 43): a plight word, then only its own particle, amount
# and inflection (a closed grammar: no verb can be spelt in it, kana or not), then なら / たら / から
_PARTICLE = "(?:[がはもをに]|でも(?=[あひ引出]))?"  # 熱でもあるなら, 風邪でもひいたなら: an example's
_AMOUNT = "(?:[一二三四五六七八九十百0-9０-９.]{1,5}度?(?:も|近く)?)?"  # 熱が三十九度もあるなら
# a plight noun's own predicate: ある, ない, 出る, ひく, する, 切れる
_STEM = "(?:[あでひすし]|出|高|悪|わる|痛|ひど|酷|引|切れ|崩|続)?"
_ENDINGS = ("くなっちゃった", "くなった", "くなっ", "くなる", "かった", "かっ", "なくなった", "なくなっ", "なくなる",
            "なかった", "なかっ", "ない", "なく", "い", "け", "なけ", "る", "む", "った", "っ", "た", "だ", "だっ",
            "いた", "し", "ん", "いてる", "いている", "てる", "ている", "ていた", "てた", "てしまった", "ちゃった",
            "ちゃっ", "ちゃってる", "じゃった", "んだ", "んでる", "そう", "みたい", "っぽい", "気味", "中", "ます",
            "ました")
_ENDING = "(?i:" + prefix_tree(_ENDINGS) + ")?"
_NOMINAL = "(?:[のん](?:だっ|だ|です)?)?"  # 具合悪いんだったら, 熱があるんなら
_OWN_PREDICATE = _PARTICLE + _AMOUNT + _STEM + _ENDING + _NOMINAL
# a verb that cannot be done is a plight after a plight (熱があって書き込めないなら; 謝罪文が書けないなら is a dare)
_UNABLE = _first("書き込めな", "書けな", "読めな", "話せな", "眠れな", "寝れな", "乗れな", "電話できな", "出勤できな",
                 "出社できな", "登校できな", "通勤できな", "帰宅できな", "移動できな", "外出できな", "身動きできな")
# between two plight words only the first's own predicate, a te-link (て, で, くて) and after it a noun's complement
# (鍵をなくして家に入れない, 酔いつぶれて一人で帰れない): no other verb, no excuse, no concession of any
# form can be spelt in it (ふりして, とか言って, を口実に, 飲み会に行って, ながら, 癖に, 割に: read2)
_LINK = (_PARTICLE + _AMOUNT + _STEM + _ENDING
         + "(?:(?:くて|て|で|と|や|うえに|上に)、?(?:[一-龥ァ-ヶー]{1,6}[にがをでは])?)?"
         + "(?:まだ|全然|どうしても|なかなか|急に|少し|ちょっと)?")  # 熱がまだ下がらなくて, 熱でどうしても休むなら
# before the chain, in its clause, only a closed class (read2 s45: any other noun before the plight may be a manner,
# a count or a mockery: 自称腹痛, 連日, 三日連続で, ノリで, 作為的に, 恒例の, 平気で): whose the plight is or whose
# thing (子供が, 娘の, スマホを, 家の), where or when (駅で, 出張先で, 夜中に, 朝から, 昨日の), what befell them (急な,
# 突然の, 原因不明の), the plight's own subject or object (体調を崩して, 傘を忘れて: a noun and が / を right before a
# plight word), a concession (薬を飲んでも: the plight persists), a degree (そんなに, とても), a call (おい, 悪いけど)
# and commas. No other act (飲み歩いて風邪ひいて), no earlier clause of any words (…挙句、), no manner
_NOUN = "[一-龥ァ-ヶーA-Za-z0-9０-９](?:(?![のがをにではもとやへ])[ぁ-ん]?[一-龥ァ-ヶーA-Za-z0-9０-９]){0,5}"
_OWNERS = ("子供", "子ども", "子", "息子", "娘", "母", "父", "母親", "父親", "親", "両親", "妻", "嫁", "夫", "旦那",
           "家族", "彼女", "彼氏", "赤ちゃん", "祖母", "祖父", "兄", "姉", "弟", "妹", "犬", "猫", "ペット", "スマホ",
           "携帯", "家", "部屋", "車", "自転車", "バイク", "鞄", "カバン", "自宅")
_WHERE_WHEN = ("駅", "会社", "職場", "学校", "出張先", "旅先", "旅行先", "現地", "外", "途中", "帰り", "帰り道", "店",
               "空港", "海外", "通勤中", "通学中", "帰宅中", "移動中", "出張中", "旅行中", "道", "飲み会", "試合",
               "練習", "部活", "仕事", "残業", "朝", "昨日", "今朝", "夜中", "深夜", "夜", "今日", "昨夜", "昨晩",
               "先週", "先日", "週末", "連休", "電車", "バス", "出張帰り", "季節の変わり目")
# a cause that befell them (インフルで熱出して, 食中毒の腹痛, 過労で体調崩して)
_CAUSES = ("インフル", "インフルエンザ", "コロナ", "食中毒", "過労", "胃腸炎", "急性胃腸炎", "偏頭痛", "花粉症")
# right before the plight: whose, a time that is one day's (not 朝の / 週末の: a habit), a cause that befell them
_WHOSE = _first(*(w + "の" for w in (*_OWNERS, *_CAUSES, "昨日", "今朝", "今日", "昨夜", "昨晩", "夜中", "深夜",
                                     "先週", "先日", "出張", "出張先", "旅行", "旅先", "帰り", "電車", "バス", "駅")),
                "急な", "突然の", "不意の", "思わぬ", "予期せぬ", "原因不明の", "持病の", "季節外れの", "記録的な",
                "急性の", "突発的な", "想定外の", "まさかの", "流行りの", "はやりの", "流行中の")
# session 46 (ja-s45's held costs), each a closed class of what the person's plight is made of: a body temperature
# (四十度も熱が出て, 39度の熱で; not a count: 二度と, 何度も, 三回も are dares), a chronic condition the person has
# (偏頭痛持ちの, 喘息持ちで: a disease's name ends in 病 / 症 / 痛 / 炎; not 前科持ち, 借金持ち, 気持ち), living alone
# (一人暮らしで: no one at hand)
_FEVER = ("(?:三十[五六七八九]|四十[一二]?|3[5-9]|4[0-2]|３[５-９]|４[０-２])(?:[.．][0-9０-９])?度"
          "(?:も|近く|近い|の|を超える|超えの|台の)?")
# (not 自称腰痛持ち, nor a day's or month's "disease": 月曜病, 五月病 mock the absence)
_HELD = ("(?:(?!" + _DARE + "|[月曜])[一-龥ァ-ヶー]){0,2}(?:病|症|痛|炎|喘息|アレルギー|血圧|貧血)持ち(?:の|で)")
_ALONE = _first("一人暮らし", "独り暮らし", "ひとり暮らし", "単身赴任") + "(?:中)?(?:で|の|だから|なのに)"
_LEAD = ("(?:" + _first(*_OWNERS, *_WHERE_WHEN, *_CAUSES) + "(?:[がをにではもと]|から(?:の)?|と一緒に|の(?!" + _WORD
         + "))|"
         + _WHOSE + "|" + _FEVER + "|" + _HELD + "|" + _ALONE + "|" + _NOUN + "[がを](?=" + _WORD + ")|"
         + _NOUN + "を" + _NOUN + "(?:ん|っ|い)?(?:て|で)も|[\\s、,，]|"
         + _first("そんなに", "こんなに", "あんなに", "とても", "すごく", "かなり", "ひどく", "ひどい", "酷い", "高い",
                  "激しい", "強い", "本当に", "まだ", "もう", "急に", "突然", "高", "微", "おい", "なあ", "ねえ",
                  "もしもし", "あのさ", "悪いけど", "悪いな", "悪い", "ごめん", "すまん", "大丈夫か", "もし", "万一",
                  "万が一") + ")")
# the condition: no dare in it; the lead, then the chain (from its first plight word on only plight
# words and their links; a state among them), its last predicate a plight's own
_PLIGHT_IF = ("(?:(?!" + _DARE + "|" + _WORD + ")" + _LEAD + "){0,8}?(?=(?:(?!" + _first(*_IF) + ")"
              + _G + "){0,40}?" + _STATE + ")" + _WORD + "(?:"
              + _LINK + "(?:" + _WORD + "|" + _UNABLE + ")){0,3}" + _OWN_PREDICATE + _first(*_IF) + _UNDARED
              + "{0,12}?" + _YOURS)
# the call with no condition or reason within 12 characters before (fixed-width look-behinds, one a width)
_NO_IF = "".join(f"(?<!(?:{'|'.join(_IF)}){_G}{{{k}}}(?:{'|'.join(t for t in _YOU if len(t) == w)})の)"
                 for k in range(13) for w in sorted({len(t) for t in _YOU}))
_JA_CALLED = _NO_IF + _TOLD_TAIL + _CALL + _FOR_THEM
# the call after a condition or reason, read from the sentence's start (its plight may be anywhere in it): only a
# sentence with a condition before the one addressed's call is read past its look-ahead
_IF_THEN_YOURS = _G + "{0,60}?" + _first(*_IF) + _G + "{0,12}?" + _YOURS
# a call in the sentence (past one other 電 or 連: 電車, 連休), one class test a character
_NO_CALL = r"[^電連。．.!?！？\n]{0,100}"
_CALL_AHEAD = "(?=" + _NO_CALL + "(?:(?i:電話|連絡)|[電連]" + _NO_CALL + "(?i:電話|連絡)))"
# care after the call: words of care (寝てろ, 無理すんな, 心配してるだろ) with nothing told after them, or a
# message whose content holds their plight or a help (今日は休むって伝えとく, 先生には俺から伝えとく); anything
# else told is the telling (心配すんな、クビになるように言っとくから; …先生にはお前の悪口も伝えとく: read2 s44)
_CARE = _first("寝て", "寝と", "休め", "休ん", "休み", "無理", "安心", "心配", "迎え", "大事", "看病", "病院",
               "ゆっくり", "もらえ", "もらう")
_TELL = ("(?:" + _first("伝え", "言っと", "言っておく", "言ってお", "言ってや", "話し", "話す", "教え", "ように")
         + "|って(?=[。！!？?、よなねさ]|$))")
_CONTENT = _first(*_STATES, *_ABSENCES, "休め", "休ん", "届", "看病", "俺から", "私から", "代わりに")
_CARED = ("(?=[、？?！!。\\s]{0,3}(?:$|(?=" + _UNYOU + "{0,12}?" + _CARE + ")(?![^\n]{0,40}?" + _TELL + ")|" + _UNYOU
          + "{0,20}?(?:" + _first(*_YOU) + "の)?" + _CONTENT + _UNYOU + "{0,20}?" + _TELL + "))")
# a call under any other condition is a menace whatever follows (謝らないなら…お前が毎朝遅刻してるって: read2 s44);
# under a plight's, unless nothing, a message for them or care follows
# (the plight's condition read once, atomically: care after it is not sought in another parse of the condition)
# The call and its will are spelt outside the two readings, as plain words: they are the parts' needles (電話 / 連絡
# and てや / るぞ / たる), so a text without a call offered to the one addressed is not scanned
_DARED = ("(?=" + _IF_THEN_YOURS + ")(?:(?>" + _PLIGHT_IF + ")(?=" + _TOLD_TAIL + _CALL + "(?!" + _CARED + "))|(?!"
          + _PLIGHT_IF + ")" + _IF_THEN_YOURS + ")" + _TOLD_TAIL + "(?:電話|連絡)" + _KANA + r"{0,1}?" + _TOLD_WILL)
# from the text's start, and from a sentence's end (a start in the middle of a sentence is no match: a pattern that
# begins with ^ or a character class is tried only there, one opening with an alternation of the two at every place)
_JA_DARED = ("^" + _CALL_AHEAD + _DARED, r"[。．.!?！？\n]" + _CALL_AHEAD + _DARED)
# what the call will tell, said after it, neither a plight nor a help (…昨日どこにいたかって), whatever came before
# (its quotation's end looked for first, one class test a character: the words read only where one follows)
_JA_TELLING = (_TOLD_TAIL + _CALL + r"(?=[、？?\s]{0,2}" + _G + r"{1,20}?[っと][て伝言])[、？?\s]{0,2}(?:(?!"
               + _PLIGHT + "|" + _HELP + ")" + _G + r"){1,20}?" + _first("って", "と伝", "と言"))

# a dare or a warning in the clause after the call, whatever came before (具合悪いなら、お前の学校に電話してやろうか？
# 二度と来られないようにな: read2's ja-rdy-j009)
_WARNS = ("晒", "覚悟", "後悔", "終わり", "バラ", "ばら", "チク", "全部話", "楽しみ", "待って")
_ASKED = ("何", "どこ", "誰", "いつ")
# the first characters of a dare, a warning or a question, one class test a character before their words are tried
_FIRST_WARNED = "(?=[てで" + "".join(sorted({w[0] for w in (*_DARES, *_WARNS, *_ASKED)})) + "])"
_JA_WARNED = (_TOLD_TAIL + _CALL + r"[、？?\s]{0,2}" + _G + r"{0,20}?" + _FIRST_WARNED + "(?:" + _DARE + "|"
              + _first(*_WARNS)
              # what they did, asked as what the call will tell (…どこで誰と飲んでたかもな; read2): no plight
              # or help in it
              + "|" + _first(*_ASKED) + "(?:(?!" + _PLIGHT + "|" + _HELP + ")" + _G
              + r"){0,16}?か(?=も|って|な|[。？?！!、]|$))")

# a name or face kept, but not with a fan's or a host's welcome after it (お前の名前は覚えたぞ、次の大会も応援してる
# からな！ -9 0.988; …次来たら大盛りにしてやるよ 1.000), unless a menace follows it too (…応援してる奴らにも晒してやる)
_WELCOME = _first("応援", "ファン", "おまけ", "サービス", "大盛り", "ありがと", "感謝", "また来て", "また遊", "また寄",
                  "頑張", "がんば")
# praise alone is no welcome (read2 s45: お前の顔は覚えたぞ、可愛い顔が台無しにならないといいな; …大物気取りも
# いつまで続くかな: sarcasm, or a thing of theirs praised once it is kept), and an address kept is a menace whatever
# follows (お前の住所、覚えたからな、素敵な家じゃないか)
_WARNING = _first("晒", "覚悟", "後悔", "終わり", "夜道", "殺", "潰", "許さ", "逃げ", "待って", "ただじゃ", "痛い目")
WELCOMED = "(?!(?=[^\n]{0,30}?" + _WELCOME + ")(?![^\n]{0,44}?" + _WARNING + "))"
_KEEPS = (r"(?i:は|を|も|、)?" + _G + r"{0,4}?"
          r"覚え(?i:た(?:から|ぞ)|と(?:く|いて)(?:から|ぞ|やる)|てお(?:く|いて)(?:から|ぞ|やる))")
_JA_KEPT = (r"(?=[名顔本住])" + _ON_YOU + r"(?:(?i:名前|顔|本名)" + _KEEPS + WELCOMED + r"|(?i:住所)" + _KEEPS + ")"
            + r"|覚え(?i:とい|ておい)(?i:てやる)" + _G + r"{0,5}?(?i:" + "|".join(_YOU) + r")(?i:の)(?i:名前|顔|本名)")

# a caution given as an order to someone called by their role, bare surname or none (審判の高橋、帰り道気をつけろよ:
# ja-nc-037, -9 0.023), with no hazard or goodbye after it (雪で滑るから帰り道は気をつけろよ: gruff care, read2 s42;
# …また明日な). A friend is not called 審判の高橋、 nor 記者、; 様 / 殿 / 氏 / 君 are no menace's address
_ROLES = ("審判", "主審", "記者", "監督", "コーチ", "裁判官", "裁判長", "判事", "検事", "弁護士", "議員", "市長",
          "知事", "町長", "社長", "会長", "教授", "選手", "店長", "アナ", "キャスター", "大臣", "首相", "総理",
          "委員長", "署長", "編集長", "コメ主", "投稿主", "スレ主")
_HAZARD = _first("雪", "雨", "凍", "滑", "工事", "車", "暗", "霧", "台風", "風", "事故", "渋滞", "自転車", "段差",
                 "ぬかる", "路面", "熊", "猪", "転ぶ", "転ば", "転ん", "ひったくり", "痴漢", "物騒", "また明日",
                 "またな", "じゃあな", "おやすみ", "お疲れ", "酔")
_JA_WATCH = ("(?=[あそ" + "".join(sorted({r[0] for r in _ROLES})) + "])(?:(?i:あの|その))?"
             + _first(*_ROLES) + r"(?:(?i:の)[一-龥]{1,4})?(?i:さん)?(?<![様殿氏君])、"
             r"(?i:帰り道|夜道|背後|通勤途中|通学路|身の回り|足元)(?i:に|には|は|も)?気を(?i:つけ|付け)"
             r"(?i:ろ|とけ|ておけ|ときな)(?!" + _G + "{0,30}?" + _HAZARD + ")")

# the four readings at the one addressed's place as one part, each after the place's look-ahead and the one
# addressed's の, in their order: the same matches as four parts (at a place, the first that matches wins, as in
# THREAT_JA's alternation; no other part starts at a place), one scan of the text instead of four (a text of 600
# calls: ~1.2 ms of scans saved in 10,000 characters)
_JA_AT_PLACE = (_PLACE_FIRST + _ON_YOU + "(?:" + "|".join((_JA_CALLED, _JA_TELLING, _JA_WARNED, _JA_TOLD)) + ")")
# in THREAT_JA_PARTS' order
MENACE_JA = (_JA_AT_PLACE, *_JA_DARED, _JA_KEPT, _JA_WATCH)
