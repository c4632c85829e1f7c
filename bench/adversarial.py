"""Adversarial inputs for every text pattern, generated from the patterns themselves.

For each compiled regex of moderation.text, moderation.features and moderation.targets (each way of the tuple
moderation.targets.exposed.EXPOSURE_THREAT and each part of moderation.targets.threat_ja.THREAT_JA_PARTS too; and a
sample of the word lists of the one-pass matcher), the pattern is parsed and its consumed characters (literals and
samples of each character class) and literal strings are collected; the inputs are long runs of each character,
each character with each separator repeated, and each literal, its near-misses (one character short, one character
changed) and the literal with a separator, repeated to the requested length. Used by tests/test_text_adversarial.py
and `make bench-scoring` (which prints the worst case).
"""

from __future__ import annotations

import functools
import re
import re._constants as C
import re._parser as P
import statistics
import time

from moderation import wordlists as W
from moderation.features import links as features_links
from moderation.features import matches as features_matches
from moderation.features import patterns as features_patterns
from moderation.targets import civil as targets_civil
from moderation.targets import constructions as targets_constructions
from moderation.targets import denied as targets_denied
from moderation.targets import describers as targets_describers
from moderation.targets import exclaimed as targets_exclaimed
from moderation.targets import exposed as targets_exposed
from moderation.targets import identity as targets_identity
from moderation.targets import literal as targets_literal
from moderation.targets import mentioned_ja as targets_mentioned_ja
from moderation.targets import negated as targets_negated
from moderation.targets import openings as targets_openings
from moderation.targets import owned as targets_owned
from moderation.targets import pii as targets_pii
from moderation.targets import pii_pieces as targets_pii_pieces
from moderation.targets import reported as targets_reported
from moderation.targets import treated as targets_treated
from moderation.targets import unaimed_en as targets_unaimed_en
from moderation.text import misspellings as text_misspellings
from moderation.text import patterns as text_patterns

SEPARATORS = (" ", ",", "-", ".", "、", "\n", "@", "/", ":")
MAX_CHARS_PER_PATTERN = 24
MAX_LITERALS_PER_PATTERN = 12
ORDINARY = (
    "今日のニュース、とても考えさせられました。増税の議論はもっと丁寧にしてほしいと思います。",
    "選手たちお疲れさまでした！次の試合も応援しています。物価高で生活が苦しいのは本当です。",
    "政府の説明は不十分だと感じる。記者会見ではもっと具体的な数字を示すべきだったのではないか。",
    "子育て支援の拡充に賛成です。ただ財源の議論が抜けているのが気になります。",
    "I think the council got this one right, but the budget still needs work. ",
    "年金だけでは暮らせない時代、若い世代の負担も考えてほしい。事故で亡くなった方のご冥福をお祈りします。",
)


def ordinary_comment(length: int = 10_000) -> str:
    out = ""
    i = 0
    while len(out) < length:
        out += ORDINARY[i % len(ORDINARY)]
        i += 1
    return out[:length]


LIMIT = 3.0  # issue 13: no generated input may cost more than this many ordinary comments of its length


