"""The peer of ``grapevine bench sync``: PouchDB Server replicating the same vendors into a new PouchDB replica.

Same work as Grapevine's bench: a server holding ``records`` vendors of every synced field, replicated into an
empty on-disk replica (PouchDB in Node on leveldb, its default there), then 20 rounds of "another client changes
10 records, one field each; the replica pulls once". The server is PouchDB Server in a child process on a free
loopback port; the timing is done inside Node around each replication and read back as JSON.

The npm packages are installed once (pinned versions) into the user cache folder and reused. A machine without
Node, or an install that fails, gives ``{"available": False, "reason": ...}``: the bench goes on without its peer.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import platformdirs
import requests

from recommender.bench.sync_records import vendor_changes
from recommender.server.run import free_port
from recommender.storage.database import APP_NAME

Progress = Callable[[str], None]

# Pinned so that figures from different runs and machines compare; pouchdb-server 4.2.0 is its latest release.
PINNED_PACKAGES = {"pouchdb-server": "4.2.0", "pouchdb": "9.0.0"}
INCREMENTAL_ROUNDS = 20
CHANGED_PER_ROUND = 10
_DATABASE = "vendors"
_LOAD_CHUNK = 1_000
_INSTALL_TIMEOUT_S = 900
_RUN_TIMEOUT_S = 900
_START_TIMEOUT_S = 60


class PeerUnavailable(Exception):
    """The peer cannot be measured on this machine; the message says why in plain words."""


def default_peer_folder() -> Path:
    """Where the peer's npm packages are installed once and reused."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "peers" / "pouchdb"


def pouchdb_documents(records: int) -> list[dict[str, Any]]:
    """The bench's vendors as PouchDB documents: one per record, every synced field with vendor_changes' values."""
    documents: dict[uuid.UUID, dict[str, Any]] = {}
    for change in vendor_changes(records, "bench", 0):
        documents.setdefault(change.record_id, {"_id": str(change.record_id)})[change.field] = change.value
    return list(documents.values())


def incremental_rounds(records: int) -> list[list[tuple[str, str, str]]]:
    """Each round's edits (document id, field, value): the records and phone numbers Grapevine's bench changes."""
    return [
        [
            (str(uuid.UUID(int=(round_number * 10 + k) % records + 1)), "phone", f"020 7000 {k:04d}")
            for k in range(CHANGED_PER_ROUND)
        ]
        for round_number in range(INCREMENTAL_ROUNDS)
    ]


def run_pouchdb_peer(
    records: int = 10_000,
    progress: Progress = lambda _message: None,
    folder: Path | None = None,
    peer_folder: Path | None = None,
) -> dict[str, Any]:
    """Measure the peer; ``folder`` holds the server's and the replica's data (a temporary folder if None).

    Returns ``{"available": True, "initial_10k_s", "incremental_10_ms", "incremental_10_max_ms", "versions", ...}``
    or ``{"available": False, "reason": ...}``.
    """
    try:
        node = _program("node")
        installed = _ensure_installed(peer_folder or default_peer_folder(), progress)
        with ExitStack() as stack:
            parent = folder if folder is not None else Path(stack.enter_context(tempfile.TemporaryDirectory()))
            parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix="pouchdb-peer-", dir=parent))  # a new replica on every run
            url = stack.enter_context(_pouchdb_server(node, installed, work / "server"))
            progress(f"PouchDB peer: loading {records:,} documents into PouchDB Server (setup, not timed)")
            _load(f"{url}/{_DATABASE}", pouchdb_documents(records))
            progress(f"PouchDB peer: initial replication and {INCREMENTAL_ROUNDS} incremental rounds")
            measured = _replicate(node, installed, f"{url}/{_DATABASE}", work, records)
    except PeerUnavailable as reason:
        return {"available": False, "reason": str(reason)}
    incremental = measured["incremental_ms"]
    return {
        "available": True,
        "records": records,
        "initial_10k_s": round(measured["initial_ms"] / 1000, 3),
        "incremental_10_ms": round(statistics.median(incremental), 2),
        "incremental_10_max_ms": round(max(incremental), 2),
        "rounds": len(incremental),
        "adapters": measured["adapters"],
        "versions": measured["versions"],
    }


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise PeerUnavailable(f"{name} is not installed (or not on PATH), so the PouchDB peer cannot run")
    return found


def _ensure_installed(peer_folder: Path, progress: Progress) -> Path:
    """The peer folder with the pinned packages installed; installs them the first time (needs npm and its registry)."""
    if _installed_versions(peer_folder) == PINNED_PACKAGES:
        return peer_folder
    npm = _program("npm")
    pins = ", ".join(f"{name} {version}" for name, version in PINNED_PACKAGES.items())
    progress(f"installing the PouchDB peer ({pins}) into {peer_folder} (once; reused by later runs)")
    peer_folder.mkdir(parents=True, exist_ok=True)
    package = {"name": "grapevine-pouchdb-peer", "private": True, "dependencies": PINNED_PACKAGES}
    (peer_folder / "package.json").write_text(json.dumps(package, indent=2) + "\n")
    # --ignore-scripts: leveldown ships prebuilt binaries; install scripts would only try to download or compile.
    command = [npm, "install", "--prefix", str(peer_folder), "--ignore-scripts", "--no-audit", "--no-fund"]
    try:
        subprocess.run(command, capture_output=True, text=True, check=True, timeout=_INSTALL_TIMEOUT_S)
    except subprocess.CalledProcessError as error:
        raise PeerUnavailable(f"npm could not install the PouchDB peer: {_npm_error(error.stderr)}") from None
    except subprocess.TimeoutExpired:
        raise PeerUnavailable(f"npm did not finish installing the PouchDB peer in {_INSTALL_TIMEOUT_S} s") from None
    if _installed_versions(peer_folder) != PINNED_PACKAGES:
        raise PeerUnavailable(f"npm finished but the PouchDB peer's packages are not in {peer_folder / 'node_modules'}")
    return peer_folder


