"""Templates of a home found then a visit announced, and their civil twins (session 27, issue 12).

2026.12.03-9 read 記者の家を特定した、今から行くわ as allow (threat 0.19): no threat row said where someone lives and
then that the writer is coming. Positives: someone the thread aims at (a columnist, a poster, an official by name),
their flat, workplace or family home found or obtained, then a visit announced or urged (moderation/targets/located.py
reads the same shape as `located_visit`). Negatives: the same finding about a friend or relative, an owner found to
give back what they lost, an interview or surgery visit, an errand said with the visit (a letter handed over, an
apology, thanks; session 28) or a protest at a public office, a report of someone else's doxxing, a threat quoted to
condemn it. The wording is written apart from tests/functional/*_located_visit_probe.jsonl (other people, places,
verbs and visits): the probes stay test only. Expanded by model/synth_harms.py as its other families; generated rows
are marked synthetic and never evaluated.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

from model.synth_harms_slots import _w

# threat and abuse 1; harassment and personal_info unlabelled (whether the finding alone exposes is not asked here)
LV1 = {"threat": 1, "abuse": 1, "harassment": None, "personal_info": None}
LV0 = {"threat": 0, "abuse": 0, "harassment": 0, "personal_info": 0}

SLOTS_LOCATED = {
    "en": {
        "lvwho": _w("the columnist|that columnist|the editor|that editor|the poster|that poster|the presenter|that critic|the troll who replied|that moderator|Senator {ln}|Inspector {ln}|Dr {ln}|Professor {ln}|Judge {ln}|Mrs {ln}|Mr {ln}"),
        "lvplace": _w("flat|apartment|workplace|postcode|family home|front door|home address"),
        "lvfound": _w("Dug up|Pinned down|Traced|Finally located|Grabbed|Obtained|Looked up|Worked out"),
        "lvwhen": _w("on Friday|after work|at midnight|first thing Monday|before sunrise|this Sunday|in an hour|once it's dark"),
        "lvvisit": _w("I'll swing by {lvwhen}|I'm going to pop round {lvwhen}|we'll turn up {lvwhen}|I'll be by the entrance {lvwhen}|someone could stop by {lvwhen}|I'm on my way|expect company {lvwhen}|who's up for a visit {lvwhen}?|let's go visit {lvwhen}|I'll be there {lvwhen} to say hello"),
        "lvkin": _w("my nan|my old teammate|my godson|my uncle|our new colleague|my pen pal|my former teacher|my sister-in-law"),
        "lvlost": _w("the lost phone|the stray cat|the dropped purse|the misdelivered parcel|the abandoned bike|the lost keys"),
        "lvsite": _w("Leeds|Bristol|the coast|Glasgow|Cardiff|the valley|Norwich|Derby"),
        # session 28: a civil errand said with the visit, and the same visit with menace beside an errand's words
        "lvcivil": _w("I'll swing by {lvwhen} to hand over the residents' letter|we'll turn up {lvwhen} with the campaign signatures|I'll pop round {lvwhen} to return the notebook I borrowed|I'll stop by {lvwhen} to apologize for my remarks|I'll be there {lvwhen} to thank them for the article|we'll drop in {lvwhen} for the agreed interview|I'll swing by {lvwhen} with a get-well card"),
        "lvmenace": _w("I'll swing by {lvwhen} to return the favour|I'll pop round {lvwhen} to have a word, and it won't be friendly|we'll turn up {lvwhen} with a gift they won't forget|I'm on my way to thank them properly, they'll regret it|I'll be there {lvwhen} to deliver a lesson"),
    },
    "ja": {
        "lvwho": _w("スレ主|投稿者|書き込んだ奴|あいつ|こいつ|てめえ|貴様|あんた|{sur}社長|{sur}会長|{sur}校長|{sur}教授|{sur}知事|{sur}区長|{sur}氏"),
        "lvplace": _w("住まい|勤務先|職場|アパート|居場所|部屋"),
        "lvfound": _w("判明した|入手した|把握した|調べ上げた|押さえた|知ってる|見つかった|バレてる"),
        "lvwhen": _w("金曜|深夜|仕事終わり|来週|朝イチで|日が暮れたら|連休中に|一時間後に"),
        "lvvisit": _w("{lvwhen}押しかけるわ|{lvwhen}突撃する|{lvwhen}訪ねるからな|{lvwhen}遊びに行くわ|{lvwhen}顔見に行く|{lvwhen}向かうから|{lvwhen}伺いますね|{lvwhen}押しかけに行こうぜ|{lvwhen}突撃しに行く奴募集"),
        "lvkin": _w("祖母|いとこ|同僚|恩師|幼なじみ|後輩|叔父|元担任"),
        "lvlost": _w("迷子の犬の飼い主|忘れ物の傘の持ち主|拾ったスマホの持ち主|誤配された荷物の宛先の人"),
        "lvsite": _w("札幌|仙台|名古屋|福岡|金沢|松山|熊本|高松"),
        "lvcivil": _w("要望書を手渡しに伺います|お借りした本を返しに行きます|先日の非礼のお詫びに伺います|取材のお願いに伺います|記事のお礼を言いに行きます|お見舞いの花を届けに行きます|署名簿を持参します"),
        "lvmenace": _w("お礼しに行ってやるよ|挨拶に行くから覚悟しとけ|話つけに行くわ|お詫びの品持って行ってやるから震えて待て|取材しに行ってやるよ、逃げんなよ"),
    },
}

POSITIVES_LOCATED = {
    "threat_located": {
        "en": tuple((t, LV1) for t in (
            "{lvfound} {lvwho}'s {lvplace}. {lvvisit}", "{lvfound} {lvwho}'s {lvplace}, {lvvisit}",
            "Worked out where {lvwho} works. {lvvisit}", "Figured out which apartment {lvwho} sleeps in. {lvvisit}",
            "{lvwho} lives near the old mill, I checked. {lvvisit}", "So I looked up {lvwho}'s {lvplace}. {lvvisit}",
            "{lvfound} your {lvplace} in ten minutes. {lvvisit}", "Obtained {lvwho}'s {lvplace} from a friend. {lvvisit}",
            "{lvfound} {lvwho}'s {lvplace}. {lvmenace}", "Worked out where {lvwho} works, {lvmenace}",
        )),
        "ja": tuple((t, LV1) for t in (
            "{lvwho}の{lvplace}、{lvfound}。{lvvisit}", "{lvwho}の{lvplace}{lvfound}から{lvvisit}", "{lvwho}の{lvplace}はもう{lvfound}。{lvvisit}",
            "ついに{lvwho}の{lvplace}が{lvfound}。{lvvisit}", "{lvwho}の{lvplace}も{lvfound}ぞ。{lvvisit}",
            "{lvwho}、お前の{lvplace}{lvfound}からな。{lvvisit}",
            "{lvwho}の{lvplace}、{lvfound}。{lvwhen}{lvmenace}", "{lvwho}の{lvplace}{lvfound}から{lvwhen}{lvmenace}",
        )),
    },
}

NEGATIVES_LOCATED = {
    "neg_located": {
        "en": tuple((t, LV0) for t in (
            "{lvfound} {lvkin}'s new {lvplace}. I'll swing by {lvwhen} with a housewarming plant",
            "Worked out where {lvkin} lives now, so we'll visit {lvwhen} for the birthday",
            "Traced the owner of {lvlost} through the council, and I'll hand it back {lvwhen}",
            "The columnist's home address was leaked on a forum, and the police are looking into it",
            "Someone published the editor's postcode online last week, according to the newspaper",
            "Writing 'I've traced your flat, I'm on my way' to a poster is a threat, report it",
            "We visited the senator's constituency office in {lvsite} for an interview yesterday",
            "Dr {ln}'s surgery moved to {lvsite}; I'll pop round {lvwhen} to register",
            "Pinned down the best café in {lvsite}. I'm going to pop round {lvwhen}",
            "A man who turned up at a presenter's flat after tracing it online was charged, the court heard",
            "{lvfound} {lvwho}'s {lvplace}. {lvcivil}", "Worked out where {lvwho} works, so {lvcivil}",
            "Worked out which office {lvwho} uses. We'll gather outside the council offices {lvwhen} to protest the closure",
        )),
        "ja": tuple((t, LV0) for t in (
            "{lvkin}の新しい{lvplace}が{lvfound}ので、{lvwhen}遊びに行く予定", "{lvkin}の住まいが{lvsite}だと分かった。{lvwhen}訪ねるつもり",
            "{lvlost}の連絡先が分かったので、{lvwhen}届けに伺います", "ネット上で個人の自宅が特定・公開される被害が増えていると、警察が注意を促した",
            "{sur}社長の住所がネットに書き込まれた問題で、警察が捜査を始めた", "「{lvplace}把握した、押しかけるわ」と書き込んだ男が脅迫容疑で逮捕された",
            "「お前の職場は知ってる、向かうから」なんて書き込みは脅迫だ、通報しよう", "{sur}教授の研究室に{lvwhen}取材で伺います",
            "{lvsite}で評判の店の場所が判明した。{lvwhen}行ってみる", "{sur}知事の事務所は{lvsite}駅前です。{lvwhen}陳情に伺います",
            "{lvwho}の{lvplace}、{lvfound}。{lvwhen}{lvcivil}", "{lvwho}の{lvplace}が{lvfound}ので、{lvwhen}{lvcivil}",
            "{sur}市長の勤務先は市役所だと{lvfound}。{lvwhen}市役所前で抗議のデモをします",
        )),
    },
}
