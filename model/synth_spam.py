"""The synthetic spam genres (side jobs, dating, phishing, adult, floods, hashtags, giveaways)."""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

import random

from model.synth_fillers import MAIN_BRANDS, _contact, _emoji, _fake_domain, _money, _spam_url
from moderation import lexicon_data as L

# --------------------------------------------------------------------------------------------
# spam genres (project's own templates)
# --------------------------------------------------------------------------------------------


def _sidejob(rng: random.Random) -> str:
    hook = rng.choice([
        "【副業】", "【在宅ワーク】", "【期間限定】", "【拡散希望】", "※本当に稼げます※", "", "", "＼副業募集／", "《初心者歓迎》",
        "【投資】", "【無料公開】", "【注目】",
    ])
    body = rng.choice([
        "スマホだけで{m}稼げる方法教えます", "1日5分の作業で{m}の収入", "誰でも簡単に{m}稼いでます",
        "主婦でも月{m}達成しました", "ほったらかしで{m}の不労所得", "仮想通貨で資産が{m}になりました",
        "AI自動売買ツールで毎月{m}", "FXで{m}稼いだ方法を無料で教えます", "元本保証で利回り{p}%の投資案件",
        "在宅で{m}稼げるお仕事紹介します", "知識ゼロから{m}、証拠画像あります", "副業で月収{m}超えました",
        "今なら参加費無料、{m}のチャンス", "人数限定で稼げるノウハウ配布中", "借金返済できました！{m}稼げる副業",
        "ビットコインで{m}、今が買い時", "有名投資家の銘柄を無料でお届け", "未公開株の優先購入権、{m}確実",
        "リスクなしで{m}、在宅OK", "タップするだけで{m}のお小遣い", "簡単なアンケートで{m}もらえる",
        "この方法で毎日{m}入ってきます", "会社に内緒で{m}稼げる", "ポイ活で月{m}",
    ])
    tail = rng.choice(["", "！", "‼", "。", "w", "♪"]) + rng.choice([
        "", "今すぐ", "先着{n}名", "本日まで", "残りわずか", "急いで", "早い者勝ち", "期間限定", "見ないと損",
    ])
    s = hook + body + tail + rng.choice([" ", "\n", "", "→"]) + _contact(rng)
    return s.replace("{m}", _money(rng)).replace("{p}", str(rng.randint(8, 50))).replace("{n}", str(rng.randint(3, 50)))


def _dating(rng: random.Random) -> str:
    who = rng.choice(["人妻", "OL", "女子大生", "バツイチ", "30代主婦", "寂しがりの女の子", "パパ活女子", "アラサー女子",
                      "セレブ女性", "ママ活中の女性"])
    body = rng.choice([
        "{w}です。寂しいので会える人募集中", "{w}だけど今夜会える人いませんか", "{w}です、大人の関係希望",
        "割り切りで会える方いますか？", "優しい人とLINEしたいな", "{w}です。誰か話し相手になって",
        "近くで会える人探してます", "パパ募集中です", "ママ活で月{m}もらってます", "お茶だけで{m}くれる人",
        "エッチな{w}と繋がりたい人", "裏垢はじめました", "今からオフで会える人", "セフレ募集中です",
        "ホ別{m}で会える人", "{w}とお話ししませんか", "恋人募集中、まずはLINEから", "返信くれた人だけに写真送ります",
        "彼氏と別れて寂しいです", "誰か構ってください、いつでもLINE待ってる",
    ])
    s = _emoji(rng) + body + _emoji(rng) + rng.choice([" ", "\n", "", "💕"]) + _contact(rng)
    return s.replace("{w}", who).replace("{m}", _money(rng))


