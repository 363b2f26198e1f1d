"""Import contacts (vCard 2.1/3.0/4.0, jCard, xCard): people with a trust level, business cards as vendors.

Policy, in one place:
- The whole file goes in one transaction. A card that cannot be read or stored is skipped with its reason and
  the rest imports; a file with no readable card at all fails (ImportFailed) and changes nothing.
- New people get a trust link from "me" at ``options.default_trust``. Asking for trust in a database that has no
  owner yet fails before anything is written, rather than importing people nobody is linked to.
- Re-importing does not duplicate: a card matches the record its UID stands for, else a live person with the
  same name and the same email or phone (or, when neither side has any, the same name alone); a business card
  matches a vendor with the same name and address. Matches are updated, or reported as unchanged.
- A field that does not validate (a phone "1", a 20 kB note) is left out and reported; a card whose name or
  category cannot be stored is skipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from recommender.directory import validation
from recommender.directory.errors import ValidationError
from recommender.directory.people import PersonDraft, clean_person, find_me
from recommender.directory.vendors import VendorDraft, clean_vendor
from recommender.importers.jcard import parse_jcard
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
from recommender.importers.vcard_contacts import Contact, read_contact
from recommender.importers.vcard_model import ParsedFile, UnreadableFile
from recommender.importers.vcard_text import parse_vcard_text
from recommender.importers.xcard import parse_xcard
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.models import Person, Trust, Vendor, trust_id_for
from recommender.taxonomy import load_taxonomy

Draft = TypeVar("Draft", PersonDraft, VendorDraft)
# Ids per query when loading records in bulk: well under SQLite's limit on bound parameters.
_BATCH = 500


class _SkipCard(Exception):
    """This card cannot be stored; the reason goes into the report and the import goes on."""


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _digits(phone: str | None) -> str:
    return "".join(character for character in phone or "" if character.isdigit())


def parse_contacts(path: Path, data: bytes) -> ParsedFile:
    """The cards of a contacts file in any of the three formats, told apart by their first character."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    try:
        if start in (b"[", b"{"):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UnreadableFile("not UTF-8 text", line=data[: error.start].count(b"\n") + 1) from None
            parsed = parse_jcard(text)
        elif start == b"<":
            parsed = parse_xcard(data)
        else:
            parsed = parse_vcard_text(data)
    except UnreadableFile as error:
        raise ImportFailed(path, error.message, line=error.line, location=error.location) from None
    if not parsed.cards:
        first = parsed.problems[0]
        location = first.location if first.line is None else None  # "line N" already says where
        raise ImportFailed(path, f"no card could be read: {first.reason}", line=first.line, location=location)
    return parsed


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path, "file not found") from None
    except IsADirectoryError:
        raise ImportFailed(path, "is a folder, not a file") from None
    except OSError as error:
        raise ImportFailed(path, f"cannot read the file ({error.strerror})") from None


@dataclass
class _KnownPerson:
    id: uuid.UUID
    email: str | None
    phone: str | None
    deleted: bool


@dataclass
class _Run:
    """One import: its transaction, its report, and what it already knows of the directory."""

    path: Path
    uow: UnitOfWork
    report: ImportReport
    options: ImportOptions
    me: uuid.UUID | None
    # What the directory holds, read once: looking records up one by one costs a query (and a flush) per card.
    people: dict[uuid.UUID, _KnownPerson] = field(default_factory=dict)
    people_by_name: dict[str, list[_KnownPerson]] = field(default_factory=dict)
    vendor_ids: set[uuid.UUID] = field(default_factory=set)
    vendors_by_identity: dict[tuple[str, str], uuid.UUID] = field(default_factory=dict)
    loaded_people: dict[uuid.UUID, Person] = field(default_factory=dict)
    loaded_vendors: dict[uuid.UUID, Vendor] = field(default_factory=dict)

    def know_person(self, person_id: uuid.UUID, values: dict[str, Any], deleted: bool = False) -> None:
        known = self.people.get(person_id)
        if known is None:
            known = self.people[person_id] = _KnownPerson(person_id, values["email"], values["phone"], deleted)
            self.people_by_name.setdefault(_fold(values["display_name"]), []).append(known)
        known.email, known.phone, known.deleted = values["email"], values["phone"], deleted

    def person(self, person_id: uuid.UUID) -> Person:
        """A person known to exist, loaded once per import."""
        if person_id not in self.loaded_people:
            self.loaded_people[person_id] = self.uow.session.get_one(Person, person_id)
        return self.loaded_people[person_id]

    def preload(self, record_ids: set[uuid.UUID]) -> None:
        """Load the records these UIDs stand for in a few queries (a re-import matches every card by UID)."""
        people = sorted(record_ids & self.people.keys())
        vendors = sorted(record_ids & self.vendor_ids)
        session = self.uow.session
        for start in range(0, len(people), _BATCH):
            for person in session.scalars(select(Person).where(Person.id.in_(people[start : start + _BATCH]))):
                self.loaded_people[person.id] = person
        for start in range(0, len(vendors), _BATCH):
            for vendor in session.scalars(select(Vendor).where(Vendor.id.in_(vendors[start : start + _BATCH]))):
                self.loaded_vendors[vendor.id] = vendor

    def vendor(self, vendor_id: uuid.UUID) -> Vendor:
        if vendor_id not in self.loaded_vendors:
            self.loaded_vendors[vendor_id] = self.uow.session.get_one(Vendor, vendor_id)
        return self.loaded_vendors[vendor_id]

    def note(self, contact: Contact, reason: str) -> None:
        self.report.skipped.append(Skipped(contact.location, reason))

    def cleaned(self, contact: Contact, draft: Draft, clean: Callable[[Draft], dict[str, Any]]) -> dict[str, Any]:
        """Validated values; an optional field that fails is left out (and reported), a required one skips."""
        while True:
            try:
                return clean(draft)
            except ValidationError as error:
                dropped = ("lat", "lon") if error.field in ("lat", "lon") else (error.field,)
                if error.field in ("name", "display_name", "category", "source") or not all(
                    hasattr(draft, name) and getattr(draft, name) is not None for name in dropped
                ):
                    raise _SkipCard(str(error)) from None
                self.note(contact, f"{error}; left out")
                blanks: dict[str, Any] = dict.fromkeys(dropped)
                draft = replace(draft, **blanks)


