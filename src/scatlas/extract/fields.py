"""Card field labels ('○ 서비스 개요', '○ 적용 기술', '서비스명 | …') and reading them off a line."""

from __future__ import annotations

import re

from scatlas.extract.text import compact, strip_numbering

#: Card field labels (spaces removed) -> the field they fill. 'extra' fields keep their printed label.
FIELD_LABELS: dict[str, str] = {
    "서비스명": "name",
    "사업명": "name",
    "서비스명칭": "name",
    "서비스(사업)명": "name",
    "단위서비스명": "name",
    "세부서비스명": "name",
    "서비스개요": "overview",
    "개요": "overview",
    "사업개요": "overview",
    "서비스내용": "overview",
    "사업내용": "overview",
    "서비스정의": "overview",
    "정의": "overview",
    "서비스설명": "overview",
    "주요내용": "overview",
    "서비스소개": "overview",
    "주요기능": "functions",
    "서비스기능": "functions",
    "기능": "functions",
    "주요서비스": "functions",
    "서비스분야": "domain",
    "분야": "domain",
    "사업분야": "domain",
}
_EXTRA_LABELS = (
    "적용기술",
    "활용기술",
    "주요기술",
    "도입기술",
    "적용기술요소",
    "기술요소",
    "필요기술",
    "추진주체",
    "사업주체",
    "운영주체",
    "구축주체",
    "주관부서",
    "담당부서",
    "관련부서",
    "소요예산",
    "사업비",
    "예산",
    "소요사업비",
    "추진시기",
    "추진일정",
    "사업기간",
    "구축시기",
    "추진기간",
    "기대효과",
    "구축위치",
    "대상지",
    "서비스대상",
    "대상",
    "수혜대상",
    "구성도",
    "서비스구성도",
    "연계방안",
    "추진방안",
    "관련계획",
    "위치",
    "사업규모",
    "재원",
    "재원조달",
    "추진목적",
    "목적",
    "필요성",
    "도입필요성",
    "추진배경",
    "구축내용",
    "서비스흐름도",
    "운영방안",
    "연계시스템",
    "관련법령",
    "추진방식",
    "구축방안",
    "서비스코드",
    "서비스번호",
    "서비스ID",
    "서비스id",
    "관리번호",
    "과제번호",
)
for _label in _EXTRA_LABELS:
    FIELD_LABELS[_label] = "extra"
_FIELD_LINE = re.compile(r"^[\[【<〈(]?\s*([^:：\]】>〉)]{1,14}?)\s*[\]】>〉)]?\s*(?:[:：]\s*(.*))?$")
# A bracketed label needs no colon before its value: '【서비스명】 스마트 횡단보도', '<서비스 개요> …'.
_BRACKETED = re.compile(r"^[\[【<〈]\s*([^:：\]】>〉]{1,14}?)\s*[\]】>〉]\s*[:：]?\s*(.*)$")


def field_of(text: str) -> tuple[str, str, str] | None:
    """(field, printed label, inline value) when a line is a card field label ('○ 서비스 개요 : …'), else None."""
    line = strip_numbering(text)  # '○ 서비스 개요', '1) 주요 기능', '가. 서비스명 : …'
    match = _BRACKETED.match(line) or _FIELD_LINE.match(line)
    if not match:
        return None
    label = match.group(1).strip()
    kind = FIELD_LABELS.get(compact(label))
    if kind is None:
        return None
    return kind, label, (match.group(2) or "").strip()
