"""read2's probes (English and Japanese) are well-formed and apart from every other case; test_probes.py holds the
shipped model to their results."""

import pytest

from model.judge import (
    EIGHTEENTH_READING_PROBE,
    EIGHTH_READING_PROBE,
    ELEVENTH_READING_PROBE,
    EXPOSURE_MENACE_PROBE,
    FIFTEENTH_READING_PROBE,
    FIFTH_READING_PROBE,
    FOURTEENTH_READING_PROBE,
    FOURTH_READING_PROBE,
    GATE_FRAME_PROBE,
    IN_GROUP_USE_PROBE,
    JA_EIGHTEENTH_READING_PROBE,
    JA_EIGHTH_READING_PROBE,
    JA_EXPOSURE_MENACE_PROBE,
    JA_FIFTEENTH_READING_PROBE,
    JA_FIFTH_READING_PROBE,
    JA_FOURTEENTH_READING_PROBE,
    JA_FOURTH_READING_PROBE,
    JA_NEWSROOM_HARM_PROBE,
    JA_NINETEENTH_READING_PROBE,
    JA_NINTH_READING_PROBE,
    JA_SEVENTEENTH_READING_PROBE,
    JA_SEVENTH_READING_PROBE,
    JA_SIXTEENTH_READING_PROBE,
    JA_SIXTH_READING_PROBE,
    JA_TENTH_READING_PROBE,
    JA_THIRD_READING_PROBE,
    JA_THIRTEENTH_READING_PROBE,
    JA_TWELFTH_READING_PROBE,
    JA_TWENTIETH_READING_PROBE,
    JA_TWENTYFIRST_READING_PROBE,
    JA_TWENTYFOURTH_READING_PROBE,
    JA_TWENTYSECOND_READING_PROBE,
    JA_TWENTYTHIRD_READING_PROBE,
    NEWSROOM_HARM_PROBE,
    NINETEENTH_READING_PROBE,
    NINTH_READING_PROBE,
    SEVENTEENTH_READING_PROBE,
    SEVENTH_READING_PROBE,
    SIXTEENTH_READING_PROBE,
    SIXTH_READING_PROBE,
    TENTH_READING_PROBE,
    THIRD_READING_PROBE,
    THIRTEENTH_READING_PROBE,
    TWELFTH_READING_PROBE,
    TWENTIETH_READING_PROBE,
    TWENTYFIRST_READING_PROBE,
    TWENTYFOURTH_READING_PROBE,
    TWENTYSECOND_READING_PROBE,
    TWENTYTHIRD_READING_PROBE,
)
from tests.support.probes import assert_reading_probe