def _first_valid(
    run: _Run, contact: Contact, values: tuple[str, ...], check: Callable[[str, Any], str | None], kind: str
) -> str | None:
    """The best of a card's phones (emails, websites) that we can store; reports it when none of them is."""
    for value in values:
        try:
            if check(kind, value) is not None:
                return value
        except ValidationError:
            continue
    if values:
        run.note(contact, f"{kind} {', '.join(repr(value) for value in values)}: not a valid {kind}; left out")
    return None


def _find_person(run: _Run, contact: Contact, name: str, email: str | None, phone: str | None) -> Person | None:
    if contact.record_id is not None and contact.record_id in run.people:
        return run.person(contact.record_id)
    for known in run.people_by_name.get(_fold(name), []):
        if known.deleted:
            continue
        same_email = email is not None and _fold(known.email) == _fold(email)
        same_phone = phone is not None and _digits(known.phone) == _digits(phone) != ""
        nothing_to_compare = email is None and phone is None and known.email is None and known.phone is None
        if same_email or same_phone or nothing_to_compare:
            return run.person(known.id)
    return None


def _trust_new_person(run: _Run, me: uuid.UUID, person_id: uuid.UUID, level: float) -> None:
    """What ``set_trust`` does for a link that cannot exist yet, without its three lookups per contact."""
    values = {"truster_id": me, "trustee_id": person_id, "category": None, "level": level, "deleted": False}
    run.uow.recorder.create(Trust, trust_id_for(me, person_id, None), values)
    run.report.count_added("trust links")


def _import_person(run: _Run, contact: Contact) -> None:
    name = contact.display_name
    if name is None:
        raise _SkipCard("the card has no name (FN, N or ORG)")
    phone = _first_valid(run, contact, contact.phones, validation.phone, "phone")
    email = _first_valid(run, contact, contact.emails, validation.email, "email")
    existing = _find_person(run, contact, name, email, phone)
    draft = PersonDraft(name, email, phone, contact.note)
    if existing is not None:
        draft = PersonDraft(
            name,
            email or existing.email,
            phone or existing.phone,
            contact.note or existing.notes,
            existing.member_id,
        )
    values = run.cleaned(contact, draft, clean_person)
    recorder = run.uow.recorder
    if existing is None:
        person = recorder.create(Person, contact.record_id or uuid.uuid4(), values)
        run.loaded_people[person.id] = person
        run.know_person(person.id, values)
        run.report.count_added("people")
        if run.me is not None and run.options.default_trust is not None:
            _trust_new_person(run, run.me, person.id, run.options.default_trust)
    elif recorder.update(existing, {**values, "deleted": False}):
        run.know_person(existing.id, values)
        run.report.count_updated("people")
    else:
        run.note(contact, f"{existing.display_name} is already in your contacts (unchanged)")


def _category(run: _Run, contact: Contact, existing: Vendor | None) -> str:
    taxonomy = load_taxonomy()
    for candidate in contact.categories:
        found = taxonomy.resolve(candidate)
        if found is not None:
            return found.key
    if existing is not None:
        return existing.category
    if run.options.fallback_category is not None:
        return run.options.fallback_category
    said = f" ({', '.join(contact.categories)})" if contact.categories else ""
    raise _SkipCard(
        f"a business card with no category we know{said}: choose a category for such cards, or import them as people"
    )


