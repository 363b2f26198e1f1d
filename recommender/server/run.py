"""Running the sync server: blocking for ``grapevine serve``, or in a background thread for tests and benchmarks."""

from __future__ import annotations

import gc
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn

from recommender.server import logs
from recommender.server.app import ServerConfig, create_app
from recommender.server.slow_clients import protocol_with_timeout

logger = logging.getLogger(__name__)


def _uvicorn_config(config: ServerConfig, host: str, port: int, access_log: bool) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(config),
        host=host,
        port=port,
        access_log=access_log,
        # Our own logging setup (with the secret filter) is kept rather than replaced by uvicorn's.
        log_config=None,
        # Bounded lingering: a client that stops reading cannot hold a worker for ever.
        timeout_keep_alive=5,
        # ... nor one that sends its request slowly (half-open headers or bodies).
        http=protocol_with_timeout(config.read_timeout_s),
        # X-Forwarded-For only from the proxies named (uvicorn would believe any from 127.0.0.1): otherwise anyone
        # on this machine could claim a fresh address per request, and the rate limits would count nothing.
        proxy_headers=bool(config.forwarded_allow_ips),
        forwarded_allow_ips=config.forwarded_allow_ips or [],
        # Beyond this many connections new requests get 503 at once instead of queueing without end.
        limit_concurrency=1000,
    )


def serve(
    config: ServerConfig,
    host: str = "127.0.0.1",
    port: int = 8750,
    *,
    access_log: bool = True,
    opened: Callable[[], None] = lambda: None,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM); ``opened`` runs once the database is open and up to date.

    A database that cannot be used raises :class:`~recommender.server.store.StoreError` before ``opened``."""
    logs.install()
    server = uvicorn.Server(_uvicorn_config(config, host, port, access_log=access_log))
    opened()
    # The application's own objects (FastAPI, Pydantic, SQLAlchemy: several hundred thousand) live as long as the
    # process. Frozen, the collector's full passes skip them: unfrozen, every few pages of a large pull paid a
    # 60 ms pass over them (pull pages took 45 or 105 ms, alternating; see ``grapevine bench sync``).
    gc.collect()
    gc.freeze()
    server.run()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(config: ServerConfig, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """A server on a free loopback port in a background thread; yields its base URL, stops on exit."""
    logs.install()
    port = port or free_port(host)
    server = uvicorn.Server(_uvicorn_config(config, host, port, access_log=True))
    thread = threading.Thread(target=server.run, name=f"sync-server-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the sync server did not start on {host}:{port}")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
