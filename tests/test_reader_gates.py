"""A reader skipped by a cheap precondition (a letter it needs, its matches' first characters) answers what it answers
unskipped, on ordinary, dense and near-miss text (issue 13: less work per comment, the same answers)."""

import functools
import math
import random
import re

import numpy as np
import pytest

from bench.mixes import news_comments
from moderation.features.patterns import _LINE_ID, _NEEDLES, _SPLIT
from moderation.features.signals import code_pass, signal_dict
from moderation.needles.guards import strings_of
from moderation.needles.parts import Parts
from moderation.targets import exclaimed, exposed, hate_ja, pii, threat_ja
from moderation.text.normalize import normalize
from tests.support.reader_corpus import texts


@functools.cache
def corpus():
    """The reader corpus normalised (~0.5 s of CPU): made by the first test that reads it, not at import, which each
    xdist worker does in every run, the file's tests run there or not."""
    return [normalize(t) for t in texts()]


def bench_texts() -> list[str]:
    """The bench's news mix (bench/mixes.py), as make bench draws it."""
    return [c[0] for c in news_comments(random.Random(20261126), 3000)]


def test_every_swear_word_exclaimed_reads_holds_a_stem_and_so_its_letter():
    alternatives = re.search(r"\(\?:(.*)\)\(\?!", exclaimed._SWEAR_WORD.pattern).group(1).split("|")
    assert len(alternatives) == 12  # with the two-word oaths read whole (session 41): each still holds a stem
    for word in alternatives:
        assert any(stem in word for stem in exclaimed._STEMS), word


def test_exclaimed_spans_with_the_texts_characters_is_exclaimed_spans():
    skipped = read = 0
    for norm in corpus():
        assert norm.chars >= set(norm.text)  # what the gate reads holds every character of the text
        got = exclaimed.exclaimed_spans(norm.text, norm.chars)
        assert got == exclaimed.exclaimed_spans(norm.text), norm.text
        skipped += norm.chars.isdisjoint("fgs")
        read += bool(got)
    assert skipped > 100 and read > 10  # the corpus has both kinds


def test_the_verbs_scan_behind_its_look_ahead_finds_what_the_verbs_pattern_finds():
    assert exposed._HIT_SCAN.pattern != exposed._HIT.pattern
    found = 0
    for norm in corpus():
        want = [m.span() for m in exposed._HIT.finditer(norm.text)]
        assert [m.span() for m in exposed._HIT_SCAN.finditer(norm.text)] == want, norm.text
        found += bool(want)
    assert found > 50


@pytest.mark.parametrize("text", ["ラインidはabc123です", "ライン ID:money777まで", "らいん@abcd_1",
                                  "LINE ID: money777", "lineのidを教えて", "@user1 見てね", "ライ ン id",
                                  "ライン登録お願いします",
                                  "ライン1234567", "らいん 0901234", "ラ イン1234567", "らいん12",
                                  # "id" without a colon is read only beside ＠ or lin.ee/ (the gate's other needles)
                                  "my id: dave_1234", "said the id：abcd123", "did you see it", "my id is dave1234",
                                  "id ＠abcd_12 said", "lin.ee/abcd1234 id", "did ＠abcd_12"])
def test_line_id_counts_what_its_pattern_finds_with_or_without_latin_letters(text):
    norm = normalize(text)
    count = sum(1 for _ in _LINE_ID.finditer(norm.text))
    assert signal_dict(text)["line_id"] == pytest.approx(min(math.log1p(count), 4.0), abs=1e-12)


def test_line_id_over_the_corpus():
    counted = 0
    for norm in corpus()[:600]:
        count = sum(1 for _ in _LINE_ID.finditer(norm.text))
        assert signal_dict(norm.text)["line_id"] == pytest.approx(min(math.log1p(count), 4.0), abs=1e-12), norm.text
        counted += count > 0
    assert counted > 20


