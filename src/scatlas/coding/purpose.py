"""Where a service's purpose is written: the head of its name and the main clause of its description.

The labelling guide (P2) reads a service's purpose from, in order, the head of its name (Korean names are
head-final: the last noun that names a thing or problem once generic tails such as 서비스, 구축, 사업 and hype
words such as 스마트, 지능형 are dropped), the main clause of its description (its first sentence), and only
then the components the description lists. Technology, place and target-group words are weak evidence (P3).

The coder sees this as extra word features beside the bag of words of the whole text:
``N:word`` for the name's words, ``H:word`` for the head, ``M:word`` for the main clause's words. Weak words
keep their one count in the whole-text bag but get none of these, so a component's technology or a place
cannot outvote the name's head. The text given is a cleaned service text as ``service_text`` builds it,
``"<name>. <description>"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Tails of a name that say nothing about its purpose (guide P2).
GENERIC_TAILS = frozenset(
    {
        "서비스",
        "시스템",
        "사업",
        "구축",
        "조성",
        "고도화",
        "확대",
        "운영",
        "도입",
        "플랫폼",
        "스마트",
        "지능형",
        "설치",
        "지원",
        "추진",
        "시범",
        "실증",
        "기반",
        "활용",
        "통합",
        "구축사업",
        "확충",
        "개선",
        "강화",
        "체계",
        "프로젝트",
        "솔루션",
        "디지털",
        "첨단",
        "형",
        "사업화",
        "보급",
        "개발",
        "실시",
        "시행",
        "이용",
        "제공",
        "관련",
        "위하다",
        "하다",
        "되다",
        "통하다",
        "대하다",
        "있다",
        "없다",
        "smart",
    }
)

#: Technology, place and target-group words: weak evidence (guide P3). Lower-cased.
WEAK_WORDS = frozenset(
    w.lower()
    for w in (
        # technologies (WiFi, 자율주행 and 디지털트윈 are left out: there the technology is what is built)
        "CCTV",
        "IoT",
        "AI",
        "인공지능",
        "드론",
        "센서",
        "앱",
        "어플",
        "모바일",
        "스마트폰",
        "키오스크",
        "빅데이터",
        "로봇",
        "메타버스",
        "5G",
        "블록체인",
        "클라우드",
        "GIS",
        "비콘",
        "GPS",
        "RFID",
        "LoRa",
        "카메라",
        "영상",
        "데이터",
        "ICT",
        "정보통신",
        "딥러닝",
        "전광판",
        "단말기",
        "디스플레이",
        "사물인터넷",
        "AR",
        "VR",
        "QR",
        # places
        "공원",
        "학교",
        "아파트",
        "전통시장",
        "시장",
        "마을",
        "관광지",
        "경로당",
        "어린이집",
        "광장",
        "거리",
        "골목",
        "공공시설",
        "주민센터",
        "행정복지센터",
        "도심",
        "읍면",
        "농촌",
        "산업단지",
        "도서",
        "섬",
        "지역",
        "관내",
        "시내",
        "시",
        "군",
        "구",
        "동",
        "도로변",
        "현장",
        "곳곳",
        # target groups
        "어르신",
        "노인",
        "어린이",
        "아동",
        "여성",
        "장애인",
        "관광객",
        "농가",
        "학생",
        "청년",
        "주민",
        "시민",
        "고령자",
        "가구",
        "세대",
        "외국인",
        "방문객",
        "이용객",
        "운전자",
        "보행자",
    )
)

_SENTENCE_END = re.compile(r"(?:[.!?。]|(?<=[다요음함됨임]))(?:\s|$)")
#: Longest main clause (characters after the name) looked at when a description has no sentence end.
MAIN_CLAUSE_MAX = 160
HEAD_WORDS = 2


def bounds(text: str) -> tuple[int, int]:
    """(end of the name, end of the description's first sentence) as character offsets in ``text``."""
    name_end = text.find(". ")
    if name_end < 0:
        return len(text), len(text)
    start = name_end + 2
    m = _SENTENCE_END.search(text, start + 8)  # a sentence of fewer than 8 characters is not a clause
    end = m.end() if m else len(text)
    return name_end, min(end, start + MAIN_CLAUSE_MAX)


_NOT_PURPOSE = GENERIC_TAILS | WEAK_WORDS


def _strong(word: str) -> bool:
    low = word.lower()
    return low not in _NOT_PURPOSE and not low.isdigit()


def head_words(name_feats: Sequence[str]) -> list[str]:
    """The head of a name: its last strong words (compounds count as one), at most HEAD_WORDS.

    >>> head_words(["미세먼지", "알리미", "버스", "정류장", "버스정류장"])
    ['정류장', '버스정류장']
    >>> head_words(["CCTV", "설치"])
    []
    """
    out: list[str] = []
    for w in reversed(name_feats):
        if _strong(w) and not w.endswith("다"):
            out.append(w)
            if len(out) == HEAD_WORDS:
                break
    return out[::-1]


def purpose_features(text: str, feats: Sequence[str], starts: Sequence[int]) -> list[str]:
    """The N:/H:/M: features of one analysed text (see the module docstring)."""
    return purpose_parts(text, feats, starts)[0]


def purpose_parts(text: str, feats: Sequence[str], starts: Sequence[int]) -> tuple[list[str], bool, int]:
    """The N:/H:/M: features of one analysed text, whether its name has a head, and where its main clause ends."""
    name_end, main_end = bounds(text)
    out: list[str] = []
    name: list[str] = []
    main: list[str] = []
    for f, s in zip(feats, starts, strict=True):
        if s < name_end:
            name.append(f)
        elif s < main_end:
            main.append(f)
    out = [f"N:{w}" for w in name if _strong(w)]
    head = head_words(name)
    out += [f"H:{w}" for w in head]
    out += [f"M:{w}" for w in main if _strong(w)]
    return out, bool(head), main_end


def purpose_text(text: str) -> str:
    """The name and the main clause of a service text (the part whose keywords weigh as purpose)."""
    return text[: bounds(text)[1]]


def has_head(text: str, feats: Sequence[str], starts: Sequence[int]) -> bool:
    """Whether the name has a strong head word (a vague `스마트 ○○` or a technology alone has none)."""
    name_end = bounds(text)[0]
    return bool(head_words([f for f, s in zip(feats, starts, strict=True) if s < name_end]))
