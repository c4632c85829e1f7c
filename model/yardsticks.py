"""An artifact's functional yardsticks: the Japanese suite, HateCheck, the personal-information and threat probes."""

from __future__ import annotations

from pathlib import Path

from model.case_reports import (
    accusation_probe_report,
    group_probe_report,
    hatecheck_report,
    personal_info_report,
    suite_report,
    threat_probe_report,
)
from model.judge import (
    ACCUSATION_PROBE,
    CIVIL_PROBE,
    COUNTER_PROBE,
    COUNTER_REF_PROBE,
    COUNTER_THREAT_PROBE,
    DEATH_WISH_PROBE,
    DEFAULT_DATA,
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
