"""The catalogue: a SQLite file (WAL, foreign keys) holding sources, plans, services and their coding history."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from scatlas.catalogue import bigrams
from scatlas.catalogue.migrations import migrate
from scatlas.catalogue.rowid import inserted_id
from scatlas.errors import CatalogueError
from scatlas.extract.prose import PROSE_CONFIDENCE
from scatlas.records import CodingRecord, PlanRecord, ServiceRecord, SourceRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook


class Coder(Protocol):
    """Anything that codes services (scatlas.coding's coder, or a test double at the system edge)."""

    def code(
        self, services: Sequence[ServiceRecord], subtype_within: Sequence[str | None] | None = None
    ) -> list[CodingRecord]: ...


@dataclass
class ImportResult:
    """What one import did: 'added', 'unchanged' or 'replaced', with the plans and service count written."""

    status: str
    source_id: int
    plan_ids: list[int] = field(default_factory=list)
    services: int = 0
    kept_human_codings: int = 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_FOLD = re.compile(r"[\s\W_]+", re.UNICODE)


def fold_name(name: str) -> str:
    """A service name folded for matching: NFC, no whitespace or punctuation, lower case."""
    return _FOLD.sub("", unicodedata.normalize("NFC", name)).lower()


_INSERT_CODING = (
    "INSERT INTO coding(service_id, domain_id, domain, subtype, function, target_groups, technologies, "
    "confidence, rationale, top2, coder, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class Catalogue:
    """The catalogue file. Open with `Catalogue.open(path)`; use as a context manager or call `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, timeout: float = 30.0) -> Catalogue:
        """Open (and create or migrate) a catalogue; WAL lets other processes read while one writes."""
        path = Path(path)
        if readonly:
            if not path.exists():
                raise CatalogueError(f"{path}: no such catalogue")
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        bigrams.register(conn)  # before migrating: migration 0005 fills the bigram index with it
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if not readonly:
                if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                    raise CatalogueError(f"{path}: could not switch the catalogue to WAL mode")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
                _sync_codebook(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise CatalogueError(f"{path}: not a usable scatlas catalogue ({exc})") from exc
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def find_source(self, sha256: str) -> sqlite3.Row | None:
        """The source row with this content hash, if already imported."""
        return self.conn.execute("SELECT * FROM source WHERE sha256 = ?", (sha256,)).fetchone()

    def get_ocr_page(self, file_key: str, page: int, settings: str) -> str | None:
        """A cached OCR page (JSON) of the file with this SHA-256, read with these settings, or None."""
        row = self.conn.execute(
            "SELECT data FROM ocr_page WHERE sha256 = ? AND page = ? AND settings = ?", (file_key, page, settings)
        ).fetchone()
        return row[0] if row else None

    def put_ocr_page(self, file_key: str, page: int, settings: str, data: str) -> None:
        """Keep one OCRed page (committed at once: a crash later in the file loses no page already read)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO ocr_page(sha256, page, settings, data, created_at) VALUES (?, ?, ?, ?, ?)",
            (file_key, page, settings, data, _now()),
        )

    def service_origin(self, service_id: int) -> tuple[bool, float | None]:
        """(found in running text, OCR confidence or None) of a service."""
        row = self.conn.execute("SELECT from_prose, ocr_confidence FROM service WHERE id = ?", (service_id,)).fetchone()
        return (bool(row[0]), row[1]) if row else (False, None)

    def import_source(
        self, source: SourceRecord, plans: Sequence[PlanRecord], coder: Coder | None = None
    ) -> ImportResult:
        """Write a file's plans and services (and their auto codings) in one transaction.

        Same sha256 already present: nothing changes ('unchanged'). Same path with other content: the old plans are
        replaced ('replaced'), and human codings carry over to services of the same (folded) name in the same
        municipality. A failure anywhere — or the process being killed — leaves the catalogue as it was.
        """
        existing = self.find_source(source.sha256)
        if existing is not None:
            return ImportResult("unchanged", existing["id"])
        # Code before the transaction: it is the slow part, and it must not hold the write lock.
        all_services = [s for plan in plans for s in plan.services]
        # Where the plan declares a domain, that domain is the effective one: ask for the sub-type inside it.
        codings = (
            coder.code(all_services, subtype_within=[s.declared_domain for s in all_services])
            if (coder is not None and all_services)
            else []
        )
        if codings and len(codings) != len(all_services):
            raise CatalogueError(f"coder returned {len(codings)} codings for {len(all_services)} services")
        for service, coding in zip(all_services, codings, strict=False):
            if service.from_prose and coding.confidence is not None:
                # a name read from a sentence is less certain than a table row: it comes up earlier for review
                coding.confidence = round(coding.confidence * PROSE_CONFIDENCE, 3)
        now = _now()
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked again under the write lock: another process may have imported the same content while this one
            # was reading and coding it. Same content is 'unchanged', never a UNIQUE error, and keeps its ids.
            existing = self.find_source(source.sha256)
            if existing is not None:
                conn.execute("ROLLBACK")
                return ImportResult("unchanged", existing["id"])
            old = conn.execute("SELECT id FROM source WHERE path = ?", (source.path,)).fetchone()
            previous = _PreviousImport.load(conn, old["id"], source.path) if old is not None else None
            if old is not None:
                # free the path for the new row; the old one goes once its edited services have moved over
                conn.execute("UPDATE source SET path = path || ' (replaced ' || id || ')' WHERE id = ?", (old["id"],))
            cur = conn.execute(
                "INSERT INTO source(path, file_name, sha256, format, pages, size, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (source.path, source.file_name, source.sha256, source.format, source.pages, source.size, now),
            )
            source_id = inserted_id(cur)
            result = ImportResult("added" if previous is None else "replaced", source_id)
            coding_iter = iter(codings)
            new_plans: list[tuple[int, PlanRecord]] = []
            for plan in plans:
                period = plan.period or (None, None)
                plan_id = inserted_id(
                    conn.execute(
                        "INSERT INTO plan(source_id, municipality, municipality_code, title, period_start, period_end, "
                        "source_file, sha256, pages, format, ingested_at, warnings, counts) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            source_id,
                            plan.municipality,
                            plan.municipality_code,
                            plan.title,
                            period[0],
                            period[1],
                            source.file_name,
                            source.sha256,
                            source.pages,
                            source.format,
                            now,
                            json.dumps(plan.warnings, ensure_ascii=False),
                            previous.plan_choice(plan) if previous else None,
                        ),
                    )
                )
                result.plan_ids.append(plan_id)
                new_plans.append((plan_id, plan))
                for position, service in enumerate(plan.services):
                    next_coding = next(coding_iter) if codings else None
                    key = (plan.municipality, fold_name(service.name or ""))
                    if previous is not None and previous.take_gone(key):
                        continue  # deleted, merged away or moved by a person: stays so
                    kept = previous.take_match(key) if previous is not None else None
                    if kept is not None:
                        service_id = self._update_kept(kept, plan_id, position, service)
                        result.kept_human_codings += kept["human_codings"]
                    else:
                        service_id = inserted_id(
                            conn.execute(
                                "INSERT INTO service(plan_id, position, name, description, declared_domain, "
                                "declared_label, page, extra, extracted_name, from_prose, ocr_confidence) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (
                                    plan_id,
                                    position,
                                    service.name,
                                    service.description or "",
                                    service.declared_domain,
                                    service.declared_label,
                                    service.page,
                                    json.dumps(service.extra, ensure_ascii=False),
                                    service.name,
                                    int(service.from_prose),
                                    service.ocr_confidence,
                                ),
                            )
                        )
                    result.services += 1
                    if next_coding is not None:
                        self._insert_coding(service_id, next_coding, now)
            if previous is not None:
                previous.rehome_added(conn, new_plans)
                conn.execute("DELETE FROM source WHERE id = ?", (old["id"],))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return result

    def _update_kept(self, kept: dict[str, Any], plan_id: int, position: int, service: ServiceRecord) -> int:
        """A service seen again in a re-ingested file: same id and codings; fields a person edited stay theirs."""
        edited = set(json.loads(kept["edited"] or "[]"))
        fresh = {
            "name": service.name,
            "description": service.description or "",
            "page": service.page,
            "declared_domain": service.declared_domain,
            "declared_label": service.declared_label,
            "extra": json.dumps(service.extra, ensure_ascii=False),
            "from_prose": int(service.from_prose),
            "ocr_confidence": service.ocr_confidence,
        }
        fresh = {k: v for k, v in fresh.items() if k not in edited}
        sets = ", ".join(f"{k} = ?" for k in fresh)
        self.conn.execute(
            f"UPDATE service SET plan_id = ?, position = ?, extracted_name = ?, {sets} WHERE id = ?",
            [plan_id, position, service.name, *fresh.values(), kept["id"]],
        )
        return int(kept["id"])

    def add_coding(self, service_id: int, coding: CodingRecord) -> int:
        """Store a coding (human or auto) for a service; earlier codings stay as history. Returns its id."""
        if (
            not (coding.coder.startswith("human:") or coding.coder.startswith("auto:"))
            or len(coding.coder.split(":", 1)[1].strip()) == 0
        ):
            raise CatalogueError(f"coder must be 'human:<name>' or 'auto:<version>', got {coding.coder!r}")
        if self.conn.execute("SELECT 1 FROM service WHERE id = ?", (service_id,)).fetchone() is None:
            raise CatalogueError(f"no service with id {service_id}")
        _check_coding(coding)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            coding_id = self._insert_coding(service_id, coding, _now())
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return coding_id

    def _insert_coding(self, service_id: int, coding: CodingRecord, created_at: str) -> int:
        names = dict(DOMAIN_ORDER)
        return inserted_id(
            self.conn.execute(
                _INSERT_CODING,
                (
                    service_id,
                    coding.domain_id,
                    names.get(coding.domain_id) if coding.domain_id else None,
                    coding.subtype,
                    coding.function,
                    ";".join(coding.target_groups),
                    ";".join(coding.technologies),
                    coding.confidence,
                    coding.rationale,
                    json.dumps([list(t) for t in coding.top2]),
                    coding.coder,
                    created_at,
                ),
            )
        )

    # ------------------------------------------------------------------ reading
    def service(self, service_id: int) -> dict[str, Any] | None:
        """One service with its effective coding (a service_view row), or None."""
        row = self.conn.execute("SELECT * FROM service_view WHERE service_id = ?", (service_id,)).fetchone()
        return dict(row) if row else None

    def services(
        self,
        where: str = "",
        params: Sequence[Any] = (),
        order_by: str = "service_id",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Rows of service_view; `where` is an SQL condition with ? placeholders (callers never splice values)."""
        sql = "SELECT * FROM service_view"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [dict(r) for r in self.conn.execute(sql, tuple(params))]

    def iter_services(
        self, where: str = "", params: Sequence[Any] = (), order_by: str = "service_id"
    ) -> Iterator[dict[str, Any]]:
        """Like `services`, one row at a time: an export of 100,000 services never holds them all in memory."""
        sql = "SELECT * FROM service_view" + (f" WHERE {where}" if where else "") + f" ORDER BY {order_by}"
        for row in self.conn.execute(sql, tuple(params)):
            yield dict(row)

    def coding_history(self, service_id: int) -> list[dict[str, Any]]:
        """Every coding of a service, newest first."""
        return [
            dict(r)
            for r in self.conn.execute("SELECT * FROM coding WHERE service_id = ? ORDER BY id DESC", (service_id,))
        ]

    def latest_codings(self, coder_prefix: str) -> dict[int, dict[str, Any]]:
        """service_id -> latest coding by coders matching the prefix ('human:', 'human:kim', 'auto:')."""
        pattern = (
            coder_prefix if coder_prefix.endswith("%") else coder_prefix + ("%" if coder_prefix.endswith(":") else "")
        )
        rows = self.conn.execute(
            "SELECT c.* FROM coding c WHERE c.id IN (SELECT max(id) FROM coding WHERE coder LIKE ? "
            "GROUP BY service_id)",
            (pattern,),
        )
        return {r["service_id"]: dict(r) for r in rows}

    def review_queue(
        self,
        limit: int | None = None,
        low_confidence: float = 0.6,
        *,
        municipality: str | None = None,
        domain_id: str | None = None,
        max_confidence: float | None = None,
        include_reviewed: bool = False,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Services to review: declared-vs-auto disagreements and low confidence first; no cap unless ``limit``.

        Filters: a municipality, an effective domain, a confidence ceiling; ``include_reviewed`` also lists
        services a person has already coded (to revise them).
        """
        where: list[str] = [] if include_reviewed else ["human_coder IS NULL"]
        params: list[Any] = []
        if municipality:
            where.append("municipality = ?")
            params.append(municipality)
        if domain_id:
            where.append("domain_id = ?")
            params.append(domain_id)
        if max_confidence is not None:
            where.append("COALESCE(confidence, 0) <= ?")
            params.append(float(max_confidence))
        return self.services(
            " AND ".join(where),
            params,
            order_by=(
                f"(declared_domain IS NOT NULL AND auto_domain_id IS NOT NULL AND auto_domain_id != domain_id) "
                f"DESC, (COALESCE(auto_confidence, 0) < {float(low_confidence)}) DESC, "
                "COALESCE(auto_confidence, 0) ASC, service_id"
            ),
            limit=limit,
            offset=offset,
        )

    def plans(self) -> list[dict[str, Any]]:
        """Every plan with its service count."""
        return [
            dict(r)
            for r in self.conn.execute(
                "SELECT p.*, (SELECT count(*) FROM service s WHERE s.plan_id = p.id) AS services "
                "FROM plan p ORDER BY p.municipality, p.period_start, p.id"
            )
        ]

    def counts(self) -> dict[str, int]:
        """Totals: sources, plans, municipalities, services, codings (one statement, so one consistent snapshot)."""
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM plan), "
            "(SELECT count(DISTINCT municipality) FROM plan), (SELECT count(*) FROM service), "
            "(SELECT count(*) FROM coding)"
        ).fetchone()
        return dict(zip(("sources", "plans", "municipalities", "services", "codings"), row, strict=True))


