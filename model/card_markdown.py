"""CARD.md of a trained artifact: label mapping, comparison with earlier models, data and figures."""

from __future__ import annotations

import json
from pathlib import Path

from model.owned_tweets import FIELD, owned_section

LABEL_MAPPING = {
    "realpersonachat-ja-utterances": "all rows: spam=0 abuse=0 (ordinary chat); split by dialogue_id",
    "rtp-lx-ja": "prompts: abuse=1 if Toxicity mean >= 3, 0 if <= 1.67, middle dropped; benign human continuations "
                 "abuse=0; machine continuations (synthetic, training only) same rule on their Toxicity; "
                 "split by prompt",
    "inspection-ai-japanese-toxic": "abuse=1 if (Toxic + Very Toxic) * 2 >= annotation_num else 0",
    "youtube-spam-ja-templates-akku1139": "spam=1; evaluation only (real JA YouTube spam/troll lines)",
    "youtube-spam-collection": "spam=CLASS; Eminem video held out for test; AUTHOR dropped",
    "sms-spam-collection": "spam=1 for 'spam', 0 for 'ham'",
    "davidson-hate-offensive": "abuse=1 for class 0 (hate) and 1 (offensive), 0 for class 2; hate head: class 0; "
                               "harassment head: class 0 or 1 (vulgar, degrading language is moderatable), except a "
                               "tweet addressing nobody that uses a reclaimable in-group word (nigga, queer, dyke...): "
                               "unlabelled; training tweets lose their quote marks (a retweet is the "
                               "poster's own words), held-out tweets are scored as they are",
    "stormfront-hate-speech": "abuse=1 for 'hate', 0 for 'noHate'; relation/idk dropped; split by post",
    "jigsaw-toxic-sample-ibm": "abuse=toxic; evaluation only (smoke)",
    "synthetic": "model/synth.py: spam genres spam=1, abuse templates abuse=1, hard negatives 0; model/synth_harms.py "
                 "(and synth_harms_en.py: English threats and group hate with targets, threats in varied frames "
                 "(verbs, persons, tenses, targets: reporters, commenters, officials, groups) and their civil "
                 "look-alikes (I'll send you the link, we'll beat them on Saturday), counter-speech quoting or "
                 "referring to hate, reclaimed in-group words, groups named neutrally, groups named in ordinary "
                 "news-comment frames (Dixon et al.'s identity-term balance), news of attacks, all 0 but the threats "
                 "and hate); a generated row equal to a HateCheck case is dropped; "
                 "training only",
}

# held-out ROC-AUC of the previous model, 2026.11.26-8 (its card.json in git history): the bar of issue 12
PREVIOUS_VERSION = "2026.11.26-8"
PREVIOUS_ROC_AUC = {
    "ja spam: akku1139 real YT ad/chain lines vs RPC": 0.8273,
    "ja troll: akku1139 real YT troll replies (as spam) vs RPC": 0.6685,
    "ja spam: mamadm held-out phrases (template) vs RPC": 1.0,
    "ja abuse: RTP-LX prompts held-out": 0.9177,
    "ja abuse: inspection-ai held-out": 0.8008,
    "ja abuse: RTP-LX toxic prompts vs benign continuations": 0.9882,
    "en spam: YouTube held-out video (Eminem)": 0.9805,
    "en spam: SMS held-out": 0.9957,
    "en abuse: Davidson tweets held-out": 0.9727,
    "en abuse: Stormfront held-out": 0.8662,
    "en abuse: Jigsaw 101-row smoke sample": 0.833,
}


# held-out ROC-AUC of the model this one replaces (its card): a drop over 0.01 is marked too
REPLACED_VERSION = "2026.12.02-9"
REPLACED_ROC_AUC = {
    "ja spam: akku1139 real YT ad/chain lines vs RPC": 0.9746,
    "ja troll: akku1139 real YT troll replies (as spam) vs RPC": 0.674,
    "ja spam: mamadm held-out phrases (template) vs RPC": 1.0,
    "ja abuse: RTP-LX prompts held-out": 0.9102,
    "ja abuse: inspection-ai held-out": 0.783,
    "ja abuse: RTP-LX toxic prompts vs benign continuations": 0.9758,
    "en spam: YouTube held-out video (Eminem)": 0.9911,
    "en spam: SMS held-out": 0.9951,
    "en abuse: Davidson tweets held-out": 0.9595,
    "en abuse: Stormfront held-out": 0.8698,
    "en abuse: Jigsaw 101-row smoke sample": 0.8654,
}


