"""A card says how its model was trained: model.train's command line, as CARD.md's training line shows it."""

import json

from model.card_markdown import card_markdown
from model.judge import resolve_artifact


def test_card_markdown_shows_the_training_command():
    folder, _ = resolve_artifact(None)
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    card["command"] = "python -m model.train --data-dir ../shared/data --lovo --no-activate"
    line = next(x for x in card_markdown(card, "").splitlines() if x.startswith("- training time:"))
    assert line.endswith(" with `python -m model.train --data-dir ../shared/data --lovo --no-activate`")
    del card["command"]  # a card from before the command was recorded
    assert card_markdown(card, "").count(" with `python -m model.train") == 0