def test_line_id_over_texts_of_its_needles_and_near_misses():
    """Texts run together from _LINE_ID's needles, colons and words that hold an "id" (said, did): the pattern's
    count wherever "line", ライン, らいん, an @ or (with a Latin letter) an "id" is, with a colon after the "id" or
    not (an "id" with none is read only beside ＠ or lin.ee/), else none (lin.ee/ alone is not read, as before)."""
    rng = random.Random(58)
    pieces = ("id", "id:", "id：", " ", ":", "：", "@", "＠", "lin.ee/", "line", "ライン", "らいん", "said", "did",
              "abcd1234", "dave_12", "見て", "です", "1", "(")
    counted = unread = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        t = normalize(text).text
        read = (re.search("[a-z]", t) and ("line" in t or "id" in t)) or "@" in t or "ライン" in t or "らいん" in t
        count = sum(1 for _ in _LINE_ID.finditer(t)) if read else 0
        assert signal_dict(text)["line_id"] == pytest.approx(min(math.log1p(count), 4.0), abs=1e-12), text
        counted += count > 0
        unread += bool(read) and count == 0 and "id" in t and ":" not in t
    assert counted > 100 and unread > 20


def test_the_verbs_trie_finds_what_the_plain_alternation_of_its_words_finds():
    words = exposed.VERB_WORDS
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]  # at a position one word at most
    plain = re.compile("|".join(map(re.escape, words)))
    assert exposed._VERBS.pattern != plain.pattern
    found = 0
    for norm in corpus():
        want = [m.span() for m in plain.finditer(norm.text)]
        assert [m.span() for m in exposed._VERBS.finditer(norm.text)] == want, norm.text
        found += bool(want)
    assert found > 200


def _found(norm):
    """The text's needles as signals finds them: the code pass's automaton hits (features.patterns._NEEDLES), with
    its answers to the guards' tests (a Found: the guards asked with it read those)."""
    codes = np.frombuffer(norm.text.encode("utf-32-le"), dtype=np.uint32)
    hits = code_pass(codes)
    return strings_of(_NEEDLES.automaton.values, hits.needles, hits.passed), codes, hits


def test_exposure_verbs_are_found_by_the_code_pass_index():
    assert exposed.VERB_CHARS | exposed.VERB_NEEDLES == set(exposed.VERB_WORDS)
    assert all(len(w) == 1 for w in exposed.VERB_CHARS) and all(len(w) > 1 for w in exposed.VERB_NEEDLES)
    assert exposed.VERB_NEEDLES <= pii.PII_NEEDLES <= set(_NEEDLES.automaton.keys)


def test_exposure_threat_with_the_texts_characters_and_needles_is_exposure_threat():
    skipped = read = 0
    written = ("お前の住所晒してやる", "晒", "住所晒", "貼っとくわ", "あいつの家わかったぞ")
    for norm in corpus() + [normalize(t) for t in written]:
        found, _codes, _hits = _found(norm)
        gated = exposed.VERB_CHARS.isdisjoint(norm.chars) and exposed.VERB_NEEDLES.isdisjoint(found)
        assert gated == (exposed._VERBS.search(norm.text) is None), norm.text
        got = exposed.exposure_threat(norm.text, norm.chars, found)
        assert got == exposed.exposure_threat(norm.text), norm.text
        skipped += gated
        read += got
    assert skipped > 300 and read > 10  # the corpus has both kinds


def test_personal_info_with_the_code_pass_is_personal_info_alone():
    exposed_seen = 0
    for norm in corpus():
        found, codes, hits = _found(norm)
        digits = sum(c.isdigit() for c in norm.text)
        want = pii.personal_info(norm.text, None, norm.chars, digits)
        assert pii.personal_info(norm.text, None, norm.chars, digits, found, codes, hits) == want, norm.text
        exposed_seen += want["pii_exposed"] > 0
    assert exposed_seen > 10


def _taught_texts() -> list[str]:
    """Pain or fear taught, after a thing that owns it or not, cut short and run together (threat_ja._JA_TAUGHT)."""
    out = []
    for k, thing in enumerate((*threat_ja._THINGS, "お前", "")):
        for owner in ("の", "の本当の", "の真の", "", "が"):
            for first in ("痛み", "痛さ", "恐怖", "地獄", "痛", "恐"):
                rest = ("ってものを教えてやる", "をたっぷりと教えてやろう", "も教えたる", "を教えます", "教えて")[k % 5]
                out.append(thing + owner + first + rest)
    return [*out, "".join(out[:40]), "恐怖" * 50 + "教えてやる", "痛み教えてやる" * 30]


