"""Schema migrations: numbered SQL files applied in order, each in its own transaction, recorded in schema_migrations."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources

from scatlas.errors import CatalogueError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every bundled migration, in order."""
    folder = resources.files("scatlas.catalogue").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """Versions already applied to this database."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every pending migration; returns the versions applied. Refuses a database from a newer scatlas."""
    done = applied_versions(conn)
    known = available_migrations()
    newest = max((v for v, _, _ in known), default=0)
    if done and max(done) > newest:
        raise CatalogueError(
            f"the catalogue was written by a newer scatlas (schema {max(done)} > {newest}); upgrade scatlas to open it"
        )
    applied = []
    for version, name, sql in known:
        if version in done:
            continue
        # executescript would COMMIT implicitly; run statement by statement inside one explicit transaction.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (triggers keep their inner semicolons)."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in sql.splitlines():
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("--")):
            continue
        buffer.append(line)
        candidate = "\n".join(buffer)
        if stripped.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buffer = []
    if buffer and "\n".join(buffer).strip():
        raise CatalogueError("migration file ends inside a statement")
    return statements
