"""기타 (other) entries of the labelled corpus: networks, data hubs and platforms, multipurpose street space,
smart-farm production, living labs and services that fit no other domain. Most are the rule-decided hard
cases of docs/labelling-guide.md (2.5, 2.2, 2.7), and each says in ``note`` which rule put it here.

Run: .venv/bin/python tools/corpus/part2_other.py
"""

from part2_common import write_domain

NETWORK = """
다중이용시설 공공 와이파이 확충 및 노후 AP 교체 사업 | 버스정류장·전통시장·공원 등 다중이용장소에 무료 공공 WiFi AP 추가 설치 | network_infra | 기 | | | rule 2.5: public WiFi → 기타 network_infra
관광지 무료 와이파이 | 주요 관광지와 해수욕장에 관광객이 무료로 쓸 수 있는 공공 와이파이 구축 | network_infra | 기 | 관광객 | | hard: 관광지 suggests 문화·관광·스포츠; rule 2.5: the service is the network
자가통신망 구축 | 방범 CCTV와 공공시설, IoT 센서를 연결하는 시 소유 광케이블 자가망을 구축한다. 통신회선 임차 비용을 연간 수억 원 절감할 수 있다. | network_infra | 기 | | | rule 2.5: 자가망 → 기타 even though CCTV runs on it
LoRa 기반 IoT 전용망 | LoRa 기지국 도시 전역 설치 → 저전력 센서 데이터 수집용 공공 IoT 전용망 구축 | network_infra | 기 | | | rule 2.5: LoRa/LPWA network
스마트 산단·항만 이음5G 특화망 구축 | 스마트 산업단지와 항만 구역에 지자체 주도 5G 특화망을 구축하여 자율주행 물류·원격 제어 실증 기반 마련 | network_infra | 기 | | | rule 2.5: 5G network; the services that will run on it are not this entry
경로당 무선인터넷 설치 | 관내 모든 경로당에 무선인터넷을 설치하여 어르신의 비대면 프로그램 참여 기반 마련 | network_infra | 기 | 노인 | | hard: 경로당·어르신 suggest 보건·의료·복지; rule 2.5: the deliverable is a network
시내버스 공공와이파이 | 모든 시내버스 차량에 무료 와이파이 단말을 달아 승객이 이동 중 인터넷 이용 | network_infra | 기 | | | hard: 버스 suggests 교통; rule 2.5: public WiFi
도서지역 해상 통신망 확충 | 섬과 연안 어장은 휴대전화가 잘 터지지 않는 곳이 많다. 해상 LTE 중계기를 설치해 통신 음영지역을 줄인다. | network_infra | 기 | | | rule 2.5: communication network
NB-IoT 센서 통신망 | 상수도 계량기, 맨홀, 주차센서 등 분야별 센서가 공동으로 쓰는 NB-IoT 통신 기반을 마련함 | network_infra | 기 | | | rule 2.5: LPWA network shared by several domains
자가망 백본 고도화 | 기존 1G 자가망 백본을 10G로 증설하고 이중화하여 CCTV 영상 증가에 대비 | network_infra | 기 | | | rule 2.5
IoT 게이트웨이 설치 | 가로등주와 공공청사 옥상에 다중 프로토콜 IoT 게이트웨이를 설치하여 센서 연결 거점 확보 | network_infra | 기 | | | rule 2.5
공공 와이파이 통합인증 | 한 번 인증하면 시 전역 공공 와이파이 어디서나 자동 접속되는 통합 로그인 | network_infra | 문 | | | rule 2.5: part of the public WiFi network
공공와이파이 이용현황 표출 | AP별 접속자 수와 트래픽을 대시보드로 보여주어 증설 위치를 판단 | network_infra | 정 | | | network operation statistics; a 상권 or 유동인구 use of the logs would be 행정 (rule 2.5)
농촌 마을 광대역 인터넷 | 인터넷 속도가 느린 산간 마을 50곳에 광대역 가입자망을 깔아 원격진료·원격교육 기반을 만듦 | network_infra | 기 | | | rule 2.5: the network, not the services it will carry
전통시장 무료 와이파이 | 전통시장 아케이드 전 구간에 무료 WiFi 구축, 상인 카드결제 단말 안정화 | network_infra | 기 | 기타 | | hard: 전통시장 suggests 물류 (commerce); rule 2.5: public WiFi
보안 강화형 공공 와이파이 | 암호화된 보안 SSID를 적용해 공공 와이파이 해킹·개인정보 유출을 막는다 | network_infra | 기 | | | rule 2.5
공공시설 기가 인터넷 | 주민센터, 보건지소, 마을회관 등 공공시설 인터넷 회선을 기가급으로 교체 | network_infra | 기 | | | rule 2.5
공공 와이파이 위치 지도 | 시내 공공 WiFi 존 위치와 신호 세기를 지도로 안내하여 시민이 가까운 무료 와이파이를 찾게 함 | network_infra | 정 | | | rule 2.5: information about the public WiFi network → 기타
자가망 구축 | | network_infra | 기 | | | name only; rule 2.5
"""

