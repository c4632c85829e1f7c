"""Property-based hostile input: any JSON shape, any Unicode, any bytes get a 4xx or a 200, never a 5xx."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
comment_like = st.fixed_dictionaries(
    {"id": json_values | st.text(min_size=1, max_size=130), "article_id": json_values | st.text(max_size=20),
     "text": json_values | st.text(max_size=300)},
    optional={"author": json_values, "ip": json_values, "url": json_values, "created_at": json_values,
              "lang": json_values, "user_agent": json_values},
)


def _assert_handled(response):
    assert response.status_code < 500, response.get_data(as_text=True)
    body = response.get_json()
    if response.status_code >= 400:
        assert set(body["error"]) == {"code", "message", "field"}
    return body


@pytest.mark.slow
@SETTINGS
@given(body=json_values)
def test_any_json_value_as_body(client, auth, body):
    _assert_handled(client.post("/api/v1/comments", data=json.dumps(body), headers={**auth,
                                "Content-Type": "application/json"}))


@pytest.mark.slow
@SETTINGS
@given(body=comment_like)
def test_any_comment_shaped_object(client, auth, body):
    _assert_handled(client.post("/api/v1/comments", json=body, headers=auth))


@pytest.mark.slow
@SETTINGS
@given(text=st.text(min_size=1, max_size=2000))
def test_any_unicode_text_is_scored_or_refused(client, auth, text):
    body = {"id": f"h{hash(text)}", "article_id": "a", "text": text}
    body = _assert_handled(client.post("/api/v1/comments", json=body, headers=auth))
    if "scores" in body:
        assert all(0.0 <= p <= 1.0 for p in body["scores"].values())


@SETTINGS
@given(raw=st.binary(max_size=500))
def test_any_bytes(client, auth, raw):
    _assert_handled(client.post("/api/v1/comments", data=raw, headers={**auth, "Content-Type": "application/json"}))


@pytest.mark.slow
@SETTINGS
@given(batch=st.lists(comment_like | json_values, max_size=8))
def test_any_batch(client, auth, batch):
    _assert_handled(client.post("/api/v1/comments:batch", json={"comments": batch}, headers=auth))
