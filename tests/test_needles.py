"""Needle guards only skip scans that would find nothing: every guarded pattern, on texts built from its own
literals, characters and near-misses, matches only where its guard lets the scan run (issue 13: the hot path)."""

import functools
import re
import re._parser as P

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.adversarial import SEPARATORS, _walk, adversarial_inputs
from moderation.automaton import Automaton, split_hits
from moderation.features import links as FL
from moderation.features import patterns as FP
from moderation.features import spans as FSP
from moderation.features import vocabulary as FV
from moderation.needles.guards import EACH_FROM, NeedleIndex, Needles
from moderation.needles.prefixes import BEGIN, _alternation, prefixes
from moderation.needles.starts import _class_source, _first_items, finditer, starts_of
from moderation.targets import constructions as TC
from moderation.targets import pii as TP
from moderation.targets import pii_pieces as TPP
from moderation.targets import reported as TR
from moderation.targets.denied import CUES as DENIAL_CUES
from moderation.targets.owned import STEMS as OWNED_STEMS
from moderation.text import chars as text_chars
from moderation.text import edits as text_edits
from moderation.text import normalize as text_normalize
from moderation.text import patterns as text_patterns
from moderation.text import starts as text_starts
from tests.support.draws import check_piece_texts
from tests.support.shared_tail import TailScan, parsed, piece_runs

GUARDED = {**FP._NEEDLES.guards, **TP._NEEDLES.guards}


@functools.cache
def _pieces(pattern):
    """Worked out once per pattern when a test asks (the guards' pieces worked out at import were 1.7 s CPU of every
    worker's collection, the fast suite's too); callers copy, never change, the list."""
    chars, literals = [], []
    _walk(parsed(pattern), chars, literals)
    return sorted(set(chars) | set(literals) | {lit[:-1] for lit in literals} | set(SEPARATORS) | {"あ", "a", "1"})


def _guards(rx):
    """rx's guard in the signals' needle index and its own, looked up once a pattern, not once a text: a dict lookup
    hashes the compiled pattern's code, up to 0.1 ms for the largest."""
    return FP._NEEDLES[rx], GUARDED[rx]


def _agrees(rx, text, chars=None, needles=None, guards=None):
    """`chars` and `needles`: the text's, given when many guards are asked of one text (read once, not per guard);
    `guards`: _guards(rx), given when one pattern is asked of many texts."""
    found = rx.search(text) is not None
    chars = set(text) if chars is None else chars
    needles = FP._NEEDLES.found(text) if needles is None else needles
    indexed, alone = _guards(rx) if guards is None else guards
    assert indexed.may_match(text, chars, needles) or not found, (rx, text)
    assert alone.may_match(text, chars) or not found, (rx, text)
    if alone.also is not None:  # each alternative's sets, asked of texts of any length here (EACH_FROM)
        assert indexed.each(text, chars, needles) or not found, (rx, text)
        assert alone.each(text, chars) or not found, (rx, text)


@pytest.mark.parametrize("rx", list(GUARDED), ids=lambda rx: rx.pattern[:30])
@pytest.mark.slow
def test_a_guard_never_skips_a_match(rx):
    """On text of the pattern's own pieces, which test_searching_from_where_a_match_starts_finds_the_same_matches
    draws alike (the same strategy): one draw asks both (the two Hypothesis runs, 150 and 60 texts, were 88 s of
    CI's 1,561 s of tests, ~97% of it Hypothesis drawing the texts, not the checks): 150 texts and a Hypothesis run
    of 25 (tests/support/draws.py)."""
    forced, spelled, guards, own = _every_start(rx), _every_prefix(rx), _guards(rx), ALL_GUARDED[rx]

    def check(text):
        _agrees(rx, text, guards=guards)
        _found_from_starts(rx, forced, spelled, text, own)

    check_piece_texts(check, _pieces(rx), 150, 25, rx.pattern)


def test_guards_skip_what_cannot_match():
    ordinary = "今日のニュース、とても考えさせられました。増税の議論はもっと丁寧にしてほしいと思います。"
    skipped = [rx for rx in GUARDED if not FP._NEEDLES[rx].may_match(ordinary, set(ordinary),
                                                                            FP._NEEDLES.found(ordinary))]
    assert TC.THREAT_EN in skipped and TC.THREAT_JA in skipped and TPP.EXPOSE in skipped
    assert len(skipped) >= len(GUARDED) - 3