DATA = """
분야별 도시 데이터 통합 연계를 위한 도시 데이터 허브 구축 | 교통, 환경, 안전, 에너지 등 분야별로 흩어진 도시 데이터를 수집·저장·연계하는 데이터 허브 구축 | data_platform | 기 | | | rule 2.5: city data hub → 기타 data_platform
스마트시티 통합플랫폼 구축 | 교통·방범·방재·환경 정보시스템을 하나의 플랫폼에 연계하고, 112·119·재난상황실과 정보를 주고받는 표준 통합플랫폼을 구축함 | data_platform | 기 | | | rule 2.5: multi-domain integration platform; runner-up 방범·방재 only if its stated job were CCTV 관제
오픈 API 포털 | 시가 보유한 실시간 교통·대기질·주차 데이터를 오픈 API로 제공해 민간 앱 개발을 지원 | data_platform | 기 | | | rule 2.5: open API portal
시민 도시 대시보드 | 교통 혼잡, 대기질, 전력 사용, 안전 지수 등 도시 현황을 한 화면에 보여주는 시민용 대시보드입니다. | data_platform | 정 | | | hard: multi-domain display with no single purpose → 기타 (guide 1.3); runner-up 행정
IoT 센서 데이터 통합수집 | 제조사마다 다른 IoT 센서 데이터를 표준 규격으로 받아 저장하는 통합 수집 시스템 구축 | data_platform | 기 | | |
지역 데이터 거래소 | 지역 기업·기관이 가진 데이터를 사고팔 수 있는 데이터 유통 마켓 조성 | data_platform | 기 | | | hard: 거래·유통 suggest 물류; it trades data → 기타 data_platform
시민 마이데이터 저장소 | 시민이 자신의 공공서비스 이용 데이터를 한곳에 모아 보고 원하는 서비스에 제공 동의 | data_platform | 기 | | |
도시 데이터 품질관리 | 데이터 허브에 들어오는 센서 데이터의 결측·이상값을 자동 검사하고 품질 지표를 공개 | data_platform | 정 | | | rule 2.5: part of the data hub
공공데이터 시각화 서비스 | 개방 데이터를 지도와 차트로 시각화하여 시민이 쉽게 이해하도록 제공 | data_platform | 정 | | | rule 2.5
AI 분석엔진 공동활용 | 영상·음성·텍스트 AI 분석 엔진을 공동 자원으로 두고 각 분야 서비스가 불러 쓰는 구조 | data_platform | 기 | | | shared enabler → 기타
실시간 센서 데이터 개방 | 미세먼지, 소음, 유동 차량 센서값을 1분 단위로 개방 | data_platform | 정 | | 센서 | rule 2.5: open data; runner-up 환경 only if one domain's data
블록체인 데이터 공유 플랫폼 | 기관 간 데이터 제공 이력과 동의 기록을 블록체인에 남기는 데이터 공유 기반 | data_platform | 기 | | |
데이터 허브 | Ÿ 데이터 수집·저장\\nŸ 분석 및 개방 | data_platform | 기 | | | noisy bullets, very short; rule 2.5
도시 센서 인벤토리 지도 | 부서마다 설치한 IoT 센서의 위치, 측정 항목, 작동 상태, 관리 부서를 하나의 지도에서 조회 | data_platform | 정 | | GIS | rule 2.5: cross-domain sensor/data inventory → 기타 data_platform
시민 데이터 분석 놀이터 | 개방 데이터를 불러와 코딩 없이 표와 지도로 분석해 볼 수 있는 웹 분석 도구 제공 | data_platform | 정 | | | rule 2.5: open-data tool for everyone; runner-up 교육 (data literacy) if it taught
메타버스 도시 플랫폼 | 가상 시청, 관광, 교육, 상담 서비스를 한 메타버스 공간에 올릴 수 있도록 공통 플랫폼을 구축 | data_platform | 기 | | | multi-domain platform other services run on → 기타 data_platform
통합플랫폼 연계 | | data_platform | 기 | | | name only; rule 2.5
"""

