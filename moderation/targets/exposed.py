"""A threat to expose someone (晒してやる, 住所をネットに載せるぞ) or the finding told (お前の家特定した).

Session 37 (issue 12, ja): お前の住所をネットで教えてやるよ scored abuse 0.119 with 2026.12.05-1: personal_info
counted an act of exposure (住所を) but no piece, so nothing was exposed. A 晒し予告 names no piece: what makes it one
is who is aimed at (お前, こいつ, コメ主, or no owner at all), what is to be exposed (住所, 勤務先, 学校, 家族, 本名,
顔写真, or the person: お前を晒す) and the writer's will: a volitional, imperative or 〜てやる form that ends its
clause, a threat conditional (晒されたくなければ), or the finding told (特定した, 割れてるぞ). Its civil neighbours in
news differ in one of the three: an owner who is the writer or an office (私の住所, 会社の住所は公式サイトに), no
will (警察が住所を公開した, 晒し行為は犯罪です, 住所を晒すのはやめよう: the form does not end its clause) or the
words reported (「住所を晒す」と脅された, 晒すぞとか書く奴). Every pattern is one linear regex with bounded windows,
searched only near a verb said with a will (exposure_threat).
"""

from __future__ import annotations

import bisect
import re._parser as sre_parse

from moderation.needles import known
from moderation.needles.prefixes import _alternation
from moderation.needles.starts import scan_of
from moderation.pattern_cache import compiled

# the person addressed, and a third person talked about (あいつ, そいつ)
_ADDRESSED = "お前|おまえ|オマエ|てめえ|てめー|テメエ|テメー|貴様|あんた|アンタ|こいつ|コイツ"
_THIRD = "あいつ|アイツ|そいつ|ソイツ"
_COMMENTERS = r"コメ主|スレ主|上の(?:奴|やつ|人|コメ)"

# someone singled out: the person addressed, a commenter or reporter, the one the thread is angry at
_TARGET = ("(?:" + _ADDRESSED + "|" + _THIRD
           + r"|コメ主|投稿主|投稿者|スレ主|書いた奴|書いたやつ|書いてる奴|書いてるやつ|この記者"
           r"|記者(?!会見|クラブ|団|室)|上の(?:奴|やつ|人|コメ)"
           r"|この(?:女|男|ババア|ジジイ|おっさん|おばさん|アカウント|アカ)|奴)")

# the same, said to their face or of a commenter: a finding told (特定した) of a poster or a reporter is also news
_TARGET_NEAR = "(?:" + _ADDRESSED + "|" + _THIRD + "|" + _COMMENTERS + ")"

# the place told as known to the one it belongs to: the one addressed or a commenter, not あいつ / そいつ (a third
# person talked about: あいつの店の場所知ってるからね、今度一緒に行こう; read2, session 38)
_TARGET_TOLD = "(?:" + _ADDRESSED + "|" + _COMMENTERS + ")"

# a piece that names or locates one person by itself
_PIECES = ("住所", "自宅", "実家", "勤務先", "勤め先", "職場", "学校名", "会社名", "本名", "フルネーム", "顔写真",
           "電話番号", "携帯番号", "個人情報", "身元", "素性", "前科")

# what is exposed: those pieces, or someone's family, face or past
_INFOS = (*_PIECES, "家族", "家", "正体", "経歴", "顔", "嫁", "旦那", "子供", "子ども", "娘", "息子", "親")

# an owner who is the writer, or an office, shop or public body (会社の住所, 店の電話番号: a notice, not a target)
_OWNERS = ("私の", "俺の", "僕の", "自分の", "うちの", "わたしの", "社の", "店の", "所の", "庁の", "署の", "省の",
           "局の", "館の", "公式の", "院の", "校の", "迷子の", "行方不明の")