def best_seconds(scorer, text: str, repeat: int = 1, clock=time.perf_counter) -> float:
    """The fastest of `repeat` calls of `scorer.score(text)`, in seconds of `clock` (noise on a shared machine
    only adds)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        scorer.score(text)
        best = min(best, clock() - start)
    return best


def _class_samples(items) -> list[str]:
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            out += [chr(lo), chr((lo + hi) // 2), chr(hi)]
        elif op is C.CATEGORY:
            out += {C.CATEGORY_DIGIT: ["1", "0"], C.CATEGORY_SPACE: [" "], C.CATEGORY_WORD: ["a", "あ"],
                    C.CATEGORY_NOT_DIGIT: ["a"], C.CATEGORY_NOT_SPACE: ["a", "1"]}.get(av, ["a"])
    return out


def _walk(parsed, chars: list[str], literals: list[str]) -> None:
    run = []
    for op, av in parsed:
        if op is C.LITERAL:
            run.append(chr(av))
            chars.append(chr(av))
            continue
        if len(run) >= 2:
            literals.append("".join(run))
        run = []
        if op is C.IN:
            chars.extend(_class_samples(av))
        elif op is C.NOT_LITERAL:
            chars.append("a" if av != ord("a") else "b")
        elif op is C.BRANCH:
            for branch in av[1]:
                _walk(branch, chars, literals)
        elif op is C.SUBPATTERN:
            _walk(av[3], chars, literals)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _walk(av[2], chars, literals)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], chars, literals)
    if len(run) >= 2:
        literals.append("".join(run))


def _patterns() -> dict[str, re.Pattern]:
    out = {}
    seen = set()  # a pattern imported by a later module is its defining module's
    for module in (text_patterns, features_patterns, features_links, features_matches, targets_constructions,
                   targets_reported, targets_pii_pieces, targets_pii, targets_denied, targets_exclaimed,
                   targets_openings, targets_describers, targets_identity, targets_owned, targets_literal,
                   targets_mentioned_ja, targets_exposed, targets_civil, targets_negated, targets_treated,
                   targets_unaimed_en, text_misspellings):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                out[f"{module.__name__}.{name}"] = value
    for canonical, _needles, pattern in text_patterns._OBFUSCATIONS:
        out[f"moderation.text.patterns._OBFUSCATIONS[{canonical}]"] = pattern
    for i, pattern in enumerate(targets_exposed.EXPOSURE_THREAT):  # a tuple of ways, each compiled alone
        out[f"moderation.targets.exposed.EXPOSURE_THREAT[{i}]"] = pattern
    # threat_ja's parts, each scanned alone behind its own needles: the joined THREAT_JA's first literals are its
    # words', so a part's own literals (待ち伏せ, 教え: session 38) get inputs only here
    for i, pattern in enumerate(targets_constructions.THREAT_JA_PARTS):
        out[f"moderation.targets.threat_ja.THREAT_JA_PARTS[{i}]"] = pattern
    return out


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // max(len(unit), 1) + 1))[:length]


def _inputs_for(chars: list[str], literals: list[str], length: int) -> list[str]:
    chars = list(dict.fromkeys(c for c in chars if c.isprintable() or c in "\n\t"))[:MAX_CHARS_PER_PATTERN]
    literals = list(dict.fromkeys(literals))[:MAX_LITERALS_PER_PATTERN]
    out = [_repeat(c, length) for c in chars]
    out += [_repeat(c + sep, length) for c in chars[:8] for sep in SEPARATORS]
    for lit in literals:
        out += [_repeat(lit, length), _repeat(lit[:-1], length), _repeat(lit[:-1] + "x", length),
                _repeat(lit + " ", length)]
    return out


@functools.cache  # the same for every length: ~10 fast tests ask for inputs, each parsed ~100 patterns (~0.3 s)
def _pieces() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each pattern's name, consumed characters and literal strings (_walk), in _patterns' order."""
    out = []
    for name, pattern in _patterns().items():
        chars: list[str] = []
        literals: list[str] = []
        _walk(P.parse(pattern.pattern, pattern.flags), chars, literals)
        out.append((name, tuple(chars), tuple(literals)))
    return tuple(out)


