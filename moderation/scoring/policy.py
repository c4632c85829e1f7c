"""The decision policy: review and reject thresholds per label and harm category, the night-time quiet hours
and the article categories' own rules (e.g. stricter `politics` during an election).

A comment's values are its `spam` and `abuse` scores and its category probabilities (threat, hate, ...).
Each has its own thresholds; `labels` lists every one at or above its review threshold, and `abuse` joins
whenever one of its categories does (abuse is the largest category, and the queue filters by it).
"""

import re
import time
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from moderation.labels import CATEGORIES, LABELS
from moderation.settings import json_object

OUTPUTS = (*LABELS, *CATEGORIES)


class QuietHours:
    """A nightly window (e.g. 23:00-06:00 Asia/Tokyo) when fewer people watch: hold more, or everything."""

    FIELDS = frozenset({"start", "end", "tz", "mode", "scale"})

    def __init__(self, spec):
        spec = json_object(spec, "QUIET_HOURS")
        unknown = sorted(set(spec) - self.FIELDS)
        if unknown:  # a misspelt "strat" would otherwise leave the default 23:00 in place, silently
            raise ValueError(f"MODERATION_QUIET_HOURS has unknown keys {unknown}; known: {sorted(self.FIELDS)}")
        self.enabled = bool(spec)
        self.start = _minutes(spec.get("start", "23:00"), "start")
        self.end = _minutes(spec.get("end", "06:00"), "end")
        self.zone = ZoneInfo(spec.get("tz", "Asia/Tokyo"))
        self.mode = spec.get("mode", "lower")
        scale = spec.get("scale", 0.5)
        if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0 < scale <= 1:
            # above 1 the night's thresholds would rise (fewer comments held); 0 or below would hold everything
            raise ValueError(f"MODERATION_QUIET_HOURS scale must be a number, 0 < scale <= 1, not {scale!r}")
        self.scale = float(scale)
        if self.mode not in ("lower", "hold"):
            raise ValueError("MODERATION_QUIET_HOURS mode must be 'lower' or 'hold'")

    def active(self, now=None):
        if not self.enabled:
            return False
        local = datetime.fromtimestamp(now if now is not None else time.time(), self.zone)
        minute = local.hour * 60 + local.minute
        if self.start <= self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end


def _minutes(text, name):
    """"HH:MM" (hours 0-23, minutes 0-59) as minutes after midnight; "25:00" must not wrap silently."""
    hours, colon, minutes = text.partition(":") if isinstance(text, str) else ("", "", "")
    if not (hours.isascii() and hours.isdigit() and len(hours) <= 2 and minutes.isascii() and minutes.isdigit()
            and len(minutes) == 2 and colon and int(hours) <= 23 and int(minutes) <= 59):
        raise ValueError(f"MODERATION_QUIET_HOURS {name} must be HH:MM (hours 0-23, minutes 0-59), not {text!r}")
    return int(hours) * 60 + int(minutes)


def _table(base, overrides):
    """Review and reject thresholds for every output: `base`, then each override; checked."""
    table = {label: dict(base.get(label, {})) for label in OUTPUTS}
    for override in overrides:
        for label, values in json_object(override, "THRESHOLDS").items():
            if label not in table:
                raise ValueError(f"thresholds name an unknown label {label!r}")
            table[label].update({k: float(v) for k, v in values.items() if k in ("review", "reject")})
    for label, values in table.items():
        values.setdefault("review", 0.5)
        values.setdefault("reject", 1.01)
        if not 0 <= values["review"] <= values["reject"]:
            raise ValueError(f"threshold for {label}: need 0 <= review <= reject")
    return table


SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
RULE_FIELDS = frozenset({"thresholds", "start", "end", "nudge"})


class CategoryRule(NamedTuple):
    """One article category's rule: threshold overrides, an optional period and an optional nudge wording."""

    category: str
    thresholds: dict
    start: float | None
    end: float | None
    nudge: dict | None

    def active(self, now):
        return (self.start is None or now >= self.start) and (self.end is None or now < self.end)


def _instant(value, where):
    stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    if stamp is None or stamp.tzinfo is None:
        raise ValueError(f"{where} must be an ISO 8601 date-time with a time zone, e.g. 2026-07-01T00:00:00+09:00")
    return stamp.timestamp()


def _rule(category, spec, where):
    if not isinstance(spec, dict) or not spec.keys() <= RULE_FIELDS:
        raise ValueError(f"{where} must be an object with only {', '.join(sorted(RULE_FIELDS))}")
    start = _instant(spec["start"], f"{where}.start") if spec.get("start") is not None else None
    end = _instant(spec["end"], f"{where}.end") if spec.get("end") is not None else None
    if start is not None and end is not None and start >= end:
        raise ValueError(f"{where}: start must be before end")
    nudge = spec.get("nudge")
    if nudge is not None and not (isinstance(nudge, dict) and set(nudge) == {"ja", "en"} and all(
            isinstance(v, str) and 1 <= len(v.strip()) <= 500 for v in nudge.values())):
        raise ValueError(f"{where}.nudge must be {{\"ja\": ..., \"en\": ...}}, each 1-500 characters")
    thresholds = json_object(spec.get("thresholds"), "CATEGORY_POLICIES")
    _table({}, [thresholds])  # unknown labels or review > reject stop start-up here
    return CategoryRule(category, thresholds, start, end, nudge)


