"""Session 38's threat forms (issue 12, ja): each read as who is aimed at, what is done or exposed, and the will.

2026.12.05-2 allowed 貼っといてやる (two auxiliaries chained), ばら撒いてやる, 待ち伏せしてやる, …の場所、もう知ってる
からな and 痛みってものを教えてやる: no signal read them (moderation/targets/exposed.py,
moderation/targets/threat_ja.py). Each civil neighbour keeps the form and changes one part: no one singled out, no will
right after it, an office's or a shop's place, a pleasure or a remedy taught.
"""

import pytest

from moderation.features.signals import signal_dict

EXPOSED = [
    "お前の本名、掲示板に貼っといてやるよ",  # two auxiliaries chained
    "コメ主の住所、ネットに載せておいてやる",
    "こいつの勤務先、まとめサイトに書き込んどいてやる",
    "スレ主の顔写真、晒しといてやるからな",
    "あいつの電話番号、ネット中にばら撒いてやる",  # ばら撒く with someone singled out
    "お前の嫁の顔写真、ばらまいてやるからな",
    "てめえの実家の場所、とっくに知ってるからな",  # the place told as known, with insistence
    "あんたの職場がどこか、もう知ってるぞ",
    "コメ主の住んでるとこ、知ってんだぞ",
]

THREATS = [
    "上の奴、駅の改札で待ち伏せしてやる",  # an ambush the writer will lie in
    "あの記者、帰りに待ち伏せしたるわ",
    "コメ主、家の前で待ち伏せするからな",
    "お前、明日待ち伏せしといてやる",
    "お前に痛みってものを教えてやる",  # pain or fear taught
    "こいつには本当の恐怖を教えてやろうか",
    "記者さんに地獄ってやつをたっぷり教えてやるよ",
    "お前にこの世の地獄を教えてやる",  # session 40: possessed by no thing of the list
    "お前の家の前でサプライズ用意して待ち伏せしてやるよ",  # the surprise not what the ambush is
]

CIVIL = [
    "教えてやるよ、この店のラーメンはうまい",  # a favour, nothing harmful taught
    "腰痛の痛みを和らげる方法を教えてやる",  # the remedy is what is taught
    "将棋の面白さってものを教えてやるよ",
    "記者が待ち伏せ取材をしていた",  # the ambush reported, no will
    "「待ち伏せしてやる」と脅した男が逮捕された",
    "記者を自宅前で待ち伏せすると脅した疑い",
    "友だちを校門で待ち伏せして驚かせた",
    "外で記者が待ち伏せしてるから裏口から出よう",
    "会社の場所は駅前",  # a place known of no one singled out
    "市役所の場所ならもう知ってるから大丈夫",
    "お前の家の場所知ってるから、迎えに行くよ",  # known as a reason, not insisted on
    "新しい店の場所、もう知ってるよ",
    "政府は給付金をばら撒くだけだ",  # ばら撒く of money, leaflets
    "駅前でチラシをばら撒いた",
    "資料、机の上に置いといてやるよ",  # the chained auxiliary of an errand
    "お店の地図、メモに書いといてやるよ",
    "出待ちで2時間待ち伏せしてやっとサインをもらえた",  # やっと "at last", not a will (read2, session 38)
    "待ち伏せするわけないだろ、ただの偶然だよ",  # わけ: a denial
    "パパラッチが女優の自宅前に待ち伏せしに行くのは問題だ",  # the ambush as a clause's subject
    "あいつの店の場所知ってるからね、今度一緒に行こう",  # a third person's place, talked about
    "あんたの店の場所知ってるからね、今度寄るよ",  # a shop's place is public
    "ドッキリで待ち伏せしてやろう、誕生日だし",  # session 40: an ambush for fun
    "サプライズ待ち伏せしてやるから、駅に着いたら連絡して",
    "このゲームの恐怖を教えてやるよ、夜中にやってみ",  # pain or fear possessed by a thing: an experience shared
    "激辛ラーメンの地獄を教えてやる",
    "お化け屋敷の本当の恐怖を教えてやるよ",
]