# each probe: its cases per side, its pairs, and the longest stretch both members of a pair share (the same frame).
# Third: session 42's further sentences have no twin (pair null), session 43's do; fourth (session 43's later pairs):
# one English civil case has no twin (its harmful twin was already in en_polarity_probe); fifth (session 44's): all
# paired; sixth (session 45's) and seventh (session 46's): all paired; eighth (session 47's): all paired, the Japanese
# twins of a name's shape after ・ share as little as one character (a slur's compound against a person's name); en's
# in-group use (session 48): all paired; ninth (session 48's): all paired, its twins share as little as 3 characters in
# Japanese (死んで / 馬鹿 said of a person or a group against a thing, a sleeper or a group's defender) and 6 in
# English; train's gate frames (session 49): all paired; tenth (session 50's news comments): all paired, its Japanese
# twins share as little as 2 characters (a people against its government: 韓国人 / 韓国政府), and its harms name
# exposure and accusations told as fact as well (personal_info, defamation); eleventh (session 50's pairs against en's
# introductions): all paired; twelfth (its later rounds against en's and ja's readings): all paired, the Japanese twins
# share as little as 3 characters (an insult + め at a person against the writer or an animal); thirteenth (session
# 51's news comments): all paired, a harm against its civil twin in the same frame (an exposure against an office's or
# a paper's public address shares 10 characters, a spy told as fact against a hawk 5), naming the tenth's categories;
# fourteenth (session 51's rounds, each given a twin): all paired, English twins share as little as 7 characters
# ("Just a " dyke and her dog against a fag and his cat), Japanese 5 (この豚め、 at a person against at a boar); harm's
# newsroom probe (session 52): all paired, a threat at a reporter or a spy told as fact against the same frame civil,
# English twins share as little as 14 characters, Japanese 5 (a threat said against the same reported in quotes);
# fifteenth (session 52's rounds, each given a twin): all paired, naming the tenth's categories, English twins share
# as little as 12 characters ("t a lesson: " a boot to the face against a pundit cancelled), Japanese 5 (あの記者、
# a threat against a mishap reported); harm's exposure and menace probe (session 53): all paired, English twins share as
# little as 30 characters, Japanese 10 (消されて当然 of a reporter against of the reporter's post);
# sixteenth (session 53's rounds, each given a twin): all paired, naming the tenth's categories, English twins share
# as little as 11 characters, Japanese 7; seventeenth (its last news rounds): all paired, English twins share as
# little as 28 characters, Japanese 12; eighteenth (news9 and session 54's news10): all paired, English twins share
# as little as 33 characters, Japanese 11; nineteenth (session 54's rounds against harm's and en's readings): all
# paired, English twins share as little as 13 characters, Japanese 12; twentieth (news16-19): all paired, English
# twins share as little as 26 characters, Japanese 15; twenty-first (session 55's civ1-2): all paired, English
# twins share as little as 10 characters, Japanese 5; twenty-second (h55a-b, e55a-b): all paired, English 17,
# Japanese 6; twenty-third (h55c-d): all paired, English 38, Japanese 8; twenty-fourth (session 56's i56a-b, p56a-b):
# all paired, English 15, Japanese 6
PROBES = {THIRD_READING_PROBE: ({"harmful": 136, "non_harmful": 64}, 41, 8),
          JA_THIRD_READING_PROBE: ({"harmful": 14, "non_harmful": 16}, 10, 4),
          FOURTH_READING_PROBE: ({"harmful": 42, "non_harmful": 43}, 42, 13),
          JA_FOURTH_READING_PROBE: ({"harmful": 17, "non_harmful": 17}, 17, 7),
          FIFTH_READING_PROBE: ({"harmful": 84, "non_harmful": 84}, 84, 7),
          JA_FIFTH_READING_PROBE: ({"harmful": 37, "non_harmful": 37}, 37, 16),
          SIXTH_READING_PROBE: ({"harmful": 77, "non_harmful": 77}, 77, 7),
          JA_SIXTH_READING_PROBE: ({"harmful": 34, "non_harmful": 34}, 34, 11),
          SEVENTH_READING_PROBE: ({"harmful": 104, "non_harmful": 104}, 104, 7),
          JA_SEVENTH_READING_PROBE: ({"harmful": 32, "non_harmful": 32}, 32, 3),
          EIGHTH_READING_PROBE: ({"harmful": 77, "non_harmful": 77}, 77, 13),
          JA_EIGHTH_READING_PROBE: ({"harmful": 62, "non_harmful": 62}, 62, 1),
          NINTH_READING_PROBE: ({"harmful": 53, "non_harmful": 53}, 53, 6),
          JA_NINTH_READING_PROBE: ({"harmful": 31, "non_harmful": 31}, 31, 3),
          IN_GROUP_USE_PROBE: ({"harmful": 16, "non_harmful": 16}, 16, 8),
          GATE_FRAME_PROBE: ({"harmful": 13, "non_harmful": 13}, 13, 10),
          TENTH_READING_PROBE: ({"harmful": 51, "non_harmful": 51}, 51, 8),
          JA_TENTH_READING_PROBE: ({"harmful": 38, "non_harmful": 38}, 38, 2),
          ELEVENTH_READING_PROBE: ({"harmful": 10, "non_harmful": 10}, 10, 19),
          TWELFTH_READING_PROBE: ({"harmful": 15, "non_harmful": 15}, 15, 19),
          JA_TWELFTH_READING_PROBE: ({"harmful": 18, "non_harmful": 18}, 18, 3),
          THIRTEENTH_READING_PROBE: ({"harmful": 33, "non_harmful": 33}, 33, 10),
          JA_THIRTEENTH_READING_PROBE: ({"harmful": 16, "non_harmful": 16}, 16, 5),
          FOURTEENTH_READING_PROBE: ({"harmful": 34, "non_harmful": 34}, 34, 7),
          JA_FOURTEENTH_READING_PROBE: ({"harmful": 27, "non_harmful": 27}, 27, 5),
          NEWSROOM_HARM_PROBE: ({"harmful": 18, "non_harmful": 18}, 18, 14),
          JA_NEWSROOM_HARM_PROBE: ({"harmful": 14, "non_harmful": 14}, 14, 5),
          FIFTEENTH_READING_PROBE: ({"harmful": 67, "non_harmful": 67}, 67, 12),
          JA_FIFTEENTH_READING_PROBE: ({"harmful": 18, "non_harmful": 18}, 18, 5),
          EXPOSURE_MENACE_PROBE: ({"harmful": 10, "non_harmful": 10}, 10, 30),
          JA_EXPOSURE_MENACE_PROBE: ({"harmful": 6, "non_harmful": 6}, 6, 10),
          SIXTEENTH_READING_PROBE: ({"harmful": 42, "non_harmful": 42}, 42, 11),
          JA_SIXTEENTH_READING_PROBE: ({"harmful": 6, "non_harmful": 6}, 6, 7),
          SEVENTEENTH_READING_PROBE: ({"harmful": 21, "non_harmful": 21}, 21, 28),
          JA_SEVENTEENTH_READING_PROBE: ({"harmful": 6, "non_harmful": 6}, 6, 12),
          EIGHTEENTH_READING_PROBE: ({"harmful": 12, "non_harmful": 12}, 12, 33),
          JA_EIGHTEENTH_READING_PROBE: ({"harmful": 7, "non_harmful": 7}, 7, 11),
          NINETEENTH_READING_PROBE: ({"harmful": 54, "non_harmful": 54}, 54, 13),
          JA_NINETEENTH_READING_PROBE: ({"harmful": 19, "non_harmful": 19}, 19, 12),
          TWENTIETH_READING_PROBE: ({"harmful": 13, "non_harmful": 13}, 13, 26),
          JA_TWENTIETH_READING_PROBE: ({"harmful": 8, "non_harmful": 8}, 8, 15),
          TWENTYFIRST_READING_PROBE: ({"harmful": 41, "non_harmful": 41}, 41, 10),
          JA_TWENTYFIRST_READING_PROBE: ({"harmful": 15, "non_harmful": 15}, 15, 5),
          TWENTYSECOND_READING_PROBE: ({"harmful": 35, "non_harmful": 35}, 35, 17),
          JA_TWENTYSECOND_READING_PROBE: ({"harmful": 14, "non_harmful": 14}, 14, 6),
          TWENTYTHIRD_READING_PROBE: ({"harmful": 12, "non_harmful": 12}, 12, 38),
          JA_TWENTYTHIRD_READING_PROBE: ({"harmful": 8, "non_harmful": 8}, 8, 8),
          TWENTYFOURTH_READING_PROBE: ({"harmful": 56, "non_harmful": 56}, 56, 15),
          JA_TWENTYFOURTH_READING_PROBE: ({"harmful": 15, "non_harmful": 15}, 15, 6)}
