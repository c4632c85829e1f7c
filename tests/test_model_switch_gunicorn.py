"""`model activate` without a HUP, under the production gunicorn command: two instances of two workers each on one
Redis switch to the new version while comments keep coming, and no request fails; idle workers switch on their own
(each worker's watcher thread, scoring/manager.py) and a pin a worker cannot load leaves it serving the model it had
(README, The model registry)."""

import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from types import SimpleNamespace

import pytest
import redis

from moderation.scoring.registry import Registry
from moderation.scoring.scorer import load_scorer
from moderation.store.model_pins import ModelPins
from tests.support.app import API_KEY, METRICS_TOKEN, app_config, app_env
from tests.support.servers import GUNICORN_COMMAND, Gunicorn
from tests.support.thresholds import FLAG_NONE

pytestmark = pytest.mark.slow  # two gunicorns under load for ~15 s, then the same two idle for ~20 s

CHECK_SECONDS = 2.0  # MODERATION_MODEL_CHECK_SECONDS' default, which the README quotes
TEXT = "今日の記事、とても参考になりました。ありがとうございます。"


def _load(instances, stop, answers):
    """Post comments to each instance from two threads each (a few ms apart) until `stop`; record (instance, sent,
    status, version) with `sent` on time.monotonic()'s clock; a refused connection or timeout is recorded too."""

    def send(index, server):
        while not stop.is_set():
            sent = time.monotonic()
            try:
                status, body, _ = server.request(
                    "POST", "/api/v1/comments", {"id": f"sw-{uuid.uuid4().hex[:12]}", "article_id": "a-1",
                                                 "text": TEXT, "author": {"id": "reader-7", "name": "読者"}},
                    headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)
                version = json.loads(body).get("model_version") if status == 200 else None
            except OSError as error:
                status, version = type(error).__name__, None
            answers.append((index, sent, status, version))
            time.sleep(0.005)

    threads = [threading.Thread(target=send, args=(i, s), daemon=True) for i, s in enumerate(instances)
               for _ in range(2)]
    for thread in threads:
        thread.start()
    return threads


def _load_seconds(two_models):
    """How long a worker's watcher takes to load v2: timed warm, after v1 compiled the kernels (as the master did)."""
    root, (v1, sha1), (v2, sha2) = two_models
    load_scorer(root / v1, sha1)
    started = time.perf_counter()
    load_scorer(root / v2, sha2)
    return time.perf_counter() - started


def _start(instances):
    """Start the instances side by side: a start is mostly its master importing the service and loading the model,
    and waiting on one after the other was seconds of a CI run."""
    with ThreadPoolExecutor(len(instances)) as pool:
        list(pool.map(Gunicorn.start, instances))


@pytest.fixture(scope="module")
def shared(two_models, redis_server, tmp_path_factory):
    """The two instances of two workers each (v1 in their environment) both tests drive, started once: each test
    started its own pair, four masters importing the service and loading the model. Each instance keeps its
    workers' metric files in a folder of its own (answered_by_worker reads them); INFO logs the pins applied."""
    root, (v1, sha1), _ = two_models
    folder = tmp_path_factory.mktemp("instances")
    prefix = f"t{uuid.uuid4().hex[:10]}:"
    config = app_config((root, v1, sha1), redis_server.url, prefix, folder, WORKERS=2, RATE_LIMITS="",
                        THRESHOLDS=FLAG_NONE, MODEL_CHECK_SECONDS=CHECK_SECONDS, LOG_LEVEL="INFO",
                        METRICS_TOKEN=METRICS_TOKEN)
    instances = [Gunicorn(GUNICORN_COMMAND, {**app_env(config), "PROMETHEUS_MULTIPROC_DIR": str(folder / f"m-{n}")},
                          folder) for n in range(2)]
    pins = ModelPins(redis.Redis.from_url(redis_server.url, decode_responses=True), prefix)
    try:
        _start(instances)
        yield SimpleNamespace(instances=instances, pins=pins, registry=Registry(pins, root))
    finally:
        with ThreadPoolExecutor(len(instances)) as pool:  # side by side: a stop waits ~1 s for its workers to exit
            list(pool.map(Gunicorn.stop, instances))


def _serving_v1(shared, two_models, bound):
    """Each test starts from v1 served by every worker: pinned again (then waited for) only where a test before
    failed midway and left another pin."""
    _, (v1, _), _ = two_models
    if shared.pins.get().get("active_version", v1) != v1:
        shared.registry.activate(v1, "admin")
        time.sleep(bound)
    for server in shared.instances:
        assert len(server.workers()) == 2
        assert {version for version, value in _model_info(server).items() if value} == {v1}


