"""The signals' regexes, the needles that guard them, and the constant tables the counting reads."""

from __future__ import annotations

import numpy as np

from moderation.features.vocabulary import _COMBOS, FEATURE_NAMES
from moderation.needles.bits import GuardBits
from moderation.needles.guards import NeedleIndex
from moderation.needles.parts import Parts
from moderation.needles.positions import StartIndex
from moderation.pattern_cache import compiled
from moderation.targets.accused import ACCUSE_NAMED, ACCUSE_NAMED_PARTS
from moderation.targets.constructions import (
    ACCUSE_EN,
    ACCUSE_EN_PARTS,
    ACCUSE_JA,
    ACCUSE_JA_PARTS,
    CONSTRUCTIONS,
    HATE_EN,
    HATE_EN_PARTS,
    HATE_EN_TAILS,
    HATE_JA,
    HATE_JA_PARTS,
    HATE_JA_TAILS,
    LOCATED_VISIT,
    LOCATED_VISIT_PARTS,
    THREAT_EN,
    THREAT_EN_PARTS,
    THREAT_EN_TAILS,
    THREAT_JA,
    THREAT_JA_DEEDS,
    THREAT_JA_PARTS,
)
from moderation.targets.denied import CUES as DENIAL_CUES
from moderation.targets.denied import DENIED_GUARD
from moderation.targets.denied import TRIGGERS as _DENIED_TRIGGERS
from moderation.targets.owned import STEMS as OWNED_STEMS
from moderation.targets.pii import _CONTEXT as _PII_CONTEXT
from moderation.targets.pii import _NEEDLES as _PII_NEEDLES
from moderation.targets.pii import PII_GUARDED, PII_NEEDLES
from moderation.targets.pii import TRIGGERS as _PII_TRIGGERS
from moderation.targets.pii_pieces import EMAIL as _EMAIL
from moderation.targets.praise import PRAISE_EN, PRAISE_EN_PARTS, PRAISE_EN_VETOES
from moderation.targets.reported import _AFTER_EN_GUARD, _NEEDLES_REPORTED, REPORTED_NEEDLES
from moderation.targets.reported import TRIGGERS as _REPORTED_TRIGGERS
from moderation.targets.treated import TREATED_GUARD, TREATED_OBJECT_GUARD

_TLDS = "com|net|org|jp|info|biz|me|io|ly|to|gl|co|xyz|top|site|club|shop|online|link|app|cc|tk|ml|ru|cn|us"


_URL = compiled(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"'、。「」]+|(?<![a-z0-9@.\-])(?:[a-z0-9\-]{1,63}\.){1,8}"
    r"(?:" + _TLDS + r")(?:/[^\s<>\"'、。「」]*)?(?![a-z0-9])")


# what every _URL match contains: a scheme or www., or a dot, a listed top-level domain and no letter or digit after
# it (the engine stops at a few characters for this; _URL tries a match at every position: ~8 us at 200 chars)
_URL_NEEDED = compiled(r"https?://|hxxps?://|www\.|\.(?:" + _TLDS + r")(?:/|(?![a-z0-9]))")


_URL_SCHEME = compiled(r"https?://|hxxps?://|www\.")  # where _URL's first alternative starts


_URL_TLD = compiled(r"\.(?:" + _TLDS + r")(?:/|(?![a-z0-9]))")  # what its second alternative holds


_SHORT_URL_SCAN = 400  # characters below which a run's start is read back in Python, not found by numpy


_URL_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")  # a run of labels and dots: [a-z0-9.-]


_URL_RUN = np.zeros(128, dtype=bool)  # the same by code point


_URL_RUN[[ord(c) for c in _URL_RUN_CHARS]] = True


_PHONE = compiled(r"(?<![\d\-])(?:0\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4}|\+?\d{1,3}[-\s]?\d{2,4}[-\s]?\d{3,4}"
                  r"[-\s]?\d{3,4}|\d{5,})(?![\d])")


# what every _PHONE match holds (each alternative is digit groups with at most one - or space between them, five
# digits or more): the engine skips to each digit for this, _PHONE's guard tries from every digit (a price and a
# four-digit id: ~7 us at 200 characters)
_PHONE_NEEDED = compiled(r"\d(?:[-\s]?\d){4}")


