"""Named signal features of one normalised comment: spam structure, harm words, who they aim at, constructions.

`signals(norm, codes)` returns the bounded feature vector in `FEATURE_NAMES` order, written and read by name
(`signal_dict()` gives it as a dict), so no code reads a feature by position. Everything is linear in the
text: one Aho-Corasick pass
for all word lists (`moderation.matcher`), anchored regexes with bounded gaps (`moderation.targets`), and
numpy over code points for ratios and repetition. Harm words are combined per SENTENCE with who they are
aimed at (a person addressed, a named person, a group, the writer, a quotation), so one attack in a long
comment counts as much as in a short one.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from moderation import lexicon_data as L
from moderation import wordlists as W
from moderation.codepass import scan
from moderation.kernels import hit_counts
from moderation.matcher import Matcher
from moderation.needles import NeedleIndex
from moderation.targets import CONSTRUCTIONS, EMAIL_NEEDED, PII_GUARDED, REPORTED_NEEDLES, personal_info, reported_spans
from moderation.targets import EMAIL as _EMAIL
from moderation.text import Normalized

__all__ = ["FEATURE_NAMES", "SPAN_KINDS", "expand_spans", "signal_dict", "signals"]

# word lists by the feature they feed
_LISTS = {
    "insult": tuple(L.OFFENSIVE_JA) + W.INSULTS_JA + W.INSULTS_EN,
    "sexual_word": tuple(L.SEXUAL_JA) + W.SEXUAL_WORDS_JA,
    "profanity_en": tuple(L.PROFANITY_EN), "death_wish": W.DEATH_WISH, "violence_word": W.VIOLENCE,
    "group": W.GROUPS, "slur": W.SLURS, "dehumanize": W.DEHUMANIZE, "expel": W.EXPEL,
    "sexual_harass": W.SEXUAL_HARASS, "self_harm_push": W.SELF_HARM_PUSH, "self_harm_self": W.SELF_HARM_SELF,
    "crime_word": W.CRIME, "hedge": W.HEDGE, "second_person": W.SECOND_PERSON, "third_person": W.THIRD_PERSON,
    "public_figure": W.PUBLIC_FIGURES, "self_ref": W.SELF, "reporting": W.REPORTING, "literal": W.LITERAL,
    "news": W.NEWS, "negated_ja": W.NEGATED_JA, "caution": W.CAUTION, "thing": W.THINGS, "praise": W.PRAISE,
    "money_phrase": W.MONEY, "urgency_phrase": W.URGENCY,
    "contact_handoff": W.HANDOFF,
    "dating_lure": tuple(L.SPAM_HASHTAGS) + W.DATING,
}
_BRAND_OF: dict[str, list[int]] = {}
for _i, (_name, _lits, _doms) in enumerate(L.BRAND_RULES):
    for _lit in _lits:
        _BRAND_OF.setdefault(_lit.replace("\\b", ""), []).append(_i)
_LISTS["brand_mention"] = tuple(_BRAND_OF)
_WORDS = Matcher(_LISTS)
_BRAND_DOMAINS = tuple(doms for _name, _lits, doms in L.BRAND_RULES)

# combinations inside one sentence: feature -> (categories of which one must be present, per group)
_COMBOS = {
    "insult_at_person": (("insult", "profanity_en", "slur"), ("second_person", "third_person", "named_person")),
    "insult_at_group": (("insult", "slur", "dehumanize"), ("group",)),
    "insult_at_self": (("insult",), ("self_ref",)),
    "insult_reported": (("insult", "slur", "profanity_en"), ("reporting", "quotation")),
    "insult_at_thing": (("insult", "profanity_en"), ("thing",)),
    "sexual_at_person": (("sexual_word", "sexual_harass"), ("second_person", "third_person", "named_person")),
    "death_wish_at_person": (("death_wish",), ("second_person", "third_person", "named_person")),
    "violence_at_person": (("violence_word",), ("second_person", "third_person", "named_person")),
    "group_attack": (("group", "slur"), ("dehumanize", "expel", "death_wish", "violence_word")),
    "self_harm_at_person": (("self_harm_push", "death_wish"), ("second_person", "third_person")),
    "crime_at_person": (("crime_word",), ("second_person", "third_person", "named_person")),
    "crime_at_public": (("crime_word",), ("public_figure",)),
    "hate_at_group": (("hate_statement_en",), ("group",)),
    "group_praise": (("praise",), ("group",)),
    "news_violence": (("violence_word", "death_wish"), ("news",)),
    "caution_at_person": (("caution",), ("second_person", "third_person", "named_person")),
    "attack_at_public": (("death_wish", "violence_word", "dehumanize", "threat_ja", "sexual_harass"),
                         ("public_figure",)),
}
# "insult" and "profanity_en" have no count of their own: they enter only with whom they aim at (the combinations,
# insult_unaimed, profanity_unaimed), so a swear word at nobody is not learnt as an attack on someone
_SAT = ("sexual_word", "death_wish", "violence_word", "group", "slur", "dehumanize",
        "expel", "sexual_harass", "self_harm_push", "self_harm_self", "crime_word", "hedge", "second_person",
        "third_person", "named_person", "public_figure", "self_ref", "reporting", "literal", "news", "negated_ja")
FEATURE_NAMES = (
    "url_count", "url_spam_domain", "url_shortener", "url_safe_domain", "url_unknown_domain", "brand_mention",
    "brand_foreign_domain", "brand_lookalike_domain", "line_id", "contact_handoff", "phone", "email",
    "money_phrase", "money_amount", "urgency_phrase", "dating_lure", "emoji_density", "emoji_count", "repetition",
    "invisible_chars", "lookalike_chars", "masked_words", "spaced_letters", "exclaim", "hashtags",
    "length", "latin_ratio", "digit_ratio", "has_japanese", *_SAT, *_COMBOS, *CONSTRUCTIONS,
    "insult_unaimed", "profanity_unaimed", "quoted_harm", "pii_pieces", "pii_public", "pii_expose_act", "pii_exposed",
    "sentences",
)
# feature -> the kind of span in the text that makes it fire (explanations)
SPAN_KINDS = {name: name for name in FEATURE_NAMES}
SPAN_KINDS.update({"url_count": "url", "url_spam_domain": "url", "url_shortener": "url", "url_unknown_domain": "url",
                   "brand_foreign_domain": "url", "brand_lookalike_domain": "url", "pii_pieces": "personal_info",
                   "pii_exposed": "personal_info"})
for _name, (_first, _second) in _COMBOS.items():
    SPAN_KINDS[_name] = _first[0]

_TLDS = "com|net|org|jp|info|biz|me|io|ly|to|gl|co|xyz|top|site|club|shop|online|link|app|cc|tk|ml|ru|cn|us"
_URL = re.compile(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"'、。「」]+|(?<![a-z0-9@.\-])(?:[a-z0-9\-]{1,63}\.){1,8}"
    r"(?:" + _TLDS + r")(?:/[^\s<>\"'、。「」]*)?(?![a-z0-9])")
# what every _URL match contains: a scheme or www., or a dot, a listed top-level domain and no letter or digit after
# it (the engine stops at a few characters for this; _URL tries a match at every position: ~8 us at 200 chars)
_URL_NEEDED = re.compile(r"https?://|hxxps?://|www\.|\.(?:" + _TLDS + r")(?:/|(?![a-z0-9]))")
_URL_SCHEME = re.compile(r"https?://|hxxps?://|www\.")  # where _URL's first alternative starts
_URL_TLD = re.compile(r"\.(?:" + _TLDS + r")(?:/|(?![a-z0-9]))")  # what its second alternative holds
_SHORT_URL_SCAN = 400  # characters below which _URL's own scan is cheaper (200: 6.6 against 11.4 us)
_URL_RUN = np.zeros(128, dtype=bool)  # the characters of a run of labels and dots: [a-z0-9.-]
_URL_RUN[[ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789.-"]] = True
_PHONE = re.compile(r"(?<![\d\-])(?:0\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4}|\+?\d{1,3}[-\s]?\d{2,4}[-\s]?\d{3,4}"
                    r"[-\s]?\d{3,4}|\d{5,})(?![\d])")
_LINE_ID = re.compile(r"(?:line|らいん|ライン)\s?(?:id)?\s?[:：=＝は]?\s?[@＠]?[a-z0-9._\-]{4,20}"
                      r"|(?:^|[\s(（])[@＠][a-z0-9._\-]{4,20}"
                      r"|line\.me/|lin\.ee/|(?<![a-z])id\s?[:：]\s?[a-z0-9._\-]{4,20}")
_MONEY_AMOUNT = re.compile(r"(?<![\d,])\d[\d,]{0,15}\s?(?:万|億|千)?\s?円|[¥￥$£€]\s?\d"
                           r"|(?<!\d)\d{1,8}\s?万(?:以上|稼|円|/月|/日)?")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2764\u2728\u2B50\u203C\u2049\u2705\u274C]")  # not ☆★♪ (kaomoji)
_HASHTAG = re.compile(r"[#＃][^\s#＃]+")
# a run of sentence marks, or a full stop before a space or the end; one class first, so the engine skips to it
# ([。．!?！？\n]+|\.(?:\s|$) gave it no first character: every position tried, ~190 us over 10,000 characters)
_SENTENCE_END = re.compile(r"[。．!?！？\n.](?:(?<=\.)(?:\s|$)|(?<!\.)[。．!?！？\n]*)")
_NAMED = re.compile(r"(?<=[一-龥ァ-ヶー])(?<!皆)(?:さん|氏|容疑者|被告|議員|社長|選手|先生|くん|ちゃん|アナ(?!ウンサ))"
                    r"|(?<![a-z])(?:mr|mrs|ms|dr)\.? [a-z]")
_NAMED_TRIGGER = frozenset("さ氏容被議社選先くちアmd")
# 自分 told what to do (バカか、自分で調べろ; 自分の頭で考えて) is the person addressed, not the writer: the reflexive
# takes the imperative's subject (自分は/自分が/自分の + an insult stays the writer's self-deprecation)
_SELF_ADDRESSED = re.compile(r"自分(?:で|に|の頭で|の目で)[^。．.!?！？\n]{0,20}?"
                             r"(?:[ろれけせてべめ]|[言買払使]え|なさい|しな|するな)(?:よ|や|ってば|って)?"
                             r"(?=$|[。．.!?！？\nwｗ])")
_ADDRESSED_CATS = ("second_person",)
_GENERIC_LABELS = frozenset({"card", "bank", "mail", "info", "online", "japan", "mobile", "group", "net", "web", "shop",
                             "service", "official", "secure", "login", "center", "global", "store", "www", "news",
                             "point", "corp", "home", "life", "auth", "pay", "exp", "finance", "direct", "club",
                             "digital", "central", "click", "courts", "expy", "anser", "court", "smart", "east",
                             "west", "north", "south", "plus", "first", "next", "nippon"})


def _brand_labels() -> dict[str, tuple[str, ...]]:
    """Distinctive name parts of brands' official domains ('sagawa' of sagawa-exp.co.jp) -> those domains."""
    out: dict[str, set[str]] = {}
    for doms in _BRAND_DOMAINS:
        for d in doms:
            name = re.sub(r"\.(co|or|ne|ac|go|gr)?\.?(jp|com|net|org|info)$", "", d).split(".")[-1]
            for part in re.split(r"[-_]", name):
                if len(part) >= 4 and part not in _GENERIC_LABELS and part.isascii():
                    out.setdefault(part, set()).update(doms)
    for part, doms in W.BRAND_DOMAINS_OWN.items():
        if part != "line":  # too common inside other words (online, airline); LINE is covered by contact signals
            out.setdefault(part, set()).update(doms)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_BRAND_LABELS = _brand_labels()
