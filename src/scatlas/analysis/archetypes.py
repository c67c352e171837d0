"""Archetypes: groups of near-identical services planned by different municipalities.

Never n×n. Services with the same folded name (their own place name removed) form one unit. Units are blocked by
domain: a block of at most EXHAUSTIVE_BLOCK units is scored in full by sparse block products; bigger blocks and
pairs across blocks get candidates from cheap keys only — the same 'core' or normalised 'content' name, at least
MIN_SHARED_GRAMS rare 3-grams (document frequency ≤ RARE_GRAM_DF) of the name and the start of the description, or
MIN_SHARED_TOKENS rare name nouns. Pairs at or above the threshold (THRESHOLD when both services have a description,
NAME_THRESHOLD when one has only a name; similarity in textsim) are near-identical; average linkage over them (a
group's cross pairs must be near-identical on average) gives groups, and a group with services from two or more
municipalities is an archetype. Both thresholds were chosen on the tuning part of data/pairs/archetype_pairs.csv
(docs/analysis.md; `choose_threshold()` recomputes them, `precision_recall()` and `grouping_quality()` measure).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from scatlas.analysis import textsim
from scatlas.analysis.frame import Row
from scatlas.analysis.textsim import (
    TextVectors,
    content_key,
    core_key,
    fold,
    name_tokens,
    pair_similarity,
    vectorise,
)

#: Name-and-description cosine at or above which two described services are 'near-identical' (F1-best).
THRESHOLD = 0.08
#: Name cosine at or above which two services are near-identical when either has no description (F1-best).
NAME_THRESHOLD = 0.10
#: Thresholds are chosen among those with at least this precision on the labelled pairs (choose_threshold).
MIN_PRECISION = 0.9
#: 3-grams carried by more units than this are too common to propose candidates.
RARE_GRAM_DF = 30
#: Rare 3-grams two units must share to become a candidate pair.
MIN_SHARED_GRAMS = 3
#: How near-identical pairs become groups: "average" linkage (a group's cross pairs must be near-identical on
#: average) or "star" (a centre takes all its partners; the method before average linkage, kept for comparison).
CLUSTERING = "average"
#: Pairs below the threshold but at or above this share of it still count in average linkage with their
#: similarity (instead of 0): a service close to most of a group, though not near-identical to every member,
#: can join it. 1.0 = only near-identical pairs count (the method before the real labelled pairs).
WEAK_LINK = 0.7
#: Rare name nouns (after synonyms and stop-words; the head noun counts as one more) two units must share.
MIN_SHARED_TOKENS = 2
#: How much of the description feeds the blocking keys (the opening says what the service is).
KEY_DESCRIPTION_CHARS = 40
#: Domain blocks up to this many distinct names are compared exhaustively (two sparse block products, bounded
#: by EXHAUSTIVE_BLOCK² / 2 pairs); larger blocks fall back to the cheap keys.
EXHAUSTIVE_BLOCK = 1500


@dataclass
class ArchetypeResult:
    """The archetypes and, per service, its archetype id and its best match in another municipality."""

    archetypes: list[dict[str, Any]]
    archetype_of: dict[int, str] = field(default_factory=dict)  # service_id → archetype id
    best_other: dict[int, float] = field(default_factory=dict)  # service_id → best match elsewhere / threshold
    candidate_pairs: int = 0


def without_place(name: str, municipality: str) -> str:
    """The service name without its own municipality's name ('춘천 관광 안내 앱' → '관광 안내 앱')."""
    stem = municipality[:-1] if len(municipality) > 2 and municipality[-1] in "시군구도" else municipality
    for place in (municipality, stem):
        if place and place in name:
            stripped = name.replace(place, " ").strip()
            return stripped or name
    return name


def _key_grams(name: str, description: str = "") -> set[str]:
    grams: set[str] = set()
    for prefix, text in (("n", fold(name)), ("d", fold(description)[:KEY_DESCRIPTION_CHARS])):
        grams.update(prefix + text[k : k + 3] for k in range(len(text) - 2))
    return grams


