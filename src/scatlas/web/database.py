"""Catalogue connections for the web server: a pool of read-only connections and one guarded writer.

The catalogue's views `latest_auto`, `latest_human` and `service_view` find each service's latest codings with
`id IN (SELECT max(id) … GROUP BY service_id)`, which SQLite re-evaluates over the whole coding table: on a
100,000-service catalogue one `cat.service(id)` takes ~130 ms, a page of `cat.services()` over a second and
`cat.review_queue()` minutes. Every connection the web server opens therefore gets TEMP views of the same names and
columns, with the same effective-coding rule, whose latest codings are found per service through the
(service_id, id) index. SQLite resolves unqualified names in `temp` before `main`, so the catalogue's own methods
(`services`, `service`, `review_queue`) and the analysis's `load_rows` run on them unchanged.
tests/web/test_fast_views.py pins that the TEMP views give exactly the rows of the catalogue's own views.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scatlas.catalogue import Catalogue, fold_name

_LATEST = """
CREATE TEMP VIEW IF NOT EXISTS latest_{kind} AS
    SELECT c.* FROM coding c
    WHERE c.id = (SELECT max(c2.id) FROM coding c2 WHERE c2.service_id = c.service_id AND c2.coder LIKE '{kind}:%')
"""

_SERVICE_VIEW = """
CREATE TEMP VIEW IF NOT EXISTS service_view AS
    SELECT
        s.id AS service_id, s.plan_id, p.municipality, p.municipality_code, p.title AS plan_title,
        p.period_start, p.period_end, p.source_file, s.page, s.position, s.name, s.description,
        s.declared_domain, s.declared_label,
        COALESCE(h.domain_id, dd.id, a.domain_id) AS domain_id,
        COALESCE(h.domain, dd.name, a.domain) AS domain,
        CASE WHEN h.id IS NOT NULL THEN h.subtype
             WHEN st.domain_id = COALESCE(dd.id, a.domain_id) THEN a.subtype END AS subtype,
        COALESCE(h.function, a.function) AS function,
        COALESCE(h.target_groups, a.target_groups) AS target_groups,
        COALESCE(h.technologies, a.technologies) AS technologies,
        CASE WHEN h.id IS NOT NULL THEN h.confidence
             WHEN dd.id IS NOT NULL THEN 1.0 ELSE a.confidence END AS confidence,
        CASE WHEN h.id IS NOT NULL THEN h.coder WHEN dd.id IS NOT NULL THEN 'declared'
             ELSE a.coder END AS coder,
        COALESCE(h.rationale, a.rationale) AS rationale,
        a.domain_id AS auto_domain_id, a.confidence AS auto_confidence, a.coder AS auto_coder,
        h.coder AS human_coder
    FROM service s
    JOIN plan p ON p.id = s.plan_id
    LEFT JOIN domain dd ON dd.name = s.declared_domain
    LEFT JOIN coding a ON a.id = (SELECT max(c.id) FROM coding c WHERE c.service_id = s.id AND c.coder LIKE 'auto:%')
    LEFT JOIN coding h ON h.id = (SELECT max(c.id) FROM coding c WHERE c.service_id = s.id AND c.coder LIKE 'human:%')
    LEFT JOIN subtype st ON st.id = a.subtype
"""


def prepare(cat: Catalogue) -> Catalogue:
    """Give a connection the indexed TEMP views and the `fold_name` SQL function; returns the same catalogue."""
    for kind in ("auto", "human"):
        cat.conn.execute(_LATEST.format(kind=kind))
    cat.conn.execute(_SERVICE_VIEW)
    cat.conn.create_function("fold_name", 1, lambda s: fold_name(s or ""), deterministic=True)
    return cat


class CataloguePool:
    """Read-only catalogue connections handed out one per request, plus a single writer behind a lock.

    SQLite in WAL mode lets the readers run while the writer commits; one writer keeps write transactions in one
    process from queueing on the file lock.
    """

    def __init__(self, path: str | Path, size: int = 8) -> None:
        self.path = Path(path)
        self.writer = prepare(Catalogue.open(self.path))  # creates or migrates the file before any reader opens it
        self.write_lock = threading.Lock()
        self._idle: queue.LifoQueue[Catalogue] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    @contextmanager
    def reader(self) -> Iterator[Catalogue]:
        """A read-only catalogue for the duration of the block."""
        self._slots.acquire()
        try:
            try:
                cat = self._idle.get_nowait()
            except queue.Empty:
                cat = prepare(Catalogue.open(self.path, readonly=True))
            try:
                yield cat
            finally:
                if cat.conn.in_transaction:  # a failed read must not pin an old snapshot of the file
                    cat.conn.execute("ROLLBACK")
                self._idle.put(cat)
        finally:
            self._slots.release()

    @contextmanager
    def write(self) -> Iterator[Catalogue]:
        """The writer catalogue, held exclusively for the block."""
        with self.write_lock:
            yield self.writer

    def close(self) -> None:
        """Close every connection."""
        if self._closed:
            return
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        self.writer.close()
