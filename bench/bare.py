"""The benchmark's baseline: a bare Flask app under the service's own gunicorn command line.

`POST /api/v1/comments` parses the JSON body and answers a constant decision of the real endpoint's shape;
nothing else (no key check, logging, metrics, headers, model or Redis). `make bench` runs it next to the
service, interleaved, so each figure of the service is read as a ratio to what Flask and gunicorn cost here:

    gunicorn --config gunicorn.conf.py --preload 'bench.bare:create_app()'
"""

from flask import Flask, jsonify, request

ANSWER = {"decision": "allow", "explanation": [], "labels": [], "model_version": "bare",
          "scores": {"abuse": 0.01, "spam": 0.01}, "status": "published"}


def create_app():
    app = Flask(__name__)

    @app.post("/api/v1/comments")
    def comments():
        body = request.get_json()
        return jsonify({**ANSWER, "id": body.get("id") if isinstance(body, dict) else None})

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok"})

    return app
