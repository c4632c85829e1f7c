"""Production set-up: the compose file, the exact gunicorn command it runs, metrics, logs, signals.

The gunicorn tests start the api service's command line exactly as `docker-compose config` resolves it
(only the `gunicorn` executable is this virtualenv's), against the test redis-server and the tiny model.
"""

import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
import yaml

from moderation.store.embedded import RECORD_LISTPACK
from tests.support.app import API_KEY, METRICS_TOKEN
from tests.support.receiver import wait_for
from tests.support.servers import GUNICORN_COMMAND, Gunicorn, RedisProcess, allowed_cpus

ROOT = Path(__file__).resolve().parent.parent
# Flag spam and abuse for review, never reject: queued items show up in the queue series.
REVIEW_ONLY = json.dumps({"spam": {"review": 0.5, "reject": 1.0}, "abuse": {"review": 0.5, "reject": 1.0}})
SPAM = "副業で月収100万円！今すぐLINE追加してね ID:abc123 https://bit.ly/xyz"


@pytest.fixture(scope="module")
def compose():
    """`docker-compose config` with the documented .env.example: the file as Compose understands it."""
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.fail("docker-compose is not installed: `make compose-deps` (Debian package docker-compose)")
    env = {**os.environ, "MODERATION_ENV_FILE": ".env.example"}
    result = subprocess.run([binary, "--env-file", ".env.example", "config"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def service_env(compose, redis_url, model, instance_dir, **extra):
    """The api service's environment from the compose file, with this machine's Redis, model and folders."""
    root, version, sha256 = model
    env = {k: str(v) for k, v in compose["services"]["api"]["environment"].items()}
    env.update({
        "MODERATION_REDIS_URL": redis_url, "MODERATION_REDIS_PREFIX": f"t{uuid.uuid4().hex[:10]}:",
        "MODERATION_API_KEYS": f"test:{API_KEY}", "MODERATION_METRICS_TOKEN": METRICS_TOKEN,
        "MODERATION_SECRET_KEY": "gunicorn-test-secret-0123456789abcdef",  # .env.example's placeholder is refused
        "MODERATION_MODEL_DIR": str(root), "MODERATION_MODEL_VERSION": version, "MODERATION_MODEL_SHA256": sha256,
        "MODERATION_INSTANCE_DIR": str(instance_dir), "MODERATION_THRESHOLDS": REVIEW_ONLY,
        "PROMETHEUS_MULTIPROC_DIR": str(Path(instance_dir) / "metrics"),
    })
    env.update(extra)
    return env


def operator(process):
    """/readyz's detail is the operator's: the metrics token's bearer (or a site's key)."""
    return {"Authorization": f"Bearer {process.env['MODERATION_METRICS_TOKEN']}"}


@pytest.fixture(scope="module")
def server(compose, redis_server, tiny_model, tmp_path_factory):
    """One gunicorn for the read-only checks of this module."""
    folder = tmp_path_factory.mktemp("gunicorn")
    process = Gunicorn(compose["services"]["api"]["command"],
                       service_env(compose, redis_server.url, tiny_model, folder), folder).start()
    yield process
    process.stop()


# -- the compose file and the image ----------------------------------------------------------------------------

@pytest.mark.slow
def test_compose_file_validates_and_describes_the_four_services(compose):
    services = compose["services"]
    assert set(services) == {"proxy", "redis", "api", "worker"}
    proxy = services["proxy"]  # the only published port; gunicorn is reachable through it alone
    assert [str(port).rsplit(":", 1)[1].removesuffix("/tcp") for port in proxy["ports"]] == ["8080"]
    assert any("deploy/nginx/moderation.conf.template" in str(v) for v in proxy["volumes"])
    assert proxy["environment"]["MODERATION_UPSTREAM"] == "api:8000"
    assert "ports" not in services["api"]
    network = compose["networks"]["default"]["ipam"]["config"][0]
    subnet, dynamic = ipaddress.ip_network(network["subnet"]), ipaddress.ip_network(network["ip_range"])
    address = ipaddress.ip_address(proxy["networks"]["default"]["ipv4_address"])
    # The api believes the proxy's X-Forwarded-For alone: not the subnet, whose gateway is where Docker's
    # userland proxy (and a host-local front proxy) connect from; the address is outside Docker's dynamic range.
    assert services["api"]["environment"]["MODERATION_TRUSTED_PROXIES"] == f"{address}/32"
    assert address in subnet and address != next(subnet.hosts()) and address not in dynamic
    assert dynamic.subnet_of(subnet)
    redis_service = services["redis"]
    assert redis_service["image"].startswith("redis:7")
    command = " ".join(redis_service["command"])
    assert "--appendonly yes" in command and "--appendfsync everysec" in command
    assert " ".join(RECORD_LISTPACK) in command  # as the embedded server and the tests' servers
    # no RDB snapshots beside the append-only file (what a restart loads): under writes the default rules forked and
    # dumped the whole dataset every minute; the embedded server, the tests' servers and the bench's run the same
    flags = redis_service["command"]
    assert flags[flags.index("--save") + 1] == ""
    assert any(v.split(":")[0] in compose["volumes"] for v in redis_service["volumes"])  # a named volume
    assert redis_service["healthcheck"]["test"][1:] == ["redis-cli", "ping"]

    api = services["api"]
    assert api["command"] == GUNICORN_COMMAND  # what tests/test_chaos.py runs

    assert api["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "/readyz" in " ".join(api["healthcheck"]["test"])
    for name in ("MODERATION_WORKERS", "MODERATION_THREADS", "MODERATION_API_KEYS", "MODERATION_METRICS_TOKEN"):
        assert name in api["environment"], name  # configuration comes from the environment file
    assert api["environment"]["MODERATION_REDIS_URL"] == "redis://redis:6379/0"

    worker = services["worker"]
    assert worker["command"] == ["python", "-m", "moderation", "worker"]
    assert worker["depends_on"]["redis"]["condition"] == "service_healthy"
    assert worker["image"] == api["image"]
    for service in (api, worker):  # README: a read-only root, the metrics folder on a tmpfs
        assert service["read_only"] is True
        metrics = service["environment"].get("PROMETHEUS_MULTIPROC_DIR", "/tmp/metrics")
        assert any(metrics.startswith(str(mount).split(":")[0].rstrip("/") + "/") for mount in service["tmpfs"])


def test_env_example_documents_every_setting_it_names():
    from flask import Flask

    from moderation import settings as defaults

    compose_only = {"PUBLISH", "IMAGE", "ENV_FILE", "SUBNET", "PROXY_ADDRESS", "DYNAMIC_RANGE"}
    lines = (ROOT / ".env.example").read_text().splitlines()
    for number, line in enumerate(lines):
        match = re.match(r"^#?\s?(MODERATION_[A-Z0-9_]+)=", line)
        if not match:
            continue
        name = match.group(1).removeprefix("MODERATION_")
        known = hasattr(defaults, name) or name in Flask.default_config or name in compose_only
        assert known, f"{match.group(1)} is not a setting"
        assert lines[number - 1].startswith("#"), f"{match.group(1)} has no comment above it"


def test_the_proxy_template_s_body_limits_are_the_app_s():
    """nginx refuses a body before the app sees it, so its limits must be the settings' (64 KiB, and the batch
    endpoint's larger one in its own location), and its JSON 413 must name them."""
    from moderation import settings as defaults

    template = (ROOT / "deploy" / "nginx" / "moderation.conf.template").read_text()
    server, _, batch = template.partition("location = /api/v1/comments:batch {")
    single = defaults.BY_NAME["MAX_CONTENT_LENGTH"].default
    larger = defaults.BY_NAME["BATCH_MAX_CONTENT_LENGTH"].default
    assert re.findall(r"^\s*client_max_body_size (\d+)k;", server, re.M) == [str(single // 1024)]
    assert re.findall(r"^\s*client_max_body_size (\d+)k;", batch.split("}")[0], re.M) == [str(larger // 1024)]
    assert f"larger than {single} bytes ({larger} for comments:batch)" in template


def test_env_example_s_commented_limits_are_the_defaults():
    """Uncommenting a documented limit as written keeps the defaults (RATE_LIMITS once left out "feedback", which
    turned the Akismet feedback limit off)."""
    from moderation import settings as defaults

    lines = (ROOT / ".env.example").read_text().splitlines()
    checked = 0
    for name in ("RATE_LIMITS", "CHECK_RATE_LIMITS"):
        setting = defaults.BY_NAME[name]
        [line] = [line for line in lines if line.startswith(f"# MODERATION_{name}=")]
        example = setting.read(line.partition("=")[2], name)
        assert example == setting.read(setting.default, name), name
        checked += 1
    assert checked == 2
    from moderation.store import articles, author_standing  # "on by default with these numbers"

    for name, own in (("ARTICLE_BREAKER", articles.DEFAULTS), ("AUTHOR_STANDING", author_standing.DEFAULTS)):
        [line] = [line for line in lines if line.startswith(f"# MODERATION_{name}=")]
        example = json.loads(line.partition("=")[2])
        assert len(example) >= 5 and {key: own[key] for key in example} == example, name


def test_dockerfile_is_multi_stage_slim_non_root_with_the_model():
    text = (ROOT / "Dockerfile").read_text()
    stages = re.split(r"^FROM ", text, flags=re.M)[1:]
    assert len(stages) >= 2
    assert re.search(r"python:3\.1[12]\.\d+-slim", text)
    final = stages[-1]
    assert not re.search(r"gcc|build-essential|apt-get install", final)
    assert re.search(r"^USER 10001:10001$", final, flags=re.M)  # the README's user, not root
    assert "model/artifacts/" in text and "COPY --from=build /app /app" in final
    cmd = json.loads(re.search(r"^CMD (.+)$", final, flags=re.M).group(1))
    compose_text = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert cmd == compose_text["services"]["api"]["command"]
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignored[ignored.index("*") + 1:] and "!.env" not in ignored  # allow-list; .env never enters the image


# -- the gunicorn command line from the compose file -----------------------------------------------------------

@pytest.mark.slow
def test_compose_gunicorn_command_serves_readyz(server, tiny_model):
    status, body, _ = server.get("/readyz")  # what the compose health check reads: the status alone
    assert (status, json.loads(body)) == (200, {"status": "ready"})
    status, body, _ = server.get("/readyz", headers=operator(server))
    assert status == 200
    answer = json.loads(body)
    assert {k: answer[k] for k in ("status", "model_version", "redis")} == {
        "status": "ready", "model_version": tiny_model[1], "redis": "ok"}
    assert answer["redis_server"].split()[0] in ("valkey", "redis") and answer["redis_node"]
    assert len(server.workers()) == int(server.env["MODERATION_WORKERS"])


@pytest.mark.slow
def test_the_compose_commands_workers_run_unpinned_by_default(server):
    """MODERATION_WORKER_CPUS unset (.env.example leaves it commented out): each worker may run on every CPU its
    master may (tests/test_worker_cpus.py pins them when asked; this check started a gunicorn of its own there)."""
    assert "MODERATION_WORKER_CPUS" not in server.env
    assert wait_for(lambda: len(server.workers()) == 2, 30), server.log()
    assert all(allowed_cpus(pid) == allowed_cpus(server.process.pid) for pid in server.workers())


@pytest.mark.slow
def test_metrics_refuse_an_unauthenticated_scrape(server):
    assert server.get("/metrics")[0] == 401
    assert server.get("/metrics", headers={"Authorization": "Bearer wrong-token"})[0] == 401
    assert server.get("/metrics", headers={"Authorization": f"Basic {METRICS_TOKEN}"})[0] == 401


@pytest.mark.slow
def test_metrics_carry_the_named_series_summed_over_workers(server, tiny_model):
    before = server.metrics()
    route = ("route", "/api/v1/comments")
    key = ("moderation_http_requests_total", (("method", "POST"), route, ("status", "200")))
    for _ in range(6):
        status, body, _ = server.post_comment(SPAM)
        assert status == 200 and json.loads(body)["decision"] == "review"
    after = server.metrics_until(lambda scraped: scraped.get(key, 0) - before.get(key, 0) >= 6)
    assert after[key] - before.get(key, 0) == 6  # every worker's requests, whichever served them (written <= 50 ms on)
    assert after[("moderation_decisions_total", (("action", "review"), ("label", "spam")))] >= 6
    assert after[("moderation_http_request_duration_seconds_count", (("method", "POST"), route))] >= 6
    assert ("moderation_http_request_duration_seconds_bucket", (("le", "0.01"), ("method", "POST"), route)) in after
    assert after[("moderation_queue_depth", (("label", "spam"), ("site", "test")))] >= 6
    assert after[("moderation_queue_open", (("site", "test"),))] >= 6
    assert after[("moderation_queue_oldest_age_seconds", (("site", "test"),))] >= 0
    assert after[("moderation_callback_backlog", (("site", "test"),))] >= 6  # queued events, no worker yet
    assert after[("moderation_model_info", (("version", tiny_model[1]),))] == 1
    assert after[("moderation_redis_up", ())] == 1


@pytest.mark.slow
def test_request_id_round_trip(server):
    status, _, headers = server.get("/healthz", headers={"X-Request-ID": "req-abc-123"})
    assert status == 200 and headers["X-Request-ID"] == "req-abc-123"
    generated = server.get("/healthz")[2]["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    replaced = server.get("/healthz", headers={"X-Request-ID": "x" * 200})[2]["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", replaced)  # an implausible id is not echoed or logged
    status, _, headers = server.post_comment(SPAM, headers={"X-Request-ID": "req-comment-42"})
    assert status == 200 and headers["X-Request-ID"] == "req-comment-42"
    time.sleep(0.2)
    lines = [line for line in server.log_lines() if line.get("request_id") == "req-comment-42"]
    assert lines and lines[-1]["route"] == "/api/v1/comments" and lines[-1]["status"] == 200


@pytest.mark.slow
def test_info_logs_are_json_without_comment_text_or_keys(server):
    marker = f"ひみつの本文{uuid.uuid4().hex[:8]}"
    assert server.post_comment(f"{SPAM} {marker}")[0] == 200
    assert server.post_comment(f"今日の記事は参考になりました {marker}")[0] == 200
    assert server.request("POST", "/api/v1/comments", {"id": "x", "article_id": "a", "text": marker},
                          headers={"Authorization": "Bearer not-a-key-12345"})[0] == 401
    query = f"q=query{uuid.uuid4().hex[:8]}"  # README: no query string either
    assert server.request("GET", f"/healthz?{query}")[0] == 200
    time.sleep(0.2)
    text = server.log()
    lines = server.log_lines()  # every line is one JSON object
    assert any(line.get("logger") == "moderation.access" for line in lines)
    assert any(line.get("logger") == "gunicorn.error" for line in lines)
    assert marker not in text and marker.encode("unicode_escape").decode() not in text
    assert API_KEY not in text and "not-a-key-12345" not in text and METRICS_TOKEN not in text
    assert query not in text and any(line.get("path") == "/healthz" for line in lines)


# -- signals ---------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_sigterm_lets_the_request_in_flight_finish(compose, tiny_model, tmp_path):
    """Redis is paused, so a comment is stuck mid-request when the master gets SIGTERM: it is still answered."""
    own = RedisProcess(tmp_path / "redis").start()
    process = Gunicorn(compose["services"]["api"]["command"],
                       service_env(compose, own.url, tiny_model, tmp_path, MODERATION_REDIS_TIMEOUT="10"),
                       tmp_path).start()
    try:
        answer = {}

        def send():
            started = time.monotonic()
            answer["status"], answer["body"], _ = process.post_comment(SPAM, timeout=30)
            answer["seconds"] = time.monotonic() - started

        redis.Redis(port=own.port).execute_command("CLIENT", "PAUSE", 2000, "ALL")
        thread = threading.Thread(target=send)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive()  # the request is in flight, waiting on Redis
        process.process.send_signal(signal.SIGTERM)
        thread.join(timeout=30)
        assert answer["status"] == 200, answer
        assert json.loads(answer["body"])["decision"] == "review"
        assert answer["seconds"] >= 1.0
        assert process.process.wait(timeout=30) == 0
        assert "Handling signal: term" in process.log()
    finally:
        process.stop()
        own.stop()


PROBE = re.compile(r"gc probe: frozen (\d+), model collectable (True|False)")


@pytest.mark.slow
def test_workers_start_with_the_model_frozen_out_of_the_collectors_reach(compose, redis_server, tiny_model, tmp_path):
    """README (Workers and memory): the master loads the model, gc.freeze()s it and forks, so no worker's collection
    touches (and copies) its pages; again after a HUP rebuilds the app. Each worker reports its collector's state
    through tests/support/gunicorn_probe.py: the service's gunicorn.conf.py plus one post_worker_init log line."""
    command = ["tests/support/gunicorn_probe.py" if part == "gunicorn.conf.py" else part
               for part in compose["services"]["api"]["command"]]
    assert command != compose["services"]["api"]["command"]
    process = Gunicorn(command, service_env(compose, redis_server.url, tiny_model, tmp_path), tmp_path).start()
    workers = int(process.env["MODERATION_WORKERS"])
    try:
        assert wait_for(lambda: len(PROBE.findall(process.log())) >= workers, 30), process.log()
        process.process.send_signal(signal.SIGHUP)
        assert wait_for(lambda: len(PROBE.findall(process.log())) >= 2 * workers, 60), process.log()
        assert process.post_comment("今日の記事、とても参考になりました。")[0] == 200
    finally:
        process.stop()
    for frozen, collectable in PROBE.findall(process.log()):
        assert int(frozen) > 10_000 and collectable == "False", (frozen, collectable)


@pytest.fixture(scope="module")
def reloadable(compose, redis_server, tiny_model, tmp_path_factory):
    """(gunicorn, its models folder): no version pinned in its environment, so it serves what active.json names and
    a HUP reads it again. One for both HUP tests (each started its own: a master's imports and model load, seconds
    of CPU); each reads what runs before its HUP and leaves active.json naming what runs."""
    root, version, sha256 = tiny_model
    folder = tmp_path_factory.mktemp("reloadable")
    models = folder / "artifacts"
    shutil.copytree(root / version, models / version)
    (models / "active.json").write_text(json.dumps({"version": version, "sha256": sha256}))
    env = service_env(compose, redis_server.url, (models, version, sha256), folder,
                      MODERATION_MODEL_VERSION="", MODERATION_MODEL_SHA256="", MODERATION_RATE_LIMITS="")
    process = Gunicorn(compose["services"]["api"]["command"], env, folder).start()
    yield process, models
    process.stop()


def _running(process):
    return json.loads(process.get("/readyz", headers=operator(process))[1])["model_version"]


@pytest.mark.slow
def test_hup_serves_a_new_model_version_without_dropping_requests(reloadable, tiny_model):
    """active.json names another version; HUP: the master loads it, new workers take over, no request fails."""
    process, models = reloadable
    _, first, sha256 = tiny_model
    version = _running(process)
    new_version = f"{first}-next-{uuid.uuid4().hex[:6]}"
    shutil.copytree(models / first, models / new_version)
    card = json.loads((models / new_version / "card.json").read_text())
    (models / new_version / "card.json").write_text(json.dumps({**card, "version": new_version}))
    results, stop = [], threading.Event()

    def load():
        while not stop.is_set():
            try:
                status, body, _ = process.post_comment("今日の記事、とても参考になりました。")
                results.append((status, json.loads(body).get("model_version")))
            except OSError as error:
                results.append((error, None))

    threads = [threading.Thread(target=load) for _ in range(4)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        old_workers = set(process.workers())
        (models / "active.json").write_text(json.dumps({"version": new_version, "sha256": sha256}))
        process.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _running(process) != new_version:
            time.sleep(0.1)
        while time.monotonic() < deadline and old_workers & set(process.workers()):
            time.sleep(0.1)  # old workers finish their requests, exit, and are reaped by the master
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    failures = [r for r in results if r[0] != 200]
    assert not failures, failures[:5]
    versions = [v for _, v in results]
    assert version in versions and versions[-1] == new_version
    assert versions.index(new_version) > 0 and len(results) > 20
    series = {k: v for k, v in process.metrics().items() if k[0] == "moderation_model_info"}
    assert series == {("moderation_model_info", (("version", new_version),)): 1}  # old workers are gone


@pytest.mark.slow
def test_hup_with_a_bad_pin_keeps_serving_the_running_model(reloadable):
    process, models = reloadable
    version = _running(process)
    running = (models / "active.json").read_text()
    seen = len(process.log())  # the lines of this test's HUP alone
    try:
        (models / "active.json").write_text(json.dumps({"version": version, "sha256": "0" * 64}))
        process.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "the running version keeps serving" not in process.log()[seen:]:
            time.sleep(0.1)
        assert "the running version keeps serving" in process.log()[seen:]
        time.sleep(0.5)
        status, body, _ = process.get("/readyz", headers=operator(process))
        assert status == 200 and json.loads(body)["model_version"] == version
        assert process.post_comment("今日の記事、とても参考になりました。")[0] == 200
    finally:
        (models / "active.json").write_text(running)


# -- in-process checks -----------------------------------------------------------------------------------------

def test_metrics_are_off_without_a_token(make_app):
    client = make_app(METRICS_TOKEN="").test_client()
    assert client.get("/metrics", headers={"Authorization": "Bearer anything"}).status_code == 404
    client = make_app(METRICS_TOKEN=METRICS_TOKEN).test_client()
    response = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert response.status_code == 200 and b"moderation_redis_up 1.0" in response.data


def test_the_dev_server_logs_no_query_string_and_no_colours(make_app, caplog):
    """`make run` serves with werkzeug's server, whose own request line logged `GET /review/search?q=...` at INFO
    in ANSI colours; with the project's handler only the app's access line (path, no query) is written."""
    from werkzeug.serving import make_server

    from moderation.ops.dev_server import DevRequestHandler

    server = make_server("127.0.0.1", 0, make_app(), threaded=True, request_handler=DevRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    secret = f"SECRETFRAGMENT{uuid.uuid4().hex[:6]}"
    with caplog.at_level("INFO"):
        thread.start()
        try:
            for path in (f"/review/search?q={secret}", f"/healthz?token={secret}"):
                with urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}", timeout=10) as answer:
                    assert answer.status in (200, 302)
        finally:
            server.shutdown()
            thread.join(timeout=10)
    access = [r for r in caplog.records if r.name == "moderation.access"]
    assert {r.path for r in access} >= {"/healthz"}
    assert secret not in caplog.text and "\x1b[" not in caplog.text, caplog.text


def test_access_line_carries_request_id_and_no_text(make_app, auth, comment, caplog):
    from moderation.ops.logs import JsonFormatter

    client = make_app(THRESHOLDS=REVIEW_ONLY).test_client()
    marker = f"ないしょ{uuid.uuid4().hex[:6]}"
    with caplog.at_level("INFO"):
        response = client.post("/api/v1/comments", json=comment(text=f"{SPAM} {marker}"),
                               headers={**auth, "X-Request-ID": "in-process-1"})
    assert response.status_code == 200 and response.headers["X-Request-ID"] == "in-process-1"
    formatted = [JsonFormatter().format(record) for record in caplog.records]
    access = [json.loads(line) for line in formatted if '"moderation.access"' in line]
    assert access and access[-1]["request_id"] == "in-process-1" and access[-1]["site"] == "test"
    assert all(marker not in line and API_KEY not in line for line in formatted)


def test_the_readmes_access_line_names_the_fields_a_request_logs(make_app, auth, comment, caplog):
    """README, Logs: the example access line has the fields a comment's real line has, no more and no fewer, and
    the key id is the first 8 hex digits of the key's SHA-256 (audit s36: no test read the example)."""
    import hashlib

    from moderation.ops.logs import JsonFormatter

    blocks = re.findall(r"```json\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    [example] = [json.loads(block) for block in blocks if '"logger": "moderation.access"' in block]
    client = make_app(THRESHOLDS=REVIEW_ONLY).test_client()
    with caplog.at_level("INFO"):
        assert client.post("/api/v1/comments", json=comment(), headers=auth).status_code == 200
    lines = [json.loads(JsonFormatter().format(record)) for record in caplog.records]
    [line] = [line for line in lines if line["logger"] == "moderation.access"]
    assert sorted(line) == sorted(example), (sorted(line), sorted(example))
    assert line["key_id"] == hashlib.sha256(API_KEY.encode()).hexdigest()[:8]
    assert {key: line[key] for key in ("level", "msg", "method", "route")} == {
        key: example[key] for key in ("level", "msg", "method", "route")}

@pytest.mark.parametrize("value", ["off", "no", "0", "false"])
def test_access_log_switched_off_in_words_writes_no_access_line(make_app, monkeypatch, caplog, value):
    monkeypatch.setenv("MODERATION_ACCESS_LOG", value)
    client = make_app().test_client()
    with caplog.at_level("INFO"):
        assert client.get("/healthz").status_code == 200
    assert not [record for record in caplog.records if record.name == "moderation.access"]
    monkeypatch.setenv("MODERATION_ACCESS_LOG", "on")
    client = make_app().test_client()
    with caplog.at_level("INFO"):
        assert client.get("/healthz").status_code == 200
    assert [record for record in caplog.records if record.name == "moderation.access"]
