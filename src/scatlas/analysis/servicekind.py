"""The kind of a service: what it is about (object), what it does (action), for whom (target), by what (means).

Real names are often brands or local coinages (행복커뮤니티, ○○ 지킴이, 앱 names), so the kind comes from the name
and the description together:
- the **name** is analysed by Kiwi (textsim.name_tokens: synonyms mapped, stop-words dropped, head noun marked);
- the **description** is cut into words and each word's particle or ending is taken off (STRIP_ENDINGS: '정류장에'
  → 정류장, '설치된' is dropped as a verb form). This light stemmer is used instead of Kiwi because a real catalogue
  of 100,000 services has about as many distinct descriptions and Kiwi needs ~10 ms a description on this
  machine's cores; the character-gram vector beside it (textsim) covers compounds the stemmer leaves whole.
Every word is then mapped onto one form (textsim.SYNONYMS plus ACTION_SYNONYMS: 탐지 → 감지, 계측 → 측정, 배달 →
배송) and sorted into a slot: ACTIONS, TARGETS and MEANS are closed lists; every other content word that is not a
place name (the register's names and their stems: 춘천, 성동), a news or planning word (NOISE: 밝혔다, 올해, 예산,
구청장 …) or a stop-word is part of the object. Names without a description give a kind from the name alone, with
lower confidence (NAME_ONLY_CONFIDENCE).

`kind_matrix` turns kinds into one sparse vector per service: per slot a TF-IDF block (sublinear tf, the name's
words counted NAME_REPEAT times, its head noun once more) normalised to unit length and weighted by √SLOT_WEIGHTS,
so that the dot product of two rows is the SLOT_WEIGHTS-weighted mean of the slot cosines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from scatlas.analysis import textsim

#: Actions: canonical form → spellings (a word is an action when it starts with one of the spellings).
ACTIONS: dict[str, tuple[str, ...]] = {
    # one action, as plans pair them (감지·알림): detecting something and telling someone, incl. tracking a position
    "감지알림": (
        "감지",
        "탐지",
        "검지",
        "포착",
        "알림",
        "알리",
        "알린",
        "알려",
        "경보",
        "통보",
        "경고",
        "문자발송",
        "추적",
        "위치확인",
        "위치추적",
    ),
    "측정": ("측정", "계측", "검측", "관측"),
    "모니터링": ("모니터링", "감시", "관제", "상시점검"),
    "저감": ("저감", "줄이", "줄여", "감축", "절감", "제거", "정화", "살균", "방역"),
    "제어": ("제어", "조절", "조정", "원격조작", "자동조절"),
    "차단": ("차단", "통제"),
    "안내": ("안내", "표출", "알려주", "길안내", "해설"),
    "예약": ("예약",),
    "배송": ("배송", "배달", "운송", "택배"),
    "상담": ("상담", "문의", "응대", "답변"),
    "교육": ("교육", "학습", "강좌", "체험"),
    "돌봄": ("돌봄", "돌보", "안부", "말벗", "보살"),
    "단속": ("단속", "적발", "계도"),
    "공유": ("공유", "개방"),
    "대여": ("대여", "렌탈", "빌려"),
    "충전": ("충전",),
    "발급": ("발급", "출력"),
    "결제": ("결제", "납부"),
    "신고": ("신고", "접수", "신청", "제보"),
    "호출": ("호출", "콜"),
    "예측": ("예측", "예보", "예찰", "시뮬레이션"),
    "검침": ("검침", "미터링"),
    "수거": ("수거", "회수", "배출"),
    "순찰": ("순찰", "방범"),
    "방제": ("방제", "살포"),
    "구조": ("구조대", "구급", "출동", "인명구조"),
    "대피": ("대피", "피난"),
    "진료": ("진료", "처방", "진단", "검진"),
    "운행": ("운행", "운항", "자율주행", "이동지원"),
    "점검": ("점검", "검사", "안전점검"),
    "예방": ("예방", "방지"),
}
#: Targets: canonical form → spellings.
TARGETS: dict[str, tuple[str, ...]] = {
    "어르신": ("어르신", "노인", "고령", "노약자", "경로당", "시니어"),
    "어린이": ("어린이", "아동", "초등", "유아", "영유아", "아이들"),
    "학생": ("학생", "청소년", "학교"),
    "장애인": ("장애인", "시각장애", "청각장애", "휠체어", "교통약자"),
    "독거": ("독거", "홀몸", "1인가구", "홀로", "고독사"),
    "치매": ("치매",),
    "여성": ("여성", "임산부", "임신"),
    "관광객": ("관광객", "방문객", "여행객"),
    "외국인": ("외국인", "다문화", "이주민"),
    "소상공인": ("소상공인", "상인", "전통시장", "자영업"),
    "농업인": ("농업인", "농민", "농가", "귀농"),
    "어업인": ("어업인", "어민", "어가", "어선"),
    "운전자": ("운전자",),
    "보행자": ("보행자", "보행", "횡단"),
    "환자": ("환자", "만성질환"),
    "구직자": ("구직자", "취업", "일자리", "구인"),
    "청년": ("청년",),
    "창업자": ("스타트업", "창업"),
}
#: Means: canonical form → spellings.
MEANS: dict[str, tuple[str, ...]] = {
    "CCTV": ("cctv", "카메라", "영상"),
    "AI": ("ai", "인공지능", "지능형", "딥러닝", "머신러닝"),
    "IoT": ("iot", "사물인터넷", "센서", "센싱"),
    "드론": ("드론", "무인기"),
    "로봇": ("로봇",),
    "앱": ("앱", "어플", "애플리케이션", "모바일", "스마트폰", "휴대폰", "휴대전화"),
    "키오스크": ("키오스크", "무인단말", "단말기"),
    "스피커": ("스피커",),
    "빅데이터": ("빅데이터", "데이터분석"),
    "디지털트윈": ("디지털트윈", "3차원", "3d"),
    "전광판": ("전광판", "vms", "디스플레이", "사이니지", "led"),
    "와이파이": ("와이파이", "wifi", "무선인터넷"),
    "블록체인": ("블록체인",),
    "메타버스": ("메타버스", "가상현실", "증강현실", "vr", "ar", "xr"),
    "챗봇": ("챗봇",),
    "rfid": ("rfid", "nfc", "qr", "비콘"),
    "태양광": ("태양광", "신재생", "태양"),
    "웨어러블": ("웨어러블", "밴드", "스마트워치", "손목"),
    "gis": ("gis", "지도", "공간정보"),
}
#: Words of news reports and plan prose that say nothing about the kind of service (stems, after endings are off).
NOISE = frozenset(
    [
        "에게",
        "에서",
        "으로",
        "하고",
        "하며",
        "하여",
        "그리고",
        "또는",
        "통하여",
        "위하여",
        "이용하여",
        "정보",
        "상황",
        "발생",
        "관리",
        "시설",
        "데이터",
        "기기",
        "장비",
        "장치",
        "확인",
        "내용",
        "대상",
        "이상",
        "문제",
        "해결",
        "목적",
        "통합",
        "연계",
        "구성",
        "분야",
        "기관",
        "공공",
        "시민들",
        "주민들",
        "이용자들",
        "지원사업",
        "시범사업",
        "구축사업",
        "사업자",
        "밝혔다",
        "밝혔",
        "말했",
        "전했",
        "설명했",
        "강조했",
        "기대된다",
        "계획이다",
        "예정이다",
        "방침이다",
        "것이다",
        "있다",
        "없다",
        "했다",
        "됐다",
        "한다",
        "된다",
        "위해",
        "통해",
        "위한",
        "통한",
        "대한",
        "따라",
        "따른",
        "관련",
        "경우",
        "이번",
        "이번에",
        "올해",
        "지난해",
        "내년",
        "지난",
        "오는",
        "최근",
        "현재",
        "이후",
        "기존",
        "향후",
        "앞으로",
        "그동안",
        "당시",
        "시장",
        "군수",
        "구청장",
        "도지사",
        "시청장",
        "관계자",
        "의원",
        "의회",
        "장관",
        "청장",
        "센터장",
        "담당자",
        "총",
        "약",
        "최대",
        "최소",
        "각",
        "각종",
        "모든",
        "다양",
        "여러",
        "주요",
        "예산",
        "사업비",
        "국비",
        "도비",
        "시비",
        "군비",
        "구비",
        "억",
        "억원",
        "천만원",
        "만원",
        "원",
        "개소",
        "곳",
        "명",
        "개",
        "대",
        "건",
        "년",
        "월",
        "일",
        "시간",
        "분",
        "회",
        "차",
        "호",
        "번",
        "가구",
        "세대",
        "추진",
        "계획",
        "예정",
        "지역",
        "일대",
        "관내",
        "인근",
        "주변",
        "현장",
        "공모",
        "선정",
        "확보",
        "투입",
        "완료",
        "마련",
        "착수",
        "시작",
        "개시",
        "본격",
        "시범",
        "시행",
        "실시",
        "진행",
        "도입",
        "구축",
        "설치",
        "운영",
        "조성",
        "보급",
        "확대",
        "확산",
        "지원",
        "제공",
        "활용",
        "개선",
        "강화",
        "고도화",
        "사업",
        "서비스",
        "시스템",
        "스마트",
        "플랫폼",
        "기반",
        "기능",
        "기술",
        "방식",
        "역할",
        "효과",
        "편의",
        "편리",
        "불편",
        "도움",
        "가능",
        "필요",
        "이용",
        "사용",
        "시민",
        "주민",
        "국민",
        "이용자",
        "사용자",
        "누구나",
        "우리",
        "자체",
        "전국",
        "최초",
        "처음",
        "국내",
        "첫",
        "또한",
        "특히",
        "또",
        "물론",
        "함께",
        "직접",
        "바로",
        "즉시",
        "신속",
        "자동",
        "실시간",
        "24시간",
        "상시",
        "언제",
        "어디",
        "이상",
        "이하",
        "이내",
        "중",
        "내",
        "후",
        "전",
        "때",
        "등",
        "및",
        "수",
        "것",
        "이",
        "그",
        "해당",
        "위",
        "하",
        "있",
        "없",
        "되",
        "않",
        "같",
        "더",
        "큰",
        "작은",
        "새로운",
        "첨단",
        "신규",
        "스마트시티",
        "스마트도시",
        "도시",
        "시",
        "군",
        "구",
        "도",
        "동",
        "읍",
        "면",
        "리",
    ]
)
#: Particles taken off the end of a description word, longest first ('정류장에서' → 정류장).
STRIP_ENDINGS = tuple(
    sorted(
        {
            "에서는",
            "에서도",
            "에게는",
            "으로는",
            "으로도",
            "으로써",
            "이라는",
            "이라고",
            "라는",
            "라고",
            "에서",
            "에게",
            "으로",
            "부터",
            "까지",
            "마다",
            "처럼",
            "보다",
            "이나",
            "이며",
            "이고",
            "과의",
            "와의",
            "에는",
            "에도",
            "들이",
            "들은",
            "들을",
            "들의",
            "들에게",
            "들",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "로",
            "와",
            "과",
            "도",
            "만",
            "나",
            "께",
        },
        key=len,
        reverse=True,
    )
)
#: Endings of 하다/되다 verbs, taken off to leave the noun ('감지해' → 감지, '설치된' → 설치) when two or more
#: letters remain; most verbs of plan prose are of this kind.
VERB_SUFFIXES = tuple(
    sorted(
        {
            "하였으며",
            "하였다",
            "했으며",
            "한다는",
            "하도록",
            "하면서",
            "하는",
            "하고",
            "하여",
            "해서",
            "하며",
            "하게",
            "하기",
            "하면",
            "했다",
            "한다",
            "합니다",
            "할",
            "한",
            "해",
            "하자",
            "되었으며",
            "되었다",
            "됐으며",
            "되도록",
            "되면서",
            "된다",
            "되는",
            "되어",
            "되며",
            "되고",
            "되면",
            "됐다",
            "될",
            "된",
            "돼",
            "시켜",
            "시킨",
            "시키는",
            "받아",
            "받는",
            "받을",
        },
        key=len,
        reverse=True,
    )
)
#: Other verb and adjective endings: such words are dropped unless they start with an action spelling.
VERB_ENDINGS = (
    "다",
    "던",
    "도록",
    "면서",
    "지만",
    "었",
    "였",
    "겠",
    "고자",
    "려고",
    "으며",
    "어서",
    "아서",
    "는데",
    "있는",
    "없는",
    "있게",
    "없이",
    "같은",
    "같이",
)
#: How many times the name's words count against the description's (a name says what the service is).
NAME_REPEAT = 3
#: Weights of the slots in kind_matrix (they sum to 1): object, action, target, means.
SLOT_WEIGHTS = {"object_action": 0.75, "object": 0.25}
#: Weight of the constant token added to every action vector before the object × action product, so that a
#: service whose text names no action still compares on its object (actions disjoint → cosine floor 0.2).
ACTION_FLOOR = 0.5
#: Only this many of a service's object words (highest TF-IDF first) are kept: a long news-style description names
#: many incidental things (시민, 차량, 위험 …); the words that say what the service is about weigh most.
OBJECT_TOP_K = 8
#: Confidence of a kind read from a name alone (a description gives 1.0).
NAME_ONLY_CONFIDENCE = 0.5
#: How much of a description is read (its opening says what the service is; bounds the work per service).
DESCRIPTION_CHARS = 400

_WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z0-9]*|[0-9]+[A-Za-z가-힣]*")
_SLOTS = (("action", ACTIONS), ("target", TARGETS), ("means", MEANS))


@dataclass(frozen=True)
class Kind:
    """What a service is about, what it does, for whom, by what; tokens are canonical forms."""

    object: tuple[str, ...]
    action: tuple[str, ...]
    target: tuple[str, ...]
    means: tuple[str, ...]
    head: str  # the name's head noun ('' when the name has none)
    confidence: float  # 1.0 from name and description, NAME_ONLY_CONFIDENCE from the name alone

    def summary(self) -> str:
        """'object: 버스 정류장 · action: 안내 · means: IoT' — for reports and debugging."""
        parts = [
            f"{slot}: {' '.join(dict.fromkeys(getattr(self, slot)))}"
            for slot in ("object", "action", "target", "means")
            if getattr(self, slot)
        ]
        return " · ".join(parts)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Municipality names, aliases and stems (춘천시 → 춘천, 성동구 → 성동) from the bundled register."""
    from scatlas.extract.municipalities import load_register

    words: set[str] = set()
    for row in load_register().rows:
        for name in (row.name, *row.aliases):
            words.add(name.lower())
            if len(name) >= 3 and name[-1] in "시군구도":
                words.add(name[:-1].lower())
        for part in row.full_name.split():
            words.add(part.lower())
    # metro short names ('서울', '경기', '충북') and province words
    words.update(
        {
            "서울",
            "부산",
            "대구",
            "인천",
            "광주",
            "대전",
            "울산",
            "세종",
            "경기",
            "강원",
            "충북",
            "충남",
            "전북",
            "전남",
            "경북",
            "경남",
            "제주",
        }
    )
    return frozenset(w for w in words if len(w) >= 2)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """spelling → (slot, canonical); and a pattern matching any spelling at a word start."""
    table: dict[str, tuple[str, str]] = {}
    for slot, lexicon in _SLOTS:
        for canon, spellings in lexicon.items():
            for s in (canon, *spellings):
                table.setdefault(s.lower(), (slot, canon))
    alternation = "|".join(re.escape(s) for s in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"^(?:{alternation})", re.IGNORECASE)


