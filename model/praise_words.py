"""Write moderation/wordlists/praise_words.py: the positive words that praise whom a sentence's subject names.

    python -m model.praise_words --lexicon PATH/vader_lexicon.txt [--dictionary /usr/share/dict/american-english]

The lexicon is VADER's (Hutto & Gilbert 2014, MIT licence: PyPI `vaderSentiment`, its vader_lexicon.txt; read here,
never imported at run time): a word is kept when its mean valence is at least MIN_VALENCE, it is a dictionary word of
at least three letters (Debian's wamerican: no chat abbreviations), no stem of NOT_PRAISE starts it and it is none of
NOT_PRAISE_WORDS. Why a lexicon: praise of a group is an open class ("[group] are generous / brave / honest"), and
session 16 found -8's group_praise fired on 22 English words only, so most praise of a group went unread.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from model.near_misses import block

DICTIONARY = Path("/usr/share/dict/american-english")
OUT = Path(__file__).resolve().parent.parent / "moderation" / "wordlists" / "praise_words.py"
MIN_VALENCE = 1.5

# stems whose words are no praise of people in a predicate: a group stereotype or supremacy trope ("are rich",
# "are powerful", "are superior"), sexual ("sexy"), a wish or a willingness ("hope", "ready"), words of things, events
# or luck ("party", "profit", "win"), agreeing and thanking, "like" (a comparison: "are like rats") and "pretty" (an
# intensifier: "are pretty stupid"); NOT_PRAISE_WORDS are left out as they are, not as stems ("won" but "wonderful")
NOT_PRAISE_WORDS = frozenset(("won", "hand", "hands", "super"))
NOT_PRAISE = (
    "like", "hope", "wish", "treat", "ready", "rich", "wealth", "powerful", "influential", "privileg", "superior",
    "suprem", "sexy", "kiss", "parti", "party", "profit", "win", "save", "rescue", "protect", "surviv", "promis",
    "interest", "luck", "free", "true", "truly", "sure", "clear", "definitely", "relax", "hug", "laugh", "smil",
    "giggl", "heart", "dream", "desire", "growth", "gain", "ensure", "accept", "agree", "thank", "yes", "okay",
    "woo", "wow", "yay", "haha", "hurra", "hurray", "hooray", "care", "safe", "holiday", "festiv", "fiesta", "joke",
    "grant", "gift", "bonus", "award", "medal", "prize", "reward", "credit", "opportun", "optim", "incentive", "tops",
    "treasur", "jewel", "sweets", "sunshine", "sunn", "paradise", "heaven", "romanc", "romant", "amor", "lover",
    "flirt", "glamo", "pretty", "cute", "attract", "divin", "worship",
    "pray", "bless", "miracle", "intellectual", "idealis", "idealiz", "vindicat", "exonerat", "absolv", "forgiv",
    "pardon", "apologi", "hoping", "relie", "rofl", "slaw", "tia", "vip", "bff", "benefi", "charit",
    "comed", "chuckl", "amus", "fit", "clean", "natural", "alive", "active", "engag", "focused", "determin", "resolv",
    "mature", "easy", "eas", "validat", "recommend", "improv", "progress", "promot", "boost",
)


def praise_words(lexicon: Path, dictionary: Path = DICTIONARY) -> list[str]:
    """The lexicon's positive words that pass the dictionary and NOT_PRAISE, sorted."""
    known = {w.strip().lower() for w in dictionary.read_text(encoding="utf-8", errors="replace").split()}
    out = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, valence = parts[0], float(parts[1])
        if (valence >= MIN_VALENCE and word.isascii() and word.isalpha() and len(word) >= 3 and word in known
                and not word.startswith(NOT_PRAISE) and word not in NOT_PRAISE_WORDS):
            out.add(word)
    return sorted(out)


def render(words: list[str]) -> str:
    return ('"""Positive words that praise whom a sentence\'s subject names (written by model/praise_words.py from '
            'VADER\'s lexicon,\nMIT licence: do not edit by hand); moderation.targets.praise reads them as '
            'predicates."""\n\n'
            f"PRAISE_WORDS = (\n{block(words)}\n)\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--dictionary", default=str(DICTIONARY))
    args = ap.parse_args(argv)
    words = praise_words(Path(args.lexicon), Path(args.dictionary))
    OUT.write_text(render(words), encoding="utf-8")
    print(f"{len(words)} praise words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
