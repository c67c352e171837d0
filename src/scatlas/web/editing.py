"""The web's service layer for correcting the list: a posted form → one ServiceEditor call (pages stay thin)."""

from __future__ import annotations

import json
from typing import Any

from scatlas.catalogue.edits import ServiceEditor, history
from scatlas.catalogue.plans import plan_list
from scatlas.errors import CatalogueError

ACTIONS = ("edit", "add", "delete", "merge", "split", "move", "undo")
MOVE_CHOICES = 300  # plans offered in the move list; beyond, a plan id is typed
_MAX_TEXT = 20_000


def _text(form: Any, name: str, limit: int = _MAX_TEXT) -> str | None:
    value = form.get(name)
    if value is None:
        return None
    value = str(value)
    if len(value) > limit:
        raise ValueError(f"{name}: {limit:,}자를 넘습니다")
    return value


def _ids(raw: str) -> list[int]:
    parts = [p for p in raw.replace(",", " ").split() if p]
    if not parts or not all(p.isdigit() and len(p) < 10 for p in parts):
        raise ValueError("서비스 ID를 숫자로 입력하세요 (여러 개는 쉼표로)")
    return [int(p) for p in parts]


def apply_service_action(cat: Any, user: str, service_id: int, form: Any) -> str:
    """Run the posted action on the service; returns where to go next. ValueError/CatalogueError for bad input."""
    action = str(form.get("action") or "")
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    reason = _text(form, "reason", 500) or ""
    editor = ServiceEditor(cat, user)
    if action == "edit":
        page = _text(form, "page", 12)
        editor.edit(
            service_id,
            reason=reason,
            name=_text(form, "name", 500),
            description=_text(form, "description"),
            page=(page or None) if page is not None else None,
        )
        return f"/services/{service_id}"
    if action == "add":  # a service the extraction missed, in this service's plan
        current = cat.service(service_id)
        if current is None:
            raise CatalogueError(f"서비스 {service_id} 이(가) 없습니다")
        page = _text(form, "page", 12)
        new_id = editor.add(
            current["plan_id"],
            _text(form, "name", 500) or "",
            _text(form, "description") or "",
            int(page) if page and page.isdigit() else None,
            reason=reason,
        )
        return f"/services/{new_id}"
    if action == "delete":
        editor.delete(service_id, reason)
        return f"/edits?service={service_id}"
    if action == "merge":
        editor.merge(service_id, _ids(str(form.get("others") or "")), reason)
        return f"/services/{service_id}"
    if action == "split":
        lines = [ln for ln in (_text(form, "parts") or "").splitlines() if ln.strip()]
        parts = [(ln.split("::", 1)[0].strip(), ln.split("::", 1)[1].strip() if "::" in ln else "") for ln in lines]
        ids = editor.split(service_id, parts, reason)
        return f"/services/{ids[0]}"
    if action == "move":
        editor.move(service_id, _ids(str(form.get("plan_id_other") or form.get("plan_id") or ""))[0], reason)
        return f"/services/{service_id}"
    # undo: the latest edit of this service
    latest = next((e for e in history(cat, service_id) if e.undone_at is None and e.action != "restore"), None)
    if latest is None:
        raise CatalogueError("이 서비스에 되돌릴 편집이 없습니다")
    editor.undo(latest.id, reason)
    return f"/services/{service_id}" if cat.service(service_id) else f"/edits?service={service_id}"


def edit_panel(cat: Any, service_id: int) -> dict[str, Any]:
    """What the service page's editing panel needs: the edit log and the plans it can move to."""
    plans = plan_list(cat, limit=MOVE_CHOICES + 1)
    restricted = len(plans) > MOVE_CHOICES
    if restricted:  # a large catalogue: the city's own plans, and a plan id for any other
        municipality = (cat.service(service_id) or {}).get("municipality")
        plans = plan_list(cat, municipality, limit=MOVE_CHOICES) if municipality else []
    return {"edits": [e.to_json() for e in history(cat, service_id, 50)], "plans": plans, "plan_id_input": restricted}


def review_filters(params: Any) -> tuple[dict[str, Any], int]:
    """The review page's filters (municipality, domain_id, max_confidence) and page number from the query."""
    from scatlas.taxonomy import DOMAIN_ORDER

    municipality = (params.get("municipality") or "").strip()[:100] or None
    domain_id = params.get("domain_id") or None
    if domain_id is not None and domain_id not in dict(DOMAIN_ORDER):
        raise ValueError(f"unknown domain_id {domain_id!r}")
    raw = params.get("max_confidence") or ""
    try:
        max_confidence = float(raw) if raw else None
        page = int(params.get("page") or 1)
    except ValueError:
        raise ValueError("max_confidence는 0–1 사이 수, page는 양의 정수여야 합니다") from None
    if max_confidence is not None and not 0 <= max_confidence <= 1:
        raise ValueError("max_confidence는 0–1 사이여야 합니다")
    if not 1 <= page <= 1_000_000:
        raise ValueError("page는 1 이상이어야 합니다")
    return {"municipality": municipality, "domain_id": domain_id, "max_confidence": max_confidence}, page


def edit_log_rows(cat: Any, service_id: int | None) -> list[dict[str, Any]]:
    """The edit log for the /edits page, with a one-line summary of each change."""
    rows = []
    for e in history(cat, service_id, 200):
        data = e.to_json()
        shown = {k: v for k, v in e.after.items() if k in ("name", "description", "page", "plan_id", "counts", "parts")}
        data["summary"] = json.dumps(shown, ensure_ascii=False)[:200] if shown else ""
        data["name"] = (
            (e.before.get("service") or {}).get("name")
            or e.before.get("name")
            or ((e.before.get("kept") or {}).get("name"))
            or ""
        )
        rows.append(data)
    return rows
