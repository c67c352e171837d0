"""Fixtures of the coding tests: one coder (and so one Kiwi) per test session, a model cache in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from scatlas.records import ServiceRecord

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def coding_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SCATLAS_CACHE for the whole session: tests never write models into the user's home."""
    path = tmp_path_factory.mktemp("scatlas-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCATLAS_CACHE", str(path))
    yield path
    mp.undo()


@pytest.fixture(scope="session")
def coder(coding_cache: Path):
    """The coder load_coder() gives (the shipped model, or one trained on the corpus once per session)."""
    from scatlas.coding import load_coder

    return load_coder()


def svc(name: str, description: str = "") -> ServiceRecord:
    return ServiceRecord(name=name, description=description)
