"""Constructions that say who is attacked and how: threats, accusations, group attacks, personal information.

Each is a regex over the NORMALISED text whose gaps are bounded character classes that stop at a sentence end
(no nested or overlapping quantifiers), so a scan is linear in the text whatever the input. The personal
information detector is deterministic and tuned for precision (`personal_info` says when a piece is exposed).
"""
