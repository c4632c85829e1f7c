"""The public request window, the removal criteria page and the moderators' requests queue (server side)."""

import re

import pytest

from moderation.rights import process
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from tests.support.app import API_KEY
from tests.support.moderators import Moderator, csrf_of
from tests.support.windows import fresh_window
from tests.test_requests import FakeClock, Mailbox, file, post_comment, request_body, with_clock

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


@pytest.fixture
def clock():
    from datetime import UTC, datetime

    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())


def no_inline_code(html):
    """Every script is a file from our origin and no element carries a style attribute or an event handler."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):  # escaped user text has no "<": only real tags match
        assert " style=" not in tag and not re.search(r"\son[a-z]+=", tag), tag


def form_fields(client, comment_id, **over):
    page = client.get("/requests/new")
    submission = re.search(r'name="submission" value="([^"]*)"', page.text)
    fields = {"csrf_token": csrf_of(page.text), "submission": submission.group(1) if submission else "",
              "name": "山田 花子", "email": "hanako@example.jp",
              "relation": "self", "comments": f"https://news.example.jp/a/1#comment-{comment_id}\n",
              "right": "privacy", "explanation": "自宅の住所が書かれています。", "statement": ""}
    fields.update(over)
    return fields


def test_the_request_form_is_japanese_first_with_csp_and_no_inline_code(client):
    page = client.get("/requests/new")
    assert page.status_code == 200
    assert '<html lang="ja">' in page.text and "削除依頼" in page.text and "7日以内" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"
    no_inline_code(page.text)
    assert 'name="csrf_token"' in page.text
    english = client.get("/requests/new?lang=en")
    assert '<html lang="en">' in english.text and "Request the removal of a comment" in english.text



def test_the_form_states_what_the_requesters_details_are_used_for_before_asking_them(client):
    """Personal information taken from the person in writing (a web form included) needs its purpose stated
    beforehand (個人情報保護法 21条2項): the form says what name, address and request are used for, and what the
    poster is told when consulted (the reason, never the name or address: request.poster_consulted)."""
    for query, words in (("", "このご依頼の確認・判断と結果のご連絡のために使います"),
                         ("?lang=en", "used to check and decide this request and to tell you the outcome")):
        page = client.get(f"/requests/new{query}").text
        notice = page.index('id="form-privacy"')
        assert words in page[notice:] and notice < page.index('id="f-requester-name"'), query


def test_a_form_request_is_stored_and_answered_with_a_receipt(app, client, comment, clock):
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    answer = client.post("/requests/new", data=form_fields(client, comment_id))
    assert answer.status_code == 303, answer.text
    receipt = client.get(answer.headers["Location"])
    assert receipt.status_code == 200
    request_id = re.search(r'id="request-id">([^<]+)<', receipt.text).group(1)
    assert '<time datetime="2026-11-09T01:00:00Z" id="due-at">2026-11-09 10:00:00 JST</time>' in receipt.text
    assert "受付済み" in receipt.text
    assert "hanako@example.jp" not in receipt.text
    with app.app_context():
        stored = get_requests("test").get(request_id)
    assert stored["channel"] == "web" and stored["comments"] == [comment_id] and stored["right"] == "privacy"


def test_the_same_form_sent_twice_is_one_request_with_one_receipt(app, client, comment, clock):
    """A double click, or the browser sending the form again after an error page or a lost answer: the form's
    submission token (one per form shown) makes it one request (before: a second request and receipt number)."""
    with_clock(app, clock)
    fields = form_fields(client, post_comment(client, comment))
    first = client.post("/requests/new", data=fields)
    clock.advance(0.001)
    again = client.post("/requests/new", data=fields)
    assert first.status_code == again.status_code == 303, again.text
    assert again.headers["Location"] == first.headers["Location"], "one form sent twice: two receipts"
    other = client.post("/requests/new", data=form_fields(client, post_comment(client, comment)))  # a new form
    assert other.status_code == 303 and other.headers["Location"] != first.headers["Location"]
    with app.app_context():
        assert len(get_requests("test").open_requests()) == 2


def test_the_form_needs_the_csrf_token(client, comment):
    fields = form_fields(client, post_comment(client, comment))
    fields.pop("csrf_token")
    assert client.post("/requests/new", data=fields).status_code == 400


@pytest.mark.parametrize(("change", "message"), [
    ({"email": "hanako-at-example"}, "メールアドレスを正しく入力してください"),
    ({"name": ""}, "お名前を入力してください"),
    ({"comments": "https://news.example.jp/a/1#comment-1\njavascript:alert(1)"},
     "2行目をコメントのURLまたはIDとして読めません"),
    ({"right": "honour"}, "侵害された権利を選んでください"),
    ({"explanation": "   "}, "理由を入力してください"),
])
@pytest.mark.slow
def test_an_invalid_field_is_named_in_japanese_and_the_input_kept_escaped(client, comment, change, message):
    fields = form_fields(client, post_comment(client, comment), statement=HOSTILE, **change)
    answer = client.post("/requests/new", data=fields)
    assert answer.status_code == 400
    assert message in answer.text
    assert HOSTILE not in answer.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text
    no_inline_code(answer.text)


def test_the_form_is_rate_limited_per_client_address(make_app, comment):
    app = make_app(REQUEST_RATE_LIMIT="2/3600")
    client = app.test_client()
    comment_id = post_comment(client, comment)
    fresh_window()
    for _ in range(2):
        assert client.post("/requests/new", data=form_fields(client, comment_id)).status_code == 303
    third = client.post("/requests/new", data=form_fields(client, comment_id))
    assert third.status_code == 429 and "しばらく待って" in third.text and int(third.headers["Retry-After"]) > 0
    other = app.test_client()
    answer = other.post("/requests/new", data=form_fields(other, comment_id),
                        environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert answer.status_code == 303  # another address has its own allowance


def test_the_site_comes_from_configuration_or_a_known_site_parameter(make_app, comment):
    app = make_app(REQUEST_SITE="other")
    client = app.test_client()
    assert 'name="site" value="other"' in client.get("/requests/new").text
    assert 'name="site" value="test"' in client.get("/requests/new?site=test").text
    assert client.get("/requests/new?site=nowhere").status_code == 404


def test_policy_renders_the_default_criteria_with_their_revision_date(client):
    page = client.get("/policy")
    assert page.status_code == 200
    assert "<h1>送信防止措置の実施基準</h1>" in page.text and "改定日: 2026-12-03" in page.text
    assert "<strong>7日以内</strong>" in page.text and '<a href="/transparency">' in page.text
    no_inline_code(page.text)


def test_policy_from_the_sites_file_is_escaped(make_app, tmp_path):
    path = tmp_path / "criteria.md"
    path.write_text(f"---\nrevised: 2027-01-15\n---\n# 基準\n\n{HOSTILE}\n\n- [x](javascript:alert(3))\n"
                    "- [y](/\\evil.example/) [z](/\t/evil.example) [ok](/transparency)\n", encoding="utf-8")
    page = make_app(POLICY_PATH=str(path)).test_client().get("/policy")
    assert "改定日: 2027-01-15" in page.text and "<h1>基準</h1>" in page.text
    assert HOSTILE not in page.text and "&lt;script&gt;" in page.text
    assert 'href="javascript' not in page.text and "<li>[x](javascript:alert(3))</li>" in page.text
    # a browser reads "/\" as "//" and drops the tab: both would lead to another site
    hrefs = [part.split('"')[0] for part in page.text.split('href="')[1:]]
    assert not any("evil" in href for href in hrefs) and "[y](/\\evil.example/)" in page.text, hrefs
    no_inline_code(page.text)


def test_the_requests_queue_needs_a_login(client):
    answer = client.get("/review/requests")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_the_queue_lists_open_requests_by_due_date_with_overdue_in_red(app, client, comment, accounts, clock):
    with_clock(app, clock)
    first = file(client, request_body([post_comment(client, comment)])).json["id"]
    clock.advance(days=3)
    second = file(client, request_body([post_comment(client, comment)], right="portrait")).json["id"]
    clock.advance(days=5)  # the first is overdue (8 days), the second has 2 days left
    hanako = Moderator(app, "hanako")
    page = hanako.get("/review/requests").text
    assert page.index(first) < page.index(second)
    rows = re.findall(r'<tr class="([^"]*)" data-request-id="([^"]+)"', page)
    assert rows == [("overdue", first), ("due-soon", second)]
    assert "1.0日超過" in page and "あと2.0日" in page
    assert 'id="deadline-banner"' in page and "期限切れの依頼が1件" in page
    no_inline_code(page)


def test_a_moderator_moves_a_request_through_its_steps_with_forms(app, client, comment, accounts, clock):
    with_clock(app, clock)
    comment_id = post_comment(client, comment, text=HOSTILE + " この人は詐欺師です", author={"id": "poster-3"})
    request_id = file(client, request_body([comment_id], explanation=HOSTILE)).json["id"]
    hanako = Moderator(app, "hanako")
    detail = hanako.get(f"/review/requests/{request_id}")
    assert detail.status_code == 200
    assert HOSTILE not in detail.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in detail.text
    assert "投稿者の履歴: 投稿1件" in detail.text
    no_inline_code(detail.text)
    path = f"/review/requests/{request_id}"
    assert hanako.form(f"{path}/step", {"site": "test", "step": "investigating"}, csrf=False).status_code == 400
    assert hanako.form(f"{path}/step", {"site": "test", "step": "investigating"}).status_code == 303
    clock.advance(days=1)
    assert hanako.form(f"{path}/step", {"site": "test", "step": "poster_consulted"}).status_code == 303
    clock.advance(days=1)
    decided = hanako.form(f"{path}/decide", {"site": "test", "outcome": "removed", "criterion": "privacy",
                                             "reason": "名誉毀損に当たると判断しました。"}, follow_redirects=True)
    assert "判断を記録しました" in decided.text
    assert re.search(r'class="comment-status" data-status="rejected">非公開</b> \(削除依頼\)', decided.text)
    actions = re.findall(r'<li data-action="([a-z_]+)">', decided.text)
    assert actions == ["received", "investigating", "poster_consulted", "decided", "requester_notified"]
    with app.app_context():
        assert get_requests("test").get(request_id)["decided_by"] == "hanako"
    again = hanako.form(f"{path}/decide", {"site": "test", "outcome": "not_removed", "criterion": "not_infringing",
                                           "reason": "y"}, follow_redirects=True)
    assert "この依頼はすでに判断されています。" in again.text and "already decided" not in again.text


def test_while_the_poster_is_consulted_the_request_page_shows_their_answer_deadline(app, client, comment, accounts,
                                                                                   clock):
    """Deciding before a consulted poster's 7 days are out gives up the wait the safe harbour rests on (the s28 trial:
    the page showed only the request's deadline, 14 days, and the API's consult_until nowhere)."""
    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    hanako = Moderator(app, "hanako")
    path = f"/review/requests/{request_id}"
    assert 'id="consult-until"' not in hanako.get(path).text  # not consulted yet
    clock.advance(days=1)
    assert hanako.form(f"{path}/step", {"site": "test", "step": "poster_consulted"}).status_code == 303
    clock.advance(days=2)
    page = hanako.get(path).text
    assert re.search(r'<dt>投稿者の回答期限</dt><dd id="consult-until" class="">'
                     r'<time datetime="2026-11-10T01:00:00.000Z">2026-11-10 10:00:00 JST</time> \(あと5\.0日\)</dd>',
                     page), page
    assert "Poster&#39;s answer due" in hanako.get(f"{path}?lang=en").text
    clock.advance(days=6)
    late = hanako.get(f"{path}?lang=ja").text
    assert re.search(r'id="consult-until" class="overdue">.*\(回答のないまま期限を過ぎました\)</dd>', late)
    with app.app_context():
        process.poster_answer("test", request_id, "事実に基づいて書きました。")
    answered = hanako.get(path).text
    assert 'id="consult-until"' not in answered and "事実に基づいて書きました。" in answered
    no_inline_code(page)


def test_an_appeal_is_decided_by_another_moderator_on_the_page(app, client, comment, accounts, clock):
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    request_id = file(client, request_body([comment_id])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
        process.appeal("test", request_id, "取材に基づく事実です。")
    path = f"/review/requests/{request_id}"
    fields = {"site": "test", "outcome": "not_removed", "criterion": "public_interest", "reason": "再検討の結果です。"}
    hanako, jiro = Moderator(app, "hanako"), Moderator(app, "jiro")
    page = hanako.get(path).text  # who may decide is said before anyone tries
    assert 'id="appeal-other"' in page and "最初に判断したhanako以外の担当者が判断します" in page
    refused = hanako.form(f"{path}/decide", fields, follow_redirects=True)
    assert "異議への判断は、最初に判断した担当者とは別の担当者が行います。" in refused.text  # the page's language
    assert "another moderator" not in refused.text and "取材に基づく事実です。" in refused.text
    english = hanako.form(f"{path}/decide?lang=en", fields, follow_redirects=True).text
    assert "An appeal is decided by a moderator other than the one who made the first decision." in english
    empty = jiro.form(f"{path}/decide", {**fields, "criterion": " "}, follow_redirects=True).text
    assert "適用した基準を選んでください。" in empty and "must be one of" not in empty
    assert jiro.form(f"{path}/decide", fields).status_code == 303
    with app.app_context():
        record = get_requests("test").get(request_id)
        restored = get_queue("test").get(comment_id)
    assert record["appeal_outcome"] == "not_removed" and record["appeal_decided_by"] == "jiro"
    assert restored["status"] == "pending" and restored["queue_state"] == "ready"  # back to the review queue


def test_the_request_page_shows_the_decisions_criterion_and_reason_escaped_also_to_the_appeals_decider(
        app, client, comment, accounts, clock):
    """The criterion applied and the reason given to the requester were asked for on the page but never shown again:
    after deciding, the request's page (and the second moderator deciding an appeal) saw "判断 · hanako · 削除"
    alone."""
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    request_id = file(client, request_body([comment_id])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy",
                       criterion_detail="基準2.1 " + HOSTILE, reason="氏名と勤務先を晒すものと判断しました。" + HOSTILE)
    path = f"/review/requests/{request_id}"
    for page in (Moderator(app, "hanako").get(path).text, Moderator(app, "jiro").get(f"{path}?lang=en").text):
        assert HOSTILE not in page and page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
        assert re.search(r'id="decision-criterion"[^>]*>(プライバシーの侵害|Invasion of privacy)<br>', page), page
        assert re.search(r'id="decision-criterion-detail"[^>]*>基準2\.1 &lt;script&gt;', page), page
        assert re.search(r'id="decision-reason"[^>]*>氏名と勤務先を晒すものと判断しました。&lt;script&gt;', page)
    assert "適用した基準" in Moderator(app, "hanako").get(path).text
    with app.app_context():
        process.appeal("test", request_id, "事実です。")
    appealed = Moderator(app, "jiro").get(path).text  # the decider of the appeal reads what the first decision said
    assert 'id="appeal-other"' in appealed and re.search(r'id="decision-criterion-detail"[^>]*>基準2\.1 ', appealed)
    assert re.search(r'id="decision-reason"[^>]*>氏名と勤務先を晒す', appealed)


def test_a_failed_notice_is_recorded_and_sent_again_from_the_page(make_app, comment, accounts, clock):
    """The SMTP server is down when the decision is recorded: the decision stands, the audit says
    notice_failed, the page offers to notify again, and once the server is up the mail goes out."""
    box = Mailbox()  # its port is chosen, nothing listens on it yet
    app = with_clock(make_app(SMTP_URL=box.url, SMTP_TIMEOUT=2), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    hanako = Moderator(app, "hanako")
    path = f"/review/requests/{request_id}"
    page = hanako.form(f"{path}/decide", {"site": "test", "outcome": "not_removed", "criterion": "public_interest",
                                          "reason": "論評の範囲内です。"}, follow_redirects=True).text
    assert 'id="notice-failed"' in page and "判断済み" in page
    assert hanako.form(f"{path}/notify", {"site": "test"}, follow_redirects=True).text.count("notice-failed") == 1
    with box:
        page = hanako.form(f"{path}/notify", {"site": "test"}, follow_redirects=True).text
    assert "依頼者に通知しました" in page and 'id="notice-failed"' not in page
    assert [to for _, to, _ in box.messages] == [["hanako@example.jp"]]
    actions = re.findall(r'<li data-action="([a-z_]+)">', page)
    assert actions == ["received", "decided", "notice_failed", "notice_failed", "requester_notified"]
    undecided = file(client, request_body([post_comment(client, comment)])).json["id"]
    answer = hanako.form(f"/review/requests/{undecided}/notify", {"site": "test"}, follow_redirects=True)
    assert answer.status_code == 200 and "この依頼はまだ判断されていません。" in answer.text


def test_the_request_page_shows_a_held_comments_queue_history(make_app, comment, accounts, clock):
    app = with_clock(make_app(THRESHOLDS={"spam": {"review": 0.0, "reject": 1.01},
                                          "abuse": {"review": 0.0, "reject": 1.01}}), clock)
    client = app.test_client()
    comment_id = post_comment(client, comment)  # every comment is held for review here
    hanako = Moderator(app, "hanako")
    hanako.claim()
    request_id = file(client, request_body([comment_id])).json["id"]
    page = hanako.get(f"/review/requests/{request_id}").text
    history = page.split('<ul class="comment-history">')[1].split("</ul>")[0]
    assert "審査キューへ" in history and "担当" in history and "hanako" in history  # the steps in the page's language
    assert 'data-status="pending">審査待ち</b>' in page


def test_a_moderator_sees_only_the_removal_requests_of_their_sites(app, client, comment, accounts, clock):
    """Requests carry the requester's name and e-mail: a moderator scoped to another site gets 403, an admin sees it."""
    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    accounts.set_sites("jiro", ["other"])
    jiro = Moderator(app, "jiro")
    assert jiro.get("/review/requests?site=test").status_code == 403
    assert jiro.get(f"/review/requests/{request_id}?site=test").status_code == 403
    assert request_id not in jiro.get("/review/requests?site=other").text
    assert request_id in Moderator(app, "taro").get("/review/requests?site=test").text


