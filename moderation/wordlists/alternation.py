"""A long word list as a short regex: its words longest first, factored, so the pattern compiles in a fraction.

`"|".join(sorted(words, key=lambda w: (-len(w), w)))` of GROUPS_NAMED (4,094 "[adjective] [people]" pairs, 71,000
characters) written four times into one pattern made it 288,000 characters, 0.36 s to compile at every start.
`alternation(words)` writes each word's first word once and what may follow it once per distinct set of followers
("(?:somali|syrian|...) (?:people|men|...)"), each as a prefix tree. It matches the same strings and, at any position,
tries them in the same order, the longest first (so a pattern around it finds the same matches): the words that match
at one position are prefixes of one another; two of them with a space share their first word, so one group holds
both and its trees try the longer first (a tree's end comes after its branches: a greedy `?`); a word without a
space is tried after every word with one (its tree is the last alternative). tests/test_word_alternation.py checks
it against the sorted list word by word.
"""

from __future__ import annotations

import re


def prefix_tree(words) -> str:
    """The words (none empty unless the set is {""}) as a prefix tree, each branch before the end of a shorter word, so
    the longest matches first and the engine takes one branch a character; no top-level `|`."""
    tails: dict[str, list[str]] = {}
    for word in words:
        if word:
            tails.setdefault(word[0], []).append(word[1:])
    if not tails:
        return ""
    branches = [re.escape(first) + prefix_tree(tails[first]) for first in sorted(tails)]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in words else body


def alternation(words) -> str:
    """A regex alternation of the literal `words` that matches as the list sorted longest first does (module doc)."""
    followers: dict[str, set[str]] = {}
    single = set()
    for word in set(words):
        head, space, rest = word.partition(" ")
        if space:
            followers.setdefault(head, set()).add(" " + rest)
        else:
            single.add(word)
    heads: dict[frozenset[str], set[str]] = {}
    for head, rests in followers.items():
        heads.setdefault(frozenset(rests), set()).add(head)
    parts = sorted(prefix_tree(group) + prefix_tree(rests) for rests, group in heads.items())
    return "|".join(parts + ([prefix_tree(single)] if single else []))
