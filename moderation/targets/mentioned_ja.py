"""A Japanese insult the writer names but aims at no one: a calling condemned (人をバカ呼ばわり), an insult denied of
someone (お前はバカなんかじゃない) and the writer's own (俺なんかデブのくせに): hashed apart, no insult (issue 12)."""

from __future__ import annotations

import re

from moderation import lexicon_data as L
from moderation.wordlists import DEHUMANIZE, INSULTS_JA

# the insult itself: one or more words of the Japanese insult and dehumanising lists strung together (バカ,
# ゴミカスブタ, クソバカ), nouns only (no verb, exclamation or adjective: 黙れ, ざまあ, 駆除, きもい), after a particle,
# a comma or the text's start and a word of degree or of all (全然, 別に, ほんと, 全員)
_VERBAL = frozenset(("黙れ", "恥を知れ", "ざまあ", "ざまぁ", "くそくらえ", "くそ食らえ", "クソくらえ", "駆除", "根絶",
                     "汚い", "劣等", "うざい", "きもい", "気持ち悪い", "頭おかしい", "頭悪い", "産む機械"))
_WORDS = sorted({w for w in (*L.OFFENSIVE_JA, *INSULTS_JA, *DEHUMANIZE)
                 if re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]+", w) and w not in _VERBAL and "頭" not in w
                 and "脳" not in w}, key=lambda w: (-len(w), w))
_DEGREE = (r"(?:全然|ぜんぜん|別に|べつに|決して|ちっとも|少しも|ほんと(?:に)?|本当に|マジで|まじで|めっちゃ|超"
           r"|全員|みんな|皆|一律に|ひとくくりに|一括りに)?")
_BARE = _DEGREE + "(?:" + "|".join(map(re.escape, _WORDS)) + "){1,4}"
_AFTER = r"(?:(?<=[をがはもとに、,「\s])|^)"
# a calling named by 呼ばわり (人をゴミカスブタ呼ばわりするような書き込みはやめよう: the calling condemned), unless
# the writer says it fits or does it (クズ呼ばわりされて当然だ, お似合いだ, バカ呼ばわりしてやる), later in the
# sentence
_FITS = (r"(?![^。!?\n]{0,16}?(?:当然|当たり前|お似合い|似合い|十分|じゅうぶん|ふさわしい|相応しい|妥当|ぴったり"
         r"|正しい|正解|その通り|仕方|しょうがない|しかたない|しろ|すべき|してやる|してやろう|してやった|してやれ"
         r"|されろ|されとけ))")
# what opens each reading, each found by str.find (a scan of one alternation cost ~20 us over 120 characters):
# 呼ばわり and a denial's verb close the insult before them; the writer's word opens what follows
_CLOSERS = (("呼ばわり", True), *((verb, False) for verb in ("じゃない", "じゃありません", "じゃねえ", "じゃねー",
                                                              "ではない", "ではありません")))
_WRITERS = ("俺", "おれ", "オレ", "私", "わたし", "あたし", "僕", "ぼく")
# the insult right before where a calling or a denial closes it (searched in a window of _BACK characters at most)
_BEFORE = re.compile(_AFTER + _BARE + r"\Z")
_BACK = 48
# a calling named by 呼ばわり (人をゴミカスブタ呼ばわりするような書き込みはやめよう: the calling condemned), unless
# the writer says it fits or does it (クズ呼ばわりされて当然だ, お似合いだ, バカ呼ばわりしてやる), later in the
# sentence
_FITS = re.compile(r"[^。!?\n]{0,16}?(?:当然|当たり前|お似合い|似合い|十分|じゅうぶん|ふさわしい|相応しい|妥当"
                   r"|ぴったり|正しい|正解|その通り|仕方|しょうがない|しかたない|しろ|すべき|してやる|してやろう"
                   r"|してやった|してやれ|されろ|されとけ)")
# an insult denied of someone with じゃない / ではない at its clause's end (お前はクソバカなんかじゃない、気にするな);
# not asked (バカじゃないの, じゃないか, じゃない?, じゃないでしょ, だろ, よね, っすか), not a condition or a rest
# (バカじゃないならわかる, バカじゃないとできない); never after a likeness or "just a" (俺はお前みたいなバカじゃない:
# お前 is one; ただのバカじゃない: something worse), which _AFTER's particles leave out
_DENIAL_END = re.compile(r"[、。,.!…\n]|$|よ(?!ね)|ぞ|ぜ|わ|さ|し|です(?!か)|から|って|んだ(?!ろ)")
# the writer's own: an insult said of the writer (俺なんかハゲデブのくせに, 私ってバカだな, 僕みたいなデブでも), right
# after the writer's word and a topic, closed by a predicate (not an object: 俺はバカが嫌い, 俺はバカと話さない)
_OWN = re.compile(r"(?:俺|おれ|オレ|私|わたし|あたし|僕|ぼく)(?:なんか|なんて|って|ったら|は|も|みたいな|ごとき)(?:が)?"
                  r"(" + _BARE + r")(?=のくせに|なのに|だから|なので|だけど|だし|だな|だよ|だわ|だった"
                  r"|です|だ[、。,.!…\n]|だ$|でも|なりに|[、。,.!…\n]|$)")
def mentioned_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the Japanese insults in `text` named in a calling condemned, denied or said of the writer
    (sorted, merged); each reading read where what opens it stands (a window of at most _BACK
    characters before a calling or a denial): linear. The insult's hit inside counts as denied (features.words), and
    its n-grams are hashed apart as the writer's own (vectorizer)."""
    global _LAST
    if _LAST[0] is text or _LAST[0] == text:  # the signals and the hashing ask for the same text in turn
        return _LAST[1]
    out = []
    for word, called in _CLOSERS:
        at = text.find(word)
        while at != -1:
            end = at - 3 if not called and text.endswith(("なんか", "なんて"), 0, at) else at
            x = _BEFORE.search(text, max(0, end - _BACK), end)
            if x is not None and (_FITS.match(text, at + len(word)) is None if called
                                  else _DENIAL_END.match(text, at + len(word)) is not None):
                out.append(x.span() if called else (x.start(), at + len(word)))
            at = text.find(word, at + len(word))
    for word in _WRITERS:
        at = text.find(word)
        while at != -1:
            if (own := _OWN.match(text, at)) is not None:
                out.append(own.span(1))
            at = text.find(word, at + len(word))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    _LAST = (text, merged)
    return merged


_LAST: tuple[str | None, list] = (None, [])
