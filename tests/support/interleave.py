"""Force an interleaving on a real Redis: another caller's whole step lands just before or after one command of ours."""

import contextlib
from concurrent.futures import ThreadPoolExecutor


@contextlib.contextmanager
def after_first_command_on(client, key, step):
    """Run step() (on its own client) once, right after the first command `client` sends that names `key`: the
    other request's step between our read and our write, where a read-then-write has one. Yields what it did."""
    with _around_first_command_on(client, key, step, before=False) as done:
        yield done


@contextlib.contextmanager
def before_first_command_on(client, key, step):
    """Run step() once, right before the first command `client` sends that names `key`: the other request's step
    between our earlier steps (reads of other keys) and our first write of this one. Yields what it did."""
    with _around_first_command_on(client, key, step, before=True) as done:
        yield done


@contextlib.contextmanager
def _around_first_command_on(client, key, step, before):
    done, keys = [], key if isinstance(key, tuple) else (key,)  # a tuple: the first command naming any of them
    send = client.execute_command

    def sending(*args, **options):
        named = any(name in args for name in keys)
        if before and not done and named:
            done.append("fired")
            done.append(step())
        answer = send(*args, **options)
        if not before and not done and named:
            done.append("fired")
            done.append(step())
        return answer

    client.execute_command = sending
    try:
        yield done
    finally:
        del client.execute_command


def own_thread(step):
    """step() as another request runs it: on a thread of its own, so a page request forced inside ours shares no Flask
    context with it (nested in ours it would find our `g`, and act as our moderator)."""

    def run():
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(step).result()

    return run
