"""The criteria a removal request is decided by, as the shipped removal criteria (/policy) set them out: one code per
decision, so the transparency report can count decisions by what they applied; a moderator's own words go beside it
as its detail. A decision recorded before the codes (session 29) kept free text: it is read and shown as given, and
the report counts it as unclassified."""

from moderation.errors import ValidationError
from moderation.labels import CATEGORIES
from moderation.pages.i18n import translate

# Rights a comment infringes (the criteria's section 2): 名誉毀損 is also the model's harm category.
LEGAL = ("defamation", "privacy", "portrait", "copyright", "other_right")
# The site's posting rules: the other harm categories the model names and moderators reject for.
RULES = tuple(category for category in CATEGORIES if category not in LEGAL)
REMOVAL = (*LEGAL, *RULES)
# Why a comment stays (section 3): fair comment on a matter of public interest, no infringement, no comment found.
KEEP = ("public_interest", "not_infringing", "not_identified")
CRITERIA = (*REMOVAL, *KEEP)
UNCLASSIFIED = "unclassified"  # the report's count of free-text criteria from before the codes
DETAIL_LIMIT = 500


def message_key(code):
    """The catalog key a criterion is named by: a harm category by its label's words, the others by their own."""
    return f"label.{code}" if code in CATEGORIES else f"criterion.{code}"


def names(code):
    """A criterion code's words in both languages, for a site that shows the decision itself (the webhook and the API
    carry the code; a sender told `notice: webhook` mails the requester); None for free text from before the codes."""
    if code not in CRITERIA:
        return None
    return {lang: translate(message_key(code), lang) for lang in ("ja", "en")}


def words(record, lang):
    """A decision's criterion as the requester's notice says it: its name, then the moderator's detail; a free-text
    criterion recorded before the codes, as given."""
    criterion, detail = record.get("criterion") or "", record.get("criterion_detail") or ""
    if criterion not in CRITERIA:
        return criterion
    name = names(criterion)[lang]
    if not detail:
        return name
    return f"{name}({detail})" if lang == "ja" else f"{name} ({detail})"


def check(outcome, criterion, detail):
    """(code, detail) for a decision, or a 400 naming the field: a code of CRITERIA that fits the outcome (a removal
    applies a ground for removing, a refusal a ground for keeping), and up to DETAIL_LIMIT characters of detail."""
    criterion = criterion.strip() if isinstance(criterion, str) else ""
    if criterion not in CRITERIA:
        raise ValidationError(f"criterion must be one of {', '.join(CRITERIA)}", "criterion",
                              **({"code": "missing_field"} if not criterion else {}))
    if (outcome == "not_removed") != (criterion in KEEP):
        fits = KEEP if outcome == "not_removed" else REMOVAL
        raise ValidationError(f"a {outcome} decision applies one of {', '.join(fits)}", "criterion",
                              code="criterion_for_outcome")
    if detail is not None and not isinstance(detail, str):
        raise ValidationError("criterion_detail must be a string", "criterion_detail", code="wrong_type")
    detail = (detail or "").strip()
    if len(detail) > DETAIL_LIMIT:
        raise ValidationError(f"criterion_detail is longer than {DETAIL_LIMIT} characters", "criterion_detail",
                              code="too_long")
    return criterion, detail


def counts(criteria):
    """{code: decisions} for every criterion, and UNCLASSIFIED: the decisions whose criterion is no code."""
    tally = dict.fromkeys((*CRITERIA, UNCLASSIFIED), 0)
    for criterion in criteria:
        tally[criterion if criterion in tally and criterion != UNCLASSIFIED else UNCLASSIFIED] += 1
    return tally
