"""Archetypes measured against labelled pairs of real services.

The bundled real services (data/pairs/real_services.csv: harvested published descriptions of services from many
municipalities, with source and retrieval date) form one catalogue; find_archetypes groups it, and every labelled
pair (data/pairs/real_pairs.csv: same / related / different by two coders, adjudicated) is scored by whether its
two services ended in one archetype ('same' is the positive class; related and different are negatives).

- pairwise precision / recall / F1 over the labelled pairs of a part (`pair_split`: a fixed 3-in-10 test part by a
  hash of the pair id; the rest tunes);
- B-cubed precision / recall / F1 over the services of the part's pairs, with the gold groups taken as the
  connected components of the 'same' pairs (pairs nobody labelled count as different, so B-cubed precision is a
  lower bound);
- the plain baseline: character 2–4-gram TF-IDF cosine of name + description, each pair judged alone at a
  threshold.
`choose()` picks the threshold and the weak-link share on the tuning part only; `report()` gives every figure of
docs/analysis.md. Command: `python -m scatlas.analysis.archetype_eval` (add a services and a pairs CSV to measure
other files of the same format).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from scatlas.analysis import archetypes as A
from scatlas.analysis.frame import Row

#: Thresholds tried by choose() (both services described) and the weak-link shares.
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.04, 0.21, 0.02))
#: Settings whose tuning F1 is within this of the best are taken as equal; among them the one with the best
#: B-cubed F1 wins (fewer over-merged groups: pairwise F1 on labelled pairs barely sees a group swallowing
#: services nobody labelled, B-cubed does).
F1_TOLERANCE = 0.01
WEAK_LINKS = (1.0, 0.7)
POSITIVE = "same"


def _read(path: str | Path | None, default: str) -> list[dict[str, str]]:
    if path is None:
        text = resources.files("scatlas.data").joinpath(f"pairs/{default}").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8-sig")
    return [
        {k: unicodedata.normalize("NFC", v or "") for k, v in r.items() if k} for r in csv.DictReader(io.StringIO(text))
    ]


def load_services(path: str | Path | None = None) -> list[dict[str, str]]:
    """The real services (id, name, description, municipality, source_url, …); bundled file by default."""
    return _read(path, "real_services.csv")


def load_pairs(path: str | Path | None = None, part: str | None = None) -> list[dict[str, str]]:
    """The labelled real pairs (pair_id, a_id, b_id, label, …); part='tune' or 'test' for one side of the split."""
    pairs = [p for p in _read(path, "real_pairs.csv") if p.get("label")]
    return pairs if part is None else [p for p in pairs if A.pair_split(p["pair_id"]) == part]


def rows_of(services: Sequence[dict[str, str]], names_only: bool = False) -> tuple[list[Row], dict[str, int]]:
    """Analysis rows of the services (no domain: one block) and service id → row id."""
    rows, index = [], {}
    for k, s in enumerate(services):
        muni = s.get("municipality") or f"미상-{s['id']}"
        rows.append(
            Row(
                k,
                k,
                muni,
                "",
                None,
                None,
                s.get("source_url", ""),
                None,
                s["name"],
                "" if names_only else s.get("description", ""),
                None,
                None,
                None,
                "",
                None,
                None,
                None,
            )
        )
        index[s["id"]] = k
    return rows, index


def _prf(tp: int, predicted: int, actual: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def pairwise(same_group: Sequence[bool], pairs: Sequence[dict[str, str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of 'in one group' against the pairs' labels."""
    truth = [p["label"] == POSITIVE for p in pairs]
    tp = sum(1 for g, t in zip(same_group, truth, strict=True) if g and t)
    p, r, f = _prf(tp, sum(same_group), sum(truth))
    return {"pairs": len(pairs), "same": sum(truth), "precision": p, "recall": r, "f1": f}


def bcubed(group_of: dict[str, Any], pairs: Sequence[dict[str, str]]) -> dict[str, float]:
    """B-cubed over the services of the pairs: gold = components of the 'same' pairs; predicted = the archetype
    (restricted to those services; a service in none is alone)."""
    ids = sorted({p[k] for p in pairs for k in ("a_id", "b_id")})
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p["label"] == POSITIVE:
            parent[find(p["a_id"])] = find(p["b_id"])
    gold: dict[str, set[str]] = defaultdict(set)
    pred: dict[Any, set[str]] = defaultdict(set)
    for i in ids:
        gold[find(i)].add(i)
        pred[group_of.get(i, ("alone", i))].add(i)
    precision = recall = 0.0
    for i in ids:
        g = gold[find(i)]
        c = pred[group_of.get(i, ("alone", i))]
        both = len(g & c)
        precision += both / len(c)
        recall += both / len(g)
    n = max(1, len(ids))
    p_, r_ = precision / n, recall / n
    return {
        "services": len(ids),
        "precision": round(p_, 4),
        "recall": round(r_, 4),
        "f1": round(2 * p_ * r_ / (p_ + r_), 4) if p_ + r_ else 0.0,
    }


