"""A Japanese insult the writer names but aims at no one: a calling condemned (人をバカ呼ばわり), an insult denied of
someone (お前はバカなんかじゃない), the writer's own (俺なんかデブのくせに, このバカめ、俺ってやつは), said to a pet
and told (そこのアホめ、と猫に言った) or a pig in its own sense (この豚め、また柵を壊して): hashed apart, no insult."""

from __future__ import annotations

import re

from moderation import lexicon_data as L
from moderation.pattern_cache import compiled
from moderation.wordlists import DEHUMANIZE, INSULTS_JA
from moderation.wordlists.addressees import SCORNED

# the insult itself: one or more words of the Japanese insult and dehumanising lists strung together (バカ,
# ゴミカスブタ, クソバカ), nouns only (no verb, exclamation or adjective: 黙れ, ざまあ, 駆除, きもい), after a particle,
# a comma or the text's start and a word of degree or of all (全然, 別に, ほんと, 全員)
_VERBAL = frozenset(("黙れ", "恥を知れ", "ざまあ", "ざまぁ", "くそくらえ", "くそ食らえ", "クソくらえ", "駆除", "根絶",
                     "汚い", "劣等", "うざい", "きもい", "気持ち悪い", "頭おかしい", "頭悪い", "産む機械"))
_WORDS = sorted({w for w in (*L.OFFENSIVE_JA, *INSULTS_JA, *DEHUMANIZE)
                 if re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]+", w) and w not in _VERBAL and "頭" not in w
                 and "脳" not in w}, key=lambda w: (-len(w), w))
_DEGREES = ("全然", "ぜんぜん", "別に", "べつに", "決して", "ちっとも", "少しも", "ほんと", "ほんとに", "本当に",
            "マジで", "まじで", "めっちゃ", "超", "全員", "みんな", "皆", "一律に", "ひとくくりに", "一括りに")
_PARTICLES = "をがはもとに、,「 \t\n"


def _either(words) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) + ")"


# (tried only where an insult or a degree word can begin: their first characters, a set)
_BARE = ("(?=[" + "".join(sorted({w[0] for w in (*_WORDS, *_DEGREES)})) + "])(?:" + _either(_DEGREES) + ")?"
         + _either(_WORDS) + "{1,4}")
# the same insult read backwards from where a calling or a denial closes it, in the reversed text: one anchored match
# a closer (a forward search of a window before each cost ~25 us, a text of closers ~60 ms), ending at a particle, a
# comma or the text's start (never after みたいな / ただの: 俺はお前みたいなバカじゃない, ただのバカじゃない)
_BACKWARDS = compiled(_either(w[::-1] for w in _WORDS) + "{1,4}" + "(?:" + _either(w[::-1] for w in _DEGREES)
                      + ")?(?=[" + _PARTICLES + r"]|\Z)")
# 呼ばわり closes a calling named (人をゴミカスブタ呼ばわりするような書き込みはやめよう: the calling condemned), unless
# the writer says it fits or does it later in the sentence (クズ呼ばわりされて当然だ, お似合いだ, バカ呼ばわりしてやる)
_FIT_WORDS = ("当然", "当たり前", "お似合い", "似合い", "十分", "じゅうぶん", "ふさわしい", "相応しい", "妥当",
              "ぴったり", "正しい", "正解", "その通り", "仕方", "しょうがない", "しかたない", "しろ", "すべき",
              "してやる", "してやろう", "してやった", "してやれ", "されろ", "されとけ")
# (the lazy run tries the words only where one can begin: their first characters, a set)
_FITS = compiled(r"[^。!?\n]{0,16}?(?=[" + "".join(sorted({w[0] for w in _FIT_WORDS})) + "])" + _either(_FIT_WORDS))
# a denial's verb closes an insult denied of someone at its clause's end (お前はクソバカなんかじゃない、気にするな),
# なんか / なんて before it part of the denial; not asked (バカじゃないの, じゃないか, じゃない?, じゃないでしょ, だろ,
# よね, っすか), not a condition or a rest (バカじゃないならわかる, バカじゃないとできない). Found by str.find, each
# closer's own (a scan of their alternation cost ~50 ns a character, 0.5 ms over 10,000)
_CALLED = "呼ばわり"
_DENIALS = ("じゃない", "じゃありません", "じゃねえ", "じゃねー", "ではない", "ではありません")
# each closer with its first character and the code pass's needle it holds (では, じゃ; features.patterns' _NEEDLES)
_CLOSER_NEEDLES = ("では", "じゃ")
_CLOSERS = tuple((word, word[0], next((n for n in _CLOSER_NEEDLES if word.startswith(n)), None))
                 for word in (_CALLED, *_DENIALS))
