"""A comment record as the API hands it to SUBMIT: what the submit tests store, retry and fail over."""

import time

from moderation.store.review_queue import submissions


def submit_record(comment_id, decision="review"):
    return {"id": comment_id, "site": "s", "article_id": "art-1", "text": "本文", "text_sha256": f"sha-{comment_id}",
            "author_id": "u-1", "author_name": "名前", "received_at": int(time.time() * 1000), "decision": decision,
            "status": submissions.STATUS[decision], "scores": {"spam": 0.1, "abuse": 0.9}, "labels": ["abuse"],
            "explanation": [], "model_version": "v-test", "risk": 0.9}
