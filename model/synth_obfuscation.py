"""How synthetic rows are disguised: zero-width characters, look-alikes, spacing, masks, full width."""

from __future__ import annotations

import random

# --------------------------------------------------------------------------------------------
# obfuscation
# --------------------------------------------------------------------------------------------


_ZW = ("\u200b", "\u200c", "\u200d", "\u2060", "\u2061", "\ufeff", "\ufe0f")
_LOOK = {"エ": "工", "ロ": "口", "カ": "力", "タ": "夕", "ト": "卜", "ニ": "二", "ハ": "八", "a": "а", "o": "о",
         "e": "е", "c": "с", "p": "р", "i": "і", "x": "х", "y": "у"}
_MASKS = "○●■×＊"


def _to_fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


_HALF = dict(zip("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー",
                 "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ", strict=True))


def obfuscate(rng: random.Random, s: str, strength: float = 0.5) -> str:
    ops = []
    if rng.random() < strength * 0.5:
        ops.append("zw")
    if rng.random() < strength * 0.4:
        ops.append("look")
    if rng.random() < strength * 0.3:
        ops.append("space")
    if rng.random() < strength * 0.25:
        ops.append("full")
    if rng.random() < strength * 0.2:
        ops.append("half")
    if rng.random() < strength * 0.2:
        ops.append("mask")
    if rng.random() < strength * 0.3:
        ops.append("stretch")
    for op in ops:
        if op == "zw":
            z = rng.choice(_ZW)
            s = "".join(c + (z if rng.random() < 0.25 else "") for c in s)
        elif op == "look":
            s = "".join(_LOOK[c] if c in _LOOK and rng.random() < 0.6 else c for c in s)
        elif op == "space":
            a = rng.randrange(max(1, len(s) - 6))
            sep = rng.choice([" ", ".", "・", "　", "*"])
            s = s[:a] + sep.join(s[a:a + rng.randint(3, 8)]) + s[a + 8:]
        elif op == "full":
            s = _to_fullwidth(s)
        elif op == "half":
            s = "".join(_HALF.get(c, c) for c in s)
        elif op == "mask":
            idx = [i for i, c in enumerate(s) if "\u3040" <= c <= "\u9fff"]
            if idx:
                i = rng.choice(idx)
                s = s[:i] + rng.choice(_MASKS) + s[i + 1:]
        elif op == "stretch":
            s = s + rng.choice(["！！！！", "ーーー", "ｗｗｗｗ", "www", "♪♪♪", "!!!!!"])
    return s
