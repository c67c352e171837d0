"""Calibration measures: ECE by hand, the auto-accept threshold at a precision target."""

from __future__ import annotations

import math

import pytest

from scatlas.coding.calibration import auto_accept_threshold, expected_calibration_error


def test_ece_by_hand():
    # bin 0.9: 2 rows, accuracy 1.0, confidence 0.9 → 0.1; bin 0.6: 2 rows, accuracy 0.5, confidence 0.6 → 0.1
    assert expected_calibration_error([0.9, 0.9, 0.6, 0.6], [True, True, True, False]) == pytest.approx(0.1)
    assert expected_calibration_error([1.0, 0.05], [True, False]) == pytest.approx(0.025)
    assert math.isnan(expected_calibration_error([], []))
    with pytest.raises(ValueError):
        expected_calibration_error([0.5], [])


def test_perfectly_calibrated_rows_have_zero_ece():
    conf = [0.75] * 4 + [0.25] * 4
    right = [True, True, True, False, True, False, False, False]
    assert expected_calibration_error(conf, right) == 0.0


def test_auto_accept_takes_the_lowest_threshold_reaching_the_precision():
    conf = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    right = [True, True, True, True, False, True]
    a = auto_accept_threshold(conf, right, precision=0.97)
    assert (a.threshold, a.accepted, a.coverage, a.precision) == (0.8, 4, round(4 / 6, 4), 1.0)
    # 5 of 6 right at 0.6 is 0.833: reached only by a target below it
    assert auto_accept_threshold(conf, right, precision=0.8).threshold == 0.6


def test_ties_are_accepted_together_and_an_unreachable_target_accepts_nothing():
    a = auto_accept_threshold([0.9, 0.9, 0.5], [True, False, True], precision=0.97)
    assert a.threshold is None and a.accepted == 0 and a.coverage == 0.0
