"""The keyword baseline: codes by codebook keywords alone (for the benchmark and for comparison in evaluate)."""

from __future__ import annotations

from collections.abc import Sequence

from scatlas.coding.lexicon import Lexicon, default_lexicon
from scatlas.coding.text import service_text
from scatlas.records import CodingRecord, ServiceRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, domain_name

_DOMAIN_IDS = [d for d, _ in DOMAIN_ORDER]


class KeywordCoder:
    """Counts each domain's codebook keywords in a service's text and picks the domain with most hits.

    Ties go to the domain listed first in the decree; a text without any hit is coded 기타 with confidence 0.
    Confidence is the winner's share of all hits. Needs no training and no morphological analysis.
    """

    version = "keywords-1.0"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon

    def fit(self, X: Sequence[ServiceRecord | str] = (), y: Sequence[str] = ()) -> KeywordCoder:
        """Nothing to learn: returns self (so it fits where an estimator is expected)."""
        return self

    def _lex(self) -> Lexicon:
        return self.lexicon or default_lexicon()

    def predict(self, X: Sequence[ServiceRecord | str]) -> list[str]:
        """The domain id of each service."""
        return [c.domain_id or "other" for c in self.code(X)]

    def code(
        self, services: Sequence[ServiceRecord | str], subtype_within: Sequence[str | None] | None = None
    ) -> list[CodingRecord]:
        """One coding per service, from keyword counts only."""
        lex = self._lex()
        out = []
        for n, s in enumerate(services):
            text = s if isinstance(s, str) else service_text(s.name, s.description)
            h = lex.hits(text)
            counts = {d: len(set(h.domains.get(d, ()))) for d in _DOMAIN_IDS}
            total = sum(counts.values())
            ranked = sorted(_DOMAIN_IDS, key=lambda d: (-counts[d], _DOMAIN_IDS.index(d)))
            best = ranked[0] if total else "other"
            second = ranked[1] if total else ranked[0]
            within = subtype_within[n] if subtype_within is not None and subtype_within[n] in _DOMAIN_IDS else best
            subs = {s_: len(k) for s_, k in h.subtypes.items() if lex.subtype_domain.get(s_) == within}
            fun = {f: len(h.functions.get(f, ())) for f in FUNCTIONS}
            best_fun = max(FUNCTIONS, key=lambda f: fun[f])
            conf = counts[best] / total if total else 0.0
            words = ", ".join(h.domains.get(best, [])) or "키워드 없음"
            out.append(
                CodingRecord(
                    domain_id=best,
                    subtype=max(subs, key=lambda k: subs[k]) if subs else None,
                    function=best_fun if fun[best_fun] else "정보제공",
                    target_groups=lex.target_groups(h),
                    technologies=list(h.technologies),
                    confidence=round(conf, 4),
                    rationale=f"{domain_name(best)}: {words}",
                    coder=f"auto:{self.version}",
                    top2=[(best, round(conf, 4)), (second, round(counts[second] / total, 4) if total else 0.0)],
                )
            )
        return out
