"""Synthetic Japanese training rows: spam of the common genres, abuse, and hard negatives.

There is no real labelled corpus of Japanese comment spam, so the project builds one: phrase templates
from the MIT-licensed lexicons (mamadm paid-dating DM phrases, lamrongol spam domains/hashtags,
MilterAgent brand names and their real domains) plus the project's own templates for side-job and
investment lures, dating lures that move to LINE, phishing naming a bank/card/delivery brand, adult-link
bait and copy-paste floods. Each row is varied in wording, spacing, emoji, line breaks and obfuscation
(zero-width characters, look-alikes, spaced letters, masks, full width). Hard negatives are ordinary
comments that mention money, LINE, links, brands, crime or death. Every row is marked synthetic and put
in the training split only. Deterministic for a given seed.

The mamadm phrases are split by a hash into a training part (used here) and a held-out part used by
`heldout_mamadm()` to build an evaluation set from phrases the generator never used.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

from model.data import TRAIN, Row
from moderation import lexicon_data as L

EMOJI = "😊😍💕✨🎉💰💴💵🔥👍🙏😘❤️💖🌸⭐🍀📱👉👇⚠️🆗🈁💎🎁😂🤣😭🥺"
KAOMOJI = ("(^^)", "(*^^*)", "(≧▽≦)", "(^_^)v", "(´;ω;`)", "♪", "☆", "★", "！！", "w", "ｗｗ", "笑")


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode("utf-8")).hexdigest()[:8], 16)


# --------------------------------------------------------------------------------------------
# mamadm phrases
# --------------------------------------------------------------------------------------------

def load_mamadm(data_dir: Path) -> dict[str, list[str]]:
    p = data_dir / "lexicons" / "mamadm-mamakatsu-dm-templates" / "templates.tsv"
    slots: dict[str, list[str]] = {}
    with p.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            slots.setdefault(r["slot"], []).append(r["template"] or "")
    return slots


def mamadm_split(slots: dict[str, list[str]], heldout: bool) -> dict[str, list[str]]:
    out = {}
    for slot, phrases in slots.items():
        keep = [p for p in phrases if (_h(p) % 10 < 3) == heldout]
        out[slot] = keep or phrases[:1]
    return out


_MAMA_ORDERS = (("GREETING", "PROPOSAL", "BENEFIT", "CONTACT"), ("GREETING", "INTRODUCTION", "PROPOSAL", "CONTACT"),
                ("GREETING", "INTRODUCTION", "PROPOSAL", "BENEFIT", "CONTACT"), ("PROPOSAL", "BENEFIT", "CONTACT"))


def _fill_mamadm(rng: random.Random, phrase: str) -> str:
    rep = {
        "{MAMA}": rng.choice(["ママ", "mama", "mama★", "MAMA", "パパ", "p"]),
        "{KATSU}": rng.choice(["活", "カツ", "かつ"]),
        "{BR}": rng.choice(["\n", " ", "", "。"]),
        "{AGE}": str(rng.randint(19, 45)),
        "{MONEY}": rng.choice(["10", "20", "30", "50", "100"]),
        "{LINE}": rng.choice(["LINE", "らいん", "ライン", "L I N E", "Ｌｉｎｅ"]),
    }
    for k, v in rep.items():
        phrase = phrase.replace(k, v)
    while "{EMOJI}" in phrase:
        phrase = phrase.replace("{EMOJI}", rng.choice(["", rng.choice(EMOJI)]), 1)
    return phrase.replace("{", "").replace("}", "")


def compose_mamadm(rng: random.Random, slots: dict[str, list[str]]) -> str:
    order = rng.choice(_MAMA_ORDERS)
    return "".join(_fill_mamadm(rng, rng.choice(slots[s])) for s in order if slots.get(s))


def heldout_mamadm(data_dir: Path, n: int = 300, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    slots = mamadm_split(load_mamadm(data_dir), heldout=True)
    return [compose_mamadm(rng, slots) for _ in range(n)]


# --------------------------------------------------------------------------------------------
# slot fillers
# --------------------------------------------------------------------------------------------

MAIN_BRANDS = {  # brand as written -> its real domain (fallback when a lexicon rule is not picked)
    "三菱UFJ銀行": "bk.mufg.jp", "三井住友銀行": "smbc.co.jp", "みずほ銀行": "mizuhobank.co.jp",
    "ゆうちょ銀行": "jp-bank.japanpost.jp", "楽天カード": "rakuten-card.co.jp", "楽天銀行": "rakuten-bank.co.jp",
    "三井住友カード": "smbc-card.com", "JCB": "jcb.co.jp", "イオンカード": "aeon.co.jp", "エポスカード": "eposcard.co.jp",
    "PayPay": "paypay.ne.jp", "ヤマト運輸": "kuronekoyamato.co.jp", "佐川急便": "sagawa-exp.co.jp",
    "日本郵便": "post.japanpost.jp", "Amazon": "amazon.co.jp", "アマゾン": "amazon.co.jp", "国税庁": "nta.go.jp",
    "えきねっと": "eki-net.com", "ETC利用照会サービス": "etc-meisai.jp", "NTTドコモ": "docomo.ne.jp",
    "au": "au.com", "ソフトバンク": "softbank.jp", "メルカリ": "mercari.com", "セゾンカード": "saisoncard.co.jp",
    "Apple": "apple.com", "マイナポータル": "myna.go.jp", "東京電力": "tepco.co.jp",
}
FAKE_TLDS = ("xyz", "top", "com", "net", "cn", "shop", "site", "info", "icu", "online", "jp.net", "co", "club")
SAFE_NEWS = ("www.nhk.or.jp", "news.yahoo.co.jp", "www.asahi.com", "www.yomiuri.co.jp", "mainichi.jp",
             "www.nikkei.com", "www3.nhk.or.jp", "www.jiji.com", "www.kantei.go.jp", "ja.wikipedia.org")


def _rand_id(rng: random.Random, lo: int = 4, hi: int = 12) -> str:
    chars = "abcdefghijkmnopqrstuvwxyz0123456789"
    s = "".join(rng.choice(chars) for _ in range(rng.randint(lo, hi)))
    return rng.choice(["", "", "@"]) + s + rng.choice(["", "", "_", "0" + str(rng.randint(1, 9))])


def _fake_domain(rng: random.Random, brand_hint: str = "") -> str:
    words = ["secure", "login", "account", "verify", "support", "info", "jp", "update", "member", "check", "pay",
             "mypage", "auth", "service", "center"]
    base = brand_hint or rng.choice(["mufg", "smbc", "rakuten", "amazon", "yamato", "sagawa", "jppost", "aeon",
                                     "paypay", "eki-net", "nta", "docomo", "epos", "jcb", "saison", "apple"])
    parts = [base, rng.choice(words)]
    rng.shuffle(parts)
    sep = rng.choice(["-", "", "."])
    return sep.join(parts) + rng.choice(["", str(rng.randint(1, 99))]) + "." + rng.choice(FAKE_TLDS)


def _spam_url(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3 and L.SPAM_DOMAINS:
        dom = rng.choice([d for d in L.SPAM_DOMAINS if "." in d])
    elif kind < 0.5:
        dom = rng.choice(L.SHORTENERS or ("bit.ly",))
    else:
        dom = _rand_id(rng, 4, 10).lstrip("@") + rng.choice(["", "-", "."]) + rng.choice(
            ["fuku", "money", "lucky", "app", "club", "love", "meet", "av", "douga", "kasegu", "cash"]) + "." + rng.choice(
            FAKE_TLDS)
    path = rng.choice(["", "/", "/" + _rand_id(rng, 3, 8).lstrip("@"), "/?id=" + str(rng.randint(100, 99999))])
    scheme = rng.choice(["https://", "http://", "", "https://", "hxxps://"])
    return scheme + dom + path


def _money(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(3, 200)}万円", f"{rng.randint(1, 99)}万", f"{rng.randint(5, 90) * 1000:,}円",
                       f"{rng.randint(10, 500)}万以上", f"日給{rng.randint(1, 9)}万", f"月{rng.randint(20, 300)}万",
                       f"{rng.randint(1, 9)}億", f"¥{rng.randint(10, 999) * 1000:,}"])


def _emoji(rng: random.Random, k: int | None = None) -> str:
    k = rng.choice([0, 0, 1, 1, 2, 3]) if k is None else k
    return "".join(rng.choice(EMOJI) for _ in range(k))


def _contact(rng: random.Random) -> str:
    lid = _rand_id(rng)
    return rng.choice([
        f"LINE追加してね→{lid}", f"ID:{lid}", f"LINE ID: {lid}", f"らいん→ {lid}", "詳細はプロフ見てください",
        "プロフのURLから", "気軽にDMください", "固ツイから連絡してね", f"LINEで詳しく教えます {lid}",
        f"友だち追加はこちら https://line.me/ti/p/{lid.lstrip('@')}", f"ラインID→{lid}", f"カカオID {lid}",
        "詳しくはプロフィールのリンクへ", f"まずはLINE登録 {_spam_url(rng)}", f"詳細は{_spam_url(rng)}",
        f"@{lid.lstrip('@')}までDM", "興味ある人はﾌﾟﾛﾌ見て", f"テレグラム {lid}", f"連絡待ってます{_emoji(rng, 1)}",
        f"インスタのDMで {lid}", f"☎ 090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
        f"メール {lid.lstrip('@')}@{rng.choice(['gmail.com', 'yahoo.co.jp', 'outlook.jp', 'icloud.com'])}",
    ])


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


# --------------------------------------------------------------------------------------------
# obfuscation
# --------------------------------------------------------------------------------------------

_ZW = ("\u200b", "\u200c", "\u200d", "\u2060", "\u2061", "\ufeff", "\ufe0f")
_LOOK = {"エ": "工", "ロ": "口", "カ": "力", "タ": "夕", "ト": "卜", "ニ": "二", "ハ": "八", "a": "а", "o": "о",
         "e": "е", "c": "с", "p": "р", "i": "і", "x": "х", "y": "у"}
_MASKS = "○●■×＊"


def _to_fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


_HALF = dict(zip("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー",
                 "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ", strict=True))


def obfuscate(rng: random.Random, s: str, strength: float = 0.5) -> str:
    ops = []
    if rng.random() < strength * 0.5:
        ops.append("zw")
    if rng.random() < strength * 0.4:
        ops.append("look")
    if rng.random() < strength * 0.3:
        ops.append("space")
    if rng.random() < strength * 0.25:
        ops.append("full")
    if rng.random() < strength * 0.2:
        ops.append("half")
    if rng.random() < strength * 0.2:
        ops.append("mask")
    if rng.random() < strength * 0.3:
        ops.append("stretch")
    for op in ops:
        if op == "zw":
            z = rng.choice(_ZW)
            s = "".join(c + (z if rng.random() < 0.25 else "") for c in s)
        elif op == "look":
            s = "".join(_LOOK[c] if c in _LOOK and rng.random() < 0.6 else c for c in s)
        elif op == "space":
            a = rng.randrange(max(1, len(s) - 6))
            sep = rng.choice([" ", ".", "・", "　", "*"])
            s = s[:a] + sep.join(s[a:a + rng.randint(3, 8)]) + s[a + 8:]
        elif op == "full":
            s = _to_fullwidth(s)
        elif op == "half":
            s = "".join(_HALF.get(c, c) for c in s)
        elif op == "mask":
            idx = [i for i, c in enumerate(s) if "\u3040" <= c <= "\u9fff"]
            if idx:
                i = rng.choice(idx)
                s = s[:i] + rng.choice(_MASKS) + s[i + 1:]
        elif op == "stretch":
            s = s + rng.choice(["！！！！", "ーーー", "ｗｗｗｗ", "www", "♪♪♪", "!!!!!"])
    return s


# --------------------------------------------------------------------------------------------
# abuse (project's own templates around the MIT lexicon words) and hard negatives
# --------------------------------------------------------------------------------------------

_TARGETS = ("お前", "こいつ", "あいつ", "この記者", "この政治家", "コメ主", "お前ら", "こいつら", "この首相", "あんた",
            "この犯人", "この女", "このおっさん", "この芸能人", "テレビ局", "お前みたいな奴", "投稿者", "上の人",
            "こんな奴", "マスゴミ", "野党", "与党の連中")
_INSULTS = ("バカ", "アホ", "クズ", "カス", "ゴミ", "無能", "低能", "キチガイ", "ガイジ", "池沼", "老害", "ブス",
            "デブ", "ハゲ", "クソ野郎", "ゴミクズ", "売国奴", "寄生虫", "ゴキブリ", "知恵遅れ", "犯罪者予備軍",
            "社会のゴミ", "生きる価値なし", "人間のクズ", "害悪", "税金泥棒", "頭おかしい", "脳みそ空っぽ", "雑魚",
            "負け犬", "底辺", "恥さらし", "役立たず", "能無し", "ボケ", "間抜け", "チョン", "土人", "非国民")
_ABUSE_TPL = (
    "{t}は{i}", "{t}って本当に{i}だな", "{t}みたいな{i}は消えろ", "{i}すぎて草", "{t}、{i}かよ", "{t}は{i}。死ね",
    "{i}は黙ってろ", "{t}の顔が{i}", "まじで{i}", "{t}は日本から出ていけ", "{t}ぶっ殺すぞ", "{t}を殺してやりたい",
    "{t}は早く死ねばいいのに", "{t}消えてくれ{i}", "{i}しかいない", "{t}なんか{i}に決まってる", "{t}は{i}以下",
    "こんな{i}が{t}なんて世も末", "{t}は氏ね", "{t}しね", "{t}ころすぞ", "{t}の家族ごと晒してやる", "{t}はさっさとくたばれ",
    "{t}の頭は{i}", "{i}が偉そうに語るな", "{t}は生きてる価値ない", "{t}、お前の存在が{i}",
    "二度と書き込むな{i}", "{t}は{i}だから話しても無駄", "{t}きもい", "{t}うざい", "黙れ{i}", "失せろ{i}",
)


_GROUPS = ("在日", "韓国人", "中国人", "朝鮮人", "外国人", "移民", "部落", "障害者", "生活保護受給者", "女", "男", "ゲイ",
           "老人", "若者", "左翼", "右翼", "ネトウヨ", "パヨク", "信者", "公務員")
_HATE_TPL = (
    "{g}は日本から出ていけ", "{g}は皆犯罪者", "{g}なんて生きてる価値ない", "{g}は害虫", "{g}は駆除すべき",
    "{g}は国に帰れ", "{g}は全員{i}", "{g}を叩き出せ", "{g}が日本を汚している", "{g}には人権なんていらない",
    "{g}は頭が悪い民族", "{g}はゴキブリと同じ", "{g}を許すな、殺せ", "{g}は本当に気持ち悪い",
)
_PEOPLE = ("あの店長", "○○の社長", "隣の奥さん", "担任の先生", "あの医者", "この弁護士", "元彼", "こいつ", "例の議員",
           "あのユーチューバー", "店主", "主任のＡ", "うちの課長", "あの女", "同級生のＫ")
_DEFAME_TPL = (
    "{p}は詐欺師だから気をつけろ", "{p}は前科持ちらしい", "{p}は不倫してる最低な人間", "{p}は横領してる犯罪者",
    "{p}は客の金を盗んでる", "{p}はヤクザとつながってる", "{p}は薬物やってるって噂", "{p}は嘘つきの{i}",
    "{p}の住所晒すわ", "{p}は性格が腐ってる", "{p}の店は最悪、{i}しかいない", "{p}は頭がおかしいから近づくな",
    "{p}は生徒に手を出してる変態", "{p}は人間のクズ、みんな無視しろ", "{p}に天罰が下りますように",
)


def _abuse_more(rng: random.Random) -> str:
    ins = rng.choice(_INSULTS)
    if rng.random() < 0.5:
        s = rng.choice(_HATE_TPL).replace("{g}", rng.choice(_GROUPS))
    else:
        s = rng.choice(_DEFAME_TPL).replace("{p}", rng.choice(_PEOPLE))
    return s.replace("{i}", ins) + rng.choice(["", "", "w", "！", "。", "な", "よ"])


_NEUTRAL_GROUPS = (
    "{g}の観光客が増えているそうです", "{g}の参政権について議論が続いている", "{g}への差別はなくすべきだと思う",
    "{g}の友人と食事に行きました", "{g}向けの支援制度が拡充されるらしい", "{g}の方々の意見も聞いてほしい",
    "統計では{g}の割合は少しずつ増えている", "{g}に関する報道はもっと公平であってほしい",
)


def _neutral_group(rng: random.Random) -> str:
    return rng.choice(_NEUTRAL_GROUPS).replace("{g}", rng.choice(_GROUPS))


_SHORT_TPL = ("{i}", "{i}じゃん", "いや{i}だろ", "{i}で草", "{i}かよ", "{i}やん", "ただの{i}", "{i}すぎ", "{i}だな",
              "{i}は黙れ", "ほんと{i}", "{i}しかおらん", "{t}{i}", "{i}ども", "{i}が湧いてる", "{i}確定")


def _abuse(rng: random.Random) -> str:
    ins = list(_INSULTS) + [w for w in L.OFFENSIVE_JA if len(w) >= 2]
    tpl = rng.choice(_SHORT_TPL) if rng.random() < 0.3 else rng.choice(_ABUSE_TPL)
    s = tpl.replace("{t}", rng.choice(_TARGETS)).replace("{i}", rng.choice(ins))
    return s + rng.choice(["", "", "w", "ｗｗｗ", "！", "。", "な", "よ", "💢", "(笑)"])


_TOPICS = ("増税", "物価高", "年金", "円安", "少子化", "選挙", "外交", "防衛費", "地震", "台風", "五輪", "大谷選手",
           "日銀", "株価", "賃上げ", "最低賃金", "介護", "医療費", "教育無償化", "インバウンド", "米価", "ガソリン代",
           "電気代", "万博", "新幹線", "コロナ", "働き方改革", "副業解禁", "NISA", "iDeCo", "ふるさと納税", "住宅ローン")
_HARD_NEG = (
    "{topic}のニュース、もう少し丁寧に説明してほしい", "{topic}については賛否両論あるけど、冷静に議論すべき",
    "記事によると{topic}の影響は来年まで続くらしい", "うちの会社は副業禁止だから関係ないな", "副業解禁の流れは良いと思う",
    "投資は自己責任だから、よく調べてからにしたほうがいい", "NISAを始めたけど、まだ含み損です", "月収{m}でも生活は苦しい",
    "{m}の給付金って本当に必要なのかな", "年収{m}の壁の議論、早く決着してほしい", "LINEで家族に記事を共有しました",
    "LINEの株価が下がってるみたい", "LINEヤフーの情報漏えいは問題だと思う", "LINEで連絡が来たら詐欺を疑ったほうがいい",
    "詐欺のLINEが来たので警察に相談しました", "「副業で稼げる」みたいな詐欺に気をつけて", "三菱UFJ銀行の金利引き上げ、預金者には朗報",
    "ゆうちょ銀行のATMが混んでた", "ヤマト運輸の配達員さん、いつもありがとうございます", "佐川急便を装った詐欺メールに注意",
    "Amazonで買った商品が届かない話、よく聞くね", "楽天カードのポイント改悪が残念", "PayPayの還元キャンペーンは助かる",
    "国税庁の発表によると、税収は過去最高らしい", "詳しくは公式サイト https://{safe}/ を見てください", "元記事 https://{safe}/news/",
    "ソースはこちら {safe} の記事です", "{safe} にも同じニュースが出てた", "電話番号はホームページに載っています",
    "昔は電話で予約してたのに、今はネットだけ", "事故で亡くなった方のご冥福をお祈りします", "殺人事件の犯人が逮捕されてよかった",
    "容疑者は殺人未遂の疑いで逮捕されたそうです", "死亡事故が多い交差点だから対策が必要", "ドラマの犯人役がすごく良かった",
    "「死ね」なんて書き込む人は通報されるべき", "バカな政策だと思うけど、代案も出してほしい", "この判決はおかしいと思う",
    "今日の試合、最後まで見てよかった！", "ｗｗｗ確かにそれは笑った", "めっちゃ面白いｗｗｗｗ", "最高！！！！",
    "お疲れさまです😊", "エロ本を子供の目に触れないようにする規制の話", "出会い系アプリの規制強化のニュース",
    "マッチングアプリで結婚した友達がいます", "パパ活の摘発が増えているそうだ", "宝くじで{m}当たったらいいな",
    "ポイント還元に釣られて買いすぎた", "限定商品は先着順で、すぐ売り切れた", "今すぐにでも対策してほしい",
    "プロフィールの書き方で悩んでいます", "詳しくは記事本文を読んでください", "id:{id}さんのブログが参考になった",
    "東京ー大阪間の新幹線が止まってた", "お金の話ばかりでうんざり", "現金派だけどキャッシュレスにも慣れた",
    "当選番号の確認をお忘れなく", "本人確認書類の提出が面倒", "アカウントが凍結された人の話、怖いな",
    "LINE追加とかプロフ見てって書き込み、業者だよね", "URLを貼るのは業者ばかり", "怪しいURLは踏まないように",
    # product reviews and SNS posts that mention prices, shops, delivery and brands
    "{brand}で買いました。{m}でこの品質なら満足です", "配送が早くて助かりました。梱包も丁寧でした", "星4つ。値段の割に使いやすい",
    "セールで{m}になってたので即購入しました！", "届いたらすぐに使えました。リピートします", "店員さんの対応が最高でした😊",
    "ランチ{m}でコスパ良すぎ", "{brand}のアプリが使いにくくなった気がする", "ポイント10倍の日にまとめ買いしました",
    "新作のスイーツ美味しかった〜！また行きたい", "今日のコーデ、全部プチプラです♪", "推しのライブ最高すぎた😭✨",
    "カメラ買い替えました。画質が全然違う", "返品対応もスムーズで安心して買えるお店", "送料無料ラインまであと少し",
    "子どもが喜んでくれたので買ってよかったです", "値上げ前に買えてラッキー", "クーポン使って{m}引きになった",
    "友達とLINEで旅行の計画立て中", "詳細はお店の公式サイトで確認してね", "営業時間は10時から20時です",
)


_OFFICIAL_TPL = ("{b}の公式サイト https://www.{d}/ で確認できます", "{b}からのお知らせは https://www.{d}/ に載っています",
                 "再配達は{b}の公式 {d} から頼めました", "{b}の障害情報→ https://{d}/ 早く復旧してほしい",
                 "{b}を名乗る偽メールに注意。本物は {d} のドメインです")


def _hard_negative(rng: random.Random) -> str:
    if rng.random() < 0.08:
        b, d = rng.choice(list(MAIN_BRANDS.items()))
        return rng.choice(_OFFICIAL_TPL).replace("{b}", b).replace("{d}", d)
    s = rng.choice(_HARD_NEG)
    s = s.replace("{brand}", rng.choice(list(MAIN_BRANDS))).replace("{topic}", rng.choice(_TOPICS)).replace(
        "{m}", rng.choice([_money(rng), f"{rng.randint(1, 99) * 100}円", f"{rng.randint(1, 50)}%"])).replace(
        "{safe}", rng.choice(SAFE_NEWS)).replace("{id}", _rand_id(rng).lstrip("@"))
    if rng.random() < 0.3:
        s += rng.choice(["。", "！", "ね", "よ", "w", "😊", "(笑)", "…", "！！！！", "ｗｗｗ"])
    return s


def generate(data_dir: Path, n_spam: int = 9000, n_abuse: int = 3500, n_hard: int = 7000,
             seed: int = 20261126) -> list[Row]:
    rng = random.Random(seed)
    slots = mamadm_split(load_mamadm(data_dir), heldout=False)
    rows: list[Row] = []
    names = [g[0] for g in GENRES]
    weights = [g[2] for g in GENRES]
    fns = {g[0]: g[1] for g in GENRES}
    for i in range(n_spam):
        genre = rng.choices(names, weights)[0]
        text = compose_mamadm(rng, slots) if genre == "mamadm" else fns[genre](rng)
        text = obfuscate(rng, text, strength=rng.choice([0.0, 0.3, 0.6, 1.0]))
        rows.append(Row(text, 1, 0, f"synth-spam-{genre}", "ja", f"synth:s{i}", TRAIN, True))
    for i in range(n_abuse):
        base = _abuse(rng) if rng.random() < 0.65 else _abuse_more(rng)
        text = obfuscate(rng, base, strength=rng.choice([0.0, 0.0, 0.4, 0.8]))
        rows.append(Row(text, 0, 1, "synth-abuse", "ja", f"synth:a{i}", TRAIN, True))
    for i in range(n_hard):
        base = _hard_negative(rng) if rng.random() < 0.88 else _neutral_group(rng)
        text = obfuscate(rng, base, strength=rng.choice([0.0, 0.0, 0.0, 0.3]))
        rows.append(Row(text, 0, 0, "synth-hard-negative", "ja", f"synth:h{i}", TRAIN, True))
    return rows
