"""Korean-aware similarity of service names and descriptions.

Two services that both have a description are compared on character 2–3-gram TF-IDF of name + description (no
analyser needed: '스마트버스정류장' and '스마트 버스 정류장' share their grams). Names alone carry too few grams for
that ('스마트 버스정류장' / '스마트 정류소' share almost none), so a name is first normalised for plan vocabulary:
synonyms and abbreviations mapped onto one form (SYNONYMS: 씨씨티비/영상감시 → CCTV, 정류소/쉘터 → 정류장, WiFi → 와이파이),
words that carry no meaning in plan names dropped (STOP_WORDS: 스마트, 시스템, 구축 …), then analysed by Kiwi into
nouns (scatlas.coding.features.analyse) with the head noun (the last content noun that is not a function word such
as 안내 or 관리) marked. The name vector joins word TF-IDF of those nouns and character TF-IDF of the normalised name
(WORD_WEIGHT). IDFs are fitted on the texts at hand plus the bundled labelled corpus, so small catalogues get stable
weights and the thresholds chosen on the labelled pairs transfer. docs/analysis.md gives the tables' sources.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

#: Words plans put on almost every service; removed before building the 'core' blocking key.
GENERIC_WORDS = (
    "스마트",
    "서비스",
    "시스템",
    "구축",
    "플랫폼",
    "지능형",
    "기반",
    "운영",
    "사업",
    "도입",
    "확대",
    "통합",
    "고도화",
    "활용",
    "조성",
    "실시간",
    "u-",
    "유비쿼터스",
)
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


#: Plan vocabulary mapped onto one form before names are compared: canonical form → the spellings, synonyms and
#: abbreviations plans use for it (sources and rationale in docs/analysis.md). Longest spellings are replaced first;
#: Latin spellings only as whole words.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "CCTV": ("씨씨티비", "폐쇄회로TV", "폐쇄회로 TV", "폐쇄회로텔레비전", "영상감시", "방범카메라", "방범 카메라"),
    "AI": ("인공지능", "지능형", "A.I."),
    "IoT": ("사물인터넷", "IOT"),
    "정류장": ("정류소", "승강장", "쉘터", "셸터", "쉼터형 정류장"),
    "와이파이": ("WiFi", "Wi-Fi", "Wifi", "WIFI", "무선인터넷", "무선 인터넷"),
    "주차면": ("주차공간", "주차 공간", "주차구획", "빈자리", "주차 가능 면수", "주차가능면수"),
    "전기차": ("전기자동차", "EV", "전기 자동차"),
    "충전소": ("충전기", "충전 인프라", "충전인프라", "충전시설"),
    "공유자전거": ("공공자전거", "공유 자전거", "공공 자전거"),
    "개인형이동장치": (
        "퍼스널모빌리티",
        "퍼스널 모빌리티",
        "개인형 이동장치",
        "개인이동수단",
        "개인형 이동수단",
        "전동킥보드",
        "PM",
    ),
    "수요응답버스": (
        "수요응답형 버스",
        "수요응답형 교통",
        "수요응답형 대중교통",
        "수요응답형",
        "DRT",
        "콜버스",
        "호출형 버스",
    ),
    "버스도착정보": (
        "버스정보시스템",
        "BIS",
        "버스 도착 정보",
        "버스도착 정보",
        "버스 도착정보",
        "버스도착",
        "버스 도착",
    ),
    "어르신": ("노인", "고령자", "노약자"),
    "독거": ("홀몸", "1인 가구", "1인가구", "혼자 사는"),
    "어린이보호구역": ("스쿨존", "어린이 보호구역"),
    "어린이": ("아동", "초등학생"),
    "증강현실": ("AR",),
    "가상현실": ("VR",),
    "디지털트윈": ("디지털 트윈", "가상 도시 모델", "3D 가상도시"),
    "앱": ("어플리케이션", "애플리케이션", "어플", "모바일 앱", "모바일앱", "APP"),
    "챗봇": ("자동응답", "채팅로봇"),
    "원격검침": ("원격 검침", "AMI", "스마트 검침", "스마트미터링", "스마트 미터링", "미터링"),
    "계량기": ("수도미터", "수도 미터", "스마트미터", "스마트 미터"),
    "건강관리": ("헬스케어", "건강 관리"),
    "원격": ("비대면",),
    "귀가": ("귀갓길",),
    "통합운영센터": ("통합관제센터", "도시통합운영센터", "통합 운영센터", "통합 관제센터", "운영센터", "관제센터"),
    "종량제": ("종량기",),
    "드론": ("무인비행장치", "무인기", "UAV"),
    "빅데이터": ("빅 데이터", "big data"),
    "키오스크": ("무인단말기", "무인 단말기"),
    "비상벨": ("긴급호출벨", "안심벨", "SOS벨", "비상 벨"),
}
#: Words that carry no meaning in plan names (nearly every service says them); removed before comparing names.
STOP_WORDS = frozenset(
    {
        "스마트",
        "smart",
        "시스템",
        "서비스",
        "구축",
        "플랫폼",
        "사업",
        "고도화",
        "기반",
        "도입",
        "확대",
        "확충",
        "조성",
        "설치",
        "운영",
        "활용",
        "추진",
        "지원",
        "개선",
        "강화",
        "실시간",
        "통합",
        "보급",
        "체계",
        "u",
        "유비쿼터스",
        "ict",
        "첨단",
        "신규",
        "시범",
        "사업화",
        "확산",
        "등",
        "및",
        "형",
        "스마트시티",
        "스마트도시",
        "도시",
        "솔루션",
    }
)
#: Nouns that say what a service does, not what it is about: never taken as the head noun ('주차 안내' is about 주차).
FUNCTION_WORDS = frozenset(
    {
        "안내",
        "정보",
        "제공",
        "관리",
        "서비스",
        "알림",
        "알리미",
        "모니터링",
        "감시",
        "경보",
        "경고",
        "감지",
        "분석",
        "예방",
        "대응",
        "제어",
        "확인",
        "시설",
        "센터",
        "장치",
        "기기",
        "단말",
        "단말기",
        "콘텐츠",
        "공간",
        "존",
        "공유",
        "관제",
    }
)
#: Weight of the name-and-description cosine when both services are described; the normalised names have the rest.
TEXT_WEIGHT = 0.7
#: Factor on the name cosine when both names have a head noun and the heads differ ('미세먼지 측정' / '미세먼지 저감').
#: 1.0 = off: factors 0.3–0.7 lowered F1 on the tuning pairs (the threshold falls and lets other negatives in).
HEAD_MISMATCH = 1.0
#: Weight of the word (noun) block in a name vector; the character block of the normalised name has the rest.
WORD_WEIGHT = 0.5
#: Weight of the kind of service (servicekind: object, action, target, means) in the name-and-description vector;
#: character grams of name + description have the rest.
KIND_WEIGHT = 0.0
#: How much the kind of service gates a pair's similarity: the similarity is multiplied by
#: (1 − KIND_GATE) + KIND_GATE × min(1, 2 × kind cosine), so two services alike in wording but about another
#: object or for another purpose (교량 / 하수관로 계측, 드론 방제 / 배송) lose up to KIND_GATE of it.
KIND_GATE = 0.0

_LATIN = re.compile(r"[A-Za-z]")


def _synonym_pattern() -> re.Pattern[str]:
    spellings = sorted({v for vs in SYNONYMS.values() for v in vs}, key=len, reverse=True)
    parts = [rf"(?<![A-Za-z]){re.escape(v)}(?![A-Za-z])" if _LATIN.search(v) else re.escape(v) for v in spellings]
    return re.compile("|".join(parts), re.IGNORECASE)


_SYNONYM_RE = _synonym_pattern()
_CANONICAL = {v.lower(): canon for canon, vs in SYNONYMS.items() for v in vs}
_AFFIXES = tuple(sorted((w for w in STOP_WORDS if len(w) > 1 and not w.isascii()), key=len, reverse=True))


@lru_cache(maxsize=200_000)
def canonical_name(name: str) -> str:
    """The name with plan synonyms mapped onto one form ('스마트 버스 쉘터' → '스마트 버스 정류장'); cached."""
    return canonical_text(name)


def canonical_text(text: str) -> str:
    """Any text with plan synonyms mapped onto one form (canonical_name without the cache, for descriptions)."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", _SYNONYM_RE.sub(lambda m: f" {_CANONICAL[m.group(0).lower()]} ", text)).strip()


