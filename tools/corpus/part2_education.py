"""교육 (education) entries of the labelled corpus: remote learning, libraries, digital literacy, school support.

Run: .venv/bin/python tools/corpus/part2_education.py
"""

from part2_common import write_domain

LIBRARY = """
스마트 도서관 | 지하철역과 행정복지센터에 무인 도서 대출·반납기를 설치하여 도서관에 가지 않고도 책을 빌리고 반납 | library | 문 | | | 스마트 도서관 → 교육 (guide 2.9, decree: 도서관서비스)
24시간 예약도서 무인 수령함 | 홈페이지에서 예약한 책을 퇴근 후에도 찾아갈 수 있도록 도서관 입구에 무인 수령함을 운영한다. | library | 문 | | |
도서관 열람실 좌석 현황 안내 | 열람실 좌석 이용 현황을 실시간으로 누리집과 앱에 표출, 모바일 좌석 예약 | library | 정 | | 모바일앱 |
지역 전자책 구독 서비스 | 시민 누구나 도서관 회원증으로 전자책·오디오북을 스마트폰에서 무료로 빌려 읽음 | library | 문 | | 모바일앱 |
도서관 상호대차 책 배달 | 가까운 도서관에 없는 책을 다른 공공도서관에서 받아 집 근처 작은도서관으로 배달해 주는 서비스 | library | 문 | | | hard: 배달 suggests 물류; the outcome is access to library books → 교육 (library)
공공도서관 통합검색 앱 | 시립·구립·작은도서관 소장 자료를 한 번에 검색하고 대출 가능 여부를 확인 | library | 정 | | 모바일앱 |
AI 맞춤형 도서 추천 | 대출 이력과 연령대를 분석해 AI가 읽을 만한 책을 추천하고 신착 도서를 알려준다 | library | 정 | | |
RFID 장서관리 자동화 | 소장 도서 전체에 RFID 태그를 부착, 휴대형 리더기로 장서 점검과 분실 도서 확인을 자동화함 | library | 문 | | |
작은도서관 통합관리 시스템 | 마을 작은도서관 40곳의 회원·장서·대출 정보를 하나의 클라우드 시스템으로 통합 구축 | library | 기 | | |
시각장애인 음성도서 서비스 | 시각장애인과 저시력 어르신을 위해 오디오북, 점자 변환 파일, 큰글자책을 제공하고 집으로 우편 대출 | library | 문 | 노인;장애인 | | decree: 장애인학습지원; runner-up 보건·의료·복지
찾아가는 스마트 이동도서관 | 도서관이 없는 면 지역 마을회관을 순회하는 이동도서관 차량에 전자대출 시스템과 태블릿 열람석을 갖춤 | library | 문 | | |
로봇 사서 안내 | 자율주행 안내 로봇이 이용자가 찾는 책의 서가 위치까지 함께 이동하며 안내 | library | 정 | | |
희망도서 서점 바로대출 | 읽고 싶은 신간을 동네 서점에서 바로 빌려 읽고 서점에 반납하면 도서관 장서로 편입 | library | 문 | | |
공원 속 무인 북카페 | 근린공원 쉼터에 무인 대출 서가와 독서 공간을 설치. 누구나 회원 인증 후 이용 | library | 문 | | | hard: 공원 suggests 문화·관광·스포츠; the service is a library → 교육
도서관 혼잡도 알림 | 출입 인원 센서로 도서관 층별 혼잡도를 측정해 알려 줌 | library | 정 | | |
향토자료 디지털 아카이브 | 지역 신문, 고문서, 사진 등 향토자료를 디지털화하여 도서관 누리집에서 열람 서비스 | library | 정 | | | runner-up 문화·관광·스포츠; it is a library's collection service → 교육
어린이 AR 그림책 독서교실 | 도서관 유아 열람실에서 그림책 속 캐릭터가 증강현실로 튀어나오는 독서 프로그램 운영 | library | 문 | 아동 | | hard: AR suggests 문화·관광·스포츠 (immersive_experience); the purpose is reading education in the library → 교육
도서관 대출 빅데이터 분석 | 지역 주민의 대출 데이터를 분석해 연령·지역별 독서 경향을 파악하고 장서 구입 계획에 반영 | library | 정 | | |
다문화 가정 다국어 도서 서비스 | 결혼이민자 가정을 위해 베트남어·중국어·필리핀어 그림책과 이중언어 동화책을 비치하고 전자책으로도 제공 | library | 문 | 다문화 | |
도서 소독·대출 겸용 키오스크 | 자외선 책 소독기와 무인 대출 기능을 결합한 키오스크를 주민센터에 둠 | library | 문 | | |
도서관 강좌·독서행사 알림 | 관심 분야를 등록한 회원에게 도서관 인문학 강좌, 저자 초청 강연, 독서 동아리 모집 소식을 문자로 발송 | library | 정 | | |
공공 학습공간 좌석 지도 | 구립 청소년 공부방, 공공 스터디카페, 도서관 열람실의 남은 좌석을 지도 하나로 보여 주는 서비스 | library | 정 | 아동;청년 | GIS |
스마트 도서관 구축 | | library | 문 | | | name only
"""

