"""Under a negated modal or verb the polarity of what is refused decides: a harm refused is denied, a good thing
refused to a group is the attack (session 19, en_negated_forms_probe)."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.denied import denied_spans

# each a harm the writer says must not be done, or denies people do, against a good thing refused in the same words
POLARITY = [
    ("Refugees ought never to be jailed for asking for asylum.",
     "Refugees ought never to be sheltered for asking for asylum."),
    ("Gay people should not be bullied at work.", "Gay people should not be employed at work."),
    ("The council must never abandon disabled people.", "The council must never help disabled people."),
    ("We would never mock Muslims at our school.", "We would never welcome Muslims at our school."),
    ("Migrants in Dover never riot.", "Migrants in Dover never integrate."),
    ("Jews have no malice towards anyone.", "Jews have no loyalty towards anyone."),
    ("No Arab should be humiliated at the border.", "No Arab should be admitted at the border."),
]


@pytest.mark.parametrize(("harm", "good"), POLARITY)
def test_a_refused_harm_is_denied_and_a_refused_good_is_a_hate_statement(harm, good):
    assert denied_spans(harm.lower(), positive=False) != [], harm
    assert signal_dict(harm)["hate_statement_en"] == 0, harm
    assert denied_spans(good.lower(), positive=False) == [], good
    assert signal_dict(good)["hate_statement_en"] > 0, good


@pytest.mark.parametrize("text", [
    "Kids shouldn't be allowed on phones at dinner.",  # a grant refused to no group
    "The police must not be allowed to read our messages.",
    "I would never hire a plumber from that firm.",  # no group within three words of the verb
    "We won't serve alcohol to anyone under 18.",
    "I don't work on Sundays.",  # a good deed denied of the writer
])
def test_a_refusal_to_no_group_is_no_hate_statement(text):
    assert signal_dict(text)["hate_statement_en"] == 0, text


def test_a_threat_and_a_refused_group_are_not_denials():
    for text in ("i won't hesitate to hurt you", "you should never have crossed me, i'll hurt you",
                 "i will never accept immigrants here"):  # "accept" is a belief only before "that"
        assert denied_spans(text, positive=False) == [], text
    text = "i will never accept that immigrants are criminals"
    assert [text[a:b] for a, b in denied_spans(text, positive=False)] == ["never accept that immigrants are criminals"]


def test_any_predicate_of_a_negated_modal_is_denied_but_a_grant_and_a_group_adjective_name_the_attack():
    # the modal's predicate as the copula's: denied unless a positive, a grant or a belonging is refused
    for text in ("catholics should not be treated like dirt", "sikhs should never be made to feel unwelcome"):
        assert denied_spans(text, positive=False) != [], text
    for text in ("welsh farmers should not be allowed to vote", "poles must never be given a council flat"):
        assert denied_spans(text) != [] and denied_spans(text, positive=False) == [], text
    assert signal_dict("Gay dentists shouldn't be trusted with patients.")["hate_statement_en"] > 0  # "gay" + a noun
