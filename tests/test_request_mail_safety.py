"""The mails to a removal request's requester go to the address given and to no one else, and what the requester
typed cannot draw lines of its own in them: anyone can file through the public form, and the receipt is mailed at
once, so the form must not be a way to mail other people or to forge a receipt's layout. Real SMTP (aiosmtpd)."""

import time

import pytest

from moderation.integrations import mail
from moderation.integrations.mail import parse_smtp_url
from moderation.integrations.outbox_worker import run_worker
from tests.support.windows import fresh_window
from tests.test_request_pages import form_fields
from tests.test_requests import file, post_comment, request_body
from tests.test_requests import mailbox as mailbox

SENDER = "newsroom@example.jp"
# What check_email let through before, and whom smtplib then mailed (measured against this mailbox): the address a
# header reads as more recipients, a group, a display name or a literal host.
ELSEWHERE = {
    "postmaster,hanako@example.jp": ["postmaster", "hanako@example.jp"],
    "a;b@example.jp": ["a"],
    "<x>hanako@example.jp": ["x"],
    "a:b@example.jp": ["b@example.jp"],
    '"a,b"@example.jp': ['"a,b"@example.jp'],
    "hanako@[127.0.0.1]": ["hanako@[127.0.0.1]"],
    "hanako@example.jp.": ["<>"],
}
NOT_ONE_LINE = ["山田\n\n受付番号: R-20261102-FAKE0000", "山田\r\n花子", "山田\t花子", "山田\u2028花子", "\u202e山田",
                "山田\x85花子"]


def _app(make_app, mailbox):
    return make_app(SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="", REQUEST_RATE_LIMIT="")


def _file_with(make_app, mailbox, comment, field, value):
    """(app, client, comment id, the answer) for a request on one comment whose requester `field` is `value`."""
    app = _app(make_app, mailbox)
    client = app.test_client()
    comment_id = post_comment(client, comment)
    body = request_body([comment_id])
    body["requester"][field] = value
    return app, client, comment_id, file(client, body)


@pytest.mark.parametrize("email", sorted(ELSEWHERE))
def test_an_address_a_mail_header_reads_as_someone_else_is_refused_on_the_api_and_the_form(make_app, mailbox, comment,
                                                                                          email):
    app, client, comment_id, answer = _file_with(make_app, mailbox, comment, "email", email)
    assert answer.status_code == 400 and answer.json["error"]["field"] == "requester.email", answer.text
    form = client.post("/requests/new", data=form_fields(client, comment_id, email=email))
    assert form.status_code == 400 and 'aria-describedby="e-email"' in form.text
    run_worker(app, once=True)
    assert mailbox.messages == []  # nothing was filed, nothing mailed


def test_the_receipt_goes_to_the_address_given_and_to_it_alone(make_app, mailbox, comment):
    app = _app(make_app, mailbox)
    client = app.test_client()
    for email in ("hanako+news@example.jp", "h.yamada@mail.example.co.jp"):
        body = request_body([post_comment(client, comment)])
        body["requester"]["email"] = email
        assert file(client, body).status_code == 201
    run_worker(app, once=True)
    assert sorted(recipients for _, recipients, _ in mailbox.messages) == [["h.yamada@mail.example.co.jp"],
                                                                          ["hanako+news@example.jp"]]


def test_the_mail_module_sends_to_one_mailbox_alone(mailbox):
    """For a request stored before intake checked its address: the mail is refused before any connection (the
    receipt's worker retries it and gives up as for any refused mail), and a good address is the one envelope
    recipient."""
    import smtplib

    for email in ELSEWHERE:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            mail.send(parse_smtp_url(mailbox.url), SENDER, email, "件名", "本文", timeout=5)
    assert mailbox.messages == []
    mail.send(parse_smtp_url(mailbox.url), SENDER, "hanako@example.jp", "件名", "本文", timeout=5)
    assert [recipients for _, recipients, _ in mailbox.messages] == [["hanako@example.jp"]]


@pytest.mark.parametrize("name", NOT_ONE_LINE)
def test_a_name_that_is_not_one_line_is_refused_on_the_api_and_the_form(make_app, mailbox, comment, name):
    """The receipt opens with the name: a line break in it would draw lines of the name's own in the mail (a false
    receipt number, a link on a line of its own); a bidirectional override would reorder the line it heads."""
    app, client, comment_id, answer = _file_with(make_app, mailbox, comment, "name", name)
    assert answer.status_code == 400 and answer.json["error"]["field"] == "requester.name", answer.text
    form = client.post("/requests/new", data=form_fields(client, comment_id, name=name))
    assert form.status_code == 400 and 'aria-describedby="e-name"' in form.text
    run_worker(app, once=True)
    assert mailbox.messages == []


