"""The deterministic personal-information detector: high precision first (news names offices, not people)."""

import pytest

from model.judge import PROBE, load_cases
from moderation.targets.pii import personal_info
from moderation.text.normalize import normalize


def _exposed(text: str) -> bool:
    t = normalize(text).text
    return personal_info(t, digits=sum(c.isdigit() for c in t))["pii_exposed"] > 0  # as signals() calls it


EXPOSED = [
    ("address and an act", "上のコメ主の家、横浜市緑区長津田5丁目2-8。みんなで凸しようぜ"),
    ("address without a number after 丁目", "この客が住んでるのは杉並区の阿佐谷北3丁目"),
    ("room number and a person", "あいつは207号室に住んでる"),
    ("real name and a way to reach them", "反論してる奴の本名は石田和也。会社に電話しよう"),
    ("workplace and an act", "炎上した店員の勤務先は特定済み、駅前のドラッグストア"),
    ("e-mail of a commenter", "こいつのメールは kumi.t@example.com だから送りまくろう"),
    ("phone of a person", "あいつの携帯 090-0000-5678 に電話しよう"),
    ("english", "his address is 12 Elm Street, go visit him"),
    # a targeted person's class, school or job (written apart from the probe, to check that the rules generalise)
    ("a commenter's class", "上で偉そうに書いてる奴、北高の2年3組の山下だろ。明日学校で待ってるわ"),
    ("a commenter's husband's job", "コメ主の旦那、駅前の郵便局の窓口で働いてる"),
    ("an account's school and an act", "このアカウントの中の人、桜台中学校の国語の先生。保護者にバラそうぜ"),
    ("a child's nursery and pick-up time", "あいつの娘、みどり保育園に通ってる。お迎えは毎日5時"),
    ("a clinic's director", "この記事に文句言ってるおじさん、近所の整骨院の院長。電話しまくろう"),
    ("a number plate", "反対派のあいつ、車は白のプリウスでナンバーは練馬 500 さ 45-67"),
    ("a shop clerk's name", "叩かれてる店員の名前は松本で、シフトは火曜と木曜の夜"),
    ("a son's class", "コメ主の息子、青葉小学校の5年生。校門の前で待ってようぜ"),
    ("a workplace and an act", "こいつの勤め先、新宿の広告代理店。会社にメールしてやろう"),
    # an ex-partner is a private person; a piece posted with a call to punish them is posted to have them hurt
    ("an ex-husband's address", "元夫の住所は横浜市緑区長津田5丁目2-8"),
    ("a phone and a call to punish", "この番号 090-0000-4321 の持ち主、誰か制裁してくれ"),
    ("an address and a call to punish", "横浜市緑区長津田5丁目2-8のあの家、誰か思い知らせてやって"),
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
    ("a school's club in news", "市立西中学校の2年生が全国大会で優勝した"),
    ("a post office's hours", "駅前の郵便局は年末年始も窓口を開けている"),
    ("one's own child", "息子が小学校の5年生になりました"),
    ("one's own husband's job", "うちの夫は銀行に勤めています"),
    ("a shortage in news", "県立病院の看護師不足が深刻だ"),
    ("a suspect in news", "容疑者は県立高校の3年生の少年（17）"),
    ("a shop in the news", "炎上した店の店長が謝罪会見を開いた"),
    ("sympathy and a job", "批判してる人の気持ちも分かる、学校の先生は大変だ"),
    ("agreeing and one's own job", "あいつの言うことは正しい、俺も会社で働いてて同じことを思う"),
    ("generic staff", "コメ主の言う通り、市役所の職員は対応が悪い"),
    ("one's own job after a commenter", "あいつの意見には反対だ。俺も駅前の病院の看護師だけど"),
    ("a company punished in news", "同社の本社は大阪市北区梅田3-1-1。不正をした経営陣を懲らしめてほしい"),
    ("a call to punish with no piece", "悪質な業者は誰か懲らしめてほしい"),
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
    assert len(hits) >= 50  # recall of the detector alone: 37 of 87 before a targeted person's class, school
    # or job counted (the category adds the learnt head)


def test_the_shipped_model_holds_an_address_posted_to_have_someone_punished(shipped_scorer):
    """2026.12.03-12 gave it personal_info 0.13 (neither the ex-partner nor the call was read)."""
    categories = shipped_scorer.score("元夫の住所は横浜市緑区長津田5丁目2-8、誰か懲らしめて").categories
    assert categories["personal_info"] >= shipped_scorer.card["thresholds"]["personal_info"]["review"]


PUNISHED_PUBLIC = ["市役所の住所は札幌市中央区北1条西2丁目。職員の不正を誰か制裁してほしい",
                   "本店は福岡市博多区博多駅前2-1-1です。あの社長には天誅が必要だ"]


@pytest.mark.parametrize("text", PUNISHED_PUBLIC)
def test_a_call_to_punish_beside_an_office_is_no_act_of_exposure(text):
    """2026.12.03-13 counted it (pii_expose_act) whatever the address: personal_info 0.31-0.52 with its heads."""
    assert personal_info(text)["pii_expose_act"] == 0


@pytest.mark.parametrize("text", ["元カノの住所は福岡市博多区博多駅前2-1-1、誰か制裁して",
                                  "スレ主の住所は福岡市博多区博多駅前2-1-1、誰か制裁して",
                                  "文句言ってる店員の住所は福岡市博多区博多駅前2-1-1、誰か制裁して"])
def test_a_call_to_punish_a_private_person_stays_one_beside_a_public_looking_address(text):
    """A commenter or clerk singled out (スレ主, 文句言ってる店員) is as private as an ex-partner."""
    assert personal_info(text)["pii_expose_act"] > 0


@pytest.mark.parametrize("text", PUNISHED_PUBLIC)
def test_the_shipped_model_lets_anger_at_an_office_through(shipped_scorer, text):
    categories = shipped_scorer.score(text).categories
    assert categories["personal_info"] < shipped_scorer.card["thresholds"]["personal_info"]["review"]
