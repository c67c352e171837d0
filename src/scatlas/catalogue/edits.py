"""Correcting the service list: add, edit, delete (restorable), merge, split and move services, and undo any of it.

Every change is one transaction and one row of ``service_edit`` (who, when, what, why, and a snapshot of what was
there before), so it can be undone. A deleted or merged-away service leaves the ``service`` table (every analysis
and page sees the corrected list without a filter); its row and codings stay in the log and come back with the
same ids on undo or restore. Re-ingesting a changed file keeps all of this (see ``Catalogue.import_source``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from scatlas.catalogue.rowid import inserted_id
from scatlas.errors import CatalogueError

EDITABLE = ("name", "description", "page")
_SERVICE_COLUMNS = (
    "id",
    "plan_id",
    "position",
    "name",
    "description",
    "declared_domain",
    "declared_label",
    "page",
    "extra",
    "origin",
    "extracted_name",
    "edited",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def editor_name(editor: str) -> str:
    """'kim' or 'human:kim' → 'human:kim'; CatalogueError for an empty name."""
    name = editor.split(":", 1)[1] if editor.startswith("human:") else editor
    if not name.strip():
        raise CatalogueError("편집자 이름이 필요합니다 (--editor 이름)")
    return f"human:{name.strip()}"


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@dataclass
class Edit:
    """One logged change (a row of service_edit)."""

    id: int
    action: str
    service_id: int | None
    editor: str
    reason: str
    created_at: str
    before: dict[str, Any]
    after: dict[str, Any]
    related: list[int]
    undone_at: str | None = None
    undone_by: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Edit:
        return cls(
            row["id"],
            row["action"],
            row["service_id"],
            row["editor"],
            row["reason"],
            row["created_at"],
            json.loads(row["before"]),
            json.loads(row["after"]),
            json.loads(row["related"]),
            row["undone_at"],
            row["undone_by"],
        )

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class ServiceEditor:
    """Edits of one person (``human:<name>``) on one catalogue."""

    def __init__(self, cat: Any, editor: str) -> None:
        self.cat = cat
        self.conn: sqlite3.Connection = cat.conn
        self.editor = editor_name(editor)

    # ------------------------------------------------------------------ reading helpers
    def _service(self, service_id: int) -> dict[str, Any]:
        row = self.conn.execute(
            f"SELECT {', '.join(_SERVICE_COLUMNS)} FROM service WHERE id = ?", (int(service_id),)
        ).fetchone()
        if row is None:
            raise CatalogueError(f"서비스 {service_id} 이(가) 없습니다 (삭제되었거나 병합되었을 수 있습니다)")
        return dict(row)

    def _plan(self, plan_id: int) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT p.*, s.path AS source_path FROM plan p JOIN source s ON s.id = p.source_id WHERE p.id = ?",
            (int(plan_id),),
        ).fetchone()
        if row is None:
            raise CatalogueError(f"계획 {plan_id} 이(가) 없습니다")
        return dict(row)

    def _snapshot(self, service_id: int) -> dict[str, Any]:
        """The service row and every coding of it, to bring it back exactly."""
        service = self._service(service_id)
        codings = [
            dict(r) for r in self.conn.execute("SELECT * FROM coding WHERE service_id = ? ORDER BY id", (service_id,))
        ]
        return {"service": service, "codings": codings}

    def _reinsert(self, snapshot: dict[str, Any]) -> None:
        service = snapshot["service"]
        if self.conn.execute("SELECT 1 FROM plan WHERE id = ?", (service["plan_id"],)).fetchone() is None:
            raise CatalogueError(f"서비스 {service['id']}의 계획이 더 이상 없습니다: 되살릴 수 없습니다")
        columns = list(service)
        self.conn.execute(
            f"INSERT INTO service({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [service[c] for c in columns],
        )
        for coding in snapshot["codings"]:
            cols = list(coding)
            self.conn.execute(
                f"INSERT INTO coding({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [coding[c] for c in cols],
            )

    def _remove(self, service_id: int) -> None:
        self.conn.execute("DELETE FROM service WHERE id = ?", (service_id,))  # codings go with it (cascade)

    def _log(
        self,
        action: str,
        service_id: int | None,
        reason: str,
        before: dict[str, Any],
        after: dict[str, Any],
        related: list[int] | None = None,
        origin: dict[str, Any] | None = None,
    ) -> int:
        origin = origin or {}
        return inserted_id(
            self.conn.execute(
                "INSERT INTO service_edit(action, service_id, related, editor, reason, created_at, before, after, "
                "source_path, municipality, extracted_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    action,
                    service_id,
                    json.dumps(related or []),
                    self.editor,
                    reason,
                    _now(),
                    json.dumps(before, ensure_ascii=False),
                    json.dumps(after, ensure_ascii=False),
                    origin.get("source_path"),
                    origin.get("municipality"),
                    origin.get("extracted_name"),
                ),
            )
        )

    def _origin(self, service: dict[str, Any]) -> dict[str, Any]:
        """Where an extracted service comes from: its file, municipality and printed name (None for human ones)."""
        if service.get("origin") != "extracted":
            return {}
        plan = self._plan(service["plan_id"])
        return {
            "source_path": plan["source_path"],
            "municipality": plan["municipality"],
            "extracted_name": service.get("extracted_name") or service["name"],
        }

    # ------------------------------------------------------------------ changes
    def add(
        self,
        plan_id: int,
        name: str,
        description: str = "",
        page: int | None = None,
        declared_domain: str | None = None,
        reason: str = "",
    ) -> int:
        """A service the extraction missed, added to a plan; returns its id."""
        name = _text(name, "서비스명")
        with transaction(self.conn):
            self._plan(plan_id)
            position = self.conn.execute(
                "SELECT COALESCE(max(position), -1) + 1 FROM service WHERE plan_id = ?", (plan_id,)
            ).fetchone()[0]
            service_id = inserted_id(
                self.conn.execute(
                    "INSERT INTO service(plan_id, position, name, description, declared_domain, page, origin, "
                    "extracted_name, edited) VALUES (?, ?, ?, ?, ?, ?, 'human', NULL, '[]')",
                    (plan_id, position, name, description or "", declared_domain, page),
                )
            )
            self._log(
                "add",
                service_id,
                reason,
                {},
                {"plan_id": plan_id, "name": name, "description": description, "page": page},
            )
        return service_id

    def edit(self, service_id: int, reason: str = "", **changes: Any) -> None:
        """Rename, or fix the description or page; fields not given stay as they are."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise CatalogueError(f"고칠 수 없는 항목: {', '.join(sorted(unknown))} (가능: {', '.join(EDITABLE)})")
        changes = {k: v for k, v in changes.items() if v is not None}
        if "name" in changes:
            changes["name"] = _text(changes["name"], "서비스명")
        if "page" in changes:
            changes["page"] = _page(changes["page"])
        with transaction(self.conn):
            current = self._service(service_id)
            changes = {k: v for k, v in changes.items() if current[k] != v}
            if not changes:
                raise CatalogueError("바뀐 내용이 없습니다")
            edited = sorted(set(json.loads(current["edited"])) | set(changes))
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE service SET {sets}, edited = ? WHERE id = ?",
                [*changes.values(), json.dumps(edited), service_id],
            )
            self._log(
                "edit",
                service_id,
                reason,
                {k: current[k] for k in changes} | {"edited": current["edited"]},
                changes,
                origin=self._origin(current),
            )

    def delete(self, service_id: int, reason: str = "") -> None:
        """Take a service off the list; it stays in the log with its codings and can be restored."""
        with transaction(self.conn):
            snapshot = self._snapshot(service_id)
            origin = self._origin(snapshot["service"])
            self._remove(service_id)
            self._log("delete", service_id, reason, snapshot, {}, origin=origin)

    def restore(self, service_id: int, reason: str = "") -> None:
        """Bring back a deleted service (or one merged away) with its id and codings."""
        with transaction(self.conn):
            if self.conn.execute("SELECT 1 FROM service WHERE id = ?", (service_id,)).fetchone():
                raise CatalogueError(f"서비스 {service_id} 은(는) 삭제되지 않았습니다")
            row = self.conn.execute(
                "SELECT * FROM service_edit WHERE undone_at IS NULL AND action = 'delete' AND service_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (service_id,),
            ).fetchone()
            if row is None:
                raise CatalogueError(f"서비스 {service_id} 의 삭제 기록이 없습니다 (병합은 undo로 되돌립니다)")
            edit = Edit.from_row(row)
            self._reinsert(edit.before)
            self.conn.execute(
                "UPDATE service_edit SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), self.editor, edit.id)
            )
            self._log("restore", service_id, reason, {}, {"restored_edit": edit.id})

    def merge(self, keep_id: int, other_ids: list[int], reason: str = "") -> None:
        """Merge duplicates into ``keep_id``: their human codings and edit history move to it; they leave the list.

        The kept service keeps its name; a description the others add is appended.
        """
        others = [int(i) for i in other_ids if int(i) != int(keep_id)]
        if not others:
            raise CatalogueError("병합할 다른 서비스를 하나 이상 지정하세요")
        with transaction(self.conn):
            kept = self._service(keep_id)
            snapshots = [self._snapshot(i) for i in others]
            description = kept["description"]
            for snap in snapshots:
                extra = snap["service"]["description"]
                if extra and extra not in description:
                    description = f"{description}\n{extra}" if description else extra
            moved: list[int] = []
            for snap in snapshots:
                ids = [c["id"] for c in snap["codings"] if str(c["coder"]).startswith("human:")]
                if ids:
                    self.conn.execute(
                        f"UPDATE coding SET service_id = ? WHERE id IN ({', '.join('?' * len(ids))})", [keep_id, *ids]
                    )
                    moved.extend(ids)
            for snap in snapshots:
                snap["moved_codings"] = [c["id"] for c in snap["codings"] if c["id"] in moved]
                self._remove(snap["service"]["id"])
            self.conn.execute("UPDATE service SET description = ? WHERE id = ?", (description, keep_id))
            self._log(
                "merge",
                keep_id,
                reason,
                {"kept": kept, "merged": snapshots},
                {
                    "description": description,
                    # each merged-away extracted service by its file, so a re-ingest keeps it merged
                    "origins": [self._origin(s["service"]) for s in snapshots],
                },
                related=others,
            )

    def split(self, service_id: int, parts: list[tuple[str, str]], reason: str = "") -> list[int]:
        """A cell that holds several services becomes several: the first part keeps the id (and codings), the
        others are new services right after it. Returns the ids, first the kept one."""
        if len(parts) < 2:
            raise CatalogueError("둘 이상으로 나누어야 합니다 (--part 를 두 번 이상)")
        parts = [(_text(n, "서비스명"), d or "") for n, d in parts]
        with transaction(self.conn):
            current = self._service(service_id)
            first_name, first_desc = parts[0]
            edited = sorted(set(json.loads(current["edited"])) | {"name", "description"})
            self.conn.execute(
                "UPDATE service SET name = ?, description = ?, edited = ? WHERE id = ?",
                (first_name, first_desc, json.dumps(edited), service_id),
            )
            self.conn.execute(
                "UPDATE service SET position = position + ? WHERE plan_id = ? AND position > ?",
                (len(parts) - 1, current["plan_id"], current["position"]),
            )
            new_ids = []
            for k, (name, desc) in enumerate(parts[1:], start=1):
                new_ids.append(
                    inserted_id(
                        self.conn.execute(
                            "INSERT INTO service(plan_id, position, name, description, declared_domain, declared_label, page, "
                            "origin, extracted_name, edited) VALUES (?, ?, ?, ?, ?, ?, ?, 'human', NULL, '[]')",
                            (
                                current["plan_id"],
                                current["position"] + k,
                                name,
                                desc,
                                current["declared_domain"],
                                current["declared_label"],
                                current["page"],
                            ),
                        )
                    )
                )
            self._log(
                "split",
                service_id,
                reason,
                {k: current[k] for k in ("name", "description", "edited")},
                {"parts": parts, "new_ids": new_ids},
                related=new_ids,
                origin=self._origin(current),
            )
        return [service_id, *new_ids]

    def move(self, service_id: int, plan_id: int, reason: str = "") -> None:
        """Move a service to another plan (filed under the wrong plan or municipality)."""
        with transaction(self.conn):
            current = self._service(service_id)
            if current["plan_id"] == int(plan_id):
                raise CatalogueError("이미 그 계획에 있습니다")
            self._plan(plan_id)
            position = self.conn.execute(
                "SELECT COALESCE(max(position), -1) + 1 FROM service WHERE plan_id = ?", (plan_id,)
            ).fetchone()[0]
            origin = self._origin(current)
            self.conn.execute(
                "UPDATE service SET plan_id = ?, position = ? WHERE id = ?", (plan_id, position, service_id)
            )
            self._log(
                "move",
                service_id,
                reason,
                {"plan_id": current["plan_id"], "position": current["position"]},
                {"plan_id": int(plan_id), "position": position},
                origin=origin,
            )

    def uncode(self, service_id: int, reason: str = "") -> dict[str, Any]:
        """Undo the latest human coding of a service (a review decision); it is kept in the log."""
        with transaction(self.conn):
            row = self.conn.execute(
                "SELECT * FROM coding WHERE service_id = ? AND coder LIKE 'human:%' ORDER BY id DESC LIMIT 1",
                (service_id,),
            ).fetchone()
            if row is None:
                raise CatalogueError(f"서비스 {service_id} 에 되돌릴 사람의 코딩이 없습니다")
            coding = dict(row)
            self.conn.execute("DELETE FROM coding WHERE id = ?", (coding["id"],))
            self._log("uncode", service_id, reason, {"coding": coding}, {})
        return coding

    def choose_plan(self, plan_id: int, counts: bool | None, reason: str = "") -> None:
        """Which plan counts for its municipality: True (this one), False (not this one), None (the latest)."""
        with transaction(self.conn):
            plan = self._plan(plan_id)
            value = None if counts is None else int(bool(counts))
            if value == 1 and plan["municipality"] is not None:
                self.conn.execute(
                    "UPDATE plan SET counts = NULL WHERE municipality = ? AND counts = 1 AND id != ?",
                    (plan["municipality"], plan_id),
                )
            self.conn.execute("UPDATE plan SET counts = ? WHERE id = ?", (value, plan_id))
            self._log("plan_choice", plan_id, reason, {"counts": plan["counts"]}, {"counts": value})

    # ------------------------------------------------------------------ undo
    def undo(self, edit_id: int | None = None, reason: str = "") -> Edit:
        """Undo one edit (the latest not yet undone, by default); refuses when a later edit built on it."""
        with transaction(self.conn):
            if edit_id is None:
                row = self.conn.execute(
                    "SELECT * FROM service_edit WHERE undone_at IS NULL AND action != 'restore' "
                    "ORDER BY id DESC LIMIT 1"
                ).fetchone()
                if row is None:
                    raise CatalogueError("되돌릴 편집이 없습니다")
            else:
                row = self.conn.execute("SELECT * FROM service_edit WHERE id = ?", (edit_id,)).fetchone()
                if row is None:
                    raise CatalogueError(f"편집 {edit_id} 이(가) 없습니다")
                if row["undone_at"] is not None:
                    raise CatalogueError(f"편집 {edit_id} 은(는) 이미 되돌렸습니다")
            edit = Edit.from_row(row)
            touched = {edit.service_id, *edit.related}
            for later in self.conn.execute(
                "SELECT * FROM service_edit WHERE id > ? AND undone_at IS NULL AND action != 'plan_choice'", (edit.id,)
            ):
                later_edit = Edit.from_row(later)
                if edit.action != "plan_choice" and touched & {later_edit.service_id, *later_edit.related}:
                    raise CatalogueError(
                        f"편집 {edit.id} 뒤에 같은 서비스를 바꾼 편집 {later_edit.id} 이(가) 있습니다: "
                        "그것부터 되돌리세요"
                    )
            getattr(self, f"_undo_{edit.action}")(edit)
            self.conn.execute(
                "UPDATE service_edit SET undone_at = ?, undone_by = ?, reason = reason || ? WHERE id = ?",
                (_now(), self.editor, f" [되돌림: {reason}]" if reason else "", edit.id),
            )
        return edit

    def _undo_add(self, edit: Edit) -> None:
        self._remove(int(edit.service_id))  # type: ignore[arg-type]

    def _undo_edit(self, edit: Edit) -> None:
        before = dict(edit.before)
        sets = ", ".join(f"{k} = ?" for k in before)
        self.conn.execute(f"UPDATE service SET {sets} WHERE id = ?", [*before.values(), edit.service_id])

    def _undo_delete(self, edit: Edit) -> None:
        self._reinsert(edit.before)

    def _undo_merge(self, edit: Edit) -> None:
        for snap in edit.before["merged"]:
            moved = snap.get("moved_codings", [])
            snap = {"service": snap["service"], "codings": [c for c in snap["codings"] if c["id"] not in moved]}
            self._reinsert(snap)
            if moved:
                self.conn.execute(
                    f"UPDATE coding SET service_id = ? WHERE id IN ({', '.join('?' * len(moved))})",
                    [snap["service"]["id"], *moved],
                )
        self.conn.execute(
            "UPDATE service SET description = ? WHERE id = ?", (edit.before["kept"]["description"], edit.service_id)
        )

    def _undo_split(self, edit: Edit) -> None:
        for new_id in edit.after["new_ids"]:
            self._remove(new_id)
        before = edit.before
        row = self._service(int(edit.service_id))  # type: ignore[arg-type]
        self.conn.execute(
            "UPDATE service SET name = ?, description = ?, edited = ? WHERE id = ?",
            (before["name"], before["description"], before["edited"], edit.service_id),
        )
        self.conn.execute(
            "UPDATE service SET position = position - ? WHERE plan_id = ? AND position > ?",
            (len(edit.after["new_ids"]), row["plan_id"], row["position"]),
        )

    def _undo_move(self, edit: Edit) -> None:
        self.conn.execute(
            "UPDATE service SET plan_id = ?, position = ? WHERE id = ?",
            (edit.before["plan_id"], edit.before["position"], edit.service_id),
        )

    def _undo_uncode(self, edit: Edit) -> None:
        coding = edit.before["coding"]
        cols = list(coding)
        self.conn.execute(
            f"INSERT INTO coding({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [coding[c] for c in cols]
        )

    def _undo_plan_choice(self, edit: Edit) -> None:
        self.conn.execute("UPDATE plan SET counts = ? WHERE id = ?", (edit.before["counts"], edit.service_id))


