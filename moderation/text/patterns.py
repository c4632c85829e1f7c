"""The spacing, run and obfuscation patterns normalisation undoes, and kanji that imitate katakana."""

from __future__ import annotations

import re

import numpy as np

from moderation.pattern_cache import compiled
from moderation.text.chars import _MASKS, _SEPARATORS, KANJI_AS_KANA, _is_kanji

_KANJI_RUN = compiled("[" + "".join(KANJI_AS_KANA) + "]+")


_KANJI_RUN_2 = compiled("[" + "".join(KANJI_AS_KANA) + "]{2,}")  # its runs of two or more


_KATAKANA = frozenset(map(chr, range(0x30A0, 0x3100)))  # what _is_katakana is true of


def _kanji_lookalikes(text: str, chars=None) -> tuple[str, int]:
    """Rewrite kanji that imitate katakana when they sit among katakana/other look-alikes; (text, changed).
    `chars` (set(text), if known) without katakana: a single look-alike cannot change, only runs are looked at."""
    out = []
    pos = changed = 0
    n = len(text)
    runs = _KANJI_RUN_2 if chars is not None and _KATAKANA.isdisjoint(chars) else _KANJI_RUN
    for m in runs.finditer(text):
        i, j = m.span()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[j] if j < n else ""
        run = j - i
        # a single look-alike needs katakana beside it and no kanji; a run (工口) only no kanji before it and
        # not numerals alone (the cheap tests first: a text of thousands of 力 between symbols pays little)
        if run == 1:  # _is_katakana and _is_kanji spelled out (a call each cost more than the test)
            if not ("\u30a0" <= prev <= "\u30ff" or "\u30a0" <= nxt <= "\u30ff") or (
                    "\u4e00" <= prev <= "\u9fff" or "\u3400" <= prev <= "\u4dbf" or "\u4e00" <= nxt <= "\u9fff"
                    or "\u3400" <= nxt <= "\u4dbf"):
                continue
        elif _is_kanji(prev) or all(c in "二三八" for c in m.group(0)):
            continue
        out.append(text[pos:i])
        out.append("".join(KANJI_AS_KANA[c] for c in m.group(0)))
        pos = j
        changed += run
    if not changed:
        return text, 0
    out.append(text[pos:])
    return "".join(out), changed


# separators between single characters: 死.ね, し・ね, L-I-N-E, 激 工 口 ど う が
_SEP_CLASS = "[" + re.escape(_SEPARATORS) + "]"


_SEP_JA_CHARS = frozenset(_SEPARATORS) - {",", "、"}


_SEP_JA = "[" + re.escape(_SEPARATORS.replace(",", "").replace("、", "")) + "]"


_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


_JA = "[\u3040-\u30ff\u4e00-\u9fffー々]"


# isolated single characters joined by separators (し ね よ, 死.ね); an ordinary space between words is not one
_SPACED_JA = compiled(r"(?<!" + _JA + r")" + _JA + r"(?:" + _SEP_JA + r"{1,2}" + _JA + r"(?!" + _JA + r"))+")


# letters only: 1-1-1 in an address or 3 4 5 in a list are numbers, not a spelled-out word
_SPACED_LATIN = compiled(r"(?<![a-z0-9])([a-z])(?:" + _SEP_CLASS + r"{1,2}[a-z](?![a-z0-9])){2,}")


_RUN = compiled(r"([^0-9\s])\1{2,}")


_WS = compiled(r" {2,}")  # every whitespace character is already a plain space (see _char_map)


# masked / substituted spellings of abusive words -> canonical form. Each entry: canonical, regex.
_M = "[" + re.escape(_MASKS) + "]"


_AFTER_NE = r"(?=$|[よやばぇぃー!?\s。、…w]|カス|ゴミ|クズ|ks)"


_AFTER_URGED = r"(?=$|[よ!?\s。、…w]|カス|ゴミ|クズ|ks)"


