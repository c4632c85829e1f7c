"""The admins' pages through Flask's test client: thresholds, the model registry, shadow report, quiet hours."""

import json
import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from moderation.labels import CATEGORIES
from tests.support.app import API_KEY

SPAM = "副業で月収100万円！今すぐLINE追加してね"
HAM = "今日の記事はとても参考になりました。"
PAGES = ["/review/admin/thresholds", "/review/admin/model"]
POSTS = [("/review/admin/thresholds", {"label": "spam", "review": "0.3", "reject": "0.9"}),
         ("/review/admin/model/activate", {"version": "x"}), ("/review/admin/model/rollback", {}),
         ("/review/admin/model/shadow", {"version": "off"})]
APIS = ["/review/admin/api/thresholds", "/review/admin/api/model"]
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def make_admin_app(make_app, two_models, thresholds):
    root, (v1, sha1), _ = two_models

    def build(**extra):
        config = {"MODEL_DIR": str(root), "MODEL_VERSION": v1, "MODEL_SHA256": sha1, "MODEL_CHECK_SECONDS": 3600,
                  "THRESHOLDS": thresholds.flag_all, "RATE_LIMITS": "", **extra}
        return make_app(**config)

    return build


@pytest.fixture
def aapp(make_admin_app):
    return make_admin_app()


@pytest.fixture
def taro(aapp, login):
    return login(aapp, "taro")


@pytest.fixture
def hanako(aapp, login):
    return login(aapp, "hanako")


@pytest.fixture
def submit(aapp, auth, comment):
    api = aapp.test_client()

    def post(text=SPAM, **fields):
        body = comment(text, **fields)
        response = api.post("/api/v1/comments", json=body, headers=auth)
        assert response.status_code == 200, response.text
        return body["id"]

    return post


def manager_of(app):
    return app.extensions["moderation.models"]


def audit(rdb, prefix):
    return [fields for _, fields in rdb.xrange(f"{prefix}model:audit")]


# -- who may see what ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [*PAGES, "/review/admin/thresholds?site=other"])
@pytest.mark.slow
def test_pages_redirect_to_login_without_a_session(aapp, path):
    response = aapp.test_client().get(path)
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
    assert "/review/admin/" in response.headers["Location"].replace("%2F", "/")


@pytest.mark.parametrize(("path", "data"), POSTS)
def test_forms_without_a_session_redirect_and_change_nothing(aapp, rdb, prefix, path, data):
    response = aapp.test_client().post(path, data=data)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert audit(rdb, prefix) == []


@pytest.mark.parametrize("path", APIS)
def test_json_endpoints_answer_401_without_a_session(aapp, path):
    response = aapp.test_client().get(path)
    assert response.status_code == 401 and response.json["error"]["code"] == "unauthorized"


def test_a_moderator_gets_403_everywhere_and_no_admin_links(hanako, rdb, prefix):
    for path in PAGES:
        response = hanako.get(path)
        assert response.status_code == 403 and "この操作を行う権限がありません" in response.text
    for path, data in POSTS:
        assert hanako.form(path, data).status_code == 403
    for path in APIS:
        response = hanako.get(path)
        assert response.status_code == 403 and response.json["error"]["code"] == "forbidden"
    assert audit(rdb, prefix) == []
    queue_page = hanako.get("/review").text
    assert "/review/admin/" not in queue_page and "しきい値" not in queue_page


def test_an_admin_sees_the_nav_links(taro):
    page = taro.get("/review").text
    assert 'href="/review/admin/thresholds"' in page and 'href="/review/admin/model"' in page
    admin = taro.get("/review/admin/model").text
    assert re.search(r'<a href="/review/admin/model" aria-current="page">', admin)