REMOTE = """
농산어촌 소규모학교 원격 공동수업 | 학생 수가 적어 과목 교사가 없는 면 지역 학교들을 실시간 화상으로 묶어 공동 교육과정을 운영 | remote_learning | 문 | 아동 | | decree: 원격교육서비스
도서지역 학생 온라인 튜터링 | 학원이 없는 섬 지역 중학생에게 대학생 멘토가 화상으로 주 2회 학습 지도를 한다. | remote_learning | 문 | 아동;청년 | |
평생학습 온라인 플랫폼 구축 | 시민 누구나 강좌를 듣고 수료증을 받을 수 있는 지역 평생학습 온라인 플랫폼(LMS) 구축 | remote_learning | 기 | | |
시민대학 온라인 강좌 | 인문·경제·건강 등 시민대학 강좌를 녹화해 스마트폰과 IPTV로 언제든 수강 | remote_learning | 문 | | 모바일앱 |
장애인 원격학습 지원 | 이동이 어려운 장애 학생과 성인 장애인에게 보조공학기기와 맞춤형 원격교육 콘텐츠를 제공 | remote_learning | 문 | 장애인 | | decree example 장애인학습지원 → 교육; runner-up 보건·의료·복지
병원학교 원격수업 | 장기 입원·통원 치료 중인 아동이 병실에서 화상으로 원적 학교 수업에 참여하여 학습 결손을 막음 | remote_learning | 문 | 아동 | | hard: 병원 suggests 보건·의료·복지; the outcome is schooling → 교육
결혼이민자 한국어 원격교육 | 농촌 지역 결혼이민자가 집에서 화상으로 한국어 수업을 듣고 숙제는 앱으로 제출 | remote_learning | 문 | 다문화 | 모바일앱 |
AI 튜터 기초학력 지원 | AI 학습진단으로 초등학생의 취약 단원을 찾아 맞춤 문제를 제공하는 기초학력 보충 프로그램 | remote_learning | 문 | 아동 | |
평생학습 강좌 통합 안내 | 구청·주민센터·도서관·복지관에서 열리는 평생학습 강좌 일정과 신청 방법을 한곳에 모아 보여줌 | remote_learning | 정 | | |
원어민 화상영어 교실 | 영어 사교육 접근성이 낮은 읍면 초등학생 대상 원어민 강사 1:1 화상영어 | remote_learning | 문 | 아동 | |
온라인 영농교육 | 농업기술센터 영농교육을 온라인으로 중계하고 다시보기 영상을 제공하여 농번기에도 교육 이수 | remote_learning | 문 | 농어민 | | runner-up 근로·고용; it is education delivered remotely → 교육
원격교육 콘텐츠 제작 스튜디오 | 교사와 평생학습 강사가 온라인 강의를 촬영·편집할 수 있는 스튜디오 조성 | remote_learning | 기 | | |
학교 밖 청소년 온라인 학습 | 검정고시를 준비하는 학교 밖 청소년에게 온라인 강의 수강권과 학습 상담 제공 | remote_learning | 문 | 아동 | |
화상 진로 멘토링 | 지역 청소년과 다양한 직업인 멘토를 화상으로 연결해 진로 탐색 대화를 진행 | remote_learning | 문 | 아동 | |
실시간 쌍방향 수업 기반 구축 | 관내 초·중학교에 교실용 카메라, 마이크, 전자칠판과 무선망을 구축하여 원격수업 환경 마련 | remote_learning | 기 | 아동 | |
어르신 온라인 평생학습 채널 | 노인복지관 강좌를 실시간 방송하여 거동이 불편한 고령자가 집에서 TV로 시청하고 질문도 가능 | remote_learning | 문 | 노인 | | runner-up 보건·의료·복지; teaching delivered → 교육
온라인 학습콘텐츠 큐레이션 | K-MOOC, EBS, 대학 공개강의 가운데 시민 관심사별로 좋은 강좌를 골라 소개 | remote_learning | 정 | | |
평생학습 이력 관리 | 시민이 들은 평생학습 강좌, 자격, 봉사 시간을 학습계좌에 모아 조회하고 증명서 발급에 활용 | remote_learning | 정 | | |
원격수업 | | remote_learning | 문 | | | name only
"""

