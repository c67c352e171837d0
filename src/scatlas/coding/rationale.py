"""The rationale of a coding: the words that pushed the linear model towards the chosen domain.

A feature's contribution is its value times the domain model's weight for the chosen domain. Character n-grams
are credited to the (shortest) word of the text that contains them, so the reader sees words, not n-grams:
``교통: 정류장(+1.8), 버스(+1.2); 어휘: 버스정보`` — the words with their summed contributions, then the
codebook keywords of that domain found in the text.

``explain_batch`` computes every contribution of a batch in one vectorised step over the sparse matrix and
leaves only the naming of a few words per row to Python; ``explain`` is the same for one row.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from scatlas.taxonomy import domain_name

_TOP_WORDS = 4
_MIN_SHOWN = 0.05  # contributions smaller than this decide nothing worth naming
_NGRAMS_CONSIDERED = 40
_PURPOSE_MARKS = frozenset("nhmNHM")


def display_names(names: Sequence[str]) -> list[str]:
    """Feature names as the rationale credits them: a purpose feature (``h:정류장``) counts for its word."""
    return [n[2:] if n[1:2] == ":" and n[0] in _PURPOSE_MARKS else n for n in names]


def _neg_first(item: tuple[float, int]) -> float:
    return -item[0]


def _text(
    domain_id: str,
    by_word: dict[str, float],
    grams: list[tuple[float, int]],
    names: Sequence[str],
    tokens: Sequence[str],
    lexicon_total: float,
    lexicon_hits: Sequence[str],
) -> str:
    display: dict[str, str] = {}
    for t in tokens:
        display.setdefault(t.lower(), t)
    if grams:
        # the strongest n-grams (stable order on ties, as the column order) are enough to credit
        grams = sorted(grams, key=_neg_first)[:_NGRAMS_CONSIDERED]
        ordered = sorted(display, key=len)  # shortest first: an n-gram is credited to the plainest word holding it
        for c, j in grams:
            gram = names[j].strip()
            if len(gram) < 2:
                continue
            for w in ordered:
                if gram in w:
                    by_word[w] = by_word.get(w, 0.0) + c
                    break
    best = sorted(((c, w) for w, c in by_word.items() if c >= _MIN_SHOWN), reverse=True)[:_TOP_WORDS]
    head = f"{domain_name(domain_id)}: "
    if best:
        head += ", ".join(f"{display.get(w, w)}({c:+.1f})" for c, w in best)
    else:
        head += "결정적 단어 없음(근거 부족)"
    if lexicon_hits:
        head += f"; 어휘({lexicon_total:+.1f}): " + ", ".join(dict.fromkeys(lexicon_hits))
    return head


def explain_batch(
    domain_ids: Sequence[str],
    X: sparse.csr_matrix,
    weights: np.ndarray,
    names: Sequence[str],
    kinds: np.ndarray,
    tokens: Sequence[Sequence[str]],
    lexicon_hits: Sequence[Sequence[str]],
) -> list[str]:
    """The rationale of each row of ``X``; ``weights[i]`` is the weight vector of row i's chosen domain.

    ``weights`` may also be a pair ``(W, k)`` of a class-by-feature matrix and each row's class index, which
    avoids building one dense vector per row.
    """
    n = X.shape[0]
    counts = np.diff(X.indptr)
    rows = np.repeat(np.arange(n), counts)
    if isinstance(weights, tuple):
        W, k = weights
        contrib = X.data * W[np.asarray(k)[rows], X.indices]
    else:
        contrib = X.data * np.asarray(weights)[rows, X.indices]
    nz_kinds = kinds[X.indices]
    lexicon_total = np.zeros(n)
    lex = nz_kinds == 2
    np.add.at(lexicon_total, rows[lex], contrib[lex])
    keep = np.flatnonzero((contrib > 0) & ~lex)
    bounds = np.searchsorted(rows[keep], np.arange(n + 1)).tolist()
    k_kind = nz_kinds[keep].tolist()
    k_col = X.indices[keep].tolist()
    k_val = contrib[keep].tolist()
    out = []
    for i in range(n):
        by_word: dict[str, float] = {}
        grams: list[tuple[float, int]] = []
        for p in range(bounds[i], bounds[i + 1]):
            if k_kind[p] == 0:  # (n:/h:/m: purpose features credit their word: display_names strips the mark)
                word = names[k_col[p]]
                by_word[word] = by_word.get(word, 0.0) + k_val[p]
            else:
                grams.append((k_val[p], k_col[p]))
        out.append(_text(domain_ids[i], by_word, grams, names, tokens[i], float(lexicon_total[i]), lexicon_hits[i]))
    return out


def explain(
    domain_id: str,
    idx: np.ndarray,
    values: np.ndarray,
    coef: np.ndarray,
    names: np.ndarray,
    kinds: np.ndarray,
    tokens: Sequence[str],
    lexicon_hits: Sequence[str],
) -> str:
    """The rationale text of one coding (see the module docstring for its shape).

    ``idx`` and ``values`` are the non-zero columns and values of the service's feature row.
    """
    row = sparse.csr_matrix((values, idx, [0, len(idx)]), shape=(1, len(coef)))
    return explain_batch(
        [domain_id],
        row,
        np.asarray(coef)[None, :],
        display_names(list(map(str, names))),
        kinds,
        [tokens],
        [lexicon_hits],
    )[0]
