"""A throwaway PostgreSQL cluster for tests, from the server binaries installed on this machine (and CI's).

initdb refuses to run as root, so as root the cluster is created and run as ``nobody`` in a folder it owns.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from recommender.server.run import free_port

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


def postgres_available() -> bool:
    return (POSTGRES_BIN / "initdb").exists() and (POSTGRES_BIN / "pg_ctl").exists()


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a cluster on a free loopback port; yields a libpq URL of its superuser's maintenance database."""
    folder = Path(tempfile.mkdtemp(prefix="grapevine-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    data, port = folder / "data", free_port()
    try:
        subprocess.run(
            [*as_user, str(POSTGRES_BIN / "initdb"), "-D", str(data), "-U", "grapevine", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [
                *as_user,
                str(POSTGRES_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        try:
            yield f"host=127.0.0.1 port={port} user=grapevine dbname=postgres"
        finally:
            subprocess.run(
                [*as_user, str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                check=False,
                capture_output=True,
                timeout=60,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(cluster: str) -> str:
    """A new empty database in the cluster, as a SQLAlchemy URL for the server."""
    name = f"grapevine_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(cluster, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    params = dict(part.split("=", 1) for part in cluster.split())
    return f"postgresql+psycopg://{params['user']}@{params['host']}:{params['port']}/{name}"
