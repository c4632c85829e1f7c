"""The paired screen of a candidate family (session 59): read by the sign and spread of its own paired nets, because a
candidate and its base fitted with the same --synth-seed share every generated row but the family's.

    python -m model.refit_band draws --base B10.json B11.json ... --candidate C10.json C11.json ... [--band BAND.json]

A pair's net is the candidate's written cases passed minus its base's (same draw), its harms' net the same for the
harms and its civil net for the civil cases (net minus harms' net). Over n pairs (pre-registered in session 59 before
any fit it judges, the civil net's condition in session 60 before any fit it judges; docs/model.md):
- BEATS when n >= MIN_DRAWS, every pair's net is positive, the mean net is beyond SE_TIMES its standard error, the
  harms' mean net is not negative, the civil mean net is not below -SE_TIMES its standard error, and no validation
  figure's mean change is worse than MARGIN times its A/A band;
- LOSES when a validation figure's mean change is worse than MARGIN times its band, or (n >= MIN_DRAWS) the mean net,
  the harms' mean net or the civil mean net is below -SE_TIMES its standard error (session 59's in-group family lost
  civil cases in every draw, -11.6 on average, and still beat: a trade of civil cases for harms the ship gate refuses);
- INSIDE otherwise. HateCheck's figures are printed, never read.
Each pair's unpaired verdict (refit_band.verdict, session 57's band) is printed beside it, for the record, and so is
each reading's ROC-AUC of abuse over its written cases (printed, never read: a lift of every score passes more cases at
the line without ranking any better, session 59's --no-harm-line-id).
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

from model.refit_band import MARGIN, difference, higher_is_better, totals, verdict

MIN_DRAWS = 6  # with no effect, six nets all positive is a 1-in-64 coin run; fewer pairs cannot rule chance out
SE_TIMES = 2.0  # the mean paired net beyond twice its standard error (about a one-sided 5% t test at six draws)


def paired_nets(bases: list[dict], cands: list[dict], line: float) -> np.ndarray:
    """Each draw's (net, harms' net, civil net): the candidate's written cases passed (harms, civil cases among them)
    minus its base's."""
    if len(bases) != len(cands) or not bases:
        raise ValueError("draws: one base reading per candidate reading, in the same order")
    nets = np.array([np.subtract(totals(c, line), totals(b, line)) for b, c in zip(bases, cands, strict=True)])
    return np.column_stack((nets, nets[:, 0] - nets[:, 1]))


def written_auc(read: dict) -> float:
    """ROC-AUC of abuse over the reading's written cases (never fitted on): a ranking, which a lift leaves alone."""
    sides, scores = zip(*read["cases"].values(), strict=True)
    return float(roc_auc_score(sides, scores))


def mean_se(values: np.ndarray) -> tuple[float, float]:
    """The mean and its standard error (infinite for one value: one pair says nothing of its spread)."""
    n = len(values)
    return float(np.mean(values)), float(np.std(values, ddof=1) / np.sqrt(n)) if n > 1 else float("inf")


def mean_changes(bases: list[dict], cands: list[dict]) -> dict[str, tuple[float, float]]:
    """Each figure every reading has: (base mean, candidate mean) over the draws."""
    names = [k for k in bases[0]["figures"] if all(k in r["figures"] for r in bases + cands)]
    return {k: tuple(float(np.mean([r["figures"][k] for r in reads])) for reads in (bases, cands)) for k in names}


