"""Pairs the user said are not one vendor ("two different bakeries"): never offered for merging again.

Kept per install in local_meta, like other per-device choices: a neighbour's judgement of a pair does not
travel to the group, and a wrong dismissal costs only a pair not being suggested.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy.orm import Session

from recommender.directory.common import load
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.storage.database import UnitOfWork
from recommender.storage.models import LocalMeta, Vendor

_KEY = "dedupe_dismissed_pairs"

Pair = frozenset[uuid.UUID]


def dismissed_pairs(session: Session) -> set[Pair]:
    stored = session.get(LocalMeta, _KEY)
    if stored is None:
        return set()
    return {frozenset(uuid.UUID(value) for value in pair) for pair in json.loads(stored.value)}


def dismiss_pair(uow: UnitOfWork, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
    """Remember that these two vendors are different, so find_duplicates stops pairing them."""
    if first_id == second_id:
        raise ValidationError("duplicate", ErrorCode.NOT_ALLOWED, reason="is the same vendor")
    for vendor_id in (first_id, second_id):
        load(uow.session, Vendor, vendor_id, deleted_ok=True)
    pairs = dismissed_pairs(uow.session) | {frozenset((first_id, second_id))}
    encoded = sorted(sorted(str(vendor_id) for vendor_id in pair) for pair in pairs)
    uow.session.merge(LocalMeta(key=_KEY, value=json.dumps(encoded)))
