"""model.recard: a fitted model ships on new code only when that code reads every training row as its fit did."""

import json
import shutil

import pytest

from model import data as D
from model import recard, row_moves
from model import training_set as T
from model.card import fit_params
from model.card_markdown import card_markdown
from model.judge import DEFAULT_DATA
from model.pipeline import build_pipeline
from model.tiny import tiny_corpus
from moderation.scoring.scorer import load_scorer

VALID = ["今週の会議は水曜日に変更になりました。", "The library is open late on Thursdays."]


def tiny_rows(flip: int | None = None) -> list[D.Row]:
    """The tiny corpus as training rows (row `flip` with its spam label inverted) and two validation rows."""
    texts, y = tiny_corpus()
    rows = [D.Row(text, None if y_[0] != y_[0] else int(y_[0]) ^ (i == flip), None, "tiny", "ja", str(i), D.TRAIN)
            for i, (text, y_) in enumerate(zip(texts, y, strict=True))]
    return rows + [D.Row(text, 0, 0, "tiny", "ja", "v", D.VALID) for text in VALID]


def source_card(card: dict, rows: list[D.Row]) -> dict:
    """The tiny card with what model.train records of a fit of this code on `rows`."""
    return {**card, "data": {"rows": D.summary(rows)}, "sample_share": 1.0, **T.weights_recipe(),
            "params": fit_params(build_pipeline()),
            "training_rows_sha256": T.rows_digest([r for r in rows if r.split == D.TRAIN])}


def tiny_and_held() -> list[D.Row]:
    """The tiny rows and the tiny corpus again as held-out rows (a card measures held-out sets)."""
    texts, y = tiny_corpus()
    return tiny_rows() + [D.Row(t, int(y_[0]), None, "tiny", "ja", "t", D.TEST)
                          for t, y_ in zip(texts, y, strict=True) if y_[0] == y_[0]]


def saved_by_row_moves(folder, rows, path, monkeypatch) -> dict:
    """`model.row_moves --save PATH --artifact FOLDER` with the data set being `rows`."""
    monkeypatch.setattr(D, "load_all", lambda data_dir: rows)
    monkeypatch.setattr(T, "synthetic_rows", lambda data_dir: [])
    assert row_moves.main(["--save", str(path), "--artifact", str(folder), "--data-dir", str(path.parent)]) == 0
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source(tiny_model, tmp_path_factory):
    """A copy of the tiny artifact whose card records the tiny rows, and the rows' snapshot under its weights."""
    root, version, sha = tiny_model
    folder = tmp_path_factory.mktemp("source") / version
    shutil.copytree(root / version, folder)
    rows = tiny_rows()
    card = source_card(json.loads((folder / "card.json").read_text(encoding="utf-8")), rows)
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    pipe = load_scorer(folder, sha).pipeline
    return folder, card, pipe, rows, row_moves.snapshot(pipe.predict_proba, rows)


def moved_text(snap: dict, text: str) -> dict:
    """`snap` with `text`'s probabilities moved, as a reading would move them."""
    key = row_moves._key(text)
    return {**snap, key: {**snap[key], "probs": [p + 0.01 for p in snap[key]["probs"]]}}


def test_no_refusal_when_nothing_moved_and_a_validation_row_may_move(source):
    _, card, pipe, rows, snap = source
    assert recard.refusals(card, pipe, rows, snap, snap) == []
    assert recard.refusals(card, pipe, rows, moved_text(snap, VALID[0]), snap) == []


def test_refuses_when_a_training_row_moves_or_its_label_changes(source):
    _, card, pipe, rows, snap = source
    reasons = recard.refusals(card, pipe, rows, moved_text(snap, rows[3].text), snap)
    assert reasons == ["1 training texts moved under the source's weights (model.row_moves)"]
    reasons = recard.refusals(card, pipe, tiny_rows(flip=0), snap, snap)
    assert any("training_rows_sha256" in r for r in reasons) and any(r.startswith("data.rows") for r in reasons)
    assert any(r.startswith("params") for r in recard.refusals({**card, "params": {}}, pipe, rows, snap, snap))


