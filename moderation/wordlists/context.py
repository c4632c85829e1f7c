"""Context that changes a word's meaning: literal uses, things, praise, news, negation, cautions."""



LITERAL = (
    "ゴミ出し",
    "ゴミ箱",
    "ゴミ袋",
    "生ゴミ",
    "粗大ゴミ",
    "ゴミ収集",
    # things called ゴミ in the news (北朝鮮のゴミ風船、本当に迷惑 was harassment 0.667 in 2026.12.04-1)
    "ゴミ風船",
    "ごみ風船",
    "ゴミ問題",
    "ゴミ拾い",
    "ゴミ処理",
    "ゴミ屋敷",
    "ゴミ捨て",
    "ゴミ置き場",
    "ゴミの日",
    "ごみ出し",
    "ごみ箱",
    "ごみ袋",
    "鼻くそ",
    "目くそ",
    "下手くそ",
    "くそ眠",
    "くそ暑",
    "くそ寒",
    "くそうま",
    "くそ忙し",
    "クソ眠",
    "クソ暑",
    "クソ寒",
    "クソゲー",
    "バカ売れ",
    "バカうま",
    "死ぬほど",
    "死ぬかと",
    "殺人事件",
    "殺人犯",
    "殺害",
    "殺虫",
    "必殺",
    "悩殺",
    "黙殺",
    "相殺",
    "瞬殺",
    "殺到",
    "ゲイン",
    "killer app",
    "kill time",
    "killing it",
    "to die for",
    "dying to",
    "shoot a photo",
)
# things, plans and decisions (not people): a hurtful word aimed at one of these is an opinion of it
THINGS = (
    "法案", "政策", "対策", "規制", "予算", "判決", "記事", "対応", "制度", "法律", "条例", "計画", "方針", "決定",
    "番組", "試合", "天気", "渋滞", "会議", "答弁", "会見", "発表", "改正", "増税", "税制", "補助金", "給付金", "事業",
    "行政", "選挙", "内容", "演出", "脚本", "ドラマ", "映画", "アプリ", "サービス", "仕様", "試験", "値上げ", "物価",
    "暑さ", "寒さ", "停電", "仕事", "締め切り", "宿題", "使い方", "やり方", "政治", "経済", "外交",
    "ルール", "システム",
    # a state's measures and their gaps (この制裁の抜け穴、ほんと頭湧いてんのかと思う: criticism of a policy,
    # session 33)
    "経済制裁", "制裁措置", "制裁決議", "対露制裁", "独自制裁", "抜け穴", "政権運営", "安保", "防衛費",
    # governing bodies, not persons (今の内閣はゴミ was harassment 0.338 with 2026.12.04-5, its insult read unaimed):
    # calling a cabinet, a government or the Diet rubbish is an opinion of it; they stay public figures too
    "内閣", "政府", "政権", "与党", "野党", "国会", "政党",
    "policy", "policies", "bill", "law", "plan", "decision", "ruling", "article", "weather", "traffic", "movie",
    "show", "budget", "tax", "taxes", "idea", "proposal", "system", "game", "song", "weekend", "day", "monday",
)
# the press's institutions and events, named with 記者 inside (session 33: 記者クラブはバカ was harassment 0.621 with
# 2026.12.04-4, its 記者 read as a person): things, and opaque (features/vocabulary.py), so the 記者 inside names no one
PRESS_THINGS = ("記者クラブ", "記者会見", "記者室", "記者席", "記者証", "記者発表", "記者協会")
# praise and welcome: a group named with one of these in the same sentence is not attacked
PRAISE = (
    "好き", "大好き", "尊敬", "素晴らしい", "素敵", "感謝", "歓迎", "応援", "大切", "仲良く", "共生", "優しい",
    "頑張って",
    # session 23 (issue 12): good qualities of people (移民は働き者だ): a group with one of them is praised
    "働き者", "勤勉", "礼儀正しい", "我慢強い", "辛抱強い", "粘り強い", "面倒見がいい", "面倒見が良い",
    "情に厚い", "家族思い", "努力家", "温厚", "律儀", "几帳面", "思いやりがある", "思いやりのある", "心が温かい",
    # not 親切, 真面目, 誠実 (inside 不親切, 不真面目, 不誠実)
    "心の温かい", "よく働く", "正直者", "頼りになる", "たくましい",
    "love", "loved", "great", "wonderful", "amazing", "respect", "admire", "proud", "welcome", "kind", "beautiful",
    "brilliant", "valued", "deserve respect", "equal rights", "support", "awesome", "lovely", "fantastic", "enrich",
)
# what a writer may deny a group as the attack itself ("[group] are not honest", "will never be decent citizens",
# "can't be trusted", "are never any good"): English qualities of people, the polarity a denial's predicate reads
POSITIVE_EN = (
    "human", "humans", "human beings", "equal", "equals", "wanted", "welcome", "trusted", "trustworthy", "reliable",
    "honest", "loyal", "faithful", "peaceful", "useful", "productive", "intelligent", "clever", "smart", "bright",
    "capable", "competent", "fit", "good", "decent", "normal", "sane", "clean", "civilised", "civilized", "moral",
    "responsible", "respectable", "law-abiding", "hard-working", "hardworking", "worth", "worthy", "innocent",
    "friendly", "caring", "grateful", "patriotic", "any good", "any use", "of any use", "real men", "real women",
    "real people", "real humans", "real citizens",
)
NEWS = (
    "逮捕",
    "容疑者",
    "送検",
    "起訴",
    "判決",
    "報道",
    "によると",
    "事件",
    "被害者",
    "警察",
    "死亡",
    "攻撃",
    "空爆",
    "ミサイル",
    "戦争",
    "侵攻",
    "軍",
    "裁判",
    "死者",
    "負傷",
    "テロ",
    "紛争",
    "arrested",
    "police",
    "reported",
    "according to",
    "court",
    "war",
    "attack",
    "killed in",
    "victims",
    "sentenced",
    "charged",
)
NEGATION_EN = (
    "don't",
    "do not",
    "doesn't",
    "does not",
    "never",
    "not",
    "no one should",
    "nobody should",
    "won't",
    "wouldn't",
    "can't",
    "isn't",
    "aren't",
)

