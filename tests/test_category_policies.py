"""Article-category policies (MODERATION_CATEGORY_POLICIES): a stricter `politics` during an election period,
a site's own rules and nudge wording, and start-up refusing a rule it cannot apply."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from moderation.labels import CATEGORIES, LABELS
from moderation.scoring.policy import CategoryPolicies, Policy
from moderation.settings import SettingsError, load

TEXT = "今日の記事、とても参考になりました。"
NEVER = {"review": 1.01, "reject": 1.01}
FLAG_NONE = json.dumps({name: dict(NEVER) for name in (*LABELS, *CATEGORIES)})
STRICT = {"abuse": {"review": 0.0, "reject": 1.01}}  # every comment held while the rule is in force
WORDING = {"ja": "選挙期間中です。候補者や有権者への配慮をお願いします。",
           "en": "It is election time: please be considerate."}


def _at(hours):
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def election(start_hours=-1, end_hours=1, **extra):
    return {"thresholds": STRICT, "start": _at(start_hours), "end": _at(end_hours), **extra}


def answer(client, auth, comment, **fields):
    response = client.post("/api/v1/comments", json=comment(TEXT, **fields), headers=auth)
    assert response.status_code == 200, response.text
    return response.get_json()


def test_the_same_comment_is_held_under_politics_in_the_period_only(make_app, auth, comment):
    during = make_app(RATE_LIMITS="", THRESHOLDS=FLAG_NONE,
                      CATEGORY_POLICIES=json.dumps({"politics": election()})).test_client()
    assert answer(during, auth, comment, article_category="politics")["decision"] == "review"
    assert answer(during, auth, comment, article_category="sports")["decision"] == "allow"
    # no category, and none registered for this article: the site's thresholds
    assert answer(during, auth, comment, article_id="unregistered")["decision"] == "allow"
    after = make_app(RATE_LIMITS="", THRESHOLDS=FLAG_NONE,
                     CATEGORY_POLICIES=json.dumps({"politics": election(-48, -24)})).test_client()
    assert answer(after, auth, comment, article_category="politics")["decision"] == "allow"
    before = make_app(RATE_LIMITS="", THRESHOLDS=FLAG_NONE,
                      CATEGORY_POLICIES=json.dumps({"politics": election(24, 48)})).test_client()
    assert answer(before, auth, comment, article_category="politics")["decision"] == "allow"


def test_period_bounds_and_the_first_rule_in_force(tiny_model):
    start, end = datetime(2026, 7, 1, tzinfo=UTC).timestamp(), datetime(2026, 7, 21, tzinfo=UTC).timestamp()
    rules = CategoryPolicies({"politics": [
        {"thresholds": STRICT, "start": "2026-07-01T09:00:00+09:00", "end": "2026-07-21T09:00:00+09:00"},
        {"thresholds": {"abuse": {"review": 0.9}}},  # the rest of the year: no period
    ]})
    never = {name: dict(NEVER) for name in (*LABELS, *CATEGORIES)}
    policy = Policy(never, categories=rules.for_site("any"))
    scores = {"spam": 0.1, "abuse": 0.2, **{name: 0.01 for name in CATEGORIES}}
    assert policy.decide(scores, now=start, article_category="politics")[0] == "review"  # start is in
    assert policy.decide(scores, now=end - 1, article_category="politics")[0] == "review"
    assert policy.decide(scores, now=end, article_category="politics")[0] == "allow"  # end is out
    assert policy.rule_for("politics", end)[0].thresholds == {"abuse": {"review": 0.9}}
    assert policy.decide({**scores, "abuse": 0.95}, now=end, article_category="politics")[0] == "review"
    assert policy.decide({**scores, "abuse": 0.95}, now=end, article_category="economy")[0] == "allow"


def test_a_site_has_its_own_rules_and_wording_and_check_names_the_rule(make_app, auth, comment):
    from tests.support.app import OTHER_KEY

    policies = {"sites": {"other": {"politics": election(nudge=WORDING)}}}
    app = make_app(RATE_LIMITS="", CHECK_RATE_LIMITS="", THRESHOLDS=FLAG_NONE,
                   CATEGORY_POLICIES=json.dumps(policies))
    client = app.test_client()
    other = {"Authorization": f"Bearer {OTHER_KEY}"}
    assert answer(client, auth, comment, article_category="politics")["decision"] == "allow"  # site "test"
    assert answer(client, other, comment, article_category="politics")["decision"] == "review"
    checked = client.post("/api/v1/comments:check", json=comment(TEXT, article_category="politics"),
                          headers=other).get_json()
    assert checked["decision"] == "review" and checked["category_policy"] == "politics"
    # the rule's own wording, since the comment is held for a harm (abuse over its review threshold)
    assert checked["nudge"]["message"] == WORDING
    plain = client.post("/api/v1/comments:check", json=comment(TEXT, article_category="politics"),
                        headers=auth).get_json()
    assert plain["category_policy"] is None and plain["nudge"] is None


@pytest.mark.parametrize(("spec", "words"), [
    ("{not json", "not valid JSON"),
    ({"Politics!": {"thresholds": STRICT}}, "slug"),
    ({"politics": {"thresholds": {"rudeness": {"review": 0.1}}}}, "unknown label"),
    ({"politics": {"thresholds": {"abuse": {"review": 0.9, "reject": 0.1}}}}, "review <= reject"),
    ({"politics": {"start": "2026-07-01", "thresholds": STRICT}}, "time zone"),
    ({"politics": {"start": "2026-07-21T00:00:00+09:00", "end": "2026-07-01T00:00:00+09:00"}}, "before end"),
    ({"politics": {"nudge": {"ja": "選挙です"}}}, "nudge"),
    ({"politics": {"threshold": STRICT}}, "only"),
    ({"sites": []}, "sites"),
])
def test_start_up_refuses_a_rule_naming_the_variable(spec, words):
    raw = spec if isinstance(spec, str) else json.dumps(spec)
    with pytest.raises(SettingsError) as error:
        load({"CATEGORY_POLICIES": raw}, environ={})
    assert "MODERATION_CATEGORY_POLICIES" in str(error.value) and words in str(error.value)


def test_the_article_category_is_validated_and_stored(make_app, auth, comment, rdb, prefix):
    client = make_app(RATE_LIMITS="", THRESHOLDS=FLAG_NONE).test_client()
    bad = client.post("/api/v1/comments", json=comment(TEXT, article_category="政治"), headers=auth)
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "article_category"
    body = comment(TEXT, article_category="politics")
    assert client.post("/api/v1/comments", json=body, headers=auth).status_code == 200
    assert rdb.hget(f"{prefix}{{test}}:c:{body['id']}", "article_category") == "politics"


def test_a_comment_without_a_category_takes_its_registered_articles(make_app, auth, comment):
    client = make_app(RATE_LIMITS="", CHECK_RATE_LIMITS="", THRESHOLDS=FLAG_NONE,
                      CATEGORY_POLICIES=json.dumps({"politics": election()})).test_client()
    assert answer(client, auth, comment, article_id="senkyo-1")["decision"] == "allow"  # not registered yet
    put = client.put("/api/v1/articles/senkyo-2", json={"title": "参院選", "category": "politics"}, headers=auth)
    assert put.status_code in (200, 201), put.text
    assert answer(client, auth, comment, article_id="senkyo-2")["decision"] == "review"
    checked = client.post("/api/v1/comments:check", json=comment(TEXT, article_id="senkyo-2"), headers=auth).json
    assert checked["article_category"] == "politics" and checked["category_policy"] == "politics"
    # the comment's own category wins over the registry's
    assert answer(client, auth, comment, article_id="senkyo-2", article_category="sports")["decision"] == "allow"


def test_the_registry_is_read_once_per_article_and_worker_while_fresh(own_redis):
    """The per-worker cache over the real registry in a real Redis: one read per article per TTL, a changed
    category seen after the TTL, and a Redis that went away read as no category (and not remembered)."""
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    from moderation.scoring.article_categories import ArticleCategories
    from moderation.store.articles import Articles

    registry = Articles(own_redis.client(), "s", prefix="t:")
    registry.put("a-1", {"category": "politics"}, now_ms=1)
    asked, now = [], [100.0]

    def lookup(site, article_id):  # without redis-py's default 10 retries (~8 s here once the server is gone)
        asked.append(article_id)
        return Articles(own_redis.client(retry=Retry(NoBackoff(), 0)), site, prefix="t:").category(article_id)

    categories = ArticleCategories(lookup, clock=lambda: now[0])  # the default TTL: README says 30 s
    assert [categories.of("s", "a-1") for _ in range(50)] == ["politics"] * 50
    assert [categories.of("s", "a-2") for _ in range(5)] == [None] * 5  # "not registered" is remembered too
    assert asked == ["a-1", "a-2"]
    registry.put("a-1", {"category": "economy"}, now_ms=2)
    now[0] += 29.9
    assert categories.of("s", "a-1") == "politics"
    now[0] += 0.2  # past the TTL: asked again, the new category applies
    assert categories.of("s", "a-1") == "economy" and asked == ["a-1", "a-2", "a-1"]
    own_redis.stop()
    now[0] += 31
    assert categories.of("s", "a-1") is None and categories.of("s", "a-1") is None  # fail open, not remembered
    assert asked.count("a-1") == 4


def test_no_registry_read_when_no_category_has_a_rule(make_app, auth, comment):
    app = make_app(RATE_LIMITS="", THRESHOLDS=FLAG_NONE)
    assert answer(app.test_client(), auth, comment)["decision"] == "allow"
    assert "moderation.article_categories" not in app.extensions


def _reference_decide(policy, scores, now=None, article_category=None, review_scale=1.0):
    """Policy.decide as written before its one-pass rewrite (issue 13): the table's dicts read name by name."""
    # _in_force's long way, whatever the policy holds (the rule search, the clock): its short way is checked by this
    thresholds = policy.rule_for(article_category, now)[1] or policy.thresholds
    quiet = policy.quiet.active(now)
    scale = (policy.quiet.scale if quiet and policy.quiet.mode == "lower" else 1.0) * review_scale
    names = [name for name in (*LABELS, *CATEGORIES) if name in scores]
    labels = [name for name in names if scores[name] >= thresholds[name]["review"] * scale]
    if "abuse" not in labels and any(name in CATEGORIES for name in labels):
        labels.insert(1 if "spam" in labels else 0, "abuse")
    if quiet and policy.quiet.mode == "hold" and not labels:
        labels = [max(LABELS, key=lambda label: scores[label])]
    if any(scores[name] >= thresholds[name]["reject"] for name in names):
        decision = "reject"
    else:
        decision = "review" if labels else "allow"
    risk = max((scores[name] for name in labels), default=max(scores[name] for name in names))
    return decision, labels, risk


