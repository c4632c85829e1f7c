"""Japanese-first text normalisation shared by training and serving (the steps: the package's docstring)."""

from __future__ import annotations

from moderation.text import starts
from moderation.text.chars import (
    _FLAGS,
    _INVISIBLE_SEEN,
    _KANJI_LOOK,
    _LONG_SET,
    _LOOKALIKE_SEEN,
    _MAPPED,
    _MASKS,
    _NOT_ONE,
    _SEEN,
    _SEPARATORS,
    _TABLE,
    _charset,
    _learn,
    _map_chars_several,
    _map_long,
    _still_in,
    _translate,
)
from moderation.text.edits import _drop_separators, _edit, _edits, _keep_alnum, _replace_spans, _squash_runs
from moderation.text.leet import _LEET_DIGITS, _LEET_NEEDED, _unleet
from moderation.text.misspellings import read_misspellings
from moderation.text.normalized import _MANY, Normalized
from moderation.text.patterns import _LATIN_LETTERS, _OBFUSCATIONS, _SEP_JA_CHARS, _kanji_lookalikes
from moderation.text.prepass import mapped
from moderation.text.starts import (
    _DOUBLED,
    _EVERY_REWRITE,
    _KANA_LOOK,
    _MAKES_LATER_NEEDLES,
    _NEEDLE_MAX,
    _OBFUSCATION_INDEX,
    _SPACED_JA_STARTS,
    _SPACED_LATIN_STARTS,
    _SPACES,
    _listed_in,
    _obfuscation_needles,
    _starts_in,
)

MAX_CHARS = 20_000  # longer input is cut before normalisation (the API limits length anyway)


_CACHE_MAX = 300_000  # distinct characters remembered (bounds memory)

# each rewrite's guard in _OBFUSCATIONS' order, read once: hashing a compiled pattern hashes its whole compiled code
# (up to ~9 us a lookup here), so normalize() takes a rewrite's guard by its number
_REWRITE_GUARDS = tuple(_OBFUSCATION_INDEX[p] for _c, _n, p in _OBFUSCATIONS)

# the separators and masks as sets for the set tests below: set.isdisjoint(str) makes a string object of each
# character of the str and hashes it (~3 us each for these two, against ~0.5 for a frozenset)
_SEPARATOR_SET = frozenset(_SEPARATORS)
_MASK_SET = frozenset(_MASKS)