def _by_length(endings: Sequence[str]) -> list[tuple[int, frozenset[str]]]:
    lengths = sorted({len(e) for e in endings}, reverse=True)
    return [(n, frozenset(e for e in endings if len(e) == n)) for n in lengths]


_VERB_SUFFIXES = _by_length(VERB_SUFFIXES)
_PARTICLES = _by_length(STRIP_ENDINGS)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The noun of a description word, '' for a verb form that is not a 하다/되다 verb of an action word."""
    if word.lower() in _lexicon()[0] or word in textsim.SYNONYMS:  # '어린이' is not '어린' + 이
        return word
    for n, endings in _VERB_SUFFIXES:
        if len(word) - n >= 2 and word[-n:] in endings:
            return word[:-n]
    if word.endswith(VERB_ENDINGS):
        m = _lexicon()[1].match(word.lower())
        return m.group(0) if m else ""
    for n, endings in _PARTICLES:
        if len(word) > n and word[-n:] in endings:
            return word[:-n]  # a one-letter stem ('시는' → 시) is dropped by the slot sorter
    return word


@lru_cache(maxsize=200_000)
def _slots_of(word: str) -> tuple[tuple[str, str], ...]:
    """The (slot, token) pairs one word contributes: none for noise, stop-words and place names; a lexicon word
    gives its slot and canonical form (a compound such as 감지센서 also leaves what remains as an object word)."""
    low = word.lower()
    if (
        not low
        or low in NOISE
        or low in textsim.STOP_WORDS
        or low in place_words()
        or (len(low) < 2 and not low.isascii())
        or (low[0].isdigit() and not low.isascii())
    ):
        return ()
    table, starts = _lexicon()
    hit = table.get(low)
    out: list[tuple[str, str]] = []
    if hit is None:
        m = starts.match(low)
        if m and (len(m.group(0)) >= 2 or m.group(0) == low):
            hit = table[m.group(0).lower()]
            rest = low[len(m.group(0)) :]
            if len(rest) >= 2 and rest not in NOISE and rest not in textsim.STOP_WORDS:
                out.append(("object", rest))
    out.append(hit if hit is not None else ("object", low))
    return tuple(out)


def classify_words(words: Sequence[str]) -> dict[str, list[str]]:
    """Sort words (stems or Kiwi nouns) into the four slots; noise, stop-words and place names are dropped."""
    slots: dict[str, list[str]] = {"object": [], "action": [], "target": [], "means": []}
    for word in words:
        for slot, token in _slots_of(word):
            slots[slot].append(token)
    return slots


def description_words(description: str) -> list[str]:
    """The description's words with particles and endings taken off, synonyms mapped (textsim.canonical_name)."""
    text = textsim.canonical_text(description[:DESCRIPTION_CHARS])
    return [_stem(w) for w in _WORD.findall(text)]


