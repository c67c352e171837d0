"""The labelled corpus (``scatlas/data/corpus/<domain_id>.csv``), its provenance, fingerprint and fixed splits.

Every row says where it comes from: ``origin`` is ``written`` (written by this project to the labelling guide)
or ``real`` (harvested from a public source, kept as published, with ``source_url``, ``municipality``,
``retrieved`` and ``source_kind``; ``tools/corpus/import_real.py`` writes these rows). Real rows also carry the
coders' ``alt_domains`` (other domains a coder accepted) and ``ambiguous`` (yes when either coder said so).

Splits, each fixed by a hash of the id alone (adding rows never moves an existing row):
- written rows: ``written-heldout`` when ``sha1(id) % 5 == 0`` (about one in five), else ``written-train``;
- real rows: ``real-test`` when ``sha1("real:" + id) % 100 < 30`` (about 30 %), ``real-dev`` when it is
  below 50 (about 20 %), else ``real-train``.
The real test split is never trained on (``scatlas train``, ``load_coder``); the real dev split fits the
temperature (calibration) and is trained on only by the final, shipped model after that.
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
CORPUS_COLUMNS = (
    "id",
    "name",
    "description",
    "domain_id",
    "subtype",
    "function",
    "target_groups",
    "technologies",
    "note",
    "origin",
    "source_url",
    "source_kind",
    "municipality",
    "published",
    "retrieved",
    "alt_domains",
    "ambiguous",
)
ORIGINS = ("written", "real")
#: Real rows from these kinds of source are the "named in news and plan summaries" subset of the evaluation.
NEWS_KINDS = ("news", "press_release")
REAL_TEST_PERCENT = 30
REAL_DEV_PERCENT = 20
SPLITS = ("written-train", "written-heldout", "real-train", "real-dev", "real-test")


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
    origin: str = field(default="written", compare=False)
    alt_domains: tuple[str, ...] = field(default=(), compare=False)
    ambiguous: bool | None = field(default=None, compare=False)
    source_kind: str = field(default="", compare=False)

    @property
    def acceptable(self) -> frozenset[str]:
        """The domains a coder accepted for this item: its label and its alt_domains."""
        return frozenset((self.domain_id, *self.alt_domains))


def is_heldout(item_id: str) -> bool:
    """Whether a written item with this id belongs to the written held-out split (sha1(id) % 5 == 0)."""
    digest = hashlib.sha1(item_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELDOUT_MODULUS == 0


def real_bucket(item_id: str) -> int:
    """A real item's bucket 0..99 (sha1 of "real:" + id): below 30 test, below 50 dev."""
    return int(hashlib.sha1(f"real:{item_id}".encode()).hexdigest(), 16) % 100


def split_of(item: LabelledItem) -> str:
    """The fixed split of an item (one of SPLITS)."""
    if item.origin == "real":
        b = real_bucket(item.id)
        if b < REAL_TEST_PERCENT:
            return "real-test"
        return "real-dev" if b < REAL_TEST_PERCENT + REAL_DEV_PERCENT else "real-train"
    return "written-heldout" if is_heldout(item.id) else "written-train"


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
        origin = (row.get("origin") or "written").strip()
        if origin not in ORIGINS:
            raise LabelError(f"{where}, line {line}: origin {origin!r} is not 'written' or 'real'")
        if origin == "real" and not (row.get("source_url") or "").strip():
            raise LabelError(f"{where}, line {line}: real row {item_id!r} has no source_url")
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
        alts = tuple(d for d in split_list(row.get("alt_domains")) if d in domains and d != domain_id)
        amb = (row.get("ambiguous") or "").strip().lower()
        items.append(
            LabelledItem(
                item_id,
                nfc(row.get("name") or "").strip(),
                nfc(row.get("description") or "").strip(),
                domain_id,
                subtype,
                function,
                groups,
                split_list(row.get("technologies")),
                origin=origin,
                alt_domains=alts,
                ambiguous=None if amb not in ("yes", "no") else amb == "yes",
                source_kind=(row.get("source_kind") or "").strip(),
            )
        )
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


def in_splits(items: Iterable[LabelledItem], *splits: str) -> list[LabelledItem]:
    """The items of the named splits (see SPLITS), in order."""
    unknown = set(splits) - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown split(s) {sorted(unknown)}: choose from {', '.join(SPLITS)}")
    return [i for i in items if split_of(i) in splits]


def train_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The items the shipped model learns from: everything but the real test split (see the module docstring)."""
    return in_splits(items, "written-train", "written-heldout", "real-train", "real-dev")


def fitting_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The items a model is fitted on before calibration: the training items without the real dev split."""
    return in_splits(items, "written-train", "written-heldout", "real-train")


def heldout_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The written held-out items (written style; since the real corpus, the shipped model learns from them)."""
    return in_splits(items, "written-heldout")


def real_test_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The real-text test split: never trained on."""
    return in_splits(items, "real-test")


def real_dev_split(items: Iterable[LabelledItem]) -> list[LabelledItem]:
    """The real-text dev split: calibration is fitted here."""
    return in_splits(items, "real-dev")