def _model_info(server):
    """moderation_model_info by version: 1 while at least one live worker of this instance serves it."""
    return {dict(labels)["version"]: value for (name, labels), value in server.metrics().items()
            if name == "moderation_model_info"}


def test_two_instances_switch_to_an_activated_version_within_the_check_interval_and_fail_no_request(
        two_models, shared):
    """Activated through the registry (as `model activate` does), no HUP, four times (v2, v1, v2, v1), the first three
    each half a second later in the workers' check cycle than the one before, the last 0.1 s after a worker's check
    (the first answer by the version it then loaded), its worst moment: every answer sent later than MODEL_CHECK_SECONDS
    plus the artifact's load time (measured here, twice over for the loaded machine) plus 1 s after the pin carries
    the new version, on both instances; each instance's moderation_model_info then shows no worker on the old
    version; every request is answered 200."""
    _, (v1, sha1), (v2, sha2) = two_models
    load_seconds = _load_seconds(two_models)
    bound = CHECK_SECONDS + 2 * load_seconds + 1.0  # + 1 s: requests in flight, the shared 2-core machine
    _serving_v1(shared, two_models, bound)
    instances, registry = shared.instances, shared.registry
    switches, infos = [], []
    answers, stop = [], threading.Event()
    threads = _load(instances, stop, answers)
    try:
        time.sleep(1.0)
        for step, (old, new) in enumerate([((v1, sha1), (v2, sha2)), ((v2, sha2), (v1, sha1))] * 2):
            if step == 3:  # the worst moment: just after a worker's check, which it makes again CHECK_SECONDS later
                _, _, last_pinned, _ = switches[-1]
                checked = min(sent for _, sent, _, version in list(answers)
                              if sent >= last_pinned and version == old[0])
                cycles = int((time.monotonic() - checked) // CHECK_SECONDS) + 1
                time.sleep(max(0.0, checked + cycles * CHECK_SECONDS + 0.1 - time.monotonic()))
            pinned = time.monotonic()  # before the call: the measured switch is an upper bound
            registry.activate(new[0], "admin", current=old)
            time.sleep(bound + 0.5 * step)  # the next pin half a second later in the check cycle
            deadline = time.monotonic() + 5  # then until each instance answered 10 sent after the bound (~0.1 s)
            while time.monotonic() < deadline and min(
                    sum(1 for i, sent, _, _ in list(answers) if i == index and sent > pinned + bound)
                    for index in range(len(instances))) < 10:
                time.sleep(0.02)
            switches.append((old[0], new[0], pinned, time.monotonic()))
            infos.append([_model_info(server) for server in instances])
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=15)

    assert {status for _, _, status, _ in answers} == {200}, sorted({str(a[2]) for a in answers})
    delays = []
    for (old, new, pinned, until), info in zip(switches, infos, strict=True):
        for index in range(len(instances)):
            mine = [(sent, version) for i, sent, _, version in answers if i == index and pinned <= sent < until]
            late = [round(sent - pinned, 2) for sent, version in mine if sent > pinned + bound and version != new]
            assert not late, f"instance {index}: sent {late} s after pinning {new} (bound {bound:.2f} s), answered " \
                             f"by the old version"
            assert sum(1 for sent, _ in mine if sent > pinned + bound) >= 10  # the bound was tested, not idle
            delays.append(round(max([sent - pinned for sent, version in mine if version == old], default=0), 2))
            # no live worker of this instance still serves the old version
            assert (info[index].get(old), info[index].get(new)) == (0.0, 1.0), (index, info)
    print(f"\nmodel switch without HUP, 2 instances x 2 workers, MODEL_CHECK_SECONDS={CHECK_SECONDS}: last answer by "
          f"the old version sent {delays} s after each activate call began (max {max(delays)}); load "
          f"{load_seconds:.2f} s; bound asserted {bound:.2f} s; {len(answers)} answers, all 200")


def _burst(server, clients=4, each=6):
    """`clients` concurrent posters, `each` comments apiece: (the model versions answered, {worker pid: how many it
    answered}); a sync worker answers one request at a time, so concurrent clients reach every worker."""
    before = server.answered_by_worker()

    def post(_):
        status, body, _ = server.post_comment(TEXT)
        assert status == 200, body
        return json.loads(body)["model_version"]

    with ThreadPoolExecutor(clients) as pool:
        versions = list(pool.map(post, range(clients * each)))
    deadline = time.monotonic() + 5  # a worker writes its series up to 50 ms after its requests (ops/batches.py)
    while True:
        after = server.answered_by_worker()
        answered = {pid: after.get(pid, 0) - before.get(pid, 0) for pid in after}
        if sum(answered.values()) >= len(versions) or time.monotonic() > deadline:
            return versions, answered
        time.sleep(0.02)


