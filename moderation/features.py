"""Spam and abuse signals beyond words, as a scikit-learn transformer.

`SignalFeatures` turns raw comments into a small dense block of bounded numeric features (URLs and
their domains, brand named next to a foreign domain, LINE IDs and contact hand-offs, phones, e-mail,
money and urgency phrases, emoji density, repetition, invisible characters and other obfuscation,
lexicon hits). The word/domain lists come from `moderation.lexicon_data` (generated from MIT-licensed
lexicons), so nothing is read from disk at run time. `signal_spans()` gives the matching spans in the
ORIGINAL text for explanations.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from moderation import lexicon_data as L
from moderation.text import Normalized, normalize

__all__ = ["FEATURE_NAMES", "SignalFeatures", "compute_signals", "signal_spans"]


def _trie_regex(words) -> str:
    """A compact regex alternation (prefix trie) for many literal words; longest match first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


class _Lexicon:
    """Literal words found left to right, longest first, without overlaps.

    Words with a non-ASCII character and pure ASCII words are two regexes (the ASCII one runs only when
    the text has a character that can start one); ASCII words count only at Latin word boundaries and
    never inside a match of the other kind."""

    def __init__(self, words, latin_boundaries: bool = True):
        words = sorted({w for w in words if w})
        ja = [w for w in words if not w.isascii()]
        en = [w for w in words if w.isascii()]
        self.ja = re.compile(_trie_regex(ja)) if ja else None
        self.en = re.compile(_trie_regex(en)) if en else None
        self.en_start = re.compile("[" + re.escape("".join(sorted({w[0] for w in en}))) + "]") if en else None
        self.latin_boundaries = latin_boundaries

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every match, in text order."""
        out = [(m.start(), m.end(), m.group(0)) for m in self.ja.finditer(text)] if self.ja is not None else []
        if self.en is None or not self.en_start.search(text):
            return out
        n = len(text)
        en = []
        for m in self.en.finditer(text):
            a, b = m.span()
            if self.latin_boundaries and (
                    (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum())
                    or (b < n and text[b].isascii() and text[b].isalnum())):
                continue
            if any(c < b and a < d for c, d, _w in out):
                continue
            en.append((a, b, m.group(0)))
        return sorted(out + en) if out and en else (en or out)


def _lexicon(words, latin_boundaries: bool = True) -> _Lexicon:
    return _Lexicon(words, latin_boundaries)


# --- hand-written phrase lists (project's own) -------------------------------------------------
THREATS = ("死ね", "死んで", "殺す", "殺してやる", "ぶっ殺", "ぶち殺", "殺されろ", "消えろ", "消えて", "氏んで",
           "くたばれ", "首吊", "しばくぞ", "しばいたろ", "晒す", "晒してやる", "潰す", "燃やす", "刺す",
           "kill you", "kill yourself", "kys", "die", "hang yourself", "shoot you")
INSULTS_JA = ("きもい", "うざい", "くそ", "ばか", "あほ", "ごみ", "くず", "カス", "クズ", "ゴミ", "馬鹿", "阿呆",
              "低能", "無能", "知恵遅れ", "害悪", "売国奴", "売国", "チョン", "シナ", "ブサイク",
              "ブス", "デブ", "ハゲ", "きちがい", "がいじ", "ガイジ", "池沼", "ゴキブリ", "寄生虫", "老害",
              "ジジイ", "ババア", "クソ", "くそ野郎", "野郎", "頭おかしい", "頭悪い", "脳みそ", "恥を知れ", "ざまあ",
              "ざまぁ", "黙れ",
              "消えろ", "失せろ", "出ていけ", "出て行け", "キモ", "気持ち悪い", "変態", "犯罪者", "詐欺師",
              "嘘つき", "パクリ", "ks", "雑魚", "ザコ", "負け犬", "底辺", "税金泥棒", "非国民", "屑",
              "糞", "畜生", "ちくしょう", "アホ", "バカ", "マヌケ", "間抜け", "ボケ", "能無し", "役立たず",
              "ぶっ殺", "死ね", "殺す", "くたばれ")
MONEY = ("副業", "在宅", "在宅ワーク", "稼げ", "稼ぐ", "稼い", "儲か", "儲け", "不労所得", "日給", "日収", "月収",
         "月給", "年収", "万円", "万以上", "高収入", "高額", "報酬", "配当", "利回り", "元本保証", "投資",
         "仮想通貨", "暗号資産", "ビットコイン", "fx", "バイナリー", "先物", "株で", "お小遣い", "おこづかい",
         "謝礼", "お礼", "支援", "プレゼント", "無料", "タダ", "現金", "キャッシュバック", "ギフト券", "ギフトカード",
         "当選", "当たり", "賞金", "受け取り", "口座", "振込", "振り込み", "入金", "出金", "手数料",
         "free", "cash", "prize", "win", "winner", "won", "money", "£", "$", "€", "credit", "loan", "reward",
         "bonus", "earn", "income", "bitcoin", "crypto", "investment", "claim", "gift card")
URGENCY = ("今すぐ", "いますぐ", "今だけ", "限定", "先着", "急いで", "本日中", "至急", "残りわずか", "残り",
           "期限", "期間限定", "緊急", "重要", "確認してください", "ご確認", "停止", "凍結", "ロック",
           "不正利用", "不正アクセス", "本人確認", "更新してください", "手続き", "早い者勝ち", "見逃し",
           "ラストチャンス", "締め切り", "24時間以内", "urgent", "now", "immediately", "limited", "expire",
           "act now", "verify", "suspended", "final notice", "last chance", "today only")
HANDOFF = ("line追加", "line交換", "lineで", "lineに", "lineid", "line id", "lineのid", "友だち追加", "友達追加",
           "追加して", "追加してね", "追加お願い", "プロフ見", "ぷろふ見", "プロフィール見", "プロフのurl",
           "プロフから",
           "プロフに", "固ツイ", "固定ツイ", "dmください", "dmして", "dmで", "dm待って", "dmお待ち", "dmお願い",
           "連絡ください", "連絡待って", "連絡してね", "気軽に連絡", "お気軽に", "詳細は", "詳しくは", "リンクから",
           "リンク先", "こちらから", "下記", "url", "カカオ", "kakao", "telegram", "テレグラム", "インスタ",
           "check out my", "subscribe", "visit my", "click here", "text", "call", "reply", "txt", "whatsapp")
DATING = ("出会い", "出会", "パパ活", "ママ活", "まま活", "p活", "割り切り", "割切", "セフレ", "大人の関係",
          "会える", "会いたい", "会いませんか", "募集中", "男性募集", "女性募集", "相手をするだけ", "仲介",
          "エッチ", "えっち", "えろ", "エロ", "無修正", "動画あげ", "どうがあげ", "どうがある", "再生リスト",
          "人妻", "即会い", "即ハメ", "ホ別", "ゴム", "オフパコ", "裏垢", "相互", "フォロバ", "sex", "dating",
          "hot singles", "adult", "サポ", "サポート募集", "お手当", "円光", "援交", "援助", "大人の", "定期",
          "顔合わせ", "ご飯だけ", "お茶だけ", "条件", "優良", "太パパ", "p活")

# project's own additions: public-sector / academic suffixes and well-known news and reference sites
SAFE_SUFFIXES = (".go.jp", ".lg.jp", ".ac.jp", ".ed.jp", ".gov", ".gov.uk", ".edu")
SAFE_DOMAINS_OWN = ("nhk.or.jp", "nhk.jp", "yahoo.co.jp", "asahi.com", "yomiuri.co.jp", "mainichi.jp", "nikkei.com",
                    "sankei.com", "jiji.com", "kyodonews.jp", "tokyo-np.co.jp", "wikipedia.org", "bbc.co.uk",
                    "nytimes.com", "reuters.com", "apnews.com", "youtube.com", "twitter.com", "x.com")
INSULTS_EN = ("idiot", "idiots", "stupid", "moron", "morons", "dumb", "dumbass", "loser", "losers", "scum", "pathetic",
              "shut up", "retard", "retarded", "imbecile", "trash", "garbage", "clown", "hypocrite", "liar", "traitor",
              "coward", "disgusting", "ignorant", "fool", "fools", "jerk", "bastard", "bitch", "asshole", "shit",
              "fuck", "fucking", "fucked", "crap", "suck", "sucks", "hate you", "go to hell", "piece of shit",
              "get lost", "nobody cares", "brainless", "worthless", "vile", "filth", "subhuman", "animals", "vermin",
              "die", "kill yourself", "you people", "go back to")
SECOND_PERSON = ("お前", "おまえ", "てめえ", "てめー", "テメエ", "テメー", "貴様", "きさま", "あんた", "you", "ur", "u")
_BRAND_OF: dict[str, list[int]] = {}
for _i, (_name, _lits, _doms) in enumerate(L.BRAND_RULES):
    for _lit in _lits:
        _BRAND_OF.setdefault(_lit.replace("\\b", ""), []).append(_i)
_BRAND_DOMAINS = tuple(doms for _name, _lits, doms in L.BRAND_RULES)
_GENERIC_LABELS = frozenset({"card", "bank", "mail", "info", "online", "japan", "mobile", "group", "net", "web", "shop",
                             "service", "official", "secure", "login", "center", "global", "store", "www", "news",
                             "point", "corp", "home", "life", "auth", "pay", "exp", "finance", "direct", "club",
                             "digital", "central", "click", "courts", "expy", "anser", "court", "smart", "east",
                             "west", "north", "south", "plus", "first", "next", "nippon"})
# project's own: often-impersonated brands missing from the rule lists, name part -> official domains
BRAND_DOMAINS_OWN = {
    "sagawa": ("sagawa-exp.co.jp",), "kuroneko": ("kuronekoyamato.co.jp",), "yamato": ("kuronekoyamato.co.jp",
                                                                                         "yamato-hd.co.jp"),
    "japanpost": ("japanpost.jp",), "jppost": ("japanpost.jp",), "yucho": ("jp-bank.japanpost.jp",),
    "amzn": ("amazon.co.jp", "amazon.com", "amzn.to", "amzn.asia"), "amazon": ("amazon.co.jp", "amazon.com"),
    "paypay": ("paypay.ne.jp", "paypay-card.co.jp", "paypay-bank.co.jp"), "mercari": ("mercari.com",),
    "rakuten": ("rakuten.co.jp", "rakuten-card.co.jp", "rakuten-bank.co.jp", "rakuten.com", "r10.to"),
    "mufg": ("mufg.jp",), "smbc": ("smbc.co.jp", "smbc-card.com"), "mizuho": ("mizuhobank.co.jp", "mizuho-fg.co.jp"),
    "aeon": ("aeon.co.jp", "aeonbank.co.jp"), "saison": ("saisoncard.co.jp",), "docomo": ("docomo.ne.jp",),
    "softbank": ("softbank.jp", "softbank.co.jp"), "etax": ("e-tax.nta.go.jp",), "mynumber": ("myna.go.jp",),
    "eki-net": ("eki-net.com",), "ekinet": ("eki-net.com",), "apple": ("apple.com", "icloud.com"),
    "line": ("line.me", "line.naver.jp", "lin.ee", "linecorp.com", "line-apps.com"),
}


def _brand_labels() -> dict[str, tuple[str, ...]]:
    """Distinctive name parts of brands' official domains ('sagawa' of sagawa-exp.co.jp) -> those domains."""
    out: dict[str, set[str]] = {}
    for doms in _BRAND_DOMAINS:
        for d in doms:
            name = re.sub(r"\.(co|or|ne|ac|go|gr)?\.?(jp|com|net|org|info)$", "", d).split(".")[-1]
            for part in re.split(r"[-_]", name):
                if len(part) >= 4 and part not in _GENERIC_LABELS and part.isascii():
                    out.setdefault(part, set()).update(doms)
    for part, doms in BRAND_DOMAINS_OWN.items():
        if part != "line":  # too common inside other words (online, airline); LINE is covered by contact signals
            out.setdefault(part, set()).update(doms)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_BRAND_LABELS = _brand_labels()