# advice about danger: aimed at one person (記者さん, お前) it is a veiled threat; at everyone (皆さん) it is advice
# cautions about where someone walks, when, and their family: aimed at a person, a veiled threat (記者さん、夜道には
# 気をつけた方がいい); a caution about health or weather (風邪には気をつけた方がいい) is not listed, so it is no signal
_WATCH = ("夜道", "背後", "帰り道", "通勤途中", "通学路", "身の回り", "家族のことも", "子供のことも", "家族も",
          "子供も")
CAUTION = (
    *(f"{place}{p}{verb}" for place in _WATCH for p in ("に", "には", "は", "") for verb in ("気をつけ", "気を付け")
      if not (place.endswith("も") and p)),
    "気をつけた方が身のため", "気を付けた方が身のため", "用心した方が身のため", "せいぜい気をつけ",
    "watch your step", "be careful out there", "better be careful",
)
# Japanese negation and condemnation: an attack on a group in the same sentence is denied or condemned, not made
NEGATED_JA = (
    "決めつけ", "決め付け", "偏見", "思ったことがない", "思ったことはない", "とは思わない", "なんて思わない",
    "わけではない", "わけじゃない", "とは限らない", "差別語", "差別発言", "差別的", "差別は", "差別する",
    "ヘイトスピーチ", "間違っている", "間違ってる", "許されない", "おかしなことではない", "言ってはいけない",
    "使うべきではない", "やめよう", "やめてほしい", "デマ",
)
# a favour done or the writer's own resolve said with 〜てやる (許してやる, 買ってやろう, 手伝ってやった, 連れてって
# やる; 心してやる, 合格してやる): the verb before てやる does no harm, where 殺してやる / しばいてやる / 潰してやる do
# (threat_ja.py). Most generated threats end in てやる, so with no name for the verb its n-grams carry a threat
# (2026.12.04-7: 許してやる 0.440, 買ってやる 0.584, こころしてやる 0.420). Read on the normalised text, where
# ころしてやる / こ○してやる are already 殺してやる and こころしてやる stays 心して (text/patterns.py). Only verbs
# with no menacing use before てやる: not 可愛がって, 遊んで, 相手して, 教育して, 楽にして, 分からせて, お礼して,
# 送って (あの世に送ってやる), 取って (命取ってやる), 出して (突き出してやる), 書いて (記事に書いてやる), 直して
# (叩き直してやる), 待って (家の前で待ってやる), 見せて (痛い目見せてやる)
_FAVOURS = ("許して", "ゆるして", "買って", "手伝って", "連れてって", "連れて行って", "連れていって",
            "助けて", "おごって", "奢って", "ご馳走して", "ごちそうして", "貸して", "作って", "褒めて", "ほめて",
            "見逃して", "勘弁して", "聞いて", "泊めて", "見送って", "迎えに行って",
            "乗せて", "撫でて", "なでて", "抱っこして", "だっこして", "励まして", "慰めて", "祝って", "読んで",
            "選んで", "払って", "面倒見て", "面倒みて", "構って", "かまって", "見て")
_RESOLVES = ("心して", "こころして", "合格して", "痩せて", "やせて", "早起きして", "クリアして", "優勝して", "見返して",
             "成功して", "長生きして", "出世して", "完走して", "達成して", "克服して", "卒業して")
# Kansai 〜たる of the same favours (買うたる, 手伝ったる). Not 教えて (read2, session 35: 痛み/礼儀/身の程を教えてやる
# teaches a lesson, 住所/本名を教えてやる exposes) nor 付き合って (喧嘩に / 死ぬまで付き合ってやる): they menace too
_FAVOURS_KANSAI = ("許したる", "買うたる", "買ったる", "手伝うたる", "手伝ったる", "おごったる", "奢ったる",
                   "助けたる", "連れてったる", "貸したる", "作ったる")
# (boundaries.RIGHT_EXCLUDE keeps out 見てやる気が出た, 見てやってみた, 聞いてやったことない: the te-form, then やる)
FAVOUR_ENDS = ("やる", "やろ", "やった", "やって", "やれ", "やん")
FAVOUR_YARU = (*(verb + end for verb in (*_FAVOURS, *_RESOLVES) for end in FAVOUR_ENDS), *_FAVOURS_KANSAI)
