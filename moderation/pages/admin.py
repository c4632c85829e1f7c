"""The admins' pages: thresholds from the moderators' decisions, the model registry, shadow reports, webhooks.

Admins only: a moderator gets 403, no session redirects to /login (pages) or answers 401 (the JSON endpoints
under /review/admin/api). Every POST is a form with the session's CSRF token. Saved thresholds and model
changes go through the Registry (its audit stream records who did what) and take effect in this worker at
once (``manager.refresh()``); the other workers follow within MODEL_CHECK_SECONDS.

The quiet-hours banner is a context value for every template (``quiet_banner``); base.html shows it to a
logged-in moderator while the schedule is active.
"""

import functools
import math

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for

from moderation import settings
from moderation.api.api_keys import configured_sites
from moderation.integrations.outbox import webhook_stats
from moderation.labels import CATEGORIES, LABELS
from moderation.pages import i18n
from moderation.pages.cards import inert, local_time
from moderation.pages.charts import svg_chart
from moderation.pages.login import (
    api_login_required,
    csrf_token,
    current_moderator,
    page_login_required,
    require_admin,
    require_csrf,
)
from moderation.pages.setup import page_blueprint
from moderation.pages.threshold_form import CategoryForm, parse_threshold
from moderation.scoring.registry import RegistryError
from moderation.store.review_queue import get_queue
from moderation.store.score_history import GRID, get_report

bp = page_blueprint("admin", __name__, url_prefix="/review/admin")
bp.add_app_template_filter(local_time, "jst")  # every time on the admins' pages in JST, like the queue's

MAX_THRESHOLD = 1.01
OUTPUTS = (*LABELS, *CATEGORIES)  # every score with its own review/reject thresholds
MIN_DECISIONS = 30  # below this, a curve's precision and recall are anecdotes: the page says so
TABLE_STEPS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _manager():
    return current_app.extensions["moderation.models"]


def _site(value):
    value = value if isinstance(value, str) and value else configured_sites()[0]
    if value not in configured_sites():
        abort(404)
    return value


def admin_page(view):
    """A page or form for admins: /login without a session, 403 for a moderator, 400 for a POST without CSRF."""

    @page_login_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_moderator().get("role") != "admin":
            abort(403)
        if request.method == "POST":
            require_csrf(json_errors=False)
        return view(*args, **kwargs)

    return wrapped


def admin_api(view):
    """A JSON endpoint for admins: 401 without a session, 403 for a moderator."""

    @api_login_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        require_admin()
        return view(*args, **kwargs)

    return wrapped


# -- quiet hours ---------------------------------------------------------------------------------------------

def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def quiet_schedule():
    """The configured quiet hours as plain data (None when none are configured or no model is loaded)."""
    manager = current_app.extensions.get("moderation.models")
    quiet = getattr(getattr(manager, "policy", None), "quiet", None)
    if quiet is None or not quiet.enabled:
        return None
    return {"start": _clock(quiet.start), "end": _clock(quiet.end), "tz": quiet.zone.key, "mode": quiet.mode,
            "scale": quiet.scale, "active": quiet.active()}


@bp.app_context_processor
def inject_quiet_banner():
    """`quiet_banner` for base.html: the schedule while it is active, else None."""

    def banner():
        schedule = quiet_schedule()
        return schedule if schedule and schedule["active"] else None

    return {"quiet_banner": banner}


# -- thresholds ----------------------------------------------------------------------------------------------

def _effective(site):
    thresholds = _manager().policy_for(site).thresholds
    return {name: dict(thresholds[name]) for name in OUTPUTS}


def _card_defaults():
    """The active model card's own thresholds per output (None where the card names none)."""
    card = _manager().active.thresholds
    return {name: dict(card[name]) if name in card else None for name in OUTPUTS}


def _charts(site):
    """Per label: curve, volume per day, the effective thresholds, the SVG and a few rows for a table."""
    report = get_report(site)
    effective = _effective(site)
    out = []
    for label in LABELS:
        curve, volume = report.curve(label), report.volume_per_day(label)
        current = effective[label]
        title = i18n.translate("admin.thresholds.chart_title", label=i18n.translate(f"label.{label}"))
        here = _grid_index(current["review"])
        rows = [{"threshold": GRID[i], "precision": curve["points"][i]["precision"],
                 "recall": curve["points"][i]["recall"], "volume": volume[i], "current": i == here}
                for i in sorted({*(_grid_index(t) for t in TABLE_STEPS), here})]
        out.append({"label": label, "curve": curve, "volume": volume, "current": current, "rows": rows,
                    "svg": svg_chart(curve, volume, min(max(current["review"], 0.0), 1.0), title)})
    return out