def candidate_pairs(names: Sequence[str], descriptions: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Unit pairs (i < j) proposed by the cheap keys: the same core or content name, ≥ MIN_SHARED_GRAMS rare 3-grams,
    or ≥ MIN_SHARED_TOKENS rare name nouns."""
    n = len(names)
    pairs: set[tuple[int, int]] = set()
    for key in (core_key, content_key):
        by_core: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(names):
            by_core[key(name)].append(i)
        for members in by_core.values():
            # A star is enough for union–find; all pairs would be quadratic in a popular core.
            head = members[0]
            pairs.update((head, m) for m in members[1:])
    gram_ids: dict[str, int] = {}
    rows, cols = [], []
    descriptions = descriptions if descriptions is not None else [""] * n
    for i, (name, desc) in enumerate(zip(names, descriptions, strict=True)):
        for g in _key_grams(name, desc):
            rows.append(i)
            cols.append(gram_ids.setdefault(g, len(gram_ids)))
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    if not rows:
        return left, right
    token_rows: list[int] = []
    token_cols: list[int] = []
    token_ids: dict[str, int] = {}
    for i, toks in enumerate(name_tokens(names)):
        for t in set(toks):
            token_rows.append(i)
            token_cols.append(token_ids.setdefault(t, len(token_ids)))
    for rows_, cols_, width, need in (
        (rows, cols, len(gram_ids), MIN_SHARED_GRAMS),
        (token_rows, token_cols, len(token_ids), MIN_SHARED_TOKENS),
    ):
        if not rows_:
            continue
        keys = sparse.csr_matrix((np.ones(len(rows_), dtype=np.int32), (rows_, cols_)), shape=(n, width))
        df = np.asarray(keys.sum(axis=0)).ravel()
        rare = np.flatnonzero((df >= 2) & (df <= RARE_GRAM_DF))
        keys = keys[:, rare].tocsr()
        # Shared rare keys per pair: bounded by Σ df² ≤ RARE_GRAM_DF · Σ df, i.e. linear in the number of units.
        shared = sparse.triu(keys @ keys.T, k=1).tocoo()
        keep = shared.data >= need
        left = np.concatenate([left, shared.row[keep].astype(np.int64)])
        right = np.concatenate([right, shared.col[keep].astype(np.int64)])
    if len(left):
        packed = np.unique(left * n + right)
        left, right = packed // n, packed % n
    return left, right


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _block_scores(vectors: TextVectors, units: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All pairs of a small block, scored from two sparse products (only pairs sharing an n-gram appear)."""
    full = vectors.full[units]
    names = vectors.names[units]
    described = sparse.diags(vectors.has_description[units].astype(np.float32))
    # both described: w·text + (1 − w)·name; otherwise the name alone (textsim.pair_similarity, in block form)
    name_only = sparse.triu(names @ names.T, k=1).tocoo()
    name_only.data *= vectors.head_factor(units[name_only.row], units[name_only.col])
    name_only = name_only.tocsr()
    weight = np.float32(textsim.TEXT_WEIGHT)
    both = described @ (weight * sparse.triu(full @ full.T, k=1) - weight * name_only) @ described
    scores = sparse.triu(both + name_only, k=1).tocoo()
    keep = scores.data > 0
    left, right = units[scores.row[keep]], units[scores.col[keep]]
    return left, right, (scores.data[keep] * vectors.kind_factor(left, right)).astype(np.float32)


def _average_linkage(n: int, left: np.ndarray, right: np.ndarray, weight: np.ndarray, uf: _UnionFind) -> None:
    """Average-linkage merging over the near-identical pairs (weights in units of the threshold, 1.0 = just
    near-identical): two groups merge while the mean weight over all their cross pairs — pairs that are not
    near-identical count as 0 — stays ≥ 1. A generic name near-identical to many specific ones cannot pull them
    into one group unless they are near-identical to each other too. Sparse: only the given pairs are touched.
    """
    import heapq

    adjacency: dict[int, dict[int, float]] = defaultdict(dict)
    for i, j, w in zip(left.tolist(), right.tolist(), weight.tolist(), strict=True):
        if i != j:
            adjacency[i][j] = adjacency[i].get(j, 0.0) + w
            adjacency[j][i] = adjacency[j].get(i, 0.0) + w
    size = dict.fromkeys(adjacency, 1)
    heap = [(-w, i, j) for i, row in adjacency.items() for j, w in row.items() if i < j]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in size or b not in size or b not in adjacency[a]:
            continue
        mean = adjacency[a][b] / (size[a] * size[b])
        if abs(mean + neg) > 1e-9:
            continue  # stale entry; the current one is in the heap
        if mean < 1.0:
            break
        if len(adjacency[a]) < len(adjacency[b]):
            a, b = b, a
        uf.union(a, b)
        size[a] += size.pop(b)
        for c, w in adjacency.pop(b).items():
            del adjacency[c][b]
            if c != a:
                adjacency[a][c] = adjacency[a].get(c, 0.0) + w
                adjacency[c][a] = adjacency[a][c]
        for c, w in adjacency[a].items():
            heapq.heappush(heap, (-(w / (size[a] * size[c])), min(a, c), max(a, c)))


def _star_clusters(n: int, left: np.ndarray, right: np.ndarray, weight: np.ndarray, uf: _UnionFind) -> None:
    """Star clustering over the joined pairs: no chains of look-alikes drifting from one service to another.

    The unit with the most (then strongest) near-identical partners becomes a centre and takes its still-free
    partners; repeat. Every archetype member is near-identical to its centre, not merely to a neighbour's neighbour.
    """
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j, w in zip(left.tolist(), right.tolist(), weight.tolist(), strict=True):
        partners[i].append((w, j))
        partners[j].append((w, i))
    order = sorted(partners, key=lambda u: (-len(partners[u]), -sum(w for w, _ in partners[u]), u))
    taken = [False] * n
    for centre in order:
        if taken[centre]:
            continue
        taken[centre] = True
        for _, other in partners[centre]:
            if not taken[other]:
                taken[other] = True
                uf.union(centre, other)


@dataclass
class ScoredPairs:
    """The scored unit pairs of a catalogue (find_archetypes' expensive half; grouping them is cheap)."""

    unit_rows: list[list[Row]]
    left: np.ndarray
    right: np.ndarray
    sims: np.ndarray
    both: np.ndarray  # both services described (the pair is judged against THRESHOLD, else NAME_THRESHOLD)
    single: np.ndarray  # per unit: its one municipality's index, -1 when the unit spans several


def score_pairs_of(rows: Sequence[Row], exhaustive_block: int | None = None) -> ScoredPairs:
    """Units of the rows (same folded name without their own place) and the similarity of candidate unit pairs."""
    exhaustive_block = EXHAUSTIVE_BLOCK if exhaustive_block is None else exhaustive_block
    unit_of: dict[str, int] = {}
    unit_rows: list[list[Row]] = []
    for r in rows:
        key = fold(without_place(r.name, r.municipality)) or f"#{r.service_id}"
        if key not in unit_of:
            unit_of[key] = len(unit_rows)
            unit_rows.append([])
        unit_rows[unit_of[key]].append(r)
    n = len(unit_rows)
    names = [without_place(u[0].name, u[0].municipality) for u in unit_rows]
    descs = [next((r.description for r in u if r.description.strip()), "") for u in unit_rows]
    muni_index: dict[str, int] = {}
    single = np.array(
        [
            muni_index.setdefault(next(iter(m)), len(muni_index)) if len(m) == 1 else -1
            for m in ({r.municipality for r in u} for u in unit_rows)
        ],
        dtype=np.int64,
    )
    empty = np.zeros(0, dtype=np.int64)
    if n < 2:
        return ScoredPairs(unit_rows, empty, empty, np.zeros(0, dtype=np.float32), np.zeros(0, dtype=bool), single)
    vectors = vectorise(names, descs)
    blocks: dict[str, list[int]] = defaultdict(list)
    for u, members in enumerate(unit_rows):
        domains = Counter(r.domain_id or "" for r in members)
        blocks[domains.most_common(1)[0][0]].append(u)
    lefts, rights, scores = [], [], []
    for units in blocks.values():
        if len(units) <= exhaustive_block:
            a, b, sc = _block_scores(vectors, np.array(units, dtype=np.int64))
            lefts.append(a)
            rights.append(b)
            scores.append(sc)
    # Big blocks, and pairs across blocks (a service coded 교통 here and 행정 there): cheap keys only.
    a, b = candidate_pairs(names, descs)
    if len(a):
        # two names of one plan never make an archetype: do not score them
        other = (single[a] == -1) | (single[a] != single[b])
        a, b = a[other], b[other]
        block_of = np.empty(n, dtype=np.int64)
        for k, units in enumerate(blocks.values()):
            block_of[units] = -1 if len(units) <= exhaustive_block else k
        # pairs inside a small block are already scored exhaustively
        fresh = (block_of[a] != block_of[b]) | (block_of[a] >= 0)
        a, b = a[fresh], b[fresh]
        sc, _ = pair_similarity(vectors, a, b)
        lefts.append(a)
        rights.append(b)
        scores.append(sc)
    left = np.concatenate(lefts) if lefts else empty
    right = np.concatenate(rights) if rights else empty
    sims = np.concatenate(scores) if scores else np.zeros(0, dtype=np.float32)
    both = vectors.has_description[left] & vectors.has_description[right]
    return ScoredPairs(unit_rows, left, right, sims, both, single)


def find_archetypes(
    rows: Sequence[Row],
    threshold: float = THRESHOLD,
    name_threshold: float = NAME_THRESHOLD,
    weak_link: float | None = None,
    exhaustive_block: int | None = None,
    scored: ScoredPairs | None = None,
    labels: bool = True,
) -> ArchetypeResult:
    """Group near-identical services across municipalities (see the module docstring for the method).

    weak_link and exhaustive_block default to WEAK_LINK and EXHAUSTIVE_BLOCK; `scored` (score_pairs_of of the
    same rows) lets an evaluation try several thresholds without scoring again, and labels=False skips naming."""
    weak_link = WEAK_LINK if weak_link is None else weak_link
    scored = scored if scored is not None else score_pairs_of(rows, exhaustive_block)
    unit_rows, left, right, sims, both, single = (
        scored.unit_rows,
        scored.left,
        scored.right,
        scored.sims,
        scored.both,
        scored.single,
    )
    n = len(unit_rows)
    uf = _UnionFind(n)
    best = np.zeros(n, dtype=np.float32)
    result = ArchetypeResult([])
    result.candidate_pairs = len(left)
    if len(left):
        elsewhere = (single[left] == -1) | (single[right] == -1) | (single[left] != single[right])
        # best match elsewhere, in units of the applicable threshold (1.0 = just near-identical)
        relative = sims / np.where(both, threshold, name_threshold)
        np.maximum.at(best, left[elsewhere], relative[elsewhere])
        np.maximum.at(best, right[elsewhere], relative[elsewhere])
        if CLUSTERING == "average":
            linked = relative >= min(1.0, weak_link)
            _average_linkage(n, left[linked], right[linked], relative[linked], uf)
        else:
            joined = relative >= 1.0
            _star_clusters(n, left[joined], right[joined], relative[joined], uf)
    components: dict[int, list[int]] = defaultdict(list)
    for u in range(n):
        components[uf.find(u)].append(u)
    groups = []
    for units in components.values():
        members = [r for u in units for r in unit_rows[u]]
        planned_in = {r.municipality for r in members}
        for u in units:
            if len({r.municipality for r in unit_rows[u]}) > 1:
                best[u] = max(best[u], 1.0)  # the same name planned elsewhere
        if len(planned_in) >= 2:
            groups.append(members)
    for u, members in enumerate(unit_rows):
        for r in members:
            result.best_other[r.service_id] = round(float(best[u]), 4)
    groups.sort(key=lambda m: (-len({r.municipality for r in m}), -len(m), min(r.service_id for r in m)))
    width = max(3, len(str(len(groups))))
    for k, members in enumerate(groups, 1):
        aid = f"A{k:0{width}d}"
        munis = sorted({r.municipality for r in members})
        domains = Counter(r.domain_id for r in members if r.domain_id)
        result.archetypes.append(
            {
                "id": aid,
                "label": _label(members) if labels else "",
                "municipalities": len(munis),
                "services": len(members),
                "municipality_names": munis,
                "domain_id": domains.most_common(1)[0][0] if domains else None,
                "members": [
                    {
                        "municipality": r.municipality,
                        "name": r.name,
                        "service_id": r.service_id,
                        "plan_id": r.plan_id,
                        "plan_title": r.plan_title,
                        "page": r.page,
                    }
                    for r in sorted(members, key=lambda r: (r.municipality, r.service_id))
                ],
            }
        )
        for r in members:
            result.archetype_of[r.service_id] = aid
    return result


def _label(members: Sequence[Row]) -> str:
    """A generic name from the words the members' municipalities share (archetype_names)."""
    from scatlas.analysis.archetype_names import archetype_label

    return archetype_label(members)


# ----------------------------------------------------------------------------------------------- threshold
@dataclass
class ThresholdChoice:
    """The F1-best threshold on labelled pairs, with its precision and recall and the blocking recall."""

    threshold: float
    f1: float
    precision: float
    recall: float
    pairs: int
    same: int
    blocked_recall: float  # share of 'same' pairs the cheap keys propose as candidates at all
    curve: list[tuple[float, float, float, float]] = field(default_factory=list)  # (t, precision, recall, f1)


#: Share (in tenths) of the labelled pairs held out as the fixed test part (by a hash of the pair id).
TEST_TENTHS = 3


def pair_split(pair_id: str) -> str:
    """'test' or 'tune': a fixed split of the labelled pairs by a hash of the pair id (3 in 10 are test)."""
    import hashlib

    return "test" if int(hashlib.sha256(pair_id.encode()).hexdigest(), 16) % 10 < TEST_TENTHS else "tune"


def load_labelled_pairs(part: str | None = None) -> list[dict[str, str]]:
    """The bundled labelled pairs (data/pairs/archetype_pairs.csv); part='tune' or 'test' for one side of the split."""
    import csv
    import io
    from importlib import resources

    text = resources.files("scatlas.data").joinpath("pairs/archetype_pairs.csv").read_text(encoding="utf-8")
    pairs = list(csv.DictReader(io.StringIO(text)))
    return pairs if part is None else [p for p in pairs if pair_split(p["pair_id"]) == part]


def described_pairs(pairs: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    """The pairs whose two services both have a description (the case THRESHOLD serves)."""
    return [p for p in pairs if p["description_a"].strip() and p["description_b"].strip()]


def score_pairs(pairs: Sequence[dict[str, str]], names_only: bool = False) -> np.ndarray:
    """The archetype similarity of each labelled pair (descriptions dropped when names_only)."""
    n = len(pairs)
    names = [p["name_a"] for p in pairs] + [p["name_b"] for p in pairs]
    descs = ["" if names_only else p[k] for k in ("description_a", "description_b") for p in pairs]
    sims, _ = pair_similarity(vectorise(names, descs), np.arange(n), np.arange(n, 2 * n))
    return sims


def precision_recall(
    pairs: Sequence[dict[str, str]], threshold: float, names_only: bool = False
) -> tuple[float, float, float]:
    """Precision, recall and F1 of 'near-identical at threshold' on labelled pairs."""
    pred = score_pairs(pairs, names_only) >= threshold
    truth = np.array([p["label"] == "same" for p in pairs])
    tp = int((pred & truth).sum())
    precision = tp / pred.sum() if pred.sum() else 1.0
    recall = tp / truth.sum() if truth.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(float(precision), 4), round(float(recall), 4), round(float(f1), 4)


def choose_threshold(
    pairs: Sequence[dict[str, str]] | None = None, names_only: bool = False, min_precision: float = MIN_PRECISION
) -> ThresholdChoice:
    """Score the labelled pairs with the archetype similarity and pick the threshold with the best F1 among those
    with precision ≥ min_precision (all thresholds when none reaches it).

    A balanced pair set overstates precision: in a catalogue almost every pair is 'different', so a threshold that
    lets 1 in 4 labelled negatives through floods the archetypes. names_only=True drops the descriptions (the case
    NAME_THRESHOLD serves). By default the tuning part of the bundled pairs (only pairs with both descriptions
    unless names_only); the test part is never used to choose. Thresholds 0.05–0.90 in steps of 0.01; ties go to the higher threshold. The blocking
    recall is that of the cheap keys alone, on a catalogue of all pair texts together.
    """
    if pairs is None:
        pairs = load_labelled_pairs("tune")
        pairs = pairs if names_only else described_pairs(pairs)
    n = len(pairs)
    names = [p["name_a"] for p in pairs] + [p["name_b"] for p in pairs]
    descs = ["" if names_only else p[k] for k in ("description_a", "description_b") for p in pairs]
    sims = score_pairs(pairs, names_only)
    truth = np.array([p["label"] == "same" for p in pairs])
    curve = []
    for t in np.round(np.arange(0.05, 0.901, 0.01), 2):
        pred = sims >= t
        tp = int((pred & truth).sum())
        precision = tp / pred.sum() if pred.sum() else 1.0
        recall = tp / truth.sum() if truth.sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        curve.append((float(t), round(float(precision), 4), round(float(recall), 4), round(float(f1), 4)))
    precise = [c for c in curve if c[1] >= min_precision and c[2] > 0] or curve
    best = max(precise, key=lambda c: (c[3], c[0]))
    left, right = candidate_pairs(names, descs)
    proposed = {(int(a), int(b)) for a, b in zip(left, right, strict=True)}
    hits = sum(
        1
        for k, p in enumerate(pairs)
        if p["label"] == "same" and ((k, k + n) in proposed or fold(names[k]) == fold(names[k + n]))
    )
    return ThresholdChoice(
        best[0], best[3], best[1], best[2], n, int(truth.sum()), round(hits / max(1, int(truth.sum())), 4), curve
    )


def grouping_quality(names_only: bool = False, pairs: Sequence[dict[str, str]] | None = None) -> dict[str, float]:
    """B-cubed precision, recall and F1 of the archetype groups on the labelled concepts.

    Every distinct wording of the labelled pairs' concepts (cluster ids without ':'; all 'same' pairs stay inside
    one concept) becomes a service of its own municipality in one domain block; find_archetypes groups them and each
    service's group is compared with its concept (B-cubed: per service, the share of its group that is its concept,
    and the share of its concept that is in its group; a service in no archetype is a group of one).
    """
    pairs = load_labelled_pairs() if pairs is None else pairs
    wordings: dict[tuple[str, str], str] = {}
    for p in pairs:
        for side in "ab":
            concept = p[f"cluster_{side}"]
            if ":" not in concept:
                wordings.setdefault((concept, p[f"name_{side}"]), "" if names_only else p[f"description_{side}"])
    concept_of = {k: c for k, (c, _) in enumerate(wordings)}
    rows = [
        Row(k, k, f"m{k}", "", None, None, "", None, name, desc, None, None, None, "", None, None, None)
        for k, ((_, name), desc) in enumerate(wordings.items())
    ]
    result = find_archetypes(rows)
    groups: dict[str, set[int]] = defaultdict(set)
    for sid, aid in result.archetype_of.items():
        groups[aid].add(sid)
    by_concept: dict[str, set[int]] = defaultdict(set)
    for sid, concept in concept_of.items():
        by_concept[concept].add(sid)
    precision = recall = 0.0
    for sid, concept in concept_of.items():
        group = groups[result.archetype_of[sid]] if sid in result.archetype_of else {sid}
        same = sum(1 for other in group if concept_of[other] == concept)
        precision += same / len(group)
        recall += same / len(by_concept[concept])
    n = max(1, len(concept_of))
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "services": len(concept_of),
        "concepts": len(by_concept),
        "groups": len(groups),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
