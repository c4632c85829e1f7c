"""Personal information, deterministic and tuned for precision: which pieces a comment exposes about someone."""

from __future__ import annotations

import re
import re._parser

import numpy as np

from moderation.automaton import Automaton
from moderation.needles.guards import NeedleIndex
from moderation.needles.prefixes import BEGIN, prefixes
from moderation.targets.constructions import _G
from moderation.targets.exposed import VERB_NEEDLES, exposure_threat
from moderation.targets.located import ERRAND_VISIT, EXPOSURE_TOLD, MENACE_JA

ADDRESS = re.compile(r"(?<=[一-龥ァ-ヶ])[市区町村郡][一-龥ぁ-んァ-ヶ]{0,10}?(?:\d{1,2}条[東西南北]?)?\d{1,4}"
                     r"(?:丁目(?:\d{1,4}(?:(?:番地?|-|−|ー|の)\d{0,4})?号?)?|番地|(?:-|−|ー|の)\d{1,4}"
                     r"(?:(?:番地?|-|−|ー|の)\d{0,4})?号?)")


ADDRESS_EN = re.compile(r"(?<![a-z0-9])\d{1,5} [a-z]{2,20} (?:street|st|avenue|ave|road|rd|lane|ln|drive|dr"
                        r"|boulevard|blvd|court|ct|way|place|pl|terrace)(?![a-z])")


ROOM = re.compile(r"(?<!\d)\d{2,4}号室|部屋番号")


POSTAL = re.compile(r"〒\s?\d{3}-?\d{4}|(?<!\d)\d{3}-\d{4}(?!\d)|郵便番号\s?\d{3}-?\d{4}")


PHONE = re.compile(r"(?<!\d)0[789]0-?\d{4}-?\d{4}(?!\d)|(?<!\d)0\d{1,3}-\d{2,4}-\d{4}(?!\d)")


EMAIL = re.compile(r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63}){1,4}")


# what every EMAIL match holds: the engine skips to each @ for this, EMAIL itself tries every position
EMAIL_NEEDED = re.compile(r"@[a-z0-9\-]{1,63}\.[a-z0-9\-]")


PLACE = re.compile(r"(?:小学校|中学校|中学|高校|高等学校|大学|学園|保育園|幼稚園|会社|病院|店|工場|"
                   r"役所|支店|営業所|塾|教室|学校|スーパー|コンビニ|ファミレス|居酒屋)(?:に|で|の)?" + _G
                   + r"{0,4}?(?:通って|通う|通学|在学|勤めて|勤務して|働いて|バイトして|レジ打って|パートして)")


# a private person's whereabouts named as such: their workplace, school, home, station, daily routine, real name
WHEREABOUTS = re.compile(r"(?:勤務先|勤め先|職場|バイト先|実家|自宅|最寄り駅|通学路"
                         r"|通ってる(?:高校|学校|大学|中学)|下校時間|帰り道)(?:は|の|、|:|も|まで)|住んでる|住んでいる")


NAME_REVEAL = re.compile(r"(?:本名|名前|フルネーム)(?:は|:|、|\s)\s?[一-龥]{2,5}(?=[、。,\s]|$|で|だ|って|さん)")


SCHEDULE = re.compile(r"毎(?:朝|晩|夜|日|週)" + _G + r"{0,8}?(?:\d{1,2}時|[月火水木金土日]曜)")


# a private person's school class, named local school or job at a place: it says where to find one person only
# when a targeted person is named with it (県立南高校の吹奏楽部 / 市立病院の小児科 alone are news)
_SCHOOL = r"(?:小学校|中学校|中学|高校|高等学校|大学|学部|女子|学園|幼稚園|保育園)"


_WORKPLACE = (r"(?:病院|医院|銀行|信用金庫|会社|工場|店|美容室|整骨院|歯科|事務所|市役所|区役所|役場|郵便局|学校"
              r"|中学校|中学|高校|大学|幼稚園|保育園|コンサル|代理店|アパレル|スーパー|コンビニ|塾)")


# a place named or located by what comes before it (桜台中学校, 新宿の広告代理店, 近所の整骨院), looked at behind it
_NAMED_BEFORE = r"(?:(?<=[一-龥ァ-ヶー]{2})|(?<=近所の)|(?<=駅前の)|(?<=地元の)|(?<=[一-龥ァ-ヶー]の))"


