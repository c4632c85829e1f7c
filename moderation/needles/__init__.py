"""Needles of a regex: strings of which every match contains one, so a text without any is never scanned.

A regex scan costs a match attempt at every position of the text; most comments contain none of what a
signal's pattern needs. `Needles(pattern)` reads the parsed pattern once (literal runs, small character
classes, alternations, repeats of at least one) and keeps the most selective set it can prove necessary;
`may_match(text, chars)` is then a set lookup or a few substring tests. A pattern it cannot reason about (a leading `.`,
a large class, IGNORECASE) gets no needles and is always scanned: the guard can only skip, never change, a
result (tests/test_needles.py checks that on generated and adversarial text).
"""
