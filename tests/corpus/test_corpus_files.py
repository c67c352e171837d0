"""The labelled corpus (src/scatlas/data/corpus/*.csv) keeps its contract: valid labels, unique ids and names,
enough entries per domain and in total, and no entry that is another with one word swapped."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from itertools import combinations

from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

COLUMNS = ["id", "name", "description", "domain_id", "subtype", "function", "target_groups", "technologies",
           "note"]
DOMAIN_IDS = [d for d, _ in DOMAIN_ORDER]
MIN_PER_DOMAIN = 40
MIN_TOTAL = 1200


def _corpus_dir():
    return resources.files("scatlas.data").joinpath("corpus")


def _present_files() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for domain_id in DOMAIN_IDS:
        path = _corpus_dir().joinpath(f"{domain_id}.csv")
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == COLUMNS, f"{domain_id}.csv header {reader.fieldnames}"
            out[domain_id] = list(reader)
    return out


CORPUS = _present_files()
ALL_ROWS = [(d, r) for d, rows in CORPUS.items() for r in rows]


def test_corpus_files_are_shipped_as_package_data() -> None:
    assert CORPUS, "no corpus CSV found under scatlas/data/corpus"
    stray = {p.name for p in _corpus_dir().iterdir() if p.name.endswith(".csv")} - {f"{d}.csv" for d in DOMAIN_IDS}
    assert not stray, f"CSV files not named by a domain_id: {stray}"


def test_every_domain_has_its_file_with_at_least_40_entries() -> None:
    counts = {d: len(CORPUS.get(d, [])) for d in DOMAIN_IDS}
    short = {d: n for d, n in counts.items() if n < MIN_PER_DOMAIN}
    assert not short, f"domains below {MIN_PER_DOMAIN} entries (0 = file missing): {short}"


def test_corpus_holds_at_least_1200_entries_in_total() -> None:
    total = len(ALL_ROWS)
    assert total >= MIN_TOTAL, f"{total} entries, need {MIN_TOTAL}: " + ", ".join(
        f"{d}={len(CORPUS.get(d, []))}" for d in DOMAIN_IDS)


def test_ids_are_unique_and_carry_their_files_domain() -> None:
    ids = Counter(r["id"] for _, r in ALL_ROWS)
    assert not [i for i, c in ids.items() if c > 1]
    for domain_id, r in ALL_ROWS:
        assert re.fullmatch(rf"{domain_id}-\d{{4}}", r["id"]), r["id"]
        assert r["domain_id"] == domain_id, f"{r['id']} has domain_id {r['domain_id']} in {domain_id}.csv"


def test_names_are_unique_across_all_files() -> None:
    names = Counter(r["name"] for _, r in ALL_ROWS)
    assert not {n: c for n, c in names.items() if c > 1}


def test_text_is_nfc_and_trimmed() -> None:
    bad = [(r["id"], col) for _, r in ALL_ROWS for col in COLUMNS
           if r[col] != unicodedata.normalize("NFC", r[col]) or r[col] != r[col].strip()]
    assert not bad, bad[:10]
    assert all(r["name"] for _, r in ALL_ROWS)


def test_subtype_belongs_to_the_rows_domain() -> None:
    cb = load_codebook()
    bad = [(r["id"], r["subtype"]) for d, r in ALL_ROWS if r["subtype"] not in {s.id for s in cb.domain(d).subtypes}]
    assert not bad, bad[:10]


def test_function_is_one_of_the_three() -> None:
    bad = [(r["id"], r["function"]) for _, r in ALL_ROWS if r["function"] not in FUNCTIONS]
    assert not bad, bad[:10]


def test_target_groups_are_valid_and_general_stands_alone() -> None:
    bad = []
    for _, r in ALL_ROWS:
        groups = r["target_groups"].split(";")
        if (not r["target_groups"] or any(g not in TARGET_GROUPS for g in groups) or len(set(groups)) != len(groups)
                or ("일반" in groups and len(groups) > 1)):
            bad.append((r["id"], r["target_groups"]))
    assert not bad, bad[:10]


def test_technologies_are_codebook_ids() -> None:
    known = set(load_codebook().technologies)
    bad = [(r["id"], t) for _, r in ALL_ROWS for t in r["technologies"].split(";") if t and t not in known]
    assert not bad, bad[:10]
    assert not [r["id"] for _, r in ALL_ROWS if r["technologies"].startswith(";") or r["technologies"].endswith(";")]


def test_name_only_entries_stay_a_small_minority_per_domain() -> None:
    heavy = {d: sum(not r["description"] for r in rows) / len(rows) for d, rows in CORPUS.items()}
    assert all(share <= 0.10 for share in heavy.values()), heavy


def test_every_function_occurs_in_every_domain() -> None:
    # A domain coded with one function only would teach the coder that the domain decides the function.
    missing = {d: set(FUNCTIONS) - {r["function"] for r in rows} for d, rows in CORPUS.items()}
    assert not {d: m for d, m in missing.items() if m}


def test_no_description_is_another_with_one_word_swapped() -> None:
    # Short names may legitimately differ by one word (공공시설 통합 예약 / 문화시설 통합 예약 are different
    # services); a description that does is a copied entry, which would inflate held-out scores.
    by_shape: dict[int, list[tuple[str, list[str]]]] = defaultdict(list)
    for _, r in ALL_ROWS:
        words = r["description"].split()
        if len(words) >= 4:
            by_shape[len(words)].append((r["id"], words))
    clones = []
    for group in by_shape.values():
        for (id_a, a), (id_b, b) in combinations(group, 2):
            if sum(x != y for x, y in zip(a, b)) <= 1:
                clones.append((id_a, id_b))
    assert not clones, clones[:10]
