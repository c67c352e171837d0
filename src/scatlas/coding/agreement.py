"""Inter-coder agreement: Cohen's kappa (scikit-learn) and Krippendorff's alpha (nominal, computed here).

Single-valued dimensions (domain, subtype, function) are compared as nominal codes on the services both coders
coded (a service one coder left blank on that dimension is left out of it). The multi-label dimensions
(target_groups, technologies) are compared **per label as binary decisions**: every (service, label) pair is one
unit coded present/absent by each coder, pooled over the labels (all target groups; the technologies either
coder used). This keeps both statistics in their textbook nominal form; MASI distance is not used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from itertools import permutations
from typing import Any

from scatlas.errors import ScatlasError
from scatlas.taxonomy import TARGET_GROUPS

DIMENSIONS = ("domain", "subtype", "function", "target_groups", "technologies")


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal data; ``units[u]`` holds each coder's value for unit u (None: missing).

    Units with fewer than two values are not pairable and are ignored. Returns nan when every pairable value
    is the same (no variation: alpha is undefined).

    >>> round(krippendorff_alpha_nominal([(0, 1), (1, 1), (0, 1), (0, 0), (0, 0), (0, 1), (0, 0), (0, 0), (1, 0), (0, 0)]), 3)
    0.095
    """
    coincidence: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for a, b in permutations(range(m), 2):  # ordered pairs of different coders within the unit
            coincidence[(values[a], values[b])] += 1.0 / (m - 1)
    n_c: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _k), w in coincidence.items():
        n_c[c] += w
    n = sum(n_c.values())
    if n <= 1:
        return float("nan")
    observed = sum(w for (c, k), w in coincidence.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return float("nan")
    return 1.0 - (n - 1) * observed / expected


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa of two coders' paired codes (scikit-learn); nan when both used one and the same code."""
    from sklearn.metrics import cohen_kappa_score

    if len(set(a) | set(b)) < 2:
        return float("nan")
    return float(cohen_kappa_score([str(x) for x in a], [str(x) for x in b]))


@dataclass
class DimensionAgreement:
    dimension: str
    units: int  # services (or service×label pairs for the multi-label dimensions) compared
    percent: float  # raw agreement
    kappa: float
    alpha: float
    method: str  # 'nominal' or 'per-label binary'


def _labels(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, (list, tuple, set)):
        return {str(v) for v in value if str(v)}
    return {p for p in (x.strip() for x in str(value).split(";")) if p}


def compare(
    rows_a: dict[Any, dict[str, Any]], rows_b: dict[Any, dict[str, Any]], dimensions: Sequence[str] = DIMENSIONS
) -> list[DimensionAgreement]:
    """Agreement per dimension between two coders' codings (service id -> coding row) on the shared services."""
    shared = sorted(set(rows_a) & set(rows_b))
    out = []
    for dim in dimensions:
        if dim in ("target_groups", "technologies"):
            if dim == "target_groups":
                labels = list(TARGET_GROUPS)
            else:
                labels = sorted(
                    set().union(*(_labels(rows_a[s].get(dim)) | _labels(rows_b[s].get(dim)) for s in shared))
                    if shared
                    else set()
                )
            a: list[Any] = []
            b: list[Any] = []
            for s in shared:
                la, lb = _labels(rows_a[s].get(dim)), _labels(rows_b[s].get(dim))
                for lab in labels:
                    a.append(lab in la)
                    b.append(lab in lb)
            method = "per-label binary"
        else:
            key = "domain_id" if dim == "domain" else dim
            pairs = [(rows_a[s].get(key), rows_b[s].get(key)) for s in shared]
            pairs = [(x, y) for x, y in pairs if x not in (None, "") and y not in (None, "")]
            a, b = [x for x, _ in pairs], [y for _, y in pairs]
            method = "nominal"
        n = len(a)
        percent = sum(x == y for x, y in zip(a, b, strict=True)) / n if n else float("nan")
        kappa = cohen_kappa(a, b) if n else float("nan")
        alpha = krippendorff_alpha_nominal(list(zip(a, b, strict=True))) if n else float("nan")
        out.append(DimensionAgreement(dim, n, round(percent, 4), round(kappa, 4), round(alpha, 4), method))
    return out


def coder_prefix(name: str) -> str:
    """The catalogue coder pattern of a --coder value: 'auto' → any auto coder, 'human' → any person."""
    if name in ("auto", "human"):
        return name + ":"
    if not name.startswith(("auto:", "human:")):
        return "human:" + name  # a bare name is a person
    return name


def catalogue_agreement(cat: Any, coder_a: str, coder_b: str) -> dict[str, Any]:
    """Agreement between two coders of a catalogue, per dimension, as a JSON-ready dict."""
    pa, pb = coder_prefix(coder_a), coder_prefix(coder_b)
    if pa == pb:
        raise ScatlasError(f"--coder {coder_a} and --coder {coder_b} are the same coder")
    rows_a, rows_b = cat.latest_codings(pa), cat.latest_codings(pb)
    if not rows_a:
        raise ScatlasError(f"no codings by {pa!r} in the catalogue")
    if not rows_b:
        raise ScatlasError(f"no codings by {pb!r} in the catalogue")
    dims = compare(rows_a, rows_b)
    return {
        "coder_a": pa,
        "coder_b": pb,
        "services": len(set(rows_a) & set(rows_b)),
        "dimensions": [asdict(d) for d in dims],
    }


#: What two coders of a CSV label file are compared on (the labelling guide's output format, §8).
FILE_DIMENSIONS = ("domain", "subtype", "function", "ambiguous")


def file_agreement(path_a: Any, path_b: Any) -> dict[str, Any]:
    """Agreement between two coders' label files (``id,domain_id,…,subtype,function``; the guide's format) on
    the ids both coded, per dimension, as a JSON-ready dict. Sub-type agreement is over all shared rows (a
    sub-type is only the same when the domain is too)."""
    from scatlas.coding.csvio import read_csv

    rows = []
    for path in (path_a, path_b):
        _, data, _ = read_csv(path, required=("id", "domain_id"))
        rows.append(
            {
                r["id"].strip(): {k: (v or "").strip() for k, v in r.items() if k}
                for r in data
                if (r.get("id") or "").strip()
            }
        )
    dims = compare(rows[0], rows[1], FILE_DIMENSIONS)
    return {
        "coder_a": str(path_a),
        "coder_b": str(path_b),
        "services": len(set(rows[0]) & set(rows[1])),
        "dimensions": [asdict(d) for d in dims],
    }
