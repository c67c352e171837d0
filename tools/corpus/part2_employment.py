"""근로·고용 (employment) entries of the labelled corpus: job matching, smart work, start-up/skills, worker safety.

Run: .venv/bin/python tools/corpus/part2_employment.py
"""

from part2_common import write_domain

JOB_MATCHING = """
청년 일자리 매칭 플랫폼 | 지역 청년들은 일자리가 없다고 하고, 지역 중소기업은 사람을 구하지 못한다. 기업 채용정보와 청년 구직자의 희망 직무를 연결하는 온라인 매칭 서비스를 운영한다. | job_matching | 정 | 청년 | | 청년 일자리 매칭 → 근로·고용 (guide 2.9)
AI 기반 구직자 맞춤형 일자리 추천 및 알림 서비스 | 인공지능이 구직자의 경력·자격·희망 근무지를 분석하여 관내 채용공고 중 적합한 일자리를 골라 알림으로 추천한다. | job_matching | 정 | | |
신중년 재취업 정보 서비스 | 퇴직(예정) 중장년을 대상으로 재취업 가능 일자리, 직업훈련 과정, 취업 박람회 일정 안내 | job_matching | 정 | 기타 | |
어르신 일자리 정보 키오스크 | 노인복지관과 경로당에 키오스크를 설치하여 노인 일자리 모집 공고를 큰 글씨로 보여주고 바로 신청서를 출력 | job_matching | 정 | 노인 | |
장애인 맞춤 일자리 연계 | 장애 유형과 근무 가능 시간을 입력하면 장애인 고용 의무 기업의 채용 정보와 근로지원인 제도를 연결해 줌 | job_matching | 정 | 장애인 | |
경력단절여성 취업지원 플랫폼 | 출산·육아로 경력이 단절된 여성에게 시간제 일자리, 재취업 교육, 상담 예약을 한곳에서 제공 | job_matching | 정 | 여성 | |
다문화가정 취업 도우미 | 결혼이민자의 자격증 준비를 돕고 취득 후에는 지역 일자리와 연결하여 정착을 지원 | job_matching | 문 | 다문화 | | modelled on the study's 다문화 도우미 (paraphrased); about jobs → 근로·고용 (guide 2.9), runner-up 보건·의료·복지
외국인 근로자 다국어 고용정보 안내 | 베트남어·네팔어 등 8개 언어로 고용허가제 절차, 사업장 변경, 체류 관련 안내를 모바일로 제공 | job_matching | 정 | 다문화 | 모바일앱 |
농번기 일손 중개 서비스 | 농촌 인력중개센터가 도시 구직자와 일손이 부족한 농가를 모바일 앱으로 연결하고 교통편과 상해보험까지 지원 | job_matching | 문 | 농어민 | 모바일앱 |
어선 선원 구인구직 매칭 | 선주와 내·외국인 선원을 이어주는 구인구직 정보망. 승선 가능 시기와 어종별 경력을 조회 | job_matching | 정 | 농어민;다문화 | |
새벽 인력시장 대체 일용직 매칭 앱 | 건설 일용직 근로자가 새벽에 인력사무소에 나가지 않아도 앱으로 다음 날 일감을 배정받음 | job_matching | 문 | 기타 | 모바일앱 |
산업단지 채용정보 통합 안내 | 산단 입주기업 300여 곳의 채용 공고를 모아 산단 입구 전광판과 누리집에 게시 | job_matching | 정 | | |
메타버스 채용박람회 | 가상공간에 기업 부스를 만들어 구직자가 아바타로 상담하고 화상 면접까지 진행 | job_matching | 정 | | |
화상면접 부스 운영 | 고용복지센터에 방음 화상면접 부스와 장비를 갖춰 원거리 기업 면접을 무료로 볼 수 있게 함 | job_matching | 문 | | |
취업 상담 챗봇 | 24시간 취업지원 제도, 실업급여, 국민취업지원제도 문의에 AI 챗봇이 자동 응답 | job_matching | 문 | | | AI 자동 답변 → 문제해결 (guide 3)
청년 구직자 맞춤 정책 알림 | 나이·학력·거주지를 등록한 청년에게 구직활동 지원금, 면접 정장 대여 등 해당 정책을 문자와 카카오톡으로 알려준다 | job_matching | 정 | 청년 | |
지역인재 산학 매칭 | 지역 대학 졸업예정자와 지역 기업의 현장실습·채용 수요를 매칭하는 온라인 시스템 | job_matching | 정 | 청년 | |
관광 성수기 단기 일자리 매칭 | 여름 해수욕장·축제 기간에 숙박·음식업소가 필요한 단기 인력을 지역 주민과 대학생에게 연결 | job_matching | 정 | 청년 | | jobs → 근로·고용 although the setting is 관광
요양보호사 구인구직 매칭 | 재가요양기관과 요양보호사 자격 보유자를 지역·근무시간 기준으로 매칭 | job_matching | 정 | | | hard: name suggests 보건·의료·복지; the outcome is employment of care workers → 근로·고용, runner-up welfare
찾아가는 일자리 상담버스 | 상담사가 탑승한 이동형 버스가 읍·면을 돌며 구직 등록, 이력서 작성, 일자리 알선을 현장에서 처리 | job_matching | 문 | | |
역사 내 일자리 정보 무인 안내기 | 지하철역 대합실에 일자리 정보 무인 안내기를 두고 오늘 마감 공고를 표출 | job_matching | 정 | | |
블록체인 경력증명 발급 | 구직자의 자격·교육 이수·경력을 블록체인 기반 전자지갑으로 발급, 입사 지원 시 서류 없이 제출 | job_matching | 문 | | | automates a procedure end to end → 문제해결
공공일자리 모바일 신청 | 지역공동체 일자리, 희망일자리 등 공공일자리 참여 신청과 서류 제출을 모바일로 끝내는 서비스 | job_matching | 문 | | 모바일앱 |
고용 동향 대시보드 | 관내 구인·구직 현황, 업종별 고용보험 가입자 추이를 시각화하여 구직자와 기업에 공개한다. 매월 갱신. | job_matching | 정 | | | hard: looks like 행정 admin_analytics; published for job seekers and firms → 근로·고용, runner-up 행정
구인구직 통합 정보 서비스 | ○ 워크넷·지역 일자리센터 공고 통합\\n○ 직종·지역별 검색 및 알림 | job_matching | 정 | | | noisy bullets
일자리센터 구인정보 문자 알림 | 스마트폰 사용이 서툰 고령 구직자에게 읍·면 일자리센터의 새 구인정보를 주 2회 문자로 보내 드림 | job_matching | 정 | 노인 | |
공공기관 청년 인턴십 정보 | 시청·출연기관·공기업의 청년 인턴 모집 시기, 근무 부서, 전환 실적을 모아 안내하는 페이지 | job_matching | 정 | 청년 | |
일자리 박람회 모바일 안내 | 박람회장 부스 배치도, 참가 기업별 채용 직무, 현장 면접 대기 순번을 앱으로 확인 | job_matching | 정 | | 모바일앱 |
GIS 기반 우리동네 일자리 지도 | 채용 중인 사업장을 지도 위에 표시해 집에서 가까운 일자리를 찾을 수 있게 함 | job_matching | 정 | | |
일자리 매칭 플랫폼 | | job_matching | 정 | | | name only
"""

