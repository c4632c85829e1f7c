"""Japanese menace read by its construction (session 42): the addressed person told on, their name kept for later,
a wish quoted without marks; each against the civil sentence of the same words."""

import pytest

from moderation.features.signals import signal_dict

# our own sentences, not the suites': each menace and its civil twin
MENACE = [
    "お前の会社に今日のこと全部電話してやる",
    "てめえの親に通報してやろうか",
    "あんたの名前、しっかり覚えたぞ",
    "覚えといてやるからな、貴様の顔",
]
CIVIL = [
    "俺から会社に電話しといてやるよ、ゆっくり休め",
    "親に電話してあげたら喜んでたよ",
    "あんたの名前、しっかり覚えたよ。また遊ぼう",
    "この歌詞、覚えといてやるからまた教えて",
    "具合悪いなら、お前のバイト先には俺から電話しといてやる",  # done in advance for them
    "お前の親に連絡してやるから、ここで座って待ってな",  # a reason for what follows
    "こいつの名前、覚えたぞ。いつか大物になる",  # a third person admired
]


@pytest.mark.parametrize("text", MENACE)
def test_menace_at_the_addressed_person_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0


@pytest.mark.parametrize("text", CIVIL)
def test_the_same_words_in_care_or_a_favour_are_not(text):
    assert signal_dict(text)["threat_ja"] == 0


@pytest.mark.parametrize("text, quoted", [
    ("移民は出ていけ、と書いた人が訴えられた", True),  # a wish quoted without marks, condemned
    ("移民は出ていけと投稿した奴は最低だ", True),
    ("移民は出ていけ、と書いた人は正しい", False),  # the writer calls it right: the writer's own
    ("移民は出ていけ、と書いといた。明日も書く", False),  # the writer's own act
    ("二度と投稿するな、出ていけ", False),  # an adverb's と: the writer's own order
    ("また適当なこと書いてる、出ていけ", False),  # こと: no quotation
])
def test_a_wish_quoted_without_marks_is_reported(text, quoted):
    got = signal_dict(text)
    assert (got["quoted_harm"] > 0) is quoted
    assert (got["expel"] > 0) is not quoted


# session 43: a call offered under a condition of the addressed person's plight, or with a message for them, is a
# favour; the same call under a dare's condition (more of what they did) or telling them on is a menace
OFFERS = [
    "熱が三十九度もあるなら、お前の職場に電話してやろうか？",
    "大雪で電車が止まったら、あんたの家族に連絡してやろうか",
    "スマホを落として困ってるなら、お前の親に電話してやろうか",
    "おい、二日酔いで起きられないなら、今すぐお前の会社に連絡してやろうか",
    "風邪ひいたから、てめえのバイト先に電話してやろうか",  # a reason, not a condition
    "お前のバイト先に連絡してやろうか、今日は熱で行けませんって",
    "あんたの家族に電話してやろうか、終電を逃したなら",
    "お前の親に連絡してやろうか、車で迎えに来てもらえるように",
    "とても具合悪いなら、お前の会社に電話してやろうか？",  # とても is no dare
    "薬を飲んでも治らないなら、お前のバイト先に連絡してやろうか",  # a concession inside the plight
    "熱があって書き込めないなら、お前の学校に電話してやろうか",  # cannot: a plight
]
DARES = [
    "また俺の投稿にケチつけたら、お前の職場に電話してやろうか？",
    "これ以上しつこいなら、あんたの家族に連絡してやろうか",
    "謝らないなら、お前の会社に電話してやるからな",
    "熱が出ても許さないなら、お前の親に電話してやろうか",  # a plight word, but dared (ても)
    "熱が出て困ってもいいなら、お前の親に電話してやろうか",
    "風邪ひいたって書き込むなら、お前の学校に電話してやろうか",  # the colloquial concessive
    "熱があろうが書き込むなら、お前の会社に電話してやろうか",  # the plight is not the condition's predicate
    "熱があって書き込むなら、お前の会社に電話してやろうか",  # another verb between the plight and なら
    "遅刻ばかりのくせに偉そうだな、お前の会社に電話してやろうか",
    "お前のバイト先に連絡してやろうか、ここで何を書いてるかって",
    "終電がないなら、お前の嫁に電話してやろうか、昨日どこにいたかって",  # a plight, then what is told
    "お前の職場に電話してやろうか、仮病で休んでますって",
    "熱があるなら、お前の職場に電話してやろうか？覚悟しとけよ",  # a plight, then a warning
    "熱があるなら、お前の職場に電話してやろうか？仮病で休んでるってな",  # a plight, then a fault told
    "終電がないなら、お前の親に電話してやろうか？誰とどこで遊んでたかもな",  # what they did, as a question
]


