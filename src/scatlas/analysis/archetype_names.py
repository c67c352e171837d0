"""Names of archetypes a reader recognises: generic, from the words the members' municipalities share.

An archetype gathers services that cities name differently ('스마트 버스정류장', '성동 스마트쉼터', '참 편한
버스정류장'), so no single member's name will do: one city's landmark or brand is not the name of a kind of
service. The name is built from words, never taken from one city:
1. each member name is put in canonical form (textsim.canonical_name: 쉘터 → 정류장, DRT → 수요응답버스), and
   split into words; place names (the register's names and stems, also with 형: 경남형, 용산형) are dropped;
2. a word stays only when at least two of the archetype's municipalities use it (its folded form appears in their
   folded names), so a brand ('행복', '효돌', '꼬까신') used by one city never names the group; a word holding a
   word more municipalities use gives way to it (a landmark on a generic head: '내포지하차도' → '지하차도');
   planning words at the end (구축, 사업, 조성 …) come off;
3. the shortened names are counted by municipality and the one most municipalities share wins (ties: more words,
   then the shorter text);
4. when no word is shared by two municipalities, the name is made of the kind's words (servicekind) that most
   municipalities share: up to three object words and one action ('미세먼지 측정').
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from scatlas.analysis.frame import Row
from scatlas.analysis.servicekind import MEANS, place_words, service_kinds
from scatlas.analysis.textsim import STOP_WORDS, canonical_name, fold

#: Planning words taken off the end of a name ('스마트 버스정류장 구축' → 스마트 버스정류장).
TRAILING_PLAN_WORDS = (
    "구축사업",
    "확산사업",
    "시범사업",
    "구축",
    "사업",
    "조성",
    "설치",
    "도입",
    "확대",
    "보급",
    "고도화",
    "추진",
    "시범",
    "운영",
    "지원",
    "설치사업",
    "보급사업",
    "확충",
)
#: Words dropped wherever they stand in a name (they say how, not what).
FILLER_WORDS = frozenset({"기반", "활용", "연계", "통한", "이용", "구축", "사업", "및", "등"})
#: Words that cannot name a kind on their own: the means (IoT, AI, 앱 …) and the stop-words of textsim.
WEAK_WORDS = frozenset({fold(w) for w in (*MEANS, *STOP_WORDS)} | {fold(s) for v in MEANS.values() for s in v})
#: How canonical kind words are written in a name.
DISPLAY = {"감지알림": "감지·알림"}
_SPLIT = re.compile(r"[\s·,/()\[\]{}'\"‘’“”「」『』<>〈〉《》·|+~-]+")


@lru_cache(maxsize=100_000)
def _folded_canonical(name: str) -> str:
    return fold(canonical_name(name))


@lru_cache(maxsize=100_000)
def _is_place(word: str) -> bool:
    w = fold(word)
    for suffix in ("형", ""):
        stem = w[: -len(suffix)] if suffix and w.endswith(suffix) else w
        if stem in place_words() or (len(stem) >= 3 and stem[-1] in "시군구도" and stem[:-1] in place_words()):
            return True
    return False


@lru_cache(maxsize=100_000)
def _words(name: str) -> tuple[str, ...]:
    """The name's canonical words without place names and filler words (one word inside another is kept once)."""
    out: list[tuple[str, str]] = []  # (word, folded)
    for w in _SPLIT.split(canonical_name(name)):
        if not w or w.isdigit() or w in FILLER_WORDS or _is_place(w):
            continue
        fw = fold(w)
        if any(fw in fo for _, fo in out):
            continue
        out = [(o, fo) for o, fo in out if fo not in fw] + [(w, fw)]  # '통합 통합운영센터' → 통합운영센터
    return tuple(w for w, _ in out)


_PLAN_FOLDED = frozenset(fold(p) for p in TRAILING_PLAN_WORDS)


def _trim(words: list[str]) -> list[str]:
    while words and fold(words[-1]) in _PLAN_FOLDED:
        words = words[:-1]
    if words:  # '스마트관망관리사업' → '스마트관망관리'
        last = words[-1]
        for plan in sorted(TRAILING_PLAN_WORDS, key=len, reverse=True):
            if last.endswith(plan) and len(last) - len(plan) >= 2:
                words = [*words[:-1], last[: -len(plan)]]
                break
    return words


