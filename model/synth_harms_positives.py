"""Templates of the harm categories per language (model/synth_harms.py expands them).

`[a|b]` is one alternative, `{slot}` one value of a slot (model/synth_harms_slots.py). An entry is a template
or (template, label overrides): None leaves a head unlabelled where the sentence is ambiguous for it.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

PIN, THR, DEF, THR1 = {"personal_info": None}, {"threat": None}, {"defamation": None}, {"threat": 1}
# a plain death wish at a person (死ね, go die) insults them: harassment; whether it urges suicide is left unlabelled.
# Urging the act (自殺しろ, 首吊れ, a method, "kill yourself") stays self_harm.
WISH = {"self_harm": None}

POSITIVES = {
    "threat": {
        "ja": (
            "{t}、[絶対|マジで|いつか|今夜|]{vy}", "{t}[マジで|本気で|]{vy}から覚悟しとけ", ("[さっきから偉そうな奴|{c}|{r}]、お前の家はもう割れてる。{vi}から覚悟しろよ", PIN),
            "{t}、夜道に気をつけろ[よ|。|な]", "{t}、家に行くからな[。待っとけ|。逃げんなよ|]", "{t}、この先も同じ調子で書くなら、どうなるか分かってんだろうな",
            "{t}は絶対に{vy}。逃げられると思うなよ", "{t}[、|。]{vz}", "今から{t}のとこ行って{vy}わ", "{t}、{k}", "{t}の[会社|家|学校]の前で待ってるから。{vy}",
            "覚えとけよ{t}。[絶対|必ず]{vy}", "{tp}様、近いうちにご自宅に伺います。覚悟なさってください", "{t}、明日[駅|会社の前|帰り道]で待ち伏せして{vy}",
            "{t}の家族もただじゃ済まさないからな", "{t}、これは殺害予告だと思ってくれていい", "{t}に天誅を下す。{vi}", "{t}、これ以上書いたら{vz}",
            ("{t}の顔も住所も知ってるからな", PIN), "{t}、背後に気をつけな", "{t}、ガソリン撒いて火つけたるわ", "{t}、刺されても文句言うなよ",
            "{t}、今度会ったらただじゃおかねえ", "{t}の命はあと[3日|1週間|わずか]だと思え", "記者の分際で調子乗るなよ。{r}の[職場|自宅]に爆破予告送っとくわ",
            "{t}、[謝罪しないなら|削除しないなら|次会ったら]{vz}", "{ruler}を[ぶっ殺してやる|この手で殺してやる|暗殺しに行く]", "{t}には死んでもらう。[準備はできてる|本気だ]",
            "{tp}さん、いつでもお宅に伺えますのでお覚悟を", "{t}を見つけ次第{vy}", "[包丁|バット|ナイフ]持って{t}に会いに行くわ", "{t}、月のない夜もあるからな",
            "{t}、[ころす|コロス|〇す|殺す]から[な|ね|]", "{t}、[住所|家|職場]わかったら[すぐ|]{vi}わ", "{t}、大事な[子供|嫁|親]が無事に家に帰れるといいな", "{r}、次の記事出したら{vz}",
            "{t}、[謝るなら今のうちやで|ええ加減にせえよ]。{k}", "{t}、首洗って待っとけ", "{t}、[来週|今週末]そっち行くから楽しみにしとけよ", "{t}、[通勤|帰宅]途中は気をつけた方がいいですよ。何があるか分かりませんから",
            "{t}みたいな奴は[消す|始末する]。本気でな", "{t}、[爆弾|火炎瓶]でも送ってやろうか", "{t}を[見かけたら|見つけたら]即{vy}", "{t}、二度と[歩けない|書けない]体にしてやる",
            "{tp}さん、ご家族の安全を大切になさってくださいね。何が起きても知りませんよ", ("{tp}様、あなたのご自宅は存じ上げております。今後の書き込みにはお気をつけください", PIN), "{t}、[お前|てめえ]の[人生|記者生命]終わらせたるわ。物理的にな",
            "{t}、ぶち殺したるけぇの。覚えとれ", "{t}、くらすぞ。[家|場所]分かっとるけんな", "{t}、[ころすううう|殺すぞおお|ぶっころーす]", "{t}、しばき回したろか？ほんまに行くで",
            # 2026.11.30-3: bombs and arson planned, revenge taken "by my own hand", katakana spellings, incitement against rulers and public roles
            "{t}の[事務所|会社|家|車]に[爆弾|火炎瓶]を[仕掛けて|投げ込んで]やる", "[講演会|集会|イベント|記者会見]の会場ごと[吹き飛ばして|燃やして]やる", "{t}、[いつか|そのうち][報い|天罰]を受けさせてやる。この手でな",
            "{t}、[コロス|ころす]ぞ[、マジで|、本気で|]", "{ruler}なんて[誰か|さっさと][始末して|消して|撃ち殺して]くれ", "{role}、[家族ごと|一家まとめて][消してやる|始末してやる]", "{ruler}は[吊るされろ|処刑されればいい]",
            # 2026.11.30-3: "be careful" said to one person (a veiled threat)
            "{t}、[人気のない道|暗い路地|駅の階段|終電の後]を一人で歩くときは[用心しな|後ろに注意しとけ|周りをよく見とけよ]。[何があるか分からないし|最近物騒だからな|俺は知らんけど]", "{t}、[家族|子供]のことも気をつけたほうがいい[よ|ぞ]",
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
            "{te}, I know your face. I'll be waiting", "{te}, you won't see it coming", "I'm going to [hunt you down|track you down] and {ve} you, {te}", "If {t3} writes one more word, I'll {ve} them",
            "{te}, enjoy your last weekend", "{te}, I hope you like hospitals, because that's where you're going", "{te}, I'm outside. Come down", "Nice family you have, {te}. Would be a shame if something happened to them",
            "Next time you open your mouth, {te}, I'll shut it for good", "{te}, I'm going to mail you a bomb",
            "I'll k1ll you, {te}", "u r dead {te}", "{te}, im gonna [stab|shoot|hurt] u", "{t3} better hope I never find them",
            "With respect, {te}, I will be paying you a visit. Bring friends", "Kindly note, {te}: next time we meet, you will not walk away",
        ),
    },
    "hate": {
        "ja": (
            "{gx}は日本から出ていけ", "{gx}は全員国に帰れ", "{g}なんて[ゴキブリ|害虫|ウジ虫|寄生虫]と同じ", "{g}は人間じゃない", ("{g}は皆殺しにしろ", THR1),
            "{g}が[大嫌い|本当に嫌い|心の底から嫌い]", "{g}なんてどいつもこいつも泥棒", "{g}は劣等[民族|な連中]", "{g}に人権なんていらない", "{g}は生きてる価値がない",
            "{gx}は日本に住むな", "{gx}を[入れるな|受け入れるな]、[治安が悪くなる|国が汚れる]", "{gx}は全員スパイ", "{g}は[みんな|全員]頭がおかしい", "{g}は駆除すべき",
            "さすが{g}、やることが汚い", "{gx}の血が入ってる奴は信用できない", "{g}と関わると[不幸になる|ろくなことがない]", "{g}は社会の[ゴミ|お荷物]",
            "{g}って存在自体が迷惑", "日本は日本人のもの。{gx}は叩き出せ", "{g}はこの国から消えろ", ("{g}は全員死ね", THR), ("{gs}は[帰れ|出ていけ|死ね]", THR),
            "{gn}の[奴ら|連中]は[嘘つき|泥棒|野蛮]な民族", "{gn}は全員[プーチンと同罪|野蛮人|犯罪者予備軍]", "{gw}は[黙ってろ|家にいろ|政治に口出すな]",
            "{gw}に[政治|仕事|運転]は無理", "{gw}は子供産む機械", "{go}は[気持ち悪い|病気|異常|治療すべき]", "{go}が[近くにいる|同じ職場にいる]だけで吐き気がする",
            "{gd}は[税金の無駄|生まれてくるべきじゃなかった|施設に閉じ込めとけ]", "{g}を見かけたら[通報しろ|追い出せ]", "{g}に生まれた時点で終わってる",
            "{gs}どもが[日本を乗っ取ろうとしてる|湧いてる]", "{gx}の店には行くな、[汚い|何が入ってるか分からん]", "{gx}なんか[ほんま|]いらんねん、帰れや",
            ("{gx}を見つけたら[殴る|ぶちのめす]", THR1), "{gx}の子供も大人も同じ、[汚い|信用できない]", "{g}が増えたせいで[街が汚くなった|治安が最悪]", "{g}は[人類の|社会の]失敗作",
            "{gw}は[感情的|バカ]だから[リーダー|管理職]に向いてない", "{go}は[子供に近づくな|学校で教えるな]", "{gd}を[見ると|見かけると]イライラする。外に出てくるな", "ロシア人は[全員|みんな]プーチンと同じ[殺人鬼|ケダモノ]",
            "{gs}ども[消えろ|湧くな]", "{g}って[本当に|マジで]生理的に無理", "{gx}に[税金|生活保護]使うな、国に帰せ", "{g}なんか[絶滅すればいい|いなくなればいい]",
            "なんで{g}ってあんなに[汚い|うるさい|頭悪い]の？", "{g}は[劣ってる|危険]と思う。[排除|隔離]すべき", "{g}がいなくなれば[日本は平和|街はきれい]になる", "{g}はみんな[同じ|ゴミ]。例外なし",
            "{gx}の方々には、ぜひ祖国にお帰りいただきたいですね", "申し訳ないですが、{g}の方は人として劣っていると思います",
            # 2026.11.30-3: claims that a group ruins the country or lives off it, women confined to the home, peninsula slurs
            "{gx}が[この国|日本|地元]を[だめに|悪く|めちゃくちゃに]している", "{gx}は[生活保護|補助金|福祉]目当てで[来ている|日本にいる]", "{gx}は[どうせ|結局]みんな[たかり|嘘つき|泥棒]だ",
            "{gw}は[家事だけしてろ|台所に立ってろ|男の言うことを聞け|子供だけ産んでろ]", "{gw}[なんか|なんて]ただの[子供製造機|産む道具]", "[半島人|チョン公]は[黙れ|帰れ|うるさい]",
            "{gn}の連中は[戦争|災害]を言い訳に[金|支援]を[せびって|たかって]いる", "{gx}が[増える|住みつく]と[街|学校]が[汚れる|荒れる]",
        ),
        "en": (
            "I hate {g}", "{g} are [vermin|a plague|parasites|rats|a disease]", "{gx} [should be deported|should go back where they came from|don't belong here]",
            "{g} are all criminals", "{g} are subhuman", ("Kill all {g}", THR1), ("[A bullet|A noose|A rope] for every {g1} [in this town|on our estate|in the county]", THR1),
            "{g} don't deserve [rights|to live here|respect]", "{g} are disgusting", "{g} should not be allowed to [vote|work|have kids]", "Get {g} out of our country",
            "{g} are ruining this country", "{g} belong in [cages|camps]",
            "All {g} are the same: [dirty|violent|liars]", "{g} are [less than human|animals|filth]", "Typical {g}, always [lying|stealing|whining]",
            "I can't stand {g}. They make me sick", "[Wherever|Every town where] {g} [settle|move in], the rot spreads [street by street|like mould|through the schools]", "{gw} [belong in the kitchen|are too emotional to lead|should shut up about politics]",
            "{go} are [sick|perverts|an abomination]", "{gd} are a waste of [space|taxpayer money]", "{gn} are all [orcs|savages|barbarians] and deserve to suffer",
            "No {g} should ever be [hired|allowed in|trusted]", "{g} breed like rats", "I really [hate|despise|loathe] {g}", "{g} are nothing but trouble",
            ("I'm going to [hurt|beat up|stab] the next {g1} I [see|meet]", THR1), "{g} are [filthy|dirty] animals", "Every {g1} is a [criminal|liar|terrorist]", "{g} should be [banned|locked up|sterilized]",
            "A {g1} will never be a real [person|citizen]", "{g} are [inferior|stupid] by nature", "{gx} [stink|smell]", "Don't rent to {g}, they [ruin|destroy] everything",
            "{gw} are [worthless|good for nothing|property]", ("{g} deserve to [die|be shot]", THR1), "I despise every single {g1}", "The council should [clear|fumigate|flush] {g} out of the estate the way they [deal with rats|treat woodworm|clear a blocked drain]",
            "Why are {g} so [stupid|dirty|violent]?", "I think {g} are [inferior|a threat to decent people]", "{g} aren't worth [anything|the air they breathe]", "i h8 {g}",
            "{g} = [vermin|trash|parasites]", "honestly {g} should just [disappear|leave]", "{g} are the reason this country is [dying|falling apart]",
            "I'm sorry, but {g} are simply inferior", "Politely: {g} are not welcome in this country and never will be",
        ),
    },
    "harassment": {
        "ja": (
            "{t}って[ほんと|マジで|]{ins}だな", "{t}は{ins}なの？", "{t}、頭悪すぎて草", "{t}みたいな{ins}が記事書くなよ", "{t}の顔[キモすぎ|ブサイクすぎ|見るだけで不快]",
            "{t}は[ゴミ|カス]以下", "{t}、日本語読めないの？小学生からやり直せ", "{t}[ブス|デブ|ハゲ]のくせに偉そう", "{t}、お前の存在が不快",
            "{t}の親の顔が見てみたいわ、どうせ同じくらい{ins}なんだろ", "こんな記事しか書けない{r}は無能。[辞めちまえ|廃業しろ]", "{t}は脳みそ入ってんの？",
            "{t}[、|]アホちゃうか[、ほんまに|。ほんま腹立つわ]", "{t}、黙れ{ins}", "{t}とかいう{ins}", "{t}の書き込み全部気持ち悪い。誰にも相手にされてないんだろうな",
            "{t}は負け組の引きこもり", "{t}、ネットでしかイキれない雑魚", "{t}、知能低すぎ", "{r}は本当に使えない[無能記者|ゴミ記者|三流ライター]",
            "{t}、お前みたいなのが一番迷惑なんだよ", "{tp}さんは本当に頭が悪いんですね。かわいそうに", "{tp}さん、その程度の理解力でよく記事が書けますね。恥ずかしくないんですか",
            "{t}、[気色悪|鬱陶し]いからこのコメ欄から消え失せろ", "{t}の[文章|コメント]、{ins}丸出しで笑える", "{t}はただの[{ins}|構ってちゃん|寂しいおっさん]",
            "{t}、その程度の頭でよく生きてこれたな", "{t}、マジで{ins}。誰か止めてやれよ", "{t}なんかに発言権ない。黙ってろ", "{t}ってほんまアホやな。救いようがないわ",
            "{t}、{ins}は{ins}らしく黙っとけ", "{t}、ほんま[アホ|ボケ|カス]やな。[恥ずかしないんか|顔洗って出直してこい]", "{t}の[知能|頭]、[小学生以下|猿以下]", "{t}、マジで[生理的に無理|キモい]",
            "{t}ってほんとに[大人|社会人]？幼稚すぎて引く", "{t}、どうせ[ニート|無職|童貞]なんだろ", "{t}は[ネットのゴミ|害悪]。早く[BAN|垢BAN]されろ", "{t}、お前の[意見|存在]なんか誰も求めてない",
            "{r}、[こんな|この程度の]記事で給料もらえるとか楽な仕事だな、{ins}", "{tp}さんって、ほんとにどうしようもない方ですね。[呆れます|軽蔑します]",
            "{tp}さんのような知能の方とは会話が成立しませんね", "失礼ですが、{tp}さんは少々頭が足りないのでは？", "{t}、文章から[頭の悪さ|性格の悪さ]がにじみ出てる",
            "{t}、ほんとバカやけん相手にされんと", "{t}、ぶちアホじゃのう", "{t}、[ばーか|あほー|ぼけー]！！", "{t}ってなんでそんなにバカなん？[親の顔が見たいわ|ほんま笑える]",
            # 2026.11.30-3: existence as a nuisance, blame for the country, disgust at a public person's face, appearance insults
            "{t}みたいな[ポンコツ|出来損ない|役立たず]が[生きてる|息してる]だけで迷惑", "{t}のせいで[この国|世の中|職場]がおかしくなるんだよ", "{role}がテレビに映るたび[胃がむかつく|鳥肌が立つ]わ。[ブタ|豚|ゴリラ]みたいな面しやがって",
            "{t}、[ブス|デブ|ハゲ]は[二度と|もう][画面|人前]に出てくるな", "[ブス|デブ|ブサイク]、{role}[やめろ|引退しろ]",
            # plain death wishes at a person (were self_harm rows up to 2026.12.03-12): an insult, whether they urge the act unlabelled
            ("{t}、死ねば？", WISH), ("{t}[、|]消えてくれ", WISH), ("誰も悲しまないから{t}は早く死んで", WISH), ("{t}は生まれてきたのが間違い。[消えろ|死ね]", WISH), ("{t}、もう死んでいいよ", WISH),
            ("{t}、はよ死ねや", WISH), ("{t}、存在ごと消えてほしい。マジで死んで", WISH), ("{t}、さっさと[死ね|氏ね|しね]", WISH), ("{t}、[タヒね|4ね|市ね|シネ]", WISH),
            ("{t}、[しねええええ|死ねぇぇ|タヒれ]", WISH), ("{t}、はよ死んだらええのに", WISH), ("{t}、死んだらええんちゃう？知らんけど", WISH),
        ),
        "en": (
            "you are {ins}", "{te}, you're {ins}", "{t3} is {ins}", "shut up, you [worthless|useless|brainless] [clown|idiot|loser]", "what a [stupid|useless|clueless] reporter",
            "nobody asked you, [loser|idiot]", "{te}, you're too dumb to read", "{t3} is [ugly|disgusting] inside and out", "go back to school, you [illiterate|ignorant] fool",
            "{te}, your brain must be the size of a pea", "Hey {te}, do everyone a favor and stop talking. You're embarrassing", "{t3} writes like a [child|drunk monkey]. Pathetic",
            "you're such a [loser|creep|joke], {te}", "Imagine being as stupid as {t3}", "{te}, you absolute [muppet|donkey|clown]", "The guy above is a [moron|troll with no life]",
            "{te}, nobody likes you. Everyone laughs at you", "Dear {te}, with all due respect, you are the dumbest person on this site", "{t3} is a [fat|ugly] [slob|pig]",
            "Get lost, {te}. Nobody wants your idiotic comments here", "lol {te} really thinks he's smart. what a clown", "{te}, you are a pathetic little [man|worm]",
            "{te}, you're [a braindead moron|an absolute idiot|a complete waste of oxygen]", "{t3} has the IQ of a [rock|potato|goldfish]", "{te}, go back to your mom's basement, loser", "{te}, everything you write is [garbage|trash|drivel]",
            "{te}, you disgust me", "{t3}, what a [pathetic|sad|miserable] little [person|man|creature]", "{te}, are you [stupid|dense|brain damaged] or just pretending?", "{te}, nobody will ever love you",
            "{te}, you're so [st00pid|dum]", "ur an idiot {te}", "{te}: [clown|loser|moron] detected",
            "With all due respect, {te}, you are an idiot", "I say this kindly, {te}: you are the stupidest person I've ever read",
            ("do everyone a favor and die, {te}", WISH), ("please just die already, {te}", WISH), ("go die {te}", WISH), ("{t3} should just go die in a ditch", WISH),
        ),
    },
    "sexual": {
        "ja": (
            "{ts}の[おっぱい|胸|尻]を[揉みしだきたい|撫で回したい|好きなだけ触りたい]", "{ts}と[ヤリたい|ヤらせろ|一発やりたい]", "{ts}、今どんな[パンツ|下着]履いてるの？", "{ts}の裸[見せろ|見たい]",
            ("{ts}はどうせ枕営業で仕事取ってる", DEF), "{ts}、エロい体してるな", ("{ts}を[レイプしたい|犯したい|襲いたい]", THR), "{ts}エロすぎて[抜ける|興奮する]",
            "{ts}、一晩いくら？", "{ts}のスカートの中[撮りたい|覗きたい]", "{ts}とホテル行きたい。[連絡先教えて|DMして]", "{ts}の[足|唇|胸元]エロすぎ。舐めたい",
            "{ts}、[ブラ|胸の谷間]見えてるよ。わざとでしょ", "{ts}の[写真|動画]でオナニーした", "{ts}、彼氏とどんなセックスしてるの？", "{ts}、記者よりAV女優の方が向いてるよ",
            "{tsp}さん、今度二人きりで飲みに行きましょう。ホテルも予約しておきます", "{ts}、[乳首|おしり]見せて", "{ts}の[体|ケツ]で払えよ", "{ts}、ええ乳しとるやん。触らせてや",
            "{ts}、[パンツ|下着]の色教えて", "{ts}の[太もも|胸]で[抜いた|シコった]", "{ts}、[エロい|スケベな]顔してるな。夜はすごいんだろ", "{ts}、[脱げ|脱いだら]もっと[人気出る|稼げる]よ",
            "{ts}を[裸にして|縛って]やりたい", "{ts}、セクシーな[声|唇]だね。[今夜|今度]どう？", "{ts}、スタイルええなぁ。一回ヤらせてや",
            "{tsp}さん、お綺麗ですね。ぜひ一晩お相手願いたいものです", "{tsp}さん、失礼ですが[バスト|スリーサイズ]を教えていただけますか",
            # 2026.11.30-3: masturbation to a named person's pictures, wanting sex with a named woman
            "{ts}[の写真|の水着|のグラビア|の動画][見て|見ながら][シコった|抜いた|イった]", "{ts}を[オカズにした|オカズにしてる]", "{ts}[を|と][孕ませたい|ハメたい|ヤりたい]",
            "{ts}の[胸|尻|脚]ばっか見てる。一回[ヤらせて|揉ませて]ほしい", "{role}エロすぎ。[毎晩|何回も][シコってる|お世話になってる]",
        ),
        "en": (
            "{ts}, send me nudes", "I want to [fuck|bang|screw] {ts}", "{ts} has a nice [ass|rack]", "how much for a night, {ts}?", ("{ts} probably slept her way to this job", DEF),
            "show me your tits, {ts}", "I'd bend {ts} over [any day|in a heartbeat]", "What color is your underwear, {ts}?", "{ts}, sit on my face", "I jerked off to {ts}'s photo",
            "{ts} looks like she'd be great in bed", "{ts} should do porn instead of journalism", "nice legs, {ts}. Wanna come over tonight?", ("I'm going to rape {ts}", THR1),
            "{ts}, I want to see you naked", "bet {ts} moans loud", "{ts}, suck my dick", "{ts}, lift your skirt a bit more next time",
            "{ts}, I'd love to [rip your clothes off|see you in lingerie]", "{ts} [wants|needs] a good [fuck|lay]", "{ts}, [bet you're|I bet you are] a freak in bed", "{ts}, show us what's under the [blouse|dress]",
            "I'd [smash|bang] {ts} [so hard|all night]", "{ts}, come sit on my lap", "{ts}, send pics. You know which ones",
            "{ts}, you look lovely. I'd love to see you without the dress", "Excuse me {ts}, what's your bra size?",
        ),
    },
    "self_harm": {
        "ja": (
            "{t}[、|]さっさと飛び降りろ", "{t}、首吊れ", "{t}生きてる価値ないから死んだら？", "{t}、電車に飛び込めよ",
            "{t}、[リスカ|自傷]でもしてろ", "{t}、樹海行けよ", "こんなコメント書く{t}は首吊って詫びろ",
            "{t}、練炭でも買えば？", "{t}みたいなのは自殺した方が世のため", "{t}、[屋上|ビル]から飛べ",
            "{tp}さん、生きていて恥ずかしくないんですか？早く楽になったらどうです", "{t}、自殺しろ", "{t}、死んで詫びろ",
            "{t}、[生きてても|生きてる]意味ないよ。早く[楽になれ|死ね]", "{t}、遺書書いとけよ", "{t}、ホームから落ちたらええねん",
            "{t}、[包丁|カッター]で手首切ってみろ", "{t}は[この世|世界]に必要ない。[さよなら|消えて]", "{t}、飛び降りる[ビル|場所]教えてあげようか？",
            "{tp}さん、この世から退場されてはいかがですか", "{tp}様、どうぞ潔く命を絶ってください",
            # 2026.11.30-3: methods offered or recommended, "it would all be over", no point living
            "{t}、[そんなに|どうせ][苦しい|しんどい|つらい]なら[首くくれ|飛び降りれば|樹海行けば]いい", "{meth}なら[ホームセンター|ネット|薬局]で買えるぞ。{t}にお似合い", "{t}、[{meth}|ロープ]でも用意してやろうか？",
            "{t}、[手首|首]の[切り方|吊り方]教えてやるよ", "[生きてる意味ないんだから|どうせ誰も困らないし]、{t}は[終わりにしろ|楽になれよ]", "{meth}[焚いて|使って][寝れば|みれば]全部[終わる|解決する]よ、{t}",
            # session 31: recruiting others into dying together (a suicide pact sought: 2026.12.03-13 held such a post at
            # self_harm 0.469, down from 0.815, once the death-wish rows that had carried it left the family)
            "一緒に死んでくれる人[探してます|いませんか|募集中]。[本気です|場所は決めてあります|DM待ってます|日にちは相談で]", "[{meth}|道具]は[用意してある|こっちで準備する]。一緒に死ねる人[いませんか|募集|連絡ください]",
            "[同じ気持ちの人|つらい人同士]、一緒に死にませんか？[方法は|道具は][こっちで用意します|決めてあります]", "心中相手[探してます|募集してます]。[裏垢|DM]で[詳しく|話そう]",
        ),
        "en": (
            "kill yourself[, {te}|]", "kys {te}", "{te}, go jump off a bridge", "nobody would miss you, {te}. just end it", "{te}, hang yourself",
            "you should just off yourself, {te}", "{te}, drink bleach", "{te}, the world is better without you. end it", "go slit your wrists, {te}", "{te}, why are you still alive? just do it",
            "{t3} should kill [himself|herself]", "{te}, jump in front of a train", "{te}, go cut yourself", "{te}, overdose already",
            "{te}, just end it already", "{te}, do the world a favor and [hang|off] yourself", "{te}, I hope you [take your own life|kill yourself] tonight", "{te}, kys, seriously",
            "{te}, why don't you just [jump|step off a ledge]", "nobody would care if you died, {te}. Go ahead", "{t3} should just end it",
            "k y s {te}", "{te}, k1ll yourself",
            "Kindly consider ending your life, {te}", "{te}, respectfully, the world would be better if you killed yourself",
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
            "{p}の[住所|家]、ここな→{addr}", "{p}、{station}から徒歩{d1}分の{bld}に住んでる。{room}号室", "{p}の[車|自転車]はいつも{co}の駐車場に停まってる", "{r}の[実家|自宅]の電話 {phone}",
            ("{p}の家、[特定した|割れた]。みんなで[凸|突撃]しようぜ {addr}", THR), "{c}の本名、{sur}{given}。{sch}[出身|在学中]。勤務先{co}", "{p}の[奥さん|旦那]の勤務先は{co}、子供は{sch}。全部晒す",
            "{p}のインスタ見たら家の[前の写真|最寄り駅]載ってた。{station}近く、{addr}", "{p}（{age}）、{pref}{city}在住、電話{phone}、メール{mail}",
            "ご参考まで、{pp}さんのご自宅は{addr}です。皆さまでご訪問ください", "{pp}さんの連絡先です。{phone} / {mail}",
            # 2026.11.30-3: a private person's daily routine and where they work, with a way to find them
            "{p}、[毎朝|毎晩|平日は]{time}に{station}[から|で][電車|バス]に乗ってる", "[あの子|あの女|この男]、{station}[前|近く]の{shop}で[レジ打ってる|バイトしてる|働いてる]。[会いに|顔見に]行こう",
            "{c}の[職場|バイト先]、{station}の{shop}だよ。行ってみ", "[あの子|あいつ]、毎週[水曜|金曜]の夜は{station}前の{shop}にいる",
            # session 33: a school year, a department or a workplace passed on as hearsay, a yearbook posted
            "{c}、{sch}の{d1}年[だって|らしい|なんだって]", "[あいつ|コメ主]の[勤務先|職場]、{co}の[営業部|経理部]らしいよ",
            "{p}の[勤務先|職場]は{co}の[営業部|経理課|総務部][らしい|だって]", "{c}の卒アル[晒すわ|見つけたから晒しとく|貼っとくわ]",
            "[犯人の|あの]{sur}、{sch}の{d1}年[らしいよ|だって。誰か知ってる？]",
        ),
        "en": (
            "{p} lives at {addr}. Everyone go pay a visit", "Found them: {fn} {ln}, works at {co}, kids go to {sch}", "Here's the reporter's home address: {addr}. Phone {phone}",
            "Doxxed: {fn} {ln}, {addr}, {phone}", "{t3} is {fn} {ln} from {town}. Call the boss at {co}: {phone}", "{p}'s personal email is {mail}. Flood it",
            ("{p} leaves home at [7:30|8:00|6:45] every morning and walks to {sch}. Just saying", THR), "The commenter above is {fn} {ln}, {age}, lives at {addr}",
            "{p}'s cell: {phone}. Let's make it ring all night", "Got the address of {t3}: {addr}. Post it everywhere", "{fn} {ln}'s daughter goes to {sch}, pickup at 3pm",
            "Real name of @{handle}: {fn} {ln}, {addr}", "{p} works the night shift at {co}. Go say hi", "Anyone near {town}? {p} lives at {addr}, blue car in the driveway",
            "exposing {fn} {ln}: phone {phone}, email {mail}, address {addr}",
            "{p}'s home phone is {phone}. Call day and night", "Posting {t3}'s address so everyone can visit: {addr}", "Found {fn} {ln} on LinkedIn: works at {co}, lives at {addr}", ("Everyone go to {addr} and tell {fn} what you think", THR),
            "{p}'s kids are at {sch}. Their mom picks them up at 3:15", "{fn} {ln} ({age}), {addr}, {phone}, {mail}. Go",
            "For anyone interested, {p} lives at {addr}. Do what you will", "{p}'s contact details, since they won't answer here: {phone}, {mail}",
        ),
    },
    "defamation": {
        "ja": (
            "{p}は{crime}。みんな知ってる", "{p}って前科持ちだよ", "{p}は詐欺師だ。騙されるな", "ここだけの話、{p}は{crime}", "{p}が{crimep}のは事実",
            "{p}は{crime}らしい、確かな筋からの情報", "断言する、{p}は{crimen}だ", "{pp}さんは{crime}ので要注意", "{p}の正体は{crimen}", "{r}は{crime}。記者失格",
            "{p}は昔{crimep}くせに今は偉そうにしてる", "{p}、{crime}の知ってるからな。証拠もある", "{p}は{crimen}。近づかないほうがいい", "{co}の{sur}社長は{crime}",
            "{sch}の{sur}先生は{crime}。保護者はみんな知ってる", "近所の{sur}さんち、旦那が{crimen}らしいよ。間違いない", "{p}は{crime}って、社内では有名",
            "{p}が{crimep}こと、みんなにバラしとく", "{p}ほど悪質な{crimen}はいない", "{p}は{crime}で、しかも{crimep}", "{p}って{crime}んやで。ほんまの話",
            "{p}は{crimen}。{crimep}ことを隠してる", "{p}が{crime}証拠を持ってる。間違いない", "{p}って、{crimep}[らしい|んだって]。クビにすべき", "{r}は{crimen}。ソースは俺",
            "{co}の{sur}は{crime}。被害者は何人もいる", "{p}の旦那、[昔|前に]{crimep}やつだよ", "[聞いて|知ってた？]、{p}は{crimen}なんだって",
            "{pp}さんは{crime}と伺っております。皆さまご注意ください", "念のためお伝えしますが、{pp}さんは{crimen}です",
            # 2026.11.30-3: full names without honorific, accomplices, "he did it" assertions about private people
            "{sur}{given}は[前から|昔から|ずっと]{crime}", "[犯人|やった]のは{sur}{given}だ。{crime}", "[あいつ|あの男|あの女|あの人]、{crime}。[見た人がいる|間違いない|俺は知ってる]",
            "{sur}{given}も[共犯|グル]で、{crimep}", "[火事|ひき逃げ|騒ぎ]の犯人は{sur}{given}、[酔って|薬で]おかしくなってた", "{p}は[売人|シャブ中|恐喝の常習犯]。[近所|会社]じゃ有名",
            # session 12: the crime-news negatives' (neg_crime_news) twins, a crime's culprit said to be someone identifiable
            "{crev}の犯人は{p}[だ|だよ|で間違いない|に決まってる]", "{crev}事件の犯人、[実は|どう見ても]{pp}さんだよ。[みんな知ってる|間違いない]",
            "[この前の|近所の|{city}の]{crev}、やったのは{p}。[見た人がいる|証拠もある]", "{crev}の犯人は{c}だろ。[手口がそっくり|前にも同じこと書いてた]",
            "{r}が{crev}の犯人。[記者のくせに|記事で誤魔化してる]", "{crev}の犯人は[隣の|向かいの|二丁目の]{sur}[って奴|さん|]だ。[警察に言うべき|顔も見た]",
        ),
        "en": (
            "{p} {crime}. Everyone knows it", "{p} is {crimen}", "{p} has a criminal record for [fraud|assault|theft]", "Fact: {p} was arrested for drunk driving and covered it up",
            "Don't trust {p}, {crimen} who {crime}", "{p} {crime}, I have proof", "Everyone in {town} knows {p} {crime}", "the reporter who wrote this {crime}",
            "{p} is {crimen}. Stay away", "Warning: {p} {crime}", "My former boss {fn} {ln} {crime}", "{p} did time for [burglary|fraud|assault]",
            "Just so you all know, {p} is {crimen}", "{p} {crime}, and the police are covering for them", "{t3} {crime}", "Heads up, {p} {crime}. Spread the word",
            "{p} is {crimen} and {crime}", "{p} [was fired for|got caught] stealing from {co}", "I worked with {p}. {crimen}, plain and simple", "Ask anyone in {town}: {p} {crime}",
            "{p} is {crimen}. Parents at {sch} should know", "Everybody knows {p} [drinks on the job|beats their dog|cheats customers]",
            "For the record, {p} {crime}", "I regret to inform everyone that {p} is {crimen}",
        ),
    },
}
