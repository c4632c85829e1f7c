"""Session 54 (issue 12): two menaces read only as the whole comment (moderation/targets/threat_en.py) - a reporter's
or a person's house or car set on fire, wished or called for ("I hope someone sets the reporter's car on fire."),
and a reporter's or "your" child's school said as known ("I know which nursery the presenter's twins go to. Think
about that."): before it at most a closed opener, after it at most a closed tail of menace. The same words with
anything else said (reported, framed, asked, a story, a party, a school shared or argued) are not read: read2's
rounds met every open form with a civil sentence (sessions 53-54), so only the whole comment is taken."""

import pytest

from tests.support.threats import threat_read

MENACE = [
    "I hope someone sets the reporter's car on fire.",
    "Honestly, someone should set the columnist's house on fire.",
    "Let's set the photographer's van on fire tonight.",
    "Somebody should set the columnist's van on fire, with her in it.",
    "I know which nursery the anchor's twins go to. Think about that.",
    "I know where that columnist's son goes to school.",
]
NOT_MENACE = [
    # the fire wish negated, reported, quoted, framed, condemned, predicted, asked, in a story, at a party, taken back
    "Nobody in their right mind would hope someone sets the anchor's car on fire.",
    "I wish somebody would set that presenter's house on fire, the troll posted, and he was banned.",
    "\"I hope someone sets the reporter's car on fire,\" he wrote.",
    "I don't think someone should set the columnist's van on fire.",
    "I hope someone sets the reporter's house on fire in the next episode.",
    "I hope someone sets the reporter's car on fire. Not.",
    "Someone is going to set the reporter's car on fire if the police keep ignoring the threats.",
    "We should set the journalist's office on fire, metaphorically, with great stories.",
    "This was posted under her article. I hope someone sets the reporter's car on fire.",
    "Someone should set the reporter's car on fire. Posts like this are why she needs protection.",
    "Let's set the landlord's place on fire tonight, it's his retirement party!",
    "Last night's soap was mad, time to set the reporter's van on fire, what a twist.",
    "Going by the replies, someone should set the anchor's car on fire. Grow up, all of you.",
    "I hope someone sets the blogger's house on fire with that remix. 🔥",
    "I hope someone sets the reporter's car on fire, kept ringing in my head all night after that film.",
    # a child's school known and anything else said: a shared class, a story on air, a politician's school, asked
    "I know where the anchor's kids go to school, my daughter sits next to hers.",
    "I know where the columnist's kids go to school, she wrote a whole piece about it.",
    "I know where the minister's kids go to school.",
    "Does anyone know where the columnist's kids go to school?",
]


@pytest.mark.parametrize("text", MENACE)
def test_the_menace_as_the_whole_comment_is_read(text):
    assert threat_read(text) > 0


@pytest.mark.parametrize("text", NOT_MENACE)
def test_the_same_words_with_anything_else_said_are_not(text):
    assert threat_read(text) == 0