_LINE_ID = compiled(r"(?:line|らいん|ライン)\s?(?:id)?\s?[:：=＝は]?\s?[@＠]?[a-z0-9._\-]{4,20}"
                    r"|(?:^|[\s(（])[@＠][a-z0-9._\-]{4,20}"
                    r"|line\.me/|lin\.ee/|(?<![a-z])id\s?[:：]\s?[a-z0-9._\-]{4,20}")


_MONEY_AMOUNT = compiled(r"(?<![\d,])\d[\d,]{0,15}\s?(?:万|億|千)?\s?円|[¥￥$£€]\s?\d"
                         r"|(?<!\d)\d{1,8}\s?万(?:以上|稼|円|/月|/日)?")


_EMOJI = compiled("[\U0001F000-\U0001FAFF\u2764\u2728\u2B50\u203C\u2049\u2705\u274C]")  # not ☆★♪ (kaomoji)


_HASHTAG = compiled(r"[#＃][^\s#＃]+")


# a run of sentence marks, or a full stop before a space or the end; one class first, so the engine skips to it
# ([。．!?！？\n]+|\.(?:\s|$) gave it no first character: every position tried, ~190 us over 10,000 characters)
_SENTENCE_END = compiled(r"[。．!?！？\n.](?:(?<=\.)(?:\s|$)|(?<!\.)[。．!?！？\n]*)")


# a surname and 記者 (田中記者) names one reporter; a kind of reporter (新聞記者, 女性記者, 番記者) and the press's
# things (記者クラブ, 記者会見) name no one (session 33). Not 部 alone: 阿部記者, 服部記者 are surnames. A kind, not a
# name, is also an insult made into one (クソ記者, ゴミ記者: the reporter addressed keeps third_person)
_REPORTER_KINDS = ("新聞", "雑誌", "女性", "男性", "若手", "番", "政治", "経済", "社会", "報道", "海外", "外国人",
                   "現地", "従軍", "戦場", "専門", "科学", "医療", "司法", "担当", "同行", "地元", "全国紙", "通信社",
                   "テレビ", "スポーツ", "芸能", "フリー", "新人", "記者", "社会部", "政治部", "経済部", "運動部",
                   "外信部", "編集部", "紙", "誌", "局", "社", "系", "人",
                   "クソ", "ゴミ", "バカ", "カス", "クズ", "アホ", "ボケ", "糞",
                   "元", "現役", "ベテラン", "御用", "外国", "大手", "各", "同", "当", "朝日", "毎日", "読売", "産経",
                   "日経", "共同", "時事", "通信", "ロイター", "テレ朝", "文春")  # an insult made a kind: ゴミ記者


_NAMED = compiled(r"(?<=[一-龥ァ-ヶー])(?<!皆)(?:さん|氏|容疑者|被告|議員|社長|選手|先生|くん|ちゃん|アナ(?!ウンサ)"
                  r"|" + "".join(f"(?<!{k})" for k in _REPORTER_KINDS) + r"記者(?!クラブ|会見|室|席|証|発表|協会|団))"
                  r"|(?<![a-z])(?:mr|mrs|ms|dr)\.? [a-z]")


_NAMED_TRIGGER = frozenset("さ氏容被議社選先くちアmd記")


# 自分 told what to do (バカか、自分で調べろ; 自分の頭で考えて) is the person addressed, not the writer: the reflexive
# takes the imperative's subject (自分は/自分が/自分の + an insult stays the writer's self-deprecation)
_SELF_ADDRESSED = compiled(r"自分(?:で|に|の頭で|の目で)[^。．.!?！？\n]{0,20}?"
                           r"(?:[ろれけせてべめ]|[言買払使]え|なさい|しな|するな)(?:よ|や|ってば|って)?"
                           r"(?=$|[。．.!?！？\nwｗ])")


_ADDRESSED_CATS = ("second_person",)


# what each pattern needs in a text before it is worth scanning (moderation/needles/: never changes a count);
# reported_spans's needles, owned_spans's slur stems, denied_spans's cues and personal_info's (exposure_threat's
# verbs) are found in the same pass
_NEEDLES = NeedleIndex((_NAMED, _LINE_ID, _PHONE, _EMAIL, _MONEY_AMOUNT, *CONSTRUCTIONS.values(), *PRAISE_EN_PARTS,
                        *PII_GUARDED, *THREAT_EN_PARTS, *THREAT_JA_PARTS, *ACCUSE_NAMED_PARTS, *ACCUSE_EN_PARTS,
                        *ACCUSE_JA_PARTS, *HATE_EN_PARTS, *HATE_JA_PARTS, *LOCATED_VISIT_PARTS),
                       extra=REPORTED_NEEDLES | OWNED_STEMS | DENIAL_CUES | PII_NEEDLES)


