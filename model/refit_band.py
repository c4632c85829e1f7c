"""The A/A band of an English quick fit: how far two fits of one recipe differ when only chance differs (other
generated rows, other calibration folds), so a screen reads its candidate against its base's own noise.

    python -m model.refit_band read DUMP.joblib --save READING.json [--data-dir ../shared/data] [--hatecheck]
    python -m model.refit_band band READING.json READING.json [...] [--save BAND.json]
    python -m model.refit_band compare BASE.json CANDIDATE.json [--band BAND.json]
    python -m model.refit_band draws --base B0.json B1.json ... --candidate C0.json C1.json ... [--band BAND.json]

A reading is one fitted pipeline (`python -m model.en_quick --dump`, or `--reading` straight from the fit) read as
en_quick reads it, on the validation rows: ROC-AUC and clean share flagged of each English set, ham flagged, per-head
ROC-AUC, the written validation cases' ROC-AUC, HateCheck's totals when asked (test only: totals, never its cases),
and the abuse probability of every written English case (each en_*.jsonl probe case and each labelled validation
case), which passes when it is on its side of the review floor. A band is, over every pair of A/A readings, the
largest change of each figure and the most cases won, lost and won minus lost (the harms' too). `compare` marks what
lies beyond MARGIN times the band and calls the candidate BEATS / LOSES / INSIDE (docs/model.md, session 57).
`draws` reads a candidate fitted over several `--synth-seed` draws against its base over the same draws, in pairs
(session 58), and calls it by the paired rule (model/paired_screen.py, session 59).
"""

from __future__ import annotations

import argparse
import json
from itertools import combinations
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model.judge import DEFAULT_DATA, SUITE_DIR, load_cases

REVIEW = 0.3  # en_quick's review floor (model/thresholds.py REVIEW_FLOOR)
BAND = Path(__file__).resolve().parent / "refit_band.json"  # session 57's band: the active recipe's A/A refits
VALIDATION = "en_validation"
QUANTILES = ("0.5", "0.9", "0.99", "1.0")
# a candidate's difference counts when it is more than twice what an A/A pair was seen to differ by (session 57: 5
# readings, 4 draws of the generated rows; the fourth widened the net from 2 to 13: a max of few draws understates)
MARGIN = 2.0


def written_cases(suite_dir: Path = SUITE_DIR) -> dict[str, dict]:
    """'file:id' -> text and side of every English probe case and every labelled validation case (by line)."""
    out = {}
    for path in sorted(Path(suite_dir).glob("en_*.jsonl")):
        for i, c in enumerate(load_cases(path)):
            if path.stem == VALIDATION:
                if c["harm"] is not None:
                    out[f"{path.stem}:{i}"] = {"text": c["text"], "harmful": bool(c["harm"])}
            else:
                out[f"{path.stem}:{c['id']}"] = {"text": c["text"], "harmful": c["expected"] == "harmful"}
    return out


def case_scores(proba, cases: dict[str, dict]) -> dict[str, list]:
    """'file:id' -> [harmful, abuse probability] (abuse: the highest harm head, as en_quick reads it)."""
    keys = sorted(cases)
    abuse = proba([cases[k]["text"] for k in keys])[:, 1:].max(axis=1) if keys else []
    return {k: [cases[k]["harmful"], round(float(p), 6)] for k, p in zip(keys, abuse, strict=True)}


def figures(proba, rows, data_dir: Path, hatecheck: bool = False) -> dict[str, float]:
    """en_quick's English figures on the validation rows, by name."""
    from model import data as D
    from model.en_quick import hatecheck_totals, written_validation
    from model.evaluate import eval_sets
    from model.pipeline import HEADS

    out: dict[str, float] = {}
    for s in eval_sets(rows, data_dir, D.VALID):
        if s["lang"] != "en" or not s["label"]:
            continue
        p = proba(s["texts"])
        col = p[:, 0] if s["label"] == "spam" else p[:, 1:].max(axis=1)
        clean = np.asarray(s["y"]) == 0
        out[f"auc {s['name']}"] = float(roc_auc_score(s["y"], col))
        out[f"clean flagged {s['name']}"] = float((col[clean] >= REVIEW).mean())
    out["auc written validation"] = written_validation(proba)["roc_auc"]
    valid = [r for r in rows if r.split == D.VALID and not r.synthetic and r.lang == "en"]
    labels, p = D.label_matrix(valid), proba([r.text for r in valid])
    ham = np.asarray([r.spam == 0 and r.abuse is None for r in valid])
    if ham.any():
        out["ham flagged"] = float((p[ham, 1:].max(axis=1) >= REVIEW).mean())
    for k, name in enumerate(HEADS):
        m = ~np.isnan(labels[:, k])
        if 0 < labels[m, k].sum() < m.sum():
            out[f"auc head {name}"] = float(roc_auc_score(labels[m, k], p[m, k]))
    if hatecheck:
        hc = hatecheck_totals(proba, data_dir)
        out |= {"hatecheck auc": hc["roc_auc"], "hatecheck hateful flagged": hc["hateful_flagged"],
                "hatecheck non-hateful flagged": hc["non_hateful_flagged"]}
        out |= {f"hatecheck {k} flagged": v["flagged"] for k, v in sorted(hc["functionalities"].items())}
    return out