@lru_cache(maxsize=200_000)
def content_name(name: str) -> str:
    """The canonical name without stop-words ('스마트 버스쉘터 구축' → '버스 정류장'); empty when nothing else is left
    ('스마트 서비스 구축' says nothing, so it is near-identical to no other name — only to itself)."""
    words = []
    for word in canonical_name(name).split():
        if word.lower() in STOP_WORDS:
            continue
        if word not in SYNONYMS:  # a canonical form stays whole (통합운영센터 keeps 통합, 운영)
            word = _strip_affixes(word)
        if word.lower() not in STOP_WORDS:
            words.append(word)
    return " ".join(words)


def _strip_affixes(word: str) -> str:
    """A stop-word written onto a noun, at its start or end, comes off when two or more letters remain
    ('스마트버스정류장구축' → '버스정류장'; '스마트홈' and '스마트팜' stay)."""
    changed = True
    while changed:
        changed = False
        for stop in _AFFIXES:
            if word.startswith(stop) and len(word) - len(stop) >= 2:
                word, changed = word[len(stop) :], True
            elif word.endswith(stop) and len(word) - len(stop) >= 2:
                word, changed = word[: -len(stop)], True
    return word


def content_key(name: str) -> str:
    """The folded normalised name ('스마트 버스 쉘터 구축' and '버스정류장' → '버스정류장'): a blocking key."""
    return fold(content_name(name)) or fold(name)


