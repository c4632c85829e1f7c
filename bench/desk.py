"""The moderators' desk: the review page's claim+decide against the moderation API's, and the articles page.

Starts redis-server and gunicorn as `make bench` does, queues comments through the API, creates a moderator
and a token with the real CLI, then in interleaved rounds (one connection each, one request at a time):
  - page: POST /review/api/claim (n=1) then POST /review/api/decide, with the session cookie and CSRF token;
  - API:  POST /api/v1/moderation/queue:claim {"n": 1} then POST /api/v1/moderation/decisions, with the bearer token;
and GET /review/articles with the site's articles spread over ARTICLES articles. Prints medians and ratios.
Then, in Debian's headless Chromium (Playwright, /usr/bin/chromium), the review page approves KEYS cards with
`a` and reads the page's own User Timing "review:key-to-next-card" (key press to the next card painted);
target: median under 100 ms (the figure tests/test_review_browser.py used to assert; targets live here).

    python -m bench.desk [--n 200] [--articles 200] [--keys 40]
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
import uuid

import httpx

import bench.servers
from bench.load import percentile
from bench.servers import API_KEY, ROOT, production_servers

FLAGGED = "在宅で稼げる方法あります、気になる人はプロフ見て"
HOLD_ALL = {"spam": {"review": 0.0, "reject": 1.01}, "abuse": {"review": 0.0, "reject": 1.01}}
# The breaker on (as bench/gate.py turns it on), with a min_comments no article here reaches: articles are counted
# and listed, none changes mode by itself.
BREAKER = {"window_seconds": 600, "min_comments": 100_000, "premoderate_share": 0.3, "close_share": 0.5,
           "cooldown_seconds": 1800}
PASSWORD = "bench-desk-password-0123"  # noqa: S105 (a throwaway account of a throwaway server)


def cli(env, *args, stdin=""):
    result = subprocess.run([sys.executable, "-m", "moderation", *args], cwd=ROOT, env=env, input=stdin,
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.strip()


def page_session(url):
    """A logged-in page client (the session cookie is Secure in production config: sent by hand over http)."""
    client = httpx.Client(base_url=url, timeout=10)
    login = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login.text).group(1)
    cookie = login.headers["set-cookie"].split(";")[0]
    answer = client.post("/login", data={"username": "desk", "password": PASSWORD, "csrf_token": csrf},
                         headers={"Cookie": cookie})
    assert answer.status_code == 302, answer.text
    cookie = answer.headers["set-cookie"].split(";")[0]
    queue = client.get("/review", headers={"Cookie": cookie})
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', queue.text).group(1)
    client.headers.update({"Cookie": cookie, "X-CSRF-Token": csrf})
    return client


def timed(call):
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="decisions per path")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--keys", type=int, default=40, help="cards approved with `a` in the browser (0: none)")
    args = parser.parse_args(argv)
    example = bench.servers.env_example
    bench.servers.env_example = lambda: {**example(), "MODERATION_ARTICLE_BREAKER": json.dumps(BREAKER)}
    try:
        rows = measure(args)
    finally:
        bench.servers.env_example = example
    base = statistics.median(rows["page: claim + decide"])
    print(f"\n{args.n - 1} interleaved rounds, one connection per client, gunicorn as `make bench` starts it")
    print("| request | median ms | p99 ms | median / page decision |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        if name.startswith("browser"):
            continue
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {percentile(values, 0.99):.2f} | {median / base:.2f}x |")
    if args.keys:
        in_page, wall = rows["browser: key press to next card (in page)"], rows["browser: as Playwright sees it"]
        print(f"\nkey press `a` -> next card painted, {len(in_page)} cards: median {statistics.median(in_page):.1f} ms "
              f"in page (max {max(in_page):.1f}; target < 100), {statistics.median(wall):.1f} ms as Playwright sees it")


def key_presses(url, cookie, keys):
    """Approve `keys` cards with `a` on the review page; the page's own measurements and the wall clock, in ms."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 800})
        name, _, value = cookie.partition("=")
        context.add_cookies([{"name": name, "value": value, "url": url}])  # Secure: 127.0.0.1 is trusted
        page = context.new_page()
        page.goto(f"{url}/review")
        page.wait_for_selector(".card.active")
        wall = []
        for _ in range(keys):
            before = page.evaluate("() => document.querySelector('.card.active').dataset.commentId")
            started = time.perf_counter()
            page.keyboard.press("a")
            page.wait_for_function("id => { const c = document.querySelector('.card.active');"
                                   " return c && c.dataset.commentId !== id; }", arg=before)
            wall.append((time.perf_counter() - started) * 1000)
        page.wait_for_function(f"() => performance.getEntriesByName('review:key-to-next-card').length >= {keys}")
        in_page = page.evaluate("() => performance.getEntriesByName('review:key-to-next-card').map(e => e.duration)")
        browser.close()
    return in_page, wall


def measure(args):
    with production_servers("moderation-desk-", thresholds=HOLD_ALL) as (_, _, url, env, _, _):
        site = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)
        for i in range(2 * args.n + 10):
            body = {"id": uuid.uuid4().hex, "article_id": f"art-{i % args.articles}", "text": FLAGGED}
            assert site.post("/api/v1/comments", json=body).json()["decision"] == "review"
        for i in range(2 * args.n + 10, args.articles):
            site.post("/api/v1/comments", json={"id": uuid.uuid4().hex, "article_id": f"art-{i}", "text": FLAGGED})
        cli(env, "moderator", "add", "desk", "--password-stdin", stdin=PASSWORD + "\n")
        token = cli(env, "moderator", "token", "desk")
        page = page_session(url)
        tool = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=10)

        def by_page():
            [card] = page.post("/review/api/claim", json={"site": "bench", "n": 1}).json()["cards"]
            answer = page.post("/review/api/decide", json={"site": "bench", "id": card["id"], "action": "approve"})
            assert answer.status_code == 200, answer.text

        def by_api():
            [item] = tool.post("/api/v1/moderation/queue:claim", json={"n": 1}).json()["items"]
            answer = tool.post("/api/v1/moderation/decisions", json={"comment_id": item["comment_id"],
                                                                      "outcome": "approve"})
            assert answer.status_code == 200, answer.text

        def articles():
            assert page.get("/review/articles").status_code == 200

        for call in (by_page, by_api, articles):  # warm-up
            timed(call)
        rows = {"page: claim + decide": [], "API: queue + decision": [],
                f"GET /review/articles ({args.articles} articles, 100 shown)": []}
        for _ in range(args.n - 1):  # interleaved, so a change in machine load hits every row alike
            for name, call in zip(rows, (by_page, by_api, articles), strict=True):
                rows[name].append(timed(call))
        listed = page.get("/review/articles").text.count('class="article-row')
        assert listed == min(args.articles, 100), listed
        if args.keys:
            for i in range(args.keys + 1):  # one card more than keys: the last key press has a next card
                body = {"id": uuid.uuid4().hex, "article_id": "art-keys", "text": FLAGGED,
                        "author": {"id": f"reader-{i}", "name": "読者"}}
                assert site.post("/api/v1/comments", json=body).json()["decision"] == "review"
            in_page, wall = key_presses(url, page.headers["Cookie"], args.keys)
            rows["browser: key press to next card (in page)"] = in_page
            rows["browser: as Playwright sees it"] = wall
    return rows


if __name__ == "__main__":
    main()
