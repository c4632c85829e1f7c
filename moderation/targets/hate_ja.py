"""Japanese attacks on a group by identity as linear regexes: exclusion, branding, blame, generalisation, takeover."""

from __future__ import annotations

import re

from moderation.needles.tails import width
from moderation.pattern_cache import compiled
from moderation.targets.threats import _G
from moderation.wordlists.groups import GROUPS

# Japanese exclusion: a demand or wish that people be removed or kept out (出ていけ, 帰れ, 追い出してほしい,
# 入国させるな, 強制送還すべき, 日本に来るな), or their branding as criminals-in-waiting (犯罪者予備軍だ, 全員スパイだ)
# (issue 12: in Japanese only the bare group word carried these, so civil rows that damped the word took the attacks
# along). An imperative, a wish, a should or a copula only, never a report (出ていった, 追い出された, 排除した,
# 予備軍扱いした): each form ends in what only the writer's will or claim ends in, and what denies it right after
# (とは思わない, べきではない, と決めつける) breaks it. Someone else's words (「…」という書き込み, と言われた)
# are quoted_harm
_JA_WISH = r"(?:ほしい|欲しい|くれ(?![たてるまれ])|もらいたい|しまえ|やれ|ちまえ)"
_JA_SHOULD = r"べき(?!では|じゃ|でな|か|かど|だと|との|論)"
_JA_ORDER = r"(?![るばなずたてま])"  # 帰れ, 追い出せ as orders, not 帰れる, 追い出せば, 出ていけない
# each way of wishing people removed, apart (HATE_JA_PARTS scans each behind its own needles: together, 住, 通学,
# 出てい or ないで in half the news mix's comments ran them all; apart, each needs its verb with its ending)
_JA_LEAVE = (r"け" + _JA_ORDER, r"って" + _JA_WISH, r"く" + _JA_SHOULD, r"けばいい")  # 出ていけ's endings
_JA_REMOVE_WAYS = (
    r"(?:追い(?:出|返|払)|叩き出|締め出|放り出|送り返|つまみ出)(?:せ" + _JA_ORDER + r"|して" + _JA_WISH
    + r"|す" + _JA_SHOULD + r"|せばいい|そう(?![とにな]))",
    r"出て(?:い|行)(?:" + "|".join(_JA_LEAVE) + ")", r"出てけ",
    r"(?<![繰持])帰(?:れ(?![るばなずたてまんそ])|せ" + _JA_ORDER + r"|って" + _JA_WISH + r"|る" + _JA_SHOULD
    + r"|らせろ|ればいい)",
    r"(?:強制送還|国外追放|追放|排除|隔離|国外退去|出禁|出入り禁止)(?:しろ|せよ|す" + _JA_SHOULD + r"|して"
    + _JA_WISH + r"|させろ|すればいい|一択)",
    r"(?<!手に)(?<!受け)入れ(?:るな|んな|ないで" + _JA_WISH + r"|るべきでない|させるな)", r"受け入れるな",
    r"(?:入国|入学|入店|入居|入会|出場|出演|帰化|定住|永住|上陸|就職|移住|入園|通学)させ(?:るな|んな|ないで"
    + _JA_WISH + r")",
    r"(?:住ま?わせ|住ませ|通わせ|来させ|出させ|立たせ|入らせ)(?:るな|んな)",
    r"(?:に|へ)(?:は)?(?:二度と|もう|絶対に?)?(?:来る|住む)な(?![らどく])",
    r"(?:に|へ)(?:は)?(?:二度と|もう|絶対に?)?来(?:んな|ないで" + _JA_WISH + r")")