DIGITAL = """
어르신 디지털 배움터 | 스마트폰 기초, 메신저, 모바일 뱅킹, 병원 예약 앱 사용법을 어르신 눈높이로 교육 | digital_literacy | 문 | 노인 | 모바일앱 |
키오스크 사용 체험 교실 | 패스트푸드점·병원·기차역 키오스크와 똑같은 교육용 기기로 고령자가 반복 연습할 수 있게 함 | digital_literacy | 문 | 노인 | |
초등 SW·코딩 교육 | 방과후 시간에 블록코딩, 피지컬컴퓨팅 수업을 운영하여 초등학생의 소프트웨어 역량 강화 | digital_literacy | 문 | 아동 | |
AI 교육 체험관 | 인공지능의 원리를 놀이처럼 체험하는 전시·체험 공간을 청소년수련관에 조성 | digital_literacy | 정 | 아동 | | runner-up 문화·관광·스포츠 (전시); purpose is AI education → 교육
청소년 메이커 교육공간 | 3D프린터, 레이저 커터, 아두이노를 갖춘 메이커 교육실을 만들고 학교 동아리에 개방 | digital_literacy | 기 | 아동 | | maker space for students' learning → 교육 (cf. 청년 창업 maker space → 근로·고용)
드론 코딩 교실 | 드론을 직접 프로그래밍해 날려 보는 청소년 코딩 교육 | digital_literacy | 문 | 아동 | |
시민 디지털 역량 진단 | 온라인 문항으로 개인의 디지털 활용 수준을 진단하고 수준별 교육 과정을 안내 | digital_literacy | 정 | | |
찾아가는 디지털 교육버스 | 노트북과 VR 기기를 실은 교육 버스가 읍·면을 방문하여 주민 디지털 교육 실시 | digital_literacy | 문 | | |
장애인 디지털 역량 교육 | 발달장애인과 시각장애인을 위한 맞춤형 스마트기기 활용 교육과 보조기기 사용법 교육 | digital_literacy | 문 | 장애인 | |
결혼이민여성 디지털 교육 | 모국어 강사가 진행하는 스마트폰 행정서비스·온라인 장보기 교육 | digital_literacy | 문 | 여성;다문화 | |
시민 데이터 리터러시 교육 | 공공데이터를 찾고 읽는 방법, 엑셀·시각화 기초를 시민에게 가르치는 강좌 | digital_literacy | 문 | | |
스마트시티 시민 아카데미 | 시민이 스마트도시의 개념, 우리 시 서비스, 데이터 활용을 배우는 8주 과정 교육을 운영한다. | digital_literacy | 문 | | | hard: runner-up 행정 (civic_participation); the activity is teaching → 교육
어린이 로봇 코딩 캠프 | 방학 기간 교육용 로봇을 조립하고 움직임을 코딩하는 체험형 캠프 | digital_literacy | 문 | 아동 | |
디지털 배움터 교육일정 안내 | 동네별 디지털 배움터 위치, 과목, 강사 일정을 지도와 문자로 안내 | digital_literacy | 정 | | |
AI 교육 플랫폼 | 관내 학교가 공동으로 쓰는 AI 실습 환경(클라우드 GPU, 교육용 데이터셋)을 구축하여 AI 수업 지원 | digital_literacy | 기 | 아동 | |
디지털교육 거점센터 조성 | 교육실, 장비 대여, 강사 풀을 갖춘 지역 디지털 교육 거점센터 설치 | digital_literacy | 기 | | |
디지털 금융사기 예방 교육 | 스미싱, 보이스피싱 사례를 실습 문자로 체험하며 고령층의 피해 예방 능력을 키우는 교육 | digital_literacy | 문 | 노인 | | hard: 사기 예방 suggests 방범·방재; the service teaches → 교육
청소년 메타버스 창작 교실 | 청소년이 직접 메타버스 공간을 설계하고 우리 동네를 가상으로 구현해 보는 창작 교육 | digital_literacy | 문 | 아동 | |
3D프린팅 시민 교육 | 무료 3D 모델링·출력 교육 | digital_literacy | 문 | | | very short description
디지털 역량 강화 교육 | ① 어르신 스마트폰 교육 ② 청소년 코딩 교육 ③ 일반 시민 AI 활용 교육 | digital_literacy | 문 | 노인;아동 | | noisy numbering
"""

