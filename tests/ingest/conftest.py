from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SCATLAS_SHARED", Path(__file__).parents[2].parent / "shared"))
HWP_FIXTURES = SHARED / "fixtures" / "hwp"


@pytest.fixture(scope="session")
def hwp_fixtures() -> Path:
    """The real HWP/HWPX files of shared/fixtures/hwp (SOURCES.md there lists what each holds)."""
    if not HWP_FIXTURES.is_dir():
        pytest.skip(f"shared HWP fixtures not found at {HWP_FIXTURES} (set SCATLAS_SHARED)")
    return HWP_FIXTURES