_JA_REMOVE = "|".join(_JA_REMOVE_WAYS)
# its parts: the ways, with 出ていけ's endings apart too (出て(?:い|行) matches one way at a place, so X(A|B) is XA|XB
# there): 出てい alone is in every 出ています
_JA_REMOVE_PARTS = (_JA_REMOVE_WAYS[0], *(r"出て(?:い|行)" + leave for leave in _JA_LEAVE), *_JA_REMOVE_WAYS[2:])
_JA_BRAND = (
    r"(?:犯罪者|犯罪|テロリスト|テロ|性犯罪者|強姦魔|レイプ魔|殺人|泥棒|スパイ|窃盗|暴力|強盗|放火|痴漢|過激派|暴力団"
    r"|不法滞在)予備軍(?:だ|です|でしょ|ばかり|なんだ|だから|に決まって|と思え|(?=$|[。、!]))"
    r"|(?:全員|みんな|皆|一人残らず|どいつもこいつも|例外なく)(?:が)?(?:犯罪者|泥棒|スパイ|テロリスト|工作員"
    r"|嘘つき|詐欺師|偽物|偽装難民|強姦魔|性犯罪者|人殺し|殺人者|殺人鬼|寄生虫|たかり)(?:だ|です|じゃん|ばかり"
    r"|に決まって|と思え|(?=$|[。、!]))"
)
# what denies or reports the form right after it, a copula between them or not (…連中だなんて, …民族だというデマ,
# …国民性だと書き込んだ, …出すなとの声; read2 s34: a particle before the comma, コメント/ツイート/落書き,
# みたいな/などの/といった (…死ねよ、と書いた男, …死ね、みたいな書き込み), a paraphrase asked back
# (…は死ねばいいってことか))
# also after the clause's end: a comma or an ellipsis between (…だ、とは言えない, …している……なんてことはない),
# what cannot be (…しているわけがない, …はずがない), or a question answered by a denial (…している？そんな事実はない)
_JA_DENIED_AFTER = (r"(?!\s?(?:よ|や|ぞ)?(?:[、,，…‥.・]+\s?)?(?:だ|です|なんだ)?(?:なんて|などと|なんぞ|との"
                    r"|みたいな|などの|とかいう|といった|(?:って|という)(?:こと|事)(?:か|[？?])|(?:とは|とも|と|って)"
                    r"(?:思わ|思った|言わ|言っ|言えな|限らな|考えて(?:い)?な|決めつけ|決め付け|いう|言う|呼|書|投稿|発言|主張|述べ"
                    r"|叫|報じ|話し|コメント|ツイート|つぶや|呟|落書き))|(?:わけ|はず)(?:では|じゃ|が|は)(?:ない|な[かく]|ありません)"
                    r"|\s?[？?]+\s?(?:そんな|んな)(?:わけ|はず|こと|事実|話|データ|証拠))")
# blame: a group named as the subject of ruining the country or living off it (在日の人が日本を悪くしている,
# …は戦争を口実にたかりに来ている, …が福祉を食い物にしている, …がマスコミを牛耳っている): the subject is in the pattern,
# at most 16 characters before the predicate, since the same predicate about a policy or a government
# (増税が日本をダメにしている) is opinion. Each predicate ends where the writer's claim ends (…している, …する), so
# a report or a denial right after it (…しているという主張, …しているなんてデマだ) breaks it; a passive
# (食い物にされている, 乗っ取られた) makes the group the victim and is not read here
_JA_GROUPS = "|".join(sorted((re.escape(g) for g in GROUPS if not g.isascii()), key=len, reverse=True))
_JA_GROUPS = _JA_GROUPS.replace("|朝鮮|", "|(?<!北)朝鮮(?!半島)|")  # not the state or the place (wordlists.STATES)
# a group word right after a relative clause (a verb ending in た / だ, or いる / てる / する) names whom the clause
# picks out, most often one person or a few (隣に住んでいる中国人が…, 昨日会った韓国人は…, 転校してきたフィリピン人は…),
# not the group as a whole; the clauses that place the whole group in the country (日本に住んでいる…, この国に来た…)
# still read it
_JA_NOT_ONE = ("(?:" + "|".join(f"(?<={p}{v})" for p in ("日本に", "この国に", "国内に")
                                for v in ("来た", "いる", "住んでいる", "住んでる", "住む")) + r"|(?<![たるだ]))")
