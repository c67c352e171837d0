"""Quality guards: the shipped (or freshly trained) coder on data it never trained on (the real-text test split
and the independently written check sets).

Thresholds sit a few points under the measured values (docs/coding.md) so a real regression fails, noise does not.
"""

from __future__ import annotations

from scatlas.coding.baseline import KeywordCoder
from scatlas.coding.calibration import auto_accept_threshold, expected_calibration_error
from scatlas.coding.corpus import load_corpus, real_test_split
from scatlas.coding.evaluate import evaluate, read_labelled_csv
from scatlas.records import ServiceRecord

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


def test_real_text_test_split_reaches_the_issue_floors_and_beats_the_keyword_baseline(coder):
    # Real descriptions (news, press releases, city pages) coded by two analysts with the guide and adjudicated;
    # never trained on. Floors: the issue's "to resolve" column, or a few points under the measured value
    # (docs/coding.md) where that is lower, so a regression fails and noise does not.
    items = real_test_split(load_corpus())
    assert len(items) >= 300
    ev, base = evaluate(coder, items), evaluate(KeywordCoder(), items)
    rt = ev.extra["real_text"]
    assert rt["strict_accuracy"] >= 0.85
    assert rt["unambiguous_accuracy"] >= 0.93
    assert rt["acceptable_accuracy"] >= 0.94
    assert ev.macro_f1 >= 0.85
    assert rt["function_accuracy"] >= 0.80
    assert rt["news_name_only_acceptable_accuracy"] >= 0.83
    assert rt["strict_accuracy"] > base.extra["real_text"]["strict_accuracy"] + 0.15


def test_confidence_is_calibrated_on_real_text(coder):
    items = real_test_split(load_corpus())
    codings = coder.code([ServiceRecord(i.name, i.description) for i in items])
    right = [c.domain_id == i.domain_id for c, i in zip(codings, items, strict=True)]
    conf = [c.confidence for c in codings]
    assert expected_calibration_error(conf, right) < 0.08
    assert abs(sum(conf) / len(conf) - sum(right) / len(right)) < 0.06
    accept = auto_accept_threshold(conf, right, 0.97)
    assert accept.threshold is not None and accept.coverage >= 0.4


def test_a_name_with_no_deciding_word_says_so_with_low_confidence(coder):
    (vague,) = coder.code([ServiceRecord("스마트 서비스", "")])
    assert vague.confidence <= 0.6 and "결정적 단어 없음" in vague.rationale
    assert len(vague.top2) == 2 and vague.top2[0][0] != vague.top2[1][0]
