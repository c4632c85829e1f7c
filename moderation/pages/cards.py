"""What a moderator's card shows, built from a queue record: plain data, never HTML.

The comment text is split at the explanation's character offsets into segments; the page puts each
segment in its own element with textContent, so user text is never parsed as markup. Bidirectional
control characters become visible segments of their own (``U+202E``), so they cannot reorder what the
moderator reads, and so does a run of blank lines (空行 20), so it cannot push the rest of a comment below the card's
text box. Only http(s) URLs are offered as links.
"""

import itertools
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from moderation import times
from moderation.api.validation import split_url
from moderation.labels import CATEGORIES, REASONS, REJECT_REASONS

# Bidi embeddings, overrides, isolates and marks: shown as their code point, never applied.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_RE = re.compile(f"([{BIDI}])")
_SPACE_RE = re.compile(r"\s+")
BLANK_LINES = 2  # this many blank lines in a row or more are one marker on the card

DEFAULT_THRESHOLDS = {"review": 0.5, "reject": 1.01}
# Below this a harm category names nothing the model saw: a clean comment held by a rule is not "sexual, 0.00".
HARM_FLOOR = 0.1


def level(p, thresholds=None):
    """The score's word from its own thresholds: "reject" at or above reject, "review" at or above review."""
    bounds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    if p >= bounds["reject"]:
        return "reject"
    return "review" if p >= bounds["review"] else "low"


def primary_reason(record):
    """The reject reason a card offers first: its most likely flagged label, a harm category before abuse; with no
    label flagged (held by a rule, or reported), the readers' latest report reason, else "other": never the largest
    of probabilities near 0, since a reason is also a training label (hate, and abuse with it) for the text."""
    values = {**(record.get("scores") or {}), **(record.get("categories") or {})}
    flagged = [name for name in record.get("labels") or [] if name in REJECT_REASONS and name in values]
    if any(name in CATEGORIES for name in flagged):
        flagged = [name for name in flagged if name != "abuse"]
    if not flagged:
        return record.get("last_report") if record.get("last_report") in REASONS else "other"
    return max(flagged, key=lambda name: (float(values[name]), name in CATEGORIES))


def code_point(char):
    return f"U+{ord(char):04X}"


def inert(text):
    """A short user string (author name, ids) with bidi controls made visible as ⟦U+202E⟧."""
    return _BIDI_RE.sub(lambda m: f"⟦{code_point(m.group(1))}⟧", text or "")


def _split_controls(piece, label):
    out = []
    for part in _BIDI_RE.split(piece):
        if not part:
            continue
        if len(part) == 1 and part in BIDI:
            out.append({"t": code_point(part), "ctl": True})
        else:
            out.extend(_split_blank_lines(part, label))
    return out


def _split_blank_lines(part, label):
    """A run of spaces holding BLANK_LINES blank lines or more as a segment of its own ("blank": how many), kept
    whole in "t": a first line, 20 empty ones and the rest left the rest out of sight below the card's text box."""
    if part.count("\n") <= BLANK_LINES:
        return [{"t": part, "label": label} if label else {"t": part}]
    out, start = [], 0
    for run in _SPACE_RE.finditer(part):
        blank = run.group().count("\n") - 1
        if blank >= BLANK_LINES:
            if run.start() > start:
                out.append({"t": part[start:run.start()], "label": label} if label else {"t": part[start:run.start()]})
            out.append({"t": run.group(), "ctl": True, "blank": blank})
            start = run.end()
    if start < len(part):
        out.append({"t": part[start:], "label": label} if label else {"t": part[start:]})
    return out


def _spans(text, explanation):
    """(start, end, label, weight) of the positive spans whose offsets fit the text."""
    spans = []
    for item in explanation or []:
        if not isinstance(item, dict) or "start" not in item or "end" not in item:
            continue
        try:
            start, end, weight = int(item["start"]), int(item["end"]), float(item.get("weight", 1.0))
        except (TypeError, ValueError):
            continue
        if weight <= 0 or not 0 <= start < end <= len(text):
            continue
        spans.append((start, end, str(item.get("label") or ""), weight))
    return spans


def segments(text, explanation):
    """The text cut at every span boundary; each piece labelled by the heaviest span covering it."""
    text = text or ""
    spans = _spans(text, explanation)
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for start, end in itertools.pairwise(cuts):
        covering = [(w, lab) for s, e, lab, w in spans if s <= start and end <= e]
        label = (max(covering)[1] or "other") if covering else None
        piece_segments = _split_controls(text[start:end], label)
        if out and piece_segments and not piece_segments[0].get("ctl") and not out[-1].get("ctl") \
                and out[-1].get("label") == piece_segments[0].get("label"):
            out[-1] = {**out[-1], "t": out[-1]["t"] + piece_segments[0]["t"]}
            piece_segments = piece_segments[1:]
        out.extend(piece_segments)
    return out


def features(explanation):
    """Explanation entries without offsets (whole-comment features), heaviest first, each signal once: one that
    weighs for two labels (attack_at_public for threat and harassment) is one reason to the moderator, not two."""
    items = [
        {"label": str(i.get("label") or ""), "feature": inert(str(i.get("feature") or "")),
         "weight": round(float(i.get("weight", 0)), 3)}
        for i in explanation or [] if isinstance(i, dict) and "feature" in i and "start" not in i
    ]
    heaviest = {}
    for item in sorted((i for i in items if i["weight"] > 0), key=lambda i: -i["weight"]):
        heaviest.setdefault(item["feature"], item)
    return list(heaviest.values())[:6]


