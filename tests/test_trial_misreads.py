"""The s28 trial's missed harms read as constructions (none of these sentences is a probe or suite case): a bomb or a
killing said in the plain form with its day, a group's killing said as a duty, recruiting someone to die with, a group
told to be silent or kept to a role; the same words denied, about the courts, in a film, as exam-week hyperbole, at one
person, quoted or reported are not."""

import pytest

from moderation.features.signals import signal_dict

READ = [
    ("今晩、県庁を爆破します", "threat_ja"),
    ("週末にあの店に放火する", "threat_ja"),
    ("あの国の兵士は皆殺しにすべきだ", "threat_ja"),
    ("あいつらは処刑されるべき", "threat_ja"),
    ("一緒に死ねる人いませんか", "self_harm_push"),
    ("心中相手を探してます", "self_harm_push"),
    # session 29: a group told to be silent or kept to a role (the trial's 女は黙って家事でもしてろ, hate 0.054)
    ("女性は家事だけしてればいい", "hate_statement_ja"),
    ("外国人は口を出すな", "hate_statement_ja"),
    ("女どもは台所に立ってろ", "hate_statement_ja"),
    ("在日は黙っとけ", "hate_statement_ja"),
]
NOT_READ = [
    ("兵士を殺すべきではない", "threat_ja"),
    ("あの被告は死刑にすべきだ", "threat_ja"),
    ("明日はビルを爆破するシーンを撮影する予定", "threat_ja"),
    ("来週、解体工事でビルを爆破する", "threat_ja"),
    ("明日のテスト、みんなで一緒に死のう", "self_harm_push"),
    # the same order at one person or an institution (harassment or opinion), quoted, reported or denied
    ("お前は黙って家事でもしてろ", "hate_statement_ja"),
    ("政府は黙ってろ", "hate_statement_ja"),
    ("「女は黙って家事でもしてろ」なんて時代遅れだ", "hate_statement_ja"),
    ("女は黙って家事でもしてろと言われて育った", "hate_statement_ja"),
    ("女性は黙っていられない", "hate_statement_ja"),
    ("女性は家事をしている時間が長い", "hate_statement_ja"),
    ("女性は政治に口を出すなという人がいるが、おかしい", "hate_statement_ja"),
]


@pytest.mark.parametrize(("text", "signal"), READ)
def test_read(text, signal):
    assert signal_dict(text)[signal] > 0


@pytest.mark.parametrize(("text", "signal"), NOT_READ)
def test_not_read(text, signal):
    assert signal_dict(text)[signal] == 0
