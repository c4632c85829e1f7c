"""Praise as a predicate: a positive word read where it says something good of whom the sentence names."""

from __future__ import annotations

import re

from moderation.wordlists.praise_words import PRAISE_WORDS


def _trie(words) -> str:
    """One alternation of `words` as a prefix tree, so the engine reads each word once rather than trying ~900."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        parts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and not ends else "(?:" + "|".join(parts) + ")"
        return body + ("?" if ends else "")

    return "(?:" + walk(tree) + ")"


# issue 12 (session 16): -8's group_praise fired on 22 English words, so "[group] are generous hosts" or "[group]
# deserve our respect" kept the group word's weight (+2.85) with nothing against it. The predicate forms only: a
# copula, "make" or "deserve" with at most three fillers before the praise word, or the writer's own feeling ("I
# really admire"; not after an adverb: "I honestly hate"). A negation is no filler, so "are not kind" and "don't
# deserve respect" are none; nor is a comparison ("better than", "better off"), "good for nothing", "kind of", or the
# feeling at a clause or a sight ("I love how they...", "love it when", "love to see them gone"). With a group in the
# sentence it is group_praise (moderation/features/patterns.py counts its hits as the word list's "praise").
_FILL = (r"(?:so|very|really|truly|incredibly|extremely|genuinely|always|often|usually|mostly|generally|just|all|such"
         r"|a|an|our|the|most|some|of|among|amazingly|remarkably|wonderfully|hugely|deeply|absolutely|quite|super"
         r"|fucking|same|equal|full|every|real|good|great|kind|hard|warm)")
_PRAISE = _trie(PRAISE_WORDS)
_NOT_AFTER = (r"(?![a-z'’-])(?! (?:than|off|at|for nothing|that|how|when|it when|the way|to see|seeing|watching)"
              r"(?![a-z'’]))(?!(?<=kind) of(?![a-z]))")
_COPULA = (r"(?:(?<![a-z'’])(?<!we )(?:are|were|have been|have always been|make|makes|made|deserve|deserves)"
           r"|(?<=[a-z])(?<!we)['’]re)"
           r" (?:" + _FILL + r" ){0,3}")
# what the group makes of a place or of others ("make our country stronger", "made our high street busier and better"):
# at most five words between, none a negation
_MAKES = r"(?<![a-z'’])(?:make|makes|made|making) (?:(?!not |never |no )[a-z'’]{1,20} ){1,5}?"
_FEELER = (r"(?<![a-z'’])(?:i|we) (?:(?:really|truly|absolutely|just|so|genuinely|do|all|always|deeply|sincerely) )"
           r"{0,2}(?![a-z]+ly(?![a-z]))")
# the writer's glad / proud / grateful (I'm, we are: not the copula above) is praise only when its object follows
# ("proud of", "grateful to"): "I'm glad someone vandalised them" is gladness at an event
_FEELING = (r"(?<![a-z'’])(?:i['’]m|i am|we are|we['’]re) (?:(?:really|truly|absolutely|just|so|very|genuinely|deeply"
            r"|always|incredibly) ){0,2}")
_OF = r"(?= (?:of|for|to|with|about|by) )"
PRAISE_EN = re.compile(r"(?<!n['’]t )(?<!not )(?<!never )(?:(?:" + _COPULA + "|" + _MAKES + "|" + _FEELER + ")"
                       + _PRAISE + "|" + _FEELING + _PRAISE + _OF + ")" + _NOT_AFTER)