_GUARDS = _NEEDLES.guards  # pattern -> its guard, read without a method call


# constructions scanned as their alternatives apart, each behind its own needles (the same matches)
_SPLIT = {THREAT_EN: Parts(THREAT_EN_PARTS, _NEEDLES, THREAT_EN_TAILS),
          HATE_EN: Parts(HATE_EN_PARTS, _NEEDLES, HATE_EN_TAILS), THREAT_JA: Parts(THREAT_JA_PARTS, _NEEDLES),
          ACCUSE_NAMED: Parts(ACCUSE_NAMED_PARTS, _NEEDLES), ACCUSE_EN: Parts(ACCUSE_EN_PARTS, _NEEDLES),
          ACCUSE_JA: Parts(ACCUSE_JA_PARTS, _NEEDLES),
          HATE_JA: Parts(HATE_JA_PARTS, _NEEDLES, HATE_JA_TAILS), LOCATED_VISIT: Parts(LOCATED_VISIT_PARTS, _NEEDLES),
          PRAISE_EN: Parts(PRAISE_EN_PARTS, _NEEDLES, vetoes=PRAISE_EN_VETOES)}


# every guard the signals ask with the text's code pass, numbered for that pass, which finds where each can start
# (and where each split part's tail can: its Tail's start strings)
_STARTS = StartIndex((*_GUARDS.values(), *_PII_NEEDLES.guards.values(), *_NEEDLES_REPORTED.guards.values(),
                      *(g for split in _SPLIT.values() for g in split.guards if getattr(g, "begins", None)),
                      *_PII_CONTEXT.values(), DENIED_GUARD, TREATED_GUARD,
                      TREATED_OBJECT_GUARD))  # and personal_info's context patterns,
# DENIED_EN, TREATED_EN


_AIMED = frozenset(("second_person", "third_person", "named_person", "group", "group_named", "self_ref", "thing"))


# attacks that a negation in the same sentence turns around ("[group] are not vermin", "I don't hate [group]")
_NEGATABLE = frozenset(("insult_at_group", "group_attack", "hate_at_group"))


# word kinds and constructions that count as `quoted_harm` inside someone else's reported words
_HARM_WORDS = frozenset(("insult", "sexual_word", "profanity_en", "death_wish", "violence_word", "slur", "dehumanize",
                         "expel", "sexual_harass", "self_harm_push", "crime_word"))


_MASKED_CONSTRUCTIONS = frozenset(("threat_ja", "threat_en", "located_visit", "accusation_ja", "accusation_en",
                                   "accusation_named",
                                   "hate_statement_en", "hate_statement_ja"))


# constructions that count as `denied_harm` under an English negation's scope ("I don't think [group] are
# criminals", "nobody here thinks [group] should be shot", "no family deserves to die"); a threat only inside what
# denied.py reads as denied ("I won't hesitate to hurt you" negates no belief, wish or death: it stays a threat)
_DENIABLE_CONSTRUCTIONS = frozenset(("hate_statement_en", "accusation_en", "accusation_named", "threat_en"))


# what makes a sentence the one worth scoring on its own (the writer's harm words and constructions)
_FOCUS_KINDS = _HARM_WORDS | _MASKED_CONSTRUCTIONS | frozenset(("self_harm_self",))


# a threat or incitement (violence verb + will or wish form) is a whole act, not a word that may be one: it outweighs
# a harsh word about a named person elsewhere (プーチンは戦争犯罪者だ。誰か早く暗殺してくれ: the second sentence)
_FOCUS_THREATS = frozenset(("threat_ja", "threat_en", "located_visit"))


_FOCUS_TARGETS = frozenset(("second_person", "third_person", "named_person", "group", "group_named", "public_figure"))


_FOCUS_REPORT = frozenset(("news", "hedge", "reporting", "negated_en", "negated_ja"))


_IDX = {name: i for i, name in enumerate(FEATURE_NAMES)}


_COMBO_AT_ARRAY = np.asarray([_IDX[name] for name in _COMBOS], dtype=np.int64)  # bit i of _info's first two


_NEGATABLE_BITS = sum(1 << bit for bit, name in enumerate(_COMBOS) if name in _NEGATABLE)


_AIMED_FLAG, _INSULT_FLAG, _PROFANITY_FLAG, _NEGATED_FLAG = 1, 2, 4, 8


