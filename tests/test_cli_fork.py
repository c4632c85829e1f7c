"""tests/support/cli_fork.py: a command forked from the process that imported the service answers as a fresh
`python -m moderation` does (its standard output, error and status), and a different environment gets a fresh one."""

import subprocess
import sys

import pytest

from tests.support.app import cli_env


@pytest.mark.slow  # two fresh interpreters: ~5 s of CPU each
def test_a_forked_command_answers_as_a_fresh_interpreter(redis_server, prefix, tmp_path, cli_forks):
    env = cli_env(redis_server, prefix, tmp_path)
    commands = [  # standard input, output and status 0; then a setting refused: one line on stderr, status 1
        (["moderator", "add", "hanako", "--password-stdin", "--replace"], env, "kumo-no-ue-de-odoru-17\n"),
        (["moderator", "list"], {**env, "MODERATION_SECRET_KEY": "short"}, None),
    ]
    for args, environment, given in commands:
        fresh = subprocess.run([sys.executable, "-m", "moderation", *args], env=environment, cwd="/", input=given,
                               capture_output=True, text=True, timeout=120)
        forked = cli_forks.run(args, env=environment, input=given, timeout=120)
        assert (forked.returncode, forked.stdout, forked.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    assert fresh.returncode == 1 and fresh.stderr.startswith("configuration: MODERATION_SECRET_KEY")
    assert "hanako\tmoderator\tactive" in cli_forks.run(["moderator", "list"], env=env, check=True).stdout


def test_an_environment_that_differs_beyond_the_settings_gets_a_fresh_interpreter():
    from tests.support.cli_fork import _differs

    started = {"PATH": "/bin", "PYTHONPATH": "/src"}
    imported = {**started, "KMP_INIT_AT_FORK": "FALSE"}  # what scikit-learn's import sets when unset
    for same in ({**started, "MODERATION_REDIS_URL": "redis://x", "PYTEST_CURRENT_TEST": "t"}, imported):
        assert not _differs(same, started, imported)
    for other in ({**started, "PROMETHEUS_MULTIPROC_DIR": "/tmp/m"}, {"PATH": "/bin"},
                  {**started, "KMP_INIT_AT_FORK": "TRUE"}):
        assert _differs(other, started, imported)