@pytest.mark.parametrize(("pattern", "chars", "strings"), [
    (r"abc", set(), {"abc"}),
    (r"(?<![a-z])(?:kill|hurt)s?", set(), {"kill", "hurt"}),
    (r"[@＠][a-z]{4,}", {"@", "＠"}, set()),
    (r"晒(?:す|し|され)", {"晒"}, set()),  # the kanji, not the common kana after it
    (r"x*|y", None, None),  # an alternative that can match nothing: no guard
    (r"(?i)abc", None, None),
    (r".abc?", set(), {"ab"}),
])
def test_needles_of_a_pattern(pattern, chars, strings):
    guard = Needles(re.compile(pattern))
    assert guard.chars == (None if chars is None else frozenset(chars))
    assert guard.strings == (frozenset() if strings is None else frozenset(strings))


def test_index_finds_overlapping_needles():
    index = NeedleIndex([re.compile("abcd"), re.compile("bcde|zz")])
    assert index.found("xabcdex") == {"abcd", "bcde"}


@pytest.mark.slow  # 300 texts of up to 400 characters normalised: 1.35-1.47 s of the fast suite (load 5)
@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(list("AaBbＡａ！!？?ｗwー－ 　ﾊﾟ工口ΑαЕе死ね1\n")), max_size=400))
def test_normalisation_shortcuts_change_nothing(text):
    """The replace-based translate and the numpy search for character runs agree with what they stand for."""
    text_normalize.normalize(text)  # learns the characters
    present = set(text)
    if not present & text_chars._NOT_ONE:
        assert text_chars._translate(text, present & text_chars._MAPPED.keys()) == text.translate(text_chars._TABLE)
    long = text * (200 // max(len(text), 1) + 1)
    for sample in (text, long, text.replace("a", "1")):
        assert [m.span() for m in text_starts._RUNS.finditer(sample)] == [
            m.span() for m in text_patterns._RUN.finditer(sample)]


def _segment_list(segments):
    """_edit's segments as a list of tuples, whether it gave a list or (for many) four arrays."""
    if isinstance(segments, tuple):
        return list(zip(*(part.tolist() for part in segments), strict=True))
    return list(segments)


RUN_PIECES = ["www.", "aaa", "ああああ", "111", "0000", "   ", "\u3000\u3000\u3000", "😊😊😊", "ww", "x", "。",
              "\n\n\n", "---", "ｗｗｗ", "\t\t\t", "!!!!"]


@pytest.mark.slow  # 400 texts of up to 120 runs: 1.6 s of the fast suite (s30, load 2-3); make test runs it
@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(RUN_PIECES), max_size=120).map("".join))
def test_runs_squashed_by_numpy_as_by_the_pattern(text):
    """_squash_runs (the runs' ends and kinds by numpy) gives what _edit gives over _RUN's matches, few or many."""
    for sample in (text, text * 4):
        expected = text_edits._edit(sample, text_starts._RUNS, text_edits._squash)
        got = text_edits._squash_runs(sample, text_starts._starts_in(sample)[0])
        assert (got[0], _segment_list(got[1]), got[2]) == (expected[0], _segment_list(expected[1]), expected[2])


@pytest.mark.slow
def test_runs_squashed_by_numpy_on_the_adversarial_inputs():
    many = 0
    for _name, text in adversarial_inputs(2000):
        runs = text_starts._starts_in(text)[0]
        if runs.size:
            expected = text_edits._edit(text, text_starts._RUNS, text_edits._squash)
            got = text_edits._squash_runs(text, runs)
            assert (got[0], _segment_list(got[1]), got[2]) == (expected[0], _segment_list(expected[1]), expected[2])
            span = len(text) - len(expected[0]) + 2 * expected[2]  # characters inside the runs
            many += expected[2] >= text_edits._MANY_EDITS or span >= text_edits._MANY_KEPT
    assert many >= 20  # the numpy path was taken


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(list("しね死ーa bz-c・ 　.今日は、,x1\n")), max_size=120))
def test_spacing_patterns_tried_from_their_starts_find_the_same_matches(text):
    """The spacing patterns tried only where numpy finds a start (a long text), and runs of spaces found by
    str.find, match exactly where the patterns' own scans do."""
    long = text * (text_chars._LONG_SET // max(len(text), 1) + 1)
    for sample in (text, long):
        for starts in (text_starts._SPACED_JA_STARTS, text_starts._SPACED_LATIN_STARTS):
            assert [m.span() for m in starts.finditer(sample)] == [m.span() for m in starts.pattern.finditer(sample)]
        assert [m.span() for m in text_starts._SPACES.finditer(sample)] == [
            m.span() for m in text_patterns._WS.finditer(sample)]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from([*_pieces(FP._URL), "http://", "hxxps://", "www.", ".com", ".co.jp/",
                                      ".top", "mufg-secure", "a", "1", "-", "@", ".", "/x", " ", "。"]),
                     max_size=30).map("".join))
@pytest.mark.slow
def test_the_url_pre_check_never_skips_a_url(text):
    """signals looks for URLs only in a text _URL_NEEDED finds something in."""
    assert FP._URL.search(text) is None or FP._URL_NEEDED.search(text) is not None


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["0", "1", "9", "٣", "00", "090", "123", "-", " ", "  ", "\n", "+", "a", "-1",
                                      "1-", "万", "　"]), max_size=30).map("".join))
