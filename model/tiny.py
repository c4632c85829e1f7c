"""A real but tiny model artifact for tests (API, review page, scoring) that need no shared data.

`train_tiny_artifact(out_dir)` trains `build_pipeline()` on the hand-written corpus below (a few
seconds) and writes `<out_dir>/<version>/` plus `<out_dir>/active.json`; it returns
(artifact_dir, sha256, version). The corpus is written for the tests; it is not taken from any data set.
"""

from __future__ import annotations

from pathlib import Path

from model.card import write_active, write_artifact
from model.pipeline import HEADS, build_pipeline, compact

TINY_VERSION = "0000.00.00-tiny"

SPAM = [
    "副業で月収100万円！今すぐLINE追加してね ID:abc123",
    "スマホだけで簡単に稼げる方法、詳細はプロフ見て",
    "在宅ワークで日給3万円、先着10名 https://bit.ly/xyz",
    "【三菱UFJ銀行】アカウントが停止されました。確認はこちら https://mufg-secure.xyz/login",
    "佐川急便です。お荷物の配送先に不備があります http://sagawa-check.top/",
    "寂しい人妻です、会える人募集中💕 LINE→ meet777",
    "パパ活女子です、お茶だけで2万円くれる人DMください",
    "再生リストにエロ動画あるよ",
    "仮想通貨で資産10倍、無料で教えます→ https://coin-money.xyz",
    "拡散希望 拡散希望 拡散希望 拡散希望 拡散希望",
    "お金配りおじさんです。フォロー&RTで10万円プレゼント",
    "Free entry to win a prize! Text WIN to 80086 now",
    "Check out my channel and subscribe http://youtu.be/abc",
    "URGENT! You have won a $1000 gift card, call 09061701461",
    "Make money fast from home, click here www.easy-cash.biz",
    "楽天カード：ポイントが本日失効します。今すぐ受け取り https://rakuten-point.top",
]
ABUSE = [
    "お前は本当にバカだな、死ね",
    "こいつマジでクズ、消えろ",
    "氏ね、ゴミが",
    "この記者は無能すぎる、頭おかしい",
    "黙れカス、二度と書き込むな",
    "お前みたいなキチガイは日本から出ていけ",
    "ぶっ殺すぞ",
    "You are a stupid idiot, shut up",
    "Go kill yourself, worthless trash",
    "What a fucking moron",
    "きもい、うざい、消えて",
    "ブスでデブのくせに偉そうに",
]
HAM = [
    "今日は良い天気ですね。散歩に行きたいです。",
    "この記事、とても参考になりました。ありがとうございます。",
    "増税の議論はもっと丁寧にしてほしいと思います。",
    "LINEで家族にこのニュースを共有しました。",
    "副業禁止の会社も多いので、解禁の流れは良いと思う。",
    "三菱UFJ銀行の金利引き上げは預金者にとって朗報ですね。",
    "詳しくは公式サイト https://www.nhk.or.jp/ を見てください。",
    "事故で亡くなった方のご冥福をお祈りします。",
    "犯人が逮捕されてよかったです。",
    "昨日の試合は最高でした！！",
    "週末は家族でキャンプに行きました。",
    "物価高で生活が苦しいです。賃上げしてほしい。",
    "ヤマト運輸の配達員さん、いつもありがとうございます。",
    "年金だけでは暮らしていけない時代ですね。",
    "ｗｗｗそれは笑った",
    "I agree with this article, the council should act.",
    "Thanks for the update, see you at the meeting tomorrow.",
    "The new train line opens next month, great news.",
    "My family loved the festival this year.",
    "Interesting point about the budget, I had not considered that.",
    "投資は自己責任なので、よく調べてからにしましょう。",
    "そのお店のラーメンは本当に美味しかったです。",
    "選挙には必ず行こうと思います。",
    "子どもの教育費が心配です。",
]


def tiny_corpus() -> tuple[list[str], list[list[float]]]:
    """Texts and their head labels (spam, then the categories; NaN = not labelled): spam rows say nothing
    about harm, abuse rows nothing about spam and are harassment (threats also threat)."""
    nan = float("nan")
    texts = SPAM + ABUSE + HAM
    n_cat = len(HEADS) - 1
    y = [[1.0] + [nan] * n_cat for _ in SPAM]
    for text in ABUSE:
        cats = dict.fromkeys(HEADS[1:], nan)
        cats["harassment"] = 1.0
        cats["threat"] = 1.0 if any(w in text for w in ("殺", "kill", "死ね")) else 0.0
        y.append([nan, *cats.values()])
    y += [[0.0] * len(HEADS) for _ in HAM]
    return texts, y


def train_tiny_pipeline(flip_spam: bool = False):
    """The tiny Pipeline; `flip_spam` inverts the spam labels (a second model that disagrees, for the registry)."""
    import numpy as np

    texts, y = tiny_corpus()
    y = np.asarray(y)
    if flip_spam:
        y[:, 0] = 1 - y[:, 0]  # NaN stays NaN
    pipe = build_pipeline(min_df=1, calibration_cv=2, char_bits=14, word_bits=10)
    pipe.fit(texts, y)
    return compact(pipe)


def train_tiny_artifact(out_dir: str | Path) -> tuple[Path, str, str]:
    """Train the tiny model and write `<out_dir>/<version>/` and `<out_dir>/active.json`."""
    out_dir = Path(out_dir)
    pipe = train_tiny_pipeline()
    card = {
        "description": "tiny test model trained on a hand-written corpus (model/tiny.py); not for production",
        # harassment reviews from 0.4: a bare 死ね (0.44 here) is held, as the API and request tests expect
        "thresholds": {"spam": {"review": 0.5, "reject": 0.97}, "abuse": {"review": 0.5, "reject": 0.97},
                       "harassment": {"review": 0.4, "reject": 0.97}},
        "data": {"sources": {"model/tiny.py": "hand-written test corpus"}},
        "metrics": {},
    }
    folder, sha = write_artifact(pipe, out_dir, TINY_VERSION, card, "# Tiny test model\n\nNot for production.\n")
    write_active(out_dir, TINY_VERSION, sha)
    return folder, sha, TINY_VERSION
