"""Scale benchmark of the analysis and the report: 10,000 and 100,000 services.

One command:  .venv/bin/python bench/bench_analysis.py   (add --sizes 2000 20000 for a quicker run)

Builds a catalogue per size by resampling the bundled labelled corpus (src/scatlas/data/corpus/*.csv; the codebook
keywords when it is absent) over many fictional municipalities, ~30 services a plan, with the name variations
plans show (place-name prefixes, '스마트 …', '… 구축', descriptions left out). Then, in a fresh process per size,
runs the full analysis and writes every report file, and prints the time, the peak memory (max RSS of that process)
and the 100k/10k time ratio. Goals: ratio ≤ 15; 100,000 services analysed and reported in < 60 s and < 4 GB.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

SERVICES_PER_PLAN = 30
SYLLABLES = "가나다라마바사아자차카타파하강남동서북한세영진청해송월산천"
PERIODS = [(2019, 2023), (2021, 2025), (2024, 2028)]


def corpus() -> list[dict[str, str]]:
    """The labelled corpus rows, or one pseudo-row per codebook keyword when the corpus is absent."""
    folder = resources.files("scatlas.data").joinpath("corpus")
    rows = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".csv"):
                with entry.open(encoding="utf-8", newline="") as fh:
                    rows += list(csv.DictReader(fh))
    if rows:
        return rows
    from scatlas.taxonomy import load_codebook

    return [{"name": f"스마트 {k}", "description": f"{k} 관련 서비스", "domain_id": d.id, "subtype": "",
             "function": "정보제공", "target_groups": "일반", "technologies": ""}
            for d in load_codebook().domains for k in d.keywords]


def municipality_names(n: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    width = 2 if n <= 1000 else 3  # 30² · 3 = 2,700 two-syllable names; more plans need three syllables
    while len(names) < n:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(width)) + rng.choice("시군구"))
    return sorted(names)


def vary(name: str, muni: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return f"{muni[:-1]} {name}"
    if roll < 0.30:
        return f"스마트 {name}" if not name.startswith("스마트") else name
    if roll < 0.42:
        return f"{name} {rng.choice(['구축', '서비스', '사업', '고도화'])}"
    return name


def build(path: Path, services: int, seed: int = 7) -> float:
    """Fill a catalogue with `services` services; returns the seconds it took."""
    from scatlas.catalogue import Catalogue
    from scatlas.records import CodingRecord, PlanRecord, ServiceRecord, SourceRecord

    class Prepared:  # the coder edge of import_source: codings prepared from the corpus labels
        def __init__(self, codings: list) -> None:
            self.codings = codings

        def code(self, batch, **_options):
            return self.codings

    rng = random.Random(seed)
    pool = corpus()
    plans = services // SERVICES_PER_PLAN
    munis = municipality_names(plans, rng)
    started = time.perf_counter()
    with Catalogue.open(path) as cat:
        for k, muni in enumerate(munis):
            n = SERVICES_PER_PLAN if k < plans - 1 else services - SERVICES_PER_PLAN * (plans - 1)
            picked = rng.sample(pool, n)
            recs, codings = [], []
            for i, row in enumerate(picked):
                recs.append(ServiceRecord(name=vary(row["name"], muni, rng),
                                          description=row["description"] if rng.random() < 0.7 else "",
                                          page=40 + i, position=i))
                codings.append(CodingRecord(domain_id=row["domain_id"], subtype=row.get("subtype") or None,
                                            function=row.get("function") or None,
                                            target_groups=[g for g in (row.get("target_groups") or "").split(";") if g],
                                            technologies=[t for t in (row.get("technologies") or "").split(";") if t],
                                            confidence=0.8, coder="auto:bench"))
            period = rng.choice(PERIODS)
            src = SourceRecord(path=f"/bench/{muni}.pdf", file_name=f"{muni}.pdf",
                               sha256=hashlib.sha256(f"{muni}{k}".encode()).hexdigest(), format="pdf", pages=250,
                               size=1)
            cat.import_source(src, [PlanRecord(municipality=muni, title=f"{muni} 스마트도시계획({period[0]}~{period[1]})",
                                               period=period, services=recs)], coder=Prepared(codings))
    return time.perf_counter() - started


def use_previous_method() -> None:
    """The archetype method before the kind of service and weak links (issue 10), for the same-run comparison:
    no kind block in the similarity, only near-identical pairs in average linkage, the old thresholds, each
    archetype named after the name most of its municipalities use."""
    from collections import Counter

    from scatlas.analysis import archetypes, build, textsim

    textsim.KIND_WEIGHT = 0.0
    archetypes.WEAK_LINK = 1.0
    archetypes.THRESHOLD = build.THRESHOLD = 0.18
    archetypes.NAME_THRESHOLD = build.NAME_THRESHOLD = 0.16
    find = archetypes.find_archetypes

    def previous(rows, threshold=0.18, name_threshold=0.16, **kw):
        return find(rows, threshold, name_threshold, **kw)

    def label(members):
        counts = Counter(name for name, _ in {(r.name, r.municipality) for r in members})
        return min(counts, key=lambda nm: (-counts[nm], len(nm), nm))

    archetypes._label = label
    archetypes.find_archetypes = build.find_archetypes = previous


def run_one(db: Path, out: Path, previous: bool = False) -> dict:
    """Analyse and report one catalogue in this process: seconds per step and peak memory."""
    from scatlas.catalogue import Catalogue
    from scatlas.report.writer import write_report

    if previous:
        use_previous_method()

    started = time.perf_counter()
    with Catalogue.open(db, readonly=True) as cat:
        result = write_report(cat, out)
    total = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": round(total, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "steps": result.timings,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "services": result.analysis["totals"]["services"],
            "archetypes": result.analysis["archetype_summary"]["archetypes"],
            "largest_archetype": max((a["services"] for a in result.analysis["archetypes"]), default=0),
            "candidate_pairs": result.analysis["archetype_summary"]["candidate_pairs"],
            "bytes": {k: p.stat().st_size for k, p in result.files.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--previous", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-compare", action="store_true",
                        help="skip the run of the previous archetype method on the same catalogues")
    parser.add_argument("--keep", type=Path, help="keep catalogues and reports in this folder")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), Path(args.one[1]), args.previous)))
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="scatlas-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    methods = ["current"] + ([] if args.no_compare else ["previous"])
    results: dict[str, dict[int, dict]] = {m: {} for m in methods}
    for size in args.sizes:
        db = work / f"bench-{size}.db"
        if not db.exists():
            print(f"building {size:,} services …", flush=True)
            print(f"  built in {build(db, size):.1f} s", flush=True)
        for method in methods:
            out = subprocess.run([sys.executable, __file__, "--one", str(db), str(work / f"report-{size}-{method}")]
                                 + (["--previous"] if method == "previous" else []),
                                 check=True, capture_output=True, text=True)
            results[method][size] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[method][size]
            print(f"{size:>8,} services, {method} method: analysis + report {r['seconds']:6.1f} s wall, "
                  f"{r['cpu_seconds']:6.1f} s CPU (whole process, imports included), peak {r['peak_mb']:,.0f} MB, "
                  f"{r['archetypes']:,} archetypes (largest {r['largest_archetype']:,} services), "
                  f"{r['candidate_pairs']:,} scored pairs; steps {r['steps']}", flush=True)
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        for method in methods:
            res = results[method]
            ratio = res[large]["seconds"] / res[small]["seconds"]
            cpu_ratio = res[large]["cpu_seconds"] / res[small]["cpu_seconds"]
            print(f"{method}: time ratio {large:,}/{small:,} = {ratio:.1f} wall, {cpu_ratio:.1f} CPU (goal ≤ 15 for "
                  f"10×); {large:,}: {res[large]['seconds']:.1f} s (goal < 60 s), "
                  f"{res[large]['peak_mb'] / 1024:.2f} GB (goal < 4 GB)")
        if "previous" in results:
            now, before = results["current"][large], results["previous"][large]
            print(f"current vs previous at {large:,}: {now['seconds'] / before['seconds']:.2f}× the time, "
                  f"{now['peak_mb'] / before['peak_mb']:.2f}× the memory")
    print(f"files in {work}")


if __name__ == "__main__":
    main()
