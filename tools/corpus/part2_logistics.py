"""물류 (logistics) entries of the labelled corpus: delivery, traceability, commerce.

Run: .venv/bin/python tools/corpus/part2_logistics.py
"""

from part2_common import write_domain

DELIVERY = """
드론 배송 서비스 | 육로 접근이 어려운 도서지역 주민에게 생필품과 상비의약품을 드론으로 배송 | delivery | 문 | | |
섬마을 생활물품 정기 드론배송 | 여객선 운항이 하루 2회뿐인 부속섬 주민을 위해 선착장 거점에서 마을회관까지 주 3회 생활물품을 드론으로 실어 나른다. | delivery | 문 | | | coastal island; 배송 → 물류
도서지역 긴급 의약품 드론 수송 | 응급 상황 시 보건진료소에 필요한 의약품과 혈액을 드론으로 긴급 수송함 | delivery | 문 | | | name suggests 보건·의료; the service itself is transport of goods (드론 배송 → 물류), runner-up welfare
산간마을 드론 배송 스테이션 구축 | 드론 이착륙장, 충전설비, 물품 보관함을 갖춘 면 단위 배송 거점을 조성하여 드론 배송 노선 운영 기반 마련 | delivery | 기 | | |
전통시장 공동배송 서비스 | 전통시장에서 구매한 물품을 2시간 이내 집까지 배달. 점포별로 따로 배달하던 것을 공동배송센터에서 묶어 처리 | delivery | 문 | | | 전통시장 배송 → 물류
전통시장 장보기 대행 | 모바일 앱으로 주문하면 시장 매니저가 대신 장을 보고 당일 배송함 | delivery | 문 | | 모바일앱 |
자율주행 배송로봇 | 신도시 보행로와 공원 구간에서 자율주행 로봇이 편의점·음식점 물품을 주문자 동 앞까지 배송 | delivery | 문 | | | 자율주행 here carries goods, not people → 물류 not 교통
아파트 단지 실내 배송로봇 실증 | 지상 차량 진입이 제한된 공동주택 단지에서 택배 차량이 지하주차장 거점에 물건을 내리면 로봇이 엘리베이터와 연동해 세대 현관까지 배송한다 | delivery | 문 | | IoT | name suggests 주거; purpose is last-mile parcel delivery → 물류
스마트 무인택배함 | 주민센터·공영주차장 등 공공시설에 무인택배함 설치, 비대면 택배 수령 및 발송 지원 | delivery | 문 | | |
여성 1인가구 안심택배 | 택배 기사와 대면하지 않고 물건을 받을 수 있도록 공공 무인보관함을 운영한다. 보관 시 휴대폰 문자로 인증번호를 발송. | delivery | 문 | 여성;기타 | | name suggests 방범 (안심); the service delivers parcels → 물류 delivery, runner-up safety
지하철역 생활물류 보관함 | 역사 내 유휴공간에 냉장 기능이 있는 생활물류 보관함을 두어 퇴근길에 택배·신선식품을 찾아갈 수 있게 함 | delivery | 문 | | |
반품 택배 무인 수거함 | 반품·발송 물품을 24시간 맡길 수 있는 무인 수거함 운영, 택배사 연계 자동 수거 | delivery | 문 | | |
도심형 공동 집배송센터 | 도심 내 택배 차량 운행을 줄이기 위해 권역별 공동 집배송센터를 조성하고 친환경 소형 차량으로 최종 배송하는 체계 구축 | delivery | 기 | | |
생활물류 마이크로 풀필먼트 센터 | 구도심 유휴 공공부지에 소규모 물류거점(MFC)을 만들어 온라인 주문 당일 배송 기반 마련 | delivery | 기 | | |
실버택배 | 차량 진입이 안 되는 단지에서 택배 거점부터 각 세대까지 어르신이 전동카트로 배송 | delivery | 문 | 노인 | | 노인 일자리 성격도 있으나 서비스의 산출물은 택배 배송 → 물류, runner-up 근로·고용
어르신 생필품 꾸러미 배송 | 거동이 불편한 고령자 가구에 쌀, 반찬 등 생필품 꾸러미를 전화 주문 받아 문앞까지 배달해 드림 | delivery | 문 | 노인 | | delivery of goods → 물류; runner-up 보건·의료·복지 (welfare_delivery)
농산물 공동 집하·배송 | 소농들이 개별 출하하던 농산물을 마을 단위로 모아 공동으로 운송, 물류비 절감 | delivery | 문 | 농어민 | |
농촌 우체국 연계 소포 집하 서비스 | 버스 노선이 적은 면 지역에서 우체국 차량이 마을을 순회하며 농가 소포를 집하·발송 | delivery | 문 | 농어민 | |
화물차량 실시간 위치 관제 | GPS 단말기를 부착한 관내 물류 화물차의 위치와 운행 상태를 관제센터에서 실시간으로 확인 | delivery | 정 | | |
화물 공차 정보 매칭 | 빈 차로 돌아가는 화물차와 운송 물량이 필요한 화주를 연결하는 정보 제공, 모바일 앱으로 조회 | delivery | 정 | 기타 | 모바일앱 |
산업단지 물류차량 출입 자동관리 | 차량번호 인식 카메라로 산단 물류센터 출입 화물차를 자동으로 확인하고 하역장 배정까지 처리함 | delivery | 문 | | | industrial
소상공인 공동 배차 시스템 | 소상공인이 개별로 부르던 용달을 묶어 AI가 배차 경로를 최적화하고 배송을 대행한다 | delivery | 문 | 기타 | |
선박 화물 도착 예정 정보 | 연안 화물선의 위치 정보(AIS)를 받아 항만 하역업체와 화주에게 입항 예정 시각을 알림 | delivery | 정 | 기타 | GPS | coastal port
항만 물류 통합정보 플랫폼 | 컨테이너 반출입, 선석 배정, 화물차 대기 정보를 하나로 모은 항만 물류 정보 플랫폼 구축 | delivery | 기 | | |
공유 냉동·냉장 물류창고 | 영세 수산가공업체가 함께 쓰는 공동 냉동창고를 설치하고 IoT로 온도를 원격 관리 | delivery | 기 | 기타 | | storage hub (물류센터 in the decree examples)
물류센터 스마트 재고관리 | 창고 입고·출고 물품에 RFID 태그를 붙여 재고 현황을 자동 집계 | traceability | 정 | | |
드론택배 | | delivery | 문 | | | name only
무인 택배 보관함 설치 | | delivery | 문 | | | name only
전통시장 배달 서비스 | Ÿ 시장 상인 공동 배달원 운영\\nŸ 전화·앱 주문 접수 후 인근 3km 이내 배달 | delivery | 문 | | 모바일앱 | converted-document bullets
"""

