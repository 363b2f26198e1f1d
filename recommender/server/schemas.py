"""Request and response bodies of the sync API: Pydantic models, so the OpenAPI schema describes every body."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from recommender.sync.wire import ENTITIES, storable_text

# Largest push batch and pull page: big enough for a fast initial sync, small enough to stay under the body limit.
MAX_PUSH_CHANGES = 5000
MAX_PAGE_SIZE = 20_000

Entity = Literal["people", "trust", "vendors", "reviews"]


def _as_utc(value: dt.datetime) -> dt.datetime:
    # The server stores naive UTC (SQLite keeps no time zone); on the wire a time says so, as RFC 3339 requires.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


UtcDateTime = Annotated[dt.datetime, AfterValidator(_as_utc)]
assert set(ENTITIES) == {"people", "trust", "vendors", "reviews"}


class FieldProblem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationProblem(BaseModel):
    """FastAPI's own 422 body for a request that does not fit the schema: one entry per invalid part."""

    detail: list[FieldProblem]


def _storable(text: str) -> str:
    if not storable_text(text):
        raise ValueError("contains characters that cannot be stored (NUL or an unpaired surrogate)")
    return text


# Text the server stores as it is (names, codes): refused up front if a database could not store it.
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """Every error body: what went wrong, in plain words."""

    detail: str


class CreateGroup(Strict):
    """The creator's person id is the server's to assign (or theirs already, when signed in on this server)."""

    name: Name
    display_name: Name


class Membership(BaseModel):
    """What a device receives when it creates or joins a group. The token is shown only this once."""

    group_id: uuid.UUID
    group_name: str
    member_id: uuid.UUID
    # The member's Person record in the directory, assigned by the server: what they alone may write as themselves.
    person_id: uuid.UUID
    device_id: uuid.UUID
    token: str
    is_admin: bool


class CreateInvite(Strict):
    # Strict: a JSON true is not the number 1 (the schema says integer, and the fuzz suite holds us to it).
    expires_in_s: int = Field(default=7 * 24 * 3600, ge=60, le=365 * 24 * 3600, strict=True)
    max_uses: int = Field(default=1, ge=1, le=1000, strict=True)


class InviteCode(BaseModel):
    code: str
    expires_at: UtcDateTime
    max_uses: int


class Join(Strict):
    """An invite code (a new member: ``display_name`` needed) or a device code (another device of a member)."""

    code: Name
    display_name: Name | None = None


class DeviceCodeAnswer(BaseModel):
    """A one-time code that signs one more device in as the member who made it, until it expires."""

    code: str
    expires_at: UtcDateTime


class HandOver(Strict):
    member_id: uuid.UUID = Field(description="the member who becomes the group's admin instead of the caller")


class DeviceInfo(BaseModel):
    id: uuid.UUID
    created_at: UtcDateTime
    revoked: bool


class MemberInfo(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    display_name: str
    is_admin: bool
    devices: list[DeviceInfo]


class Members(BaseModel):
    group_id: uuid.UUID
    group_name: str
    members: list[MemberInfo]


class Change(Strict):
    """One field of one record; ``value`` is the field encoded as JSON (ids and dates as text)."""

    entity: Entity
    record_id: uuid.UUID
    field: str = Field(pattern=r"^[a-z_]{1,64}$")
    value: Any = None
    stamp: str = Field(max_length=64, description="hybrid clock stamp: 15-digit ms, 6-digit counter, device id")


class Push(Strict):
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class Clamped(BaseModel):
    index: int = Field(description="position of the change in the pushed batch")
    stamp: str = Field(description="the stamp the server stored instead of one too far in the future")


class PushResult(BaseModel):
    accepted: int = Field(description="changes new to the server")
    duplicates: int = Field(description="changes the server already had (a re-sent batch)")
    last_seq: int
    clamped: list[Clamped]


class Rejected(BaseModel):
    index: int
    reason: str


class PushRejected(BaseModel):
    """A push refused as a whole (nothing stored): the changes at these positions may not be written by you."""

    detail: str
    # Empty when the whole request was refused (e.g. not a member of the group): the body is then a plain Problem.
    rejected: list[Rejected] = Field(default_factory=list)


class PullPage(BaseModel):
    """A page of a group's feed, one item per edit: ``[seq, entity, record_id, stamp, {field: value, ...}]``.

    An edit is the fields of one record stamped together (a new vendor is one edit of all its fields); ``seq`` is
    the number of its last field change. Sending edits rather than single fields keeps an initial pull's page a
    fraction of the size and lets the client create a new record without comparing it field by field.
    """

    edits: list[tuple[int, Entity, uuid.UUID, str, dict[str, Any]]]
    next_since: int = Field(description="the cursor to store with these changes and send next time")
    last_seq: int = Field(description="the newest sequence number in the group when the page was read")
    has_more: bool
