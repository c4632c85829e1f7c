"""Dependencies are pinned to patched releases: image tags, the installers in the venv and the image, make audit.

The floors are the first releases that fix the issue's findings: Python 3.11.7 (3.11.14 / 3.12.12 carry the
fixes since), pip 23.2.1 (CVE-2023-5752, CVE-2025-8869: fixed in 25.3), setuptools 65.5.0 (CVE-2024-6345,
CVE-2025-47273: fixed in 78.1.1), and Redis 7.4 before 7.4.6 (CVE-2025-49844 and the Lua fixes of 7.4.6).
"""

import importlib.metadata
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"pip": (25, 3), "setuptools": (78, 1, 1)}


def version(text):
    return tuple(int(part) for part in text.split("."))


def pins(path):
    return dict(line.split("==") for line in (ROOT / path).read_text().splitlines()
                if line.strip() and not line.startswith("#"))


def test_installers_are_pinned_patched_and_installed_first():
    build = pins("requirements-build.txt")
    assert set(build) == set(FLOORS)
    for name, floor in FLOORS.items():
        assert version(build[name]) >= floor, name
        assert importlib.metadata.version(name) == build[name], f"the venv's {name} is not the pinned one"
    dockerfile = (ROOT / "Dockerfile").read_text()
    first_install = re.search(r"pip install [^\n]*-r (\S+)", dockerfile).group(1)
    assert first_install.endswith("requirements-build.txt")
    assert "!requirements-build.txt" in (ROOT / ".dockerignore").read_text().splitlines()
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet -r requirements-build.txt" in makefile


def test_the_package_builds_with_the_pinned_setuptools_and_an_spdx_license():
    """`pip install -e .` used whatever setuptools the index served that day, and the TOML-table license is
    refused by setuptools' builds after 2027-02-18: a fresh `make run` would fail at its last step."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["build-system"]["requires"] == [f"setuptools=={pins('requirements-build.txt')['setuptools']}"]
    assert project["project"]["license"] == "MIT"
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in (ROOT / "Makefile").read_text()


def test_image_tags_are_pinned_to_patched_releases():
    base = re.search(r"^ARG PYTHON_IMAGE=python:(\d+)\.(\d+)\.(\d+)-slim-bookworm$",
                     (ROOT / "Dockerfile").read_text(), flags=re.M)
    assert base, "the Python base image is not pinned to a patch release"
    major, minor, patch = map(int, base.groups())
    assert (major, minor) in ((3, 11), (3, 12)) and patch >= {11: 14, 12: 12}[minor]
    images = []
    for name in ("docker-compose.yml", "docker-compose.cluster.yml"):
        found = re.findall(r"^\s*image: (\S+)$", (ROOT / name).read_text(), flags=re.M)
        images += [image for image in found if not image.startswith("${")]
    assert images
    for image in images:
        name, _, tag = image.partition(":")
        assert re.match(r"^\d+\.\d+\.\d+-", tag), f"{image}: not pinned to a release"
        if name in ("redis", "valkey/valkey"):
            assert version(tag.split("-")[0]) >= ((7, 4, 6) if name == "redis" else (8, 1, 4)), image


def test_make_audit_runs_pip_audit_over_every_pin_with_a_chosen_database():
    dry = subprocess.run(["make", "-n", "-W", ".venv/.installed", "audit", "AUDIT_SERVICE=osv"], cwd=ROOT,
                         capture_output=True, text=True, timeout=30)
    assert dry.returncode == 0, dry.stderr
    command = next(line for line in dry.stdout.splitlines() if "pip-audit --" in line or "bin/pip-audit" in line)
    assert "--vulnerability-service osv" in command
    for name in ("requirements-build.txt", "requirements.txt", "requirements-dev.txt"):
        assert f"-r {name}" in dry.stdout
    assert "pip-audit==" in dry.stdout
    readme = (ROOT / "README.md").read_text()
    assert "make audit" in readme and "AUDIT_SERVICE=osv" in readme

