"""Entry point for `python -m moderation`."""

from .cli import main

main()