def test_a_one_line_name_with_spaces_and_latin_letters_still_heads_the_receipt(make_app, mailbox, comment):
    app = _app(make_app, mailbox)
    client = app.test_client()
    body = request_body([post_comment(client, comment)])
    body["requester"]["name"] = "山田 花子 (Hanako Yamada) 代理人"
    assert file(client, body).status_code == 201
    run_worker(app, once=True)
    [(_, _, message)] = mailbox.messages
    assert message.get_content().startswith("山田 花子 (Hanako Yamada) 代理人 様\n\n")


def test_receipts_to_one_address_stop_at_the_limit_and_the_requests_are_still_received(make_app, mailbox, comment,
                                                                                      rdb, prefix):
    """Anyone may file with anyone's address: from many client addresses the form alone would fill one inbox.
    RECEIPT_MAIL_LIMIT (default 10 a day) counts receipts per address (any case); a request over it is received as
    any other, its receipt is not mailed, and its page says so (receipt_failed)."""
    from moderation.store.removal_requests import get_requests

    app = make_app(SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="", RECEIPT_MAIL_LIMIT="2/86400")
    client = app.test_client()
    fresh_window(86400, need=60.0)  # counted on the wall clock in days from the epoch: not across midnight UTC
    filed = []
    for email in ("hanako@example.jp", "HANAKO@example.jp", "hanako@example.jp", "taro@example.jp"):
        body = request_body([post_comment(client, comment)])
        body["requester"]["email"] = email
        answer = file(client, body)
        assert answer.status_code == 201, answer.text
        filed.append(answer.json["id"])
    run_worker(app, once=True)
    assert sorted(recipients[0].lower() for _, recipients, _ in mailbox.messages) == [
        "hanako@example.jp", "hanako@example.jp", "taro@example.jp"]
    with app.app_context():
        history = {request_id: get_requests("test").history(request_id) for request_id in filed}
    steps = {request_id: [entry["action"] for entry in history[request_id]] for request_id in filed}
    assert steps == {filed[0]: ["received", "receipt_sent"], filed[1]: ["received", "receipt_sent"],
                     filed[2]: ["received", "receipt_failed"], filed[3]: ["received", "receipt_sent"]}
    assert "MODERATION_RECEIPT_MAIL_LIMIT" in str(history[filed[2]][-1])
    assert not [key for key in rdb.scan_iter(f"{prefix}*") if "hanako" in key.lower()]  # counted by a digest
    assert settings_default("RECEIPT_MAIL_LIMIT") == {"ip": (10, 86400)}


def test_without_the_limit_every_receipt_is_mailed(make_app, mailbox, comment):
    app = make_app(SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="", RECEIPT_MAIL_LIMIT="")
    client = app.test_client()
    for _ in range(3):
        assert file(client, request_body([post_comment(client, comment)])).status_code == 201
    run_worker(app, once=True)
    assert [recipients for _, recipients, _ in mailbox.messages] == [["hanako@example.jp"]] * 3


def settings_default(name):
    from moderation import settings

    setting = settings.BY_NAME[name]
    return setting.read(setting.default, name)


@pytest.mark.parametrize("site_urls", [None, {"test": "https://news.example.jp/"}])
def test_the_receipt_quotes_only_references_on_the_sites_address(make_app, mailbox, comment, site_urls):
    """A reference the service does not hold is the filer's own text: a URL of any host without SITE_URLS, an id that
    reads as a host name. The receipt quotes a URL only when it is under the site's address, and counts the rest."""
    extra = {"SITE_URLS": site_urls} if site_urls else {}
    app = make_app(SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="", **extra)
    client = app.test_client()
    on_site = "https://news.example.jp/articles/7#comment-c-2025-0001"
    references = [post_comment(client, comment), on_site, "evil.example", "login.evil.example"]
    if not site_urls:
        references.append("https://evil.example/login?next=/account")  # refused (400) when SITE_URLS is set
    assert file(client, request_body(references)).status_code == 201
    run_worker(app, once=True)
    [(_, _, message)] = mailbox.messages
    text = message.get_content()
    assert "evil.example" not in text
    unquoted = len(references) - 1 - (1 if site_urls else 0)
    assert (f"\n- 当サービスに保存されていないコメント {unquoted} 件(ご指定の URL・ID は"
            "このメールには記載していません。サイト上で確認します)\n") in text
    assert (f"\n- {on_site}(当サービスに保存されていないコメント: サイト上で確認します)\n" in text) == bool(site_urls)
    assert f"about {len(references)} comment(s) of test. {len(references) - 1} of them this service does not hold" \
        in text