@pytest.mark.slow
def test_the_phone_pre_check_never_skips_a_phone_number(text):
    """signals looks for phone numbers only in a text _PHONE_NEEDED finds five digits in."""
    assert FP._PHONE.search(text) is None or FP._PHONE_NEEDED.search(text) is not None


ALL_GUARDED = {**GUARDED, **text_starts._OBFUSCATION_INDEX.guards}


def _every_start(rx):
    """The start class of `rx` even where searching for it would not pay (so the reasoning is tested on all)."""
    first, nullable = _first_items(parsed(rx))
    source = None if first is None or nullable or not first else _class_source(first)
    return None if source is None else re.compile(source)


def _every_prefix(rx):
    """The alternation of the strings `rx`'s matches start with, even where starts_of would not use it."""
    strings = prefixes(parsed(rx), rx.flags & re.ASCII)
    return None if strings is None else re.compile("|".join(
        [r"\A"] * (BEGIN in strings) + [re.escape(s) for s in strings if s != BEGIN]))


def _found_from_starts(rx, forced, spelled, text, own):
    """finditer from the start characters (every start class, every prefix, the guard's own: ALL_GUARDED[rx]) is
    rx.finditer."""
    want = [m.span() for m in rx.finditer(text)]
    assert [m.span() for m in finditer(rx, forced, text)] == want, (rx, text)
    assert [m.span() for m in finditer(rx, spelled, text)] == want, (rx, text)
    assert [m.span() for m in own.finditer(text)] == want, (rx, text)


@pytest.mark.parametrize("rx", list(ALL_GUARDED), ids=lambda rx: rx.pattern[:30])
@pytest.mark.slow
def test_searching_from_where_a_match_starts_finds_the_same_matches(rx):
    """finditer from the start characters gives exactly the pattern's own finditer, fallback included: on text of
    the pattern's own pieces (a guarded pattern's are drawn in test_a_guard_never_skips_a_match's run, 150 texts)
    and on runs of start characters that fail, then matches."""
    forced, spelled, own = _every_start(rx), _every_prefix(rx), ALL_GUARDED[rx]
    pieces = _pieces(rx)
    if rx not in GUARDED:
        check_piece_texts(lambda text: _found_from_starts(rx, forced, spelled, text, own), pieces, 60, 25, rx.pattern)
    searched = [s for s in (forced, spelled) if s is not None]  # None: finditer is rx.finditer, the reference itself
    guard = own if own.starts is not None else None  # likewise
    for text, want, run, tail in piece_runs(rx, pieces):  # many start characters that fail, then matches
        for starts in searched:  # where the start search gives up, the engine's scan is read from the shared tail
            assert [m.span() for m in finditer(rx, starts, text, TailScan(tail, run))] == want, (rx, text)
        assert guard is None or [m.span() for m in guard.finditer(text)] == want, (rx, text)


def test_a_match_at_the_start_of_the_text_is_found_from_its_starts():
    """_LINE_ID's "@handle" alternative begins with ^: a start search finds it at the text's start, and "@" elsewhere
    (not after a space or a bracket) is no start at all (a text full of "@" left the engine to try every position)."""
    guard = FP._GUARDS[FP._LINE_ID]
    for text in ("@abcde x", "x @abcde", '"@"@"@' * 50 + " @abcde"):
        assert [m.span() for m in guard.finditer(text)] == [m.span() for m in FP._LINE_ID.finditer(text)]
    assert guard.starts.search('"@"@"@"@', 1) is None


def test_start_search_is_used_where_it_pays():
    assert ALL_GUARDED[FP._MONEY_AMOUNT].starts is not None and ALL_GUARDED[TPP.PHONE].starts is not None
    assert starts_of(re.compile(r"[a-z]+x")) is None  # the engine skips to a class itself
    assert starts_of(re.compile(r"(?<![a-z])(?:[a-z]|xy)")) is None  # English letters alone: everywhere
    assert starts_of(re.compile(r"(?<!\d)\d+円")).pattern == r"[\d]"  # \d is too many characters to spell
    # strings, not their first letters: English text offers a 'c' at every other word, a 'cat' rarely
    assert starts_of(re.compile(r"(?<![a-z])(?:cat|dog|bird|fish|eel)")).pattern == "bir|cat|dog|eel|fis"
    assert starts_of(FP._NAMED).search("お疲れさまでした、田中さん").start() == 11  # not さ of さま
    assert starts_of(FP._LINE_ID) is not None  # the space before an @ handle spelled out


