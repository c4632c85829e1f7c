"""The landing page at / (links to the review page, the demo when on, the API description) and the localised
4xx page for every path no blueprint knows or method no route takes (Japanese by default, like the moderators'
pages)."""

from flask import Blueprint, current_app, render_template, request, url_for

from moderation import settings
from moderation.errors import page_message_key
from moderation.pages import i18n
from moderation.pages.login import current_moderator

bp = Blueprint("home", __name__)
i18n.register(bp)


@bp.get("/")
def landing():
    policy = url_for("public.policy_page") if "public.policy_page" in current_app.view_functions else None
    return render_template("home.html", moderator=None, signed_in=current_moderator() is not None,
                           demo=bool(settings.get().demo), policy_url=policy)


def app_error_page(error):
    """A 4xx outside the JSON paths that no blueprint handled (an unknown path, a method no route takes): the small
    localised error page, not Werkzeug's English one (the readers' own under the public pages' paths:
    pages/public.py)."""
    public = current_app.extensions.get("moderation.public_error_page")
    if public is not None and request.path.startswith(public[0]):
        return public[1](error)
    lang = i18n.current_language()
    body = render_template("error.html", moderator=None, message=i18n.translate(page_message_key(error.code), lang),
                           code=error.code, **i18n.context(lang, request))
    return body, error.code


def init_app(app):
    app.register_blueprint(bp)
    app.extensions["moderation.error_page"] = app_error_page
