"""The code pass answers the guards' tests as the sets do (moderation/needles/bits.py), so no scan is skipped that
the sets would have let run: each test's bit against the sets' answer on what score() asks with (the normalised
text, its characters, the needles found), over written cases and generated texts, and texts over EACH_FROM
characters (where a guard asks each alternative's sets); tests/test_codepass.py's slow tests ask it of adversarial
texts too."""

import random

from moderation.encoded import _codes
from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles.guards import EACH_FROM, Found, strings_of
from moderation.needles.parts import Parts
from moderation.text.normalize import normalize
from tests.support.guard_bits import asked_bits
from tests.test_kernels import texts


def _sample() -> list[str]:
    rng = random.Random(7)
    base = rng.sample(texts(400, seed=41), 360)
    long = ["\n".join(rng.sample(base, 40)) for _ in range(20)]
    return base + long + ["", "a", "死", "殺" * 1200, "the " * 300 + "kill"]


def test_every_guard_bit_is_the_sets_answer():
    passes, fails, over = [0] * len(FP._BITS.asked), [0] * len(FP._BITS.asked), 0
    for text in _sample():
        norm = normalize(text)
        hits = code_pass(_codes(norm))
        found = strings_of(FP._NEEDLES.automaton.values, hits.needles)
        want = asked_bits(norm.text, norm.chars, found)
        assert hits.passed == want, (text[:80], bin(hits.passed ^ want))
        over += len(norm.text) >= EACH_FROM
        for bit in range(len(passes)):
            passes[bit] += want >> bit & 1
            fails[bit] += not want >> bit & 1
    assert over >= 20
    assert sum(1 for p, f in zip(passes, fails, strict=True) if p and f) >= 40  # most tests go both ways here


def test_the_readers_trigger_bits_go_both_ways():
    """Each reader's trigger set (targets/triggers.py: a bit test_every_guard_bit_is_the_sets_answer compares with the
    sets) passes on some texts of the sample and fails on others."""
    from moderation.targets import denied, pii, reported

    for triggers in (pii.TRIGGERS, reported.TRIGGERS, denied.TRIGGERS):
        assert [FP._BITS.asked[triggers.at + k] for k in range(len(triggers.sets))] == [
            ("trigger", triggers, k) for k in range(len(triggers.sets))]
        seen = [set() for _ in triggers.sets]
        for text in [*_sample(), "お前の住所を晒してやる", "職場に電話しよう", "懲らしめてやれ、勤務先は市役所"]:
            passed = code_pass(_codes(normalize(text))).passed
            for k, answers in enumerate(seen):
                answers.add(passed >> triggers.at + k & 1)
        assert all(answers == {0, 1} for answers in seen), seen


def test_a_guard_asked_with_a_found_reads_its_bit_and_a_plain_set_asks_the_sets():
    for text in ("お前の住所は東京都新宿区1-2-3だろ", "I will kill you, you know where I live", "今日はいい天気"):
        norm = normalize(text)
        hits = code_pass(_codes(norm))
        plain = strings_of(FP._NEEDLES.automaton.values, hits.needles)
        found = strings_of(FP._NEEDLES.automaton.values, hits.needles, hits.passed)
        assert type(found) is Found and found == plain and type(found | plain) is set
        for kind, guard, *_trigger in FP._BITS.asked:
            if kind == "guard":
                assert guard.may_match(norm.text, norm.chars, found) == bool(
                    guard.may_match(norm.text, norm.chars, plain)), (text, guard)
        found.passed = ~hits.passed  # every answer flipped: a Needles reads its bit, not the sets
        for kind, guard, *_trigger in FP._BITS.asked:
            if kind == "guard" and not isinstance(guard, Parts):
                assert guard.may_match(norm.text, norm.chars, found) != guard.may_match(norm.text, norm.chars, plain)
        found.passed = 0  # and a Parts none of whose parts the pass let through has no candidates
        assert not any(guard.may_match(norm.text, norm.chars, found) for guard in FP._SPLIT.values())