def test_every_moderator_page_counts_the_open_requests_beside_their_link(app, client, comment, accounts, clock):
    """A request is seen the day it arrives, from the queue or any other page, not only on /review/requests: the
    navigation counts the open ones, red once one is due within REQUEST_ALERT_DAYS (2), and none once decided."""
    with_clock(app, clock)
    hanako = Moderator(app, "hanako")
    badge = re.compile(r'<span class="nav-count( nav-count-due)?" id="nav-requests-count" title="([^"]*)">(\d+)</span>')
    assert not badge.search(hanako.get("/review").text)
    first = file(client, request_body([post_comment(client, comment)])).json["id"]
    file(client, request_body([post_comment(client, comment)]))
    for path in ("/review", "/review/history", "/review/articles", "/review/requests"):
        found = badge.search(hanako.get(path).text)
        assert found and found.group(3) == "2" and not found.group(1), path
    assert found.group(2) == "対応中の削除依頼 2件(うち期限が近いか過ぎたもの 0件)"
    clock.advance(days=5.5)  # 1.5 days left: due soon
    found = badge.search(hanako.get("/review").text)
    assert found.group(1) == " nav-count-due" and found.group(3) == "2"
    with app.app_context():
        process.decide("test", first, "not_removed", "hanako", criterion="public_interest", reason="論評の範囲内です。")
    assert badge.search(hanako.get("/review?lang=en").text).group(2) == \
        "1 open removal request(s), 1 of them due soon or overdue"


