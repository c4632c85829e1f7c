"""Many constant arrays a kernel reads, laid in one byte array, so a call passes one argument for all of them.

numba's dispatcher unboxes each array argument on every call (~75 ns apiece, a typecode and a memory record each,
measured on this machine: a kernel of nine arrays costs 0.82 us a call for no work, of one 0.23 us). A kernel
called once a comment with a dozen module constants beside its one text paid for each; passed as one arena they
cost one argument. A part keeps its dtype and size: the kernel names the dtype when it reads the part back
(part(arena, k, np.int32)), so a part read as the wrong dtype reads the wrong size (tests/test_arena.py). Nothing is
frozen into the machine code (the arrays stay arguments), so numba's cache key (kernel_cache) needs nothing more.
"""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit

__all__ = ["allocated", "pack", "part", "parts"]

_ALIGN = 8  # every part starts on an 8-byte boundary of the arena (its own dtype's alignment, up to int64)


def allocated(*specs: tuple[int, np.dtype]) -> tuple[np.ndarray, list[np.ndarray]]:
    """(an arena of zeros with one part per (size, dtype) of `specs`, each part as a writable view into it): the
    views are the module's arrays, so what Python writes to them the kernel reads in the arena."""
    head = 2 * len(specs) * 8
    bounds, at = [], head
    for size, dtype in specs:
        end = at + size * np.dtype(dtype).itemsize
        bounds.append((at, end))
        at = -(-end // _ALIGN) * _ALIGN
    arena = np.zeros(at, np.uint8)
    arena[:head].view(np.int64)[:] = [b for pair in bounds for b in pair]
    return arena, [arena[a:b].view(dtype) for (a, b), (_size, dtype) in zip(bounds, specs, strict=True)]


def pack(*arrays: np.ndarray) -> np.ndarray:
    """An arena holding a copy of each of `arrays` (C order, flattened) as its parts, in order."""
    arena, views = allocated(*((a.size, a.dtype) for a in arrays))
    for view, a in zip(views, arrays, strict=True):
        view[:] = a.ravel()
    return arena


def parts(arena: np.ndarray, *dtypes) -> list[np.ndarray]:
    """The arena's parts as views, read as `dtypes` in order (Python's side of part())."""
    head = arena[:2 * len(dtypes) * 8].view(np.int64).tolist()
    return [arena[head[2 * k]:head[2 * k + 1]].view(dtype) for k, dtype in enumerate(dtypes)]


@njit(cache=True, nogil=True)
def part(arena, k, dtype):
    """Part `k` of `arena`, read as `dtype` (the one it was packed with): a view, no copy."""
    head = arena[:16 * (k + 1)].view(np.int64)
    return arena[head[2 * k]:head[2 * k + 1]].view(dtype)
