"""Benchmark of the service coder: services coded per second, model load time and peak memory,
against the keyword baseline measured in the same run.

    .venv/bin/python bench/bench_coding.py            # --n 10000 --batch 2000 by default

Each coder runs in its own fresh Python process (so load time and peak memory are its own):
- load: ``load_coder()`` (unpickling the shipped or cached model; trains first if none matches — reported),
  then ``ready``: the first ``code()`` call, which loads Kiwi (the coder is usable after load + ready);
- throughput: N services resampled (seeded) from the labelled corpus, coded in batches; wall and CPU time;
  ``--texts written`` (default: the corpus's written rows, the texts of every earlier run, so figures stay
  comparable), ``real`` (the harvested real descriptions, about four times longer) or ``all``;
- peak memory: ru_maxrss of that process.
A third run tokenises the same texts with Kiwi alone (the analyser's own speed: the floor under the coder).
Goals (issue): ≥ 2,000 services/s on 2 cores, load + ready < 3 s, peak < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent("""
    import json, random, resource, sys, time
    which, n, batch, texts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    t0 = time.perf_counter()
    from scatlas.coding.corpus import load_corpus
    from scatlas.records import ServiceRecord
    items = [i for i in load_corpus() if texts == "all" or i.origin == texts]
    rng = random.Random(0)
    sample = [ServiceRecord(i.name, i.description) for i in rng.choices(items, k=n)]
    t_load = time.perf_counter()
    trained = False
    if which == "hybrid":
        from scatlas.coding import load_coder
        from scatlas.coding import store
        before = (store.cache_dir() / store.MODEL_FILE).stat().st_mtime if (store.cache_dir() / store.MODEL_FILE).exists() else None
        coder = load_coder()
        after = (store.cache_dir() / store.MODEL_FILE).stat().st_mtime if (store.cache_dir() / store.MODEL_FILE).exists() else None
        trained = before != after
    elif which == "kiwi":
        # Kiwi alone on the same cleaned texts: the floor the hybrid coder cannot beat
        from scatlas.coding.features import kiwi
        from scatlas.coding.text import service_text
        class KiwiOnly:
            version = "kiwi tokenize only"
            def code(self, services):
                return list(kiwi().tokenize([service_text(s.name, s.description) for s in services]))
        coder = KiwiOnly()
    else:
        from scatlas.coding.baseline import KeywordCoder
        coder = KeywordCoder()
    load_s = time.perf_counter() - t_load
    t_ready = time.perf_counter()
    coder.code(sample[:1])
    ready_s = time.perf_counter() - t_ready
    cpu0, t1 = time.process_time(), time.perf_counter()
    out = []
    for k in range(0, n, batch):
        out.extend(coder.code(sample[k:k + batch]))
    wall, cpu = time.perf_counter() - t1, time.process_time() - cpu0
    assert len(out) == n
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"coder": which, "version": coder.version, "n": n, "load_s": load_s, "ready_s": ready_s,
                      "trained_first": trained, "wall_s": wall, "cpu_s": cpu, "per_s": n / wall,
                      "per_cpu_s": n / cpu, "peak_mb": peak_mb}))
""")


def run(which: str, n: int, batch: int, texts: str = "written") -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, which, str(n), str(batch), texts], capture_output=True,
                          text=True, check=False, env=os.environ.copy())
    if proc.returncode != 0:
        sys.exit(f"{which} run failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="services to code (resampled from the corpus)")
    ap.add_argument("--batch", type=int, default=2_000, help="services per code() call")
    ap.add_argument("--texts", choices=("written", "real", "all"), default="written",
                    help="which corpus rows to resample (default: written, as every earlier run)")
    args = ap.parse_args()
    base = run("keywords", args.n, args.batch, args.texts)
    kiwi = run("kiwi", args.n, args.batch, args.texts)
    hyb = run("hybrid", args.n, args.batch, args.texts)
    print(f"texts: {args.texts} corpus rows")
    print(f"cores: {os.cpu_count()}, load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'coder':<28}{'services/s':>12}{'per CPU-s':>11}{'load s':>8}{'ready s':>9}{'peak MB':>9}")
    for r in (base, kiwi, hyb):
        print(f"{r['version']:<28}{r['per_s']:>12,.0f}{r['per_cpu_s']:>11,.0f}{r['load_s']:>8.2f}"
              f"{r['ready_s']:>9.2f}{r['peak_mb']:>9.0f}")
    if hyb["trained_first"]:
        print("note: no model matched the corpus, so load_coder() trained one first (load time includes it)")
    print(f"hybrid / keyword baseline throughput: {hyb['per_s'] / base['per_s']:.2f}x "
          f"(CPU: {hyb['per_cpu_s'] / base['per_cpu_s']:.2f}x)")
    print(f"hybrid / Kiwi alone: {hyb['per_s'] / kiwi['per_s']:.2f}x (CPU: {hyb['per_cpu_s'] / kiwi['per_cpu_s']:.2f}x)")
    print(f"goals: {hyb['per_s']:,.0f}/s vs 2,000/s → {hyb['per_s'] / 2000:.2f}x; "
          f"load+ready {hyb['load_s'] + hyb['ready_s']:.2f} s vs 3 s; peak {hyb['peak_mb']:.0f} MB vs 1024 MB")


if __name__ == "__main__":
    main()
