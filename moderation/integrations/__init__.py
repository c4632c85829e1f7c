"""What connects the service to news sites: webhooks and their outbox, Akismet and Coral compatibility, the demo."""
