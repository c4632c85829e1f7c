"""The site's removal criteria (送信防止措置の実施基準): a Markdown file the site edits, rendered safely.

Only a small subset is rendered: front matter ``revised: YYYY-MM-DD``, ``#``-``###`` headings, paragraphs,
``-`` and ``1.`` lists, ``**bold**`` and ``[text](link)`` (relative or http(s) links). Every character of the
file is escaped first, so no markup in the file reaches the page; each line is scanned once, left to right.
"""

import datetime
from pathlib import Path

from markupsafe import Markup, escape

from moderation import settings

DEFAULT = Path(__file__).resolve().parent.parent / "policy" / "removal_criteria.ja.md"


def _link_target(url):
    """A path on this site or an http(s) URL. Browsers read a backslash as a slash and drop tabs and newlines
    inside a URL, so "/\\evil.example" or "/<tab>/evil.example" is "//evil.example", another site: refused."""
    url = url.strip()
    if "\\" in url or any(ord(char) < 0x20 or char == "\x7f" for char in url):
        return None
    if (url.startswith("/") and not url.startswith("//")) or url.lower().startswith(("https://", "http://")):
        return url
    return None


def inline(text):
    """Escaped text with **bold** and [text](link); anything unmatched stays literal."""
    out, i, n, bold = [], 0, len(text), False
    close = end = -2  # the next "](" and the ")" after it, found once and reused: one pass over the text
    while i < n:
        if text.startswith("**", i):
            out.append("</strong>" if bold else "<strong>")
            bold, i = not bold, i + 2
            continue
        if text[i] == "[":
            if close != -1 and close < i:
                close = text.find("](", i + 1)
                end = text.find(")", close + 2) if close != -1 else -1
            target = _link_target(text[close + 2:end]) if close > i and end != -1 else None
            if target is not None:
                out.append(f'<a href="{escape(target)}">{escape(text[i + 1:close])}</a>')
                i = end + 1
                continue
        out.append(str(escape(text[i])))
        i += 1
    if bold:
        out.append("</strong>")
    return "".join(out)


def _list_item(line):
    """('ul'|'ol', text) for a list line, else None."""
    stripped = line.lstrip()
    if stripped.startswith(("- ", "* ")):
        return "ul", stripped[2:]
    digits = len(stripped) - len(stripped.lstrip("0123456789"))
    if 0 < digits <= 3 and stripped[digits:digits + 2] == ". ":
        return "ol", stripped[digits + 2:]
    return None


def render(markdown):
    """(HTML as Markup, revised date or None) from the policy's Markdown."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    revised = None
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        for line in lines[1:end]:
            name, _, value = line.partition(":")
            if name.strip() == "revised":
                try:
                    revised = datetime.date.fromisoformat(value.strip())
                except ValueError:
                    revised = None
        lines = lines[end + 1:]
    html, paragraph, open_list = [], [], None

    def flush():
        nonlocal open_list
        if paragraph:
            html.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if open_list:
            html.append(f"</{open_list}>")
            open_list = None

    for line in lines:
        item = _list_item(line)
        if not line.strip():
            flush()
        elif line.startswith("#"):
            flush()
            level = min(len(line) - len(line.lstrip("#")), 3)
            html.append(f"<h{level}>{inline(line.lstrip('#').strip())}</h{level}>")
        elif item:
            if paragraph or open_list != item[0]:
                flush()
                html.append(f"<{item[0]}>")
                open_list = item[0]
            html.append(f"<li>{inline(item[1].strip())}</li>")
        else:
            if open_list:
                flush()
            paragraph.append(line.strip())
    flush()
    return Markup("\n".join(html)), revised  # noqa: S704 - built from escaped pieces only


def load():
    """The configured policy file (POLICY_PATH, else the shipped default), rendered, with its revision date."""
    path = Path(settings.get().policy_path or DEFAULT)
    body, revised = render(path.read_text(encoding="utf-8"))
    if revised is None:
        revised = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC).date()
    return body, revised
