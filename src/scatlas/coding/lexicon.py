"""The codebook as a lexicon a domain expert can read: which keywords of which code occur in a text.

Keyword hits are the coder's priors: the keyword baseline decides by them alone, the hybrid model sees them as
features next to the words and learns how far to trust each code's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, Codebook, load_codebook

#: Technologies plans name that the codebook's list does not hold yet (the open list of DESIGN.md).
EXTRA_TECHNOLOGIES: dict[str, tuple[str, ...]] = {
    "QR코드": ("QR코드", "QR 코드", "QR"),
    "라이다": ("라이다", "LiDAR", "LIDAR"),
    "웨어러블": ("웨어러블", "wearable"),
    "챗봇": ("챗봇", "chatbot", "Chatbot"),
    "3D프린팅": ("3D프린터", "3D 프린터", "3D프린팅", "3D 프린팅"),
    "전기차충전": ("전기차 충전", "전기차충전", "EV충전"),
    "스마트폴": ("스마트폴", "스마트 폴"),
}


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Matcher:
    """Finds keywords in a text: Hangul keywords ignoring spaces, Latin ones as whole words."""

    def __init__(self, keywords: tuple[str, ...]) -> None:
        self.korean: list[tuple[str, str]] = []  # (compact form, as written)
        latin: list[tuple[re.Pattern[str], str]] = []
        for kw in dict.fromkeys(k for k in keywords if k.strip()):
            if re.search(r"[A-Za-z]", kw) and not re.search(r"[가-힣]", kw):
                # Short capitals (AR, VR, AI, BIS) are acronyms: case matters, 'ar' in a word is no hit.
                flags = 0 if (kw.isupper() and len(kw) <= 4) else re.IGNORECASE
                pat = re.compile(r"(?<![A-Za-z])" + re.escape(kw).replace(r"\ ", r"\s*") + r"(?![A-Za-z])", flags)
                latin.append((pat, kw))
            else:
                self.korean.append((_compact(kw), kw))
        self.latin = latin

    def find(self, text: str, compact: str) -> list[str]:
        hits = [kw for c, kw in self.korean if c and c in compact]
        hits.extend(kw for pat, kw in self.latin if pat.search(text))
        return hits


@dataclass(frozen=True)
class LexiconHits:
    """Keyword hits of one text on every dimension of the codebook."""

    domains: dict[str, list[str]]
    subtypes: dict[str, list[str]]
    functions: dict[str, list[str]]
    target_groups: dict[str, list[str]]
    technologies: list[str]


class Lexicon:
    """Keyword matchers for each domain, sub-type, function, target group and technology of a codebook."""

    def __init__(self, codebook: Codebook | None = None) -> None:
        cb = codebook or load_codebook()
        self.codebook = cb
        self.domain_ids = [d for d, _ in DOMAIN_ORDER]
        self._domains = {d.id: _Matcher(d.keywords) for d in cb.domains}
        self._subtypes = {s.id: _Matcher(s.keywords) for d in cb.domains for s in d.subtypes}
        self.subtype_domain = {s.id: d.id for d in cb.domains for s in d.subtypes}
        self._functions = {f: _Matcher(tuple(cb.functions[f].get("keywords", ()))) for f in FUNCTIONS}
        self._groups = {g: _Matcher(cb.target_groups.get(g, ())) for g in TARGET_GROUPS}
        techs = dict(cb.technologies)
        for name, aliases in EXTRA_TECHNOLOGIES.items():
            techs.setdefault(name, aliases)
        self._techs = {t: _Matcher(aliases + (t,)) for t, aliases in techs.items()}

    def hits(self, text: str) -> LexiconHits:
        """The keywords of each code found in a (cleaned) text; codes without hits are left out."""
        compact = _compact(text)

        def scan(matchers: dict[str, _Matcher]) -> dict[str, list[str]]:
            out = {}
            for code, m in matchers.items():
                found = m.find(text, compact)
                if found:
                    out[code] = found
            return out

        techs = [t for t, m in self._techs.items() if m.find(text, compact)]
        # 'AR/VR' is one technology; a lone 'AR' or 'VR' is the same one, never two entries.
        return LexiconHits(scan(self._domains), scan(self._subtypes), scan(self._functions),
                           scan(self._groups), techs)

    def target_groups(self, hits: LexiconHits) -> list[str]:
        """The target groups a text names, in codebook order; ['일반'] when it names none."""
        groups = [g for g in TARGET_GROUPS if g in hits.target_groups]
        return groups or ["일반"]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the bundled codebook (built once)."""
    return Lexicon()
