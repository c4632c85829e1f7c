"""The worst generated 10,000-character input against an ordinary comment, measured in a fresh interpreter.

    python -m tests.support.adversarial_worst ARTIFACT SHA256   (prints [ratio, pattern, first characters] as JSON)

tests/test_text_adversarial.py runs this as its own process: inside the full suite, the heap of a thousand
earlier tests slowed the allocation-heavy inputs more than the ordinary comment (3.04-3.45x in CI for inputs
measured at 2.4-2.9x alone), which says nothing about the text path's linearity.
The artifact is the session's tiny model (conftest's tiny_model, trained once for all runs): training it again here
cost ~1.7 s of each CI run's CPU for the same bytes.
"""

import gc
import json
import sys

from bench.adversarial import worst_ratio
from moderation.scoring.scorer import load_scorer


def main(artifact: str, sha256: str) -> None:
    scorer = load_scorer(artifact, sha256)
    gc.collect()
    gc.disable()  # a collection landing on one side only is noise, not a cost of the input
    worst = worst_ratio(scorer)
    print(json.dumps([worst["ratio"], worst["pattern"], worst["sample"]], ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
