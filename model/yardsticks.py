"""An artifact's functional yardsticks: the Japanese suite, HateCheck, the personal-information and threat probes."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from model.judge import (
    ACCUSATION_PROBE,
    CIVIL_PROBE,
    COUNTER_PROBE,
    COUNTER_REF_PROBE,
    COUNTER_THREAT_PROBE,
    DEATH_WISH_PROBE,
    DEFAULT_DATA,
    DEFAULT_REVIEW,
    DENIAL_FORMS_PROBE,
    DENIAL_PROBE,
    EMOTION_PROBE,
    EXCLUSION_PROBE,
    FRAME_PROBE,
    GROUP_PROBE,
    GROUP_SUPPORT_PROBE,
    HARM_FORMS_PROBES,
    HATECHECK,
    IDENTITY_POSITIVE_PROBE,
    INGROUP_ADDRESS_PROBE,
    INGROUP_WORD_PROBE,
    INVISIBLE_PROBE,
    JA_ATTACK_PROBE,
    JA_BLAME_CHAIN_PROBE,
    JA_BLAME_FORMS_PROBE,
    JA_BLAME_PASSIVE_PROBE,
    JA_BLAME_PROBE,
    JA_CIVIL_PROBE,
    JA_CLAUSE_PROBE,
    JA_EXCLUSION_PROBE,
    JA_GENERALISE_PROBE,
    JA_GROUP_PROBE,
    JA_INVISIBLE_PROBE,
    JA_NEWS_COMMENT_PROBE,
    JA_SELF_PROBE,
    MENTION_PROBE,
    NEGATED_CLAIMS_PROBE,
    NEGATED_FORMS_PROBE,
    NEGATED_MORE_PROBE,
    NEGATION_GROUPS_PROBE,
    NEGATION_PROBE,
    NEIGHBOUR_PROBE,
    OWNED_PROBE,
    PEOPLES_NEUTRAL_PROBE,
    POLARITY_PROBE,
    POSITIVE_PROBE,
    PRAISE_PROBE,
    PROBE,
    RECLAIMED_PROBE,
    SLUR_LIST_PROBE,
    SLUR_PRAISE_PROBE,
    SLUR_THIRD_PROBE,
    SPELLING_EDITS_PROBE,
    SPELLING_GROUPS_PROBE,
    SPELLING_PROBE,
    SPELLING_REST_PROBE,
    SPELLING_VERBS_PROBE,
    STANCE_PROBE,
    SUITE,
    SWEARING_BARE_PROBE,
    SWEARING_PROBE,
    THREAT_PROBE,
    VEILED_THREAT_PROBE,
    VERDICT_PROBE,
    WITHHELD_PRAISE_PROBE,
    Judge,
    load_cases,
)


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


def hatecheck_report(judge: Judge, path: Path) -> dict:
    """ROC-AUC of `abuse` over hateful vs non-hateful HateCheck cases, and the share flagged per functionality."""
    if not path.is_file():
        return {"available": False, "reason": f"{path} is missing"}
    from sklearn.metrics import roc_auc_score

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    y, abuse = [], []
    per_func: dict[str, list] = defaultdict(lambda: [0, 0, ""])
    for row in rows:
        verdict = judge.judge(row["test_case"].strip())
        hateful = row["label_gold"] == "hateful"
        y.append(int(hateful))
        abuse.append(verdict["abuse"])
        entry = per_func[row["functionality"]]
        entry[0] += verdict["flagged"]
        entry[1] += 1
        entry[2] = row["label_gold"]
    flagged = {k: {"n": n, "label": lab, "flagged": _rate(f, n),
                   "pass_rate": _rate(f if lab == "hateful" else n - f, n)}
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


# each written probe: the card key it is stored under, its cases and the report that scores them
WRITTEN_PROBES = {
    "en_threat_probe": (THREAT_PROBE, threat_probe_report),
    "en_group_probe": (GROUP_PROBE, group_probe_report),
    "en_frame_probe": (FRAME_PROBE, group_probe_report),
    "en_negation_probe": (NEGATION_PROBE, group_probe_report),
    "en_group_mention_probe": (MENTION_PROBE, group_probe_report),
    "en_swearing_probe": (SWEARING_PROBE, group_probe_report),
    "en_exclusion_probe": (EXCLUSION_PROBE, group_probe_report),
    "en_emotion_probe": (EMOTION_PROBE, group_probe_report),
    "en_group_positive_probe": (POSITIVE_PROBE, group_probe_report),
    "en_praise_probe": (PRAISE_PROBE, group_probe_report),
    "en_neighbour_probe": (NEIGHBOUR_PROBE, group_probe_report),
    "en_withheld_praise_probe": (WITHHELD_PRAISE_PROBE, group_probe_report),
    "en_identity_positive_probe": (IDENTITY_POSITIVE_PROBE, group_probe_report),
    "en_group_support_probe": (GROUP_SUPPORT_PROBE, group_probe_report),
    "en_peoples_neutral_probe": (PEOPLES_NEUTRAL_PROBE, group_probe_report),
    "en_civil_probe": (CIVIL_PROBE, group_probe_report),
    "en_stance_probe": (STANCE_PROBE, group_probe_report),
    "en_denial_probe": (DENIAL_PROBE, group_probe_report),
    "en_counter_probe": (COUNTER_PROBE, group_probe_report),
    "en_polarity_probe": (POLARITY_PROBE, group_probe_report),
    "en_veiled_threat_probe": (VEILED_THREAT_PROBE, group_probe_report),
    "en_denial_forms_probe": (DENIAL_FORMS_PROBE, group_probe_report),
    "en_verdict_probe": (VERDICT_PROBE, group_probe_report),
    "en_counter_ref_probe": (COUNTER_REF_PROBE, group_probe_report),
    "en_counter_threat_probe": (COUNTER_THREAT_PROBE, group_probe_report),
    "en_death_wish_probe": (DEATH_WISH_PROBE, group_probe_report),
    "en_negated_forms_probe": (NEGATED_FORMS_PROBE, group_probe_report),
    "en_negated_claims_probe": (NEGATED_CLAIMS_PROBE, group_probe_report),
    "en_negated_more_probe": (NEGATED_MORE_PROBE, group_probe_report),
    "en_negation_groups_probe": (NEGATION_GROUPS_PROBE, group_probe_report),
    "en_spelling_probe": (SPELLING_PROBE, group_probe_report),
    "en_spelling_verbs_probe": (SPELLING_VERBS_PROBE, group_probe_report),
    "en_spelling_edits_probe": (SPELLING_EDITS_PROBE, group_probe_report),
    "en_spelling_rest_probe": (SPELLING_REST_PROBE, group_probe_report),
    "en_slur_list_probe": (SLUR_LIST_PROBE, group_probe_report),
    "en_spelling_groups_probe": (SPELLING_GROUPS_PROBE, group_probe_report),
    "en_invisible_probe": (INVISIBLE_PROBE, group_probe_report),
    "en_swearing_bare_probe": (SWEARING_BARE_PROBE, group_probe_report),
    "en_reclaimed_probe": (RECLAIMED_PROBE, group_probe_report),
    "en_owned_probe": (OWNED_PROBE, group_probe_report),
    "en_slur_praise_probe": (SLUR_PRAISE_PROBE, group_probe_report),
    "en_ingroup_word_probe": (INGROUP_WORD_PROBE, group_probe_report),
    "en_slur_third_probe": (SLUR_THIRD_PROBE, group_probe_report),
    "en_ingroup_address_probe": (INGROUP_ADDRESS_PROBE, group_probe_report),
    "ja_accusation_probe": (ACCUSATION_PROBE, accusation_probe_report),
    "ja_invisible_probe": (JA_INVISIBLE_PROBE, group_probe_report),
    "ja_group_probe": (JA_GROUP_PROBE, group_probe_report),
    "ja_self_probe": (JA_SELF_PROBE, group_probe_report),
    "ja_exclusion_probe": (JA_EXCLUSION_PROBE, group_probe_report),
    "ja_attack_probe": (JA_ATTACK_PROBE, group_probe_report),
    "ja_blame_probe": (JA_BLAME_PROBE, group_probe_report),
    "ja_blame_forms_probe": (JA_BLAME_FORMS_PROBE, group_probe_report),
    "ja_blame_chain_probe": (JA_BLAME_CHAIN_PROBE, group_probe_report),
    "ja_generalise_probe": (JA_GENERALISE_PROBE, group_probe_report),
    "ja_blame_passive_probe": (JA_BLAME_PASSIVE_PROBE, group_probe_report),
    "ja_clause_probe": (JA_CLAUSE_PROBE, group_probe_report),
    "ja_civil_probe": (JA_CIVIL_PROBE, group_probe_report),
    "ja_news_comment_probe": (JA_NEWS_COMMENT_PROBE, group_probe_report),
}
# session 23: deed threats, named accusations, group qualities (English and Japanese), scored as the group probe is
WRITTEN_PROBES.update({p.stem: (p, group_probe_report) for p in HARM_FORMS_PROBES})


def written_cases() -> list[dict]:
    """Every case we wrote (the Japanese suite, the personal-information probe, the written probes): test only."""
    return [c for path in (SUITE, PROBE, *(p for p, _ in WRITTEN_PROBES.values())) for c in load_cases(path)]


def functional_report(scorer, thresholds: dict, data_dir: Path | str | None = None, *,
                      parts: tuple[str, ...] = ("ja_suite", "hatecheck", "personal_info", *WRITTEN_PROBES)) -> dict:
    """All the yardsticks for one loaded scorer and its thresholds (card["functional"] holds this)."""
    judge = Judge(scorer, thresholds)
    out: dict = {"model_version": getattr(scorer, "version", "")}
    if "ja_suite" in parts:
        out["ja_suite"] = suite_report(judge, load_cases(SUITE))
    if "hatecheck" in parts:
        out["hatecheck"] = hatecheck_report(judge, Path(data_dir or DEFAULT_DATA) / HATECHECK)
    if "personal_info" in parts:
        out["personal_info"] = personal_info_report(judge, load_cases(PROBE))
    for key, (path, report) in WRITTEN_PROBES.items():
        if key in parts:
            out[key] = report(judge, load_cases(path))
    return out
