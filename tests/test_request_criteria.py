"""The criterion a removal decision applies is a choice from the criteria the policy sets out (the harm categories and
the rights it names), with the moderator's own words as its detail: it was free text ("基準2", "基準2(名誉毀損)",
"基準5: 公益性のある論評"), which no transparency report could count. A decision recorded before the codes is still
read and shown as written, and counted as unclassified."""

import csv
import io
import re

import pytest

from moderation.errors import ValidationError
from moderation.rights import process
from moderation.rights.criteria import CRITERIA
from moderation.store.removal_requests import get_requests
from tests.support.app import API_KEY
from tests.support.moderators import Moderator
from tests.test_requests import FakeClock, file, post_comment, request_body, with_clock

AUTH = {"Authorization": f"Bearer {API_KEY}"}
OLD = "基準2(名誉毀損): 事実の摘示"


@pytest.fixture
def clock():
    from datetime import UTC, datetime

    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())


def _decide_on_the_page(moderator, request_id, **fields):
    return moderator.form(f"/review/requests/{request_id}/decide", {"site": "test", "reason": "理由です。", **fields},
                          follow_redirects=True).text


def test_a_decision_applies_a_defined_criterion_and_the_report_counts_them(app, client, comment, accounts, clock):
    with_clock(app, clock)
    ids = [file(client, request_body([post_comment(client, comment)])).json["id"] for _ in range(4)]
    hanako = Moderator(app, "hanako")
    page = hanako.get(f"/review/requests/{ids[0]}").text
    assert re.findall(r'<option value="([a-z_]+)">', page) == list(CRITERIA) == [
        "defamation", "privacy", "portrait", "copyright", "other_right",  # the rights of the criteria's section 2
        "threat", "hate", "harassment", "sexual", "self_harm", "personal_info",  # the other harm categories
        "public_interest", "not_infringing", "not_identified"]  # section 3: why a comment stays
    assert '<option value="privacy">プライバシーの侵害</option>' in page
    assert '<option value="defamation">名誉毀損</option>' in page  # a harm category in its card's words
    for fields, words in (({"outcome": "removed", "criterion": "基準2"}, "適用した基準を選んでください。"),
                          ({"outcome": "removed", "criterion": "public_interest"}, "削除するときは削除する基準を"),
                          ({"outcome": "not_removed", "criterion": "privacy"}, "削除しないときは削除しない基準を")):
        refused = _decide_on_the_page(hanako, ids[0], **fields)
        assert words in refused and "判断を記録しました。" not in refused, fields
    with app.app_context():
        with pytest.raises(ValidationError) as error:
            process.decide("test", ids[0], "removed", "hanako", criterion="privacy", reason="r",
                           criterion_detail="x" * 501)
        assert error.value.field == "criterion_detail"
        assert get_requests("test").get(ids[0])["status"] == "received"
    shown = _decide_on_the_page(hanako, ids[0], outcome="removed", criterion="privacy",
                                criterion_detail="自宅の町名 <b>")
    assert "判断を記録しました。" in shown
    assert re.search(r'id="decision-criterion" data-criterion="privacy">プライバシーの侵害<br>'
                     r'<span id="decision-criterion-detail"[^>]*>自宅の町名 &lt;b&gt;</span>', shown), shown
    assert "判断を記録しました。" in _decide_on_the_page(hanako, ids[1], outcome="not_removed",
                                                   criterion="public_interest")
    assert "判断を記録しました。" in _decide_on_the_page(hanako, ids[2], outcome="removed", criterion="privacy")
    with app.app_context():  # a decision recorded before the codes: its criterion was the moderator's free text
        get_requests("test").decide(ids[3], "removed", "jiro", now_ms=int(clock.now * 1000), criterion=OLD,
                                    reason="削除しました。", removed=[], event={"request_id": ids[3]})

    report = client.get("/api/v1/transparency?from=2026-11-01&to=2026-11-30", headers=AUTH).json["requests"]
    counted = {code: n for code, n in report["decided_by_criterion"].items() if n}
    assert counted == {"privacy": 2, "public_interest": 1, "unclassified": 1}
    assert set(report["decided_by_criterion"]) == {*CRITERIA, "unclassified"}
    rows = list(csv.reader(io.StringIO(client.get("/api/v1/transparency?from=2026-11-01&to=2026-11-30",
                                                  headers={**AUTH, "Accept": "text/csv"}).text)))
    assert ["test", "2026-11-01", "2026-11-30", "requests.decided_by_criterion.privacy", "2"] in rows
    public = client.get("/transparency?site=test&from=2026-11-01&to=2026-11-30").text
    table = re.search(r'<table class="report-table" id="report-criteria">(.*?)</table>', public, re.S).group(1)
    assert re.search(r'data-criterion="privacy"><th scope="row">プライバシーの侵害</th><td class="num">2<', table)
    assert re.search(r'data-criterion="public_interest"><th scope="row">[^<]+</th><td class="num">1<', table)
    assert re.search(r'data-criterion="copyright"><th scope="row">著作権の侵害</th><td class="num">0<', table)
    assert re.search(r'data-criterion="unclassified"><th scope="row">基準が自由記述の判断[^<]*</th>'
                     r'<td class="num">1<', table)

    new, old = (client.get(f"/api/v1/requests/{i}", headers=AUTH).json["decision"] for i in (ids[0], ids[3]))
    assert (new["criterion"], new["criterion_detail"]) == ("privacy", "自宅の町名 <b>")
    assert (old["criterion"], old["criterion_detail"]) == (OLD, None)  # read as written
    assert new["criterion_name"] == {"ja": "プライバシーの侵害", "en": "Invasion of privacy"}
    assert old["criterion_name"] is None
    page = hanako.get(f"/review/requests/{ids[3]}").text
    assert re.search(r'id="decision-criterion" data-criterion=""><span class="excerpt" dir="auto">'
                     r'基準2\(名誉毀損\): 事実の摘示</span>', page)
    with app.app_context():
        _, notice = process.notice_text(get_requests("test").get(ids[3]))
        assert f"適用した基準: {OLD}\n" in notice and f"Criterion: {OLD}." in notice
        _, notice = process.notice_text(get_requests("test").get(ids[0]))
        assert "適用した基準: プライバシーの侵害(自宅の町名 <b>)\n" in notice
