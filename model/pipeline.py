"""The one scikit-learn Pipeline from raw comment text to calibrated probabilities per head.

Heads: `spam` and the seven harm categories (moderation.scoring.scorer.CATEGORIES); `abuse` is their
maximum, computed by the scorer (moderation.scoring.scorer.combine). Every class inside the Pipeline lives
in `moderation/`, so the service unpickles it without the training code.
"""

from __future__ import annotations

from sklearn.pipeline import Pipeline

from moderation.features.vocabulary import FEATURE_NAMES
from moderation.heads import MaskedHeads
from moderation.scoring.scorer import CATEGORIES, HEADS, LABELS
from moderation.targets.unaimed_en import ATTACK_FRAMES_EN
from moderation.vectorizer import TextFeatures

__all__ = ["CATEGORIES", "HEADS", "LABELS", "SEED", "build_pipeline", "compact"]

SEED = 20261129

# logits the hate head's fitted sigmoid is moved up by for text with no Japanese character (MaskedHeads lifted_heads,
# column has_japanese: Japanese text keeps the fitted sigmoid; the ranking within each language is unchanged). abuse is
# the maximum of the categories, and each head's sigmoid is fitted to its own rows' base rate: in English hate's
# positives are rare (~7% of its rows by weight), harassment's common (~20%: Davidson's offensive class), so the
# maximum ranks group hate under vulgar talk. MEASURED, NOT ADOPTED (0 = off, every fit as before). Session 47 (train):
# English-only fits, VALIDATION split, +0.5: Stormfront 0.8829 -> 0.8852, written EN validation 0.9658 -> 0.9665,
# Davidson 0.9398 -> 0.9395 (+1.0: 0.8866, 0.9650); chosen there, then -3's weights + 0.5 (full data, Japanese
# exactly equal): HateCheck (test only) 0.8442 -> 0.8549, written probes 3,655 -> 3,684 (won 92, lost 63), but real
# civil English flagged as served rose 2.5 points (Stormfront noHate held-out 7.74 -> 10.85%): it lowers English
# hate's line, it does not reorder English, so civil sentences naming a group at hate 0.2-0.3 cross (the lead's bar
# is 1 point). Lifted in every language, Japanese lost too (JA suite 522 -> 520, inspection-ai 0.7925 -> 0.7856)
HATE_LIFT = 0.0
# the lift that moves the order instead (session 48, train): logits the hate head's fitted sigmoid is moved up by only
# where a construction of an attack on a group fires (one of HATE_GATE's signals > 0) in text with no Japanese
# character (MaskedHeads' gate; `slur` is not one: a slur alone is also the writer's own word). Chosen on VALIDATION
# (-4's weights; 0.5 / 1.0 / 1.5 / 2.0, sets without insult_at_group, with `slur`, shut by counter_speech_en): at 1.0
# written EN validation + 62 own cases 0.9565 -> 0.9574, Stormfront 0.8790 -> 0.8800, Davidson 0.9495 -> 0.9497.
# As served on -4's weights (thresholds re-chosen: none moved): real civil English held-out flagged 13.43 -> 13.64%
# (Davidson 'neither' 30.32 -> 30.75%, Stormfront noHate 7.74 -> 7.89%; the plain lift 0.5 was 15.92%), held-out
# Davidson 0.9532 -> 0.9526, Stormfront 0.8698 -> 0.8711, Jigsaw-101 0.8750 -> 0.8899, every Japanese figure and
# case equal; written probes 3,868 -> 3,884 of 4,761 (won 22 harms, lost 6 civil where a construction misfires:
# en-ng-065 "I can't stand people who sneer at Pakistanis." 0.214 -> 0.426, en-sv-002 "Honestly I h8 Mondays and
# always will." 0.256 -> 0.483); HateCheck (test only, read after the choice) 0.8442 -> 0.8465
HATE_GATE = ATTACK_FRAMES_EN
# session 49: kept shut also where every attack frame's hit in the text attacks no one (attack_unaimed_en, en's
# moderation/targets/unaimed_en.py: a feeling at a thing or at people by a deed, a harm word in its literal sense, a
# denied judgement, an exclusion asked or told as the group's own feeling). The gate's input only (GATE_ONLY: no head
# is fitted on it, MaskedHeads gate_only, so a refit of the same rows gives the same weights)
HATE_GATE_SHUT = ("has_japanese", "attack_unaimed_en")
GATE_ONLY = ("attack_unaimed_en",)
HATE_GATE_LIFT = 1.0
# ((head, C), ...): a head fitted with its own inverse regularisation instead of build_pipeline's C (MaskedHeads head_C;
# en_quick --head-C HEAD=C)
HEAD_C: tuple = ()


