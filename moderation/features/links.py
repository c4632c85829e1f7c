"""URLs, their domains and the brands they imitate: spam structure read from a comment's links."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from moderation import lexicon_data as L
from moderation import wordlists as W
from moderation.features.patterns import (
    _IDX,
    _SHORT_URL_SCAN,
    _URL,
    _URL_RUN,
    _URL_RUN_CHARS,
    _URL_TLD,
)
from moderation.features.tables import _tables
from moderation.features.vocabulary import _BRAND_DOMAINS, _BRAND_OF
from moderation.pattern_cache import compiled

_GENERIC_LABELS = frozenset({"card", "bank", "mail", "info", "online", "japan", "mobile", "group", "net", "web", "shop",
                             "service", "official", "secure", "login", "center", "global", "store", "www", "news",
                             "point", "corp", "home", "life", "auth", "pay", "exp", "finance", "direct", "club",
                             "digital", "central", "click", "courts", "expy", "anser", "court", "smart", "east",
                             "west", "north", "south", "plus", "first", "next", "nippon"})


def _brand_labels() -> dict[str, tuple[str, ...]]:
    """Distinctive name parts of brands' official domains ('sagawa' of sagawa-exp.co.jp) -> those domains."""
    out: dict[str, set[str]] = {}
    for doms in _BRAND_DOMAINS:
        for d in doms:
            name = re.sub(r"\.(co|or|ne|ac|go|gr)?\.?(jp|com|net|org|info)$", "", d).split(".")[-1]
            for part in re.split(r"[-_]", name):
                if len(part) >= 4 and part not in _GENERIC_LABELS and part.isascii():
                    out.setdefault(part, set()).update(doms)
    for part, doms in W.BRAND_DOMAINS_OWN.items():
        if part != "line":  # too common inside other words (online, airline); LINE is covered by contact signals
            out.setdefault(part, set()).update(doms)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_BRAND_LABELS = _brand_labels()


_BRAND_LABEL_RX = compiled("|".join(sorted(map(re.escape, _BRAND_LABELS), key=len, reverse=True)) or r"(?!x)x")


@lru_cache(maxsize=4096)
def _domain(url: str) -> str:
    u = re.sub(r"^(?:https?|hxxps?)://", "", url)
    return u.split("/")[0].split("?")[0].split(":")[0].strip(".")


def _domain_in(domain: str, lst) -> bool:
    return any(domain == d or domain.endswith("." + d) or (("/" in d) and d in domain) for d in lst)


@lru_cache(maxsize=4096)
def _imitates_brand(domain: str) -> bool:
    """The domain carries a brand's name (mufg-secure.top) but is not one of that brand's domains."""
    return any(not _domain_in(domain, _BRAND_LABELS[m.group(0)]) for m in _BRAND_LABEL_RX.finditer(domain))


@lru_cache(maxsize=4096)
def _classify_domain(domain: str) -> str:
    if _domain_in(domain, L.SHORTENERS):
        return "short"
    if _domain_in(domain, L.SPAM_DOMAINS) or any(d in domain for d in L.SPAM_DOMAINS if "." in d and len(d) > 6):
        return "spam"
    if _domain_in(domain, L.SAFE_DOMAINS) or _domain_in(domain, W.SAFE_DOMAINS_OWN) or domain.endswith(
            W.SAFE_SUFFIXES):
        return "safe"
    return "unknown"


def _url_matches(t: str, codes: np.ndarray):
    """_URL.finditer(t) (an iterator), the pattern tried only where a match can start: at a scheme or www. (its first
    alternative), or at the start of the run of [a-z0-9.-] holding a dot and a listed top-level domain (its second
    alternative's look-behind allows no other position of that run). The engine tries every position (~170 us over
    5,000 characters, ~9 at 200); the two searches for starts skip to a first character (h or w, a dot) instead."""
    if t.count(".") * 16 > len(t):
        # as dense as the test below can find it: no search for where URLs start ("line.me/ " repeated: its 1,111
        # top-level domains took 270 us to find), and the engine's iterator itself (no Python step a match)
        return _URL.finditer(t)
    starts = _scheme_starts(t)
    if len(t) < _SHORT_URL_SCAN:  # a dot's run read back character by character (numpy's calls cost ~5 us a text)
        starts += _run_starts(t)
    elif dots := [m.start() for m in _URL_TLD.finditer(t)]:
        run = _URL_RUN[np.minimum(codes, len(_URL_RUN) - 1)]
        first = np.flatnonzero(run & ~np.concatenate(([False], run[:-1])))  # where each run starts
        starts += first[np.searchsorted(first, dots, side="right") - 1].tolist()
    if len(starts) * 16 > len(t):  # dense (a text of URLs): the engine's own scan costs less than a step each
        return _URL.finditer(t)
    match = _URL.match
    found = []
    pos = 0
    for at in sorted(set(starts)):
        if at >= pos and (m := match(t, at)) is not None:
            found.append(m)
            pos = m.end()
    return iter(found)


