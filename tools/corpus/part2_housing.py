"""주거 (housing) entries of the labelled corpus: smart home, multi-unit housing management, housing welfare.

Run: .venv/bin/python tools/corpus/part2_housing.py
"""

from part2_common import write_domain

SMART_HOME = """
스마트홈 서비스 | IoT 기반으로 세대 내 조명, 난방, 가스밸브, 가전을 스마트폰 앱으로 원격 제어하는 스마트홈 구축 | smart_home | 문 | | 모바일앱 | 스마트홈 → 주거 (guide 2.9)
신축 공공임대주택 표준형 스마트홈 플랫폼 구축 사업 | LH·도시공사 신축 임대단지에 제조사 구분 없이 기기를 연동하는 표준 스마트홈 플랫폼을 구축한다 | smart_home | 기 | | |
고령자 맞춤형 스마트홈 | 어르신이 음성으로 조명·TV·커튼을 켜고 끈다. 외출 버튼 하나로 가스밸브가 잠기고 대기전력이 차단된다. | smart_home | 문 | 노인 | | runner-up 보건·의료·복지: the service is home control for living, not care delivery (no 응급호출·돌봄 연계)
장애인 가구 음성제어 홈오토메이션 | 지체장애인 가구에 음성·시선 입력으로 문, 조명, 냉난방을 제어하는 장치를 설치 | smart_home | 문 | 장애인 | | runner-up 보건·의료·복지 (disability_support); the outcome is the dwelling's usability
1인가구 스마트홈 안심 패키지 | 문열림 감지 센서, 스마트 초인종, 현관 카메라를 묶어 1인 가구에 보급 | smart_home | 정 | 기타 | | hard: 안심 suggests 방범·방재; it equips the home itself → 주거, runner-up 방범·방재
스마트 도어락 방문자 확인 | 방문자가 벨을 누르면 현관 영상이 휴대폰으로 전송되고 원격으로 문을 열어 줄 수 있음 | smart_home | 문 | | 모바일앱 |
외출 중 보일러 원격제어 | 한파 때 집이 비어 있어도 앱에서 보일러를 켜서 동파를 막고 귀가 전 난방을 미리 켭니다. | smart_home | 문 | | 모바일앱 |
세대 실내공기 자동환기 | 실내 이산화탄소·초미세먼지 농도를 센서로 감지해환기장치를 자동 가동 | smart_home | 문 | | | hard: 초미세먼지 suggests 환경; it is the dwelling's ventilation → 주거, runner-up 환경·에너지·수자원
홈 IoT 누수 감지 | 세탁기·보일러 주변에 누수 센서를 붙여 물이 새면 입주민 휴대폰으로 즉시 알림 | smart_home | 정 | | 모바일앱 |
스마트 조명·커튼 자동화 | 기상 시간과 일출에 맞춰 조명 밝기와 전동 커튼을 자동 조절하는 생활 자동화 | smart_home | 문 | | |
반려동물 돌봄 홈캠 | 1인 가구가 외출 중에도 홈캠으로 반려동물을 살피고 자동 급식기를 작동 | smart_home | 문 | 기타 | |
홈네트워크 보안 강화 | 아파트 월패드 해킹 사고를 막기 위해 세대 간 망분리와 보안 인증을 적용 | smart_home | 기 | | | runner-up 기타 (network); the network serves the dwellings only → 주거
제조사 통합 스마트홈 앱 | 서로 다른 회사의 가전과 센서를 Matter 표준으로 한 앱에서 제어 | smart_home | 문 | | 모바일앱 |
신혼부부 행복주택 스마트홈 | 신혼부부 임대주택에 AI 스피커, 스마트 스위치, 원격검침 계량기를 기본 설치. 입주자 앱으로 관리비와 사용량 확인 | smart_home | 문 | 기타 | 모바일앱 |
스마트홈 체험관 | 주민이 최신 스마트홈 기기를 직접 써 보고 설치 상담을 받을 수 있는 체험 공간 운영 | smart_home | 정 | | |
AI 스피커 생활정보 안내 | 거실 AI 스피커로 날씨, 쓰레기 배출일, 단지 공지를 음성으로 들려줌 | smart_home | 정 | | | not 독거노인 돌봄 (no care link) → 주거
스마트홈 구축 | Ÿ IoT 홈게이트웨이\\nŸ 원격제어 | smart_home | 기 | | | noisy bullets, very short
얼굴인식 세대 현관 출입 | 공동현관과 세대 현관에 얼굴인식 단말을 달아 열쇠나 카드 없이 출입하고, 장보기 짐이 많은 어르신과 아이도 손쉽게 드나든다 | smart_home | 문 | 노인;아동 | AI | AI implied by 얼굴인식
저소득가구 스마트홈 기기 보급 | 기초생활수급 가구에 스마트 플러그·스위치·AI 스피커를 무상 설치하고 사용법을 방문 교육 | smart_home | 문 | | | runner-up 보건·의료·복지; what is delivered is home equipment → 주거
음성인식 월패드 | "거실 불 꺼 줘", "엘리베이터 불러 줘" 같은 음성 명령을 인식하는 월패드로 교체 | smart_home | 문 | | AI |
스마트홈 데이터 연계 허브 | 여러 단지의 홈 IoT 기기 데이터를 표준 형식으로 모으는 서버를 구축하여 관리비 절감·고장 예측 서비스의 기반으로 활용 | smart_home | 기 | | IoT | housing-only hub → 주거 (a city-wide data hub would be 기타 data_platform)
귀농인 주택 원격 난방관리 | 주말에만 머무는 귀농·귀촌 주택의 실내 온도를 원격으로 확인하고 겨울철 최저 난방을 자동 유지 | smart_home | 문 | 기타 | |
스마트홈 플랫폼 구축 | 시범 단지 500세대에 홈게이트웨이와 IoT 센서를 설치하고 통합 관리 서버 구축 | smart_home | 기 | | |
세대 내 홈IoT | | smart_home | 문 | | | name only
"""