_TOKEN_CACHE: dict[str, tuple[str, ...]] = {}


def name_tokens(names: Sequence[str]) -> list[tuple[str, ...]]:
    """Content nouns of each name (canonical forms, stop-words dropped, lower case) and its head noun as 'h:…'.

    Kiwi analyses each distinct name once per process (cached); the head noun is the last simple noun of two or
    more letters that is not a function word ('스마트 주차 안내' → 주차, '미세먼지 저감' → 저감).
    """
    todo = sorted({n for n in names if n not in _TOKEN_CACHE})
    if todo:
        from scatlas.coding.features import analyse

        if len(_TOKEN_CACHE) > 500_000:
            _TOKEN_CACHE.clear()
        for name, feats in zip(todo, analyse([content_name(n) for n in todo]), strict=False):
            toks = [f.lower() for f in feats if f.lower() not in STOP_WORDS]
            simple = [t for t in toks if not any(o != t and o in t for o in toks)]
            heads = [t for t in simple if t not in FUNCTION_WORDS and (len(t) >= 2)]
            head = heads[-1] if heads else (simple[-1] if simple else "")
            _TOKEN_CACHE[name] = tuple(toks) + ((f"h:{head}",) if head else ())
    return [_TOKEN_CACHE[n] for n in names]


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
                if (row.get("origin") or "written") != "written":
                    continue  # the IDFs (and the thresholds tuned on them) stay those of the written corpus
                names.append(unicodedata.normalize("NFC", row.get("name") or ""))
                descs.append(unicodedata.normalize("NFC", row.get("description") or ""))
    return tuple(names), tuple(descs)


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True, dtype=np.float32)


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


