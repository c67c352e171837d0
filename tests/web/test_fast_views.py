"""The web server's TEMP views must give exactly what the catalogue's own views give."""

from __future__ import annotations

from pathlib import Path

from scatlas.catalogue import Catalogue
from scatlas.records import CodingRecord
from scatlas.web.database import CataloguePool


def _rows(cat: Catalogue, view: str) -> list[tuple]:
    return [tuple(r) for r in cat.conn.execute(f"SELECT * FROM {view} ORDER BY 1, 2")]


def test_temp_views_equal_catalogue_views_with_human_declared_and_auto_codings(
        fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    path, ids = fresh_catalogue
    with Catalogue.open(path) as cat:
        # a human coding, a later auto coding after it, and a second human coding: every precedence case
        sid = ids["춘천시/주차 공유 서비스"]
        cat.add_coding(sid, CodingRecord(domain_id="admin", function="기반구축", coder="human:lee", confidence=1.0))
        cat.add_coding(sid, CodingRecord(domain_id="welfare", function="정보제공", coder="auto:newer", confidence=0.4))
        other = ids["목포시/침수 감지 경보"]  # declared 방범·방재, auto environment with a sub-type elsewhere
        cat.add_coding(other, CodingRecord(domain_id="environment", subtype=None, coder="auto:newer", confidence=0.7))
        cat.add_coding(ids["고양시/드론 순찰"], CodingRecord(domain_id="safety", coder="human:kim"))
        cat.add_coding(ids["고양시/드론 순찰"], CodingRecord(domain_id="culture", coder="human:park"))
    pool = CataloguePool(path)
    try:
        with pool.reader() as cat:
            for view in ("service_view", "latest_auto", "latest_human"):
                assert _rows(cat, f"temp.{view}") == _rows(cat, f"main.{view}"), view
            with Catalogue.open(path, readonly=True) as plain:  # no TEMP views: the catalogue's own
                assert cat.review_queue(limit=100) == plain.review_queue(limit=100)
                assert cat.services(order_by="name") == plain.services(order_by="name")
            assert cat.service(ids["고양시/드론 순찰"])["domain_id"] == "culture"
    finally:
        pool.close()