# the closers tried by which of those needles were found (bit k: _CLOSER_NEEDLES[k]): 呼ばわり always (its 呼 asked of
# the text's characters), each denial only where its needle is: two look-ups a comment, not six, one per denial
_CLOSERS_FOUND = tuple(tuple(c for c in _CLOSERS if c[2] is None or k >> _CLOSER_NEEDLES.index(c[2]) & 1)
                       for k in range(1 << len(_CLOSER_NEEDLES)))
_DENIAL_END = compiled(r"[、。,.!…\n]|$|よ(?!ね)|ぞ|ぜ|わ|さ|し|です(?!か)|から|って|んだ(?!ろ)")
# the writer's own: an insult said of the writer (俺なんかハゲデブのくせに, 私ってバカだな, 僕みたいなデブでも), right
# after the writer's word and a topic, closed by a predicate (not an object: 俺はバカが嫌い, 俺はバカと話さない)
_WRITERS = ("俺", "おれ", "オレ", "私", "わたし", "あたし", "僕", "ぼく")
_WRITER_ONE = frozenset(word for word in _WRITERS if len(word) == 1)  # a character of the text's set
_WRITER_MORE = tuple((word[0], word) for word in _WRITERS if len(word) > 1)  # searched where their first is in it
_OWN = compiled(_either(_WRITERS) + r"(?:なんか|なんて|って|ったら|は|も|みたいな|ごとき)(?:が)?"
                r"(" + _BARE + r")(?=のくせに|なのに|だから|なので|だけど|だし|だな|だよ|だわ|だった"
                r"|です|だ[、。,.!…\n]|だ$|でも|なりに|[、。,.!…\n]|$)")


# an insult with め (addressees.SCORNED_ME; そこの too) said to no one in the comment (read2, session 50): the writer
# scolding themself, the writer's word right after it with って / ったら / という or right before it with ってやつは /
# ったら (あー、このバカめ、俺ってやつは; 俺ってやつはこのマヌケめ; not
# このバカめ、俺の財布を盗みやがって, 俺は許さない: someone else), words said to a pet or a thing and told with と and
# a verb of saying or 自分, to anyone but the reader (そこのアホめ、とうちの猫に言ったら, あのアホめ、と兄は自分の昔の
# 写真を見て笑った; not …、とお前に言いたい), and a pig
# in its own sense, a farm's word after it in its sentence and no one addressed there (この豚め、また柵を壊して畑に;
# not この豚め、柵の外でお前を待ってる)
_ME = r"(?:この|その|あの|そこの|こんな|そんな|あんな)" + _either(SCORNED) + r"(?:ども)?め(?:が)?"
_YOU = r"(?:お前|おまえ|オマエ|あんた|アンタ|てめ|テメ|貴様|きさま|君|きみ|あなた|皆|みんな)"
_SCORNED_ME = compiled(
    _ME + r"(?=[、,!…\s]{1,3}" + _either(_WRITERS)
    + r"(?:ってやつは|って奴は|ったら|って(?!やつ|奴)|という(?:やつ|奴)は))"
    r"|(?P<told>" + _ME + r")[、,!…]?\s?と(?![^。!?\n]{0,12}?" + _YOU + r")[^。!?\n]{0,12}?"
    r"(?:言っ|言う|言い|叫|怒鳴|叱|つぶや|呟|ぼや|毒づ|自分)"
    r"|(?P<beast>(?:この|その|あの)(?:豚|ブタ)め(?:が)?)")
