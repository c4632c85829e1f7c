"""A comment's `ip` is parsed once: the parse that checks it (api/validation.py) also gives the key its rate limits
count by, the one ops/proxies.limit_key gives the same text (the address's one spelling, IPv6 by its /64)."""

import ipaddress

from moderation.api.comment_records import comment_hits
from moderation.api.validation import parse_comment
from moderation.ops.proxies import limit_key

# each address and the key its limits count by (before this test, as limit_key gave it)
ADDRESSES = {"203.0.113.7": "203.0.113.7", "198.51.100.255": "198.51.100.255",
             "2001:db8:85a3::8a2e:370:7334": "2001:db8:85a3::/64",
             "2001:DB8::1": "2001:db8::/64", "::1": "::/64", "::ffff:198.51.100.4": "198.51.100.4",
             "fe80::1%eth0": "fe80::/64", "::ffff:198.51.100.4%2": "198.51.100.4",
             "2001:db8:0:0:1:ffff:0:1": "2001:db8::/64", "2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64"}


def test_a_comments_ip_is_parsed_once_and_keyed_as_limit_key_keys_it(monkeypatch):
    real, parsed = ipaddress.ip_address, []
    monkeypatch.setattr(ipaddress, "ip_address", lambda text: parsed.append(text) or real(text))
    for text, key in ADDRESSES.items():
        parsed.clear()
        comment = parse_comment({"id": "c-1", "article_id": "a-1", "text": "本文", "ip": text})
        hits = {kind: key for kind, key, _cost in comment_hits(comment)}
        assert parsed == [text], text  # the check's parse, none for the limits
        assert hits["ip"] == limit_key(text) == key, text


def test_a_comment_without_ip_counts_no_address():
    comment = parse_comment({"id": "c-1", "article_id": "a-1", "text": "本文"})
    assert {kind: key for kind, key, _cost in comment_hits(comment)}["ip"] is None
