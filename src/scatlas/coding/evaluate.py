"""Comparing a coder with labels: accuracy, macro-F1, per-domain P/R/F1, confusion matrix, Cohen's kappa.

Macro-F1 averages the F1 of the domains present in the labels (a domain the labels never use cannot be
recalled, and counting it would only measure the sample). Function accuracy is reported on the rows that carry
a function label.

On real rows (corpus ``origin=real``) the issue's measures are added under ``extra["real_text"]``: strict
accuracy (the adjudicated first choice), accuracy on the rows both coders called unambiguous, accuracy against
any domain a coder accepted, the news/press-release subset coded from the service's name alone (as services
appear in news and plan summaries), and calibration (ECE, mean confidence, the auto-accept threshold for 97 %
precision and the share of rows it accepts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from scatlas.coding.calibration import auto_accept_threshold, expected_calibration_error
from scatlas.coding.corpus import NEWS_KINDS, LabelledItem, split_list
from scatlas.coding.csvio import CsvInputError, read_csv
from scatlas.coding.text import nfc
from scatlas.errors import LabelError
from scatlas.records import CodingRecord, ServiceRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, normalise_domain

_DOMAIN_IDS = [d for d, _ in DOMAIN_ORDER]


class Coder(Protocol):
    def code(self, services: list[ServiceRecord]) -> list[CodingRecord]: ...


@dataclass
class DomainScore:
    domain_id: str
    domain: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    """How a coder's domains (and functions) compare with labels."""

    n: int
    accuracy: float
    macro_f1: float
    kappa: float
    per_domain: list[DomainScore]
    labels: list[str]  # confusion matrix row/column order (domain ids)
    confusion: list[list[int]]  # rows: labelled domain, columns: coded domain
    function_n: int = 0
    function_accuracy: float | None = None
    coder: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def score_domains(
    y_true: Sequence[str], y_pred: Sequence[str]
) -> tuple[float, float, float, list[DomainScore], list[str], list[list[int]]]:
    """Accuracy, macro-F1, kappa, per-domain scores and the confusion matrix of two label lists."""
    from sklearn.metrics import (
        accuracy_score,
        cohen_kappa_score,
        confusion_matrix,
        precision_recall_fscore_support,
    )

    present = [d for d in _DOMAIN_IDS if d in set(y_true)]
    labels = [d for d in _DOMAIN_IDS if d in set(y_true) | set(y_pred)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=present, zero_division=0)
    names = dict(DOMAIN_ORDER)
    per = [
        DomainScore(d, names[d], round(float(pi), 4), round(float(ri), 4), round(float(fi), 4), int(si))
        for d, pi, ri, fi, si in zip(present, p, r, f, s, strict=True)
    ]
    macro = float(sum(x.f1 for x in per) / len(per)) if per else 0.0
    kappa = float(cohen_kappa_score(y_true, y_pred)) if len(set(y_true) | set(y_pred)) > 1 else 1.0
    cm = confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return float(accuracy_score(y_true, y_pred)), macro, kappa, per, labels, cm


def evaluate(coder: Coder, items: Sequence[LabelledItem]) -> Evaluation:
    """Codes the items' texts with the coder and scores its domains (and functions) against their labels."""
    if not items:
        raise LabelError("nothing to evaluate: no labelled rows")
    services = [ServiceRecord(name=i.name, description=i.description) for i in items]
    codings = coder.code(services)
    y_true = [i.domain_id for i in items]
    y_pred = [c.domain_id or "other" for c in codings]
    acc, macro, kappa, per, labels, cm = score_domains(y_true, y_pred)
    fun_pairs = [(i.function, c.function) for i, c in zip(items, codings, strict=True) if i.function]
    fun_acc = sum(a == b for a, b in fun_pairs) / len(fun_pairs) if fun_pairs else None
    version = getattr(coder, "version", type(coder).__name__)
    extra = _other_dimensions(items, codings)
    if any(i.origin == "real" for i in items):
        extra["real_text"] = real_text_measures(coder, items, codings)
    return Evaluation(
        len(items),
        round(acc, 4),
        round(macro, 4),
        round(kappa, 4),
        per,
        labels,
        cm,
        len(fun_pairs),
        None if fun_acc is None else round(fun_acc, 4),
        str(version),
        extra=extra,
    )