SMART_WORK = """
거점형 스마트워크센터 구축 및 운영 | 집 근처에서 업무를 볼 수 있도록 사무공간, 화상회의실, 보안 네트워크를 갖춘 스마트워크센터를 조성한다. 수도권 출퇴근 시간을 줄여 일·생활 균형을 높인다. | smart_work | 기 | | | 스마트워크센터 → 근로·고용 (guide 2.9)
공무원 원격근무 스마트워크센터 | 세종·서울 출장이 잦은 공무원이 본청에 들르지 않고 가까운 센터에서 행정망에 접속해 근무함 | smart_work | 문 | 기타 | | hard: users are officials (행정) but the service is remote work → 근로·고용 (decree: Smart Work 서비스)
바닷가 워케이션 센터 | 해변 인근 유휴 건물을 리모델링하여 원격근무 공간과 숙소를 함께 제공하고, 수도권 기업 직원의 장기 체류 근무를 지원한다 | smart_work | 문 | | | hard: name suggests 관광; the purpose is remote work (Smart Work) → 근로·고용, runner-up 문화·관광·스포츠
거점형 공유오피스 | 구도심 빈 상가를 공유오피스로 만들어 프리랜서·1인 기업에 저렴하게 임대 | smart_work | 기 | 기타 | |
면 단위 원격근무 거점 | 폐 우체국 건물을 고쳐 초고속 인터넷과 화상회의 장비를 갖춘 원격근무 거점으로 운영 | smart_work | 기 | | |
클라우드 기반 원격업무 환경 | VDI(가상 데스크톱)와 보안 접속 환경을 클라우드로 구축 ,재택·이동 근무 시에도 사무실과 같은 업무 가능 | smart_work | 기 | | 클라우드 |
행정복지센터 화상회의 부스 | 주민과 소상공인이 예약해서 쓸 수 있는 1인 화상회의 부스를 행정복지센터마다 설치 | smart_work | 문 | 기타 | |
공유 업무공간 좌석 예약 | 스마트워크센터 좌석·회의실을 모바일 앱으로 실시간 예약하고 QR로 입실 | smart_work | 문 | | 모바일앱 |
육아기 부모 재택근무 지원 | 영유아를 둔 부모가 집에서 일할 수 있도록 업무용 노트북·보안 접속을 지원하고 돌봄 시간과 연계 | smart_work | 문 | 기타 | | runner-up 보건·의료·복지 (childcare); purpose is work arrangement
디지털 노마드 워케이션 플랫폼 | 워케이션 가능 숙소, 공유오피스, 지역 체험 프로그램 정보를 모아 원격근무자에게 안내하고 예약 연계 | smart_work | 정 | | | 원격근무 → 근로·고용
시니어 재택 일자리 지원 | 고령자가 집에서 할 수 있는 온라인 모니터링·데이터 라벨링 일감을 배정하고 태블릿 교육 제공 | smart_work | 문 | 노인 | |
장애인 재택근무 환경 지원 | 중증장애인 근로자 가정에 보조공학기기와 원격근무 시스템을 설치하여 출퇴근 부담 없이 근무 | smart_work | 문 | 장애인 | |
산업단지 공유 회의·업무공간 | 산단 지원센터 안에 입주 중소기업이 함께 쓰는 회의실, 화상회의 장비, 공용 사무공간을 마련 | smart_work | 기 | | |
지식산업센터 내 수도권 기업 유치형 위성오피스 조성 사업 | 수도권 본사 기업이 지역 인재를 채용해 근무시킬 수 있는 위성오피스 조성. 입주 기업 임대료 일부 지원함. | smart_work | 기 | | |
스마트워크센터 이용 현황 안내 | 센터별 잔여 좌석과 회의실 이용 현황을 누리집과 앱에 실시간 표출 | smart_work | 정 | | 모바일앱 |
원격근무 | | smart_work | 문 | | | name only
"""

