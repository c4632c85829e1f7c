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
_FEELING = (r"(?<![a-z'’])(?:i['’]m|i am|we are|we['’]re|(?:i|we)(?:['’]d| would|['’]ll| will) be)"
            r" (?:(?:really|truly|absolutely|just|so|very|genuinely|deeply|always|incredibly) ){0,2}")
_OF = r"(?= (?:of|for|to|with|about|by) )"
# issue 12 (session 17, en_neighbour_probe): the writer including a group, said with no praise word. Luck at having
# it ("we're lucky to have"; luck is no praise word, it is said of events); a willingness adverb before a verb of
# living or working beside others ("I'd happily live next door to", "would gladly work alongside": the verbs are
# listed, so "I'd happily deport them" is none); likeness with everyone else ("are no different from anyone else",
# "are just like the rest of us", "are people like us"); belonging ("are part of our community", "have been part of
# this town"). A negation before any of them makes it none, as for the praise forms
_LUCK = (_FEELING + r"(?:lucky|fortunate|blessed|privileged|honou?red)"
         r" to (?:have|know|live with|work with|call)(?![a-z])")
_WILLING = (r"(?<![a-z'’])(?:i|we)(?:['’]d| would|['’]ll| will)? (?:happily|gladly|proudly|willingly|gratefully) "
            r"(?:live|work|share|rent|sit|eat|study|play|stand|vote|employ|hire|welcome|invite|trust|marry|serve"
            r"|teach|help)(?![a-z])")
_THEY_ARE = (r"(?<![a-z'’])(?:are|were|have (?:always )?been|['’]re) (?:(?:just|simply|all|always|really|truly|ordinary"
             r"|normal|decent) )*")
_LIKENESS = (_THEY_ARE + r"(?:(?:people|folk|human beings|humans) )?(?:(?:just |exactly )?like|the same as"
             r"|no different (?:from|to|than)) (?:any(?:one|body| of us| other)|every(?:one|body)(?: else)?"
             r"|the rest of us|us|you and me|you or me|me and you|all of us)(?![a-z])")
_BELONGING = (_THEY_ARE + r"(?:(?:a|an) (?:real |big |huge |vital |important )?)?part of (?:our|this|the|my) "
              r"(?:[a-z]+ ){0,1}(?:community|communities|town|city|village|street|neighbou?rhood|country|nation"
              r"|society|family|parish|school|fabric)(?![a-z])")
PRAISE_EN = re.compile(r"(?<!n['’]t )(?<!not )(?<!never )(?:(?:" + _COPULA + "|" + _MAKES + "|" + _FEELER + ")"
                       + _PRAISE + "|" + _FEELING + _PRAISE + _OF + "|" + _LUCK + "|" + _WILLING + "|" + _LIKENESS
                       + "|" + _BELONGING + ")" + _NOT_AFTER)
