"""Rich renderings of evaluation and agreement results for the terminal."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from scatlas.coding.evaluate import Evaluation

_SHORT = {
    "admin": "행정",
    "transport": "교통",
    "welfare": "복지",
    "environment": "환경",
    "safety": "방범",
    "facilities": "시설",
    "education": "교육",
    "culture": "문화",
    "logistics": "물류",
    "employment": "고용",
    "housing": "주거",
    "other": "기타",
}


def _num(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:.3f}"


def print_evaluation(
    console: Console,
    ev: Evaluation,
    title: str = "",
    baseline: Evaluation | None = None,
    cv: dict[str, Any] | None = None,
) -> None:
    """The headline numbers, per-domain P/R/F1 and the confusion matrix."""
    head = Table(title=escape(title or f"evaluation of {ev.coder}"), show_header=True)
    head.add_column("coder")
    head.add_column("n", justify="right")
    head.add_column("accuracy", justify="right")
    head.add_column("macro-F1", justify="right")
    head.add_column("Cohen's κ", justify="right")
    head.add_column("function acc.", justify="right")
    for e in [ev] + ([baseline] if baseline else []):
        head.add_row(
            e.coder,
            str(e.n),
            _num(e.accuracy),
            _num(e.macro_f1),
            _num(e.kappa),
            _num(e.function_accuracy) + (f" (n={e.function_n})" if e.function_n else ""),
        )
    console.print(head)
    if cv:
        console.print(
            f"{cv['folds']}-fold CV on {cv['n']} items: accuracy {cv['accuracy']:.3f} ± "
            f"{cv['accuracy_sd']:.3f}, macro-F1 {cv['macro_f1']:.3f} ± {cv['macro_f1_sd']:.3f}"
            + (f", function accuracy {cv['function_accuracy']:.3f}" if "function_accuracy" in cv else "")
        )
    per = Table(title="per domain", show_header=True)
    for col in ("domain", "precision", "recall", "F1", "n"):
        per.add_column(col, justify="left" if col == "domain" else "right")
    for d in ev.per_domain:
        per.add_row(d.domain, _num(d.precision), _num(d.recall), _num(d.f1), str(d.support))
    console.print(per)
    print_confusion(console, ev.labels, ev.confusion)


#: The issue's real-text measures, in its table's order: (key in extra["real_text"], label).
REAL_TEXT_ROWS = (
    ("unambiguous_accuracy", "domain accuracy, rows both coders call unambiguous"),
    ("strict_accuracy", "domain accuracy, strict (first-choice label)"),
    ("acceptable_accuracy", "domain, any label a coder accepts"),
    ("macro_f1", "domain macro-F1"),
    ("function_accuracy", "function accuracy"),
    ("news_name_only_acceptable_accuracy", "news/press-release services, name only, domain acceptable"),
    ("mean_confidence", "mean confidence"),
    ("ece", "expected calibration error (10 bins)"),
)


def print_real_text(console: Console, ev: Evaluation, baseline: Evaluation | None = None) -> None:
    """The real-text measures of the issue's table, with the auto-accept threshold, coder beside baseline."""
    evs = [ev] + ([baseline] if baseline is not None and "real_text" in baseline.extra else [])
    t = Table(title=f"real-text measures ({ev.extra['real_text']['n']} real rows)")
    t.add_column("measure")
    for e in evs:
        t.add_column(escape(e.coder), justify="right")
    for key, label in REAL_TEXT_ROWS:
        cells = []
        for e in evs:
            rt = e.extra["real_text"]
            value = e.macro_f1 if key == "macro_f1" else rt.get(key)
            n = {
                "unambiguous_accuracy": "unambiguous_n",
                "news_name_only_acceptable_accuracy": "news_n",
                "function_accuracy": "function_n",
            }.get(key)
            cells.append(_num(value) + (f" (n={rt[n]})" if n else ""))
        t.add_row(label, *cells)
    for e in evs:
        a = e.extra["real_text"]["auto_accept"]
        t.add_row(
            f"auto-accept at ≥ {a['target_precision']:.0%} precision: threshold / coverage" if e is ev else "",
            *([f"{_num(a['threshold'])} / {a['coverage']:.1%}" if x is e else "" for x in evs]),
        )
    console.print(t)


def print_confusion(console: Console, labels: Sequence[str], matrix: Sequence[Sequence[int]]) -> None:
    """Rows: the labelled domain; columns: the coded domain (numbered as the rows); the diagonal in green."""
    # Numbered columns keep twelve domains inside an 80-column terminal (Hangul is two cells wide).
    t = Table(title="confusion matrix (rows: label, columns: coder)", box=box.SIMPLE_HEAD, padding=(0, 1))
    t.add_column("label")
    for k in range(1, len(labels) + 1):
        t.add_column(str(k), justify="right")
    for i, lab in enumerate(labels):
        cells = []
        for j, v in enumerate(matrix[i]):
            if i == j:
                cells.append(f"[green]{v}[/]")
            else:
                cells.append(f"[red]{v}[/]" if v else "[dim]·[/]")
        t.add_row(f"{i + 1:>2} {_SHORT.get(lab, lab)}", *cells)
    console.print(t)


def print_agreement(console: Console, result: dict[str, Any]) -> None:
    """One row per dimension: units, raw agreement, kappa, alpha, method."""
    t = Table(title=escape(f"agreement: {result['coder_a']} vs {result['coder_b']} on {result['services']} services"))
    for col in ("dimension", "units", "agreement", "Cohen's κ", "Krippendorff's α", "method"):
        t.add_column(col, justify="right" if col not in ("dimension", "method") else "left")
    for d in result["dimensions"]:
        t.add_row(d["dimension"], str(d["units"]), _num(d["percent"]), _num(d["kappa"]), _num(d["alpha"]), d["method"])
    console.print(t)