TRACEABILITY = """
농산물 생산이력 추적관리 | 재배 농가, 농약 사용, 수확일 정보를 QR코드로 표시하여 소비자가 스마트폰으로 확인 | traceability | 정 | | 모바일앱 |
로컬푸드 QR 이력조회 | 직매장 판매 농산물의 생산자와 출하일을 QR로 조회하는 서비스 | traceability | 정 | | |
한우 생산이력 조회 서비스 | 한우 개체식별번호로 사육 농가, 도축·가공 이력을 조회할 수 있도록 정육점과 식당에 안내판 및 조회 화면을 제공한다. | traceability | 정 | | | name suggests 축산; not disease prevention (agri_disaster) but 유통이력추적 → 물류
수산물 원산지 블록체인 이력관리 | 위판장 경매부터 소매점 판매까지 수산물 유통 단계를 블록체인에 기록해 원산지 둔갑을 막음 | traceability | 정 | | | coastal
학교급식 식재료 이력관리 | 학교에 납품되는 친환경 식재료의 생산·가공·배송 이력을 학부모가 조회할 수 있도록 함 | traceability | 정 | 아동 | | name suggests 교육; purpose is food distribution traceability → 물류, runner-up education
수산물 콜드체인 온도 모니터링 | 활어·냉동수산물 운송 차량과 저장고에 온도 센서를 설치, 유통 전 과정 온도 이력을 기록하고 기준 초과 시 알림 | traceability | 정 | | |
농산물 저온유통 IoT 관리체계 | IoT 온습도 센서로 산지 저온저장고부터 소비지까지 신선농산물 품질 정보를 수집·공유 | traceability | 정 | | |
의약품 유통 이력 RFID 관리 | 보건소·약국으로 공급되는 의약품에 RFID를 적용하여 입출고와 유통기한을 자동 추적 | traceability | 정 | | | name suggests 보건·의료; purpose is tracking goods in distribution → 물류 traceability
항만 컨테이너 위치추적 | 컨테이너에 LoRa 기반 위치 태그를 달아 야적장 내 위치와 반출 여부를 실시간 파악 | traceability | 정 | | |
친환경 농산물 인증 이력 조회 키오스크 | 농협 하나로마트 등에 키오스크를 두고 친환경 인증 번호, 생산자 정보, 잔류농약 검사 결과를 보여줌 | traceability | 정 | | |
전자 어업일지 연계 어획물 이력 | 어선의 전자 어업일지와 위판 정보를 연동해 어획 해역·일시·어선명을 소비자에게 공개한다. | traceability | 정 | | | coastal
축산물 유통 이력 통합 조회 | 도축장, 가공장, 판매장의 이력 데이터를 통합하여 축산물 이동 경로 조회 | traceability | 정 | | |
농산물 유통이력 블록체인 플랫폼 | 산지유통센터·도매시장·소매점이 함께 쓰는 이력 정보 공유 플랫폼을 블록체인 기반으로 구축 | traceability | 기 | | |
스마트 APC(산지유통센터) 구축 | 선별·포장 라인에 센서와 바코드 시스템을 도입하고 출하 물량 정보를 전산화하는 산지유통센터 고도화 | traceability | 기 | | 센서 |
특산물 진품 인증 NFC 태그 | 지역 특산 인삼·홍삼 제품에 NFC 태그를 부착, 스마트폰을 대면 정품 여부와 생산 이력이 표시됨 | traceability | 정 | | 모바일앱 |
재활용 원료 유통 이력 추적 | 재활용 선별장에서 나간 원료(폐플라스틱 등)가 어디로 유통되는지 이력을 추적하는 시스템 | traceability | 정 | | | hard: name mentions 폐기물·재활용 (환경); the service tracks material flow through distribution → 물류, runner-up environment
농산물 유통이력 관리 | ○ 출하 농산물 QR 부착\\n○ 생산·선별·유통 단계 정보 등록 및 조회 | traceability | 정 | | | converted-document bullets
쌀 생산이력 관리 | | traceability | 정 | | | name only
"""