@pytest.mark.slow
@pytest.mark.parametrize(("path", "data"), POSTS)
@pytest.mark.parametrize("token", [None, "forged-token"])
def test_forms_without_a_valid_csrf_token_are_400(taro, rdb, prefix, path, data, token):
    extra = {"csrf_token": token} if token else {}
    response = taro.form(path, {**data, **extra}, csrf=False)
    assert response.status_code == 400 and "ページを再読み込み" in response.text
    assert audit(rdb, prefix) == []


@pytest.mark.slow
def test_unknown_site_is_a_404_page(taro):
    response = taro.get("/review/admin/thresholds?site=nope")
    assert response.status_code == 404 and "見つかりません" in response.text
    assert taro.get("/review/admin/api/thresholds?site=nope").status_code == 404


@pytest.mark.slow
def test_pages_and_responses_carry_no_store_and_the_csp(taro):
    response = taro.get("/review/admin/thresholds")
    assert response.headers["Cache-Control"] == "no-store"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<script" not in response.text and " style=" not in response.text


# -- thresholds ----------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_threshold_page_shows_a_chart_per_label_the_current_thresholds_and_the_caveat(taro, submit):
    spam_ids = [submit(SPAM) for _ in range(3)]
    ham_ids = [submit(HAM) for _ in range(2)]
    for comment_id in spam_ids:
        taro.decide(comment_id, "reject", "spam")
    for comment_id in ham_ids:
        taro.decide(comment_id, "approve")
    page = taro.get("/review/admin/thresholds").text
    for label in ("spam", "abuse"):
        block = page.split(f'data-label="{label}"')[1].split("</section>")[0]
        assert block.count("<svg") == 1
        for series in ("precision", "recall", "volume", "current"):
            assert f'data-series="{series}"' in block
        assert 'name="review" min="0" max="1.01" step="any" required value="0.00"' in block
        assert "現在のしきい値: 審査 0.00 / 自動却下 1.01" in block
    spam = page.split('data-label="spam"')[1].split("</section>")[0]
    assert "判定済み 5件(うち該当 3件)" in spam
    assert "判定が 5 件しかないため、この曲線はまだ当てになりません" in spam  # issue 14: < 30 decisions
    assert re.search(r'<path d="M[\d.,]+ L', spam)  # a drawn precision or recall line
    assert "現在の審査しきい値より下の曲線は読者からの通報だけに基づいて" in page
    assert "夜間モードは設定されていません" in page
    english = taro.get("/review/admin/thresholds?lang=en").text
    assert "below it the curve rests on reader reports only" in english and "5 decided (3 positive)" in english
    data = taro.get("/review/admin/api/thresholds").json
    assert data["labels"]["spam"]["decided"] == 5 and data["labels"]["spam"]["positives"] == 3
    assert len(data["labels"]["spam"]["points"]) == len(data["labels"]["spam"]["volume_per_day"]) == 100
    assert data["labels"]["spam"]["volume_per_day"][0] >= 5
    assert data["thresholds"]["spam"] == {"review": 0.0, "reject": 1.01}