def build_pipeline(C: float = 4.0, min_df: int = 2, calibration_cv: int = 3, char_bits: int = 18,
                   word_bits: int = 16, char_ngram_max: int = 3, quoted_apart: bool = True,
                   focus_sentence: bool = True, quoted_apart_en: bool = True,
                   negated_apart_en: bool = False, negated_copies_en: bool = False, denied_apart_en: bool = True,
                   owned_apart_en: bool = True, denied_subject_en: bool = True, exclaimed_apart_en: bool = True,
                   harm_length: bool = True, harm_group: bool = True, harm_denied: bool = False,
                   harm_lookalike: bool = False, harm_group_named: bool = False,
                   harm_invisible: bool = False, harm_line_id: bool = True, handles_unread: bool = False,
                   damp_named: float = 0.3,
                   damp_located: float = 0.3, hate_lift: float = HATE_LIFT,
                   hate_gate_lift: float = HATE_GATE_LIFT, head_C: tuple = HEAD_C, seed: int = SEED) -> Pipeline:
    """`quoted_apart` (`_en`): n-grams inside someone else's reported words, Japanese (English), get their own
    weights; `negated_apart_en` (off: measured, not adopted, see model/en_quick.py): so do English n-grams a
    negation denies (`negated_copies_en`: their plain n-grams stay and salted copies are added); `focus_sentence`:
    the worst sentence of a long comment is also weighted on its own; `harm_length` off: the harm categories learn
    no weight for the comment's length (the spam head keeps it); `harm_group` off: none for a group word named;
    `denied_apart_en`: English n-grams inside what denied.py reads as denied get their own weights (the writer's
    "disgusting" is not the "disgusting" they deny); `owned_apart_en`: English slur words the writer uses of their
    own group or in their literal sense (moderation.targets.owned) are hashed as denied words are, not as an attack's;
    `denied_subject_en`: so is the subject of a denied copula ("[group] are not disgusting": denied.denied_subjects),
    whose group word otherwise carries the weight it has at the head of an attack; `exclaimed_apart_en` (session 39):
    so are the swear words exclaimed.py reads as an exclamation in a sentence that speaks to no one ("Fuck, what a
    day.": -3 held it at 0.46 on the weight "fuck" learnt from Davidson's tweets aimed at people);
    `harm_denied` off: the harm heads learn no weight for `denied_harm` (a harm word the writer denies: Davidson's
    tweets label "I'm not yo ex bitch" offensive for its word, which taught it +3.5 in harassment, so a denial counted
    as an attack); `harm_lookalike` off (since session 17): none for `lookalike_chars` (each word read from leet or a
    misspelling adds one; -8's heads weighted it -1.07 in threat and -1.03 in hate, learnt from generated spam and
    look-alike-kanji negatives: k1lled scored under killed); `harm_group_named` off (session 18): none for
    `group_named` (the groups GROUPS does not list: learnt -0.36 in hate from Stormfront's civil rows, so naming Hindus
    or Catholics lowered an attack on them; their combinations still count); `harm_invisible` off (session 22): none
    for `invisible_chars` (normalisation drops the characters, but -9's harm heads weighed each -0.73 to -1.58, so
    zero-width characters hidden in an attack lowered every harm score; the spam head keeps it); `harm_line_id` off
    (a candidate, session 59): the harm heads but personal_info learn no weight for `line_id` (a LINE id or an
    @handle: -11 weighs each +1.70 in harassment, learnt from Davidson's tweets, 84% harassment and nearly the only
    English rows with one, so a civil reply to @someone scores up; screened, not adopted: the refit learns the handle
    back from its n-grams); `handles_unread` (a candidate, session 60): no head reads an @handle's characters (cut
    out of the n-grams' text: moderation.features.handles) and the harm heads but personal_info learn no weight for
    `line_id` (spam and personal_info keep its count: a handle or a LINE id given out is theirs to read); screened, not
    adopted: Davidson held-out +0.003 a pair, but the harassment weight moves to slur words and civil uses are lost in
    every draw (docs/model.md); `hate_lift`:
    logits the hate head is lifted by for text with no Japanese character (HATE_LIFT: measured, off);
    `hate_gate_lift`: logits it is lifted by only where one of HATE_GATE's constructions fires in such text; `head_C`
    ((head name, C), ...): those heads' own inverse regularisation."""
    features = TextFeatures(char_bits=char_bits, word_bits=word_bits, char_ngram_max=char_ngram_max, min_df=min_df,
                            quoted_apart=quoted_apart, focus_sentence=focus_sentence, quoted_apart_en=quoted_apart_en,
                            negated_apart_en=negated_apart_en, negated_copies_en=negated_copies_en,
                            denied_apart_en=denied_apart_en, owned_apart_en=owned_apart_en,
                            denied_subject_en=denied_subject_en, exclaimed_apart_en=exclaimed_apart_en,
                            handles_unread=handles_unread)
    # signals the harm heads learn no weight for (a group named is a target, not an attack: with harm_group off only
    # its combinations, attack + group, count)
    unlearnt = [name for name, learnt in (("length", harm_length), ("denied_harm", harm_denied), ("group", harm_group),
                                          ("lookalike_chars", harm_lookalike), ("group_named", harm_group_named),
                                          ("invisible_chars", harm_invisible))
                if not learnt]
    excluded = tuple((k, features.signal_offset_ + FEATURE_NAMES.index(name))
                     for name in unlearnt for k in range(1, len(HEADS)))
    if not harm_line_id or handles_unread:  # a contact handle is no attack; exposing one may be personal information
        excluded += tuple((k, features.signal_offset_ + FEATURE_NAMES.index("line_id"))
                          for k in range(1, len(HEADS)) if HEADS[k] != "personal_info")
    # the accusation of a person named by office (session 24): its weight penalised as if the signal were 0.3 of
    # itself, so the rows written for it do not make it a certainty on its own ("the mayor took a bribe" was 1.0)
    # so is a home found then a visit announced (session 28): -10 weighed located_visit 8.94 in threat, so one match,
    # right or wrong ("Found the mayor's house. I'll be there at 9 with the petition." 0.999), was auto-rejected
    damped = tuple((features.signal_offset_ + FEATURE_NAMES.index(name), factor)
                   for name, factor in (("accusation_named", damp_named), ("located_visit", damp_located)) if factor)
    lifted = (((HEADS.index("hate"), hate_lift, features.signal_offset_ + FEATURE_NAMES.index("has_japanese")),)
              if hate_lift else ())
    opens, shut = (tuple(features.signal_offset_ + FEATURE_NAMES.index(name) for name in names)
                   for names in (HATE_GATE, HATE_GATE_SHUT))
    gate_only = tuple(features.signal_offset_ + FEATURE_NAMES.index(name) for name in GATE_ONLY)
    heads = MaskedHeads(C=C, calibration_cv=calibration_cv, random_state=seed, excluded_columns=excluded,
                        damped_columns=damped, lifted_heads=lifted, gate_columns=opens, gate_shut=shut,
                        gate_lifts=((HEADS.index("hate"), hate_gate_lift),) if hate_gate_lift else (),
                        gate_only=gate_only, head_C=tuple((HEADS.index(head), float(c)) for head, c in head_C))
    return Pipeline([("features", features), ("heads", heads)])


def compact(pipeline: Pipeline) -> Pipeline:
    """Nothing run-dependent is fitted any more (hashing, no vocabulary); kept so callers need not change."""
    return pipeline
