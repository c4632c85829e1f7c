"""The README (and docs/model.md, the model's account moved out of it) claims only what the code, the model card
and the tests show: the tests, make targets and settings it names exist, its configuration defaults are the
settings' own, its example answer is what the shipped model answers and its model figures are the shipped card's
(a new model or an edit that forgets the other side fails here)."""

import argparse
import json
import re
from pathlib import Path

import pytest

from model.card_markdown import PREVIOUS_ROC_AUC, PREVIOUS_VERSION
from moderation import settings
from moderation.scoring.policy import Policy

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
MODEL = (ROOT / "docs/model.md").read_text()  # the model's full account, moved out of the README (session 55)
DOCS = README + "\n" + MODEL
FLAT = re.sub(r"\s+", " ", README)  # prose wraps anywhere
MODEL_FLAT = re.sub(r"\s+", " ", MODEL)


def test_every_test_the_readme_names_exists():
    sources = {path: path.read_text() for path in (ROOT / "tests").glob("test_*.py")}
    refs = set(re.findall(r"tests/[a-z_]+\.py(?:::[A-Za-z0-9_]+)?", DOCS))
    assert len(refs) > 10, refs
    for ref in refs:
        path, _, name = ref.partition("::")
        assert (ROOT / path).is_file(), ref
        assert not name or re.search(rf"def {name}\b", sources[ROOT / path]), ref
    named = None  # "`::name`" is a test of the file named last before it (the Durability section once cited a
    for ref in re.finditer(r"(tests/[a-z_]+\.py)|`::([A-Za-z0-9_]+)`", DOCS):  # test_durability one under
        if ref.group(1):  # test_claim_races.py)
            named = ROOT / ref.group(1)
        else:
            assert named and re.search(rf"def {ref.group(2)}\b", sources[named]), (named, ref.group(2))
    for name in re.findall(r"`(test_[a-z0-9_]+)`", DOCS):  # a test named without its file
        assert any(re.search(rf"def {name}\b", text) for text in sources.values()), name


def test_every_file_module_and_test_the_docs_name_exists():
    """docs/*.md and the README name code by path: each path, `python -m` module and test is there."""
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text()
        for ref in set(re.findall(r"tests/[a-z_/]+\.(?:py|jsonl)(?:::[A-Za-z0-9_]+)?", text)):
            path, _, name = ref.partition("::")
            assert (ROOT / path).is_file(), (doc.name, ref)
            assert not name or re.search(rf"def {name}\b", (ROOT / path).read_text()), (doc.name, ref)
        for path in set(re.findall(r"(?<![\w/])(?:bench|model|moderation)/[A-Za-z0-9_/.-]*[A-Za-z0-9_/]", text)):
            assert (ROOT / path).exists() or "<" in path, (doc.name, path)
        for module in set(re.findall(r"python -m ((?:bench|model|moderation)[a-z_.]*[a-z_])", text)):
            base = ROOT / module.replace(".", "/")
            assert base.with_suffix(".py").is_file() or (base / "__main__.py").is_file(), (doc.name, module)


def test_every_make_target_and_setting_the_readme_names_exists():
    targets = set(re.findall(r"^([a-z][a-z0-9-]*):", (ROOT / "Makefile").read_text(), re.M))
    named = set(re.findall(r"`make ([a-z][a-z0-9-]*)", DOCS)) | set(re.findall(r"^make ([a-z][a-z0-9-]*)", DOCS, re.M))
    assert {"run", "test", "train", "bench"} <= named
    assert named <= targets, named - targets
    known = {setting.name for setting in settings.TABLE}
    compose = " ".join(path.read_text() for path in ROOT.glob("docker-compose*.yml"))
    known |= set(re.findall(r"MODERATION_([A-Z0-9_]+[A-Z0-9])", compose))  # the compose file's own (PUBLISH...)
    mentioned = set(re.findall(r"MODERATION_([A-Z0-9_]+[A-Z0-9])", DOCS))
    assert mentioned <= known, mentioned - known


def test_make_tests_line_names_what_the_target_installs_and_runs():
    """The README's first lines: `make test` installs each Debian package its *-deps prerequisites install and runs
    ruff (audit s36: the line named Chromium alone, after docker-compose, nginx, jemalloc and the word list joined)."""
    makefile = (ROOT / "Makefile").read_text()
    said = re.search(r"^make test +# (.*)$", README, re.M).group(1)
    deps = re.search(r"^test: (.*)$", makefile, re.M).group(1).split()
    assert len([dep for dep in deps if dep.endswith("-deps")]) >= 5, deps
    for dep in (dep for dep in deps if dep.endswith("-deps")):
        recipe = re.search(rf"^{dep}:\n\t(.*)$", makefile, re.M).group(1)
        first = re.search(r"apt-get install -y -qq (\S+)", recipe).group(1)
        assert first in said, (dep, first)
    assert "ruff check" in re.search(r"^test: .*\n((?:\t.*\n)+)", makefile, re.M).group(1) and "ruff" in said


def _configuration_rows():
    table = README.split("## Configuration")[1].split("\n## ")[0]
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        names = re.findall(r"`MODERATION_([A-Z0-9_]+)`", cells[0]) if len(cells) >= 3 else []
        if names:
            yield names, cells[1]


def test_the_configuration_tables_defaults_are_the_settings_defaults():
    defaults = {setting.name: setting.default for setting in settings.TABLE}
    checked = 0
    for names, default in _configuration_rows():
        numbers = [part.strip() for part in default.split(",")]
        if default.startswith("`{"):  # a JSON default
            assert json.loads(default.strip("`")) == defaults[names[0]], names
            checked += 1
        elif len(numbers) == len(names) and all(re.fullmatch(r"\d+(\.\d+)?", n) for n in numbers):
            for name, number in zip(names, numbers, strict=True):
                assert float(defaults[name]) == float(number), (name, number, defaults[name])
                checked += 1
    assert checked >= 7, checked
    said = re.findall(r"`MODERATION_([A-Z0-9_]+)`,? \(?(\d+(?:\.\d+)?)(?: s)?[),]", FLAT)  # "`X` (180)", "`X`, 7,"
    assert len(said) >= 5, said
    for name, value in said:
        assert float(defaults[name]) == float(value), (name, value, defaults[name])


