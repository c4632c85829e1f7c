"""The site-facing JSON API: comments, API keys, request validation and the OpenAPI document."""