_JA_IS = r"(?:て(?:い)?る|てきた|やがる)"  # an ongoing deed, not a past one told (乗っ取った歴史)
_JA_NOT_ON = r"(?![なとか])"  # 乗っ取る, not 乗っ取るな, 乗っ取るという, 乗っ取るかどうか
_JA_BLAME_DEEDS = "|".join((
    r"を(?:悪く|だめに|ダメに|駄目に|めちゃくちゃに|滅茶苦茶に|汚く|壊)し(?:ている|てる|やがる)",
    r"を乗っ取(?:ろうとして|って)(?:いる|る)|を乗っ取(?:りつつある|る" + _JA_NOT_ON + ")",
    r"(?:たかり|金目当て|生活保護目当て|補助金目当て|福祉目当て)(?:に|で)来て(?:いる|る)",
    r"を(?:口実|言い訳)に(?:たか|せび)(?:り|って)|に(?:寄生|たか)って(?:いる|る)",
    r"を食い物にし" + _JA_IS + r"|を食い物にする" + _JA_NOT_ON,
    r"を牛耳(?:っ" + _JA_IS + r"|ろうとして(?:い)?る|る" + _JA_NOT_ON + ")",
    r"を売り渡(?:し" + _JA_IS + r"|そうとして(?:い)?る|す" + _JA_NOT_ON + ")",
    r"を(?:裏で|陰で)?操(?:っ" + _JA_IS + r"|ろうとして(?:い)?る)",
    r"を(?:衰退|弱体化|崩壊)させ" + _JA_IS + r"|を(?:滅ぼ|腐らせ|食い(?:つぶ|潰)|汚)(?:し)?" + _JA_IS,
    r"を蝕ん(?:で(?:い)?る)|を(?:吸い(?:取|と)|搾り取|むしり取|貪)っ" + _JA_IS,
    r"を(?:支配|侵略|侵食)(?:しようとして(?:い)?る|しつつある)",
    r"(?:仕事|職|雇用|土地|税金|財産)を奪(?:っ" + _JA_IS + r"|う" + _JA_NOT_ON + ")",
    r"(?:治安|秩序|風紀)を(?:乱|悪化させ)(?:し)?" + _JA_IS,
    r"を不正(?:に)?受給し" + _JA_IS,
))
_JA_BLAME_HEAD = _JA_NOT_ONE + r"(?:" + _JA_GROUPS + r")" + _G + r"{0,6}?(?:が|は|って|こそ)" + _G + r"{0,16}?"
# blame chained: a deed in its te-form chained to what the group goes on doing (…を乗っ取って好き放題している,
# …にたかって遊んで暮らしている), read to the clause's ongoing end; no comma, quote, other subject, passive or report
# between (…を盗んで逮捕されている is what was done to them), and a past (…していた) is a report
_JA_CHAIN_DEED = "|".join((
    r"を食い物にして", r"を乗っ取って", r"を牛耳って", r"(?:仕事|職|雇用|土地|税金|財産)を奪って", r"にたかって",
    r"に寄生して", r"(?:治安|秩序|風紀)を(?:乱して|悪化させて)", r"を占拠して", r"を(?:だまし|騙し)取って",
    r"を盗んで", r"を荒らして", r"を(?:食いつぶ|食い潰)して", r"を売り渡して", r"を(?:裏で|陰で)?操って",
    r"を不正(?:に)?受給して", r"を(?:吸い取|搾り取|むしり取)って", r"を買い(?:占めて|漁って)",
))
_JA_GOES_ON = (r"(?:(?![、,，。「」『』が]|という|と(?:言|思)|され|られ|逮捕|捕ま|事件|報道|ニュース|疑い)" + _G
               + r"){0,20}?(?:(?:て|で)(?:い)?る|やがる|放題(?:だ|です|(?=$|[。!！])))(?![なとか])")
