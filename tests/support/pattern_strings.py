"""Every compiled pattern's string under moderation/, by module and name: run as a script, printed as JSON."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re


def pattern_strings() -> dict[str, str]:
    """module.NAME (or NAME[i] in a tuple or list) -> its compiled pattern's string, for every module of moderation."""
    import moderation

    out = {}
    for info in pkgutil.walk_packages(moderation.__path__, "moderation."):
        if info.name.endswith("__main__"):  # the command line parses sys.argv when imported
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            items = [(name, value)] if isinstance(value, re.Pattern) else (
                [(f"{name}[{i}]", v) for i, v in enumerate(value) if isinstance(v, re.Pattern)]
                if isinstance(value, tuple | list) else [])
            out.update((f"{info.name}.{key}", p.pattern) for key, p in items)
    return out


if __name__ == "__main__":
    print(json.dumps(pattern_strings()))