@dataclass
class TextVectors:
    """L2-normalised TF-IDF rows, one per text unit: name + description together, and the normalised name alone."""

    full: sparse.csr_matrix
    names: sparse.csr_matrix
    has_description: np.ndarray
    heads: np.ndarray | None = None  # head noun id per row (-1: none); differing heads scale the name cosine
    kinds: sparse.csr_matrix | None = None  # servicekind.kind_matrix rows, for the kind gate

    def kind_factor(self, left: np.ndarray, right: np.ndarray, chunk: int = 200_000) -> np.ndarray:
        """(1 − KIND_GATE) + KIND_GATE × min(1, 2 × kind cosine) per pair (1 when the gate is off)."""
        if self.kinds is None or KIND_GATE == 0:
            return np.ones(len(left), dtype=np.float32)
        out = np.empty(len(left), dtype=np.float32)
        for start in range(0, len(left), chunk):
            i, j = left[start : start + chunk], right[start : start + chunk]
            cos = np.asarray(self.kinds[i].multiply(self.kinds[j]).sum(axis=1)).ravel()
            out[start : start + chunk] = (1 - KIND_GATE) + KIND_GATE * np.minimum(1.0, 2 * cos)
        return out

    def head_factor(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """HEAD_MISMATCH where both names have a head noun and the heads differ, else 1."""
        if self.heads is None or HEAD_MISMATCH == 1.0:
            return np.ones(len(left), dtype=np.float32)
        hl, hr = self.heads[left], self.heads[right]
        return np.where((hl >= 0) & (hr >= 0) & (hl != hr), np.float32(HEAD_MISMATCH), np.float32(1.0))


def name_vectors(names: Sequence[str], reference: Sequence[str] = ()) -> sparse.csr_matrix:
    """Unit-length name vectors: √WORD_WEIGHT × noun TF-IDF ⊕ √(1 − WORD_WEIGHT) × character TF-IDF of the
    normalised name, so a cosine is WORD_WEIGHT · noun cosine + (1 − WORD_WEIGHT) · character cosine."""
    tokens = name_tokens(list(names) + list(reference))
    content = [content_name(n) for n in names]
    wv = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    cv = _vectoriser()
    wv.fit(tokens)
    cv.fit(content + [content_name(n) for n in reference])
    words = wv.transform(tokens[: len(names)]) * np.float32(np.sqrt(WORD_WEIGHT))
    chars = cv.transform(content) * np.float32(np.sqrt(1 - WORD_WEIGHT))
    return normalize(sparse.hstack([words, chars], format="csr")).astype(np.float32)


def vectorise(names: Sequence[str], descriptions: Sequence[str]) -> TextVectors:
    """TF-IDF vectors of the texts (IDF fitted on them plus the bundled corpus, for stable weights).

    The name-and-description vector joins √(1 − KIND_WEIGHT) × character grams of name + description and
    √KIND_WEIGHT × the kind of service (servicekind.kind_matrix), so its cosine is the weighted mean of the two.
    """
    from scatlas.analysis.servicekind import kind_matrix, service_kinds

    ref_names, ref_descs = reference_texts()
    full_texts = [f"{n} {d}" for n, d in zip(names, descriptions, strict=False)]
    fv = _vectoriser()
    fv.fit(full_texts + [f"{n} {d}" for n, d in zip(ref_names, ref_descs, strict=False)])
    full = fv.transform(full_texts).tocsr()
    kinds = None
    if KIND_WEIGHT > 0 or KIND_GATE > 0:
        kinds = kind_matrix(service_kinds(names, descriptions), service_kinds(ref_names, ref_descs))
    if KIND_WEIGHT > 0:
        full = normalize(
            sparse.hstack(
                [full * np.float32(np.sqrt(1 - KIND_WEIGHT)), kinds * np.float32(np.sqrt(KIND_WEIGHT))], format="csr"
            )
        )
    head_ids: dict[str, int] = {}
    heads = np.array(
        [head_ids.setdefault(t[-1], len(head_ids)) if t and t[-1].startswith("h:") else -1 for t in name_tokens(names)],
        dtype=np.int64,
    )
    return TextVectors(
        full.astype(np.float32),
        name_vectors(names, ref_names),
        np.array([bool(d.strip()) for d in descriptions]),
        heads,
        kinds,
    )


def pair_similarity(
    vectors: TextVectors, left: np.ndarray, right: np.ndarray, chunk: int = 200_000
) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of row pairs (left[k], right[k]) and whether both sides had a description.

    Both described: TEXT_WEIGHT × cosine of the name-and-description vectors + (1 − TEXT_WEIGHT) × cosine of the
    normalised names (so two services described alike but named for different things stay apart); otherwise the
    cosine of the normalised names alone (judged against its own threshold). Computed in chunks of pairs, never as an n×n matrix.
    """
    out = np.empty(len(left), dtype=np.float32)
    both = vectors.has_description[left] & vectors.has_description[right]
    for start in range(0, len(left), chunk):
        i, j = left[start : start + chunk], right[start : start + chunk]
        full = np.asarray(vectors.full[i].multiply(vectors.full[j]).sum(axis=1)).ravel()
        name = np.asarray(vectors.names[i].multiply(vectors.names[j]).sum(axis=1)).ravel() * vectors.head_factor(i, j)
        blend = TEXT_WEIGHT * full + (1 - TEXT_WEIGHT) * name
        out[start : start + chunk] = np.where(both[start : start + chunk], blend, name) * vectors.kind_factor(i, j)
    return out, both
