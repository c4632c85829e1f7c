"""The comments `make bench` posts: Japanese comments of 20-2,000 characters, some English, about 20% flagged
(written here from phrases of our own; no data set is read), in the news-site mix of articles and authors or the
uniform mix of earlier runs, and the request bodies wrk.lua sends them in."""

import json
import math

# Phrases written for this benchmark (ordinary news comments, spam, abuse); combined and cut to length.
JA = [
    "今回の決定については、もう少し丁寧な説明が必要だと思います。", "地元の話題なので興味深く読みました。",
    "物価が上がる一方で給料は変わらず、生活は厳しくなるばかりです。", "選手の皆さん、本当にお疲れさまでした。",
    "記者の方の取材が丁寧で、背景がよく分かりました。", "子どもの通学路の安全対策を早く進めてほしい。",
    "高齢の両親が住んでいるので、台風の進路が心配です。", "政府の対応が遅すぎると感じる人は多いのではないでしょうか。",
    "観光客が増えるのは良いことですが、マナーの問題もあります。", "議論が深まることを期待します。",
    "昔はこの辺りにも商店街があって賑わっていました。", "専門家の意見をもっと紹介してほしいです。",
    "医療現場の負担が減る仕組みづくりが大切だと思う。", "電車の遅延が続いていて、通勤が本当に大変です。",
    "記事の数字の出典が知りたいです。", "なるほど、そういう事情があったんですね。", "次の大会も応援しています！",
    "円安の影響は輸入品の値段にはっきり出ていますね。", "うちの町でも同じことが起きています。",
    "行政はもっと現場の声を聞くべきだ。", "正直、どちらの言い分にも一理あると思った。", "続報を待ちたいです。",
]
EN = [
    "I think the council made the right call here, but the timing is odd. ", "Thanks for the detailed reporting. ",
    "Prices keep going up and wages do not follow. ", "Hope everyone in the affected area stays safe. ",
    "Would be good to see the source for these figures. ", "This is a fair summary of a complicated story. ",
]
SPAM = [
    "副業で月収100万円！詳しくはプロフのLINEを追加してね",
    "在宅で簡単に稼げる方法を無料で教えます→ https://bit.ly/3xAbCd ",
    "今だけ限定、仮想通貨で資産が10倍に。DMください", "【当選のお知らせ】受け取りはこちら http://prize-jp.xyz/ ",
    "LINE ID: money777 まで気軽に連絡ください", "スマホだけで日給5万円、先着10名様",
    "Earn $5000 a week from home: http://cash-now.top ",
]
ABUSE = [
    "お前みたいなバカは黙ってろ。", "頭おかしいんじゃないの、消えろ。", "こいつら全員クズだな。",
    "死ね、二度と書き込むな。", "本当に無能な連中だ、恥を知れ。", "You are an idiot, shut up. ",
]


def make_text(rng, length, *, english=False, flagged=None):
    """A comment of exactly `length` characters: ordinary phrases, or (flagged) spam or abuse mixed in."""
    base = EN if english else JA
    out = ""
    while len(out) < length:
        if flagged and (not out or rng.random() < 0.5):
            out += rng.choice(SPAM if flagged == "spam" else ABUSE)
        else:
            out += rng.choice(base)
    return out[:length]


def comment_length(rng):
    """Median about 100 characters, about 6% over 400, a few long ones up to 2,000."""
    if rng.random() < 0.01:
        return rng.randint(1000, 2000)
    return max(20, min(2000, int(rng.lognormvariate(math.log(100), 0.9))))


def corpus(rng, n):
    out = []
    for _ in range(n):
        roll = rng.random()
        flagged = "spam" if roll < 0.12 else "abuse" if roll < 0.22 else None
        out.append(make_text(rng, comment_length(rng), english=rng.random() < 0.1, flagged=flagged))
    return out