_BRAND_LABEL_RX = re.compile("|".join(sorted(map(re.escape, _BRAND_LABELS), key=len, reverse=True)) or r"(?!x)x")


@lru_cache(maxsize=4096)
def _imitates_brand(domain: str) -> bool:
    """The domain carries a brand's name (mufg-secure.top) but is not one of that brand's domains."""
    for m in _BRAND_LABEL_RX.finditer(domain):
        if not _domain_in(domain, _BRAND_LABELS[m.group(0)]):
            return True
    return False

# one pass over the text for every word list: word -> the categories of every listed word inside it
_LEXICONS = {
    "abuse_lexicon": tuple(L.OFFENSIVE_JA) + INSULTS_JA + INSULTS_EN,
    "sexual_lexicon": tuple(L.SEXUAL_JA),
    "profanity_en": tuple(L.PROFANITY_EN),
    "threat": THREATS,
    "money_phrase": MONEY,
    "urgency_phrase": URGENCY,
    "contact_handoff": HANDOFF,
    "dating_lure": tuple(L.SPAM_HASHTAGS) + DATING,
    "second_person": SECOND_PERSON,
    "brand_mention": tuple(_BRAND_OF),
}


def _word_categories() -> dict[str, tuple[str, ...]]:
    own: dict[str, set[str]] = {}
    for cat, words in _LEXICONS.items():
        for w in words:
            if w:
                own.setdefault(w, set()).add(cat)
    out = {}
    for w in own:
        cats = set()
        for i in range(len(w)):
            for j in range(i + 1, len(w) + 1):
                sub = w[i:j]
                bounded = (i == 0 or not (w[i - 1].isascii() and w[i - 1].isalnum())) and (
                    j == len(w) or not (w[j].isascii() and w[j].isalnum()))
                if sub in own and (sub == w or not sub.isascii() or bounded):
                    cats |= own[sub]
        out[w] = tuple(sorted(cats))
    return out


