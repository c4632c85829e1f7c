"""English harm words spelt around a filter (b!tch, h8, 1d10t, idiiot, muzlims, fagit, ki11, imm igr ants) read.

The word lists are matched exactly on word boundaries (moderation.matcher), so one symbol or digit, one letter
deleted, doubled, swapped or written as one alike, two such edits, "1" for "l", one space, hyphen, dot or underscore
inside the word (two in a long one) or the spaces between words removed hid a slur, a group noun, an insult, a threat
verb or its inflection from every signal. Each rewrite here yields only a listed English harm word (HARM_WORDS); a
real English word one edit from one (moon, Niger, muslin, retread, therapist, Moran, batch:
moderation.wordlists.near_misses, generated from dictionaries by model/near_misses.py) is never rewritten.
Linear: one scan of the lower-case letter runs, a set look-up per run (the neighbours of every listed word are
precomputed), and the run-together split only for runs of at most MAX_RUN letters.
"""

from __future__ import annotations

import functools
import itertools
import re

from moderation import lexicon_data as L
from moderation import wordlists as W
from moderation.text.edits import _edit_matches
from moderation.wordlists.near_misses import NEAR_MISSES, SPLIT_WORDS

READ_AT_MOST = 64  # readings a comment: past them its runs stay as written (a text of nothing but 'mu$lims ' cost 3.1x)

# the fuzzy rules' targets: slurs, group nouns, insults, dehumanising words, violence verbs and the core swear
# words with their compounds (profanity_en also lists knickers, tramp, hoe: none of those is a target)
_CORE = ("fuck", "shit", "bitch", "cunt", "nigg", "fagg", "whore", "slut", "retard", "asshole", "bastard", "twat",
         "wank", "dickhead", "cocksuck", "pussy", "motherf")


def _letters(words) -> list[str]:
    return [w for w in words if w.isascii() and w.isalpha() and w.islower()]


_SWEARS = ("fuck", "shit", "bitch", "cunt", "whore", "slut", "dick", "cock", "pussy", "asshole", "bastard", "twat",
           "wanker")
# the verbs of a threat or a hate statement: the listed violence verbs, the hate verb, dying and the killings the lists
# do not name (not gas: Stormfront's "outgassing" would split); each is spelt around a filter as often inflected
# (lynchd, murdred) as in its base form
_VERBS = (*_letters(W.VIOLENCE), "hate", "die", "strangle", "torture", "behead", "choke", "drown")
_DOERS = ("killer", "killers", "murderer", "murderers", "rapist", "rapists", "haters", "hateful")