def _words(words: tuple[str, ...], owned: bool) -> str:
    """An alternation of `words`, each checked behind itself once found (a pattern that opens with a look-behind is
    tried at every position; one that opens with words skips to where they can start): 家 not in 国家 or 政治家, and
    with `owned` False, no owner of _OWNERS."""
    def one(w: str) -> str:
        behind = "".join(rf"(?<!{o}{w})" for o in _OWNERS) if not owned else ""
        return w + (r"(?<![一-龥ァ-ヶー]家)" if w == "家" else "") + behind
    return "(?:" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")"


_PIECE = _words(_PIECES, owned=True)
_INFO = _words(_INFOS, owned=True)
# a piece of no owner the writer or an office; with no one singled out, what is exposed is such a piece (not a face,
# a record or family)
_PIECE_FREE = _words(_PIECES, owned=False)

# where an exposure is published (ネットで教えてやる), and whom a secret is told to (会社にバラす)
_NET = (r"(?:ネット|sns|ツイッター|twitter|掲示板|晒し板|晒しスレ|まとめサイト|まとめ|スレ|世間|世界中)"
        r"(?:上)?(?:で|に|中に|へ)")
_TOLD_TO = (r"(?:会社|職場|勤務先|学校|ネット|sns|ツイッター|twitter|掲示板|晒し板|世間|世界中|近所)"
            r"(?:上)?(?:で|に|中に|へ)")

_TE_AUX = (r"(?:てやる|てやった|てやろう|てやっ(?:から|かんな)|てやん|てやります|たる|たろか|たろう"
           r"|てもらう|てもらいます|ておく|とく|といた|とこう|ときます|ておいた|ちゃう|ちゃおう|ちゃった|てくる|てきた)")

_TE_AUX_D = _TE_AUX.replace("て", "で").replace("とく|といた|とこう|ときます", "どく|どいた|どこう|どきます").replace(
    "たる|たろか|たろう", "だる|だろか|だろう").replace("ちゃ", "じゃ")

# session 38: two auxiliaries chained, the one put away then done to them (貼っといてやる, 載せておいてやる: ja-503 was
# allowed at 0.16-0.26); the plain ones above would stop at といた / ておいた and miss the will after them
_CHAIN = r"(?:てやる|てやった|てやろう|てやっ(?:から|かんな)|たる|たろか|たろう)"
_TE_AUX = r"(?:(?:とい|ておい)" + _CHAIN + "|" + _TE_AUX[3:]
_TE_AUX_D = r"(?:(?:どい|でおい)" + _CHAIN + "|" + _TE_AUX_D[3:]

_POLITE = r"させて(?:もら|いただ)(?:う|います|きます)"


def _godan_su(stem: str, bare: bool = True) -> str:
    """晒す, ばらす, 言いふらす, 流す: each form that says the writer will do it (`bare`: also the plain ones)."""
    plain = rf"|{stem}す|{stem}そう|{stem}せ(?:よ|や)?|{stem}します|{stem}しましょう|{stem}{_POLITE}" if bare else ""
    return rf"(?:{stem}し{_TE_AUX}{plain})"


def _suru(noun: str, bare: bool = True) -> str:
    """拡散する, 公開する, 暴露する: a noun with する."""
    plain = (rf"|{noun}する|{noun}しよう|{noun}しろ|{noun}せよ|{noun}します|{noun}しましょう|{noun}{_POLITE}"
             if bare else "")
    return rf"(?:{noun}し{_TE_AUX}{plain})"


def _godan_ku(stem: str) -> str:
    """ばら撒く: each form that says the writer will do it."""
    return rf"(?:{stem}い{_TE_AUX}|{stem}く|{stem}こう|{stem}け)"


def _ichidan(stem: str) -> str:
    """載せる, 教える, 知らせる, 上げる."""
    return rf"(?:{stem}{_TE_AUX}|{stem}る|{stem}よう|{stem}ろ|{stem}ます|{stem}ましょう|{stem}{_POLITE})"


# an idiom's object, not a person's: 恥を晒す, 醜態を晒す, 危険に身を晒す, 水に流す
_NOT_IDIOM = r"(?<!恥を)(?<!恥)(?<!態を)(?<!姿を)(?<!身を)(?<!骸を)(?<!水に)"

