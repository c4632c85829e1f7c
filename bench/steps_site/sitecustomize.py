"""bench/steps.py's timers in a gunicorn sync worker, where BENCH_STEPS names a folder (otherwise nothing happens).

On PYTHONPATH, Python imports this module at start-up, so gunicorn runs with the bench's own command line. gunicorn's
code runs unchanged: its methods are wrapped, not copied. Thread CPU of each step of a request, summed: accept (the
accept call and the socket's set-up), parse (gunicorn's parser reading the request), create (`wsgi.create`), app (the
WSGI call), write (the answer written, then post_request), close (close_graceful). Each worker writes its sums to
BENCH_STEPS/<pid>.json every 100 requests.
"""

import os

_FOLDER = os.environ.get("BENCH_STEPS")

if _FOLDER:
    import json
    import time

    from gunicorn.http import wsgi
    from gunicorn.workers import base, sync

    STEPS = ("accept", "parse", "create", "app", "write", "close")
    _clock = time.thread_time
    _sums = dict.fromkeys(STEPS, 0.0)
    _sums["requests"] = 0
    _marks = {}  # this request's times so far (a sync worker handles one request at a time)

    def _dump():
        path = os.path.join(_FOLDER, f"{os.getpid()}.json")
        with open(path + ".tmp", "w") as out:
            json.dump(_sums, out)
        os.replace(path + ".tmp", path)

    _accept, _handle, _handle_request = sync.SyncWorker.accept, sync.SyncWorker.handle, sync.SyncWorker.handle_request
    _create, _load_wsgi = wsgi.create, base.Worker.load_wsgi

    def accept(self, listener):
        started = _clock()
        try:
            return _accept(self, listener)
        finally:
            _sums["accept"] += _clock() - started - _marks.pop("handled", 0.0)

    def handle(self, listener, client, addr):
        _marks.clear()
        started = _marks["handle"] = _clock()
        try:
            return _handle(self, listener, client, addr)
        finally:
            ended = _clock()
            answered = _marks.get("answered", ended)
            _sums["close"] += ended - answered
            _marks["handled"] = ended - started
            _sums["requests"] += 1
            if _sums["requests"] % 100 == 0:
                _dump()

    def handle_request(self, listener, req, client, addr):
        started = _clock()
        _sums["parse"] += started - _marks["handle"]
        try:
            return _handle_request(self, listener, req, client, addr)
        finally:
            ended = _marks["answered"] = _clock()
            _sums["write"] += ended - _marks.get("app", started)

    def create(*args, **kwargs):
        started = _clock()
        try:
            return _create(*args, **kwargs)
        finally:
            _sums["create"] += _clock() - started

    class Timed:
        """The worker's WSGI app, timed; its attributes (gunicorn.conf.py's hooks read them) are the app's."""

        def __init__(self, app):
            self.app = app

        def __call__(self, environ, start_response):
            started = _clock()
            try:
                return self.app(environ, start_response)
            finally:
                ended = _marks["app"] = _clock()
                _sums["app"] += ended - started

        def __getattr__(self, name):
            return getattr(self.app, name)

    def load_wsgi(self):
        _load_wsgi(self)
        self.wsgi = Timed(self.wsgi)

    sync.SyncWorker.accept, sync.SyncWorker.handle, sync.SyncWorker.handle_request = accept, handle, handle_request
    wsgi.create, base.Worker.load_wsgi = create, load_wsgi