def _import_vendor(run: _Run, contact: Contact) -> None:
    assert contact.organisation is not None
    address = contact.addresses[0] if contact.addresses else None
    existing: Vendor | None = None
    if contact.record_id is not None and contact.record_id in run.vendor_ids:
        existing = run.vendor(contact.record_id)
    else:
        known = run.vendors_by_identity.get((_fold(contact.organisation), _fold(address)))
        existing = run.vendor(known) if known is not None else None
    lat, lon = contact.geo or (None, None)
    draft = VendorDraft(
        name=contact.organisation,
        category=_category(run, contact, existing),
        address=address,
        lat=lat,
        lon=lon,
        service_area=contact.service_area,
        service_radius_km=contact.service_radius_km,
        phone=_first_valid(run, contact, contact.phones, validation.phone, "phone"),
        email=_first_valid(run, contact, contact.emails, validation.email, "email"),
        website=_first_valid(run, contact, contact.websites, validation.website, "website"),
        opening_hours=contact.opening_hours,
        notes=contact.note,
        source="import",
        source_id=f"vcard:{contact.uid}" if contact.uid else f"{run.path.name}:{contact.location}",
    )
    if existing is not None:
        # What the card leaves out stays as the directory has it; where the vendor came from stays too.
        kept = {key: getattr(existing, key) for key in VendorDraft.__dataclass_fields__}
        draft = VendorDraft(**{key: value if value is not None else kept[key] for key, value in asdict(draft).items()})
        draft = replace(draft, source=existing.source, source_id=existing.source_id, attribution=existing.attribution)
    values = run.cleaned(contact, draft, clean_vendor)
    recorder = run.uow.recorder
    if existing is None:
        vendor = recorder.create(Vendor, contact.record_id or uuid.uuid4(), values)
        run.loaded_vendors[vendor.id] = vendor
        run.vendor_ids.add(vendor.id)
        run.vendors_by_identity[(_fold(values["name"]), _fold(values["address"]))] = vendor.id
        run.report.count_added("vendors")
    elif recorder.update(existing, {**values, "deleted": False}):
        run.report.count_updated("vendors")
    else:
        run.note(contact, f"{existing.name} is already in the directory (unchanged)")


def _import_contact(run: _Run, contact: Contact) -> None:
    if contact.not_a_contact is not None:
        raise _SkipCard(f"{contact.not_a_contact}, not a person or business")
    if contact.is_business and run.options.businesses_as_vendors:
        _import_vendor(run, contact)
    else:
        _import_person(run, contact)


def _checked_options(path: Path, options: ImportOptions) -> ImportOptions:
    """The options with the fallback category as a taxonomy key; a bad choice fails before anything is read."""
    try:
        if options.default_trust is not None:
            options = replace(options, default_trust=validation.trust_level("trust", options.default_trust))
        if options.fallback_category is not None:
            options = replace(options, fallback_category=validation.category("category", options.fallback_category))
    except ValidationError as error:
        raise ImportFailed(path, str(error), field=error.field) from None
    return options


def import_vcard(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add or update the people (and business vendors) of a contacts file; see the module docstring."""
    options = _checked_options(path, options)
    parsed = parse_contacts(path, _read(path))
    report = ImportReport(path)
    report.skipped.extend(Skipped(problem.location, problem.reason) for problem in parsed.problems)
    report.skipped.extend(Skipped(note.location, note.reason) for note in parsed.notes)
    with import_transaction(db, saving) as uow:
        me = find_me(uow.session)
        if options.default_trust is not None and me is None:
            raise ImportFailed(
                path,
                "cannot give the new contacts a trust level: this database has no owner yet "
                "(set yourself up in the app first, or import without a trust level)",
            )
        run = _Run(path, uow, report, options, me.id if me is not None else None)
        people = select(Person.id, Person.display_name, Person.email, Person.phone, Person.deleted)
        for person_id, display_name, email, phone, deleted in uow.session.execute(people):
            run.know_person(person_id, {"display_name": display_name, "email": email, "phone": phone}, deleted)
        vendors = select(Vendor.id, Vendor.name, Vendor.address, Vendor.deleted)
        for vendor_id, name, address, deleted in uow.session.execute(vendors):
            run.vendor_ids.add(vendor_id)
            if not deleted:
                run.vendors_by_identity[(_fold(name), _fold(address))] = vendor_id
        contacts = [read_contact(card) for card in parsed.cards]
        run.preload({contact.record_id for contact in contacts if contact.record_id is not None})
        total = len(contacts)
        for done, contact in enumerate(contacts):
            progress(done, total)
            try:
                _import_contact(run, contact)
            except _SkipCard as error:
                run.note(contact, str(error))
        progress(total, total)
    return report
