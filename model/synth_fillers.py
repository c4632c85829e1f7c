"""Slot fillers the synthetic spam shares: emoji, brands and fake domains, spam URLs, money and contacts."""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

import hashlib
import random

from moderation import lexicon_data as L

EMOJI = "😊😍💕✨🎉💰💴💵🔥👍🙏😘❤️💖🌸⭐🍀📱👉👇⚠️🆗🈁💎🎁😂🤣😭🥺"
KAOMOJI = ("(^^)", "(*^^*)", "(≧▽≦)", "(^_^)v", "(´;ω;`)", "♪", "☆", "★", "！！", "w", "ｗｗ", "笑")


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode("utf-8")).hexdigest()[:8], 16)


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
