"""The labelled corpus (src/scatlas/data/corpus/*.csv) keeps its contract: valid labels, unique ids, every row's
provenance (a real row without its source fails), enough entries per domain and in total, and no written entry
that is another with one word swapped."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from itertools import combinations

import pytest

from scatlas.coding.corpus import CORPUS_COLUMNS, parse_rows
from scatlas.errors import LabelError
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

COLUMNS = list(CORPUS_COLUMNS)
REAL_PROVENANCE = ("source_url", "municipality", "retrieved", "source_kind")
SOURCE_KINDS = {"news", "press_release", "city_page", "ministry_page", "public_data", "other"}
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
WRITTEN = {d: [r for r in rows if r["origin"] == "written"] for d, rows in CORPUS.items()}
WRITTEN_ROWS = [(d, r) for d, r in ALL_ROWS if r["origin"] == "written"]
REAL_ROWS = [(d, r) for d, r in ALL_ROWS if r["origin"] == "real"]


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
        f"{d}={len(CORPUS.get(d, []))}" for d in DOMAIN_IDS
    )


def test_ids_are_unique_permanent_and_rows_sit_in_their_domains_file() -> None:
    # Ids never change (the splits hash them): a written row relabelled into another domain keeps its id.
    ids = Counter(r["id"] for _, r in ALL_ROWS)
    assert not [i for i, c in ids.items() if c > 1]
    for domain_id, r in ALL_ROWS:
        pattern = rf"(?:{'|'.join(DOMAIN_IDS)})-\d{{4}}" if r["origin"] == "written" else r"hv\d+-\d{4}"
        assert re.fullmatch(pattern, r["id"]), r["id"]
        assert r["domain_id"] == domain_id, f"{r['id']} has domain_id {r['domain_id']} in {domain_id}.csv"


def test_every_row_says_where_it_comes_from() -> None:
    assert {r["origin"] for _, r in ALL_ROWS} <= {"written", "real"}
    for _, r in REAL_ROWS:
        missing = [c for c in REAL_PROVENANCE if not r[c]]
        assert not missing, f"real row {r['id']} lacks {missing}"
        assert r["source_url"].startswith(("http://", "https://")), r["id"]
        assert r["source_kind"] in SOURCE_KINDS, (r["id"], r["source_kind"])
        assert r["ambiguous"] in ("yes", "no"), r["id"]
    for _, r in WRITTEN_ROWS:
        assert not r["source_url"], f"written row {r['id']} claims a source"


def test_a_real_row_without_source_url_is_rejected() -> None:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        id="hv9-0001",
        name="스마트 버스정류장",
        description="정류장에 냉난방기를 설치했다.",
        domain_id="transport",
        function="정보제공",
        origin="real",
        municipality="서울특별시 성동구",
        retrieved="2026-12-03",
        source_kind="news",
    )
    with pytest.raises(LabelError, match="source_url"):
        parse_rows([row], "corpus/transport.csv")
    row["source_url"] = "https://example.org/news/1"
    assert parse_rows([row], "corpus/transport.csv")[0].origin == "real"


def test_alt_domains_are_other_codebook_domains() -> None:
    bad = [
        (r["id"], a) for d, r in ALL_ROWS for a in r["alt_domains"].split(";") if a and (a not in DOMAIN_IDS or a == d)
    ]
    assert not bad, bad[:10]


def test_written_names_are_unique_across_all_files() -> None:
    # Real rows may repeat a name: the same service harvested from different cities is wanted.
    names = Counter(r["name"] for _, r in WRITTEN_ROWS)
    assert not {n: c for n, c in names.items() if c > 1}


def test_text_is_nfc_and_trimmed() -> None:
    bad = [
        (r["id"], col)
        for _, r in ALL_ROWS
        for col in COLUMNS
        if r[col] != unicodedata.normalize("NFC", r[col]) or r[col] != r[col].strip()
    ]
    assert not bad, bad[:10]
    assert all(r["name"] for _, r in ALL_ROWS)


def test_subtype_belongs_to_the_rows_domain() -> None:
    # A real row's coders may leave the sub-type empty; a written row always has one.
    cb = load_codebook()
    bad = [
        (r["id"], r["subtype"])
        for d, r in ALL_ROWS
        if r["subtype"] not in {s.id for s in cb.domain(d).subtypes} and (r["origin"] == "written" or r["subtype"])
    ]
    assert not bad, bad[:10]


def test_function_is_one_of_the_three() -> None:
    bad = [(r["id"], r["function"]) for _, r in ALL_ROWS if r["function"] not in FUNCTIONS]
    assert not bad, bad[:10]


def test_target_groups_are_valid_and_general_stands_alone() -> None:
    bad = []
    for _, r in WRITTEN_ROWS:  # real rows are coded on domain, sub-type and function only
        groups = r["target_groups"].split(";")
        if (
            not r["target_groups"]
            or any(g not in TARGET_GROUPS for g in groups)
            or len(set(groups)) != len(groups)
            or ("일반" in groups and len(groups) > 1)
        ):
            bad.append((r["id"], r["target_groups"]))
    assert not bad, bad[:10]


def test_technologies_are_codebook_ids() -> None:
    known = set(load_codebook().technologies)
    bad = [(r["id"], t) for _, r in ALL_ROWS for t in r["technologies"].split(";") if t and t not in known]
    assert not bad, bad[:10]
    assert not [r["id"] for _, r in ALL_ROWS if r["technologies"].startswith(";") or r["technologies"].endswith(";")]


def test_name_only_entries_stay_a_small_minority_per_domain() -> None:
    heavy = {d: sum(not r["description"] for r in rows) / len(rows) for d, rows in WRITTEN.items()}
    assert all(share <= 0.10 for share in heavy.values()), heavy


def test_every_function_occurs_in_every_domain() -> None:
    # A domain coded with one function only would teach the coder that the domain decides the function.
    missing = {d: set(FUNCTIONS) - {r["function"] for r in rows} for d, rows in WRITTEN.items()}
    assert not {d: m for d, m in missing.items() if m}


def test_no_description_is_another_with_one_word_swapped() -> None:
    # Short names may legitimately differ by one word (공공시설 통합 예약 / 문화시설 통합 예약 are different
    # services); a description that does is a copied entry, which would inflate held-out scores.
    by_shape: dict[int, list[tuple[str, list[str]]]] = defaultdict(list)
    for _, r in WRITTEN_ROWS:  # real rows are as published: two outlets may print one press release
        words = r["description"].split()
        if len(words) >= 4:
            by_shape[len(words)].append((r["id"], words))
    clones = []
    for group in by_shape.values():
        for (id_a, a), (id_b, b) in combinations(group, 2):
            if sum(x != y for x, y in zip(a, b, strict=True)) <= 1:
                clones.append((id_a, id_b))
    assert not clones, clones[:10]