_JA_CHAIN = r"(?:" + _JA_CHAIN_DEED + r")" + _JA_GOES_ON
# blame by cause: a group, or its coming, as the cause of a ruin (難民のせいで治安は崩壊した, …が増えたせいで
# この町はめちゃくちゃになった, …が来てから駅前は荒れた); the ruin is read to its end so a report or a denial right
# after it breaks the form, and a group that leaves or does not come (来なくなって) is no cause
_JA_RUIN = (r"(?:(?:崩壊|荒廃|衰退|悪化|無法地帯化|スラム化)(?:し(?:た|ている|てる|てしまった|つつある)|寸前|の一途)"
            r"|(?:めちゃくちゃ|滅茶苦茶|メチャクチャ|ボロボロ|最悪|無法地帯|スラム)(?:になっ(?:た|ている|てる|てしまった)|だ|です)"
            r"|(?:悪く|ダメに|だめに|駄目に|危なく|物騒に|汚く|住みにくく|住めなく|歩けなく|暮らせなく)"
            r"な(?:った|っている|ってる|りつつある|ってしまった|る一方)"
            r"|荒れ(?:た|ている|てる|てしまった|放題|果てた))")
_JA_COMING = (r"(?:が|を|は)?(?:大量に|どんどん|勝手に)?(?:増え|来(?:る(?:よう)?に(?:な)?)?|入って(?:き|来)|入り込ん"
              r"|住み着い|押し寄せ|居座っ|のさばっ|流れ込ん|移り住ん|受け入れ)(?![なずま])")
_JA_BECAUSE = r"(?:せいで(?![はも])|から|ので|ことで|結果|ため)"
_JA_OF_GROUP = r"(?:(?!政府|政権|軍|当局|政治|国家|大統領|首相|指導)" + _G + r"){0,4}?"  # not its state: opinion
_JA_CAUSE_HEAD = (
    r"(?:(?:" + _JA_GROUPS + r")" + _JA_OF_GROUP + r"(?:の)?せいで(?![はも])" + _G + r"{0,16}?"
    + r"|(?:" + _JA_GROUPS + r")" + _JA_OF_GROUP + _JA_COMING + _G + r"{0,6}?" + _JA_BECAUSE + _G + r"{0,16}?)"
)
# the cleft of a generalisation: those who do a misdeed are mostly a group (不正受給しているのはほとんど外国人だ,
# 万引きするのはいつも…だ); the victims of the misdeed (被害に遭うのは…) are not its doers
_JA_MISDEED = (r"(?:犯罪|犯人|犯行|不正|悪さ|迷惑|騒(?:ぎ|い|ぐ)|ゴミを|盗|万引|窃盗|強盗|暴れ|荒らし|治安を乱"
               r"|ルールを守らな|マナーが悪|違法|密入国|不法|ポイ捨て|痴漢|レイプ|強姦|殺人|詐欺|たかっ|寄生)")
_JA_MOSTLY = (r"(?:ほとんど|ほぼ|大半が?|たいてい|大抵|だいたい|大体|決まって|いつも|どうせ|全部|全員|みんな"
              r"|[7-9７-９七八九]割(?:方|が)?)")
_JA_CLEFT = (
    _JA_MISDEED + r"(?:(?!被害|狙われ|巻き込|遭|され|られ)" + _G + r"){0,14}?(?:の)?は" + _JA_MOSTLY
    + r"(?:が)?(?:" + _JA_GROUPS + r")(?:ばかり|ばっかり)?(?:だ|です|でしょ|だろ|じゃん|なんだ|に決まって"
    r"|(?=$|[。、!！]))"
)
# a group named at most 24 characters before what is said of it, where the words between are not about what is done
# to it (在日コリアンへの偏見が消えればいい, 障害者を笑いものにする番組なんか映すな: the prejudice, the programme)
_JA_GROUP_NEAR = (r"(?:" + _JA_GROUPS + r")(?:(?!への|に対する|差別|偏見|ヘイト|誤解|中傷|悪口|いじめ"
                  r"|を(?:笑|馬鹿|バカ|侮辱|揶揄|差別))" + _G + r"){0,24}?")
