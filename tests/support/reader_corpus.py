"""Texts for the tests that a reader's cheap precondition skips only texts it cannot fire on: ordinary news comments,
the readers' own trigger words run together, overlapping and cut short, in Japanese, English and both."""

import random

from bench.mixes import ABUSE, EN, JA, SPAM

# what the gated readers look for, and near misses of it (a stem cut short, a verb form without its will)
TRIGGERS = ["fuck", "fucking", "fuc", "shit", "shi", "goddamn", "goddam", "holy shit", "what the fuck", "Fuck,",
            "line", "lin", "id", "i d", "line id: abcd123", "id: user_01", "ライン", "らいん", "ライ", "らい", "@",
            "＠abcd1",
            "晒", "さらし", "ばらさらしてやる", "バラす", "ばらさ", "言いふらす", "拡散しろ", "暴露してやる", "載せる",
            "教えてやるよ", "知らせるぞ", "上げるわ", "あげるよ", "公開する", "アップしてやる", "うpする", "流してやる",
            "貼っとく", "書き込んでやる", "特定した", "突き止めた", "割れてるぞ", "把握した", "撒いてやる", "ばらまく",
            "知ってるからな", "分かってるぞ", "わかった", "晒されたくなければ", "お前の住所", "こいつの勤務先",
            "ネットに",
            "。", "、", "!", " ", "\n", "「", "」", "w"]


def texts(seed: int = 13, n: int = 1500) -> list[str]:
    """`n` texts: phrases and trigger words drawn at random and joined, some trigger words repeated end to end."""
    rng = random.Random(seed)
    pool = JA + EN + SPAM + ABUSE
    out = []
    for k in range(n):
        if k % 10 == 9:  # one trigger word repeated: dense, overlapping starts
            out.append(rng.choice(TRIGGERS) * rng.randint(2, 60))
            continue
        parts = [rng.choice(pool) if rng.random() < 0.5 else rng.choice(TRIGGERS) for _ in range(rng.randint(1, 8))]
        out.append("".join(parts) if rng.random() < 0.7 else " ".join(parts))
    return out