# session 39: the place told as known, then what follows it: a tie of the writer's own (a shared school or workplace,
# a business relation, a past together) says how they know it; menace or nothing after it leaves the place told.
# Each pair keeps the opening and changes what follows
TOLD_THEN = [
    # one's own workplace known alone is read
    ("お前の勤務先知ってるからな", "お前の勤務先知ってるからな、前に同じ部署だったろ"),
    ("お前の会社知ってるからな", "お前の会社知ってるからな、うちの得意先だし"),
    ("てめえの学校知ってるからな、覚悟しとけ", "てめえの学校知ってるからな、同じ中学だったし"),
    ("お前の職場知ってるぞ、上司に電話してやろうか", "お前の職場知ってるぞ、俺も去年までそこで働いてたからな"),
    ("お前の実家知ってるぞ", "お前の実家知ってるぞ、小学校の同級生だろ"),
    ("お前の家知ってるぞ、今すぐ行くから待ってろ", "お前の家知ってるぞ、昔隣に住んでたからな"),
    ("あんたの職場がどこか、もう知ってるぞ。逃げられると思うなよ",
     "あんたの職場がどこか、もう知ってるぞ。一緒に働いてたじゃん"),
    ("お前の学校知ってるぞ", "お前の学校知ってるぞ、俺も同じ高校だったからな"),  # read2, session 38
    ("お前の会社知ってるぜ", "お前の会社知ってるぜ、うちの取引先じゃん"),
]

# a relation named as the audience of what is told, or 同じ of revenge, is no tie
TOLD_TO_THEM = [
    "お前の会社知ってるからな、同僚に全部バラしてやる",
    "お前の学校知ってるぞ、同じクラスの奴らに言いふらしてやる",
    "お前の家知ってるからな、同じ目に遭わせてやる",
    "コメ主の職場知ってるぞ、取引先にも教えとくわ",
]


# a tie with menace after it is no acquaintances' talk: a stalker often knows the place because they shared it
# (read2, session 39)
TIE_THEN_MENACE = [
    "お前の職場知ってるぞ、同じ部署だったからって容赦しないからな",
    "てめえの会社知ってるからな、うちの取引先だし、全部ばらしてやる",
    "お前の家知ってるぞ、昔隣に住んでたからな。今夜行くから待っとけ",
    "お前の学校知ってるぞ、俺も同じ中学だった。逃げられると思うなよ",
]


# session 40: a bare relation before 、 / 。 or at the end is a vocative, said to the one addressed: no tie; the same
# noun with a copula after it or the writer's own before it says how the writer knows the place
VOCATIVE_THEN_TIE = [
    ("お前の勤務先知ってるからな、先輩。", "お前の勤務先知ってるからな、先輩だし。"),
    ("お前の職場知ってるぞ、同僚", "お前の職場知ってるぞ、同僚じゃん"),
    ("てめえの学校知ってるぞ、後輩、", "てめえの学校知ってるぞ、後輩だろ、"),
    ("お前の会社知ってるからな、お得意さん。", "お前の会社知ってるからな、うちのお得意さん。"),
    ("お前の実家知ってるぞ、同級生", "お前の実家知ってるぞ、俺の同級生"),
]


@pytest.mark.parametrize(("vocative", "tie"), VOCATIVE_THEN_TIE)
def test_a_relation_said_to_the_one_addressed_is_no_tie(vocative, tie):
    assert (signal_dict(vocative)["pii_exposed"], signal_dict(tie)["pii_exposed"]) == (1.0, 0)


@pytest.mark.parametrize("text", TIE_THEN_MENACE)
def test_a_tie_with_menace_after_it_leaves_the_place_told(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


@pytest.mark.parametrize(("menace", "tie"), TOLD_THEN)
def test_the_place_told_as_known_is_not_exposed_when_what_follows_is_the_writers_tie(menace, tie):
    assert (signal_dict(menace)["pii_exposed"], signal_dict(tie)["pii_exposed"]) == (1.0, 0)


@pytest.mark.parametrize("text", TOLD_TO_THEM)
def test_a_relation_told_to_is_no_tie(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


@pytest.mark.parametrize("text", EXPOSED)
def test_an_exposure_threatened_in_these_forms_is_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


@pytest.mark.parametrize("text", THREATS)
def test_an_ambush_or_pain_taught_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0


@pytest.mark.parametrize("text", CIVIL)
def test_the_same_forms_aimed_at_no_one_are_neither(text):
    signals = signal_dict(text)
    assert (signals["pii_exposed"], signals["threat_ja"]) == (0, 0)