def inflections(verb: str) -> list[str]:
    """`verb` and its regular forms (kills, killed, killing; hates, hated, hating; stabbed, stabbing)."""
    if verb == "die":
        return ["die", "dies", "died", "dying"]
    stem = verb[:-1] if verb.endswith("e") else verb + verb[-1] if (
        len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou") else verb
    return [verb, verb + "s", stem + "ed", stem + "ing"]


HARM_WORDS = frozenset(_letters(set(W.SLURS) - set(W.SLURS_AS_WRITTEN)) + _letters(W.GROUPS + W.GROUPS_NAMED)
                       + _letters(W.INSULTS_EN)
                       + _letters(W.DEHUMANIZE)
                       + [f for v in _VERBS for f in inflections(v)] + list(_DOERS)
                       + [w for w in _letters(L.PROFANITY_EN) if any(c in w for c in _CORE)] + list(_SWEARS))

# every English entry of the word lists: a run spelt as one is left as it is (woman is one edit from women)
_LISTED = frozenset(_letters(L.PROFANITY_EN) + [w for name in W.__all__ for w in _letters(getattr(W, name))]
                    ) | HARM_WORDS

# symbols written for letters inside a word (mu$lims, b!tch, f@ggot, a$$hole); "*" masks any one letter
_SYMBOL_FOR = {"@": "a", "$": "s", "!": "i", "|": "l", "+": "t", "€": "e", "0": "o", "1": "i", "3": "e", "4": "a",
               "5": "s", "7": "t", "8": "ate"}  # text speak: h8, h8ers
_SYMBOLS = "@$!|+*€"
_AFTER_APOSTROPHE = "'’`"  # a run after one is a contraction's end (it's hit, don't wat): never the left of a join
_JOINERS = " -._"  # one of them between two runs whose join is a target hid it (mus lims, ki-ll, id.iot, sc_um)
MASK = "*"


_VOWELS = frozenset("aeiou")
# letters written for one another (muzlims, idiat, retart), a vowel also as another vowel doubled (stoopid, mooslims):
# a substituted letter is one of its class, never the first
_ALIKE = {c: cls.replace(c, "") for cls in ("aeiou", "sz", "ck", "dt") for c in cls}
_WRITTEN_FOR = {c: (*alike, *(v + v for v in alike if c in _VOWELS)) for c, alike in _ALIKE.items()}


def _substituted(word: str) -> list[str]:
    """`word` with one letter after the first written as one alike (_WRITTEN_FOR)."""
    return [word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in _WRITTEN_FOR.get(word[i], ())]


def _other_spellings(word: str) -> list[str]:
    """The spellings one way of writing `word` around a filter makes throughout the word: every "l" as leet's "1" read
    as "i" (ki11ed -> kiiied; one "l": mus1ims -> musiims), every letter of a class as one alike (muzlimz), every
    inner vowel dropped (immgrnts, mslms; five letters left or more), a doubled letter written once with one letter
    substituted (fagit)."""
    n = len(word)
    out = [word[:i] + "i" + word[i + 1:] for i in range(1, n) if word[i] == "l"]
    if word.count("l") > 1:
        out.append(word.replace("l", "i"))
    out += [word[0] + word[1:].replace(a, b) for a in set(word[1:]) & set("szckdt") if word[1:].count(a) > 1
            for b in _ALIKE[a]]
    if n >= 6:
        bare = word[0] + "".join(c for c in word[1:-1] if c not in _VOWELS) + word[-1]
        if len(bare) >= 5:  # fggt, mrdr: too few letters left to tell
            out.append(bare)
        out += [once for i in range(1, n - 1) if word[i] == word[i + 1]
                for once in _substituted(word[:i] + word[i + 1:])]
    return out


def _sounded(word: str) -> list[str]:
    """The spellings of `word` by its sound or its skeleton: a vowel inserted after the first letter (biatch,
    muslimes; from five letters), "ph" for every "f" (phuck, phaggot), "k" for "ck" (fuk, dik), and a short word's
    letters after the first without their vowels (kll, dmb: four or five letters, not a plural, not one that starts
    with a vowel: idt, aps are other words' shorthand; not a skeleton another word shares: model/near_misses.py)."""
    n = len(word)
    out = [word[:i] + v + word[i:] for i in range(1, n) for v in "aeiou"] if n >= 5 else []
    if "f" in word:
        out.append(word.replace("f", "ph"))
    if "ck" in word:
        out.append(word.replace("ck", "k"))
    if n in (4, 5) and word[0] not in _VOWELS and word[-1] != "s":
        bare = skeleton(word)
        if len(bare) >= 3 and bare != word:
            out.append(bare)
    return out


def skeleton(word: str) -> str:
    """`word`'s first letter and its later letters but vowels (kill -> kll): what a short word written without its
    vowels leaves (model/near_misses.py leaves a skeleton another common word shares alone: cnt, whr, sht)."""
    return word[0] + "".join(c for c in word[1:] if c not in _VOWELS)


def neighbours(near_misses=frozenset(), spelt: bool = True) -> dict[str, str]:
    """Each string one edit from a target -> the target: an inner deletion or a doubled letter in words of five letters
    or more, an adjacent swap from four; with `spelt`, also a letter substituted (_substituted, from five letters) and
    the spellings of _other_spellings (ki11ed, muzlimz, immgrnts, fagit) and, where no other reading has the string,
    _sounded (biatch, phuck, kll). A listed word or a near miss is none."""
    out: dict[str, str] = {}
    sounded: list[tuple[str, str]] = []  # read after every other reading: retared stays retarded, not retard + e
    for word in sorted(HARM_WORDS, key=lambda w: (len(w), w)):
        n = len(word)
        near = []
        if n >= 5:  # an inner letter dropped (a first or last one makes other words: pics, puss, filt), a consonant
            # only from six letters (chik, bich)
            near += [word[:i] + word[i + 1:] for i in range(1, n - 1) if word[i] in _VOWELS or n >= 6]
            near += [word[:i + 1] + word[i] + word[i + 1:] for i in range(n)]
        if n >= 4:
            near += [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1) if word[i] != word[i + 1]]
        if spelt:
            near += (_substituted(word) if n >= 5 else []) + _other_spellings(word)
            sounded += [(s, word) for s in _sounded(word)]
        for s in near:
            if s != word and s not in _LISTED and s not in near_misses:
                out.setdefault(s, word)
    for s, word in sounded:
        if s not in _LISTED and s not in near_misses:
            out.setdefault(s, word)
    return out