AFFILIATION = re.compile(
    _SCHOOL + r"の?\d{1,2}年(?:生|\d{1,2}組)?|(?<=[一-龥])[小中高]の\d{1,2}年|(?<!\d)\d{1,2}年\d{1,2}組"  # a class
    r"|(?:市立|県立|区立|私立|都立|府立|町立)[一-龥ぁ-んァ-ヶー]{1,8}?(?:小学校|中学校|高校|中学|女子|学園|高|小|中)"
    r"(?![一-龥])"  # a named local school
    r"|" + _NAMED_BEFORE + _WORKPLACE + r"(?:の?(?:[一-龥ァ-ヶー]{1,4}の)?[一-龥ァ-ヶー]{0,4}?"
    r"(?:看護師|店員|店長|支店長|院長|窓口|教師|講師|社員|職員|スタイリスト|経理|総務|バイト|パート|先生|保育士"
    r"|pta会長|勤務|夜勤)"  # a job at a place
    r"|(?:に|で)(?:勤めて|働いて|パートして|バイトして))"  # or working there
    r"|(?:学校|高校|大学|中学|職場|会社|勤務先|勤め先|家|自宅|実家|最寄り駅|本名|顔)(?:が|も)?"
    r"(?:わかった|分かった|わかってる|分かってる|特定)")  # found out


# someone singled out as a target: a commenter, the person the thread is angry at, or their family
TARGET_CTX = re.compile(
    r"あいつ|アイツ|こいつ|コイツ|そいつ|コメ主|投稿主|投稿者|スレ主|中の人|上の(?:やつ|奴|女|男|人|コメ)"
    r"|この(?:アカウント|女|男|おばさん|おっさん|おじさん|ババア|ジジイ)"
    r"|(?:書いてる|書いてた|書いた|言ってる|コメントしてる|文句言ってる|反論してる|批判してる|批判してた|荒らしてる"
    r"|炎上した|叩かれてる|通報した|通報してきた|ぶってる|ぶってた|ぶった)(?:奴|やつ|女|男|主婦|学生|大学生|高校生|店員"
    r"|バイト|おばさん|おっさん|おじさん|隣人|アカウント|記者)")
# (session 34: the one who wrote the article, 記事書いた記者, and one mocked for pretending, 被害者ぶってる女, are
# singled out as much as 書いてる奴: with a workplace or a home and a call or a search beside them they are exposed)


# the writer speaking of themself or their own family (俺も駅前の病院の看護師だけど): not someone exposed
SELF_CTX = re.compile(r"俺|私(?!立)|僕|自分|うちの|わたし|あたし|わし")  # not 私立 (a school's kind)


# a private person's school year or department told as hearsay about someone (〇〇高校の3年だって, 北高の2年
# らしい, 株式会社〇〇の営業部らしいよ) or their workplace told (勤務先らしいよ、…): where to find one person, passed
# on. A report names a school or company as the subject of its own sentence (〇〇高校の3年生が優勝した, 営業部が会見
# した), not as what someone is said to be (session 33)
_HEARSAY = (r"(?:なんだって|だって(?!、)|らしい|みたい|だそう|って噂|って話)(?=笑|[よねわぞ]|です|けど|から"
            r"|だ(?:[よね]|(?![ぁ-ん]))|$|[^ぁ-んァ-ヶ一-龥ー〇○0-9a-z])")  # the clause ends: no word goes on


_JOB = (r"(?:看護師|店員|店長|支店長|院長|窓口|教師|講師|社員|職員|スタイリスト|経理|総務|バイト|パート|先生"
        r"|保育士|勤務|夜勤|部|課|係)")


TOLD_AFFILIATION = re.compile(
    r"(?:" + _SCHOOL + r"の?|(?<=[一-龥〇○])[小中高]の)\d{1,2}年(?:生)?(?:\d{1,2}組)?" + _HEARSAY
    + r"|" + _WORKPLACE + r"の?(?:[一-龥ァ-ヶー]{1,4}の)?[一-龥ァ-ヶー]{0,6}?" + _JOB + _HEARSAY
    + r"|(?:勤務先|勤め先|バイト先)" + _HEARSAY
    + r"|(?:勤務先|勤め先|職場|バイト先)(?:は|:|、|\s)" + _G + r"{0,12}?(?:会社|商事|銀行|病院|医院|歯科|店|工場|事務所"
    r"|高校|大学|中学|学校|部|課)" + _G + r"{0,6}?" + _HEARSAY)


