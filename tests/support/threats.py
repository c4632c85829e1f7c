"""The threat readings' signal, as the newsroom threat tests ask of a sentence (English and Japanese together)."""

from moderation.features.signals import signal_dict


def threat_read(text: str) -> float:
    """threat_en + threat_ja of `text`: a test asks only whether either reading fired."""
    s = signal_dict(text)
    return s.get("threat_en", 0.0) + s.get("threat_ja", 0.0)