def test_the_tool_refuses_and_writes_nothing(source, tmp_path, monkeypatch, capsys):
    folder, _, _, rows, snap = source
    monkeypatch.setattr(D, "load_all", lambda data_dir: rows)
    monkeypatch.setattr(T, "synthetic_rows", lambda data_dir: [])
    before = tmp_path / "before.json"
    before.write_text(json.dumps(moved_text(snap, rows[0].text)), encoding="utf-8")
    argv = ["--from", str(folder), "--version", "9999.01.01-1", "--rows", str(before), "--data-dir", str(tmp_path),
            "--out", str(tmp_path / "out"), "--no-activate"]
    assert recard.main(argv) == 1
    assert "REFUSED: a fit of this code would not give" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def test_a_fit_with_a_source_weight_is_recarded_with_the_cards_factors(source, tmp_path, monkeypatch, capsys):
    """A card fitted with `--source-weight tiny:spam=1.5` records that factor and its weights' digest: the re-card
    reads the factor from the card (as model.refit does) and gets past every refusal without the option; an option
    that sets another factor is refused by name before anything is scored."""
    folder, card, _, rows, snap = source
    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    T.set_source_weights(["tiny:spam=1.5"])
    weighted = source_card(card, rows)
    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    assert weighted["head_weight_factors"] == {"tiny:spam": 1.5}
    assert weighted["training_rows_sha256"] != card["training_rows_sha256"]
    shutil.copytree(folder, tmp_path / "src")
    (tmp_path / "src" / "card.json").write_text(json.dumps(weighted), encoding="utf-8")
    monkeypatch.setattr(D, "load_all", lambda data_dir: rows)
    monkeypatch.setattr(T, "synthetic_rows", lambda data_dir: [])
    before = tmp_path / "before.json"
    before.write_text(json.dumps(snap), encoding="utf-8")
    argv = ["--from", str(tmp_path / "src"), "--version", "9999.01.01-1", "--rows", str(before), "--data-dir",
            str(tmp_path), "--out", str(tmp_path / "out"), "--no-activate"]

    class Past(Exception):
        """Raised where the re-card starts measuring: every refusal check passed."""

    monkeypatch.setattr(recard, "choose_thresholds", lambda *a: (_ for _ in ()).throw(Past()))
    with pytest.raises(Past):
        recard.main(argv)
    assert T.HEAD_WEIGHTS == {("tiny", "spam"): 1.5} and not (tmp_path / "out").exists()
    monkeypatch.setattr(T, "HEAD_WEIGHTS", {})
    monkeypatch.setattr(row_moves, "snapshot", None)  # refused before a row is scored
    for other in ("tiny:spam=2", "tiny:hate=1.5"):
        assert recard.main([*argv, "--source-weight", other]) == 1
        said = capsys.readouterr().out
        assert said.startswith(f"REFUSED: --source-weight {other} is not the fit's") and "{'tiny:spam': 1.5}" in said
    assert T.HEAD_WEIGHTS == {} and not (tmp_path / "out").exists()
    assert recard.card_weights(weighted, ["tiny:spam=1.50", "tiny=2"]) == ["tiny:spam=1.5", "tiny:spam=1.50", "tiny=2"]


def test_copied_weights_are_the_source_bytes_and_the_card_names_their_fit(source, tmp_path):
    folder, card, _, _, _ = source
    recarded = {"weights_from": card["version"], "fitted_at": "then", "recarded_at": "now", "texts_moved": 1,
                "texts": 54, "command": "python -m model.recard --from X"}
    out, sha = recard.copy_weights(folder, tmp_path, "9999.01.01-1", {**card, "recard": recarded})
    assert (out / "model.joblib").read_bytes() == (folder / "model.joblib").read_bytes() and sha == card["sha256"]
    assert load_scorer(out, sha).version == "9999.01.01-1"
    shown = json.loads((out / "card.json").read_text(encoding="utf-8"))
    shown.update(training_seconds=1, trained_at="then", thresholds={}, pipeline="", metrics={"heldout": []},
                 data={"licences": {}, "upstream": {}, "rows": {}, "sha256": {}}, notes=[], sklearn_version="",
                 numpy_version="", python_version="")
    line = next(x for x in card_markdown(shown, "").splitlines() if x.startswith("- weights:"))
    assert line.startswith(f"- weights: {card['version']}'s model.joblib (fitted then for {card['version']}), "
                           "re-carded on this code now")
    shown["recard"] = {**recarded, "weights_from": "B", "fitted_by": "A"}  # B re-carded A's weights
    line = next(x for x in card_markdown(shown, "").splitlines() if x.startswith("- weights:"))
    assert line.startswith("- weights: B's model.joblib (fitted then for A), re-carded")
    with pytest.raises(recard.Refused):
        recard.copy_weights(folder, tmp_path, "9999.01.01-2", {**card, "sha256": "0" * 64})