def _first_answers(server):
    """The versions of the first answers after an idle spell, bursts repeated until every worker answered some."""
    versions, answered = [], {}
    for _ in range(5):
        more, counts = _burst(server)
        versions += more
        answered = {pid: answered.get(pid, 0) + counts.get(pid, 0) for pid in counts}
        if len(answered) == 2 and all(answered.values()):
            break
    assert len(answered) == 2 and all(answered.values()), answered  # every worker answered, none restarted
    return versions, answered


def _pin_lines(server, message, since):
    """{pid: seconds after `since` (time.time()) of its first log line starting with `message`} from this instance."""
    lines = {}
    for line in server.log_lines():
        if line.get("msg", "").startswith(message) and "pid" in line:
            at = datetime.fromisoformat(line["ts"].replace("Z", "+00:00")).timestamp() - since
            if at >= -0.01:  # ts is to the millisecond
                lines.setdefault(line["pid"], at)
    return lines


def test_idle_workers_switch_on_their_own_and_a_pin_they_cannot_load_keeps_the_old_model(
        two_models, tampered_version, shared):
    """No request between a pin and the next burst: each worker's watcher thread checks the pins every
    MODEL_CHECK_SECONDS and loads the new model itself, so after MODEL_CHECK_SECONDS plus the load time (measured here,
    twice over) plus 1 s every answer of every worker (each one's first answers among them) carries the new version,
    and each worker logs the switch within that bound. A pin a worker cannot load (the file changed after its
    SHA-256 was recorded, or is missing on this machine: written as another machine's `model activate` leaves it)
    leaves every worker answering with the model it had, counted in moderation_model_load_failures_total and named
    in /readyz's warnings; the next good pin switches them and clears the warning."""
    _, (v1, sha1), (v2, sha2) = two_models
    load_seconds = _load_seconds(two_models)
    bound = CHECK_SECONDS + 2 * load_seconds + 1.0
    _serving_v1(shared, two_models, bound)
    instances, pins, registry = shared.instances, shared.pins, shared.registry
    steps = [("activate", v2, lambda: registry.activate(v2, "admin", current=(v1, sha1)), v2),
             ("tampered", tampered_version, lambda: pins.change(
                 {"active_version": tampered_version, "active_sha256": sha2}, "activate", "admin"), v2),
             ("missing", "0000.00.09-missing", lambda: pins.change(
                 {"active_version": "0000.00.09-missing", "active_sha256": sha2}, "activate", "admin"), v2),
             ("activate", v1, lambda: registry.activate(v1, "admin"), v1)]
    operator = {"Authorization": f"Bearer {METRICS_TOKEN}"}
    switched, failed = [], []
    for server in instances:
        versions, _ = _first_answers(server)
        assert set(versions) == {v1}
    for kind, pinned_version, pin, serving in steps:
        time.sleep(0.5)  # any request in flight has finished: from here every worker sits idle
        since = time.time()
        pin()
        time.sleep(bound)
        failed += [pinned_version] if kind != "activate" else []
        for index, server in enumerate(instances):
            info = _model_info(server)  # before any comment: the watchers set it (a scrape is a request too)
            assert {version for version, value in info.items() if value} == {serving}, (kind, index, info)
            versions, answered = _first_answers(server)
            assert set(versions) == {serving}, (kind, pinned_version, index, sorted(set(versions)))
            message = "model pins applied" if kind == "activate" else "model pins not applied"
            logged = _pin_lines(server, message, since)
            assert set(logged) == set(answered), (kind, index, logged, answered)  # each worker, on its own
            assert max(logged.values()) < bound, (kind, index, logged)
            switched.append((kind, round(max(logged.values()), 2)))
            counted = {dict(labels)["version"]: value for (name, labels), value in server.metrics().items()
                       if name == "moderation_model_load_failures_total"}
            assert counted == {version: 2.0 for version in failed}, (kind, counted)  # once a worker a version
            warnings = json.loads(server.get("/readyz", headers=operator)[1])["warnings"]
            named = [w for w in warnings if w.startswith(f"model pins not applied, still serving {serving}")]
            assert bool(named) == (kind != "activate"), (kind, warnings)
            if named:
                assert pinned_version in named[0], named
    print(f"\nidle workers, 2 instances x 2 workers, MODEL_CHECK_SECONDS={CHECK_SECONDS}: pin to the last worker's "
          f"log line {switched} s; load {load_seconds:.2f} s; bound asserted {bound:.2f} s")
