"""`model activate` without a HUP, under the production gunicorn command: two instances of two workers each on one
Redis switch to the new version while comments keep coming, and no request fails (README, The model registry)."""

import json
import threading
import time
import uuid

import pytest
import redis

from moderation.scoring.registry import Registry
from moderation.scoring.scorer import load_scorer
from moderation.store.model_pins import ModelPins
from tests.support.app import API_KEY, METRICS_TOKEN, app_config, app_env
from tests.support.servers import GUNICORN_COMMAND, Gunicorn

pytestmark = pytest.mark.slow  # two gunicorns under load for ~15 s

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


def _model_info(server):
    """moderation_model_info by version: 1 while at least one live worker of this instance serves it."""
    return {dict(labels)["version"]: value for (name, labels), value in server.metrics().items()
            if name == "moderation_model_info"}


def test_two_instances_switch_to_an_activated_version_within_the_check_interval_and_fail_no_request(
        two_models, redis_server, prefix, tmp_path, thresholds):
    """Activated through the registry (as `model activate` does), no HUP, four times (v2, v1, v2, v1), the first three
    each half a second later in the workers' check cycle than the one before, the last 0.1 s after a worker's check
    (the first answer by the version it then loaded), its worst moment: every answer sent later than MODEL_CHECK_SECONDS
    plus the artifact's load time (measured here, twice over for the loaded machine) plus 1 s after the pin carries
    the new version, on both instances; each instance's moderation_model_info then shows no worker on the old
    version; every request is answered 200."""
    root, (v1, sha1), (v2, sha2) = two_models
    load_scorer(root / v1, sha1)  # the kernels compiled once, as in the gunicorn master before it forks
    started = time.perf_counter()
    load_scorer(root / v2, sha2)  # what each worker does in its background thread
    load_seconds = time.perf_counter() - started
    bound = CHECK_SECONDS + 2 * load_seconds + 1.0  # + 1 s: requests in flight, the shared 2-core machine
    config = app_config((root, v1, sha1), redis_server.url, prefix, tmp_path, WORKERS=2, RATE_LIMITS="",
                        THRESHOLDS=thresholds.flag_none, MODEL_CHECK_SECONDS=CHECK_SECONDS, LOG_LEVEL="WARNING",
                        METRICS_TOKEN=METRICS_TOKEN)
    instances, switches, infos = [], [], []
    try:
        for _ in range(2):
            instances.append(Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path).start())
            assert len(instances[-1].workers()) == 2
        answers, stop = [], threading.Event()
        threads = _load(instances, stop, answers)
        time.sleep(1.0)
        registry = Registry(ModelPins(redis.Redis.from_url(redis_server.url, decode_responses=True), prefix), root)
        for step, (old, new) in enumerate([((v1, sha1), (v2, sha2)), ((v2, sha2), (v1, sha1))] * 2):
            if step == 3:  # the worst moment: just after a worker's check, which it makes again CHECK_SECONDS later
                _, _, last_pinned, _ = switches[-1]
                checked = min(sent for _, sent, _, version in list(answers)
                              if sent >= last_pinned and version == old[0])
                cycles = int((time.monotonic() - checked) // CHECK_SECONDS) + 1
                time.sleep(max(0.0, checked + cycles * CHECK_SECONDS + 0.1 - time.monotonic()))
            pinned = time.monotonic()  # before the call: the measured switch is an upper bound
            registry.activate(new[0], "admin", current=old)
            time.sleep(bound + 1.0 + 0.5 * step)  # the next pin half a second later in the check cycle
            switches.append((old[0], new[0], pinned, time.monotonic()))
            infos.append([_model_info(server) for server in instances])
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
    finally:
        for server in instances:
            server.stop()

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