def archetype_label(members: Sequence[Row]) -> str:
    """A generic name for the archetype from the words its municipalities share (module docstring)."""
    names_by_muni: dict[str, set[str]] = defaultdict(set)
    for r in members:
        names_by_muni[r.municipality].add(r.name)
    folded_by_muni = {m: " ".join(_folded_canonical(n) for n in names) for m, names in names_by_muni.items()}
    counted: dict[str, int] = {}

    def shared(word: str) -> int:
        w = fold(word)
        if w not in counted:
            counted[w] = sum(1 for text in folded_by_muni.values() if w and w in text)
        return counted[w]

    vocabulary = sorted(
        {w for names in names_by_muni.values() for n in names for w in _words(n)}, key=len, reverse=True
    )

    def general(word: str) -> str:
        """The head this word ends with when more municipalities use it ('내포지하차도' → '지하차도'), else the word."""
        fw, own = fold(word), shared(word)
        for other in vocabulary:
            fo = fold(other)
            if len(fo) >= 2 and fo != fw and fw.endswith(fo) and shared(other) > own and shared(other) >= 2:
                return other
        return word

    candidates: Counter[tuple[str, ...]] = Counter()
    shortened: dict[str, tuple[str, ...]] = {}
    for _muni, names in names_by_muni.items():
        seen = set()
        for name in names:
            if name not in shortened:
                general_words = [general(w) for w in _words(name)]
                shortened[name] = tuple(_trim([w for w in dict.fromkeys(general_words) if shared(w) >= 2]))
            kept = shortened[name]
            key = fold(" ".join(kept))
            if kept and key not in seen and not _is_place(key) and any(fold(w) not in WEAK_WORDS for w in kept):
                seen.add(key)
                candidates[kept] += 1
    if candidates:
        # merge spellings with the same folded form ('스마트 버스정류장' / '스마트버스정류장')
        by_fold: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for candidate in candidates:
            by_fold[fold("".join(candidate))].append(candidate)
        best: list[tuple[str, ...]] = max(
            by_fold.values(),
            key=lambda ws: (sum(candidates[w] for w in ws), len(max(ws, key=len)), -len("".join(ws[0]))),
        )
        chosen: tuple[str, ...] = max(best, key=lambda w: (candidates[w], len(w)))
        words = list(chosen)
        spelled = Counter(r.name for r in members if _folded_canonical(r.name) == fold("".join(words)))
        if spelled:  # a member's own spelling of the same words ('스마트버스정류장', not '스마트 버스 정류장')
            words = [min(spelled, key=lambda n: (-spelled[n], len(n), n))]
        if len(words) == 1 and len(words[0]) <= 4:  # '산불' alone: add the action most share ('산불 모니터링')
            action = _kind_words(members, "action", 1, share=0.6)
            if action and fold(action[0]) not in fold(words[0]):
                words += action
        return " ".join(words)
    return _kind_label(members) or min((r.name for r in members), key=len)


def _kind_label(members: Sequence[Row]) -> str:
    """Up to three object words and one action word used by the most municipalities (at least two)."""
    return " ".join(_kind_words(members, "object", 3) + _kind_words(members, "action", 1))


def _kind_words(members: Sequence[Row], slot: str, n: int, share: float = 0.0) -> list[str]:
    """The n words of a slot of the members' kinds used by the most municipalities (at least two, and at least
    `share` of them)."""
    kinds = service_kinds([r.name for r in members], [r.description for r in members])
    users: dict[str, set[str]] = defaultdict(set)
    for r, k in zip(members, kinds, strict=True):
        for token in getattr(k, slot):
            users[token[2:] if token.startswith("h:") else token].add(r.municipality)
    need = max(2, share * len({r.municipality for r in members}))
    ranked = sorted(
        ((len(m), t) for t, m in users.items() if len(m) >= need and not _is_place(t)), key=lambda x: (-x[0], x[1])
    )
    return [DISPLAY.get(t, t) for _, t in ranked[:n]]
