"""Run the sync convergence property test offline with many more examples than CI (10,000 by default).

    python -m tests.recommender.sync.soak --examples 10000 [extra pytest arguments]

Run from the repository root with the dev virtualenv's Python. Several hours at 10,000 examples on a small
machine; a failure prints the shrunk operations that break convergence.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

TEST = Path(__file__).with_name("test_reliability_convergence.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="Hypothesis examples (default 10,000)")
    args, pytest_args = parser.parse_known_args(argv)
    if args.examples < 1:
        parser.error("--examples must be at least 1")
    # Read by the test's settings when the module is imported, so it must be set before pytest collects it.
    os.environ["GRAPEVINE_SYNC_EXAMPLES"] = str(args.examples)
    return int(pytest.main([str(TEST), "-q", "-p", "no:cacheprovider", *pytest_args]))


if __name__ == "__main__":
    sys.exit(main())
