"""A real server whose background fsync never ends: its bio_aof thread stopped with ptrace, as a stuck disk would.

Under `appendfsync everysec` the server then postpones writing answered writes to its append-only file
(aof_pending_bio_fsync stays 1), the window README's Durability section is about, made as long as a test needs.
Only that thread stops (PTRACE_SEIZE + PTRACE_INTERRUPT: no group stop); the server keeps answering.
"""

import ctypes
import os
import threading
import time

# INFO persistence's fields a failure message shows: the window open (an fsync pending, answered writes held back)
WINDOW = ("aof_pending_bio_fsync", "aof_buffer_length", "aof_delayed_fsync", "aof_last_write_status")
PTRACE_SEIZE, PTRACE_INTERRUPT, PTRACE_DETACH = 0x4206, 0x4207, 17
WALL = 0x40000000  # waitpid's __WALL: a thread of another process is waited for like a child

_libc = ctypes.CDLL(None, use_errno=True)
_libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
_libc.ptrace.restype = ctypes.c_long


def _ptrace(request, tid):
    if _libc.ptrace(request, tid, None, None) != 0:
        error = ctypes.get_errno()
        raise AssertionError(f"ptrace({request:#x}, {tid}) failed: {os.strerror(error)} (the test needs ptrace "
                             "on its own child processes)")


class HeldFsync:
    """Stops `node`'s bio_aof thread, then makes the server queue an fsync (a write a second after the last one)
    that cannot run; kill() SIGKILLs the server while it is still held (a traced thread is reaped by its tracer)."""

    def __init__(self, node):
        self.node = node
        pid = node.process.pid
        self.tid = next(int(tid) for tid in os.listdir(f"/proc/{pid}/task")
                        if open(f"/proc/{pid}/task/{tid}/comm").read().strip() == "bio_aof")

    def stop(self):
        """Stop the bio_aof thread (an fsync queued from now on stays pending), without waiting for one."""
        _ptrace(PTRACE_SEIZE, self.tid)
        _ptrace(PTRACE_INTERRUPT, self.tid)
        os.waitpid(self.tid, WALL)

    def release(self):
        """Let the thread go: a pending fsync runs and ends."""
        _ptrace(PTRACE_DETACH, self.tid)

    def __enter__(self):
        self.stop()
        admin = self.node.client()
        deadline = time.monotonic() + 5
        while int(admin.info("persistence")["aof_pending_bio_fsync"]) == 0:  # everysec: one fsync a second
            assert time.monotonic() < deadline, "the server queued no background fsync in 5 s"
            admin.set("held-fsync:tick", time.time())
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        if self.node.process.returncode is None:
            self.kill()

    def kill(self):
        """SIGKILL with the fsync still held: what the page cache holds survives, the postponed buffer does not."""
        self.node.process.kill()
        while True:
            try:
                _, status = os.waitpid(self.tid, WALL)
            except ChildProcessError:
                break
            if os.WIFEXITED(status) or os.WIFSIGNALED(status):
                break
        self.node.process.wait()


def kill_while_held(node, action, after=0.5):
    """Run `action(start)` (start: time.monotonic()) in a thread while `node`'s fsync is held, SIGKILL the server
    `after` seconds later; returns the thread, INFO persistence's WINDOW fields just before the kill and the kill's
    time in s after start. The caller restarts the server and joins the thread."""
    with HeldFsync(node) as held:
        start = time.monotonic()
        thread = threading.Thread(target=action, args=(start,))
        thread.start()
        time.sleep(after)
        persistence = node.client().info("persistence")
        held.kill()
        return thread, {name: persistence[name] for name in WINDOW}, round(time.monotonic() - start, 2)
