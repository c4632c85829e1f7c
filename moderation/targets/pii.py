"""Personal information, deterministic and tuned for precision: which pieces a comment exposes about someone."""

from __future__ import annotations

import re
import re._parser

import numpy as np

from moderation.automaton import Automaton
from moderation.needles.guards import Found, NeedleIndex
from moderation.needles.prefixes import BEGIN, prefixes
from moderation.targets.exposed import VERB_CHARS, VERB_NEEDLES, exposure_threat
from moderation.targets.located import ERRAND_VISIT, EXPOSURE_TOLD, MENACE_JA
from moderation.targets.pii_pieces import (
    _NEWS_SUBJECT,
    ADDRESS,
    ADDRESS_EN,
    AFFILIATION,
    APPROACH,
    EMAIL,
    EMAIL_NEEDED,
    EXPOSE,
    NAME_REVEAL,
    ORG_CTX,
    PERSON_CTX,
    PHONE,
    PII_PATTERNS,
    PLACE,
    PLATE,
    POSTAL,
    PUNISH,
    ROOM,
    SCHEDULE,
    SELF_CTX,
    TARGET_CTX,
    TOLD_AFFILIATION,
    WHEREABOUTS,
    YEARBOOK,
)
from moderation.targets.triggers import Triggers

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


# what personal_info asks of every comment first, in the order of held()'s bits (1, 2, 4...): a character of each
# trigger set, and exposure_threat's verbs (its own first test: a character or a needle of theirs); the code pass
# answers them (features.patterns numbers them)
TRIGGERS = Triggers((_PIECE_TRIGGER, ()), (_EXPOSE_TRIGGER, ()), (_APPROACH_TRIGGER, ()), (_PUNISH_TRIGGER, ()),
                    (_AFFILIATION_TRIGGER, ()), (VERB_CHARS, VERB_NEEDLES))


# pieces that name or locate one person by themselves
# (a frozenset: counts holds a kind only once it has counted one, so "one of them counted" is a set test, not a
# generator asked of each kind)
_IDENTIFYING = frozenset(("address", "room", "phone", "email", "name", "plate"))


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


# the pieces a text's code pass let through (their guards' bits of a Found's `passed`, numbered by features.patterns
# after this module is read), in _PIECES' order, by those bits and whether the text has a digit: a piece whose guard
# cannot match is not unpacked and tested (5.4 of a 200-character comment's 12 were, 0.19 of them passing)
_PASSING: dict[int, tuple] = {}


def _pieces(digits: int, found) -> tuple:
    """The pieces to try: those whose guard `found` (a Found) has passed, else all a text with `digits` may hold."""
    pieces = _PIECES if digits else _PIECES_NO_DIGITS
    if type(found) is not Found:
        return pieces
    mask = _PIECE_BITS[0]
    if mask is None and (mask := _piece_bits()) is None:
        return pieces
    key = (found.passed & mask) << 1 | (digits > 0)
    passing = _PASSING.get(key)
    if passing is None:
        passing = _PASSING[key] = tuple(piece for piece in pieces if found.passed >> piece[1].bit & 1)
    return passing


_PIECE_BITS: list = [None]  # every piece guard's bit, ORed, once they all have one


def _piece_bits() -> int | None:
    """_PIECE_BITS's value, kept, or None while a piece guard has no bit yet (every piece is tried then)."""
    bits = [piece[1].bit for piece in _PIECES]
    if None in bits:
        return None
    _PIECE_BITS[0] = sum(1 << bit for bit in bits)
    return _PIECE_BITS[0]


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
    has = TRIGGERS.held(chars, found)  # bit k: a character (or needle) of TRIGGERS' set k is in the text
    counts: dict[str, int] = {}
    if digits or has & 1:  # else no piece's test below can pass: none tried
        for kind, guard, least, trigger, also, needed in _pieces(digits, found):
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
    if has & 2 and _EXPOSE.may_match(text, chars, found):
        expose = sum(1 for _ in _EXPOSE.finditer(text, at=hits))
    if has & 4 and _APPROACH.may_match(text, chars, found):
        approach = sum(1 for _ in _APPROACH.finditer(text, at=hits))
    punish = 0
    if pieces and has & 8 and _PUNISH.may_match(text, chars, found):
        punish = sum(1 for _ in _PUNISH.finditer(text, at=hits))
    # someone singled out (asked first: its needles are rarer than an affiliation's, which matters only with it)
    target = _TARGET.may_match(text, chars, found) and _TARGET_STARTS.occurs(text, codes, hits)
    affiliated = target and has & 16 and any(
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
    if not exposed and has & 32 and exposure_threat(text, chars, found):
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
