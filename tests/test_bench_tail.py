"""bench/tail.py's queue: the closed loop it reads the p99 at 64 connections with obeys Little's law and queueing's
plain cases, so its figures in docs/benchmark.md are the queue's and not the simulation's."""

import statistics

from bench.tail import simulate, spread


def test_constant_service_times_have_no_spread_and_little_s_mean():
    """64 requests in flight on 2 workers at 1.0 each: every request waits for the 62 ahead, latency 32.0 exactly."""
    p50, p99, mean = simulate([1.0], clients=64, servers=2, n=20_000)
    assert (p50, p99) == (32.0, 32.0)
    assert abs(mean - 32.0) < 1e-9


def test_mean_latency_is_clients_over_throughput_whatever_the_spread():
    """Little's law: with service times of mean 1.0 on 2 workers the throughput is 2, so the mean latency is 64 / 2."""
    times = [0.2, 0.5, 1.0, 1.3, 2.0]
    assert statistics.fmean(times) == 1.0
    _, p99, mean = simulate(times, clients=64, servers=2, n=20_000)
    assert abs(mean - 32.0) / 32.0 < 0.01
    assert p99 > mean


def test_a_wider_service_time_widens_the_tail_far_less_behind_a_long_queue():
    """Service times of 0.5 and 1.5 (coefficient of variation 0.5): with no queue (2 clients on 2 workers) the p99 is
    the slow service time, 1.5x the mean; behind 62 others a request's latency is a sum of ~32 service times, whose
    spread is about 2.33 x 0.5 / sqrt(32) = 0.2 of the mean at most."""
    no_queue = spread([0.5, 1.5], clients=2, servers=2, n=20_000)
    long_queue = spread([0.5, 1.5], clients=64, servers=2, n=20_000)
    assert abs(no_queue - 1.5) < 0.02
    assert 1.05 < long_queue < 1.25
    assert spread([1.0], clients=64, servers=2, n=2_000) == 1.0


def test_the_in_process_request_path_answers_as_gunicorn_would():
    """bench.tail and bench.worker_path drive one request through gunicorn's parser, wsgi.create, an app and its
    response on a socket pair (worker_path.through_gunicorn): here the bare app's, read back by its client."""
    from gunicorn.config import Config

    from bench import bare, worker_path

    cpu, client = worker_path.through_gunicorn(bare.create_app(), worker_path.post_bytes(b'{"text": "x"}', b"k"),
                                               Config())
    try:
        out = b"".join(iter(lambda: client.recv(65536), b""))
    finally:
        client.close()
    assert out.startswith(b"HTTP/1.1 200") and b'"model_version":"bare"' in out and cpu > 0
