"""How one set of written cases is scored against an artifact's decisions: pass rates per functionality, per side
and per minimal pair (the Japanese suite, the written probes), HateCheck's ROC-AUC and shares, personal_info's
precision and recall."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from model.judge import DEFAULT_REVIEW, OWN_WORD_COUNTS, Judge, hatecheck_rows
from moderation.targets.openings import OWNABLE
from moderation.targets.owned import OWN, owned_spans, reading
from moderation.text.normalize import normalize_text


def _rate(passed: int, n: int) -> float | None:
    return round(passed / n, 4) if n else None


def suite_report(judge: Judge, cases: list[dict]) -> dict:
    """Pass rates of the Japanese suite per functionality, per expected label, per category and per pair."""
    outcome: dict[str, bool] = {}
    per_func: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_exp: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cat_match = [0, 0]
    false_alarms: dict[str, int] = defaultdict(int)  # which outputs held the non-harmful cases
    for case in cases:
        verdict = judge.judge(case["text"])
        ok = verdict["flagged"] if case["expected"] == "harmful" else verdict["decision"] == "allow"
        outcome[case["id"]] = ok
        if not ok and case["expected"] == "non_harmful":
            for name in verdict["harms"] or ["spam"]:
                false_alarms[name] += 1
        for table, key in ((per_func, case["functionality"]), (per_exp, case["expected"])):
            table[key][0] += ok
            table[key][1] += 1
        if case["expected"] == "harmful" and case.get("category"):
            per_cat[case["category"]][0] += ok
            per_cat[case["category"]][1] += 1
            if ok and verdict["categories"] and case["category"] in verdict["categories"]:
                cat_match[0] += verdict["top_category"] == case["category"]
                cat_match[1] += 1
    pairs = {tuple(sorted((c["id"], c["pair"]))) for c in cases if c.get("pair")}
    both = sum(outcome[a] and outcome[b] for a, b in pairs)
    return {
        "n": len(cases),
        "functionalities": {k: {"n": n, "passed": p, "pass_rate": _rate(p, n)}
                            for k, (p, n) in sorted(per_func.items())},
        "harmful": {"n": per_exp["harmful"][1], "pass_rate": _rate(*per_exp["harmful"])},
        "non_harmful": {"n": per_exp["non_harmful"][1], "pass_rate": _rate(*per_exp["non_harmful"])},
        "categories": {k: {"n": n, "pass_rate": _rate(p, n)} for k, (p, n) in sorted(per_cat.items())},
        "pairs": {"n": len(pairs), "both_pass_rate": _rate(both, len(pairs))},
        "category_match": ({"n": cat_match[1], "rate": _rate(*cat_match)} if cat_match[1] else None),
        "false_alarms": dict(sorted(false_alarms.items())),
        "failed": sorted(k for k, ok in outcome.items() if not ok),
    }


def own_word_reading(text: str) -> tuple[bool, bool]:
    """(a slur word owned.py reads is in the text, one is read as the writer's own) on this code, as the vectorizer
    reads the normalised text: the count beside HateCheck's table that tells a reading never made from a reading made
    and outweighed by the n-grams."""
    t = normalize_text(text)
    word = any(not (m.start() and "a" <= t[m.start() - 1] <= "z") for m in OWNABLE.finditer(t))
    return word, word and any(reading(t, a, b) == OWN for a, b in owned_spans(t))


def hatecheck_report(judge: Judge, path: Path) -> dict:
    """ROC-AUC of `abuse` over hateful vs non-hateful HateCheck cases, the share flagged per functionality and, per
    functionality, COUNTS only of the writer's-own-word reading (cases with a slur word, read as the writer's own,
    read and still flagged, not read and flagged): no case's wording is kept, nothing is chosen from them."""
    if not path.is_file():
        return {"available": False, "reason": f"{path} is missing"}
    from sklearn.metrics import roc_auc_score

    rows = hatecheck_rows(path)
    y, abuse = [], []
    per_func: dict[str, list] = defaultdict(lambda: [0, 0, ""])
    readings: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # word, own, own flagged, unread flagged
    for row in rows:
        verdict = judge.judge(row["test_case"].strip())
        hateful = row["label_gold"] == "hateful"
        y.append(int(hateful))
        abuse.append(verdict["abuse"])
        entry = per_func[row["functionality"]]
        entry[0] += verdict["flagged"]
        entry[1] += 1
        entry[2] = row["label_gold"]
        word, own = own_word_reading(row["test_case"].strip())
        count = readings[row["functionality"]]
        for i, hit in enumerate((word, own, own and verdict["flagged"], word and not own and verdict["flagged"])):
            count[i] += bool(hit)
    flagged = {k: {"n": n, "label": lab, "flagged": _rate(f, n),
                   "pass_rate": _rate(f if lab == "hateful" else n - f, n),
                   "own_word": dict(zip(OWN_WORD_COUNTS, readings[k], strict=True))}
               for k, (f, n, lab) in sorted(per_func.items())}
    totals = {lab: [sum(f for f, _, g in per_func.values() if g == lab),
                    sum(n for _, n, g in per_func.values() if g == lab)] for lab in ("hateful", "non-hateful")}
    return {
        "available": True,
        "n": len(rows),
        "roc_auc_abuse": round(float(roc_auc_score(y, abuse)), 4),
        "hateful_flagged": _rate(*totals["hateful"]),
        "non_hateful_flagged": _rate(*totals["non-hateful"]),
        "functionalities": flagged,
    }