_KIND_CACHE: dict[tuple[str, str], Kind] = {}


def service_kinds(names: Sequence[str], descriptions: Sequence[str]) -> list[Kind]:
    """The kind of each service from its name and description (cached per distinct pair of texts)."""
    todo = sorted({(n, d) for n, d in zip(names, descriptions, strict=True) if (n, d) not in _KIND_CACHE})
    if todo:
        if len(_KIND_CACHE) > 300_000:
            _KIND_CACHE.clear()
        tokens = textsim.name_tokens([n for n, _ in todo])
        for (name, desc), toks in zip(todo, tokens, strict=True):
            head = next((t[2:] for t in toks if t.startswith("h:")), "")
            words = [t for t in toks if not t.startswith("h:")]
            name_slots = classify_words(words)
            desc_slots = classify_words(description_words(desc)) if desc.strip() else None
            merged = {}
            for slot in name_slots:
                merged[slot] = tuple(name_slots[slot] * NAME_REPEAT + (desc_slots[slot] if desc_slots else []))
            if head and head not in place_words() and _slots_of(head)[-1:] == (("object", head.lower()),):
                merged["object"] += (f"h:{head}",)
            _KIND_CACHE[(name, desc)] = Kind(
                merged["object"],
                merged["action"],
                merged["target"],
                merged["means"],
                head,
                1.0 if desc_slots else NAME_ONLY_CONFIDENCE,
            )
    return [_KIND_CACHE[(n, d)] for n, d in zip(names, descriptions, strict=True)]


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def _slot_block(
    docs: list[tuple[str, ...]], reference: list[tuple[str, ...]], top_k: int | None = None
) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows of one slot (IDF fitted on docs + reference; empty rows stay zero), keeping each
    row's top_k weights when given."""
    if not any(docs) and not any(reference):
        return sparse.csr_matrix((len(docs), 1), dtype=np.float32)
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32, lowercase=False)
    vec.fit(docs + reference)
    m = vec.transform(docs).tocsr()
    if top_k:
        m = _top_k(m, top_k)
    return normalize(m).tocsr()


