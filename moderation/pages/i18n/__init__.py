"""One small message catalog for the moderators' pages: Japanese by default, English by switch or header.

Every string the pages show comes from here (templates call ``_("key")``, scripts read the ``js`` subset
that the page embeds as JSON). The language is ``?lang=ja|en`` (remembered in the session), else the
browser's Accept-Language, else Japanese. The strings live per page area beside this file (common, review,
history, features, accounts, admin, the removal requests' form, desk and transparency report, articles), merged here
in that order.
"""

from urllib.parse import urlencode

from flask import request, session

from moderation.pages.i18n import (
    accounts,
    admin,
    articles,
    common,
    features,
    history,
    request_desk,
    request_form,
    review,
    transparency,
)

LANGUAGES = ("ja", "en")
DEFAULT = "ja"

# Each area's strings, merged in this order (a later area's key replaces an earlier one's text, keeping its place).
MESSAGES = {lang: {} for lang in LANGUAGES}
for _area in (common, review, history, features, accounts, admin, request_form, request_desk, transparency, articles):
    for _lang, _messages in _area.MESSAGES.items():
        MESSAGES[_lang].update(_messages)

# The keys the page's script needs (embedded as JSON, so no string is hard-coded in JS either).
JS_PREFIXES = ("label.", "level.", "card.", "action.", "reason.", "notice.", "outcome.", "queue.", "feature.", "bulk.",
               "state.", "standing.")


def current_language():
    """?lang= (remembered in the session), else Accept-Language, else Japanese."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT) or DEFAULT


def translate(key, lang=None, **values):
    """The message in the language (Japanese when missing); {name} placeholders filled from `values`."""
    lang = lang or current_language()
    text = MESSAGES.get(lang, {}).get(key) or MESSAGES[DEFAULT].get(key) or key
    return text.format(**values) if values else text


def js_messages(lang):
    return {k: v for k, v in MESSAGES[lang].items() if k.startswith(JS_PREFIXES)}


def register(bp):
    """Give one blueprint's templates `_`, `lang` and `other_lang` (only ours: other templates are untouched)."""

    @bp.context_processor
    def inject_i18n():
        return context(current_language(), request)


def context(lang, request):
    """`_`, `lang`, `other_lang` and `lang_url` for a template (a blueprint's, or an app-level error page)."""
    other = "en" if lang == "ja" else "ja"
    args = {**request.args.to_dict(), "lang": other}
    # the query alone, relative to the page: a path in the link made "/\\evil.example/" (a 404) link the other
    # language to //evil.example/, as a browser reads a backslash there
    return {"_": lambda key, **values: translate(key, lang, **values), "lang": lang, "other_lang": other,
            "lang_url": f"?{urlencode(args)}"}