STREET = """
스마트폴 | 가로등주 하나에 CCTV, 공공 WiFi, 비상벨, 전기차 충전기, 디지털 사이니지를 통합 설치하여 가로 시설물 난립을 줄인다. | street_space | 기 | | | rule 2.2: multipurpose smart pole → 기타 street_space (no single purpose)
U-테마거리 조성 | 원도심 특화거리에 인터랙티브 조명, 스토리 안내 사이니지, 공공 WiFi를 갖춘 테마거리 조성 | street_space | 기 | | | decree example U-테마거리서비스 → 기타
광장 스마트 쉼터 | 시청 앞 광장에 냉난방 ,휴대폰 충전, 무료 WiFi, 생활정보 화면을 갖춘 다기능 쉼터 설치 | street_space | 문 | | | rule 2.2: multipurpose 쉼터 without transport or air/heat purpose → 기타
태양광 스마트 벤치 | 태양광 패널로 전기를 만들어 휴대폰 무선충전과 야간 조명을 제공하는 벤치 | street_space | 문 | | | hard: 태양광 suggests 환경 (energy); street furniture for convenience → 기타 street_space
광장 디지털 미디어보드 | 광장 대형 미디어보드로 시정 소식, 날씨, 행사 정보를 표출 | street_space | 정 | | | runner-up 행정 (시정홍보); multipurpose display on a square → 기타
인터랙티브 스마트 광장 | 바닥 LED와 동작 인식 센서로 시민이 밟으면 반응하는 놀이형 광장 | street_space | 정 | | | runner-up 문화·관광·스포츠
스마트 거리 조성 | 보행자 전용 거리에 비콘, 스마트 조명, 안내 키오스크를 묶어 설치 | street_space | 기 | | |
가로시설물 통합 스마트화 | 신호등, 가로등, 표지판 등 난립한 가로 시설물을 하나의 지주로 통합하고 통신 모듈을 넣음 | street_space | 기 | | | runner-up 시설물관리; the outcome is multipurpose street furniture
거리 휴대폰 충전 스테이션 | 번화가와 공원 입구에 무료 휴대폰 충전 스테이션 설치 | street_space | 문 | | |
공공 디지털 사이니지 통합관리 | 시가 설치한 사이니지 200여 대의 콘텐츠를 한 곳에서 원격 편성·송출하는 관리 시스템 | street_space | 기 | | |
지하상가 길찾기 키오스크 | 미로 같은 지하상가에 출구, 점포, 화장실 위치를 알려주는 길찾기 키오스크 설치 | street_space | 정 | | | none of the decree domains' purposes fits (not tourism, not shopping info) → 기타 street_space
스마트 조형물 | 센서로 기온·소음·유동인구에 반응하여 색과 빛이 바뀌는 광장 조형물 | street_space | 정 | | | decree example U-Artifact → 기타
스마트 버스킹존 | 거리공연 구역에 음향 설비, 공연 예약 QR, 관람객 수 센서를 갖춘 복합 공간 | street_space | 기 | | | hard: runner-up 문화·관광·스포츠; multipurpose street space
스마트 쉼터 설치 | ○ 공원 입구 다기능 쉼터(온열의자, 충전, 와이파이) | street_space | 문 | | | noisy bullet; rule 2.2
미디어 배너 가로등 | 가로등주에 소형 LED 배너를 달아 행사, 날씨, 재난 문자를 번갈아 표출 | street_space | 정 | | | guide 2.4 decides streetlights by purpose; a multipurpose display on the pole → 기타 street_space
스마트 가로 공간 | | street_space | 기 | | | name only
"""