def test_the_request_page_shows_the_article_each_comment_was_posted_under_escaped(app, client, comment, accounts,
                                                                                   clock):
    """A moderator weighing a removal reads the comment against its article (a report of a trial, a column), which the
    page did not show: now the title and link the comment came with, else the site's registered article, escaped."""
    with_clock(app, clock)
    auth = {"Authorization": f"Bearer {API_KEY}"}
    with_own = post_comment(client, comment, article_id="art-7", article_title=HOSTILE + "裁判の記事",
                            article_url="https://news.example.jp/articles/7?page=2&ref=top")
    assert client.put("/api/v1/articles/art-8", json={"title": "市長の会見", "url": "https://news.example.jp/a/8"},
                      headers=auth).status_code == 200
    registered = post_comment(client, comment, article_id="art-8")
    bare = post_comment(client, comment, article_id="art-9")
    request_id = file(client, request_body([with_own, registered, bare])).json["id"]
    page = Moderator(app, "hanako").get(f"/review/requests/{request_id}").text
    no_inline_code(page)
    assert HOSTILE not in page
    sections = {cid: page.split(f'data-comment-id="{cid}"')[1].split("</section>")[0]
                for cid in (with_own, registered, bare)}
    own = re.search(r'<p class="request-article">掲載記事: <a href="([^"]+)" rel="noopener noreferrer" '
                    r'target="_blank"><bdi>([^<]+)</bdi></a> <code>art-7</code>', sections[with_own])
    assert own, sections[with_own]
    assert own.group(1) == "https://news.example.jp/articles/7?page=2&amp;ref=top"
    assert own.group(2) == "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;裁判の記事"
    assert ('<a href="https://news.example.jp/a/8" rel="noopener noreferrer" target="_blank"><bdi>市長の会見</bdi></a> '
            "<code>art-8</code>") in sections[registered]
    assert '<p class="request-article">掲載記事: <code>art-9</code></p>' in sections[bare]  # only its id is known


def test_a_request_form_over_the_body_limit_is_the_readers_413_page(make_app, comment):
    """The readers' error page read the body again for its `site` field, so the public form's 413 (a body over
    MAX_CONTENT_LENGTH) raised inside its own handler and the reader got a bare 500 (found in session 26's audit)."""
    client = make_app(RATE_LIMITS="", REQUEST_RATE_LIMIT="").test_client()
    held = post_comment(client, comment)
    fields = form_fields(client, held, explanation="削除してください。" * 8000)
    for path in ("/requests/new", "/requests/new?site=test&lang=en"):
        answer = client.post(path, data=fields)
        assert answer.status_code == 413, answer.text[:300]
        assert answer.mimetype == "text/html" and "Internal Server Error" not in answer.text
    assert '<html lang="en">' in answer.text
