"""Project rules that keep the code base honest: a Qt-free core, and CI running the README's commands."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import recommender

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORE = Path(recommender.__file__).parent

IMPORT_EVERY_CORE_MODULE = """
import importlib, pkgutil, sys
import recommender
# Alembic's env.py and revision files only import inside a running migration.
# (the desktop database's and the group server's).
skip = tuple(
    f"recommender.{package}.migrations.{part}" for package in ("storage", "server") for part in ("env", "versions")
)
for module in pkgutil.walk_packages(recommender.__path__, "recommender."):
    if module.name != "recommender.__main__" and not module.name.startswith(skip):
        importlib.import_module(module.name)
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_the_core_never_imports_qt_even_indirectly() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_CORE_MODULE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_no_core_module_names_qt_in_an_import() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}]
    assert offenders == []


def test_ci_runs_the_readme_test_command() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    command = re.search(r"```sh\n(.+?)\n```", section, re.DOTALL)
    assert command is not None
    ci_lines = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command[1].strip() in ci_lines
