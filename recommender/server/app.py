"""The sync server as an ASGI app factory: run it in-process (tests, benchmarks) or behind ``grapevine serve``.

Every route checks the caller's device token and group. Expected failures map to 4xx with a ``detail`` in plain
words (401 no or bad token, 403 not allowed, 404 unknown, 409 conflicts with the group's state, 413 too large,
422 invalid, 429 too many attempts);
an unreachable database is 503. Nothing a client sends can produce a 500.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from recommender import __version__
from recommender.server import access, feed, problems, schemas
from recommender.server.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit
from recommender.server.store import ServerStore
from recommender.storage.hlc import wall_clock_ms

logger = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 5000


@dataclass
class ServerConfig:
    """What a server instance needs; everything else lives in its database."""

    database_url: str
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    # Values in one pull page, in bytes (see feed.pull_page).
    max_page_bytes: int = feed.MAX_PAGE_BYTES
    # Invite redemptions allowed per client address within the window (guessing codes takes billions of tries).
    join_attempts: int = 10
    join_window: dt.timedelta = field(default_factory=lambda: dt.timedelta(minutes=10))
    # Groups created per client address within the window (a flood of groups is a flood of databases rows).
    group_creations: int = 5
    group_window: dt.timedelta = field(default_factory=lambda: dt.timedelta(hours=1))
    # False (``--invite-only``): only the operator creates groups, with ``operator_token`` as bearer token; with
    # no operator token, nobody can.
    open_groups: bool = True
    operator_token: str | None = None
    # Addresses of reverse proxies whose X-Forwarded-For is believed (``--forwarded-allow-ips``); by default
    # none is: the rate limits count the address that connected.
    forwarded_allow_ips: list[str] = field(default_factory=list)
    # Seconds a request may take to arrive whole, headers and body (see slow_clients).
    read_timeout_s: float = 30.0
    # The server's wall clock (invite expiry, rate limits, clamping stamps from the future); tests replace it.
    now_ms: Callable[[], int] = wall_clock_ms


_ERRORS: dict[int | str, dict[str, object]] = {
    # 400: a body that is not JSON at all (FastAPI answers before validation).
    status: {"model": schemas.Problem}
    for status in (400, 401, 403, 404, 409, 413, 429, 503)
}
_bearer = HTTPBearer(auto_error=False, description="the device token received when creating or joining a group")
OPERATOR_HEADER = "x-grapevine-operator"
"""Carries an invite-only server's operator token when creating a group."""

Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _caller(request: Request, credentials: Credentials) -> access.Caller:
    store: ServerStore = request.app.state.store
    with store.read_connection() as connection:
        return access.authenticate(connection, credentials.credentials if credentials else None)


Authenticated = Annotated[access.Caller, Depends(_caller)]


# Appended to the bearer requirement: an empty requirement says the route also takes requests without a token.
_SIGN_IN_OPTIONAL: dict[str, Any] = {"security": [{}]}


def _known(session: Session, credentials: HTTPAuthorizationCredentials | None) -> access.Caller | None:
    """The caller of an optionally signed-in request (401 for a token that is not valid)."""
    return access.authenticate(session, credentials.credentials) if credentials else None


def _only_parameters(*names: str) -> Callable[[Request], Awaitable[None]]:
    """Refuse unknown query parameters: a misspelt ``sinse=`` would otherwise pull the whole feed from 0."""

    # Async on purpose: it does no I/O, and a plain function would cost each request a trip to a worker thread.
    async def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - set(names))
        if unknown:
            raise RequestValidationError(
                [
                    {"loc": ("query", name), "msg": "unknown query parameter", "type": "extra_forbidden"}
                    for name in unknown
                ]
            )

    return check