def _installed_versions(peer_folder: Path) -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in PINNED_PACKAGES:
        try:
            versions[name] = json.loads((peer_folder / "node_modules" / name / "package.json").read_text())["version"]
        except (OSError, ValueError, KeyError):
            versions[name] = None
    return versions


def _npm_error(stderr: str) -> str:
    """npm's own error lines, without the warnings it prints before them."""
    lines = [
        line
        for line in stderr.splitlines()
        if line.startswith(("npm error", "npm ERR!")) and "complete log of this run" not in line
    ]
    return " / ".join(line.split(" ", 2)[-1] for line in lines[:3]) or _last_line(stderr)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


@contextmanager
def _pouchdb_server(node: str, peer_folder: Path, data: Path) -> Iterator[str]:
    """PouchDB Server (leveldb) in a child process on a free loopback port; yields its URL and stops it on exit."""
    data.mkdir()
    port = free_port()
    script = peer_folder / "node_modules" / "pouchdb-server" / "bin" / "pouchdb-server"
    arguments = ["--host", "127.0.0.1", "--port", str(port), "--dir", str(data), "--config", str(data / "config.json")]
    log = data / "stderr.txt"
    with log.open("wb") as stderr:
        # cwd: the server writes its log.txt into the current folder.
        child = subprocess.Popen(
            [node, str(script), *arguments, "--no-stdout-logs", "--no-color"],
            cwd=data,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, child, log)
        yield url
    finally:
        stop_child(child)


def stop_child(child: subprocess.Popen[bytes]) -> None:
    """Ask a benchmark's server process to stop; kill it if it has not within ten seconds."""
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _wait_until_up(url: str, child: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while True:
        try:
            requests.get(url, timeout=1).raise_for_status()
            return
        except requests.RequestException:
            if child.poll() is not None:
                raise PeerUnavailable(f"PouchDB Server stopped at start: {_last_line(log.read_text())}") from None
            if time.monotonic() > deadline:
                raise PeerUnavailable(f"PouchDB Server did not answer within {_START_TIMEOUT_S} s") from None
            time.sleep(0.05)


def _load(database_url: str, documents: list[dict[str, Any]]) -> None:
    """Create the database and write the documents in bulk, as the records' first version."""
    try:
        _bulk_load(database_url, documents)
    except requests.RequestException as error:
        raise PeerUnavailable(f"PouchDB Server did not take the documents: {error}") from None


def _bulk_load(database_url: str, documents: list[dict[str, Any]]) -> None:
    with requests.Session() as session:
        session.put(database_url, timeout=30).raise_for_status()
        for start in range(0, len(documents), _LOAD_CHUNK):
            answer = session.post(
                f"{database_url}/_bulk_docs", json={"docs": documents[start : start + _LOAD_CHUNK]}, timeout=120
            )
            answer.raise_for_status()
            failed = [row for row in answer.json() if "error" in row]
            if failed:
                raise PeerUnavailable(f"PouchDB Server refused a document while loading: {failed[0]}")


def _replicate(node: str, peer_folder: Path, database_url: str, work: Path, records: int) -> dict[str, Any]:
    """Run the Node side (initial replication, then the incremental rounds) and read its figures."""
    plan = work / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "peer": str(peer_folder),
                "url": database_url,
                "replica": str(work / "replica"),
                "records": records,
                "rounds": incremental_rounds(records),
            }
        )
    )
    with as_file(files("recommender.bench").joinpath("peer_js", "pouchdb_bench.mjs")) as script:
        try:
            finished = subprocess.run(
                [node, str(script), str(plan)],
                check=False,  # a failure is read from stderr below and turned into a reason
                capture_output=True,
                text=True,
                timeout=_RUN_TIMEOUT_S,
                cwd=work,
                env=os.environ | {"NODE_NO_WARNINGS": "1"},
            )
        except subprocess.TimeoutExpired:
            raise PeerUnavailable(f"the PouchDB replication did not finish in {_RUN_TIMEOUT_S} s") from None
    if finished.returncode != 0:
        raise PeerUnavailable(f"the PouchDB replication failed: {_node_error(finished.stderr)}")
    try:
        result: dict[str, Any] = json.loads(_last_line(finished.stdout))
    except ValueError:
        raise PeerUnavailable(f"the PouchDB replication printed no figures: {_last_line(finished.stdout)}") from None
    return result


def _node_error(stderr: str) -> str:
    """The thrown error's message line, rather than the stack trace that follows it."""
    for line in stderr.splitlines():
        if line.startswith(("Error", "TypeError", "ReferenceError", "SyntaxError")):
            return line
    return _last_line(stderr)