NEIGHBOURS = neighbours(NEAR_MISSES)


def splits(split_words=frozenset()) -> dict[tuple[str, str], str]:
    """(left, right) -> the target they spell with the space between removed (mus lims, id iot, ki ll, kil l), for
    targets of four letters or more (a single letter first only from six); neither part "a" or "i" alone, and not two
    dictionary words (SPLIT_WORDS: ass hole stays)."""
    out: dict[tuple[str, str], str] = {}
    for word in sorted(HARM_WORDS):
        if len(word) < 4:
            continue
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if (left in ("a", "i") or right in ("a", "i") or f"{left} {right}" in split_words
                    or (len(left) == 1 and len(word) < 6)):  # k ill: "ok, I'll" in a text message
                continue
            out.setdefault((left, right), word)
    return out


SPLITS = splits(SPLIT_WORDS)


def splits3(split_words=frozenset()) -> dict[tuple[str, str, str], str]:
    """(left, middle, right) -> the target of seven letters or more they spell with two spaces removed (imm igr ants,
    re tar ded), each part two letters or more, not three dictionary words (SPLIT_WORDS)."""
    out: dict[tuple[str, str, str], str] = {}
    for word in sorted(HARM_WORDS):
        n = len(word)
        for i in range(2, n - 3):
            for j in range(i + 2, n - 1):
                parts = (word[:i], word[i:j], word[j:])
                if " ".join(parts) not in split_words:
                    out.setdefault(parts, word)
    return out


SPLITS3 = splits3(SPLIT_WORDS)
_SPLIT_HEADS = frozenset((left, middle) for left, middle, _r in SPLITS3)  # two runs a third may join
_SPLIT_LEFT = frozenset(left for left, _r in SPLITS) | frozenset(left for left, _m in _SPLIT_HEADS)

# the glue of an attack written without spaces (youareanidiot, ihateimmigrants, killallmuslims, gokillyourself)
GLUE = frozenset(("i", "im", "you", "u", "ur", "youre", "your", "yourself", "are", "a", "an", "the", "all",
                  "go", "hate", "die", "should", "must", "be", "fucking", "stupid", "dumb", "dirty", "filthy",
                  "these", "those", "them", "they", "we", "is", "so", "such", "total", "complete", "get", "out",
                  "back", "every", "am", "he", "she", "his", "her", "its", "bloody", "of", "to", "and", "kill"))
