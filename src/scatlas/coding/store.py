"""Training, saving and loading the coder: the shipped model, the user's cache, or a fresh fit in seconds.

``load_coder()`` looks, in order, at the model ``scatlas train`` last wrote (``$SCATLAS_CACHE/coder.pkl.gz``,
default ``~/.cache/scatlas``), then at the model shipped in package data (``scatlas/data/model/coder.pkl.gz``);
it takes the first whose corpus and codebook fingerprints match the installed ones. If none does, it trains on
the corpus's training split (a few seconds), caches the result and logs that it did.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import pickle
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from scatlas.coding.coder import MODEL_VERSION, HybridCoder
from scatlas.coding.corpus import (
    LabelledItem,
    corpus_sha256,
    fitting_split,
    read_corpus,
    real_dev_split,
    train_split,
)
from scatlas.records import ServiceRecord

log = logging.getLogger("scatlas.coding")

MODEL_FILE = "coder.pkl.gz"
_LOCK = threading.Lock()
_LOADED: dict[tuple[str, str], HybridCoder] = {}


def cache_dir() -> Path:
    """Where trained models are cached: ``$SCATLAS_CACHE`` or ``~/.cache/scatlas``."""
    env = os.environ.get("SCATLAS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "scatlas"


def shipped_model_path() -> Path:
    """The model shipped in package data (may not exist)."""
    return Path(str(resources.files("scatlas.data").joinpath("model").joinpath(MODEL_FILE)))


def codebook_sha256() -> str:
    """The sha256 of the bundled codebook.json (a model is only valid for the codebook it was trained on)."""
    data = resources.files("scatlas.data").joinpath("codebook.json").read_bytes()
    return hashlib.sha256(data).hexdigest()


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


def _expected_meta() -> dict[str, str]:
    return {
        "format": MODEL_VERSION,
        "corpus_sha256": corpus_sha256(),
        "codebook_sha256": codebook_sha256(),
        "sklearn": _sklearn_version(),
    }


@dataclass
class TrainingResult:
    """A trained coder and what it was trained on."""

    coder: HybridCoder
    n_corpus: int
    n_reviewed: int
    seconds: float


#: Real rows are also learnt from their name alone: services are often known by name only (news, plan
#: summaries, tables of contents), and a name written by a city reads unlike the corpus's written names.
NAME_COPIES = True


def fit_coder(items: list[LabelledItem], name_copies: bool | None = None, **params: Any) -> HybridCoder:
    """A HybridCoder fitted on labelled items (every dimension they carry).

    With ``name_copies`` (default NAME_COPIES) every real item with a description is learnt a second time from
    its name alone.
    """
    if NAME_COPIES if name_copies is None else name_copies:
        # (the function is not learnt from a name alone: what a service does is in its description)
        items = list(items) + [
            LabelledItem(f"{i.id}#name", i.name, "", i.domain_id, i.subtype, None, i.target_groups, (), origin=i.origin)
            for i in items
            if i.origin == "real" and i.description and i.name
        ]
    texts = [ServiceRecord(name=i.name, description=i.description) for i in items]
    return HybridCoder(**params).fit(
        texts,
        [i.domain_id for i in items],
        subtypes=[i.subtype for i in items],
        functions=[i.function for i in items],
        target_groups=[i.target_groups for i in items],
        real=[i.origin == "real" for i in items],
    )


def _reviewed_sha(reviewed: list[LabelledItem]) -> str | None:
    if not reviewed:
        return None
    h = hashlib.sha256()
    for r in reviewed:
        h.update(
            "\x1f".join(
                [r.id, r.name, r.description, r.domain_id, r.subtype or "", r.function or "", ";".join(r.target_groups)]
            ).encode("utf-8")
            + b"\x1e"
        )
    return h.hexdigest()


def calibrate_on(coder: HybridCoder, dev: list[LabelledItem]) -> dict[str, Any]:
    """Fits the coder's temperature on held-out real rows, then its no-evidence cap (the accuracy of the dev
    codings that found no deciding word, kept within 0.2–0.6); returns what was fitted."""
    services = [ServiceRecord(name=i.name, description=i.description) for i in dev]
    t = coder.fit_temperature(services, [i.domain_id for i in dev])
    batch = coder.batch(services)
    vague = coder.undecided(batch)
    best = coder.classes_[coder._proba(batch).argmax(axis=1)]
    right = [b == i.domain_id for b, i, v in zip(best, dev, vague, strict=True) if v]
    cap = min(0.6, max(0.2, sum(right) / len(right))) if len(right) >= 10 else None
    if cap is not None:
        coder.no_evidence_cap_ = round(cap, 4)
    return {
        "method": "temperature on the real dev split",
        "n_dev": len(dev),
        "temperature": round(t, 4),
        "no_evidence_rows": len(right),
        "no_evidence_cap": coder.no_evidence_cap_ if cap else None,
    }


def train(reviewed: Iterable[LabelledItem] = ()) -> TrainingResult:
    """Trains on every labelled row but the real test split, plus reviewed codings.

    With a real dev split: a first model learns without the dev rows and its temperature (and no-evidence cap)
    is fitted on them; the shipped model then learns from the dev rows too and keeps that calibration. Without
    one, the temperature comes from cross-validation on the training rows (HybridCoder.fit).
    """
    start = time.perf_counter()
    everything, sha = read_corpus()
    corpus = train_split(everything)
    if not corpus:
        raise RuntimeError("the labelled corpus (scatlas/data/corpus/*.csv) is empty: nothing to train on")
    reviewed = list(reviewed)
    dev = real_dev_split(everything)
    if dev:
        first = fit_coder(fitting_split(everything) + reviewed, cv=0)
        calibration = calibrate_on(first, dev)
        coder = fit_coder(corpus + reviewed, cv=0)
        coder.temperature_ = first.temperature_
        if hasattr(first, "no_evidence_cap_"):
            coder.no_evidence_cap_ = first.no_evidence_cap_
        coder.calibration_ = calibration
    else:
        coder = fit_coder(corpus + reviewed)
        coder.calibration_ = {"method": "temperature by 5-fold CV on the training rows"}
    coder.corpus_sha256_ = sha
    coder.reviewed_sha256_ = _reviewed_sha(reviewed)
    return TrainingResult(coder, len(corpus), len(reviewed), time.perf_counter() - start)


def save_coder(coder: HybridCoder, path: Path | None = None) -> Path:
    """Writes the coder with its fingerprints (default: the cache's current model); returns the path."""
    path = path or cache_dir() / MODEL_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = _expected_meta()
    meta["corpus_sha256"] = getattr(coder, "corpus_sha256_", meta["corpus_sha256"])
    tmp = path.with_suffix(path.suffix + ".tmp")
    with gzip.open(tmp, "wb", compresslevel=6) as fh:
        pickle.dump({"meta": meta, "coder": coder}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # atomic: a concurrent reader sees the old model or the new one, never half
    with _LOCK:
        _LOADED.clear()
    return path


def _read(path: Path, expected: dict[str, str]) -> HybridCoder | None:
    if not path.is_file():
        return None
    try:
        with gzip.open(path, "rb") as fh:
            data = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as exc:
        log.warning("ignoring unreadable coder model %s: %s", path, exc)
        return None
    if data.get("meta") != expected:
        log.info("coder model %s was trained on another corpus/codebook/scikit-learn: not used", path)
        return None
    return data["coder"]


def load_coder(*, use_cache: bool = True) -> HybridCoder:
    """The current coder: the cached or shipped model matching the corpus, else one trained now and cached.

    Returns the same object on repeated calls in one process (until a model is saved).
    """
    expected = _expected_meta()
    key = (str(cache_dir()), expected["corpus_sha256"])
    with _LOCK:
        if key in _LOADED:
            return _LOADED[key]
        coder = None
        if use_cache:
            coder = _read(cache_dir() / MODEL_FILE, expected)
        if coder is None:
            coder = _read(shipped_model_path(), expected)
        if coder is None:
            result = train()
            coder = result.coder
            log.warning(
                "no coder model matches corpus %s: trained one on %d corpus items in %.1f s",
                expected["corpus_sha256"][:8],
                result.n_corpus,
                result.seconds,
            )
            if use_cache:
                try:
                    cache = cache_dir() / MODEL_FILE
                    cache.parent.mkdir(parents=True, exist_ok=True)
                    tmp = cache.with_suffix(".gz.tmp")
                    with gzip.open(tmp, "wb", compresslevel=6) as fh:
                        meta = dict(expected, corpus_sha256=coder.corpus_sha256_)
                        pickle.dump({"meta": meta, "coder": coder}, fh, protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(tmp, cache)
                    log.warning("cached the trained coder at %s", cache)
                except OSError as exc:  # a read-only home still gets a working coder
                    log.warning("could not cache the trained coder: %s", exc)
        _LOADED[key] = coder
        return coder


def reviewed_items(cat: Any) -> list[LabelledItem]:
    """The catalogue's latest human coding of each service, as labelled items for training."""
    items = []
    for service_id, coding in sorted(cat.latest_codings("human:").items()):
        if not coding.get("domain_id"):
            continue
        row = cat.service(service_id)
        if row is None:
            continue
        groups = tuple(g for g in (coding.get("target_groups") or "").split(";") if g)
        items.append(
            LabelledItem(
                f"catalogue:{service_id}",
                row.get("name") or "",
                row.get("description") or "",
                coding["domain_id"],
                coding.get("subtype"),
                coding.get("function"),
                groups,
                source=str(coding.get("coder")),
            )
        )
    return items
