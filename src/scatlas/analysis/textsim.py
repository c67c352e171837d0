"""Korean-aware similarity of service names and descriptions: character 2–3-gram TF-IDF cosines.

Character n-grams need no morphological analyser (names like '스마트버스정류장' and '스마트 버스 정류장' share
their grams) and are fast. The IDF is fitted on the texts at hand plus the bundled labelled corpus, so small
catalogues get stable weights and the threshold chosen on the labelled pairs transfers.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

#: Words plans put on almost every service; removed before building the 'core' blocking key.
GENERIC_WORDS = ("스마트", "서비스", "시스템", "구축", "플랫폼", "지능형", "기반", "운영", "사업", "도입", "확대",
                 "통합", "고도화", "활용", "조성", "실시간", "u-", "유비쿼터스")
_SPACE = re.compile(r"[\s\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """NFC, lower case, without whitespace or punctuation: the form names are compared in."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text)).lower()


def core_key(name: str) -> str:
    """The folded name without the generic words ('스마트 버스정류장 구축' → '버스정류장')."""
    folded = fold(name)
    for word in GENERIC_WORDS:
        folded = folded.replace(word, "")
    return folded or fold(name)


@lru_cache(maxsize=1)
def reference_texts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names and descriptions of the bundled labelled corpus (empty when it is absent)."""
    names, descs = [], []
    folder = resources.files("scatlas.data").joinpath("corpus")
    if not folder.is_dir():
        return (), ()
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".csv"):
            continue
        with entry.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                names.append(unicodedata.normalize("NFC", row.get("name") or ""))
                descs.append(unicodedata.normalize("NFC", row.get("description") or ""))
    return tuple(names), tuple(descs)


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True, dtype=np.float32)


@dataclass
class TextVectors:
    """L2-normalised TF-IDF rows, one per text unit: name + description together, and the name alone."""

    full: sparse.csr_matrix
    names: sparse.csr_matrix
    has_description: np.ndarray


def vectorise(names: Sequence[str], descriptions: Sequence[str]) -> TextVectors:
    """TF-IDF vectors of the texts (IDF fitted on them plus the bundled corpus, for stable weights)."""
    ref_names, ref_descs = reference_texts()
    full = [f"{n} {d}" for n, d in zip(names, descriptions)]
    fv, nv = _vectoriser(), _vectoriser()
    fv.fit(full + [f"{n} {d}" for n, d in zip(ref_names, ref_descs)])
    nv.fit(list(names) + list(ref_names))
    return TextVectors(fv.transform(full).tocsr(), nv.transform(names).tocsr(),
                       np.array([bool(d.strip()) for d in descriptions]))


def pair_similarity(vectors: TextVectors, left: np.ndarray, right: np.ndarray,
                    chunk: int = 200_000) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of row pairs (left[k], right[k]) and whether both sides had a description.

    Both described: cosine of the name-and-description vectors; otherwise the cosine of the names alone (it is
    judged against its own threshold). Computed in chunks of pairs, never as an n×n matrix.
    """
    out = np.empty(len(left), dtype=np.float32)
    both = vectors.has_description[left] & vectors.has_description[right]
    for start in range(0, len(left), chunk):
        i, j = left[start:start + chunk], right[start:start + chunk]
        full = np.asarray(vectors.full[i].multiply(vectors.full[j]).sum(axis=1)).ravel()
        name = np.asarray(vectors.names[i].multiply(vectors.names[j]).sum(axis=1)).ravel()
        out[start:start + chunk] = np.where(both[start:start + chunk], full, name)
    return out, both
