"""Normalisation table: one row per case the issue lists, plus hostile input that must not raise."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.text import chars as text_chars
from moderation.text import edits as text_edits
from moderation.text import normalize as text_normalize
from moderation.text import normalized as text_normalized
from moderation.text import patterns as text_patterns
from moderation.text import starts as text_starts
from moderation.text.normalize import normalize, normalize_text

# (case, input, expected normalised text)
CASES = [
    ("nfkc full-width latin", "ＬＩＮＥ追加", "line追加"),
    ("nfkc full-width digits", "１２３４円", "1234円"),
    ("half-width katakana", "ｱｲｳｴｵ", "アイウエオ"),
    ("half-width dakuten recombined", "ｶﾞｲﾄﾞ", "ガイド"),
    ("case folding", "FREE Money", "free money"),
    ("long run ｗ squashed", "ｗｗｗｗｗｗ", "ww"),
    ("long run ー squashed", "すごーーーーい", "すごーーい"),
    ("long run ！ squashed", "最高！！！！", "最高!!"),
    ("digits never squashed", "1000000円", "1000000円"),
    ("zero-width space removed", "死\u200bね", "死ね"),
    ("zero-width joiner removed", "副\u200d業", "副業"),
    ("invisible times U+2061 removed", "l\u2061i\u2061n\u2061e", "line"),
    ("variation selector removed", "稼げる\ufe0f", "稼げる"),
    ("bidi override removed", "\u202eabc\u202c", "abc"),
    ("BOM removed", "\ufeffこんにちは", "こんにちは"),
    ("mask 氏ね", "氏ね", "死ね"),
    ("mask しね", "しね", "死ね"),
    ("mask 4ね", "4ね", "死ね"),
    ("mask 死.ね", "死.ね", "死ね"),
    ("mask ○ね", "○ね", "死ね"),
    ("mask ●ね", "●ね", "死ね"),
    ("mask ■ね", "■ね", "死ね"),
    ("mask 死○", "死○", "死ね"),
    ("spaced letters Japanese", "し ね よ", "死ねよ"),
    ("letters split by symbols", "死・ね", "死ね"),
    ("spaced latin letters", "L I N E", "line"),
    ("latin split by dots", "l.i.n.e", "line"),
    ("look-alike cyrillic", "аpple", "apple"),
    ("look-alike bopomofo", "えっㄎ", "えっち"),
    ("look-alike kanji for katakana", "工口動画", "エロ動画"),
    ("look-alike kanji next to katakana", "力ード", "カード"),
    ("ordinary kanji kept", "工場の人口", "工場の人口"),
    ("ordinary 少しね kept", "もう少しね", "もう少しね"),
    ("殺す spelt in kana", "ころす", "殺す"),
    ("らいん -> line", "らいん交換", "line交換"),
    ("whitespace collapsed", "a \n\n b", "a b"),
    ("leet digits inside a word", "I h4te w0men.", "i hate women."),
    ("leet runs inside a word", "l33t sp34k", "leet speak"),
    ("codes with digits kept", "mp3 g7 covid19 4chan b2b h1n1 a4", "mp3 g7 covid19 4chan b2b h1n1 a4"),
    ("digits in a domain or address kept", "amaz0n.com web3site.com k1m@mail.com x-r4y", "amaz0n.com web3site.com "
     "k1m@mail.com x-r4y"),
]


@pytest.mark.parametrize(("case", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalisation_table(case, raw, expected):
    assert normalize_text(raw) == expected


def test_invisible_characters_are_counted():
    n = normalize("z\u200bero\u2061x\ufe0f\u202e")
    assert n.text == "zerox"
    assert n.invisible == 4


def test_obfuscation_counters():
    assert normalize("氏ね").masked == 1
    assert normalize("аpple").lookalike == 1
    assert normalize("L I N E").spaced >= 1


def test_leet_words_count_as_look_alikes_and_map_back():
    raw = "Those tr4nnies and th0se n1gg3rs"
    n = normalize(raw)
    assert n.text == "those trannies and those niggers" and n.lookalike == 3
    i = n.text.index("trannies")
    assert raw[slice(*n.span(i, i + 8))] == "tr4nnies"


def test_offsets_map_back_to_original():
    raw = "ＬＩＮＥ\u200b追加してね"
    n = normalize(raw)
    i = n.text.index("追加")
    s, e = n.span(i, i + 2)
    assert raw[s:e] == "追加"
    s, e = n.span(0, 4)
    assert raw[s:e] == "ＬＩＮＥ"


def test_offsets_for_replaced_span():
    raw = "お前は氏ねよ"
    n = normalize(raw)
    i = n.text.index("死ね")
    s, e = n.span(i, i + 2)
    assert raw[s:e] == "氏ね"


BAD = [
    ("empty", ""),
    ("only invisible", "\u200b\u200c\u2061\ufe0f"),
    ("emoji only", "😀😀😀🔥🔥"),
    ("10000 chars", "あ" * 5000 + "a" * 5000),
    ("mixed scripts", "Hello こんにちは Привет مرحبا 你好 שלום"),
    ("control chars", "abc\x00\x01\x07\x1b[31mdef"),
    ("rtl marks", "\u200f\u202bمرحبا\u202c\u200e"),
    ("lone surrogate", "a\ud800b"),
    ("combining marks", "e\u0301\u0301\u0301"),
]


@pytest.mark.parametrize(("case", "raw"), BAD, ids=[b[0] for b in BAD])
def test_hostile_input_never_raises(case, raw):
    n = normalize(raw)
    assert isinstance(n.text, str)
    assert len(n.starts) == len(n.text) == len(n.ends)
    for s, e in zip(n.starts, n.ends, strict=False):
        assert 0 <= s < e <= len(raw)


def test_non_string_input():
    assert normalize(None).text == ""
    assert normalize(123).text == "123"


def test_character_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(text_normalize, "_CACHE_MAX", 50)
    before = normalize_text("ＬＩＮＥ追加 ｗｗｗｗ 氏ね")
    for start in range(0x4E00, 0x4E00 + 2000, 40):
        normalize_text("".join(chr(c) for c in range(start, start + 40)))
        assert len(text_chars._SEEN) <= 50 + 40
    assert normalize_text("ＬＩＮＥ追加 ｗｗｗｗ 氏ね") == before
    # a text whose new characters overflow the cache keeps its known ones mapped (they were forgotten too)
    mixed = "ＬＩＮＥ追加 ｗｗｗｗ 氏ね。" + "".join(chr(c) for c in range(0x9000, 0x9000 + 45))
    overflowing = normalize_text(mixed)
    monkeypatch.setattr(text_normalize, "_CACHE_MAX", 10_000)
    for cache in (text_chars._TABLE, text_chars._MAPPED, text_chars._SEEN, text_chars._INVISIBLE_SEEN,
                  text_chars._LOOKALIKE_SEEN, text_chars._NOT_ONE):
        cache.clear()
    assert overflowing == normalize_text(mixed) and overflowing.startswith("line")


@given(st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39), st.integers(1, 5), st.booleans()), max_size=80),
       st.booleans())
@pytest.mark.slow
def test_offsets_of_many_rewrites_are_those_of_few(segments, as_range):
    """A rewrite with many matches gathers its offsets with numpy: the same offsets as segment by segment."""
    segments = [(s, e, min(n, 40 - max(s, e)) if kept else n, int(kept)) for s, e, n, kept in segments]
    segments = [seg for seg in segments if seg[2] > 0]
    starts = range(40) if as_range else [3 * i for i in range(40)]
    ends = range(1, 41) if as_range else [3 * i + 2 for i in range(40)]
    many = text_normalized._offsets(starts, ends, segments + [(0, 0, 0, 1)] * text_normalized._MANY)  # numpy
    alone = ([], [])
    for seg in segments:
        part = text_normalized._offsets(starts, ends, [seg])
        alone[0].extend(part[0])
        alone[1].extend(part[1])
    assert (list(many[0]), list(many[1])) == alone


@given(st.lists(st.sampled_from(["害児", "がいじ", "氏ね", "死ね", "a", "。", " ", "ガ○ジ"]), max_size=120)
       .map("".join), st.booleans())
def test_a_fixed_replacement_rewrites_as_match_by_match(text, as_range):
    """_replace_all (the engine's substitution, offsets by numpy) gives the text, offsets and count of the
    general match-by-match rewrite, few matches or many, identity matches (already canonical) included."""
    starts = range(len(text)) if as_range else [2 * i for i in range(len(text))]
    ends = range(1, len(text) + 1) if as_range else [2 * i + 1 for i in range(len(text))]
    for canonical, _needles, pattern in text_patterns._OBFUSCATIONS:
        if canonical not in ("がいじ", "死ね"):
            continue
        fixed = text_edits._apply_regex(text, starts, ends, pattern, text_edits._REPLACERS[canonical])
        general = text_edits._apply_regex(text, starts, ends, pattern, lambda m, c=canonical: (c, "replace"))
        assert (fixed[0], list(fixed[1]), list(fixed[2]), fixed[3]) == (
            general[0], list(general[1]), list(general[2]), general[3])


_PIECES = ["死.ね", "し ね よ", "氏ね", "害児", "ガ○ジ", "L I N E", "ｗｗｗｗ", "工口動画", "力ード", "ｱｲｳ", "\u200b",
           "🙂", "ころす", "a", "。", " ", "  ", "・", "今日は", "line", "ﾗｲﾝ", "基地外", "ｶﾞｲﾄﾞ", "\ufeff", "бaka",
           "…", "㍻", "𝐀", "ＡＢＣ", "Hello  World", "x-y-z", "は ・ な", "し・ ね", "a. b. c", "!!!!"]


@settings(deadline=None)  # its first example loads the kernels when it runs first (alone: 1.7 s)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60).map("".join).map(lambda s: s * (1 + 1200 // len(s))))
@pytest.mark.slow
def test_a_long_text_normalises_as_a_short_one(text):
    """From _LONG_SET / _LONG_OFFSETS characters the character set and the per-character mapping are made by numpy
    and the offsets stay arrays: the same text, offsets, counts and set as the per-character path."""
    long_path = normalize(text)
    with pytest.MonkeyPatch.context() as mp:
        for module in (text_chars, text_normalize):  # each module reading a threshold has its own binding
            mp.setattr(module, "_LONG_SET", 10**9)
        for module in (text_chars, text_normalized):
            mp.setattr(module, "_LONG_OFFSETS", 10**9)
        short_path = normalize(text)
    assert long_path.text == short_path.text and long_path.chars == short_path.chars == set(long_path.text)
    assert list(long_path.starts) == list(short_path.starts) and list(long_path.ends) == list(short_path.ends)
    assert (long_path.invisible, long_path.lookalike, long_path.masked, long_path.spaced) == (
        short_path.invisible, short_path.lookalike, short_path.masked, short_path.spaced)
    for a in range(0, len(long_path.text), 97):
        assert long_path.span(a, a + 5) == short_path.span(a, a + 5) and type(long_path.span(a, a + 5)[0]) is int


def test_a_long_text_that_normalisation_drops_whole_maps_to_no_offsets():
    """A rewrite leaving nothing of a text of 1,000+ characters (separators only) gathers no segments' offsets: an
    empty text with empty offsets, as a short one gets (hypothesis found '・\n・' x 334 raising TypeError)."""
    for times in (300, 334):
        norm = normalize("・\n・" * times)
        assert norm.text == "" and list(norm.starts) == [] and list(norm.ends) == [] and norm.span(0, 5) == (0, 0)


_SPACED = ["氏-", "チ.", "店.", "モ ", "a.", "b-", "ｗｗｗ", "www.", "ああああ", "死 ね", "x", "今日は", "・", "、",
           "\n", "😊", "\ud800", "ｱ", "〜", "!!!!", "  "]


@settings(deadline=None)  # a text of up to 10,000 characters, on a shared machine
@given(st.lists(st.sampled_from(_SPACED), min_size=1, max_size=40).map("".join), st.integers(1, 400))
@pytest.mark.slow
def test_spaced_letters_and_runs_kept_by_numpy_normalise_as_the_loop_does(unit, times):
    """Many or long keep-chars matches (letters spaced out, runs squashed) are rewritten by numpy over the code
    points (text._edit_kept, _drop_separators over a long match): the same text, offsets and counts as the
    per-character loop, and offsets of the same type."""
    text = unit * times
    fast = normalize(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(text_edits, "_MANY_KEPT", 10**9)
        mp.setattr(text_edits, "_MANY_EDITS", 10**9)
        loop = normalize(text)
    assert fast.text == loop.text and fast.chars == loop.chars
    assert list(fast.starts) == list(loop.starts) and list(fast.ends) == list(loop.ends)
    assert type(fast.starts) is type(loop.starts) and type(fast.ends) is type(loop.ends)
    assert (fast.invisible, fast.lookalike, fast.masked, fast.spaced) == (
        loop.invisible, loop.lookalike, loop.masked, loop.spaced)


@given(st.lists(st.sampled_from([*_PIECES, "ね", "し", "○", "ら", "ん", "kor", "す"]), max_size=200).map("".join))
def test_needles_after_a_rewrite_are_found_near_the_edits(text):
    """normalize looks for the obfuscation needles an edit made only around the edits: with those found before,
    that covers every needle of the rewritten text (a needle missed would skip a rewrite that should happen)."""
    for canonical, _needles, pattern in text_patterns._OBFUSCATIONS:
        spans = text_edits._edits(text, pattern, canonical)
        if not spans:
            continue
        rewritten, _s, _e = text_edits._rewrite(text, range(len(text)), range(1, len(text) + 1), spans, canonical)
        before = text_starts._OBFUSCATION_INDEX.found(text)
        assert text_starts._OBFUSCATION_INDEX.found(rewritten) <= before | text_normalize._found_near(
            rewritten, spans, len(canonical))
        gone = set("".join(text[a:b] for a, b in spans)) - set(canonical)
        assert text_chars._still_in(rewritten, set(text), gone, gone) | set(canonical) == set(rewritten)


@given(st.lists(st.sampled_from(["工", "口", "力", "夕", "二", "三", "八", "ド", "ー", "カ", "漢", "あ", " ", "."]),
                max_size=40).map("".join))
def test_look_alike_kanji_in_a_text_without_katakana_are_looked_at_run_by_run(text):
    """Without katakana in the text only runs of two or more look-alikes can be rewritten: the same answer."""
    assert text_patterns._kanji_lookalikes(text, set(text)) == text_patterns._kanji_lookalikes(text)


@settings(deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "ね", "a", " ", "。"]), max_size=80).map("".join),
       st.lists(st.tuples(st.integers(-3, 400), st.integers(-3, 400)), max_size=30), st.booleans())
@pytest.mark.slow
def test_many_spans_map_as_one_span_each(text, pairs, long):
    """Normalized.spans (an explanation maps its spans in one call) gives span() of each pair: the same numbers of
    the same types, for unmoved and rewritten texts, offsets as ranges, lists or arrays, pairs out of range."""
    norm = normalize(text * 40 if long else text)
    got = norm.spans(pairs)
    want = [norm.span(a, b) for a, b in pairs]
    assert got == want and [tuple(map(type, s)) for s in got] == [tuple(map(type, s)) for s in want]
    assert normalize("").spans([(0, 1), (2, 1)]) == [normalize("").span(0, 1), normalize("").span(2, 1)]