# The news-site mix (--mix news, the default): who comments where. Comments follow the articles' popularity
# (Zipf over ARTICLES live articles); one article in ten is contentious and draws abuse (35% of its comments, 6%
# elsewhere); spam (8%) comes from a few hundred accounts, everything else from readers who each post rarely (wrk
# gives every request a fresh reader id out of READERS, so no reader posts a hundred times in a run). About 20%
# of the comments are flagged, as in the uniform mix, but the article breaker now holds the contentious articles
# rather than a third of all of them, and the author standing suspends spammers, not ordinary readers.
# The uniform mix (--mix uniform, the benchmark before issue 13's plumbing work): every comment 12% spam and 10%
# abuse, on 40 articles, from 5,000 readers posting about a hundred times each; the breaker then held about a
# third of the articles and the answers were about 40% held or rejected.
ARTICLES, READERS, SPAMMERS = 400, 200_000, 300
CONTENTIOUS_FROM = 0  # popularity rank - 1 of the first contentious article, then every tenth (bench/held.py)


def contentious(article):
    """Whether the article (its popularity rank - 1) is one of the contentious tenth."""
    return article % 10 == CONTENTIOUS_FROM


def popularity():
    """Each article's share of the comments by popularity rank - 1 (Zipf, exponent 0.9), unnormalised."""
    return [1 / (rank + 1) ** 0.9 for rank in range(ARTICLES)]


def contentious_share():
    """The contentious articles' share of the news mix's comments (their Zipf weight): 18.4% as shipped, the most
    read article being one of them; a tenth of the articles drawn at random draws 10% on average."""
    weights = popularity()
    return sum(w for rank, w in enumerate(weights) if contentious(rank)) / sum(weights)


def news_comments(rng, n):
    """[(text, article id, author id or None for a fresh reader per request)] of the news-site mix."""
    articles = rng.choices(range(ARTICLES), popularity(), k=n)
    out = []
    for article in articles:
        roll = rng.random()
        kind = "spam" if roll < 0.08 else "abuse" if roll < 0.08 + (0.35 if contentious(article) else 0.06) else None
        text = make_text(rng, comment_length(rng), english=rng.random() < 0.1, flagged=kind)
        author = f"s-{rng.randint(1, SPAMMERS)}" if kind == "spam" else None
        out.append((text, f"a-{article + 1}", author))
    return out


def bodies(texts, rng, path, *, batch=0, comments=None):
    """Request bodies, one a line, with @ID@ where wrk.lua puts a fresh id (and @READER@ a fresh reader id).
    `comments` (news_comments) give each body its article and author; else the uniform mix's: 40 articles,
    5,000 readers, and every batch item on article a-1 without an author."""
    lines = []
    if comments is not None:
        def item(text, article, author):
            return {"id": "@ID@", "article_id": article, "text": text,
                    "author": {"id": author or "@READER@", "name": "読者"}}
        if not batch:
            lines = [json.dumps(item(*c), ensure_ascii=False) for c in comments]
        short = [c for c in comments if len(c[0]) <= 400]
        while batch and len(lines) < 60:
            line = json.dumps({"comments": [item(*rng.choice(short)) for _ in range(batch)]}, ensure_ascii=False)
            if len(line.encode()) < 60_000:  # as the batch figures were measured (the endpoint takes 6,400 KiB)
                lines.append(line)
    elif not batch:
        for text in texts:
            body = {"id": "@ID@", "article_id": f"a-{rng.randint(1, 40)}", "text": text,
                    "author": {"id": f"u-{rng.randint(1, 5000)}", "name": "読者"}}
            lines.append(json.dumps(body, ensure_ascii=False))
    else:
        short = [t for t in texts if len(t) <= 400]
        while len(lines) < 60:
            items = [{"id": "@ID@", "article_id": "a-1", "text": rng.choice(short)} for _ in range(batch)]
            line = json.dumps({"comments": items}, ensure_ascii=False)
            if len(line.encode()) < 60_000:  # as the batch figures were measured (the endpoint takes 6,400 KiB)
                lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