MANAGEMENT = """
공동주택 관리 투명성 제고를 위한 통합관리 플랫폼 구축 | 관리비 조회, 공지, 시설 예약, 민원 접수를 하나로 묶은 단지 관리 플랫폼을 구축하여 관리사무소와 입주민이 함께 사용 | housing_management | 기 | | | 공동주택 → 주거 (guide 2.9)
아파트 관리비 비교 공개 | 단지별 관리비 항목을 빅데이터로 비교하여 입주민에게 적정 수준 여부를 알려준다 | housing_management | 정 | | |
공동주택 전자투표 | 동대표 선거, 관리규약 개정 등 입주자 의사결정을 모바일 전자투표로 진행 | housing_management | 문 | | 모바일앱 | hard: 투표 suggests 행정 (civic_participation); it is the apartment's own governance → 주거
단지 커뮤니티시설 예약 | 피트니스, 독서실, 게스트하우스 등 단지 공용시설 이용 예약과 출입을 앱 하나로 처리 | housing_management | 문 | | 모바일앱 |
공동주택 하자보수 모바일 접수 | 입주민이 하자 부위를 사진으로 찍어 올리면 시공사에 자동 전달되고 처리 과정 알림 | housing_management | 문 | | |
소규모 공동주택 원격 공동관리 지원 사업 | 150세대 미만 소규모 아파트와 빌라는 관리사무소가 없어 시설 고장과 청소가 방치되기 쉽다. 공용부 센서와 CCTV를 설치하고 구청 공동관리센터가 원격으로 관리한다. | housing_management | 문 | | | runner-up 시설물관리; the service manages residential complexes → 주거
빌라·다세대 공동관리 지원 플랫폼 | 관리 주체가 없는 다세대 주택의 청소·소독·안전점검 업체 계약과 비용 정산을 지원하는 플랫폼 | housing_management | 기 | | |
관리비 모바일 전자고지 | 종이 고지서 대신 관리비 내역을 모바일로 고지하고 간편 납부 연계 | housing_management | 정 | | 모바일앱 |
층간소음 알림 서비스 | 세대 바닥 진동 센서 → 기준 이상 소음 지속 시 해당 세대 월패드에 주의 알림 | housing_management | 정 | | | hard: 소음 suggests 환경 (environment_monitoring); it is a neighbour issue inside the complex → 주거
단지 공지 음성 안내 | 단지 공지사항을 AI 음성으로 변환해 세대 스피커와 엘리베이터에 방송함 | housing_management | 정 | | |
공동주택 택배 도착 알림 | 단지 택배보관실에 물건이 들어오면 월패드와 문자로 세대에 도착을 알림 | housing_management | 정 | | | runner-up 물류; the service is resident information inside the complex
임대주택 입주민 소통 앱 | 공공임대 입주민이 관리 공지, 주민 모임, 중고 나눔 게시판을 이용하는 단지 앱 | housing_management | 정 | | 모바일앱 |
아파트 방문차량 사전등록 | 입주민이 방문 예정 차량을 앱에 등록하면 단지 차단기가 번호판을 인식해 자동 개방 | housing_management | 문 | | 모바일앱 | hard: 차량 suggests 교통; complex access management → 주거
공동주택 장기수선 데이터 관리 | 단지별 장기수선계획, 공사 이력, 적립금 현황을 데이터로 관리하고 입주자대표회의에 공개 | housing_management | 정 | | | runner-up 시설물관리 (building); residential complex management → 주거
무인경비 통합 시스템 | 경비실 통폐합에 맞춰 출입통제, 주차, 택배 관리를 무인 시스템과 원격 관제로 대체 | housing_management | 문 | | | runner-up 방범·방재; the outcome is complex management → 주거
단지 내 공용부 IoT 관리 | 지하주차장 조명, 급수펌프, 환기팬 상태를 IoT로 모니터링하여 관리사무소에 표시 | housing_management | 정 | | |
셰어하우스 스마트 관리 | 청년 공유주택의 방 배정, 공용공간 청소 순번, 출입 기록을 스마트 시스템으로 관리함 | housing_management | 문 | 청년 | |
스마트 월패드 단지정보 | 월패드 화면으로 단지 일정, 주차 위치, 에너지 사용량, 관리비를 확인 | housing_management | 정 | | |
아파트 공동체 활성화 플랫폼 | 입주민끼리 재능 나눔, 육아 품앗이, 소모임을 모집할 수 있는 단지 커뮤니티 서비스 | housing_management | 정 | | | runner-up 행정 (civic_participation); it serves one residential community → 주거
공동주택 관리정보 공개 | 의무관리 단지의 관리비, 장기수선충당금, 외부 회계감사 결과를 공동주택관리정보시스템과 연계해 공개 | housing_management | 정 | | |
입주민 민원 챗봇 | 관리사무소 업무시간 외에도 주차 등록, 관리비, 하자 문의에 챗봇이 자동으로 답함 | housing_management | 문 | | AI | AI 자동 답변 → 문제해결
스마트 관리사무소 | 여러 소규모 단지의 시설·회계·민원을 한 곳에서 처리하는 통합 원격관리 서버와 상황판 구축 | housing_management | 기 | | |
공유물품 무인 대여함 | 공구, 캠핑용품, 유아용품을 단지 내 무인 대여함에 비치하고 QR 인증으로 빌려 씀 | housing_management | 문 | | |
공동주택 안전점검 결과 공개 | 노후 아파트 정밀안전점검 결과와 보수 일정을 입주민에게 공개 | housing_management | 정 | | | runner-up 시설물관리 (building_facilities); residents' information about their complex → 주거
공공임대단지 관리 데이터 통합 | 시 소유 임대단지 20곳의 관리비, 공실, 수선 이력 데이터를 한 시스템에 모아 관리 | housing_management | 기 | | |
공동주택 관리 플랫폼 | | housing_management | 기 | | | name only
"""

