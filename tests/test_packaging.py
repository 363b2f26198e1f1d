"""The wheel carries the code and its resources, and works installed away from the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.grapevine.Grapevine"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

USE_INSTALLED_WHEEL = """
import sys, tempfile, pathlib
import recommender, resources, ui
assert pathlib.Path(recommender.__file__).is_relative_to(sys.argv[1]), recommender.__file__
from recommender.taxonomy import load_taxonomy
from recommender.storage.database import Database
from importlib.resources import files
assert len(load_taxonomy()) >= 40
assert any(entry.name.endswith(".txt") for entry in files("resources").joinpath("demo").iterdir())
with tempfile.TemporaryDirectory() as folder:
    db = Database.open(pathlib.Path(folder) / "x.sqlite")  # runs the packaged migrations
    db.close()
print(recommender.__version__)
"""


def copy_sources(tmp_path: Path) -> Path:
    """The files a release is built from, copied: setuptools writes build/ and *.egg-info/ next to its sources."""
    if not (PROJECT_ROOT / "pyproject.toml").exists():
        pytest.skip("not running from a source tree")
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(PROJECT_ROOT / name, source / name)
    for package in ("recommender", "ui", "resources"):
        shutil.copytree(PROJECT_ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    return source


@pytest.mark.slow
def test_the_wheel_installs_and_finds_its_resources(tmp_path: Path) -> None:
    source = copy_sources(tmp_path)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            ".",
        ],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("grapevine-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/taxonomy.toml" in names
    assert any(name.startswith("recommender/storage/migrations/versions/0001") for name in names)
    assert any(name.startswith("resources/demo/") for name in names)
    assert f"resources/icons/{APP_ID}.svg" in names
    for size in ICON_SIZES:
        assert f"resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    for translation in (PROJECT_ROOT / "resources" / "translations").glob("*.qm"):
        assert f"resources/translations/{translation.name}" in names
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "grapevine = recommender.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    away = tmp_path / "elsewhere"
    away.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(target)}
    checked = subprocess.run(
        [sys.executable, "-c", USE_INSTALLED_WHEEL, str(target)],
        cwd=away,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    version = subprocess.run(
        [sys.executable, "-m", "recommender", "--version"],
        cwd=away,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.stdout.strip() == f"Grapevine {checked.stdout.strip()}"


BUILD_SDIST = """
import sys
from setuptools import build_meta
print(build_meta.build_sdist(sys.argv[1]))
"""


@pytest.mark.slow
def test_the_sdist_carries_everything_a_wheel_needs(tmp_path: Path) -> None:
    source = copy_sources(tmp_path)
    sdists = tmp_path / "sdists"
    # The PEP 517 hook `python -m build` calls, without its isolated environment (tests never reach the network).
    built = subprocess.run(
        [sys.executable, "-c", BUILD_SDIST, str(sdists)], cwd=source, capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    sdist = sdists / built.stdout.strip().splitlines()[-1]
    version = subprocess.run(
        [sys.executable, "-c", "import recommender; print(recommender.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert sdist.name == f"grapevine-{version}.tar.gz"
    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "resources/taxonomy.toml",
        f"resources/icons/{APP_ID}.svg",
    } <= members
    assert any(name.startswith("recommender/storage/migrations/versions/0001") for name in members)
    assert "recommender/storage/migrations/script.py.mako" in members

    # pip installs an sdist by building a wheel from it: that wheel must carry the same resources.
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), sdist],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("grapevine-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/taxonomy.toml" in names
    assert f"resources/icons/hicolor/512x512/apps/{APP_ID}.png" in names
    assert any(name.startswith("recommender/storage/migrations/versions/0002") for name in names)