STARTUP = """
청년 창업 일자리 지원 공간 | 청년 실업에 대응해 3D프린터를 갖춘 시제품 작업실, 공용 회의실, 입주 사무실을 청년 창업자에게 무료로 내어 주는 오프라인 지원 거점 | startup_support | 문 | 청년 | | modelled on the study's 청년일자리 지원 플랫폼 (listed under 행정 there; paraphrased); the decree's purpose is employment → 근로·고용 (guide 2.9)
청년 메이커스페이스 | 3D프린터, 레이저 커터, CNC를 갖춘 시제품 제작 공간 운영으로 청년 창업 아이디어 구현 지원 | startup_support | 문 | 청년 | |
스마트 창업 인큐베이팅 센터 | 예비창업자에게 입주 공간, 멘토링, 투자 연계를 제공하는 창업보육센터를 스마트 기술 분야 중심으로 조성 | startup_support | 기 | | |
창업지원 정보 통합포털 | 중앙부처·도·시의 창업 지원사업 공고와 신청 기간을 모아 한눈에 보여줌 | startup_support | 정 | | |
조선업 인력난 해소를 위한 VR 용접·도장 직업훈련센터 운영 | 가상현실 시뮬레이터로 용접·도장 기술을 반복 실습하게 하여 조선소 취업 희망자를 양성한다. | startup_support | 문 | | | hard: training suggests 교육; the purpose is employment skills for the shipyards → 근로·고용, runner-up 교육
재직자 디지털 직무전환 교육 | 제조업 재직자를 대상으로 스마트공장 운영, 데이터 활용 직무 전환 교육을 온라인·오프라인 병행 운영 | startup_support | 문 | 기타 | | runner-up 교육; job transition → 근로·고용
귀농·귀어 창업 정보 플랫폼 | 귀농·귀어 희망자에게 빈집·농지 정보, 창업자금, 정착 교육 일정을 제공 | startup_support | 정 | 기타 | |
1인 크리에이터 창업 스튜디오 | 영상 촬영·편집 장비를 갖춘 스튜디오를 청년 크리에이터에게 무료 대관 | startup_support | 기 | 청년 | |
여성 온라인창업 보육 | 온라인 쇼핑몰 개설, 상세페이지 제작, 마케팅 교육과 판로 상담을 묶어 여성 예비창업자 지원 | startup_support | 문 | 여성 | |
빅데이터 창업 입지 추천 | 업종을 고르면 상권 빅데이터로 예상 매출과 경쟁 점포 수를 분석해 예비 창업자에게 입지를 추천 | startup_support | 정 | 기타 | | hard: 상권 분석 for the administration would be 행정 (admin_analytics); here it serves would-be founders → 근로·고용
스마트공장 전문인력 양성 | 지역 특성화고·폴리텍 학생을 대상으로 스마트공장 설비 운영 실무 교육 후 산단 기업 취업 연계 | startup_support | 문 | 아동;청년 | | runner-up 교육; outcome is employment in the industrial complex
드론 조종 자격 취득 지원 | 드론 국가자격 실기교육과 시험장 운영으로 방제·촬영 분야 취업을 돕는다 | startup_support | 문 | | | hard: 드론 suggests 교통/방재; purpose is job skills → 근로·고용
온라인 직업적성 진단 | 구직자가 온라인으로 직업 흥미·적성 검사를 받고 결과에 맞는 직종과 훈련과정을 안내받음 | startup_support | 정 | | |
폐교 활용 청년 창업캠퍼스 | 학생 수 감소로 문을 닫은 폐교를 리모델링해 청년 창업가 사무실, 공유주방, 농산물 가공 시설을 갖춘 창업캠퍼스를 만든다. | startup_support | 기 | 청년 | |
사회적경제기업 통합지원 플랫폼 | 협동조합·마을기업·사회적기업의 설립 상담, 판로 지원, 교육 신청을 온라인으로 통합한 플랫폼 구축 | startup_support | 기 | 기타 | |
AI 모의면접 | 구직자가 웹캠 앞에서 답변하면 AI가 표정·음성·답변 내용을 분석해 피드백을 준다. | startup_support | 문 | | |
청년 창업공간 | | startup_support | 기 | 청년 | | name only
"""