NEWS_HARMS = frozenset({"hate", "threat", "harassment", "personal_info", "defamation"})


@pytest.mark.parametrize("probe", list(PROBES), ids=[p.stem for p in PROBES])
def test_reading_probe_is_well_formed(probe):
    news = probe in (TENTH_READING_PROBE, JA_TENTH_READING_PROBE, THIRTEENTH_READING_PROBE, JA_THIRTEENTH_READING_PROBE,
                     NEWSROOM_HARM_PROBE, JA_NEWSROOM_HARM_PROBE, FIFTEENTH_READING_PROBE,
                     JA_FIFTEENTH_READING_PROBE, EXPOSURE_MENACE_PROBE, JA_EXPOSURE_MENACE_PROBE,
                     SIXTEENTH_READING_PROBE, JA_SIXTEENTH_READING_PROBE, SEVENTEENTH_READING_PROBE,
                     JA_SEVENTEENTH_READING_PROBE, EIGHTEENTH_READING_PROBE, JA_EIGHTEENTH_READING_PROBE,
                     NINETEENTH_READING_PROBE, JA_NINETEENTH_READING_PROBE, TWENTIETH_READING_PROBE,
                     JA_TWENTIETH_READING_PROBE, TWENTYFIRST_READING_PROBE, JA_TWENTYFIRST_READING_PROBE,
                     TWENTYSECOND_READING_PROBE, JA_TWENTYSECOND_READING_PROBE,
                     TWENTYTHIRD_READING_PROBE, JA_TWENTYTHIRD_READING_PROBE, TWENTYFOURTH_READING_PROBE,
                     JA_TWENTYFOURTH_READING_PROBE)
    assert_reading_probe(probe, *PROBES[probe], **({"categories": NEWS_HARMS} if news else {}))