# features that are values already (ratios, densities, flags); every other one is a count, saturated by log1p
_VALUES = ("emoji_density", "repetition", "length", "latin_ratio", "digit_ratio", "has_japanese", "pii_exposed",
           "attack_unaimed_en")


_VALUE_MASK = np.zeros(len(FEATURE_NAMES), dtype=bool)  # the features that are values, not saturated


_VALUE_MASK[[_IDX[name] for name in _VALUES]] = True


_HALVED = _IDX["spaced_letters"]  # the one feature scaled (by 0.5; every other one by 1.0)


# code point classes, one searchsorted: digit, latin, kana, kanji, emoji
_EDGES = np.asarray([48, 58, 97, 123, 0x3040, 0x3100, 0x4E00, 0xA000, 0x1F000, 0x1FB00], dtype=np.uint32)


_DIGIT, _LATIN, _KANA, _KANJI, _EMOJI_CLASS = 1, 3, 5, 7, 9


_EMOJI_BMP = frozenset("\u2764\u2728\u2B50\u203C\u2049\u2705\u274C")  # not ☆★♪ (kaomoji)


_LATIN_ONLY = frozenset(("threat_en", "accusation_en", "hate_statement_en", "negated_en", "counter_speech_en",
                         "praise"))


# a construction can only match when one of these characters is present (a cheap pre-check)
_TRIGGERS = {
    # the deed parts' (THREAT_JA_DEEDS) needles' first characters with the words' own set
    "threat_ja": frozenset("殺刺殴しボ潰燃放爆襲拉埋沈始ぶ痛覚夜ど命たタ後思家顔血会楽首暗処射銃撃吊踏火").union(
        needle[0] for part in THREAT_JA_DEEDS for needle in _GUARDS[part].chars | _GUARDS[part].strings),
    "threat_reported": frozenset("と脅予t"),
    "accusation_ja": frozenset("詐横盗痴不窃万脱レ強放覚薬暴虐ス前逮パセ賄裏着泥性援買反闇工諜回エ"),
    "quotation": frozenset("「『\"“"),
}



# each construction with what rules it out: Latin-only with no Latin letter, no trigger character, no needle
# praise as a predicate (moderation/targets/praise.py) is scanned with them, and its hits count as the word list's
# "praise": no feature of its own, it is read only where a group shares its sentence (group_praise)
_PRAISE_READ = "praise"


# the guards asked with the needles the code pass found (a Found), answered by that pass: one bit each
_BITS = GuardBits(_NEEDLES.automaton.keys)
for _guard in (*(_GUARDS[rx] for rx in (_NAMED, _LINE_ID, _PHONE, _EMAIL, _MONEY_AMOUNT)), *_SPLIT.values(),
               *_PII_NEEDLES.guards.values(), *_NEEDLES_REPORTED.guards.values(), _AFTER_EN_GUARD):
    _BITS.guard(_guard)
for _triggers in (_PII_TRIGGERS, _REPORTED_TRIGGERS, _DENIED_TRIGGERS):  # the readers' trigger sets, answered by
    _triggers.number(_BITS.add)  # the same pass (targets/triggers.py)


_CONSTRUCTION_GUARDS = tuple((name, guard, name in _LATIN_ONLY, _BITS.construction(guard, _TRIGGERS.get(name)))
                             for name, rx in (*CONSTRUCTIONS.items(), (_PRAISE_READ, PRAISE_EN))
                             for guard in (_SPLIT.get(rx) or _GUARDS[rx],))
# each construction's (name, guard) by its bit, and the bits signals asks of the code pass's answers: all of them; all
# but praise's (where no hit of the text is a group, praise counts for nothing: its tuple only meets group_praise's
# first half, so a score does not scan for it, ~55 us over 5,000 characters; with spans an explanation does,
# signals._later); those a text with no Latin letter can match (praise is Latin-only: four of five comments of a
# Japanese news site)
_CONSTRUCTION_AT = {bit: (name, guard) for name, guard, _latin_only, bit in _CONSTRUCTION_GUARDS}
_CONSTRUCTION_BITS = sum(1 << g[3] for g in _CONSTRUCTION_GUARDS)
_CONSTRUCTION_BITS_NO_PRAISE = sum(1 << g[3] for g in _CONSTRUCTION_GUARDS if g[0] != _PRAISE_READ)
_CONSTRUCTION_BITS_NO_LATIN = sum(1 << g[3] for g in _CONSTRUCTION_GUARDS if not g[2])