_PIECES = GLUE | HARM_WORDS
_PIECE_LENGTHS: dict[str, tuple[int, ...]] = {}  # a piece's first two letters -> the lengths of the pieces so starting
for _p in _PIECES:
    if len(_p) > 1:
        _PIECE_LENGTHS[_p[:2]] = tuple(sorted({*_PIECE_LENGTHS.get(_p[:2], ()), len(_p)}))
_TAILS = frozenset(p[-3:] for p in _PIECES if len(p) >= 3)  # a split's last piece has three letters or more
MAX_RUN = 40  # a run-together attack is a few words: longer letter runs are not split
# ihate: "i" and a harm word of four letters, the one run of five letters split; acunt, abitch: spaced letters joined
# with their article (a c u n t), "a" and a harm word of four letters or more, which _may_split does not start
# (a set look-up, as NEIGHBOURS)
I_RUNS = frozenset([*("i" + w for w in HARM_WORDS if len(w) == 4), *("a" + w for w in HARM_WORDS if len(w) >= 4)]
                   ) - _LISTED

# runs of lower-case letters and digits, with the symbols that stand for letters between them (not before or after:
# "stupid!" is a word and a mark; @user is a mention)
_RUN = re.compile(r"[a-z0-9]+(?:[@$!|+*€]+[a-z0-9]+)*")
_SYMBOL_INSIDE = re.compile(r"[a-z0-9][@$!|+*€]")  # a symbol a run holds (the run pattern ends with a letter or digit)
_SYMBOL_CHARS = frozenset("@$!|+*€")
_PLAIN_RUN = re.compile(r"[a-z0-9]+")  # _RUN where the text holds none of those symbols
_DIGITS = frozenset("0123456789")  # a run of letters and digits leet left (a digit at a word's edge: 1d10t; h8)
_SPLIT_PAIRS = frozenset(SPLITS) | _SPLIT_HEADS  # two runs that join to a target, or that a third run may join
_I_RUNS = I_RUNS - NEAR_MISSES
# the text's ASCII bytes (anything else read as "?") with each letter or digit as itself, else a space: split(), the
# matches of _PLAIN_RUN; and with each letter or digit as "a", each symbol of _SYMBOL_CHARS but € as "!": b"a!" in it,
# a match of _SYMBOL_INSIDE (both in C over the bytes, no regex step a character)
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_RUN_BYTES = bytes(c if c in _ALNUM else 32 for c in range(256))
_INSIDE_BYTES = bytes(97 if c in _ALNUM else 33 if chr(c) in _SYMBOL_CHARS else 32 for c in range(256))


def misspellings(text: str, chars=None) -> tuple[str, list[tuple[int, int, str]], int, int, int]:
    """(text, [(start, end, word)], symbols read, edits read, spaces read): each run of `text` read as the harm word it
    spells (the spans edits._edit_matches keeps the offsets of); `text` unchanged when nothing is read. The runs are
    first looked up all at once (_nothing_to_read): a comment with nothing to read costs no step a run."""
    symbols_in = not _SYMBOL_CHARS.isdisjoint(text if chars is None else chars)
    if _nothing_to_read(text, chars, symbols_in):
        return text, [], 0, 0, 0
    return _read(text, symbols_in)


def _nothing_to_read(text: str, chars, symbols_in: bool) -> bool:
    """Whether _read would find nothing in `text`, from set look-ups over its runs (True only then; a run holding a
    symbol is left to _read)."""
    if symbols_in and _symbol_inside(text, chars):
        return False
    # _PLAIN_RUN's matches, and _RUN's with no symbol inside a run; each distinct run looked up once
    runs = text.encode("ascii", "replace").translate(_RUN_BYTES).decode("ascii").split()
    distinct = set(runs)
    digits_in = not _DIGITS.isdisjoint(text if chars is None else chars)
    return (NEIGHBOURS.keys().isdisjoint(distinct)
            and (_SPLIT_PAIRS.isdisjoint(itertools.pairwise(runs)) or not _joins_any(runs))
            and not (digits_in and any(map(_unsymbol, itertools.filterfalse(
                str.isdigit, itertools.filterfalse(str.isalpha, distinct)))))
            and _I_RUNS.isdisjoint(distinct)
            and not _splits_any(distinct))