class CategoryPolicies:
    """MODERATION_CATEGORY_POLICIES: per article category (and optionally per site) rules, each an object or a
    list of objects tried in order: {"politics": {"thresholds": {...}, "start": ..., "end": ..., "nudge": ...},
    "sites": {"<site>": {"politics": [...]}}}; a site's rules for a category replace the deployment's."""

    def __init__(self, spec):
        spec = json_object(spec, "CATEGORY_POLICIES")
        sites = spec.get("sites", {})
        if not isinstance(sites, dict):
            raise ValueError("sites must be an object of site names")
        self.default = self._rules({k: v for k, v in spec.items() if k != "sites"}, "")
        self.sites = {str(site): self._rules(rules, f"sites.{site}.") for site, rules in sites.items()}

    @staticmethod
    def _rules(spec, where):
        if not isinstance(spec, dict):
            raise ValueError(f"{where or 'the value'} must be an object of article categories")
        out = {}
        for category, rules in spec.items():
            if not isinstance(category, str) or not SLUG_RE.match(category):
                raise ValueError(f"article category {category!r} is not a slug (a-z, 0-9, '_' or '-')")
            rules = rules if isinstance(rules, list) else [rules]
            out[category] = [_rule(category, rule, f"{where}{category}[{i}]") for i, rule in enumerate(rules)]
        return out

    def for_site(self, site=None):
        """{category: [rules]} for one site (the deployment's, with the site's own on top)."""
        return {**self.default, **(self.sites.get(site, {}) if site else {})}


class Policy:
    """Review and reject thresholds per label: the card's, then configuration, then the admin's saved ones;
    an article category's rule, while it is in force, overrides them for that category's comments."""

    def __init__(self, card_thresholds, *overrides, quiet=None, categories=None):
        self.thresholds = _table(card_thresholds, overrides)
        self.quiet = quiet or QuietHours({})
        self.rules = {category: [(rule, _table(self.thresholds, [rule.thresholds])) for rule in rules]
                      for category, rules in (categories or {}).items()}
        # each table as (name, review, reject) rows in OUTPUTS order, for decide() (once per comment)
        self._rows = {id(table): _rows(table)
                      for table in (self.thresholds, *(t for pairs in self.rules.values() for _, t in pairs))}

    def rule_for(self, article_category, now=None):
        """The category's first rule in force at `now` (and its full threshold table), or (None, None)."""
        now = time.time() if now is None else now
        for rule, table in self.rules.get(article_category, ()) if article_category else ():
            if rule.active(now):
                return rule, table
        return None, None

    def _in_force(self, now, article_category):
        """(thresholds, quiet hours on, review scale) at `now` for a comment under that article category."""
        if not (self.rules or self.quiet.enabled):  # no category rule, no quiet hours: the same at any time, unread
            return self.thresholds, False, 1.0
        thresholds = self.rule_for(article_category, now)[1] or self.thresholds
        quiet = self.quiet.active(now)
        return thresholds, quiet, self.quiet.scale if quiet and self.quiet.mode == "lower" else 1.0

    def harms(self, scores, now=None, article_category=None):
        """The harm categories over their review threshold, worst first; when only `abuse` crossed its own, the
        likeliest category. Spam, and a quiet-hours hold of everything, are not harms."""
        thresholds, _, scale = self._in_force(now, article_category)
        crossed = [name for name in CATEGORIES if name in scores and scores[name] >= thresholds[name]["review"] * scale]
        if not crossed and "abuse" in scores and scores["abuse"] >= thresholds["abuse"]["review"] * scale:
            crossed = [max((name for name in CATEGORIES if name in scores), key=scores.get, default="abuse")]
        return sorted(crossed, key=lambda name: -scores.get(name, 0.0))

    def decide(self, scores, now=None, article_category=None, review_scale=1.0):
        """(decision, labels crossing their review threshold, risk used to order the queue).

        `scores` holds `spam` and `abuse` and, when the model names them, the harm categories; the article's
        category, when it has a rule in force, brings that rule's thresholds; `review_scale` multiplies the
        review thresholds (a trusted author's relaxed review)."""
        thresholds, quiet, scale = self._in_force(now, article_category)
        scale *= review_scale
        labels, reject, top = [], False, None
        for name, review, over in self._rows[id(thresholds)]:  # one pass: labels, rejection, the highest score
            value = scores.get(name)
            if value is None:
                continue
            if value >= review * scale:
                labels.append(name)
            if value >= over:
                reject = True
            if top is None or value > top:
                top = value
        if top is None:
            raise ValueError("no score to decide on")
        if "abuse" not in labels and not _CATEGORY_SET.isdisjoint(labels):
            labels.insert(1 if "spam" in labels else 0, "abuse")
        if quiet and self.quiet.mode == "hold" and not labels:
            labels = [max(LABELS, key=lambda label: scores[label])]
        decision = "reject" if reject else "review" if labels else "allow"
        risk = max((scores[name] for name in labels), default=top)
        return decision, labels, risk


def _rows(table):
    """A threshold table as (name, review, reject) rows in OUTPUTS order."""
    return tuple((name, table[name]["review"], table[name]["reject"]) for name in OUTPUTS)


_CATEGORY_SET = frozenset(CATEGORIES)
