"""Do the written corpus entries carry over to independently written real descriptions? A probe, not the coder.

A character n-gram TF-IDF + logistic regression is trained on the whole corpus and applied to the real
service descriptions quoted in the KRIEA issue paper (shared/seed/issue-paper.md), coded as
docs/labelling-guide.md codes them. The corpus entries modelled on these examples are paraphrased, not
copied, so a hit is not a lookup. Cross-validation on the corpus itself is tools/corpus/learnability.py.

Run: .venv/bin/python tools/corpus/part2_probe.py
"""

from __future__ import annotations

import csv

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from part2_common import CORPUS_DIR

# Real entries quoted in the issue paper (name, description as printed, domain_id by the labelling guide).
STUDY_EXAMPLES = [
    ("스마트슈즈 '꼬까신'", "GPS 위치정보 및 무선통신장치, 압전발전기가 내장된 스마트 슈즈를 통해 치매노인의 실시간 위치를 파악", "safety"),
    ("어린이 안심통학", "IoT와 Beacon 무선통신기술을 통해 어린이의 정확한 위치 정보를 제공", "safety"),
    ("하천 염도측정시스템", "염도측정 센서를 통한 실시간 모니터링으로 농작물, 재첩 등 농수산물 피해 방지", "safety"),
    ("위해 조류 퇴치시스템", "조류에 의한 농작물 피해 예방을 위하여 음파를 이용한 위해 조류 차단", "safety"),
    ("공공 WiFi를 이용한 상권정보 제공서비스", "무료 WiFi 접속 된 로그기록을 유동인구 분석 시스템과 연계하고, 접속 위치 기반으로 인근의 상점정보를 제공하거나 방문자 통계를 상권에 제공", "admin"),
    ("유동인구분석 서비스", "WiFi로 수집된 로그기록을 바탕으로 유동인구에 대한 DB구축 및 분석을 수행하여 정책입안의 기초자료로 활용", "admin"),
    ("무인민원발급기", "관공서 근무시간에 제약 받지 않고 편리하게 각종 민원서류를 발급 받을 수 있도록 무인 민원 발급기 설치", "admin"),
    ("불법주차 자동안내 서비스", "4대 절대주차금지구역에 대해 홍보와 계도 위주의 자동안내 서비스", "admin"),
    ("주정차위반차량 단속", "불법 주정차 차량을 실시간 자동 감지하여 단속경고를 하고, 단속영상 및 차량정보를 제공하여 견인이나 벌금을 부과할 수 있는 자료 생산", "admin"),
    ("출산 및 보육지원 서비스", "관내 여성의 출산 전·후 시기에 맞춰 보건소 및 육아종합지원센터 등에서 개별적으로 추진되고 있는 임신, 출산, 보육에 관한 맞춤형 정보를 원스톱 제공", "welfare"),
    ("통합공공앱", "다양한 공공데이터 제공 및 사용자 선택에 의한 맞춤형 서비스 안내", "admin"),
    ("다문화 도우미", "자격증 취득과 취업지원을 연계하여 다문화가정의 사회 정착 지원", "employment"),
    ("지방세 안내 서비스", "메신저를 통한 세금 알림수진 및 세무 상담, 간편결제 서비스 제공", "admin"),
    ("AI기반 24시간 자동 민원상담", "온오프라인 민원상담 내용으로 구축된 빅데이터를 기반으로 365일 AI를 통한 자동 답변 서비스", "admin"),
    ("청년일자리 지원 플랫폼", "청년실업 해결을 위하여 청년 창업 지원하는 오프라인 서비스, 3D프린터 등이 구비된 작업공간, 공용회의실, 사무실을 제공", "employment"),
    ("생활편의시설 위치안내", "지역 주민과 방문객을 위한 관내 주요 공공시설 및 생활편의시설 위치를 다국어로 안내하는 서비스", "admin"),
    ("아파트 시정홍보 서비스", "아파트 엘리베이터 미디어보드를 통해 시민에게 가까운 곳에서 시정 및 안전, 기상 등의 정보를 제공", "admin"),
    ("시민참여 디지털 거버넌스", "시민들이 시정이나 시책에 대해 쉽게 접근하고 정책결정에 참여할 수 있도록 의견을 교환할 수 있는 온라인 플랫폼", "admin"),
    ("드럼형 도로 물분사 서비스", "", "environment"),
]


def _load() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for path in sorted(CORPUS_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                texts.append(f"{row['name']}\n{row['description']}")
                labels.append(row["domain_id"])
    return texts, labels


def _model():
    return make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2),
                         LogisticRegression(max_iter=2000, C=10.0, class_weight="balanced"))


def main() -> None:
    texts, labels = _load()
    model = _model().fit(texts, labels)
    study = model.predict([f"{n}\n{d}" for n, d, _ in STUDY_EXAMPLES])
    hits = sum(p == want for p, (_, _, want) in zip(study, STUDY_EXAMPLES))
    print(f"trained on {len(texts)} corpus entries; issue-paper examples: {hits}/{len(STUDY_EXAMPLES)} domains "
          "as the guide codes them")
    for p, (name, _, want) in zip(study, STUDY_EXAMPLES):
        if p != want:
            print(f"  miss: {name} -> {p} (guide: {want})")


if __name__ == "__main__":
    main()
