"""CLI commands for group sync: ``serve``, ``group create|invite|join|leave|list|share`` and ``sync``."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from sqlalchemy import select

from recommender.cli.common import CommandFailed, add_db_option, open_database, print_json
from recommender.directory.people import PersonDraft, find_me, set_me
from recommender.storage.database import Database
from recommender.storage.models import Person, Review, Trust, Vendor
from recommender.sync import groups, outbox
from recommender.sync.audience import share_many
from recommender.sync.client import SyncClient, SyncError
from recommender.sync.membership import GroupLink, list_memberships
from recommender.sync.runner import default_client, sync_group

DEFAULT_PORT = 8750
_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(text: str) -> int:
    """Seconds from '7d', '12h', '30m' or '90s'."""
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"expected a duration such as 7d, 12h or 30m, got {text!r}")
    return int(match[1]) * _UNIT_S[match[2]]


# An invite-only server's operator token: read by ``serve --invite-only`` and sent by ``group create``.
OPERATOR_TOKEN_VARIABLE = "GRAPEVINE_OPERATOR_TOKEN"


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run a sync server for groups (HTTP/JSON API)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument(
        "--database-url",
        help="sqlite:///PATH or postgresql+psycopg://USER@HOST/DB (default: a SQLite file in your user data folder)",
    )
    creation = serve.add_mutually_exclusive_group()
    creation.add_argument(
        "--open-groups",
        dest="open_groups",
        action="store_true",
        default=True,
        help="anyone may create a group (default)",
    )
    creation.add_argument(
        "--invite-only",
        dest="open_groups",
        action="store_false",
        help=f"only the operator creates groups, with the token in ${OPERATOR_TOKEN_VARIABLE} (unset: nobody can)",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default="",
        metavar="IP,IP",
        help="reverse proxies whose X-Forwarded-For header is believed (default: none)",
    )
    serve.set_defaults(run=run_serve)

    group = commands.add_parser("group", help="create, join, invite to or leave a sync group")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a group on a sync server; you become its admin")
    create.add_argument("group_name", metavar="NAME", help="the group's name, e.g. 'Elm Street parents'")
    _server_options(create)
    create.set_defaults(run=run_create)
    invite = actions.add_parser("invite", help="make an invite code for your group (admins)")
    _group_option(invite)
    invite.add_argument("--expires", type=duration, default=7 * 86400, metavar="7d", help="valid for (default 7d)")
    invite.add_argument("--uses", type=int, default=1, metavar="N", help="how many people may use it (default 1)")
    invite.set_defaults(run=run_invite)
    device_code = actions.add_parser("device-code", help="a one-time code to add another device of yours to a group")
    _group_option(device_code)
    device_code.set_defaults(run=run_device_code)
    handover = actions.add_parser("handover", help="make another member the group's admin instead of you")
    _group_option(handover)
    handover.add_argument("to", metavar="MEMBER", help="the member's name or id (see the group's members)")
    handover.set_defaults(run=run_handover)
    join = actions.add_parser("join", help="join a group with an invite code (or a device code for another device)")
    join.add_argument("code")
    _server_options(join)
    join.set_defaults(run=run_join)
    leave = actions.add_parser("leave", help="leave a group (your directory stays on this computer)")
    _group_option(leave)
    leave.set_defaults(run=run_leave)
    listing = actions.add_parser("list", help="the groups this computer belongs to")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    share_cmd = actions.add_parser("share", help="share records with a group (by default only your profile is)")
    _group_option(share_cmd)
    share_cmd.add_argument("--vendors", action="store_true", help="every vendor in your directory")
    share_cmd.add_argument("--my-reviews", action="store_true", help="the reviews you wrote or recorded")
    share_cmd.add_argument("--my-trust", action="store_true", help="the people you trust (and distrust)")
    share_cmd.set_defaults(run=run_share)

    sync = commands.add_parser("sync", help="send your changes to your groups and fetch theirs")
    _group_option(sync, required=False)
    sync.add_argument("--json", action="store_true", help="print one JSON document with what was done")
    sync.set_defaults(run=run_sync)


def _server_options(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--server", required=True, metavar="URL", help="the sync server, e.g. https://sync.example.org")
    parser.add_argument(
        "--name", dest="person_name", help="your name as the group sees it (needed once, if not set up in the app)"
    )
    parser.add_argument(
        "--allow-insecure-http", action="store_true", help="allow plain http:// to another machine (readable by anyone)"
    )


def _group_option(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    add_db_option(parser)
    which = "the group (name or id)" + ("; needed when you are in several" if required else "; default: all groups")
    parser.add_argument("--group", metavar="GROUP", help=which)


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Database]:
    database = open_database(args)
    try:
        yield database
    except SyncError as error:
        raise CommandFailed(str(error)) from None
    finally:
        database.close()


def _pick(database: Database, wanted: str | None) -> GroupLink:
    with database.read() as session:
        links = list_memberships(session)
    if not links:
        raise CommandFailed("this computer is in no group yet: use 'grapevine group create' or 'grapevine group join'")
    if wanted is None:
        if len(links) > 1:
            names = ", ".join(link.name for link in links)
            raise CommandFailed(f"you are in several groups ({names}): say which with --group")
        return links[0]
    for link in links:
        if wanted in {link.name, str(link.group_id)}:
            return link
    raise CommandFailed(f"no group named {wanted!r} on this computer")


def _ensure_me(database: Database, name: str | None) -> None:
    with database.read() as session:
        me = find_me(session)
    if me is None:
        if not name:
            raise CommandFailed("tell the group who you are: add --name 'Your Name' (needed once)")
        with database.write() as uow:
            set_me(uow, PersonDraft(display_name=name))


def run_serve(args: argparse.Namespace) -> int:
    # The server's libraries (FastAPI, uvicorn) load only for this command, not on every app start.
    from recommender.server.app import ServerConfig  # noqa: PLC0415
    from recommender.server.run import serve  # noqa: PLC0415
    from recommender.server.store import StoreError, default_database_url  # noqa: PLC0415

    url = args.database_url or default_database_url()
    try:
        config = ServerConfig(
            database_url=url,
            open_groups=args.open_groups,
            operator_token=os.environ.get(OPERATOR_TOKEN_VARIABLE) or None,
            forwarded_allow_ips=[ip.strip() for ip in args.forwarded_allow_ips.split(",") if ip.strip()],
        )
        # Requests (never their tokens: see recommender.server.logs) are worth seeing on a server's terminal.
        for name in ("uvicorn", "uvicorn.access", "uvicorn.error", "recommender.server"):
            logging.getLogger(name).setLevel(logging.INFO)
        # Said once the database has been opened (and migrated): a refused one shows only its error.
        announce = partial(
            print,
            f"Grapevine sync server on http://{args.host}:{args.port} (database {_safe_url(url)})",
            file=sys.stderr,
        )
        serve(config, args.host, args.port, opened=announce)
    except StoreError as error:
        raise CommandFailed(str(error)) from None
    return 0


def _safe_url(url: str) -> str:
    # A password in the database URL must not be printed.
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def run_create(args: argparse.Namespace) -> int:
    with _database(args) as database:
        _ensure_me(database, args.person_name)
        # On an invite-only server the operator's token allows the creation (an open one ignores it).
        operator = os.environ.get(OPERATOR_TOKEN_VARIABLE) or None
        with SyncClient(args.server, None, allow_insecure=args.allow_insecure_http) as client:
            link = groups.create_group(database, args.group_name, client, operator_token=operator)
    print(f"Created group {link.name!r} on {link.server_url}; you are its admin.")
    print("Invite others with: grapevine group invite")
    return 0


def run_invite(args: argparse.Namespace) -> int:
    with _database(args) as database:
        link = _pick(database, args.group)
        # The server decides: admin rights may have been handed to this member since this computer last knew.
        with default_client(link) as client:
            answer = groups.create_invite(link, client, args.expires, args.uses)
    uses = f"{args.uses} person" if args.uses == 1 else f"{args.uses} people"
    print(f"Invite code for {link.name!r} (for {uses}, valid until {_local_time(str(answer['expires_at']))}):")
    print(answer["code"])
    print(f"They join with: grapevine group join CODE --server {link.server_url}")
    return 0


def _local_time(stamp: str) -> str:
    """An RFC 3339 time from the server in this machine's time zone, to the minute (as typed, if unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone():%Y-%m-%d %H:%M %Z}"


