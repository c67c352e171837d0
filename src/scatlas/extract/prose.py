"""Services named in running text: summaries, press releases, council briefings and news reports.

Where a plan is not public, researchers work from what is, and there the services stand in sentences:

- a list in a sentence: `주요 사업은 A, B, C 등이다`, `A, B 등 7개의 솔루션이 보급된다`;
- inline markers: `▲A ▲B ▲C`, `△A △B`, `▷ ■ ◆ ▦ ·`;
- domain groups in parentheses: `안전(A, B), 교통(C, D)`;
- a quoted name: `'A'는 … 서비스다`, `공영자전거 ‘어울링’`;
- the description before the name: `빈자리를 미리 알려주는 스마트 주차 시스템`, `… 위한 A 4곳`.

Every item is cleaned (counts, explanatory parentheses, a modifying clause before the name dropped) and kept only
if it reads like a service: places and zones, funding programmes and projects, strategies and goals,
infrastructure, bare devices, domains, tables of contents and requirement lists (RFP IDs) are not services.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.extract.candidates import ORDER_SCALE, Candidate
from scatlas.extract.outline import EXCLUDED_ZONES, Line, Outline
from scatlas.extract.text import collapse, fold_name, is_toc_line
from scatlas.taxonomy import try_normalise_domain

#: services found in sentences are less certain than table rows; stored with each (ServiceRecord.extra)
PROSE_CONFIDENCE = 0.6

_MARKERS = "▲△▷▶■□◆◇▦▣●○◎※"
_MARKER = re.compile(rf"([{_MARKERS}])\s*")
#: a line that ends a sentence ends its paragraph (PDF lines of one sentence are joined)
_SENTENCE_END = re.compile(r"(?<=[다요음함됨임])\.\s*$|(?<=[다요])\s*$")
#: '… 등이다', '… 등으로', '… 등 7개의', '… 등을 제공', '… 등이 포함됐다'
#: '등' after a space, or glued to the last item where OCR lost the space ('지원등'), never the end of
#: a word that ends in 등 (가로등, 신호등, 보안등, 초등 …)
_ETC = re.compile(
    r"(?:\s+|(?<=[가-힣A-Za-z)])(?<![로호안광초중고평점소열조수균차동]))등(?:의|이다|이며|으로|을|를|이|은|는|과|\s|$|[.,])"
)
#: a list introduced as strategies, goals or criteria ('추진 전략은 …'): not services (R13)
_STRATEGY_LEAD = re.compile(r"(?:전략|목표|비전|방향|과제|원칙|기준|효과|필요성)(?:은|는|으로는|로는|에는)\s")
_LIST_VERBS = re.compile(r"서비스|사업|솔루션|시스템|구축|도입|설치|보급|실증|제공|조성|추진|포함|선정|마련|운영|확대")
#: a lead-in ends where the list begins: the last topic/case marker before the first item
_LEAD_IN = re.compile(r"(?:으로는|로는|에는|에서는|에선|은|는|에|으로|로|하고|하며|해|마련,|마련하고|대상으로|통해)\s+")
#: '사회적 약자(어린이, 치매노인) 지원': a parenthesis listing or explaining inside a name goes (R1)
_INNER_EXPLANATION = re.compile(r"\s*[(（][^()（）]*[,，][^()（）]*[)）](?=\s*\S)")
_PAREN_TAIL = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*$")
_COUNT_TAIL = re.compile(r"\s*\d+(?:[.,]\d+)?\s*(?:개소|개|곳|대|기|종|건|면|식|km|㎞|m)\s*$")
_PARTICLE_TAIL = re.compile(r"(?<=[가-힣A-Za-z0-9)])(?:을|를|은|는|과|와|으로|에|의)$")
_QUOTED = re.compile(r"[‘'“\"「『]([^‘’'“”\"「」『』]{2,40})[’'”\"」』]")
_PAREN_GROUP = re.compile(r"([가-힣·ㆍ/]{2,12})\s*[(（]([^()（）]{3,200})[)）]")
_COUNTED = re.compile(r"([가-힣A-Za-z][가-힣A-Za-z0-9·()\s]{1,30}?)\s+\d+\s*(?:곳|개소|개|대)(?=[에을를의이가\s,.]|$)")
#: a word that ends a modifying clause: '알려주는', '가능한', '위한', '예방하는', '가능해지는'
_ADNOMINAL = re.compile(r"^(?:[가-힣]+(?:는|한|된|운|른|할|될|던)|[가-힣]{2,}인)$")
#: a word that ends a phrase before the name: a particle or a verb ending ('대상으로', '개선하고', '기반을')
_PHRASE_END = re.compile(
    r"(?:을|를|에|에서|에는|에게|의|으로|로는|으로는|은|는|과|와|고|며|여|서|해|하고|하며|위해|통해|"
    r"대상으로|함께|[,:])$"
)
_LEADING = re.compile(r"^(?:함께|또|또한|특히|그리고|이를|이와|아울러|총|약|각종|기존의|다양한|신규)\s+")
#: a name made only of these words says nothing about what the service is ('첨단 서비스', '5대 연계서비스')
_GENERIC = re.compile(
    r"(?:\d*대|플랫폼|정보|첨단|스마트|신규|기존|다양한|각종|혁신|시민|체감형|도시|시티|서비스|시스템|솔루션|연계|"
    r"스마트시티|스마트도시|주요|핵심|새로운|기술|사업|\s)+"
)
_VERB_END = re.compile(r"(?:하고자|하고|하며|하여|해|위해|된다|한다|했다|이다|하는|하였으며|되며|되고|돼|된|되는)$")
#: requirement IDs of a proposal request (SFR-001, PER-003 …): such lines list requirements, not services
_REQUIREMENT_ID = re.compile(r"\b(?:SFR|PER|SER|DAR|INR|QUR|CSR|TER|COR|PMR|PSR|ECR|SIR|REQ|FUR|NFR)-?\d{2,3}\b")

#: a service's head words: an item with none of them is not taken from running text
_SERVICE_WORDS = re.compile(
    r"스마트|서비스|시스템|체계|체제|플랫폼|포털|정보|안내|관리|관제|모니터링|감지|감시|알림|인식|제어|신호|수집|제공|"
    r"지원|IoT|AI|ICT|CCTV|시시티브이|앱|키오스크|디지털|자율|공유|원격|지능|실시간|드론|로봇|충전|주차|버스|"
    r"정류장|횡단보도|폴|가로등|벤치|그늘막|쉼터|놀이터|스마트\s*공원|재활용|자판기|안심|케어|측정|예측|무인|상담|콘텐츠|"
    r"경매|체험|거래|처리기|보완|센서|열선|자전거|셔틀|택시|내비|포인트|예약|발급|배송|순찰|진료|돌봄|상황",
    re.IGNORECASE,
)
#: funding programmes, projects and studies (R5), infrastructure (R8), plan actions (R11): never services
_NOT_SERVICES = re.compile(
    r"사업$|사업단|공모|챌린지|특화단지|시범도시|수립|용역|계획$|연구|조례|거버넌스|협약|인증|"
    r"통합\s*플랫폼|플랫폼\s*(?:고도화|개선)|통합\s*(?:운영|정보|관제)?\s*센터$|센터\s*구축|통신망|자가망|기반\s*(?:시설|환경)|"
    r"전략$|목표$|비전$|방향(?:성)?(?:\s*제시)?$|분야$|부문$|과제$|영역$|단계$|로드맵|예산|국비|시비|억\s*원|"
    r"고도화$|연계$|기능$|시설$|설비$|의자$|뿐만|[…]|···|각종|다양한|여러|환경$"
)
#: aims and effects ('대중교통 편의 증진') read like items but are goals (R13)
_GOAL = re.compile(r"(?:증진|향상|제고|도모|확보|강화|실현|달성|극대화|최소화|해소|절감|활성화|혁신|협력|참여)$")
#: zones (R12): places named with their administrative units carry no service word and fail on that alone
_PLACE = re.compile(r"\d+\s*생활권$|\d+\s*면$")
#: parts, devices and technologies (R4): listed as what a service is made of
_DEVICES = frozenset(
    fold_name(w)
    for w in (
        "CCTV",
        "와이파이",
        "WiFi",
        "센서",
        "감시카메라",
        "음성안내",
        "속도제어",
        "보안등",
        "포인트 조명",
        "비상호출 버튼",
        "스마트 기술",
        "차량검지기",
        "미세먼지 센서",
        "방범 CCTV",
        "공기정화",
        "온열벤치",
        "냉난방기",
        "스피커",
        "전광판",
        "조명",
        "안내방송",
        "비상벨",
        "차량 자동인식 검지센서",
    )
)
_DOMAIN_WORDS = frozenset(
    fold_name(w)
    for w in (
        "교통",
        "안전",
        "환경",
        "복지",
        "교육",
        "문화",
        "관광",
        "에너지",
        "생활",
        "행정",
        "경제",
        "산업",
        "건강",
        "의료",
        "보건",
        "주거",
        "물류",
        "방범",
        "방재",
        "교통안전",
        "문화관광",
        "건강복지",
        "농업산업",
        "환경에너지",
        "모빌리티",
        "헬스케어",
        "생활편의",
        "시설물관리",
        "주차장",
        "공원",
    )
)


@dataclass
class ProseResult:
    """Services found in running text, and notes on what was passed over."""

    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _paragraphs(outline: Outline) -> list[tuple[str, int | None, int]]:
    """Body text joined into paragraphs (text, page, outline index): lines run on until a sentence ends."""
    out: list[tuple[str, int | None, int]] = []
    buffer: list[str] = []
    start: Line | None = None
    for item in outline.items:
        if not isinstance(item, Line):
            continue
        line = item
        if line.skipped or line.zone in EXCLUDED_ZONES or is_toc_line(line.text) or _REQUIREMENT_ID.search(line.text):
            continue
        if line.level is not None:  # a heading ends a paragraph and is no part of one
            if buffer and start is not None:
                out.append((" ".join(buffer), start.page, start.index))
            buffer, start = [], None
            continue
        if start is None:
            start = line
        buffer.append(line.text)
        if _SENTENCE_END.search(line.text):
            out.append((" ".join(buffer), start.page, start.index))
            buffer, start = [], None
    if buffer and start is not None:
        out.append((" ".join(buffer), start.page, start.index))
    return out


def _sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?<=[다요음함됨임])\.\s*(?=\S)|(?<=[!?])\s+", paragraph)
    return [collapse(p) for p in parts if collapse(p)]


def noun_tail(text: str) -> str:
    """The noun phrase a run of words ends in: the words after the last particle or verb ending."""
    words = text.split(" ")
    depth, depths = 0, []
    for word in words:
        depths.append(depth)  # the depth a word starts at: inside parentheses, words never end the phrase
        depth = max(0, depth + word.count("(") + word.count("（") - word.count(")") - word.count("）"))
    for i in range(len(words) - 1, 0, -1):
        word = words[i - 1]
        inside = depths[i - 1] > 0 or depths[i] > 0
        if not inside and not word.endswith((")", "）")) and (_PHRASE_END.search(word) or _ADNOMINAL.match(word)):
            return " ".join(words[i:])
    return text


def clean_item(raw: str) -> str:
    """A list item as a name: no explanatory parenthesis, count, trailing particle, or modifying clause."""
    text = re.sub(r"(?:이다|입니다|이며|임)\.?$", "", collapse(raw).strip(" ,.·:;")).strip()
    match = _PAREN_TAIL.search(text)
    if match and match.start() > 0 and " " in match.group(1).strip():
        text = text[: match.start()].strip()  # an explanation first: its words must not cut the name
    text = _INNER_EXPLANATION.sub("", text).strip()
    text = noun_tail(text)
    while _LEADING.match(text):
        text = _LEADING.sub("", text, count=1)
    for _ in range(2):
        match = _PAREN_TAIL.search(text)
        # an explanation ('(교통사고·낙하물 발생 시 실시간 대응)') goes; an abbreviation ('(CCTV)', '(BRT)') stays
        if (
            match
            and match.start() > 0
            and (
                " " in match.group(1).strip()
                or "·" in match.group(1)
                or "," in match.group(1)
                or len(match.group(1)) > 8
            )
        ):
            text = text[: match.start()].strip()
        text = _COUNT_TAIL.sub("", text).strip()
        text = _PARTICLE_TAIL.sub("", text).strip() if len(text) > 3 else text
    # 'X 등 Y' and '… 알려주는 Y': the name is Y (R9)
    if " 등 " in text:
        tail = text.rsplit(" 등 ", 1)[1].strip()
        if _SERVICE_WORDS.search(tail):
            text = tail
    words = text.split(" ")
    for i in range(len(words) - 1, 0, -1):
        if _ADNOMINAL.match(words[i - 1]) or (words[i - 1].endswith(("의", "을 위한", "를 위한")) and i > 1):
            rest = " ".join(words[i:])
            if _SERVICE_WORDS.search(rest) and len(rest) >= 3:
                text = rest
            break
    return text.strip(" ,.·:;\"'‘’“”")


def looks_like_service(name: str) -> bool:
    """Whether a cleaned item reads as a service name (R4–R15 say what does not)."""
    if not name or len(name) < 2 or len(name) > 40:
        return False
    key = fold_name(name)
    if key in _DEVICES or key in _DOMAIN_WORDS or try_normalise_domain(name) is not None:
        return False
    if _NOT_SERVICES.search(name) or _GOAL.search(name) or _PLACE.search(name):
        return False
    if re.search(r"(?:19|20)\d\d\s*년", name) or re.fullmatch(r"[\d\s.,%~∼-]+", name):
        return False
    from scatlas.extract.municipalities import find_mentions

    mentions = find_mentions(name)
    if mentions and sum(m.end - m.start for m in mentions) >= 0.6 * len(name.replace(" ", "")):
        return False  # a list of municipalities
    if (re.search(r"(?:다|요|함)$", name) and len(name) > 6) or _VERB_END.search(name):
        return False  # a clause, not a name
    if _GENERIC.fullmatch(name):
        return False  # '첨단 서비스', '5대 연계서비스': says nothing about which service
    return bool(_SERVICE_WORDS.search(name))


def _split_and(item: str) -> list[str]:
    """'스마트 버스정류장과 스마트재활용' → two items, when both sides read as names ('A 및 B' stays one)."""
    match = re.match(r"^(.{3,}?[가-힣A-Za-z0-9)])(?:과|와)\s+(.{3,})$", item)
    if match and looks_like_service(clean_item(match.group(1))) and looks_like_service(clean_item(match.group(2))):
        return [match.group(1), match.group(2)]
    return [item]


def _marker_items(sentence: str) -> list[str]:
    """Items after repeated inline markers ('▲A ▲B ▲C …'), the last cut at '등' or where the sentence goes on."""
    found = _MARKER.findall(sentence)
    if not found or _STRATEGY_LEAD.search(sentence.split(found[0], 1)[0] + " "):
        return []
    found = ["▲" if f == "△" else f for f in found]  # OCR tells filled and outline triangles apart unreliably
    kind = max(set(found), key=found.count)
    if found.count(kind) < 2:
        return []
    parts = (sentence.replace("△", "▲") if kind == "▲" else sentence).split(kind)[1:]
    items = []
    for i, part in enumerate(parts):
        part = part.strip()
        if i == len(parts) - 1:
            part = _ETC.split(part, maxsplit=1)[0]
            part = re.split(r"\s+(?:\d+\s*(?:개|곳|대)\S*\s|(?:을|를|이|가)\s+\S+(?:한다|된다|이다))", part)[0]
        items.append(part)
    return items


def split_outside_parens(text: str, separators: str = ",") -> list[str]:
    """Text split at separators that stand outside parentheses ('사회적 약자(어린이, 치매노인) 지원' is one)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(（[":
            depth += 1
        elif ch in ")）]" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


#: lists of fields or areas ('… 등 다양한 서비스 분야로 확대'): domains, not services (R6)
_FIELDS = re.compile(r"^\s*등\s*(?:다양한\s*)?(?:서비스\s*)?(?:분야|영역|부문)")
#: lists of things a service is connected to or cooperates with ('… 상황실, 국가 재난시스템 등과 연계')
_PARTNERS = re.compile(r"^\s*등(?:과|와)\s*(?:연계|협력|공유|협업|함께)")


def _sentence_list(sentence: str) -> list[str]:
    """Items of 'A, B, C 등 …' lists in a sentence (each '등' ends one), or of 'A, B, C …이다', or []."""
    # spaces removed for the verb test: OCR puts spaces inside words ('연계서비 스')
    if "," not in sentence or not _LIST_VERBS.search(sentence.replace(" ", "")) or _STRATEGY_LEAD.search(sentence):
        return []
    heads: list[str] = []
    start = 0
    matches = list(_ETC.finditer(sentence))
    for match in matches:
        after = sentence[match.start() : match.start() + 20]
        if not _PARTNERS.match(after) and not _FIELDS.match(after):
            heads.append(sentence[start : match.start()])
        start = match.end()
    if not matches:
        end = re.search(r"이다\.?\s*$", sentence)
        if not end:
            return []
        heads.append(sentence[: end.start()])
    items: list[str] = []
    for head in heads:
        chunks = split_outside_parens(head)
        if len(chunks) < 2:
            continue
        for chunk in chunks:
            items.extend(_split_and(chunk))
    return items


def _middle_dots(sentence: str) -> list[str]:
    """'스마트정류장·스마트재활용·스마트폴 등': names joined by middle dots, when each reads as a service."""
    out = []
    for match in re.finditer(r"([^\s,·ㆍ‧]{3,}(?:[·ㆍ‧][^\s,·ㆍ‧]{3,})+)\s*등", sentence):
        parts = re.split(r"[·ㆍ‧]", match.group(1))
        if all(looks_like_service(clean_item(p)) for p in parts):
            out.extend(parts)
    return out


def _paren_groups(sentence: str) -> list[tuple[str, str]]:
    """(domain label, item) of 'label(A, B), label(C)' groups whose label is a domain."""
    out = []
    for match in _PAREN_GROUP.finditer(sentence):
        label, inner = match.group(1), match.group(2)
        if try_normalise_domain(label) is None and fold_name(label) not in _DOMAIN_WORDS:
            continue
        for item in re.split(r"\s*[,，、]\s*", inner):
            out.append((label, item))
    return out


def _quoted(sentence: str) -> list[tuple[str, bool]]:
    """Quoted names that the sentence says are a service ('‘어울링’은 …', '‘스마트도시 안전망 서비스’를 도입')."""
    out = []
    for match in _QUOTED.finditer(sentence):
        name = match.group(1).strip()
        after = sentence[match.end() : match.end() + 3]
        before = sentence[max(0, match.start() - 12) : match.start()]
        if name.endswith(("다", "다.")) or len(name.split()) > 6:
            continue  # a quoted remark, not a name
        defines = re.match(r"\s*(?:은|는|이|가|을|를|로|으로|\()", after) is not None
        named_as = re.search(r"(?:서비스|공영자전거|앱|플랫폼|시스템|브랜드|이름|명칭)\s*$", before) is not None
        if named_as and defines:
            out.append((name, True))  # a proper name the text says is a service ('공영자전거 ‘어울링’은')
        elif defines and _SERVICE_WORDS.search(name):
            out.append((name, False))
    return out


_PASSIVE = re.compile(
    r"([가-힣A-Za-z0-9][가-힣A-Za-z0-9·()\s]{2,40}?)(?:이|가)\s+(?:설치|도입|구축|보급|운영)(?:돼|되|된|됨)"
)


def _passive(sentence: str) -> list[str]:
    """'저장용량 확충형 CCTV가 설치돼': a service the sentence says is installed or introduced."""
    return [m.group(1) for m in _PASSIVE.finditer(sentence)]


def _counted(sentence: str) -> list[str]:
    """'… 위한 A 4곳', '스마트 벤치 20개를 설치': a name right before a count of places or units."""
    out = []
    for match in _COUNTED.finditer(sentence):
        words = match.group(1).split()
        if not words or words[-1] in ("총", "약", "등", "모두"):
            continue
        # the name is the last words before the count, after any clause ('… 위한', '… 있는')
        for i in range(len(words) - 1, -1, -1):
            if _ADNOMINAL.match(words[i]) or words[i].endswith(("에", "을", "를", "은", "는", "이", "가", "와", "과")):
                words = words[i + 1 :]
                break
        if words:
            out.append(" ".join(words))
    return out


def extract_prose(outline: Outline, known: set[str] | None = None) -> ProseResult:
    """Services named in running text (each a Candidate of kind 'prose'), in the order they appear."""
    result = ProseResult()
    seen: set[str] = set(known or ())
    skipped: list[str] = []

    def add(raw: str, page: int | None, order: int, label: str | None = None, named: bool = False) -> None:
        name = raw.strip() if named else clean_item(raw)
        key = fold_name(name)
        if not key or key in seen:
            return
        if not (named or looks_like_service(name)):
            if name and len(name) <= 40:
                skipped.append(name)
            return
        seen.add(key)
        result.candidates.append(
            Candidate(
                name=name,
                label=label,
                page=page,
                kind="prose",
                order=order,
                extra={"extraction_confidence": PROSE_CONFIDENCE},
            )
        )

    for paragraph, page, index in _paragraphs(outline):
        for s_index, sentence in enumerate(_sentences(paragraph)):
            order = index * ORDER_SCALE + s_index * 100
            subject = re.match(r"^(.{2,30}?)(?:은|는)\s", sentence)
            subject_key = fold_name(subject.group(1)) if subject else ""
            if subject_key and any(len(k) >= 3 and k in subject_key for k in seen):
                continue  # a sentence describing a service already found: its lists are the service's parts
            for label, item in _paren_groups(sentence):
                add(item, page, order, label)
            for item in _marker_items(sentence):
                for part in _split_and(item):
                    add(part, page, order)
            for reader in (_sentence_list, _middle_dots):
                for item in reader(sentence):
                    add(item, page, order)
            for item, named in _quoted(sentence):
                add(item, page, order, named=named)
            for reader in (_passive, _single, _counted):  # in this order: earlier forms win a name
                for item in reader(sentence):
                    add(item, page, order)
    if skipped:
        shown = ", ".join(repr(s) for s in skipped[:6])
        result.warnings.append(
            f"{len(skipped)} item(s) in running text read as not services (places, programmes, "
            f"strategies, devices): {shown}" + (" …" if len(skipped) > 6 else "")
        )
    return result


_SINGLE = re.compile(
    r"([가-힣A-Za-z0-9][가-힣A-Za-z0-9()·\s]{2,40}?(?:서비스|시스템|포털|플랫폼|체계|체제))\s*"
    r"(?:[(（][^()（）]{1,30}[)）])?\s*(?:등)?\s*(?:을|를)?\s*(?:제공|도입|구축|운영|추가\s*제공)"
)


def _single(sentence: str) -> list[str]:
    """One service a sentence says is provided or built: '도시정보 포털 등을 제공', '… 포털 구축'."""
    out = []
    for match in _SINGLE.finditer(sentence):
        name = match.group(1)
        depth, cut = 0, 0
        for i, ch in enumerate(name):
            depth += (ch == "(") - (ch == ")")
            if depth < 0:  # the match began inside a parenthesis: the name starts after it closes
                depth, cut = 0, i + 1
        name = name[cut:]
        if "," not in name and depth == 0:
            out.append(name)
    return out
