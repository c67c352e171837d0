"""`scatlas serve`: help with an example, and clean refusals before the server starts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from scatlas.cli import app


def test_serve_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example: SCATLAS_TOKEN=secret scatlas serve" in result.output


def test_serve_refuses_a_non_positive_upload_limit(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--max-upload-mb", "0"])
    assert result.exit_code == 2 and "--max-upload-mb" in result.output


def test_serve_refuses_a_file_that_is_not_a_catalogue(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not SQLite " * 100, encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--db", str(bogus)])
    assert result.exit_code == 1 and "not a usable scatlas catalogue" in result.output


def test_serve_with_two_workers_shares_logins_and_serves_in_parallel(tmp_path: Path) -> None:
    """A real `scatlas serve --workers 2`: both worker processes answer, a login made through one holds on the
    other (requests land on either), and a logout ends it everywhere."""
    import os
    import re
    import signal
    import socket
    import subprocess
    import sys
    import time
    from concurrent.futures import ThreadPoolExecutor

    import httpx
    from tests.web.conftest import build_catalogue

    db = tmp_path / "scatlas.db"
    build_catalogue(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    scatlas = str(Path(sys.executable).parent / "scatlas")
    proc = subprocess.Popen(
        [scatlas, "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        env={**os.environ, "SCATLAS_TOKEN": "tok-0123456789"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/facets", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        with ThreadPoolExecutor(8) as pool:  # fresh connections: the kernel spreads them over both workers
            statuses = list(
                pool.map(lambda _: httpx.get(base + "/api/services?q=버스", timeout=20).status_code, range(40))
            )
        assert statuses == [200] * 40
        with httpx.Client(base_url=base, timeout=20) as first:
            page = first.get("/login").text
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            assert first.post(
                "/login", data={"csrf_token": csrf, "name": "kim", "token": "tok-0123456789", "next": "/review"}
            ).status_code in (200, 303)
            cookies = dict(first.cookies)
        for _ in range(10):  # new connections, either worker: the login holds on each
            assert httpx.get(base + "/review", cookies=cookies, timeout=20).status_code == 200
        with httpx.Client(base_url=base, timeout=20, cookies=cookies) as second:
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', second.get("/review").text).group(1)  # type: ignore[union-attr]
            assert second.post("/logout", data={"csrf_token": csrf}).status_code in (200, 303)
        for _ in range(10):
            assert httpx.get(base + "/review", cookies=cookies, timeout=20, follow_redirects=False).status_code == 303
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out = proc.communicate(timeout=30)[0]
    assert "작업 프로세스: 2" in out and out.count("Started server process") >= 2, out[-2000:]
