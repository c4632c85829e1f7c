"""Davidson's ROC-AUC on every tweet and on the tweets the owned reading leaves alone: the card states both (s54).

Davidson labels a tweet offensive for any vulgar word; the project reads a slur or vulgar word the writer says of
themself, their own circle or in its literal sense (moderation.targets.owned: "me and my bitches", "karma is a
bitch") as no attack, and its written probes call those sentences civil. The bar (held-out >= 0.9627) is reported as
worded, missed while it is; this figure is stated next to it, never instead of it (lead, session 54).
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.data.english import owned

FIELD = "davidson_without_owned"  # card["metrics"][FIELD], model.compare's snapshot[FIELD]
SPLITS = (("validation", D.VALID), ("heldout", D.TEST))
REASON = ("the owned reading (moderation.targets.owned) reads these tweets' bitch / hoe / slut or slur as the "
          "writer's own or literal, which the project's written probes call civil (33 written civil probes lost "
          "when bitch / hoe / slut are not read so: train, session 53); Davidson labels them offensive")


def owned_split(rows: list[D.Row], proba_fn) -> dict:
    """Per split, Davidson's abuse ROC-AUC on every tweet and without the tweets owned() reads, with the counts left
    out; proba_fn(texts) -> (n, 2) spam and abuse as model.evaluate.pipeline_proba gives them."""
    out = {}
    for name, split in SPLITS:
        tweets = [r for r in rows if r.source == "davidson" and r.split == split and not r.synthetic]
        if not tweets:
            continue
        y = np.asarray([r.abuse for r in tweets], dtype=int)
        p = np.asarray(proba_fn([r.text for r in tweets]))[:, 1]
        mine = np.asarray([owned(r.text) for r in tweets], dtype=bool)
        out[name] = {"n": len(y), "pos": int(y.sum()), "roc_auc": round(float(roc_auc_score(y, p)), 4),
                     "left_out": int(mine.sum()), "left_out_pos": int(y[mine].sum()),
                     "roc_auc_without_owned": round(float(roc_auc_score(y[~mine], p[~mine])), 4)}
    return {**out, "reason": REASON} if out else {}


def owned_lines(after: dict, before: dict | None = None) -> list[str]:
    """The two figures side by side per split (before -> after when `before` has them): the card's and compare's
    lines."""
    lines = []
    for name, _ in SPLITS:
        a, b = after.get(name), (before or {}).get(name)
        if not a:
            continue
        lines.append(f"- Davidson {name}: every tweet {_was(b, 'roc_auc')}{a['roc_auc']:.4f} (n {a['n']}, pos "
                     f"{a['pos']}); without the {a['left_out']} tweets the owned reading reads ({a['left_out_pos']} "
                     f"labelled offensive or hate) {_was(b, 'roc_auc_without_owned')}{a['roc_auc_without_owned']:.4f}")
    return lines + ([f"- left out because {after['reason']}"] if lines else [])


def _was(before: dict | None, key: str) -> str:
    return f"{before[key]:.4f} -> " if before else ""


def owned_section(split: dict | None) -> list[str]:
    """CARD.md's section under the held-out table (none on a card measured before session 54)."""
    if not split:
        return []
    return ["", "## Davidson without the tweets the owned reading reads (stated next to the figure above)", "",
            *owned_lines(split)]
