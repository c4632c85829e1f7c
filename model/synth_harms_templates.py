"""Template tables for model/synth_harms.py: slot values and sentence templates per harm family and language.

Data, not logic (like moderation/lexicon_data.py). `[a|b]` is one alternative, `{slot}` one value of a slot
(expanded again). All people, addresses, phone numbers and e-mails are fictional: 000 exchanges and 〒000
postcodes, US 555-01xx numbers, example.* domains.
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
        "c": _w("上のコメ主|コメ主|上のコメントの奴|>>{n}|ID:{id}の奴|このコメント書いた奴|さっきの投稿者|{n}番の人"),
        "r": _w("この記者|この記事書いた記者|{sur}記者|{paper}の{sur}って記者|ライターの{sur}|取材に来た{sur}って記者"),
        "p": _w("{sur}{given}|{sur}さん|近所の{sur}|{co}の{sur}部長|{sch}の{sur}先生|同じクラスの{sur}|{sur}{given}（{age}）|元同僚の{sur}|{co}の{sur}"),
        "t": _w("{d}|{d}|{c}|{r}|{p}"),
        "vy": _w("殺してやる|ぶっ殺してやる|刺してやる|ぶん殴ってやる|ボコボコにしてやる|半殺しにしてやる|痛い目見せてやる|東京湾に沈めてやる|指へし折ってやる|家に火つけてやる|ぶちのめしてやる|八つ裂きにしてやる"),
        "vi": _w("殺しに行く|刺しに行く|殴りに行く|ボコりに行く|ぶっ殺しに行く|火つけに行く|しめに行く"),
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
        "te": _w("buddy|pal|@{handle}|reporter|mister journalist|{fn}|clown|the guy above|you idiot writer"),
        "t3": _w("the author of this article|this reporter|{fn} {ln}|the guy who posted above|{fn} from {town}|@{handle}|the commenter above|{fn} {ln} from {co}"),
        "p": _w("{fn} {ln}|{fn} {ln} from {co}|my neighbor {fn} {ln}|the {town} dentist {fn} {ln}|coach {ln} at {sch}|{fn} {ln} ({age})|the reporter {fn} {ln}|@{handle}"),
        "ve": _w("kill|hurt|stab|beat the hell out of|shoot|strangle|find and kill|burn|gut|smash your face in and kill|break"),
        "leader": _w("Putin|Kim Jong Un|Xi Jinping|Biden|Trump|Kishida|Lavrov|the Kremlin|the Russian government|the North Korean regime|Congress|the government|this administration|the UN"),
        "g": _w("Muslims|Jews|Black people|immigrants|refugees|women|gay people|trans people|disabled people|Chinese people|Koreans|Russians|Mexicans|Asians|Arabs|Roma|Japanese people"),
        "gx": _w("Muslims|immigrants|refugees|Chinese people|Koreans|Russians|Mexicans|Asians|Arabs|Roma|Africans"),
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


PIN, THR, DEF, THR1 = {"personal_info": None}, {"threat": None}, {"defamation": None}, {"threat": 1}

POSITIVES = {
    "threat": {
        "ja": (
            "{t}、[絶対|マジで|いつか|今夜|]{vy}", "{t}[マジで|本気で|]{vy}から覚悟しとけ", ("[上のコメントの奴|{c}|{r}]、住所特定して{vi}から覚悟しとけ", PIN),
            "{t}、夜道に気をつけろ[よ|。|な]", "{t}、家に行くからな[。待っとけ|。逃げんなよ|]", "次そんなこと書いたらどうなるか分かってるよな？{t}",
            "{t}は絶対に{vy}。逃げられると思うなよ", "{t}[、|。]{vz}", "今から{t}のとこ行って{vy}わ", "{t}、{k}", "{t}の[会社|家|学校]の前で待ってるから。{vy}",
            "覚えとけよ{t}。[絶対|必ず]{vy}", "{t}様、近いうちにご自宅に伺います。覚悟なさってください", "{t}、明日[駅|会社の前|帰り道]で待ち伏せして{vy}",
            "{t}の家族もただじゃ済まさないからな", "{t}、これは殺害予告だと思ってくれていい", "{t}に天誅を下す。{vi}", "{t}、これ以上書いたら{vz}",
            ("{t}の顔も住所も知ってるからな", PIN), "{t}、背後に気をつけな", "{t}、ガソリン撒いて火つけたるわ", "{t}、刺されても文句言うなよ",
            "{t}、今度会ったらただじゃおかねえ", "{t}の命はあと[3日|1週間|わずか]だと思え", "記者の分際で調子乗るなよ。{r}の[職場|自宅]に爆破予告送っとくわ",
            "{t}、[謝罪しないなら|削除しないなら|次会ったら]{vz}", "{ruler}を[ぶっ殺してやる|この手で殺してやる|暗殺しに行く]", "{t}には死んでもらう。[準備はできてる|本気だ]",
            "{t}さん、いつでもお宅に伺えますのでお覚悟を", "{t}を見つけ次第{vy}", "[包丁|バット|ナイフ]持って{t}に会いに行くわ", "{t}、月のない夜もあるからな",
        ),
        "en": (
            "I will find you and {ve} you[, {te}|]", "{te}, I'm going to {ve} you", ("{te}, you'd better watch out. [I know where you live|I know where you work|We know your car]", PIN),
            "Keep writing this garbage and see what happens to you, {te}", "I'm coming to your house tonight, {te}", "Watch your back, {te}",
            "One more article like this and I will {ve} you", "If I ever see you I'll {ve} you[, {te}|]", "You're dead, {te}. Mark my words",
            "I'll {ve} you and your whole family", "Say that again and I'll {ve} you", "{t3} is going to get what's coming. I'll make sure of it personally",
            "I'm going to make you regret this, {te}. Count your days", "Someone should {ve} {t3}, and I'm volunteering", "{te}, I'll be waiting outside your [office|house|school]",
            "Next time I see you, {te}, you're getting a bullet", "I swear I will {ve} {t3}", "{t3} won't live to see next week. I'll see to it",
            "Delete this or I will come for you, {te}", "I'm going to {ve} {ruler} with my own hands", "Hey {te}, sleep with one eye open",
            "Better start looking over your shoulder, {te}", "I'm bringing a [knife|gun|bat] to {t3}'s house", "{te}, I'll put you in the hospital",
            "Your days are numbered, {te}", "i will literally {ve} u {te}",
        ),
    },
    "hate": {
        "ja": (
            "{gx}は日本から出ていけ", "{gx}は全員国に帰れ", "{g}なんて[ゴキブリ|害虫|ウジ虫|寄生虫]と同じ", "{g}は人間じゃない", ("{g}は皆殺しにしろ", THR1),
            "{g}が[大嫌い|本当に嫌い|心の底から嫌い]", "{g}は犯罪者ばかり", "{g}は劣等[民族|な連中]", "{g}に人権なんていらない", "{g}は生きてる価値がない",
            "{gx}は日本に住むな", "{gx}を[入れるな|受け入れるな]、[治安が悪くなる|国が汚れる]", "{gx}は全員スパイ", "{g}は[みんな|全員]頭がおかしい", "{g}は駆除すべき",
            "さすが{g}、やることが汚い", "{gx}の血が入ってる奴は信用できない", "{g}と関わると[不幸になる|ろくなことがない]", "{g}は社会の[ゴミ|お荷物]",
            "{g}って存在自体が迷惑", "日本は日本人のもの。{gx}は叩き出せ", "{g}はこの国から消えろ", ("{g}は全員死ね", THR), ("{gs}は[帰れ|出ていけ|死ね]", THR),
            "{gn}の[奴ら|連中]は[嘘つき|泥棒|野蛮]な民族", "{gn}は全員[プーチンと同罪|野蛮人|犯罪者予備軍]", "{gw}は[黙ってろ|家にいろ|政治に口出すな]",
            "{gw}に[政治|仕事|運転]は無理", "{gw}は子供産む機械", "{go}は[気持ち悪い|病気|異常|治療すべき]", "{go}が[近くにいる|同じ職場にいる]だけで吐き気がする",
            "{gd}は[税金の無駄|生まれてくるべきじゃなかった|施設に閉じ込めとけ]", "{g}を見かけたら[通報しろ|追い出せ]", "{g}に生まれた時点で終わってる",
            "{gs}どもが[日本を乗っ取ろうとしてる|湧いてる]", "{gx}の店には行くな、[汚い|何が入ってるか分からん]", "{gx}なんか[ほんま|]いらんねん、帰れや",
        ),
        "en": (
            "I hate {g}", "{g} are [vermin|a plague|parasites|rats|a disease]", "{gx} [should be deported|should go back where they came from|don't belong here]",
            "{g} are all criminals", "{g} are subhuman", ("Kill all {g}", THR1), ("{g} should all be [shot|wiped out|exterminated]", THR1),
            "{g} don't deserve [rights|to live here|respect]", "{g} are disgusting", "{g} should not be allowed to [vote|work|have kids]", "Get {g} out of our country",
            "{g} are ruining this country", "Never trust {g}", "The world would be better without {g}", "{g} belong in [cages|camps]",
            "All {g} are the same: [dirty|violent|liars]", "{g} are [less than human|animals|filth]", "Typical {g}, always [lying|stealing|whining]",
            "I can't stand {g}. They make me sick", "{g} are a cancer on society", "{gw} [belong in the kitchen|are too emotional to lead|should shut up about politics]",
            "{go} are [sick|perverts|an abomination]", "{gd} are a waste of [space|taxpayer money]", "{gn} are all [orcs|savages|barbarians] and deserve to suffer",
            "No {g} should ever be [hired|allowed in|trusted]", "{g} breed like rats", "I really [hate|despise|loathe] {g}", "{g} are nothing but trouble",
        ),
    },
    "harassment": {
        "ja": (
            "{t}って[ほんと|マジで|]{ins}だな", "{t}は{ins}なの？", "{t}、頭悪すぎて草", "{t}みたいな{ins}が記事書くなよ", "{t}の顔[キモすぎ|ブサイクすぎ|見るだけで不快]",
            "{t}は[ゴミ|カス]以下", "{t}、日本語読めないの？小学生からやり直せ", "{t}[ブス|デブ|ハゲ]のくせに偉そう", "{t}、お前の存在が不快",
            "{t}の親の顔が見てみたいわ、どうせ同じくらい{ins}なんだろ", "こんな記事しか書けない{r}は無能。[辞めちまえ|廃業しろ]", "{t}は脳みそ入ってんの？",
            "{t}[、|]アホちゃうか[、ほんまに|。ほんま腹立つわ]", "{t}、黙れ{ins}", "{t}とかいう{ins}", "{t}の書き込み全部気持ち悪い。誰にも相手にされてないんだろうな",
            "{t}は負け組の引きこもり", "{t}、ネットでしかイキれない雑魚", "{t}、知能低すぎ", "{r}は本当に使えない[無能記者|ゴミ記者|三流ライター]",
            "{t}、お前みたいなのが一番迷惑なんだよ", "{t}さんは本当に頭が悪いんですね。かわいそうに", "{t}さん、その程度の理解力でよく記事が書けますね。恥ずかしくないんですか",
            "{t}、[キモ|うざ]すぎ。二度と書き込むな", "{t}の[文章|コメント]、{ins}丸出しで笑える", "{t}はただの[{ins}|構ってちゃん|寂しいおっさん]",
            "{t}、その程度の頭でよく生きてこれたな", "{t}、マジで{ins}。誰か止めてやれよ", "{t}なんかに発言権ない。黙ってろ", "{t}ってほんまアホやな。救いようがないわ",
        ),
        "en": (
            "you are {ins}", "{te}, you're {ins}", "{t3} is {ins}", "shut up, you [worthless|useless|brainless] [clown|idiot|loser]", "what a [stupid|useless|clueless] reporter",
            "nobody asked you, [loser|idiot]", "{te}, you're too dumb to read", "{t3} is [ugly|disgusting] inside and out", "go back to school, you [illiterate|ignorant] fool",
            "{te}, your brain must be the size of a pea", "Hey {te}, do everyone a favor and stop talking. You're embarrassing", "{t3} writes like a [child|drunk monkey]. Pathetic",
            "you're such a [loser|creep|joke], {te}", "Imagine being as stupid as {t3}", "{te}, you absolute [muppet|donkey|clown]", "The guy above is a [moron|troll with no life]",
            "{te}, nobody likes you. Everyone laughs at you", "Dear {te}, with all due respect, you are the dumbest person on this site", "{t3} is a [fat|ugly] [slob|pig]",
            "Get lost, {te}. Nobody wants your idiotic comments here", "lol {te} really thinks he's smart. what a clown", "{te}, you are a pathetic little [man|worm]",
        ),
    },
    "sexual": {
        "ja": (
            "{ts}の[おっぱい|胸|尻][揉みたい|触りたい|最高]", "{ts}と[ヤリたい|ヤらせろ|一発やりたい]", "{ts}、今どんな[パンツ|下着]履いてるの？", "{ts}の裸[見せろ|見たい]",
            ("{ts}はどうせ枕営業で仕事取ってる", DEF), "{ts}、エロい体してるな", ("{ts}を[レイプしたい|犯したい|襲いたい]", THR), "{ts}エロすぎて[抜ける|興奮する]",
            "{ts}、一晩いくら？", "{ts}のスカートの中[撮りたい|覗きたい]", "{ts}とホテル行きたい。[連絡先教えて|DMして]", "{ts}の[足|唇|胸元]エロすぎ。舐めたい",
            "{ts}、[ブラ|胸の谷間]見えてるよ。わざとでしょ", "{ts}の[写真|動画]でオナニーした", "{ts}、彼氏とどんなセックスしてるの？", "{ts}、記者よりAV女優の方が向いてるよ",
            "{ts}さん、今度二人きりで飲みに行きましょう。ホテルも予約しておきます", "{ts}、[乳首|おしり]見せて", "{ts}の[体|ケツ]で払えよ", "{ts}、ええ乳しとるやん。触らせてや",
        ),
        "en": (
            "{ts}, send me nudes", "I want to [fuck|bang|screw] {ts}", "{ts} has a nice [ass|rack]", "how much for a night, {ts}?", ("{ts} probably slept her way to this job", DEF),
            "show me your tits, {ts}", "I'd bend {ts} over [any day|in a heartbeat]", "What color is your underwear, {ts}?", "{ts}, sit on my face", "I jerked off to {ts}'s photo",
            "{ts} looks like she'd be great in bed", "{ts} should do porn instead of journalism", "nice legs, {ts}. Wanna come over tonight?", ("I'm going to rape {ts}", THR1),
            "{ts}, I want to see you naked", "bet {ts} moans loud", "{ts}, suck my dick", "{ts}, lift your skirt a bit more next time",
        ),
    },
    "self_harm": {
        "ja": (
            "{t}、死ねば？", "{t}[、|]消えてくれ", "{t}[、|]さっさと飛び降りろ", "{t}、首吊れ", "{t}生きてる価値ないから死んだら？", "{t}、電車に飛び込めよ",
            "誰も悲しまないから{t}は早く死んで", "{t}、[リスカ|自傷]でもしてろ", "{t}、樹海行けよ", "{t}は生まれてきたのが間違い。[消えろ|死ね]", "こんなコメント書く{t}は首吊って詫びろ",
            "{t}、練炭でも買えば？", "{t}、もう死んでいいよ", "{t}、はよ死ねや", "{t}みたいなのは自殺した方が世のため", "{t}、[屋上|ビル]から飛べ",
            "{t}さん、生きていて恥ずかしくないんですか？早く楽になったらどうです", "{t}、自殺しろ", "{t}、死んで詫びろ", "{t}、存在ごと消えてほしい。マジで死んで", "{t}、さっさと[死ね|氏ね|しね]",
        ),
        "en": (
            "kill yourself[, {te}|]", "kys {te}", "{te}, go jump off a bridge", "nobody would miss you, {te}. just end it", "do everyone a favor and die, {te}", "{te}, hang yourself",
            "you should just off yourself, {te}", "{te}, drink bleach", "{te}, the world is better without you. end it", "go slit your wrists, {te}", "{te}, why are you still alive? just do it",
            "{t3} should kill [himself|herself]", "{te}, jump in front of a train", "please just die already, {te}", "{te}, go cut yourself", "{te}, overdose already",
        ),
    },
    "personal_info": {
        "ja": (
            "{p}の住所晒しとく。{addr}", ("{p}、{addr}に住んでる。[凸しよう|みんなで行こうぜ]", THR), "特定した。{sur}{given}、{sch}に通ってる{d1}年生", "{p}の勤務先は{co}。電話して抗議しようぜ {phone}",
            "コメ主の本名は{sur}{given}、{co}勤務。みんなで凸れ", "この記者の自宅 {addr} 電話{phone}", "{p}の携帯番号 {phone} 晒しとくわ", "{p}の嫁は{co}で働いてて、娘は{sch}。全部バレてるぞ",
            ("{p}は毎朝{time}に{station}を使ってる。待ち伏せできるな", THR), "上のコメ主、{sur}{given}（{age}）、{addr}在住。家の写真も貼っとく", "{p}のメアド {mail} ここにクレーム送りまくれ",
            "{zip} {addr} {sur}{given}宛てに何か送ってやろうぜ", "{p}の実家は{addr}。親は{co}勤務", "ID:{id}の正体は{sch}の{sur}{given}だった。特定完了", "{r}の住所は{addr}、最寄りは{station}",
            "{p}の子供、{sch}の{d1}年{d1}組。下校は{time}", "{sur}{given}の電話番号は{phone}、住所は{addr}。拡散希望", "晒し：{sur}{given} {age}歳 {co}勤務 {phone}",
            "{p}、{station}近くの{bld}{room}号室に住んでるで。知らんけど行ったらおるわ", "{p}の自宅 {zip} {addr}",
        ),
        "en": (
            "{p} lives at {addr}. Everyone go pay a visit", "Found them: {fn} {ln}, works at {co}, kids go to {sch}", "Here's the reporter's home address: {addr}. Phone {phone}",
            "Doxxed: {fn} {ln}, {addr}, {phone}", "{t3} is {fn} {ln} from {town}. Call the boss at {co}: {phone}", "{p}'s personal email is {mail}. Flood it",
            ("{p} leaves home at [7:30|8:00|6:45] every morning and walks to {sch}. Just saying", THR), "The commenter above is {fn} {ln}, {age}, lives at {addr}",
            "{p}'s cell: {phone}. Let's make it ring all night", "Got the address of {t3}: {addr}. Post it everywhere", "{fn} {ln}'s daughter goes to {sch}, pickup at 3pm",
            "Real name of @{handle}: {fn} {ln}, {addr}", "{p} works the night shift at {co}. Go say hi", "Anyone near {town}? {p} lives at {addr}, blue car in the driveway",
            "exposing {fn} {ln}: phone {phone}, email {mail}, address {addr}",
        ),
    },
    "defamation": {
        "ja": (
            "{p}は{crime}。みんな知ってる", "{p}って前科持ちだよ", "{p}は詐欺師だ。騙されるな", "ここだけの話、{p}は{crime}", "{p}が{crimep}のは事実",
            "{p}は{crime}らしい、確かな筋からの情報", "断言する、{p}は{crimen}だ", "{p}さんは{crime}ので要注意", "{p}の正体は{crimen}", "{r}は{crime}。記者失格",
            "{p}は昔{crimep}くせに今は偉そうにしてる", "{p}、{crime}の知ってるからな。証拠もある", "{p}は{crimen}。近づかないほうがいい", "{co}の{sur}社長は{crime}",
            "{sch}の{sur}先生は{crime}。保護者はみんな知ってる", "近所の{sur}さんち、旦那が{crimen}らしいよ。間違いない", "{p}は{crime}って、社内では有名",
            "{p}が{crimep}こと、みんなにバラしとく", "{p}ほど悪質な{crimen}はいない", "{p}は{crime}で、しかも{crimep}", "{p}って{crime}んやで。ほんまの話",
        ),
        "en": (
            "{p} {crime}. Everyone knows it", "{p} is {crimen}", "{p} has a criminal record for [fraud|assault|theft]", "Fact: {p} was arrested for drunk driving and covered it up",
            "Don't trust {p}, {crimen} who {crime}", "{p} {crime}, I have proof", "Everyone in {town} knows {p} {crime}", "the reporter who wrote this {crime}",
            "{p} is {crimen}. Stay away", "Warning: {p} {crime}", "My former boss {fn} {ln} {crime}", "{p} did time for [burglary|fraud|assault]",
            "Just so you all know, {p} is {crimen}", "{p} {crime}, and the police are covering for them", "{t3} {crime}", "Heads up, {p} {crime}. Spread the word",
        ),
    },
}

NEGATIVES = {
    "neg_politics": {  # harsh but civil criticism of politicians and states, sarcasm, anger at the news
        "ja": (
            "{leader}は戦争犯罪者だ", "{leader}は[無能|無能すぎる|最低の指導者だ|国際社会の敵だ|責任を取るべきだ|辞めるべきだ|信用できない]", "{leader}の[外交|政策|対応]は[完全に失敗|バカげている|愚かとしか言いようがない|最悪だ|話にならない]",
            "プーチンは戦争犯罪者だ。支援する北朝鮮も同罪", "金正恩は最低の指導者だ。ミサイルばかり撃って国民は飢えている", "岸田政権は無能すぎる。何も決められない", "{leader}は嘘ばかりついている",
            "{leader}のやり方は独裁そのもの", "{leader}は恥を知れ", "{leader}は国民を見ていない", "与党も野党もクソだな、{topic}を何とかしろ", "{topic}の問題、政府は本当に何をやってるんだ",
            "さすが{leader}、平和の使者ですね（棒）", "高級車プレゼントとか、制裁って何だっけ", "素晴らしい友情ですね、ミサイルの", "また「遺憾の意」か。頼もしいね", "{leader}、今日も絶好調に世界を混乱させてて草",
            "こんなニュース見るたびに腹が立つ", "ふざけるな、完全に制裁違反じゃないか", "国連は何してるんだ、本当に頭にくる", "{topic}のニュース、もう怒りしかない", "{leader}のせいで世界がめちゃくちゃだ。許せない",
            "{leader}ほんまアホちゃうか、何考えとんねん", "{leader}の{topic}政策はバカげてる", "独裁者同士の茶番にしか見えない", "{leader}は国際法違反の戦争を今すぐやめろ", "政府の{topic}対応はお粗末すぎる",
        ),
        "en": (
            "{leader} is a war criminal", "{leader} is [incompetent|the worst leader on earth|a disgrace|a dictator|a liar|clueless]", "The government's policy on {topic} is idiotic",
            "{leader}'s foreign policy is a complete failure", "This administration is a joke", "Oh great, another 'historic friendship'. Very reassuring", "Wow, a limousine as a gift. Sanctions working perfectly /s",
            "This makes my blood boil", "Absolutely disgusting that the UN can't do anything about {topic}", "{leader} should resign", "{leader} should be tried at The Hague", "What a stupid policy on {topic}",
            "Damn, this news is infuriating", "{leader} has blood on his hands", "Kim Jong Un is the worst leader on the planet, all missiles and no food", "Putin is a war criminal and anyone arming him is complicit",
            "Two dictators hugging at an airport. Disgusting", "{leader} is destroying any chance of peace", "Sanctions on {topic} are a stupid joke", "I'm so angry about {topic} I can't even",
        ),
    },
    "neg_report": {  # war and crime reporting, reported threats
        "ja": (
            "北朝鮮が弾道ミサイルを[発射した|日本海に向けて発射した]と防衛省が発表", "{pref}警は{sur}{given}容疑者（{age}）を[詐欺|横領|傷害|窃盗]の疑いで逮捕したと発表した",
            "{sur}{given}容疑者が[横領|詐欺|傷害]容疑で逮捕されたと報じられた", "警察によると、{sur}容疑者は容疑を[否認している|認めている]", "男は元交際相手に「[殺すぞ|家に行くからな|夜道に気をつけろ]」とメッセージを送ったとして、脅迫の疑いで逮捕された",
            "容疑者は店員に「殺すぞ」と脅迫した疑いがもたれている", "ウクライナ東部で[砲撃|ドローン攻撃]があり、民間人{d2}人が死亡した", "ロシア軍が[ミサイル攻撃|空爆]を行い、[発電所|住宅]が被害を受けた",
            "{pref}{city}の住宅で男性が刺され死亡する事件があった", "裁判所は被告に懲役{d1}年の判決を言い渡した", "SNSで「死ね」などと書き込んだとして、侮辱罪で{age}歳の男が書類送検された",
            "ネットに他人の住所を晒したとして男が逮捕された", "国連安保理は北朝鮮の[核実験|ミサイル発射]を非難する声明を出した", "記事によると、{topic}をめぐる協議は難航している",
            "被害者は「[家まで来ると言われた|殺すと言われて怖かった]」と話している", "韓国軍が警告射撃を行ったと発表した", "{leader}の発言をめぐり、専門家は「[脅しに過ぎない|緊張が高まる]」と分析している",
            "この事件では、被害者への誹謗中傷が問題になった", "殺人事件の裁判員裁判が始まった", "{sur}被告は「[殺すつもりはなかった|覚えていない]」と供述している", "記者への脅迫メールが届き、警察が捜査している",
        ),
        "en": (
            "North Korea fired a ballistic missile into the sea, officials said", "Police arrested {fn} {ln}, {age}, on suspicion of [fraud|embezzlement|assault]", "The suspect allegedly told the victim 'I will find you' before fleeing",
            "A man was charged after sending messages saying 'I'm going to kill you' to his ex-partner", "Russian shelling killed {d2} civilians in eastern Ukraine", "Prosecutors say the defendant threatened a reporter",
            "A court sentenced the man to {d2} years for stalking", "Officials reported a drone attack on a power plant", "The police said the suspect denied the charges", "According to the report, the attacker shouted threats before being detained",
            "The UN Security Council condemned the missile test", "He was arrested for posting a journalist's home address online", "The defendant told the court he 'never meant to kill anyone'",
            "Troops fired warning shots after soldiers crossed the border", "Investigators say the victim received messages telling her to kill herself",
        ),
    },
    "neg_counter": {  # counter-speech that quotes slurs, threats and hate in order to condemn them
        "ja": (
            "「{gs}」なんて言葉を使う人は差別主義者だ", "{g}の人に「国に帰れ」と言うのはヘイトスピーチです", "「死ね」って書き込む人の気がしれない", "ネットで「{gs}」と書く人を見ると悲しくなる",
            "上のコメントの「{g}は出ていけ」はヘイトだと思う。削除してほしい", "差別はやめよう。{g}も同じ人間だ", "「{gs}」は差別語です。使わないでください", "{g}だからって一括りにするのはおかしい",
            "「消えろ」「死ね」みたいなコメントは通報しました", "記者に「殺すぞ」なんて書く人がいるのは怖い。脅迫は犯罪です", "他人の住所を晒すのは絶対ダメ", "根拠もなく「あの人は前科持ち」と書くのは名誉毀損になるよ",
            "「{g}は犯罪者ばかり」という主張はデータに反している", "ロシア政府を批判するのはいいけど、ロシア人全体を叩くのは違う", "「{gw}は黙ってろ」みたいな発言は時代遅れ", "{go}を「病気」と呼ぶのは偏見だよ",
            "「自殺しろ」と書き込まれた人の気持ちを考えて", "悪口で人を追い詰めるのはやめよう", "「{g}は日本から出ていけ」というデモに反対します", "「{gs}」って昔はよく聞いたけど、今思うとひどい言葉だ",
        ),
        "en": (
            "Using the word 'vermin' for {g} is dehumanizing", "Saying 'kill yourself' to anyone is never okay", "The comment above saying '{g} are vermin' should be removed", "'I hate {g}' is not an opinion, it's bigotry",
            "Stop blaming {g} for everything", "Criticize {leader}, sure, but don't attack ordinary {gn}", "Posting someone's home address is doxxing and it's illegal", "Telling a reporter 'I will find you' is a threat and should be reported",
            "{g} are people, not a problem to be solved", "If you call {g} 'animals', you're the problem", "Accusing someone of a crime without proof is defamation", "Reported the guy who told {fn} to kill herself",
            "Slurs against {g} have no place here", "People who write '{g} should be deported' need to read some history", "Nobody deserves to hear 'go die' because of a comment",
        ),
    },
    "neg_casual": {  # self-deprecation, dialect roughness, literal senses, words that contain insult letters
        "ja": (
            "自分は[バカ|アホ]だった", "俺ってほんとアホやな", "我ながら無能すぎて笑う", "昨日の自分を殴りたい", "死ぬほど笑った", "くそ[眠い|暑い|寒い|忙しい]", "ゴミ出し忘れた",
            "マジで死ぬかと思った、[この暑さ|あの階段]", "なんでやねん", "アホちゃう？このプリン美味すぎ", "最近[雨|会議|残業]ばかりで疲れる", "サブスク解約し忘れてた", "車のカスタムにハマってる",
            "パチンコで負けた", "このシナリオは想定外", "メイク変えたら褒められた", "フェラーリかっこいい", "マイクの音が小さい", "バイクで通勤してる", "腹が死ぬほど減った", "殺人的な暑さ",
            "このゲームのボスに何回も殺された", "ゴキブリ[退治した|殺してやった]", "蚊を叩き殺した", "息を殺して[見守った|待った]", "うちの猫アホかわいい", "バカみたいに高い値段",
            "クソゲーだけどハマる", "推しが尊くて死にそう", "夜道に気をつけて帰ってね", "気をつけて帰ってね、また明日", "次の試合は絶対勝つから覚悟しとけよ笑", "ボス倒しに行くわ",
            "このバグ、早く消えてくれ", "寝不足で頭が死んでる", "ほんま[しんどい|かなわん]わ", "アホみたいに食べた", "自分のコメント読み返したらバカ丸出しで恥ずかしい", "ゴミみたいな[天気|Wi-Fi]",
            "シナリオライター募集中", "ですしね、そういうこともある", "まあ仕方ないだしね", "明日こそジム行くからな、自分", "うちの子、ほんまアホなことばっかりして可愛いわ",
        ),
        "en": (
            "I'm such an idiot, forgot my keys again", "this heat is killing me", "I'd kill for a coffee right now", "that joke killed me", "damn this traffic", "my code is garbage lol",
            "I died laughing", "this app is garbage", "my dog is a lovable idiot", "watch out for ice on the roads tonight", "be careful walking home at night", "I'm going to kill it at the interview tomorrow",
            "we destroyed them in the game last night", "the final boss killed me twenty times", "what a stupid mistake I made", "ugh, I hate Mondays", "I hate cilantro", "I could murder a pizza",
            "Scunthorpe United won again", "grab a cocktail after work?", "passed the class assessment finally", "shoot, I forgot the meeting", "I'm an idiot for believing the forecast",
            "this song is sick", "my brain is dead after that exam", "stupid printer jammed again",
        ),
    },
    "neg_mention": {  # groups in neutral or positive contexts; company and public-office addresses; named people praised
        "ja": (
            "在日の友人と焼肉に行った", "{gn}観光客が増えた", "{g}の[同僚|友人|隣人]に[助けてもらった|料理を教わった]", "韓国人の友達がキムチをくれた", "イスラム教徒の同僚のためにハラール対応の店を探した",
            "ゲイの友人の結婚式に出た", "障害者の雇用を増やすべきだ", "女性議員がもっと増えてほしい", "{g}の[権利|支援]についての記事、勉強になった", "{gn}の[学生|研究者]と交流会をした",
            "{g}向けの相談窓口ができたらしい", "株式会社{co}（本社・{pref}{city}）は新製品を発表した", "問い合わせは{city}役所[福祉課|市民課]（電話 {phone}）まで", "{city}役所は{pref}{city}{town}1-1にあります",
            "お店の住所は{addr}、電話は{phone}です。ぜひ行ってみて", "{sch}の野球部が甲子園に出場", "{station}で人身事故があったらしい", "私の勤務先は病院です", "本社所在地：{zip} {addr}",
            "記者の{sur}さん、丁寧な取材ありがとうございます", "{sur}さんにはお世話になった", "{sur}先生の授業が好きだった", "投票所は{city}立{sch}の体育館です", "事件があったのは{pref}{city}の住宅街",
            "{co}の採用窓口：{phone}（平日9時〜17時）", "ロシア人の同僚も戦争には反対している", "{g}が多い地域の祭りに行ってきた",
        ),
        "en": (
            "My Muslim neighbors brought us food for Eid", "More Russian tourists are visiting again", "I love Korean food", "Gay people deserve equal rights", "My Chinese coworker taught me to make dumplings",
            "{g} in our town organized a charity run", "We need more women in parliament", "Disabled people should have better access to public transport", "{co} is headquartered at {addr}",
            "For questions call the city office at {phone}", "The store is at {addr}, open 9 to 5", "{fn} {ln} won the local spelling bee", "Thanks to the reporter {fn} {ln} for the careful coverage",
            "Our {sch} team made the finals", "Call the helpline at {phone} if you need support", "My Russian friend is against the war too", "{g} have lived in this city for generations",
        ),
    },
    "neg_article": {  # ordinary comments on the seed article (Putin in Pyongyang)
        "ja": (
            "{e}の[訪問|動き]、[気になる|注目してる|心配だ]", "プーチン大統領が北朝鮮を訪問するのは24年ぶりらしい", "平壌の空港での抱擁、異様な光景だった", "制裁の監視がなくなったのは痛い",
            "ベトナムにも行くのか", "日本の安全保障が心配", "アウルス・セナトってどんな車？", "安保理が機能してないのが問題", "韓国外務省のコメントが妥当だと思う",
            "ロシアと北朝鮮の軍事協力が進むと東アジアが不安定になる", "{topic}について[もっと詳しく知りたい|専門家の意見を聞きたい]", "写真の肖像画と国旗がすごい", "ゴミ風船の話、まだ続いてるのか",
            "拡声器の放送も再開してるらしいね", "ヤクーツク経由なんだ", "ブリンケン氏の発言はもっともだ", "24年ぶりって長いな", "日本政府はどう対応するんだろう",
            "北朝鮮の兵器がウクライナで使われてるなら深刻", "記事わかりやすかった、ありがとう", "ウシャコフ補佐官の説明が気になる", "多極的世界秩序って結局何なんだろう",
        ),
        "en": (
            "Putin hasn't visited Pyongyang in 24 years, interesting timing", "The sanctions monitoring ending is a big deal", "Worried about what this means for Japan and South Korea",
            "Why a limousine of all gifts?", "Good article, thanks for the context", "So Vietnam is next on the trip", "Hard to see how the Security Council can act now",
            "The balloon and loudspeaker story is wild", "I wonder what the arms deal actually includes", "Blinken's comments seem fair", "Yakutsk first, then Pyongyang. Busy week",
            "How will China react to this?", "The {e} angle is the part I'd like explained", "{e} and {topic}: what changes now?",
        ),
    },
}

FILLERS = {
    "ja": _w("記事を読みました。|朝のニュースでも見ました。|プーチン大統領の訪朝は24年ぶりだそうです。|制裁の話はよく分からないところもある。|写真を見ると空港の様子がよく分かる。|東アジア情勢が気になります。|今日は寒いですね。|ちなみに自分は会社員です。|いろんな意見があると思う。|長文失礼します。|昨日も似た記事がありました。|家族とこのニュースについて話した。|詳しい人の解説を待ちたい。|ベトナム訪問も予定されているらしい。|コメント欄を読んでいて思ったこと。|最初に言っておくと、政治には詳しくない。"),
    "en": _w("I read the whole article this morning.|Putin's visit is the first in 24 years.|The sanctions angle matters for the whole region.|Long comment, sorry.|I saw this on the morning news too.|Interesting photos from the airport.|My family talked about this at dinner.|There are many views on this.|For context, I live in Osaka.|I'm not an expert on foreign policy.|Vietnam is apparently the next stop.|I've been following this story for a while."),
}
PREFIXES = {"ja": ("",) * 6 + _w("正直、|いや、|てか|ほんと|マジで|なあ、|おい、|うーん、|ぶっちゃけ|あのさ、"),
            "en": ("",) * 6 + _w("Honestly, |Wow. |Seriously, |Ok so |lol |Hey, |Look, ")}
SUFFIXES = {"ja": ("",) * 4 + _w("。|。|！|！！|…|w|ｗｗｗ|笑|(笑)"), "en": ("",) * 4 + _w(".|.|!|!!|...| lol|?!")}
EMOJI = ("",) * 6 + _w("😡|💢|🙄|😂|🤔|😤|👍|😱|🔥")