def test_a_receipt_retried_while_the_mail_server_is_down_counts_against_its_address_once(make_app, comment):
    """Only the first try of a receipt counts: with a limit of 2 a day, a receipt tried five times while the server
    refuses is still mailed once it is back, and a second receipt to the same address too."""
    from datetime import UTC, datetime

    from tests.test_requests import FakeClock, Mailbox, with_clock

    clock = FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())
    box = Mailbox()  # its port is chosen, nothing listens on it yet
    app = with_clock(make_app(SMTP_URL=box.url, SMTP_FROM=SENDER, SMTP_TIMEOUT=2, RATE_LIMITS="",
                              RECEIPT_MAIL_LIMIT="2/86400"), clock)
    client = app.test_client()
    first = file(client, request_body([post_comment(client, comment)])).json["id"]
    for _ in range(5):  # refused each time: tried again after 1, 2, 4, 8 minutes
        run_worker(app, once=True)
        clock.advance(days=20 / 1440)
    second = file(client, request_body([post_comment(client, comment)])).json["id"]
    with box:
        run_worker(app, once=True)
    subjects = [message["Subject"] for _, _, message in box.messages]
    assert len(subjects) == 2 and any(first in s for s in subjects) and any(second in s for s in subjects), subjects
    assert actions_of(app, first)[-1] == actions_of(app, second)[-1] == "receipt_sent"


def actions_of(app, request_id):
    from moderation.store.removal_requests import get_requests

    with app.app_context():
        return [entry["action"] for entry in get_requests("test").history(request_id)]


# What a mail program links where it stands (a URL, a bare host, a mail address), also in full-width letters or with
# the ideographic full stop a browser reads as a dot: the receipt would open with a link the filer chose.
ADDRESS_NAMES = ["https://evil.example/ 様", "evil.example", "山田 evil.example/login",
                 "ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ", "悪い。jp", "hanako@evil.example", "山田＠広報",
                 "www.evil", "mailto:x", "山田 xn--eckwd4c7c.xn--zckzah",
                 # a top-level domain in its own script (みんな, コム, рф, भारत with its vowel signs) and IP addresses
                 # in the forms a browser reads (dotted, hex, a lone 32-bit decimal, IPv6 also with IPv4 inside)
                 "evil.みんな", "山田 evil。コム/login", "evil.рф", "evil.भारत", "192.168.0.1",
                 "１９２．１６８．０．１", "0xC0A80001", "3232235777", "2001:db8::1", "[::ffff:192.0.2.1]"]
PLAIN_NAMES = ["J.R.R. Tolkien", "Dr. 山田 花子", "山田 花子 ver1.2", "St. John-Smith", "ジョン・スミス",
               "山田 花子 2026.12.03", "山田 花子 090-1234-5678"]
# More spellings, checked on the rule itself (names_an_address), each way.
MORE_ADDRESSES = ["evil.ไทย", "evil.한국", "evil.ελ", "evil.مصر", "192.168.0.1:8080", "192.168.1", "0xc0.0xa8.0.1",
                  "0300.0250.0.1", "0x7f.1", "192.168.0.1.", "fe80::1%eth0", "::1", "２００１：ｄｂ８：：１",
                  "山田 10.0.0.1 様", "evil.ｃｏｍ"]
MORE_NAMES = ["山田 09012345678", "0312345678", "山田 花子 1234567", "::", "山田::花子", "12:30:45", "v1.2.3",
              "第3.5期", "A. 山田", "山田・花子", "0x", "Ca:fe", "4294967296"]


