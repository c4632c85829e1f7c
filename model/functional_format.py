"""A functional report as text, as a CARD.md section, and its failed cases one per line."""

from __future__ import annotations

from model.judge import HATECHECK_FOCUS, OWN_WORD_COUNTS, SUITE, Judge, load_cases


def _pct(x) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}%"


# beside HateCheck's table, counts only (model.judge.OWN_WORD_COUNTS): a reading gap from a weight gap
OWN_WORD_HEAD = "slur word / read own / own flagged / unread flagged"


def _own_word(func: dict) -> str:
    """A functionality's own-word reading counts (a card recorded before them has none: blank)."""
    counts = func.get("own_word")
    return " / ".join(str(counts[k]) for k in OWN_WORD_COUNTS) if counts else ""


def format_report(rep: dict) -> str:
    lines = [f"model {rep.get('model_version', '?')}"]
    ja = rep.get("ja_suite")
    if ja:
        lines += ["", f"Japanese functional suite ({ja['n']} cases)", f"{'functionality':32} {'n':>4} {'pass':>7}"]
        lines += [f"{k:32} {v['n']:4d} {_pct(v['pass_rate'])}" for k, v in ja["functionalities"].items()]
        lines += ["", f"harmful held/rejected   {_pct(ja['harmful']['pass_rate'])}  (n={ja['harmful']['n']})",
                  f"non-harmful allowed     {_pct(ja['non_harmful']['pass_rate'])}  (n={ja['non_harmful']['n']})",
                  f"minimal pairs both right {_pct(ja['pairs']['both_pass_rate'])}  (n={ja['pairs']['n']})"]
        lines += [f"  harmful {k:14} {_pct(v['pass_rate'])}  (n={v['n']})" for k, v in ja["categories"].items()]
        if ja["category_match"]:
            lines.append(f"top category = expected (caught cases) {_pct(ja['category_match']['rate'])}")
    hc = rep.get("hatecheck")
    if hc:
        lines += ["", "HateCheck (English, test only)"]
        if not hc["available"]:
            lines.append(f"  not available: {hc['reason']}")
        else:
            lines += [f"ROC-AUC abuse {hc['roc_auc_abuse']:.4f}; hateful flagged {_pct(hc['hateful_flagged'])}, "
                      f"non-hateful flagged {_pct(hc['non_hateful_flagged'])}",
                      f"{'functionality':22} {'label':12} {'n':>4} {'flagged':>8}   {OWN_WORD_HEAD}"]
            lines += [f"{k:22} {v['label']:12} {v['n']:4d} {_pct(v['flagged']):>8}   {_own_word(v)}"
                      + (" *" if k in HATECHECK_FOCUS else "") for k, v in hc["functionalities"].items()]
    pi = rep.get("personal_info")
    if pi:
        lines += ["", "Personal-information probe"]
        if not pi["available"]:
            lines.append(f"  not available: {pi['reason']}")
        else:
            lines.append(f"precision {pi['precision']}, recall {pi['recall']} (n={pi['n']}, tp={pi['tp']} "
                         f"fp={pi['fp']} fn={pi['fn']} tn={pi['tn']}, threshold {pi['threshold']})")
    tp = rep.get("en_threat_probe")
    if tp:
        lines += _probe_lines(tp, "English threat probe", ("threats", "threats_flagged"),
                              ("same-shape non-threats", "non_threats_flagged"))
    gp = rep.get("en_group_probe")
    if gp:
        lines += _probe_lines(gp, "English group probe", ("attacks", "harmful_flagged"),
                              ("non-attacks", "non_harmful_flagged"))
    jg = rep.get("ja_group_probe")
    if jg:
        lines += _probe_lines(jg, "Japanese group probe", ("attacks on groups", "harmful_flagged"),
                              ("civil mentions", "non_harmful_flagged"))
    ap = rep.get("ja_accusation_probe")
    if ap:
        lines += ["", f"Japanese accusation probe ({ap['n']} written cases)",
                  f"named culprits flagged {_pct(ap['harmful_flagged']['rate'])}, unknown culprits flagged "
                  f"{_pct(ap['non_harmful_flagged']['rate'])}, "
                  f"pairs both right {_pct(ap['pairs']['both_pass_rate'])}"]
    return "\n".join(lines)


def _probe_lines(probe: dict, title: str, harmful: tuple[str, str], non_harmful: tuple[str, str]) -> list[str]:
    """A written probe's text lines: each side's flagged share, pairs both right, pass rate per functionality."""
    (h_word, h_key), (n_word, n_key) = harmful, non_harmful
    lines = ["", f"{title} ({probe['n']} written cases)",
             f"{h_word} flagged {_pct(probe[h_key]['rate'])} (n={probe[h_key]['n']}), "
             f"{n_word} flagged {_pct(probe[n_key]['rate'])} "
             f"(n={probe[n_key]['n']}), pairs both right {_pct(probe['pairs']['both_pass_rate'])}"]
    return lines + [f"{k:32} {v['n']:4d} {_pct(v['pass_rate'])}" for k, v in probe["functionalities"].items()]


