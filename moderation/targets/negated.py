"""Which English negations near a group deny an attack on it, so a civil frame, and which only seem to (issue 12)."""

from __future__ import annotations

import re

import numpy as np

from moderation.targets.constructions import NEGATED_EN

# what a negation (constructions' NEGATED_EN) denies that is an attack: not a want ("I don't want [group] near my
# kids" excludes them), nor saying, thinking or calling ("[group] don't think, they just riot"), nor an exception that
# asserts the word ("[group] are never anything but a burden"), nor a verb that keeps it going ("[group] can't help
# being lazy", "never stop being dangerous"), nor a comparison whose standard is the group ("nobody is more dangerous
# than [group]", "no one is as lazy as [group]": the group made the worst of all)
_NOT_ATTACK = re.compile(r"(?<![a-z])(?:say|said|call|think|thought|believe|want)$"
                         r"|(?<![a-z])(?:but|except|other than|only|just|more than|anything|help|helping|stop"
                         r"|stopping|avoid|resist|quit|cease|hide|deny|denying|pretend|pretending"
                         r"|more|most|less|least|as|so|than)(?![a-z])")
# what after the denial in its sentence takes it back ("nobody hates [group] here, but they can't stay", "I don't hate
# [group], I just want them gone"), or makes an exception of the group or a condition ("nobody in this town is
# dangerous apart from [group]", "I don't hate [group] until they open their mouths"; read2, s43): read at most
# _TAKEN_BACK_REACH characters on
_TAKEN_BACK = re.compile(r"(?<![a-z])(?:but|just|only|yet|though|although|however|except|simply|apart from|aside from"
                         r"|besides|bar|save|other than|until|unless|till|as long as|so long as)(?![a-z])")
_TAKEN_BACK_REACH = 160
# the denied word going on as a comparative ("nobody is dumber than [group]")
_COMPARED = re.compile(r"(?:er|est)(?![a-z])|,? than(?![a-z])")
# a negation that only echoes the one before it ("I don't hate [group], never have", "aren't stupid and never were"):
# an auxiliary alone to the clause's end
_ECHOED = re.compile(r" (?:have|has|had|did|do|does|will|would|was|were|am|is|are|could|can|should)"
                     r"(?: (?:been|done|ever|once))?(?= *(?:[.!?,;:]|$))")


def denying(t: str, at: list[int], ends: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the negations starting at `at` (NEGATED_EN's hits) that deny an attack verb or word ("I don't
    hate [group]", "no one should hurt [group]"), in no question (a negation asked, "why don't we deport [group]?",
    "why aren't [group] sent back?", calls for what it seems to deny) and not taken back by what follows in its
    sentence ("but", "just"). `ends`: where sentences end."""
    return sorted(m.span() for a in at if (m := NEGATED_EN.match(t, a)) and not _NOT_ATTACK.search(m.group())
                  and not _COMPARED.match(t, m.end()) and not _asked(t, ends, a) and not _taken_back(t, ends, m.end()))


def twice_negated(t: str, ends: np.ndarray, negator: re.Pattern, size: int) -> np.ndarray:
    """For each sentence (as numbered by `ends`, `size` of them), whether it holds two negations, which assert what one
    would deny ("[group] are never not stupid", "there isn't one of them who isn't a thief"); a negation that only
    echoes the one before it is none."""
    said = [m.start() for m in negator.finditer(t) if not _ECHOED.match(t, m.end())]
    if not said:
        return np.zeros(size, dtype=bool)
    return np.bincount(np.searchsorted(ends, said, side="right"), minlength=size)[:size] >= 2


def _taken_back(t: str, ends: np.ndarray, at: int) -> bool:
    """Whether the rest of the sentence from `at` (at most _TAKEN_BACK_REACH characters) takes the denial back."""
    sid = int(np.searchsorted(ends, at, side="right"))
    stop = min(int(ends[sid]) if sid < ends.size else len(t), at + _TAKEN_BACK_REACH)
    return _TAKEN_BACK.search(t, at, stop) is not None


def _asked(t: str, ends: np.ndarray, at: int) -> bool:
    """Whether the sentence holding `at` ends with a question mark."""
    sid = int(np.searchsorted(ends, at, side="right"))
    return sid < ends.size and "?" in t[max(int(ends[sid]) - 3, at):int(ends[sid])]