# a people called liars or thieves by nature: a vice, then within a few characters a word for what one is born as
# (韓国人は平気で嘘をつく国民性だ, …は盗みを働く民族だ, …って生まれつき人を騙す連中だ, 嘘つき民族); not a history's
# treatment (劣った民族として扱った, 野蛮な人種と見なされた)
_JA_VICE = (r"(?:嘘を(?:つ|吐)く|嘘つき|嘘ばかり|盗み|盗む|人を騙す|騙す|裏切る|恩を仇で返す|約束を守らない"
            r"|ルールを守らない|たかる|たかり|犯罪を(?:犯す|好む|繰り返す)|罪を犯す|卑怯な|卑劣な|野蛮な|劣った|劣等な"
            r"|不潔な|汚い|残虐な|凶暴な|狡猾な|ずる賢い|怠惰な|怠け者の|恥知らずな|恩知らずな|下品な|乱暴な|凶悪な)")
_JA_NATURE_NOUN = r"(?:民族|人種|国民性|種族|連中|奴ら|やつら|生き物|血筋|人間ども)(?!として|扱い|視|と見な|と呼ば)"
_JA_NATURE_TAIL = _JA_VICE + _G + r"{0,6}?" + _JA_NATURE_NOUN
_JA_NATURE_NAMED = (
    r"(?:嘘つき|泥棒|犯罪|劣等|野蛮|寄生|たかり|詐欺|ゴキブリ)(?:民族|人種)"
    r"(?!として|扱い|視|と見な|と呼ば|という言葉)"
    r"|(?:嘘|盗み|犯罪|裏切り|たかり)(?:癖)?が(?:血|DNA|遺伝子)に(?:染み(?:付|つ)いて|刻まれて|組み込まれて)"
)
# a group or its places wished gone, or kept off the screen, the stage and the page: the group is in the pattern,
# since the same wish of a prejudice or a war (戦争なんて消えればいい) or the same ban of an advert is not about people
_JA_GONE = (r"(?:消え|滅び|絶滅し|死に絶え|いなくな|潰れ|つぶれ|くたばり)(?:れば(?:いい|良い)|りゃいい|てしまえ|ちまえ"
            r"|ろ(?![うー])|てほしい|て欲しい|てくれ(?![たてるまれ]))"
            # a death wished on the group itself (在日は全員死ね, …なんか死ねばいいのに, …はみんな死んでくれ; session
            # 33: read as group_attack only, harassment rather than hate in a trial fit): 死ね as an order, not 死ねる,
            # 死ねない, 死ねと言われた (a report: _JA_DENIED_AFTER), nor 死ねば (a condition: 在日の人が死ねば解決する
            # なんて…; read2 s34, as _JA_ORDER; 死ねばいい is its own branch, so a denial after いい still breaks it)
            r"|死(?:ね(?![るばなてけずまとっ])|ねば(?:いい|良い)|んで(?:ほしい|欲しい|くれ(?![たてるまれ])|しまえ))")
_JA_KEEP_OFF = (r"(?:(?:出|映|写|載|見)せる|出す|映す|写す|使う|起用する|出演させる|出場させる|登場させる|雇う|採用する"
                r"|呼ぶ|選ぶ)(?:な|んな)(?![らどくのいりさ])"
                r"|(?:出さ|映さ|写さ|載せ|見せ|使わ|起用し|出演させ|出場させ|雇わ|採用し)ないで" + _JA_WISH)
# a group said to be a vice or unfit as a whole (…は嘘つきばかりだ, …は恩知らずだ, …は政治に向いていない; issue 12:
# 2026.12.02-6 lost what the bare group word carried here once constructions carried the other attacks): the group as
# the topic (は, って) with no の before it (あの中国人, 同僚の韓国人, 一部の移民: one person or some, not the group),
# at most 8 characters with no other topic or subject, a vice noun, adjective or deed, or unfitness, then the
# sentence's end or a copula. A question (…ばかりなのか, …だろうか), a quote closed right after (「…だ」と言われて), a
# report or a denial right after (…だという偏見, …だなんて決めつけ, _JA_DENIED_AFTER) break it. 女性 and 男性 are no
# group words (civil text names them everywhere): only this form reads them
_JA_GENERIC_WORDS = ("女性", "男性")
_JA_TOPIC_HEAD = (r"(?<!の)(?<!一部)(?<!ある)" + _JA_NOT_ONE + r"(?:" + "|".join(_JA_GENERIC_WORDS) + "|"
                  + _JA_GROUPS + r")"
                  r"(?:の?(?:連中|奴ら|やつら|人たち|ども|たち|ってやつ))?(?:(?<=[はて])|は|って(?:のは|いうのは)?|ってのは)"
                  r"(?:(?![が、「」『』])(?!(?<!に)は)" + _G + r"){0,8}?")