_QUIET_MAX = 32_768  # runs remembered (bounds memory: ~3 MB; a text of new runs past it starts the set afresh)
_QUIET: set[str] = set()  # runs that are no words run together: a comment's runs seen before need no call each


def _splits_any(distinct: set[str]) -> bool:
    """Whether a run of `distinct` is words run together (_may_split and split_run): the runs of earlier comments
    that were not are taken out by one set difference first (a Python call a distinct run cost ~7 us an English
    comment of the news mix)."""
    rest = distinct - _QUIET
    if len(_QUIET) + len(rest) > _QUIET_MAX:
        _QUIET.clear()
    for w in rest:
        if len(w) >= 6 and _may_split(w) and split_run(w):
            return True
        _QUIET.add(w)
    return False


def _read(text: str, symbols_in: bool) -> tuple[str, list[tuple[int, int, str]], int, int, int]:
    """misspellings() run by run (`symbols_in`: whether `text` holds a symbol of _SYMBOL_CHARS)."""
    found: list[tuple[int, int, str]] = []
    symbols = edits = spaces = 0
    prev: tuple[int, str] | None = None  # the previous plain run, for the space-inside rule
    head: tuple[int, str] | None = None  # the run before it, when a third run may join the two (imm igr ants)
    for m in (_RUN if symbols_in else _PLAIN_RUN).finditer(text):
        if len(found) == READ_AT_MOST:
            break
        at, end = m.span()
        word = m.group()
        if not word.isalpha():  # symbols or digits inside: read each as its letter (a mask as any letter)
            target = _unsymbol(word)
            if target:
                found.append((at, end, target))
                symbols += 1
            prev = head = None
            continue
        target = NEIGHBOURS.get(word)
        if target is not None:
            found.append((at, end, target))
            edits += 1
            prev = head = None
            continue
        joins = (prev is not None and prev[0] + len(prev[1]) + 1 == at and text[at - 1] in _JOINERS
                 and (prev[0] == 0 or text[prev[0] - 1] not in _AFTER_APOSTROPHE)
                 and (len(word) > 1 or text[end:end + 1] != "-"))  # hat e-shop: a one-letter right half is no prefix
        if joins:
            start, joined = (head[0], SPLITS3.get((head[1], prev[1], word))) if head is not None else (at, None)
            if joined is None:
                start, joined = prev[0], SPLITS.get((prev[1], word))
            if joined is not None:
                found.append((start, end, joined))
                spaces += 1
                prev = head = None
                continue
        if (_may_split(word) or word in _I_RUNS) and (pieces := split_run(word)):
            found.append((at, end, " ".join(pieces)))
            spaces += 1
            prev = head = None
            continue
        head = prev if joins and (prev[1], word) in _SPLIT_HEADS else None
        prev = (at, word) if word in _SPLIT_LEFT or head is not None else None
    return text, found, symbols, edits, spaces


def _joins_any(runs: list[str]) -> bool:
    """Whether two runs join to a harm word or three do (the first two alone make no reading: "re tar" many times
    over would otherwise send the whole text through the loop)."""
    return not (SPLITS.keys().isdisjoint(itertools.pairwise(runs))
                and SPLITS3.keys().isdisjoint(zip(runs, runs[1:], runs[2:], strict=False)))


def _symbol_inside(text: str, chars) -> bool:
    """Whether a letter or digit is followed by a symbol of _SYMBOL_CHARS in `text` (`chars`: its characters, or
    None): _SYMBOL_INSIDE.search, over the text's bytes unless it holds a € (not ASCII)."""
    if "€" in (text if chars is None else chars):
        return _SYMBOL_INSIDE.search(text) is not None
    return b"a!" in text.encode("ascii", "replace").translate(_INSIDE_BYTES)


