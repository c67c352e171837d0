"""Load benchmark of the web server under concurrent clients, side by side with Datasette on the same catalogue file.

One command:  .venv/bin/python bench/bench_web_load.py   (--services 20000 --requests 200 for a quicker run)
Needs the bench extra for the comparison: .venv/bin/pip install -e '.[bench]'  (Datasette; without it, scatlas only)

Builds a catalogue (bench_analysis.build: the labelled corpus resampled over many fictional municipalities), starts
`scatlas serve --workers W` and `datasette serve` on the same file (both read-only here, loopback only), and sends a
bounded number of requests with 1, 5 and 20 concurrent clients over the same realistic mix of equivalent queries:

- a Korean word search (FTS5 trigram index, or the bigram index for two-syllable words; first 50 rows);
- one service by id;
- a filtered list (one domain, one municipality, first 50 rows);

Prints throughput and p50/p95/p99 latency per server and level, and the ratio scatlas/Datasette. Then, with 20 clients
on scatlas, runs a whole-catalogue XLSX export and reports the slowest other request while it ran (goal < 2 s).
Goals (issue 15): with 20 clients, p95 < 300 ms and throughput ≥ Datasette's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analysis import build
from bench_web import query_words

TOKEN = "bench-token"
LEVELS = (1, 5, 20)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, seconds: float = 180.0) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def scatlas_urls(base: str, words: list[str], ids: list[int], munis: list[str]) -> list[str]:
    from urllib.parse import quote

    urls = []
    for i, word in enumerate(words):
        urls.append(f"{base}/api/services?q={quote(word)}&per_page=50")
        urls.append(f"{base}/api/services/{ids[i % len(ids)]}/history")
        urls.append(f"{base}/api/services?domain=transport&municipality={quote(munis[i % len(munis)])}&per_page=50")
    return urls


def datasette_urls(base: str, words: list[str], ids: list[int], munis: list[str]) -> list[str]:
    """The same three reads as SQL over the same views and FTS table."""
    from urllib.parse import urlencode

    search = ("SELECT * FROM service_view WHERE service_id IN (SELECT rowid FROM service_fts WHERE service_fts "
              "MATCH :q) ORDER BY service_id LIMIT 50")
    one = "SELECT * FROM coding WHERE service_id = :id ORDER BY id DESC"
    listing = ("SELECT * FROM service_view WHERE domain_id = 'transport' AND municipality = :m "
               "ORDER BY service_id LIMIT 50")
    # two-syllable words cannot use the trigram index: scatlas asks the bigram index (migration 0005)
    pair = search.replace("service_fts", "service_bigram")
    urls = []
    for i, word in enumerate(words):
        query = {"sql": search if len(word) >= 3 else pair, "q": f'"{word}"'}
        urls.append(f"{base}/scatlas.json?" + urlencode({**query, "_shape": "array"}))
        urls.append(f"{base}/scatlas.json?" + urlencode({"sql": one, "id": ids[i % len(ids)], "_shape": "array"}))
        urls.append(f"{base}/scatlas.json?" + urlencode({"sql": listing, "m": munis[i % len(munis)],
                                                        "_shape": "array"}))
    return urls


def run_level(urls: list[str], clients: int) -> dict[str, float]:
    """Every url once, `clients` at a time, each client on its own keep-alive connection."""
    import httpx

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    chunks = [urls[i::clients] for i in range(clients)]

    def client_run(mine: list[str]) -> None:
        nonlocal errors
        with httpx.Client(timeout=60) as c:
            for url in mine:
                t = time.perf_counter()
                status = c.get(url).status_code
                took = time.perf_counter() - t
                with lock:
                    latencies.append(took)
                    errors += status >= 400

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client_run, chunks))
    wall = time.perf_counter() - started
    return {"rps": len(urls) / wall, "p50": 1000 * percentile(latencies, 0.5),
            "p95": 1000 * percentile(latencies, 0.95), "p99": 1000 * percentile(latencies, 0.99),
            "max": 1000 * max(latencies), "errors": errors}


def export_while_loaded(base: str, urls: list[str]) -> tuple[float, float]:
    """Seconds the XLSX export took, and the slowest other request (ms) while it ran with 20 clients."""
    import httpx

    done = threading.Event()
    slowest = [0.0]

    def export() -> float:
        t = time.perf_counter()
        r = httpx.get(f"{base}/api/services/export?format=xlsx", headers={"Authorization": f"Bearer {TOKEN}"},
                      timeout=600)
        assert r.status_code == 200, r.status_code
        done.set()
        return time.perf_counter() - t

    def hammer(mine: list[str]) -> None:
        with httpx.Client(timeout=60) as c:
            i = 0
            while not done.is_set():
                t = time.perf_counter()
                c.get(mine[i % len(mine)])
                slowest[0] = max(slowest[0], time.perf_counter() - t)
                i += 1

    with ThreadPoolExecutor(21) as pool:
        futures = [pool.submit(hammer, urls[i::20]) for i in range(20)]
        seconds = pool.submit(export).result()
        for f in futures:
            f.result()
    return seconds, 1000 * slowest[0]


def start(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                            start_new_session=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=600, help="requests per level (a multiple of 3)")
    parser.add_argument("--workers", type=int, default=0, help="scatlas workers (0: one per core)")
    parser.add_argument("--keep", type=Path, help="keep the catalogue in this folder")
    parser.add_argument("--skip-export", action="store_true", help="leave out the export-under-load phase")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="scatlas-load-")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "scatlas.db"
    if not db.exists():
        print(f"building {args.services:,} services …", flush=True)
        print(f"  built in {build(db, args.services):.1f} s", flush=True)
    import sqlite3

    from scatlas.catalogue import Catalogue

    # migrate before either server starts: Datasette opens the file immutable and would never see a new table
    Catalogue.open(db).close()
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM service ORDER BY random() LIMIT 500")]
    munis = [r[0] for r in con.execute("SELECT DISTINCT municipality FROM plan LIMIT 200")]
    con.close()
    rng = random.Random(11)
    words = query_words(rng, args.requests // 3)
    exe = str(Path(sys.executable).with_name("scatlas"))
    sport, dport = free_port(), free_port()
    servers = {"scatlas": start([exe, "serve", "--db", str(db), "--port", str(sport), "--workers", str(args.workers)],
                                folder / "scatlas.log", {"SCATLAS_TOKEN": TOKEN})}
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent))
    if datasette:
        # immutable: Datasette's fastest mode for a file it does not write; the FTS table is queried as scatlas does
        servers["datasette"] = start([datasette, "serve", "-i", str(db), "--port", str(dport),
                                      "--setting", "sql_time_limit_ms", "10000", "--setting", "max_returned_rows",
                                      "1000"], folder / "datasette.log")
    else:
        print("datasette is not installed (pip install -e '.[bench]'): scatlas alone", flush=True)
    results: dict[str, dict[int, dict[str, float]]] = {}
    try:
        wait_ready(f"http://127.0.0.1:{sport}/api/facets")
        url_sets: dict[str, list[str]] = {
            "scatlas": scatlas_urls(f"http://127.0.0.1:{sport}", words, ids, munis)}
        if datasette:
            wait_ready(f"http://127.0.0.1:{dport}/-/versions.json")
            url_sets["datasette"] = datasette_urls(f"http://127.0.0.1:{dport}", words, ids, munis)
        for name, urls in url_sets.items():
            run_level(urls[: min(60, len(urls))], 5)  # warm caches and workers
            results[name] = {}
            for level in LEVELS:
                results[name][level] = run_level(urls, level)
                r = results[name][level]
                print(f"{name:9} {level:2} clients: {r['rps']:7.1f} req/s  p50 {r['p50']:6.1f} ms  "
                      f"p95 {r['p95']:6.1f} ms  p99 {r['p99']:6.1f} ms  max {r['max']:6.0f} ms  "
                      f"errors {r['errors']:.0f}", flush=True)
        if "datasette" in results:
            for level in LEVELS:
                ratio = results["scatlas"][level]["rps"] / results["datasette"][level]["rps"]
                print(f"throughput scatlas/datasette at {level:2} clients: {ratio:.2f}×")
        if not args.skip_export:
            seconds, slowest = export_while_loaded(f"http://127.0.0.1:{sport}", url_sets["scatlas"])
            print(f"XLSX export of {args.services:,} services: {seconds:.1f} s; slowest other request meanwhile: "
                  f"{slowest:.0f} ms (goal < 2000 ms)")
        p95 = results["scatlas"][20]["p95"]
        print(f"goal p95 < 300 ms at 20 clients: {'met' if p95 < 300 else 'NOT met'} ({p95:.0f} ms); cores: "
              f"{os.cpu_count()}, load average now {os.getloadavg()[0]:.1f}")
        print("median p95 over levels:", {n: round(statistics.median(r[lv]['p95'] for lv in LEVELS))
                                          for n, r in results.items()})
    finally:
        import signal

        for proc in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
