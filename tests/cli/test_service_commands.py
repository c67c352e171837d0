"""`scatlas service …` and `scatlas plans`: the library's edits from the terminal, each logged and undoable."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from scatlas.catalogue import Catalogue
from scatlas.cli import app

runner = CliRunner()


def _db(tmp_path):
    (tmp_path / "a.csv").write_text(
        "기초자치단체,계획기간,서비스명,서비스 내용\n"
        "목포시,2019~2023,스마트 정류장,도착 정보\n"
        "목포시,2019~2023,스마트 가로등 및 벤치,LED와 충전\n"
        "목포시,2024~2028,스마트 정류장,도착 정보\n"
        "소관없음,2024~2028,드론 배송,섬 지역\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.csv"), "--no-code", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _ids(db):
    with Catalogue.open(db) as cat:
        return {(s["name"], s["period_start"]): s["service_id"] for s in cat.services()}, cat.plans()


def test_edit_split_merge_move_undo_and_history_from_the_terminal(tmp_path):
    db = _db(tmp_path)
    ids, plans = _ids(db)
    common = ["--db", str(db), "--editor", "kim"]
    r = runner.invoke(
        app,
        [
            "service",
            "edit",
            str(ids[("스마트 정류장", 2019)]),
            "--name",
            "스마트 버스정류장",
            "--reason",
            "본문 표기",
            *common,
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app,
        [
            "service",
            "split",
            str(ids[("스마트 가로등 및 벤치", 2019)]),
            "--part",
            "스마트 가로등::LED",
            "--part",
            "스마트 벤치::충전",
            *common,
        ],
    )
    assert r.exit_code == 0, r.output
    newer = next(p["id"] for p in plans if p["period_start"] == 2024 and p["municipality"] == "목포시")
    r = runner.invoke(
        app,
        [
            "service",
            "move",
            str(ids[("드론 배송", 2024)]),
            "--plan",
            str(newer),
            "--reason",
            "목포시 섬 지역 서비스",
            *common,
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["service", "add", "--plan", str(newer), "--name", "스마트 쉼터", "--page", "12", *common])
    assert r.exit_code == 0 and "추가함" in r.output
    r = runner.invoke(app, ["service", "delete", str(ids[("스마트 정류장", 2024)]), "--reason", "중복", *common])
    assert r.exit_code == 0
    r = runner.invoke(app, ["service", "undo", *common])
    assert r.exit_code == 0 and "delete" in r.output
    r = runner.invoke(app, ["service", "history", "--json", "--db", str(db)])
    log = json.loads(r.output)
    assert [e["action"] for e in log] == ["delete", "add", "move", "split", "edit"]
    assert log[0]["undone_by"] == "human:kim" and all(e["editor"] == "human:kim" for e in log)
    ids, _ = _ids(db)
    assert ("스마트 버스정류장", 2019) in ids and ("스마트 벤치", 2019) in ids and ("드론 배송", 2024) in ids
    assert ("스마트 정류장", 2024) in ids  # the delete was undone


def test_errors_are_clean_and_plans_show_which_counts(tmp_path):
    db = _db(tmp_path)
    r = runner.invoke(app, ["service", "merge", "999999", "1", "--db", str(db), "--editor", "kim"])
    assert r.exit_code == 1 and "999999" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["service", "undo", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "카탈로그가 없습니다" in r.output
    r = runner.invoke(app, ["plans", "--db", str(db)], terminal_width=200)
    assert r.exit_code == 0 and "최신 기준" in r.output
    _, plans = _ids(db)
    older = next(p["id"] for p in plans if p["period_start"] == 2019)
    r = runner.invoke(
        app,
        ["plans", "--count", str(older), "--reason", "비교 기준", "--db", str(db), "--editor", "kim"],
        terminal_width=200,
    )
    assert r.exit_code == 0 and "선택" in r.output
