"""Upload jobs live in a store shared by every worker process, and a failed upload is not kept on the server."""

from __future__ import annotations

from pathlib import Path

from .conftest import make_client
from .test_api_writes import AUTH, INVENTORY, wait_for


def test_a_job_submitted_to_one_worker_shows_on_another(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    db = fresh_catalogue[0]
    with make_client(db) as first, make_client(db) as second:  # two apps over one catalogue: two workers
        sent = first.post("/api/uploads", files={"file": ("강릉.csv", INVENTORY, "text/csv")}, headers=AUTH)
        assert sent.status_code == 202, sent.text
        job_id = sent.json()["job"]["id"]
        done = wait_for(second, job_id)
        assert done["status"] == "done" and len(done["services"]) == 2
        assert job_id in [j["id"] for j in second.get("/api/jobs").json()]


def test_a_failed_upload_is_removed_from_the_upload_folder(
    fresh_catalogue: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    uploads = tmp_path / "uploads"
    with make_client(fresh_catalogue[0], upload_dir=uploads) as c:
        memo = "회의 메모\n\n다음 주 회의 일정을 정한다.\n".encode()
        sent = c.post("/api/uploads", files={"file": ("메모.txt", memo, "text/plain")}, headers=AUTH)
        assert sent.status_code == 202, sent.text
        job = wait_for(c, sent.json()["job"]["id"])
        assert job["status"] == "failed" and job["error"]["code"] == "no_services"
    assert [p for p in uploads.rglob("*") if p.is_file()] == []
