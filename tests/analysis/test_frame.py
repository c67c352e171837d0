"""Loading rows: the effective basis agrees with the catalogue's service_view, service by service."""

from __future__ import annotations

from tests.analysis.builders import S, build

from scatlas.analysis import load_rows


def test_effective_rows_match_service_view(tmp_path):
    cat = build(
        tmp_path / "x.db",
        [
            (
                "고양시",
                (2019, 2023),
                [
                    S(
                        "불법주정차 단속",
                        "transport",
                        declared="행정",
                        subtype="traffic_info",
                        function="문제해결",
                        groups=["일반"],
                        techs=["CCTV"],
                    ),
                    S("스마트 가로등", "environment", subtype="energy", function="기반구축", human="facilities"),
                    S("치매노인 배회감지", "safety", subtype="vulnerable_safety", groups=["노인"], techs=["GPS"]),
                    S("이름뿐인 서비스", None, declared="교통"),
                    S("분류 없음", None),
                ],
            ),
        ],
    )
    rows = {r.service_id: r for r in load_rows(cat)}
    for v in cat.services():
        r = rows[v["service_id"]]
        assert (r.domain_id, r.subtype, r.function, r.coder) == (
            v["domain_id"],
            v["subtype"],
            v["function"],
            v["coder"],
        ), v["name"]
        assert ";".join(r.target_groups) == (v["target_groups"] or "") and ";".join(r.technologies) == (
            v["technologies"] or ""
        )
    by_name = {r.name: r for r in rows.values()}
    assert by_name["스마트 가로등"].domain_id == "facilities" and by_name["스마트 가로등"].subtype is None
    assert by_name["불법주정차 단속"].domain_id == "admin" and by_name["불법주정차 단속"].subtype is None
    assert by_name["분류 없음"].domain_id is None
    declared = {r.name: r.domain_id for r in load_rows(cat, "declared")}
    assert declared == {
        "불법주정차 단속": "admin",
        "스마트 가로등": None,
        "치매노인 배회감지": None,
        "이름뿐인 서비스": "transport",
        "분류 없음": None,
    }
    cat.close()