@pytest.mark.slow  # 1.5 s of CI (idle), 7.3 s of a loaded fast suite
def test_the_taught_threat_behind_its_look_ahead_finds_what_it_found():
    part = threat_ja.THREAT_JA_PARTS[-1]
    assert part.pattern == threat_ja._JA_TAUGHT and part.pattern.startswith("(?=")
    plain = re.compile(threat_ja._NOT_OF_A_THING + threat_ja._JA_TAUGHT_FIRST + threat_ja._JA_TAUGHT_REST)
    whole = re.compile("|".join(p.pattern for p in threat_ja.THREAT_JA_PARTS[:-1]) + "|" + plain.pattern)
    found = 0
    for text in [norm.text for norm in corpus()] + bench_texts() + _taught_texts():
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in part.finditer(text)] == want, text
        assert [m.span() for m in threat_ja.THREAT_JA.finditer(text)] == [m.span() for m in whole.finditer(text)], text
        found += bool(want)
    assert found > 50


def _removal_texts() -> list[str]:
    """Wishes that people be removed and their near misses (hate_ja._JA_REMOVE's verbs with and without their
    endings, 出ています, 帰ってきた), after a group or not, with a denial or a report after them, and run together."""
    verbs = ("追い出せ", "追い出して欲しい", "追い出すべき", "追い出せばいい", "追い出そう", "出ていけ", "出て行け",
             "出ていって欲しい", "出て行ってくれ", "出ていくべき", "出ていけばいい", "出ていけない", "出ています",
             "出ていった", "出てけ", "帰れ", "帰れる", "帰せ", "帰ってほしい", "帰ってきた", "帰るべき", "帰らせろ",
             "帰ればいい", "強制送還しろ", "排除すべき", "隔離してほしい", "出禁一択", "入れるな", "受け入れるな",
             "入れないでほしい", "入国させるな", "通学させないで欲しい", "通学路", "住まわせるな", "住んでいる",
             "来させんな", "日本に来るな", "もう来ないでほしい", "二度と来んな", "入れ")
    out = []
    for k, who in enumerate(("移民は", "在日の連中は", "外国人を", "あいつら", "")):
        for verb in verbs:
            after = ("。", "なんて思わない", "という声がある", "", "、とは言えない")[k % 5]
            out.append(who + verb + after)
    return [*out, "".join(out[:60]), "。".join(out[60:120]), "出てい" * 40 + "け"]


def test_the_removal_ways_apart_find_what_the_removal_found_and_are_not_scanned_in_the_news_mix():
    ways = len(hate_ja._JA_REMOVE_PARTS)
    whole = re.compile("(?:" + hate_ja._JA_REMOVE + ")" + hate_ja._JA_DENIED_AFTER)
    apart = Parts(hate_ja.HATE_JA_PARTS[:ways], _NEEDLES)
    found = 0
    for text in [norm.text for norm in corpus()] + bench_texts() + _removal_texts():
        want = [m.span() for m in whole.finditer(text)]
        assert [m.span() for m in apart.finditer(text, set(text), _NEEDLES.found(text))] == want, text
        found += bool(want)
    assert found > 50
    # the news mix names no removal: with the ways behind one guard, 住, 通学, 出てい or ないで ran it in half of it
    split = _SPLIT[hate_ja.HATE_JA]
    assert not any(split.candidates(set(text), _NEEDLES.found(text)) for text in bench_texts())


def test_personal_info_tries_only_the_pieces_whose_guard_passed():
    """With the code pass's Found, the piece loop visits the pieces whose guard's test passed, in their order: the
    sets' own answer (a plain set asks them), never one fewer; with a plain set, every piece."""
    skipped = 0
    for norm in corpus():
        found, _codes, _hits = _found(norm)
        plain = set(found)
        for digits in (0, 3):
            every = pii._PIECES if digits else pii._PIECES_NO_DIGITS
            tried = pii._pieces(digits, found)
            assert tried == tuple(p for p in every if p[1].may_match(norm.text, norm.chars, plain)), norm.text
            assert pii._pieces(digits, plain) is every
            skipped += len(every) - len(tried)
    assert skipped > 1000
