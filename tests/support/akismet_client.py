"""The real `akismet` client (PyPI) aimed at this service: in process (a WSGI app) or over HTTP (a server's URL)."""

from urllib.parse import urlsplit

import akismet
import httpx

from tests.support.app import API_KEY

BLOG = "https://news.example/"


class ToServer(httpx.HTTPTransport):
    """README's ToModeration transport, sending to a local server's plain-HTTP address instead of a TLS host."""

    def __init__(self, base_url):
        super().__init__()
        self.target = urlsplit(base_url)

    def handle_request(self, request):
        request.url = request.url.copy_with(scheme=self.target.scheme, host=self.target.hostname,
                                            port=self.target.port)
        request.headers["Host"] = self.target.netloc
        return super().handle_request(request)


def akismet_client(key, app=None, base_url=None, blog=BLOG):
    """An akismet.SyncClient for `key` whose requests reach `app` (in process) or the server at `base_url`."""
    transport = httpx.WSGITransport(app=app) if app is not None else ToServer(base_url)
    http = httpx.Client(transport=transport, headers={"User-Agent": akismet.USER_AGENT}, timeout=10)
    return akismet.SyncClient(config=akismet.Config(key=key, url=blog), http_client=http)


def forms_naming_blog(blog, content="x"):
    """The three Akismet calls that carry a `blog`, each as (path, form): a blog check must hold on every one."""
    comment = {"api_key": API_KEY, "blog": blog, "user_ip": "203.0.113.7", "comment_content": content}
    return (("/1.1/verify-key", {"key": API_KEY, "blog": blog}), ("/1.1/comment-check", comment),
            ("/1.1/submit-spam", comment))
