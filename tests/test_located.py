"""A home found then a visit announced is read as `located_visit`; the same words about a friend, a lost thing's owner,
an interview, or someone else's doxxing told or quoted are not (moderation/targets/located.py). None of these
sentences is a probe case: tests/functional/*_located_visit_probe.jsonl stay the model's test."""

import pytest

from moderation.features.signals import signal_dict

READ = [
    "編集部のあいつの住まい、もう把握してる。連休中に押しかけるわ",
    "スレ主の勤務先が判明した。来週突撃しに行くから",
    "鈴木教授の自宅、調べ上げた。近々顔見に行く",
    "てめえの実家がバレてるぞ。盆休みに訪ねるからな",
    "Finally pinned down that columnist's flat. I'll swing by after work.",
    "Dug up the editor's home address, so we're going to pop round on Sunday.",
    "Worked out where that poster sleeps. Expect visitors.",
    "Senator Clarke lives near the old mill. Someone should stop by once it's dark.",
    # session 28: an errand's words with menace beside them; a home described, not found; the one governor
    "広報部長の自宅わかったぞ。お礼しに行ってやるから震えて待て",
    "Found the columnist's house. I'll pop round to return the favour.",
    "The critic's flat is at number 12 on Mill Road. I'll be outside tonight.",
    "知事の家、調べがついた。今夜行くからな",
]

NOT_READ = [
    "いとこの新しい住まいが分かった。連休中に遊びに行く予定",  # a relative
    "拾った財布の持ち主の住所が分かったので、来週届けに伺います",  # a lost thing's owner
    "スレ主の勤務先が特定され、嫌がらせの電話が相次いだと報じられた",  # someone else's doxxing told
    "「お前の住まい把握した、押しかけるわ」という書き込みは脅迫だ",  # quoted to condemn it
    "Pinned down my godson's new flat. I'll swing by on Sunday with a housewarming plant.",
    "The columnist's home address was leaked on a forum, and the police are investigating.",
    "Tracked down the editor's office and visited her yesterday.",  # a past visit, told
    "Writing \"I've found the editor's flat, I'm on my way\" to anyone is a crime.",
    # session 28: the visit's civil purpose said (a petition, a delivery, thanks, a protest at a public office)
    "Found the alderman's house. I'll be there on Monday with the allotment petition.",
    "Got the editor's address, so we'll drop by tomorrow to deliver the thank-you hamper.",
    "社長の家がわかったので、来週お中元を届けに伺います",
    "教授の職場は大学本部だと分かった。明日、本部前へ抗議に行きます",
]


@pytest.mark.parametrize("text", READ)
def test_a_home_found_then_a_visit_announced_is_read(text):
    assert signal_dict(text)["located_visit"] > 0


@pytest.mark.parametrize("text", NOT_READ)
def test_the_same_words_about_a_friend_a_report_or_a_quotation_are_not(text):
    assert signal_dict(text)["located_visit"] == 0


def test_someone_elses_doxxing_told_is_not_exposure():
    """A news report that a home was found (特定された, 報道) repeats no piece: personal_info's exposure stays off;
    the same finding said by the writer is an exposure."""
    told = signal_dict("投稿者の実家が特定されたとの報道があった。ひどい話だ")
    said = signal_dict("投稿者の実家、特定したわ")
    assert told["pii_exposed"] == 0 and told["pii_expose_act"] == 0
    assert said["pii_expose_act"] > 0


@pytest.mark.parametrize("end", [". ", "。", "！", "？"])
def test_a_full_width_end_ends_an_english_sentence_as_a_stop_does(end):
    """The civil purpose is looked for in the rest of the finding's sentence and the next: two ends on, the petition is
    not the visit's. The span read 。 both inside a sentence and as its end (a run of 。 cost ~1000x a character)."""
    text = f"found the reporter's house{end}i'll be there tonight{end}with the petition"
    assert signal_dict(text)["located_visit"] > 0