@pytest.mark.slow
def test_a_recard_of_a_recard_writes_the_source_bytes_and_names_the_first_fit(source, tmp_path, monkeypatch):
    if not (DEFAULT_DATA / "README.md").is_file():
        pytest.skip(f"no shared data folder at {DEFAULT_DATA}")  # the card's suites and long comments read it
    folder, card, _, _, _ = source
    both = tiny_and_held()
    monkeypatch.setattr(D, "load_all", lambda data_dir: both)
    monkeypatch.setattr(T, "synthetic_rows", lambda data_dir: [])
    again = tmp_path / "src" / "9999.01.01-1"  # the source is itself a re-card of the tiny fit
    shutil.copytree(folder, again)
    shown = source_card(card, both)
    for key, value in {"training_seconds": 1, "trained_at": "then", "pipeline": "", "notes": []}.items():
        shown.setdefault(key, value)  # what the tiny card leaves out and a fit's card has
    shown["data"] = {"licences": {}, "upstream": {}, "sha256": {}, **shown["data"]}
    shown["recard"] = {"weights_from": "A", "fitted_by": "A0"}
    (again / "card.json").write_text(json.dumps(shown), encoding="utf-8")
    before = tmp_path / "before.json"
    before.write_text(json.dumps(row_moves.snapshot(load_scorer(folder, card["sha256"]).pipeline.predict_proba,
                                                    both)), encoding="utf-8")
    argv = ["--from", str(again), "--version", "9999.01.01-2", "--rows", str(before), "--data-dir", str(DEFAULT_DATA),
            "--out", str(tmp_path / "out"), "--no-activate", "--save-rows", str(tmp_path / "after.json")]
    assert recard.main(argv) == 0
    out = tmp_path / "out" / "9999.01.01-2"
    assert (out / "model.joblib").read_bytes() == (folder / "model.joblib").read_bytes()
    written = json.loads((out / "card.json").read_text(encoding="utf-8"))
    assert written["recard"]["fitted_by"] == "A0" and written["recard"]["weights_from"] == card["version"]
    saved = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))  # what a re-card of -2 compares against
    assert saved == saved_by_row_moves(out, both, tmp_path / "row_moves.json", monkeypatch)


@pytest.mark.slow
def test_a_fit_saves_the_rows_snapshot_row_moves_would(tmp_path, monkeypatch):
    from model import train

    rows = tiny_and_held()
    monkeypatch.setattr(D, "load_all", lambda data_dir: rows)
    monkeypatch.setattr(train, "synthetic_rows", lambda data_dir: [])
    monkeypatch.setattr(train, "describe", lambda folder, sha, data_dir, table: json.loads(
        (folder / "card.json").read_text(encoding="utf-8")))  # suites and speed: not what this test reads
    argv = ["--data-dir", str(tmp_path), "--out", str(tmp_path / "out"), "--version", "9999.01.01-1",
            "--no-activate", "--no-baseline", "--save-rows", str(tmp_path / "fit.json")]
    assert train.main(argv) == 0
    fitted = json.loads((tmp_path / "fit.json").read_text(encoding="utf-8"))
    assert len(fitted) == len({r.text for r in rows})
    assert fitted == saved_by_row_moves(tmp_path / "out" / "9999.01.01-1", rows, tmp_path / "after.json", monkeypatch)
