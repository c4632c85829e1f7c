"""The labels export (training data, by shared-model group) and the model registry commands."""

import json
import sys

from moderation import create_app, settings


def labels_export(args):
    """Stream labelled examples as JSON lines; retractions are lines with "retract": true."""
    from datetime import datetime

    from moderation.api.api_keys import configured_sites
    from moderation.store.training_labels import get_labels

    since = 0
    if args.since:
        stamp = datetime.fromisoformat(args.since)
        if stamp.tzinfo is None:
            stamp = stamp.astimezone()
        since = int(stamp.timestamp() * 1000)
    app = create_app(with_model=False)
    with app.app_context():
        config = settings.get()
        sites = training_sites(args.site or configured_sites(), config.shared_labels)
        out = sys.stdout
        for site in sites:
            for row in get_labels(site).export(since, feedback_weight=config.feedback_weight,
                                               daily_cap=config.feedback_daily_cap):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def training_sites(sites, groups):
    """The sites whose labels train one model: the asked ones plus their SHARED_LABELS group; exits when the
    asked sites do not share a model (site B's labels never train site A's model unless an admin said so)."""
    chosen = list(dict.fromkeys(sites))
    for group in groups.values():
        if set(chosen) & set(group):
            chosen += [site for site in group if site not in chosen]
    for site in chosen[1:]:
        if not any(chosen[0] in group and site in group for group in groups.values()):
            sys.exit(f"labels export: {chosen[0]!r} and {site!r} do not share a model; export one site with "
                     "--site, or name them together in MODERATION_SHARED_LABELS")
    return chosen


def model_command(args):
    """model list | activate VERSION | rollback | shadow VERSION|off: the registry, effective without restart."""
    from moderation.scoring.manager import base_pin
    from moderation.scoring.registry import Registry, RegistryError
    from moderation.store.model_pins import get_model_pins

    app = create_app(with_model=False)
    with app.app_context():
        registry = Registry(get_model_pins(), settings.of(app).model_dir)
        by = args.by or "cli"
        try:
            if args.sub == "list":
                pins, base = registry.pins(), base_pin(settings.of(app))
                active = pins.get("active_version") or base[0]
                for item in registry.versions():
                    marks = ("active " if item["version"] == active else "") + (
                        "shadow" if item["version"] == pins.get("shadow_version") else "")
                    heldout = item["card"].get("metrics", {}).get("heldout", [])
                    summary = ", ".join(f"{m['set']}: {m.get('roc_auc')}" for m in heldout[:4])
                    print(f"{item['version']:<24} {marks:<14} {item['card'].get('trained_at', '')}  {summary}")
            elif args.sub == "activate":
                version, sha = registry.activate(args.version, by, current=base_pin(settings.of(app)))
                print(f"active: {version} (sha256 {sha})")
            elif args.sub == "rollback":
                version, sha = registry.rollback(by)
                print(f"active: {version} (sha256 {sha})")
            elif args.sub == "shadow":
                pin = registry.set_shadow(None if args.version == "off" else args.version, by)
                print(f"shadow: {pin[0] if pin else 'off'}")
        except RegistryError as error:
            sys.exit(f"model {args.sub}: {error}; the active model is unchanged")
