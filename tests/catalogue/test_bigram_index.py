"""The bigram index (migration 0005) answers two-character searches exactly as LIKE does, and stays in step."""

import random
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue, migrations
from scatlas.catalogue.bigrams import bigrams, indexable
from scatlas.web.search import ServiceFilter, search_services, text_condition

# A small alphabet, so generated texts share many bigrams: Hangul syllables, Latin in both cases, digits, a middle
# dot (non-ASCII punctuation: a token character for the ascii tokenizer, as for LIKE), and ASCII separators.
SYLLABLES = "주차버스안전정보관제"
ALPHABET = SYLLABLES * 3 + "aAbB12·" + " -_%()"


def random_text(rng: random.Random, longest: int = 14) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest)))


def all_words() -> list[str]:
    return [a + b for a in ALPHABET for b in ALPHABET if indexable(a + b)]


def like_ids(cat: Catalogue, word: str) -> set[int]:
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return {
        r[0]
        for r in cat.conn.execute(
            "SELECT id FROM service WHERE name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\'", (pattern, pattern)
        )
    }


def index_ids(cat: Catalogue, word: str) -> set[int]:
    return {
        r[0]
        for r in cat.conn.execute("SELECT rowid FROM service_bigram WHERE service_bigram MATCH ?", ('"' + word + '"',))
    }


def assert_index_agrees_with_like(cat: Catalogue) -> None:
    cat.conn.execute("INSERT INTO service_bigram(service_bigram) VALUES ('integrity-check')")
    for word in sorted(set(all_words())):
        assert index_ids(cat, word) == like_ids(cat, word), word


def import_random_plans(cat: Catalogue, rng: random.Random, sources: int = 4, per_plan: int = 25) -> None:
    for n in range(sources):
        plan = make_plan(municipality=f"시{n}", names=tuple(random_text(rng) or "가" for _ in range(per_plan)))
        for service in plan.services:
            service.description = random_text(rng, 30)
        cat.import_source(make_source(name=f"p{n}.csv", sha=f"{n:064d}"), [plan])


def test_index_agrees_with_like_after_inserts_updates_and_deletes(catalogue):
    rng = random.Random(15)
    import_random_plans(catalogue, rng)
    assert_index_agrees_with_like(catalogue)
    ids = [r[0] for r in catalogue.conn.execute("SELECT id FROM service")]
    for sid in rng.sample(ids, 30):  # names, descriptions, and both at once
        column = rng.choice(["name", "description", "both"])
        if column == "both":
            catalogue.conn.execute(
                "UPDATE service SET name = ?, description = ? WHERE id = ?",
                (random_text(rng) or "나", random_text(rng, 30), sid),
            )
        else:
            catalogue.conn.execute(f"UPDATE service SET {column} = ? WHERE id = ?", (random_text(rng) or "나", sid))
    catalogue.conn.execute("UPDATE service SET page = 3")  # columns outside the index leave it alone
    assert_index_agrees_with_like(catalogue)
    catalogue.conn.execute("DELETE FROM service WHERE id IN (?, ?, ?)", tuple(rng.sample(ids, 3)))
    catalogue.conn.execute("DELETE FROM source WHERE id = (SELECT min(id) FROM source)")  # cascades to services
    # a changed file replaces its plan: the old services are deleted, new ones inserted
    plan = make_plan(municipality="시1", names=("주차 안내", "버스 정보", "AI 관제"))
    catalogue.import_source(make_source(name="p1.csv", sha="f" * 64), [plan])
    assert_index_agrees_with_like(catalogue)
    assert catalogue.conn.execute("SELECT count(*) FROM service").fetchone()[0] > 40


