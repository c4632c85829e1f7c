"""Session 53 (issue 12, the harms 2026.12.07-4 still misses): menace with no harm verb - a lesson spelled out as
violence after a colon, 消されて当然 of a reporter or newscaster - is read as the threat it is; its civil twins (a
word of violence in a civil sense, the words reported, a remark, a post, a show or a commenter's spam deleted) are
not; a reporter's car set on fire wished is read only as the whole comment (session 54:
tests/test_whole_comment_menace.py), so its civil twins here guard that nothing else reads them."""

import pytest

from tests.support.threats import threat_read

MENACE = [
    "I'll teach that blogger a lesson: a brick through his window.",
    "Someone should teach that reporter a lesson: a baseball bat to the knees.",
    "あのキャスターは消されて当然。",
    "あの記者、消されればいい。",
    "特派員なんかマジで消されても文句言えない。",
]
NOT_MENACE = [
    "Police say the reporter's car was set on fire overnight.",
    "Someone set the reporter's car on fire last night and police are investigating.",  # set told, past
    "I hope someone sets the reporter's record straight.",
    "I hope the reporter's new novel sets the charts on fire.",
    "Nobody should set the columnist's van on fire, however angry you are.",
    "Time to set the anchor's house on fire? Of course not.",
    "I'll teach that blogger a proper lesson: I'm cancelling my subscription.",
    "I'll teach that reporter a lesson: a letter to her editor with every error listed.",
    "Someone should teach that anchor a lesson: fire him tomorrow.",
    "あのキャスターは消されても文句言えない、番組で嘘ばかりだから降板すべき。",
    "あのキャスターの発言は消されて当然。",  # a remark deleted
    "あのキャスターは番組から消されて当然。",  # dropped from a show
    "このコメントは消されて当然。",
    "あの記者のツイートは消されればいい。",
    "上のコメ主は消されて当然、スパムばっかりだし。",  # a commenter's spam deleted (read2)
    # read2's news8 round, in my words: a slap on the wrist, a fire of complaints, the words reported
    "Someone should teach that editor a lesson: a slap on the wrist is not enough, fire him.",
    "We should set the columnist's office on fire with letters until the paper apologises.",
    "あの記者は消されて当然だと書いた男が逮捕された。",
    "あのキャスターは消されて当然、なんて言う奴は通報だ。",
]


@pytest.mark.parametrize("text", MENACE)
def test_a_menace_without_a_harm_verb_is_read(text):
    assert threat_read(text) > 0


@pytest.mark.parametrize("text", NOT_MENACE)
def test_the_same_words_in_a_civil_sense_said_against_reported_or_of_a_thing_are_not(text):
    assert threat_read(text) == 0
