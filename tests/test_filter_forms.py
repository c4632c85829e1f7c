"""A moderators' page shows a filter button only with something to filter: with one site (make run's demo) the
site picker is left out, and so must its lone 絞り込む button be (the leases page kept one)."""

import re

import pytest

from tests.support.app import API_KEY

PAGES = ["/review", "/review/history", "/review/search", "/review/reports", "/review/requests", "/review/leases",
         "/review/articles"]


@pytest.mark.parametrize("keys", [f"test:{API_KEY}", None], ids=["one site", "two sites"])
def test_no_filter_form_is_a_button_alone(make_app, login, keys):
    app = make_app(**({"API_KEYS": keys} if keys else {}))
    taro = login(app, "taro")
    for path in PAGES:
        page = taro.get(path)
        assert page.status_code == 200, path
        for form in re.findall(r'<form class="filters".*?</form>', page.text, re.S):
            if "<button" in form:
                assert "<input" in form or "<select" in form, (path, form)
    leases = taro.get("/review/leases").text
    assert ('name="site"' in leases) == (keys is None) and ("絞り込む" in leases) == (keys is None)
