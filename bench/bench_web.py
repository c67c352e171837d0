"""Latency benchmark of the web dashboard and API on a 100,000-service catalogue.

One command:  .venv/bin/python bench/bench_web.py   (--services 20000 --requests 100 for a quicker run;
--only search for the search kinds alone)

Builds the catalogue with bench_analysis.build (the bundled labelled corpus resampled over many fictional
municipalities, bulk-imported through Catalogue.import_source), starts `scatlas serve` in a second process on
127.0.0.1, warms it up, then sends a bounded number of sequential requests per kind (search API and page with Korean
queries of 2–5 characters, with and without filters; service detail page and API; list pages; the overview) and
prints p50/p95/max per kind with its ratio to a static file served in the same run (the baseline). Goal: p95 under
200 ms for search and service pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analysis import build, corpus

GOAL_MS = 200.0
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def query_words(rng: random.Random, n: int) -> list[str]:
    """Korean search words taken from corpus names: 2-syllable (bigram index) and 3–5-syllable (trigram index)."""
    words = sorted({w for row in corpus() for w in row["name"].split() if 2 <= len(w) <= 5 and w.isalpha()})
    return [rng.choice(words) for _ in range(n)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("scatlas")
    env = {**os.environ, "SCATLAS_TOKEN": TOKEN}
    return subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)


def wait_ready(client, base: str, seconds: float = 120.0) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if client.get(base + "/api/facets").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")


def timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per kind (bounded, sequential)")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the catalogue in this folder")
    parser.add_argument("--only", default="", help="measure only kinds starting with this (e.g. 'search'); "
                                                   "the static baseline always runs")
    args = parser.parse_args()
    import httpx

    work = args.keep or Path(tempfile.mkdtemp(prefix="scatlas-bench-web-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"web-{args.services}.db"
    if not db.exists():
        seconds = build(db, args.services)
        print(f"built {args.services:,} services in {seconds:.1f} s → {db}")
    rng = random.Random(11)
    n = args.requests
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, work / "server.log")
    try:
        with httpx.Client(timeout=120.0) as client:
            wait_ready(client, base)
            total = client.get(base + "/api/services", params={"per_page": 1, "sort": "-id"}).json()
            max_id = total["items"][0]["service_id"]
            client.get(base + "/")  # the overview's analysis is computed once per catalogue state: not measured
            words = query_words(rng, n)
            domains = ["transport", "safety", "welfare", "environment", "admin", "culture"]
            kinds: dict[str, list[str]] = {
                "static file (baseline)": [base + "/static/app.css"] * n,
                "search API": [f"{base}/api/services?q={quote(w)}" for w in words],
                "search API + domain filter": [f"{base}/api/services?q={quote(w)}&domain={rng.choice(domains)}"
                                               for w in words],
                "search page": [f"{base}/services?q={quote(w)}" for w in words],
                "search page, 2 words": [f"{base}/services?q={quote(a + ' ' + b)}"
                                         for a, b in zip(words, reversed(words))],
                "service page": [f"{base}/services/{rng.randint(1, max_id)}" for _ in range(n)],
                "service API": [f"{base}/api/services/{rng.randint(1, max_id)}" for _ in range(n)],
                "list page (no query)": [f"{base}/services?page={rng.randint(1, 200)}" for _ in range(n)],
                "overview page (cached)": [base + "/"] * min(n, 50),
            }
            kinds = {k: v for k, v in kinds.items() if k.startswith((args.only, "static"))}
            for urls in kinds.values():  # warm-up: connection pool, template cache, SQLite page cache
                for url in urls[:5]:
                    timed(client, url)
            results = {}
            for kind, urls in kinds.items():
                times = [timed(client, url) for url in urls]
                results[kind] = {"n": len(times), "p50": statistics.median(times), "p95": percentile(times, 0.95),
                                 "max": max(times)}
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
    base_p95 = results["static file (baseline)"]["p95"]
    print(f"\n{args.services:,} services, {n} sequential requests per kind, loopback\n")
    print(f"{'kind':30} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/static':>10}  goal")
    for kind, r in results.items():
        goal = ""
        if kind.startswith(("search", "service")):
            goal = "ok" if r["p95"] < GOAL_MS else f"MISSED (< {GOAL_MS:.0f} ms)"
        print(f"{kind:30} {r['n']:>4} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['max']:>8.1f} "
              f"{r['p95'] / base_p95:>10.1f}  {goal}")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_web.json").write_text(json.dumps({"services": args.services, "requests": n, "results": results}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
