"""The harms a request's page names beside each comment are chosen and named as the review card does: in the s28
trial the page named a harm at 0.00 for a comment the model saw none in (its `or ranked[:1]`), and a published
死にたい was 自傷・自殺の誘導 there while the card calls the writer's own distress 自傷・自殺の訴え（書き手本人）.
The shipped model scores the comments (the tiny one reads no self-harm)."""

import gc
import re
import weakref

import pytest

from model.judge import ARTIFACTS
from moderation import create_app
from moderation.pages import request_queue
from moderation.pages.cards import card
from moderation.pages.i18n import translate
from moderation.rights.intake import MAX_COMMENTS
from moderation.scoring.manager import Serving, find_manager
from moderation.scoring.scorer import load_scorer, read_active
from moderation.store.review_queue import get_queue
from tests.support.app import app_config
from tests.support.moderators import Moderator
from tests.support.thresholds import FLAG_NONE
from tests.test_requests import file, post_comment, request_body

CLEAN = "今日の記事、とても参考になりました。ありがとうございます。"
OWN = "自殺したい"  # もう死にたい。毎日がつらい。 was self_harm 0.33 with -12, 0.02 with -13 (no push)
PUSHED = "お前なんか自殺しろ"  # urged; a plain death wish (死ねばいい) is harassment since 2026.12.03-13
OWN_WORDS = translate("label.self_harm_own", "ja")


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
    alone, not that the model read it as 個人情報の晒し, which the moderator weighs against the right claimed. That line
    without an act of exposure is personal_info 0.138 with 2026.12.04-4 and 0.023 with 2026.12.04-5 (below the page's
    HARM_FLOOR: no harm named, rightly by the floor, though the model reads less there); the comment posts them."""
    client = shipped_app.test_client()
    comment_id = post_comment(client, comment, "こいつの本名は佐藤花子、勤務先は新宿の○○商事。晒しとく")
    request_id = file(client, request_body([comment_id])).json["id"]
    with shipped_app.app_context():
        categories = get_queue("test").get(comment_id)["categories"]
    top = sorted(categories.items(), key=lambda kv: -kv[1])[:2]
    page = Moderator(shipped_app, "hanako").get(f"/review/requests/{request_id}").text
    named = re.search(r'<p class="request-categories">(.*?)</p>', page, re.S)
    assert named, page
    named = re.sub(r"<[^>]*>", "", named.group(1))
    assert f"{translate('label.' + top[0][0], 'ja')} {top[0][1]:.2f}" in named, (named, top)
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
    assert own == {"self_harm": f"{OWN_WORDS} {stored[OWN]['categories']['self_harm']:.2f}"}, own
    assert OWN_WORDS != translate("label.self_harm", "ja")  # the writer's own distress, not a push to it
    pushed = _harms(page, ids[PUSHED])  # self_harm 0.98 and harassment 0.50: the one a push keeps its name
    pushed_words = translate("label.self_harm", "ja")
    assert pushed["self_harm"] == f"{pushed_words} {stored[PUSHED]['categories']['self_harm']:.2f}", pushed
    assert pushed["harassment"].startswith(translate("label.harassment", "ja") + " ")
    # the card held for a rule or a report (none flagged) chooses the same ones (it showed the nearest alone)
    assert [c["label"] for c in card(stored[PUSHED], {})["categories"]] == list(pushed) == ["self_harm", "harassment"]


def _own_distress_request(app, comment):
    """A request over a published 死にたい (its harm named by an explanation the record does not keep): its page."""
    client = app.test_client()
    comment_id = post_comment(client, comment, OWN)
    return comment_id, f"/review/requests/{file(client, request_body([comment_id], right='other')).json['id']}"


def test_the_request_page_explains_each_comment_once_not_on_every_view(shipped_app, comment, accounts, monkeypatch):
    """The page scored every published comment with a harm again (explain_all, up to 20) on each view of it."""
    comment_id, path = _own_distress_request(shipped_app, comment)
    with shipped_app.app_context():
        scorer = find_manager().active
    texts = []
    real_score = scorer.score

    def counted(text, **options):
        texts.append(text)
        return real_score(text, **options)

    monkeypatch.setattr(scorer, "score", counted)
    moderator = Moderator(shipped_app, "hanako")
    pages = [moderator.get(path) for _ in range(3)]
    assert [page.status_code for page in pages] == [200] * 3
    assert all(set(_harms(page.text, comment_id).values()) == {OWN_WORDS + page_score(shipped_app, comment_id)}
               for page in pages)
    assert texts == [OWN]


def test_a_comment_the_scorer_fails_to_explain_still_shows_its_harm(shipped_app, comment, accounts, monkeypatch):
    """Scoring failed inside the page's explanation: a 500 on the moderator's page; now the harm keeps its category's
    own name."""
    comment_id, path = _own_distress_request(shipped_app, comment)
    with shipped_app.app_context():
        scorer = find_manager().active

    def failing(text, **options):
        raise RuntimeError("the scorer failed")

    monkeypatch.setattr(scorer, "score", failing)
    page = Moderator(shipped_app, "hanako").get(path)
    assert page.status_code == 200
    assert _harms(page.text, comment_id) == {
        "self_harm": translate("label.self_harm", "ja") + page_score(shipped_app, comment_id)}


def page_score(app, comment_id):
    """ " 0.93": the comment's self_harm score as the page prints it after the words."""
    with app.app_context():
        return f" {get_queue('test').get(comment_id)['categories']['self_harm']:.2f}"


def _counting(monkeypatch, scorer):
    """The texts `scorer` scores from now on, in order."""
    texts, real_score = [], scorer.score

    def counted(text, **options):
        texts.append(text)
        return real_score(text, **options)

    monkeypatch.setattr(scorer, "score", counted)
    return texts


def test_the_request_page_keeps_only_the_newest_explanations(make_app, monkeypatch):
    """The explanations kept per model are bounded (EXPLAINED_KEPT, the newest), and a page's own comments fit."""
    assert request_queue.EXPLAINED_KEPT >= MAX_COMMENTS  # one page's comments never push each other out
    monkeypatch.setattr(request_queue, "EXPLAINED_KEPT", 2)
    app = make_app()
    with app.app_context():
        scorer = find_manager().active
        texts = _counting(monkeypatch, scorer)
        for text in ("一つ目", "二つ目", "三つ目", "三つ目", "二つ目", "一つ目"):
            request_queue._explain({"id": "c", "text": text, "model_version": scorer.version})
        assert texts == ["一つ目", "二つ目", "三つ目", "一つ目"]  # the first was dropped when the third came
        assert list(request_queue._EXPLAINED[scorer]) == ["三つ目", "一つ目"]


def test_a_model_switch_leaves_the_old_models_explanations_with_it(make_app, tiny_model, monkeypatch):
    """The old scorer's explanations are never served by the new one, and are freed with it (no model kept alive)."""
    root, version, sha256 = tiny_model
    app = make_app()
    stored = {"id": "c", "text": "お前はバカだ、死ね", "model_version": version}
    with app.app_context():
        manager = find_manager()
        old = weakref.ref(manager.active)
        explained = request_queue._explain(stored)
        assert old() in request_queue._EXPLAINED
        manager.serving = Serving(load_scorer(root / version, sha256), None, manager.policy, manager.site_policies,
                                  manager.registry)
        texts = _counting(monkeypatch, manager.active)
        assert request_queue._explain(stored) == explained
        assert texts == [stored["text"]]  # explained again by the model now serving
    gc.collect()
    assert old() is None
