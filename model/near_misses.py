"""Write moderation/wordlists/near_misses.py: the real English words that moderation.text.misspellings must leave alone.

    python -m model.near_misses [--dictionary /usr/share/dict/american-english]
        [--large-dictionary /usr/share/dict/american-english-large]

The dictionary is Debian's wamerican (SCOWL, `apt-get install wamerican`); only the words that collide with a rule are
kept: a word one deletion, doubled letter or adjacent swap from a harm word (moon, wore, niger, muslin stays muslin),
a word the run-together split would cut into glue and harm words, a short word's skeleton another word shares
(cnt: cant, cent), and two or three words whose join is a harm word (as shole, cock roa ches).
Run it again when HARM_WORDS or GLUE changes (tests/test_misspellings.py checks the list is the one they give).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from moderation.text import misspellings as M
from moderation.text import spellings as S

DICTIONARY = Path("/usr/share/dict/american-english")
# the looser readings (a substituted letter, two edits: moderation.text.spellings._substituted, _other_spellings)
# collide with rarer words too (nagger, winker, negress), so they are also guarded by SCOWL's larger list
# (`apt-get install wamerican-large`); the one-edit readings and the splits keep the smaller one (its two-letter
# "words" ki, ll, ha, te would refuse k ill, ha te)
LARGE_DICTIONARY = Path("/usr/share/dict/american-english-large")
OUT = Path(__file__).resolve().parent.parent / "moderation" / "wordlists" / "near_misses.py"


def dictionary_words(path: Path = DICTIONARY) -> set[str]:
    """The dictionary's words in lower case, letters a-z only (possessives dropped); single letters but a and i are
    no words (k ill is a spelling of kill)."""
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").split():
        w = line.lower()
        if w.isascii() and w.isalpha() and (len(w) > 1 or w in ("a", "i")):
            words.add(w)
    return words


def common_words(path: Path = DICTIONARY) -> set[str]:
    """The dictionary's words written in lower case (no names: Kelli, Dumbo), letters a-z only."""
    return {w for w in path.read_text(encoding="utf-8", errors="replace").split() if w.isascii() and w.isalpha()
            and w.islower()}


def shared_skeletons(common: set[str]) -> list[str]:
    """The readings of a short word (five letters at most) written without its vowels (misspellings.skeleton: kll,
    dmb) whose skeleton a common word other than the target also has: cnt is cant or cent, whr where, sht shot."""
    by: dict[str, set[str]] = {}
    for w in common:
        by.setdefault(S.skeleton(w), set()).add(w)
    return sorted(s for s, target in S.neighbours().items()
                  if len(target) <= 5 and s == S.skeleton(target) and by.get(s, set()) - {target})


def collisions(words: set[str], large: frozenset[str] | set[str] = frozenset(),
               common: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(near misses, split words): the dictionary words the rules would rewrite (`large`'s too for the looser
    readings), the skeletons `common` words share, and the two- or three-word splits of harm words whose every part
    is a word."""
    edits = S.neighbours(spelt=False)
    near = sorted(w for w in S.neighbours() if w in words or (w not in edits and w in large))
    near += shared_skeletons(common)
    near += sorted(w for w in words if (6 <= len(w) <= S.MAX_RUN or w in S.I_RUNS) and w not in S.HARM_WORDS
                   and M.split_run(w))
    split = sorted(f"{a} {b}" for a, b in S.splits() if a in words and b in words)
    split += sorted(" ".join(parts) for parts in S.splits3() if all(p in words for p in parts))
    return sorted(set(near)), split


def block(items) -> str:
    """Quoted words, comma after each, wrapped at 120 characters and indented: a generated word list's body."""
    lines, line = [], "   "
    for w in items:
        piece = f' "{w}",'
        if len(line) + len(piece) > 120:
            lines.append(line)
            line = "   "
        line += piece
    lines.append(line)
    return "\n".join(lines)


def render(near: list[str], split: list[str]) -> str:
    return ('"""Real English words one edit from a harm word, skeletons other words share (cnt), and two-word splits '
            'of one\n(written by model/near_misses.py from a dictionary: do not edit by hand); '
            'moderation.text.misspellings leaves them\nas they are."""\n\n'
            f"NEAR_MISSES = frozenset((\n{block(near)}\n))\n\nSPLIT_WORDS = frozenset((\n{block(split)}\n))\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionary", default=str(DICTIONARY))
    ap.add_argument("--large-dictionary", default=str(LARGE_DICTIONARY))
    args = ap.parse_args(argv)
    near, split = collisions(dictionary_words(Path(args.dictionary)), dictionary_words(Path(args.large_dictionary)),
                             common_words(Path(args.dictionary)))
    OUT.write_text(render(near, split), encoding="utf-8")
    print(f"{len(near)} near misses, {len(split)} split words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