def test_every_metric_the_readme_lists_is_exported():
    code = " ".join(path.read_text() for path in (ROOT / "moderation").rglob("*.py"))
    listed = set(re.findall(r"`(moderation_[a-z_]+)", README))
    assert len(listed) >= 10, listed
    assert all(name in code for name in listed), {name for name in listed if name not in code}



def test_every_series_a_scrape_gives_is_a_row_of_the_metrics_table(make_app):
    """Production, Metrics: the table an operator sets alerts from names every moderation_* family /metrics gives, and
    only those (audit s39: the Redis memory, persistence and delayed-fsync series and the two nudge counters were in
    other sections' prose only, not in the table)."""
    from tests.support.app import API_KEY, METRICS_TOKEN

    client = make_app(METRICS_TOKEN=METRICS_TOKEN).test_client()
    client.post("/api/v1/comments", json={"id": "metrics-1", "article_id": "a", "text": "ありがとう"},
                headers={"Authorization": f"Bearer {API_KEY}"})
    scrape = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).text
    exported = {line.split()[2] for line in scrape.splitlines() if line.startswith("# TYPE moderation_")}
    exported = {name for name in exported if not name.endswith("_created")}  # single-process mode's extra families
    section = README[README.index("**Metrics.**"):README.index("**Logs.**")]
    rows = {name for line in section.splitlines() if line.startswith("| `moderation_")
            for name in re.findall(r"`(moderation_[a-z_]+)", line.split("|")[1])}
    assert len(exported) >= 20, exported
    assert exported == rows, {"not in the table": exported - rows, "not exported": rows - exported}


def test_the_mail_the_request_pages_promise_is_the_notice_the_readme_says_someone_sends():
    """Removal requests, Notices: the form and the receipt page promise the outcome and reason by mail whatever the
    configuration; the README says who sends it with SMTP and without (audit s38 left the wording, s39)."""
    from moderation.pages.i18n.request_form import MESSAGES

    promise = "結果と理由をメールでお知らせします"
    assert promise in MESSAGES["ja"]["form.intro"] and "結果と理由は、入力されたメールアドレスにお知らせします" in \
        MESSAGES["ja"]["receipt.keep"]
    assert "send the outcome and the reason to your e-mail" in MESSAGES["en"]["receipt.keep"]
    notices = FLAT[FLAT.index("**Notices.**"):]
    assert f"the form and the receipt page promise it ({promise}" in notices[:notices.index("**", 12)]

@pytest.mark.slow
def test_the_example_answer_is_what_the_shipped_model_answers(shipped_scorer):
    section = README.split("## Score a comment")[1].split("\n## ")[0]
    text = re.search(r'"text": "([^"]+)"', section).group(1)
    shown = section.split("```json")[1].split("```")[0]
    categories = json.loads(re.search(r'"categories": (\{[^}]+\})', shown).group(1))
    scores = json.loads(re.search(r'"scores": (\{[^}]+\})', shown).group(1))
    score = shipped_scorer.score(text)
    assert {k: round(float(v), 6) for k, v in score.categories.items()} == categories
    assert {k: round(float(v), 6) for k, v in score.scores.items()} == scores
    assert f'"model_version": "{score.model_version}"' in shown
    decision, labels, _ = Policy(shipped_scorer.thresholds).decide({**score.scores, **score.categories})
    assert f'"decision": "{decision}"' in shown and f'"labels": {json.dumps(labels)}' in shown
    for span in re.findall(r'"start": (\d+), "end": (\d+), "text": "([^"]+)"', shown):
        assert text[int(span[0]):int(span[1])] == span[2]  # the spans quote the text itself
    # the evidence shown (label, span, feature, weight) is the answer's first, in its order (audit s38: unchecked)
    explained = json.loads("[" + shown.split('"explanation": [')[1].split(", ...]")[0] + "]")
    assert len(explained) >= 3 and explained == score.explanation[:len(explained)], score.explanation[:len(explained)]


def _card():
    active = json.loads((ROOT / "model/artifacts/active.json").read_text())
    return active["version"], json.loads((ROOT / "model/artifacts" / active["version"] / "card.json").read_text())


def _shown(phrase):
    """The number docs/model.md gives right after `phrase` (prose whitespace folded), and its decimals."""
    match = re.search(re.escape(phrase) + r" (\d+(?:\.\d+)?)", MODEL_FLAT)
    assert match, phrase
    return float(match.group(1)), len(match.group(1).partition(".")[2])