def group_quality(
    services: Sequence[dict[str, str]],
    pairs: Sequence[dict[str, str]],
    *,
    threshold: float = A.THRESHOLD,
    name_threshold: float = A.NAME_THRESHOLD,
    weak_link: float | None = None,
    exhaustive_block: int | None = None,
    names_only: bool = False,
    scored: A.ScoredPairs | None = None,
) -> dict[str, Any]:
    """Run find_archetypes on the services and score the labelled pairs (pairwise and B-cubed)."""
    rows, index = rows_of(services, names_only)
    result = A.find_archetypes(
        rows,
        threshold,
        name_threshold,
        weak_link=weak_link,
        exhaustive_block=exhaustive_block,
        scored=scored,
        labels=False,
    )
    by_row = dict(result.archetype_of)
    group_of = {s["id"]: by_row[index[s["id"]]] for s in services if index[s["id"]] in by_row}
    usable = [p for p in pairs if p["a_id"] in index and p["b_id"] in index]
    same = [bool(group_of.get(p["a_id"])) and group_of.get(p["a_id"]) == group_of.get(p["b_id"]) for p in usable]
    sizes = [a["services"] for a in result.archetypes]
    return {
        "pairwise": pairwise(same, usable),
        "bcubed": bcubed(group_of, usable),
        "archetypes": len(result.archetypes),
        "largest": max(sizes, default=0),
        "grouped_services": sum(sizes),
        "services": len(services),
    }


