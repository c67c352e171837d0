"""`scatlas demo` end to end, as a user runs it: a fresh folder, the installed command, no options."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scatlas.cli.pipeline import bundled_samples


def _scatlas_command() -> list[str]:
    script = Path(sys.executable).with_name("scatlas")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from scatlas.cli import app; app()"]


@pytest.mark.slow
def test_demo_in_a_fresh_folder_ingests_every_sample_and_writes_the_report(tmp_path):
    env = {**os.environ, "COLUMNS": "400"}  # one line per message: the printed report path is not wrapped
    env.pop("SCATLAS_DB", None)
    done = subprocess.run(
        [*_scatlas_command(), "demo"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scatlas-demo"]  # writes nowhere else in the folder

    printed = re.findall(r"(\S+report\.html)\s*$", done.stdout, flags=re.M)
    report_dir = tmp_path / "scatlas-demo" / "report"
    assert printed and Path(printed[-1]).resolve() == (report_dir / "report.html").resolve()

    with sqlite3.connect(tmp_path / "scatlas-demo" / "scatlas.db") as conn:
        sources = {row[0] for row in conn.execute("SELECT file_name FROM source")}
        services = conn.execute("SELECT count(*) FROM service").fetchone()[0]
        # the analysis counts one plan per municipality (the latest unless a person chose): docs/architecture.md
        counted = conn.execute(
            "SELECT count(*) FROM service s JOIN plan_choice c ON c.plan_id = s.plan_id WHERE c.counted = 1"
        ).fetchone()[0]
        uncoded = conn.execute("SELECT count(*) FROM service_view WHERE domain_id IS NULL").fetchone()[0]
        municipalities = {row[0] for row in conn.execute("SELECT DISTINCT municipality FROM plan")}
    samples = {p.name for p in bundled_samples()}
    # every sample that has a text layer (or a scanned one that was read) is in the catalogue; none is lost silently
    missing = samples - sources
    assert all(name in done.stdout for name in missing), f"samples neither stored nor reported: {missing}"
    assert len(sources) >= len(samples) - 1 and services > 100 and uncoded == 0

    analysis = json.loads((report_dir / "analysis.json").read_text(encoding="utf-8"))
    assert analysis["totals"]["services"] == counted
    assert sum(d["count"] for d in analysis["domains"]) == counted and len(analysis["domains"]) == 12
    assert (counted < services) == bool(analysis["plans_not_counted"])  # a city's older plan is named, not hidden
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert all(m in html for m in municipalities if m)
    assert (report_dir / "report.pdf").read_bytes().startswith(b"%PDF")
    assert load_workbook(report_dir / "report.xlsx", read_only=True).sheetnames
