"""Templates of a threat to expose someone (晒し予告) or their finding told, and their civil twins (session 37, issue 12).

2026.12.05-1 read お前の住所をネットで教えてやるよ as allow (abuse 0.119): every generated personal_info row posts a
piece (an address, a phone number, a school year), none threatens to. Positives: someone the thread aims at (a
commenter, a reporter, the person addressed), what would be exposed (their home, workplace, family, real name, face)
and the writer's will to publish it (〜てやる, 〜するからな, 〜されたくなければ), or their home or name told as found
(moderation/targets/exposed.py reads the same shape into `pii_exposed`). Negatives: the same words with no will or no
target: the threat reported or quoted to condemn it, exposure condemned as a crime, the writer's own details, an
office's or a shop's address, the police naming or finding someone, the idioms (恥を晒す), an appeal to share a lost
pet's photo, a shop's address offered. The wording is written apart from tests/functional (other people, nouns and
verbs): the suite and the probes stay test only. Expanded by model/synth_harms.py as its other families; generated
rows are marked synthetic and never evaluated.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

from model.synth_harms_slots import _w

# personal_info and abuse 1; threat and harassment unlabelled (a threat to expose menaces, whether it threatens harm
# is not asked here)
EX1 = {"personal_info": 1, "abuse": 1, "threat": None, "harassment": None}
EX0 = {"personal_info": 0, "abuse": 0, "threat": 0, "harassment": 0}

SLOTS_EXPOSED = {
    "ja": {
        "xwho": _w("スレ主|コメ主|投稿者|書き込んだ奴|上で偉そうにしてる奴|こいつ|あいつ|そいつ|この記者|{sur}記者|{sur}とかいう奴|このアカウント"),
        "xyou": _w("お前|おまえ|てめえ|テメー|貴様|あんた"),
        "xinfo": _w("住所|自宅|実家|勤務先|職場|本名|顔写真|家族|嫁|子どもの学校|携帯番号|出身校|経歴"),
        "xwhere": _w("ネット|掲示板|SNS|ツイッター|まとめサイト|晒しスレ"),
        "xwill": _w("晒してやる|晒したるわ|晒すからな|晒すぞ|晒しとくわ|バラしてやる|ばらすからな|{xwhere}に流してやる|{xwhere}に書き込んでやる|{xwhere}に載せてやる|{xwhere}で公開してやる|拡散してやる|みんなに言いふらしてやる|{xwhere}に貼ってやるよ|晒してやろうか"),
        "xwhen": _w("今夜|明日|週末|今すぐ|一時間後に|そのうち|次に書き込んだら"),
        "xif": _w("晒されたくなければ|バラされたくなかったら|ネットに流されたくないなら|拡散されたくなけりゃ"),
        "xstop": _w("黙れ|消えろ|謝罪しろ|書き込みを消せ|アカウント消せ|二度とコメントするな"),
        "xfound": _w("特定した|特定済み|特定完了|割れてる|割れた"),
        "xpet": _w("迷子の柴犬|逃げたインコ|行方不明の三毛猫|保護した子猫"),
        "xshop": _w("駅前のパン屋|近所のラーメン屋|新しくできたカフェ|行きつけの古本屋"),
    },
}

POSITIVES_EXPOSED = {
    "exposure_threat": {
        "ja": tuple((t, EX1) for t in (
            "{xwho}の{xinfo}、{xwhen}{xwill}", "{xwho}の{xinfo}{xwill}", "{xyou}の{xinfo}、{xwill}", "{xyou}の{xinfo}も{xinfo}も全部{xwill}",
            "{xyou}、{xif}{xstop}", "{xwho}さ、{xinfo}{xif}{xstop}", "{xyou}の{xinfo}はもう{xfound}。{xwhen}{xwill}",
            "{xwho}の{xinfo}、[もう|とっくに|]{xfound}[からな|ぞ|]", "{xyou}のこと{xwhen}{xwill}", "{xwho}を{xwhere}で晒し上げてやる",
            "{xyou}の{xinfo}、{xwhere}中に拡散してやるから覚悟しとけ", "{xyou}の会社に全部バラしてやるよ",
        )),
    },
}

NEGATIVES_EXPOSED = {
    "neg_exposure": {
        "ja": tuple((t, EX0) for t in (
            "「{xinfo}を{xwhere}に流す」と脅された人が警察に相談した", "{xinfo}を晒すと脅すメッセージを送った男が逮捕された",
            "「{xyou}の{xinfo}晒すぞ」みたいな書き込みは脅迫だよ、通報しよう", "他人の{xinfo}を勝手に{xwhere}へ出せば、罪に問われることもある",
            "{xinfo}を晒す行為はプライバシーの侵害です", "{xwhere}で{xinfo}を晒されたという被害が増えているらしい",
            "{xwhere}に自分の{xinfo}を出すのは慎重にね", "私の{xinfo}は誰にも教えてない", "本社の所在地は会社概要のページで確認できます",
            "[県警|警視庁]が{xwho}を特定し、事情を聴いている", "警察が公開した防犯カメラの映像で、容疑者が特定された", "大勢の前で恥を晒すことになった",
            "試合で醜態を晒してしまった", "{xpet}の写真、{xwhere}で拡散してもらえると助かります", "{xshop}の住所教えてやるよ、すぐ近くだから",
            "[ペンネーム|ハンドルネーム]で書いているのは、{xinfo}を知られたくないから",
        )),
    },
}