_BRAND_LABEL_RX = re.compile("|".join(sorted(map(re.escape, _BRAND_LABELS), key=len, reverse=True)) or r"(?!x)x")


@lru_cache(maxsize=4096)
def _domain(url: str) -> str:
    u = re.sub(r"^(?:https?|hxxps?)://", "", url)
    return u.split("/")[0].split("?")[0].split(":")[0].strip(".")


def _domain_in(domain: str, lst) -> bool:
    return any(domain == d or domain.endswith("." + d) or (("/" in d) and d in domain) for d in lst)


@lru_cache(maxsize=4096)
def _imitates_brand(domain: str) -> bool:
    """The domain carries a brand's name (mufg-secure.top) but is not one of that brand's domains."""
    return any(not _domain_in(domain, _BRAND_LABELS[m.group(0)]) for m in _BRAND_LABEL_RX.finditer(domain))


@lru_cache(maxsize=4096)
def _classify_domain(domain: str) -> str:
    if _domain_in(domain, L.SHORTENERS):
        return "short"
    if _domain_in(domain, L.SPAM_DOMAINS) or any(d in domain for d in L.SPAM_DOMAINS if "." in d and len(d) > 6):
        return "spam"
    if _domain_in(domain, L.SAFE_DOMAINS) or _domain_in(domain, W.SAFE_DOMAINS_OWN) or domain.endswith(
            W.SAFE_SUFFIXES):
        return "safe"
    return "unknown"


