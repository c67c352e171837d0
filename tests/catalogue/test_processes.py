"""Two processes: a reader while another writes, and a writer killed (SIGKILL) in the middle of an import."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue

CHILD_SETUP = textwrap.dedent("""
    import sys, time
    from scatlas.catalogue import Catalogue
    from scatlas.records import PlanRecord, ServiceRecord, SourceRecord
    def plan(n, tag):
        return PlanRecord("목포시", services=[ServiceRecord(f"{tag} 서비스 {i}", "설명") for i in range(n)])
""")


def _python(code: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD_SETUP + textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_a_writer_killed_mid_import_leaves_the_catalogue_exactly_as_before(tmp_path):
    db = tmp_path / "scatlas.db"
    with Catalogue.open(db) as cat:
        cat.import_source(make_source(sha="a" * 64), [make_plan()])
        before = cat.counts()
        before_rows = cat.services()
    child = _python(f"""
        cat = Catalogue.open({str(db)!r})
        inserted = 0
        def trace(sql):
            global inserted
            if sql.startswith("INSERT INTO service("):
                inserted += 1
                if inserted == 500:
                    print("MIDWAY", flush=True)
                    time.sleep(60)   # hold the open transaction until the parent kills us
        cat.conn.set_trace_callback(trace)
        cat.import_source(SourceRecord("/p/big.csv", "big.csv", "b" * 64, "csv", None, 1), [plan(2000, "큰")])
        print("FINISHED", flush=True)
    """)
    try:
        line = child.stdout.readline()
        assert line.strip() == "MIDWAY", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with Catalogue.open(db) as cat:
        assert cat.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert cat.counts() == before
        assert cat.services() == before_rows
        # and the catalogue still takes the import afterwards
        assert cat.import_source(make_source(sha="b" * 64, path="/p/big.csv"), [make_plan("순천시")]).status == "added"


def test_a_second_process_reads_consistent_snapshots_while_one_writes(tmp_path):
    db = tmp_path / "scatlas.db"
    Catalogue.open(db).close()
    writer = _python(f"""
        cat = Catalogue.open({str(db)!r})
        print("READY", flush=True)
        for k in range(40):
            cat.import_source(SourceRecord(f"/p/{{k}}.csv", f"{{k}}.csv", f"{{k:064d}}", "csv", None, 1), [plan(50, k)])
        print("DONE", flush=True)
    """)
    assert writer.stdout.readline().strip() == "READY", writer.stderr.read()
    seen = set()
    reader = Catalogue.open(db, readonly=True, timeout=5)
    deadline = time.monotonic() + 60
    try:
        while writer.poll() is None and time.monotonic() < deadline:
            counts = reader.counts()
            # every committed import holds exactly one plan of 50 services: never a half-written one
            assert counts["services"] == 50 * counts["plans"]
            seen.add(counts["plans"])
        writer.wait(timeout=60)
        assert writer.returncode == 0, writer.stderr.read()
        assert reader.counts()["plans"] == 40
    finally:
        reader.close()
    assert len(seen) > 1  # the reader really ran while the writer wrote
