"""The admin page's harm-category threshold form: one row per category, checked field by field.

An error names the field it is about (「脅迫の審査しきい値」), so an admin who changed seven rows sees which one
was refused; the page keeps what was typed and marks that input.
"""

import math
from typing import NamedTuple

from moderation.labels import CATEGORIES
from moderation.pages import i18n

FIELDS = ("review", "reject")


def parse_threshold(value):
    """A finite float from a form value, else None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def threshold_text(value):
    """A threshold as its input shows it: two decimals when they are the value, else every decimal it has (the
    card's 0.995 or 0.3851 rounded to 0.99 / 0.39 would be saved so by an admin who changed the other field)."""
    value = float(value)
    two = f"{value:.2f}"
    return two if float(two) == value else repr(value)


def field_name(category, which):
    return f"{category}-{which}"


def _field_label(category, which):
    return i18n.translate("admin.categories.field", label=i18n.translate(f"label.{category}"),
                          which=i18n.translate(f"admin.thresholds.{which}"))


class CategoryForm(NamedTuple):
    """What was typed ({field: text}), the errors ({field: message}) and the rows that change ({name: values})."""

    typed: dict
    errors: dict
    changes: dict

    @classmethod
    def empty(cls):
        return cls({}, {}, {})

    @classmethod
    def parse(cls, form, effective, maximum):
        typed, errors, changes = {}, {}, {}
        for name in CATEGORIES:
            values = {}
            for which in FIELDS:
                key = field_name(name, which)
                typed[key] = (form.get(key) or "")[:32]
                number = parse_threshold(typed[key])
                if number is None or not 0 <= number <= maximum:
                    errors[key] = i18n.translate("admin.categories.invalid", field=_field_label(name, which),
                                                 max=maximum)
                values[which] = number
            if not errors.keys() & {field_name(name, w) for w in FIELDS} and values["review"] > values["reject"]:
                errors[field_name(name, "review")] = i18n.translate(
                    "admin.categories.order", label=i18n.translate(f"label.{name}"), review=values["review"],
                    reject=values["reject"])
            if any(values[w] != float(threshold_text(effective[name][w])) for w in FIELDS):  # as the input showed it
                changes[name] = values
        return cls(typed, errors, {} if errors else changes)

    def value(self, name, which, current):
        """What the input shows: the typed text after a refused save, else the value in force."""
        key = field_name(name, which)
        return self.typed[key] if key in self.typed else threshold_text(current[which])

    def summary(self):
        """「脅迫(審査 0.2 / 自動却下 0.9)、…」 for the notice after a save."""
        return i18n.translate("admin.categories.separator").join(
            i18n.translate("admin.categories.change", label=i18n.translate(f"label.{name}"), **values)
            for name, values in self.changes.items())
