"""Words the legal contact and the moderators read, found trying the product as its users do (session 26): the public
transparency report's "rejected by moderators, by reason" table printed a harm category as its code (harassment, in
the Japanese report) where the label table above it says 嫌がらせ; and a removal request's page listed its comments'
steps as queued, claimed, released and lease_expired, and a moderator's reason as its code, in both languages."""

import re

from tests.test_requests import file, post_comment, request_body


def _rejected_for_harassment(app, client, comment, login):
    """A held comment that hanako claimed, gave back, claimed again and rejected for harassment."""
    comment_id = post_comment(client, comment, text="記者は無能。辞めちまえ")
    hanako = login(app, "hanako")
    assert [card["id"] for card in hanako.claim()] == [comment_id]
    assert hanako.post("/review/api/skip", {"id": comment_id}).status_code == 200
    assert [card["id"] for card in hanako.claim()] == [comment_id]
    answer = hanako.post("/review/api/decide", {"id": comment_id, "action": "reject", "reason": "harassment"})
    assert answer.status_code == 200, answer.text
    return comment_id


def test_the_public_report_names_a_moderators_reason_in_the_pages_language(make_app, thresholds, comment, login):
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    client = app.test_client()
    _rejected_for_harassment(app, client, comment, login)
    for lang, name in (("ja", "嫌がらせ"), ("en", "harassment")):
        html = client.get(f"/transparency?site=test&lang={lang}").text
        table = html[html.index("<h3>", html.index('id="report-comments"')):]
        reasons = table[table.index("</h3>", table.index("<h3>", 5)):]
        assert f'<th scope="row">{name}</th><td class="num">1</td>' in reasons, reasons[:400]
    assert '<th scope="row">harassment</th>' not in client.get("/transparency?site=test&lang=ja").text


def test_a_requests_page_names_each_step_of_its_comments_and_the_reason_in_the_pages_language(
        make_app, thresholds, comment, login):
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    client = app.test_client()
    comment_id = _rejected_for_harassment(app, client, comment, login)
    request_id = file(client, request_body([comment_id])).json["id"]
    taro = login(app, "taro")
    for lang, words in (("ja", ("審査キューへ", "担当", "担当を解除", "却下", "(嫌がらせ)")),
                        ("en", ("queued", "claimed", "released", "rejected", "(harassment)"))):
        html = taro.get(f"/review/requests/{request_id}?lang={lang}").text
        section = html[html.index(f'data-comment-id="{comment_id}"'):]
        section = section[:section.index("</section>")]
        steps = re.findall(r"<li>[^<]* · ([^<]*) · (?:<bdi>|自動</li>|auto</li>)", section)  # 自動: by the service
        assert steps == [words[3], words[1], words[2], words[1], words[0]], steps
        assert words[4] in section
        if lang == "ja":
            assert not {"queued", "claimed", "released", "harassment"} & set(re.findall(r"[a-z_]+", " ".join(steps)))
            assert "(harassment)" not in section
