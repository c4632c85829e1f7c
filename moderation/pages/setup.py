"""One way to make a moderators' page blueprint, so a new page cannot forget a piece of its setup."""

from flask import Blueprint

from moderation.errors import html_errors
from moderation.pages import i18n


def no_store(response):
    """Moderators' pages show comment text and tokens: never kept by a browser or proxy cache."""
    response.headers["Cache-Control"] = "no-store"
    return response


def page_blueprint(name, import_name, url_prefix=None):
    """A blueprint with localised templates (`_`), the localised 4xx page and Cache-Control: no-store."""
    bp = Blueprint(name, import_name, url_prefix=url_prefix)
    i18n.register(bp)
    html_errors(bp)
    bp.after_request(no_store)
    return bp
