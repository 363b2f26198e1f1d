"""``grapevine bench startup``: launch the app in a fresh process and time it, from the outside.

The app runs ``ui.startup_probe`` (Qt lives only there); this side only spawns it and reads what it prints, so
the core still never imports Qt. Times are from the moment the process is spawned, interpreter start included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


class StartupProbeFailed(RuntimeError):
    """The app did not start or did not report (its stderr is in the message)."""


def run_startup_bench(database: Path, *, timeout_s: float = 600.0) -> dict[str, Any]:
    environment = dict(os.environ)
    if not environment.get("DISPLAY") and not environment.get("WAYLAND_DISPLAY"):
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    spawned = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "ui.startup_probe", "--db", str(database)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout_s,
        check=False,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        raise StartupProbeFailed(completed.stderr.strip()[-2000:] or f"exit status {completed.returncode}")
    report = json.loads(lines[-1])
    painted, populated = report.pop("window_painted_at"), report.pop("populated_at")
    return {
        "window_painted_s": round(painted - spawned, 3) if painted else None,
        "populated_s": round(populated - spawned, 3) if populated else None,
        **report,
    }