_WORD_CATS = _word_categories()
_ALL_WORDS = _Lexicon(tuple(_WORD_CATS))

_URL = re.compile(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"'、。「」]+|(?<![a-z0-9@.\-])(?:[a-z0-9-]+\.)+"
    r"(?:com|net|org|jp|info|biz|me|io|ly|to|gl|co|xyz|top|site|club|shop|online|link|app|cc|tk|ml|ru|cn|us)"
    r"(?:/[^\s<>\"'、。「」]*)?(?![a-z0-9])")
_EMAIL = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}")
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4}|\+?\d{1,3}[-\s]?\d{2,4}[-\s]?\d{3,4}[-\s]?\d{3,4}"
                    r"|0[5789]0\d{8}|\d{5,})(?!\d)")
_LINE_ID = re.compile(r"(?:line|らいん|ライン)\s*(?:id)?\s*[:：=＝は]?\s*[@＠]?[a-z0-9._\-]{4,20}"
                      r"|(?:^|[\s(（])[@＠][a-z0-9._\-]{4,20}"
                      r"|line\.me/|lin\.ee/|(?<![a-z])id\s*[:：]\s*[a-z0-9._\-]{4,20}")
_MONEY_AMOUNT = re.compile(r"\d[\d,]*\s*(?:万|億|千)?\s*円|[¥￥$£€]\s*\d|\d+\s*万(?:以上|稼|円|/月|/日)?")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u3297\u3299\u303D\u00A9\u00AE\u2122]")
_HASHTAG = re.compile(r"[#＃][^\s#＃]+")

