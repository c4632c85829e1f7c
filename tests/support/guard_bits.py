"""The guards' tests the code pass answers (features.patterns._BITS), asked of the sets as signals asked them."""

from moderation.features import patterns as FP


def asked_bits(t: str, chars: set[str], found: set[str]) -> int:
    """Bit k: test k of FP._BITS asked of `t`, its characters and the needles found (a plain set): a guard's
    may_match, or a construction's gate in signals (its needles, its trigger, each alternative's sets at any
    length), or a reader's trigger set (a character of it or a needle of its strings: targets/triggers.py)."""
    assert type(found) is set  # a Found would be answered from its bits
    passed = 0
    for bit, (kind, guard, *trigger) in enumerate(FP._BITS.asked):
        if kind == "guard":
            ok = guard.may_match(t, chars, found)
        elif kind == "trigger":  # `guard`: a reader's Triggers, `trigger[0]`: the set's place in it
            one, strings = guard.sets[trigger[0]]
            ok = not one.isdisjoint(chars) or not strings.isdisjoint(found)
        else:
            ok = not ((guard.chars is not None and guard.chars.isdisjoint(chars) and guard.strings.isdisjoint(found))
                      or (trigger[0] is not None and chars.isdisjoint(trigger[0]))
                      or (guard.also is not None and not guard.each(t, chars, found)))
        passed |= bool(ok) << bit
    return passed
