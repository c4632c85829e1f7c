"""The verb before てやる says whether it is a favour or a resolve (favour_yaru) or a harm (threat_ja).

Session 35 (issue 12, ja): with 2026.12.04-7 a short 〜てやる was held on its n-grams alone (許してやる threat 0.440,
買ってやる 0.584, こころしてやる 0.420): most generated threats end in てやる, and no signal named the verb before it.
A favour done (許して, 買って, 手伝って, 連れてって + やる) or a resolve (心して, 合格して) is now read; a
harm (殺して, しばいて, 潰して, spelt in kana or masked as well) stays a threat and is no favour, and the verbs that
also menace before てやる (可愛がって, 楽にして, 送って, 叩き直して, 見せて) are read as neither.
"""

import pytest

from moderation.features.signals import signal_dict

FAVOURS = ["今回だけは許してやる", "弟にゲーム買ってやった", "引っ越し手伝ってやろうか", "後輩に釣り竿を貸してやった",
           "週末は娘を海に連れてってやるつもり", "もうゆるしてやるよ", "しゃあない、今日はわしが奢ったるわ",
           "猫をいっぱいなでてやった", "こころしてやる", "今度こそ合格してやる", "お前の分も弁当作ってやるよ"]


@pytest.mark.parametrize("text", FAVOURS)
def test_a_favour_or_a_resolve_before_te_yaru_is_read(text):
    signals = signal_dict(text)
    assert signals["favour_yaru"] > 0
    assert signals["threat_ja"] == 0


HARMS = ["お前を殺してやる", "ぶっ殺してやる", "しばいてやるからな", "見つけ出して潰してやる", "ころしてやる",
         "こ○してやる", "コロしてやる", "まじでころしてやる"]


@pytest.mark.parametrize("text", HARMS)
def test_a_harm_before_te_yaru_is_a_threat_and_no_favour(text):
    signals = signal_dict(text)
    assert signals["threat_ja"] > 0
    assert signals["favour_yaru"] == 0


# before てやる these menace as often as they help: no favour is read in them
MENACING = ["たっぷり可愛がってやるよ", "今すぐ楽にしてやる", "あの世に送ってやる", "その根性を叩き直してやる",
            "痛い目見せてやる", "家の前で待ってやるからな", "命取ってやる",
            # read2 (session 35): a lesson taught, a name told, a fight taken on
            "世間の怖さを教えてやるよ", "こいつの実家の住所、みんなに教えてやろうか", "表に出ろ、相手に付き合ってやる"]


@pytest.mark.parametrize("text", MENACING)
def test_a_verb_that_also_menaces_is_no_favour(text):
    assert signal_dict(text)["favour_yaru"] == 0


# the te-form ending a clause, then やる the verb "do": やる気, やってみる, やったこと
DONE_AFTER = ["あの動画を見てやる気が出た", "テレビで見てやってみたくなった", "名前だけ聞いてやったことはない"]


@pytest.mark.parametrize("text", DONE_AFTER)
def test_te_then_the_verb_do_is_no_favour(text):
    assert signal_dict(text)["favour_yaru"] == 0
