"""The deterministic personal-information detector: high precision first (news names offices, not people)."""

import pytest

from model.functional import PROBE, load_cases
from moderation.targets import personal_info
from moderation.text import normalize


def _exposed(text: str) -> bool:
    t = normalize(text).text
    return personal_info(t)["pii_exposed"] > 0


EXPOSED = [
    ("address and an act", "上のコメ主の家、横浜市緑区長津田5丁目2-8。みんなで凸しようぜ"),
    ("address without a number after 丁目", "この客が住んでるのは杉並区の阿佐谷北3丁目"),
    ("room number and a person", "あいつは207号室に住んでる"),
    ("real name and a way to reach them", "反論してる奴の本名は石田和也。会社に電話しよう"),
    ("workplace and an act", "炎上した店員の勤務先は特定済み、駅前のドラッグストア"),
    ("e-mail of a commenter", "こいつのメールは kumi.t@example.com だから送りまくろう"),
    ("phone of a person", "あいつの携帯 090-0000-5678 に電話しよう"),
    ("english", "his address is 12 Elm Street, go visit him"),
]
NOT_EXPOSED = [
    ("ministry address", "〒100-8950 東京都千代田区霞が関1-2-1 農林水産省"),
    ("company head office", "同社の本社は大阪市北区梅田3-1-1に移転する"),
    ("help line", "悩みがある人は相談窓口 0120-000-000 へ"),
    ("crime scene in news", "事件があったのは札幌市中央区南3条西4丁目の路上"),
    ("one's own home", "実家は大阪の南のほうの田舎です"),
    ("asking about someone's home", "ご自宅は大丈夫でしたか？"),
    ("an outing with colleagues", "映画をみんなで見に行こうって職場の同僚と話してます"),
    ("a character's name", "タンクさんの名前の由来ですか？"),
    ("a date and a price", "11月3日に3-4人で行って1,200円でした"),
]


@pytest.mark.parametrize(("case", "text"), EXPOSED, ids=[c[0] for c in EXPOSED])
def test_exposure_is_detected(case, text):
    assert _exposed(text)


@pytest.mark.parametrize(("case", "text"), NOT_EXPOSED, ids=[c[0] for c in NOT_EXPOSED])
def test_public_and_own_information_is_not_exposure(case, text):
    assert not _exposed(text)


def test_detector_precision_on_the_written_probe():
    """Issue 12 asks precision >= 0.98 of the personal_info category; the detector alone must not be the
    reason it falls short (no false positive allowed on the probe's offices, shops, dates and prices)."""
    cases = load_cases(PROBE)
    hits = [c for c in cases if _exposed(c["text"])]
    wrong = [c["id"] for c in hits if not c["expected"]]
    assert not wrong
    assert len(hits) >= 25  # recall of the detector alone (the category adds the learnt head)