def _count(rx: re.Pattern[str], t: str, kind: str, spans: list | None, chars, found) -> int:
    guard = _GUARDS[rx]
    if not guard.may_match(t, chars, found):
        return 0
    if spans is None:
        return sum(1 for _ in guard.finditer(t))
    found = [m.span() for m in guard.finditer(t)]  # no Python step per match beyond this (a text full of them)
    spans += [(kind, a, b) for a, b in found if b > a]
    return len(found)


def _url_matches(t: str, codes: np.ndarray):
    """_URL.finditer(t), the pattern tried only where a match can start: at a scheme or www. (its first
    alternative), or at the start of the run of [a-z0-9.-] holding a dot and a listed top-level domain (its second
    alternative's look-behind allows no other position of that run). The engine tries every position: ~170 us over
    5,000 characters; below _SHORT_URL_SCAN characters that costs less than finding the starts)."""
    if len(t) < _SHORT_URL_SCAN:
        yield from _URL.finditer(t)
        return
    starts = [m.start() for m in _URL_SCHEME.finditer(t)]
    dots = [m.start() for m in _URL_TLD.finditer(t)]
    if dots:
        run = _URL_RUN[np.minimum(codes, len(_URL_RUN) - 1)]
        first = np.flatnonzero(run & ~np.concatenate(([False], run[:-1])))  # where each run starts
        starts += first[np.searchsorted(first, dots, side="right") - 1].tolist()
    if len(starts) * 16 > len(t):  # dense (a text of URLs): the engine's own scan costs less than a step each
        yield from _URL.finditer(t)
        return
    match = _URL.match
    pos = 0
    for at in sorted(set(starts)):
        if at >= pos and (m := match(t, at)) is not None:
            yield m
            pos = m.end()


