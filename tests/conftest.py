"""Shared fixtures: real catalogue files in tmp_path, records built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from scatlas.catalogue import Catalogue

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def catalogue(tmp_path: Path):
    cat = Catalogue.open(tmp_path / "scatlas.db")
    yield cat
    cat.close()