def test_the_model_figures_are_the_shipped_cards():
    version, card = _card()
    assert f"Figures of the shipped model ({version}, from its card" in MODEL_FLAT
    heldout = {m["set"]: m for m in card["metrics"]["heldout"]}

    def auc(prefix):
        [value] = [m["roc_auc"] for name, m in heldout.items() if name.startswith(prefix)]
        return value

    suite, hatecheck, probe = (card["functional"][k] for k in ("ja_suite", "hatecheck", "personal_info"))
    figures = {
        "Japanese spam lines from real YouTube": auc("ja spam: akku1139 real YT ad"),
        "paid-dating DMs from phrases the generator never used": auc("ja spam: mamadm"),
        "Japanese abuse": auc("ja abuse: RTP-LX prompts held-out"),
        "English spam": auc("en spam: YouTube"),
        "(YouTube) and": auc("en spam: SMS"),
        "English abuse": auc("en abuse: Davidson"),
        "harassment) and": auc("en abuse: Stormfront"),
        "YouTube leave-one-video-out mean": card["metrics"]["youtube_lovo"]["mean"],
        "Ordinary Japanese chat flagged": heldout["ja ordinary: RPC held-out dialogues"]["flagged_share"] * 100,
        "harmful held or rejected": suite["harmful"]["pass_rate"] * 100,
        "non-harmful allowed": suite["non_harmful"]["pass_rate"] * 100,
        "HateCheck (English, test only): ROC-AUC of abuse": hatecheck["roc_auc_abuse"],
        "Personal-information probe: precision": probe["precision"],
    }
    if owned := card["metrics"].get("davidson_without_owned"):  # on cards since session 54 (model.owned_tweets)
        figures["Davidson held-out without the owned reading's tweets"] = owned["heldout"]["roc_auc_without_owned"]
    for phrase, value in figures.items():
        number, decimals = _shown(phrase)
        assert abs(number - value) <= 0.5 * 10 ** -decimals + 1e-9, (phrase, number, value)
    assert abs(_shown("(RTP-LX) and")[0] - auc("ja abuse: inspection-ai")) <= 0.0005 + 1e-9
    flagged = {name: f["flagged"] * 100 for name, f in hatecheck["functionalities"].items()}
    long, threats = card["long_comments"], card["functional"]["en_threat_probe"]
    more = {
        "Jigsaw's 101-comment smoke sample": auc("en abuse: Jigsaw"),
        "direct threats flagged": flagged["threat_dir_h"], '"I hate <group>"': flagged["derog_neg_emote_h"],
        "counter-speech quoting hate": flagged["counter_quote_nh"], "and referring to it": flagged["counter_ref_nh"],
        "reclaimed slurs": flagged["slur_reclaimed_nh"], "positive mentions of groups": flagged["ident_pos_nh"],
        "negated hate": flagged["negate_neg_nh"], "swearing at nobody": flagged["profanity_nh"],
        "leet spelling": flagged["spell_leet_h"],
        "ordinary sentences is flagged": long["padded_attack_flagged"] * 100,
        "the padding alone": long["padding_flagged"] * 100,
        "threats held": threats["threats_flagged"]["rate"] * 100,
        "the same shapes threatening nobody held": threats["non_threats_flagged"]["rate"] * 100,
    }
    for phrase, value in more.items():
        number, decimals = _shown(phrase)
        assert abs(number - value) <= 0.5 * 10 ** -decimals + 1e-9, (phrase, number, value)
    alone = float(re.search(r"of the time \(([\d.]+)% alone\)", MODEL_FLAT).group(1))
    assert abs(alone - long["attack_alone_flagged"] * 100) <= 0.05 + 1e-9
    group = card["functional"]["en_group_probe"]["functionalities"]
    passed = sum(f["passed"] for f in group.values())
    assert f"{passed} of {card['functional']['en_group_probe']['n']} passed" in MODEL_FLAT
    missed = [f"{group[k]['n'] - group[k]['passed']} of {group[k]['n']}"
              for k in ("denied_attack_nh", "group_positive_nh", "profanity_nobody_nh")]
    assert f"flagged {missed[0]}, {missed[1]} and {missed[2]}" in MODEL_FLAT
    assert f"recall {probe['recall']:.2f}" in MODEL_FLAT
    speed = re.search(r"Scoring at the end of training \(shared machine\): (\d+) µs at 200 characters, ([\d.]+) ms at "
                      r"5,000, load ([\d.]+) s, ([\d.]+) MB", MODEL_FLAT)
    assert speed, "the speed sentence"
    measured = (card["speed"]["score_200_median_us"], card["speed"]["score_5000_median_us"] / 1000,
                card["speed"]["load_seconds"], card["speed"]["model_bytes"] / 1e6)
    for shown, value in zip(speed.groups(), measured, strict=True):
        assert abs(float(shown) - value) <= 0.5 * 10 ** -len(shown.partition(".")[2]) + 1e-9, (shown, value)
    assert f"({round(card['training_seconds'])} s for {card['version']}, the card's training_seconds)" in FLAT


