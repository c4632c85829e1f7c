"""GET /api/v1/comments/<id>'s `moderation` in every state a comment can be in, against the OpenAPI document's
branches (their x-states) and the README's table: a state the code answers differently from the docs fails."""

import json
import re
import time
from pathlib import Path

import jsonschema_rs

from moderation.api.openapi.schemas import MODERATION
from moderation.store.review_queue import ReviewQueue

README = Path(__file__).resolve().parent.parent / "README.md"
SPAM = "副業で月収100万円！今すぐLINE追加してね"


def _readme_rows():
    """{state: the `moderation` cell} from the README's table under the comment answer."""
    rows = re.findall(r"^\| `([a-z_]+)`: [^|]+\| `(.+)` \|$", README.read_text(), re.M)
    return dict(rows)


def _make_every_state(make_app, thresholds, auth, comment, rdb, prefix):
    """Each state's comment id, made through the API and the real review queue (site "test")."""
    publish, hold, reject = (make_app(THRESHOLDS=t, RATE_LIMITS="").test_client()
                             for t in (thresholds.flag_none, thresholds.flag_all, thresholds.reject_all))
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    ids = {}

    def post(state, client, decision):
        body = comment(SPAM, article_id=f"art-{state}")
        answer = client.post("/api/v1/comments", json=body, headers=auth)
        assert answer.status_code == 200 and answer.json["decision"] == decision, answer.text
        ids[state] = body["id"]
        return body["id"]

    def claim(moderator, state):
        [record] = queue.claim(moderator, 1, article_id=f"art-{state}")
        assert record["id"] == ids[state]

    post("allowed", publish, "allow")
    post("rejected", reject, "reject")
    post("queued", hold, "review")
    reported = post("reported", publish, "allow")
    assert hold.post(f"/api/v1/comments/{reported}/reports", json={"reason": "abuse"}, headers=auth).status_code == 202
    post("claimed", hold, "review")
    claim("jiro", "claimed")  # hanako claims next: a claim answers her own live leases first
    for state, action, reason in (("approved", "approve", ""), ("rejected_by_moderator", "reject", "spam"),
                                  ("undone", "approve", ""), ("reopened", "reject", "abuse")):
        post(state, hold, "review")
        claim("hanako", state)
        queue.decide(ids[state], action, "hanako", reason)
    queue.undo(ids["undone"], "hanako", window_seconds=60)
    queue.reopen(ids["reopened"], "taro", "appeal")
    # a decided comment stays decided when readers report it afterwards
    assert hold.post(f"/api/v1/comments/{ids['approved']}/reports", json={"reason": "spam"},
                     headers=auth).status_code == 202
    removed = post("removed", publish, "allow")
    assert queue.remove(removed, "taro", "rights_request", now_ms=int(time.time() * 1000))
    return hold, ids


def test_every_state_answers_the_documented_moderation(make_app, thresholds, auth, comment, rdb, prefix, accounts):
    client, ids = _make_every_state(make_app, thresholds, auth, comment, rdb, prefix)
    branches = MODERATION["oneOf"]
    documented = [state for branch in branches for state in branch["x-states"]]
    assert sorted(documented) == sorted(ids), "the document's states are not the states this test makes"
    readme = _readme_rows()
    assert sorted(readme) == sorted(ids), "the README's table lists other states"
    for state, comment_id in ids.items():
        answer = client.get(f"/api/v1/comments/{comment_id}", headers=auth)
        assert answer.status_code == 200
        moderation = answer.json["moderation"]
        taken = [branch for branch in branches if jsonschema_rs.validator_for(branch).is_valid(moderation)]
        assert len(taken) == 1, (state, moderation)
        assert state in taken[0]["x-states"], f"{state}: answered {moderation}, documented under another branch"
        # the README's cell: null, or the same keys with the same fixed values (`...` stands for any value)
        cell = readme[state]
        shown = json.loads(cell.replace("...", '"*"'))
        if moderation is None:
            assert shown is None, (state, cell)
            continue
        assert shown is not None and sorted(shown) == sorted(moderation), (state, cell, moderation)
        for key, value in shown.items():
            assert value == "*" or value == moderation[key], (state, key, cell, moderation)
    assert client.get(f"/api/v1/comments/{ids['removed']}", headers=auth).json["moderation"]["moderator"] == "taro"