_NEWS_SUBJECT = re.compile(r"容疑者|犯人|被告|選手|監督|優勝|逮捕|報道|ニュース")


# a school yearbook (卒アル): a private person's photo and name, a piece only with an act of exposure beside it
YEARBOOK = re.compile(r"(?:卒アル|卒業アルバム)(?:の写真)?を?(?:晒す(?!の|なんて|とか)|晒した|晒しとく|うp|アップ"
                      r"|貼|載せ|見つけた|持ってる人)")


# a vehicle's number plate (品川 300 あ 12-34): it identifies one person's car
PLATE = re.compile(r"(?<![一-龥])[一-龥]{1,4}\s?\d{3}\s?[ぁ-ん]\s?\d{1,2}-\d{2}(?!\d)")


EXPOSE = re.compile(r"晒(?:す|し|せ|そ|され)|特定(?:した|して|済|完了|できた|班|しよう)"
                    r"|(?:電|家|職場|会社に)?凸(?:する|して|し|ろ|った)"
                    r"|住所(?:を|晒|特定|割れ|わかった|分かった|知って|見つけ|も分か)|身バレ|個人情報(?:を)?晒|待ち伏せ"
                    r"|(?<![a-z])(?:dox|doxx|doxxed|his address is|her address is|lives at|home address"
                    r"|go visit (?:him|her|them))")


# going to or contacting someone: an act of exposure only when the text names the person or an identifying piece
APPROACH = re.compile(r"(?:見|会い|顔見)に行(?:く|こう|って)|行ってみよう|で待って(?:れば|みる|る|て|よう)|捕まえよう"
                      r"|(?:職場|会社|学校|保護者|家族|教育委員会|学生課)に(?:苦情|連絡|電話|メール|手紙|バラ|通報|凸)"
                      r"|(?:行けば|行ったら|待ってれば)会える|狙い目|出てくる(?:から|ぞ|よ)|暴露|卒アル"
                      r"|電話(?:しまくろう|しよう|しといた|を集中)|(?:連絡|通報)しよう|送りまくろう|送ろう|送ってやれ"
                      r"|かけてやれ|バラして|バラす|チクろう|突き止め|調べたら|まとめた|貼っとく")


# a call on readers to punish someone (誰か懲らしめて): with a private person's piece it is posted to have them hurt
PUNISH = re.compile(r"懲らしめ|制裁(?:を|して|しよう|しろ)|天誅|痛い目(?:に遭わせ|にあわせ|見せ)|思い知らせ")


PERSON_CTX = re.compile(r"こいつ|コイツ|あいつ|アイツ|そいつ|この人|あの人|この女|この男|あの女|あの男|あの子|この子|"
                        r"奴の|やつの|"
                        r"犯人の|お前の|おまえの|(?<=[一-龥ァ-ヶー])(?:さん|くん|ちゃん|氏)の|娘|息子|嫁|旦那|奥さん|"
                        r"彼女の|彼氏の|元カノ|元カレ|元彼|元夫|元妻|元恋人|元交際相手|コメ主|投稿者|投稿主|上の(?:やつ|奴|女|男|人|コメ|書き込み)|"
                        r"反論してる|批判してる|書き込みした|"
                        r"(?<![a-z])(?:his|her|their|your) (?:address|phone|number|email|school|workplace|house)")


ORG_CTX = re.compile(r"本社|本店|支社|庁舎|市役所|区役所|県庁|都庁|役場|警察署|消防署|裁判所|大使館|領事館|所在地|"
                     r"株式会社|"
                     r"（株）|\(株\)|有限会社|工場|店舗|会場|事務所|窓口|お問い合わせ|問い合わせ|受付|営業時間|代表電話|"
                     r"フリーダイヤル|公式|記者会見|開催|移転|オープン|駅|公園|センター|ホール|ビル|0120|0800|"
                     r"内閣府|官邸|議事堂|(?:外務|財務|法務|防衛|総務|環境|経済産業|国土交通|厚生労働|文部科学|農林水産)省|"
                     r"(?:警察|気象|消費者|金融|復興|デジタル)庁|協会|財団|機構|法人|相談|ダイヤル|ホームページ|郵送|編集部|お寄せ"
                     r"|ご意見|お知らせ|広報|担当者|(?<![a-z])(?:inc|ltd|llc|office|headquarters|hq)(?![a-z])")


