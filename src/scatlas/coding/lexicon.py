"""The codebook as a lexicon a domain expert can read: which keywords of which code occur in a text.

Keyword hits are the coder's priors: the keyword baseline decides by them alone, the hybrid model sees them as
features next to the words and learns how far to trust each code's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, Codebook, load_codebook

#: Technologies plans name that the codebook's list does not hold (an open list, docs/contracts.md): only clear ones.
EXTRA_TECHNOLOGIES: dict[str, tuple[str, ...]] = {
    "QR코드": ("QR코드", "QR 코드", "QR"),
    "라이다": ("라이다", "LiDAR", "LIDAR"),
    "웨어러블": ("웨어러블", "wearable"),
    "3D프린팅": ("3D프린터", "3D 프린터", "3D프린팅", "3D 프린팅"),
}

#: What the labelling guide (docs/labelling-guide.md §5) says a text "clearly implies", beyond the codebook's
#: aliases: measuring devices imply a sensor, an 앱 a mobile app, plate-reading and thermal cameras CCTV.
IMPLIED_TECHNOLOGIES: dict[str, tuple[str, ...]] = {
    "센서": ("수위계", "측정기", "감지기", "검지기", "계측기", "활동감지"),
    "모바일앱": ("앱",),
    "CCTV": ("번호판 인식 카메라", "번호판인식 카메라", "열화상 카메라"),
}

#: Target groups the labelling guide (§4) names beyond the codebook's keywords: other named groups are 기타.
IMPLIED_GROUPS: dict[str, tuple[str, ...]] = {
    "기타": ("소상공인", "운전자", "공무원", "1인 가구", "1인가구", "근로자"),
    "장애인": ("발달장애", "장애아동", "장애 아동", "장애 학생", "장애학생"),
    "노인": ("고령자",),
}

# Guide §5: 지능형 is AI only on an analysing device or software, not in 지능형교통(체계) / ITS; and 'AI' next to
# livestock disease words is avian influenza, not the technology.
_ITS_TERMS = re.compile(r"지능형\s*교통")
_AVIAN_FLU_CONTEXT = ("조류인플루엔자", "조류독감", "구제역", "가축전염병", "가축질병", "방역")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_latin(keyword: str) -> bool:
    return bool(re.search(r"[A-Za-z]", keyword)) and not re.search(r"[가-힣]", keyword)


def _latin_pattern(keyword: str) -> re.Pattern[str]:
    # Short capitals (AR, VR, AI, BIS) are acronyms: case matters, and 'ar' inside a word is no hit.
    flags = 0 if (keyword.isupper() and len(keyword) <= 4) else re.IGNORECASE
    return re.compile(r"(?<![A-Za-z])" + re.escape(keyword).replace(r"\ ", r"\s*") + r"(?![A-Za-z])", flags)


@dataclass(frozen=True)
class LexiconHits:
    """Keyword hits of one text on every dimension of the codebook."""

    domains: dict[str, list[str]]
    subtypes: dict[str, list[str]]
    functions: dict[str, list[str]]
    target_groups: dict[str, list[str]]
    technologies: list[str]


class Lexicon:
    """Keyword matchers for each domain, sub-type, function, target group and technology of a codebook.

    Every keyword is looked for once per text (Hangul ones in the text with spaces removed, Latin ones as whole
    words) and credited to every code that lists it, so a text costs one pass over the distinct keywords.
    """

    def __init__(self, codebook: Codebook | None = None) -> None:
        cb = codebook or load_codebook()
        self.codebook = cb
        self.domain_ids = [d for d, _ in DOMAIN_ORDER]
        self.subtype_domain = {s.id: d.id for d in cb.domains for s in d.subtypes}
        techs = dict(cb.technologies)
        for name, aliases in EXTRA_TECHNOLOGIES.items():
            techs.setdefault(name, aliases)
        for name, implied in IMPLIED_TECHNOLOGIES.items():
            if name in techs:
                techs[name] = techs[name] + implied
        self.technology_ids = list(techs)
        lists: list[tuple[str, str, tuple[str, ...]]] = []
        lists += [("domain", d.id, d.keywords) for d in cb.domains]
        lists += [("subtype", s.id, s.keywords) for d in cb.domains for s in d.subtypes]
        lists += [("function", f, tuple(cb.functions[f].get("keywords", ()))) for f in FUNCTIONS]
        lists += [("group", g, cb.target_groups.get(g, ()) + IMPLIED_GROUPS.get(g, ())) for g in TARGET_GROUPS]
        lists += [("tech", t, (*aliases, t)) for t, aliases in techs.items()]
        korean: dict[str, list[tuple[str, str, str]]] = {}
        latin: dict[str, list[tuple[str, str, str]]] = {}
        for kind, code, keywords in lists:
            for kw in dict.fromkeys(k for k in keywords if k.strip()):
                if _is_latin(kw):
                    latin.setdefault(kw, []).append((kind, code, kw))
                else:
                    korean.setdefault(_compact(kw), []).append((kind, code, kw))
        # Keywords indexed by their first two characters: a text is only searched for keywords whose opening
        # pair it contains (one-character keywords are always searched).
        self._korean_short = [(k, refs) for k, refs in korean.items() if len(k) < 2]
        self._korean_by_pair: dict[str, list[tuple[str, list[tuple[str, str, str]]]]] = {}
        for k, refs in korean.items():
            if len(k) >= 2:
                self._korean_by_pair.setdefault(k[:2], []).append((k, refs))
        self._latin = [(kw.lower(), _latin_pattern(kw), refs) for kw, refs in latin.items()]

    def hits(self, text: str) -> LexiconHits:
        """The keywords of each code found in a (cleaned) text; codes without hits are left out."""
        compact = _compact(text)
        lower = text.lower()
        tables: dict[str, dict[str, list[str]]] = {"domain": {}, "subtype": {}, "function": {}, "group": {}, "tech": {}}
        candidates = list(self._korean_short)
        for pair in {compact[i : i + 2] for i in range(len(compact) - 1)}:
            candidates.extend(self._korean_by_pair.get(pair, ()))
        candidates.sort(key=lambda c: c[0])  # a fixed order, whatever the set's iteration order
        for key, refs in candidates:
            if key in compact:
                for kind, code, kw in refs:
                    tables[kind].setdefault(code, []).append(kw)
        for low, pattern, refs in self._latin:
            if low in lower and pattern.search(text):  # cheap substring test first: most texts lack most words
                for kind, code, kw in refs:
                    tables[kind].setdefault(code, []).append(kw)
        found = tables["tech"]
        if "AI" in found:
            ai = set(found["AI"])
            if "지능형" in ai and not _ITS_TERMS.sub("", text).count("지능형"):
                ai.discard("지능형")  # only 지능형교통: not AI
            if "AI" in ai and any(w in compact for w in _AVIAN_FLU_CONTEXT):
                ai.discard("AI")  # avian influenza
            if not ai:
                del found["AI"]
        techs = [t for t in self.technology_ids if t in found]
        return LexiconHits(tables["domain"], tables["subtype"], tables["function"], tables["group"], techs)

    def within(self, hits: LexiconHits, part: str) -> LexiconHits:
        """The domain, sub-type and function hits of ``hits`` whose keyword also occurs in ``part`` (a piece of
        the text those hits were found in): far cheaper than ``hits(part)``, and the same for those tables."""
        if not any((hits.domains, hits.subtypes, hits.functions)):
            return hits
        compact = _compact(part)
        present: dict[str, bool] = {}

        def found(kw: str) -> bool:
            ok = present.get(kw)
            if ok is None:
                ok = present[kw] = bool(_latin_pattern(kw).search(part)) if _is_latin(kw) else _compact(kw) in compact
            return ok

        def keep(table: dict[str, list[str]]) -> dict[str, list[str]]:
            out = {}
            for code, kws in table.items():
                kept = [k for k in kws if found(k)]
                if kept:
                    out[code] = kept
            return out

        return LexiconHits(keep(hits.domains), keep(hits.subtypes), keep(hits.functions), {}, [])

    def target_groups(self, hits: LexiconHits) -> list[str]:
        """The target groups a text names, in codebook order; ['일반'] when it names none."""
        groups = [g for g in TARGET_GROUPS if g in hits.target_groups]
        return groups or ["일반"]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the bundled codebook (built once)."""
    return Lexicon()