def screen(bases: list[dict], cands: list[dict], band_: dict) -> tuple[str, list[str]]:
    """The paired rule's verdict and its reasons (the module's docstring)."""
    nets = paired_nets(bases, cands, band_["line"])
    n = len(nets)
    (net, se), (harm, harm_se), (civil, civil_se) = (mean_se(nets[:, i]) for i in range(3))
    said = (f"mean net {net:+.1f} (SE {se:.1f}), harms' mean net {harm:+.1f} (SE {harm_se:.1f}), civil mean net "
            f"{civil:+.1f} (SE {civil_se:.1f}), {int((nets[:, 0] > 0).sum())} of {n} nets positive")
    lost = [f"{k} mean {c - b:+.4f} (band {band_['figures'][k]:.4f})"
            for k, (b, c) in mean_changes(bases, cands).items()
            if not k.startswith("hatecheck") and k in band_["figures"]
            and abs(c - b) > MARGIN * band_["figures"][k] and (c > b) != higher_is_better(k)]
    if n >= MIN_DRAWS and net < -SE_TIMES * se:
        lost.append(f"mean net below -{SE_TIMES:g} SE")
    if n >= MIN_DRAWS and harm < -SE_TIMES * harm_se:
        lost.append(f"harms' mean net below -{SE_TIMES:g} SE")
    if n >= MIN_DRAWS and civil < -SE_TIMES * civil_se:
        lost.append(f"civil mean net below -{SE_TIMES:g} SE")
    if lost:
        return "LOSES", [said, *lost]
    short = []
    if n < MIN_DRAWS:
        short.append(f"{n} draws (needs {MIN_DRAWS})")
    if (nets[:, 0] <= 0).any():
        short.append("net not positive in draw " + ", ".join(str(i) for i in np.flatnonzero(nets[:, 0] <= 0)))
    if not net > SE_TIMES * se:
        short.append(f"mean net not beyond {SE_TIMES:g} SE ({SE_TIMES * se:.1f})")
    if harm < 0:
        short.append("harms' mean net negative")
    if civil < -SE_TIMES * civil_se:
        short.append(f"civil mean net below -{SE_TIMES:g} SE")
    return ("INSIDE", [said, *short]) if short else ("BEATS", [said])


def format_draws(bases: list[dict], cands: list[dict], band_: dict) -> str:
    """Each draw's pair with its written cases' ROC-AUC and unpaired verdict, both sides' means and figures, then the
    paired rule's verdict."""
    nets = paired_nets(bases, cands, band_["line"])
    line, rows, calls, aucs = band_["line"], [], [], []
    for i, (b, c) in enumerate(zip(bases, cands, strict=True)):
        diff = difference(b, c, line)
        call, reasons = verdict(diff, band_)
        calls.append(call)
        (bp, bh), (cp, ch) = totals(b, line), totals(c, line)
        aucs.append((written_auc(b), written_auc(c)))
        rows.append(f"draw {i}: passed {bp} -> {cp} ({cp - bp:+d}), harms {bh} -> {ch} ({ch - bh:+d}), civil "
                    f"{bp - bh} -> {cp - ch} ({cp - ch - bp + bh:+d}); written ROC-AUC {aucs[-1][0]:.4f} -> "
                    f"{aucs[-1][1]:.4f} ({aucs[-1][1] - aucs[-1][0]:+.4f}); won {len(diff['won'])} lost "
                    f"{len(diff['lost'])}; unpaired {call}: " + "; ".join(reasons))
    side = {name: np.array([totals(r, line)[0] for r in reads]) for name, reads in (("base", bases), ("cand", cands))}
    rows.append(f"mean passed {side['base'].mean():.1f} (range {np.ptp(side['base'])}) -> {side['cand'].mean():.1f} "
                f"(range {np.ptp(side['cand'])}); paired nets {' '.join(f'{x:+d}' for x in nets[:, 0])}; harms' "
                f"{' '.join(f'{x:+d}' for x in nets[:, 1])}; civil {' '.join(f'{x:+d}' for x in nets[:, 2])}; written "
                f"ROC-AUC change {' '.join(f'{c - b:+.4f}' for b, c in aucs)} (printed, never read); unpaired band "
                f"net {band_['net']}")
    for k, (mb, mc) in mean_changes(bases, cands).items():
        width = band_["figures"].get(k)
        mark = "" if width is None else (" *" if abs(mc - mb) > MARGIN * width else "  ") + f" band {width:.4f}"
        rows.append(f"  {k:64} {mb:.4f} -> {mc:.4f} {mc - mb:+.4f}{mark}")
    rows.append(f"unpaired calls (session 57's rule, each pair): {', '.join(calls)}")
    call, reasons = screen(bases, cands, band_)
    rows.append(f"over {len(calls)} paired draws: {call}: " + "; ".join(reasons))
    return "\n".join(rows)
