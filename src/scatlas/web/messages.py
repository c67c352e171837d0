"""The interface's words, looked up by key: the Korean text here is the msgid of the message catalogue
(scatlas.i18n, locale/en/LC_MESSAGES/scatlas.po), where the English lives; the English text here only seeds a new
entry when `python tools/i18n/catalogue.py` merges it (docs/i18n.md)."""

from __future__ import annotations

from scatlas.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate_to  # noqa: F401  (re-exported for the app)

MESSAGES: dict[str, dict[str, str]] = {
    "app_title": {"ko": "스마트도시 서비스 아틀라스", "en": "Smart City Service Atlas"},
    "nav_overview": {"ko": "개요", "en": "Overview"},
    "nav_services": {"ko": "서비스", "en": "Services"},
    "nav_municipalities": {"ko": "지자체", "en": "Municipalities"},
    "nav_compare": {"ko": "비교", "en": "Compare"},
    "nav_archetypes": {"ko": "유형(원형)", "en": "Archetypes"},
    "nav_review": {"ko": "검토", "en": "Review"},
    "nav_upload": {"ko": "업로드", "en": "Upload"},
    "login": {"ko": "로그인", "en": "Log in"},
    "logout": {"ko": "로그아웃", "en": "Log out"},
    "logged_in_as": {"ko": "검토자", "en": "Coder"},
    "token": {"ko": "접근 토큰", "en": "Access token"},
    "coder_name": {"ko": "검토자 이름", "en": "Coder name"},
    "login_help": {
        "ko": "서버 시작 시 출력된 토큰(SCATLAS_TOKEN)과 검토자 이름을 입력하세요.",
        "en": "Enter the token the server printed at start (SCATLAS_TOKEN) and your coder name.",
    },
    "login_failed": {"ko": "토큰이 맞지 않습니다.", "en": "The token is not right."},
    "login_bad_name": {
        "ko": "이름에는 글자, 숫자, '.', '_', '-'만 쓸 수 있습니다(40자 이내).",
        "en": "A name may hold letters, digits, '.', '_' and '-' (up to 40).",
    },
    "login_required": {"ko": "이 작업은 로그인이 필요합니다.", "en": "Log in to do this."},
    "totals": {"ko": "합계", "en": "Totals"},
    "plans": {"ko": "계획", "en": "Plans"},
    "municipalities": {"ko": "지자체", "en": "Municipalities"},
    "services": {"ko": "서비스", "en": "Services"},
    "unlabelled": {"ko": "미분류", "en": "Unlabelled"},
    "domain_distribution": {"ko": "분야별 분포", "en": "Services by domain"},
    "function_shares": {"ko": "기능별 비중", "en": "Function shares"},
    "target_groups": {"ko": "대상 집단", "en": "Target groups"},
    "technologies": {"ko": "적용 기술", "en": "Technologies"},
    "per_municipality": {"ko": "지자체별 서비스 수", "en": "Services per municipality"},
    "coders": {"ko": "코딩 출처", "en": "Coding source"},
    "empty_catalogue": {
        "ko": "카탈로그가 비어 있습니다. 계획 문서를 업로드하세요.",
        "en": "The catalogue is empty. Upload a plan document.",
    },
    "search": {"ko": "검색", "en": "Search"},
    "search_placeholder": {"ko": "서비스명·설명 검색 (예: 정류장)", "en": "Search names and descriptions"},
    "filters": {"ko": "필터", "en": "Filters"},
    "municipality": {"ko": "지자체", "en": "Municipality"},
    "domain": {"ko": "분야", "en": "Domain"},
    "subtype": {"ko": "세부 유형", "en": "Sub-type"},
    "function": {"ko": "기능", "en": "Function"},
    "target_group": {"ko": "대상", "en": "Target group"},
    "technology": {"ko": "기술", "en": "Technology"},
    "period": {"ko": "계획 기간", "en": "Plan period"},
    "period_help": {"ko": "연도(2025) 또는 기간(2023~2027)", "en": "a year (2025) or a period (2023~2027)"},
    "confidence": {"ko": "신뢰도", "en": "Confidence"},
    "conf_min": {"ko": "신뢰도 최소", "en": "Min. confidence"},
    "conf_max": {"ko": "신뢰도 최대", "en": "Max. confidence"},
    "sort": {"ko": "정렬", "en": "Sort"},
    "any": {"ko": "전체", "en": "Any"},
    "sort_id": {"ko": "등록순", "en": "Order added"},
    "sort_name": {"ko": "서비스명", "en": "Name"},
    "sort_municipality": {"ko": "지자체", "en": "Municipality"},
    "sort_domain": {"ko": "분야", "en": "Domain"},
    "sort_confidence": {"ko": "신뢰도", "en": "Confidence"},
    "sort_page": {"ko": "쪽", "en": "Page"},
    "sort_period": {"ko": "계획 기간", "en": "Plan period"},
    "apply": {"ko": "적용", "en": "Apply"},
    "reset": {"ko": "초기화", "en": "Reset"},
    "results": {"ko": "건", "en": "results"},
    "results_more": {"ko": "건 이상", "en": "or more results"},
    "no_results": {"ko": "조건에 맞는 서비스가 없습니다.", "en": "No service matches."},
    "download": {"ko": "내려받기", "en": "Download"},
    "prev": {"ko": "이전", "en": "Previous"},
    "next": {"ko": "다음", "en": "Next"},
    "page": {"ko": "쪽", "en": "Page"},
    "name": {"ko": "서비스명", "en": "Name"},
    "description": {"ko": "설명", "en": "Description"},
    "declared_domain": {"ko": "계획상 분야", "en": "Declared domain"},
    "declared_label": {"ko": "계획상 표기", "en": "Label as printed"},
    "source": {"ko": "출처", "en": "Source"},
    "source_page": {"ko": "쪽", "en": "page"},
    "read_from": {"ko": "읽은 방식", "en": "read from"},
    "from_prose": {"ko": "본문 문장에서 찾음(신뢰도 낮음)", "en": "found in running text (lower confidence)"},
    "read_by_ocr": {"ko": "스캔 이미지를 OCR로 읽음", "en": "read from a scan by OCR"},
    "ocr_confidence": {"ko": "OCR 신뢰도", "en": "OCR confidence"},
    "plan_title": {"ko": "계획명", "en": "Plan"},
    "coding": {"ko": "코딩", "en": "Coding"},
    "coder": {"ko": "코더", "en": "Coder"},
    "rationale": {"ko": "근거", "en": "Rationale"},
    "history": {"ko": "코딩 이력", "en": "Coding history"},
    "created_at": {"ko": "일시", "en": "When"},
    "similar": {"ko": "다른 지자체의 유사 서비스", "en": "Similar services elsewhere"},
    "similar_archetype": {"ko": "같은 원형", "en": "Same archetype"},
    "similar_trigram": {"ko": "서비스명 유사도(3-gram)", "en": "Name similarity (3-grams)"},
    "none_found": {"ko": "찾지 못했습니다.", "en": "None found."},
    "extra_fields": {"ko": "추가 항목", "en": "Other fields"},
    "profile": {"ko": "지자체 프로필", "en": "Municipality profile"},
    "compare_pick": {"ko": "비교할 지자체를 두 곳 이상 고르세요.", "en": "Pick two or more municipalities."},
    "compare_button": {"ko": "비교", "en": "Compare"},
    "share": {"ko": "비중", "en": "Share"},
    "count": {"ko": "수", "en": "Count"},
    "archetypes_intro": {
        "ko": "여러 지자체가 거의 같은 서비스를 계획한 묶음입니다.",
        "en": "Groups of near-identical services planned by several municipalities.",
    },
    "archetypes_pending": {
        "ko": "원형을 계산하는 중입니다. 잠시 후 새로고침하세요.",
        "en": "Archetypes are being computed; refresh in a moment.",
    },
    "members": {"ko": "구성 서비스", "en": "Members"},
    "archetypes_method": {"ko": "방법", "en": "Method"},
    "differentiation": {"ko": "차별성", "en": "Differentiation"},
    "shared_share_all": {
        "ko": "곳 이상의 지자체가 함께 계획한 유형에 속한 서비스 비중(전체)",
        "en": "municipalities or more plan: share of all services in such archetypes",
    },
    "shared_share": {"ko": "곳 이상 공유 비중", "en": "+ municipalities: share"},
    "distinct_index": {"ko": "차별성 지수", "en": "Distinctiveness index"},
    "distinct_services": {"ko": "그 지자체만의 서비스", "en": "Services only it plans"},
    "unique_count": {"ko": "고유 서비스 수", "en": "Services in no archetype"},
    "review_intro": {
        "ko": "신뢰도가 낮거나 계획상 분야와 자동 코딩이 다른 서비스부터 보여 줍니다.",
        "en": "Low confidence and declared-vs-coded disagreements first.",
    },
    "review_keys": {
        "ko": "단축키: a 승인 · 1–9/0/-/= 분야 선택 · f 기능 변경 · j/k 이동",
        "en": "Keys: a accept · 1–9/0/-/= pick a domain · f cycle function · j/k move",
    },
    "review_empty": {"ko": "검토할 서비스가 없습니다.", "en": "Nothing left to review."},
    "accept": {"ko": "승인", "en": "Accept"},
    "saved": {"ko": "저장됨", "en": "Saved"},
    "auto_coding": {"ko": "자동 코딩", "en": "Auto coding"},
    "top2": {"ko": "상위 2개 후보", "en": "Top two candidates"},
    "upload_intro": {
        "ko": "계획 문서(PDF, HWP, HWPX, DOCX, XLSX, CSV, TXT, MD)를 올리면 서비스를 찾아 코딩합니다.",
        "en": "Send a plan document (PDF, HWP, HWPX, DOCX, XLSX, CSV, TXT, MD): its services are found and coded.",
    },
    "upload_limit": {"ko": "최대 크기", "en": "Size limit"},
    "upload_button": {"ko": "올리기", "en": "Upload"},
    "job_status": {"ko": "처리 상태", "en": "Status"},
    "job_queued": {"ko": "대기 중", "en": "Queued"},
    "job_running": {"ko": "처리 중", "en": "Running"},
    "job_done": {"ko": "완료", "en": "Done"},
    "job_failed": {"ko": "실패", "en": "Failed"},
    "found_services": {"ko": "찾은 서비스", "en": "Services found"},
    "warnings": {"ko": "경고", "en": "Warnings"},
    "recent_jobs": {"ko": "최근 업로드", "en": "Recent uploads"},
    "error": {"ko": "오류", "en": "Error"},
    "not_found": {"ko": "찾을 수 없습니다.", "en": "Not found."},
    "language": {"ko": "English", "en": "한국어"},
    "api_docs": {"ko": "API 문서", "en": "API docs"},
    "result_added": {"ko": "새로 추가", "en": "added"},
    "result_replaced": {"ko": "새 판으로 교체", "en": "replaced"},
    "result_unchanged": {"ko": "같은 내용이 이미 있음", "en": "unchanged (same content already in the catalogue)"},
    "stage_queued": {"ko": "대기 중", "en": "queued"},
    "stage_loading_coder": {"ko": "분류기 불러오는 중", "en": "loading the coder"},
    "stage_ingesting": {"ko": "문서 읽는 중", "en": "reading the document"},
    "stage_finished": {"ko": "끝남", "en": "finished"},
}


from scatlas.web.edit_messages import EDIT_MESSAGES  # noqa: E402  (the editing pages' words)

MESSAGES.update(EDIT_MESSAGES)


def translate(key: str, lang: str) -> str:
    """The message in `lang` from the catalogue, else this table's text for `lang`, else Korean, else the key itself
    (a missing key shows, it does not crash)."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    korean = entry[DEFAULT_LANGUAGE]
    if lang == DEFAULT_LANGUAGE:
        return korean
    text = translate_to(korean, lang)
    return text if text != korean else entry.get(lang) or korean
