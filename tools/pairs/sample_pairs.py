"""Sample candidate pairs of real harvested services for same / related / different labelling (issue 10).

    .venv/bin/python tools/pairs/sample_pairs.py /work/harvest/hv1.csv /work/harvest/hv2.csv /work/harvest/hv3.csv \
        -o /work/harvest/pairs_to_label.csv --pairs 760

Pairs are drawn from rows of different municipalities and different sources, stratified so that the labelled set
does not favour one similarity measure (least of all the archetype method it will tune):
- likely same: the top pairs by each of three independent measures — character 2–4-gram TF-IDF cosine of name +
  description, a shared name head (the last noun of the name after generic words, by Kiwi) with the name
  character cosine, and the IDF-weighted overlap of the Kiwi nouns of the descriptions — an equal share from each;
- related: the same hint_domain (the harvester's own quota guess) at medium-high character similarity (70th–97th
  percentile of same-domain pairs: confusable, yet below the likely-same pools);
- easy different: different hint_domain, at random.
No row is used more than MAX_USES times, so the pairs spread over many services. The output is shuffled, with
opaque ids rp0001…; the stratum is written to a side file (…_strata.csv) that coders do not see.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import unicodedata
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

MAX_USES = 5
#: At most this many pairs with the same two (folded) names.
MAX_NAME_PAIR = 2
GENERIC = {"스마트", "서비스", "시스템", "구축", "플랫폼", "사업", "고도화", "기반", "도입", "확대", "조성", "설치",
           "운영", "실시간", "통합", "시범", "추진", "지원", "스마트시티", "형", "ai", "iot", "ict"}


def load(paths: list[Path]) -> list[dict[str, str]]:
    rows, seen = [], set()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                r = {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in r.items() if k}
                key = re.sub(r"\s+", "", r.get("description", ""))[:120]
                if not r.get("id") or not r.get("name") or key in seen:
                    continue
                seen.add(key)
                rows.append(r)
    return rows


def nouns(texts: list[str]) -> list[list[str]]:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    out = []
    for toks in kiwi.tokenize(texts):
        out.append([t.form.lower() for t in toks
                    if t.tag in ("NNG", "NNP", "SL") and len(t.form) >= 2 and t.form.lower() not in GENERIC])
    return out


def measures(rows: list[dict[str, str]]) -> dict[str, np.ndarray]:
    names = [r["name"] for r in rows]
    full = [f"{r['name']} {r['description']}" for r in rows]
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit_transform(full)
    m_char = (char @ char.T).toarray()
    name_char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit_transform(names)
    m_name = (name_char @ name_char.T).toarray()
    name_nouns = nouns(names)
    heads = [ns[-1] if ns else "" for ns in name_nouns]
    head = np.array([[bool(a) and a == b for b in heads] for a in heads], dtype=float)
    desc_nouns = nouns([r["description"] for r in rows])
    vec = TfidfVectorizer(analyzer=lambda x: x, binary=True, norm=None)
    bag = vec.fit_transform([sorted(set(a + b)) for a, b in zip(name_nouns, desc_nouns)])
    bag = normalize(bag)
    m_noun = (bag @ bag.T).toarray()
    return {"char": m_char, "head": head * (0.5 + m_name), "noun": m_noun}


def eligible(rows: list[dict[str, str]]) -> np.ndarray:
    n = len(rows)
    ok = np.ones((n, n), dtype=bool)
    muni = [r.get("municipality", "") for r in rows]
    src = [r.get("source_url", "") for r in rows]
    for i in range(n):
        for j in range(n):
            if j <= i or (src[i] and src[i] == src[j]) or (muni[i] and muni[i] == muni[j] and muni[i] != "전국"):
                ok[i, j] = False
    return ok


def take(order: list[tuple[int, int]], want: int, uses: dict[int, int], chosen: set[tuple[int, int]],
         stratum: str, out: list[tuple[int, int, str]], names: list[str]) -> int:
    got = 0
    for i, j in order:
        if got >= want:
            break
        if (i, j) in chosen or uses.get(i, 0) >= MAX_USES or uses.get(j, 0) >= MAX_USES:
            continue
        words = tuple(sorted((names[i], names[j])))
        if uses.get(words, 0) >= MAX_NAME_PAIR:  # one popular name must not fill a stratum with copies
            continue
        uses[words] = uses.get(words, 0) + 1
        chosen.add((i, j))
        uses[i] = uses.get(i, 0) + 1
        uses[j] = uses.get(j, 0) + 1
        out.append((i, j, stratum))
        got += 1
    return got


def sample(rows: list[dict[str, str]], total: int, seed: int) -> list[tuple[int, int, str]]:
    rng = random.Random(seed)
    m = measures(rows)
    ok = eligible(rows)
    iu, ju = np.nonzero(ok)
    dom = [r.get("hint_domain", "") for r in rows]
    n_same, n_related = int(total * 0.45), int(total * 0.38)
    n_diff = total - n_same - n_related
    out: list[tuple[int, int, str]] = []
    names = [re.sub(r"\W+", "", r["name"]).lower() for r in rows]
    uses: dict = {}
    chosen: set[tuple[int, int]] = set()
    # likely same: round-robin over the three measures, each from its own top pool (shuffled within the pool so
    # that the very top of one measure does not take all)
    pools = {}
    for key in ("char", "head", "noun"):
        score = m[key][iu, ju]
        top = np.argsort(-score)[: n_same * 3]
        top = [k for k in top if score[k] > 0]
        pool = [(int(iu[k]), int(ju[k])) for k in top]
        head, tail = pool[: n_same], pool[n_same:]
        rng.shuffle(head)
        pools[key] = head + tail
    cursor = dict.fromkeys(pools, 0)
    while sum(1 for p in out if p[2].startswith("same")) < n_same and any(cursor[k] < len(pools[k]) for k in pools):
        for key in pools:
            while cursor[key] < len(pools[key]):
                pair = pools[key][cursor[key]]
                cursor[key] += 1
                if take([pair], 1, uses, chosen, f"same:{key}", out, names):
                    break
    # related: same hint_domain, char similarity between the 70th and 97th percentile of same-domain pairs (confusable)
    same_dom = np.array([dom[i] == dom[j] and dom[i] != "" for i, j in zip(iu, ju)])
    char = m["char"][iu, ju]
    if same_dom.any():
        lo, hi = np.percentile(char[same_dom], [70, 97])
        band = [(int(iu[k]), int(ju[k])) for k in np.flatnonzero(same_dom & (char >= lo) & (char <= hi))]
        rng.shuffle(band)
        take(band, n_related, uses, chosen, "related", out, names)
    diff = [(int(iu[k]), int(ju[k])) for k in np.flatnonzero(~same_dom)]
    rng.shuffle(diff)
    take(diff, n_diff, uses, chosen, "different", out, names)
    rng.shuffle(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--pairs", type=int, default=760)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    rows = load(args.inputs)
    picked = sample(rows, args.pairs, args.seed)
    cols = ["pair_id"] + [f"{s}_{c}" for s in "ab" for c in ("id", "name", "description", "municipality")]
    strata = args.output.with_name(args.output.stem + "_strata.csv")
    with args.output.open("w", encoding="utf-8", newline="") as fh, strata.open("w", encoding="utf-8",
                                                                                   newline="") as sh:
        w, s = csv.writer(fh), csv.writer(sh)
        w.writerow(cols)
        s.writerow(["pair_id", "stratum"])
        for k, (i, j, stratum) in enumerate(picked, 1):
            pid = f"rp{k:04d}"
            a, b = rows[i], rows[j]
            w.writerow([pid] + [r[c] for r in (a, b) for c in ("id", "name", "description", "municipality")])
            s.writerow([pid, stratum])
    counts: dict[str, int] = {}
    for *_, stratum in picked:
        counts[stratum] = counts.get(stratum, 0) + 1
    print(f"{len(rows)} rows, {len(picked)} pairs: {counts}; rows used {len({x for p in picked for x in p[:2]})}")


if __name__ == "__main__":
    main()
