"""Docs that cannot drift: citations point at docs in the repository, doctests all run.

The project's design notes live in docs/ (architecture, contracts, plan layouts, libraries). A file citing the old
design notes kept beside the project, or a docs/ file or section that does not exist, fails here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests", "tools", "bench", "docs", "scripts", ".ci")
TEXT_SUFFIXES = {".py", ".md", ".sql", ".toml", ".txt", ".html", ".j2", ".js", ".css", ".json", ".cfg", ""}

#: The notes that used to live outside the repository (spelled in parts so this file does not cite them).
OLD_NOTES = re.compile(r"\b(?:" + "|".join(("DESIGN", "PLANS", "LIBRARIES")) + r")\.md\b")
#: Applied migrations are never edited (docs/architecture.md#the-catalogue-and-the-effective-coding): their comments
#: keep the old citation, which docs/contracts.md#catalogue now covers. (path, line number)
FROZEN = {("src/scatlas/catalogue/migrations/0001_core.sql", 1), ("src/scatlas/catalogue/migrations/0001_core.sql", 86)}

MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)\s]+)?\)")
DOCS_MENTION = re.compile(r"(?<![\w/.-])(docs/[\w.-]+\.md)(#[\w-]+)?")


def text_files() -> list[Path]:
    files = list(REPO.glob("*.md"))
    for top in SCANNED:
        files += [
            p
            for p in (REPO / top).rglob("*")
            if p.is_file() and p.suffix in TEXT_SUFFIXES and "__pycache__" not in p.parts and p.name != "test_docs.py"
        ]
    return sorted(files)


def slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(m.group(1)) for m in re.finditer(r"^#+\s+(.+?)\s*$", path.read_text(encoding="utf-8"), re.M)}


def references(path: Path, text: str) -> list[tuple[int, Path, str | None]]:
    """(line, target file, anchor) of every docs/ mention and every Markdown link to a .md file."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for m in DOCS_MENTION.finditer(line):
            found.append((number, REPO / m.group(1), m.group(2)))
        if path.suffix == ".md":
            for m in MD_LINK.finditer(line):
                if "://" not in m.group(1):
                    found.append((number, (path.parent / m.group(1)).resolve(), m.group(2)))
    return found


def test_nothing_cites_the_design_notes_kept_outside_the_repository():
    hits, frozen_seen = [], set()
    for path in text_files():
        rel = path.relative_to(REPO).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OLD_NOTES.search(line):
                if (rel, number) in FROZEN:
                    frozen_seen.add((rel, number))
                else:
                    hits.append(f"{rel}:{number}: {line.strip()}")
    assert not hits, "cite docs/architecture.md, contracts.md, plan-layouts.md or libraries.md instead:\n" + "\n".join(
        hits
    )
    assert frozen_seen == FROZEN, f"exempt lines that no longer cite the old notes: {sorted(FROZEN - frozen_seen)}"


def test_every_cited_doc_and_section_exists():
    broken = []
    for path in text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, target, anchor in references(path, text):
            where = f"{path.relative_to(REPO).as_posix()}:{number}"
            if not target.is_file():
                broken.append(f"{where}: no file {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")
            elif anchor and anchor[1:] not in anchors(target):
                broken.append(f"{where}: no section {anchor} in {target.relative_to(REPO).as_posix()}")
    assert not broken, "\n".join(broken)


def test_the_checks_see_a_broken_reference(tmp_path):
    doc = REPO / "docs" / "contracts.md"
    assert "export-columns" in anchors(doc) and "extraction-result" in anchors(doc)
    refs = references(REPO / "x.py", "see docs/nowhere.md#here and docs/contracts.md#export-columns")
    assert [(t.name, a) for _, t, a in refs] == [("nowhere.md", "#here"), ("contracts.md", "#export-columns")]
    assert OLD_NOTES.search("as " + "DESIGN" + ".md says") and not OLD_NOTES.search("DESIGN_KEYS")


def _doctest_modules() -> set[str]:
    found = set()
    for path in (REPO / "src").rglob("*.py"):
        if re.search(r"^\s*>>> ", path.read_text(encoding="utf-8"), re.M):
            found.add(path.relative_to(REPO).as_posix())
    return found


def test_every_module_with_a_doctest_is_collected_by_the_suite():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in config["addopts"]
    listed = {p for p in config["testpaths"] if p.endswith(".py")}
    assert listed == _doctest_modules(), "pyproject's testpaths must list exactly the modules holding doctests"


@pytest.mark.parametrize("name", ["architecture.md", "contracts.md", "plan-layouts.md", "libraries.md"])
def test_the_design_docs_are_in_the_repository(name):
    assert (REPO / "docs" / name).stat().st_size > 2000


def _section(doc: str, heading: str) -> str:
    text = (REPO / "docs" / doc).read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_contracts_name_every_command_error_code_and_export_column():
    from typer.main import get_command

    from scatlas.catalogue.export import EXPORT_COLUMNS
    from scatlas.cli import app
    from scatlas.errors import ERROR_CODES

    commands = _section("contracts.md", "Command line")
    missing = [name for name in get_command(app).commands if f"`scatlas {name}" not in commands]
    assert not missing, f"commands missing from docs/contracts.md#command-line: {missing}"
    codes = _section("contracts.md", "Document error codes")
    assert not [c for c in ERROR_CODES if f"`{c}`" not in codes], "error codes missing from docs/contracts.md"
    columns = re.findall(r"`(\w+)`", _section("contracts.md", "Export columns").split("CSV (UTF-8")[0])
    assert tuple(c for c in columns if c in EXPORT_COLUMNS) == EXPORT_COLUMNS, "export columns differ from the docs"