def normalize(text: str) -> Normalized:
    """Normalise `text` and keep the map back to original character offsets. Never raises on str input."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_CHARS]
    fast = mapped(text)  # every character learnt and mapped to one: one compiled pass (prepass.py)
    if fast is not None:
        out, chars_now, lookalike, codes, plain, leet = fast
        mapping = range(len(out)), range(1, len(out) + 1)
        if plain:  # no later rewrite has where to start (prepass._plain): _rewritten's answer, without its passes
            return Normalized(out, mapping, (), 0, lookalike, 0, 0, chars_now, codes)
        return _rewritten(out, mapping, 0, lookalike, chars_now, False, leet)
    present = _charset(text)
    new = present - _SEEN
    if new:
        if len(_SEEN) + len(new) > _CACHE_MAX:  # hostile input cycling through Unicode: start afresh
            for cache in (_TABLE, _MAPPED, _SEEN, _INVISIBLE_SEEN, _LOOKALIKE_SEEN, _NOT_ONE):
                cache.clear()
            _FLAGS[:] = 0
            new = present  # this text's known characters were forgotten too
        _learn(new)
    invisible = sum(text.count(c) for c in seen) if (seen := present & _INVISIBLE_SEEN) else 0
    if invisible and text.endswith("\ufeff"):  # YouTube exports end comments with a BOM: not a trick
        invisible -= len(text) - len(text.rstrip("\ufeff"))
    lookalike = sum(text.count(c) for c in seen) if (seen := present & _LOOKALIKE_SEEN) else 0
    several = present & _NOT_ONE
    long = _map_long(text, present, several) if len(text) >= _LONG_SET else None
    if long is not None:
        out, *mapping = long
        chars_now = present if out is text else {c for ch in present for c in _MAPPED.get(ch, ch)}
    elif several:
        out, *mapping = _map_chars_several(text, several)
        chars_now = set(out)
    else:
        keys = present.intersection(_MAPPED)
        out = _translate(text, keys)
        mapping = range(len(out)), range(1, len(out) + 1)  # ranges until an edit: they slice and index as lists
        # each character maps to one: the unmapped ones and the few mapped ones' images (not a lookup of each)
        chars_now = present if out is text else (present - keys) | {_MAPPED[k] for k in keys}
    return _rewritten(out, mapping, invisible, lookalike, chars_now)


def _rewritten(out: str, mapping, invisible: int, lookalike: int, chars_now: set[str], kanji: bool = True,
               leet: bool = True) -> Normalized:
    """normalize's answer from the text mapped character by character (`out`, `mapping`: its offsets, `chars_now`:
    its characters): the rewrites after the mapping, steps 3-6 (`kanji` False: its look-alike kanji read already;
    `leet` False: `out` holds no match of _LEET_NEEDED, prepass's answer)."""
    if kanji and not _KANJI_LOOK.isdisjoint(chars_now):
        out, changed = _kanji_lookalikes(out, chars_now)
        if changed:
            lookalike += changed
            # only look-alike kanji can have gone, only the katakana they imitate have come
            chars_now = _still_in(out, chars_now, chars_now & _KANJI_LOOK, _KANA_LOOK)
    spaced = 0
    steps = []  # each rewrite's segments (Normalized works the offsets out from them when they are read)
    if not chars_now.isdisjoint(_SEPARATOR_SET):  # the spacing patterns need a separator
        # and a Japanese one a separator other than , and 、 (no _edit call where no match can start)
        if not chars_now.isdisjoint(_SEP_JA_CHARS) and _starts_in(out)[1].size:
            out, n = _step(steps, *_edit(out, _SPACED_JA_STARTS, _drop_separators))
            spaced += n
        if not chars_now.isdisjoint(_LATIN_LETTERS) and _starts_in(out)[2].size:  # and letters
            out, n = _step(steps, *_edit(out, _SPACED_LATIN_STARTS, _keep_alnum))
            spaced += n
        if spaced:  # joining spaced letters drops separators only
            chars_now = _still_in(out, chars_now, chars_now.intersection(_SEPARATOR_SET), ())
    # what follows (one space for many, runs squashed to two) keeps every character it meets
    if "  " in out:
        out, segments = _replace_spans(out, _edits(out, _SPACES, " "), " ")
        steps.append(segments)
    scanned = squashed = out  # `out` after the runs are squashed has the obfuscation needles of the text scanned
    if (runs := _starts_in(out)[0]).size:  # _RUN tried where three equal characters start (none: nothing to try)
        out, _ = _step(steps, *_squash_runs(out, runs))
        squashed = out
        if _DOUBLED and not _DOUBLED.isdisjoint([scanned[at] for at in runs.tolist()]):
            scanned = out  # a run of a character a needle doubles may have made or unmade one: scanned again
    # the spacing joins, the spaces and the runs squashed keep every [a-z][013457]+[a-z] and make none (letters and
    # digits stay beside the same letters and digits): prepass's `leet`, over the mapped text, answers the search
    if leet and not chars_now.isdisjoint(_LEET_DIGITS) and not chars_now.isdisjoint(_LATIN_LETTERS) and (
            _LEET_NEEDED.search(out)):
        out, n = _unleet(out)
        if n:  # each word read with letters for its digits counts as a look-alike
            lookalike += n
            chars_now = _still_in(out, chars_now, chars_now & _LEET_DIGITS, "oieast")
    masked = 0
    if not chars_now.isdisjoint(_LATIN_LETTERS):  # English harm words spelt around a filter (b!tch, idiiot, mus lims)
        out, segments, (symbols, edits, joins) = read_misspellings(out, chars_now)
        if segments is not None:
            steps.append(segments)
            masked += symbols
            lookalike += edits
            spaced += joins
            chars_now = _charset(out)
    has_mask = not chars_now.isdisjoint(_MASK_SET)
    found = _obfuscation_needles(scanned if out is squashed else out)  # _starts_in's scan, unless an edit since
    # the rewrites whose listed needles occur (every alternative without a mask contains one), as bits
    maybe = _EVERY_REWRITE if has_mask else _listed_in(chars_now, found)
    i = -1
    while rest := maybe >> i + 1:  # the next rewrite whose bit is set (no match possible: no needle, no mask)
        i += (rest & -rest).bit_length()
        canonical, guard = _OBFUSCATIONS[i][0], _REWRITE_GUARDS[i]
        if not guard.may_match(out, chars_now, found):
            continue  # nor without what every match contains (moderation/needles/)
        spans = _edits(out, guard, canonical)
        if len(spans):
            rewritten, segments = _replace_spans(out, spans, canonical)
            steps.append(segments)
            masked += len(spans)
            # the characters and needles of the new text from those of the old one and what the edits touched
            if len(spans) < _MANY:
                gone = set("".join([out[a:b] for a, b in spans])) - set(canonical)
                chars_now = _still_in(rewritten, chars_now, gone, gone) | set(canonical)
            else:
                chars_now = _charset(rewritten)
            if _MAKES_LATER_NEEDLES[i]:
                found = found | _found_near(rewritten, spans, len(canonical))
            out = rewritten
            if not has_mask:
                maybe = _listed_in(chars_now, found)
    last = starts._LAST_STARTS  # rebound by each _starts_in: read through the module
    return Normalized(out, tuple(mapping), tuple(steps), invisible, lookalike, masked, spaced, chars_now,
                      last[2] if last[0] is out else None)


def _step(steps: list, text: str, segments, edits: int) -> tuple[str, int]:
    """Keep the segments of a rewrite that changed something; (its text, how many changes)."""
    if edits:
        steps.append(segments)
    return text, edits


def _found_near(text: str, spans, size: int) -> set[str]:
    """The obfuscation needles in `text` that an edit may have made: those in each new word (`size` characters
    where a span of `spans`, positions before the edits, was) with the needle length less one either side."""
    if len(spans) >= _MANY:
        return _OBFUSCATION_INDEX.found(text)
    pieces = []
    shift = 0
    for a, b in spans:
        at = a + shift
        pieces.append(text[max(0, at - _NEEDLE_MAX + 1):at + size + _NEEDLE_MAX - 1])
        shift += size - (b - a)
    return _OBFUSCATION_INDEX.found("\x00".join(pieces))


def normalize_text(text: str) -> str:
    """The normalised string only (used as the vectorisers' preprocessor; picklable by name)."""
    return normalize(text).text