WELFARE = """
GIS 기반 빈집 실태 DB 구축 및 정비 이력 관리 시스템 | 빈집 실태조사 결과를 GIS 기반 빈집 지도로 구축하고 철거·정비·활용 여부를 관리 | housing_welfare | 정 | | |
농촌 빈집 활용 매칭 | 군 내 활용 가능한 빈집을 집주인 동의 하에 등록하여 귀농·귀촌 희망자에게 임대 연결 | housing_welfare | 문 | 기타 | |
드론 빈집 실태조사 | 드론 항공촬영으로 지붕 파손, 붕괴 위험이 있는 빈집을 찾아 목록화 | housing_welfare | 정 | | |
저소득 노후주택 스마트 집수리 지원 | 저소득 노후주택에 단열, 창호 교체와 함께 스마트 보일러·누전차단기를 설치 | housing_welfare | 문 | | |
고령자 안심 공공임대주택 | 고령자용 임대주택에 낙상 감지 센서, 문턱 제거, 비상 호출 버튼을 설치하여 혼자서도 오래 살 수 있는 집을 공급한다. | housing_welfare | 문 | 노인 | | hard: runner-up 보건·의료·복지 (elderly_care); the service is the supply of adapted housing → 주거
청년 주거정보 통합 플랫폼 | 청년 월세 지원, 행복주택 모집, 전세대출 이자 지원 등 청년 주거 정책을 한곳에서 안내 | housing_welfare | 정 | 청년 | |
안심전세 정보 서비스 | 전세사기 피해가 잇따르고 있다. 계약 전 주택의 시세, 근저당, 임대인 체납 여부를 한 번에 조회하여 피해를 예방한다. | housing_welfare | 정 | | | hard: 사기 예방 suggests 방범·방재; it is tenant protection in housing → 주거
공공임대 입주 신청 간소화 | 임대주택 입주 신청부터 소득·자산 서류 확인까지 행정정보 연계로 온라인에서 처리 | housing_welfare | 문 | | | runner-up 행정 (civil_service); the outcome is access to housing
빅데이터 활용 주거취약가구 선제 발굴 및 주거지원 연계 서비스 | 단전·단수·관리비 체납 데이터를 분석하여 고시원, 반지하 등 주거취약가구를 찾아 주거급여와 이주 지원을 안내 | housing_welfare | 정 | | | runner-up 보건·의료·복지 (welfare_delivery); the need addressed is housing
주거급여 자가진단 | 소득·재산·가구원 수를 입력하면 주거급여 수급 가능 여부와 예상 금액을 보여 줌 | housing_welfare | 정 | | |
집수리 지원 온라인 신청 | 노후주택 집수리 지원사업 신청, 현장 실사 일정, 공사 진행 상황을 온라인으로 확인 | housing_welfare | 문 | | |
AI 노후주택 위험도 진단 | 항공사진과 건축물대장 데이터를 AI로 분석해 붕괴·누수 위험이 높은 노후 단독주택을 선별 | housing_welfare | 정 | | | runner-up 시설물관리 (building_facilities); the targets are private dwellings for repair support
외국인 주민 주거 안내 | 다국어로 임대차 계약 절차, 보증금 반환, 주거 관련 상담 창구를 안내 | housing_welfare | 정 | 다문화 | |
블록체인 임대차 계약 | 공공임대 계약과 보증금 납부 기록을 블록체인에 남겨 위·변조 없이 확인 | housing_welfare | 문 | | |
청년 스마트 셰어하우스 공급 | 원도심 빈 건물을 리모델링하여 청년 셰어하우스로 공급하고 스마트 출입·공용공간 예약 시스템을 갖춤 | housing_welfare | 문 | 청년 | |
고령자 주택개조 정보 | 어르신 낙상 예방을 위한 주택개조 항목, 지원사업, 시공업체 정보를 안내하는 누리집 | housing_welfare | 정 | 노인 | |
쪽방 주거환경 모니터링 | 쪽방 밀집지역 방마다 온도·습도 센서를 설치하여 한파·폭염 시 주거환경을 점검하고 지원 | housing_welfare | 정 | 기타 | | hard: runner-up 보건·의료·복지; the problem addressed is the dwelling's condition
도시재생 주거환경 개선 정보 | 도시재생 구역 내 주택 개량, 골목 정비 계획과 진행 현황을 주민에게 공개 | housing_welfare | 정 | | |
공공임대 공실 실시간 정보 | 국민임대·영구임대 단지별 빈 세대와 예비입주자 순번을 실시간으로 공개한다. | housing_welfare | 정 | | |
주거복지센터 온라인 상담 | 주거비 부담, 퇴거 위기, 임대주택 신청 문제를 화상·채팅으로 상담하고 지원기관에 연계 | housing_welfare | 문 | | |
전월세 실거래가 지도 | 동네별 전월세 실거래가와 전세가율을 지도로 보여 주어 세입자의 계약 판단을 돕는 서비스 | housing_welfare | 정 | | GIS |
임대주택 입주자격 모의진단 | 나이, 혼인 여부, 소득, 무주택 기간을 넣으면 신청 가능한 임대주택 유형을 알려준다 | housing_welfare | 정 | | |
반지하 가구 이주지원 안내 | 반지하 거주 가구를 찾아가 공공임대 이주, 보증금 무이자 대출 등 지원 제도를 안내 | housing_welfare | 정 | | | hard: 반지하 suggests 방범·방재 (침수); the service is housing relocation support → 주거
긴급 주거지원 연계 | 화재·퇴거 등으로 갑자기 거처를 잃은 가구를 임시거처와 공공임대에 바로 연결 | housing_welfare | 문 | | | runner-up 보건·의료·복지; the need is a dwelling
어촌 빈집 정보 제공 | 귀어 희망자를 위해 어촌계별 빈집 위치, 상태, 임대 조건 사진 정보를 제공 | housing_welfare | 정 | 기타 | |
스마트 주거복지 플랫폼 구축 | 주거급여, 임대주택, 집수리, 주거상담 정보를 통합하는 주거복지 플랫폼과 DB를 구축 | housing_welfare | 기 | | |
스마트 임대주택 | 1) 임대주택 IoT 안전센서 설치\\n2) 입주민 앱 제공  3) 원격 시설관리 | housing_welfare | 문 | | 모바일앱 | noisy numbering
스마트 공공임대주택 | | housing_welfare | 문 | | | name only
빈집 관리 | | housing_welfare | 정 | | | name only
"""

if __name__ == "__main__":
    write_domain("housing", SMART_HOME, MANAGEMENT, WELFARE)
