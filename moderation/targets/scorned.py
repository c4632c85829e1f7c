"""The harm and scorn said after a slur word that refuse its in-group readings (owned.py, introduced.py): one place."""

from __future__ import annotations

import re

from moderation.pattern_cache import compiled
from moderation.wordlists import DEATH_WISH, DEHUMANIZE, EXPEL, INSULTS_EN, VIOLENCE

# a word of the violence, death-wish, dehumanising, expelling or insult lists (a stem: "burn" holds "burnt") or a harm
# verb they leave out ("queers, we will find you", "fags, we should burn the lot out": owned._called)
HARM_SAID = compiled(r"(?<![a-z'’])(?:" + "|".join(sorted(
    map(re.escape, {w for w in (*DEATH_WISH, *VIOLENCE, *DEHUMANIZE, *EXPEL, *INSULTS_EN) if w.isascii()}),
    key=lambda w: (-len(w), w))) + r"|beat|hurt|attack|batter|bash|punch|kick|smash|torch|hunt|string|die|dead|rid"
    r"|(?:run|drive|thr[eo]w|chuck(?:ed)?|turf(?:ed)?) (?:\w+ )?out|every last one|the lot"
    r"|deserves? (?:everything|what)|(?:had|got) (?:it|what was) coming|not for long|regrets? it)")
# ... and a harm said after a naming ("the couple next door call each other dykes and should be run out of the
# village": scorn by deed, not by word; read2, session 43) or after quoted in-group speech, a veiled one too ("'us
# faggots are here to stay' they chanted, well not for long", "... so dad threw him out": session 44)
HARM_AFTER = compiled(r"[^.!?\n]{0,80}?" + HARM_SAID.pattern)
# scorn said of the one named: an insult, or a word doubting or condemning what they call themselves ("he calls
# himself a faggot, what a disgrace", "a so-called queer"; session 39)
SCORN_WORDS = (r"(?<![a-z'’])(?:" + "|".join(map(re.escape, INSULTS_EN))
               + r"|filthy|disgrace\w*|freaks?|perverts?|degenerates?|sick|sicko|abominations?|vermin"
               r"|animals|unnatural|pretend\w*|so[- ]called|supposedly|apparently)(?![a-z'’])")
SCORN_AFTER = compiled(r"[^.!?\n]{0,80}?" + SCORN_WORDS)
SCORN = compiled(SCORN_WORDS)
# session 51: a menace needs no harm word: the lads, a weapon or a fire brought along ("homos unite, the pub is back on
# thursday and so are the lads with the bats"): refuses a rallying call and the word naming the writer's kind
MENACE = compiled(r"(?<![a-z'’])(?:(?:the )?(?:lads|boys)|bats?|bricks?|petrol|ropes?|knives|knife|crowbars?|guns?"
                  r"|shotguns?|lighters?|matches|torches)(?![a-z'’])")
