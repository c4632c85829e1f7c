"""Generate moderation/lexicon_data.py from the MIT-licensed lexicons in the shared data folder.

The service must not read ../shared at run time, so the lists it needs are baked into a small Python
module (with attribution) that is committed. Run: `python -m model.lexicons --data-dir ../shared/data`.
Only MIT-licensed lists are used here.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

from moderation.text.normalize import normalize_text

OUT = Path(__file__).resolve().parent.parent / "moderation" / "lexicon_data.py"

SOURCES = {
    "lamrongol": ("lexicons/lamrongol-twitter-spam-lists-ja", "https://github.com/lamrongol/JapaneseTwitterSpamFilter",
                  "3f3e68a5d6600e4dfbfc832f1088d8d178a7b2ea", "MIT, Copyright (c) 2015 Tomohide Fujikawa"),
    "milteragent": ("lexicons/milteragent-jp-phishing-brand-rules", "https://github.com/disco-v8/MilterAgent",
                    "d47dc979bf033172f3e35959659e3d27f7a2826f", "MIT, Copyright (c) 2025 MilterAgent Contributors"),
    "mosasom": ("lexicons/inappropriate-words-ja-mosasom", "https://github.com/MosasoM/inappropriate-words-ja",
                "e24de6e185135f92c3491ef61931c26905bd3b1f", "MIT, Copyright (c) 2020 K Hashimoto"),
    "surge": ("lexicons/surge-ai-profanity-en", "https://github.com/surge-ai/profanity",
              "77dabf36454fd9b0f85c777c2808d416bc41f797", "MIT, Copyright (c) 2021 Surge AI"),
}


def _lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _domains(path: Path) -> tuple[list[str], list[str]]:
    """(spam domains, shorteners) from spamDomainList.txt; shorteners follow the '#メジャー短縮URL' mark."""
    spam, short, in_short = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#"):
            in_short = "短縮" in line
            continue
        if line:
            (short if in_short else spam).append(line.lower())
    return spam, short


def _brand_rules(folder: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    rules: dict[str, tuple[str, tuple[str, ...]]] = {}
    generic = re.compile(r"お願い\|お知らせ")
    for conf in sorted(folder.glob("filter_*.conf")):
        name, pats, doms = None, [], []
        for raw in [*conf.read_text(encoding="utf-8").splitlines(), "filter[__end__] ="]:
            m = re.match(r"filter\[(\w+)\]", raw.strip())
            if m:
                if name and pats and doms:
                    base = re.sub(r"_(subject|text|body)$", "", name)
                    if base not in rules:
                        rules[base] = (pats[0], tuple(doms))
                name, pats, doms = m.group(1), [], []
                continue
            m = re.search(r'"decode_(?:from|subject|text):(.*):AND"', raw)
            if m and not generic.search(m.group(1)):
                pat = m.group(1).replace("(?i)", "").replace("\\\\b", "").replace("[\\uFEFF]+", "")
                pat = pat.replace("\\\\", "\\")
                try:
                    re.compile(pat)
                except re.error:
                    continue
                pats.append(pat)
            m = re.search(r'"header_from:!@\.\*\\\.\?\(?([^)":]*)\)?:REJECT"', raw)
            if m:
                doms.extend(d.replace("\\.", ".").lower() for d in m.group(1).split("|") if d)
    # drop rules whose brand pattern also matches generic words (delivery/order vocabulary)
    generic_words = ("配送", "配達", "注文", "カスタマー", "お届け", "確認", "ログイン", "because", "etc", "tax",
                     "taxi", "sauce", "prime minister")
    out = []
    for k, (p, d) in sorted(rules.items()):
        rx = re.compile(p, re.IGNORECASE)
        if any(rx.search(w) for w in generic_words) or ".*" in p or ".+" in p:
            continue
        out.append((k, tuple(expand(p)), d))
    return out


def expand(pattern: str) -> list[str]:
    """Literal strings matched by a simple brand regex (alternations, groups, \\s*, \\., ' *', '.?')."""
    pattern = pattern.replace("\\s*", "").replace(" *", " ").replace(".?", "").replace("\\.", "\x00").replace("!", "!")

    def parse(i: int) -> tuple[list[str], int]:
        alts, cur = [], [""]
        while i < len(pattern):
            c = pattern[i]
            if c == "(":
                sub, i = parse(i + 1)
                cur = [a + b for a in cur for b in sub]
            elif c == ")":
                return alts + cur, i + 1
            elif c == "|":
                alts += cur
                cur = [""]
                i += 1
            else:
                cur = [a + c for a in cur]
                i += 1
        return alts + cur, i

    out, _ = parse(0)
    return sorted({normalize_text(w.replace("\x00", ".")) for w in out if len(w) >= 2})


def build(data_dir: Path) -> str:
    lam = data_dir / SOURCES["lamrongol"][0]
    spam_domains, _ = _domains(lam / "spamDomainList.txt")
    # whiteDomainList.txt lists the major URL shorteners under '#メジャー短縮URL', then the safe domains
    safe, shorteners = _domains(lam / "whiteDomainList.txt")
    hashtags = sorted({normalize_text(w) for w in _lines(lam / "spamHashtagList.txt")})
    brands = _brand_rules(data_dir / SOURCES["milteragent"][0])
    mos = data_dir / SOURCES["mosasom"][0]
    offensive = sorted({normalize_text(w) for w in _lines(mos / "Offensive.txt")} - {""})
    sexual = sorted({normalize_text(w) for w in _lines(mos / "Sexual.txt") + _lines(mos / "Sexual_with_bopo.txt")}
                    - {""})
    prof = []
    for line in _lines(data_dir / SOURCES["surge"][0] / "profanity_en.csv")[1:]:
        cells = line.split(",")
        try:
            sev = float(cells[-2])
        except (ValueError, IndexError):
            continue
        word = normalize_text(cells[0])
        if sev >= 1.5 and len(word) >= 3 and word.isascii():
            prof.append(word)
    prof = sorted(set(prof))
    checks = {}
    for key, (rel, _url, _commit, _lic) in SOURCES.items():
        for f in sorted((data_dir / rel).glob("*")):
            if f.is_file() and f.suffix in (".txt", ".conf", ".csv"):
                checks[f"{rel}/{f.name}"] = hashlib.sha256(f.read_bytes()).hexdigest()
        del key
    head = ['"""Word and domain lists baked in from MIT-licensed lexicons (generated by model/lexicons.py).',
            "", "Do not edit by hand: regenerate with `python -m model.lexicons --data-dir ../shared/data`.",
            "", "Attribution (all MIT licence):"]
    for rel, url, commit, lic in SOURCES.values():
        head.append(f"- {rel}: {url} @ {commit} ({lic})")
    head += ['"""', "", "# ruff: noqa: E501, RUF001", ""]
    body = [
        f"SOURCES = {SOURCES!r}",
        f"SOURCE_SHA256 = {checks!r}",
        f"SPAM_DOMAINS = {tuple(spam_domains)!r}",
        f"SHORTENERS = {tuple(shorteners)!r}",
        f"SAFE_DOMAINS = {tuple(safe)!r}",
        f"SPAM_HASHTAGS = {tuple(hashtags)!r}",
        f"BRAND_RULES = {tuple(brands)!r}",
        f"OFFENSIVE_JA = {tuple(offensive)!r}",
        f"SEXUAL_JA = {tuple(sexual)!r}",
        f"PROFANITY_EN = {tuple(prof)!r}",
    ]
    return "\n".join(head + body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    args = ap.parse_args()
    OUT.write_text(build(Path(args.data_dir)), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