def _grid_index(threshold):
    """The grid point at or just below a threshold (the grid is 0.00-0.99 in steps of 0.01)."""
    return max(0, min(len(GRID) - 1, math.floor(threshold * 100 + 1e-9)))


def _render_thresholds(site, status=200, error=None, form=None, category_form=None):
    effective, card = _effective(site), _card_defaults()
    categories = [{"name": name, "current": effective[name], "card": card[name]} for name in CATEGORIES]
    return render_template("admin/thresholds.html", moderator=current_moderator(), csrf=csrf_token(), site=site,
                           sites=configured_sites(), charts=_charts(site), quiet=quiet_schedule(), error=error,
                           form=form or {}, check_seconds=settings.get().model_check_seconds, card=card,
                           categories=categories, category_form=category_form or CategoryForm.empty(),
                           max_threshold=MAX_THRESHOLD, min_decisions=MIN_DECISIONS), status


def _save(site, changes):
    """Merge {name: {review, reject}} into this site's saved thresholds (audited); False when this worker
    could not apply the pins (every other worker still will)."""
    manager = _manager()
    saved = dict(manager.registry.pins().get("thresholds") or {})  # other sites' and the global ones stay
    saved.setdefault("sites", {}).setdefault(site, {}).update(changes)
    manager.registry.set_thresholds(saved, current_moderator()["name"])
    if manager.refresh():
        return True
    flash(i18n.translate("admin.model.load_failed", error=manager.last_error), "error")
    return False


@bp.get("/thresholds")
@admin_page
def thresholds_page():
    return _render_thresholds(_site(request.args.get("site")))


@bp.post("/thresholds")
@admin_page
def save_thresholds():
    site = _site(request.form.get("site"))
    label = request.form.get("label")
    review, reject = parse_threshold(request.form.get("review")), parse_threshold(request.form.get("reject"))
    if label not in OUTPUTS:
        abort(400)
    if review is None or reject is None or not 0 <= review <= reject <= MAX_THRESHOLD:
        error = i18n.translate("admin.thresholds.invalid", label=i18n.translate(f"label.{label}"),
                               max=MAX_THRESHOLD)
        form = {"label": label, "review": request.form.get("review", "")[:32],
                "reject": request.form.get("reject", "")[:32]}
        return _render_thresholds(site, 400, error, form)
    if _save(site, {label: {"review": review, "reject": reject}}):
        flash(i18n.translate("admin.thresholds.saved", label=i18n.translate(f"label.{label}"), review=review,
                             reject=reject), "ok")
    return redirect(url_for("admin.thresholds_page", site=site))


@bp.post("/thresholds/categories")
@admin_page
def save_category_thresholds():
    """Every harm category's review/reject in one form; only the rows that differ from what is in force are
    saved (an untouched row keeps following the card), and one invalid field saves nothing."""
    site = _site(request.form.get("site"))
    form = CategoryForm.parse(request.form, _effective(site), MAX_THRESHOLD)
    if form.errors:
        return _render_thresholds(site, 400, category_form=form)
    if not form.changes:
        flash(i18n.translate("admin.categories.unchanged"), "categories")
    elif _save(site, form.changes):  # the notice shows in the categories section the redirect scrolls to
        flash(i18n.translate("admin.categories.saved", changes=form.summary()), "categories")
    return redirect(url_for("admin.thresholds_page", site=site, _anchor="categories"))


# -- model registry ------------------------------------------------------------------------------------------

def _heldout_summary(card):
    """Per label: how many held-out sets, mean ROC-AUC and PR-AUC (None when the card has none)."""
    heldout = (card.get("metrics") or {}).get("heldout") or []
    out = []
    for label in LABELS:
        sets = [m for m in heldout if isinstance(m, dict) and m.get("label") == label]
        roc = [m["roc_auc"] for m in sets if isinstance(m.get("roc_auc"), int | float)]
        pr = [m["pr_auc"] for m in sets if isinstance(m.get("pr_auc"), int | float)]
        if sets:
            out.append({"label": label, "sets": len(sets), "roc_auc": sum(roc) / len(roc) if roc else None,
                        "pr_auc": sum(pr) / len(pr) if pr else None})
    return out


def _versions(pins):
    manager = _manager()
    active = manager.active.version
    shadow = manager.shadow.version if manager.shadow is not None else pins.get("shadow_version")
    out = []
    for item in manager.registry.versions():
        card = item["card"]
        retrain = card.get("retrain") if isinstance(card.get("retrain"), dict) else {}
        comparison = [r for r in retrain.get("comparison") or [] if isinstance(r, dict)]
        out.append({"version": item["version"], "trained_at": card.get("trained_at") or "",
                    "sha256": (item.get("sha256") or "")[:12], "heldout": _heldout_summary(card),
                    "sets": [m for m in (card.get("metrics") or {}).get("heldout") or [] if isinstance(m, dict)],
                    "parent": card.get("parent_version") or "",
                    "compared": len(comparison), "within": sum(1 for r in comparison if r.get("ok")),
                    "active": item["version"] == active, "shadow": item["version"] == shadow})
    return out