@pytest.mark.parametrize(("pattern", "strings"), [
    (r"abc", {"abc"}),
    (r"(?<![a-z])(?:kill|hurt)s?", {"kil", "hur"}),
    (r"(?:^|[(（])[@＠]x", {BEGIN, "(@x", "(＠x", "（@x", "（＠x"}),  # ^: at the text's start, nothing else known
    (r"a^b|cd", {"cd"}),  # a match can never go on past a ^ after a character
    (r"a?bc", {"abc", "bc"}),
    (r"ab+c|abd", {"ab"}),  # ab is a prefix of abd: the shorter is enough
    (r"x*|y", None),  # can match the empty string
    (r".abc", None),
    (r"\dabc", None),
])
def test_prefixes_of_a_pattern(pattern, strings):
    found = prefixes(P.parse(pattern))
    assert found == (None if strings is None else frozenset(strings))


_WORD_SAMPLE = ["しね", "ばか", "kill", "die", "the word", "議員", "バカ", "カス", "氏", "ね", "a", "ab", "bab", "😊x"]


def _plain():
    """A plain pyahocorasick automaton of _WORD_SAMPLE."""
    import ahocorasick

    plain = ahocorasick.Automaton()
    for i, w in enumerate(_WORD_SAMPLE):
        plain.add_word(w, i)
    plain.make_automaton()
    return plain


_PLAIN = _plain()
_OURS = Automaton({w: i for i, w in enumerate(_WORD_SAMPLE)})


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([*_WORD_SAMPLE, "\x00", "\x01", "。", " ", "x", "漢", "\ud800", "\U0010ffff"]),
                     max_size=30).map("".join))
def test_automaton_finds_what_the_plain_automaton_finds(text):
    """The compiled scan gives pyahocorasick's hits in its order (by end, the longest first at one end)."""
    assert _OURS.iter(text) == list(_PLAIN.iter(text))
    ends, words = _OURS.scan(text)
    assert list(zip(ends.tolist(), words.tolist(), strict=True)) == list(_PLAIN.iter(text))


def test_a_scan_with_more_hits_than_code_points_gives_them_all():
    """Nested words hit many times at each code point: the scan's arrays grow mid-text (from several places, neighbour
    code points of both halves of a symbol entry) and every hit is pyahocorasick's, in its order."""
    import ahocorasick

    words = [c * k for c in "aあぃ" for k in range(1, 13)] + ["aあ", "ぃa", "\U0001fbf9"]
    plain = ahocorasick.Automaton()
    for i, w in enumerate(words):
        plain.add_word(w, i)
    plain.make_automaton()
    ours = Automaton({w: i for i, w in enumerate(words)})
    texts = ["a" * 40, "あ" * 300 + "ぃ" * 25, ("aあぃ" * 7 + "a" * 30) * 9, "\U0001fbf9a" * 20 + "ぃ" * 40, "", "a"]
    for text in texts:
        want = list(plain.iter(text))
        ends, found = ours.scan(text)
        assert list(zip(ends.tolist(), found.tolist(), strict=True)) == want, text[:20]
    assert len(list(plain.iter("あ" * 300))) > 4 * 300  # the arrays (the text's size and 12) grew twice at least


# overlapping parts, a word in two of them: a joined automaton's hit of it is each part's
_PARTS = [Automaton(dict.fromkeys(words)) for words in (_WORD_SAMPLE[:6], ["ね", "しね", "bab", "x漢"], ["ab", "ね"])]
_JOINED, _BOUNDS = Automaton.joined(_PARTS)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([*_WORD_SAMPLE, "x漢", "\x00", "。", " ", "x", "漢", "\U0010ffff"]),
                     max_size=30).map("".join))
def test_a_joined_automaton_gives_each_part_its_own_hits(text):
    """One scan of the parts joined (what the code pass scans) split by part is each part's own scan, in its order."""
    ends, words = _JOINED.scan(text)
    for p, part in enumerate(_PARTS):
        got = split_hits(ends, words.astype(np.int32), _BOUNDS[p], _BOUNDS[p + 1])
        want = part.scan(text)
        assert [x.tolist() for x in got] == [x.tolist() for x in want], (p, text)