MISC = """
임대형 스마트팜 시범단지 조성 사업 | 온실 온습도와 양액 공급을 원격으로 자동 제어하는 임대형 스마트팜 단지 조성 | other_misc | 문 | 농어민 | IoT | rule 2.7: smart farm production → 기타 other_misc
청년 스마트팜 창업 단지 | 청년 농업인에게 스마트 온실을 임대하고 환경 데이터 기반 재배 컨설팅 제공 | other_misc | 문 | 청년;농어민 | | hard: 청년 창업 suggests 근로·고용; rule 2.7: smart farm production → 기타
스마트 축사 사양관리 | 소 목걸이형 센서로 발정·반추 활동을 파악하고 사료를 자동으로 급이 | other_misc | 문 | 농어민 | | rule 2.7: livestock production, not disease prevention (that would be 방범·방재 agri_disaster)
스마트 양식장 | 육상 양식장에서 수온·용존산소를 센서로 재고, 산소가 부족하면 산소 공급기를 자동으로 가동한다. | other_misc | 문 | 농어민 | | rule 2.7: aquaculture production → 기타
스마트 양봉 | 벌통 무게·온도 센서로 꿀 생산량과 봉군 상태를 양봉 농가에 알려준다 | other_misc | 정 | 농어민 | | rule 2.7: production
스마트팜 생육정보 서비스 | 작물 생육 단계별 관리 요령과 재배 환경 기준을 농가 휴대폰으로 안내 | other_misc | 정 | 농어민 | | rule 2.7: production information (no damage prevention stated)
도심 수직농장 | 폐교 교실에 LED 수직농장을 만들어 엽채류를 재배하고 지역 급식에 공급 | other_misc | 문 | | | rule 2.7: production
AI 어군 탐지 조업 정보 | 위성·해양 관측 데이터를 AI로 분석한 어장 예측 정보를 어민에게 제공 | other_misc | 정 | 농어민 | | rule 2.7 applied to fishing production → 기타
스마트도시 서비스 리빙랩 실증 운영 | 시민, 기업, 연구기관이 함께 생활 문제를 정의하고 스마트 서비스를 현장에서 실증·개선하는 리빙랩을 운영한다. 실증 결과가 좋은 서비스는 본 사업으로 확대한다. | other_misc | 문 | | | brief: 리빙랩 운영 (service testbed) → 기타; runner-up 행정 (civic_participation) if it were policy participation
스마트도시 서비스 실증 테스트베드 | 기업이 개발한 스마트 서비스를 실제 도로·공원에서 시험할 수 있도록 실증 구역과 지원 체계를 마련 | other_misc | 기 | 기타 | |
드론 실증 비행구역 | 드론 기업이 자유롭게 비행 시험을 할 수 있는 실증 공역과 이착륙장 조성 | other_misc | 기 | 기타 | | hard: 드론 suggests 물류 or 방범; the outcome is an industry test area → 기타
스마트시티 홍보체험관 | 우리 시 스마트도시 서비스를 시민과 방문객이 직접 체험하는 홍보관 운영 | other_misc | 정 | 관광객 | | runner-up 문화·관광·스포츠 (전시)
반려동물 등록 관리 | 내장형 RFID 칩 등록을 지원하고 유기·분실 반려동물을 조회할 수 있게 함 | other_misc | 정 | | | no decree domain fits (not welfare of people, not safety) → 기타
사이버 추모관 | 공설 봉안당·자연장지 고인 정보를 온라인으로 조회하고 추모 글을 남기는 서비스 | other_misc | 정 | | | no decree domain fits → 기타
유기동물 입양 정보 | 보호소 입양 가능 동물 사진과 정보를 매일 갱신하여 공개 | other_misc | 정 | | | no decree domain fits → 기타
공유물품 센터 무인 대여 | 공구, 캠핑용품, 행사용품을 시민 누구나 무인 보관함에서 빌리고 반납 | other_misc | 문 | | | not one residential complex (that would be 주거) → 기타
드론 산림자원 조사 | 드론 항공사진으로 산림 수종과 생장량을 조사하여 산림 경영 계획에 활용 | other_misc | 정 | | | forest production/management; not 산불 (방범·방재) → 기타
스마트 농업 기반 조성 | 마을 단위 농업용 센서, 기상 관측 장비, 공동 데이터 서버 구축 | other_misc | 기 | 농어민 | | rule 2.7: production infrastructure
어구 위치 부표 관리 | 통발·자망 부표에 위치 발신기를 달아 어민이 스마트폰으로 자기 어구 위치를 확인하고 분실을 줄임 | other_misc | 정 | 농어민 | GPS;모바일앱 | rule 2.7 applied to fishing production (not a disaster) → 기타
농기계 공유 예약 | 농업기술센터 임대 농기계의 보유 현황을 보고 모바일로 예약하며, 면 단위 거점에서 배송·회수 | other_misc | 문 | 농어민 | 모바일앱 | rule 2.7: farm production support → 기타; runner-up 물류 only if the delivery were the point
과수원 자동 관수 | 토양수분 센서 값에 따라 과수원 점적관수 밸브를 자동으로 열고 닫음 | other_misc | 문 | 농어민 | | rule 2.7: production control → 기타 (a 가뭄 피해 warning would be 방범·방재)
드론 파종·시비 대행 | 고령 농가의 논에 드론으로 볍씨 직파와 비료 살포를 대행한다. | other_misc | 문 | 노인;농어민 | | rule 2.7: production; 병해충 방제 would be 방범·방재 agri_disaster
산업단지 중소 제조기업 스마트공장 보급·확산 사업 | 산업단지 중소 제조기업에 생산관리시스템(MES)과 설비 센서를 보급해 생산성 향상 | other_misc | 문 | 기타 | | industrial production fits no decree domain → 기타; worker safety would be 근로·고용
산업단지 공동 스마트제조 플랫폼 | 입주기업이 설비 데이터, 3D 설계, 공동 구매를 함께 쓰는 클라우드 제조 플랫폼 구축 | other_misc | 기 | 기타 | | industrial production enabler → 기타
동물보호센터 스마트 관리 | 보호 중인 유기동물의 건강 상태와 입양 진행을 IoT 태그와 관리 시스템으로 기록 | other_misc | 정 | | | no decree domain fits → 기타
로봇 실증 거리 | | other_misc | 기 | | | name only
"""

if __name__ == "__main__":
    write_domain("other", NETWORK, DATA, STREET, MISC)