def _urls(t: str, raw: np.ndarray, spans: list | None, codes: np.ndarray) -> list[str]:
    found = list(_URL.finditer(t) if len(t) < _SHORT_URL_SCAN else _url_matches(t, codes))
    urls = [m.group(0) for m in found]
    if spans is not None:
        spans += [("url", *m.span()) for m in found]
    domain_of = {u: _domain(u) for u in set(urls)}  # a text of many URLs names a few domains
    domains = [d for d in map(domain_of.__getitem__, urls) if d]
    each = Counter(domains)
    kinds = Counter()
    for d, k in each.items():
        kinds[_classify_domain(d)] += k
    raw[_IDX["url_count"]] = len(urls)
    for name, kind in (("url_spam_domain", "spam"), ("url_shortener", "short"), ("url_safe_domain", "safe"),
                       ("url_unknown_domain", "unknown")):
        raw[_IDX[name]] = kinds[kind]
    raw[_IDX["brand_lookalike_domain"]] = sum(k for d, k in each.items() if _imitates_brand(d))
    return domains


def _merge(spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, merged (starts, ends) of possibly overlapping spans."""
    if len(spans) >= 32:  # many: a span opens a new stretch where it starts after every earlier one ended
        a, b = np.fromiter(itertools.chain.from_iterable(spans), np.int64, count=2 * len(spans)).reshape(-1, 2).T
        opens = np.ones(a.size, dtype=bool)
        opens[1:] = a[1:] > np.maximum.accumulate(b)[:-1]
        at = np.flatnonzero(opens)
        return a[at], np.maximum.reduceat(b, at)
    starts, ends = [], []
    for a, b in spans:  # already sorted by start
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _inside(quoted: tuple[np.ndarray, np.ndarray] | None, positions) -> np.ndarray:
    """For each position (a list or an array), whether it lies inside a reported or quoted span."""
    if quoted is None or len(positions) == 0:
        return np.zeros(len(positions), dtype=bool)
    starts, ends = quoted
    k = np.searchsorted(starts, positions, side="right") - 1
    return (k >= 0) & (np.asarray(positions) < ends[np.maximum(k, 0)])


def _words(t: str, spans: list | None, chars, found, quoted, hits):
    """Word-list hits and named persons as arrays (starts, ends, category-tuple ids of _Tables, word indices; -1:
    a named person), from the word lists' bounded hits (`hits`: the text's CodePass). A hit inside someone else's
    reported words counts only as `quoted_harm` (a harm word) or not at all (a target)."""
    tables = _tables()
    starts, ends, words = hits.starts, hits.ends, hits.words
    cats = tables.word_cat[words]
    if "自分" in t and (told := [m.start() for m in _SELF_ADDRESSED.finditer(t)]):
        cats = np.where((words == tables.self_word) & np.isin(starts, told), tables.addressed, cats).astype(np.int32)
    if not _NAMED_TRIGGER.isdisjoint(chars) and (named := _GUARDS[_NAMED]).may_match(t, chars, found):
        where = [m.span() for m in named.finditer(t)]
        if where:
            a, b = np.asarray(where, dtype=np.int64).reshape(-1, 2).T
            starts, ends = np.concatenate((starts, a)), np.concatenate((ends, b))
            cats = np.concatenate((cats, np.full(a.size, tables.named, np.int32)))
            words = np.concatenate((words, np.full(a.size, -1, np.int32)))
    if quoted is not None and starts.size:
        inside = _inside(quoted, starts)
        if inside.any():
            keep = ~inside | tables.harm[cats]
            cats = np.where(inside, tables.quoted, cats)[keep]
            starts, ends, words = starts[keep], ends[keep], words[keep]
    if spans is not None:  # their spans are spelled out only if an explanation asks (expand_spans)
        spans.append(_WordSpans(starts, ends, cats))
    return starts, ends, cats, words


class _Tables:
    """Every category tuple a hit can carry (the word lists' merged ones, a named person, quoted harm, each
    construction), numbered, with what the compiled counting (kernels.hit_counts) reads of each: its combination
    bits and flags (_info), the features it counts for, whether it is a harm word or a brand. Built on the first
    comment (the word lists' matcher builds then), not at import."""

    def __init__(self):
        words, word_cats = _WORDS.words()
        self.tuples: list[tuple[str, ...]] = []
        ids: dict[tuple[str, ...], int] = {}

        def number(cats: tuple[str, ...]) -> int:
            if cats not in ids:
                ids[cats] = len(self.tuples)
                self.tuples.append(cats)
            return ids[cats]

        self.words = words
        self.word_cat = np.asarray([number(c) for c in word_cats], dtype=np.int32)
        self.named = number(_NAMED_CATS)
        self.addressed = number(_ADDRESSED_CATS)  # 自分 told what to do: the person addressed (_SELF_ADDRESSED)
        self.self_word = words.index("自分") if "自分" in words else -2
        self.quoted = number(("quoted_harm",))
        self.construction = {name: number((name,)) for name in CONSTRUCTIONS} | {"quoted_harm": self.quoted}
        self.info = np.asarray([_info(c) for c in self.tuples], dtype=np.int64).reshape(-1, 5)
        # brand_mention is not counted per hit: _brands sets it to the number of brands named
        features = [[_IDX[c] for c in cats if c in _IDX and c != "brand_mention"] for cats in self.tuples]
        self.feat_at = np.cumsum([0] + [len(f) for f in features]).astype(np.int64)
        self.feat_idx = np.asarray([j for f in features for j in f], dtype=np.int64)
        self.harm = np.asarray([not _HARM_WORDS.isdisjoint(c) for c in self.tuples])
        self.brand = np.asarray(["brand_mention" in c for c in self.tuples])
        self.brand_word = self.brand[self.word_cat].astype(np.uint8)  # by word index (the CodePass counts them)


_TABLES: list[_Tables] = []


def _tables() -> _Tables:
    if not _TABLES:
        _TABLES.append(_Tables())
    return _TABLES[0]


_NAMED_CATS = ("named_person",)


class _WordSpans:
    """The word-list hits of a comment standing in its span list for their (category, start, end) spans: a
    comment of thousands of hits spent milliseconds building spans that only an explanation reads."""

    __slots__ = ("cats", "ends", "starts")

    def __init__(self, starts: np.ndarray, ends: np.ndarray, cats: np.ndarray):
        self.starts, self.ends, self.cats = starts, ends, cats


class _KindSpans:
    """A construction's matches standing in the span list for their (kind, start, end) spans (a text of thousands
    of quotes built thousands of tuples that only an explanation reads)."""

    __slots__ = ("kinds", "spans")

    def __init__(self, spans: list[tuple[int, int]], kinds: list[str]):
        self.spans, self.kinds = spans, kinds


def expand_spans(spans: list | None) -> list[tuple[str, int, int]]:
    """The (kind, start, end) spans `signals` recorded, with the word-list hits and constructions' matches spelled
    out in their place."""
    out: list[tuple[str, int, int]] = []
    for item in spans or ():
        if isinstance(item, _WordSpans):
            tuples = _tables().tuples
            out.extend([(c, a, b) for a, b, k in zip(item.starts.tolist(), item.ends.tolist(), item.cats.tolist(),
                                                       strict=True) for c in tuples[k]])
        elif isinstance(item, _KindSpans):
            out.extend([(kind, a, b) for (a, b), kind in zip(item.spans, item.kinds, strict=True)])
        else:
            out.append(item)
    return out


def _brands(cats: np.ndarray, words: np.ndarray, domains: list[str], raw: np.ndarray, listed: int) -> None:
    """Brands named, and URLs to a domain that is none of theirs (`listed`: the word-list hits of a brand, before
    the quoted ones were dropped: none, none named)."""
    if not listed:
        return
    tables = _tables()
    named = words[tables.brand[cats]] if cats.size else words
    if not named.size:
        return
    brands = {tables.words[w] for w in named.tolist()}
    raw[_IDX["brand_mention"]] = len(brands)
    if brands and domains:
        allowed = [_BRAND_DOMAINS[i] for b in brands for i in _BRAND_OF.get(b, ())]
        raw[_IDX["brand_foreign_domain"]] = sum(k for d, k in Counter(domains).items()  # each domain once
                                                if not any(_domain_in(d, doms) for doms in allowed))


def _sentence_combos(t: str, starts: np.ndarray, cats: np.ndarray, raw: np.ndarray, focus: list | None,
                     ends: np.ndarray) -> None:
    """Count the hits per feature, and harm word and target in the SAME sentence (so a long comment does not
    dilute one attack), in one compiled pass (kernels.hit_counts). With `focus` a list, the (start, end) of the
    worst sentence (the most harm words and constructions plus the people they may aim at, less its news and
    hedging words; never one with no harm word) is appended when the text has several. `ends`: where sentences
    end, as _SENTENCE_END's matches do (the CodePass's int64 array)."""
    sentences = ends.size + (0 if ends.size and ends[-1] == len(t) else 1)
    raw[_IDX["sentences"]] = sentences
    if not starts.size:
        return
    tables = _tables()
    counts, sid = hit_counts(starts, cats, ends, tables.info, tables.feat_at,
                             tables.feat_idx, _COMBO_AT_ARRAY, _NEGATABLE_BITS, _IDX["insult_unaimed"],
                             _IDX["profanity_unaimed"], raw.size, focus is not None and sentences > 1)
    raw += counts
    if sid >= 0:
        focus.append((int(ends[sid - 1]) if sid > 0 else 0, int(ends[sid]) if sid < ends.size else len(t)))


def _info(cats: tuple[str, ...]) -> tuple[int, int, int, int, int]:
    """A hit's categories as bit sets: the _COMBOS whose first group they meet, those whose second group they
    meet, and _FLAGS (aimed at someone, insult, profanity, negation), so a sentence ORs integers per hit; and
    what the hit adds to its sentence's claim to be the worst one: 1 for a harm word or construction (2 for a
    threat), and that plus 1 for a person or group it may aim at, less 1 for a news or hedging word."""
    first = second = 0
    for bit, (one, two) in enumerate(_COMBOS.values()):
        first |= 0 if set(one).isdisjoint(cats) else 1 << bit
        second |= 0 if set(two).isdisjoint(cats) else 1 << bit
    flags = ((_AIMED_FLAG if not _AIMED.isdisjoint(cats) else 0) | (_INSULT_FLAG if "insult" in cats else 0)
             | (_PROFANITY_FLAG if "profanity_en" in cats else 0)
             | (_NEGATED_FLAG if "negated_en" in cats or "negated_ja" in cats else 0))
    harm = 0 if _FOCUS_KINDS.isdisjoint(cats) else 2 if not _FOCUS_THREATS.isdisjoint(cats) else 1
    weight = harm + (0 if _FOCUS_TARGETS.isdisjoint(cats) else 1) - (0 if _FOCUS_REPORT.isdisjoint(cats) else 1)
    return first, second, flags, harm, weight


# what each pattern needs in a text before it is worth scanning (moderation/needles.py: never changes a count)
_NEEDLES = NeedleIndex((_NAMED, _LINE_ID, _PHONE, _EMAIL, _MONEY_AMOUNT, *CONSTRUCTIONS.values(), *PII_GUARDED),
                       extra=REPORTED_NEEDLES)  # reported_spans's needles found in the same pass
_GUARDS = _NEEDLES.guards  # pattern -> its guard, read without a method call
_AIMED = frozenset(("second_person", "third_person", "named_person", "group", "self_ref", "thing"))
# attacks that a negation in the same sentence turns around ("[group] are not vermin", "I don't hate [group]")
_NEGATABLE = frozenset(("insult_at_group", "group_attack", "hate_at_group"))
# word kinds and constructions that count as `quoted_harm` inside someone else's reported words
_HARM_WORDS = frozenset(("insult", "sexual_word", "profanity_en", "death_wish", "violence_word", "slur", "dehumanize",
                         "expel", "sexual_harass", "self_harm_push", "crime_word"))
_MASKED_CONSTRUCTIONS = frozenset(("threat_ja", "threat_en", "accusation_ja", "accusation_en",
                                   "hate_statement_en"))
# what makes a sentence the one worth scoring on its own (the writer's harm words and constructions)
_FOCUS_KINDS = _HARM_WORDS | _MASKED_CONSTRUCTIONS | frozenset(("self_harm_self",))
# a threat or incitement (violence verb + will or wish form) is a whole act, not a word that may be one: it outweighs
# a harsh word about a named person elsewhere (プーチンは戦争犯罪者だ。誰か早く暗殺してくれ: the second sentence)
_FOCUS_THREATS = frozenset(("threat_ja", "threat_en"))
_FOCUS_TARGETS = frozenset(("second_person", "third_person", "named_person", "group", "public_figure"))
_FOCUS_REPORT = frozenset(("news", "hedge", "reporting", "negated_en", "negated_ja"))
_IDX = {name: i for i, name in enumerate(FEATURE_NAMES)}
_COMBO_AT_ARRAY = np.asarray([_IDX[name] for name in _COMBOS], dtype=np.int64)  # bit i of _info's first two
_NEGATABLE_BITS = sum(1 << bit for bit, name in enumerate(_COMBOS) if name in _NEGATABLE)
_AIMED_FLAG, _INSULT_FLAG, _PROFANITY_FLAG, _NEGATED_FLAG = 1, 2, 4, 8
# features that are values already (ratios, densities, flags); every other one is a count, saturated by log1p
_VALUES = ("emoji_density", "repetition", "length", "latin_ratio", "digit_ratio", "has_japanese", "pii_exposed")
_SATURATE = np.ones(len(FEATURE_NAMES), dtype=bool)
_SATURATE[[_IDX[name] for name in _VALUES]] = False
_SCALE = np.ones(len(FEATURE_NAMES))
_SCALE[_IDX["spaced_letters"]] = 0.5
# code point classes, one searchsorted: digit, latin, kana, kanji, emoji
_EDGES = np.asarray([48, 58, 97, 123, 0x3040, 0x3100, 0x4E00, 0xA000, 0x1F000, 0x1FB00], dtype=np.uint32)
_DIGIT, _LATIN, _KANA, _KANJI, _EMOJI_CLASS = 1, 3, 5, 7, 9
_EMOJI_BMP = frozenset("\u2764\u2728\u2B50\u203C\u2049\u2705\u274C")  # not ☆★♪ (kaomoji)
_LATIN_ONLY = frozenset(("threat_en", "accusation_en", "hate_statement_en", "negated_en", "counter_speech_en"))
# a construction can only match when one of these characters is present (a cheap pre-check)
_TRIGGERS = {
    "threat_ja": frozenset("殺刺殴しボ潰燃放爆襲拉埋沈始ぶ痛覚夜ど命たタ後思家顔血会楽首暗処射銃撃吊踏火"),
    "threat_reported": frozenset("と脅予t"),
    "accusation_ja": frozenset("詐横盗痴不窃万脱レ強放覚薬暴虐ス前逮パセ賄裏着泥性援買反闇"),
    "quotation": frozenset("「『\"“"),
}

# each construction with what rules it out: Latin-only with no Latin letter, no trigger character, no needle
_CONSTRUCTION_GUARDS = tuple((name, _GUARDS[rx], name in _LATIN_ONLY, _TRIGGERS.get(name), _GUARDS[rx].chars,
                              _GUARDS[rx].strings) for name, rx in CONSTRUCTIONS.items())


def signals(norm: Normalized, codes: np.ndarray, spans: list | None = None, focus: list | None = None) -> np.ndarray:
    """The FEATURE_NAMES vector of one normalised comment (`codes`: its code points as a uint32 array).

    When `spans` is a list, what fired is recorded there (`expand_spans` reads it as (kind, start, end) spans in
    the NORMALISED text); when `focus` is a list, the (start, end) of the worst sentence of a text of several
    sentences, if any."""
    t = norm.text
    n = max(len(t), 1)
    raw = np.zeros(len(FEATURE_NAMES))
    chars = norm.chars
    # code points per class, distinct 4-grams, needles, word-list hits and sentence ends: one compiled call
    hits = scan(codes, _EDGES, _NEEDLES.automaton, _WORDS, _tables().brand_word)
    classes, distinct = hits.classes, hits.distinct
    digits, latin = int(classes[_DIGIT]), int(classes[_LATIN])
    domains = _urls(t, raw, spans, codes) if ("." in chars or "/" in chars) and _URL_NEEDED.search(t) else []
    values = _NEEDLES.automaton.values
    found = {values[k] for k in hits.needles.tolist()}  # _NEEDLES.found(t, codes)
    reported = reported_spans(t, chars, found=found)
    quoted = _merge(reported) if reported else None
    starts, _ends, cats, words = _words(t, spans, chars, found, quoted, hits)
    _brands(cats, words, domains, raw, hits.flagged)
    if "line" in t or "id" in t or "@" in chars or "ライン" in t or "らいん" in t:
        raw[_IDX["line_id"]] = _count(_LINE_ID, t, "line_id", spans, chars, found)
    if digits >= 5:
        raw[_IDX["phone"]] = _count(_PHONE, t, "phone", spans, chars, found)
    if "@" in chars and EMAIL_NEEDED.search(t):
        raw[_IDX["email"]] = _count(_EMAIL, t, "email", spans, chars, found)
    if digits:
        raw[_IDX["money_amount"]] = _count(_MONEY_AMOUNT, t, "money_amount", spans, chars, found)
    emoji = int(classes[_EMOJI_CLASS]) + (sum(t.count(c) for c in chars & _EMOJI_BMP) if chars & _EMOJI_BMP else 0)
    raw[_IDX["emoji_density"]] = min(emoji / n * 5.0, 3.0)
    raw[_IDX["emoji_count"]] = emoji
    if codes.size >= 16:
        raw[_IDX["repetition"]] = 2.0 * (1.0 - distinct / (codes.size - 3))
    raw[_IDX["invisible_chars"]] = norm.invisible
    raw[_IDX["lookalike_chars"]] = norm.lookalike
    raw[_IDX["masked_words"]] = norm.masked
    raw[_IDX["spaced_letters"]] = norm.spaced
    raw[_IDX["exclaim"]] = t.count("!")  # NFKC has already folded ！ into !
    if "#" in chars or "＃" in chars:
        raw[_IDX["hashtags"]] = sum(1 for _ in _HASHTAG.finditer(t))
    raw[_IDX["length"]] = math.log1p(n) / 4.0
    raw[_IDX["latin_ratio"]] = latin / n
    raw[_IDX["digit_ratio"]] = digits / n
    raw[_IDX["has_japanese"]] = float(classes[_KANA] + classes[_KANJI] > 0)
    more_starts: list[int] = []  # the constructions' hits (their starts, category-tuple ids)
    more_cats: list[int] = []
    for name, guard, latin_only, trigger, needles, strings in _CONSTRUCTION_GUARDS:
        if (latin_only and not latin) or (trigger is not None and chars.isdisjoint(trigger)) or (
                needles is not None and needles.isdisjoint(chars) and strings.isdisjoint(found)):
            continue  # guard.may_match(t, chars, found) spelled out: no call per construction
        found_at = [m.span() for m in guard.finditer(t)]
        if not found_at:
            continue
        kinds = [name] * len(found_at)
        ids = _tables().construction
        more_starts += [a for a, _b in found_at]
        if quoted is not None and name in _MASKED_CONSTRUCTIONS:  # inside someone else's reported words
            for i in np.flatnonzero(_inside(quoted, [a for a, _b in found_at])).tolist():
                kinds[i] = "quoted_harm"
            more_cats += [ids[kind] for kind in kinds]
        else:
            more_cats += [ids[name]] * len(found_at)
        if spans is not None:  # spelled out only if an explanation asks (expand_spans)
            spans.append(_KindSpans(found_at, kinds))
    if more_starts:
        starts = np.concatenate((starts, np.asarray(more_starts, dtype=np.int64)))
        cats = np.concatenate((cats, np.asarray(more_cats, dtype=np.int32)))
    _sentence_combos(t, starts, cats, raw, focus, hits.sentence_ends)
    for name, value in personal_info(t, spans, chars, digits, found, codes).items():
        raw[_IDX[name]] = value
    out = np.where(_SATURATE, np.minimum(np.log1p(raw), 4.0), raw)
    return out * _SCALE


def signal_dict(text: str) -> dict[str, float]:
    """Every named feature of one raw comment (tests and explanations read features by name)."""
    from moderation.text import normalize

    norm = normalize(text)
    vec = signals(norm, np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32))
    return dict(zip(FEATURE_NAMES, vec.tolist(), strict=True))
