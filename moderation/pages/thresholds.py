"""The admins' thresholds page: precision, recall and volume per threshold from the moderators' decisions, and
saving a label's or every harm category's review/reject thresholds for a site; its JSON twin for scripts."""

import math

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from moderation import settings
from moderation.api.api_keys import configured_sites
from moderation.labels import CATEGORIES, LABELS
from moderation.pages import i18n
from moderation.pages.admin import admin_api, admin_page, admin_site, quiet_schedule
from moderation.pages.charts import svg_chart
from moderation.pages.login import csrf_token, current_moderator
from moderation.pages.setup import page_blueprint
from moderation.pages.threshold_form import CategoryForm, parse_threshold, threshold_text
from moderation.scoring.manager import get_manager
from moderation.scoring.registry import RegistryError
from moderation.store.score_history import GRID, get_report

bp = page_blueprint("thresholds", __name__, url_prefix="/review/admin")

MAX_THRESHOLD = 1.01
OUTPUTS = (*LABELS, *CATEGORIES)  # every score with its own review/reject thresholds
MIN_DECISIONS = 30  # below this, a curve's precision and recall are anecdotes: the page says so
TABLE_STEPS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _effective(site):
    thresholds = get_manager().policy_for(site).thresholds
    return {name: dict(thresholds[name]) for name in OUTPUTS}


def _card_defaults():
    """The active model card's own thresholds per output (None where the card names none)."""
    card = get_manager().active.thresholds
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
                           max_threshold=MAX_THRESHOLD, min_decisions=MIN_DECISIONS, shown=threshold_text), status


def _save(site, changes):
    """Merge {name: {review, reject}} into this site's saved thresholds (audited); False when this worker
    could not apply the pins (every other worker still will)."""
    manager = get_manager()
    try:
        manager.registry.merge_thresholds(site, changes, current_moderator()["name"])
    except RegistryError as error:
        flash(i18n.translate("admin.model.refused", error=str(error)), "error")
        return False
    if manager.refresh():
        return True
    flash(i18n.translate("admin.model.load_failed", error=manager.last_error), "error")
    return False


@bp.get("/thresholds")
@admin_page
def thresholds_page():
    return _render_thresholds(admin_site(request.args.get("site")))


@bp.post("/thresholds")
@admin_page
def save_thresholds():
    site = admin_site(request.form.get("site"))
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
    return redirect(url_for("thresholds.thresholds_page", site=site))


@bp.post("/thresholds/categories")
@admin_page
def save_category_thresholds():
    """Every harm category's review/reject in one form; only the rows that differ from what is in force are
    saved (an untouched row keeps following the card), and one invalid field saves nothing."""
    site = admin_site(request.form.get("site"))
    form = CategoryForm.parse(request.form, _effective(site), MAX_THRESHOLD)
    if form.errors:
        return _render_thresholds(site, 400, category_form=form)
    if not form.changes:
        flash(i18n.translate("admin.categories.unchanged"), "categories")
    elif _save(site, form.changes):  # the notice shows in the categories section the redirect scrolls to
        flash(i18n.translate("admin.categories.saved", changes=form.summary()), "categories")
    return redirect(url_for("thresholds.thresholds_page", site=site, _anchor="categories"))


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
