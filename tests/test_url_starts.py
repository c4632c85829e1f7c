"""links._urls finds where URLs start by str.find and writes only the signals that are not 0 (session 57's cut): the
same starts as the scheme pattern, the same URL signals as every column written."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.features import links as FL
from moderation.features import patterns as FP
from moderation.features.signals import signal_dict
from moderation.features.vocabulary import FEATURE_NAMES

PIECES = ["http", "https", "hxxp", "hxxps", "s", "://", ":/", "//", "www", "www.", "w", ".", "x", " ", "h", "p",
          "\u3042", "😊"]


@pytest.mark.parametrize("text", [
    "https://bit.ly/xyz", "http://a.jp", "hxxps://evil.top/x", "hxxp://a.me", "www.example.com", "xhttps://a.co",
    "https:// http:/ ttps:// tps:// s:// ://", "httpss://a.com", "http://www.a.com www.b.net", "wwww.a.jp",
    "www.www.www.", "😊https://bit.ly/xyz", "", "://", "https"])
def test_scheme_starts_are_the_scheme_patterns_matches(text):
    assert sorted(FL._scheme_starts(text)) == [m.start() for m in FP._URL_SCHEME.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_scheme_starts_match_on_any_text_of_scheme_pieces(text):
    assert sorted(FL._scheme_starts(text)) == [m.start() for m in FP._URL_SCHEME.finditer(text)]


def _url_signals(text: str) -> dict[str, float]:
    values = signal_dict(text)
    return {name: values[name] for name in FL._URL_SIGNALS}


def test_a_shortened_link_sets_its_count_and_kind_and_leaves_the_others_zero():
    got = _url_signals("詳しくはこちら https://bit.ly/xyz 😊")
    assert got["url_count"] > 0 and got["url_shortener"] > 0
    assert [got[n] for n in ("url_spam_domain", "url_safe_domain", "url_unknown_domain",
                             "brand_lookalike_domain")] == [0.0] * 4


@pytest.mark.parametrize("text", [
    "詳しくはこちら https://bit.ly/xyz", "見て www.mufg-secure.top と bit.ly/a", "http://a.jp http://b.jp",
    "公式 https://www.nhk.or.jp/news/ と https://unknown-site.xyz/", "no link here.", "mufg-secure.top/login",
    "a.com b.net c.org d.io e.top f.ru g.cn h.us i.cc"])
def test_every_url_column_is_what_the_urls_reading_gives(text):
    """Only the non-zero signals are written, into a row of zeros: each column is _reading's value, zeros included
    (a stale value would survive where the row was not zero)."""
    from moderation.text.normalize import normalize

    t = normalize(text).text
    codes = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)
    raw = np.zeros(len(FEATURE_NAMES))
    FL._urls(t, raw, None, codes)
    urls = tuple(m.group(0) for m in FP._URL.finditer(t))
    _domains, values = FL._reading(urls)
    assert [raw[at] for at in FL._URL_COLUMNS] == list(values)
    assert np.count_nonzero(raw) == sum(1 for v in values if v)