@pytest.mark.slow
def test_word_lists_hit_what_a_plain_automaton_hits():
    """A Matcher, the signals' word lists and needle index on the adversarial inputs: a plain automaton's hits."""
    import ahocorasick

    from moderation.matcher import Matcher

    lists = {"a": ("しね", "ばか", "die", "ass"), "b": ("お前", "you", "死ね")}
    matcher = Matcher(lists)
    needles = {n for guard in FP._NEEDLES.guards.values() for n in guard.strings}
    needles |= TR.REPORTED_NEEDLES | OWNED_STEMS | DENIAL_CUES | TP.PII_NEEDLES  # the extra strings the signals
    # read in `found` (personal_info's: exposure_threat's verbs)
    needles |= {n for guard in FP._NEEDLES.guards.values() for sets in guard.also or () for _one, more in sets
                for n in more}  # each alternative's further needle sets
    plain, every_word, every_needle = ahocorasick.Automaton(), ahocorasick.Automaton(), ahocorasick.Automaton()
    for automaton, words in ((plain, {w for ws in lists.values() for w in ws}), (every_word, FV._WORDS.automaton.keys),
                             (every_needle, needles)):
        for w in words:
            automaton.add_word(w, w)
        automaton.make_automaton()

    def hits(automaton, text):
        ends, words = automaton.scan(text)
        return list(zip(ends.tolist(), map(automaton.keys.__getitem__, words.tolist()), strict=True))

    for _name, text in adversarial_inputs(200):
        assert hits(matcher.automaton, text) == list(plain.iter(text))
        assert hits(FV._WORDS.automaton, text) == list(every_word.iter(text))
        # the needles in the text, by a plain automaton: `n in text` for each of the ~2,700 needles was 4.3 s CPU
        assert FP._NEEDLES.found(text) == {n for _end, n in every_needle.iter(text)}


@pytest.mark.slow  # 200 regexes compiled: 1.38-1.74 s of the fast suite (load 5); make test runs it
@settings(max_examples=200, deadline=None)
@given(strings=st.sets(st.text(st.sampled_from("ab \t@＠|.*"), min_size=1, max_size=3), min_size=1, max_size=12),
       text=st.text(st.sampled_from("ab \t@＠|.*x"), max_size=40))
def test_trie_alternation_finds_every_start(strings, text):
    """The trie-shaped regex of literals starts a match wherever one of the strings occurs."""
    strings = {x for x in strings if not any(x != y and x.startswith(y) for y in strings)}
    want = [i for i in range(len(text)) if text.startswith(tuple(strings), i)]
    trie = re.compile(_alternation(strings))
    assert [i for i in range(len(text)) if trie.match(text, i)] == want


@pytest.mark.parametrize("rx", list(TP._CONTEXT), ids=lambda rx: rx.pattern[:20])
@pytest.mark.slow
def test_a_context_pattern_occurs_where_its_search_finds_it(rx):
    """personal_info asks whether a context pattern occurs by matching it where its start strings are found."""
    every = st.lists(st.sampled_from([*_pieces(rx), "the", "you", "his ", "office", "inc", "さんの"]),
                     max_size=25).map("".join)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=every)
    def check(text):
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)  # as signals passes them
        assert TP._occurs(rx, text) == TP._occurs(rx, text, codes) == (rx.search(text) is not None)

    check()


@functools.lru_cache(maxsize=2)
def _plain_of(matcher):
    import ahocorasick

    plain = ahocorasick.Automaton()
    for w, cats in zip(matcher._words, matcher._cats, strict=True):
        plain.add_word(w, (w, cats))
    plain.make_automaton()
    return plain


def _strung_reference(matcher, text, kept):
    """The katakana words that compound parts make up (matcher._strung) read in Python: every string of parts from a
    katakana word's start to its end, one hit a word unless its parts are all one part or a kept hit is the word."""
    from moderation import matcher as M

    parts = sorted((end + 1 - len(w), end + 1, w, cats) for end, (w, cats) in _plain_of(matcher).iter(text)
                   if matcher._parts.get(w)) if text else []
    starts = {a for a, _b, _w, _c in parts if not a or not M._is_kata(text[a - 1])}
    ends = {b for _a, b, _w, _c in parts if b == len(text) or not M._is_kata(text[b])}
    reach, back = set(starts), set(ends)
    for a, b, _w, _c in parts:
        if a in reach:
            reach.add(b)
    for a, b, _w, _c in reversed(parts):
        if b in back:
            back.add(a)
    words = {}
    for a, b, w, cats in parts:
        if a in reach and b in back and not (a in starts and b in ends):
            start = a
            while start and M._is_kata(text[start - 1]):
                start -= 1
            words.setdefault(start, []).append((a, b, w, cats))
    out = []
    for start, on in words.items():
        end = max(b for _a, b, _w, _c in on)
        if len({w for _a, _b, w, _c in on}) > 1 and not any(a == start and b >= end for a, b, _w, _c in kept):
            w, cats = next(((w, c) for _a, _b, w, c in on if matcher._parts[w] == 2), on[0][2:])
            out.append((start, end, w, cats))
    return out