def history(cat: Any, service_id: int | None = None, limit: int | None = 200) -> list[Edit]:
    """Logged edits, newest first: of one service (including those merged into it), or of the whole catalogue."""
    sql = "SELECT * FROM service_edit"
    params: list[Any] = []
    if service_id is not None:
        # the service's own edits, those naming it (merged into it, split off it), and those of services merged in
        ids = {int(service_id)}
        for row in cat.conn.execute(
            "SELECT related FROM service_edit WHERE action = 'merge' AND service_id = ? AND undone_at IS NULL",
            (service_id,),
        ):
            ids.update(json.loads(row["related"]))
        marks = ", ".join("?" * len(ids))
        sql += (
            f" WHERE (service_id IN ({marks}) AND action != 'plan_choice') OR EXISTS "
            "(SELECT 1 FROM json_each(related) WHERE value = ?)"
        )
        params += [*ids, service_id]
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [Edit.from_row(r) for r in cat.conn.execute(sql, params)]


def edited_away(cat: Any, service_id: int) -> bool:
    """True for a service that is not in the list because a person deleted or merged it (the log knows it)."""
    return (
        cat.conn.execute("SELECT 1 FROM service WHERE id = ?", (service_id,)).fetchone() is None
        and cat.conn.execute(
            "SELECT 1 FROM service_edit WHERE action IN ('delete', 'merge') AND (service_id = ? OR "
            "EXISTS (SELECT 1 FROM json_each(related) WHERE value = ?))",
            (service_id, service_id),
        ).fetchone()
        is not None
    )


def _text(value: Any, what: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", str(value or "")).strip()
    if not text:
        raise CatalogueError(f"{what}이(가) 비어 있습니다")
    return text


def _page(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        page = int(value)
    except (TypeError, ValueError):
        raise CatalogueError(f"쪽 번호는 양의 정수여야 합니다: {value!r}") from None
    if page < 1 or page > 100_000:
        raise CatalogueError(f"쪽 번호는 1–100000 사이여야 합니다: {page}")
    return page