def run_join(args: argparse.Namespace) -> int:
    with _database(args) as database:
        _ensure_me(database, args.person_name)
        with SyncClient(args.server, allow_insecure=args.allow_insecure_http) as client:
            link = groups.join_group(database, args.code, client)
        report = sync_group(database, link.group_id)
    print(f"Joined {link.name!r}; received {report.applied} change(s) from the group.")
    return 0


def run_device_code(args: argparse.Namespace) -> int:
    with _database(args) as database:
        link = _pick(database, args.group)
        with default_client(link) as client:
            answer = groups.create_device_code(link, client)
    print(f"Device code for {link.name!r} (works once, until {_local_time(str(answer['expires_at']))}):")
    print(answer["code"])
    print(f"On your other device: grapevine group join CODE --server {link.server_url}")
    return 0


def run_handover(args: argparse.Namespace) -> int:
    with _database(args) as database:
        link = _pick(database, args.group)
        with default_client(link) as client:
            members = client.members(link.group_id)["members"]
            chosen = [m for m in members if args.to in {m["id"], m["display_name"]} and m["id"] != str(link.member_id)]
            if len(chosen) != 1:
                raise CommandFailed(f"no single other member named {args.to!r} in {link.name!r}: give their id")
            groups.hand_over_admin(database, link, client, uuid.UUID(chosen[0]["id"]))
    print(f"{chosen[0]['display_name']} is now the admin of {link.name!r}.")
    return 0


