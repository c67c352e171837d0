"""Kiwi features: content morphemes, compounds, acronyms; Kiwi loaded once."""

from __future__ import annotations

from scatlas.coding import features
from scatlas.coding.features import analyse, kiwi


def test_nouns_compounds_and_acronyms():
    toks = analyse(["스마트 버스정류장 BIS 연계 실시간 정보 제공"])[0]
    assert {"버스", "정류장", "버스정류장", "BIS", "연계", "실시간"} <= set(toks)
    assert "스마트" not in toks  # generic in every plan


def test_acronyms_survive_analysis():
    toks = analyse(["CCTV와 IoT 센서, AI 분석, DRT 도입, AR/VR 체험"])[0]
    for acronym in ("CCTV", "IoT", "AI", "DRT", "AR/VR"):
        assert acronym in toks


def test_verb_stems_become_dictionary_forms():
    toks = analyse(["미세먼지를 줄이고 피해를 막는다"])[0]
    assert "줄이다" in toks and "막다" in toks


def test_batch_keeps_order_and_empty_texts():
    out = analyse(["도서관", "", "주차장"])
    assert out[0] == ["도서관"] and out[1] == [] and out[2] == ["주차장"]


def test_kiwi_is_loaded_once():
    first = kiwi()
    analyse(["한 번 더"])
    assert kiwi() is first and features.kiwi_loaded()


def test_concurrent_first_use_loads_one_analyser(monkeypatch):
    # The real Kiwi is replaced by a slow stand-in: what is tested is our lock, not Kiwi.
    import threading
    import time

    import kiwipiepy

    made = []

    class SlowKiwi:
        def __init__(self, **options):
            time.sleep(0.05)
            made.append(self)

    monkeypatch.setattr(kiwipiepy, "Kiwi", SlowKiwi)
    monkeypatch.setattr(features, "_KIWI", None)
    got = []
    threads = [threading.Thread(target=lambda: got.append(kiwi())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1 and all(k is made[0] for k in got)
