"""A scored comment's record (the policy's decision beside the model's scores), the answer the site gets for it,
and its text's fingerprint: what the single, batch and fast paths (api/comments.py, api/fast_path.py) and
comments:check (api/checks.py) build alike."""

import logging
import time

from moderation.errors import Conflict, unavailable
from moderation.ops.proxies import limit_key
from moderation.scoring.article_categories import article_category
from moderation.scoring.manager import get_manager
from moderation.store import RedisError
from moderation.store.rate_limits import RateLimited, get_limiter
from moderation.store.review_queue import get_queue
from moderation.store.review_queue.submissions import STATUS, Limited
from moderation.times import iso

try:  # CPython's own SHA-256 (3.11's _sha256, _sha2 from 3.12), else OpenSSL's through hashlib: the same digest
    from _sha256 import sha256 as _sha256
except ImportError:
    try:
        from _sha2 import sha256 as _sha256
    except ImportError:
        from hashlib import sha256 as _sha256

log = logging.getLogger(__name__)


def public_view(record, *, full=False):
    """What the site sees of a stored record: the decision, and with `full` the moderation outcome."""
    body = {key: record.get(key) for key in ("id", "decision", "status", "scores", "labels", "model_version")}
    body["categories"] = record.get("categories") or {}
    body["reason"] = record.get("decision_reason") or None  # an article's or an author's rule overrode the model
    if record.get("author_id"):
        body["author_standing"] = record.get("author_standing") or "good"  # as the comment arrived
    body["explanation"] = record.get("explanation", [])
    if full:
        body["article_id"] = record.get("article_id")
        body["received_at"] = iso(record["received_at"]) if record.get("received_at") else None
        body["moderation"] = None
        queued = record.get("queue_state") in ("ready", "claimed")  # a published comment readers reported, too
        if record.get("outcome") and not queued:
            body["moderation"] = {
                "outcome": record["outcome"], "moderator": record.get("decided_by"),
                "decided_at": iso(record["decided_at"]), "reason": record.get("reason") or None,
            }
        elif queued or record.get("status") == "pending":
            body["moderation"] = {"outcome": "pending", "claimed": record.get("queue_state") == "claimed"}
    return body


def record_context(site, manager, queue):
    """What build_record looks up once per site, from the manager and queue its caller holds: the site's policy and
    the trusted authors' review scale (a batch looks them up once for all its comments)."""
    return manager.policy_for(site), queue.standing.config["trusted_review_scale"]


def build_record(site, comment, score, context=None, *, explained=True):
    """A scored comment ready to store: the policy's decision, labels and risk beside the model's output (the
    article category's rule applied), and whether it was posted unchanged or revised after a nudge. With
    `explained=False` its explanation is left empty for the caller to fill (a batch explains its held ones at once).
    The fields only stored (ip, url, the author's name...) stay in the parsed `comment` it holds: SUBMIT's JSON is
    written from both in one pass (store/records.documents), not split from a 28-field dict."""
    policy, scale = context or record_context(site, get_manager(), get_queue(site))
    category = article_category(site, comment, policy.rules)  # the comment's, else the article registry's
    scores = {**score.scores, **score.categories}
    decision, labels, risk = policy.decide(scores, article_category=category)
    author = comment["author"]
    author_id = author.get("id") if author else None
    relaxed = None  # what a trusted author's held comment gets instead (the store knows who is trusted)
    if decision == "review" and author_id and scale > 1:
        relaxed = policy.decide(scores, article_category=category, review_scale=scale)[0]
    return {
        "id": comment["id"], "site": site, "article_id": comment["article_id"], "text": comment["text"],
        "text_sha256": text_sha256(comment["text"]), "article_category": category, "nudged": nudge_outcome(comment),
        "author_id": author_id, "received_at": int(time.time() * 1000), "decision": decision,
        "status": STATUS[decision], "scores": rounded(score.scores), "labels": labels,
        "categories": rounded(score.categories),
        # explained only when held or rejected: an allowed comment's answer does not pay for the spans
        "explanation": score.explanation if explained and decision != "allow" else [],
        "model_version": score.model_version,
        "risk": round(risk, 6), "trusted_decision": relaxed if relaxed != decision else None, "comment": comment,
    }


def rounded(values):
    """{key: round(float(value), 6)} of a score dict, the same floats in ~60% of the time (1.9 against 3.0 µs for a
    comment's nine, warm). For 0 < x <= 1, x * 1e6 is within 2**-34 of the exact product, so when it lies more than
    1e-9 from a half its nearest integer n is the exact product's, the digits round() keeps; n / 1e6, one IEEE
    division of two exact doubles, is then the double nearest n / 10**6, which is what round() reads them back as.
    Anything else (0, above 1, within 1e-9 of a half, NaN) is round()'s own."""
    out = {}
    for key, value in values.items():
        value = float(value)
        if 0.0 < value <= 1.0:
            scaled = value * 1e6
            nearest = int(scaled + 0.5)
            if -0.499999999 < scaled - nearest < 0.499999999:
                out[key] = nearest / 1e6
                continue
        out[key] = round(value, 6)
    return out


def _replay(stored, record):
    """The stored answer for a repeated id, or 409 when the id now carries another text."""
    if stored.get("text_sha256") != record["text_sha256"]:
        raise Conflict("this id is already stored with a different text", "text", code="id_conflict")
    return public_view(stored)