_PLACE_TRIGGER = frozenset("校学園社院店場所支営塾室スコファ居")


_WHERE_TRIGGER = frozenset("勤職バ実自最通下帰住")


_NAME_TRIGGER = frozenset("名")


# every piece personal_info looks for needs a digit or one of these (a new piece adds what it needs here)
_PIECE_TRIGGER = frozenset("部@毎卒") | _PLACE_TRIGGER | _WHERE_TRIGGER | _NAME_TRIGGER


_EXPOSE_TRIGGER = frozenset("晒特凸住身個待dhlg")


_APPROACH_TRIGGER = frozenset("見会行待捕電連通送かバチ突調ま貼職学保家教狙出暴卒")


_PUNISH_TRIGGER = frozenset("懲制天痛思")


_AFFILIATION_TRIGGER = frozenset("年立院行庫社場店局校園学所部勤働家顔名")


_WORKPLACE_WORDS = ("勤務先", "勤め先", "職場", "バイト先")  # someone's workplace named as theirs


_WORKPLACE_TRIGGER = frozenset(w[0] for w in _WORKPLACE_WORDS)


# pieces that name or locate one person by themselves
# (a frozenset: counts holds a kind only once it has counted one, so "one of them counted" is a set test, not a
# generator asked of each kind)
_IDENTIFYING = frozenset(("address", "room", "phone", "email", "name", "plate"))


PII_PATTERNS = (ADDRESS, ADDRESS_EN, ROOM, POSTAL, PHONE, EMAIL, PLACE, WHEREABOUTS, NAME_REVEAL, SCHEDULE, EXPOSE,
                APPROACH, AFFILIATION, PLATE, PUNISH, TOLD_AFFILIATION, YEARBOOK)


