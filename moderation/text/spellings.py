"""The English harm words misspellings reads, and every spelling around a filter that reads as one."""

from __future__ import annotations

from moderation import lexicon_data as L
from moderation import wordlists as W
from moderation.wordlists.near_misses import NEAR_MISSES, SPLIT_WORDS

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
