"""Calibration measures of a coder's confidence: expected calibration error and the auto-accept threshold.

ECE: the rows are put in ``bins`` equal-width confidence bins; ECE is the row-weighted mean of
|accuracy − mean confidence| over the bins. The auto-accept threshold is the lowest confidence t such that the
codings with confidence ≥ t are right at least ``precision`` of the time — the largest share of rows a
reviewer could leave alone at that precision — with the share (coverage) it accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE over equal-width bins (a confidence of 1.0 falls in the last bin).

    >>> expected_calibration_error([0.9, 0.9, 0.6, 0.6], [True, True, True, False])
    0.1
    """
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    if not confidences:
        return float("nan")
    totals = [[0, 0.0, 0] for _ in range(bins)]  # rows, summed confidence, right
    for c, ok in zip(confidences, correct, strict=True):
        b = min(int(c * bins), bins - 1)
        totals[b][0] += 1
        totals[b][1] += c
        totals[b][2] += bool(ok)
    n = len(confidences)
    return round(sum(abs(r / m - s / m) * m / n for m, s, r in totals if m), 4)


@dataclass
class AutoAccept:
    """The auto-accept threshold for a precision target and what it accepts."""

    target_precision: float
    threshold: float | None  # None: no threshold reaches the target
    precision: float | None
    coverage: float  # share of all rows accepted
    accepted: int
    n: int

    def to_json(self) -> dict:
        return asdict(self)


def auto_accept_threshold(confidences: Sequence[float], correct: Sequence[bool], precision: float = 0.97) -> AutoAccept:
    """The lowest confidence threshold whose accepted codings reach ``precision`` (largest coverage)."""
    n = len(confidences)
    ranked = sorted(zip(confidences, correct, strict=True), key=lambda p: -p[0])
    best: tuple[float, float, int] | None = None
    right = 0
    for k, (c, ok) in enumerate(ranked, start=1):
        right += bool(ok)
        # a threshold can only sit between distinct confidences: accept all rows tied at c together
        if k < n and ranked[k][0] == c:
            continue
        if right / k >= precision:
            best = (c, right / k, k)
    if best is None:
        return AutoAccept(precision, None, None, 0.0, 0, n)
    t, p, k = best
    return AutoAccept(precision, round(t, 4), round(p, 4), round(k / n, 4) if n else 0.0, k, n)