def _check_coding(coding: CodingRecord) -> None:
    book = load_codebook()
    if coding.domain_id is not None and coding.domain_id not in book.domain_names:
        raise CatalogueError(f"unknown domain_id {coding.domain_id!r}")
    if coding.subtype is not None:
        try:
            sub = book.subtype(coding.subtype)
        except KeyError:
            raise CatalogueError(f"unknown subtype {coding.subtype!r}") from None
        if coding.domain_id is not None and sub.domain_id != coding.domain_id:
            raise CatalogueError(f"subtype {coding.subtype!r} belongs to {sub.domain_id}, not {coding.domain_id}")
    if coding.function is not None and coding.function not in FUNCTIONS:
        raise CatalogueError(f"unknown function {coding.function!r}; one of {', '.join(FUNCTIONS)}")
    bad = [g for g in coding.target_groups if g not in TARGET_GROUPS]
    if bad:
        raise CatalogueError(f"unknown target group(s) {bad}; choose from {', '.join(TARGET_GROUPS)}")
    if coding.confidence is not None and not 0.0 <= coding.confidence <= 1.0:
        raise CatalogueError(f"confidence {coding.confidence} outside 0–1")


def _sync_codebook(conn: sqlite3.Connection) -> None:
    """Mirror the codebook's domains and sub-types into readable tables (used by service_view)."""
    book = load_codebook()
    rows = [(d.id, d.name, d.definition, i) for i, d in enumerate(book.domains)]
    subs = [(s.id, s.domain_id, s.label) for d in book.domains for s in d.subtypes]
    have = conn.execute("SELECT id, name, definition, position FROM domain ORDER BY position").fetchall()
    have_subs = conn.execute("SELECT id, domain_id, label FROM subtype ORDER BY id").fetchall()
    if [tuple(r) for r in have] == rows and [tuple(r) for r in have_subs] == sorted(subs):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT INTO domain(id, name, definition, position) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, definition=excluded.definition, "
            "position=excluded.position",
            rows,
        )
        conn.executemany(
            "INSERT INTO subtype(id, domain_id, label) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET domain_id=excluded.domain_id, label=excluded.label",
            subs,
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class _PreviousImport:
    """What a re-ingested file had: its services (to keep ids, codings and edits) and what people took off its list."""

    def __init__(
        self, services: list[dict[str, Any]], gone: list[tuple[str | None, str]], plans: list[dict[str, Any]]
    ) -> None:
        self.by_key: dict[tuple[str | None, str], list[dict[str, Any]]] = {}
        self.added: list[dict[str, Any]] = []
        for row in services:
            if row["origin"] == "human":
                self.added.append(row)
            else:
                key = (row["municipality"], fold_name(row["extracted_name"] or row["name"]))
                self.by_key.setdefault(key, []).append(row)
        self.gone: dict[tuple[str | None, str], int] = {}
        for key in gone:
            self.gone[key] = self.gone.get(key, 0) + 1
        self.plans = plans

    @classmethod
    def load(cls, conn: sqlite3.Connection, source_id: int, path: str) -> _PreviousImport:
        services = [
            dict(r)
            for r in conn.execute(
                "SELECT s.*, p.municipality, p.title AS plan_title, "
                "(SELECT count(*) FROM coding c WHERE c.service_id = s.id AND c.coder LIKE 'human:%') AS human_codings "
                "FROM service s JOIN plan p ON p.id = s.plan_id WHERE p.source_id = ? ORDER BY s.plan_id, s.position",
                (source_id,),
            )
        ]
        # deleted and moved services by their file; merged-away ones by the origins their merge recorded
        gone = [
            (r["municipality"], fold_name(r["extracted_name"]))
            for r in conn.execute(
                "SELECT municipality, extracted_name FROM service_edit WHERE undone_at IS NULL AND source_path = ? "
                "AND action IN ('delete', 'move') AND extracted_name IS NOT NULL",
                (path,),
            )
        ]
        for row in conn.execute("SELECT after FROM service_edit WHERE undone_at IS NULL AND action = 'merge'"):
            gone += [
                (o.get("municipality"), fold_name(o["extracted_name"]))
                for o in json.loads(row["after"]).get("origins", [])
                if o.get("source_path") == path and o.get("extracted_name")
            ]
        plans = [dict(r) for r in conn.execute("SELECT * FROM plan WHERE source_id = ?", (source_id,))]
        return cls(services, gone, plans)

    def take_gone(self, key: tuple[str | None, str]) -> bool:
        if self.gone.get(key, 0) > 0:
            self.gone[key] -= 1
            return True
        return False

    def take_match(self, key: tuple[str | None, str]) -> dict[str, Any] | None:
        rows = self.by_key.get(key)
        return rows.pop(0) if rows else None

    def plan_choice(self, plan: PlanRecord) -> int | None:
        """A person's choice of which plan counts, carried to the same plan of the new import."""
        for old in self.plans:
            if old["municipality"] == plan.municipality and old["title"] == plan.title:
                return old["counts"]
        return None

    def rehome_added(self, conn: sqlite3.Connection, new_plans: list[tuple[int, PlanRecord]]) -> None:
        """Services people added (or split off) move to the new plan of their municipality, same ids and codings."""
        for row in self.added:
            target = (
                next(
                    (
                        pid
                        for pid, p in new_plans
                        if p.municipality == row["municipality"] and p.title == row["plan_title"]
                    ),
                    None,
                )
                or next((pid for pid, p in new_plans if p.municipality == row["municipality"]), None)
                or (new_plans[0][0] if new_plans else None)
            )
            if target is None:
                continue
            position = conn.execute(
                "SELECT COALESCE(max(position), -1) + 1 FROM service WHERE plan_id = ?", (target,)
            ).fetchone()[0]
            conn.execute("UPDATE service SET plan_id = ?, position = ? WHERE id = ?", (target, position, row["id"]))
