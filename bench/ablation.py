"""What each stage of `Scorer.score` costs where it runs: score() of the same comments with one stage answered from a
record of its own answers (a dict lookup), paired with plain score() in one process (A B B A, medians).

`--stages` (bench/scoring.py) times each stage over all the comments on its own; here a stage's cost is what the
whole score() saves without it, which also counts what its work leaves the next stage to miss in the caches: the
most a compiled rewrite of that stage could save. Every answered run is checked to give each comment the Score
(probabilities and explanation) plain score() gives, and to have called the stage itself not once.

    python -m bench.scoring --ablate [--n 300]
"""

from __future__ import annotations

import contextlib
import statistics
import time

import moderation.features.signals as signals_module
import moderation.text.misspellings as misspellings_module
import moderation.vectorizer as vectorizer_module


class Stage:
    """One stage where score() looks it up (`module.name`), with `key` making a hashable key of its arguments; its
    answers are recorded once (`recording`), then given back without calling it (`answering`)."""

    def __init__(self, module, name: str, key, effects=None):
        self.module, self.name, self.key, self.effects = module, name, key, effects
        self.answers: dict = {}
        self.recorded = self.called = 0

    @contextlib.contextmanager
    def _installed(self, replacement):
        original = getattr(self.module, self.name)
        setattr(self.module, self.name, replacement)
        try:
            yield original
        finally:
            setattr(self.module, self.name, original)

    @contextlib.contextmanager
    def recording(self):
        """Calls go to the stage and their answers (and what they append to list arguments) are kept."""
        def record(*args, **kwargs):
            lists = [a for a in args if isinstance(a, list)]
            before = [len(a) for a in lists]
            answer = original(*args, **kwargs)
            self.answers[self.key(*args)] = (answer, [a[n:] for a, n in zip(lists, before, strict=True)])
            self.recorded += 1
            return answer

        with self._installed(record) as original:
            yield self

    @contextlib.contextmanager
    def answering(self):
        """Calls are answered from the record (appending to list arguments what the stage appended); a call not
        recorded goes to the stage and is counted in `called`."""
        def answer(*args, **kwargs):
            got = self.answers.get(self.key(*args))
            if got is None:
                self.called += 1
                return original(*args, **kwargs)
            value, appended = got
            for target, items in zip([a for a in args if isinstance(a, list)], appended, strict=True):
                target += items
            return value

        with self._installed(answer) as original:
            yield self


def _bytes(*arrays) -> tuple:
    return tuple(a.tobytes() for a in arrays)


def stages() -> dict[str, Stage]:
    """The stages of score() as it calls them: TextFeatures.encode's normalize, signals (and within it the compiled
    code pass), normalize's misspelling reader and the compiled row-and-heads kernel (featurise)."""
    return {
        "normalize": Stage(vectorizer_module, "normalize", lambda text: text),
        "misspellings (in normalize)": Stage(misspellings_module, "misspellings", lambda text, chars=None: text),
        "signals": Stage(vectorizer_module, "signals", lambda norm, codes, *_lists: norm.text),
        "code pass (in signals)": Stage(signals_module, "code_pass", lambda codes: codes.tobytes()),
        "featurise kernel": Stage(vectorizer_module, "featurise",
                                  lambda codes, quoted, a, b, *rest: (*_bytes(codes, quoted, rest[5]), a, b)),
    }


def _answer(score) -> tuple:
    return score.scores, score.categories, score.explanation


def _median_us(fn, texts) -> float:
    times = []
    for text in texts:
        a = time.perf_counter()
        fn(text)
        times.append((time.perf_counter() - a) * 1e6)
    return statistics.median(times)


def ablate(scorer, texts: list[str], rounds: int = 3, only=None) -> dict[str, dict]:
    """Per stage: score()'s median µs with the stage (`base`) and answered from its record (`without`), each the
    median of `rounds` x 2 runs over `texts` in A B B A order; `same`: every Score as plain score() gives it;
    `recorded`/`called`: the stage's calls recorded, and those the answered runs still made (0 when it was cut)."""
    reference = [_answer(scorer.score(text)) for text in texts]
    out = {}
    for name, stage in stages().items():
        if only is not None and name not in only:
            continue
        with stage.recording():
            for text in texts:
                scorer.score(text)
        with stage.answering():
            same = [_answer(scorer.score(text)) for text in texts] == reference
        base, without = [], []
        for cut in (False, True, True, False) * rounds:
            if cut:
                with stage.answering():
                    without.append(_median_us(scorer.score, texts))
            else:
                base.append(_median_us(scorer.score, texts))
        out[name] = {"base": statistics.median(base), "without": statistics.median(without), "same": same,
                     "recorded": stage.recorded, "called": stage.called}
    return out


def report(results: dict[str, dict]) -> list[str]:
    """The results as a markdown table; 'NO' where the stage was not cut (never called, or called while answered) or
    the answers changed: that row's figures measure nothing."""
    lines = ["| stage | score() median µs | without the stage µs | its cost in the flow | cut, answers same |",
             "|---|---|---|---|---|"]
    for name, r in results.items():
        saved = r["base"] - r["without"]
        lines.append(f"| {name} | {r['base']:.0f} | {r['without']:.0f} | {saved:.0f} µs ({saved / r['base']:.0%}) | "
                     f"{'yes' if r['same'] and r['recorded'] and not r['called'] else 'NO'} |")
    return lines