# verbs that expose by themselves (晒す, バラす); 拡散 and 暴露 only as the writer's act (拡散希望 / 拡散しろ of a
# missing child's photo is an appeal, of a scandal news)
_BARE = "|".join((_ichidan("晒し上げ"), _ichidan("さらし上げ"), _ichidan("晒しあげ"), _godan_su("晒"),
                  _godan_su("さら"), _godan_su("ばら"), _godan_su("バラ"), _godan_su("言いふら"),
                  _suru("拡散", bare=False), _suru("暴露", bare=False)))
_STRONG = "|".join((_BARE, _suru("拡散"), _suru("暴露"), "拡散希望"))

# verbs that expose only with someone singled out or the net named (住所教えてやるよ alone is a favour)
_WEAK = "|".join((_ichidan("載せ"), _ichidan("のせ"), _ichidan("教え"), _ichidan("知らせ"), _ichidan("上げ"),
                  _ichidan("あげ"), _suru("公開"), _suru("アップ"), _suru("うp"), _godan_su("流"),
                  r"(?:貼っ" + _TE_AUX + r"|貼る|貼ろう|貼れ)",
                  # session 38: ばら撒く (pi-212 お前の家族の顔写真、ばら撒いてやるよ), weak: 給付金をばら撒く is
                  # politics
                  *(_godan_ku(stem) for stem in ("ばら撒", "ばらま", "バラ撒", "バラま", "ばら蒔")),
                  r"(?:書き込ん" + _TE_AUX_D + r"|書き込む|書き込もう|書き込め)"))

# the finding told (特定した, 割れてるぞ): of someone singled out; 割れた / 把握した only of a piece
_FOUND = (r"(?:特定(?:した|済み|済|完了|できた|してる|しました|しといた|してやった|してやる)"
          r"|突き止め(?:た|てやる|てやった))")
_FOUND_PIECE = r"(?:割れ(?:た|てる)|把握(?:した|してる|済み)|わかった|分かった|わかってる|分かってる)"

# said with a will: nothing of the clause goes on after the form but a particle of insistence
_TAIL = (r"(?:ぞ|ぜ|わ|わい|わな|よ|ね|か|かな|から|からな|からね|かんな|で|んで|んだよ|けど|だ|だぞ|だぜ|だよ"
         r"|だから|だからな|笑|ｗ+|w+)?")
_ENDS = r"(?=$|[^ぁ-んァ-ヶー一-龥]|笑|覚悟|お前|おまえ|てめ|マジ|まじ|本気|絶対|楽しみ|待って|震え|逃げ|せいぜい)"
# the words reported or quoted (「住所晒すぞ」と脅された, 晒してやるとか言う奴): not the writer's own threat
_NOT_REPORTED = r"(?![」』\"”]?[、,]?\s?(?:と(?!に)|って|なんて|とか|みたい|という|などと))"
_WILL = _TAIL + _ENDS + _NOT_REPORTED

# session 38: the place told as known to the one it belongs to (お前の会社の場所、もう知ってるからな: ja-321,
# 0.26): only with insistence (からな, ぞ), not as a reason (家の場所知ってるから、迎えに行くよ) nor a friendly よ
_KNOWN = r"(?:知って(?:る|ます|いる|ん)(?:だ|です)?(?:から(?:な|ね)|ぞ|ぜ))"
_PLACE_KNOWN = (r"(?:(?:家|自宅|実家|会社|職場|勤務先|勤め先|学校|住んでる(?:所|とこ))"
                r"(?:の場所|がどこ(?:か|に)?(?:あるか)?)?|住所|居場所|住んでる場所)")
