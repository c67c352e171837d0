"""The row id an INSERT gave, typed: sqlite3 reports ``lastrowid`` as ``int | None``."""

from __future__ import annotations

import sqlite3

from scatlas.errors import CatalogueError


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row `cursor`'s INSERT wrote; CatalogueError if the statement inserted nothing."""
    if cursor.lastrowid is None:
        raise CatalogueError("삽입된 행이 없습니다")
    return cursor.lastrowid
