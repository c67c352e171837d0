"""Catalogue connections for the web server: a pool of read-only connections and one guarded writer."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scatlas.catalogue import Catalogue


class CataloguePool:
    """Read-only catalogue connections handed out one per request, plus a single writer behind a lock.

    SQLite in WAL mode lets the readers run while the writer commits; one writer keeps write transactions in one
    process from queueing on the file lock.
    """

    def __init__(self, path: str | Path, size: int = 8) -> None:
        self.path = Path(path)
        self.writer = Catalogue.open(self.path)  # creates or migrates the file before any reader opens it
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
                cat = Catalogue.open(self.path, readonly=True)
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
