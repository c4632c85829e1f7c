"""Mail to requesters through MODERATION_SMTP_URL: smtp://[user:password@]host:port[?starttls=1]."""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qs, unquote, urlsplit


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
    """Send one plain-text message (UTF-8); raises OSError or smtplib.SMTPException when it is not accepted."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(body)
    with smtplib.SMTP(config["host"], config["port"], timeout=timeout) as smtp:
        if config["starttls"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["user"]:
            smtp.login(config["user"], config["password"] or "")
        smtp.send_message(message)
    return message["Message-ID"]

