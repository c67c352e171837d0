"""문화·관광·스포츠 (culture) entries of the labelled corpus: tourism information, immersive (AR/VR) experience,
cultural facilities, sports and leisure.

Run: .venv/bin/python tools/corpus/part2_culture.py
"""

from part2_common import write_domain

TOURISM = """
스마트 관광 안내 앱 | 우리 시를 찾는 관광객 대부분이 개별 자유여행객이지만 현장에서 얻을 수 있는 정보가 부족하다. 모바일 앱이 관광객의 GPS 위치를 기반으로 가까운 관광지, 맛집, 축제 정보를 자동으로 안내한다. | tourism_info | 정 | 관광객 | | decree: 관광정보안내
다국어 관광안내 키오스크 | 역, 터미널, 관광안내소에 영어·중국어·일본어 지원 키오스크를 설치하여 관광지·교통·숙박 정보 제공 | tourism_info | 정 | | |
관광 챗봇 | 메신저로 질문하면 AI가 여행 코스, 운영 시간, 입장료를 자동으로 답해 준다 | tourism_info | 문 | | AI | AI 자동 답변 → 문제해결 (guide 3)
이동통신 데이터 활용 주요 관광지 실시간 혼잡도 안내 서비스 | 이동통신 데이터로 주요 관광지별 방문자 수를 추정해 한적한 시간대와 대체 관광지를 알려준다. | tourism_info | 정 | | |
해수욕장 혼잡도 신호등 | CCTV 영상분석 → 해수욕장 구역별 인파 파악\\n여유·보통·혼잡을 신호등 색으로 표출 | tourism_info | 정 | | | runner-up 방범·방재; the purpose stated is choosing a less crowded beach
비콘 관광지 푸시 알림 | 관광지 입구에 비콘을 설치하여 접근한 여행객 스마트폰에 해설과 쿠폰을 전송 | tourism_info | 정 | 관광객 | 모바일앱 |
무인 스마트 관광안내소 | 상주 인력 없이 대형 터치스크린과 화상 상담으로 관광 안내를 하는 무인 안내소 | tourism_info | 정 | | 키오스크 |
QR 관광 안내판 | 관광지 안내판마다 QR을 붙여 다국어 해설, 음성 안내, 주변 정보를 휴대폰으로 확인 | tourism_info | 정 | | |
체류형 관광 활성화를 위한 스마트 관광 통합 플랫폼 구축 사업 | 숙박, 체험, 맛집, 교통 예약을 한 번에 처리하는 지역 관광 통합 플랫폼 구축 | tourism_info | 기 | | |
모바일 스탬프 투어 | 관광 명소 20곳을 방문해 앱에서 스탬프를 모으면 지역 상품권으로 보상 | tourism_info | 정 | | 모바일앱 |
AI 맞춤 여행코스 추천 | 여행 기간, 동행자, 취향을 입력하면 AI가 동선이 짧은 맞춤형 일정을 짜 줌.이동 시간과 운영 시간을 함께 고려함 | tourism_info | 정 | | |
관광지 다국어 음성 해설 | 문화재 해설사가 없는 시간에도 스마트폰으로 한국어·영어·중국어 음성 해설을 들을 수 있다 | tourism_info | 정 | | 모바일앱 |
GIS 관광 전자지도 | 관광지·음식점·공영주차장·화장실 위치를 하나의 전자지도로 제공 | tourism_info | 정 | | |
섬 여행 통합 정보 | 섬별 여객선 시간표, 민박, 트레킹 코스, 물때 정보를 한곳에 모은 섬 관광 안내입니다. 여객선 결항 시에는 문자로 바로 알려 드립니다. | tourism_info | 정 | | | hard: 여객선 suggests 교통; a tourism guide → 문화·관광·스포츠
야간관광 명소 안내 | 야경 명소, 야시장, 심야 운영 관광시설 정보를 지도와 함께 안내하여 체류형 관광 유도 | tourism_info | 정 | | |
무장애 관광 정보 서비스 | 휠체어 접근 가능 여부, 장애인 화장실, 경사로 정보를 관광지별로 제공 | tourism_info | 정 | 장애인 | |
관광 디지털 사이니지 | 관광특구 거리에 대형 디지털 사이니지를 두고 공연 일정·관광 정보 표출 | tourism_info | 정 | | |
갯벌 체험 물때 알림 | 갯벌 체험객에게 체험 가능 시간과 물때를 알려줌 | tourism_info | 정 | 관광객 | | very short
지역축제 스마트 안내 | 축제장 행사 시간표, 부스 위치, 셔틀 정보를 실시간 공지하는 모바일 웹 | tourism_info | 정 | | |
관광 통합패스 | 관광지 입장권, 시티투어, 체험 프로그램을 모바일 패스 한 장으로 결제·입장 | tourism_info | 문 | | 모바일앱 |
관광 안내 로봇 | 기차역 맞이방에서 관광 안내 로봇이 음성으로 관광지를 추천하고 길을 알려 준다 | tourism_info | 정 | | |
농촌 체험마을 예약 정보 | 농촌체험휴양마을의 체험 프로그램, 숙박, 빈 날짜를 조회하고 예약 신청 | tourism_info | 정 | | |
관광객 무인 짐보관함 | 기차역과 관광안내소 앞에 무인 짐보관함을 설치하여 당일치기 관광객이 짐 없이 관광지를 둘러볼 수 있도록 함 | tourism_info | 문 | 관광객 | | runner-up 물류; the service is tourist convenience, nothing is delivered
관광지 화상 통역 서비스 | 관광안내소와 주요 상점에서 태블릿 화상 연결로 통역사가 실시간 통역을 지원 | tourism_info | 문 | | |
관광약자 휠체어·유모차 대여 스테이션 | 관광지 입구 무인 스테이션에서 휠체어, 전동스쿠터, 유모차를 무료로 빌려 쓰고 반납 | tourism_info | 문 | 장애인 | | hard: 전동스쿠터 suggests 교통 (personal_mobility); it is a tourism accessibility service
관광 데이터랩 구축 | 통신·카드·SNS 관광 데이터를 수집·정제하여 관광사업체와 연구자가 쓸 수 있게 개방하는 관광 데이터 분석 기반 구축 | tourism_info | 기 | | 빅데이터 | tourism-only data platform → 문화·관광·스포츠
반려동물 동반 여행 정보 | 반려견과 함께 갈 수 있는 숙소, 식당, 해변, 공원 정보를 여행객에게 제공 | tourism_info | 정 | 관광객 | |
스마트 관광도시 기반 조성 | 관광특구에 관광 안내 사이니지, 모바일 결제, 실시간 혼잡도 수집 장비를 통합 설치하는 기반 사업 | tourism_info | 기 | | 모바일앱 |
스마트 관광 | | tourism_info | 정 | | | name only
관광정보 제공 | Ÿ 관광지 정보\\nŸ 축제·행사 정보 | tourism_info | 정 | | | noisy bullets, very short
"""

