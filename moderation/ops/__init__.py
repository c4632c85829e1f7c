"""Operating the service: health and readiness, JSON logs with request ids, Prometheus metrics."""
