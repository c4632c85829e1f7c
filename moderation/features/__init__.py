"""Named signal features of one normalised comment: spam structure, harm words, who they aim at, constructions.

`signals(norm, codes)` returns the bounded feature vector in `FEATURE_NAMES` order, written and read by name
(`signal_dict()` gives it as a dict), so no code reads a feature by position. Everything is linear in the
text: one Aho-Corasick pass
for all word lists (`moderation.matcher`), anchored regexes with bounded gaps (`moderation.targets`), and
numpy over code points for ratios and repetition. Harm words are combined per SENTENCE with who they are
aimed at (a person addressed, a named person, a group, the writer, a quotation), so one attack in a long
comment counts as much as in a short one.
"""