def safe_link(url):
    """The URL when it is an absolute http(s) link, else None (javascript:, data:, relative...)."""
    if not isinstance(url, str) or any(c in url for c in BIDI) or any(ord(c) < 32 for c in url):
        return None
    parts = split_url(url.strip())
    if parts is None:  # a bracket that opens no IPv6 address: no link (a record stored before the API refused it)
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def evidence(text, explanation, label):
    """Up to three fragments of the text the explanation gives for one label, heaviest first; a signal with no span
    is {"feature": name}, which the page names in words rather than quoting its code name as if the comment said it."""
    text = text or ""
    items = sorted((i for i in explanation or [] if isinstance(i, dict) and i.get("label") == label
                    and float(i.get("weight", 0) or 0) > 0), key=lambda i: -float(i.get("weight", 0)))
    out = []
    for item in items:
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            if not any(char.isalnum() for char in text[start:end]):  # a lone 、 or ！ is no reason a person can read
                continue
            piece = inert(text[start:end][:40])
        else:
            piece = {"feature": inert(str(item.get("feature") or ""))[:40]} if item.get("feature") else ""
        if piece and piece not in out:
            out.append(piece)
        if len(out) == 3:
            break
    return out


# self_harm read only from the writer's own words (死にたい, 消えたい) is their distress, not incitement: the card names
# it so (session 28: 死にたい was shown as 自傷・自殺の誘導); a push at anyone else keeps the category's own name
_PUSHED = frozenset(("self_harm_push", "self_harm_at_person", "death_wish", "death_wish_at_person"))


def category_name(label, explanation):
    """The word a card gives a category: `self_harm_own` when self_harm's only signal is the writer's own."""
    if label != "self_harm":
        return label
    signals = {i.get("feature") for i in explanation or [] if isinstance(i, dict) and i.get("label") == label
               and float(i.get("weight", 0) or 0) > 0}
    return "self_harm_own" if "self_harm_self" in signals and not signals & _PUSHED else label


_RANK = {"low": 0, "review": 1, "reject": 2}


def _scores(values, thresholds, categories=None):
    """Each score's word; abuse means "some harm", so its word is its highest category's (a held threat is not low)."""
    out = [{"label": k, "value": round(float(v), 3), "level": level(float(v), thresholds.get(k))}
           for k, v in values]
    for item in out:
        if item["label"] == "abuse" and categories:
            item["level"] = max([item["level"], *(level(float(p), thresholds.get(name))
                                                 for name, p in categories.items())], key=_RANK.get)
    return out


def parent_view(parent_id, parent):
    """The comment a card replies to: its text when the service has it, else just its id."""
    if not parent_id:
        return None
    if not parent:
        return {"id": inert(parent_id), "known": False}
    return {"id": inert(parent_id), "known": True, "text": parent.get("text") or "",
            "author_name": inert(parent.get("author_name") or parent.get("author_id") or ""),
            "status": parent.get("status") or ""}


def harms_seen(record, most=3):
    """(category, p) a moderator is shown, likeliest first, on a card and on a request's page alike: the flagged
    ones, else (spam, a rule, a report, a published comment) up to `most` the model saw (HARM_FLOOR), never 0.00."""
    categories = record.get("categories")
    ranked = sorted(((str(k), float(v)) for k, v in categories.items() if isinstance(v, int | float)),
                    key=lambda kv: -kv[1]) if isinstance(categories, dict) else []
    flagged = set(record.get("labels") or [])
    return [kv for kv in ranked if kv[0] in flagged] or [kv for kv in ranked[:most] if kv[1] >= HARM_FLOOR]


def card(record, history, thresholds=None, parent=None):
    """The JSON a card is drawn from; score words come from each label's own thresholds."""
    thresholds = thresholds or {}
    scores, categories = record.get("scores") or {}, record.get("categories") or {}
    shown = harms_seen(record)
    return {
        "id": record["id"],
        "article_id": inert(record.get("article_id")),
        "article_title": inert(record.get("article_title") or ""),
        "article_url": safe_link(record.get("article_url") or record.get("url")),
        "url_text": inert(record.get("article_url") or record.get("url") or ""),
        "parent": parent_view(record.get("parent_id"), parent),
        "author_id": inert(record.get("author_id") or ""),
        "author_name": inert(record.get("author_name") or ""),
        "history": {"approved": history.get("approved", 0), "rejected": history.get("rejected", 0)},
        "received_at": record.get("received_at") or 0,
        "labels": record.get("labels") or [],
        "scores": _scores(sorted(scores.items()), thresholds, categories),
        "categories": [{**item, "evidence": evidence(record.get("text"), record.get("explanation"), item["label"]),
                        "name": category_name(item["label"], record.get("explanation"))}
                       for item in _scores(shown, thresholds)],
        "primary_reason": primary_reason(record),
        "segments": segments(record.get("text"), record.get("explanation")),
        "features": features(record.get("explanation")),
        "reports": int(record.get("reports") or 0),  # readers' reports: why a clean comment is in the queue
        "last_report": record.get("last_report") if record.get("last_report") in REASONS else "",
        "risk": record.get("risk", 0),
        "lease_until": record.get("lease_until") or 0,
    }


def format_time(ms, zone="Asia/Tokyo"):
    """(ISO 8601 UTC, local 'YYYY-MM-DD HH:MM:SS JST') for a time in ms."""
    return times.iso(int(ms), timespec="seconds"), times.local(int(ms), zone)


def local_time(value, zone="Asia/Tokyo"):
    """An ISO 8601 time (or ms since the epoch) as 'YYYY-MM-DD HH:MM:SS JST'; what cannot be read, unchanged."""
    try:
        if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
            return times.local(value, zone)
        moment = datetime.fromisoformat(str(value))
    except (TypeError, ValueError, OverflowError):
        return value
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S %Z")