def create_app(config: ServerConfig, store: ServerStore | None = None) -> FastAPI:
    """A ready server app; creates the tables if they are missing."""
    store = store or ServerStore(config.database_url)
    store.create_tables()
    app = FastAPI(
        title="Grapevine sync",
        version=__version__,
        description="Share a neighbourhood directory with a small group: field-level changes, per-group feeds.",
        responses=_ERRORS,
    )
    app.state.store = store

    def now() -> dt.datetime:
        return access.utc_from_ms(config.now_ms())

    # Level 5 compresses a page of changes nearly as well as 9 in a fraction of the time.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    # Added last so it runs first: oversized bodies are refused before anything reads them.
    app.add_middleware(BodySizeLimit, max_bytes=config.max_body_bytes)
    _add_error_handlers(app)

    @app.get("/v1/health", tags=["server"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/groups", status_code=201, tags=["groups"], openapi_extra=_SIGN_IN_OPTIONAL)
    def create_group(
        request: schemas.CreateGroup, http_request: Request, credentials: Credentials
    ) -> schemas.Membership:
        """Create a group; the caller becomes its admin and gets a device token (rate-limited per address; on an
        invite-only server, only with the operator's token in the ``X-Grapevine-Operator`` header).

        Signed in (a device token of this server) the caller stays the person they are; otherwise the server
        assigns them a new person id."""
        if not config.open_groups:
            # Its own header, not the bearer scheme: that carries the caller's sign-in, which any member has.
            given = http_request.headers.get(OPERATOR_HEADER, "").strip()
            if not config.operator_token or not secrets.compare_digest(given.encode(), config.operator_token.encode()):
                raise access.AccessDenied(403, "this server is invite-only: ask its operator to create your group")
        address = _address(http_request)
        with store.transaction() as session:
            limited = access.rate_limited(
                session, f"group {address}", config.group_creations, config.group_window, now()
            )
            if limited and config.open_groups:
                raise access.AccessDenied(429, "too many groups created from this address: try again later")
            known = _known(session, credentials)
            membership = access.create_group(session, request, now(), known)
        logger.info("group %s created", membership.group_id)
        return membership

    @app.post("/v1/groups/{group_id}/invites", status_code=201, tags=["groups"])
    def create_invite(group_id: uuid.UUID, request: schemas.CreateInvite, caller: Authenticated) -> schemas.InviteCode:
        """Issue an invite code (admin only) that expires and may be redeemed a limited number of times."""
        access.require_group(caller, group_id, admin=True)
        with store.transaction() as session:
            return access.create_invite(session, caller, request, now())

    @app.post("/v1/join", status_code=201, tags=["groups"], openapi_extra=_SIGN_IN_OPTIONAL)
    def join(request: schemas.Join, http_request: Request, credentials: Credentials) -> schemas.Membership:
        """Redeem an invite code (a new member) or a device code (another device of a member) for a device token.

        Rate-limited per client address. The person id is never the request's: a new member gets a new one, a
        caller signed in on this server (another group) keeps theirs, a device code brings its maker's."""
        address = _address(http_request)
        with store.transaction() as session:
            if access.rate_limited(session, address, config.join_attempts, config.join_window, now()):
                raise access.AccessDenied(429, "too many invite attempts from this address: try again later")
        with store.transaction() as session:
            membership = access.redeem(session, request, now(), _known(session, credentials))
        logger.info("member %s joined group %s", membership.member_id, membership.group_id)
        return membership

    @app.post("/v1/groups/{group_id}/device-codes", status_code=201, tags=["groups"])
    def create_device_code(group_id: uuid.UUID, caller: Authenticated) -> schemas.DeviceCodeAnswer:
        """A one-time code, valid for minutes, that signs one more device in as the caller (typed at join)."""
        access.require_group(caller, group_id)
        with store.transaction() as session:
            return access.create_device_code(session, caller, now())

    @app.put("/v1/groups/{group_id}/admin", status_code=204, tags=["groups"])
    def hand_over_admin(group_id: uuid.UUID, request: schemas.HandOver, caller: Authenticated) -> Response:
        """Make another member the admin instead of the caller (the last admin must, before leaving)."""
        access.require_group(caller, group_id, admin=True)
        with store.transaction() as session:
            access.hand_over_admin(session, caller, request.member_id)
        return Response(status_code=204)

    @app.get("/v1/groups/{group_id}/members", tags=["groups"])
    def members(group_id: uuid.UUID, caller: Authenticated) -> schemas.Members:
        access.require_group(caller, group_id)
        with store.read() as session:
            return access.list_members(session, caller)

    @app.delete("/v1/groups/{group_id}/members/{member_id}", status_code=204, tags=["groups"])
    def remove_member(group_id: uuid.UUID, member_id: uuid.UUID, caller: Authenticated) -> Response:
        """Remove a member and sign out their devices (the admin: anyone; a member: themselves, i.e. leave)."""
        access.require_group(caller, group_id)
        with store.transaction() as session:
            access.remove_member(session, caller, member_id, now())
        return Response(status_code=204)

    @app.delete("/v1/groups/{group_id}/devices/{device_id}", status_code=204, tags=["groups"])
    def revoke_device(group_id: uuid.UUID, device_id: uuid.UUID, caller: Authenticated) -> Response:
        """Revoke one device's token (the admin: any device; a member: their own)."""
        access.require_group(caller, group_id)
        with store.transaction() as session:
            access.revoke_device(session, caller, device_id, now())
        return Response(status_code=204)

    @app.post(
        "/v1/groups/{group_id}/changes",
        tags=["sync"],
        # 422 comes either from FastAPI (body does not fit the schema) or from the value checks (a plain Problem).
        responses={403: {"model": schemas.PushRejected}, 422: {"model": schemas.ValidationProblem | schemas.Problem}},
    )
    def push(group_id: uuid.UUID, request: schemas.Push, caller: Authenticated) -> schemas.PushResult:
        """Store a batch of field changes once each (re-sending a batch is harmless) and number them."""
        access.require_group(caller, group_id)
        with store.transaction() as session:
            return feed.push(session, caller, request.changes, config.now_ms)

    @app.get(
        "/v1/groups/{group_id}/changes",
        tags=["sync"],
        response_model=schemas.PullPage,
        dependencies=[Depends(_only_parameters("since", "limit"))],
    )
    async def pull(
        group_id: uuid.UUID,
        credentials: Credentials,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=schemas.MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    ) -> Response:
        """The group's edits after ``since``, in sequence order, a page at a time."""
        token = credentials.credentials if credentials else None
        read = partial(_read_page, store, token, group_id, since, limit, config.max_page_bytes)
        # A device polling every minute gets a page of a few changes: on SQLite (a local file whose readers never
        # wait) that is built right here, as the trip to a worker thread was a tenth of an incremental sync.
        # Anything larger, and every page on PostgreSQL (network round trips), is built on a worker thread.
        body = read(_INLINE_PAGE_CHANGES) if store.dialect == "sqlite" else None
        if body is None:
            body = await run_in_threadpool(read, None)
        return Response(body, media_type="application/json")

    return app


def _address(request: Request) -> str:
    # The connecting address, or the one a trusted proxy (--forwarded-allow-ips) forwarded: uvicorn decides.
    return request.client.host if request.client else "unknown"


# Pages of up to this many changes are built on the event loop (SQLite only): well under a millisecond.
_INLINE_PAGE_CHANGES = 200


def _read_page(
    store: ServerStore,
    token: str | None,
    group_id: uuid.UUID,
    since: int,
    limit: int,
    max_bytes: int,
    at_most: int | None,
) -> bytes | None:
    """Sign in and read one page in one snapshot; None if the page would hold more than ``at_most`` changes."""
    with store.read_connection() as connection:
        caller = access.authenticate(connection, token)
        access.require_group(caller, group_id)
        newest = feed.newest_seq(connection, group_id)
        if at_most is not None and newest - since > at_most:
            return None
        return feed.pull_page(connection, group_id, since, limit, newest, max_bytes)


def _add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, problems.invalid_request)

    @app.exception_handler(access.AccessDenied)
    def _access_denied(_request: Request, error: access.AccessDenied) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
        if error.status == 422:
            # The shape of FastAPI's own validation errors, as the schema promises for every 422.
            problem = [{"loc": ["body"], "msg": error.detail, "type": "value_error"}]
            return JSONResponse({"detail": problem}, status_code=422)
        return JSONResponse({"detail": error.detail}, status_code=error.status, headers=headers)

    @app.exception_handler(feed.PushRefused)
    def _push_refused(_request: Request, error: feed.PushRefused) -> JSONResponse:
        body = schemas.PushRejected(
            detail=f"{len(error.rejected)} change(s) touch records owned by another member; nothing was stored",
            rejected=error.rejected,
        )
        return JSONResponse(body.model_dump(), status_code=403)

    @app.exception_handler(feed.InvalidChanges)
    def _invalid(_request: Request, error: feed.InvalidChanges) -> JSONResponse:
        # The same shape as FastAPI's own validation errors (the schema's HTTPValidationError).
        detail = [
            {"loc": ["body", "changes", index, "value"], "msg": reason, "type": "value_error"}
            for index, reason in error.problems
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(DataError)
    def _unstorable(_request: Request, error: DataError) -> JSONResponse:
        # Validation should catch these first; this keeps any value the database rejects a client error.
        logger.warning("database refused a value: %s", error.orig)
        detail = [{"loc": ["body"], "msg": "a value in the request cannot be stored", "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(OperationalError)
    def _database_down(_request: Request, error: OperationalError) -> JSONResponse:
        logger.error("database unavailable: %s", error.orig)
        return JSONResponse({"detail": "the server's database is unavailable; try again shortly"}, status_code=503)