def reading(proba, rows, data_dir: Path, hatecheck: bool = False, cases: dict | None = None) -> dict:
    """One fit's figures and written cases' scores (JSON-ready)."""
    return {"figures": figures(proba, rows, data_dir, hatecheck),
            "cases": case_scores(proba, written_cases() if cases is None else cases)}


def passed(case: list, line: float = REVIEW) -> bool:
    """A harmful case flagged, a civil one not."""
    harmful, p = case
    return (p >= line) == harmful


def difference(base: dict, cand: dict, line: float = REVIEW) -> dict:
    """Each figure's change and the written cases (both readings have) the candidate won and lost."""
    shared = sorted(base["cases"].keys() & cand["cases"].keys())
    won = [k for k in shared if passed(cand["cases"][k], line) and not passed(base["cases"][k], line)]
    lost = [k for k in shared if passed(base["cases"][k], line) and not passed(cand["cases"][k], line)]
    return {"figures": {k: cand["figures"][k] - v for k, v in base["figures"].items() if k in cand["figures"]},
            "won": won, "lost": lost, "harms_won": [k for k in won if base["cases"][k][0]],
            "harms_lost": [k for k in lost if base["cases"][k][0]], "cases": len(shared)}


def moves(base: dict, cand: dict) -> dict[str, float]:
    """How far each written case's abuse probability moved (candidate minus base), by case."""
    return {k: cand["cases"][k][1] - base["cases"][k][1] for k in base["cases"].keys() & cand["cases"].keys()}


def band(readings: list[dict], line: float = REVIEW) -> dict:
    """Over every pair of A/A readings: each figure's largest absolute change, and the most cases flipped one way
    (won or lost: a pair read either way round), both ways, net (|won - lost|), harms lost and civil cases lost."""
    if len(readings) < 2:
        raise ValueError("a band needs two readings or more")
    diffs = [difference(a, b, line) for a, b in combinations(readings, 2)]
    names = set.intersection(*(set(d["figures"]) for d in diffs))
    return {"pairs": len(diffs), "line": line,
            "figures": {k: max(abs(d["figures"][k]) for d in diffs) for k in sorted(names)},
            "one_way": max(max(len(d["won"]), len(d["lost"])) for d in diffs),
            "flipped": max(len(d["won"]) + len(d["lost"]) for d in diffs),
            "net": max(abs(len(d["won"]) - len(d["lost"])) for d in diffs),
            # the harms' own net: a refit trades harms for civil cases while the total barely moves
            "harm_net": max(abs(len(d["harms_won"]) - len(d["harms_lost"])) for d in diffs),
            # the largest pair's quantiles of a case's move |p_b - p_a|: a flip that moved less moved as chance does
            "move": {q: max(float(np.quantile(np.abs(list(moves(a, b).values())), float(q)))
                            for a, b in combinations(readings, 2)) for q in QUANTILES},
            # a pair read the other way round loses what it won: the harms among them are its harms lost
            "harms_lost": max(max(len(d["harms_lost"]), len(d["harms_won"])) for d in diffs),
            "civil_lost": max(max(len(d["lost"]) - len(d["harms_lost"]), len(d["won"]) - len(d["harms_won"]))
                              for d in diffs)}


def higher_is_better(name: str) -> bool:
    """A ROC-AUC should rise; a share of clean text flagged should fall."""
    return name.startswith("auc ")


def bars(band_: dict) -> tuple[float, float]:
    """The net and the harms' net a candidate must pass: MARGIN times the widest A/A pair's."""
    return MARGIN * band_["net"], MARGIN * band_["harm_net"]


def verdict(diff: dict, band_: dict) -> tuple[str, list[str]]:
    """BEATS when the candidate passes more written cases than its base by more than MARGIN times the band's net, loses
    no more harms than MARGIN times the band's harm net and no validation figure falls by more than MARGIN times its
    band; LOSES when one of those fails the other way; else INSIDE (no better than a refit). HateCheck is never read."""
    net, bar = len(diff["won"]) - len(diff["lost"]), bars(band_)
    harm_net = len(diff["harms_won"]) - len(diff["harms_lost"])
    worse = [k for k, d in diff["figures"].items() if not k.startswith("hatecheck") and k in band_["figures"]
             and abs(d) > MARGIN * band_["figures"][k] and (d > 0) != higher_is_better(k)]
    reasons = [f"{k} {diff['figures'][k]:+.4f} (band {band_['figures'][k]:.4f})" for k in worse]
    if harm_net < -bar[1]:
        reasons.insert(0, f"harms net {harm_net:+d} (needed beyond -{bar[1]:g})")
    said = f"written cases net {net:+d} (needed beyond {bar[0]:g})"
    if net < -bar[0]:
        reasons.insert(0, said)
    if reasons:
        return "LOSES", reasons
    return ("BEATS" if net > bar[0] else "INSIDE"), [said]


