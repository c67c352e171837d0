"""Imports point one way: ingest → extract → coding → catalogue → analysis → report → web → cli (docs/architecture.md).

Every `import scatlas…` in src/scatlas (lazy ones inside functions and `TYPE_CHECKING` ones included) is read with
ast and checked against the layer of the importing module: a module may import from its own layer and from layers
below it, never from a later one. The allow-list names the imports on main that still break the rule; it can only
shrink: an entry that no longer matches an import fails the test too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "scatlas"

#: Layer of each stage, bottom first. A module outside these (scatlas/__init__.py, errors.py, records.py, data/, and
#: any shared text or metadata module added beside them) is at layer 0 with the taxonomy, below every stage.
LAYERS: dict[str, int] = {
    "taxonomy": 0,
    "planmeta": 0,  # plan title, period and municipality register, shared by the extractor and the importer
    "sheets": 0,  # one CSV reader, one spreadsheet-safe writer, one header vocabulary
    "ingest": 1,
    "extract": 2,
    "coding": 3,
    "catalogue": 4,
    "pipeline": 5,  # runs a file through ingest → extract → coding into the catalogue; called by web and cli
    "sandbox": 5,  # the pipeline's reading step in a child process with a memory and time budget
    "analysis": 6,
    "report": 7,
    "web": 8,
    "cli": 9,
}

#: (importing module, imported module) → why it is still there. Remove an entry when its import is gone.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "scatlas.coding.review",
        "scatlas.catalogue.edits",
    ): "#11: the terminal review stores decisions (and their undo) through the catalogue's editor; the terminal "
    "front end belongs in cli/, the decision logic stays in coding/",
}


def layer_of(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def scatlas_imports(path: Path, source: str | None = None) -> set[str]:
    """Every scatlas module `path` imports, relative imports resolved."""
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            # `from scatlas.analysis import textsim` imports a sub-module; `from scatlas.x import name` the package.
            found.add(base)
            found.update(
                f"{base}.{alias.name}"
                for alias in node.names
                if (PACKAGE.parent / f"{base}.{alias.name}".replace(".", "/")).with_suffix(".py").exists()
                or (PACKAGE.parent / f"{base}.{alias.name}".replace(".", "/")).is_dir()
            )
    return {m for m in found if m == "scatlas" or m.startswith("scatlas.")}


def all_imports() -> dict[tuple[str, str], int]:
    """(importer, imported) → the importer's layer minus the imported one's (negative: a backwards arrow)."""
    pairs = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for imported in scatlas_imports(path):
            pairs[(importer, imported)] = layer_of(importer) - layer_of(imported)
    return pairs


def test_every_stage_sub_package_has_a_layer():
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} - {"data"}
    stages |= {"pipeline"}
    unknown = stages - set(LAYERS)
    # A new sub-package is a new stage or a shared module: say which by adding it to LAYERS (0 = shared, below all).
    assert not unknown, f"sub-packages without a layer in tests/test_layers.py: {sorted(unknown)}"


def test_imports_never_point_to_a_later_stage():
    backwards = sorted(pair for pair, step in all_imports().items() if step < 0 and pair not in ALLOWED)
    assert not backwards, "imports from a later stage (move the shared code below both):\n" + "\n".join(
        f"  {a} → {b}" for a, b in backwards
    )


def test_the_allow_list_only_shrinks():
    pairs = all_imports()
    stale = sorted(pair for pair in ALLOWED if pairs.get(pair, 0) >= 0)
    assert not stale, "allow-list entries whose import is gone (delete them): " + ", ".join(
        f"{a} → {b}" for a, b in stale
    )


def test_the_checker_sees_lazy_relative_and_type_only_imports():
    # The rule's own test: imports hidden in functions and TYPE_CHECKING blocks are imports too.
    assert "scatlas.ingest.pdf" in scatlas_imports(PACKAGE / "ingest" / "reader.py")  # inside a function
    relative = scatlas_imports(PACKAGE / "ingest" / "new.py", "from ..extract import metadata\nfrom . import text\n")
    assert {"scatlas.extract.metadata", "scatlas.ingest.text"} <= relative
    assert "scatlas.web.app" in scatlas_imports(PACKAGE / "web" / "deps.py")  # under TYPE_CHECKING
    assert layer_of("scatlas.ingest.tabular") - layer_of("scatlas.extract.metadata") < 0
    assert layer_of("scatlas.errors") == 0 and layer_of("scatlas") == 0
