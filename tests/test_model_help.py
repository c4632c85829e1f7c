"""Every training and measuring command prints its --help (argparse formats help strings with %: a bare one crashed)."""

import importlib

import pytest

MODULES = ("answers", "en_quick", "evaluate", "functional", "ja_cv", "long_comments", "lovo", "paired_bootstrap",
           "refit_band", "retrain", "train")


@pytest.mark.parametrize("name", MODULES)
def test_help_prints_usage(name, capsys):
    main = importlib.import_module(f"model.{name}").main
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("usage:")