# what may follow a 殺す spelt in kana after a hiragana: its sentence's end or an ending, not a word going on (ところ
# すごく, 頃すぐ, ころすけ)
_KILL_ENDS = r"(?=$|[ぞよわねなさ!?\s。、…w]|から|って|しか|こと|べき|ため|つもり|の[?か]|の$|まで|と[言い思])"
# after ころす spelt in kana (not after a mask): a kanji, katakana, long mark, の or a question/hedge か never goes on
# as すごく/すぐ/すでに do (明日あいつをころす予定, お前をころす気だ, ころすのがいい, ころすかもしれない)
_KILL_ENDS_KANA = r"(?=[の一-龥ァ-ヶー]|か(?:も|な|[?!。、]|$))"


_OBFUSCATIONS = (  # (canonical, substrings one of which every match without a mask contains, pattern)
    # (the narrowest such: 死ね's matches without a mask hold 死ね or 死ネ, not only 死; 死んで's one of its four
    # starts, not only んで, which 900 of 2,300 Japanese news comments hold in 読んで, 住んで ...; a match that is the
    # canonical word itself is no edit (_edits keeps none), so it needs no needle: 死ね lists none for 死ね, and line
    # lin3 for lin, so a text whose only needle is the word itself ("死ね、二度と書き込むな", "line", "feeling") tries
    # no rewrite: ~15 us a text in score() where it did, 7% of the news mix and 9% of English comments)
    # し/シ/4 + ね only where it starts a word: never the polite ending 〜ですしね, 〜だしね, 〜いいしね, 少しね
    # and after a te-form or an adverb that urges (まとめてしね, 早くしね; not もうしね, "won't do it any more": second
    # read F4) when nothing follows that makes it
    # しない (もうしねーよ, 早くしねえと: _AFTER_URGED)
    ("死ね", ("しね", "シね", "4ね", "氏ね", "死ネ", "しネ", "シネ", "4ネ", "氏ネ"),
     compiled(r"(?:死|(?<![少\u4e00-\u9fff])氏|(?<![少もお\u3041-\u3093])[しシ4]"
                               r"|(?<=[はが前])し|" + _M + r")[ねネ]" + _AFTER_NE
                               + r"|(?:(?<=て)|(?<=早く)|(?<=はやく))し[ねネ]" + _AFTER_URGED
                               + r"|死[ねネ]|死" + _M + r"(?![a-z0-9])")),
    ("死んで", ("氏んで", "しんで", "シんで", "4んで"), compiled(r"[氏しシ4]んで(?:くれ|ほしい|欲しい|しまえ)")),
    # ころ in kana is 殺 only where it starts a word: not the end of こころ, ところ or a time's ころ (頃: 子供のころ,
    # 若いころ), so このところすごく, 子供のころすぐ, 心して (こころして) stay; after a hiragana (まじころす, 黙らないと
    # ころす) it is read when 殺す ends there (_KILL_ENDS), after っ (ぶっころす) always; こ or コ with one mask before
    # す or して (こ○してやる, コ×ス) is 殺 too
    ("殺す", ("ころす", "コロす", "kor", "k0r"),
     compiled(r"(?:(?<![\u3041-\u3096])|(?<=っ))(?:ころ|コロ)す(?![けじ])|(?:ころ|コロ)す" + _KILL_ENDS
              + r"|(?:ころ|コロ)す" + _KILL_ENDS_KANA
              + r"|k[o0]r[o0]す|殺" + _M + r"|" + _M + r"す(?=ぞ|よ|から)|(?<![こコ])[こコ]" + _M + r"[すス]"
              + _KILL_ENDS)),
    ("殺してやる", ("ころしてやる", "コロしてやる"),
     compiled(r"(?<![こご\u30b3])(?:ころ|コロ)してやる|(?<![こコ])[こコ]" + _M + r"(?!" + _M + r")してやる")),
    ("きもい", ("キモ", "きも", "kim"), compiled(r"(?:キモ|きも|kim[o0])(?:い|イ|すぎ|過ぎ)")),
    ("うざい", ("ウザ", "うざ", "uz"), compiled(r"(?:ウザ|うざ|uz[a4])(?:い|イ|すぎ|過ぎ)")),
    ("くそ", ("糞", "kus", "kūs"), compiled(r"(?:ク" + _M + r"|" + _M + r"ソ|糞|く" + _M + r"|k[uū]s[o0](?![a-z]))")),
    ("ばか", ("bak", "b4k"), compiled(r"(?:バ" + _M + r"|" + _M + r"カ(?!ー)|馬" + _M + r"|" + _M + r"鹿"
                                  r"|(?<![a-z])b[a4]k[a4](?![a-z]))")),
    ("あほ", ("阿呆",), compiled(r"(?:ア" + _M + r"(?![a-z])|" + _M + r"ホ|阿呆)")),
    ("ちんこ", (), compiled(r"ち" + _M + r"こ|ち" + _M + r"ぽ|チ" + _M + r"コ|チ" + _M + r"ポ")),
    ("まんこ", (), compiled(r"(?:ま" + _M + r"こ|マ" + _M + r"コ|" + _M + r"んこ(?!う))")),
    ("せっくす", ("sex", "s3x", "5ex", "53x"),
     compiled(r"(?:せ" + _M + r"くす|セ" + _M + r"クス|s" + _M + r"x|(?<![a-z])[s5][e3]x(?![a-z]))")),
    ("えろ", (), compiled(r"(?:エ" + _M + r"|" + _M + r"ロ(?![ー]))(?=動画|画像|どうが|サイト|い|イ)")),
    ("がいじ", ("害児",), compiled(r"(?:ガ" + _M + r"ジ|ガイ" + _M + r"|害児)")),
    ("きちがい", ("基地外", "基地害", "気違い"),
     compiled(r"(?:キチ" + _M + r"イ|きち" + _M + r"い|基地外|基地害|気違い)")),
    ("ごみ", (), compiled(r"(?:ゴ" + _M + r"(?![a-z])|" + _M + r"ミ(?=ども|野郎|人間|クズ))")),
    ("くず", ("屑",), compiled(r"(?:ク" + _M + r"(?=野郎|人間|ども|が)|屑(?=野郎|人間|ども))")),
    ("line", ("らいん", "ﾗｲﾝ", "ライン", "lin3", "l1n", "l!n", "l|n"),
     compiled(r"(?:ら" + _M + r"ん|ラ" + _M + r"ン|ライン(?=id|ID|追加|交換|で|に|@|@)|らいん|ﾗｲﾝ|l" + _M
                              + r"ne|(?<![a-z])l[i1!|]n[e3](?![a-z]))")),
)


