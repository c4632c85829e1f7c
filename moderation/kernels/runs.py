"""Runs of a comment's heaviest characters for its explanation, grown to the words they cut (numba)."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit


@njit(cache=True, nogil=True)
def _script(c) -> int:
    """explain's word boundaries: katakana 1, hiragana 2, kanji (and 々) 3, ASCII letter or digit 4, else 0."""
    if 0x30A0 <= c <= 0x30FF:
        return 1
    if 0x3040 <= c <= 0x309F:
        return 2
    if 0x4E00 <= c <= 0x9FFF or c == 0x3005:
        return 3
    if 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122:
        return 4
    return 0


# hiragana that begins a particle or copula after a stem (は が を に へ と で も の や か よ だ ぞ わ): not okurigana.
# Not moderation.matcher.PARTICLES, on purpose: that one is what may end the word before a hiragana
# word hit (お前は|ばか), this one what may begin the word after a kanji stem. They differ where the
# questions do: ね な っ inflect a stem (重ね|る, 少な|い, 行っ|た), so they are not here; だ ぞ follow
# a noun stem (無理|だ, 本当|だぞ). か and わ inflect too (行か|ない, 言わ|ない) but begin particles as
# often (誰|かが, 本当|かな): here they stop the span.
PARTICLES = "はがをにへとでものやかよだぞわ"
_PARTICLES = np.array(sorted(map(ord, PARTICLES)), np.int64)
OKURIGANA = 3  # hiragana a kanji stem may take on its right (無駄遣|い, 辞|めろ, 生|きてい)


@njit(cache=True, nogil=True)
def _okurigana(c) -> bool:
    """Whether hiragana `c` may be a kanji stem's inflection rather than the particle after it."""
    if not 0x3041 <= c <= 0x3096:
        return False
    for p in _PARTICLES:  # a global array: frozen into the compiled code
        if c == p:
            return False
    return True


@njit(cache=True, nogil=True)
def ngram_runs(pc, codes, widen):
    """(starts, ends, weights) of the maximal runs of characters whose contribution `pc` is above 15% of the
    peak (and 1e-6), in text order, each weighing its summed contribution (a running sum's difference, as numpy's
    cumsum gave it), its ends grown to the edges of the script runs it cuts (at most `widen` characters each side;
    `codes`: the text's code points), a kanji stem and its hiragana inflection kept together."""
    n = pc.size
    top = 0.0
    for i in range(n):
        if i == 0 or pc[i] > top:
            top = pc[i]
    starts = np.empty(n, np.int64)
    ends = np.empty(n, np.int64)
    weights = np.empty(n)
    if n == 0 or top <= 0:
        return starts[:0], ends[:0], weights[:0]
    limit = max(0.15 * top, 1e-6)
    csum = np.empty(n + 1)
    csum[0] = 0.0
    csum[1] = pc[0]
    for i in range(1, n):
        csum[i + 1] = csum[i] + pc[i]
    k = 0
    i = 0
    while i < n:
        if not pc[i] > limit:
            i += 1
            continue
        a = i
        while i < n and pc[i] > limit:
            i += 1
        b = i
        weights[k] = csum[b] - csum[a]
        left = _script(codes[a])
        step = 0
        while left and a > 0 and _script(codes[a - 1]) == left and step < widen:
            a -= 1
            step += 1
        if left == 2 and a > 0 and _script(codes[a - 1]) == 3 and _okurigana(codes[a]):
            step = 0  # inflection cut from its stem (|めたらいい): the kanji stem before it (辞めたらいい)
            while a > 0 and _script(codes[a - 1]) == 3 and step < widen:
                a -= 1
                step += 1
        right = _script(codes[b - 1])
        step = 0
        while right and b < n and _script(codes[b]) == right and step < widen:
            b += 1
            step += 1
        step = 0  # a kanji stem takes its inflection (無駄遣 -> 無駄遣い), not the particle after it (税金|の)
        while right == 3 and b < n and step < OKURIGANA and _okurigana(codes[b]):
            b += 1
            step += 1
        starts[k] = a
        ends[k] = b
        k += 1
    return starts[:k], ends[:k], weights[:k]
