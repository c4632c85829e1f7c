"""The peoples, nationalities and religions comments name are group words, and never a common word that spells the
same (issue 12, session 17): a demonym alone only when the dictionary has it capitalised only, an adjective only
before a word for people. They count as `group_named`, not `group` (session 18), so the listed groups' weight is
learnt from the rows that name them."""

from pathlib import Path

import pytest

from moderation.features.signals import signal_dict
from moderation.wordlists.groups import GROUPS, GROUPS_NAMED, PEOPLES_EN

DICTIONARY = Path("/usr/share/dict/american-english")

NAMED = [
    "Somalis are taking over the flats on our road.",
    "The Sikh men at the temple cooked for the whole town.",
    "My Pakistani neighbours came round with food.",
    "Polish builders fixed the roof in a day.",
    "Nobody asked the Kurds what they wanted.",
    "Hindu families celebrate Diwali on our street.",
    "Syrian refugees arrived at the port last night.",
]

NOT_NAMED = [
    "The telegraph poles came down in the storm.",  # a common word spelt as a demonym
    "Polish the table before the guests arrive.",
    "We had Mexican food and Turkish coffee after the match.",  # an adjective before no word for people
    "Somalia held its election in May.",  # a land's name is no group
    "Sikhism and Hinduism were on the syllabus.",  # no group word inside a longer word
    "Pakistan is hot in June and Israel is too.",  # two words never joined into a group word
    "A herd of hinds crossed the road.",  # one edit from 'hindus', a dictionary word left as it is
]


@pytest.mark.parametrize(("text", "named"), [(t, True) for t in NAMED] + [(t, False) for t in NOT_NAMED])
def test_a_group_is_named_only_by_its_word(text, named):
    assert (signal_dict(text)["group_named"] > 0) is named, text


@pytest.mark.parametrize("text", [t for t in NAMED if "refugees" not in t])  # "refugees" is a listed group word
def test_a_named_group_is_not_a_listed_one(text):
    assert signal_dict(text)["group"] == 0, text


@pytest.mark.parametrize(("text", "signal"), [
    ("Somalis are vermin and should be deported.", "group_attack"),  # the combinations read either kind of group word
    ("The Sikh families on our road are wonderful.", "group_praise"),
    ("Muslims are vermin and should be deported.", "group_attack"),
])
def test_a_named_group_is_read_by_the_combinations(text, signal):
    assert signal_dict(text)[signal] > 0, text


@pytest.mark.skipif(not DICTIONARY.exists(), reason="Debian's wamerican is not installed")
def test_a_demonym_alone_is_never_a_common_word_too():
    words = set(DICTIONARY.read_text(encoding="utf-8", errors="replace").split())
    common = [w for w in PEOPLES_EN if " " not in w and w.capitalize() in words and w in words]
    assert common == []


def test_every_group_word_is_listed_once():
    words = GROUPS + GROUPS_NAMED
    assert len(words) == len(set(words))


@pytest.mark.parametrize("text", ["北朝鮮北朝鮮北朝鮮北朝鮮", "北朝鮮のミサイル発射に抗議する",
                                  "朝鮮半島の非核化は遠い", "北朝鮮のせいで地域の緊張が高まっている"])
def test_a_state_or_a_place_with_a_group_word_inside_names_no_group(text):
    """北朝鮮 and 朝鮮半島 hold 朝鮮 (session 28: 北朝鮮 eight times was hate 0.61): the state and the place are no
    people, so neither the group word nor a hate construction that starts at it reads them."""
    signals = signal_dict(text)
    assert signals["group"] == 0 and signals["hate_statement_ja"] == 0


@pytest.mark.parametrize("text", ["北朝鮮人は出ていけ", "朝鮮は出ていけ", "在日朝鮮人のせいで治安が悪くなった"])
def test_the_people_are_still_a_group(text):
    assert signal_dict(text)["group"] > 0 and signal_dict(text)["hate_statement_ja"] > 0


@pytest.mark.parametrize(("compound", "alone"), [
    ("在日ベトナム人の技能実習生が地元の農家で働いている。", "ベトナム人の技能実習生が地元の農家で働いている。"),
    ("在日ブラジル人の子どもたちがサッカー教室に通っている。", "ブラジル人の子どもたちがサッカー教室に通っている。"),
    ("在日クルド人の家族が市役所で住民登録をした。", "クルド人の家族が市役所で住民登録をした。"),
    ("在日のフィリピン人の看護師が表彰された。", "フィリピン人の看護師が表彰された。"),
])
def test_resident_and_the_group_word_after_it_are_one_mention(compound, alone):
    """在日 joined to a group word (or to it by の) names one group, as the listed 在日韓国人 does (session 30: -12
    counted 在日 and ロシア人 apart, so a civil sentence about 在日ロシア人 scored hate 0.35, 在日韓国人's 0.14)."""
    assert signal_dict(compound)["group"] == signal_dict(alone)["group"] == signal_dict("在日韓国人の家族")["group"] > 0


@pytest.mark.parametrize("text", ["在日と中国人の交流会が開かれた。", "在日、ベトナム人、ブラジル人が集まった。"])
def test_resident_beside_another_group_stays_two_mentions(text):
    """Two groups side by side, not joined, are still counted each."""
    assert signal_dict(text)["group"] > signal_dict("在日韓国人の交流会が開かれた。")["group"]


def test_a_joined_mention_is_still_read_by_the_hate_constructions():
    signals = signal_dict("在日ベトナム人のせいで治安が悪くなった")
    assert signals["group"] == signal_dict("在日韓国人のせいで治安が悪くなった")["group"]
    assert signals["hate_statement_ja"] > 0