def test_the_readmes_model_summary_is_the_shipped_cards():
    """The README's summary of the model (its account is docs/model.md, session 55): the heads the card fits, issue
    12's bars with each shipped figure as the card has it and met / missed as figure and bar say, Davidson both ways
    (never one figure without the other: the lead, session 54)."""
    version, card = _card()
    section = README.split("## The model\n")[1].split("\n## ")[0]
    flat = re.sub(r"\s+", " ", section)
    assert all(f"`{head}`" in section for head in card["heads"]), card["heads"]
    assert card["abuse_rule"] == f"abuse = max({', '.join(card['categories'])})"
    assert "`abuse` is the largest harm category" in flat and "[docs/model.md](docs/model.md)" in flat
    assert f"Issue 12's bars for the shipped model ({version}, from its card)" in flat
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$", section, re.M)  # no header
    suite, hatecheck, probe = (card["functional"][k] for k in ("ja_suite", "hatecheck", "personal_info"))
    flagged = {name: f["flagged"] for name, f in hatecheck["functionalities"].items()}
    heldout = {m["set"]: m for m in card["metrics"]["heldout"]}
    davidson = "en abuse: Davidson tweets held-out"
    fall = max(PREVIOUS_ROC_AUC[name] - m["roc_auc"] for name, m in heldout.items()
               if name in PREVIOUS_ROC_AUC and name != davidson)
    bar = round(PREVIOUS_ROC_AUC[davidson] - 0.01, 4)
    chat, benign = (heldout[f"ja ordinary: {name}"]["flagged_share"]
                    for name in ("RPC held-out dialogues", "RTP-LX benign continuations"))
    speed, lovo = card["speed"], card["metrics"]["youtube_lovo"]["mean"]
    harmful, civil = suite["harmful"]["pass_rate"], suite["non_harmful"]["pass_rate"]
    expected = [  # (the row's first words, its bar, the card's figure as shown, met)
        ("Japanese suite: harmful", ">= 90%", f"{harmful:.2%}", harmful >= 0.9),
        ("Japanese suite: civil", ">= 95%", f"{civil:.2%}", civil >= 0.95),
        ("HateCheck (test only): ROC-AUC", ">= 0.85", f"{hatecheck['roc_auc_abuse']:.4f}",
         hatecheck["roc_auc_abuse"] >= 0.85),
        *[(f"HateCheck: {words}", ">= 80%" if name.endswith("_h") else "<= 20%", f"{flagged[name]:.2%}",
           flagged[name] >= 0.8 if name.endswith("_h") else flagged[name] <= 0.2)
          for words, name in (("direct threats", "threat_dir_h"), ('"I hate <group>"', "derog_neg_emote_h"),
                              ("counter-speech quoting", "counter_quote_nh"), ("counter-speech referring",
                               "counter_ref_nh"), ("reclaimed slurs", "slur_reclaimed_nh"))],
        ("Ordinary Japanese chat flagged", "<= 0.5%", f"{chat:.2%}", chat <= 0.005),
        ("RTP-LX benign continuations flagged", "<= 0.5%", f"{benign:.2%}", benign <= 0.005),
        (f"Davidson tweets held-out ROC-AUC ({PREVIOUS_VERSION}'s {PREVIOUS_ROC_AUC[davidson]:.4f} less 0.01)",
         f">= {bar}", f"{heldout[davidson]['roc_auc']:.4f}", heldout[davidson]["roc_auc"] >= bar),
        (f"The ten other held-out sets: largest fall against {PREVIOUS_VERSION}", "<= 0.01", f"{fall:.4f}",
         fall <= 0.01 and len(heldout) == 13),
        (f"Personal-information probe precision ({probe['n']} written cases)", ">= 0.98", f"{probe['precision']:.2f}",
         probe["precision"] >= 0.98 and probe["n"] >= 200),
        ("Scoring a 200-character comment", "< 1 ms", f"{speed['score_200_median_us']:.1f} µs",
         speed["score_200_median_us"] < 1000),
        ("Artifact size / load", "<= 50 MB / <= 2 s",
         f"{speed['model_bytes'] / 1e6:.1f} MB / {speed['load_seconds']:.3f} s",
         speed["model_bytes"] <= 50e6 and speed["load_seconds"] <= 2),
    ]
    assert len(rows) == len(expected) + 1, rows
    for (label, shown_bar, shown, verdict), (words, wanted_bar, figure, met) in zip(rows, expected, strict=False):
        assert label.startswith(words) and (shown_bar, shown) == (wanted_bar, figure), (label, shown, figure)
        assert verdict == ("met" if met else "**missed**"), (label, verdict)
    assert rows[-1][:3] == ("YouTube leave-one-video-out mean", "improves", f"{lovo:.4f}"), rows[-1]
    owned = card["metrics"]["davidson_without_owned"]["heldout"]
    assert (f"{owned['roc_auc']:.4f} on every held-out tweet, the bar as worded, "
            f"{'met' if owned['roc_auc'] >= bar else 'missed'}; {owned['roc_auc_without_owned']:.4f} on the "
            f"{owned['n'] - owned['left_out']:,} tweets the owned reading leaves alone (it reads {owned['left_out']}, "
            f"{owned['left_out_pos']} of them labelled offensive or hate") in flat


def _probe_passed(version, card, key):
    """How many cases of a written probe the shipped model passes: its results file, else its card."""
    results = ROOT / "tests/functional" / f"{key}_results.json"
    figures = json.loads(results.read_text()).get(version) if results.exists() else None
    figures = figures or card["functional"][key]
    return figures["n"] - len(figures["failed"]), figures["n"]


def test_every_probe_figure_the_readme_gives_is_the_shipped_models():
    """After each `<probe>.jsonl` docs/model.md's first "X of N" (or "X and Y of N" for a pair) is the shipped
    model's pass count: a new model that leaves these sentences on the old one fails here (audit s24, F5)."""
    version, card = _card()
    keys = [m.group(1) for m in re.finditer(r"`(?:tests/functional/)?([a-z_]+_probe)\.jsonl`", MODEL_FLAT)]
    assert len(set(keys)) >= 55, len(set(keys))
    checked = set()
    for key in dict.fromkeys(keys):
        if key == "en_threat_probe":
            continue  # given as rates, pinned in test_the_model_figures_are_the_shipped_cards
        after = MODEL_FLAT[MODEL_FLAT.index(f"{key}.jsonl`") + len(key) + 7:]
        pair = re.match(r"[^`]*`([a-z_]+_probe)\.jsonl`[^`]*?(\d+) and (\d+) of (\d+)", after)
        if pair and pair.group(1) not in checked and re.search(r"\d+ of \d+", after[:pair.start(2)]) is None:
            other = pair.group(1)
            shown = [(int(pair.group(2)), int(pair.group(4))), (int(pair.group(3)), int(pair.group(4)))]
            assert shown == [_probe_passed(version, card, key), _probe_passed(version, card, other)], (key, other)
            checked |= {key, other}
            continue
        if key in checked:
            continue
        passed, n = _probe_passed(version, card, key)
        shown = re.search(rf"(\d+) of {n}\b", after)
        assert shown and int(shown.group(1)) == passed, (key, shown and shown.group(0), f"{passed} of {n}")
        checked.add(key)
    assert len(checked) >= 55
    invisible = [_probe_passed(version, card, f"{lang}_invisible_probe") for lang in ("en", "ja")]
    passed, n = (sum(pair[i] for pair in invisible) for i in (0, 1))
    assert f"the invisible-character probes pass {passed} of {n}" in MODEL_FLAT


