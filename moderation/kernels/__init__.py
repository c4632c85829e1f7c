"""Compiled inner loops of scoring (numba): a comment's code points to its sorted TF-IDF row in one pass.

A comment's row took some sixty small numpy calls (about a microsecond each, whatever the size); here it is
one loop over the code points. Nothing is compiled at import: numba compiles a kernel on its first call, and
`warm()` (which scorer loading calls, so gunicorn's master compiles before it forks) makes that call with the
argument types serving uses. The machine code is kept in numba's on-disk cache (NUMBA_CACHE_DIR if set,
else moderation/__pycache__), so a restarted service loads it instead of compiling again; the cache is keyed on
every file a kernel's code comes from (moderation/kernel_cache.py), so a changed file is compiled again.
"""