COMMERCE = """
전통시장 온라인 장보기 플랫폼 | 전통시장 점포 상품을 온라인몰에 입점시키고 주문·결제·배송을 연계하는 플랫폼 구축 | commerce | 기 | | |
공공배달앱 운영 | 중개수수료 부담을 줄이기 위해 지역 소상공인 전용 공공배달앱을 운영하고 지역화폐 결제를 연계한다 | commerce | 문 | 기타 | 모바일앱 |
전통시장 모바일 간편결제 | 카드단말기 없는 노점·영세 점포도 QR 간편결제로 지역화폐를 받을 수 있게 지원 | commerce | 문 | 기타 | |
무인 스마트 상점 | 야간에는 무인으로 운영되는 스마트 상점: 출입 인증, 무인계산대, CCTV 원격관리 | commerce | 문 | | 키오스크 |
로컬푸드 무인 판매대 | 읍내 주요 거점에 냉장 무인판매대를 설치하여 지역 농가가 직접 채소와 과일을 판매 | commerce | 문 | 농어민 | |
농특산물 직거래 온라인몰 구축 | 군 단위 농특산물 쇼핑몰을 구축하고 농가 상품 등록·주문관리 기능 제공 | commerce | 기 | 농어민 | |
소상공인 라이브커머스 스튜디오 | 조명·카메라·송출 장비를 갖춘 공용 스튜디오를 조성해 지역 상인의 라이브 방송 판매를 지원 | commerce | 기 | 기타 | |
농산물 공판장 실시간 경매정보 | 공판장 품목별 경락 가격과 반입량을 실시간으로 표출하고 농가에 문자로 알린다 | commerce | 정 | 농어민 | |
수산물 위판장 전자경매 | 수기 경매를 전자경매로 전환, 중도매인이 단말기로 응찰하고 낙찰 결과가 자동 정산됨 | commerce | 문 | 기타 | | coastal
수산물 시세 알림 앱 | 어민들이 위판장별 어종 시세를 비교해 출하처를 정할 수 있도록 앱으로 알림 제공 | commerce | 정 | 농어민 | 모바일앱 |
AI 농산물 출하시기 예측 | 재배면적·기상·도매가격 빅데이터를 AI로 분석해 작목별 출하 적기와 예상 가격을 농가에 제공 | commerce | 정 | 농어민 | | hard: smart-farm flavour but the output is distribution (출하) information → 물류 (rule: smart farm production → 기타 unless logistics/distribution)
전통시장 전자가격표시기 | 점포 상품 가격을 전자가격표시기(ESL)로 표시하고 원격으로 일괄 변경 | commerce | 정 | | |
전통시장 상품 정보 디지털 사이니지 | 시장 입구와 골목에 사이니지를 설치해 오늘의 특가, 점포 위치, 원산지 정보를 안내 | commerce | 정 | | |
메타버스 전통시장 | 가상공간에 시장 점포를 구현하여 방문객이 둘러보고 상품을 주문할 수 있는 온라인 장터 | commerce | 정 | | |
스마트 상점 기술보급 | 소상공인 점포에 키오스크, 스마트 오더, 서빙로봇 등 스마트 기술 도입 비용을 지원 | commerce | 문 | 기타 | |
지역 특산물 자판기형 판매 키오스크 | 기차역·휴게소에 특산물 판매 키오스크를 두고 카드 결제 후 바로 물품 수령 | commerce | 문 | | |
전통시장 고객 쇼핑 안내 앱 | 시장 내 점포 검색, 할인 쿠폰, 주차장 위치를 한 번에 보여주는 쇼핑 안내 앱 | commerce | 정 | | 모바일앱 | 시장 쇼핑 안내 → 물류 (decree: 매장, 쇼핑)
청년몰 온라인 판로 지원 | 전통시장 청년몰 입점 상인의 상품을 온라인 오픈마켓과 연계해 판매 대행 | commerce | 문 | 청년 | | hard: 청년 + 창업 suggest 근로·고용; the service is sales channel (판로) → 물류 commerce, runner-up employment
농산물 주문형 꾸러미 정기 판매 | 도시 소비자가 앱에서 구독 신청하면 제철 농산물 꾸러미를 주 1회 산지 직송한다. | commerce | 문 | | 모바일앱 |
산지 직거래 장터 정보 | 읍면별 5일장·직거래 장터 일정과 판매 품목 안내 | commerce | 정 | | |
로컬푸드 직매장 실시간 재고 정보 | 매장 POS 데이터를 연동해 품목별 재고와 입고 예정 시간을 홈페이지와 앱에 공개, 헛걸음 방지 | commerce | 정 | | 모바일앱 |
수출 농식품 물류 정보 지원 | 중소 농식품 수출업체에 선적 일정, 운임, 통관 절차 정보를 한곳에서 제공함 | commerce | 정 | 기타 | |
스마트 물류 통합관제 플랫폼 | 관내 물류센터·화물차·택배 보관함 데이터를 한 화면에서 보는 물류 통합관제 플랫폼 구축 | delivery | 기 | | |
유통 상권 스마트 쇼핑거리 | 상점가에 비콘을 설치하여 거리를 지나는 방문객 휴대폰으로 점포 할인정보를 알려줌 | commerce | 정 | 관광객 | 모바일앱 | 쇼핑 안내 → 물류; not 상권 분석 for the administration (that would be 행정)
전통시장 공동 배송·결제 통합 플랫폼 | 배송 예약, 간편결제, 고객 적립을 한 시스템으로 묶는 시장 공동 플랫폼 | commerce | 기 | | |
다문화 식료품 온라인 장터 | 결혼이민자가 운영하는 아시아 식료품점 상품을 다국어 온라인 장터에서 판매 | commerce | 문 | 다문화 | | target 다문화 but the service is a sales channel → 물류
스마트 전통시장 조성 | - 무선 결제 인프라, 공동 배송, 시장 안내 사이니지를 묶어 전통시장 스마트화 추진 | commerce | 기 | | |
"""

if __name__ == "__main__":
    write_domain("logistics", DELIVERY, TRACEABILITY, COMMERCE)
