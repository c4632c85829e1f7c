"""GET /api/v1/transparency: the site's transparency report as JSON, or CSV with Accept: text/csv."""

import time
from datetime import UTC, datetime

from flask import Blueprint, Response, g, jsonify, request

from moderation.api.api_keys import require_api_key
from moderation.rights import transparency
from moderation.rights.clock import now_ms
from moderation.store.rate_limits import get_limiter

bp = Blueprint("transparency_api", __name__, url_prefix="/api/v1")


def wants_csv():
    return request.accept_mimetypes.best_match(["application/json", "text/csv"]) == "text/csv"


def csv_response(body):
    name = f"transparency-{body['site']}-{body['from']}-{body['to']}.csv"
    return Response(transparency.to_csv(body), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def period():
    """The asked period (from, to), defaulting to this month, in the app clock's today."""
    today = datetime.fromtimestamp(now_ms() / 1000, UTC).date()
    return transparency.parse_period(request.args.get("from"), request.args.get("to"), today)


@bp.get("/transparency")
@require_api_key
def report():
    first, last = period()
    get_limiter().check(g.site, [("key", "all", 1)], now=time.time())  # the site key's limit, as other calls
    body = transparency.report(g.site, first, last)
    return csv_response(body) if wants_csv() else jsonify(body)
