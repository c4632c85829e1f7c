"""The paired rule (session 59) calls a candidate family BEATS only when its own paired nets say so beyond chance:
hand-built readings whose nets are noise, carried by one draw, too few, or paid for in harms, in civil cases (session
60) or a validation figure never beat; pure noise drawn many times almost never does."""

import json
import random

import pytest

from model.paired_screen import MIN_DRAWS, format_draws, mean_se, paired_nets, screen, written_auc
from model.refit_band import main

BAND = {"line": 0.3, "net": 40, "harm_net": 40, "move": {"0.99": 0.3},
        "figures": {"auc en abuse": 0.01, "clean flagged en abuse": 0.02, "hatecheck auc": 0.001}}


def made(civil: int, harms: int, n: int = 80, **figures) -> dict:
    """A reading of n civil and n harmful cases that passes the first `civil` and `harms` of them."""
    cases = {f"c:{i}": [False, 0.1 if i < civil else 0.5] for i in range(n)}
    cases |= {f"h:{i}": [True, 0.9 if i < harms else 0.1] for i in range(n)}
    return {"figures": {"auc en abuse": 0.95, "clean flagged en abuse": 0.1, **figures}, "cases": cases}


def pairs(nets: list[int], harms: list[int] | None = None, base: int = 20, **figures) -> tuple[list[dict], list[dict]]:
    """Bases that pass `base` + draw civil cases and 20 harms; each candidate passes its base's plus the draw's nets."""
    harms = harms or [0] * len(nets)
    bases = [made(base + i % 3, 20) for i in range(len(nets))]
    cands = [made(base + i % 3 + net - harm, 20 + harm, **figures)
             for i, (net, harm) in enumerate(zip(nets, harms, strict=True))]
    return bases, cands


def test_a_pairs_net_is_its_candidate_minus_the_base_of_the_same_draw():
    nets = paired_nets([made(10, 5), made(12, 5)], [made(13, 4), made(12, 7)], 0.3)
    # 15 -> 17 passed, 5 -> 4 harms, so 10 -> 13 civil; 17 -> 19, harms 5 -> 7, civil 12 -> 12
    assert nets.tolist() == [[2, -1, 3], [2, 2, 0]]
    with pytest.raises(ValueError):
        paired_nets([made(1, 1)], [], 0.3)
    assert mean_se([3.0])[1] == float("inf")


def test_a_family_that_wins_in_every_draw_beyond_its_spread_beats():
    call, reasons = screen(*pairs([4, 6, 5, 3, 7, 5]), BAND)
    assert (call, reasons) == ("BEATS", ["mean net +5.0 (SE 0.6), harms' mean net +0.0 (SE 0.0), civil mean net +5.0 "
                                         "(SE 0.6), 6 of 6 nets positive"])


def test_noise_does_not_beat():
    call, reasons = screen(*pairs([4, -3, 5, -2, 3, 1]), BAND)
    assert call == "INSIDE" and "net not positive in draw 1, 3" in reasons


def test_every_net_positive_but_one_draw_carrying_the_mean_does_not_beat():
    call, reasons = screen(*pairs([1, 1, 1, 1, 1, 30]), BAND)  # mean 5.8, SE 4.8
    assert call == "INSIDE" and reasons[1:] == ["mean net not beyond 2 SE (9.7)"]


def test_fewer_than_six_draws_never_beat():
    assert MIN_DRAWS == 6
    call, reasons = screen(*pairs([9, 9, 8, 9, 9]), BAND)
    assert call == "INSIDE" and reasons[1:] == ["5 draws (needs 6)"]


def test_harms_paid_for_the_net_do_not_beat_and_harms_lost_in_every_draw_lose():
    call, reasons = screen(*pairs([8, 9, 8, 9, 8, 9], harms=[-1, 0, -1, 0, -1, 1]), BAND)
    assert call == "INSIDE" and reasons[1:] == ["harms' mean net negative"]
    call, reasons = screen(*pairs([8, 9, 8, 9, 8, 9], harms=[-2, -1, -2, -3, -1, -2]), BAND)
    assert call == "LOSES" and reasons[1:] == ["harms' mean net below -2 SE"]


def test_harms_bought_with_civil_cases_in_every_draw_lose():
    """Session 59's in-group family over seeds 10-16: every net positive, harms +30.4, but civil -5 to -21 (mean
    -11.6) in every draw; it beat by session 59's rule and the ship gate refused its production fit."""
    nets, harms = [8, 26, 17, 23, 24, 20, 14], [29, 41, 24, 33, 38, 25, 23]
    call, reasons = screen(*pairs(nets, harms=harms, base=40), BAND)
    assert call == "LOSES" and reasons[1:] == ["civil mean net below -2 SE"]
    assert "mean net +18.9 (SE 2.4), harms' mean net +30.4 (SE 2.7), civil mean net -11.6 (SE 2.1)" in reasons[0]
    call, reasons = screen(*pairs(nets[:5], harms=harms[:5], base=40), BAND)  # too few draws to lose, and none to beat
    assert call == "INSIDE" and reasons[1:] == ["5 draws (needs 6)", "civil mean net below -2 SE"]