SCHOOL = """
스마트 교실 구축 | 전자칠판, 학생용 태블릿, 무선 AP를 갖춘 스마트 교실을 관내 초등학교에 구축 | school_support | 기 | 아동 | |
학부모 알림장 앱 | 학교·유치원 공지, 가정통신문, 일정을 앱 푸시로 학부모에게 전달 | school_support | 정 | 아동 | 모바일앱 |
다국어 가정통신문 번역 | AI 번역으로 가정통신문을 베트남어, 중국어 등으로 바꿔 다문화 학부모에게 보냄 | school_support | 정 | 아동;다문화 | | AI implied by AI 번역
유치원 활동 알림 서비스 | 유치원 하루 활동 사진, 식단, 투약 의뢰를 학부모가 앱으로 확인 | school_support | 정 | 아동 | 모바일앱 | decree example 유치원서비스 → 교육
방과후 프로그램 통합 신청 | 학교 방과후 강좌와 지역 청소년 프로그램을 한 화면에서 조회·신청·결제 | school_support | 문 | 아동 | |
메타버스 진로체험관 | 학생이 가상공간에서 소방관, 간호사, 항공 정비사 등 직업을 체험하며 진로를 탐색 | school_support | 정 | 아동 | | hard: 체험 suggests 문화·관광·스포츠 (immersive); the purpose is career education → 교육
학교 급식 식단·알레르기 안내 | 오늘의 급식 식단과 알레르기 유발 식품 정보를 알림으로 제공 | school_support | 정 | 아동 | |
지역 연계 체험학습 예약 | 관내 박물관, 농장, 공방의 체험학습 프로그램을 학교가 온라인으로 예약하고 버스 배차까지 연결 | school_support | 문 | 아동 | | runner-up 문화·관광·스포츠; users are schools organising learning → 교육
학교시설 주민 개방 예약 | 주말·방과 후 학교 운동장과 강당을 주민이 온라인으로 예약해서 쓸 수 있게 함 | school_support | 문 | | | hard: runner-up 문화·관광·스포츠 (sports_leisure); the facility and its operator are schools
학생 맞춤형 진로 데이터 분석 | 학생 적성검사, 교과 성취도 데이터를 분석해 진로 방향과 추천 학과 리포트 제공 | school_support | 정 | 아동 | |
소규모학교 공동교육과정 플랫폼 | 여러 학교 학생이 함께 수강 신청하고 출결·평가를 관리하는 공동교육과정 운영 플랫폼 | school_support | 기 | 아동 | |
초등 입학준비 정보 | 취학 통지, 예방접종 확인, 돌봄교실 신청 등 초등 입학 준비사항을 시기별로 알림 | school_support | 정 | 아동 | |
학원 교습비 정보 공개 | 동네 학원·교습소의 과목별 교습비와 등록 현황을 지도에서 비교 | school_support | 정 | | GIS |
특수학급 학습보조 로봇 | 특수학급에 소셜 로봇을 배치해 발달장애 학생의 의사소통·집중력 학습을 돕는다 | school_support | 문 | 아동;장애인 | | decree: 장애인학습지원
어린이 교통안전 VR 교육 | VR 기기로 횡단보도 건너기, 차량 사각지대를 체험하는 어린이 교통안전 교육 | school_support | 문 | 아동 | | hard: 교통안전 suggests 교통/방범·방재; the service is teaching → 교육
AR 과학 실험실 | 위험하거나 비용이 큰 과학 실험을 증강현실로 수행하는 중학교 과학 수업 지원 | school_support | 문 | 아동 | |
전자출결 및 학습이력 관리 | 학생증 NFC 태그로 출결을 자동 기록하고 학습 이력을 학부모에게 공유 | school_support | 문 | 아동 | |
장학금 정보 맞춤 알림 | 재단·기업·지자체 장학금 공고를 학년과 소득 구간에 맞춰 학생과 학부모에게 알려준다 | school_support | 정 | 아동;청년 | |
학교 배정·통학구역 안내 | 주소를 입력하면 배정 가능한 초·중학교와 통학구역, 학교별 학급 수를 보여 줌 | school_support | 정 | 아동 | |
지역 교육자원 지도 | 마을 강사, 체험처, 청소년 시설 등 학교가 활용할 수 있는 지역 교육자원을 GIS 지도로 제공 | school_support | 정 | | |
학습부진 조기 알림 | 출결과 형성평가 결과를 분석하여 학습 결손 우려가 있는 학생을 담임교사와 학습지원 담당에게 미리 알림 | school_support | 정 | 아동 | |
교육정보 통합 데이터베이스 | 관내 학교, 학원, 평생교육기관, 도서관 정보를 하나의 DB로 모아 교육 관련 앱·누리집이 공동 활용 | school_support | 기 | | | education-only data hub → 교육 (a city-wide data hub would be 기타 data_platform)
유치원 모집정보 통합 안내 | 관내 국공립·사립 유치원의 모집 인원, 교육과정 특색, 통학버스 운행 여부를 비교해 볼 수 있도록 제공 | school_support | 정 | 아동 | |
스마트 학교 | ○ 스마트 교실 및 무선망 구축\\n  - 교원 스마트기기 연수 | school_support | 기 | | | noisy bullets
학습 정보 제공 | | school_support | 정 | | | name only, generic
"""

if __name__ == "__main__":
    write_domain("education", LIBRARY, REMOTE, DIGITAL, SCHOOL)
