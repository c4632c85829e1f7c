"""Slot values and decorations for the synthetic harm rows (model/synth_harms.py), per language.

Data, not logic (like moderation/lexicon_data.py). A slot is a tuple of values (each expanded again, so values
may hold `[a|b]` and `{slot}`) or a function of the random generator. All people, addresses, phone numbers
and e-mails are fictional: 000 exchanges and 〒000 postcodes, US 555-01xx numbers, example.* domains.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations


def _w(s: str) -> tuple[str, ...]:
    return tuple(s.split("|"))


def _digits(k: int):
    return lambda rng: "".join(str(rng.randrange(10)) for _ in range(k))


def _num(lo: int, hi: int):
    return lambda rng: str(rng.randint(lo, hi))


SLOTS = {
    "ja": {
        # the writer's own looks, worth, flaws and mishaps (neg_self, session 37)
        "selflook": _w("デブ|ブス|ハゲ|チビ|ブサイク|ガリガリ|おデブ"),
        "selfworth": _w("無能|役立たず|ダメ人間|ポンコツ|ダメダメ|不器用|ノロマ"),
        "selfflaw": _w("無能さ|ポンコツぶり|だらしなさ|方向音痴|物忘れ"),
        "selfmishap": _w("傘を電車に忘れた|書類の締め切りを過ぎてた|目覚ましを止めて二度寝した|鍋を焦がした|乗り換えを間違えた|スマホを家に置いてきた"),
        "sur": _w("田中|佐藤|鈴木|高橋|伊藤|渡辺|山本|中村|小林|加藤|吉田|山田|松本|井上|木村|清水|山口|森|池田|橋本|石川|前田|藤田|岡田|後藤|長谷川|村上|近藤"),
        "given": _w("一郎|健太|翔太|大輔|直樹|拓也|誠|浩二|花子|美咲|陽子|由美|恵|さくら|明美|真由美|和也|隆"),
        "gf": _w("花子|美咲|陽子|由美|恵|さくら|明美|真由美|彩|舞"),
        "age": _num(16, 68), "n": _num(2, 999), "id": lambda rng: "".join(rng.choice("abcdefghkmnpqrstuvwxyz0123456789") for _ in range(8)),
        "co": _w("〇〇商事|株式会社みどり物産|さくら建設|東山運輸|青葉食品|北野電機|〇〇不動産|若葉クリニック|朝日野信用金庫"),
        "sch": _w("〇〇高校|桜ヶ丘第二高校|青葉台中学|私立みどり学園|北野小学校|東山大学|若葉台高校"),
        "paper": _w("〇〇新聞|毎朝新聞|東西日報|ネットニュース|週刊〇〇"),
        "pref": _w("東京都|大阪府|神奈川県|埼玉県|千葉県|愛知県|兵庫県|福岡県|北海道|京都府|広島県|宮城県"),
        "city": _w("〇〇市|桜ヶ丘市|若葉台市|東山市|北野市|青葉市|朝日野市|南川市|〇〇区"),
        "town": _w("〇〇町|緑町|本町|中央|旭町|栄町|若葉|東雲"),
        "addr": _w("{pref}{city}{town}{d1}丁目{d2}-{d2}|{pref}{city}{town}{d1}-{d2}-{d2}|{city}{town}{d1}-{d2}-{d2} {bld}{room}号室|{pref}{city}{town}{d1}丁目{d2}番{d2}号"),
        "bld": _w("コーポ〇〇|ハイツ若葉|〇〇マンション|メゾン東山|グランド青葉"),
        "d1": _num(1, 9), "d2": _num(1, 40), "room": _num(101, 809),
        "phone": lambda rng: rng.choice(["090", "080", "070", "03", "06", "045"]) + rng.choice(["-0000-", "0000", "-0000-"]) + _digits(4)(rng),
        "zip": lambda rng: "〒000-" + _digits(4)(rng),
        "mail": lambda rng: rng.choice(["tanaka", "sato.k", "yamada99", "m-suzuki", "hana.i"]) + _digits(2)(rng) + "@example." + rng.choice(["jp", "com", "net"]),
        "station": _w("〇〇駅|桜ヶ丘駅|東山駅|北野駅|青葉台駅|若葉駅"),
        "time": _w("7時半|8時|朝6時|夜9時|18時ごろ|毎週水曜の夜"),
        "d": _w("お前|てめえ|あんた|貴様|おまえ|お前さん|てめー"),
        "c": _w("上のコメ主|コメ主|上のコメントの奴|>>{n}|ID:{id}の奴|このコメント書いた奴|さっきの投稿者|{n}番の人|上の人|下の奴|{handle}って奴"),
        "tp": _w("上のコメ主|コメ主|{sur}|{sur}記者|{handle}|{sur}{given}|上の方|{n}番の方|この記事の記者"),
        "pp": _w("{sur}|{sur}{given}|近所の{sur}|{co}の{sur}|元同僚の{sur}"),
        "tsp": _w("{sur}|{sur}{gf}|{sur}アナ|女性記者の{sur}|コメ主"),
        "handle": _w("ゆう|たかし|名無し|ニュース好き|ken|まさ|通りすがり"),
        "r": _w("この記者|この記事書いた記者|{sur}記者|{paper}の{sur}って記者|ライターの{sur}|取材に来た{sur}って記者"),
        "p": _w("{sur}{given}|{sur}さん|近所の{sur}|{co}の{sur}部長|{sch}の{sur}先生|同じクラスの{sur}|{sur}{given}（{age}）|元同僚の{sur}|{co}の{sur}"),
        "t": _w("{d}|{d}|{c}|{r}|{p}"),
        "vy": _w("殺してやる|ぶっ殺してやる|刺してやる|ぶん殴ってやる|ボコボコにしてやる|半殺しにしてやる|痛い目見せてやる|東京湾に沈めてやる|指へし折ってやる|家に火つけてやる|ぶちのめしてやる|八つ裂きにしてやる|首を絞め上げてやる|トラックで轢き殺してやる|線路に突き落としてやる|顔に硫酸を浴びせてやる|店ごと焼き払ってやる|腕をへし折ってやる|歯という歯を叩き割ってやる|子供を連れ去ってやる|家族を誘拐してやる|家に火を放ってやる|指を切り落としてやる|顔を切り刻んでやる"),
        "vi": _w("殺しに行く|刺しに行く|殴りに行く|ボコりに行く|ぶっ殺しに行く|火つけに行く|しめに行く|包丁持って行く|刃物持って訪ねて行く"),
        "vz": _w("殺すぞ|ぶっ殺すぞ|刺すぞ|殴るぞ|ボコるぞ|ただじゃ済まさねえぞ|命はないと思え|沈めるぞ"),
        "k": _w("いてこましたるからな|しばいたるで|どついたるわ|ほんまにいてまうぞ|道頓堀に沈めたるで|ボコボコにしたるからな|覚悟しときや|家まで行ったるからな"),
        "leader": _w("プーチン|金正恩|習近平|岸田|石破|バイデン|トランプ|ラブロフ外相|ロシア政府|北朝鮮政府|中国共産党|日本政府|岸田政権|与党|クレムリン|国連"),
        "g": _w("在日|在日朝鮮人|朝鮮人|中国人|韓国人|ロシア人|外国人|移民|クルド人|イスラム教徒|ムスリム|ユダヤ人|黒人|アイヌ|部落出身者|ゲイ|同性愛者|トランスジェンダー|障害者|難民"),
        "gx": _w("在日|在日朝鮮人|朝鮮人|中国人|韓国人|ロシア人|外国人|移民|クルド人|イスラム教徒|ムスリム|難民|黒人|ベトナム人"),
        "gs": _w("チョン|シナ人|支那人|チャンコロ|ロスケ|三国人|ホモ|ガイジ|土人"),
        "gn": _w("ロシア人|中国人|韓国人|朝鮮人|在日|ベトナム人|クルド人|ウクライナ人"),
        "gw": _w("女|女ども|女性|女って生き物"), "go": _w("ゲイ|ホモ|レズ|同性愛者|LGBT|トランス"),
        "gd": _w("障害者|精神障害者|知的障害者|ガイジ|発達障害の奴ら"),
        "ins": _w("バカ|アホ|クズ|カス|ゴミ|無能|低能|ゴミクズ|役立たず|能無し|間抜け|ボケ|ノータリン|脳なし|底辺|恥さらし|負け犬|雑魚|キモオタ|老害"),
        "ts": _w("この女性記者|{sur}アナ|女子アナの{sur}|{sur}記者|上のコメ主|あんた|お前|{sur}さん|{sur}{gf}|コメ主の女|この記事の女性ライター|同じ職場の{sur}さん"),
        "crime": _w("横領してる|会社の金を着服してる|脱税してる|不倫してる|覚醒剤やってる|賄賂もらってる|部下にパワハラしてる|記事を捏造してる|客の金を盗んでる|生徒に手を出してる|盗撮してる|保険金詐欺をやってる"),
        "crimen": _w("詐欺師|横領犯|痴漢の常習犯|前科持ち|泥棒|薬物中毒者|反社の人間|盗撮魔|ストーカー|暴力団員|脱税犯"),
        "crimep": _w("万引きで捕まった|傷害で逮捕された|飲酒運転で事故を起こした|生徒に手を出した|経歴を詐称した|会社の金を持ち逃げした|放火した|詐欺で捕まった"),
        "ruler": _w("プーチン|金正恩|習近平|岸田|石破|バイデン|トランプ|ラブロフ"),
        "crev": _w("放火|殺人|強盗|強盗殺人|詐欺|特殊詐欺|窃盗|空き巣|ひったくり|ひき逃げ|通り魔|横領|痴漢|盗撮|暴行|傷害|誘拐|万引き|不法侵入|ストーカー|児童虐待|闇バイト強盗|車上荒らし|爆破予告"),
        "role": _w("{sur}監督|{sur}選手|{sur}アナ|{sur}市長|{sur}教授|コメンテーターの{sur}|俳優の{sur}{given}|女優の{sur}{gf}|あの監督|あの司会者"),
        "meth": _w("練炭|ロープ|睡眠薬|カッター|硫化水素"),
        "shop": _w("コンビニ|スーパー|ファミレス|居酒屋|本屋|ドラッグストア"),
        "plan": _w("経済対策|法案|規制案|増税案|計画|制度改正|予算案|新制度|方針"),
        "e": _w("プーチン大統領|金正恩氏|ロシア|北朝鮮|国連|米国|韓国|日本政府|ブリンケン国務長官|ラブロフ外相"),
        "topic": _w("制裁|核開発|ミサイル|ウクライナ侵攻|防衛費|物価高|外交|安保理|拉致問題|増税|円安|年金"),
    },
    "en": {
        "fn": _w("John|Mike|Sarah|Emily|David|Kevin|Laura|Chris|Jessica|Tom|Rachel|Brian|Megan|Paul|Karen"),
        "ln": _w("Miller|Smith|Johnson|Brown|Davis|Wilson|Moore|Taylor|Clark|Lewis|Walker|Hall|Young"),
        "ff": _w("Sarah|Emily|Laura|Jessica|Rachel|Megan|Karen|Anna|Kate"),
        "handle": lambda rng: rng.choice(["truth", "patriot", "newsfan", "watcher", "anon", "kim", "jay"]) + _digits(3)(rng),
        "town": _w("Springfield|Fairview|Riverton|Lakewood|Maple Grove|Oakdale|Cedar Falls|Brookside"),
        "street": _w("Elm|Oak|Maple|Pine|Cedar|Main|Lake|Hill|Park|Willow"),
        "addr": _w("{d3} {street} {stt}, {town}|{d3} {street} {stt} Apt {d2}, {town}|{d3} {street} {stt}"),
        "stt": _w("Street|St|Avenue|Ave|Road|Lane|Drive"), "d3": _num(10, 9899), "d2": _num(1, 40), "age": _num(16, 68), "n": _num(2, 999),
        "phone": lambda rng: rng.choice(["(202) ", "(312) ", "(415) ", "", "+1 "]) + "555-01" + _digits(2)(rng),
        "mail": lambda rng: rng.choice(["jmiller", "sarah.t", "kev88", "l.clark", "megan_h"]) + _digits(2)(rng) + "@example." + rng.choice(["com", "org", "net"]),
        "co": _w("Fairview Dental|Oakdale Hardware|Riverton Bank|Maple Grove Motors|Cedar Insurance|Lakewood Logistics|the Brookside Walmart"),
        "sch": _w("Fairview High|Oakdale Middle School|Riverton Elementary|Lakewood Community College|Cedar Falls High"),
        "te": _w("buddy|pal|@{handle}|reporter|mister journalist|{fn}|clown|the guy above|you idiot writer|{fn} {ln}|OP|mate|lady"),
        "t3": _w("the author of this article|this reporter|{fn} {ln}|the guy who posted above|{fn} from {town}|@{handle}|the commenter above|{fn} {ln} from {co}"),
        "p": _w("{fn} {ln}|{fn} {ln} from {co}|my neighbor {fn} {ln}|the {town} dentist {fn} {ln}|coach {ln} at {sch}|{fn} {ln} ({age})|the reporter {fn} {ln}|@{handle}"),
        "ve": _w("kill|hurt|stab|beat the hell out of|shoot|strangle|find and kill|burn|gut|smash your face in and kill|break"),
        "leader": _w("Putin|Kim Jong Un|Xi Jinping|Biden|Trump|Kishida|Lavrov|the Kremlin|the Russian government|the North Korean regime|Congress|the government|this administration|the UN"),
        "g": _w("Muslims|Jews|Black people|immigrants|refugees|women|gay people|trans people|disabled people|Chinese people|Koreans|Russians|Mexicans|Asians|Arabs|Roma|Japanese people"),
        "gx": _w("Muslims|immigrants|refugees|Chinese people|Koreans|Russians|Mexicans|Asians|Arabs|Roma|Africans"),
        "g1": _w("Muslim|Jew|Black person|immigrant|refugee|woman|gay man|trans woman|disabled person|Chinese guy|Korean|Russian|Mexican|Arab"),
        "gw": _w("women|females|girls like her"), "go": _w("gay people|gays|lesbians|trans people|homosexuals"),
        "gd": _w("disabled people|retarded people|autistic people|the mentally ill"),
        "gn": _w("Russians|Chinese people|Koreans|Mexicans|Ukrainians|North Koreans"),
        "ins": _w("an idiot|a moron|pathetic|a clown|a loser|worthless|a joke|a brainless hack|a waste of space|an imbecile|trash|garbage"),
        "ts": _w("this female reporter|{ff}|{ff} {ln}|the anchor {ff}|the girl above|miss {ln}|the lady who wrote this|{ff} from {co}"),
        "crime": _w("embezzled from {co}|stole from the church fund|takes bribes|cheats on their spouse|deals drugs out of their garage|abuses their kids|fakes expense reports|fabricates quotes|molested a student|runs a scam charity"),
        "crimen": _w("a fraud|a scammer|a thief|a pedophile|a drug dealer|a wife beater|a con artist|an embezzler|a sex offender"),
        "ruler": _w("Putin|Kim Jong Un|Xi Jinping|Biden|Trump|Kishida|Lavrov"),
        "e": _w("Putin|Kim Jong Un|Russia|North Korea|the UN|the US|South Korea|Japan|Blinken|Lavrov"),
        "topic": _w("sanctions|the missile program|the war in Ukraine|defense spending|inflation|foreign policy|the Security Council|tariffs|the budget"),
    },
}


FILLERS = {
    "ja": _w("記事を読みました。|朝のニュースでも見ました。|プーチン大統領の訪朝は24年ぶりだそうです。|制裁の話はよく分からないところもある。|写真を見ると空港の様子がよく分かる。|東アジア情勢が気になります。|今日は寒いですね。|ちなみに自分は会社員です。|いろんな意見があると思う。|長文失礼します。|昨日も似た記事がありました。|家族とこのニュースについて話した。|詳しい人の解説を待ちたい。|ベトナム訪問も予定されているらしい。|コメント欄を読んでいて思ったこと。|最初に言っておくと、政治には詳しくない。"),
    "en": _w("I read the whole article this morning.|Putin's visit is the first in 24 years.|The sanctions angle matters for the whole region.|Long comment, sorry.|I saw this on the morning news too.|Interesting photos from the airport.|My family talked about this at dinner.|There are many views on this.|For context, I live in Osaka.|I'm not an expert on foreign policy.|Vietnam is apparently the next stop.|I've been following this story for a while."),
}
PREFIXES = {"ja": ("",) * 6 + _w("正直、|いや、|てか|ほんと|マジで|なあ、|おい、|うーん、|ぶっちゃけ|あのさ、"),
            "en": ("",) * 6 + _w("Honestly, |Wow. |Seriously, |Ok so |lol |Hey, |Look, ")}
SUFFIXES = {"ja": ("",) * 4 + _w("。|。|！|！！|…|w|ｗｗ|笑|(笑)"), "en": ("",) * 4 + _w(".|.|!|!!|...| lol|.|!")}
EMOJI = ("",) * 6 + _w("😡|💢|🙄|😂|🤔|😤|👍|😱|🔥")
