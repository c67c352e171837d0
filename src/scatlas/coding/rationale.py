"""The rationale of a coding: the words that pushed the linear model towards the chosen domain.

A feature's contribution is its value times the domain model's weight for the chosen domain. Character n-grams
are credited to the (shortest) word of the text that contains them, so the reader sees words, not n-grams:
``교통: 정류장(+1.8), 버스(+1.2); 어휘: 버스정보`` — the words with their summed contributions, then the
codebook keywords of that domain found in the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from scatlas.taxonomy import domain_name

_TOP_WORDS = 4
_MIN_SHOWN = 0.05  # contributions smaller than this decide nothing worth naming
_NGRAMS_CONSIDERED = 40


def explain(domain_id: str, row: sparse.csr_matrix, coef: np.ndarray, names: np.ndarray, kinds: np.ndarray,
            tokens: Sequence[str], lexicon_hits: Sequence[str]) -> str:
    """The rationale text of one coding (see the module docstring for its shape)."""
    idx = row.indices
    contrib = row.data * coef[idx]
    by_word: dict[str, float] = {}
    display = {}
    for t in tokens:
        display.setdefault(t.lower(), t)
    ordered = sorted(display, key=len)  # shortest first: an n-gram is credited to the plainest word holding it
    lexicon_total = 0.0
    ngram_pos = [(c, j) for c, j, k in zip(contrib, idx, kinds[idx], strict=True) if k == 1 and c > 0]
    ngram_pos.sort(reverse=True)
    keep_ngrams = {j for _, j in ngram_pos[:_NGRAMS_CONSIDERED]}
    for c, j, k in zip(contrib, idx, kinds[idx], strict=True):
        if k == 0:
            w = str(names[j])
            by_word[w] = by_word.get(w, 0.0) + float(c)
        elif k == 1:
            if j not in keep_ngrams:
                continue
            gram = str(names[j]).strip()
            if len(gram) < 2:
                continue
            for w in ordered:
                if gram in w:
                    by_word[w] = by_word.get(w, 0.0) + float(c)
                    break
        else:
            lexicon_total += float(c)
    best = sorted(((c, w) for w, c in by_word.items() if c >= _MIN_SHOWN), reverse=True)[:_TOP_WORDS]
    head = f"{domain_name(domain_id)}: "
    if best:
        head += ", ".join(f"{display.get(w, w)}({c:+.1f})" for c, w in best)
    else:
        head += "결정적 단어 없음(근거 부족)"
    if lexicon_hits:
        head += f"; 어휘({lexicon_total:+.1f}): " + ", ".join(dict.fromkeys(lexicon_hits))
    return head