# code point classes of the spacing patterns, one bit each (index 0x10000: every code point above the BMP)
_JA_BIT, _SEP_JA_BIT, _SEP_BIT, _LOWER_BIT, _ALNUM_BIT = 1, 2, 4, 8, 16


_CLASS = np.zeros(0x10001, dtype=np.uint8)


_CLASS[0x3040:0x3100] |= _JA_BIT


_CLASS[0x4E00:0xA000] |= _JA_BIT


_CLASS[[ord("ー"), ord("々")]] |= _JA_BIT


_CLASS[[ord(c) for c in _SEP_JA_CHARS]] |= _SEP_JA_BIT


_CLASS[[ord(c) for c in _SEPARATORS]] |= _SEP_BIT


_CLASS[ord("a"):ord("z") + 1] |= _LOWER_BIT | _ALNUM_BIT


_CLASS[ord("0"):ord("9") + 1] |= _ALNUM_BIT


# a character that sends a text through normalisation's rewrites after the mapping (with _LOWER_BIT's Latin letters,
# text/prepass.py's plain flag): a mask (every rewrite may then match) or a rewrite's listed one-character needle
_REWRITE_BIT = 32


_CLASS[[ord(c) for c in _MASKS]] |= _REWRITE_BIT


_CLASS[[ord(n) for _c, needles, _p in _OBFUSCATIONS for n in needles if len(n) == 1]] |= _REWRITE_BIT