FEATURE_NAMES = (
    "url_count", "url_spam_domain", "url_shortener", "url_safe_domain", "url_unknown_domain",
    "brand_mention", "brand_foreign_domain", "line_id", "contact_handoff", "phone", "email",
    "money_phrase", "money_amount", "urgency_phrase", "emoji_density", "emoji_count", "repetition",
    "invisible_chars", "lookalike_chars", "masked_words", "spaced_letters", "abuse_lexicon", "sexual_lexicon",
    "profanity_en", "threat", "dating_lure", "second_person", "length", "latin_ratio", "digit_ratio",
    "exclaim", "hashtags", "has_japanese", "brand_lookalike_domain",
)
_IDX = {n: i for i, n in enumerate(FEATURE_NAMES)}
assert _IDX["brand_lookalike_domain"] == 33


def _domain(url: str) -> str:
    u = re.sub(r"^(?:https?|hxxps?)://", "", url)
    return u.split("/")[0].split("?")[0].split(":")[0].strip(".")


def _domain_in(domain: str, lst) -> bool:
    return any(domain == d or domain.endswith("." + d) or (("/" in d) and d in domain) for d in lst)


@lru_cache(maxsize=4096)
def _classify_domain(domain: str) -> str:
    if _domain_in(domain, L.SHORTENERS):
        return "short"
    if _domain_in(domain, L.SPAM_DOMAINS) or any(d in domain for d in L.SPAM_DOMAINS if "." in d and len(d) > 6):
        return "spam"
    if _domain_in(domain, L.SAFE_DOMAINS) or _domain_in(domain, SAFE_DOMAINS_OWN) or domain.endswith(SAFE_SUFFIXES):
        return "safe"
    return "unknown"


def _count(p: re.Pattern[str], s: str) -> int:
    return sum(1 for _ in p.finditer(s))


def _sat(x: float, cap: float = 4.0) -> float:
    """log1p then cap, so counts stay on a scale comparable to TF-IDF values."""
    return min(math.log1p(x), cap)


def _matches(rx, t: str, name: str, spans: list | None) -> int:
    if spans is None:
        return sum(1 for _ in rx.finditer(t))
    k = 0
    for m in rx.finditer(t):
        k += 1
        if m.end() > m.start():
            spans.append((name, m.start(), m.end()))
    return k