def _reference_find(matcher, text):
    """The word-list hits as the boundary rules read in Python (moderation/matcher.py before they were compiled),
    over a plain pyahocorasick automaton: the reference the compiled rules must agree with."""
    from moderation import matcher as M

    plain = _plain_of(matcher)
    hits = []
    for end, (w, cats) in plain.iter(text) if text else ():
        a, b = end + 1 - len(w), end + 1
        left, right, kind = text[a - 1] if a else "", text[b] if b < len(text) else "", M._kind(w)
        if kind == M.LATIN:
            keep = not (left and M._is_latin(left) and M._is_latin(w[0])) and not (
                right and M._is_latin(right) and M._is_latin(w[-1]))
        elif M._is_kata(w[0]) and left and M._is_kata(left):
            keep = False
        elif kind == M.KATAKANA:
            keep = not (right and M._is_kata(right))
        elif kind in (M.HIRAGANA, M.OTHER) and right and right in M.RIGHT_EXCLUDE.get(w, ""):
            keep = False  # a kanji entry ending in kana too (消えな|い)
        elif kind == M.HIRAGANA and left and M._is_hira(left) and left not in M.PARTICLES:
            keep = left not in M.LEFT_FREE[w] if w in M.LEFT_FREE else text.endswith(M.ADDRESSEES, 0, a)
        else:
            keep = not (kind == M.HIRAGANA and len(w) <= 2 and left and "\u4e00" <= left <= "\u9fff"
                        and w[0] in "かすしい")
        if keep:
            hits.append((a, b, w, cats))
    hits += _strung_reference(matcher, text, hits)
    hits.sort(key=lambda h: (h[0], -h[1]))
    out, reach = [], -1
    for h in hits:
        if h[1] > reach:
            out.append(h)
            reach = h[1]
    return out


_MATCHER_PIECES = ["ばか", "ばかり", "バカ", "ブス", "サブスク", "くず", "くずれる", "かす", "動かす", "くたばれ",
                   "やつ", "やつら", "お", "かたわら", "早く",
                   "美味しい", "しね", "お前", "おまえ", "こいつ", "は", "が", "の", "て", "死ね", "くそ野郎",
                   "チンコ", "パチンコ", "クソ", "デブ", "バカンス", "ー", "漢", " ", "。", "kill", "skill", "you", "i",
                   "u", "a1", "ass", "class", "fuck", "\ud800", "😊"]
_REFERENCE_TEXTS = st.lists(st.sampled_from(_MATCHER_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_REFERENCE_TEXTS)
@pytest.mark.slow
def test_compiled_boundary_rules_keep_what_the_python_rules_keep(text):
    """Matcher.find (the rules compiled with numba) against the same rules read in Python, on the real lists."""
    assert FV._WORDS.find(text) == _reference_find(FV._WORDS, text)


@pytest.mark.slow
def test_compiled_boundary_rules_on_the_adversarial_inputs():
    for _name, text in adversarial_inputs(300):
        assert FV._WORDS.find(text) == _reference_find(FV._WORDS, text)
        assert _from_arrays(text) == _reference_find(FV._WORDS, text)


@settings(max_examples=200, deadline=None)
@given(text=_REFERENCE_TEXTS)
def test_the_hits_signals_read_as_arrays_are_the_hits(text):
    """Matcher.find_arrays (scan and rules in one compiled call, what signals reads) gives find's hits."""
    assert _from_arrays(text) == _reference_find(FV._WORDS, text)


def _from_arrays(text):
    starts, ends, found = FV._WORDS.find_arrays(text)
    words, cats = FV._WORDS.words()
    return [(a, b, words[w], cats[w]) for a, b, w in zip(starts.tolist(), ends.tolist(), found.tolist(), strict=True)]


@pytest.mark.slow
def test_a_pattern_split_into_its_alternatives_matches_where_it_does():
    """personal_info asks whether AFFILIATION occurs by asking each of its top-level alternatives (each with its own
    needles): the alternatives spell the pattern, and one of them matches wherever it does."""
    assert "|".join(part.pattern for part in TP.AFFILIATION_PARTS) == TPP.AFFILIATION.pattern
    assert len(TP.AFFILIATION_PARTS) == 6
    assert [p.pattern for p in TP._alternatives(re.compile(r"a(?:b|c)|[|)]|\||d[^]|]"))] == [
        "a(?:b|c)", "[|)]", r"\|", "d[^]|]"]
    every = st.lists(st.sampled_from([*_pieces(TPP.AFFILIATION), "12", "3年", "1組", "こいつ", "市立", "の"]),
                     max_size=25).map("".join)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=every)
    def check(text):
        found = FP._NEEDLES.found(text)
        whole = TPP.AFFILIATION.search(text) is not None
        assert whole == any(part.search(text) is not None for part in TP.AFFILIATION_PARTS)
        assert whole == any(TP._GUARDS[part].may_match(text, set(text), found) and next(
            TP._GUARDS[part].finditer(text), None) is not None for part in TP.AFFILIATION_PARTS)

    check()


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["http://", "hxxps://", "www.", "xwww", ".com", ".co.jp/", ".top", ".me", "a",
                                      "b-c", "1", "-", "@", ".", "/", "/x", " ", "。", "x.y", "mufg-secure", "ab.cd",
                                      "line.me/", "\u3042"]), max_size=25).map("".join))