def test_the_naive_baselines_figures_are_the_shipped_cards():
    """The paragraph on where the naive baseline ranks better: CARD.md's held-out table, both columns."""
    version, _ = _card()
    rows = {}
    for line in (ROOT / "model/artifacts" / version / "CARD.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 12 and re.fullmatch(r"[\d.]+", cells[3]) and re.fullmatch(r"[\d.]+", cells[10]):
            rows[cells[0]] = float(cells[3]), float(cells[10])  # the model's ROC-AUC, the baseline's
    paragraph = MODEL_FLAT.split("The naive baseline (")[1].split("the card has both columns")[0]
    better = {"real YouTube spam lines": "ja spam: akku1139", "YouTube troll replies": "ja troll",
              "SMS spam": "en spam: SMS", "Davidson's tweets": "en abuse: Davidson",
              "Jigsaw's sample": "en abuse: Jigsaw"}
    behind = {"mamadm DMs": "ja spam: mamadm", "RTP-LX prompts": "ja abuse: RTP-LX prompts held-out",
              "inspection-ai": "ja abuse: inspection-ai", "RTP-LX toxic vs benign": "ja abuse: RTP-LX toxic",
              "YouTube Eminem": "en spam: YouTube", "Stormfront": "en abuse: Stormfront"}

    def row(prefix):
        [found] = [values for name, values in rows.items() if name.startswith(prefix)]
        return found

    for words, prefix in better.items():
        baseline, model = map(float, re.search(re.escape(words) + r" (\d\.\d+) vs (\d\.\d+)", paragraph).groups())
        assert (model, baseline) == row(prefix), (words, model, baseline)
    for words, prefix in behind.items():
        assert float(re.search(re.escape(words) + r" (\d\.\d+)", paragraph).group(1)) == row(prefix)[1], words
    ahead = sum(baseline > model for model, baseline in rows.values())
    spelled = {4: "four", 5: "five", 6: "six", 7: "seven"}
    assert f"better than the shipped model on {spelled[ahead]} of the eleven held-out sets" in MODEL_FLAT
    assert len(rows) == 11 and len(better) == ahead and len(behind) == 11 - ahead


def test_the_shipped_thresholds_are_the_rule_the_readme_states():
    """README: reject at 0.97 or above (the card's rule: above the top validation negative, capped at 0.995)."""
    _, card = _card()
    assert "max(0.97, top validation negative + 0.001), capped at 0.995" in card["threshold_rule"]
    assert "`reject` at 0.97 or above: just above the highest-scoring validation negative, capped at 0.995" in FLAT
    for name, pair in card["thresholds"].items():
        assert 0.97 <= pair["reject"] <= 0.995 and pair["review"] < pair["reject"], name


def test_the_review_pages_timings_are_the_codes():
    """The moderators' page section's numbers: lease, header refresh, undo window, search window."""
    from moderation.pages.lookup import SEARCH_WINDOW
    from moderation.pages.review import UNDO_SECONDS

    defaults = {setting.name: setting.default for setting in settings.TABLE}
    script = (ROOT / "moderation/static/review/review.js").read_text()
    assert "leased to you (5 minutes, renewed while you work)" in FLAT and defaults["LEASE_SECONDS"] == 5 * 60
    assert "refreshed every 3 seconds" in FLAT and "setInterval(pollStats, 3000)" in script
    assert "`u` undo your last decision (10 seconds)" in FLAT and UNDO_SECONDS == 10
    assert "site's latest 5,000 comments" in FLAT and SEARCH_WINDOW == 5000


def test_the_readmes_curl_examples_answer_as_a_fresh_install_would(make_app, auth):
    """Each `curl ... -d '{json}'` of the README, sent in order: the later ones name the first ones' comments."""
    client = make_app().test_client()
    calls = re.findall(r"curl -s (?:-X POST )?\S+?(/api/v1/\S+?) .*?-d '(\{.*?\})'", README, re.S)
    assert len(calls) >= 3, calls
    said = dict(re.findall(r"'(\{[^']*?\})'\n\s*# (\d{3} \{.*?\})\n", README, re.S))  # a body, then its answer
    assert len(said) >= 1, said
    for path, body in calls:
        answer = client.post(path, json=json.loads(body), headers=auth)
        assert answer.status_code < 300, (path, answer.get_json())
        if body in said:  # "# 201 {...}": the status and fields the README shows ("..." for a time)
            status, shown = said[body].split(" ", 1)
            assert (answer.status_code, sorted(answer.json)) == (int(status), sorted(json.loads(shown))), answer.json
            assert all(answer.json[key] == value for key, value in json.loads(shown).items()
                       if value != "..." and key != "id"), answer.json
            assert re.fullmatch(re.sub(r"\d{8}-[0-9A-Z]{8}", r"\\d{8}-[0-9A-Z]{8}", json.loads(shown)["id"]),
                                answer.json["id"]), answer.json
    first = client.post(calls[0][0], json={**json.loads(calls[0][1]), "id": "c-shown"}, headers=auth).get_json()
    shown = README.split("## Score a comment")[1].split("```json")[1].split("```")[0]
    assert [key for key in first if f'"{key}":' not in shown] == []  # the example shows every field an answer has


@pytest.mark.slow  # nine apps built, ~1.8 s
def test_every_json_setting_the_readme_shows_is_one_start_up_takes(make_app):
    """The JSON values the README gives for a setting (`MODERATION_X='{...}'`, "e.g. `{...}`", "`MODERATION_X`
    (`{...}`)") build an app: start-up refuses what it cannot apply, so an example it refused would mislead (audit
    s36: none was tried)."""
    shapes = [r"MODERATION_([A-Z_]+)='(\{.*?\})'", r"`MODERATION_([A-Z_]+)` \(`(\{.*?\})`",
              r"`MODERATION_([A-Z_]+)` \| [^|]*?\| [^|]*?(?:e\.g\.|JSON,) `(\{.*?\})`",
              r"`MODERATION_([A-Z_]+)` sets, [^`]*?e\.g\. `(\{.*?\})`"]
    examples = [(name, value) for shape in shapes for name, value in re.findall(shape, FLAT)]
    assert {"THRESHOLDS", "WEBHOOKS", "CORAL_SECRETS", "SHARED_LABELS", "SITE_URLS", "SITE_NAMES", "QUIET_HOURS",
            "CATEGORY_POLICIES"} <= {name for name, _ in examples}, examples
    sites = ("news", "example-news", "site-a", "site-b")  # the sites the examples name, each with a 32+ key
    keys = ",".join(f"{site}:{site}-key-0123456789abcdefghijklmnopqrstuvwxyz" for site in sites)
    for name, value in examples:
        json.loads(value)
        make_app(API_KEYS=keys, **{name: value})  # a SettingsError (or any refusal) fails here, naming the value


def _compose_defaults():
    """`${MODERATION_X:-default}` of the compose files: the variables Compose reads, not the app."""
    text = " ".join(path.read_text() for path in ROOT.glob("docker-compose*.yml"))
    return dict(re.findall(r"\$\{MODERATION_([A-Z0-9_]+):-([^}]*)\}", text))


def test_every_moderation_variable_anything_reads_is_a_setting_or_a_compose_variable():
    """The app reads MODERATION_* only through the settings table; Compose and nginx read their own few."""
    compose_text = " ".join(path.read_text() for path in ROOT.glob("docker-compose*.yml"))
    compose = set(_compose_defaults()) | set(re.findall(r"^\s+MODERATION_([A-Z0-9_]+):", compose_text, re.M))
    known = {setting.name for setting in settings.TABLE}
    readers = [*(ROOT / "moderation").rglob("*.py"), ROOT / "gunicorn.conf.py", ROOT / "Makefile", ROOT / "Dockerfile",
               *(ROOT / "deploy").rglob("*"), *ROOT.glob("docker-compose*.yml"), ROOT / ".env.example"]
    named = {}
    for path in readers:
        if path.is_file():
            for name in re.findall(r"(?<![A-Z_])MODERATION_([A-Z0-9_]*[A-Z0-9])", path.read_text()):
                named.setdefault(name, path.relative_to(ROOT).as_posix())
    assert {"REDIS_URL", "WORKERS", "PUBLISH", "DEMO"} <= set(named)
    assert {n: p for n, p in named.items() if n not in known | compose | {"NAME"}} == {}  # NAME: the docstrings'
    for path in (ROOT / "moderation").rglob("*.py"):  # nothing reads the environment around the table
        if "settings" not in path.parts:
            assert not re.search(r"environ(\.get)?\W+f?[\"']MODERATION_", path.read_text()), path


def test_the_prose_defaults_are_the_settings_and_the_compose_files():
    """Defaults the README states in its prose (not the configuration table) are the code's and Compose's."""
    from moderation.rights import policy
    from moderation.store import articles, author_standing, breaker_lua

    defaults = {setting.name: setting.default for setting in settings.TABLE}
    defaults["POLICY_PATH"] = defaults["POLICY_PATH"] or policy.DEFAULT.relative_to(ROOT).as_posix()  # empty: this
    compose = _compose_defaults()
    said = re.findall(r"`MODERATION_([A-Z0-9_]+)`[^`]{0,40}?,? \(?default `([^`]+)`", FLAT)
    assert len(said) >= 7, said
    for name, value in said:
        assert value == (compose[name] if name in compose else defaults[name]), (name, value)

    def per_minute(groups):  # ("6,000", "key", "20", "author", ...) -> {"key": "6000/60", ...}
        pairs = zip(groups[::2], groups[1::2], strict=True)
        return {kind.lower(): f"{int(count.replace(',', ''))}/60" for count, kind in pairs}

    rates = re.search(r"`MODERATION_RATE_LIMITS`, default ([\d,]+) a minute per (key), ([\d,]+) per (author) id, "
                      r"([\d,]+) per client (ip)", FLAT, re.I)
    assert per_minute(rates.groups()).items() <= defaults["RATE_LIMITS"].items()
    checks = re.search(r"`MODERATION_CHECK_RATE_LIMITS`, by default ([\d,]+) a minute per (key), ([\d,]+) per "
                       r"(author), ([\d,]+) per (ip)", FLAT, re.I)
    assert per_minute(checks.groups()) == defaults["CHECK_RATE_LIMITS"]
    assert f'`"feedback"` ({defaults["RATE_LIMITS"]["feedback"].split("/")[0]} an hour a site)' in FLAT
    assert defaults["RATE_LIMITS"]["feedback"].endswith("/3600")

    hooks = re.search(r"`MODERATION_WEBHOOK_TIMEOUT` seconds, (\d+) by default.*?exponential backoff \((\d+) s, "
                      r"(\d+) s, (\d+) s, \.\.\. capped at an hour\) for (\d+) hours \(`MODERATION_WEBHOOK_RETRY_FOR`",
                      FLAT)
    timeout, first, second, third, hours = map(int, hooks.groups())
    assert timeout == defaults["WEBHOOK_TIMEOUT"] and defaults["WEBHOOK_RETRY_MAX_DELAY"] == 3600
    assert [first, second, third] == [defaults["WEBHOOK_RETRY_BASE"] * 2 ** n for n in range(3)]
    assert hours * 3600 == defaults["WEBHOOK_RETRY_FOR"]

    breaker = re.search(r"`MODERATION_ARTICLE_BREAKER`: by default (\d+) minutes in (\d+) ring slots.*? Past (\d+)% "
                        r"flagged comments \(.*?; (\d+) comments at least\).*?past (\d+)% it is `closed`.*?after the "
                        r"cool-down \((\d+) minutes\) once the share fell under half the threshold", FLAT)
    minutes, slots, premoderate, least, close, cooldown = map(int, breaker.groups())
    assert (minutes * 60, slots, least, cooldown * 60) == (articles.DEFAULTS["window_seconds"], breaker_lua.SLOTS,
                                                           articles.DEFAULTS["min_comments"],
                                                           articles.DEFAULTS["cooldown_seconds"])
    shares = (articles.DEFAULTS[name] for name in ("premoderate_share", "close_share", "release_ratio"))
    assert (premoderate / 100, close / 100, 0.5) == tuple(shares)

    standing = re.search(r"\(spam and threats (\d+), most others (\d+)-(\d+)\) and counted for (\d+) days "
                         r"\(`MODERATION_AUTHOR_STANDING`\): at (\d+) points the author is `warned`, at (\d+) every "
                         r"comment is held .*? a strike reaching (\d+) suspends them for (\d+) days", FLAT)
    heavy, low, high, decay, warned, held, suspended, days = map(int, standing.groups())
    weights, levels = author_standing.DEFAULT_WEIGHTS, author_standing.DEFAULTS
    assert weights["spam"] == weights["threat"] == heavy == max(weights.values())
    assert {w for k, w in weights.items() if k not in ("spam", "threat")} <= set(range(low, high + 1))
    assert (decay, warned, held, suspended, days) == (levels["decay_days"], levels["warned"], levels["premoderated"],
                                                      levels["suspended"], levels["suspend_days"])

    login = re.search(r"(\d+) per address \(IPv6: per /64\) in (\d+) minutes, and per account a backoff rather than a "
                      r"lock: after (\d+) attempts on an account", FLAT)
    per_ip, minutes, per_account = map(int, login.groups())
    assert (per_ip, minutes * 60, per_account) == (defaults["LOGIN_MAX_FAILURES_IP"], defaults["LOGIN_WINDOW_SECONDS"],
                                                   defaults["LOGIN_MAX_FAILURES_ACCOUNT"])
    assert "(at most 15 minutes)" in FLAT and defaults["LOGIN_WINDOW_SECONDS"] == 15 * 60


def test_the_key_tables_and_failovers_bounds_are_the_codes():
    """Bounds the README gives for Redis and its workers: retries, lengths, marks and beats (the behaviour is in the
    stores' tests)."""
    from moderation.store import append_only, articles, author_standing, master_pipeline, training_labels
    from moderation.store.review_queue import recording_lua

    retries = re.search(r"read-only \(demoted\) server (\d+) times with backoff \((\d+)-(\d+) ms\)", FLAT)
    assert tuple(map(int, retries.groups())) == (master_pipeline.RETRIES, round(master_pipeline.RETRY_BASE * 1000),
                                                 round(master_pipeline.RETRY_CAP * 1000))
    waits = re.search(r"`503` when another server answers meanwhile, or after (\d+) s \(`moderation/store/append", FLAT)
    assert int(waits.group(1)) == append_only.WAIT_S  # the replaced server: tests/test_durability.py
    from moderation.integrations import outbox
    from moderation.scoring import manager
    from moderation.store import moderator_tokens

    defaults = {setting.name: setting.default for setting in settings.TABLE}
    assert "(`seen_at`, every 15 s while it runs)" in FLAT and outbox.BEAT_SECONDS == 15
    assert "or that worker was seen in the last minute" in FLAT and outbox.LIVE_SECONDS == 60
    assert "tries the same pin again every 30th check (a minute at the default 2 s)" in FLAT
    assert manager.RETRY_FAILED_CHECKS == 30 and defaults["MODEL_CHECK_SECONDS"] == 2
    assert "(a revoked id is kept a day, marked, for that retry;" in FLAT and moderator_tokens.REVOKED_KEPT_S == 86400
    assert "stays pending and is gone within the hour" in FLAT and moderator_tokens.PENDING_S == 3600
    assert "(`mod:{S}:replicated`, expiring after 10 s)" in FLAT and master_pipeline.REPLICATION_MARK_MS == 10_000
    assert "article ids by their first comment in the breaker's latest bucket (ms; the latest 10,000)" in FLAT \
        and articles.Articles.MAX_INDEXED == 10_000
    assert "by time (the newest 200;" in FLAT and author_standing.MAX_STRIKES == 200
    assert "newest ~100,000" in FLAT and training_labels.RETENTION == 100_000
    assert "The stream keeps the newest ~100,000 entries (`MAXLEN ~`" in FLAT
    assert "the audit stream keeps about 1,000,000 entries" in FLAT
    audit = "XADD', key, 'MAXLEN', '~', 1000000, '*', 'id', id, 'action'"  # the audit's one XADD
    assert audit in Path(recording_lua.__file__).read_text()
    from moderation.store import removal_request_scripts  # "every step (never trimmed)"

    steps = re.findall(r"'XADD', key, [^\n]*'action'", Path(removal_request_scripts.__file__).read_text())
    assert "every step (never trimmed)" in FLAT and steps == ["'XADD', key, '*', 'id', id, 'action'"]


def test_the_production_sections_compose_and_metrics_claims_are_the_files():
    """Production: the redis service's memory policy, the api's grace period, the proxy's start, the buckets."""
    import yaml

    from moderation.ops.metrics import LATENCY_BUCKETS

    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    defaults = {setting.name: setting.default for setting in settings.TABLE}
    redis_command = " ".join(services["redis"]["command"])
    assert "`maxmemory 1gb` with `noeviction`" in FLAT
    assert "--maxmemory 1gb" in redis_command and "--maxmemory-policy noeviction" in redis_command
    assert "`appendonly yes`, `appendfsync everysec`" in FLAT and "--appendfsync everysec" in redis_command
    grace = re.search(r"`MODERATION_GRACEFUL_TIMEOUT`, (\d+) s; `stop_grace_period` is (\d+) s", FLAT)
    assert int(grace.group(1)) == defaults["GRACEFUL_TIMEOUT"] < int(grace.group(2))
    assert services["api"]["stop_grace_period"] == f"{grace.group(2)}s"
    assert "`127.0.0.1:8000`); starts once the api is healthy" in FLAT
    assert services["proxy"]["depends_on"]["api"]["condition"] == "service_healthy"
    assert "| histogram | time to answer, 1 ms to 5 s buckets |" in FLAT
    assert LATENCY_BUCKETS[0] == 0.001 and round(LATENCY_BUCKETS[-1]) == 5
    # the scrape example's target is the compose api service where it listens (audit s38: `moderation-api:8000`,
    # a host no compose network has)
    host, port = re.search(r'static_configs: \[\{targets: \["([^":]+):(\d+)"\]\}\]', README).groups()
    assert host in services and services[host]["environment"]["MODERATION_BIND"] == f"0.0.0.0:{port}", host


def test_the_layout_names_every_folder_and_module_of_the_service():
    """Layout: each folder and top-level module of moderation/ is in the tree, and its i18n areas are the catalog's
    modules (audit s36: rights/ and policy/ were missing, and i18n named a `rights` module since split in three)."""
    tree = README.split("## Layout")[1].split("```")[1].split("\nmodel/")[0]
    service = ROOT / "moderation"
    folders = {path.name for path in service.iterdir()
               if path.is_dir() and any(part.name != "__pycache__" for part in path.iterdir())} - {"__pycache__"}
    modules = {path.stem for path in service.glob("*.py")} - {"__init__", "__main__"}
    assert len(folders) > 10 and len(modules) > 10, (folders, modules)
    assert {name for name in folders if not re.search(rf"(?<![\w/]){name}/", tree)} == set()
    assert {name for name in modules if not re.search(rf"(?<![\w/]){name}\.py", tree)} == set()
    areas = re.search(r"i18n/ the strings, one module per page area \(([^)]+)\)", re.sub(r"\s+", " ", tree)).group(1)
    assert set(areas.split(", ")) == {path.stem for path in (service / "pages/i18n").glob("*.py")} - {"__init__"}


def _subcommands(level):
    return next((action.choices for action in level._actions if isinstance(action, argparse._SubParsersAction)), None)


def _walk(level, segment, line):
    """Follow `segment`'s subcommands down the parser; its alternatives and --flags must be the parser's."""
    for word in segment.split():
        names = [name for name in word.split("|") if re.fullmatch(r"[a-z][a-z-]*", name)]
        if not names or word.startswith(("-", "[")):
            continue
        subcommands = _subcommands(level)
        if subcommands is None:  # a leaf: its words are a positional's choices (totp enable|disable) or values
            choices = {c for action in level._actions if action.choices and not action.option_strings
                       for c in action.choices}
            assert not choices or set(names) <= choices, (line, word, sorted(choices))
            continue
        assert set(names) <= set(subcommands), (line, word, sorted(subcommands))
        level = subcommands[names[0]]
    options = {option for action in level._actions for option in action.option_strings}
    assert set(re.findall(r"--[a-z-]+", segment)) <= options, (line, sorted(options))


def test_every_command_line_the_readme_gives_is_the_clis():
    """Each subcommand, alternative (`disable|enable|remove`) and --flag of the README's `moderation ...` lines is
    one `python -m moderation` takes, so a renamed command or option cannot stay in the README (audit s36)."""
    from moderation.cli import parser

    text = README.split("## Layout")[0] + README.split("## Integrating your site")[1]  # not the tree's summary
    lines = re.findall(r"(?:\.venv/bin/moderation|python -m moderation) ([^#`\n>]+)", text)
    assert len(lines) >= 20, lines
    for line in lines:
        first, *others = line.split(" | ")  # "token NAME | token list NAME | token revoke ...": one parent
        root = parser()
        _walk(root, first, line)
        for segment in others:
            _walk(_subcommands(root)[first.split()[0]], segment, line)


def test_the_readmes_shell_lines_run_as_printed_on_a_fresh_clone():
    """A new user pastes the README's ```sh lines after `make run` (audit s38): `python -m moderation ...` ran the
    machine's own python (ModuleNotFoundError: flask) and `model shadow 2026.12.03-2` named a version no clone has
    (each ship keeps the latest two). Every line that runs the project's modules names the venv's python, and every
    model version a line names is a folder under model/artifacts, or the placeholder VERSION."""
    lines = [line.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S) for line in block.splitlines()]
    runs = [line for line in lines if re.search(r"-m (moderation|model|bench)\b", line.split("#")[0])]
    assert len(runs) >= 6, runs
    assert [line for line in runs if not line.startswith(".venv/bin/python -m ")] == []
    shipped = {folder.name for folder in (ROOT / "model" / "artifacts").iterdir() if folder.is_dir()}
    named = re.findall(r"model (?:shadow|activate) (\S+)", "\n".join(lines))
    assert named and set(named) <= shipped | {"VERSION"}, named