def _may_split(word: str) -> bool:
    """Whether `word` may be words run together: 6-MAX_RUN letters, no listed word or near miss, starting and ending as
    pieces do."""
    return (6 <= len(word) <= MAX_RUN and word[-3:] in _TAILS and (word[0] == "i" or word[:2] in _PIECE_LENGTHS)
            and word not in _PIECES and word not in _LISTED and word not in NEAR_MISSES)


@functools.lru_cache(maxsize=4096)  # a text repeating one spelling pays for it once
def _unsymbol(word: str) -> str | None:
    """The harm word `word` spells with each symbol or digit read as its letters (a mask as the one letter that makes a
    harm word of it; the result may be one edit from it, k1lld; a "1" may be an "l", ki11), or None; a word starts or
    ends with a letter (1d10t, h8: not 5*, 1080)."""
    if not (word[0].isalpha() or word[-1].isalpha()):
        return None
    letters = "".join(_SYMBOL_FOR.get(c, c) for c in word)
    if MASK not in letters:  # a listed word, or one edit or spelling from one (k1lld, ki11: "1" for "l")
        found = _reading(letters)
        if found is None and "1" in word:
            found = _reading("".join("l" if c == "1" else _SYMBOL_FOR.get(c, c) for c in word))
        return found
    if letters.count(MASK) * 2 > len(letters):  # mostly masked: no telling which word
        return None
    matches = [w for w in _BY_ENDS.get((len(letters), letters[0], letters[-1]), ())
               if all(c == MASK or c == d for c, d in zip(letters, w, strict=True))]
    return matches[0] if len(matches) == 1 else None


def _reading(letters: str) -> str | None:
    """The harm word `letters` spells, as listed or one edit or spelling away (NEIGHBOURS), or None."""
    return letters if letters in HARM_WORDS else NEIGHBOURS.get(letters)


_BY_ENDS: dict[tuple[int, str, str], tuple[str, ...]] = {}  # the targets by length, first and last letter
for _w in sorted(HARM_WORDS):
    _BY_ENDS[len(_w), _w[0], _w[-1]] = (*_BY_ENDS.get((len(_w), _w[0], _w[-1]), ()), _w)


@functools.lru_cache(maxsize=4096)
def split_run(word: str) -> tuple[str, ...] | None:
    """`word` as two or more pieces of GLUE and harm words with at least one harm word (the fewest pieces), or None:
    a dynamic programme over its positions, each trying only the pieces that start with its two letters."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        lengths = _PIECE_LENGTHS.get(word[i:i + 2], ())
        for j in ((i + 1, *(i + k for k in lengths)) if word[i] in "iau" else (i + k for k in lengths)):
            if j <= n and word[i:j] in _PIECES and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                best[j] = best[i] + [word[i:j]]
    pieces = best[n]
    if (pieces and len(pieces) >= 2 and len(pieces[-1]) >= 3
            and any(p in HARM_WORDS for p in pieces)
            and all(len(p) > 1 or (p == "i" and k == 0) or (p in "au" and 0 < k < len(pieces) - 1)
                    or (p == "a" and k == 0 and len(pieces) == 2)  # amoron: "a m o r o n" with its letters joined
                    for k, p in enumerate(pieces))):
        return tuple(pieces)
    return None


def read_misspellings(text: str, chars=None):
    """(text, its segments for Normalized or None, (symbols, edits, spaces read)): the misspelt harm words of `text`
    (`chars`: its characters, if known) replaced by the words they spell, each mapped to the whole span it replaces."""
    _same, found, symbols, edits, spaces = misspellings(text, chars)
    if not found:
        return text, None, (0, 0, 0)
    out, segments, _n = _edit_matches(text, [(a, b, word, "replace") for a, b, word in found])
    return out, segments, (symbols, edits, spaces)
