"""A plain `pip install .` must carry every data file the package reads (migrations, codebook, samples, templates)."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "scatlas"


@pytest.mark.slow
def test_the_wheel_ships_every_data_file_of_the_package(tmp_path):
    # build from a copy: an in-tree build/ folder left by an earlier build would hide missing package-data rules
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, tree / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(tree)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(tmp_path.glob("scatlas-*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    data_files = [
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert data_files, "the package has no data files?"
    missing = sorted(
        str(p.relative_to(PACKAGE.parent)) for p in data_files if str(p.relative_to(PACKAGE.parent)) not in shipped
    )
    assert not missing, f"not in the wheel: {missing}"
