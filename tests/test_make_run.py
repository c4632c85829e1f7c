"""`make run` installs only what serving needs (requirements.txt), and serving needs nothing more; `make test`
adds the test requirements."""

import json
import re
import subprocess
import sys
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from moderation import PROJECT_ROOT
from tests.support.app import API_KEY, app_config


def dry_run(target, tmp_path, *variables):
    """The commands `make <target>` would run on a fresh clone (make -n with a venv that does not exist yet); under
    `make test` this make is a sub-make, which prints "Entering/Leaving directory" lines unless told not to."""
    result = subprocess.run(["make", "--no-print-directory", "-n", target, f"VENV={tmp_path / 'venv'}", *variables],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_installs_the_runtime_requirements_only(tmp_path):
    run, test = dry_run("run", tmp_path), dry_run("test", tmp_path)
    assert "-r requirements.txt" in run and "requirements-dev.txt" not in run
    assert "-r requirements-dev.txt" in test and "-r requirements.txt" in test
    # the image's numba settings: one generic compile, which tests/test_kernels.py's image check reads
    assert "NUMBA_CPU_NAME=generic" in test and f"NUMBA_CACHE_DIR={PROJECT_ROOT}/.numba-cache" in test


def test_make_run_serves_the_demo_on_host_and_port_and_data_dir_defaults_to_shared_data(tmp_path):
    """README: `make run HOST=0.0.0.0 PORT=8080`, default 127.0.0.1:8000, demo on unless MODERATION_DEMO=0;
    DATA_DIR (default ../shared/data) is what make train reads."""
    serve = " -m moderation serve --host {} --port {} --dev"
    assert serve.format("127.0.0.1", "8000") in dry_run("run", tmp_path)
    command = dry_run("run", tmp_path, "HOST=0.0.0.0", "PORT=8080").splitlines()[-1]
    everywhere = "0.0.0.0"  # noqa: S104 (what make passes on, not a bind here)
    assert serve.format(everywhere, "8080") in command and command.startswith("MODERATION_DEMO=${MODERATION_DEMO:-1} ")
    assert "--data-dir ../shared/data" in dry_run("train", tmp_path)


def runtime_distributions():
    """requirements.txt's distributions and everything they require (markers evaluated, no extras)."""
    names = [line.split("==")[0] for line in (PROJECT_ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith(("#", "-"))]
    todo, seen = [canonicalize_name(n) for n in [*names, "moderation"]], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for spec in metadata.distribution(name).requires or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(requirement.name))
    return seen


SERVE = """
import json, sys
config, blocked, key = json.loads(sys.argv[1]), set(json.loads(sys.argv[2])), sys.argv[3]

class OnlyRuntime:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"{name} is not in requirements.txt", name=name)

sys.meta_path.insert(0, OnlyRuntime())
import moderation.cli
from moderation import create_app
from moderation.integrations import outbox_worker
app = create_app(config)
client = app.test_client()
comment = {"id": "runtime-1", "article_id": "a-1", "text": "いい記事でした。", "author": {"id": "u-1"}}
answers = {"comment": client.post("/api/v1/comments", json=comment,
                                  headers={"Authorization": f"Bearer {key}"}).status_code,
           "readyz": client.get("/readyz").status_code, "login": client.get("/login").status_code,
           "demo": client.get("/demo/").status_code}
outbox_worker.run_worker(app, once=True)
print(json.dumps(answers))
"""


@pytest.mark.slow
def test_the_service_serves_with_the_runtime_requirements_alone(tiny_model, redis_server, prefix, tmp_path):
    """Every module of an installed distribution outside requirements.txt's closure (pytest, Playwright, httpx,
    yaml... and what they pull in) refuses to import: the app still scores, pages, demo and worker run."""
    runtime = runtime_distributions()
    blocked = sorted({module for module, dists in metadata.packages_distributions().items()
                      if not {canonicalize_name(d) for d in dists} & runtime and re.match(r"^[A-Za-z_]\w*$", module)})
    assert {"pytest", "playwright", "httpx", "yaml", "schemathesis"} <= set(blocked)
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, DEMO=True)
    result = subprocess.run([sys.executable, "-c", SERVE, json.dumps(config), json.dumps(blocked), API_KEY],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.splitlines()[-1]) == {"comment": 200, "readyz": 200, "login": 200, "demo": 200}
