"""Build Grapevine's one-folder desktop bundle into build/bundle/grapevine, add its desktop files, smoke-test it."""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

# The smoke test is its own script beside this one (runnable alone on any built bundle).
from bundle_smoke_test import SmokeTestFailed, package_version, smoke_test

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.grapevine.Grapevine"
OUTPUT = ROOT / "build" / "bundle"
WORK = ROOT / "build" / "pyinstaller"


def build(output: Path) -> Path:
    """Run PyInstaller on the spec (its chatter goes to a log, shown if it fails); returns the bundle folder."""
    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / "pyinstaller.log"
    with log.open("w", encoding="utf-8") as sink:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level=WARN",
                "--distpath",
                str(output),
                "--workpath",
                str(WORK),
                str(ROOT / "packaging" / "grapevine.spec"),
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        print("\n".join(log.read_text(encoding="utf-8").splitlines()[-40:]), file=sys.stderr)
        raise SystemExit(f"build_bundle: PyInstaller failed (exit {result.returncode}); full log in {log}")
    return output / "grapevine"


def add_desktop_files(bundle: Path) -> None:
    """The .desktop file, metainfo, icons and an installer beside the executable, laid out as in /usr/share."""
    share = bundle / "share"
    linux = ROOT / "packaging" / "linux"
    icons = ROOT / "resources" / "icons"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    symbolic = share / "icons" / "hicolor" / "symbolic" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    symbolic.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / f"{APP_ID}.svg", scalable)
    shutil.copy2(icons / f"{APP_ID}-symbolic.svg", symbolic)
    shutil.copy2(linux / "install.sh", bundle / "install.sh")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def archive(bundle: Path, version: str) -> Path:
    """A tarball to hand out: grapevine-VERSION-linux-MACHINE.tar.gz with one grapevine/ folder inside."""
    target = bundle.parent / f"grapevine-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname="grapevine")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where the bundle goes (default: build/bundle)")
    parser.add_argument("--skip-build", action="store_true", help="only smoke-test the bundle already built")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle into a .tar.gz")
    args = parser.parse_args(argv)
    version = package_version()
    bundle = args.output / "grapevine"
    if not args.skip_build:
        print(f"Building the Grapevine {version} bundle in {bundle}")
        started = time.perf_counter()
        bundle = build(args.output)
        add_desktop_files(bundle)
        print(f"  built in {time.perf_counter() - started:.0f} s, {folder_size(bundle) / 1e6:.0f} MB")
    print("Smoke-testing the bundle")
    try:
        smoke_test(bundle, version)
    except SmokeTestFailed as error:
        print(f"build_bundle: smoke test failed: {error}", file=sys.stderr)
        return 1
    if args.archive:
        packed = archive(bundle, version)
        print(f"  archive: {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
