"""Two real processes writing one database at once: nothing corrupted, no committed write lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from recommender.storage.database import Database
from recommender.storage.hlc import Stamp

WRITER = """
import sys, time
from pathlib import Path
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.storage.database import Database

path, name, count, start_file = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
db = Database.open(path)
while not start_file.exists():  # both writers start together
    time.sleep(0.005)
for i in range(count):
    with db.write() as uow:
        add_vendor(uow, VendorDraft(f"{name} plumbing {i}", "plumber", phone=f"+1 555 0{i:03d}"))
db.close()
"""


def test_two_processes_writing_at_once_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    Database.open(db_path).close()
    start = tmp_path / "go"
    count = 60
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), name, str(count), str(start)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("north", "south")
    ]
    time.sleep(0.5)
    start.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors

    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    names = {row[0] for row in connection.execute("SELECT name FROM vendors")}
    assert names == {f"{side} plumbing {i}" for side in ("north", "south") for i in range(count)}
    stamps = [row[0] for row in connection.execute("SELECT stamp FROM change_log GROUP BY stamp ORDER BY MIN(seq)")]
    connection.close()
    # One stamp per record, strictly increasing in commit order across both processes.
    assert len(stamps) == 2 * count
    assert [Stamp.decode(s) for s in stamps] == sorted(Stamp.decode(s) for s in stamps)
    assert len(set(stamps)) == len(stamps)
