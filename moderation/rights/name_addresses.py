"""What in a requester's name a mail program or a browser reads as an address: the name heads mails the service sends
to whatever address the filer typed, so a name that is a link would make the receipt a phishing mail."""

import ipaddress
import re
import unicodedata

# A URL, a mail address or a www. host, read after NFKC (full-width ｈｔｔｐ：／／, ＠).
_SCHEME_RE = re.compile(r"://|@|\bwww\.|\b(?:https?|ftp|mailto|file|data|javascript|tel|sms):", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[\w.-]+")  # one character class: each character is read once (linear in the name)
_V6_TOKEN_RE = re.compile(r"[0-9A-Fa-f:.]+")  # the characters of an IPv6 address (also ::ffff:1.2.3.4), same reason
# The ideographic full stops a browser takes for dots (IDNA); NFKC already folds ﹒ and ․.
_DOTS = str.maketrans({"\u3002": ".", "\uff61": ".", "\uff0e": "."})
_V4_MAX = 2**32


def _letters(label):
    """Whether a last label is a top-level domain's shape: 2+ letters of any script (com, みんな, рф), or xn--."""
    return label.startswith("xn--") or (len(label) >= 2 and label.isalpha())


def _number(part):
    """A dotted part as a browser's IPv4 parser reads it (decimal, 0x hex, 0 octal), or None when it is not one;
    more than 11 digits is past 32 bits whatever the base (and int() never sees a long string)."""
    lowered, base = part.lower(), 10
    if lowered.startswith("0x"):
        lowered, base = lowered[2:].lstrip("0"), 16
    elif len(lowered) > 1 and lowered.startswith("0"):
        lowered, base = lowered[1:].lstrip("0"), 8
    if len(lowered) > 11:
        return _V4_MAX if lowered.isalnum() and lowered.isascii() else None
    try:
        return int(lowered or "0", base)
    except ValueError:
        return None


def _ipv4(token):
    """Whether a token is an IPv4 address a browser accepts: 192.168.0.1, 192.168.1, 0xc0.0xa8.0.1, 0300.0250.0.1,
    0xC0A80001, or a lone decimal 3232235777 (8-10 digits: shorter numbers and 0-led ones are ages, years and phone
    numbers, and no mail program links a lone number)."""
    parts = token.split(".")
    if len(parts) == 1:
        single = token.lower()
        hexadecimal = single.startswith("0x") and len(single) > 2
        if not (hexadecimal or (single.isdigit() and 8 <= len(single) <= 10 and single[0] != "0")):
            return False
    if len(parts) > 4:
        return False
    numbers = [_number(part) for part in parts]
    if None in numbers or any(number > 255 for number in numbers[:-1]):
        return False
    return numbers[-1] < 256 ** (5 - len(parts))


def _ipv6(token):
    """Whether a token is an IPv6 address (2001:db8::1, ::ffff:192.0.2.1); `::` alone names no host."""
    token = token.strip(".")
    if token.count(":") < 2 or len(token) > 45 or not token.strip(":"):
        return False
    try:
        ipaddress.IPv6Address(token)
    except ValueError:
        return False
    return True


def names_an_address(name):
    """Whether a name holds a URL, a mail address, a host name (labels joined by dots, the last of 2+ letters in any
    script or xn--) or an IP address: "J.R.R. Tolkien", "Dr. 山田" and "v1.2" are names; "evil.example",
    "悪い。jp", "evil.みんな", "192.168.0.1" and "::1" are not."""
    text = unicodedata.normalize("NFKC", name).translate(_DOTS)
    if _SCHEME_RE.search(text):
        return True
    # Combining marks (the vowel signs of भारत) are no \w: left in, they would cut a label in two.
    marks = {ord(c): None for c in set(text) if unicodedata.category(c).startswith("M")}
    text = text.translate(marks) if marks else text
    for token in _TOKEN_RE.findall(text):
        token = token.strip("._-")
        if _ipv4(token) or ("." in token and _letters(token.rpartition(".")[2].lower())):
            return True
    return any(_ipv6(token) for token in _V6_TOKEN_RE.findall(text))