IMMERSIVE = """
AR 역사 체험 | 읍성 터에서 스마트폰을 비추면 사라진 성곽과 관아 건물이 증강현실(AR)로 복원되어 보인다. 해설 음성과 옛 사진이 함께 제공된다. | immersive_experience | 정 | | 모바일앱 | decree: 문화공간체험
수학여행 학생 VR 역사 교실 | 수학여행으로 방문한 학생들이 VR 기기를 쓰고 임진왜란 해전 현장을 체험하는 프로그램 | immersive_experience | 정 | 아동 | | hard: 학생·교실 suggest 교육; AR/VR history experience → 문화·관광·스포츠 even on school trips (guide 2.9)
미디어아트 거리 조성 | 원도심 골목 벽면과 바닥에 프로젝션 미디어아트를 설치하여 야간 볼거리 제공 | immersive_experience | 기 | | |
3·1 만세운동 실감형 역사 체험관 조성 | 만세운동 현장을 실감 영상과 인터랙티브 체험으로 재현한 전시관 | immersive_experience | 정 | | |
XR 공룡 체험 | 공룡 발자국 화석 산지에서 XR로 공룡이 걸어 다니는 장면을 관람객이 체험 | immersive_experience | 정 | | |
메타버스 가상 관광 | 지역 대표 관광지를 메타버스로 구현 ,온라인 방문객이 아바타로 둘러보고 이벤트 참여 | immersive_experience | 정 | 관광객 | |
홀로그램 전통공연 | 무형문화재 명인의 공연을 홀로그램으로 재현하여 상설 관람 | immersive_experience | 정 | | |
AR 보물찾기 관광게임 | 관광지 곳곳에 숨겨진 AR 캐릭터를 찾으면 경품을 주는 가족 관광객 대상 게임 | immersive_experience | 정 | 관광객 | 모바일앱 |
사라진 건축물 디지털 복원 | 소실된 사찰 건물을 3D로 복원하여 현장 태블릿과 AR 망원경으로 보여 줌 | immersive_experience | 정 | | |
해양도시 정체성을 담은 해양생물 실감 미디어 전시관 운영 | 고래, 해파리 등 바다생물을 초대형 LED 실감 영상으로 보여주는 전시관 운영 | immersive_experience | 정 | | |
프로젝션 매핑 야간 경관 쇼 | 성당과 다리 교각에 프로젝션 매핑으로 지역 이야기를 담은 빛 공연을 매일 밤 상영 | immersive_experience | 정 | | | hard: 경관 suggests 행정 (도시경관관리); a night-time tourist show → 문화·관광·스포츠
AR 글래스 박물관 해설 | 관람객이 AR 글래스를 쓰면 유물 위에 해설과 3D 모형이 겹쳐 보이는 박물관 해설 | immersive_experience | 정 | | |
가상현실 농촌 체험 | 도시 어린이가 VR로 모내기, 수확, 가축 돌보기를 체험하는 농촌 체험관 | immersive_experience | 정 | 아동 | |
문화재 디지털트윈 | 3D 스캐닝 기술로 국가지정 문화재를 정밀 측정해 디지털트윈으로 구축하고 온라인 관람과 복원 자료로 활용 | immersive_experience | 기 | | | runner-up 시설물관리 (urban_data_platform); heritage experience → 문화·관광·스포츠
AR 포토존 | 관광지 포토존에서 캐릭터와 함께 AR 사진을 찍어 SNS 공유 | immersive_experience | 정 | | |
실감콘텐츠 체험관 구축 | 구 청사 유휴 공간을 리모델링하여 VR·AR·홀로그램 실감콘텐츠 체험관 조성 | immersive_experience | 기 | | |
메타버스 지역축제 | 코로나 이후 오프라인 축제와 병행하여 가상공간 축제장을 열고 공연 생중계와 이벤트 진행 | immersive_experience | 정 | | |
AR 망원경 스마트 전망대 | 해안 전망대 망원경에 AR을 적용해 바라보는 섬과 등대 이름, 전설을 화면에 표시 | immersive_experience | 정 | | |
장애인 VR 여행 체험 | 여행이 어려운 중증장애인이 복지관에서 VR로 국내 명소를 여행하듯 체험 | immersive_experience | 정 | 장애인 | | hard: 복지관 suggests 보건·의료·복지; it is a leisure/travel experience → 문화·관광·스포츠
어르신 VR 추억여행 | 경로당에 VR 기기를 보급하여 어르신이 고향 마을, 옛 명소를 가상으로 둘러보는 여가 프로그램 | immersive_experience | 정 | 노인 | | hard: runner-up 보건·의료·복지 (elderly_care); stated purpose is leisure → 문화·관광·스포츠
디지털 실감 영상관 | 지역 자연경관을 270도 파노라마 영상으로 상영 | immersive_experience | 정 | | |
XR 무대 연출 공연 | 시립 공연장에 XR 무대 장치를 도입해 가상 배경과 실제 배우가 어우러진 공연 제작 | immersive_experience | 문 | | |
바다속 VR 다이빙 체험 | 해양레저센터에서 VR로 지역 앞바다 수중 경관과 난파선을 탐험하는 체험 프로그램 | immersive_experience | 정 | | |
미디어 파사드 설치 | 문화예술회관 외벽에 LED 미디어 파사드를 설치하여 시민 참여 영상과 계절 콘텐츠 상영 | immersive_experience | 기 | | |
VR 체험관 | | immersive_experience | 정 | | | name only
"""

