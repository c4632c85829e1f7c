"""The decision history names why in the page's language: an automatic rejection's labels (stored in the audit as
a JSON list), a rule's reason and a moderator's reason are words, never '["abuse","threat"]' or 'author_suspended';
a reason typed by a person is shown as typed."""

import json
import re

import pytest

from moderation.store.review_queue import ReviewQueue

WORDS = {"ja": {"spam": "スパム", "abuse": "暴言", "threat": "脅迫"}, "en": {"spam": "spam", "abuse": "abuse",
                                                                          "threat": "threat"}}


@pytest.fixture
def site(make_app, thresholds, login):
    app = make_app(THRESHOLDS=thresholds.reject_all, RATE_LIMITS="")
    return app, app.test_client(), login(app, "taro")


def reason_cell(page, comment_id):
    row = page.split(f'data-comment-id="{comment_id}"')[1].split("</tr>")[0]
    return re.sub(r"<[^>]+>", "", re.findall(r'<td class="reason">(.*?)</td>', row, re.S)[-1]).strip()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_automatic_rejection_shows_its_labels_as_words(site, auth, comment, rdb, prefix, lang):
    _, api, taro = site
    body = comment("副業で月収100万円！今すぐLINE追加してね")
    assert api.post("/api/v1/comments", json=body, headers=auth).json["decision"] == "reject"
    [entry] = [e for e in ReviewQueue(rdb, "test", prefix=prefix).audit(10) if e["id"] == body["id"]]
    stored = json.loads(entry["reason"])  # the audit keeps the labels as JSON
    assert entry["action"] == "auto_rejected" and "spam" in stored
    shown = reason_cell(taro.get(f"/review/history?lang={lang}").text, body["id"])
    assert "[" not in shown and "&#34;" not in shown and '"' not in shown
    assert WORDS[lang]["spam"] in shown and len(shown.split("、" if lang == "ja" else ", ")) == len(stored), shown


def test_a_rules_reason_and_a_moderators_reason_are_words_and_free_text_is_as_typed(make_app, thresholds, login,
                                                                                    auth, comment, rdb, prefix):
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="", AUTHOR_STANDING={"enabled": True})  # a rule rejects
    api, taro = app.test_client(), login(app, "taro")
    assert api.put("/api/v1/authors/pest", json={"standing": "suspended"}, headers=auth).status_code == 200
    body = comment("今日の記事はとても参考になりました。", author={"id": "pest", "name": "p"})
    answer = api.post("/api/v1/comments", json=body, headers=auth).json
    assert (answer["decision"], answer["reason"]) == ("reject", "author_suspended")
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    for comment_id in ("held-1", "held-2"):
        queue.submit({"id": comment_id, "article_id": "a", "text": "x", "text_sha256": comment_id, "received_at": 1,
                      "decision": "review", "status": "pending", "scores": {"spam": 0.5, "abuse": 0.9},
                      "labels": ["abuse", "threat"], "risk": 0.9}, queued=True)
    taro.claim()
    taro.decide("held-1", "reject", "threat")
    taro.decide("held-2", "reject", "abuse")
    queue.reopen("held-2", "taro", "自分で書いた理由")  # an admin's reason, typed
    page = taro.get("/review/history").text
    assert reason_cell(page, body["id"]) == "投稿者の投稿停止"
    assert reason_cell(page, "held-1") == "脅迫"
    assert reason_cell(page, "held-2") == "自分で書いた理由"  # the newest row: the reopening
    assert "暴言" in [reason_cell(row, "held-2") for row in page.split("</tr>") if 'data-comment-id="held-2"' in row]
    assert reason_cell(taro.get("/review/history?lang=en").text, body["id"]) == "author suspended"
