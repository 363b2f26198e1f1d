"""Grapevine's core: storage, directory services, trust, ranking, sync and the CLI (no Qt here)."""

__version__ = "0.1.0"