_FARM = compiled(r"柵|畑|豚舎|牧場|養豚|飼育|農場|脱走|餌箱")  # within 30 characters of the pig, in its sentence
_ADDRESSED = compiled(_YOU)  # ... and no one addressed within 40
_STOP = compiled(r"[。!?\n]")
# the writer right before it, scolding themself (俺ってやつはこのマヌケめ、また傘を…; read2's round, session 51)
_WRITER_BEFORE = compiled(_either(_WRITERS) + r"(?:ってやつは|って奴は|ったら|というやつは|という奴は)[、,\s]?\Z")
# the insult + め found in a window before each め (at most _ME_AT_MOST of them: a text of thousands of め, crafted,
# paid ~2 us each; past them none is read, as exclaimed.READ_AT_MOST's swear words)
_ME_AT = compiled(_ME)
_ME_AT_MOST = 64


def mentioned_spans(text: str, chars=None, found=None) -> list[tuple[int, int]]:
    """(start, end) of the Japanese insults in `text` named in a calling condemned, denied or said of the writer, or
    with め said to no one (sorted, merged): each closer found by str.find and read back by one match in the reversed
    text, one scan for the writer's own and one for め; linear. The insult's hit inside counts as denied
    (features.words), and its n-grams are hashed apart as the writer's own (vectorizer). `chars`: the text's set of
    characters, if known: no closer, writer or め is searched for whose first character is not in it (the 16 scans
    of the text cost ~30k instructions of a 200-character comment where the text holds a character above U+FFFF).
    `found`: the code pass's needles (では and じゃ among them), if known: no denial is searched for whose needle is
    not found (a で or じ is in most Japanese comments, ではない and じゃない in few)."""
    global _LAST
    last = _LAST  # read once: another thread (make run's threaded server) may replace it between two reads
    if last[0] is text or last[0] == text:  # the signals and the hashing ask for the same text in turn
        return last[1]
    out = []
    back, n = None, len(text)
    closers = _CLOSERS if found is None else _CLOSERS_FOUND[("では" in found) | ("じゃ" in found) << 1]
    for word, first, needle in closers:
        if (found is None or needle is None) and chars is not None and first not in chars:
            continue
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            called = word is _CALLED
            if called or _DENIAL_END.match(text, end) is not None:
                start = at - 3 if not called and text.endswith(("なんか", "なんて"), 0, at) else at
                back = text[::-1] if back is None else back
                x = _BACKWARDS.match(back, n - start)
                if x is not None and (not called or _FITS.match(text, end) is None):
                    out.append((n - x.end(), start if called else end))
            at = text.find(word, end)
    if _writer_in(text, chars):
        out += [m.span(1) for m in _OWN.finditer(text)]
    at, read = text.find("め") if chars is None or "め" in chars else -1, 0
    while at != -1 and read < _ME_AT_MOST:
        read += 1
        me = next((c for c in _ME_AT.finditer(text, max(0, at - 12), at + 2) if c.start() < at < c.end()), None)
        if me is not None and _WRITER_BEFORE.search(text, max(0, me.start() - 12), me.start()) is not None:
            out.append(me.span())
        elif me is not None and (m := _SCORNED_ME.match(text, me.start())) is not None and (
                span := _said_to_no_one(text, m)):
            out.append(span)
        at = text.find("め", at + 1)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    _LAST = (text, merged)
    return merged


def _writer_in(text: str, chars) -> bool:
    """Whether a writer's word (_WRITERS) is in `text`: 俺, 私 and 僕 asked of the set of its characters `chars`, the
    others searched for only where their first character is in it (an any() of eight searches cost ~6k instructions
    of a 200-character Japanese comment: わ and あ are in most)."""
    if chars is None:
        return any(word in text for word in _WRITERS)
    if not _WRITER_ONE.isdisjoint(chars):
        return True
    for first, word in _WRITER_MORE:
        if first in chars and word in text:
            return True
    return False


def _said_to_no_one(text: str, m: re.Match) -> tuple[int, int] | None:
    """The span of a め form said to no one (_SCORNED_ME's match `m`): a pig's only with a farm word within 30
    characters after it in its sentence and no one addressed within 40."""
    if m.group("told") is not None:
        return m.span("told")
    if m.group("beast") is None:
        return m.span()
    end = m.end()
    stop = _STOP.search(text, end, end + 40)
    stop = stop.start() if stop is not None else min(len(text), end + 40)
    if _FARM.search(text, end, min(stop, end + 30)) is None or _ADDRESSED.search(text, end, stop) is not None:
        return None
    return m.span()


_LAST: tuple[str | None, list] = (None, [])
