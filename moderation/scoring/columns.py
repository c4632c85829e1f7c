"""An artifact's signal weights laid in this code's FEATURE_NAMES order, by name, once at load: a release that adds
a signal still scores, and rolls back to, every artifact whose signals it computes; one naming a signal it does not
compute is refused.

The signals are the last columns of a row (TextFeatures: signal_offset_ + one per name). `conform()` works on the
unpickled pipeline in memory, before the scorer warms it: the heads' weight rows after the offset are re-laid in
FEATURE_NAMES order (a signal the artifact was not fitted with weighs 0 in every head, so the row's sum is the
artifact's own to the bit: x + 0.0 is x), the column numbers MaskedHeads keeps from its fit (excluded_columns,
damped_columns, the gate's columns) follow their names, and n_features_out_ / n_features_in_ become this code's.
Serving then equals that pipeline's predict_proba as before, and scoring does no extra work. Nothing else fitted is
per signal: the IDF is per n-gram bucket, the intercepts and calibration per head, the thresholds per output, the
explanations read FEATURE_NAMES against the re-laid rows.
"""

from __future__ import annotations

import numpy as np

from moderation.features.vocabulary import FEATURE_NAMES

__all__ = ["PICKLED_WITHOUT_NAMES", "ColumnsError", "conform", "fitted_signals"]

# FEATURE_NAMES when TextFeatures began to record signal_names_ (main 5370dba, 2026-12-05): the signals of every
# artifact pickled before (2026.12.04-7, -8), whose files are pinned by their sha256 and so are never rewritten
PICKLED_WITHOUT_NAMES = (
    "url_count", "url_spam_domain", "url_shortener", "url_safe_domain", "url_unknown_domain", "brand_mention",
    "brand_foreign_domain", "brand_lookalike_domain", "line_id", "contact_handoff", "phone", "email",
    "money_phrase", "money_amount", "urgency_phrase", "dating_lure", "engagement_bait", "emoji_density", "emoji_count",
    "repetition", "invisible_chars", "lookalike_chars", "masked_words", "spaced_letters", "exclaim", "hashtags",
    "length", "latin_ratio", "digit_ratio", "has_japanese",
    "sexual_word", "death_wish", "violence_word", "group", "group_named", "slur", "dehumanize", "expel",
    "sexual_harass", "self_harm_push", "self_harm_self", "crime_word", "hedge", "second_person", "third_person",
    "named_person", "public_figure", "self_ref", "reporting", "literal", "news", "negated_ja",
    "insult_at_person", "insult_at_group", "insult_at_self", "insult_reported", "insult_at_thing", "sexual_at_person",
    "death_wish_at_person", "violence_at_person", "group_attack", "self_harm_at_person", "crime_at_person",
    "crime_at_public", "hate_at_group", "group_praise", "news_violence", "caution_at_person", "attack_at_public",
    "threat_ja", "threat_en", "threat_reported", "located_visit", "accusation_ja", "accusation_en", "accusation_named",
    "hate_statement_en", "hate_statement_ja", "negated_en", "counter_speech_en", "quotation",
    "insult_unaimed", "profanity_unaimed", "quoted_harm", "pii_pieces", "pii_public", "pii_expose_act", "pii_exposed",
    "denied_harm", "sentences",
)


class ColumnsError(ValueError):
    """The artifact's signal weights cannot be laid in this code's columns (a signal it does not compute)."""


def fitted_signals(features) -> tuple[str, ...]:
    """The signal names `features` (a fitted TextFeatures) was fitted with, in its columns' order."""
    names = features.__dict__.get("signal_names_")
    return PICKLED_WITHOUT_NAMES if names is None else tuple(names)


def conform(features, heads) -> bool:
    """Lay the fitted heads' signal weights in FEATURE_NAMES order, in place; False when they already are (nothing is
    copied). Raises ColumnsError naming the signals this code does not compute, or when the weights and the names
    do not agree in number."""
    names = fitted_signals(features)
    offset = features.signal_offset_
    rows = heads.coef_.shape[0]
    if features.n_features_out_ != offset + len(names) or rows != offset + len(names):
        raise ColumnsError(f"was fitted with {len(names)} named signals but holds "
                           f"{features.n_features_out_ - offset} signal columns and {rows - offset} weight rows")
    if len(set(names)) != len(names):
        raise ColumnsError(f"names a signal twice: {sorted({n for n in names if names.count(n) > 1})}")
    known = set(FEATURE_NAMES)
    if unknown := [name for name in names if name not in known]:
        raise ColumnsError(f"was fitted with signals this code does not compute: {', '.join(unknown)}; activate a "
                           f"model fitted with this release's code")
    if names == FEATURE_NAMES:
        return False
    from moderation.heads import _aligned  # imported by the unpickling already; at the top it would import scikit-learn
    # with the scorer, before load_scorer defers scipy.stats

    column = {offset + j: offset + FEATURE_NAMES.index(name) for j, name in enumerate(names)}
    coef = _aligned(np.zeros((offset + len(FEATURE_NAMES), heads.coef_.shape[1]), dtype=heads.coef_.dtype))
    coef[:offset] = heads.coef_[:offset]
    coef[list(column.values())] = heads.coef_[list(column)]  # the rows of signals it lacks stay 0
    heads.coef_ = coef
    heads.n_features_in_ = coef.shape[0]
    # constructor parameters, but column numbers of the fit: they follow their signal, as a refit would number it
    heads.excluded_columns = tuple((k, column.get(c, c)) for k, c in heads.excluded_columns)
    heads.damped_columns = tuple((column.get(c, c), factor) for c, factor in heads.damped_columns)
    heads.gate_only = tuple(column.get(c, c) for c in heads.gate_only)
    heads.set_gate([column.get(c, c) for c in heads.gate_columns], [column.get(c, c) for c in heads.gate_shut],
                   heads.gate_lifts)
    features.n_features_out_ = coef.shape[0]
    features.signal_names_ = FEATURE_NAMES
    return True
