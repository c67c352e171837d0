"""Server-side state of logins: which sessions are live, and how often a client has just failed to log in.

The signed cookie says who a browser claims to be; this store says whether that login still holds. Logging out or
expiry deletes the row, so an old cookie — copied, or kept by a browser — no longer opens anything (OWASP ASVS
V3.3.1). Failed tokens are counted per client address, and past a few failures each further try must wait longer
(V2.2.1). The store is a small SQLite file beside the catalogue, shared by every worker process of the server.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from pathlib import Path

#: failed tries a client gets in a window before it has to wait
FREE_FAILURES = 5
#: failures older than this are forgotten
FAILURE_WINDOW = 15 * 60
#: the longest a client is made to wait after many failures
MAX_WAIT = 15 * 60

_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_session (
    sid TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    created REAL NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_failure (
    client TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_failure_client ON auth_failure(client, at);
"""


class SessionStore:
    """Live logins and recent authentication failures, in one SQLite file."""

    def __init__(self, path: str | Path, max_age: float) -> None:
        self.path = Path(path)
        self.max_age = max_age
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(_SCHEMA)

    def _execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, params)

    # ------------------------------------------------------------------------------------------ sessions
    def create(self, user: str) -> str:
        """A new live session for `user`; returns its id."""
        sid = secrets.token_urlsafe(32)
        now = time.time()
        self._execute(
            "INSERT INTO web_session(sid, user, created, expires) VALUES (?, ?, ?, ?)",
            (sid, user, now, now + self.max_age),
        )
        self._execute("DELETE FROM web_session WHERE expires < ?", (now,))
        return sid

    def user(self, sid: str | None) -> str | None:
        """Who a live session belongs to, or None if it was ended, expired or never existed."""
        if not sid:
            return None
        row = self._execute("SELECT user, expires FROM web_session WHERE sid = ?", (sid,)).fetchone()
        if row is None:
            return None
        if row[1] < time.time():
            self.end(sid)
            return None
        return str(row[0])

    def end(self, sid: str | None) -> None:
        """End a session: its cookie opens nothing from now on."""
        if sid:
            self._execute("DELETE FROM web_session WHERE sid = ?", (sid,))

    # ------------------------------------------------------------------------------------------ throttling
    def wait_seconds(self, client: str) -> float:
        """How long `client` must wait before its next try (0: it may try now)."""
        now = time.time()
        rows = self._execute(
            "SELECT COUNT(*), MAX(at) FROM auth_failure WHERE client = ? AND at > ?", (client, now - FAILURE_WINDOW)
        ).fetchone()
        count, last = int(rows[0]), rows[1]
        if count < FREE_FAILURES or last is None:
            return 0.0
        wait = min(float(2 ** (count - FREE_FAILURES + 1)), MAX_WAIT)
        return max(0.0, last + wait - now)

    def failed(self, client: str) -> None:
        """Count one failed try of `client`."""
        now = time.time()
        self._execute("INSERT INTO auth_failure(client, at) VALUES (?, ?)", (client, now))
        self._execute("DELETE FROM auth_failure WHERE at < ?", (now - FAILURE_WINDOW,))

    def succeeded(self, client: str) -> None:
        """A right token: the client's failures are forgiven."""
        self._execute("DELETE FROM auth_failure WHERE client = ?", (client,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