@pytest.mark.parametrize("text", OFFERS)
def test_a_call_offered_for_someone_in_a_plight_is_no_threat(text):
    assert signal_dict(text)["threat_ja"] == 0


@pytest.mark.parametrize("text", DARES)
def test_the_call_as_a_dare_or_telling_them_on_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0


@pytest.mark.parametrize("text, menace", [
    ("審判の山田、帰り道は気をつけろよ", True),  # a role and a bare surname: no one's friend
    ("あの議員、通勤途中には気をつけとけ", True),
    ("スレ主、背後に気をつけろ", True),
    ("監督の鈴木、路面が凍ってるから帰り道は気をつけろよ", False),  # a hazard told
    ("店長、また明日な。帰り道気をつけろよ", False),  # a goodbye
    ("雨で滑るから、帰り道は気をつけろよ", False),  # no one named by role
    ("審判の山田様、帰り道は気をつけろよ", False),  # 様: not how a menace names its target
])
def test_a_caution_as_an_order_at_someone_named_by_role(text, menace):
    assert (signal_dict(text)["threat_ja"] > 0) is menace


@pytest.mark.parametrize("text, menace", [
    ("お前の本名は覚えたぞ、ずっと応援してるからな", False),
    ("あんたの顔は覚えたからね！次はサービスしとくよ", False),
    ("お前の本名は覚えたぞ、応援してる連中にも晒してやる", True),  # a welcome's word, then the menace
    ("お前の顔、覚えたからな。次は逃げられないぞ", True),
    ("あの店員、顔は覚えたぞ。ありがとうって言いたい", False),
    ("反論してたやつ、顔は覚えたぞ。覚悟しとけ", True),
])
def test_a_name_kept_with_a_welcome_is_no_threat(text, menace):
    assert (signal_dict(text)["threat_ja"] > 0) is menace


