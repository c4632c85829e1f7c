"""Minimal pairs the product needs, on the shipped model: the target and the speech act decide, not the letters.

Each pair is one sentence aimed at a person vs at a policy, said vs quoted, a slur vs the same letters inside
a longer word. A case the shipped model still gets wrong is marked xfail(strict=True): it turns into a
failure the day the model gets it right, and then the mark must go.
"""

import pytest

from model.functional import Judge

HELD, ALLOWED = "held", "allowed"


def _known_gap(reason):
    return pytest.mark.xfail(strict=True, reason=f"the shipped model gets this wrong: {reason}")


CASES = [
    # person vs policy
    pytest.param("上のコメ主は頭おかしいだろ", HELD, id="person-insult"),
    pytest.param("この政策は頭おかしいだろ", ALLOWED, id="policy-insult"),
    # public figure: harsh criticism vs incitement
    pytest.param("プーチンは戦争犯罪者だ。誰か早く暗殺してくれ", HELD, id="putin-incitement",
                 marks=_known_gap("incitement to kill a public figure is allowed (threat 0.29 < 0.3)")),
    pytest.param("プーチンは戦争犯罪者だ。国際法廷で裁かれるべきだ", ALLOWED, id="putin-criticism"),
    pytest.param("岸田政権は無能すぎる。物価対策が何一つ効いていない", ALLOWED, id="government-incompetent"),
    # said vs quoted / threat vs report of a threat
    pytest.param("お前を殺してやる", HELD, id="threat-said"),
    pytest.param("男は店員に「お前を殺してやる」と叫んだと警察は発表した", ALLOWED, id="threat-quoted"),
    pytest.param("上のコメントの奴、住所特定して殺しに行くから覚悟しとけ", HELD, id="threat-to-commenter"),
    pytest.param("記者さん、夜道には気をつけた方がいいよ", HELD, id="veiled-threat-to-reporter"),
    pytest.param("最近このあたり物騒だから、皆さん夜道には気をつけた方がいいよ", ALLOWED, id="night-road-advice"),
    # a slur vs the same letters inside a longer word
    pytest.param("こんな記事にコメントしてるお前はばかだ", HELD, id="baka-at-commenter"),
    pytest.param("北朝鮮はミサイルばかり撃って、国民は飢えている", ALLOWED, id="bakari"),
    pytest.param("上のコメ主、アイコンの顔がブスすぎて笑う", HELD, id="busu-at-commenter"),
    pytest.param("動画のサブスクに入ったけど、見る時間がない", ALLOWED, id="sabusuku"),
    pytest.param("こんな的外れなコメントしか書けないお前はカスだ", HELD, id="kasu-at-commenter"),
    pytest.param("車をカスタムするのが週末の楽しみです", ALLOWED, id="kasutamu"),
    pytest.param("駅前のパチンコ店が来月閉店するらしい", ALLOWED, id="pachinko"),
    pytest.param("シナ人は日本から出ていけ", HELD, id="shina-slur"),
    pytest.param("今回のドラマはシナリオがよくできていた", ALLOWED, id="shinario"),
    # 〜ですしね vs 死ね
    pytest.param("まあ、それも仕方ない。お前は死ね", HELD, id="shine"),
    pytest.param("まあ、それも仕方ないですしね", ALLOWED, id="desushine"),
    # insult at a commenter vs at a thing
    pytest.param("こういうコメントする奴はゴミ", HELD, id="gomi-at-commenters"),
    pytest.param("明日はゴミ出しの日だから早く寝る", ALLOWED, id="gomidashi"),
    pytest.param("今日はくそ眠いけど、ニュースだけはチェックした", ALLOWED, id="kuso-nemui"),
    # group by identity vs state
    pytest.param("朝鮮人は嘘つきばかりだ", HELD, id="hate-koreans"),
    pytest.param("北朝鮮の体制は嘘ばかりだ", ALLOWED, id="north-korean-regime"),
    # counter-speech, self-deprecation
    pytest.param("「チョン」なんて差別語を平気で使うコメントが多くて悲しい", ALLOWED, id="counter-speech"),
    pytest.param("俺ってほんとバカだな、また財布を忘れた", ALLOWED, id="self-deprecation"),
    pytest.param("お前ってほんとバカだな、また的外れなこと書いてる", HELD, id="baka-at-other"),
]


@pytest.fixture(scope="module")
def judge(shipped_scorer):
    return Judge(shipped_scorer, shipped_scorer.card["thresholds"])


@pytest.mark.parametrize(("text", "want"), CASES)
def test_shipped_model_on_minimal_pairs(judge, text, want):
    verdict = judge.judge(text)
    if want == HELD:
        assert verdict["flagged"], verdict
    else:
        assert verdict["decision"] == "allow", verdict
