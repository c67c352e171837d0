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


def test_plan_style_check_set_scores(coder):
    # Written in the wording of real plans (table cells, 사업 names, problem-first, converted-document noise) and
    # labelled before the coder saw it; never used for choosing anything (docs/coding.md).
    items = read_labelled_csv(DATA / "plan_style_check.csv")
    assert len(items) >= 150
    ev = evaluate(coder, items)
    assert ev.accuracy >= 0.89 and ev.macro_f1 >= 0.88 and ev.function_accuracy >= 0.78


def test_heldout_split_scores_and_beats_the_keyword_baseline(coder):
    items = heldout_split(load_corpus())
    ev, base = evaluate(coder, items), evaluate(KeywordCoder(), items)
    assert ev.accuracy >= 0.80 and ev.macro_f1 >= 0.80 and ev.function_accuracy >= 0.80
    assert ev.accuracy > base.accuracy + 0.1


def test_confidence_is_calibrated_on_the_heldout_split(coder):
    from scatlas.records import ServiceRecord

    items = heldout_split(load_corpus())
    codings = coder.code([ServiceRecord(i.name, i.description) for i in items])
    right = [c.domain_id == i.domain_id for c, i in zip(codings, items, strict=True)]
    mean_conf = sum(c.confidence for c in codings) / len(codings)
    assert abs(mean_conf - sum(right) / len(right)) < 0.06
    sure = [r for r, c in zip(right, codings, strict=True) if c.confidence >= 0.9]
    unsure = [r for r, c in zip(right, codings, strict=True) if c.confidence < 0.6]
    assert sum(sure) / len(sure) > sum(unsure) / len(unsure) + 0.2
