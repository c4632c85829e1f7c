"""What both languages' threat readings share: one sentence's characters, and a threat reported, not made."""

from __future__ import annotations

from moderation.pattern_cache import compiled

_G = r"[^。．.!?！？\n]"  # any character inside one sentence
_KANA = r"[ぁ-んァ-ヶー]"


# the と of an adverb or of こと is no quotation (二度と書き込むな, もっと投稿しろ, ずっと, ちゃんと, わざと, 次々と,
# 平然と; ひどいこと言った): what follows it is the writer's own verb, not someone else's words reported
# (上のコメ主…。二度と書き込むな read a reported threat on 2026.12.05-8)
QUOTATIVE_TO = r"(?<!二度)(?<!っ)(?<!ゃん)(?<!わざ)(?<!々)(?<!然)(?<!こ)と"
THREAT_REPORTED = compiled(QUOTATIVE_TO + r"(?:脅|脅迫|書き込|投稿)|脅迫(?:され|した|容疑|罪)"
                           r"|予告(?:が|を)(?:受|届|し)"
                           r"|(?<![a-z])(?:threatened to|was threatened|threats? against|received threats)")