def test_civil_nets_that_are_noise_around_zero_still_beat():
    call, reasons = screen(*pairs([5, 6, 5, 7, 6, 5], harms=[6, 5, 7, 6, 6, 6]), BAND)  # civil -1 +1 -2 +1 +0 -1
    assert call == "BEATS" and "civil mean net -0.3 (SE 0.5)" in reasons[0]


def test_written_roc_auc_is_printed_beside_each_net_and_a_lift_leaves_it_alone():
    """A lift of every score passes a harm and fails a civil case at the line, and ranks nothing better."""
    base = {"figures": {"auc en abuse": 0.95}, "cases": {"c:0": [False, 0.1], "c:1": [False, 0.28],
                                                         "h:0": [True, 0.27], "h:1": [True, 0.9]}}
    lift = {**base, "cases": {k: [side, p + 0.05] for k, (side, p) in base["cases"].items()}}
    assert written_auc(base) == written_auc(lift) == 0.75
    out = format_draws([base] * 6, [lift] * 6, BAND)
    assert "draw 0: passed 3 -> 3 (+0), harms 1 -> 2 (+1), civil 2 -> 1 (-1); written ROC-AUC 0.7500 -> 0.7500 " \
           "(+0.0000); won 1 lost 1" in out
    assert "written ROC-AUC change " + " ".join(["+0.0000"] * 6) + " (printed, never read)" in out


def test_a_validation_figure_worse_on_the_mean_loses_and_hatecheck_is_never_read():
    figures = {"clean flagged en abuse": 0.15, "hatecheck auc": 0.5}  # +0.05 against 2 x 0.02; HateCheck -0.45
    bases, cands = pairs([4, 6, 5, 3, 7, 5], **figures)
    half = [*cands[:3], *pairs([4, 6, 5])[1]]  # the figure in half the draws: mean +0.025, inside
    assert screen(bases, half, BAND)[0] == "BEATS"
    assert screen(bases, cands, BAND)[1][1:] == ["clean flagged en abuse mean +0.0500 (band 0.0200)"]
    assert screen(*pairs([4, 6, 5, 3, 7, 5], **{"clean flagged en abuse": 0.05}), BAND)[0] == "BEATS"  # fewer: better


def test_a_family_that_loses_in_every_draw_loses():
    call, reasons = screen(*pairs([-4, -6, -5, -3, -7, -5]), BAND)
    assert call == "LOSES" and reasons[1:] == ["mean net below -2 SE", "civil mean net below -2 SE"]


def test_pure_noise_drawn_many_times_almost_never_beats_and_a_real_effect_mostly_does():
    """Base and candidate of each draw pass each of 60 civil cases by a coin of their own: nets are noise."""
    rng = random.Random(59)

    def reading(p: float) -> dict:
        return {"figures": {}, "cases": {f"c:{i}": [False, 0.1 if rng.random() < p else 0.5] for i in range(60)}}

    def calls(p_cand: float, screens: int = 300) -> list[str]:
        return [screen([reading(0.8) for _ in range(6)], [reading(p_cand) for _ in range(6)], BAND)[0]
                for _ in range(screens)]

    null = calls(0.8)
    assert null.count("BEATS") <= 6  # 2%: six positive nets of six alone is 1 in 64
    assert null.count("LOSES") <= 24  # below -2 SE is a one-sided test at about 5%: a loss, never an adoption
    assert calls(0.95, 100).count("BEATS") >= 90  # nine cases more on average, SD 3.5


def test_draws_prints_each_pair_the_means_and_the_paired_verdict_last(tmp_path, capsys):
    bases, cands = pairs([4, 6, 5, 3, 7, 5])
    out = format_draws(bases, cands, BAND)
    assert ("draw 1: passed 41 -> 47 (+6), harms 20 -> 20 (+0), civil 21 -> 27 (+6); written ROC-AUC 0.3484 -> "
            "0.3766 (+0.0281); won 6 lost 0; unpaired INSIDE") in out
    assert "paired nets +4 +6 +5 +3 +7 +5; harms' +0 +0 +0 +0 +0 +0; civil +4 +6 +5 +3 +7 +5; written" in out
    assert "unpaired band net 40" in out
    assert out.endswith("over 6 paired draws: BEATS: mean net +5.0 (SE 0.6), harms' mean net +0.0 (SE 0.0), "
                        "civil mean net +5.0 (SE 0.6), 6 of 6 nets positive")
    paths = {}
    for side, reads in (("base", bases), ("candidate", cands)):
        paths[side] = [tmp_path / f"{side}{i}.json" for i in range(len(reads))]
        for path, r in zip(paths[side], reads, strict=True):
            path.write_text(json.dumps(r))
    (tmp_path / "band.json").write_text(json.dumps(BAND))
    capsys.readouterr()
    assert main(["draws", "--base", *map(str, paths["base"]), "--candidate", *map(str, paths["candidate"]),
                 "--band", str(tmp_path / "band.json")]) == 0
    assert capsys.readouterr().out.rstrip() == out
