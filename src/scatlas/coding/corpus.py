"""The labelled corpus (``scatlas/data/corpus/<domain_id>.csv``), its fingerprint and its fixed held-out split.

Held-out split: an item is in the test split when ``int(sha1(id).hexdigest(), 16) % 5 == 0`` (about one in
five). The split depends on the id alone, so adding rows never moves an existing item between the splits,
and no training path (``scatlas train``, ``load_coder``) ever sees a held-out item.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable

from scatlas.coding.text import nfc
from scatlas.errors import LabelError
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

HELDOUT_MODULUS = 5
CORPUS_COLUMNS = ("id", "name", "description", "domain_id", "subtype", "function", "target_groups",
                  "technologies", "note")


@dataclass(frozen=True)
class LabelledItem:
    """One labelled service of the corpus (or of a reviewed catalogue coding)."""

    id: str
    name: str
    description: str
    domain_id: str
    subtype: str | None = None
    function: str | None = None
    target_groups: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    source: str = field(default="corpus", compare=False)


def is_heldout(item_id: str) -> bool:
    """Whether the item with this id belongs to the held-out test split (sha1(id) % 5 == 0)."""
    digest = hashlib.sha1(item_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELDOUT_MODULUS == 0


def _corpus_dir() -> Traversable:
    return resources.files("scatlas.data").joinpath("corpus")


def corpus_files() -> list[Traversable]:
    """The corpus CSV files present, in domain order (then any other name, sorted)."""
    folder = _corpus_dir()
    if not folder.is_dir():
        return []
    files = {f.name: f for f in folder.iterdir() if f.name.endswith(".csv")}
    order = [f"{d}.csv" for d, _ in DOMAIN_ORDER]
    return [files[n] for n in order if n in files] + [files[n] for n in sorted(files) if n not in order]


def _read_files() -> list[tuple[str, bytes]]:
    return [(f.name, f.read_bytes()) for f in corpus_files()]


def _sha_of(files: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for name, data in files:
        h.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return h.hexdigest()


def corpus_sha256() -> str:
    """The sha256 of the corpus: every file's name and bytes, in a fixed order."""
    return _sha_of(_read_files())


def split_list(value: str | None) -> tuple[str, ...]:
    """A ';'-separated cell as a tuple of its non-empty, stripped NFC parts."""
    if not value:
        return ()
    return tuple(p for p in (nfc(x).strip() for x in str(value).split(";")) if p)


def parse_rows(rows: Iterable[dict[str, str]], where: str) -> list[LabelledItem]:
    """Labelled items from corpus rows; LabelError naming the file and line of a bad row."""
    cb = load_codebook()
    domains = {d for d, _ in DOMAIN_ORDER}
    subtypes = {s.id: s.domain_id for d in cb.domains for s in d.subtypes}
    items = []
    for line, row in enumerate(rows, start=2):
        item_id = (row.get("id") or "").strip()
        domain_id = (row.get("domain_id") or "").strip()
        if not item_id:
            raise LabelError(f"{where}, line {line}: the row has no id")
        if domain_id not in domains:
            raise LabelError(f"{where}, line {line}: domain_id {domain_id!r} is not one of the 12 domain ids")
        subtype = (row.get("subtype") or "").strip() or None
        if subtype is not None and subtypes.get(subtype) != domain_id:
            subtype = None  # a sub-type of another domain (or unknown) teaches nothing about this one
        function = nfc(row.get("function") or "").strip() or None
        if function is not None and function not in FUNCTIONS:
            function = None
        groups = tuple(g for g in split_list(row.get("target_groups")) if g in TARGET_GROUPS)
        items.append(LabelledItem(item_id, nfc(row.get("name") or "").strip(),
                                  nfc(row.get("description") or "").strip(), domain_id, subtype, function,
                                  groups, split_list(row.get("technologies"))))
    return items


def read_corpus() -> tuple[list[LabelledItem], str]:
    """Every labelled item of the bundled corpus (both splits), in file order, and the corpus sha256.

    Both come from one read of the files, so a model's fingerprint always names the data it learned from.
    """
    files = _read_files()
    items: list[LabelledItem] = []
    seen: set[str] = set()
    for name, data in files:
        text = data.decode("utf-8-sig")
        for item in parse_rows(csv.DictReader(io.StringIO(text)), f"corpus/{name}"):
            if item.id in seen:  # a duplicated id would sit in one split twice; keep the first
                continue
            seen.add(item.id)
            items.append(item)
    return items, _sha_of(files)


def load_corpus() -> list[LabelledItem]:
    """Every labelled item of the bundled corpus (both splits), in file order."""
    return read_corpus()[0]


def train_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The items outside the held-out split."""
    return [i for i in items if not is_heldout(i.id)]


def heldout_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The held-out items (never used for training)."""
    return [i for i in items if is_heldout(i.id)]