def test_the_versions_the_readme_names_are_the_pinned_ones():
    """Production: the image tags, installers, pip-audit and gunicorn the README names are the files' own pins
    (test_dependencies holds the pins to patched releases), so a bump that leaves the README behind fails here."""
    python = re.search(r"^ARG PYTHON_IMAGE=(python:\S+)$", (ROOT / "Dockerfile").read_text(), re.M).group(1)
    images = dict(re.findall(r"^\s*image: (redis|nginx):(\S+)$", (ROOT / "docker-compose.yml").read_text(), re.M))

    def pins(name):
        return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / name).read_text(), re.M))

    build, runtime = pins("requirements-build.txt"), pins("requirements.txt")
    audit = re.search(r"pip-audit==(\S+)", (ROOT / "Makefile").read_text()).group(1)
    said = FLAT.split("**Keeping dependencies patched.**")[1].split("| service |")[0]
    assert f"(`{python}`, `redis:{images['redis']}`, `nginx:{images['nginx']}`)" in said
    assert f"pip {build['pip']}, setuptools {build['setuptools']}" in said
    assert f"`make audit` runs pip-audit {audit} over" in said
    assert f"two stages, `{python}`, pip and setuptools" in FLAT
    assert f"| `redis` | Redis {images['redis'].split('-')[0]}," in README
    assert f"| `proxy` | nginx {'.'.join(images['nginx'].split('.')[:2])}," in README
    assert f"the compose file's Redis {'.'.join(images['redis'].split('.')[:2])} image" in FLAT
    assert f"gunicorn {runtime['gunicorn'].split('.')[0]} waits" in FLAT


def test_only_the_store_package_imports_the_redis_client():
    """Layout: store/ is the only code that talks to Redis; the rest catches its errors by the store's names."""
    service = ROOT / "moderation"
    outside = [path.relative_to(ROOT).as_posix() for path in service.rglob("*.py")
               if path.relative_to(service).parts[0] != "store"
               and re.search(r"^\s*(import redis|from redis)\b", path.read_text(encoding="utf-8"), re.M)]
    assert "store/ the only code that talks to Redis" in FLAT and outside == []