def _phishing(rng: random.Random) -> str:
    if rng.random() < 0.4 and L.BRAND_RULES:
        name, lits, doms = rng.choice(L.BRAND_RULES)
        brand = rng.choice([x for x in lits if len(x) >= 2] or [name])
        real = doms[0] if doms else "example.jp"
    else:
        brand, real = rng.choice(list(MAIN_BRANDS.items()))
    hint = real.split(".")[0].replace("www", "") or "secure"
    dom = _fake_domain(rng, hint if rng.random() < 0.6 else "")
    url = rng.choice(["https://", "http://", ""]) + dom + rng.choice(["", "/login", "/verify", "/jp", "/?c=" + str(rng.randint(1, 999))])
    body = rng.choice([
        "【{b}】お客様のアカウントが一時停止されました。以下より確認してください",
        "【{b}】不正利用の可能性があります。本人確認をお願いします",
        "{b}からのお知らせ：お荷物をお届けにあがりましたが不在のため持ち帰りました。確認はこちら",
        "【重要】{b}ご利用確認のお願い",
        "{b}：ポイントが本日失効します。今すぐ受け取り",
        "【{b}】未払い料金があります。24時間以内にお支払いください",
        "{b}です。配送先住所に不備があります。更新してください",
        "【{b}】カードの利用を制限しました。解除手続きはこちら",
        "{b}ポイント{m}分プレゼント中！受け取りはこちらから",
        "{b}公式：当選おめでとうございます！{m}の賞金を受け取る",
        "【{b}】セキュリティ強化のため情報の更新が必要です",
        "{b}の還付金{m}があります。期限内に手続きしてください",
    ])
    s = body.replace("{b}", brand).replace("{m}", _money(rng))
    return s + rng.choice([" ", "\n", "→", "▶"]) + url + rng.choice(["", "", " " + rng.choice(["至急", "期限:本日中"])])


def _adult(rng: random.Random) -> str:
    body = rng.choice([
        "プロフに無修正動画あります", "えっちな動画はこちら", "お宝画像まとめて置いといた", "限定公開の動画見れるのここだけ", "裏垢で動画公開中",
        "見たい人はプロフのリンクから", "無料でアダルト動画見放題", "流出動画まとめました", "神動画見つけた→",
        "素人の動画が見れるサイト", "JK動画あります", "ここで全部見れる", "エロい自撮りあげてます",
    ])
    s = _emoji(rng) + body + _emoji(rng)
    return s + rng.choice([" ", "\n", ""]) + rng.choice([_spam_url(rng), "", _contact(rng), "プロフ見て"])


def _flood(rng: random.Random) -> str:
    unit = rng.choice([
        "この動画見て", "拡散希望", "チャンネル登録お願いします", "相互フォローしましょう", "フォロバ100%",
        "このコメントを見た人は3日以内に5つのコメント欄に貼らないと不幸になります",
        "見て見て", "宣伝失礼します", "登録者1000人目指してます",
        "#相互フォロー #フォロバ", "#出会い #副業", "荒らし歓迎", "ww",
    ])
    if rng.random() < 0.5:
        unit = unit + _emoji(rng, 1)
    k = rng.randint(3, 12)
    sep = rng.choice(["", " ", "\n", "、", "!"])
    s = sep.join([unit] * k)
    if rng.random() < 0.4:
        s += " " + rng.choice([_spam_url(rng), _contact(rng)])
    return s


def _hashtag_spam(rng: random.Random) -> str:
    tags = [*list(L.SPAM_HASHTAGS), "副業", "在宅ワーク", "稼げる", "パパ活", "ママ活", "投資", "仮想通貨", "出会い", "拡散希望", "相互フォロー", "フォロバ", "お金配り", "現金プレゼント"]
    k = rng.randint(3, 7)
    s = " ".join("#" + rng.choice(tags) for _ in range(k))
    return rng.choice(["", "フォローしてくれた人全員に", "お金配りやってます", "RTで{m}プレゼント"]).replace(
        "{m}", _money(rng)) + " " + s + " " + rng.choice(["", _spam_url(rng), _contact(rng)])


def _money_giveaway(rng: random.Random) -> str:
    return rng.choice([
        "【現金配布】フォロー&RTで{m}当たる", "お金配りおじさんです。{m}配ります", "抽選で100名に{m}プレゼント",
        "無料で{m}受け取れるキャンペーン実施中", "今だけ{m}キャッシュバック", "PayPayで{m}配布中",
        "ギフト券{m}分配ってます", "当選者には{m}お振込み", "条件なしで{m}もらえる",
    ]).replace("{m}", _money(rng)) + rng.choice([" ", "\n"]) + _contact(rng)


GENRES = (("sidejob", _sidejob, 0.24), ("dating", _dating, 0.18), ("phishing", _phishing, 0.18),
          ("adult", _adult, 0.1), ("flood", _flood, 0.08), ("hashtag", _hashtag_spam, 0.07),
          ("giveaway", _money_giveaway, 0.08), ("mamadm", None, 0.07))