FACILITY = """
문화시설 통합 예약 | 공연장, 전시실, 문화센터 강의실 대관과 프로그램 신청을 하나의 누리집에서 예약·결제 | culture_facility | 문 | | | decree: 문화시설관리
공연·전시 정보 통합 안내 | 시립 예술회관, 미술관, 민간 소극장의 공연·전시 일정을 모아 보여준다. | culture_facility | 정 | | |
스마트 박물관 | 관람객이 전시실에 들어서면 위치에 따라 전시물 해설이 자동으로 재생된다. 수집된 관람 동선 데이터는 전시 배치를 바꾸는 데 쓰인다. | culture_facility | 정 | | |
공연장 잔여석 알림 | 공연 당일 남은 좌석과 할인 정보를 문자로 알림 | culture_facility | 정 | | |
박물관 관람 혼잡도 안내 | 전시실별 관람객 수를 센서로 세어 혼잡도를 누리집에 실시간 공개 | culture_facility | 정 | | |
문화재 보존환경 모니터링 | 목조 문화재와 수장고에 온습도·조도 센서를 설치하여 보존 환경을 관리자에게 실시간 제공 | culture_facility | 정 | | | hard: not fire/disaster (that would be 방범·방재); conservation of cultural assets → 문화·관광·스포츠
지역예술인 온라인 갤러리 | 지역 작가 작품을 온라인 갤러리에 전시하고 작품 구매 문의를 연결 | culture_facility | 정 | | |
생활문화센터 스마트 대관 | 동아리 연습실과 다목적실 예약부터 출입 인증까지 무인으로 처리 | culture_facility | 문 | | |
온라인 공연 생중계 | 시립교향악단·국악단 정기공연을 온라인으로 생중계하고 다시보기 제공 | culture_facility | 정 | | |
문화 분야 공공데이터 표준화 및 오픈 API 개방 플랫폼 | 문화시설, 행사, 관람객 데이터를 표준화하여 API로 개방하는 문화 분야 데이터 플랫폼 | culture_facility | 기 | | | culture-only data platform → 문화·관광·스포츠 (a city-wide data hub would be 기타 data_platform)
스마트 문화센터 구축 | 무선 네트워크, 디지털 강의 장비, 무인 출입 시스템을 갖춘 복합문화센터 조성 | culture_facility | 기 | | |
미술관 AI 도슨트 | 관람객 질문에 AI 도슨트가 작품 설명으로 답하는 전시 해설 서비스 제공 | culture_facility | 정 | | |
청소년 밴드 연습실 예약 | 청소년 문화의집 합주실·녹음실을 앱으로 예약하고 QR로 입실 | culture_facility | 문 | 아동 | 모바일앱 |
작은영화관 온라인 예매 | 영화관이 없던 군에 조성한 작은영화관의 상영 시간표 확인과 온라인 예매 | culture_facility | 문 | | |
문화유산 디지털 아카이브 | 지역 민속자료, 구술 기록, 옛 사진을 디지털화하여 누구나 검색·열람할 수 있게 공개함 | culture_facility | 정 | | |
배리어프리 공연 관람 지원 | 청각장애인에게 자막 스마트 글라스를, 시각장애인에게 음성 해설 기기를 대여해 공연 관람 지원 | culture_facility | 문 | 장애인 | |
공연장 무대장치 통합제어 | 시민회관 조명·음향·무대기계를 하나의 네트워크로 묶어 원격 통합 제어 | culture_facility | 기 | | | runner-up 시설물관리; the facility serves performances → 문화·관광·스포츠
문화행사 캘린더 | 이번 주 우리 동네 문화행사 | culture_facility | 정 | | | very short
문화누리카드 가맹점 안내 | 문화누리카드를 쓸 수 있는 공연장, 서점, 여행사 위치를 지도로 제공 | culture_facility | 정 | | | runner-up 보건·의료·복지 (welfare_delivery); the outcome is cultural access
축제 만족도 실시간 조사 | 축제 방문객이 QR로 만족도와 불편 사항을 남기면 운영본부 대시보드에 즉시 집계 | culture_facility | 정 | 관광객 | |
문화관광해설사 예약 | 원하는 날짜와 언어를 고르면 문화관광해설사 동행 해설을 온라인으로 예약 | culture_facility | 문 | | |
문화 바우처 모바일 결제 | 통합문화이용권을 모바일 카드로 발급하여 공연·전시 현장에서 바로 결제 | culture_facility | 문 | | 모바일앱 |
스마트 문화공간 | - 문화시설 무선망\\n - 디지털 안내 | culture_facility | 기 | | | noisy numbering
"""