def outcome(site, record, result, charge=None):
    """The answer for one submit: the new answer, the stored one for a repeated id, 409, 429 when a rate-limit
    counter went over (nothing stored), or 503 for a comment that would be queued or rejected while Redis is
    unreachable (a clean one is still answered allow: limits fail open)."""
    try:
        if isinstance(result, Exception):
            raise result
        if isinstance(result, Limited):
            get_limiter().refuse(charge, *result)
        created, _ = result
        if created:
            return public_view(record)
        return _replay(get_queue(site).get(record["id"]) or {}, record)
    except RedisError:
        if record["decision"] != "allow":
            raise unavailable() from None
        log.warning("redis unavailable: clean comment answered without a stored record")
        return public_view(record)


def stored_answer(site, comment):
    """A comment this worker refused before scoring (its client already over a limit): the stored answer when its id
    is stored (a retry of an acknowledged comment is answered, never 429; 409 for another text), else None. One
    read, no scoring; None too when Redis cannot answer (the refusal stands)."""
    try:
        stored = get_queue(site).get(comment["id"])
    except RedisError:
        return None
    return None if stored is None else _replay(stored, {"text_sha256": text_sha256(comment["text"])})


def comment_hits(comment, key_cost=1):
    """The rate-limit counters one comment adds to: the site's key, its author and its client IP."""
    # one spelling, IPv6 per /64: parse_comment's, from the parse that checked it (else the address read again)
    ip = comment.get("ip_key") or (limit_key(comment["ip"]) if comment["ip"] else None)
    return [("key", "all", key_cost), ("author", (comment["author"] or {}).get("id"), 1), ("ip", ip, 1)]


def handle(site, comment, meanwhile=None):
    """Score, count the limits, decide and store one comment in one Redis round trip; a repeated id gets its
    stored answer. A client this worker already saw over a limit is refused before any scoring.

    With `meanwhile` (a function of an answer): (the answer, meanwhile(the answer) when it was run on this answer,
    else None). It runs on the comment's view while the server runs SUBMIT, and counts only when SUBMIT then stored
    the comment as it was sent (no rule overrode its decision, no standing came back): any other answer is made
    after SUBMIT's reply, as without it. Where the article's mode in this worker's last reply for it would override
    the decision (_ruled), it runs on None instead: no view to make, only the caller's other work of the wait."""
    try:
        charge = get_limiter().charge(site, comment_hits(comment), now=time.time())
    except RateLimited:
        stored = stored_answer(site, comment)
        if stored is None:
            raise
        return stored if meanwhile is None else (stored, None)
    manager, queue = get_manager().serving, get_queue(site)  # one model and policy throughout
    record = build_record(site, comment, manager.active.score(comment["text"]), record_context(site, manager, queue))
    early = view = None
    try:
        sent = queue.submit_send(record, queued=record["decision"] == "review", charge=charge)
    except RedisError as error:
        result = error
    else:
        if meanwhile is not None:
            try:  # nothing between the send and the read may leave the reply unread
                if _ruled(queue, record):
                    meanwhile(None)
                else:
                    view, sent_as = public_view(record), _overridden(record)
                    early = meanwhile(view)
            except Exception:  # made again after the reply, where the same error is the answer's
                view = None
            except BaseException:
                queue.submit_drop(sent)
                raise
        try:
            result = queue.submit_read(record, sent)
        except RedisError as error:
            result = error
    if view is not None and type(result) is tuple and result[0] and _overridden(record) == sent_as:
        answer = view  # stored as sent: the view made meanwhile is the answer
    else:
        answer, early = outcome(site, record, result, charge), None
    if manager.shadow is not None:
        compare_shadow(manager, site, record)
    return answer if meanwhile is None else (answer, early)


def _ruled(queue, record):
    """Whether SUBMIT will override this comment's decision by its article's mode as this worker's last reply for the
    article gave it (closed: every comment; premoderated: an allowed one), so that a view made while SUBMIT runs
    would be thrown away (11% of the benchmark's comments: ~9 µs of worker CPU each). A mode changed since only
    moves where the answer is made: from the reply, as for any answer the reply changed."""
    mode = queue.last_mode(record["article_id"])
    return mode == "closed" or (mode == "premoderated" and record["decision"] == "allow")


def _overridden(record):
    """What SUBMIT's reply can change of a stored comment's view (submissions._answer), as public_view shows it."""
    return record["decision"], record.get("decision_reason"), record.get("author_standing") or "good"


def compare_shadow(manager, site, record):
    """Score with the shadow model too and count where it would have decided otherwise; never affects the answer."""
    shadow = manager.shadow
    try:
        score = shadow.score(record["text"])
        decision, _, _ = manager.policy_for(site).decide({**score.scores, **score.categories},
                                                         article_category=record.get("article_category"))
        manager.registry.record_shadow(shadow.version, record["decision"], decision, site, record["id"])
    except RedisError:
        log.warning("shadow comparison not recorded: redis unavailable")


def text_sha256(text):
    """The comment text's fingerprint: idempotency, and the check_token comments:check answers. CPython's own
    SHA-256: inside a request (its caches cold) hashlib's OpenSSL one, which fetches an EVP context every call, cost
    12.9 us a comment and this 6.6 (in a warm loop 1.2 against 2.0)."""
    return _sha256(text.encode()).hexdigest()


def nudge_outcome(comment):
    """None, or whether a comment posted after a nudge is the checked text ("unchanged") or another ("revised")."""
    if not comment.get("nudged"):
        return None
    return "unchanged" if comment["check_token"] == text_sha256(comment["text"]) else "revised"