# session 44: the care reading by construction (read2, session 43): the plight is the condition's own predicate, only
# its particle and inflection before なら / たら; from the plight on, a concession of the class voids it. Each pair:
# the dare concedes the plight and then names an absence (休む, 遅刻, 早退, 欠席: plight words themselves), so only
# the concession tells it from its care twin, which gives the plight as the cause
CONCEDED = [  # (dare, care)
    ("熱が出ても休むなら、お前の会社に電話してやろうか",
     "熱が出て休むなら、お前の会社に電話してやろうか"),
    ("風邪でも早退するなら、あんたの学校に連絡してやろうか",
     "風邪でもひいたなら、あんたの学校に連絡してやろうか"),
    ("頭が痛いったって遅刻するなら、お前の職場に電話してやろうか",
     "頭が痛くて遅刻するなら、お前の職場に電話してやろうか"),
    ("二日酔いだって休むなら、お前の上司に電話してやろうか",
     "二日酔いで動けないなら、お前の上司に電話してやろうか"),
    ("具合が悪かろうが欠席するなら、てめえの親に連絡してやろうか",
     "具合が悪くて欠席するなら、てめえの親に連絡してやろうか"),
    ("熱があろうが休むなら、お前の親に連絡してやろうか",
     "熱があって休むなら、お前の親に連絡してやろうか"),
    ("怪我をしていようと遅刻するなら、お前の職場に連絡してやろうか",
     "怪我をして遅刻するなら、お前の職場に連絡してやろうか"),
    ("終電がなかろうと遅刻するなら、あんたの会社に電話してやろうか",
     "終電がなくて遅刻するなら、あんたの会社に電話してやろうか"),
    ("風邪にしても早退するなら、てめえのバイト先に連絡してやろうか",
     "風邪で早退するなら、てめえのバイト先に連絡してやろうか"),
    ("体調が悪いとしても欠席するなら、あんたの家族に電話してやろうか",
     "体調が悪くて欠席するなら、あんたの家族に電話してやろうか"),
    ("熱があるにせよ休むなら、お前の勤め先に連絡してやろうか",
     "熱があって休むなら、お前の勤め先に連絡してやろうか"),
    ("風邪をひいたにしろ早退するなら、お前の学校に連絡してやろうか",
     "風邪をひいて早退するなら、お前の学校に連絡してやろうか"),
    ("電車が遅れたとはいえ遅刻するなら、お前の上司に電話してやろうか",
     "電車が遅れて遅刻するなら、お前の上司に電話してやろうか"),
    ("熱もないのに休むなら、お前の会社に電話してやろうか",
     "熱が下がらなくて休むなら、お前の会社に電話してやろうか"),
    ("咳が出るくせに遅刻するなら、あんたの職場に電話してやろうか",
     "咳が止まらなくて遅刻するなら、あんたの職場に電話してやろうか"),
    ("熱はないけど休むなら、お前の嫁に連絡してやろうか",
     "熱が出たので休むなら、お前の嫁に連絡してやろうか"),
    ("体調は戻ったけれど欠席するなら、お前の親に電話してやろうか",
     "体調が戻らなくて欠席するなら、お前の親に電話してやろうか"),
    ("熱は下がったものの休むなら、お前の学校に電話してやろうか",
     "熱が下がらないので休むなら、お前の学校に電話してやろうか"),
    ("熱がありながらも遅刻するなら、あんたの上司に連絡してやろうか",
     "熱があって遅刻するなら、あんたの上司に連絡してやろうか"),
    ("体調が戻ったにもかかわらず休むなら、お前の職場に電話してやろうか",
     "体調が戻らなくて休むなら、お前の職場に電話してやろうか"),
    ("熱が出たところで欠席するなら、お前の親に電話してやろうか",
     "熱が出て欠席するなら、お前の親に電話してやろうか"),
]
# another verb between the plight and なら, kana or not (the old reading let any 8 kana through), or a verb that
# cannot be done with no plight before it
OTHER_VERB = [  # (dare, care)
    ("具合悪いふりしてさぼるなら、お前の会社に電話してやろうか",
     "具合悪いんだったら、お前の会社に電話してやろうか"),
    ("終電ないとかいうなら、お前の親に連絡してやろうか",
     "終電ないなら、お前の親に連絡してやろうか"),
    ("熱があるってごねるなら、お前の職場に電話してやろうか",
     "熱があるんなら、お前の職場に電話してやろうか"),
    ("熱があってあそぶなら、お前の親に電話してやろうか",
     "熱があって動けないなら、お前の親に電話してやろうか"),
    ("謝ることもできないなら、お前の会社に電話してやろうか",
     "熱があって出勤できないなら、お前の会社に電話してやろうか"),
    ("金を払えないなら、お前の親に電話してやろうか",
     "財布を落として帰れないなら、お前の親に電話してやろうか"),
    ("まともな文章も書けないなら、お前の学校に連絡してやろうか",
     "骨折して書けないなら、お前の学校に連絡してやろうか"),
    ("熱でも休むなら、お前の会社に電話してやろうか",
     "熱でもあるなら、お前の会社に電話してやろうか"),
]


