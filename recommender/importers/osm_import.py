"""Import vendors from OpenStreetMap: .osm (plain, gzip, bzip2), .osm.pbf and Overpass JSON, all or nothing.

Every element whose tags match a taxonomy category becomes a vendor (streets, benches and restaurants do not);
ways and areas stand at their centre. The file is read completely before the database is touched, then written in
one transaction through the directory services, so every field is stamped and logged for sync. Importing a newer
extract of the same area updates the vendors it brought before (matched by OSM id) where nobody has edited
them since, leaves unchanged ones alone, and reports the ones that are no longer on the map without deleting
them.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from recommender.directory.errors import ValidationError
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.importers.osm_elements import OsmExtract
from recommender.importers.osm_overpass import read_overpass
from recommender.importers.osm_pbf import read_pbf
from recommender.importers.osm_refresh import (
    IMPORTED_FIELDS,
    RANGES_KEY,
    KnownVendor,
    known_osm_vendors,
    load_vendors,
)
from recommender.importers.osm_source import OsmFormat, OsmStream
from recommender.importers.osm_vendor import OsmVendor, to_vendor
from recommender.importers.osm_xml import read_xml
from recommender.importers.ownership import ImportOwnership
from recommender.importers.registry import (
    DEFAULT_OPTIONS,
    ImportOptions,
    Progress,
    Saving,
    import_transaction,
    no_progress,
    no_saving,
)
from recommender.importers.report import ImportFailed, ImportReport, Skipped
from recommender.storage.database import Database, UnitOfWork
from recommender.taxonomy import Taxonomy, load_taxonomy

logger = logging.getLogger(__name__)

_WRITE_PROGRESS_EVERY = 500
# What the import dialog offers; the format is recognised from the content, whatever the name says.
OSM_PATTERNS = ("*.osm", "*.osm.gz", "*.osm.bz2", "*.osm.pbf", "*.json", "*.json.gz")


@dataclass
class OsmImportReport(ImportReport):
    """An import report that also says how many vendors were already up to date and which have gone."""

    unchanged: int = 0
    # Vendors from an earlier import inside this extract's area that the extract no longer has (kept).
    gone: list[Skipped] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        # Gone vendors are listed with the skipped records (so every front end shows them) but counted apart.
        others = [skipped for skipped in self.skipped if skipped not in self.gone]
        counts = ImportReport(self.path, self.added, self.updated, others)
        parts = [counts.summary()] if self.added or self.updated or others else []
        if self.unchanged:
            parts.append(f"{self.unchanged} {'vendor' if self.unchanged == 1 else 'vendors'} unchanged")
        if self.gone:
            count = len(self.gone)
            parts.append(f"{count} {'vendor' if count == 1 else 'vendors'} no longer on the map (kept)")
        return "; ".join(parts) or "nothing to import"


def read_osm(path: Path, progress: Progress = no_progress) -> OsmExtract:
    """The vendor elements of an OSM file of any supported format, recognised by its content."""
    taxonomy = load_taxonomy()
    # Every category's tag sets use these keys; an element with none of them (most are) is no vendor.
    keys = frozenset(key for category in taxonomy for tags in category.osm_tag_sets for key, _ in tags)

    def is_vendor(tags: Mapping[str, str]) -> bool:
        return not keys.isdisjoint(tags) and taxonomy.match_osm(tags) is not None

    with OsmStream(path) as stream:
        if stream.size == 0:
            raise ImportFailed(path, "the file is empty")
        kind = stream.sniff()
        if kind is OsmFormat.PBF and stream.compression.value:
            raise _not_osm(path, f"a {stream.compression.value}-packed PBF file (unpack it first)")
        if kind is OsmFormat.PBF:
            stream.close()
            return read_pbf(path, stream.size, is_vendor, keys, progress)
        if kind is OsmFormat.XML:
            return read_xml(stream, is_vendor, progress)
        if kind is OsmFormat.OVERPASS_JSON:
            return read_overpass(stream, is_vendor, progress)
        raise _not_osm(path, "a file of another kind")


def _not_osm(path: Path, what: str) -> ImportFailed:
    return ImportFailed(path, f"not an OpenStreetMap file (.osm, .osm.pbf or Overpass JSON): it looks like {what}")


def _vendors(extract: OsmExtract, taxonomy: Taxonomy, report: OsmImportReport) -> list[OsmVendor]:
    """The extract's elements as vendors; those that cannot be one are reported with the reason."""
    vendors: list[OsmVendor] = []
    seen: set[str] = set()
    for feature in extract.features:
        location = f"{feature.source_id} ({feature.where})" if feature.where else feature.source_id
        if feature.source_id in seen:
            report.skipped.append(Skipped(location, "appears twice in the file; the first one was imported"))
            continue
        seen.add(feature.source_id)
        try:
            vendor = to_vendor(feature, taxonomy)
        except ValidationError as error:
            reason = "has no name" if error.field == "name" and not feature.tags.get("name") else str(error)
            report.skipped.append(Skipped(location, f"{reason}; not imported"))
            continue
        report.skipped.extend(Skipped(vendor.label, f"{problem}; left out") for problem in vendor.left_out)
        vendors.append(vendor)
    return vendors