@pytest.mark.slow
def test_urls_tried_from_where_they_can_start_are_the_urls(text):
    """signals tries _URL only at a scheme, www., or the start of a run of labels holding a listed TLD (a short text's
    run read back from its dot, a long one's found by numpy)."""
    sparse = "\u3042" * max(0, 16 * (text.count(".") + text.count("://")) + 1 - len(text))  # few dots and schemes
    for sample in (text, sparse + text, text + sparse, sparse + text * 2 + sparse,  # short: runs read back
                   text * (FP._SHORT_URL_SCAN // max(len(text), 1) + 1), "xwww.com " + text * 40,
                   text * 40 + "a.www.co.jp/x" + " " * FP._SHORT_URL_SCAN,
                   "\u3042" * (16 * len(text) + FP._SHORT_URL_SCAN) + text):  # few dots: the search for starts
        codes = np.frombuffer(sample.encode("utf-32-le"), dtype=np.uint32)
        assert [m.span() for m in FL._url_matches(sample, codes)] == [
            m.span() for m in FP._URL.finditer(sample)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 15)), min_size=1, max_size=90))
def test_many_reported_spans_merge_as_a_few_do(pairs):
    """_merge joins overlapping reported spans with numpy from 32 of them: the stretches of the span-by-span loop."""
    spans = sorted((a, a + n) for a, n in pairs)
    starts, ends = [], []
    for a, b in spans:
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    merged = FSP._merge(spans)
    assert (merged[0].tolist(), merged[1].tolist()) == (starts, ends)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "1", ".", "-", "_", "@", "b.c", "x@y", "@d.e", " ", '"', "%", "+"]),
                     max_size=30).map("".join))
@pytest.mark.slow
def test_the_email_pre_check_never_skips_an_email(text):
    assert TPP.EMAIL.search(text) is None or TPP.EMAIL_NEEDED.search(text) is not None


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(['"', "“", "”", "「", "」", "@", "@user:", " @ab:", "\n@xy:", "x", "xyz qq",
                                      " ", ":", "\n"]), max_size=30).map("".join))
@pytest.mark.slow
def test_reposts_found_in_one_scan_are_those_matched_quote_by_quote(text):
    """_reported drops a quotation that starts with "@user:" (a repost) from one scan for "@user:", not one
    _REPOST.match per quotation (the pieces hold no trigger of the other reported-speech patterns)."""
    want = [(*m.span(), text[m.start()] not in "「『") for m in TR.REPORTED_QUOTE.finditer(text)
            if len(text) - (m.end() - m.start()) >= 10 and not TR._REPOST.match(text, m.start() + 1)]
    assert TR._reported(text, set(text)) == tuple(sorted(want))


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("。．.!?！？\n \t\u3000aあ"), max_size=40))
@pytest.mark.slow
def test_sentence_ends_are_where_the_plain_pattern_puts_them(text):
    """FP._SENTENCE_END (one class first, so the engine skips to it) ends sentences where the plain
    alternation did."""
    plain = re.compile(r"[。．!?！？\n]+|\.(?:\s|$)")
    assert [m.span() for m in FP._SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_each_alternative_needs_a_needle_of_each_of_its_sets():
    """A text full of an alternative's first needle and nothing that must follow it is skipped (放火 repeated cost
    accusation_ja and threat_ja a failed attempt at each 放火: 2.5 ms over 10,000 characters); a text with both is
    scanned, and a second alternative with one set of its own is enough."""
    guard = Needles(re.compile(r"(?:放火|詐欺)[^。]{0,4}?(?:した|だ)|炎上"))
    assert guard.also == (((frozenset(), frozenset({"放火", "詐欺"})), (frozenset({"だ"}), frozenset({"した"}))),
                          ((frozenset(), frozenset({"炎上"})),))
    long = "x" * EACH_FROM  # below EACH_FROM characters the scan costs less than asking: only the first set
    for text, can in (("放火" * 50, False), ("放火" * 50 + "だ", True), ("詐欺を" * 9 + "した", True), ("炎上", True),
                      ("した" * 9, False)):
        index = NeedleIndex([guard.pattern])
        for sample, skipped in ((text + long, not can), (text, not can and "した" in text)):
            assert guard.may_match(sample, set(sample)) is not skipped
            assert index[guard.pattern].may_match(sample, set(sample), index.found(sample)) is not skipped
    assert Needles(re.compile(r"abc|d[ef]")).also is None  # one set each: chars and strings say it all
    for rx in (TC.THREAT_JA, TC.ACCUSE_JA):
        text = "放火" * 500
        assert not FP._GUARDS[rx].may_match(text, set(text), FP._NEEDLES.found(text))
        assert rx.search(text) is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from([*"らいん害児阿呆 ab。\n", "\U0001F600"]), max_size=300),
       canonical=st.sampled_from(["line", "がいじ", " ", "x\U0001F600"]))