def _alternatives(rx: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of `rx`, each compiled alone: rx matches somewhere if and only if one of them
    does, and each gets its own needles (those of the whole are only what every alternative has one of)."""
    source, parts, depth, start, i, in_class = rx.pattern, [], 0, 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if source.startswith("^]", i + 1) else 1 if source.startswith(("]", "^"), i + 1) else 0
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and not depth:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return tuple(re.compile(part, rx.flags) for part in [*parts, source[start:]])


# AFFILIATION is only asked whether it occurs: each alternative looked for where its own needles are (the whole
# pattern's needles are in '中学校' repeated, and the engine then tries every alternative at every position)
AFFILIATION_PARTS = _alternatives(AFFILIATION)


PII_GUARDED = (*PII_PATTERNS, *AFFILIATION_PARTS, TARGET_CTX)  # the patterns personal_info reads a guard of


# and exposure_threat's verbs, found in the same pass (PII_NEEDLES: what personal_info's `found` must hold)
_NEEDLES = NeedleIndex(PII_GUARDED, extra=VERB_NEEDLES)


PII_NEEDLES = frozenset(_NEEDLES.automaton.keys)


_GUARDS = _NEEDLES.guards  # pattern -> its guard, read without a method call


class _Starts:
    """Where a match of a pattern can start: one automaton pass for the strings every match starts with
    (needles.prefixes), the pattern matched only there. The engine tries every alternative of these patterns at
    every position (over 5,000 characters of chat with no match: ORG_CTX ~570 us, from its starts ~30 us); their
    start strings are too common for a regex search of them to pay."""

    def __init__(self, rx: re.Pattern[str]):
        self.match, self.search = rx.match, rx.search
        strings = sorted(prefixes(re._parser.parse(rx.pattern, rx.flags), rx.flags & re.ASCII) or ())
        if BEGIN in strings:  # a match may start where the text does: left to the engine
            strings = []
        self.automaton = Automaton({s: len(s) for s in strings}) if strings else None  # None: may start anywhere
        self.lengths = np.asarray([len(s) for s in strings], dtype=np.int64)
        # a slot in features/patterns._STARTS: the code pass finds where they begin (prefix-free: no position twice)
        begins = frozenset(s for s in strings if not any(s != t and s.startswith(t) for t in strings))
        self.pattern, self.begins, self.starts, self.slot = rx, begins or None, None, None

    def occurs(self, text: str, codes: np.ndarray | None = None, hits=None) -> bool:
        """rx.search(text) is not None (`codes`: its code points as uint32, if known; `hits`: its code pass)."""
        if self.automaton is None:
            return self.search(text) is not None
        if hits is not None and self.slot is not None:
            at_most = hits.tries(self.slot)  # where the code pass found the strings begin, in order
        else:
            ends, words = self.automaton.scan(text, codes)
            at_most = sorted(set((ends - self.lengths[words] + 1).tolist()))  # a set of a few: np.unique ~5 us
        match = self.match  # from each possible start, in order (a loop: no generator made a call, ~1.5 a comment)
        for at in at_most:
            if match(text, at) is not None:
                return True
        return False


_CONTEXT = {rx: _Starts(rx) for rx in (ORG_CTX, PERSON_CTX, TARGET_CTX, SELF_CTX)}


_NEVER = 1 << 62  # no number of digits is enough


# each piece personal_info counts: (kind, guard, the digits or one of the characters that let it be tried, a
# character it also needs, what must also be found): built once, not eleven tuples of tests per call
_PIECES = tuple((kind, _GUARDS[rx], least, frozenset(trigger), also, needed)
                for kind, rx, least, trigger, also, needed in (
    ("address", ADDRESS, 1, "", None, None), ("address", ADDRESS_EN, 1, "", " ", None),
    ("room", ROOM, 1, "部", None, None), ("postal", POSTAL, 1, "", None, None), ("phone", PHONE, 9, "", None, None),
    ("email", EMAIL, _NEVER, "@", None, EMAIL_NEEDED.search), ("place", PLACE, _NEVER, _PLACE_TRIGGER, None, None),
    ("whereabouts", WHEREABOUTS, _NEVER, _WHERE_TRIGGER, None, None),
    ("name", NAME_REVEAL, _NEVER, _NAME_TRIGGER, None, None), ("schedule", SCHEDULE, _NEVER, "毎", None, None),
    ("plate", PLATE, 5, "", None, None), ("yearbook", YEARBOOK, _NEVER, "卒", None, None)))
# those a text with no digit may hold (a character of theirs): nine of ten news comments have no digit, and the five
# that need one were each unpacked and tested there
_PIECES_NO_DIGITS = tuple(piece for piece in _PIECES if piece[3])


def _occurs(rx: re.Pattern[str], text: str, codes: np.ndarray | None = None) -> bool:
    return _CONTEXT[rx].occurs(text, codes)


# Each guard and context read from its dict once, here: hashing a compiled pattern hashes its whole compiled code
# (TARGET_CTX ~9 us, PERSON_CTX ~9, ORG_CTX ~5 a lookup), so personal_info looks none up by its pattern.
_EXPOSE, _APPROACH, _PUNISH, _TARGET = _GUARDS[EXPOSE], _GUARDS[APPROACH], _GUARDS[PUNISH], _GUARDS[TARGET_CTX]
_TOLD = _GUARDS[TOLD_AFFILIATION]
_AFFILIATION = tuple(_GUARDS[part] for part in AFFILIATION_PARTS)
_ORG_STARTS, _PERSON_STARTS, _TARGET_STARTS, _SELF_STARTS = (_CONTEXT[rx] for rx in (ORG_CTX, PERSON_CTX, TARGET_CTX,
                                                                                    SELF_CTX))


def personal_info(text: str, spans: list | None = None, chars: set | None = None, digits: int = 1,
                  found: set | None = None, codes: np.ndarray | None = None, hits=None) -> dict[str, float]:
    """Counts of the personal-information pieces, and `pii_exposed`: a piece with an act of exposure (晒す, 特定,
    凸, 待ち伏せ), or with a way to reach someone (行ってみよう, 電話しよう) and a private person or an identifying
    piece (address, phone, e-mail, real name), or an identifying piece next to a private person with no
    company, public office or help line in the text (those are news, not doxxing).

    `chars` (the set of the text's characters), `digits` (how many) and `found` (the needles of an index
    holding PII_NEEDLES found in the text) let absent pieces be skipped; `codes` (its code points as uint32) let the
    context scans skip encoding it; `hits` (its code pass, moderation/codepass.py) holds where the guards can start."""
    chars = set(text) if chars is None else chars
    counts: dict[str, int] = {}
    if digits or not chars.isdisjoint(_PIECE_TRIGGER):  # else no piece's test below can pass: none tried
        for kind, guard, least, trigger, also, needed in _PIECES if digits else _PIECES_NO_DIGITS:
            if (digits < least and trigger.isdisjoint(chars)) or (also is not None and also not in chars) or (
                    needed is not None and needed(text) is None) or not guard.may_match(text, chars, found):
                continue
            for m in guard.finditer(text, at=hits):
                counts[kind] = counts.get(kind, 0) + 1
                if spans is not None:
                    spans.append(("personal_info", m.start(), m.end()))
    pieces = sum(counts.values())
    identifying = not _IDENTIFYING.isdisjoint(counts)
    expose = approach = 0
    if not chars.isdisjoint(_EXPOSE_TRIGGER) and _EXPOSE.may_match(text, chars, found):
        expose = sum(1 for _ in _EXPOSE.finditer(text, at=hits))
    if not chars.isdisjoint(_APPROACH_TRIGGER) and _APPROACH.may_match(text, chars, found):
        approach = sum(1 for _ in _APPROACH.finditer(text, at=hits))
    punish = 0
    if pieces and not chars.isdisjoint(_PUNISH_TRIGGER) and _PUNISH.may_match(text, chars, found):
        punish = sum(1 for _ in _PUNISH.finditer(text, at=hits))
    # someone singled out (asked first: its needles are rarer than an affiliation's, which matters only with it)
    target = _TARGET.may_match(text, chars, found) and _TARGET_STARTS.occurs(text, codes, hits)
    affiliated = target and not chars.isdisjoint(_AFFILIATION_TRIGGER) and any(
        guard.may_match(text, chars, found) and next(guard.finditer(text, at=hits), None) is not None
        for guard in _AFFILIATION)
    exposed = 0.0
    # an office or a company told as a singled-out person's workplace (こいつの…勤務先は神戸市の区役所の税務課) is
    # where to find that person, not a notice of the office: its pieces stay private (session 35: pi-063 read as
    # pii_public, personal_info 0.372 with 2026.12.04-7)
    public = bool(pieces) and _ORG_STARTS.occurs(text, codes, hits) and not (
        target and not chars.isdisjoint(_WORKPLACE_TRIGGER) and any(w in text for w in _WORKPLACE_WORDS))
    # the needles first: a search of the whole text for a news subject cost ~0.7 us a comment, and 6% may be told
    told = _TOLD.may_match(text, chars, found) and not _NEWS_SUBJECT.search(text) and next(
        _TOLD.finditer(text, at=hits), None) is not None
    if (affiliated or told) and not _SELF_STARTS.occurs(text, codes, hits):
        exposed = 1.0  # a targeted private person's class, school or job, or one told as hearsay: where to find them
    if pieces and not exposed:
        person = _PERSON_STARTS.occurs(text, codes, hits) or target
        whereabouts = bool(counts.get("whereabouts"))  # 自宅は, 住んでる: somebody's
        routine = bool(counts.get("schedule"))  # a private person's daily routine says where to find them
        near = (person or whereabouts) and identifying and not public
        punished = punish and (person or identifying) and not public  # an office's address is no private target
        if expose or (approach and (person or identifying)) or near or (person and routine) or punished:
            exposed = 1.0
    if not exposed and exposure_threat(text, chars, found):
        exposed = 1.0  # a threat to expose someone, or their finding told (exposed.py): no piece needs to be posted
    if exposed and not identifying and EXPOSURE_TOLD.search(text):
        exposed, expose, approach, punish = 0.0, 0, 0, 0  # someone else's doxxing told (located.py), no piece repeated
    if exposed and not expose and not identifying and not chars.isdisjoint("行伺来") and (
            ERRAND_VISIT.search(text) and not MENACE_JA.search(text)):
        exposed = 0.0  # a home found to go and apologise or thank at (located.ERRAND_VISIT), nothing posted
    # a call to punish is an act of exposure only at a private target: beside an office's or a company's address
    # and no private person it is anger at the news (同社の本社は…、経営陣を懲らしめてほしい: personal_info 0.258);
    # a private person named keeps it (元カノの住所は…駅前…、誰か制裁して: 駅 makes the address look public)
    # (a commenter or clerk singled out, スレ主の住所は…駅前…, is a private target too: second read, session 31)
    if punish and public and not (target or _PERSON_STARTS.occurs(text, codes, hits)):
        punish = 0
    # pieces in a text that names a company, office or help line are counted apart (`pii_public`): news and
    # notices, which the head must not learn as doxxing
    return {"pii_pieces": 0.0 if public else float(pieces), "pii_public": float(pieces) if public else 0.0,
            "pii_expose_act": float(expose + approach + punish), "pii_exposed": exposed}