# (each starts with a kanji or katakana: the Tail's place scan stops at a first character, and a common hiragana
# would stop it everywhere; unfitness is looked back at its に for the same reason)
_JA_VICE_NOUN = (r"(?:嘘つき|泥棒|詐欺師|犯罪者|怠け者|役立たず|穀潰し|恩知らず|恥知らず|卑怯者|乱暴者|厄介者|乞食"
                 r"|寄生虫|無能|野蛮人?|不潔|下品|卑怯|卑劣|狡猾|凶暴|乱暴|怠惰|無知|傲慢|感情的)")
# what ends the generalisation, looked at, not taken (so the tail's start strings are its vice words): a copula or
# the sentence's end, no quote closed, no report or denial right after (…ばかりだという書き込み)
_JA_COPULA = (r"(?:だ(?!ろうか)|です(?!か)|だろ(?!うか)|でしょ(?!うか)|じゃん|なんだ(?!ろうか)|である|(?=$|[。.!！]))"
              r"(?![」』”\"?？])" + _JA_DENIED_AFTER)
# the roles a group is told to keep to (家事, 子育て): what 黙って and でもしてろ take
_JA_ROLE = r"(?:家事|子育て|育児|料理|掃除|洗濯|介護|茶汲み)"
_JA_GENERALISE = (r"(?:" + _JA_VICE_NOUN + r"(?=(?:ばかり|ばっかり|ばっか|だらけ)?" + _JA_COPULA + r")"
                  r"|(?:(?:汚|臭|図々し|卑し|頭が悪|民度が低|知能が低|能力が低)い"
                  r"|(?:信用|信頼)(?:でき|なら)ない|(?:ルール|約束|法律|マナー)を守らない|マナーが悪い|働かない"
                  r"|(?:平気で)?嘘(?:を|ばかり|ばっかり)?(?:つく|吐く|ついている|ついてる)|恩を仇で返す"
                  r"|(?<=に)(?:向いていない|向いてない|向かない|不向き|適さない)"
                  # told to be silent or kept to a role (女は黙って家事でもしてろ; session 28 trial: hate 0.054), an
                  # order only: …してろ, …しとけ, not …している (a report) nor 黙っていられない
                  r"|黙っ(?:て(?:" + _JA_ROLE + r"(?:でも|だけ|を)?)?(?:ろ|いろ|おけ|ればいい)|とけ)"
                  r"|(?:" + _JA_ROLE + r")(?:でも|だけ)?(?:してろ|しとけ|やってろ|やっとけ|してればいい)"
                  r"|(?:家|台所|家庭)(?:に|で)(?:いろ|引っ込んでろ|こもってろ|籠ってろ|立ってろ)"
                  r"|引っ込んで(?:ろ|いろ|おけ)|口(?:を)?出しするな|口を出すな|口を挟むな|出しゃばるな)"
                  r"(?=(?:(?:ん|の)?(?:だ|です)(?!ろうか|か))?(?:$|[。.!！、]|よ|ね|な(?![のん]))(?![」』”\"?？])))")

# the group as the agent of a passive takeover or ruin (この国は在日に乗っ取られている, 日本の政治は…に牛耳られている,
# 俺たちの町は…に荒らされてしまった, 日本人は…に仕事を奪われている) or handed the country (…に国を売り渡した): the group
# word right before its に / によって, not one person's (隣の…, あの…: の before it) or some (一部の…); a theft or a
# disorder only of what a people holds and only ongoing (仕事, 土地, 治安 を…奪われている, not 財布を…に奪われた:
# one event told, nor …に土地を奪われた歴史), a buyout only ongoing (…に買収された is news), and no past that names a
# time or a story (…に支配された時代). The sufferer (…がブローカーに食い物にされている) names no group before its に
_JA_AGENT_HEAD = (r"(?<!の)(?<!一部)(?<!ある)" + _JA_NOT_ONE + r"(?:" + _JA_GROUPS + r")"
                  r"(?:の?(?:連中|奴ら|やつら|人たち|ども|たち))?"
                  r"(?:に|によって)(?:は)?(?:もう|すっかり|完全に|どんどん|次々と|次々に|徹底的に|好き勝手に|いいように){0,2}"
                  r"(?:(?:国|日本|この国|土地|水源地?|仕事|職|雇用|税金|財産|治安|秩序|町|街|福祉|政治|経済|業界|農地|領土)を)?")