def test_joining_many_spans_by_numpy_gives_the_joined_text(text, canonical):
    """_replace_spans of _edits' array (from _MANY spans: by numpy) is the text _join builds piece by piece."""
    from moderation.text import edits as text_edits

    spans = [(a, a + 1 + (a % 3 == 0)) for a in range(0, max(len(text) - 2, 0), 3)]
    array = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    if spans:
        assert text_edits._replace_spans(text, array, canonical)[0] == text_edits._join(text, spans, canonical)


def _normalized_both_ways(monkeypatch, texts):
    from moderation.text import normalize as normalize_module

    fast = [normalize_module.normalize(t) for t in texts]
    monkeypatch.setattr(normalize_module, "_MAKES_LATER_NEEDLES", (True,) * len(text_patterns._OBFUSCATIONS))
    slow = [normalize_module.normalize(t) for t in texts]
    return fast, slow


@pytest.mark.slow
def test_a_rewrite_that_can_make_no_later_needle_skips_the_search_and_changes_nothing(monkeypatch):
    """normalize without looking for needles again after a rewrite whose word shares no character with a later
    rewrite's needles (line, the last) is normalize looking every time, on the adversarial inputs and on texts
    of each rewrite's needles side by side (one rewrite's word next to another's needle)."""
    assert not text_starts._MAKES_LATER_NEEDLES[-1] and any(text_starts._MAKES_LATER_NEEDLES)
    needles = sorted({n for _c, listed, _p in text_patterns._OBFUSCATIONS for n in listed} | {"らいん", "害児"})
    texts = [t for _name, t in adversarial_inputs(300)]
    texts += [a + b for a in needles for b in needles] + [(a + " ") * 40 + b for a in needles for b in needles[:8]]
    fast, slow = _normalized_both_ways(monkeypatch, texts)
    for text, f, s in zip(texts, fast, slow, strict=True):
        assert (f.text, f.masked, f.chars) == (s.text, s.masked, s.chars), text


_JA_HEAD_TAIL_PIECES = ["外国人", "在日", "在日韓国人", "韓国人", "難民", "移民ども", "中国人", "の", "が", "は",
                        "って", "せいで", "が増えた", "から", "この町は", "日本を", "福祉を", "食い物にしている",
                        "牛耳っている", "めちゃくちゃになった", "崩壊した", "荒れた", "嘘をつく", "民族だ",
                        "消えればいい", "出すな", "という主張", "なんて", "とは言えない", "政府の", "、", "。",
                        "あいうえお", "北朝鮮", "チャンコロ", "シア人"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(_JA_HEAD_TAIL_PIECES), max_size=30).map("".join))
@pytest.mark.slow
def test_a_part_tried_only_before_its_tail_matches_where_the_pattern_does(text):
    """HATE_JA's parts that start at a group word are tried only within their head's width before where their
    predicate matches (moderation/needles/tails.py): the same matches as the part's own scan, and the split
    construction's as the whole pattern's."""
    guards = FP._SPLIT[TC.HATE_JA].guards
    for k, (tail, width, _head) in TC.HATE_JA_TAILS.items():
        part = TC.HATE_JA_PARTS[k]
        assert width < 60 and tail.pattern.endswith(TC._JA_DENIED_AFTER)
        assert [m.span() for m in guards[k].finditer(text)] == [m.span() for m in part.finditer(text)], k
    whole = [m.span() for m in TC.HATE_JA.finditer(text)]
    assert [m.span() for m in FP._SPLIT[TC.HATE_JA].finditer(text, set(text), FP._NEEDLES.found(text))] == whole
    assert [m.span() for m in FP._SPLIT[TC.HATE_JA].finditer(text)] == whole  # every part, merged


@pytest.mark.parametrize(("gap", "start"), [(21, 0), (22, 4)])
def test_a_match_that_starts_inside_a_group_word_found_is_found(gap, start):
    """The scan for group words skips the places inside a word it found: Tail tries those where another word may
    start (ロシア人 inside チャンコロシア人), here where a match from the outer word would span more than the 24
    characters a wish that a group be gone allows between them."""
    text = "チャンコロシア人" + "あ" * gap + "消えればいい"
    k = next(k for k in TC.HATE_JA_TAILS if TC.HATE_JA_PARTS[k].search("外国人は消えればいい"))
    found = [m.span() for m in FP._SPLIT[TC.HATE_JA].guards[k].finditer(text)]
    assert found == [m.span() for m in TC.HATE_JA_PARTS[k].finditer(text)] == [(start, len(text))]
