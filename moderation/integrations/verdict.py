"""What the Akismet and Coral endpoints decide for a bare text: the site's policy over spam, abuse and every
harm category, exactly as POST /api/v1/comments decides (admins' saved thresholds included).

Neither protocol has a field for the categories (Coral's answer schema refuses unknown keys), so their
probabilities and the model version travel in response headers that both clients ignore:
``X-Moderation-Categories`` (compact JSON, the API answer's numbers) and ``X-Moderation-Model-Version``.
"""

import json
from typing import NamedTuple

from moderation.scoring.manager import get_manager

CATEGORIES_HEADER = "X-Moderation-Categories"
MODEL_HEADER = "X-Moderation-Model-Version"


class Verdict(NamedTuple):
    """The policy's decision and labels, and the headers that carry the categories."""

    decision: str
    labels: list
    headers: dict


def verdict(site, text):
    """Score `text` with the active model and decide it with `site`'s policy."""
    manager = get_manager().serving  # one model and policy
    score = manager.active.score(text)
    decision, labels, _ = manager.policy_for(site).decide({**score.scores, **score.categories})
    categories = {name: round(float(p), 6) for name, p in score.categories.items()}  # as the API answers
    headers = {CATEGORIES_HEADER: json.dumps(categories, separators=(",", ":")),
               MODEL_HEADER: score.model_version or ""}
    return Verdict(decision, labels, headers)