def _top_k(m: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row's k largest entries (ties: the first)."""
    m = m.tocsr(copy=True)
    for i in range(m.shape[0]):
        start, end = m.indptr[i], m.indptr[i + 1]
        if end - start > k:
            row = m.data[start:end]
            row[np.argsort(-row, kind="stable")[k:]] = 0
    m.eliminate_zeros()
    return m


def _row_kron(x: sparse.csr_matrix, y: sparse.csr_matrix) -> sparse.csr_matrix:
    """Row-wise Kronecker product: row i is x_i ⊗ y_i, so (x_i ⊗ y_i)·(x_j ⊗ y_j) = (x_i·x_j)(y_i·y_j)."""
    width = y.shape[1]
    indptr, indices, data = [0], [], []
    for i in range(x.shape[0]):
        xs, xe, ys, ye = x.indptr[i], x.indptr[i + 1], y.indptr[i], y.indptr[i + 1]
        if xe > xs and ye > ys:
            indices.append((x.indices[xs:xe, None].astype(np.int64) * width + y.indices[None, ys:ye]).ravel())
            data.append((x.data[xs:xe, None] * y.data[None, ys:ye]).ravel())
        indptr.append(indptr[-1] + max(0, xe - xs) * max(0, ye - ys) if xe > xs and ye > ys else indptr[-1])
    if not indices:
        return sparse.csr_matrix((x.shape[0], x.shape[1] * width), dtype=np.float32)
    return sparse.csr_matrix(
        (np.concatenate(data).astype(np.float32), np.concatenate(indices), np.array(indptr)),
        shape=(x.shape[0], x.shape[1] * width),
    )


def kind_matrix(
    kinds: Sequence[Kind], reference: Sequence[Kind] = (), weights: dict[str, float] | None = None
) -> sparse.csr_matrix:
    """One row per kind: unit blocks side by side, each times √weight, so a row's dot product with another is the
    weighted mean of the block cosines. Blocks: each slot's TF-IDF (IDF fitted on the kinds plus the reference
    kinds), and 'object_action', the product of the object and the (floored) action vectors, whose cosine is
    cos(object) × cos(action): high only when both what the service is about and what it does agree (교량 계측
    vs 하수관로 계측, 미세먼지 측정 vs 미세먼지 저감 stay apart)."""
    weights = weights or SLOT_WEIGHTS
    blocks = {}
    for slot in ("object", "action", "target", "means"):
        blocks[slot] = _slot_block(
            [getattr(k, slot) for k in kinds],
            [getattr(k, slot) for k in reference],
            OBJECT_TOP_K if slot == "object" else None,
        )
    out = []
    for name, weight in weights.items():
        if weight <= 0:
            continue
        if name == "object_action":
            # the target is part of what a service is about (치매 어르신의 위치); the product keeps them together
            about = normalize(sparse.hstack([blocks["object"], blocks["target"]], format="csr"))
            floored = normalize(
                sparse.hstack(
                    [blocks["action"], sparse.csr_matrix(np.full((len(kinds), 1), ACTION_FLOOR, dtype=np.float32))],
                    format="csr",
                )
            )
            block = _row_kron(about, floored)
        else:
            block = blocks[name]
        out.append(block * np.float32(np.sqrt(weight)))
    return sparse.hstack(out, format="csr").astype(np.float32)