_JA_SUFFERED = (r"(?:(?:(?:乗っ取|牛耳|操|吸い取|搾り取)ら|蝕ま|(?:支配|占領|占拠|侵略|侵食|私物化|骨抜きに|食い物に"
                r"|食いつぶ|食い潰|荒ら|荒らし尽く|汚|滅ぼ|好き放題|好き勝手)さ|買い(?:占め|漁)ら)れ"
                r"(?:て(?:い)?る|てる|た|てしまった|ちゃった|つつある|続けている|てきた)"
                r"|(?<=を)(?:奪わ|乱さ)れ(?:て(?:い)?る|てる|つつある|続けている)"
                r"|買収され(?:て(?:い)?る|てる)|(?<=を)売り渡(?:し(?:た|て(?:い)?る)|そうとして(?:い)?る))(?![なとか])"
                r"(?!歴史|時代|過去|事件|経緯|話|こと|事|ニュース|記事|件|頃|ころ|当時)")


# HATE_JA's alternatives apart, in its order (a group word starts three of them, so the whole alternation would try
# each at every position of a text naming a group): signals scans each only behind its own needles, as HATE_EN_PARTS
# (head, tail) of each part: a head starts at a group word, so a part with one is tried only just before where its
# tail (the predicate) matches (moderation/needles/tails.py; HATE_JA_TAILS: part index -> its tail, its head's width,
# the words it starts with)
_HATE_JA_SHAPES = (
    ("", _JA_REMOVE), ("", _JA_BRAND), (_JA_BLAME_HEAD, r"(?:" + _JA_BLAME_DEEDS + r"|" + _JA_CHAIN + r")"),
    (_JA_GROUP_NEAR, _JA_NATURE_TAIL), ("", _JA_NATURE_NAMED), (_JA_GROUP_NEAR, r"(?:" + _JA_GONE + r")"),
    (_JA_GROUP_NEAR, r"(?:" + _JA_KEEP_OFF + r")"), (_JA_CAUSE_HEAD, _JA_RUIN), ("", _JA_CLEFT),
    (_JA_TOPIC_HEAD, _JA_GENERALISE), (_JA_AGENT_HEAD, _JA_SUFFERED))
# the removal's ways apart, then the other shapes (X(A|B)Y is XAY|XBY: the same matches as HATE_JA's own scan)
HATE_JA_PARTS = (*(compiled(r"(?:" + way + r")" + _JA_DENIED_AFTER) for way in _JA_REMOVE_PARTS),
                 *(compiled(r"(?:" + head + tail + r")" + _JA_DENIED_AFTER) for head, tail in _HATE_JA_SHAPES[1:]))
_JA_GROUP_WORDS = tuple(g for g in GROUPS if not g.isascii())  # where every head starts
_TOPIC_PART = len(_HATE_JA_SHAPES) - 2  # the generalisation also starts at 女性 / 男性
HATE_JA_TAILS = {k + len(_JA_REMOVE_PARTS) - 1: (compiled(r"(?:" + tail + r")" + _JA_DENIED_AFTER), width(head),
                                                _JA_GROUP_WORDS + _JA_GENERIC_WORDS * (k == _TOPIC_PART))
                 for k, (head, tail) in enumerate(_HATE_JA_SHAPES) if head}
HATE_JA = compiled("|".join(r"(?:" + head + tail + r")" + _JA_DENIED_AFTER for head, tail in _HATE_JA_SHAPES))
