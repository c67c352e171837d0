"""Two ingests of the same content at once: the duplicate check runs under the write lock, so the later one is
'unchanged' (never a UNIQUE error that loses its batch) and the first one's ids stay as they are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue
from scatlas.records import CodingRecord, ServiceRecord


class RacingCoder:
    """A coder that, while the slow coding step runs, lets another connection import the same content first."""

    def __init__(self, db: Path, path: str) -> None:
        self.db, self.path = db, path

    def code(self, services: list[ServiceRecord], subtype_within: object = None) -> list[CodingRecord]:
        with Catalogue.open(self.db) as other:
            assert other.import_source(make_source(sha="c" * 64, path=self.path), [make_plan()]).status == "added"
        return [
            CodingRecord(domain_id="transport", function="정보제공", confidence=0.9, coder="auto:test")
            for _ in services
        ]


def test_same_content_under_another_path_is_unchanged_not_an_integrity_error(tmp_path: Path) -> None:
    db = tmp_path / "scatlas.db"
    with Catalogue.open(db) as cat:
        result = cat.import_source(
            make_source(sha="c" * 64, path="/copy/b.pdf"), [make_plan()], coder=RacingCoder(db, "/orig/a.pdf")
        )
        assert result.status == "unchanged"
        assert cat.counts()["plans"] == 1


def test_same_file_twice_keeps_its_service_ids(tmp_path: Path) -> None:
    db = tmp_path / "scatlas.db"
    with Catalogue.open(db) as cat:
        result = cat.import_source(
            make_source(sha="c" * 64, path="/orig/a.pdf"), [make_plan()], coder=RacingCoder(db, "/orig/a.pdf")
        )
        assert result.status == "unchanged"  # not 'replaced': the first import's services keep their ids
        ids = [r["service_id"] for r in cat.services()]
        assert ids == sorted(ids) and ids[0] == 1


def test_two_real_ingest_processes_on_the_same_files(tmp_path: Path) -> None:
    """`scatlas ingest` twice at once, the same sample plans under two folders: both finish, nothing fails."""
    from importlib import resources

    samples = Path(str(resources.files("scatlas.data") / "samples"))
    plans = sorted(p for p in samples.iterdir() if p.suffix in {".hwpx", ".docx"})[:3]
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for p in plans:
            (folder / p.name).write_bytes(p.read_bytes())
        folders.append(folder)
    db = tmp_path / "scatlas.db"
    Catalogue.open(db).close()
    procs = [
        subprocess.Popen(
            [str(Path(sys.executable).parent / "scatlas"), "ingest", str(f), "--db", str(db), "--no-code"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, out + err
        assert "Traceback" not in err and "IntegrityError" not in err
    with Catalogue.open(db) as cat:
        assert cat.counts()["plans"] == len(plans)
        assert cat.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
