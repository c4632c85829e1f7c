"""A hint to the CPU to start loading an array element's cache line now (LLVM's prefetch), read a little later.

A comment's row reads a few hundred scattered IDF codes and weight rows (656 KB and 21 MB of tables): one at a
time, each waits on memory in turn; asked for all at once first, the loads overlap. A hint changes no value read,
and a prefetch never faults, whatever the address.
"""

from __future__ import annotations

from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

__all__ = ["prefetch"]


@intrinsic
def prefetch(typingctx, array, index):
    """prefetch(array, i) in a kernel: array[i]'s line towards the caches, for reading (kept in all levels)."""
    if not isinstance(array, types.Array) or array.ndim != 1 or not isinstance(index, types.Integer):
        return None

    def codegen(context, builder, signature, args):
        arraytype = signature.args[0]
        data = context.make_array(arraytype)(context, builder, args[0])
        pointer = cgutils.get_item_pointer(context, builder, arraytype, data, [args[1]], wraparound=False)
        byte = builder.bitcast(pointer, ir.IntType(8).as_pointer())
        i32 = ir.IntType(32)
        function = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.VoidType(), [byte.type, i32, i32, i32]), "llvm.prefetch.p0")
        builder.call(function, [byte, i32(0), i32(3), i32(1)])  # read, keep in every cache level, data
        return context.get_dummy_value()

    return types.void(array, index), codegen
