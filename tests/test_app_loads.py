"""The apps a worker builds share the loaded model and the compiled templates (tests/support/app_loads.py), and
nothing they should not: each app has a Scorer of its own, a changed or wrong artifact loads (or fails) again, and an
edited template compiles again."""

import shutil

import pytest
from jinja2 import BaseLoader, Environment

from moderation.scoring.artifacts import ModelLoadError
from moderation.scoring.manager import find_manager
from tests.support.app_loads import TemplateCode


def _scorer(app):
    return find_manager(app).active


def test_apps_share_the_fitted_pipeline_but_not_the_scorer(make_app):
    first, second = _scorer(make_app()), _scorer(make_app())
    assert first is not second and first.pipeline is second.pipeline


def test_a_changed_or_wrong_artifact_is_loaded_again(make_app, tiny_model, tmp_path):
    """Kept by what the files hold: a corrupted model fails at the next app as the service's load fails, the same
    bytes written back are the kept model again, and a wrong pin fails whatever is kept."""
    root, version, _ = tiny_model
    copied = tmp_path / "models"
    shutil.copytree(root, copied)
    kept = _scorer(make_app(MODEL_DIR=str(copied)))
    model = copied / version / "model.joblib"
    good = model.read_bytes()
    model.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    with pytest.raises(ModelLoadError, match="SHA-256 mismatch"):
        make_app(MODEL_DIR=str(copied))
    model.write_bytes(good)
    assert _scorer(make_app(MODEL_DIR=str(copied))).pipeline is kept.pipeline
    with pytest.raises(ModelLoadError, match="SHA-256 mismatch"):
        make_app(MODEL_DIR=str(copied), MODEL_SHA256="0" * 64)


def test_an_edited_template_compiles_again():
    shared = TemplateCode()
    compiled = []

    def environment(source):
        env = Environment(loader=_Source(source), bytecode_cache=shared, autoescape=True)
        real = env.compile
        env.compile = lambda *args, **kwargs: (compiled.append(1), real(*args, **kwargs))[1]
        return env

    assert environment("{{ x }}!").get_template("page").render(x=1) == "1!"
    assert environment("{{ x }}!").get_template("page").render(x=2) == "2!" and len(compiled) == 1
    assert environment("{{ x }}?").get_template("page").render(x=3) == "3?" and len(compiled) == 2


class _Source(BaseLoader):
    """A Jinja loader of one template, `page`, with the source given."""

    def __init__(self, source):
        self.source = source

    def get_source(self, environment, name):
        return self.source, "page.html", lambda: True
