"""Page images before OCR: skew found from the text rows and undone, ruling lines found (and erased) in pixels.

Everything works on 8-bit greyscale pages (PIL mode 'L') with numpy; nothing here calls Tesseract.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

#: skew angles tried (degrees); scans are rarely more than a few degrees off
MAX_SKEW = 4.0
_COARSE_STEP = 1.0
_FINE_STEP = 0.1
#: the deskew search runs on a copy this wide (pixels): fast, and precise to ~0.1°
_SEARCH_WIDTH = 700
#: a rule is at least this long (points): longer than any glyph stroke of body or heading text
MIN_H_RULE = 36.0
MIN_V_RULE = 16.0


def dark_mask(gray: np.ndarray) -> np.ndarray:
    """Ink pixels: darker than the midpoint between paper and ink (Otsu's threshold), so blur stays ink."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return np.zeros_like(gray, dtype=bool)
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight / total - mean) ** 2 / (weight * (total - weight))
    between = np.nan_to_num(between)
    threshold = int(np.argmax(between))
    if hist[: threshold + 1].sum() > 0.5 * total:  # a blank page: Otsu splits paper noise
        threshold = min(threshold, 128)
    return gray <= threshold


def _row_score(mask: np.ndarray) -> float:
    rows = mask.sum(axis=1).astype(np.float64)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(image: Image.Image) -> float:
    """The page's skew in degrees (positive: text rises to the right), from the sharpest row profile."""
    small = image
    if image.width > _SEARCH_WIDTH:
        small = image.resize(
            (_SEARCH_WIDTH, max(1, round(image.height * _SEARCH_WIDTH / image.width))), Image.Resampling.BILINEAR
        )
    ink = Image.fromarray((dark_mask(np.asarray(small)) * 255).astype(np.uint8))
    if not np.asarray(ink).any():
        return 0.0

    def score(angle: float) -> float:
        turned = ink.rotate(-angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
        return _row_score(np.asarray(turned) > 0)

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, _COARSE_STEP)
    best = max(coarse, key=score)
    fine = np.arange(best - _COARSE_STEP / 2, best + _COARSE_STEP / 2 + 1e-9, _FINE_STEP)
    return round(float(max(fine, key=score)), 2)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned upright (white fill at the corners) and the angle it was turned by."""
    angle = skew_angle(image)
    if abs(angle) < 0.05:
        return image, 0.0
    return image.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255), angle


@dataclass
class Rule:
    """A ruling line in pixels: horizontal (y, x0..x1) or vertical (x, y0..y1), with its thickness band."""

    horizontal: bool
    at: float
    start: int
    end: int
    lo: int
    hi: int


def _runs(mask: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, start, end) of the runs of True along each row at least min_len long."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    keep = (ends - starts) >= min_len
    return rows_s[keep], starts[keep], ends[keep]


def _group(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, horizontal: bool) -> list[Rule]:
    """Runs on neighbouring rows that overlap merged into one rule (a 3-pixel rule is three runs)."""
    rules: list[Rule] = []
    open_rules: list[Rule] = []
    order = np.lexsort((starts, rows))
    for i in order:
        row, s, e = int(rows[i]), int(starts[i]), int(ends[i])
        still = []
        joined = None
        for rule in open_rules:
            if rule.hi < row - 1:
                rules.append(rule)
                continue
            still.append(rule)
            if joined is None and s < rule.end and e > rule.start:
                joined = rule
        open_rules = still
        if joined is not None:
            joined.start, joined.end = min(joined.start, s), max(joined.end, e)
            joined.hi = row
        else:
            open_rules.append(Rule(horizontal, 0.0, s, e, row, row))
    rules.extend(open_rules)
    for rule in rules:
        rule.at = (rule.lo + rule.hi) / 2
    return rules


def find_rules(ink: np.ndarray, scale: float) -> list[Rule]:
    """Horizontal and vertical ruling lines; `scale` is pixels per point."""
    h_rows, h_s, h_e = _runs(ink, max(8, round(MIN_H_RULE * scale)))
    horizontal = [r for r in _group(h_rows, h_s, h_e, True) if r.hi - r.lo <= 4 * scale]
    v_cols, v_s, v_e = _runs(ink.T, max(8, round(MIN_V_RULE * scale)))
    vertical = [r for r in _group(v_cols, v_s, v_e, False) if r.hi - r.lo <= 4 * scale]
    # a vertical stroke is a rule only where it meets a horizontal one (tall glyphs of a title meet none)
    reach = 3 * scale
    vertical = [
        v
        for v in vertical
        if any(
            h.start - reach <= v.at <= h.end + reach and v.start - reach <= h.at <= v.end + reach for h in horizontal
        )
    ]
    return horizontal + vertical


def erase_rules(gray: np.ndarray, rules: list[Rule], pad: int = 1) -> np.ndarray:
    """A copy of the page with the rules painted white (Tesseract reads cell text better without them)."""
    out = gray.copy()
    for rule in rules:
        lo, hi = max(0, rule.lo - pad), rule.hi + pad + 1
        if rule.horizontal:
            out[lo:hi, rule.start : rule.end] = 255
        else:
            out[rule.start : rule.end, lo:hi] = 255
    return out


def rule_edges(rules: list[Rule], scale: float) -> list[dict[str, object]]:
    """The rules as pdfplumber edge dicts in points (reading space: top grows downwards), for the lattice search."""
    edges: list[dict[str, object]] = []
    for rule in rules:
        at = rule.at / scale
        a, b = rule.start / scale, rule.end / scale
        if rule.horizontal:
            edges.append(
                {
                    "orientation": "h",
                    "x0": a,
                    "x1": b,
                    "top": at,
                    "bottom": at,
                    "width": b - a,
                    "height": 0.0,
                    "object_type": "line",
                }
            )
        else:
            edges.append(
                {
                    "orientation": "v",
                    "x0": at,
                    "x1": at,
                    "top": a,
                    "bottom": b,
                    "width": 0.0,
                    "height": b - a,
                    "object_type": "line",
                }
            )
    return edges