class _Writer:
    """One import's transaction: adds new vendors, refreshes known ones, finds those that have gone."""

    def __init__(self, uow: UnitOfWork, report: OsmImportReport, vendors: list[OsmVendor]):
        self.uow = uow
        self.report = report
        self.known = known_osm_vendors(uow.session)
        # What differs from the file, per known live vendor; everything a refresh reads is read before writing.
        self.differing: dict[str, list[str]] = {}
        for vendor in vendors:
            known = self.known.get(vendor.feature.source_id)
            if known is not None and not known.deleted:
                fields = [field for field in IMPORTED_FIELDS if known.values[field] != vendor.values[field]]
                self.differing[vendor.feature.source_id] = fields
        changed = [self.known[source_id].id for source_id, fields in self.differing.items() if fields]
        self.ownership = ImportOwnership.of_vendors(uow.session, RANGES_KEY, changed)
        self._loaded = load_vendors(uow.session, changed)

    def write(self, vendor: OsmVendor) -> None:
        known = self.known.get(vendor.feature.source_id)
        if known is None:
            add_vendor(self.uow, vendor.draft)
            self.report.count_added("vendors")
        elif known.deleted:
            self.report.skipped.append(Skipped(vendor.label, "you deleted this vendor; it stays deleted"))
        else:
            self._refresh(vendor, known)

    def _refresh(self, vendor: OsmVendor, known: KnownVendor) -> None:
        differing = self.differing[vendor.feature.source_id]
        if not differing:
            self.report.unchanged += 1
            return
        owned = self.ownership.owned_fields(known.id, differing)
        for field in differing:
            if field not in owned:
                said = vendor.values[field]
                reason = f"kept the {field.replace('_', ' ')} edited in Grapevine (the map now says {said!r})"
                self.report.skipped.append(Skipped(vendor.label, reason))
        if not owned:
            self.report.unchanged += 1
            return
        current = VendorDraft.of(get_vendor(self.uow.session, known.id))
        update_vendor(self.uow, known.id, dataclasses.replace(current, **{f: vendor.values[f] for f in owned}))
        self.report.count_updated("vendors")

    def report_gone(self, extract: OsmExtract, in_file: set[str]) -> None:
        """Known vendors inside the extract's area that it no longer has: reported, never deleted."""
        bounds = extract.bounds
        if bounds is None:
            return
        for source_id, known in sorted(self.known.items()):
            lat, lon = known.values["lat"], known.values["lon"]
            if known.deleted or source_id in in_file or not isinstance(lat, float) or not isinstance(lon, float):
                continue
            if bounds.contains(lat, lon):
                label = f"{source_id} ({known.values['name']})"
                reason = "no longer in this extract (closed or retagged?); kept in your directory"
                self.report.gone.append(Skipped(label, reason))
                self.report.skipped.append(Skipped(label, reason))


def import_osm(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add or refresh the vendors of an OpenStreetMap file; a file that cannot be read changes nothing."""
    taxonomy = load_taxonomy()
    extract = read_osm(path, progress=progress)
    size = path.stat().st_size
    report = OsmImportReport(path)
    vendors = _vendors(extract, taxonomy, report)
    with import_transaction(db, saving) as uow:
        start = uow.recorder.stamp()
        writer = _Writer(uow, report, vendors)
        for index, vendor in enumerate(vendors):
            if index % _WRITE_PROGRESS_EVERY == 0:
                progress(size + index, size + len(vendors))
                # Still one transaction: writing the change log as we go keeps a city's worth of logged
                # fields from piling up in memory (measured: 676 MB RSS for 22,500 vendors in one flush).
                uow.recorder.flush()
            writer.write(vendor)
        # An element still in the file but skipped (its name was removed) is reported as skipped, not as gone.
        writer.report_gone(extract, {feature.source_id for feature in extract.features})
        writer.ownership.record_run(start, uow.recorder.stamp())
        progress(size + len(vendors), size + len(vendors))
    logger.info("imported %s: %s", path, report.summary())
    return report
