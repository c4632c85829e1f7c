"""bench.parity's comparison of two sides' dumps and bench.reader_count's report of its toggled dumps."""

from __future__ import annotations

from bench.parity import differ
from bench.reader_count import NOOP, _toggled, report


def test_equal_dumps_differ_nowhere_and_a_changed_or_missing_row_is_shown(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"text": "x", "scores": 1}\n{"text": "y", "scores": 2}\n', encoding="utf-8")
    b.write_text(a.read_text(encoding="utf-8"), encoding="utf-8")
    assert differ(a, b) == (0, [])
    b.write_text('{"text": "x", "scores": 1}\n{"text": "y", "scores": 3}\n{"text": "z", "scores": 4}\n',
                 encoding="utf-8")
    bad, lines = differ(a, b)
    assert bad == 2  # row 1 changed, row 2 only in B
    assert lines[0].startswith("row 1 A:") and '"scores": 3' in lines[1] and lines[3].endswith("{\"text\": \"z\", "
                                                                                              "\"scores\": 4}")
    assert lines[2] == "row 2 A: (none)"


def test_the_report_takes_the_toggling_off_each_call_and_compares_the_sides():
    counts = {f"{NOOP} 1000 A": [2_000_000], f"{NOOP} 1000 B": [2_000_000], "_urls 50 A": [3_100_000],
              "_urls 50 B": [2_600_000], "_words 100 A": [5_200_000]}
    lines = report(counts, [NOOP, "_urls", "_words"], 100)
    assert lines[0].startswith("toggling a call: A 2,000, B 2,000")
    urls = next(line for line in lines if line.startswith("| _urls |"))
    # (3.1M - 50 x 2k) / 50 = 60.0k a call, 30.0k a text; B 50.0k and 25.0k
    assert urls == "| _urls | 50, 50 | 60.0 | 50.0 | 30.0 | 25.0 | -5.0 (-16.7%) |"
    assert "| _words (A only) | 100 | 50.0 |  | 50.0 |  | |" in lines
    (alone,) = [line for line in report({"_words 100 B": [5_200_000]}, ["_words"], 100) if "_words" in line]
    assert alone == "| _words (B only) | 100 |  | 52.0 |  | 52.0 | |"  # no toggling counted: nothing taken off


def test_collection_is_toggled_at_the_outermost_call_only():
    toggles, depth, calls = [], [0], [0]

    def reader(k):
        return k if k == 0 else wrapped(k - 1)

    wrapped = _toggled(reader, lambda: toggles.append(depth[0]), depth, calls)
    assert wrapped(3) == 0
    assert toggles == [0, 0] and calls == [1] and depth == [0]  # on before the outer call, off after it: twice
