"""The landing page at / (links to the review page, the demo when on, the API description) and the localised
404 page for every path no blueprint knows (Japanese by default, like the moderators' pages)."""

from flask import Blueprint, current_app, render_template, request, url_for

from moderation import settings
from moderation.pages import i18n
from moderation.pages.login import current_moderator

bp = Blueprint("home", __name__)
i18n.register(bp)


@bp.get("/")
def landing():
    policy = url_for("public.policy_page") if "public.policy_page" in current_app.view_functions else None
    return render_template("home.html", moderator=None, signed_in=current_moderator() is not None,
                           demo=bool(settings.get().demo), policy_url=policy)


def not_found_page(error):
    """Unknown paths outside /api: the small localised error page, not Werkzeug's English one (the readers' own
    under the public pages' paths: pages/public.py)."""
    public = current_app.extensions.get("moderation.public_error_page")
    if public is not None and request.path.startswith(public[0]):
        return public[1](error)
    lang = i18n.current_language()
    body = render_template("error.html", moderator=None, message=i18n.translate("error.404", lang), code=error.code,
                           **i18n.context(lang, request))
    return body, error.code


def init_app(app):
    app.register_blueprint(bp)
    app.extensions["moderation.error_page"] = not_found_page