def _share(flags: Sequence[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def real_text_measures(
    coder: Coder, items: Sequence[LabelledItem], codings: Sequence[CodingRecord], precision: float = 0.97
) -> dict[str, Any]:
    """The issue's real-text measures of codings against real rows (see the module docstring)."""
    pairs = [(i, c) for i, c in zip(items, codings, strict=True) if i.origin == "real"]
    strict = [c.domain_id == i.domain_id for i, c in pairs]
    clear = [c.domain_id == i.domain_id for i, c in pairs if i.ambiguous is False]
    acceptable = [c.domain_id in i.acceptable for i, c in pairs]
    fun = [c.function == i.function for i, c in pairs if i.function]
    conf = [float(c.confidence or 0.0) for _, c in pairs]
    news = [i for i, _ in pairs if i.source_kind in NEWS_KINDS]
    news_codings = coder.code([ServiceRecord(name=i.name, description="") for i in news]) if news else []
    news_ok = [c.domain_id in i.acceptable for i, c in zip(news, news_codings, strict=True)]
    accept = auto_accept_threshold(conf, strict, precision)
    return {
        "n": len(pairs),
        "strict_accuracy": _share(strict),
        "unambiguous_accuracy": _share(clear),
        "unambiguous_n": len(clear),
        "acceptable_accuracy": _share(acceptable),
        "function_accuracy": _share(fun),
        "function_n": len(fun),
        "news_name_only_acceptable_accuracy": _share(news_ok),
        "news_n": len(news),
        "mean_confidence": round(sum(conf) / len(conf), 4) if conf else None,
        "ece": expected_calibration_error(conf, strict) if conf else None,
        "auto_accept": accept.to_json(),
    }


def _micro_f1(pairs: list[tuple[set[str], set[str]]]) -> float | None:
    tp = sum(len(t & p) for t, p in pairs)
    fp = sum(len(p - t) for t, p in pairs)
    fn = sum(len(t - p) for t, p in pairs)
    return round(2 * tp / (2 * tp + fp + fn), 4) if (tp + fp + fn) else None


def _other_dimensions(items: Sequence[LabelledItem], codings: Sequence[CodingRecord]) -> dict[str, Any]:
    """Sub-type accuracy (where the domain was right), target-group and technology micro-F1 (where labelled)."""
    out: dict[str, Any] = {}
    sub = [
        (i.subtype, c.subtype) for i, c in zip(items, codings, strict=True) if i.subtype and c.domain_id == i.domain_id
    ]
    if sub:
        out["subtype_accuracy_when_domain_right"] = round(sum(a == b for a, b in sub) / len(sub), 4)
        out["subtype_n"] = len(sub)
    groups = [
        (set(i.target_groups), set(c.target_groups)) for i, c in zip(items, codings, strict=True) if i.target_groups
    ]
    if groups:
        out["target_groups_micro_f1"] = _micro_f1(groups)
        out["target_groups_exact"] = round(sum(t == p for t, p in groups) / len(groups), 4)
    # technologies: only corpus items carry a (possibly empty) technologies label
    techs = [
        (set(i.technologies), set(c.technologies)) for i, c in zip(items, codings, strict=True) if i.source == "corpus"
    ]
    if techs:
        out["technologies_micro_f1"] = _micro_f1(techs)
    return out


def cross_validate(items: Sequence[LabelledItem], folds: int = 5, random_state: int = 0) -> dict[str, float]:
    """Stratified k-fold CV of the hybrid coder on labelled items: mean domain accuracy, macro-F1, function acc."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from scatlas.coding.store import fit_coder

    items = list(items)
    y = np.array([i.domain_id for i in items])
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    accs, macros, funs = [], [], []
    for train_idx, test_idx in skf.split(np.zeros(len(y)), y):
        coder = fit_coder([items[k] for k in train_idx])
        ev = evaluate(coder, [items[k] for k in test_idx])
        accs.append(ev.accuracy)
        macros.append(ev.macro_f1)
        if ev.function_accuracy is not None:
            funs.append(ev.function_accuracy)
    out = {
        "folds": folds,
        "n": len(items),
        "accuracy": round(float(np.mean(accs)), 4),
        "accuracy_sd": round(float(np.std(accs)), 4),
        "macro_f1": round(float(np.mean(macros)), 4),
        "macro_f1_sd": round(float(np.std(macros)), 4),
    }
    if funs:
        out["function_accuracy"] = round(float(np.mean(funs)), 4)
    return out


def read_labelled_csv(path: str | Path) -> list[LabelledItem]:
    """Labelled items from a CSV with ``name``, ``description`` and ``domain`` (any spelling) or ``domain_id``.

    Optional columns: ``function``, ``id``, ``target_groups``. A row whose domain cannot be mapped is an error
    naming the file and line.
    """
    header, rows, _ = read_csv(path, required=("name",))
    if "domain" not in header and "domain_id" not in header:
        raise CsvInputError(
            f"{path}: needs a 'domain' (Korean name) or 'domain_id' column (columns found: {', '.join(header)})"
        )
    items = []
    for line, row in enumerate(rows, start=2):
        raw = (row.get("domain_id") or "").strip() or (row.get("domain") or "").strip()
        try:
            domain_id = raw if raw in _DOMAIN_IDS else normalise_domain(raw)
        except LabelError as exc:
            raise LabelError(f"{path}, line {line}: {exc}") from None
        function = nfc(row.get("function") or "").strip() or None
        if function is not None and function not in FUNCTIONS:
            raise LabelError(f"{path}, line {line}: function {function!r} is not one of {', '.join(FUNCTIONS)}")
        items.append(
            LabelledItem(
                row.get("id") or f"row-{line}",
                nfc(row.get("name") or "").strip(),
                nfc(row.get("description") or "").strip(),
                domain_id,
                None,
                function,
                split_list(row.get("target_groups")),
                split_list(row.get("technologies")),
                source=str(path),
            )
        )
    return items
