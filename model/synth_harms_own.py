"""Families of their own for what near copies of written cases had taught (session 40, issue 12; Japanese only).

ja-s39 rewrote the templates that were near copies of Japanese written cases; the fit with them (2026.12.05-4) lost
weight on what those copies had taught: short veiled threats (…からな / …てやる, the person looked up, a call to the
workplace), disgust at a face with an animal insult, and civil crime news with 犯人 in a wish (詐欺の犯人は早く捕まって
ほしい 0.180 -> 0.659), while a kind wish (大事な子供が無事に家に帰れるといいな) had no civil twin. Each family here has
its own rows and rng (model/synth_harms.py), so the other families' draws stay as they were; every template is below
0.5 of any written case's character trigrams.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

# the labels of synth_harms' positive families (family_labels): the category and abuse 1, harassment unlabelled
THREAT = {"threat": 1, "abuse": 1, "harassment": None}
THREAT_PI = {**THREAT, "personal_info": None}  # the person looked up: whether it tells a private piece is left open
HARASSMENT = {"harassment": 1, "abuse": 1}

# (family, rows at scale 1.0, templates); negatives' rows are all 0
OWN_FAMILIES = (
    ("threat_veiled", 160, (
        ("{t}が[どこの誰か|何者か|どこで働いてるか]、[とっくに|もう|ちゃんと]調べ[はついてる|上げてある|済みだ][からな|んだよ|ぞ]", THREAT_PI),
        # a call to the workplace as a menace is telling on the person, not the call itself (ja-s41: the call
        # phrase alone taught 寝坊したなら、俺から会社に連絡入れといてやるよ as a threat, 0.431 on -6)
        ("{t}の[上司|勤め先の人事|会社の窓口]に[ここでの書き込み|ネットでの発言|裏アカの中身]、[全部|洗いざらい|そっくり]ばらして[やるよ|やろうか|やるからな]", THREAT),
        ("{t}、[そんな|こんな]こと[書き続ける|言い続ける]なら[そのうち|いずれ|近いうちに][痛いほど分かる|身をもって知る]ことになる[ぞ|からな|よ]", THREAT),
        ("{t}、[せいぜい|今のうちに][いい気になってろ|粋がってろ|楽しんどけ]。[そのうち|いずれ][泣くことになる|後悔させてやる]からな", THREAT),
        ("{t}の[書き込み|投稿|発言]、[全部|ひとつ残らず][スクショ|魚拓]取ってある[からな|ぞ]。[逃げ切れると思うな|そのうち挨拶に行く]", THREAT),
        ("{t}の[車のナンバー|通勤ルート|顔写真]、[ちゃんと|しっかり]押さえてある[からな|ぞ|んだわ]", THREAT_PI),
        ("{t}、[近いうちに|週明けにでも|そのうち][職場|勤め先|仕事場]の方に[顔出して|挨拶しに行って]やる[よ|から|からな]", THREAT),
        ("{t}、[いい度胸|大した根性]してる[な|じゃねえか]。[お前の名前|その顔]、[覚えたからな|忘れないぞ]", THREAT),
    )),
    ("harassment_face", 80, (
        ("[あの|この]{role}、ツラ[拝んだ|見せられた]だけで[気分悪くなる|飯がまずくなる|虫唾が走る]わ。[醜い|小汚い][豚|猿|カバ]め", HARASSMENT),
        ("{t}の[アイコン|自撮り|顔写真]、[見苦し|気持ち悪]すぎて[目が腐る|吐きそう]。[豚|ブタ]は[引っ込んでろ|画面から消えろ]", HARASSMENT),
        ("[画面越しでも|写真だけでも]{role}の[脂ぎった|だらしない]面には反吐が出る。[まるで|完全に][豚|ブタ|猿]", HARASSMENT),
        # session 41: the disgust aimed at a commenter with a command to leave (a public figure's face alone is opinion)
        ("{c}の[プロフ画像|アイコン|自撮り]の顔、[目に入る|視界に入る]たびに[イラッとする|胃がムカムカする|気分が沈む]。[もう来るな|ここに顔を出すな|さっさと消えろ]", HARASSMENT),
    )),
    ("neg_culprit_wish", 120, (  # the culprit unknown, wished caught: crime news, not an accusation
        "{crev}の犯人が[早く|一日も早く|すぐにでも][捕まりますように|逮捕されますように|見つかりますように]",
        "[どうか|頼むから]{crev}[事件|]の犯人を警察が[捕まえて|見つけて]くれますように",
        "犯人が[捕まって|逮捕されて]、[被害者|遺族|町の人]が安心して[暮らせる|眠れる]日が[来てほしい|早く来ますように]",
        "{crev}の犯人、[さっさと|早いとこ]捕まればいいのに。[物騒すぎる|怖くて外に出られない]",
        "[近所|地元]の{crev}、犯人[が|は][まだ|いまだに]捕まってないのか。[早く|一刻も早く]捕まってくれ",
    )),
    ("neg_call_favour", 60, (  # a call or a visit to someone's workplace made for them (threat_veiled's civil twin)
        "[熱がある|体調悪い|具合悪い]なら、[上司|店長|部長]には[俺|私]から電話しとく[から|よ]。[今日は休め|ゆっくり寝てな|無理すんな]",
        "[遅れそう|間に合わない]なら、[先方|取引先|幹事]には[俺|私]から[電話|連絡]しといてやる[よ|から]。[焦んな|気をつけて来い]",
        "[{d}|あんた]の[会社|バイト先|職場]に[忘れ物|財布|傘]届けといてやった[ぞ|よ]。[感謝しろよ|今度おごれよ]",
    )),
    ("neg_kind_wish", 100, (  # a safe return wished for someone's family, the missing, the displaced
        "{c}、[入院してる|単身赴任中の|留学中の][お父さん|お母さん|息子さん|娘さん]、[早く|元気に]戻ってこられるといい[ね|な]",
        "[{c}|{d}]の[じいちゃん|ばあちゃん|ワンちゃん]、手術[うまくいって|終わって]早く[退院|帰宅]できるといいな",
        "[行方が分からない|連絡の取れない|避難所にいる][子供|お年寄り|人たち]が[一人残らず|みんな|]無事に[見つかる|家族のもとに戻れる]よう[祈ってる|願ってる]",
        "[台風|大雪|地震]で[足止めされた|避難した]人たちが[早く|無事に]自宅に戻れますように",
        # read2 (session 40): the threat's own words with a civil subject, its minimal pair ({t}、大事な… is the threat)
        "[迷子になった|避難している|入院していた|留学中の][犬|おじいちゃん|学生たち|患者さん]が無事に家に帰れるといいな",
    )),
)