def adversarial_inputs(length: int = 10_000) -> list[tuple[str, str]]:
    """(pattern name, text) pairs, each text `length` characters, duplicates across patterns dropped."""
    seen: set[str] = set()
    out = []
    for name, chars, literals in _pieces():
        for t in _inputs_for(list(chars), list(literals), length):
            if t not in seen:
                seen.add(t)
                out.append((name, t))
    words = sorted({w for lst in (W.INSULTS_JA, W.DEATH_WISH, W.GROUPS, W.SECOND_PERSON, W.CRIME, W.THIRD_PERSON)
                    for w in lst}, key=len, reverse=True)[:40]
    # the one-pass word matcher: listed words and their near-misses; each reading of a misspelt harm word
    cap = MAX_LITERALS_PER_PATTERN
    for name, chars, literals in (("moderation.matcher", [], words),
                                  *(("moderation.text.misspellings", list("@$!*"), MISSPELT[i:i + cap])
                                    for i in range(0, len(MISSPELT), cap)),
                                  ("moderation.targets.owned", [], OWNED)):
        for t in _inputs_for(chars, literals, length):
            if t not in seen:
                seen.add(t)
                out.append((name, t))
    # a group word in every clause: a Japanese construction that starts at a group word is tried after each one
    # (held's constructions of session 17 cost 8.6x an ordinary comment on 外国人が repeated; none of the inputs
    # above puts a particle after a group word)
    groups_ja = sorted((w for w in W.GROUPS if not w.isascii()), key=len, reverse=True)[:MAX_LITERALS_PER_PATTERN]
    out += [("moderation.matcher (group words as subjects)", _repeat(w + p, length))
            for w in groups_ja for p in JA_PARTICLES if _repeat(w + p, length) not in seen]
    # a threat to expose cut before its will (上の奴の住所を晒 repeated): each 晒 / バラ / 拡散 / 特定 is where
    # exposed.py's ways are tried, none ends there (read2 of session 37: 3.58x an ordinary comment, unseen above)
    out += [("moderation.targets.exposed (a threat cut before its will)", _repeat(unit, length)) for unit in EXPOSED_CUT
            if _repeat(unit, length) not in seen]
    return out


EXPOSED_CUT = [who + of + what + "を" + verb for who in ("お前", "上の奴", "コメ主") for of in ("の", "んちの")
               for what in ("住所", "家族", "勤務先") for verb in ("晒", "バラ", "拡散", "特定")]

JA_PARTICLES = ("が", "は", "の", "を", "って", "、")  # what follows a subject or a topic


# slur words moderation.targets.owned reads, each with what makes it the writer's own or literal
OWNED = ["faggots ", "we queers ", "faggots and peas ", "dykes like me ", "some fag ", "a bitch whelping ",
         # session 42: "the" one of them, a refused opening before a later one, "as a", the group called as "we", a
         # cigarette's phrase
         "we were the only old queers ", "our fellow dykes ", "as a dyke, ", "queers, we ", "a fag break "]


# a spelling of each kind moderation.text.misspellings reads (symbols, a mask, digits, an edit, a substitution, two
# edits, "1" for "l", a split, a split in three, a join across a mark, a run-together, a vowel inserted, a short word
# without its vowels, ph for f, spaced letters after an article)
MISSPELT = ["b!tch", "mu$lims", "f*ggot", "f**k", "r3t@rd", "h8", "1d10t", "idiiot", "mulsims", "lynchd", "mus lims",
            "id iot", "kil l", "ki-ll", "id.iot", "youareanidiot", "ihateimmigrants", "gokillyourself", "ihate",
            "muzlims", "fagit", "immgrnts", "ki11", "mus1ims", "imm igr ants", "re tar ", "biatch", "kll", "phag",
            "a c u n t "]


def worst_ratio(scorer, clock=time.thread_time, length: int = 10_000) -> dict:
    """The slowest generated input against an ordinary comment, both timed in this thread's CPU at the same moment."""
    ordinary = ordinary_comment(length)
    scorer.score(ordinary)
    base = statistics.median(best_seconds(scorer, ordinary, 1, clock) for _ in range(7))
    inputs = adversarial_inputs(length)
    worst = (0.0, "", "")
    for name, sample in inputs:
        ratio = best_seconds(scorer, sample, 1, clock) / base
        if ratio > LIMIT / 2:  # re-measure the slow ones: the best of five of each, alternating
            pairs = [(best_seconds(scorer, sample, 1, clock), best_seconds(scorer, ordinary, 1, clock))
                     for _ in range(5)]
            ratio = min(t for t, _o in pairs) / min(o for _t, o in pairs)
        if ratio > worst[0]:
            worst = (ratio, name, sample[:12])
    return {"inputs": len(inputs), "ordinary_ms": base * 1000, "ratio": worst[0], "pattern": worst[1],
            "sample": worst[2]}
