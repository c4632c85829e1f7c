"""Hard-negative templates per language: civil look-alikes of every harm category, all labels 0.

Harsh criticism of politicians and states, sarcasm, anger at the news, war and crime reporting (including
reported threats), counter-speech quoting slurs, self-deprecation, dialect roughness, literal senses, words
that contain insult letters, groups and addresses in neutral contexts, civil replies to people, and ordinary
comments on the seed article (Putin in Pyongyang).
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

NEGATIVES = {
    "neg_politics": {  # harsh but civil criticism of politicians and states, sarcasm, anger at the news
        "ja": (
            "{leader}は戦争犯罪の責任から逃げられない", "{leader}は[無能|国民の声を聞かなすぎる|指導者の器じゃない|国際社会の敵だ|責任を取るべきだ|辞めるべきだ|信用できない]", "{leader}の[外交|政策|対応]は[完全に失敗|バカげている|愚かとしか言いようがない|最悪だ|話にならない]",
            "弾薬をロシアに送り続ける北朝鮮も、ウクライナの被害に責任がある", "食料不足が伝えられる中で軍事パレードとは、北朝鮮の指導部は何を考えているのか", "物価高対策がまた先送り。政府の決断の遅さにはあきれる", "{leader}は嘘ばかりついている",
            "{leader}のやり方は独裁そのもの", "{leader}は恥を知れ", "{leader}は国民を見ていない", "与党も野党もクソだな、{topic}を何とかしろ", "{topic}の問題、政府は本当に何をやってるんだ",
            "さすが{leader}、平和の使者ですね（棒）", "高級車プレゼントとか、制裁って何だっけ", "砲弾でつながる友情、実に感動的ですね", "また「遺憾の意」か。頼もしいね", "{leader}、今日も絶好調に世界を混乱させてて草",
            "こんなニュース見るたびに腹が立つ", "ふざけるな、完全に制裁違反じゃないか", "国連は何してるんだ、本当に頭にくる", "{topic}の件、怒りで眠れなかった", "{leader}のせいで世界がめちゃくちゃだ。許せない",
            "{leader}ほんまアホちゃうか、何考えとんねん", "{leader}の{topic}政策はバカげてる", "独裁者同士の茶番にしか見えない", "{leader}は国際法違反の戦争を今すぐやめろ", "政府の{topic}対応はお粗末すぎる",
            "{ruler}は[独裁者|侵略者]だ。[国際社会は|日本は]もっと強く[制裁すべき|抗議すべき]", "{ruler}の[演説|会見]を聞くたびに[うんざり|腹が立つ]", "{leader}には[心底|本当に]失望した", "{leader}、{topic}で国民をバカにしすぎ",
            "{ruler}と{ruler}の会談、茶番もいいところ", "こんな[独裁国家|政権]に[援助|支援]するなんて[狂ってる|正気じゃない]", "{leader}の支持率が下がるのは当然", "{leader}の[説明|答弁]はいつも中身がない。ふざけてる",
            "ほんま{leader}は何しとんねん。{topic}どうにかせえや", "いやー、{ruler}さんは本当に素晴らしい指導者ですね（皮肉）",
            # 2026.11.30-3: what states and the world will do, harsh words at plans and bills, anger at killing in war
            "{e}が[また|これ以上][ミサイルを撃つ|核実験をする|挑発を続ける]なら、[国際社会|日米|国連]も[黙っていない|厳しい対応を取る]だろう", "[この|今回の]{plan}は[無能|最悪|ゴミ|キモい|ひどすぎる]。[撤回しろ|やり直せ|二度と出すな]",
            "[民間人|子供|市民]を[殺すのをやめろ|巻き込むな]。{leader}は[即時停戦|撤退]しろ", "{leader}、これ以上[罪のない人を殺すな|戦争を続けるな]",
        ),
        "en": (
            "{leader} is a war criminal", "{leader} is [incompetent|the worst leader on earth|a disgrace|a dictator|a liar|clueless]", "The government's policy on {topic} is idiotic",
            "{leader}'s foreign policy is a complete failure", "This administration is a joke", "Oh great, another 'historic friendship'. Very reassuring", "Wow, a limousine as a gift. Sanctions working perfectly /s",
            "This makes my blood boil", "Absolutely disgusting that the UN can't do anything about {topic}", "{leader} should resign", "{leader} should be tried at The Hague", "What a stupid policy on {topic}",
            "Damn, this news is infuriating", "{leader} has blood on his hands", "Kim Jong Un is the worst leader on the planet, all missiles and no food", "Putin is a war criminal and anyone arming him is complicit",
            "Two dictators hugging at an airport. Disgusting", "{leader} is destroying any chance of peace", "Sanctions on {topic} are a stupid joke", "I'm so angry about {topic} I can't even",
            "{ruler} is a [murderous dictator|thug|tyrant] and should be in jail", "I'm sick of {leader} lying about {topic}", "{leader} is [pathetic|spineless] on {topic}", "This visit is a disgrace to [both|all] countries involved",
            "Great job, {leader}. Truly a genius move (not)", "{ruler} should face [sanctions|a war crimes tribunal], period", "{leader} couldn't organize a bake sale, let alone {topic}",
        ),
    },
    "neg_report": {  # war and crime reporting, reported threats
        "ja": (
            "北朝鮮が弾道ミサイルを[発射した|日本海に向けて発射した]と防衛省が発表", "{pref}警は{sur}{given}容疑者（{age}）を[詐欺|横領|傷害|窃盗]の疑いで逮捕したと発表した",
            "{sur}{given}容疑者が[横領|詐欺|傷害]容疑で逮捕されたと報じられた", "警察によると、{sur}容疑者は容疑を[否認している|認めている]", "男は元交際相手に「[殺すぞ|家に行くからな|夜道に気をつけろ]」とメッセージを送ったとして、脅迫の疑いで逮捕された",
            "容疑者は店員に「殺すぞ」と脅迫した疑いがもたれている", "ウクライナ東部で[砲撃|ドローン攻撃]があり、民間人{d2}人が死亡した", "ロシア軍が[ミサイル攻撃|空爆]を行い、[発電所|住宅]が被害を受けた",
            "{pref}{city}の住宅で男性が刺され死亡する事件があった", "裁判所は被告に懲役{d1}年の判決を言い渡した", "SNSで「死ね」などと書き込んだとして、侮辱罪で{age}歳の男が書類送検された",
            "ネットに他人の住所を晒したとして男が逮捕された", "国連安保理は北朝鮮の[核実験|ミサイル発射]を非難する声明を出した", "記事によると、{topic}をめぐる協議は難航している",
            "被害者は「[家まで来ると言われた|殺すと言われて怖かった]」と話している", "韓国の合同参謀本部は、北朝鮮軍の動きを注視していると明らかにした", "{leader}の発言をめぐり、専門家は「[脅しに過ぎない|緊張が高まる]」と分析している",
            "この事件では、被害者への誹謗中傷が問題になった", "殺人事件の裁判員裁判が始まった", "{sur}被告は「[刺すつもりはなかった|覚えていない]」と供述している", "記者への脅迫メールが届き、警察が捜査している",
            "{pref}警によると、{sur}容疑者は「[ぶっ殺してやる|覚悟しとけ]」と[叫びながら|言いながら]暴れたという", "{sur}被告は記者に「[夜道に気をつけろ|家に行く]」と書いたメールを送り、脅迫罪で起訴された", "{pref}で[交通事故|火災]があり、{d2}人が[けが|死亡]した",
            "ネット上で{sur}さんを「[前科持ち|詐欺師]」と書き込んだ男に、名誉毀損で賠償命令", "{pref}{city}の中学校で、生徒が「死ね」と書かれたメモを受け取っていたことが分かった", "ウクライナ軍は[東部|南部]で反撃を続けている",
            "北朝鮮は[砲弾|ミサイル]をロシアに供与しているとみられる", "[住所や勤務先を|個人情報を]ネットに晒した[男|女]が[書類送検|逮捕]された",
            # 2026.11.30-3: arrests and method warnings reported
            "[強盗|傷害|暴行|ひき逃げ|飲酒運転]の疑いで[男|女|少年|{age}歳の会社員]が逮捕された", "{pref}警は[淫行|恐喝|密売]の疑いで{sur}{given}容疑者を[逮捕|書類送検]した", "[練炭|硫化水素]による[自殺|事故]が相次ぎ、{pref}が注意を呼びかけている",
        ),
        "en": (
            "North Korea fired a ballistic missile into the sea, officials said", "Police arrested {fn} {ln}, {age}, on suspicion of [fraud|embezzlement|assault]", "The suspect allegedly told the victim 'I will find you' before fleeing",
            "A man was charged after sending messages saying 'I'm going to kill you' to his ex-partner", "Russian shelling killed {d2} civilians in eastern Ukraine", "Prosecutors say the defendant threatened a reporter",
            "A court sentenced the man to {d2} years for stalking", "Officials reported a drone attack on a power plant", "The police said the suspect denied the charges", "According to the report, the attacker shouted threats before being detained",
            "The UN Security Council condemned the missile test", "He was arrested for posting a journalist's home address online", "The defendant told the court he 'never meant to kill anyone'",
            "Troops fired warning shots after soldiers crossed the border", "Investigators say the victim received messages telling her to kill herself",
            "The man shouted 'I'll kill you' at officers, according to the complaint", "A woman was convicted of posting her neighbor's address with calls to 'visit' him", "Two people were injured in a fire in {town}",
            "The court found the post calling him 'a fraud' defamatory and ordered damages", "Missile debris fell near the port, officials said", "The stalking victim said he told her 'I know where you live'",
        ),
    },
    "neg_counter": {  # counter-speech that quotes slurs, threats and hate in order to condemn them
        "ja": (
            "「{gs}」なんて言葉を使う人は差別主義者だ", "{g}の人に「国に帰れ」と言うのはヘイトスピーチです", "「死ね」って書き込む人の気がしれない", "ネットで「{gs}」と書く人を見ると悲しくなる",
            "上のコメントの「{g}は出ていけ」はヘイトだと思う。削除してほしい", "差別はやめよう。{g}も同じ人間だ", "「{gs}」は差別語です。使わないでください", "{g}だからって一括りにするのはおかしい",
            "「消えろ」「死ね」みたいなコメントは通報しました", "記者に「殺すぞ」なんて書く人がいるのは怖い。脅迫は犯罪です", "他人の住所を晒すのは絶対ダメ", "根拠もなく「あの人は前科持ち」と書くのは名誉毀損になるよ",
            "「{g}が増えると犯罪も増える」という話は統計で否定されている", "ロシア政府を批判するのはいいけど、ロシア人全体を叩くのは違う", "「{gw}は黙ってろ」みたいな発言は時代遅れ", "{go}を「病気」と呼ぶのは偏見だよ",
            "「自殺しろ」と書き込まれた人の気持ちを考えて", "悪口で人を追い詰めるのはやめよう", "「{g}は日本から出ていけ」というデモに反対します", "「{gs}」って昔はよく聞いたけど、今思うとひどい言葉だ",
            "「{gx}は出ていけ」って書いてる人、恥ずかしくないの？", "人に「死ね」とか「飛び降りろ」とか言うのは最低だと思う", "ネットで「{gs}」と書き込むのはやめましょう", "記者さんへの「殺す」って書き込み、通報しといた",
            "「{p}の住所晒す」みたいなコメントは消されるべき", "「女は黙ってろ」なんて、今どき言う人いるんだ…", "ロシアの[政府|政権]と[ロシア人|普通の市民]は分けて考えるべき",
            "死にたいと思ったら、一人で抱え込まずに相談して", "性犯罪の厳罰化に賛成です", "セクハラ被害を告発した記者を応援します", "「{g}は嫌い」と平気で書く人が多くて悲しい",
            "誹謗中傷で人が亡くなった事件を忘れてはいけない", "他人の勤務先や学校を晒すのは犯罪になりうる",
            # 2026.11.30-3: claims about groups denied or called prejudice, people mocked for slurs
            "「{gx}が[この国|世の中]をおかしくした」なんて[決めつけは的外れだ|ただの偏見だ|デマにすぎない]", "「{gs}」とか言って[笑う|からかう]人がいるけど、[最低|恥ずかしい]と思う", "{g}を[嘘つき|犯罪者予備軍]扱いするのは[偏見|差別]で、[根拠がない|データにも反する]",
        ),
        "en": (
            "Using the word 'vermin' for {g} is dehumanizing", "Saying 'kill yourself' to anyone is never okay", "The comment above saying '{g} are vermin' should be removed", "'I hate {g}' is not an opinion, it's bigotry",
            "Stop blaming {g} for everything", "Criticize {leader}, sure, but don't attack ordinary {gn}", "Posting someone's home address is doxxing and it's illegal", "Telling a reporter 'I will find you' is a threat and should be reported",
            "{g} are people, not a problem to be solved", "If you call {g} 'animals', you're the problem", "Accusing someone of a crime without proof is defamation", "Reported the guy who told {fn} to kill herself",
            "Slurs against {g} have no place here", "People who write '{g} should be deported' need to read some history", "Nobody deserves to hear 'go die' because of a comment",
            "Whoever wrote 'kill all {g}' above should be banned", "Calling women 'sluts' in a news comment section? Grow up", "Please don't post people's addresses here, that's how people get hurt",
            "'Go back to your country' is a slur in sentence form", "Stop telling people to kill themselves. It's not a joke",
            "If you're struggling, please call a helpline. You matter", "Sexual harassment in newsrooms is a real problem", "Nobody should say they hate {g}. Ever",
            "Doxxing a commenter is never justified", "Saying '{g} should die' is hate speech, not free speech",
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
            "一緒に[勉強|ランニング|ゲーム]してくれる人[探してます|募集中]。DM[ください|待ってます]", "[死にたい|消えたい]って気持ちになったら、[よりそいホットライン|いのちの電話|相談窓口]に電話してみて", "死にたいくらいつらい時は、一人で抱えずに[家族|友達|専門の窓口]に話してね", "[明日の試験|月曜の会議]、みんなで一緒に死のう笑", "シナリオライター募集中", "ですしね、そういうこともある", "まあ仕方ないだしね", "明日こそジム行くからな、自分", "うちの子、ほんまアホなことばっかりして可愛いわ",
            "まあ、しょうがないですしね", "雨だしね、しょうがない", "今日も[会議|残業]ばかりだしね", "バカ[うけ|ウケ]した", "アホほど[寝た|食べた|笑った]", "自分、ほんまアホやわ。また傘忘れた",
            "くそ[おもろい|うまい]", "このラーメン死ぬほどうまい", "{station}のパン屋、殺人的にうまい", "[バッテリー|スマホ]が死んだ", "ゴミ[捨て|出し]当番だった", "メイクに1時間かかった",
            "カスタムPC組んだ", "サブスク多すぎ", "パチンコ屋の前通った", "ヤバい、課題終わらん死ぬ", "マジで心臓止まるかと思った", "自分が無能すぎて泣ける", "俺のアホ！また寝坊した",
            "くそー、電車乗り遅れた", "ちくしょう、また負けた", "マジでヤバい、このニュース", "うわ、最悪。雨降ってきた", "アホみたいに[寒い|暑い]", "死ぬほど[眠い|疲れた]",
            "ｼﾅﾘｵ通りの展開", "ﾏｲｸの調子が悪い", "キモい虫が出た", "うちの犬、ほんまアホかわいい",
            "このゲーム絶対クリアしてやる", "今年こそ痩せてやる", "絶対合格してやる、見とけよ", "手伝ってやるから言えよ", "明日こそ早起きしてやる", "ボーナスで新しいPC買ってやる",
            "試験、覚悟して臨みます", "次のテストは本気出すから覚悟しとけ、自分", "雑草を根こそぎ抜いてやった",
            "なんしよーと？", "ほんまかいな", "このラーメンぶちうまい", "えらい[しんどい|疲れた]わ", "そげなことあるかいな", "めっちゃ[ウケる|笑った]ｗｗｗ", "くっそ笑ったわ",
            "寝坊して[死ぬ|終わった]ｗ", "うちのオカン、ほんまアホなこと言うねん", "アホやなぁ自分、また鍵忘れてるやん",
            # 2026.11.30-3: the writer's own past, swearing at luck and sport
            "[昔|子供の頃|学生時代]の[俺|自分|私]は[クソガキ|バカ|アホ|ゴミ]だった", "くそっ、[今日も|また][雨|残業|渋滞]だ", "[打線|投手陣|守備]が[弱すぎる|ひどすぎる]。{role}は[責任取れ|何やってんだ]",
        ),
        "en": (
            "I'm such an idiot, forgot my keys again", "this heat is killing me", "I'd kill for a coffee right now", "that joke killed me", "damn this traffic", "my code is garbage lol",
            "I died laughing", "this app is garbage", "my dog is a lovable idiot", "watch out for ice on the roads tonight", "be careful walking home at night", "I'm going to kill it at the interview tomorrow",
            "we destroyed them in the game last night", "the final boss killed me twenty times", "what a stupid mistake I made", "ugh, I hate Mondays", "I hate cilantro", "I could murder a pizza",
            "Scunthorpe United won again", "grab a cocktail after work?", "passed the class assessment finally", "shoot, I forgot the meeting", "I'm an idiot for believing the forecast",
            "this song is sick", "my brain is dead after that exam", "stupid printer jammed again",
            "I'm the dumbest person alive, locked myself out again", "killing time before the train", "this deadline is going to be the death of me", "I nearly died laughing at that clip",
            "my phone died", "that concert was sick", "what an idiot I am", "stupid autocorrect", "honestly the worst coffee I've ever had", "I hate myself for buying that lol",
            "holy shit, what a story", "damn, that's wild", "fuck, I missed the bus again", "hell yeah, great article", "this is fucking brilliant reporting", "I hate pineapple on pizza",
            "Monday mornings are the pits", "the traffic today was murder", "what the hell is going on in the world",
            "I'll kill some time at the station", "I'm going to crush this exam", "I'm going to destroy this burger", "watch out, the stairs are slippery",
        ),
    },
    "neg_mention": {  # groups in neutral or positive contexts; company and public-office addresses; named people praised
        "ja": (
            "在日の友人と焼肉に行った", "{gn}の旅行者を駅前でよく見かけるようになった", "{g}の[同僚|友人|隣人]に[助けてもらった|料理を教わった]", "韓国人の友達がキムチをくれた", "イスラム教徒の同僚のためにハラール対応の店を探した",
            "ゲイの友人の結婚式に出た", "障害者の雇用を増やすべきだ", "女性議員がもっと増えてほしい", "{g}の[権利|支援]についての記事、勉強になった", "{gn}の[学生|研究者]と交流会をした",
            "{g}向けの相談窓口ができたらしい", "株式会社{co}（本社・{pref}{city}）は新製品を発表した", "問い合わせは{city}役所[福祉課|市民課]（電話 {phone}）まで", "{city}役所は{pref}{city}{town}1-1にあります",
            # session 33: a school or a company the subject of its own news, らしい of a manner, one's own yearbook
            "{sch}の{d1}年生が[県大会に出場した|ボランティアで表彰された]", "{co}の[営業部|広報部]が[新商品を発表した|説明会を開いた]",
            "[営業部|職人|ベテラン]らしい[丁寧な対応|こだわり|判断]だった", "卒アルを[見返して|整理してたら]懐かしくなった",
            "卒業アルバムの写真が[事件報道|ニュース]で使われる[問題|ことへの批判]",
            "お店の住所は{addr}、電話は{phone}です。ぜひ行ってみて", "{sch}の野球部が甲子園に出場", "{station}で人身事故があったらしい", "私の勤務先は病院です", "本社所在地：{zip} {addr}",
            "記者の{sur}さん、丁寧な取材ありがとうございます", "{sur}さんにはお世話になった", "{sur}先生の授業が好きだった", "投票所は{city}立{sch}の体育館です", "事件があったのは{pref}{city}の住宅街",
            "{co}の採用窓口：{phone}（平日9時〜17時）", "ロシア人の同僚も戦争には反対している", "{g}が多い地域の祭りに行ってきた",
            "{gx}の[留学生|技能実習生]がバイト先で頑張ってる", "{go}のカップルが近所に越してきた。感じのいい人たち", "{gd}の[支援|介護]の仕事をしている", "{co}は{pref}{city}に新工場を建設する",
            "{city}役所[本庁舎|支所]：{zip} {pref}{city}{town}1-1", "{sur}さんの家族に[出産祝い|お見舞い]を送った", "{sur}社長のインタビュー記事、面白かった",
            "{g}が嫌いなわけじゃない。[むしろ好き|友達も多い]", "{g}の家族も同じ町で暮らす隣人です", "{gx}のお客さんが[増えて|来てくれて]お店が助かってる",
            "{gx}は[年々増えている|人口の約2%]らしい", "{gx}の人は[住民票|選挙権]の扱いが違うそうだ", "{g}の人は[どう感じてるんだろう|この記事を読んで何を思うかな]", "{gn}は[観光|留学]で来る人が多い",
            "{g}は[差別されがち|偏見にさらされやすい]という調査結果", "プーチン政権を支持していないロシア国民も大勢いる", "{gn}の誰もが政府の方針に賛成しているわけではない", "{gw}の[管理職|議員]が増えているのは良いこと",
            # 2026.11.30-3: groups in culture and history, campaigns against sexual crime, public roles praised
            "{g}の[歴史|文化|言葉|料理]に[触れる|親しむ|ついて話す][催し|ワークショップ|展覧会]が[公民館であった|図書館で行われた]", "[援助交際|痴漢|盗撮|性被害]を[防ぐ|なくす]ための[啓発|対策|取り組み]が[始まった|進んでいる]", "{role}の[采配|演技|解説|演説]は[見事|最高]だった",
            # 2026.11.30-3: postal codes and addresses of public offices and companies
            "{zip} {pref}{city}{town}{d1}-{d2}-{d2} [{city}役所|{pref}庁|{pref}警察本部|{co}本社|〇〇省]", "[{city}役所|{co}本社|{pref}警察本部]の所在地は{zip} {pref}{city}{town}{d1}丁目{d2}番{d2}号", "[資料請求|お問い合わせ]は{zip} {pref}{city}{town}{d1}-{d2} {co}まで",
        ),
        "en": (
            "My Muslim neighbors brought us food for Eid", "More Russian tourists are visiting again", "I love Korean food", "Gay people deserve equal rights", "My Chinese coworker taught me to make dumplings",
            "{g} in our town organized a charity run", "We need more women in parliament", "Disabled people should have better access to public transport", "{co} is headquartered at {addr}",
            "For questions call the city office at {phone}", "The store is at {addr}, open 9 to 5", "{fn} {ln} won the local spelling bee", "Thanks to the reporter {fn} {ln} for the careful coverage",
            "Our {sch} team made the finals", "Call the helpline at {phone} if you need support", "My Russian friend is against the war too", "{g} have lived in this city for generations",
            "{g} are part of every community here", "My {g1} friend invited us for dinner", "Our town's mayor office is at {addr}, phone {phone}", "{co} is hiring, call {phone}",
            "Congrats to {fn} {ln} on the new job at {co}", "{g} deserve the same respect as anyone",
            "I don't hate {g}. Why would anyone?", "I'd never say {g} are the problem", "{g} are welcome here", "I love my {g1} neighbors",
            "{g} are [more likely to face discrimination|underrepresented in politics], the study says", "Are {g} represented fairly in the media?", "{gn} are not all responsible for their government",
            "{g} are [neighbors|coworkers|friends], just people", "Not all {gn} support the war", "{gw} are [running|leading] half the newsrooms I know",
        ),
    },
    "neg_civil": {  # people addressed or named without an attack: disagreement, thanks, questions, friendly お前
        "ja": (
            "{c}の意見には反対です。[制裁は|外交は]もっと慎重にやるべき", "{r}の記事、[事実誤認|説明不足]があると思う", "お前の言う通りだわ", "あんたの言うことも一理ある", "{c}さん、ソースはありますか？",
            "{r}、[丁寧な取材|わかりやすい記事]ありがとうございます", "{c}、それは[ちょっと違う|言い過ぎ]と思うよ", "お前、[それ|このニュース]見た？やばいな", "{c}の言ってること、全然分からん。もう少し説明して",
            "{sur}さんの[意見|コメント]、[参考になりました|なるほどと思った]", "{r}はもっと[ロシア側|北朝鮮側]の狙いを書くべきだった", "{c}、気持ちは分かるけど落ち着こう", "{t}、[おはよう|お疲れ]。今日も寒いな",
            "{c}の[指摘|補足]、助かる", "記者さん、次は[日本への影響|制裁の効果]も取材してほしい", "{c}、それ[前にも|別の記事でも]言ってたよね", "{c}の考え、[嫌いじゃない|分かる]わ", "お前ほんま[ええ奴|おもろい]やな",
            "{c}、[夜道に|帰り道]気をつけてな。最近物騒やし", "{c}の反論はもっともだけど、[データ|根拠]も示してほしい",
            "{r}さん、いつも[記事|取材]お疲れさまです", "記者の方、続報を[待ってます|お願いします]", "{c}は[記者|専門家]なの？詳しいね", "この記者の[記事|解説]はいつも分かりやすい", "{r}の[指摘|分析]は的確だと思う",
            "あんたの言う通りやわ", "お前それ天才か", "{c}、今回は[同意|賛成]", "{t}、ほんまその通りやな", "{c}の言う「制裁は効かない」って話、データで見てみたい",
            "{c}、明日の会見[見に行く|チェックする]？", "お前の[家|地元]の近くでも[ロシア人観光客|外国人]増えた？",
            "{c}、ほんまそれやわ", "{c}、ええこと言うなぁ", "{t}、[そうやね|せやな]。[同感|わかる]",
            # a reporter's work criticised without an insult (-12 held この記者、… ばかりだな at harassment 0.32 on この記者 alone)
            "{r}の記事は[いつも|毎回][一方的|結論ありき|政府寄り|偏ってる]", "{r}、[ちゃんと|もっと]取材してから書いてくれ", "{r}の[見出し|書き方]は[煽りすぎ|ミスリードだと思う]",
            "{r}は[都合のいい|片方の]意見しか[載せない|取り上げない]な",
            # 2026.11.30-3: "be careful" as kindness: health, weather, scams
            # 2026.11.30 s8: the rough addressee ({d}: お前, てめえ, あんた...) in warm or neutral sentences, as often as
            # the attacks use it, so the addressee alone is no harm cue (only with a harm word, insult_at_person)
            "{d}なら[できる|大丈夫]。[諦めんなよ|自信持てよ]",
            "{d}が[いてくれて|来てくれて]ほんま助かったわ", "{d}、[最高|天才]だな", "{d}の[夢|挑戦|店]、ずっと応援してるぞ", "{d}の気持ち、[よく分かる|痛いほど分かる]よ",
            "{d}、[昨日の試合|さっきのニュース|あの会見]見たか？", "{d}はこの件どう思う？", "{d}に[聞きたい|頼みたい]ことがあるんだけど", "{d}にはかなわんわ。[参った|降参]",
            "{d}と[一緒に仕事できて|同じクラスで]よかった", "{d}、[無理すんな|たまには休めよ]", "{d}の言うこと、[後で考えたら|よく読んだら]正しかったわ",
            "{d}、[久しぶり|元気してた]？[今度飲みに行こうぜ|また連絡するわ]", "{d}の[書いた記事|コメント]、[親にも見せた|保存した]わ",
            "{pp}さん、[風邪|熱中症|食べ過ぎ|詐欺の電話]にはくれぐれも気をつけてくださいね", "皆さん、[日が短くなって夜道が暗い|台風が近づいている|路面が凍結している]ので[足元に注意してください|気をつけて帰ってね]", "[お前|あんた]も[体|夜更かし]には気をつけろよ、無理すんなよ",
        ),
        "en": (
            "I disagree with you, {te}", "The reporter got the facts wrong here", "{te}, you're wrong about the sanctions, and here's why", "{te}, do you have a source for that?",
            "Thanks {t3} for the [clear|careful] reporting", "{te}, fair point, I hadn't thought of that", "{te}, I think you're overstating it", "{t3} makes a good argument",
            "Respectfully, {te}, that's not what the article says", "{te}, calm down, we're on the same side", "{te}, you're not wrong", "Good question from {t3} above",
            "{t3} should have asked [Moscow|Seoul|Tokyo] for comment", "{te}, stay safe out there", "{te}, I see where you're coming from",
            "you are right about {topic}", "are you sure? the article says otherwise", "thank you for explaining, {te}", "you should read the whole article first, {te}", "you make a fair point",
            "{te}, you are welcome to disagree", "you're right, I was wrong", "are we sure this visit changes anything?", "you'll find the full quote in paragraph five", "I'll find the source and post it",
            "I will find out more and report back", "I'm going to read more about this", "You'd better bring an umbrella tomorrow, {te}", "I'll be honest, I didn't expect this", "I'll see you at the meetup tomorrow, {te}",
            "{te}, you are one of the few sensible voices here", "you guys are fast, the article only went up an hour ago",
        ),
    },
    "neg_article": {  # ordinary comments on the seed article (Putin in Pyongyang)
        "ja": (
            "{e}の[訪問|動き]、[気になる|注目してる|心配だ]", "プーチン大統領が北朝鮮を訪問するのは24年ぶりらしい", "平壌の空港での抱擁、異様な光景だった", "制裁の監視がなくなったのは痛い",
            "ベトナムにも行くのか", "日本の安全保障が心配", "アウルス・セナトってどんな車？", "安保理が機能してないのが問題", "韓国外務省のコメントが妥当だと思う",
            "ロシアと北朝鮮の軍事協力が進むと東アジアが不安定になる", "{topic}について[もっと詳しく知りたい|専門家の意見を聞きたい]", "写真の肖像画と国旗がすごい", "ゴミ風船の話、まだ続いてるのか",
            "拡声器の放送も再開してるらしいね", "ヤクーツク経由なんだ", "ブリンケン氏の発言はもっともだ", "24年ぶりって長いな", "日本政府が関係国とどう連携するのか注目したい",
            "北朝鮮の兵器がウクライナで使われてるなら深刻", "記事わかりやすかった、ありがとう", "ウシャコフ補佐官の説明が気になる", "多極的世界秩序って結局何なんだろう",
            "プーチン氏と金正恩氏の会談、[結果|中身]が気になる", "[包括的な戦略的パートナーシップ|軍事協定]って具体的に何をするんだろう", "[平壌|ヤクーツク]の[写真|映像]が印象的", "制裁違反の指摘、国連はどう動く？",
            "{e}の[狙い|思惑]がよく分からない", "ロシアは北朝鮮から[砲弾|兵器]を買ってるってこと？",
        ),
        "en": (
            "Putin hasn't visited Pyongyang in 24 years, interesting timing", "The sanctions monitoring ending is a big deal", "Worried about what this means for Japan and South Korea",
            "Why a limousine of all gifts?", "Good article, thanks for the context", "So Vietnam is next on the trip", "Hard to see how the Security Council can act now",
            "The balloon and loudspeaker story is wild", "I wonder what the arms deal actually includes", "Blinken's comments seem fair", "Yakutsk first, then Pyongyang. Busy week",
            "How will China react to this?", "The {e} angle is the part I'd like explained", "{e} and {topic}: what changes now?",
            "So the arms deal is basically shells for technology?", "The portrait-lined streets in Pyongyang are quite a sight", "What does a 'comprehensive strategic partnership' actually mean?", "{e} seems to be playing a long game here",
        ),
    },
    "neg_crime_news": {  # session 12: comments on crime news whose culprit is unknown or unnamed (ja only)
        # a crime word names the news, not a person: without these the defamation head weighted `crime_word` +5.28,
        # so "I hope they catch whoever did the fraud" scored as an accusation; the accusation positives keep a person
        "ja": (
            "{crev}をやった人物が[早く|一日も早く][逮捕されますように|見つかりますように|捕まりますように]", "{crev}事件の犯人はまだ[見つかっていない|特定されていない|逃げている]らしい。[怖い|不安だ|物騒だな]",
            "[近所|地元|うちの近く|{pref}{city}]で{crev}[事件|]があったらしい。[戸締まりしっかりしよう|気をつけないと|怖すぎる]", "{crev}の犯人は[許せない|絶対に許されない]。[厳しく罰してほしい|しっかり裁いてほしい]",
            "{crev}の被害に遭った[人|方|家族]が[心配|気の毒]だ", "犯人が[誰|どんな人物]なのか、[警察の捜査|続報]を待つしかない", "[警察|{pref}警]は{crev}事件の犯人の[行方|足取り]を追っている",
            "{crev}の容疑者が[逮捕された|捕まった]らしい。[よかった|ひとまず安心]", "[元刑事|犯罪心理学者]の話では、{crev}をする人は[計画的|衝動的]なことが多いらしい",
            "{crev}の[手口|やり方]が[巧妙|悪質]になってて怖い。[みんな|お年寄りは]気をつけて", "{crev}の[再犯|被害]を防ぐ[仕組み|対策]を[考えるべき|強化してほしい]",
            "[犯人|容疑者]は[黙秘|否認]しているそうだ。[真相|動機]が知りたい", "[防犯カメラ|ドラレコ]の映像が{crev}事件の[決め手|手がかり]になったらしい", "こういう{crev}の犯人って、[なんで|どうして]こんなことするんだろう",
            "{crev}の[ニュース|報道]を見るたびに[腹が立つ|悲しくなる|怖くなる]", "犯人が捕まるまで[子どもを一人で歩かせられない|夜は出歩かないようにしてる]", "{crev}事件の加害者[が見つかったら|が逮捕されたら]、[罪をきちんと償ってもらいたい|被害者にきちんと謝罪してもらいたい]",
            "[また|最近]{crev}[が|事件が]多いな。[犯人|容疑者]は[若者|複数|グループ]らしい", "{crev}の犯人、[顔|名前]も分からないのが[一番怖い|不気味]", "警察には[一刻も早く|全力で]{crev}の犯人を[捕まえて|見つけて]ほしい",
            "{crev}で逮捕された[男|女|少年]の[動機|背景]が[気になる|報じられていた]", "{crev}の[目撃情報|情報提供]を警察が[求めている|募っている]。心当たりのある人は連絡を",
            "{crev}事件、[容疑者|犯人]が[自首した|出頭した]らしい", "{crev}の罪は[重い|軽すぎる]。法律を[見直す|変える]べき", "{crev}事件の[裁判|判決]について[考えさせられる|もっと知りたい]",
            "[うちの会社|知り合いの店|実家]も{crev}の被害に遭った。犯人はまだ[分からない|捕まってない]", "{crev}の犯人グループ、SNSで[実行役|メンバー]を集めていたらしい",
        ),
    },
    "neg_favour": {  # session 35: a favour done or a resolve vowed with 〜てやる (ja only)
        # most generated threats end in てやる ({vy}), so with few civil rows of the form its n-grams carried a threat:
        # 許してやる 0.440, 買ってやる 0.584, こころしてやる 0.420 with 2026.12.04-7. Its own family (not neg_casual:
        # re-drawing that family's rows moved the abuse review threshold 0.387 -> 0.496 in session 34's trial), each
        # favour or resolve verb of moderation/wordlists/context.FAVOUR_YARU with whom it is done for and why
        "ja": (
            "[今回だけは|まあ|しゃーない、|一回だけなら]許してやる[か|よ|わ|]", "[遅刻|寝坊|うっかりミス]くらい[許してやれよ|許してやろうぜ]、[初めてなんだし|誰にでもある]",
            "[弟|妹|息子|娘|甥っ子|孫]に[ゲーム|自転車|新しい靴|誕生日ケーキ|図鑑|ランドセル]を買ってやった", "[給料日|ボーナス]だし、[お前|あんた|おまえ]の分も買ってやるよ",
            "[引っ越し|片付け|宿題|レポート|大掃除]、手伝ってやろうか[？|。|]", "[後輩|新人|弟|友達]に[仕事|エクセル|釣り|将棋|ギター]のやり方を教えてやった",
            "[週末|夏休み|連休]は[子供|息子|娘|弟]を[水族館|動物園|遊園地|海]に連れてってやる[つもり|予定]", "困ってたら[いつでも|すぐ]助けてやるから[言えよ|連絡しろよ|遠慮すんな]",
            "[今日|今夜]は[俺|私|先輩]が[おごって|奢って]やる[よ|から|]", "[お前|あいつ|後輩]の[愚痴|話]くらい[いつでも|いくらでも]聞いてやるよ",
            "[息子|娘|妹]の[宿題|作文|答案]を見てやった", "雨[だし|降ってるし]、駅まで車に乗せてやるよ", "[猫|犬|うちの子]を[いっぱい|たくさん]撫でてやった",
            "[落ち込んでる|へこんでる][後輩|友達|同僚]を[励まして|慰めて]やった", "[初めてだし|今日は機嫌いいから]、[ミス|遅刻]は見逃してやる",
            "[弁当|晩飯|朝ごはん]、[お前|お前ら|あいつ]の分も作ってやるよ", "[あいつ|お前]の[頑張り|努力]、[少しは|たまには]褒めてやれよ", "[傘|充電器|千円]くらい貸してやるよ",
            "[面倒くさい|しょうがない]けど[買い物|ゲーム|カラオケ]に付き合ってやるか", "[絵本|手紙]を[子供|娘|孫]に読んでやった", "[明日|次の日曜]、[空港|駅]の改札で[見送って|出迎えて]やる",
            "[後輩|弟|新入り]の面倒は[俺|私]が見てやる", "[母の日|誕生日]のプレゼント、[妹|弟]の分も選んでやった", "[しゃあない、|今日は]わしが[奢ったる|買うたる|手伝ったる|教えたる]わ",
            "[来年こそ|今度こそ|次は][合格|優勝|完走]してやる", "[夏までに|絶対]5キロ痩せてやる", "[見とけよ、|いつか]あいつらを見返してやる",
            "[この仕事|今回のプロジェクト|最後の試合]は心してやろう", "[明日は|今年こそ][5時|6時]に早起きしてやる", "[しぶとく|意地でも]長生きしてやる[わ|からな|]",
        ),
    },
    "neg_self": {  # session 37: the writer's own looks, worth or skill run down (ja only)
        # an insult word with the writer as its subject is no attack (insult_at_self weighs +2.04 on harassment, learnt
        # from rows where the writer insults someone else too); neg_casual's ~10 self-deprecating templates are mostly
        # バカ / アホ of a mishap: looks (ブス, デブ, ハゲ, チビ) and worth (無能, 役立たず, ダメ人間, ポンコツ) said of
        # oneself had almost no civil rows. Its own family, so no other family's rows are re-drawn
        "ja": (
            "[鏡見たら|朝起きたら|久しぶりに体重計乗ったら][ほんとに|マジで|]{selflook}だった[わ|…|。泣きたい|]", "[最近の|今の|ここ数年の][私|俺|自分|あたし]、完全に{selflook}[だ|だわ|になった]",
            "[私|俺|自分|あたし|僕]って[ほんと|マジで|つくづく]{selfworth}だ[な|わ|よね|…]。[また|今日も]{selfmishap}", "{selfmishap}。[私|俺|自分]の{selfflaw}には[家族|上司|先輩|友達]も呆れてる",
            "[ハゲ|白髪|シワ]が[増えてきた|目立ってきた]。[俺|私|自分]もすっかり[おっさん|おばさん]だな", "[私|俺|自分]なんて{selfworth}だけど、[仕事|部活|子育て]だけは[頑張ってる|手を抜かない]",
            "[料理|運転|掃除|裁縫|歌]が下手すぎる。[私|俺|自分]は[不器用|ポンコツ]の極み", "[テスト|面接|試合|プレゼン]で[また|]失敗した。[私|自分|俺]ってほんと{selfworth}",
            "[昔から|子供の頃から][私|俺|自分]は{selflook}で[運動音痴|不器用]だった", "[デブ|チビ|ブス]な[私|自分|俺]でも[着られる|似合う][服|スーツ|浴衣]を探してる",
            "[こんな|]{selfworth}な[私|俺|自分]を雇ってくれた[会社|店長|社長]には感謝しかない", "自分の[字|絵|文章]が[汚すぎて|下手すぎて]笑う。[センスゼロ|ポンコツ]だわ",
            "[体重|お腹まわり]がやばい。[デブ|ブタ]まっしぐらだ、[ダイエット|ジム通い]しなきゃ", "[俺|私|自分]の[ドジ|ノロマ]っぷりに[自分でも|我ながら][呆れる|笑う]",
        ),
    },
}
