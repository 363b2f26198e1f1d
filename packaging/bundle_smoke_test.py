"""Smoke-test a built bundle from its executable alone: `python packaging/bundle_smoke_test.py build/bundle/grapevine`.

What a user tries first: --version, a demo database and the main window (offscreen), every shipped language, and
the group server on SQLite and on a throwaway PostgreSQL cluster when PostgreSQL's binaries are installed.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""Loopback requests never go through a proxy configured in the environment."""
WINDOW_SIZE = (1200, 760)
"""The main window's default size (ui/main_window.py): what ``--screenshot`` must save."""
POSTGRESQL_BINARIES = Path("/usr/lib/postgresql")


class SmokeTestFailed(Exception):
    """The built bundle does not do what a user would try first."""


def package_version() -> str:
    """The version written in the package (the spec reads the same line)."""
    text = (ROOT / "recommender" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("no __version__ in recommender/__init__.py")
    return found[1]


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
        check_osm_import(executable, temp, environment)
        check_server(executable, version, f"sqlite:///{temp / 'server.sqlite'}", environment)
        check_postgresql_driver(executable, environment)
        with throwaway_postgresql(temp) as database_url:
            if database_url is None:
                print("  serve with PostgreSQL: not checked, PostgreSQL's server is not installed here")
            else:
                check_server(executable, version, database_url, environment)


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


def check_osm_import(executable: str, temp: Path, environment: dict[str, str]) -> None:
    """An OpenStreetMap .pbf extract through the bundled libosmium (a compiled module PyInstaller must carry)."""
    extract = Path(__file__).resolve().parents[2] / "shared" / "data" / "osm" / "andorra.osm.pbf"
    if not extract.is_file():
        print(f"  import osm: not checked, {extract} is not here")
        return
    output = run([executable, "import", "osm", str(extract), "--db", str(temp / "osm.sqlite")], environment)
    if not output.startswith(f"Imported {extract}"):
        raise SmokeTestFailed(f"import osm printed {output[:200]!r}")
    print(f"  import osm: {output.splitlines()[0]}")


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


def check_server(executable: str, version: str, database: str, environment: dict[str, str]) -> None:
    """`grapevine serve` on a free loopback port answers its health check (FastAPI and uvicorn are bundled)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/health"
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
        kind = database.split(":", 1)[0]
        print(f"  serve ({kind}): {url} answered {health} after {time.perf_counter() - started:.1f} s")
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


def _has_postgres_account() -> bool:
    """Whether root can hand the cluster to PostgreSQL's own account (Debian's packages create it)."""
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return shutil.which("runuser") is not None


@contextmanager
def throwaway_postgresql(temp: Path) -> Iterator[str | None]:
    """A PostgreSQL cluster in ``temp`` on a free loopback port, with an empty ``grapevine`` database; None if
    PostgreSQL's server binaries are not installed. Stopped (immediately) on exit."""
    initdbs = sorted(POSTGRESQL_BINARIES.glob("*/bin/initdb"))
    running_as_root = os.geteuid() == 0
    if not initdbs or (running_as_root and not _has_postgres_account()):
        yield None
        return
    binaries = initdbs[-1].parent
    # PostgreSQL refuses to run as root (CI's user): then the cluster belongs to the postgres account.
    as_owner = ["runuser", "-u", "postgres", "--"] if running_as_root else []
    cluster = temp / "postgresql"
    cluster.mkdir()
    if as_owner:
        temp.chmod(0o755)  # the postgres account must reach its folders inside the temporary one
        shutil.chown(cluster, "postgres")
    data, port = cluster / "data", free_port()
    postgres_environment = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}

    def postgres(*command: str) -> None:
        result = subprocess.run(
            [*as_owner, str(binaries / command[0]), *command[1:]],
            env=postgres_environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise SmokeTestFailed(f"PostgreSQL's {command[0]} failed: {result.stderr.strip()}")

    postgres("initdb", "-D", str(data), "-U", "grapevine", "--auth=trust", "--no-sync", "-E", "UTF8")
    options = f"-p {port} -k {cluster} -c listen_addresses=127.0.0.1 -c fsync=off"
    postgres("pg_ctl", "-D", str(data), "-o", options, "-l", str(cluster / "server.log"), "-w", "start")
    try:
        postgres("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "grapevine", "grapevine")
        yield f"postgresql+psycopg://grapevine@127.0.0.1:{port}/grapevine"
    finally:
        postgres("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle", type=Path, help="the bundle folder (holding the grapevine executable)")
    args = parser.parse_args(argv)
    try:
        smoke_test(args.bundle, package_version())
    except SmokeTestFailed as error:
        print(f"bundle_smoke_test: failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