SPORTS = """
스마트 놀이터 | IoT 센서를 놀이기구에 부착하여 아이들의 놀이 활동량을 측정하고 보호자 앱으로 보여 줌 | sports_leisure | 정 | 아동 | 모바일앱 | decree: 놀이터
스마트 공원 | 공원 이용객 수, 미세먼지, 화장실 위치를 안내하는 스마트 안내판과 무료 충전 벤치를 갖춘 공원 조성 | sports_leisure | 정 | | | hard: 미세먼지 and 벤치 suggest 환경 or 기타 street_space; park → 문화·관광·스포츠 (decree: 공원)
공공체육시설 통합예약 및 빈 시간 자동배정 시스템 | 구민체육센터, 테니스장, 풋살장 예약을 한 시스템에서 처리하고 빈 시간 자동 배정 | sports_leisure | 문 | | |
스마트 운동기구 | 공원 야외 운동기구에 운동량 측정 장치를 달고 앱과 연동하여 개인별 기록 관리 | sports_leisure | 정 | | 모바일앱;센서 |
야외 체력인증 키오스크 | 악력, 유연성, 순발력을 스스로 측정하고 국민체력 등급을 확인하는 야외 체력측정 키오스크 | sports_leisure | 정 | | |
산책로 AI 운동 코칭 | 산책로 입구 스크린이 자세를 인식하여 스트레칭 동작을 교정해 줌 | sports_leisure | 정 | | AI |
어르신 스크린 파크골프장 | 어르신들 사이에서 파크골프 인기가 높지만 겨울과 장마철에는 이용이 어렵다. 실내 스크린 파크골프장을 만들어 날씨와 관계없이 즐길 수 있게 한다. | sports_leisure | 문 | 노인 | |
실내 VR 스포츠 놀이터 | 미세먼지와 폭염이 심한 날에도 아이들이 뛰어놀 수 있는 VR 스포츠 실내 놀이터 | sports_leisure | 문 | 아동 | | hard: 미세먼지·폭염 suggest 환경; a play and sports facility → 문화·관광·스포츠
자전거 여행길 안내 | 강변 자전거길 코스, 인증센터, 쉼터, 수리점 위치를 앱으로 안내 | sports_leisure | 정 | | 모바일앱 | hard: 자전거 suggests 교통 (personal_mobility); leisure route information → 문화·관광·스포츠
등산로 코스 안내 | 등산로별 난이도, 소요시간, 실시간 탐방객 수를 알려 주는 산행 정보 서비스 | sports_leisure | 정 | | |
캠핑장 실시간 빈자리 | 공공 캠핑장·오토캠핑장의 남은 사이트를 실시간으로 보여 주고 예약으로 연결 | sports_leisure | 정 | | |
서핑 파도 정보 | 해변 카메라와 파고계로 파도 높이·바람·수온 측정 ,서퍼에게 실시간 제공 | sports_leisure | 정 | | 센서;CCTV |
해수욕장 편의정보 서비스 | 샤워장·탈의실 혼잡도, 파라솔 예약, 분실물 안내를 해수욕장 방문객에게 제공 | sports_leisure | 정 | 관광객 | |
스마트 경기장 관람 | 모바일 티켓 입장, 좌석 길 안내, 매점 주문을 앱 하나로 처리하는 프로스포츠 경기장 서비스 | sports_leisure | 문 | | 모바일앱 |
생활체육 동호회 매칭 | 종목과 동네를 선택하면 회원을 모집 중인 생활체육 동호회와 강습 정보를 보여줌 | sports_leisure | 정 | | |
공원 이용객 계수 데이터 | 공원 출입구 카운터로 시간대별 이용객을 세어 공원 운영과 행사 계획에 활용 | sports_leisure | 정 | | 센서 |
반려견 놀이터 스마트 관리 | 반려견 놀이터 출입을 등록 인증으로 관리하고 이용 인원과 규칙을 안내 | sports_leisure | 문 | | |
마라톤 기록 실시간 중계 | 참가자 배번의 RFID 칩으로 구간 기록을 측정하고 가족이 앱에서 실시간으로 확인 | sports_leisure | 정 | | 모바일앱 |
무인 스포츠센터 | 야간·새벽 시간 무인 출입과 운동기구 이용 기록을 관리하는 스마트 체육관 | sports_leisure | 문 | | |
디지털 어린이 실내놀이터 | 벽과 바닥에 인터랙티브 영상이 반응하는 영유아 실내 놀이 공간 | sports_leisure | 문 | 아동 | |
스마트 낚시공원 정보 | 바다 낚시공원의 입장 인원, 물때, 어종 조황을 실시간 안내 | sports_leisure | 정 | | |
청년 문화 거점 e스포츠 전용 경기장 조성 사업 | 지역 대회와 청년 게이머 연습을 위한 e스포츠 전용 경기장 구축 | sports_leisure | 기 | 청년 | |
스마트 공원 통합관리 플랫폼 | 공원 내 조명, 화장실, 분수, 이용객 정보를 하나의 플랫폼에서 관리하도록 구축 | sports_leisure | 기 | | | runner-up 시설물관리; park operations → 문화·관광·스포츠 (decree: 공원)
무장애 산책로 정보 | 경사, 노면, 휴게 의자 간격을 조사해 휠체어·유모차 이용 가능한 산책로 안내 | sports_leisure | 정 | 장애인 | |
체육시설 혼잡도 안내 | 수영장, 헬스장 이용 인원을 실시간 제공 | sports_leisure | 정 | | | very short
스마트 캠핑장 | 무인 체크인, 사이트별 전기 사용량 자동 정산, 샤워장 대기 알림을 갖춘 공공 캠핑장 | sports_leisure | 문 | | |
체육시설 조명 예약 연동 자동제어 | 야간 테니스장·풋살장 조명을 예약 시간에 맞춰 자동으로 켜고 끔 | sports_leisure | 문 | | | hard: 조명 제어 suggests 환경 (energy); the outcome is use of sports facilities
AI 카메라 생활체육 자동중계 | 동호인 축구·야구 경기를 AI 카메라가 공을 따라 자동 촬영해 온라인으로 중계하고 하이라이트 생성 | sports_leisure | 정 | | |
체육시설 IoT 통합관리 시스템 구축 | 관내 공공체육시설의 출입, 조명, 냉난방, 이용 현황을 IoT로 연결하는 통합관리 시스템 | sports_leisure | 기 | | |
스마트 체육공원 | | sports_leisure | 정 | | | name only
"""

if __name__ == "__main__":
    write_domain("culture", TOURISM, IMMERSIVE, FACILITY, SPORTS)
