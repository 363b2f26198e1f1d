"""Read deadlines for uvicorn's HTTP protocol: a request must arrive whole (headers and body) in bounded time.

uvicorn times out idle keep-alive connections, but not a request in progress: a client that sends half its
headers, or a Content-Length and then a trickle, held its connection (and any worker reading its body) for as
long as it liked (1,500 of them were held 90 s).
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

logger = logging.getLogger(__name__)

# From a request's first byte (or the connection's opening) to its last: generous for a 8 MB push on a slow
# line, short next to the minutes a slowloris attack wants.
REQUEST_READ_TIMEOUT_S = 30.0


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request is not fully received by its deadline."""

    read_timeout_s = REQUEST_READ_TIMEOUT_S
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_deadline()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self.conn.their_state in {h11.IDLE, h11.DONE}:
            # The first bytes of the next request on a kept-alive connection.
            self._start_deadline()
        super().data_received(data)
        if self.conn.their_state is h11.DONE:
            self._stop_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def _start_deadline(self) -> None:
        self._stop_deadline()
        self._deadline = self.loop.call_later(self.read_timeout_s, self._too_slow)

    def _stop_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.DONE or self.transport.is_closing():
            return
        logger.info(
            "closing a connection from %s: its request did not arrive within %.0f s", self.client, self.read_timeout_s
        )
        # A handler waiting for the rest of the body sees the client disconnect and ends.
        self.transport.close()


def protocol_with_timeout(seconds: float) -> type[DeadlineH11Protocol]:
    """The protocol class for uvicorn's ``http=`` option, with its own read deadline."""
    return type("DeadlineH11Protocol", (DeadlineH11Protocol,), {"read_timeout_s": seconds})