def test_two_character_search_finds_the_same_services_as_like(catalogue):
    rng = random.Random(7)
    import_random_plans(catalogue, rng, sources=2)
    for word in ["주차", "버스", "Ab", "a1", "차·", "·b"]:
        sql, _ = text_condition(word)
        assert "service_bigram" in sql and "LIKE" not in sql
        expected = set(sorted(like_ids(catalogue, word))[:200])
        found = {r["service_id"] for r in search_services(catalogue, ServiceFilter(q=word, per_page=200)).items}
        assert found == expected, word  # words alone: matched on the service table
        with_filter = ServiceFilter(q=word, per_page=200, municipality=["시0", "시1"])  # through service_view
        assert {r["service_id"] for r in search_services(catalogue, with_filter).items} == expected, word
        assert search_services(catalogue, ServiceFilter(q=word, sort="-id", per_page=200)).total == len(
            like_ids(catalogue, word)
        )


def test_a_catalogue_made_before_the_migration_is_migrated_and_searchable(tmp_path, monkeypatch):
    older = [m for m in migrations.available_migrations() if m[0] < 5]
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "available_migrations", lambda: older)
        with Catalogue.open(path) as cat:
            cat.import_source(make_source(), [make_plan(names=("스마트 주차 안내", "버스 정보", "침수 감지"))])
            assert (
                cat.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'service_bigram'").fetchone()[0] == 0
            )
    with Catalogue.open(path) as cat:
        assert 5 in {r[0] for r in cat.conn.execute("SELECT version FROM schema_migrations")}
        assert_index_agrees_with_like(cat)
        names = lambda q: [r["name"] for r in search_services(cat, ServiceFilter(q=q)).items]  # noqa: E731
        assert names("주차") == ["스마트 주차 안내"] and names("정보 버스") == ["버스 정보"]
        assert names("침수") == ["침수 감지"] and names("감지 침수 스마") == []


def test_a_connection_without_the_function_cannot_write_services_and_the_index_stays_in_step(catalogue):
    catalogue.import_source(make_source(), [make_plan(names=("스마트 주차", "버스 정보"))])
    path = catalogue.path
    raw = sqlite3.connect(path)
    try:
        sid = raw.execute("SELECT min(id) FROM service").fetchone()[0]
        for statement, params in [
            (
                "INSERT INTO service(plan_id, position, name) SELECT plan_id, 9, '주차장' FROM service WHERE id = ?",
                (sid,),
            ),
            ("UPDATE service SET name = '안전 주차' WHERE id = ?", (sid,)),
            ("DELETE FROM service WHERE id = ?", (sid,)),
        ]:
            with pytest.raises(sqlite3.OperationalError, match="no such function: scatlas_bigrams"):
                raw.execute(statement, params)
        raw.rollback()
        # columns outside the index can still be changed, and any tool can read the index (Datasette does)
        raw.execute("UPDATE service SET page = 7 WHERE id = ?", (sid,))
        raw.commit()
        assert raw.execute("SELECT rowid FROM service_bigram WHERE service_bigram MATCH '\"주차\"'").fetchall() == [
            (sid,)
        ]
    finally:
        raw.close()
    assert_index_agrees_with_like(catalogue)


def test_bigrams_are_nfc_ascii_folded_and_never_span_a_separator():
    assert bigrams("주차 안내", "AI 주차") == "ai 안내 주차"
    assert bigrams(unicodedata.normalize("NFD", "주차"), None, "") == "주차"
    assert bigrams("5%-a_B") == ""  # every pair has an ASCII separator in it
    assert bigrams("ÄB·C") == "b· ·c Äb"  # non-ASCII letters keep their case, as LIKE does
    assert indexable("주차") and indexable("AI") and indexable("·b")
    assert not indexable("5%") and not indexable("a b") and not indexable("주") and not indexable("주차장")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=20), st.sampled_from(all_words()))
def test_a_bigram_is_in_the_set_exactly_when_like_would_match(text, word):
    fold = str.maketrans("AB", "ab")  # LIKE folds ASCII letters only; the alphabet's are A and B
    assert (word.translate(fold) in bigrams(text).split()) == (word.translate(fold) in text.translate(fold))