def format_comparison(base: dict, cand: dict, band_: dict) -> str:
    """Each figure base -> candidate with its band (* outside it), the written cases won and lost by file, the
    verdict; HateCheck's totals last, read after the verdict."""
    diff = difference(base, cand, band_["line"])
    lines = []
    for k, d in diff["figures"].items():
        width = band_["figures"].get(k)
        mark = "" if width is None else (" *" if abs(d) > MARGIN * width else "  ") + f" band {width:.4f}"
        lines.append(f"{k:64} {base['figures'][k]:.4f} -> {cand['figures'][k]:.4f} {d:+.4f}{mark}")
    won, lost = diff["won"], diff["lost"]
    far = band_["move"]["0.99"]
    moved = moves(base, cand)
    far_won, far_lost = (sum(abs(moved[k]) > far for k in diff[side]) for side in ("won", "lost"))
    lines.append(f"cases moved more than the band's 99th percentile move ({far:.4f}): "
                 f"{sum(abs(m) > far for m in moved.values())} of {len(moved)}; won {far_won}, lost {far_lost}")
    lines.append(f"written cases ({diff['cases']}): won {len(won)} ({len(diff['harms_won'])} harms), lost "
                 f"{len(lost)} ({len(diff['harms_lost'])} harms), net {len(won) - len(lost):+d}; band: net "
                 f"{band_['net']}, harm net {band_['harm_net']}, one way {band_['one_way']}, harms lost "
                 f"{band_['harms_lost']}, civil lost {band_['civil_lost']} ({band_['pairs']} A/A pairs)")
    by_file: dict[str, list[int]] = {}
    for side, keys in ((0, won), (1, lost)):
        for k in keys:
            by_file.setdefault(k.split(":")[0], [0, 0])[side] += 1
    lines += [f"  {f:44} won {w:3d} lost {n:3d}" for f, (w, n) in sorted(by_file.items())]
    call, reasons = verdict(diff, band_)
    lines.append(f"verdict: {call}: " + "; ".join(reasons))
    return "\n".join(lines)


def totals(read: dict, line: float = REVIEW) -> tuple[int, int]:
    """Written cases passed, and harms among them."""
    ok = [k for k, c in read["cases"].items() if passed(c, line)]
    return len(ok), sum(read["cases"][k][0] for k in ok)


def _load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save(obj: dict, path: str) -> None:
    """JSON, indented, so two readings diff by eye."""
    Path(path).write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("read", help="read a dumped quick fit (python -m model.en_quick --dump)")
    r.add_argument("dump")
    r.add_argument("--save", required=True)
    r.add_argument("--data-dir", default=str(DEFAULT_DATA))
    r.add_argument("--hatecheck", action="store_true", help="also HateCheck's totals (test only)")
    b = sub.add_parser("band", help="the band of two or more A/A readings")
    b.add_argument("readings", nargs="+")
    b.add_argument("--save", default=None)
    c = sub.add_parser("compare", help="a candidate's reading against its base's, with the band")
    c.add_argument("base")
    c.add_argument("candidate")
    c.add_argument("--band", default=str(BAND))
    d = sub.add_parser("draws", help="a candidate over several draws against its base over the same draws, by the "
                                     "paired rule (model/paired_screen.py)")
    d.add_argument("--base", nargs="+", required=True)
    d.add_argument("--candidate", nargs="+", required=True)
    d.add_argument("--band", default=str(BAND))
    args = ap.parse_args(argv)
    if args.command == "draws":
        from model.paired_screen import format_draws

        print(format_draws([_load(p) for p in args.base], [_load(p) for p in args.candidate], _load(args.band)))
    elif args.command == "read":
        import joblib

        from model import data as D

        pipe = joblib.load(args.dump)
        data_dir = Path(args.data_dir)
        save(reading(pipe.predict_proba, D.load_all(data_dir), data_dir, args.hatecheck), args.save)
    elif args.command == "band":
        out = band([_load(p) for p in args.readings])
        out["readings"] = [Path(p).name for p in args.readings]
        print(json.dumps(out, indent=1))
        if args.save:
            save(out, args.save)
    else:
        print(format_comparison(_load(args.base), _load(args.candidate), _load(args.band)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
