"""Scoring: the pinned model artifact per worker, the decision policy and the model registry."""