# session 39: unless what follows says how the writer knows it, a tie of their own: a shared school or workplace, a
# business relation, a past together (お前の学校知ってるぞ、俺も同じ高校だったからな; …、うちの取引先じゃん: read2,
# session 38); menace or nothing after it stays the place told. A tie is a predicate or ends its clause: a relation
# named as the audience (同僚にバラしてやる, 同じクラスの奴らに) is none, nor 同じ目 of revenge
_AFFILIATION = (r"(?:学校|小学校|中学|高校|大学|会社|職場|部署|支店|工場|業界|マンション|アパート|団地|町内|地元|クラス"
                r"|学年|部活|サークル|ゼミ|塾)")
_RELATION = (r"(?:取引先|得意先|お得意さん|顧客|同級生|同窓生|同期|同僚|元同僚|先輩|後輩|幼なじみ|幼馴染|クラスメイト"
             r"|ご近所さん|ご近所|お隣さん|母校|卒業生|常連|親戚|知り合い)")
_COPULA = r"(?:だ|じゃん|じゃね|で(?:し|す)|な(?:ん|の)|出身|卒|同士)"
_AS_PREDICATE = r"(?:" + _COPULA + r"|[、,。．.!！?？\sw笑…]|$)"
_SELF = r"(?:俺|おれ|オレ|私|わたし|あたし|僕|ぼく|自分|うち)"
# session 40: a bare relation before 、 / 。 or at the end is said to the one addressed (…知ってるからな、先輩。),
# not of them: a tie only with a copula after it (同級生だろ, 先輩じゃん) or the writer's own before it (うちの取引先。)
_TIE = ("(?:同じ" + _AFFILIATION + _AS_PREDICATE + "|" + _SELF + "の" + _RELATION + _AS_PREDICATE
        + "|" + _RELATION + _COPULA
        + r"|一緒(?:に(?:働い|通っ|住ん|遊ん|仕事し|い)て(?:た|いた)|だった)"
        + "|" + _SELF + r"も[^。．.!！?？\n]{0,8}?(?:(?:通っ|働い|勤め|住ん|在籍し)て(?:た|いた)|卒業|出身)"
        + r"|(?:隣|近所|向かい)に住んで(?:た|いた))")
# ... and only when no menace follows the tie (read2, session 39: a stalker knows the place because they shared it:
# お前の家知ってるからな、同級生だろうが容赦しない, …、取引先だ。全部バラしてやる were read as acquaintances' talk)
_MENACE = (r"(?:容赦|覚悟|覚えとけ|覚えてろ|バラ|ばら|晒|さらし|さらす|乗り込|押しかけ|押し掛け"
           r"|待っとけ|待ってろ|楽しみに|行くから|行くぞ|行くわ|殺|潰|思い知|痛い目|逃げ|震え|せいぜい)")
_MENACE_AFTER = r"[^\n]{0,24}?" + _MENACE
_NOT_ACQUAINTED = r"(?![^\n]{0,12}?" + _TIE + "(?!" + _MENACE_AFTER + "))"

# a threat's conditional: 晒されたくなければ, 公開されたいのか
_IF_NOT = (r"(?:晒さ|さらさ|ばらさ|バラさ|拡散さ|公開さ|暴露さ|載せら|流さ|特定さ)れ"
           r"(?:たく(?:なければ|なけりゃ|なかったら|ないなら|なきゃ|ねえなら|ねーなら)|たいの|たいか|ても(?:いいの|知らない|しらない|文句))")

_W = r"[^。．.!?！？\n」]"  # inside one sentence and one quotation
# the same with no object between (記者は与党の裏金を暴露しろ exposes a wrongdoing, not the one named before it)
_W_NO_OBJ = r"[^。．.!?！？\n」を]"
_OF = r"(?:の|ん|んちの|んとこの)"  # お前の, お前ん家, お前んちの

_ANY = r"(?:を|も|は|とか|や|、|\s)?"
_AGAIN = r"(?:は|も|が|を|、|\s)?(?:もう|とっくに|すでに)?"

