"""What an English writer denies: a hateful predicate under a negation is not the writer's attack (issue 12)."""

from __future__ import annotations

import re

from moderation.targets.constructions import _EN_REMOVED

# a denial of the claim: a negated verb of saying or believing ("I don't think", "nobody here believes", "my dad never
# called", "I wouldn't say") and the clause it governs, up to its end or a "but" (at most 80 characters)
_NEG = (r"(?:(?:do|does|did|would|could|should|wo|ca)(?:n['’]t| not)|cannot|never|nobody|no one|none of us"
        r"|not one of us)")
_BELIEF = (r"(?:think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|claimed|agree|agrees"
           r"|agreed|consider|considers|considered|call|calls|called|mean|meant|accept|accepts)")
_CLAUSE = r"(?:(?! but | except | than )[^.!?\n,;:]){0,80}"

# a negated copula and its predicate, at most four words ("[group] are not freeloaders", "aren't a danger to", "were
# never stupid"); "not only/just/all" deny nothing, "no better than" is no negation, a "but" ends it
_PREDICATE = (r"(?:(?<![a-z])(?:are|is|was|were|am|ai)|['’](?:re|s|m))(?:n['’]t| not| never)"
              r"(?! (?:only|just|merely|simply|all|even|true)(?![a-z]))(?: (?!but |except |than )[a-z'’-]+){1,4}")

# a denied wish that people be removed ("no one here wants them deported", "I don't want anyone sent back"): only
# the removal (constructions' exclusion form), since "nobody wants these parasites here" denies nothing
_WISH = r"(?:want|wants|wanted)(?: [a-z'’]+){0,4}? " + _EN_REMOVED

DENIED_EN = re.compile(r"(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? " + _BELIEF + r"(?![a-z])" + _CLAUSE
                       + r"|(?<![a-z])" + _NEG + r"(?: [a-z]+){0,3}? " + _WISH
                       + r"|" + _PREDICATE
                       + r"|(?:(?<![a-z])(?:not true|a lie|a myth|false|nonsense|untrue)|n['’]t true) that" + _CLAUSE)

_CUES = ("n't", "n’t", "not", "never", "nobody", "no one", "none of", "a lie", "a myth", "false", "untrue", "nonsense")


def denied_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of what English negations in `text` deny (sorted; one scan, only when a negating word is in it)."""
    if not any(cue in text for cue in _CUES):
        return []
    return [m.span() for m in DENIED_EN.finditer(text)]