def baseline_scores(services: Sequence[dict[str, str]], pairs: Sequence[dict[str, str]]) -> np.ndarray:
    """Plain character 2–4-gram TF-IDF cosine of name + description (fitted on all the services) per pair."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = {s["id"]: f"{s['name']} {s.get('description', '')}" for s in services}
    ids = list(texts)
    where = {i: k for k, i in enumerate(ids)}
    m = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit_transform(
        [texts[i] for i in ids]
    )
    a = m[[where[p["a_id"]] for p in pairs]]
    b = m[[where[p["b_id"]] for p in pairs]]
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def method_scores(
    services: Sequence[dict[str, str]], pairs: Sequence[dict[str, str]], names_only: bool = False
) -> np.ndarray:
    """The archetype similarity (textsim.pair_similarity, vectors fitted on all the services) per pair."""
    from scatlas.analysis.textsim import pair_similarity, vectorise

    where = {s["id"]: k for k, s in enumerate(services)}
    vectors = vectorise(
        [s["name"] for s in services], ["" if names_only else s.get("description", "") for s in services]
    )
    sims, _ = pair_similarity(
        vectors, np.array([where[p["a_id"]] for p in pairs]), np.array([where[p["b_id"]] for p in pairs])
    )
    return sims


#: Thresholds tried by best_threshold(): 0.02 to 0.94 in steps of 0.01.
THRESHOLD_GRID = tuple(round(t, 2) for t in np.arange(0.02, 0.95, 0.01))


def best_threshold(
    scores: np.ndarray,
    pairs: Sequence[dict[str, str]],
    grid: Sequence[float] = THRESHOLD_GRID,
) -> dict[str, float]:
    """The F1-best threshold of per-pair scores (ties: the higher threshold)."""
    best: dict[str, float] = {}
    for t in grid:
        m = pairwise(list(scores >= t), pairs)
        if not best or (m["f1"], t) >= (best["f1"], best["threshold"]):
            best = {"threshold": float(t), **m}
    return best


#: Blends tried by choose(): (textsim.KIND_WEIGHT: the kind vs character grams, textsim.TEXT_WEIGHT: name and
#: description vs the name alone, textsim.KIND_GATE: how much the kind gates the similarity).
BLENDS = ((0.0, 0.7, 0.0), (0.0, 0.7, 0.5), (0.5, 0.7, 0.0), (0.5, 0.7, 0.5))


def choose(
    services: Sequence[dict[str, str]],
    tune: Sequence[dict[str, str]],
    thresholds: Sequence[float] = THRESHOLDS,
    weak_links: Sequence[float] = WEAK_LINKS,
    blends: Sequence[tuple[float, float, float]] = BLENDS,
    names_only: bool = False,
) -> dict[str, Any]:
    """The blend, threshold and weak-link share chosen on the tuning pairs: the best grouped pairwise F1, and among
    the settings within F1_TOLERANCE of it the best B-cubed F1. names_only drops the descriptions (then only the
    threshold and weak link vary). The result carries every setting tried ('curve')."""
    from scatlas.analysis import textsim

    saved = textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE
    rows, _ = rows_of(services, names_only)
    tried: list[dict[str, Any]] = []
    try:
        for kind_w, text_w, gate in blends:
            textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE = kind_w, text_w, gate
            scored = A.score_pairs_of(rows)
            for weak in weak_links:
                for t in thresholds:
                    q = group_quality(
                        services,
                        tune,
                        threshold=t,
                        name_threshold=t,
                        weak_link=weak,
                        names_only=names_only,
                        scored=scored,
                    )
                    tried.append(
                        {
                            "threshold": t,
                            "weak_link": weak,
                            "kind_weight": kind_w,
                            "text_weight": text_w,
                            "kind_gate": gate,
                            "tune": q,
                        }
                    )
    finally:
        textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE = saved
    top = max(c["tune"]["pairwise"]["f1"] for c in tried)
    near = [c for c in tried if c["tune"]["pairwise"]["f1"] >= top - F1_TOLERANCE]
    best = max(near, key=lambda c: (c["tune"]["bcubed"]["f1"], c["tune"]["pairwise"]["f1"], c["threshold"]))
    best["curve"] = [
        {k: c[k] for k in ("threshold", "weak_link", "kind_weight", "text_weight", "kind_gate")}
        | {"f1": c["tune"]["pairwise"]["f1"], "bcubed_f1": c["tune"]["bcubed"]["f1"], "largest": c["tune"]["largest"]}
        for c in tried
    ]
    return best


def report(
    services_path: str | Path | None = None, pairs_path: str | Path | None = None, tune_choice: bool = False
) -> dict[str, Any]:
    """Every figure of docs/analysis.md on the real pairs: the method at the shipped settings (or with blend,
    thresholds and weak link re-chosen on the tuning part when tune_choice), the plain baseline at its best
    threshold, on both parts; grouped (find_archetypes) and, for the method, per pair."""
    from scatlas.analysis import textsim

    services = load_services(services_path)
    tune = load_pairs(pairs_path, "tune")
    test = load_pairs(pairs_path, "test")
    out: dict[str, Any] = {
        "services": len(services),
        "tune_pairs": len(tune),
        "test_pairs": len(test),
        "test_same": sum(p["label"] == POSITIVE for p in test),
    }
    settings = {
        "threshold": A.THRESHOLD,
        "name_threshold": A.NAME_THRESHOLD,
        "weak_link": A.WEAK_LINK,
        "kind_weight": textsim.KIND_WEIGHT,
        "text_weight": textsim.TEXT_WEIGHT,
        "kind_gate": textsim.KIND_GATE,
    }
    if tune_choice:
        chosen = choose(services, tune)
        named = choose(
            services,
            tune,
            weak_links=(chosen["weak_link"],),
            names_only=True,
            blends=((chosen["kind_weight"], chosen["text_weight"], chosen["kind_gate"]),),
        )
        out["choice_curve"] = chosen["curve"]
        out["choice_curve_names_only"] = named["curve"]
        settings = {
            "threshold": chosen["threshold"],
            "name_threshold": named["threshold"],
            "weak_link": chosen["weak_link"],
            "kind_weight": chosen["kind_weight"],
            "text_weight": chosen["text_weight"],
            "kind_gate": chosen["kind_gate"],
        }
    out["settings"] = settings
    saved = textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE
    textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE = (
        settings["kind_weight"],
        settings["text_weight"],
        settings["kind_gate"],
    )
    try:
        for variant, names_only, exhaustive_block in (
            ("", False, None),
            ("_keys_only", False, 0),
            ("_names_only", True, None),
        ):
            rows, _ = rows_of(services, names_only)
            scored = A.score_pairs_of(rows, exhaustive_block)
            for part, pairs in (("tune", tune), ("test", test)):
                out[part + variant] = group_quality(
                    services,
                    pairs,
                    names_only=names_only,
                    scored=scored,
                    threshold=settings["threshold"],
                    name_threshold=settings["name_threshold"],
                    weak_link=settings["weak_link"],
                )
        scores_tune = method_scores(services, tune)
        pair_best = best_threshold(scores_tune, tune)
        out["method_pairs"] = {
            "tuned_threshold": pair_best["threshold"],
            "tune": pair_best,
            "test_at_tuned": pairwise(list(method_scores(services, test) >= pair_best["threshold"]), test),
        }
    finally:
        textsim.KIND_WEIGHT, textsim.TEXT_WEIGHT, textsim.KIND_GATE = saved
    base_tune = best_threshold(baseline_scores(services, tune), tune)
    out["baseline"] = {
        "tuned_threshold": base_tune["threshold"],
        "tune": base_tune,
        "test_at_tuned": pairwise(list(baseline_scores(services, test) >= base_tune["threshold"]), test),
        "test_best": best_threshold(baseline_scores(services, test), test),
    }
    return out


def main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Archetypes against the labelled real pairs")
    parser.add_argument("services", nargs="?", help="services CSV (default: the bundled real services)")
    parser.add_argument("pairs", nargs="?", help="labelled pairs CSV (default: the bundled real pairs)")
    parser.add_argument(
        "--choose", action="store_true", help="re-choose blend, thresholds and weak link on the tuning part"
    )
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    text = json.dumps(report(args.services, args.pairs, args.choose), ensure_ascii=False, indent=1)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
