"""A request body's nesting limit (validation.MAX_DEPTH): the count of `{` and `[` bytes that spares a comment's body
the walk never lets a body nested too deeply through, and refuses exactly what the walk refuses."""

import random

import orjson
import pytest

from moderation.api import validation
from moderation.api.validation import MAX_DEPTH, json_object
from moderation.errors import ValidationError


def _nested(containers, leaf="x"):
    """`containers` dicts and lists, alternating, around one string: nested containers + 1 deep (_depth's count)."""
    value = leaf
    for level in range(containers):
        value = {"k": value} if level % 2 else [value]
    return value


def _refused(raw):
    try:
        json_object(raw)
    except ValidationError as error:
        assert error.to_dict()["code"] == "too_deep"
        return True
    return False


@pytest.mark.parametrize("containers", [1, MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 40])
def test_a_body_is_refused_exactly_when_it_nests_past_max_depth(containers):
    body = {"comment": _nested(containers - 1)}
    raw = orjson.dumps(body)
    assert validation._depth(body) == min(containers + 1, MAX_DEPTH + 1)  # the walk stops counting past the limit
    assert _refused(raw) == (containers + 1 > MAX_DEPTH)


def test_brackets_inside_strings_only_make_the_body_walked():
    """A text full of brackets is counted past the limit: walked, and accepted as the flat body it is."""
    raw = orjson.dumps({"id": "c-1", "text": "[[{{" * 20 + "]]}}" * 20, "author": {"id": "u", "name": "[読者]"}})
    assert validation._may_nest_deeply(raw)
    assert not _refused(raw)


def test_the_count_agrees_with_the_walk_on_generated_bodies():
    """Random trees of dicts, lists and strings (some holding brackets), 1-24 deep: the answer is the walk's."""
    rng = random.Random(39)

    def tree(depth):
        if depth <= 1 or rng.random() < 0.2:
            return rng.choice(["a", "[", "{x}", "", 1, None])
        items = [tree(depth - 1) for _ in range(rng.randint(0, 3))]
        return items if rng.random() < 0.5 else {f"k{n}": item for n, item in enumerate(items)}

    skipped = 0
    for _ in range(3000):
        body = {"b": tree(rng.randint(1, 24))}
        raw = orjson.dumps(body)
        skipped += not validation._may_nest_deeply(raw)
        assert _refused(raw) == (validation._depth(body) > MAX_DEPTH)
    assert skipped > 300  # the shortcut itself was taken, not only the walk