# an instant inside the quiet hours below: on the wall clock they are off from 23:59 to midnight JST (14:59 UTC),
# when the quiet cases silently tested the daytime path
NOON_JST = datetime(2026, 12, 1, 3, 0, tzinfo=UTC).timestamp()


@pytest.mark.parametrize("with_rules", [True, False])
@pytest.mark.parametrize("quiet", [{}, {"start": "00:00", "end": "23:59", "mode": "lower", "scale": 0.5},
                                   {"start": "00:00", "end": "23:59", "mode": "hold"}])
def test_decide_answers_as_the_reference_on_random_scores(quiet, with_rules):
    """The one-pass decide() gives the reference's decision, labels (in order) and risk for random scores on
    thresholds' edges, with and without the harm categories, a category rule, quiet hours and a review scale (a
    policy with neither rules nor quiet hours takes _in_force's short way, which the reference does not)."""
    import random

    from moderation.scoring.policy import QuietHours

    rng = random.Random(13)
    edges = (0.0, 0.25, 0.5, 0.7, 0.9, 1.0)
    card = {name: {"review": rng.choice(edges[1:4]), "reject": rng.choice(edges[3:])} for name in (*LABELS,
                                                                                                    *CATEGORIES)}
    rules = CategoryPolicies({"politics": {"thresholds": {"abuse": {"review": 0.1}, "threat": {"reject": 0.5}}}})
    policy = Policy(card, quiet=QuietHours(quiet), categories=rules.for_site("any") if with_rules else None)
    decisions = set()
    for _ in range(3000):
        names = list(LABELS) + (rng.sample(CATEGORIES, rng.randint(0, len(CATEGORIES))) if rng.random() < 0.8 else [])
        scores = {name: rng.choice(edges) if rng.random() < 0.3 else rng.random() for name in names}
        kwargs = {"article_category": rng.choice([None, "politics", "sports"]),
                  "review_scale": rng.choice([1.0, 1.0, 1.5, 2.0]), "now": NOON_JST}
        got = policy.decide(scores, **kwargs)
        assert got == _reference_decide(policy, scores, **kwargs), (scores, kwargs)
        decisions.add(got[0])
    assert decisions == {"allow", "review", "reject"} or quiet.get("mode") == "hold"