@pytest.mark.parametrize("name", ADDRESS_NAMES)
def test_a_name_holding_a_url_a_host_or_a_mail_address_is_refused_on_the_api_and_the_form(make_app, mailbox,
                                                                                          comment, name):
    """The name heads mails the service sends to any address the filer typed: a name that is a link would make the
    receipt a phishing mail with the site's name on it. 400 naming requester.name; the form says why in ja and en."""
    app, client, comment_id, answer = _file_with(make_app, mailbox, comment, "name", name)
    assert answer.status_code == 400, answer.text
    assert answer.json["error"]["field"] == "requester.name" and answer.json["error"]["code"] == "address_in_name"
    form = client.post("/requests/new", data=form_fields(client, comment_id, name=name))
    assert form.status_code == 400 and "お名前にURL・メールアドレス・ドメイン名" in form.text
    english = client.post("/requests/new?lang=en", data=form_fields(client, comment_id, name=name))
    assert english.status_code == 400 and "A name may not contain a URL" in english.text
    run_worker(app, once=True)
    assert mailbox.messages == []


def test_the_rule_reads_more_spellings_of_hosts_and_addresses_and_leaves_names_with_numbers():
    """A host in any script, an IP address in any form a browser reads, against names with dates, phone numbers and
    colons; a stored name that fails is left out of the mails (salutation)."""
    from moderation.rights.intake import names_an_address, salutation

    assert [name for name in ADDRESS_NAMES + MORE_ADDRESSES if not names_an_address(name)] == []
    assert [name for name in PLAIN_NAMES + MORE_NAMES if names_an_address(name)] == []
    assert salutation("evil.みんな") == salutation("2001:db8::1") == "ご依頼者様"
    assert salutation("山田 花子 2026.12.03") == "山田 花子 2026.12.03 様"


@pytest.mark.parametrize("name", PLAIN_NAMES)
def test_a_name_with_full_stops_that_is_no_host_still_heads_the_receipt(make_app, mailbox, comment, name):
    app = _app(make_app, mailbox)
    client = app.test_client()
    body = request_body([post_comment(client, comment)])
    body["requester"]["name"] = name
    assert file(client, body).status_code == 201
    run_worker(app, once=True)
    [(_, _, message)] = mailbox.messages
    assert message.get_content().startswith(f"{name} 様\n\n")


def test_a_stored_name_that_is_an_address_is_left_out_of_the_receipt_and_the_notice(make_app, mailbox, comment):
    """A request stored before intake refused such names (or by another path than intake) is greeted without its
    name: neither mail carries the link."""
    from moderation.rights import intake, process

    app = _app(make_app, mailbox)
    client = app.test_client()
    comment_id = post_comment(client, comment)
    with app.test_request_context():
        fields = intake.parse_request("test", request_body([comment_id]))
        record = intake.receive("test", {**fields, "requester_name": "https://evil.example/login 様"}, "api")
    run_worker(app, once=True)
    with app.app_context():
        process.decide("test", record["id"], "not_removed", "jiro", criterion="public_interest",
                       reason="記事への論評の範囲内と判断しました。")
    texts = [message.get_content() for _, _, message in mailbox.messages]
    assert len(texts) == 2 and all(text.startswith("ご依頼者様\n\n") for text in texts), texts
    assert not [text for text in texts if "evil" in text]


def _cost(function, text, calls=20):
    start = time.thread_time()
    for _ in range(calls):
        function(text)
    return (time.thread_time() - start) / calls


@pytest.mark.slow  # 15 shapes timed 3 times at 1,000 and 4,000 characters: 1.6 s; make test runs it
def test_the_address_check_of_a_name_is_linear_in_the_name():
    """Every text path is linear in the text: 4x the characters, about 4x the time, measured as a ratio in one run
    (a backtracking host pattern took 2.1 ms on 200 kana, 16x per 4x)."""
    from moderation.rights.intake import names_an_address

    worst = (0.0, "")
    for unit in ("あ", "a", "a.", "ab.", "-", "a-", "x@", "ア.b", "1.", "1", "0x1.", "a:", "1::", "भा.", "भा"):
        small, big = ((unit * (size // len(unit) + 1))[:size] for size in (1000, 4000))
        growth = min(_cost(names_an_address, big) / _cost(names_an_address, small) for _ in range(3))
        worst = max(worst, (growth, unit))
    assert worst[0] <= 7, f"{worst[1]!r}: 4x the name took {worst[0]:.1f}x the time"
    assert names_an_address("-evil.example-") and names_an_address("_evil.example.")
