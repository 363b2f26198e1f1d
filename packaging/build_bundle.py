"""Build Grapevine's one-folder desktop bundle into build/bundle/grapevine, add its desktop files, smoke-test it."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.grapevine.Grapevine"
OUTPUT = ROOT / "build" / "bundle"
WORK = ROOT / "build" / "pyinstaller"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""Loopback requests never go through a proxy configured in the environment."""
WINDOW_SIZE = (1200, 760)
"""The main window's default size (ui/main_window.py): what ``--screenshot`` must save."""


class SmokeTestFailed(Exception):
    """The built bundle does not do what a user would try first."""


def package_version() -> str:
    """The version written in the package (the spec reads the same line)."""
    text = (ROOT / "recommender" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("build_bundle: no __version__ in recommender/__init__.py")
    return found[1]


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


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (its first chunk is always IHDR)."""
    header = path.read_bytes()[:24]
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise SmokeTestFailed(f"{path} is not a PNG")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def run(command: list[str], environment: dict[str, str]) -> str:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise SmokeTestFailed(f"`{' '.join(command)}` exited {result.returncode}:\n{result.stderr.strip()}")
    return result.stdout


def smoke_test(bundle: Path, version: str) -> None:
    """What a user tries first, from the built executable only: the app, the CLI and the group server."""
    executable = str(bundle / "grapevine")
    with tempfile.TemporaryDirectory(prefix="grapevine-smoke-") as folder:
        temp = Path(folder)
        # Nothing from the build environment may leak in: no PYTHONPATH, and the user's folders are kept out of it.
        environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
        environment |= {
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(temp / "home"),
            "XDG_DATA_HOME": str(temp / "data"),
            "XDG_CONFIG_HOME": str(temp / "config"),
            "XDG_CACHE_HOME": str(temp / "cache"),
        }
        check_version(executable, version, environment)
        check_screenshot(executable, temp, environment)
        check_translations(executable, temp, environment)
        check_server(executable, version, temp, environment)
        check_postgresql_driver(executable, environment)


def check_version(executable: str, version: str, environment: dict[str, str]) -> None:
    shown = run([executable, "--version"], environment).strip()
    if shown != f"Grapevine {version}":
        raise SmokeTestFailed(f"--version printed {shown!r}, expected 'Grapevine {version}'")
    print(f"  --version: {shown}")


def check_screenshot(executable: str, temp: Path, environment: dict[str, str]) -> None:
    """A demo database (migrations run from the bundle), then the main window rendered offscreen and saved."""
    database = temp / "demo.sqlite"
    run([executable, "demo", "--db", str(database), "--size", "small"], environment)
    screenshot = temp / "main-window.png"
    started = time.perf_counter()
    run([executable, "--db", str(database), "--lang", "en", "--screenshot", str(screenshot)], environment)
    elapsed = time.perf_counter() - started
    if not screenshot.is_file() or screenshot.stat().st_size == 0:
        raise SmokeTestFailed("--screenshot wrote no image")
    size = png_size(screenshot)
    if size != WINDOW_SIZE:
        raise SmokeTestFailed(f"--screenshot saved {size[0]}x{size[1]}, expected {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}")
    print(f"  --screenshot: {size[0]}x{size[1]}, {screenshot.stat().st_size:,} bytes in {elapsed:.1f} s")


def check_translations(executable: str, temp: Path, environment: dict[str, str]) -> None:
    """Every language translated in the source tree shows up translated from the bundle, Qt's own texts included."""
    internal = Path(executable).parent / "_internal"
    english = (temp / "main-window.png").read_bytes()
    for catalog in sorted((ROOT / "resources" / "translations").glob("grapevine_*.qm")):
        language = catalog.stem.removeprefix("grapevine_")
        for shipped in (f"resources/translations/{catalog.name}", f"PySide6/Qt/translations/qtbase_{language}.qm"):
            if not (internal / shipped).is_file():
                raise SmokeTestFailed(f"the bundle has no {shipped}")
        screenshot = temp / f"main-window-{language}.png"
        database = str(temp / "demo.sqlite")
        run([executable, "--db", database, "--lang", language, "--screenshot", str(screenshot)], environment)
        if screenshot.read_bytes() == english:
            raise SmokeTestFailed(f"--lang {language} shows the same window as English: the translation did not load")
        print(f"  --lang {language}: translated window saved")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def check_server(executable: str, version: str, temp: Path, environment: dict[str, str]) -> None:
    """`grapevine serve` on a free loopback port answers its health check (FastAPI and uvicorn are bundled)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/health"
    database = f"sqlite:///{temp / 'server.sqlite'}"
    command = [executable, "serve", "--port", str(port), "--database-url", database]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        started = time.perf_counter()
        while True:
            if server.poll() is not None:
                raise SmokeTestFailed(f"`grapevine serve` exited {server.returncode}:\n{server.communicate()[1]}")
            try:
                with DIRECT.open(url, timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                if time.perf_counter() - started > 60:
                    raise SmokeTestFailed(f"`grapevine serve` did not answer {url} within 60 s") from None
                time.sleep(0.2)
        if health.get("version") != version:
            raise SmokeTestFailed(f"the server's health check said {health!r}, expected version {version}")
        print(f"  serve: {url} answered {health} after {time.perf_counter() - started:.1f} s")
    finally:
        server.terminate()
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def check_postgresql_driver(executable: str, environment: dict[str, str]) -> None:
    """`serve --database-url postgresql+psycopg://` reaches libpq: refused by a port where nothing listens."""
    database = f"postgresql+psycopg://grapevine@127.0.0.1:{free_port()}/grapevine"
    command = [executable, "serve", "--port", str(free_port()), "--database-url", database]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60, check=False)
    refused = "refused" in result.stderr.lower()
    if result.returncode == 0 or not refused or "Traceback" in result.stderr:
        raise SmokeTestFailed(
            f"expected a refused PostgreSQL connection (driver bundled), got exit {result.returncode}:\n"
            f"{result.stderr.strip()}"
        )
    print("  serve --database-url postgresql+psycopg://: driver loaded, connection refused as expected")


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
