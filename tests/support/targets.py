"""What tests aim a route's ids at: a held comment, the removal request that names it and a moderator token."""

from tests.support.app import API_KEY

SPAM = "副業で月収100万円！今すぐLINE追加してね"


def seed_targets(app, rdb, prefix, tag):
    """(held comment, removal request, its id, hanako's token); ids `{tag}-held`, `{tag}-art`, `{tag}-author`."""
    from moderation.store.moderator_tokens import ModeratorTokens

    api, auth = app.test_client(), {"Authorization": f"Bearer {API_KEY}"}
    held = {"id": f"{tag}-held", "article_id": f"{tag}-art", "text": SPAM,
            "author": {"id": f"{tag}-author", "name": "読者"}}
    assert api.post("/api/v1/comments", json=held, headers=auth).status_code == 200
    request = {"requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
               "comments": [held["id"]], "right": "reputation", "explanation": "事実ではありません。"}
    filed = api.post("/api/v1/requests", json=request, headers=auth)
    assert filed.status_code == 201, filed.text
    token = ModeratorTokens(rdb, prefix).issue("hanako", note=tag)[1]
    return held, request, filed.json["id"], token
