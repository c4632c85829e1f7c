"""Lua run as Valkey Functions (FUNCTION LOAD once a server, FCALL by name) instead of a script sent by its sha.

A script's chunk runs at every EVALSHA: SUBMIT's made its ~25 local functions, its tables and the site's constants
again for each comment, 60-73k of redis-server's ~750k-1,070k instructions a comment (callgrind, session 34). A
library's chunk runs once, when the server loads it; each FCALL only calls the function it registered.

The library is named by a hash of its code, so libraries of other sites' settings or of other releases live side by
side and none is ever replaced under a running worker. FUNCTION LOAD is written to the server's append-only file and
replicated, so a restart or a failover to a replica keeps it. A server without it (a new node, FUNCTION FLUSH, a
failover to a node that never had it) answers 'Function not found' before running anything: the caller loads it on
the master of the call's keys (Library.load) and calls again, as a script's NOSCRIPT is answered with SCRIPT LOAD.
"""

import hashlib

import redis
from redis.client import Pipeline
from redis.cluster import RedisCluster
from redis.exceptions import RedisClusterException

from moderation.store.master_pipeline import run_on_master, run_one

# What a server without the function answers (FCALL runs nothing then).
_MISSING = "Function not found"


def missing(result):
    """Whether a call's answer (an error raised or kept in a pipeline's results) says its server lacks the function."""
    return isinstance(result, redis.ResponseError) and str(result).startswith(_MISSING)


class Library:
    """Lua functions sharing one chunk: `bodies` {short name: Lua run with KEYS and ARGV, as a script's}, each
    registered as `<library>_<short name>` (Function). The chunk must reset at each call any table it keeps per call
    (the library's locals outlive a call, unlike a script's)."""

    def __init__(self, client, chunk, bodies):
        self.client = client
        whole = chunk + "".join(f"\0{short}\0{body}" for short, body in bodies.items())
        self.name = f"moderation_{hashlib.sha256(whole.encode()).hexdigest()[:24]}"
        self.code = f"#!lua name={self.name}\n{chunk}\n" + "".join(
            f"redis.register_function('{self.name}_{short}', function(KEYS, ARGV)\n{body}\nend)\n"
            for short, body in bodies.items())
        self.functions = {short: Function(self, f"{self.name}_{short}") for short in bodies}

    def load(self, key):
        """Load the library on the master of `key`'s slot; one loaded there already (another worker's) is fine. On a
        Cluster, on every master first (as redis-py loads a script), so a node a slot moves to has it too; a master
        that cannot be reached then (failing over) leaves it to the key's master alone."""
        if isinstance(self.client, RedisCluster):
            try:
                self.client.function_load(self.code, replace=True)  # the same name is the same code: nothing changes
                return
            except (redis.RedisError, RedisClusterException):
                pass
        try:
            run_one(self.client, key, lambda pipe: pipe.function_load(self.code))
        except redis.ResponseError as error:
            if "already exists" not in str(error):
                raise


class Function:
    """One function of a Library, called as a redis-py Script is: `function(keys=..., args=..., client=...)`."""

    def __init__(self, library, name):
        self.library = library
        self.name = name
        self.head = ("FCALL", name)  # what held_connection packs before the keys

    def __call__(self, keys, args=(), client=None):
        """FCALL on `client` (the library's by default). A pipeline only queues it: its caller loads the library
        where the answer says it is missing (run, Submissions.submit_many); else a server without it gets it (load)
        and is asked again."""
        client = client or self.library.client
        if isinstance(client, Pipeline):
            return client.fcall(self.name, len(keys), *keys, *args)
        try:
            return client.fcall(self.name, len(keys), *keys, *args)
        except redis.ResponseError as error:
            if not missing(error):
                raise
        self.library.load(keys[0])
        return client.fcall(self.name, len(keys), *keys, *args)

    def run(self, key, keys, args, **kwargs):
        """run_on_master() of this one call (kwargs: replicas, timeout_ms): its answer, or its error raised; a master
        without the library gets it and the call runs again (the first ran nothing)."""
        def call(pipe):
            self(keys, args, client=pipe)

        result = run_on_master(self.library.client, key, call, **kwargs)[0]
        if missing(result):
            self.library.load(key)
            result = run_on_master(self.library.client, key, call, **kwargs)[0]
        if isinstance(result, Exception):
            raise result
        return result
