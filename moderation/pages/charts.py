"""Inline SVG charts: the threshold page's precision, recall and volume; the articles page's heat bars."""

from html import escape

from moderation.store.score_history import GRID


def svg_chart(curve, volume, current, title):
    """An inline SVG line chart: precision, recall and relative queue volume against the threshold.

    The series carry `data-series` names; the page draws the legend in the reader's language."""
    width, height, pad = 560, 260, 40
    plot_w, plot_h = width - 2 * pad, height - 2 * pad

    def x(t):
        return pad + t * plot_w

    def y(v):
        return pad + (1 - v) * plot_h

    def path(values):
        parts, pen = [], "M"
        for t, v in zip(GRID, values, strict=True):
            if v is None:
                pen = "M"
                continue
            parts.append(f"{pen}{x(t):.1f},{y(v):.1f}")
            pen = "L"
        return " ".join(parts)

    peak = max(volume) or 1
    lines = [
        ("precision", "#1b5e9e", [p["precision"] for p in curve["points"]]),
        ("recall", "#b3261e", [p["recall"] for p in curve["points"]]),
        ("volume", "#4a6b2a", [v / peak for v in volume]),
    ]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(title)}" class="threshold-chart">',
           f'<rect x="{pad}" y="{pad}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="#888"/>']
    for tick in (0, 0.25, 0.5, 0.75, 1):
        out.append(f'<text x="{x(tick):.1f}" y="{height - pad + 16}" font-size="11" text-anchor="middle">'
                   f'{tick:.2f}</text>')
        out.append(f'<text x="{pad - 6}" y="{y(tick) + 4:.1f}" font-size="11" text-anchor="end">{tick:.2f}</text>')
    for name, colour, values in lines:
        out.append(f'<path d="{path(values)}" fill="none" stroke="{colour}" stroke-width="2" data-series="{name}"/>')
    out.append(f'<line x1="{x(current):.1f}" y1="{pad}" x2="{x(current):.1f}" y2="{height - pad}" '
               f'stroke="#000" stroke-dasharray="4 3" data-series="current"/>')
    out.append(f'<text x="{width / 2}" y="{height - 6}" font-size="12" text-anchor="middle">{escape(title)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def heat_bar(share, premoderate, close, title):
    """A small bar: an article's flagged share in the breaker's window, with the premoderate and close marks."""
    width, height = 140, 16

    def x(v):
        return round(min(max(float(v), 0.0), 1.0) * width, 1)

    colour = "#b3261e" if close is not None and share >= close else (
        "#b45309" if premoderate is not None and share >= premoderate else "#4a6b2a")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{escape(title)}" class="heat-bar">',
           f'<rect x="0" y="2" width="{width}" height="{height - 4}" fill="#eef1f5" stroke="#9ca3af"/>',
           f'<rect x="0" y="2" width="{x(share)}" height="{height - 4}" fill="{colour}" data-series="share"/>']
    for name, mark in (("premoderate", premoderate), ("close", close)):
        if mark is not None and 0 < mark <= 1:
            out.append(f'<line x1="{x(mark)}" y1="0" x2="{x(mark)}" y2="{height}" stroke="#111" stroke-width="1.5" '
                       f'stroke-dasharray="3 2" data-series="{name}"/>')
    out.append("</svg>")
    return "".join(out)
