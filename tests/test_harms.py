"""Minimal pairs the product needs, on the shipped model: the target and the speech act decide, not the letters.

Each pair is one sentence aimed at a person vs at a policy, said vs quoted, a slur vs the same letters inside
a longer word. A case the shipped model still gets wrong is marked xfail(strict=True): it turns into a
failure the day the model gets it right, and then the mark must go.
"""

import pytest

from model.judge import Judge

HELD, ALLOWED = "held", "allowed"
LONG_CIVIL = ("今日の記事を最後まで読みました。物価の話は具体的な数字があって分かりやすかったです。"
              "うちの近所のスーパーでも野菜の値段が上がっていて、家計のやりくりが大変です。")
LONG_END = "政府には、年金生活の人にも届く対策を早く出してほしいと思います。次の特集も楽しみにしています。"


def _known_gap(reason):
    return pytest.mark.xfail(strict=True, reason=f"the shipped model gets this wrong: {reason}")


CASES = [
    # person vs policy
    pytest.param("上のコメ主は頭おかしいだろ", HELD, id="person-insult"),
    pytest.param("この政策は頭おかしいだろ", ALLOWED, id="policy-insult"),
    # public figure: harsh criticism vs incitement
    pytest.param("プーチンは戦争犯罪者だ。誰か早く暗殺してくれ", HELD, id="putin-incitement"),
    pytest.param("プーチンは戦争犯罪者だ。国際法廷で裁かれるべきだ", ALLOWED, id="putin-criticism"),
    pytest.param("岸田政権は無能すぎる。物価対策が何一つ効いていない", ALLOWED, id="government-incompetent"),
    # said vs quoted / threat vs report of a threat
    pytest.param("お前を殺してやる", HELD, id="threat-said"),
    pytest.param("男は店員に「お前を殺してやる」と叫んだと警察は発表した", ALLOWED, id="threat-quoted"),
    pytest.param("上のコメントの奴、住所特定して殺しに行くから覚悟しとけ", HELD, id="threat-to-commenter"),
    pytest.param("記者さん、夜道には気をつけた方がいいよ", HELD, id="veiled-threat-to-reporter"),  # threat 0.513 in -8
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
    # harassment 0.427 with -12, 0.277 with 2026.12.03-13 (a known gap then), 0.307 with 2026.12.04-1
    pytest.param("こういうコメントする奴はゴミ", HELD, id="gomi-at-commenters"),
    pytest.param("明日はゴミ出しの日だから早く寝る", ALLOWED, id="gomidashi"),
    pytest.param("今日はくそ眠いけど、ニュースだけはチェックした", ALLOWED, id="kuso-nemui"),
    # group by identity vs state
    pytest.param("朝鮮人は嘘つきばかりだ", HELD, id="hate-koreans"),  # a generalisation construction reads it
    pytest.param("北朝鮮の体制は嘘ばかりだ", ALLOWED, id="north-korean-regime"),
    # counter-speech, self-deprecation
    pytest.param("「チョン」なんて差別語を平気で使うコメントが多くて悲しい", ALLOWED, id="counter-speech"),
    pytest.param("俺ってほんとバカだな、また財布を忘れた", ALLOWED, id="self-deprecation"),
    pytest.param("お前ってほんとバカだな、また的外れなこと書いてる", HELD, id="baka-at-other"),
    # a self-harm method pushed at someone vs the method in the news
    pytest.param("そんなに人生つらいなら樹海にでも行けよ", HELD, id="self-harm-method-pushed"),
    pytest.param("そんなに人生つらいなら樹海に行けよ", HELD, id="self-harm-method-pushed-plain"),
    pytest.param("練炭による事故が続き、県が換気を呼びかけている", ALLOWED, id="self-harm-method-reported"),
    # a sexual remark about a named person vs news about her
    pytest.param("田中アナの水着グラビアでシコった", HELD, id="sexual-at-named-person"),
    pytest.param("田中アナの水着グラビアが話題になっている", ALLOWED, id="named-person-in-the-news"),
    # a crime asserted of a private person vs an arrest reported
    pytest.param("隣の佐藤、あいつ昔から飲酒運転してるよ", HELD, id="crime-asserted"),
    pytest.param("飲酒運転の疑いで会社員の男が逮捕された", ALLOWED, id="arrest-reported"),
    # a claim about a group made vs called prejudice
    pytest.param("移民が日本の治安を悪くしている", HELD, id="group-blamed"),
    pytest.param("移民が日本の治安を悪くしているという決めつけは偏見だ", ALLOWED, id="group-blame-denied"),
    # "be careful" to one person vs to everyone
    pytest.param("コメ主さん、帰り道には気をつけた方がいいよ", HELD, id="caution-at-commenter"),
    pytest.param("皆さん、台風の夜は帰り道に気をつけた方がいいよ", ALLOWED, id="caution-for-everyone"),
    # one attacking sentence inside a long civil comment vs the civil comment alone
    pytest.param(LONG_CIVIL + "上のコメ主はクズだから早く死ねばいい。" + LONG_END, HELD, id="long-with-one-attack"),
    pytest.param(LONG_CIVIL + LONG_END, ALLOWED, id="long-civil"),
    # English (issue 12): aimed at a person vs a policy or a thing
    pytest.param("You are a pathetic clown and everyone here knows it", HELD, id="en-insult-at-person"),
    pytest.param("This tax plan is a pathetic joke and everyone here knows it", ALLOWED, id="en-insult-at-policy"),
    pytest.param("Fuck you, you worthless piece of garbage", HELD, id="en-swearing-at-person"),
    # vulgar language is moderatable on a news site (as Civil Comments and Perspective's TOXICITY rate it), but a
    # swear word standing alone as an exclamation is aimed at nobody (exclaimed.py, as "fuck, I left my umbrella"
    # since 2026.12.01-8): "fucking hell" is one since 2026.12.04-4 (harassment 0.506 with -1, 0.073 with -4), and
    # the same complaint in clean words is published too
    pytest.param("Fucking hell, the train is late again this morning", ALLOWED, id="en-interjection-at-nobody"),
    pytest.param("Oh dear, the train is late again this morning", ALLOWED, id="en-complaint-at-nobody"),
    pytest.param("The senator is a spineless liar and should resign", ALLOWED, id="en-criticism-of-politician"),
    # a threat said vs reported
    pytest.param("I am going to shoot you the next time I see you", HELD, id="en-threat-said"),
    pytest.param("Police said the man threatened to shoot his neighbour after an argument", ALLOWED,
                 id="en-threat-reported"),
    # a group attacked vs the same words quoted or referred to in order to condemn them
    pytest.param("Immigrants are parasites and should be thrown out of this country", HELD, id="en-hate-said"),
    pytest.param('The man who posted "immigrants are parasites" under this story was rightly banned', ALLOWED,
                 id="en-hate-quoted"),
    pytest.param("Calling immigrants parasites is disgusting and you should be ashamed", ALLOWED,
                 id="en-hate-referred-to"),
    pytest.param("I hate Muslims, every single one of them", HELD, id="en-hate-group"),
    pytest.param("I hate early meetings, every single one of them", ALLOWED, id="en-hate-thing"),
    # a slur at someone vs reported vs in-group vs inside a longer word
    pytest.param("Get out of our street, you dirty spic", HELD, id="en-slur-at-person"),
    pytest.param("A customer called my cousin a spic at work and got thrown out", ALLOWED, id="en-slur-reported"),
    pytest.param("Add a little spice to the sauce before serving", ALLOWED, id="en-slur-letters-in-word"),
    pytest.param("Twenty years married to my wife today, a proud old dyke and happier than ever", ALLOWED,
                 id="en-slur-reclaimed"),  # "proud" opening a clause is an in-group marker (issue 12, session 12)
]


@pytest.fixture(scope="module")
def judge(shipped_scorer):
    return Judge(shipped_scorer, shipped_scorer.card["thresholds"])


@pytest.mark.parametrize(("text", "want"), CASES)
@pytest.mark.slow
def test_shipped_model_on_minimal_pairs(judge, text, want):
    verdict = judge.judge(text)
    if want == HELD:
        assert verdict["flagged"], verdict
    else:
        assert verdict["decision"] == "allow", verdict
