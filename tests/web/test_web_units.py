"""Small pieces of the web layer, tested directly: session signing, query building, upload names, review codings."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from scatlas.web.review import review_coding
from scatlas.web.search import FilterError, ServiceFilter, fts_phrase, text_condition
from scatlas.web.session import SessionSigner, bearer_token, new_session, valid_login
from scatlas.web.similar import key_trigrams
from scatlas.web.uploads import UploadRefused, safe_name, store_upload


def test_signed_session_round_trips_and_rejects_forgery_and_age(monkeypatch: pytest.MonkeyPatch) -> None:
    signer = SessionSigner(b"k" * 32)
    value = signer.dumps({"user": "김", "csrf": "c"})
    assert signer.loads(value)["user"] == "김"
    assert SessionSigner(b"x" * 32).loads(value) is None  # another server's secret
    assert signer.loads(value.replace(".", "A.", 1)) is None
    assert signer.loads("garbage") is None and signer.loads(None) is None
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)  # far past MAX_AGE
    assert signer.loads(value) is None
    with pytest.raises(ValueError):
        SessionSigner(b"short")


def test_sessions_get_distinct_csrf_tokens_and_logins_are_checked() -> None:
    assert new_session()["csrf"] != new_session()["csrf"]
    assert valid_login("김연구") and valid_login("kim.lee-2")
    assert not valid_login("") and not valid_login("a b") and not valid_login("<x>") and not valid_login("x" * 41)
    assert bearer_token("Bearer abc") == "abc" and bearer_token("bearer  abc ") == "abc"
    assert bearer_token("Basic abc") is None and bearer_token("Bearer ") is None and bearer_token(None) is None


def test_query_words_go_to_trigrams_bigrams_or_like_by_length() -> None:
    sql, params = text_condition("버스 정류장 AI 길")
    assert sql.count("service_fts MATCH ?") == 1 and sql.count("service_bigram MATCH ?") == 1
    assert sql.count("LIKE ?") == 2
    assert params == ['"정류장"', '"버스" AND "AI"', "%길%", "%길%"]
    assert text_condition("   ") == ("", [])
    # NFD input (as macOS file names and some PDFs give) is searched as NFC
    import unicodedata

    assert text_condition(unicodedata.normalize("NFD", "정류장"))[1] == ['"정류장"']
    assert fts_phrase('a"b') == '"a""b"'
    assert text_condition("5%")[1] == ["%5\\%%"] * 2  # LIKE wildcards in a short query are literal


def test_filter_from_query_keeps_lists_and_builds_links() -> None:
    flt = ServiceFilter.from_query({"q": "정류장", "domain": ["transport", "safety"], "page": "2", "sort": "-name"})
    assert flt.domain == ["transport", "safety"] and flt.page == 2
    assert flt.order_by() == "name IS NULL, name DESC, service_id"
    assert flt.query_pairs(page=3) == [
        ("q", "정류장"),
        ("domain", "transport"),
        ("domain", "safety"),
        ("sort", "-name"),
        ("page", "3"),
    ]
    with pytest.raises(FilterError, match="per_page"):
        ServiceFilter.from_query({"per_page": "0"})


def test_key_trigrams_drop_generic_words_and_span_short_words() -> None:
    assert key_trigrams("스마트 버스정류장 구축") == ["버스정", "스정류", "정류장"]
    assert key_trigrams("스마트 시스템") == []
    assert key_trigrams("드론 순찰") == ["드론 ", "론 순", " 순찰"]


def test_upload_names_are_made_safe_and_nfc() -> None:
    import unicodedata

    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\plans\\춘천 계획.pdf") == "춘천 계획.pdf"
    assert safe_name(unicodedata.normalize("NFD", "목포.hwp")) == "목포.hwp"
    assert safe_name("...") == "upload"


def test_store_upload_keeps_the_name_and_refuses_by_content(tmp_path: Path) -> None:
    path, fmt = store_upload(io.BytesIO("서비스명\n스마트 가로등\n".encode()), "목록.csv", tmp_path, 1000)
    assert path.name == "목록.csv" and fmt == "csv" and path.read_text(encoding="utf-8").startswith("서비스명")
    again, _ = store_upload(io.BytesIO("서비스명\n스마트 가로등\n".encode()), "목록.csv", tmp_path, 1000)
    assert again == path  # same bytes, same place: the catalogue sees the same source
    with pytest.raises(UploadRefused) as too_big:
        store_upload(io.BytesIO(b"x" * 2000), "big.txt", tmp_path, 1000)
    assert too_big.value.status == 413
    with pytest.raises(UploadRefused) as wrong:
        store_upload(io.BytesIO(b"PK\x03\x04 not really"), "plan.hwpx", tmp_path, 1000)
    assert wrong.value.status == 415
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p != path]
    assert leftovers == []  # refused uploads leave nothing behind


def test_review_coding_keeps_dimensions_and_drops_a_subtype_of_another_domain() -> None:
    current = {
        "domain_id": "transport",
        "subtype": "parking",
        "function": "정보제공",
        "target_groups": "일반;노인",
        "technologies": "IoT",
        "coder": "auto:x",
    }
    accepted = review_coding(current, "kim")
    assert (accepted.domain_id, accepted.subtype, accepted.coder) == ("transport", "parking", "human:kim")
    assert accepted.target_groups == ["일반", "노인"] and accepted.rationale.startswith("검토에서 승인")
    moved = review_coding(current, "kim", domain_id="safety", function="문제해결")
    assert moved.subtype is None and moved.function == "문제해결" and "교통 → 방범·방재" in moved.rationale
    with pytest.raises(ValueError):
        review_coding(current, "kim", domain_id="moon")
    with pytest.raises(ValueError):
        review_coding(current, "kim", function="감시")