def personal_info_report(judge: Judge, cases: list[dict]) -> dict:
    """Precision and recall of the `personal_info` category at its review threshold on the written probe."""
    review = judge.thresholds.get("personal_info", {}).get("review", DEFAULT_REVIEW)
    tp = fp = fn = tn = 0
    wrong = []
    for case in cases:
        cats = judge.categories(judge.scorer.score(case["text"]))
        if "personal_info" not in cats:
            return {"available": False, "reason": "the artifact has no personal_info category"}
        hit = cats["personal_info"] >= review
        tp += hit and case["expected"]
        fp += hit and not case["expected"]
        fn += not hit and case["expected"]
        tn += not hit and not case["expected"]
        if hit != case["expected"]:
            wrong.append(case["id"])
    return {"available": True, "n": len(cases), "threshold": review, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": _rate(tp, tp + fp), "recall": _rate(tp, tp + fn), "failed": wrong}


def threat_probe_report(judge: Judge, cases: list[dict]) -> dict:
    """The English threat probe: threats held for a harm, same-shape non-threats not held for one (a hold for
    spam alone is not this probe's business), per functionality and for the minimal pairs."""
    outcome: dict[str, bool] = {}
    per_func: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        flagged = judge.judge(case["text"])["flagged"]
        ok = flagged if case["expected"] == "harmful" else not flagged
        outcome[case["id"]] = ok
        per_func[case["functionality"]][0] += ok
        per_func[case["functionality"]][1] += 1
    side = {e: [sum(outcome[c["id"]] for c in cases if c["expected"] == e),
                sum(c["expected"] == e for c in cases)] for e in ("harmful", "non_harmful")}
    pairs = {tuple(sorted((c["id"], c["pair"]))) for c in cases if c.get("pair")}
    both = sum(outcome[a] and outcome[b] for a, b in pairs)
    return {"n": len(cases),
            "functionalities": {k: {"n": n, "passed": p, "pass_rate": _rate(p, n)}
                                for k, (p, n) in sorted(per_func.items())},
            "threats_flagged": {"n": side["harmful"][1], "rate": _rate(*side["harmful"])},
            "non_threats_flagged": {"n": side["non_harmful"][1],
                                    "rate": _rate(side["non_harmful"][1] - side["non_harmful"][0],
                                                  side["non_harmful"][1])},
            "pairs": {"n": len(pairs), "both_pass_rate": _rate(both, len(pairs))},
            "failed": sorted(k for k, ok in outcome.items() if not ok)}


def group_probe_report(judge: Judge, cases: list[dict]) -> dict:
    """The English group probe: attacks on groups and people held for a harm; denied attacks, positive mentions,
    swearing at nobody, in-group reclaimed words and reports of someone else's slur not held for one."""
    rep = threat_probe_report(judge, cases)
    return {"n": rep["n"], "functionalities": rep["functionalities"],
            "harmful_flagged": rep["threats_flagged"], "non_harmful_flagged": rep["non_threats_flagged"],
            "pairs": rep["pairs"], "failed": rep["failed"]}


def accusation_probe_report(judge: Judge, cases: list[dict]) -> dict:
    """The Japanese accusation probe: an identifiable person named as a crime's culprit held for a harm, news of a
    crime whose culprit is unknown (「…の犯人が捕まっていない」) not held; scored as the group probe is."""
    return group_probe_report(judge, cases)