_IS = "(?:" + _STRONG + ")" + _WILL + "|" + _IF_NOT  # a verb that exposes by itself, with a will, or a threat's if
# Each way as (what comes before its verb, its verb with its will), compiled alone: one that opens with words is
# skipped to where they can start (all of them in one alternation are tried at every position, ~650 us per 1,000
# characters against ~5)
_WAYS = (
    # a piece of someone singled out, or of no one named, with a verb that exposes by itself
    (_TARGET + _OF + "?" + _W + "{0,4}?" + _INFO + _ANY + _W + "{0,10}?" + _NOT_IDIOM, "(?:" + _IS + ")"),
    (_PIECE_FREE + _ANY + _W + "{0,10}?" + _NOT_IDIOM, "(?:(?:" + _BARE + ")" + _WILL + "|" + _IF_NOT + ")"),
    # a piece of someone singled out, or any private piece, published (ネットで教えてやる, 住所ネットに載せるぞ)
    (_TARGET + _OF + _W + "{0,4}?" + _PIECE + _W + "{0,12}?" + _NOT_IDIOM, "(?:" + _WEAK + ")" + _WILL),
    (_TARGET + _OF + _W + "{0,4}?" + _INFO + _W + "{0,12}?" + _NET + _W + "{0,4}?" + _NOT_IDIOM,
     "(?:" + _WEAK + ")" + _WILL),
    (_PIECE_FREE + _ANY + _W + "{0,6}?" + _NET + _W + "{0,4}?", "(?:" + _WEAK + ")" + _WILL),
    # the person themself exposed (お前を晒してやる, こいつのこと拡散しよう), or told on (会社にバラす)
    (_TARGET + "(?:を|のこと(?:を)?|も|、|\\s)?" + _W_NO_OBJ + "{0,8}?" + _NOT_IDIOM, "(?:" + _IS + ")"),
    (_TARGET + "のこと(?:を|は)?" + _W + "{0,8}?" + _NET + _W + "{0,4}?" + _NOT_IDIOM, "(?:" + _WEAK + ")" + _WILL),
    (_TOLD_TO + _W + "{0,4}?",
     "(?:" + "|".join(_godan_su(stem) for stem in ("バラ", "ばら", "言いふら", "晒")) + ")" + _WILL),
    # the finding told of someone singled out (お前の家特定した, こいつの住所割れてるぞ)
    (_TARGET_NEAR + _OF + "?" + _W + "{0,4}?(?:" + _INFO + ")?" + _AGAIN, _FOUND + _WILL),
    (_TARGET_NEAR + _OF + _W + "{0,4}?" + _INFO + _AGAIN, _FOUND_PIECE + _WILL),
    (_TARGET_TOLD + _OF + _W + "{0,4}?" + _PLACE_KNOWN + _AGAIN, _KNOWN + _ENDS + _NOT_REPORTED + _NOT_ACQUAINTED),
)
EXPOSURE_THREAT = tuple(compiled(before + verb) for before, verb in _WAYS)

# the verb of every way, searched first (most texts have none): spelled out as words, so the engine skips to where
# one can start (with character classes in it, it tries every position: 48 us per 1,000 characters against 3); as a
# trie (needles.prefixes._alternation: no word is a prefix of another, so at each position at most one word matches
# and the matches are the plain alternation's), a position tries its first character's few words, not all 58
# (1.53 -> 1.03 us a news-mix comment)
VERB_WORDS = (
    "晒", *("さら" + c for c in "しすせそさ"), *(a + b + c for a in "ばバ" for b in "らラ" for c in "しすせそさ"),
    "言いふら", "拡散", "暴露", "載せ", "のせ", "教え", "知らせ", "上げ", "あげ", "公開", "アップ", "うp",
    *("流" + c for c in "しすせそさ"), "貼", "書き込", "特定", "突き止", "割れ", "把握", "撒", "蒔", "ばらま", "バラま",
    "知って",
    *(a + "か" + c for a in "わ分" for c in "っる"))
