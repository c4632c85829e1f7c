"""@handles cut out of the text the n-grams are hashed from, so a head never learns who a comment replies to.

Session 59 (docs/model.md, "Where Davidson's held-out figure went"): Davidson's tweets carry 96% of the English
training rows with an @handle, 74% of them harassment positives, so the harm heads learnt the handle (through
`line_id` and, with that weight gone, through the handle's character n-grams) as a mark of the source, and a civil
reply to @someone scored up. With `TextFeatures(handles_unread=True)` every handle (an "@" at the text's start or after
a space or a bracket, then letters, digits and "_", ".", "-" between them: "@mike", "＠ＡＢＣＤ" once normalised) is cut
out of the code points the char and word n-grams are hashed from, with the spaces that joined it to the text, and
the quoted spans and focus sentence are moved to the cut text's offsets. The named signals are still read from the
whole text (`line_id` still counts a handle; build_pipeline keeps it from the harm heads then). Linear: one regex
scan with no nested repetition, then numpy over the cuts.
"""

from __future__ import annotations

import numpy as np

from moderation.pattern_cache import compiled

# the spaces before a handle go with it ("hey @mike you" -> "hey you"); a handle at the start takes those after it
HANDLE = compiled(r"(?:^|[ \t\n\r\f\v(（])@[a-z0-9_]+(?:[.\-][a-z0-9_]+)*")
_SPACES = " \t\n\r\f\v"


def handle_cuts(text: str) -> np.ndarray:
    """(start, end) of each handle of the normalised `text` with its joining spaces, sorted, not overlapping: a handle
    that starts what is left of the text takes the spaces after it, any other the spaces before it."""
    cuts: list[tuple[int, int]] = []
    for m in HANDLE.finditer(text):
        start = m.start() + (text[m.start()] != "@")  # the "@"
        end, floor = m.end(), cuts[-1][1] if cuts else 0
        if start == floor:  # "@a @b hi" -> "hi"
            while end < len(text) and text[end] in _SPACES:
                end += 1
        else:  # "hey @a you" -> "hey you"; a bracket before it stays
            while start > floor and text[start - 1] in _SPACES:
                start -= 1
        cuts.append((start, end))
    return np.asarray(cuts, dtype=np.int64).reshape(-1, 2)


def moved(positions: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Each offset of the whole text as an offset of the cut text (one inside a cut: where the cut was)."""
    starts, ends = cuts[:, 0], cuts[:, 1]
    before = np.concatenate(([0], np.cumsum(ends - starts)))  # characters cut before the k-th cut
    k = np.searchsorted(starts, positions, side="right")  # cuts starting at or before the offset
    inside = np.where(k > 0, np.minimum(positions, ends[np.maximum(k - 1, 0)]) - starts[np.maximum(k - 1, 0)], 0)
    return positions - before[np.maximum(k - 1, 0)] * (k > 0) - inside


def unread(text: str, codes: np.ndarray, quoted: np.ndarray, focus: tuple[int, int]):
    """(codes, quoted spans, focus) with the handles of `text` cut out, or as given when it has none."""
    cuts = handle_cuts(text) if "@" in text else None
    if cuts is None or not cuts.size:
        return codes, quoted, focus
    keep = np.ones(codes.size, np.bool_)
    for a, b in cuts.tolist():
        keep[a:b] = False
    codes = codes[keep]
    if quoted.shape[0]:
        quoted = quoted.copy()
        quoted[:, :2] = moved(quoted[:, :2].ravel(), cuts).reshape(-1, 2)
        quoted = quoted[quoted[:, 0] < quoted[:, 1]]
    if focus[0] >= 0:
        a, b = moved(np.asarray(focus, dtype=np.int64), cuts).tolist()
        focus = (a, b) if a < b else (-1, -1)
    return codes, quoted, focus