@pytest.mark.slow
def test_saving_thresholds_takes_effect_at_once_and_is_audited(taro, aapp, rdb, prefix):
    response = taro.form("/review/admin/thresholds", {"site": "test", "label": "spam", "review": "0.35",
                                                      "reject": "0.9"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/review/admin/thresholds?site=test")
    manager = manager_of(aapp)
    before = dict(manager.policy.thresholds["spam"])
    assert manager.policy_for("test").thresholds["spam"] == {"review": 0.35, "reject": 0.9}
    assert manager.policy.thresholds["spam"] == before != {"review": 0.35, "reject": 0.9}  # only this site's
    [entry] = audit(rdb, prefix)
    assert entry["what"] == "thresholds" and entry["by"] == "taro"
    assert json.loads(json.loads(entry["detail"])["thresholds"]) == {
        "sites": {"test": {"spam": {"review": 0.35, "reject": 0.9}}}}
    page = taro.get("/review/admin/thresholds").text
    assert "スパムのしきい値を保存しました(審査 0.35 / 自動却下 0.9)" in page
    assert "現在のしきい値: 審査 0.35 / 自動却下 0.90" in page
    # a second label keeps the first one's saved values
    taro.form("/review/admin/thresholds", {"site": "test", "label": "abuse", "review": "0", "reject": "1.01"})
    assert manager.policy_for("test").thresholds["spam"] == {"review": 0.35, "reject": 0.9}
    assert manager.policy_for("test").thresholds["abuse"] == {"review": 0.0, "reject": 1.01}
    assert [e["by"] for e in audit(rdb, prefix)] == ["taro", "taro"]


@pytest.mark.slow
def test_saved_thresholds_reach_another_worker_at_its_next_check(taro, make_admin_app, auth, comment):
    other = make_admin_app(MODEL_CHECK_SECONDS=0)  # a second worker on the same Redis
    taro.form("/review/admin/thresholds", {"site": "test", "label": "abuse", "review": "0.6", "reject": "0.99"})
    deadline = time.monotonic() + 10
    while manager_of(other).policy_for("test").thresholds["abuse"] != {"review": 0.6, "reject": 0.99}:
        assert time.monotonic() < deadline, manager_of(other).policy_for("test").thresholds
        other.test_client().post("/api/v1/comments", json=comment(), headers=auth)  # a request triggers the check
        time.sleep(0.05)


@pytest.mark.slow
def test_a_worker_that_cannot_apply_the_pins_says_so(taro, aapp, monkeypatch):
    manager = manager_of(aapp)

    def failing(pins=None):
        manager.last_error = "0000.00.00-tiny: model.joblib is missing"
        return False

    monkeypatch.setattr(manager, "refresh", failing)
    page = taro.form("/review/admin/thresholds", {"site": "test", "label": "spam", "review": "0.3", "reject": "0.9"},
                     follow_redirects=True).text
    assert "モデルを読み込めませんでした: 0000.00.00-tiny: model.joblib is missing" in page


@pytest.mark.slow
@pytest.mark.parametrize(("review", "reject"), [("0.9", "0.5"), ("-0.1", "0.5"), ("0.5", "1.2"), ("abc", "0.5"),
                                                ("nan", "0.9"), ("inf", "inf"), ("", "0.9"), ("0.5", "")])
def test_invalid_thresholds_are_400_with_the_form_kept_and_nothing_saved(taro, aapp, rdb, prefix, review, reject):
    before = manager_of(aapp).policy.thresholds
    response = taro.form("/review/admin/thresholds", {"site": "test", "label": "spam", "review": review,
                                                      "reject": reject})
    assert response.status_code == 400
    assert "スパムのしきい値が無効です。0 ≤ 審査 ≤ 自動却下 ≤ 1.01" in response.text
    assert f'value="{review}"' in response.text
    assert audit(rdb, prefix) == [] and manager_of(aapp).policy.thresholds == before


@pytest.mark.slow
def test_an_unknown_label_is_400(taro, rdb, prefix):
    assert taro.form("/review/admin/thresholds", {"label": "nope", "review": "0.1", "reject": "0.2"}).status_code == 400
    assert taro.form("/review/admin/thresholds", {"review": "0.1", "reject": "0.2"}).status_code == 400
    assert audit(rdb, prefix) == []


# -- harm category thresholds (issue 12) ---------------------------------------------------------------------

def category_form(page, **changed):
    """The category form as the page shows it, with `changed` ({"threat-review": "0.2"}) typed over it."""
    block = page.split('id="categories"')[1].split("</section>")[0]
    values = dict(re.findall(r'name="([a-z_]+-(?:review|reject))"[^>]*?value="([^"]*)"', block, re.S))
    assert len(values) == 2 * len(CATEGORIES), values
    return {"site": "test", **values, **changed}


def test_every_category_has_its_thresholds_and_card_default_on_the_page(taro):
    page = taro.get("/review/admin/thresholds").text
    block = page.split('id="categories"')[1].split("</section>")[0]
    words = {"threat": "脅迫", "hate": "差別・ヘイト", "harassment": "嫌がらせ", "sexual": "性的嫌がらせ",
             "self_harm": "自傷・自殺の誘導", "personal_info": "個人情報の晒し", "defamation": "名誉毀損"}
    for name, word in words.items():
        row = block.split(f'data-category="{name}"')[1].split("</tr>")[0]
        assert f'<th scope="row">{word}</th>' in row
        assert f'name="{name}-review"' in row and f'name="{name}-reject"' in row
    harassment = block.split('data-category="harassment"')[1].split("</tr>")[0]
    assert 'value="1.01"' in harassment and "0.4 / 0.97" in harassment  # in force (FLAG_ALL); the tiny card's own
    threat = block.split('data-category="threat"')[1].split("</tr>")[0]
    assert "なし(0.5 / 1.01 で判定)" in threat  # the tiny card names no threat thresholds
    assert "モデルカードの既定値: 審査 0.5 / 自動却下 0.97" in page.split('data-label="spam"')[1]
    english = taro.get("/review/admin/thresholds?lang=en").text
    assert "Harm category thresholds" in english and '<th scope="row">personal information</th>' in english
    data = taro.get("/review/admin/api/thresholds").json
    assert set(data["thresholds"]) == {"spam", "abuse", *CATEGORIES} and data["thresholds"]["threat"]["review"] == 1.01
    assert data["card_thresholds"]["harassment"] == {"review": 0.4, "reject": 0.97}
    assert data["card_thresholds"]["threat"] is None


def test_saving_a_category_threshold_changes_routing_at_once_and_is_audited(taro, aapp, rdb, prefix, submit):
    api = aapp.test_client()
    first = api.get(f"/api/v1/comments/{submit(HAM)}", headers=AUTH).json
    assert first["decision"] == "review" and "threat" not in first["labels"]  # FLAG_ALL: spam holds everything
    form = category_form(taro.get("/review/admin/thresholds").text, **{"threat-review": "0", "threat-reject": "0"})
    response = taro.form("/review/admin/thresholds/categories", form)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/review/admin/thresholds?site=test#categories")
    assert manager_of(aapp).policy_for("test").thresholds["threat"] == {"review": 0.0, "reject": 0.0}
    [entry] = audit(rdb, prefix)  # one entry, naming only the row that changed
    assert entry["what"] == "thresholds" and entry["by"] == "taro"
    assert json.loads(json.loads(entry["detail"])["thresholds"]) == {
        "sites": {"test": {"threat": {"review": 0.0, "reject": 0.0}}}}
    second = api.get(f"/api/v1/comments/{submit(HAM)}", headers=AUTH).json
    assert second["decision"] == "reject" and "threat" in second["labels"]
    page = taro.get("/review/admin/thresholds").text
    assert "カテゴリのしきい値を保存しました: 脅迫(審査 0.0 / 自動却下 0.0)。" in page
    # the same form sent again changes nothing and writes no audit entry
    again = taro.form("/review/admin/thresholds/categories", category_form(page), follow_redirects=True).text
    assert "カテゴリのしきい値に変更はありません。" in again and len(audit(rdb, prefix)) == 1
    # the single-label form takes a category too, and keeps the threat row saved before
    taro.form("/review/admin/thresholds", {"site": "test", "label": "hate", "review": "0.2", "reject": "0.9"})
    assert manager_of(aapp).policy_for("test").thresholds["hate"] == {"review": 0.2, "reject": 0.9}
    assert manager_of(aapp).policy_for("test").thresholds["threat"] == {"review": 0.0, "reject": 0.0}


@pytest.mark.parametrize(("changed", "message", "bad"), [
    ({"threat-review": "abc"}, "脅迫の審査しきい値が無効です。0 から 1.01 までの数値を入力してください。",
     "threat-review"),
    ({"sexual-reject": "1.5"}, "性的嫌がらせの自動却下しきい値が無効です。0 から 1.01 までの数値を入力してください。",
     "sexual-reject"),
    ({"self_harm-review": ""}, "自傷・自殺の誘導の審査しきい値が無効です。", "self_harm-review"),
    ({"personal_info-reject": "nan"}, "個人情報の晒しの自動却下しきい値が無効です。", "personal_info-reject"),
    ({"hate-review": "0.9", "hate-reject": "0.5"},
     "差別・ヘイト: 審査しきい値(0.9)が自動却下しきい値(0.5)を超えています。", "hate-review"),
])
@pytest.mark.slow
def test_an_invalid_category_field_is_400_naming_it_with_nothing_saved(taro, aapp, rdb, prefix, changed, message,
                                                                       bad):
    before = manager_of(aapp).policy_for("test").thresholds
    form = category_form(taro.get("/review/admin/thresholds").text, **{"defamation-review": "0.3", **changed})
    response = taro.form("/review/admin/thresholds/categories", form)
    assert response.status_code == 400 and message in response.text
    field = response.text.split(f'name="{bad}"')[1].split(">")[0]
    assert 'aria-invalid="true"' in field and "autofocus" in field and f'value="{changed[bad]}"' in field
    assert 'name="defamation-review"' in response.text.split('value="0.3"')[0][-400:]  # what was typed stays
    assert audit(rdb, prefix) == [] and manager_of(aapp).policy_for("test").thresholds == before


def test_the_category_form_needs_the_csrf_token_and_an_admin(taro, hanako, rdb, prefix):
    form = category_form(taro.get("/review/admin/thresholds").text, **{"threat-review": "0"})
    assert taro.form("/review/admin/thresholds/categories", form, csrf=False).status_code == 400
    assert hanako.form("/review/admin/thresholds/categories", form).status_code == 403
    assert audit(rdb, prefix) == []


def test_a_saved_category_threshold_reaches_another_worker(taro, make_admin_app, auth, comment):
    other = make_admin_app(MODEL_CHECK_SECONDS=0)  # a second worker on the same Redis
    form = category_form(taro.get("/review/admin/thresholds").text, **{"personal_info-review": "0.25"})
    assert taro.form("/review/admin/thresholds/categories", form).status_code == 302
    deadline = time.monotonic() + 10
    while manager_of(other).policy_for("test").thresholds["personal_info"]["review"] != 0.25:
        assert time.monotonic() < deadline, manager_of(other).policy_for("test").thresholds
        other.test_client().post("/api/v1/comments", json=comment(), headers=auth)  # a request triggers the check
        time.sleep(0.05)


# -- model registry ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_model_page_lists_versions_metrics_and_which_is_active(taro, two_models):
    _, (v1, _), (v2, _) = two_models
    page = taro.get("/review/admin/model").text
    assert f'data-version="{v1}" class="row-current"' in page and f'data-version="{v2}"' in page
    assert "稼働中" in page and "2026-11-26 19:00:00 JST" in page and "+00:00" not in page  # JST, like the queue
    assert "1セット平均 ROC-AUC 0.900 / PR-AUC 0.800" in page
    assert "シャドーモードは停止しています" in page and "ロールバック(戻せるバージョンはありません)" in page
    data = taro.get("/review/admin/api/model").json
    assert data["served"] == v1 and [v["active"] for v in data["versions"]] == [v["version"] == v1
                                                                              for v in data["versions"]]


@pytest.mark.slow
def test_activate_and_roll_back_from_the_page(taro, aapp, two_models, rdb, prefix):
    _, (v1, _), (v2, _) = two_models
    response = taro.form("/review/admin/model/activate", {"version": v2})
    assert response.status_code == 302 and response.headers["Location"].endswith("/review/admin/model")
    assert manager_of(aapp).active.version == v2
    page = taro.get("/review/admin/model").text
    assert f"{v2} を有効にしました。" in page and f"{v1} にロールバック" in page
    assert f'data-version="{v2}" class="row-current"' in page
    taro.form("/review/admin/model/rollback")
    assert manager_of(aapp).active.version == v1
    assert f"{v1} にロールバックしました。" in taro.get("/review/admin/model").text
    assert [(e["what"], e["by"]) for e in audit(rdb, prefix)] == [("activate", "taro"), ("rollback", "taro")]
    taro.form("/review/admin/model/rollback")  # nothing left to roll back to: a notice
    assert "変更は拒否されました: no previous version to roll back to" in taro.get("/review/admin/model").text
    assert manager_of(aapp).active.version == v1


@pytest.mark.slow
def test_a_refused_activation_is_a_notice_and_the_active_model_stays(taro, aapp, two_models, tampered_version, rdb,
                                                                     prefix):
    _, (v1, _), _ = two_models
    response = taro.form("/review/admin/model/activate", {"version": "no-such-version"}, follow_redirects=True)
    assert response.status_code == 200
    assert "変更は拒否されました: no artifact &#39;no-such-version&#39;" in response.text
    assert "稼働中のモデルはそのままです" in response.text
    page = taro.form("/review/admin/model/activate", {"version": tampered_version}, follow_redirects=True).text
    assert "does not match SHA256" in page
    page = taro.form("/review/admin/model/shadow", {"version": tampered_version}, follow_redirects=True).text
    assert "does not match SHA256" in page
    assert taro.form("/review/admin/model/activate", {"version": "../etc"}, follow_redirects=True).status_code == 200
    assert taro.form("/review/admin/model/activate", {}).status_code == 400
    assert manager_of(aapp).active.version == v1 and manager_of(aapp).shadow is None
    assert audit(rdb, prefix) == []


def test_the_last_load_error_is_shown(taro, aapp):
    manager_of(aapp).last_error = "model.joblib could not be read <b>"
    page = taro.get("/review/admin/model").text
    assert "直近の読み込みエラー: model.joblib could not be read &lt;b&gt;" in page


def test_shadow_mode_from_the_page_and_its_report(taro, aapp, two_models, submit, rdb, prefix):
    _, (v1, _), (v2, _) = two_models
    assert "比較の記録はまだありません" in taro.get("/review/admin/model").text
    taro.form("/review/admin/model/shadow", {"version": v2})
    manager = manager_of(aapp)
    assert manager.shadow.version == v2 and manager.active.version == v1
    # the flipped shadow model disagrees about spam; saved thresholds make the two decide differently
    taro.form("/review/admin/thresholds", {"site": "test", "label": "spam", "review": "0.5", "reject": "0.97"})
    taro.form("/review/admin/thresholds", {"site": "test", "label": "abuse", "review": "0.5", "reject": "0.97"})
    ids = [submit(text, article_id="article-9") for text in [SPAM, HAM, '<img src=x onerror=alert(1)>副業で稼ぐ'] * 2]
    report = manager.registry.shadow_report(v2)
    assert report["total"] == 6 and report["disagree"] >= 2
    page = taro.get("/review/admin/model").text
    section = page.split('id="shadow-report"')[1].split("</section>")[0]
    assert f'data-version="{v2}"' in section and "シャドー" in section
    assert f"比較 6件、不一致 {report['disagree']}件({report['rate'] * 100:.1f}%)" in section
    assert "稼働中「" in section and "→ シャドー「" in section
    sampled = {s[1] for s in report["samples"]}
    assert sampled <= set(ids) and all(f'data-comment-id="{i}"' in section for i in sampled)
    assert "/review/history?site=test&amp;article=article-9" in section
    assert "<img src=x" not in page
    assert f"シャドーモード: {v2}" in page
    taro.form("/review/admin/model/shadow", {"version": "off"})
    assert manager.shadow is None
    page = taro.get("/review/admin/model").text
    assert "シャドーモードは停止しています" in page and f'class="shadow-report" data-version="{v2}"' in page
    assert [e["what"] for e in audit(rdb, prefix)] == ["shadow", "thresholds", "thresholds", "shadow_off"]


@pytest.mark.slow
def test_activating_the_shadow_version_stops_shadow_mode(taro, aapp, two_models, rdb, prefix):
    _, (v1, _), (v2, _) = two_models
    taro.form("/review/admin/model/shadow", {"version": v2})
    taro.form("/review/admin/model/activate", {"version": v2})
    manager = manager_of(aapp)
    assert manager.active.version == v2 and manager.shadow is None
    assert [e["what"] for e in audit(rdb, prefix)] == ["shadow", "activate", "shadow_off"]
    taro.form("/review/admin/model/shadow", {"version": v1})  # the old one can shadow the new one
    assert manager.shadow.version == v1 and manager.active.version == v2


@pytest.mark.slow
def test_webhook_delivery_stats_per_site(taro, rdb, prefix):
    rdb.hset(f"{prefix}{{test}}:outbox:stats", mapping={"delivered": 7, "failed": 2,
                                                          "last_error": "HTTP 503 from <site>"})
    page = taro.get("/review/admin/model").text
    section = page.split('id="webhooks"')[1].split("</section>")[0]
    test_row = section.split('data-site="test"')[1].split("</tr>")[0]
    assert "<td>7" in test_row and "<td>2</td>" in test_row and "HTTP 503 from &lt;site&gt;" in test_row
    assert 'data-site="other"' in section and "未設定" in section


# -- quiet hours ---------------------------------------------------------------------------------------------

def quiet_around_now(offset_hours, mode="lower"):
    now = datetime.now(ZoneInfo("Asia/Tokyo"))
    start, end = (now.hour + offset_hours) % 24, (now.hour + offset_hours + 3) % 24  # an hour's margin
    return json.dumps({"start": f"{start:02d}:00", "end": f"{end:02d}:00", "tz": "Asia/Tokyo", "mode": mode,
                       "scale": 0.5})


@pytest.mark.slow
def test_quiet_hours_banner_on_every_review_page_while_active(make_admin_app, accounts, login):
    app = make_admin_app(QUIET_HOURS=quiet_around_now(-1))
    taro = login(app, "taro")
    for path in ["/review", "/review/history", *PAGES]:
        page = taro.get(path).text
        assert 'id="quiet-banner"' in page and "夜間モード: " in page
        assert "(Asia/Tokyo) は審査基準を下げています" in page
    hanako = login(app, "hanako")
    assert 'id="quiet-banner"' in hanako.get("/review").text
    assert 'id="quiet-banner"' not in app.test_client().get("/login").text  # not before logging in
    thresholds = taro.get("/review/admin/thresholds").text
    assert "現在、夜間モードが有効です。" in thresholds and "審査しきい値を0.5倍に下げ" in thresholds
    english = taro.get("/review/admin/thresholds?lang=en").text
    assert "Quiet hours: " in english and "(Asia/Tokyo) the review threshold is lowered" in english
    assert taro.get("/review/admin/api/thresholds").json["quiet_hours"]["active"] is True


@pytest.mark.slow
def test_quiet_hours_schedule_shown_but_no_banner_outside_it(make_admin_app, accounts, login):
    app = make_admin_app(QUIET_HOURS=quiet_around_now(6, mode="hold"))
    taro = login(app, "taro")
    assert 'id="quiet-banner"' not in taro.get("/review").text
    page = taro.get("/review/admin/thresholds").text
    assert 'id="quiet-banner"' not in page
    assert "時間帯: " in page and "すべてのコメントを保留し" in page
    assert "現在は夜間モードの時間帯ではありません" in page


@pytest.mark.slow
def test_hold_mode_banner(make_admin_app, accounts, login):
    app = make_admin_app(QUIET_HOURS=quiet_around_now(-1, mode="hold"))
    assert "はすべてのコメントを保留しています" in login(app, "taro").get("/review/history").text
