"""The server's connections: read-only readers see what the writer commits; the pool is bounded and reusable."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from scatlas.records import CodingRecord
from scatlas.web.database import CataloguePool


def test_readers_see_codings_the_writer_commits(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    path, ids = fresh_catalogue
    sid = ids["고양시/드론 순찰"]
    pool = CataloguePool(path, size=2)
    try:
        with pool.reader() as cat:
            assert cat.service(sid)["domain_id"] == "safety"
        with pool.write() as cat:
            cat.add_coding(sid, CodingRecord(domain_id="culture", coder="human:kim", confidence=1.0))
        with pool.reader() as cat:
            assert cat.service(sid)["domain_id"] == "culture"
            with pytest.raises(sqlite3.OperationalError):  # readers cannot write
                cat.conn.execute("DELETE FROM service")
    finally:
        pool.close()


def test_reader_pool_is_bounded_and_connections_are_reused(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    pool = CataloguePool(fresh_catalogue[0], size=2)
    try:
        with pool.reader() as first, pool.reader() as second:
            assert first is not second
            third_got_one = threading.Event()

            def third() -> None:
                with pool.reader():
                    third_got_one.set()

            waiter = threading.Thread(target=third)
            waiter.start()
            assert not third_got_one.wait(0.3)  # both slots taken: the third request waits
        waiter.join(5)
        assert third_got_one.is_set()
        with pool.reader() as again:
            assert again in (first, second)
    finally:
        pool.close()
