"""The rationale of a coding: the words that pushed the linear model towards the chosen domain.

A feature's contribution is its value times the domain model's weight for the chosen domain. Character n-grams
are credited to the (shortest) word of the text that contains them, so the reader sees words, not n-grams:
``교통: 정류장(+1.8), 버스(+1.2); 어휘: 버스정보`` — the words with their summed contributions, then the
codebook keywords of that domain found in the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from scatlas.taxonomy import domain_name

_TOP_WORDS = 4
_MIN_SHOWN = 0.05  # contributions smaller than this decide nothing worth naming
_NGRAMS_CONSIDERED = 40


def explain(domain_id: str, idx: np.ndarray, values: np.ndarray, coef: np.ndarray, names: np.ndarray,
            kinds: np.ndarray, tokens: Sequence[str], lexicon_hits: Sequence[str]) -> str:
    """The rationale text of one coding (see the module docstring for its shape).

    ``idx`` and ``values`` are the non-zero columns and values of the service's feature row.
    """
    contrib = values * coef[idx]
    row_kinds = kinds[idx]
    lexicon_total = float(contrib[row_kinds == 2].sum())
    # Only features that pushed towards the domain can be named; the strongest n-grams are enough to credit.
    words = (row_kinds == 0) & (contrib > 0)
    grams = np.flatnonzero((row_kinds == 1) & (contrib > 0))
    grams = grams[np.argsort(-contrib[grams], kind="stable")[:_NGRAMS_CONSIDERED]]
    by_word: dict[str, float] = {str(names[j]): float(c) for j, c in zip(idx[words], contrib[words], strict=True)}
    display: dict[str, str] = {}
    for t in tokens:
        display.setdefault(t.lower(), t)
    ordered = sorted(display, key=len)  # shortest first: an n-gram is credited to the plainest word holding it
    for k in grams:
        gram = str(names[idx[k]]).strip()
        if len(gram) < 2:
            continue
        for w in ordered:
            if gram in w:
                by_word[w] = by_word.get(w, 0.0) + float(contrib[k])
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