def compute_signals(norm: Normalized, spans: list | None = None) -> np.ndarray:
    """The feature vector (float64, len(FEATURE_NAMES)) for one normalised comment.

    When `spans` is a list, the (kind, start, end) spans in the NORMALISED text of what fired are
    appended to it (see `signal_spans` for original-text offsets)."""
    t = norm.text
    v = np.zeros(len(FEATURE_NAMES))
    n = max(len(t), 1)
    if spans is None:
        urls = _URL.findall(t)
    else:
        urls = []
        for m in _URL.finditer(t):
            urls.append(m.group(0))
            spans.append(("url", m.start(), m.end()))
    domains = [_domain(u) for u in urls]
    kinds = [_classify_domain(d) for d in domains if d]
    v[0] = _sat(len(urls))
    v[1] = _sat(kinds.count("spam"))
    v[2] = _sat(kinds.count("short"))
    v[3] = _sat(kinds.count("safe"))
    v[4] = _sat(kinds.count("unknown"))
    v[33] = _sat(sum(1 for d in domains if d and _imitates_brand(d)))
    hits: dict[str, int] = {}
    brands = set()
    for a, b, w in _ALL_WORDS.finditer(t):
        for cat in _WORD_CATS[w]:
            hits[cat] = hits.get(cat, 0) + 1
            if spans is not None:
                spans.append((cat, a, b))
            if cat == "brand_mention":
                brands.add(w)
    v[5] = _sat(len(brands))
    if brands and domains:
        allowed = [_BRAND_DOMAINS[i] for b in brands for i in _BRAND_OF.get(b, ())]
        foreign = [d for d in domains if not any(_domain_in(d, doms) for doms in allowed)]
        v[6] = _sat(len(foreign))
    digits = sum(1 for c in t if c.isdigit())
    maybe_id = "line" in t or "id" in t or "@" in t or "ライン" in t or "らいん" in t
    v[7] = _sat(_matches(_LINE_ID, t, "line_id", spans)) if maybe_id else 0.0
    v[8] = _sat(hits.get("contact_handoff", 0))
    v[9] = _sat(_matches(_PHONE, t, "phone", spans)) if digits >= 5 else 0.0
    v[10] = _sat(_matches(_EMAIL, t, "email", spans)) if "@" in t else 0.0
    v[11] = _sat(hits.get("money_phrase", 0))
    v[12] = _sat(_matches(_MONEY_AMOUNT, t, "money_amount", spans)) if digits else 0.0
    v[13] = _sat(hits.get("urgency_phrase", 0))
    emoji = _count(_EMOJI, t)
    v[14] = min(emoji / n * 5.0, 3.0)
    v[15] = _sat(emoji)
    if n >= 16:
        v[16] = 2.0 * (1.0 - len(set(zip(t, t[1:], t[2:], t[3:], strict=False))) / (n - 3))
    v[17] = _sat(norm.invisible)
    v[18] = _sat(norm.lookalike)
    v[19] = _sat(norm.masked)
    v[20] = _sat(norm.spaced) * 0.5
    v[21] = _sat(hits.get("abuse_lexicon", 0))
    v[22] = _sat(hits.get("sexual_lexicon", 0))
    v[23] = _sat(hits.get("profanity_en", 0))
    v[24] = _sat(hits.get("threat", 0))
    v[25] = _sat(hits.get("dating_lure", 0))
    v[26] = _sat(hits.get("second_person", 0))
    v[27] = math.log1p(n) / 4.0
    latin = sum(1 for c in t if "a" <= c <= "z")
    v[28] = latin / n
    v[29] = digits / n
    v[30] = _sat(t.count("!") + t.count("!"))
    v[31] = _sat(len(_HASHTAG.findall(t)))
    v[32] = 1.0 if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in t) else 0.0
    return v


def signal_spans(norm: Normalized) -> list[tuple[str, int, int]]:
    """(kind, start, end) spans in the ORIGINAL text for the pattern- and word-list-based signals."""
    spans: list = []
    compute_signals(norm, spans)
    return [(kind, *norm.span(s, e)) for kind, s, e in spans]


class SignalFeatures(TransformerMixin, BaseEstimator):
    """Raw comments -> sparse matrix of bounded spam/abuse signals (see FEATURE_NAMES)."""

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def fit(self, X, y=None):
        self.n_features_out_ = len(FEATURE_NAMES)
        return self

    def transform(self, X):
        rows = [compute_signals(normalize(x)) * self.scale for x in X]
        return sp.csr_matrix(np.vstack(rows) if rows else np.zeros((0, len(FEATURE_NAMES))))

    def transform_normalized(self, norm: Normalized) -> np.ndarray:
        return compute_signals(norm) * self.scale

    def get_feature_names_out(self, input_features=None):
        return np.asarray(FEATURE_NAMES, dtype=object)