_VERBS = compiled(_alternation(VERB_WORDS))
# the same words apart by length, for a text whose characters and needles are known (personal_info's): a verb is in it
# if one of VERB_CHARS is among its characters or one of VERB_NEEDLES among the needles found (the code pass's index,
# features.patterns._NEEDLES, holds VERB_NEEDLES: one automaton pass for them with the others), so the nine comments
# in ten with none are answered by two set tests, not by a search of the text (~1 us a news-mix comment)
VERB_CHARS = frozenset(w for w in VERB_WORDS if len(w) == 1)
VERB_NEEDLES = frozenset(w for w in VERB_WORDS if len(w) > 1)


# where a way's verb can be: each one said with a will, or a threat's if (most verbs in a text are neither: 晒 of
# 上の奴の住所を晒 repeated tried the ten ways on all 10,000 characters, 3.58x an ordinary comment through the scorer)
_HIT = compiled("(?:" + "|".join((_STRONG, _WEAK, _FOUND, _FOUND_PIECE)) + ")" + _WILL + "|" + _IF_NOT + "|" + _KNOWN)
known.prime((_HIT,))  # its start search read from the disk cache (worked out: ~70 ms of a process's start)
# _HIT behind a look-ahead for the first characters its matches can have (needles/starts.scan_of: the same matches):
# the engine rejects a position in a step or two instead of trying every verb and form there (the 319 comments of
# the news mix that reach it: 18.5 against 4.7 us)
_HIT_SCAN = scan_of(_HIT)
_TAIL_SHORT = _TAIL.replace("|ｗ+|w+", "")  # a laugh's run of w needs none of itself: its first w ends the clause


def _width(pattern: str) -> int:
    return sre_parse.parse(pattern).getwidth()[1]


_BEFORE = max(_width(before) for before, _verb in _WAYS)  # the most a way reads before its verb (46)
# the most a verb, its will (but a run of w) and what its will looks at (などと after 」、 and a space: 7) reach
# beyond the start of _VERBS' word it opens with (4 at most): 30
_AFTER = max(_width(verb.replace(_TAIL, _TAIL_SHORT)) for _before, verb in _WAYS) + 8 + 4
# and the tie looked for after the place told as known, and the menace after it, from the start of 知って (look-aheads
# have no width of their own, so each is counted: a window cut before the menace would read the tie without it)
_AFTER = max(_AFTER, _width(_KNOWN) + _width(r"[^\n]{0,12}?" + _TIE) + _width(_MENACE_AFTER))


def _windows(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the ways are searched: around each hit, merged, each ending where no verb is near enough to its end to
    read past it (a search with endpos reads the text as if it ended there: $ would end a clause that goes on)."""
    starts = [m.start() for m in _VERBS.finditer(text)]
    out: list[list[int]] = []
    for start, end in hits:
        lo, hi = max(0, start - _BEFORE), min(len(text), end + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
            continue
        if out:
            out[-1][1] = _safe_end(out[-1][1], starts, len(text))
            if lo <= out[-1][1]:
                out[-1][1] = max(out[-1][1], hi)
                continue
        out.append([lo, hi])
    if out:
        out[-1][1] = _safe_end(out[-1][1], starts, len(text))
    return [(lo, hi) for lo, hi in out]


def _safe_end(end: int, starts: list[int], length: int) -> int:
    """`end` moved on past each verb that starts too near it."""
    while end < length:
        i = bisect.bisect_left(starts, end) - 1
        if i < 0 or starts[i] + _AFTER <= end:
            return end
        end = min(length, starts[i] + _AFTER)
    return end


def exposure_threat(text: str, chars=None, found=None) -> bool:
    """Whether `text` threatens to expose someone or tells them they are found (`chars`, `found`: its set of
    characters and the needles an index holding VERB_NEEDLES found in it, if known)."""
    if found is not None:
        if VERB_CHARS.isdisjoint(chars) and VERB_NEEDLES.isdisjoint(found):
            return False
    elif _VERBS.search(text) is None:
        return False
    hits = [m.span() for m in _HIT_SCAN.finditer(text)]
    return bool(hits) and any(rx.search(text, lo, hi) is not None
                              for lo, hi in _windows(text, hits) for rx in EXPOSURE_THREAT)
