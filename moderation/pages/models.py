"""The admins' model page: the registry's versions with their held-out figures, activating, rolling back and
shadowing one, the shadow's disagreements with the active model, the webhooks' delivery state and the removal
requests' receipt mails waiting (a worker that is not running shows there); its JSON twin."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from moderation.api.api_keys import configured_sites
from moderation.integrations.outbox import webhook_stats
from moderation.labels import LABELS
from moderation.pages import i18n
from moderation.pages.admin import admin_api, admin_page
from moderation.pages.cards import inert
from moderation.pages.login import csrf_token, current_moderator
from moderation.pages.setup import page_blueprint
from moderation.rights.receipts import backlog
from moderation.scoring.manager import get_manager
from moderation.scoring.registry import RegistryError
from moderation.store.review_queue import get_queue

bp = page_blueprint("models", __name__, url_prefix="/review/admin")


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
    manager = get_manager()
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
    registry = get_manager().registry
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
    manager = get_manager()
    pins = manager.registry.pins()
    versions = _versions(pins)
    return {"versions": versions, "pins": pins, "served": manager.active.version,
            "shadow": manager.shadow.version if manager.shadow is not None else None,
            "pinned": pins.get("active_version") or manager.base_pin[0], "last_error": manager.last_error,
            "previous": manager.registry.previous(), "reports": _shadow_reports(versions, pins),
            "webhooks": [{"site": s, **webhook_stats(s)} for s in configured_sites()],
            "receipts": [{"site": s, **backlog(s)} for s in configured_sites()]}


def waited(seconds):
    """A wait as people read it: 5分0秒, 2時間3分, 31日4時間 (in English: 5 min 0 s, 2 h 3 min, 31 d 4 h)."""
    s = int(seconds)
    if s < 3600:
        return i18n.translate("admin.receipts.ms", m=s // 60, s=s % 60)
    if s < 86_400:
        return i18n.translate("admin.receipts.hm", h=s // 3600, m=s % 3600 // 60)
    return i18n.translate("admin.receipts.dh", d=s // 86_400, h=s % 86_400 // 3600)


@bp.get("/model")
@admin_page
def model_page():
    return render_template("admin/model.html", moderator=current_moderator(), csrf=csrf_token(),
                           site=configured_sites()[0], inert=inert, waited=waited, **_model_context())


def _model_change(change, done_key, **values):
    """Run a registry change; refused ones become a notice and the active model stays."""
    manager = get_manager()
    try:
        result = change(manager.registry, current_moderator()["name"])
    except RegistryError as error:
        flash(i18n.translate("admin.model.refused", error=str(error)), "error")
        return redirect(url_for("models.model_page"))
    manager.refresh()
    if manager.last_error:
        flash(i18n.translate("admin.model.load_failed", error=manager.last_error), "error")
    else:
        flash(i18n.translate(done_key, **values, version=result[0] if result else ""), "ok")
    return redirect(url_for("models.model_page"))


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
    base = get_manager().base_pin
    return _model_change(lambda registry, by: registry.activate(version, by, current=base, stop_shadow=True),
                         "admin.model.activated")


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


@bp.get("/api/model")
@admin_api
def api_model():
    context = _model_context()
    for version in context["versions"]:
        version.pop("sets")
    for report in context["reports"]:
        report["transitions"] = dict(report["transitions"])
    return jsonify(context)
