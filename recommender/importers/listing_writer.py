"""Writes listings (Yelp, Google Takeout) by their source id: new ones are added, known ones updated.

Shared by the listing importers so that re-importing a newer file behaves the same for every source. An update
only overwrites fields that still hold what an import wrote: the value the vendor was created with, or one a
later import of the same source on this install wrote (each run's range of clock stamps is remembered). A value
someone typed since, here or in a synced group, is newer knowledge than a listing file: it is kept and reported.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from sqlalchemy import select

from recommender.directory.records import VendorRecord
from recommender.directory.vendors import VendorDraft, add_vendor, clean_vendor
from recommender.importers.ownership import ImportOwnership
from recommender.importers.report import ImportReport, Skipped
from recommender.storage.database import UnitOfWork
from recommender.storage.models import Vendor

# Fields a listing file never carries: an update leaves them to the user.
_KEPT_ON_UPDATE = frozenset({"notes", "service_radius_km", "source", "source_id"})


class ListingWriter:
    """Adds or updates the vendors of one source inside one import's unit of work, counting in the report.

    Call :meth:`finish` once all listings are saved, inside the same unit of work.
    """

    def __init__(self, uow: UnitOfWork, source: str, report: ImportReport) -> None:
        self.uow = uow
        self.report = report
        # One query for every vendor an earlier import of this source made, and one for their field stamps (a
        # row-by-row get would cost a round trip per listing); held here so the session keeps them.
        self._vendors: dict[str, Vendor] = {
            vendor.source_id: vendor
            for vendor in uow.session.scalars(select(Vendor).where(Vendor.source == source))
            if vendor.source_id is not None
        }
        self._ownership = ImportOwnership.of_source(uow.session, f"{source}_import_stamps", source)
        self._added: set[str] = set()
        self._started = uow.recorder.stamp()

    def save(self, draft: VendorDraft, *, where: str = "") -> uuid.UUID | None:
        """Add the listing, or update the vendor an earlier import made from it; None if it was skipped.

        A vendor the user deleted (or merged into another as a duplicate) stays deleted: a re-import must not
        undo the user's decision. On update, a value the file leaves empty does not erase the stored one.
        """
        if draft.source_id in self._added:
            self.report.skipped.append(Skipped(where, f"{draft.name.strip()} appears twice in the file"))
            return None
        vendor = self._vendors.get(draft.source_id or "")
        if vendor is None:
            record = add_vendor(self.uow, draft)
            if draft.source_id is not None:
                self._added.add(draft.source_id)
            self.report.count_added("vendors")
            return record.id
        if vendor.deleted:
            self.report.skipped.append(
                Skipped(where, f"{draft.name.strip()} was deleted or merged in the directory; left as it is")
            )
            return None
        stored = VendorDraft.of(VendorRecord.of(vendor))
        incoming: dict[str, Any] = {
            field.name: getattr(draft, field.name)
            for field in dataclasses.fields(draft)
            if field.name not in _KEPT_ON_UPDATE and getattr(draft, field.name) not in (None, "")
        }
        owned = self._ownership.owned_fields(vendor.id, incoming)
        kept = sorted(name for name in incoming if name not in owned and incoming[name] != getattr(stored, name))
        if kept:
            # lat/lon are reported once, as the position.
            shown = ["position" if name == "lat" else name for name in kept if name != "lon"]
            self.report.skipped.append(
                Skipped(where, f"{draft.name.strip()}: kept the {', '.join(shown)} edited in Grapevine")
            )
        merged = dataclasses.replace(stored, **{name: incoming[name] for name in owned})
        # The same validation as update_vendor, whose Changes result would cost O(vendors so far) per listing.
        # A listing that is already up to date is neither added nor updated: re-importing a file changes nothing.
        if self.uow.recorder.update(vendor, clean_vendor(merged)):
            self.report.count_updated("vendors")
        return vendor.id

    def finish(self) -> None:
        """Remember this run's stamps, so the next import knows the values it wrote are an import's."""
        self._ownership.record_run(self._started, self.uow.recorder.stamp())