def _scheme_starts(t: str) -> list[int]:
    """Where _URL_SCHEME matches (the same positions, not in order): each "://" and "www." found by str.find, a
    scheme read back from its "://" (the engine's search tried h and w at every character: ~3k instructions of a
    200-character comment with a link, str.find's two scans a few hundred). No two of its matches can overlap."""
    out = []
    at = t.find("://")
    while at != -1:
        if at >= 5 and t[at - 1] == "s" and t.startswith(("http", "hxxp"), at - 5):
            out.append(at - 5)
        elif at >= 4 and t.startswith(("http", "hxxp"), at - 4):
            out.append(at - 4)
        at = t.find("://", at + 3)
    at = t.find("www.")
    while at != -1:
        out.append(at)
        at = t.find("www.", at + 4)
    return out


def _run_starts(t: str) -> list[int]:
    """Where the run of [a-z0-9.-] holding each listed top-level domain's dot starts, read back from the dot: a walk
    that reaches the dot before stops there (its run's start is known), so each character is read once."""
    out = []
    dot = start = -1
    for m in _URL_TLD.finditer(t):
        at = j = m.start()
        while j and t[j - 1] in _URL_RUN_CHARS:
            if j - 1 == dot:
                j = start
                break
            j -= 1
        dot, start = at, j
        out.append(j)
    return out


def _urls(t: str, raw: np.ndarray, spans: list | None, codes: np.ndarray) -> list[str]:
    found = list(_url_matches(t, codes))
    urls = tuple([m.group(0) for m in found])
    if spans is not None:
        spans += [("url", *m.span()) for m in found]
    few = len(urls) <= _FEW_URLS and sum(map(len, urls)) <= _KEPT_CHARS
    domains, values = _read_urls(urls) if few else _reading(urls)
    for at, value in zip(_URL_COLUMNS, values, strict=True):
        if value:  # `raw` holds zeros here: a numpy scalar store costs ~1k instructions, most of the six are 0
            raw[at] = value
    return list(domains)


_URL_SIGNALS = ("url_count", "url_spam_domain", "url_shortener", "url_safe_domain", "url_unknown_domain",
                "brand_lookalike_domain")
_URL_COLUMNS = tuple(_IDX[name] for name in _URL_SIGNALS)
# a text's URLs read once per tuple of up to this many, of at most so many characters in all: the cache holds at most
# 4,096 x 512 characters
_FEW_URLS, _KEPT_CHARS = 4, 512


def _reading(urls: tuple[str, ...]) -> tuple[list[str], tuple[int, ...]]:
    """(the URLs' domains, their _URL_SIGNALS values) of a text's URLs, in order."""
    domain_of = {u: _domain(u) for u in set(urls)}  # a text of many URLs names a few domains
    domains = [d for d in map(domain_of.__getitem__, urls) if d]
    each = _tally(domains)
    kinds: dict[str, int] = {}
    for d, k in each.items():
        kind = _classify_domain(d)
        kinds[kind] = kinds.get(kind, 0) + k
    return domains, (len(urls), kinds.get("spam", 0), kinds.get("short", 0), kinds.get("safe", 0),
                     kinds.get("unknown", 0), sum(k for d, k in each.items() if _imitates_brand(d)))


@lru_cache(maxsize=4096)
def _read_urls(urls: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """_reading of a text's few URLs, kept: a link is posted again and again (a campaign's, a site's own), and its
    domains' reading (split, classified, held against the brands) cost ~6 us of a 200-character comment's score."""
    domains, values = _reading(urls)
    return tuple(domains), values


def _brands(cats: np.ndarray, words: np.ndarray, domains: list[str], raw: np.ndarray, listed: int) -> None:
    """Brands named, and URLs to a domain that is none of theirs (`listed`: the word-list hits of a brand, before
    the quoted ones were dropped: none, none named)."""
    if not listed:
        return
    tables = _tables()
    brand, names = tables.brand_ids, tables.words  # a comment's few hits as lists (numpy's gathers cost more)
    brands = {names[w] for w, c in zip(words.tolist(), cats.tolist(), strict=True) if c in brand}
    if not brands:
        return
    raw[_IDX["brand_mention"]] = len(brands)
    if domains:
        allowed = [_BRAND_DOMAINS[i] for b in brands for i in _BRAND_OF.get(b, ())]
        raw[_IDX["brand_foreign_domain"]] = sum(k for d, k in _tally(domains).items()  # each domain once
                                                if not any(_domain_in(d, doms) for doms in allowed))


def _tally(items: list[str]) -> dict[str, int]:
    """Counter(items) as a plain dict, in first-seen order (a Counter costs ~2 us more for a comment's few)."""
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out