def _samples(report):
    """The latest disagreements with what the queue still knows of each comment (text, article, author)."""
    known = set(configured_sites())
    out = []
    for sample in report["samples"]:
        if not isinstance(sample, list) or len(sample) != 4:
            continue
        site, comment_id, active, shadow = (str(v) for v in sample)
        row = {"site": site, "id": comment_id, "active": active, "shadow": shadow, "text": "", "article_id": "",
               "author_id": ""}
        if site in known:
            row.update(get_queue(site).peek(comment_id))
        out.append(row)
    return out


def _shadow_reports(versions, pins):
    """The current shadow's report first, then any other version that was compared (total > 0)."""
    registry = _manager().registry
    current = pins.get("shadow_version")
    order = ([current] if current else []) + [v["version"] for v in versions if v["version"] != current]
    reports = []
    for version in order:
        report = registry.shadow_report(version)
        if report["total"] or version == current:
            report["current"] = version == current
            report["rows"] = _samples(report)
            report["transitions"] = sorted(report["transitions"].items(), key=lambda kv: -kv[1])
            reports.append(report)
    return reports


def _model_context():
    manager = _manager()
    pins = manager.registry.pins()
    versions = _versions(pins)
    return {"versions": versions, "pins": pins, "served": manager.active.version,
            "shadow": manager.shadow.version if manager.shadow is not None else None,
            "pinned": pins.get("active_version") or manager.base_pin[0], "last_error": manager.last_error,
            "previous": manager.registry.previous(), "reports": _shadow_reports(versions, pins),
            "webhooks": [{"site": s, **webhook_stats(s)} for s in configured_sites()]}


@bp.get("/model")
@admin_page
def model_page():
    return render_template("admin/model.html", moderator=current_moderator(), csrf=csrf_token(),
                           site=configured_sites()[0], inert=inert, **_model_context())


def _model_change(change, done_key, **values):
    """Run a registry change; refused ones become a notice and the active model stays."""
    manager = _manager()
    try:
        result = change(manager.registry, current_moderator()["name"])
    except RegistryError as error:
        flash(i18n.translate("admin.model.refused", error=str(error)), "error")
        return redirect(url_for("admin.model_page"))
    manager.refresh()
    if manager.last_error:
        flash(i18n.translate("admin.model.load_failed", error=manager.last_error), "error")
    else:
        flash(i18n.translate(done_key, **values, version=result[0] if result else ""), "ok")
    return redirect(url_for("admin.model_page"))


def _version_field():
    version = request.form.get("version")
    if not isinstance(version, str) or not 1 <= len(version) <= 128:
        abort(400)
    return version


@bp.post("/model/activate")
@admin_page
def activate():
    """Activate a version; when it was the shadow, shadow mode stops (it would only compare it with itself)."""
    version = _version_field()
    base = _manager().base_pin

    def change(registry, by):
        was_shadow = registry.pins().get("shadow_version") == version
        pin = registry.activate(version, by, current=base)
        if was_shadow:
            registry.set_shadow(None, by)
        return pin

    return _model_change(change, "admin.model.activated")


@bp.post("/model/rollback")
@admin_page
def rollback():
    return _model_change(lambda registry, by: registry.rollback(by), "admin.model.rolled_back")


@bp.post("/model/shadow")
@admin_page
def shadow():
    version = request.form.get("version") or ""
    if version in ("", "off"):
        return _model_change(lambda registry, by: registry.set_shadow(None, by), "admin.model.shadow_stopped")
    version = _version_field()
    return _model_change(lambda registry, by: registry.set_shadow(version, by), "admin.model.shadow_started")


# -- JSON (for scripts and monitoring) -----------------------------------------------------------------------

@bp.get("/api/thresholds")
@admin_api
def api_thresholds():
    site = request.args.get("site") or configured_sites()[0]
    if site not in configured_sites():
        return jsonify({"error": {"code": "not_found", "message": "unknown site", "field": "site"}}), 404
    report = get_report(site)
    return jsonify({"site": site, "thresholds": _effective(site), "card_thresholds": _card_defaults(),
                    "quiet_hours": quiet_schedule(),
                    "labels": {label: {**report.curve(label), "volume_per_day": report.volume_per_day(label)}
                               for label in LABELS}})


@bp.get("/api/model")
@admin_api
def api_model():
    context = _model_context()
    for version in context["versions"]:
        version.pop("sets")
    for report in context["reports"]:
        report["transitions"] = dict(report["transitions"])
    return jsonify(context)