def _probe_sentence(probe: dict, title: str, name: str, harmful: tuple[str, str], non_harmful: tuple[str, str]) -> str:
    """A written probe's CARD.md sentence: each side's flagged share and the minimal pairs both right."""
    (h_word, h_key), (n_word, n_key) = harmful, non_harmful
    return (f"{title} ({probe['n']} written cases, tests/functional/{name}.jsonl): "
            f"{h_word} flagged {_pct(probe[h_key]['rate']).strip()}, {n_word} flagged "
            f"{_pct(probe[n_key]['rate']).strip()}, minimal pairs both right "
            f"{_pct(probe['pairs']['both_pass_rate']).strip()} of {probe['pairs']['n']}.")


def markdown_report(rep: dict) -> str:
    """The functional figures as a CARD.md section (tables per functionality)."""
    out = ["## Functional tests", ""]
    ja = rep.get("ja_suite")
    if ja:
        out += [f"Japanese suite (tests/functional, {ja['n']} written cases): harmful held or rejected "
                f"{_pct(ja['harmful']['pass_rate']).strip()}, non-harmful allowed "
                f"{_pct(ja['non_harmful']['pass_rate']).strip()}, minimal pairs both right "
                f"{_pct(ja['pairs']['both_pass_rate']).strip()} of {ja['pairs']['n']}.", "",
                "| functionality | n | pass |", "|---|---:|---:|"]
        out += [f"| {k} | {v['n']} | {_pct(v['pass_rate']).strip()} |" for k, v in ja["functionalities"].items()]
        out.append("")
    hc = rep.get("hatecheck")
    if hc and hc["available"]:
        out += [f"HateCheck (English, test only): ROC-AUC of abuse {hc['roc_auc_abuse']:.3f}; hateful flagged "
                f"{_pct(hc['hateful_flagged']).strip()}, "
                f"non-hateful flagged {_pct(hc['non_hateful_flagged']).strip()}.",
                "", f"| functionality | gold | n | flagged | {OWN_WORD_HEAD} |", "|---|---|---:|---:|---:|"]
        out += [f"| {k} | {v['label']} | {v['n']} | {_pct(v['flagged']).strip()} | {_own_word(v)} |"
                for k, v in hc["functionalities"].items()]
        out.append("")
    pi = rep.get("personal_info")
    if pi:
        out.append(f"Personal-information probe ({pi['n']} written cases): precision {pi['precision']}, "
                   f"recall {pi['recall']}." if pi["available"]
                   else f"Personal-information probe: not available ({pi['reason']}).")
    tp = rep.get("en_threat_probe")
    if tp:
        out += ["", _probe_sentence(tp, "English threat probe", "en_threat_probe", ("threats", "threats_flagged"),
                                    ("same-shape non-threats", "non_threats_flagged"))]
    gp = rep.get("en_group_probe")
    if gp:
        out += ["", _probe_sentence(gp, "English group probe", "en_group_probe", ("attacks", "harmful_flagged"),
                                    ("denied attacks, positive mentions, swearing at nobody, reclaimed and reported "
                                     "slurs", "non_harmful_flagged")), "",
                "| functionality | n | pass |", "|---|---:|---:|"]
        out += [f"| {k} | {v['n']} | {_pct(v['pass_rate']).strip()} |" for k, v in gp["functionalities"].items()]
    ap = rep.get("ja_accusation_probe")
    if ap:
        out += ["", _probe_sentence(ap, "Japanese accusation probe", "ja_accusation_probe",
                                    ("named culprits", "harmful_flagged"),
                                    ("news of unknown culprits", "non_harmful_flagged"))]
    jg = rep.get("ja_group_probe")
    if jg:
        out += ["", _probe_sentence(jg, "Japanese group probe", "ja_group_probe",
                                    ("attacks on groups", "harmful_flagged"),
                                    ("civil sentences naming a group", "non_harmful_flagged"))]
    return "\n".join(out) + "\n"


def format_failures(judge: Judge, failed: list[str]) -> str:
    """One line per failed case: id, functionality, what was expected, what the model did and why."""
    by_id = {c["id"]: c for c in load_cases(SUITE)}
    lines = ["", f"Failed cases ({len(failed)})"]
    for cid in failed:
        case = by_id[cid]
        verdict = judge.judge(case["text"])
        top = f" top {verdict['top_category']} {verdict['categories'][verdict['top_category']]:.2f}" if (
            verdict["top_category"]) else ""
        lines.append(f"{cid} {case['functionality']:26} want {case['expected']:11} got {verdict['decision']:6} "
                     f"abuse {verdict['abuse']:.2f}{top} {','.join(verdict['harms']) or '-'}  {case['text']}")
    return "\n".join(lines)
