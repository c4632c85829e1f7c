"""An arena gives each kernel its constant arrays back as they were packed: the same dtype, size and values, in order.

moderation/kernels/arena.py lays many arrays in one byte array so a kernel call unboxes one argument for them all;
a part read back at the wrong index or as the wrong dtype would read another array's bytes, so each is compared
with the array it was packed from, in the kernel and in Python.
"""

import numpy as np
import pytest
from numba import njit

from moderation.kernels.arena import allocated, pack, part, parts

# sizes that leave every part but the last unaligned at its end (a part starts on an 8-byte boundary)
ARRAYS = (np.arange(5, dtype=np.uint32) * 7 + 1, np.arange(3, dtype=np.int32) - 9,
          np.array([2**40, -3], dtype=np.int64), np.array([1, 0, 1], dtype=np.bool_), np.arange(9, dtype=np.uint8),
          np.zeros(0, np.int64), np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))
DTYPES = [a.dtype for a in ARRAYS]


@njit
def _read_back(arena):
    """Each part as the kernel reads it, as int64 values."""
    return (part(arena, 0, np.uint32).astype(np.int64), part(arena, 1, np.int32).astype(np.int64),
            part(arena, 2, np.int64), part(arena, 3, np.bool_).astype(np.int64),
            part(arena, 4, np.uint8).astype(np.int64), part(arena, 5, np.int64), part(arena, 6, np.int64))


def test_a_kernel_reads_each_part_as_it_was_packed():
    arena = pack(*ARRAYS)
    got = _read_back(arena)
    assert [g.tolist() for g in got] == [a.ravel().astype(np.int64).tolist() for a in ARRAYS]


def test_python_reads_the_same_parts_as_views():
    arena = pack(*ARRAYS)
    got = parts(arena, *DTYPES)
    assert [g.dtype for g in got] == DTYPES
    assert [g.tolist() for g in got] == [a.ravel().tolist() for a in ARRAYS]
    assert all(g.base is not None and np.shares_memory(g, arena) for g in got if g.size)


def test_a_part_read_as_another_dtype_is_not_the_packed_array():
    """The arena keeps no dtype: the reader must name the packed one (codepass checks its arrays' dtypes once)."""
    arena = pack(np.arange(3, dtype=np.int32), np.arange(4, dtype=np.int32))
    with pytest.raises(ValueError):  # 12 bytes hold no whole int64
        part(arena, 0, np.int64)
    assert part(arena, 1, np.int64).tolist() != [0, 1, 2, 3]  # 16 bytes read as two int64


def test_every_part_starts_aligned_and_packed_copies_stay_apart():
    arena = pack(*ARRAYS)
    head = arena[:16 * len(ARRAYS)].view(np.int64).tolist()
    assert all(a % 8 == 0 for a in head[::2])
    assert all(b <= a for b, a in zip(head[1::2], head[2::2], strict=False))  # no overlap
    ARRAYS[0][0] += 1
    try:
        assert parts(arena, *DTYPES)[0][0] == ARRAYS[0][0] - 1  # a copy: the module's array is not the part
    finally:
        ARRAYS[0][0] -= 1


def test_an_allocated_part_is_the_module_array_the_kernel_reads():
    """What Python writes into an allocated view (chars._LUT learning a character) the kernel reads at once."""
    arena, (lut, flags) = allocated((0x10, np.uint32), (0x10, np.uint8))
    lut[3], flags[5] = 0x30A2, 7

    @njit
    def read(arena):
        return part(arena, 0, np.uint32)[3], part(arena, 1, np.uint8)[5]

    assert read(arena) == (0x30A2, 7)
    assert lut.flags.c_contiguous and lut.flags.writeable and lut.dtype == np.uint32
