"""An office or a company told as a singled-out person's workplace is where to find them, not a public notice.

Session 35 (issue 12, ja): こいつのFacebook見つけた。本名は…、勤務先は神戸市の区役所の税務課 (pi-063) was
personal_info 0.372 with 2026.12.04-7: 区役所 made its pieces `pii_public` (an office's notice), so the real name
next to こいつ was no exposure. A workplace named as someone's (勤務先は, 職場は) beside a singled-out target keeps
the pieces private; an office's own notice, or a workplace named with no target, stays public.
"""

import pytest

from moderation.features.signals import signal_dict

EXPOSED = ["こいつの本名は山下健一、勤務先は横浜市の市役所の戸籍課",
           "あいつの勤め先は県庁の土木課。本名は川口美和",
           "コメ主の本名は石田正、職場は北区役所だってさ"]


@pytest.mark.parametrize("text", EXPOSED)
def test_a_targets_workplace_at_an_office_is_exposed(text):
    signals = signal_dict(text)
    assert signals["pii_exposed"] == 1.0
    assert signals["pii_public"] == 0


PUBLIC = ["市役所の税務課の窓口は平日9時から。電話は045-000-1234",
          "勤務先の証明書は区役所の窓口で出してください。電話は03-0000-1111",
          "本名は山下健一です。勤務先は横浜市の市役所です"]


@pytest.mark.parametrize("text", PUBLIC)
def test_an_offices_notice_or_the_writers_own_workplace_stays_public(text):
    signals = signal_dict(text)
    assert signals["pii_exposed"] == 0
    assert signals["pii_public"] > 0
