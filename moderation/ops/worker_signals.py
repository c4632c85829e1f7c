"""A gunicorn worker's stop signals held from its fork until its own handlers are set (gunicorn.conf.py's pre_fork
and post_worker_init).

A forked worker runs with the master's Python signal handlers until its init_signals replaces them (and with the
default action for an instant in between). A SIGTERM the master sent in that window (a stop or a HUP right after a
worker was forked, its CPU taken by others) was queued in the worker's copy of the master's queue and lost: the worker
served on until the graceful timeout's SIGKILL, 30 s later, without its "Worker exiting" line or its exit hooks.
Blocked before the fork and released once the worker's handlers are in place, such a signal waits as pending and is
delivered to them: the worker leaves at once, as one already serving does. gunicorn.conf.py is read again at every HUP;
this module is imported once, so its fork hook is registered once.
"""

import os
import signal

# What gunicorn's master sends a worker (stop, quick stop, log reopen, timeout) and Ctrl-C's process group.
SIGNALS = frozenset({signal.SIGTERM, signal.SIGQUIT, signal.SIGINT, signal.SIGUSR1, signal.SIGABRT})
_HELD = [False]  # the master's main thread blocks them for one fork


def hold():
    """In the master, right before it forks a worker: the child starts with them blocked; the master's thread gets
    them back as soon as the fork returns."""
    signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    _HELD[0] = True


def _release_in_master():
    if _HELD[0]:
        _HELD[0] = False
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


def release():
    """In the worker, once init_signals has set its handlers (post_worker_init), before it starts any thread: what
    came meanwhile is delivered to them now."""
    _HELD[0] = False
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


os.register_at_fork(after_in_parent=_release_in_master)