def run_leave(args: argparse.Namespace) -> int:
    with _database(args) as database:
        link = _pick(database, args.group)
        with default_client(link) as client:
            groups.leave_group(database, link, client)
    print(f"Left {link.name!r}. Everything in your directory stays on this computer.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with _database(args) as database:
        with database.read() as session:
            links = list_memberships(session)
        rows = [
            {
                "group_id": str(link.group_id),
                "name": link.name,
                "server": link.server_url,
                "admin": link.is_admin,
                "pending": outbox.pending_count(database, link.group_id),
                "last_synced": link.last_synced.isoformat() if link.last_synced else None,
            }
            for link in links
        ]
    if args.json:
        print_json({"groups": rows})
    elif not rows:
        print("Not in any group.")
    for link, row in zip(links, rows, strict=True) if not args.json else []:
        admin = ", admin" if link.is_admin else ""
        synced = f"last synced {link.last_synced:%Y-%m-%d %H:%M} UTC" if link.last_synced else "never synced"
        print(f"{link.name} ({link.server_url}{admin}): {synced}, {row['pending']} change(s) waiting to be sent")
    return 0


def run_share(args: argparse.Namespace) -> int:
    if not (args.vendors or args.my_reviews or args.my_trust):
        raise CommandFailed("say what to share: --vendors, --my-reviews and/or --my-trust")
    with _database(args) as database:
        link = _pick(database, args.group)
        with database.write() as uow:
            session = uow.session
            me_id = session.scalar(select(Person.id).where(Person.is_me.is_(True)))
            records: list[Person | Trust | Vendor | Review] = []
            if args.vendors:
                records += session.scalars(select(Vendor).where(Vendor.deleted.is_(False)))
            if args.my_reviews and me_id is not None:
                mine = (Review.author_id == me_id) | (Review.recorded_by_id == me_id)
                records += session.scalars(select(Review).where(mine, Review.deleted.is_(False)))
            if args.my_trust and me_id is not None:
                records += session.scalars(select(Trust).where(Trust.truster_id == me_id, Trust.deleted.is_(False)))
            shared = share_many(uow, records, link.group_id)
    print(f"Shared {shared} more record(s) with {link.name!r}; they go out with the next 'grapevine sync'.")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    with _database(args) as database:
        if args.group is not None:
            targets = [_pick(database, args.group)]
        else:
            with database.read() as session:
                targets = list_memberships(session)
            if not targets:
                raise CommandFailed("this computer is in no group yet: use 'grapevine group join'")
        reports = [sync_group(database, link.group_id) for link in targets]
    if args.json:
        print_json({"groups": [report.to_json() for report in reports]})
        return 0
    for report in reports:
        print(
            f"{report.group_name}: sent {report.pushed} change(s), received {report.pulled} "
            f"({report.applied} applied, {report.superseded} older than yours); {report.pending} still to send"
        )
        for refused in report.refused[:10]:
            print(f"  not sent: {refused}")
    return 0
