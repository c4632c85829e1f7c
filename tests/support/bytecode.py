"""Loaded first (pyproject's addopts: `-p tests.support.bytecode`), before the plugins pytest finds by entry point:
keep their assertion-rewritten bytecode even where PYTHONDONTWRITEBYTECODE is set, as this machine's environment
does. pytest rewrites every module of a plugin's distribution (hypothesis, schemathesis, anyio: ~260 modules), and
conftest.py's own `sys.dont_write_bytecode = False` came after they were imported, so each process (the xdist
controller and each worker) rewrote them again: 1.5 s of CPU a process at load 12."""

import sys

sys.dont_write_bytecode = False
