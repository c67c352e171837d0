"""Quality guards: the shipped (or freshly trained) coder on data it never trained on.

Thresholds sit a few points under the measured values (docs/coding.md) so a real regression fails, noise does not.
"""

from __future__ import annotations

from scatlas.coding.baseline import KeywordCoder
from scatlas.coding.corpus import heldout_split, load_corpus
from scatlas.coding.evaluate import evaluate, read_labelled_csv

from .conftest import DATA


def test_independent_check_set_scores(coder):
    items = read_labelled_csv(DATA / "realistic_check.csv")
    assert len(items) >= 80
    ev = evaluate(coder, items)
    assert ev.accuracy >= 0.90 and ev.macro_f1 >= 0.88 and ev.function_accuracy >= 0.80


def test_heldout_split_scores_and_beats_the_keyword_baseline(coder):
    items = heldout_split(load_corpus())
    ev, base = evaluate(coder, items), evaluate(KeywordCoder(), items)
    assert ev.accuracy >= 0.80 and ev.macro_f1 >= 0.80 and ev.function_accuracy >= 0.80
    assert ev.accuracy > base.accuracy + 0.1
