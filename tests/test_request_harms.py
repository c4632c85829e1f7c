"""The harms a request's page names beside each comment are chosen and named as the review card does: in the s28
trial the page named a harm at 0.00 for a comment the model saw none in (its `or ranked[:1]`), and a published
死にたい was 自傷・自殺の誘導 there while the card calls the writer's own distress 自傷・自殺の訴え（書き手本人）.
The shipped model scores the comments (the tiny one reads no self-harm)."""

import re

import pytest

from model.judge import ARTIFACTS
from moderation import create_app
from moderation.pages.cards import card
from moderation.scoring.scorer import read_active
from moderation.store.review_queue import get_queue
from tests.support.app import app_config
from tests.support.moderators import Moderator
from tests.support.thresholds import FLAG_NONE
from tests.test_requests import file, post_comment, request_body

CLEAN = "今日の記事、とても参考になりました。ありがとうございます。"
OWN = "もう死にたい。毎日がつらい。"
PUSHED = "お前なんか死ねばいい"


@pytest.fixture
def shipped_app(redis_server, prefix, tmp_path):
    """An app serving the shipped model, publishing every comment (a request names published comments)."""
    version, sha256 = read_active(ARTIFACTS)
    return create_app(app_config((ARTIFACTS, version, sha256), redis_server.url, prefix, tmp_path, RATE_LIMITS="",
                                 THRESHOLDS=FLAG_NONE))


def _harms(page, comment_id):
    """{label: words} the page gives the comment's harms, or {} when it names none."""
    section = re.search(rf'<section class="request-comment" data-comment-id="{comment_id}">(.*?)</section>', page,
                        re.S)
    assert section, page
    return dict(re.findall(r'<span class="harm" data-label="([a-z_]+)">([^<]*)</span>', section.group(1)))


def test_the_request_page_names_each_comments_harm_categories_with_their_scores(shipped_app, comment, accounts):
    """s27 trial: a privacy request over 本名佐藤花子、勤務先は新宿の○○商事 showed 'スコア: 暴言 0.27 · スパム 0.22'
    alone, not that the model read it as 個人情報の晒し, which the moderator weighs against the right claimed."""
    client = shipped_app.test_client()
    comment_id = post_comment(client, comment, "本名佐藤花子、勤務先は新宿の○○商事")
    request_id = file(client, request_body([comment_id])).json["id"]
    with shipped_app.app_context():
        categories = get_queue("test").get(comment_id)["categories"]
    top = sorted(categories.items(), key=lambda kv: -kv[1])[:2]
    page = Moderator(shipped_app, "hanako").get(f"/review/requests/{request_id}").text
    named = re.search(r'<p class="request-categories">(.*?)</p>', page, re.S)
    assert named, page
    named = re.sub(r"<[^>]*>", "", named.group(1))
    words = {"threat": "脅迫", "hate": "差別・ヘイト", "harassment": "嫌がらせ", "sexual": "性的嫌がらせ",
             "self_harm": "自傷・自殺の誘導", "personal_info": "個人情報の晒し", "defamation": "名誉毀損"}
    assert f"{words[top[0][0]]} {top[0][1]:.2f}" in named, (named, top)
    assert "_" not in named  # words, never a code


def test_the_request_page_names_a_comments_harms_as_its_card_does(shipped_app, comment, accounts):
    client = shipped_app.test_client()
    ids = {text: post_comment(client, comment, text) for text in (CLEAN, OWN, PUSHED)}
    with shipped_app.app_context():
        stored = {text: get_queue("test").get(comment_id) for text, comment_id in ids.items()}
    assert {text: record["status"] for text, record in stored.items()} == dict.fromkeys(ids, "published")
    assert max(stored[CLEAN]["categories"].values()) < 0.1 and stored[OWN]["explanation"] == []
    request_id = file(client, request_body(list(ids.values()), right="other")).json["id"]
    page = Moderator(shipped_app, "hanako").get(f"/review/requests/{request_id}").text
    assert _harms(page, ids[CLEAN]) == {}  # was 脅迫 0.00 (the top of seven near-zero scores)
    own = _harms(page, ids[OWN])
    assert own == {"self_harm": f"自傷・自殺の訴え（書き手本人） {stored[OWN]['categories']['self_harm']:.2f}"}, own
    pushed = _harms(page, ids[PUSHED])  # harassment 0.92 and self_harm 0.91: the one a push keeps its name
    assert pushed["self_harm"] == f"自傷・自殺の誘導 {stored[PUSHED]['categories']['self_harm']:.2f}", pushed
    assert pushed["harassment"].startswith("嫌がらせ ")
    # the card held for a rule or a report (none flagged) chooses the same ones (it showed the nearest alone)
    assert [c["label"] for c in card(stored[PUSHED], {})["categories"]] == list(pushed) == ["harassment", "self_harm"]