def comparison_markdown(card: dict) -> list[str]:
    lines = [f"## Against {PREVIOUS_VERSION} and {REPLACED_VERSION} (held-out ROC-AUC; a drop over 0.01 is marked)", "",
             f"| set | {PREVIOUS_VERSION} | {REPLACED_VERSION} | this | change vs {PREVIOUS_VERSION} | "
             f"change vs {REPLACED_VERSION} |", "|---|---:|---:|---:|---:|---:|"]
    for m in card["metrics"]["heldout"]:
        before, replaced = PREVIOUS_ROC_AUC.get(m["set"]), REPLACED_ROC_AUC.get(m["set"])
        if before is not None and replaced is not None and "roc_auc" in m:
            cells = []
            for ref in (before, replaced):
                delta = m["roc_auc"] - ref
                cells.append(f"{delta:+.4f}" + (" **worse by more than 0.01**" if delta < -0.01 else ""))
            lines.append(f"| {m['set']} | {before:.4f} | {replaced:.4f} | {m['roc_auc']:.4f} | {cells[0]} | "
                         f"{cells[1]} |")
    lines += ["", "## Categories (held-out ROC-AUC per head, real rows labelled for it)", "",
              "| head | lang | n (pos) | ROC-AUC |", "|---|---|---|---:|"]
    lines += [f"| {c['head']} | {c['lang']} | {c['n']} ({c['pos']}) | {c['roc_auc']:.4f} |"
              for c in card["metrics"].get("categories", [])]
    lovo = card["metrics"].get("youtube_lovo")
    if lovo:
        lines += ["", "## YouTube leave-one-video-out (spam head refitted without each video)", "",
                  " | ".join(f"{k} {v:.4f}" for k, v in lovo.items())]
    long = card.get("long_comments")
    if long:
        lines += ["", "## Long comments: one attacking sentence among held-out ordinary Japanese (long_comments.py)",
                  "", f"{long['n']} suite attacks, each inside 4-7 padding sentences (mean {long['mean_chars']} "
                  f"characters): flagged alone {100 * long['attack_alone_flagged']:.1f}%, inside the padding "
                  f"{100 * long['padded_attack_flagged']:.1f}%; the padding alone flagged "
                  f"{100 * long['padding_flagged']:.1f}%; ROC-AUC of abuse, padded attack vs its padding "
                  f"{long['roc_auc_abuse']:.4f}."]
    speed = card.get("speed")
    if speed:
        lines += ["", "## Speed (measured at the end of training, same process)", "",
                  f"load {speed['load_seconds']} s; Scorer.score median {speed['score_200_median_us']} µs at 200 "
                  f"characters, {speed['score_5000_median_us']} µs at 5,000; model.joblib "
                  f"{speed['model_bytes'] / 1e6:.1f} MB"]
    return lines


def card_markdown(card: dict, table: str) -> str:
    lines = [f"# Moderation model {card['version']}", "",
             "Scores comments for `spam` and seven harm categories (threat, hate, harassment, sexual, self_harm, "
             "personal_info, defamation), calibrated probabilities; `abuse` is the largest category. Japanese first, "
             "English too.", "",
             f"- SHA-256 of model.joblib: `{card['sha256']}`",
             f"- scikit-learn {card['sklearn_version']}, numpy {card['numpy_version']}, "
             f"Python {card['python_version']}",
             f"- training time: {card['training_seconds']:.0f} s; trained {card['trained_at']}"
             + (f" with `{card['command']}`" if card.get("command") else ""),
             *([f"- weights: {r['weights_from']}'s model.joblib (fitted {r['fitted_at']} for "
                f"{r.get('fitted_by', r['weights_from'])}), re-carded on this code "
                f"{r['recarded_at']} with `{r['command']}`: {r['texts_moved']} of {r['texts']} distinct data texts "
                f"read differently, no training row"] if (r := card.get("recard")) else []),
             f"- thresholds: `{json.dumps(card['thresholds'])}` (review = send to moderators; reject = auto-reject)",
             "", "## Pipeline", "", card["pipeline"], "",
             "## Held-out evaluation (synthetic rows never evaluated)", "", table, "",
             "Baseline: character n-gram TF-IDF + logistic regression on the same real training rows, threshold 0.5.",
             *owned_section(card["metrics"].get(FIELD)),
             "", *comparison_markdown(card), "", "## Data", "", "| source | licence / attribution | label mapping |",
             "|---|---|---|"]
    for folder, lic in card["data"]["licences"].items():
        lines.append(f"| {folder} | {lic} | {LABEL_MAPPING.get(folder, 'lexicon (features / generator)')} |")
    lines += ["", "Upstream commits (from each SOURCE.md):", ""]
    for folder, src in card["data"]["upstream"].items():
        lines.append(f"- `{folder}`: {src}")
    lines += ["", "## Rows per source, split and class", "",
              "| source | lang | synthetic | split | rows | spam | abuse |",
              "|---|---|---|---|---|---|---|"]
    for src, info in card["data"]["rows"].items():
        for split, c in info["splits"].items():
            lines.append(f"| {src} | {info['lang']} | {info['synthetic']} | {split} | {c['rows']} | {c['spam']} | "
                         f"{c['abuse']} |")
    lines += ["", "## File checksums (SHA-256)", ""]
    for f, h in card["data"]["sha256"].items():
        lines.append(f"- `{f}` {h}")
    lines += ["", "## Notes", "", *[f"- {n}" for n in card["notes"]], ""]
    return "\n".join(lines)


def long_comment_report(folder: Path, sha: str, data_dir: Path) -> dict:
    """The long-comment figures of the artifact in `folder` (model/long_comments.py)."""
    from model.judge import Judge
    from model.long_comments import build, report
    from moderation.scoring.scorer import load_scorer

    scorer = load_scorer(folder, sha)
    return report(Judge(scorer, scorer.card["thresholds"]), build(data_dir))
