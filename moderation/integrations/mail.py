"""Mail to requesters through MODERATION_SMTP_URL: smtp://[user:password@]host:port[?starttls=1]."""

import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

# One mailbox and nothing else: dot-separated atoms, '@', a dotted host name. No comma, semicolon, colon, angle
# bracket, quote or bracketed IP, which a mail header reads as another recipient, a group or a literal host (the mail
# would go to whoever they name). Each atom excludes '.', so the match is one linear pass.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a0-\U0010ffff-]+"
_LABEL = r"[A-Za-z0-9\u00a0-\U0010ffff-]+"
MAILBOX_RE = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+$")


def is_mailbox(address):
    """Whether `address` is one mailbox (MAILBOX_RE) without a space anywhere (U+3000 included)."""
    return bool(MAILBOX_RE.match(address)) and not any(c.isspace() for c in address)


class MailConfigError(ValueError):
    """MODERATION_SMTP_URL cannot be used."""


def parse_smtp_url(url):
    """{host, port, user, password, starttls} from the URL, or None when mail is not configured."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "smtp" or not parts.hostname:
        raise MailConfigError("MODERATION_SMTP_URL must look like smtp://[user:password@]host:port[?starttls=1]")
    query = parse_qs(parts.query)
    return {
        "host": parts.hostname, "port": parts.port or 25,
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "starttls": (query.get("starttls") or ["0"])[0].lower() in ("1", "true", "yes"),
    }


def send(config, sender, to, subject, body, *, timeout=10.0):
    """Send one plain-text message (UTF-8) to `to` alone; raises OSError or smtplib.SMTPException when it is not
    accepted, SMTPRecipientsRefused without connecting when `to` is not one mailbox (an address stored before
    intake checked it so)."""
    if not is_mailbox(to):
        raise smtplib.SMTPRecipientsRefused({to: (553, b"not one mailbox")})
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(body)
    with smtplib.SMTP(config["host"], config["port"], timeout=timeout) as smtp:
        if config["starttls"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["user"]:
            smtp.login(config["user"], config["password"] or "")
        smtp.send_message(message, to_addrs=[to])  # the envelope names `to` alone, whatever its header parses to
    return message["Message-ID"]