WORKER_SAFETY = """
노후 산업단지 근로자 웨어러블 기반 스마트 안전관리 체계 구축 | 웨어러블 밴드로 작업자의 심박, 낙상, 위치를 수집하여 이상 시 관리자에게 즉시 알림 | worker_safety | 정 | 기타 | 센서 | codebook worker_safety (근로자 안전·보호); runner-up 방범·방재
밀폐공간 작업자 유해가스 감지 | IoT 센서로 맨홀·저장탱크 등 밀폐공간 산소·황화수소 농도 측정 → 작업자 단말 경보 | worker_safety | 정 | 기타 | | hard: name suggests 방범·방재 or 시설물관리; the protected party is the worker → 근로·고용
건설현장 스마트 안전모 | 충격·추락 감지 센서와 위치 발신기를 넣은 안전모로 현장 사고를 실시간 파악합니다. | worker_safety | 정 | 기타 | |
옥외 근로자 폭염 온열질환 알림 | 체감온도가 기준을 넘으면 건설·환경미화 등 옥외 근로자에게 휴식 권고 알림과 그늘 휴게소 위치를 전송 | worker_safety | 정 | 기타 | | runner-up 방범·방재 (폭염); the group protected is workers
이동노동자 스마트 쉼터 | 배달 라이더, 대리기사, 택배기사를 위한 휴게공간 : 휴대폰 충전, 냉난방, 무료 WiFi, 노동 상담 키오스크 | worker_safety | 문 | 기타 | | hard: 쉼터 suggests 기타 street_space or 교통; the purpose is rest and protection of mobile workers → 근로·고용
환경미화원 작업 안전 지원 | 청소차량 후방 감지 카메라와 작업자 착용형 경광 조끼로 새벽 수거 작업 중 교통사고 예방 | worker_safety | 문 | 기타 | | hard: name suggests 환경 (waste); the outcome is worker safety
어선원 해상 추락 위치발신 | 구명조끼에 부착된 발신기가 바다에 빠진 선원의 위치를 선박과 해경에 자동 전송 | worker_safety | 정 | 농어민 | GPS | runner-up 방범·방재
노동권익 상담 챗봇 | 임금체불, 부당해고, 직장 내 괴롭힘 상담을 AI 챗봇이 1차 응대하고 노무사 상담으로 연결 | worker_safety | 문 | | | AI 자동 답변 → 문제해결
외국인 근로자 다국어 노동 상담 | 통역 상담원과 화상 연결하여 외국인 근로자의 근로계약·산재 문제를 모국어로 상담 | worker_safety | 문 | 다문화 | |
작업장 유해물질 실시간 감시 | 도금·염색 공장 밀집지역 작업장에 유해가스 측정기를 설치하고 농도 초과 시 근로자 대피 알림 | worker_safety | 정 | 기타 | 센서 | runner-up 환경·에너지·수자원 (the outcome asked for is worker protection)
고령 농업인 농작업 사고 감지 | 경운기·트랙터에 전복 감지 단말을 달아 사고 시 가족과 119에 자동 신고 | worker_safety | 문 | 노인;농어민 | 센서 | hard: runner-up 방범·방재; automatic dispatch → 문제해결
지게차 충돌방지 시스템 | 물류창고·공장 지게차에 AI 카메라를 달아 보행 작업자 접근 시 자동 감속·정지 | worker_safety | 문 | 기타 | | senses and acts → 문제해결
건설근로자 전자카드 출퇴근 관리 | 전자카드로 출퇴근을 기록해 퇴직공제 적립과 임금 지급 근거를 자동으로 남김 | worker_safety | 문 | 기타 | | worker protection (보호) → 근로·고용
플랫폼 노동자 권익 정보 안내 | 배달·대리운전 등 플랫폼 종사자에게 산재보험 가입, 표준계약서, 분쟁 상담 창구 정보를 알기 쉽게 제공 | worker_safety | 정 | 기타 | |
교대근무자 피로도 모니터링 | 석유화학 단지 야간 교대 근무자의 졸음·피로 징후를 착용형 센서로 측정하여 본인과 안전관리자에게 알린다 | worker_safety | 정 | 기타 | | runner-up 방범·방재; the protected party is the worker
외국인 근로자 VR 안전교육 | 언어 장벽으로 안전수칙 전달이 어려운 외국인 근로자에게 모국어 VR 콘텐츠로 현장 위험 상황을 체험 교육 | worker_safety | 문 | 다문화 | | runner-up 교육; the outcome is worker safety
근로자 안전관리 시스템 | Ÿ 위험구역 출입 감지\\nŸ 작업자 위치 모니터링 | worker_safety | 정 | 기타 | | noisy bullets, very short
"""

if __name__ == "__main__":
    write_domain("employment", JOB_MATCHING, SMART_WORK, STARTUP, WORKER_SAFETY)