@pytest.mark.parametrize("dare, care", CONCEDED + OTHER_VERB)
def test_a_conceded_plight_or_another_verb_before_the_condition_is_a_dare(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


def test_every_concessive_form_has_a_pair():
    """A form added to the class comes with its own dare and care sentences."""
    import re

    from moderation.targets.menace_ja import _CONCESSIVE
    for form in _CONCESSIVE:
        dares = [dare for dare, _care in CONCEDED if re.search(form, dare)]
        assert dares, form


@pytest.mark.parametrize("text", [
    "薬を飲んでも熱が下がらないなら、お前のバイト先に連絡してやろうか",  # conceded before the plight: it persists
    "とても具合が悪いなら、お前の会社に電話してやろうか",
    "雪で終電に乗れないなら、お前の親に連絡してやろうか",  # cannot, after a plight
    "熱が三十九度もあるなら、お前の職場に電話してやろうか",
])
def test_a_plight_as_the_conditions_own_predicate_is_care(text):
    assert signal_dict(text)["threat_ja"] == 0


# read2's classes of session 44 (our own sentences): a potential is no inability; between two plight words only the
# first's own predicate and a te-link; a fault repeated or scorned; a message naming them tells on them; after a
# call under a plight only nothing, a message for them or care
@pytest.mark.parametrize("dare, care", [
    ("熱があって書き込めるなら、お前の学校に電話してやろうか",
     "熱があって書き込めないなら、お前の学校に電話してやろうか"),
    ("風邪だとか言って休むなら、お前の会社に連絡してやろうか",
     "風邪をひいて休むなら、お前の会社に連絡してやろうか"),
    ("熱を口実に早退するなら、お前の親に電話してやろうか",
     "熱が出て早退するなら、お前の親に電話してやろうか"),
    ("具合悪い割に遊び回って終電逃したなら、お前の嫁に連絡してやろうか",
     "具合が悪くて終電逃したなら、お前の嫁に連絡してやろうか"),
    ("熱があるのにカラオケに行って帰れないなら、お前の親に連絡してやろうか",
     "熱が出て一人で帰れないなら、お前の親に連絡してやろうか"),
    ("また寝坊したら、お前の上司に電話してやろうか",
     "寝坊して間に合わないなら、お前の上司に電話してやろうか"),
    ("どうせ風邪で休むなら、お前の学校に連絡してやろうか",
     "風邪で休むなら、お前の学校に連絡してやろうか"),
    ("謝らないなら、お前の会社に電話してやろうか？お前が毎晩飲み歩いてるって",
     "お前の会社に電話してやろうか？今日は熱で休みますって"),
    ("熱があるなら、お前の会社に電話してやろうか？上司もさぞ驚くだろうな",
     "熱があるなら、お前の会社に電話してやろうか？今日はゆっくり寝てろ"),
])
def test_a_plight_reading_holds_only_by_its_construction(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


# read2's round l (session 44), our own sentences: an absence (遅刻, 寝坊, 休む ...) is care only after a state that
# causes it; a message after the call is care only when what it tells holds their plight or a help
@pytest.mark.parametrize("dare, care", [
    ("うっかり寝坊したら、お前の職場に電話してやろうか",
     "高熱で寝坊したら、お前の職場に電話してやろうか"),
    ("堂々と早退するなら、あんたの学校に連絡してやろうか",
     "具合が悪くて早退するなら、あんたの学校に連絡してやろうか"),
    ("熱があるなら、お前の会社に電話してやろうか？安心しろ、使えない奴だって言っとくから",
     "熱があるなら、お前の会社に電話してやろうか？安心しろ、今日は休むって言っとくから"),
])
def test_an_absence_or_a_message_is_care_only_with_its_plight(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


# read2's round n (session 44), our own sentences: a manner adverb before the plight makes it an excuse; a state the
# person brought on themselves is no cause for an absence
@pytest.mark.parametrize("dare, care", [
    ("わざと風邪ひいて休むなら、お前の会社に電話してやろうか",
     "急に風邪ひいて休むなら、お前の会社に電話してやろうか"),
    ("性懲りもなく熱を出して欠席するなら、お前の学校に連絡してやろうか",
     "子供が熱を出して欠席するなら、お前の学校に連絡してやろうか"),
    ("ひどい二日酔いで休むなら、お前の会社に電話してやろうか",
     "ひどい二日酔いで動けないなら、お前の会社に電話してやろうか"),
])
def test_a_plight_after_a_manner_adverb_or_brought_on_oneself_is_an_excuse(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


# read2's round p (session 45), our own sentences: right before the plight a noun's の is care only when it says whose
# or when the plight is, or what befell them; a routine (恒例の, 例の, 定番の, 毎週の) or a manner (平気で, 余裕で,
# 堂々と, 定期的に, ケロッと) before it makes the plight an excuse; before the chain no other act and no earlier
# clause of any words (飲み歩いて, …挙句、)
@pytest.mark.parametrize("dare, care", [
    ("例の腹痛で欠席するなら、あんたの学校に連絡してやろうか",
     "急な腹痛で欠席するなら、あんたの学校に連絡してやろうか"),
    ("定番の風邪で休むなら、お前の会社に電話してやろうか",
     "子供の風邪で休むなら、お前の会社に電話してやろうか"),
    ("毎週の頭痛で休むなら、あんたの会社に電話してやろうか",
     "昨日の熱がまだ下がらないなら、あんたの会社に電話してやろうか"),
    ("十八番の熱で欠席するなら、お前の学校に連絡してやろうか",
     "持病の頭痛で欠席するなら、お前の学校に連絡してやろうか"),
    ("恒例の飲み会で熱出して休むなら、お前の会社に電話してやろうか",
     "出張先で熱出して休むなら、お前の会社に電話してやろうか"),
    ("平気で風邪ひいて休むなら、お前の会社に電話してやろうか",
     "急に風邪ひいて休むなら、お前の会社に電話してやろうか"),
    ("余裕で熱出して早退するなら、お前の学校に電話してやろうか",
     "学校で熱出して早退するなら、お前の学校に電話してやろうか"),
    ("平然と腹痛で欠席するなら、てめえの親に連絡してやろうか",
     "朝から腹痛で欠席するなら、てめえの親に連絡してやろうか"),
    ("定期的に熱出して休むなら、お前の会社に連絡してやろうか",
     "突然熱出して休むなら、お前の会社に連絡してやろうか"),
    ("ケロッと風邪ひいて休むなら、お前の会社に電話してやろうか",
     "旅先で風邪ひいて休むなら、お前の会社に電話してやろうか"),
    ("飲み歩いて風邪ひいて休むなら、お前の会社に電話してやろうか",
     "薬を飲んでも熱が下がらないなら、お前の会社に電話してやろうか"),
    ("飲み歩いた挙句、風邪ひいて休むなら、お前の会社に電話してやろうか",
     "悪いけど、風邪ひいて休むなら、お前の会社に電話してやろうか"),
])
def test_a_routine_a_manner_or_another_act_before_the_plight_is_an_excuse(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


# read2's rounds c, d, h (session 45), our own sentences: before the plight only a closed class (whose, where, one
# day's time, a cause that befell them); a kept name is welcomed only by a fan's or host's act, never by praise alone,
# and an address kept is a menace
@pytest.mark.parametrize("dare, care", [
    ("自称頭痛で欠席するなら、お前の学校に連絡してやろうか",
     "インフルで熱出して欠席するなら、お前の学校に連絡してやろうか"),
    ("朝の頭痛で欠席するなら、お前の学校に連絡してやろうか",
     "今朝からの頭痛で欠席するなら、お前の学校に連絡してやろうか"),
    ("勢いで熱出して休むなら、お前の会社に電話してやろうか",
     "過労で熱出して休むなら、お前の会社に電話してやろうか"),
    ("お前の住所、覚えたぞ、いい庭じゃないか",
     "お前の名前、覚えたぞ、次も応援してるからな"),
    ("お前の顔は覚えたからな、かっこいい顔が腫れないといいな",
     "お前の顔は覚えたからな、かっこいいからまた来てくれよ"),
])
def test_before_the_plight_only_a_closed_class_and_no_welcome_by_praise(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0


# session 46 (ja-s45's held costs), our own sentences: a body temperature, a chronic disease the person has, living
# alone and a going-around illness are what the plight is made of; a count, a record, a mockery or a dare before them
# is not (三度も, 前科持ち, 自称腰痛持ち, 遊び歩いて)
@pytest.mark.parametrize("dare, care", [
    ("三度も熱出して休むなら、お前の会社に電話してやろうか",
     "四十度も熱が出て休むなら、お前の会社に電話してやろうか"),
    ("前科持ちの腹痛で休むなら、お前の会社に電話してやろうか",
     "偏頭痛持ちの頭痛で休むなら、お前の会社に電話してやろうか"),
    ("月曜病持ちの腹痛で休むなら、お前の会社に電話してやろうか",
     "腰痛持ちで動けないなら、お前の会社に電話してやろうか"),
    ("自称腰痛持ちの腹痛で休むなら、お前の会社に電話してやろうか",
     "喘息持ちで咳が止まらないなら、お前の職場に連絡してやろうか"),
    ("一人暮らしで遊び歩いて風邪ひいたなら、お前の親に電話してやろうか",
     "一人暮らしで風邪で寝込んだなら、お前の親に電話してやろうか"),
    ("流行りの仮病で休むなら、お前の学校に連絡してやろうか",
     "流行りの風邪で休むなら、お前の学校に連絡してやろうか"),
    ("39度の熱が出たって嘘ついて休むなら、お前の会社に電話してやろうか",
     "39度の熱で休むなら、お前の会社に電話してやろうか"),
])
def test_a_fever_a_disease_held_or_living_alone_is_the_plight(dare, care):
    assert signal_dict(dare)["threat_ja"] > 0
    assert signal_dict(care)["threat_ja"] == 0
