"""The vendor detail pane: contact details, address, hours, and why the vendor ranks where it does."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from recommender.directory.records import ReviewRecord, VendorRecord
from recommender.directory.reviews import reviews_for_vendor
from recommender.directory.vendors import get_vendor
from recommender.engine.recommender import RankedVendor, Recommender
from recommender.ranking.explanation import ReviewerTerm
from recommender.storage.database import Database
from recommender.trust.graph import Relation
from ui.category_names import category_label
from ui.hours_view import hours_html
from ui.map_points import MapPoint
from ui.map_view import MapView

# The vendor's street, with a few around it: close enough to find the door, far enough to see the way there.
VENDOR_MAP_ZOOM = 15.0
VENDOR_MAP_HEIGHT = 170
# Strangers can be many; the pane names the most influential few.
MAX_LISTED_PER_GROUP = 8
# A review's opening words under its reviewer; the whole text belongs on a review page.
REVIEW_EXCERPT_CHARS = 140


@dataclass(frozen=True, slots=True)
class VendorDetails:
    """What the pane reads from the database about one vendor."""

    vendor: VendorRecord
    reviews: tuple[ReviewRecord, ...]


def read_vendor_details(db: Database, vendor_id: uuid.UUID) -> VendorDetails:
    """The vendor's stored details and reviews (runs on the database worker)."""
    with db.read() as session:
        return VendorDetails(get_vendor(session, vendor_id), tuple(reviews_for_vendor(session, vendor_id)))


class VendorPane(QScrollArea):
    """Shows one vendor: what the ranking knew at once, then the contact details read from the database."""

    save_vcard_requested = Signal(object)
    """The user asked to save the shown vendor (its ``uuid.UUID``) as a vCard; ui/vendor_vcard.py does it."""
    history_requested = Signal(object)
    """The user asked for the shown vendor's (``uuid.UUID``) field history; ui/group_dialogs.py shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Vendor details"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.name_label = self._label(body, self.tr("Vendor name"))
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.category_label = self._label(body, self.tr("Category"))
        self.contact_label = self._label(body, self.tr("Contact details"))
        self.contact_label.setOpenExternalLinks(False)
        self.contact_label.linkActivated.connect(self._on_contact_label_link_activated)
        self.save_vcard_button = QPushButton(self.tr("Save as vCard…"), body)
        self.save_vcard_button.setAccessibleName(self.tr("Save this vendor as a vCard"))
        self.save_vcard_button.clicked.connect(self._on_save_vcard_button_clicked)
        self.history_button = QPushButton(self.tr("History…"), body)
        self.history_button.setAccessibleName(self.tr("Show this vendor's change history"))
        self.history_button.clicked.connect(self._on_history_button_clicked)
        self.place_label = self._label(body, self.tr("Address or service area"))
        self.hours_label = self._label(body, self.tr("Opening hours"))
        self.map_view = MapView(None, body)
        self.map_view.setAccessibleName(self.tr("Where the vendor is"))
        self.map_view.setFixedHeight(VENDOR_MAP_HEIGHT)
        self.why_label = self._label(body, self.tr("Why this rank"))
        for widget in (
            self.name_label,
            self.category_label,
            self.contact_label,
            self.save_vcard_button,
            self.history_button,
            self.place_label,
            self.hours_label,
            self.map_view,
            self.why_label,
        ):
            layout.addWidget(widget)
        layout.setAlignment(self.save_vcard_button, Qt.AlignmentFlag.AlignLeft)
        layout.setAlignment(self.history_button, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(body)
        self.vendor_id: uuid.UUID | None = None
        self._shown: tuple[Recommender, RankedVendor] | None = None
        self._review_texts: dict[uuid.UUID, str] = {}
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        """The local time opening hours are judged at (tests set a fixed one)."""
        self.clear()

    @staticmethod
    def _label(parent: QWidget, accessible_name: str) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setAccessibleName(accessible_name)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        return label

    def clear(self) -> None:
        """Nothing selected: a hint instead of a vendor."""
        self.vendor_id = None
        self._shown = None
        self.name_label.setText("")
        self.category_label.setText(self.tr("Pick a result to see who recommends it and how to reach it."))
        for label in (self.contact_label, self.place_label, self.hours_label, self.why_label):
            label.clear()
            label.hide()
        self.map_view.hide()
        self.save_vcard_button.hide()
        self.history_button.hide()

    def show_result(self, engine: Recommender, result: RankedVendor) -> None:
        """Show what the ranking already knows; the contact details follow with :meth:`show_details`."""
        self.vendor_id = result.id
        self._shown = (engine, result)
        self._review_texts = {}
        self.name_label.setText(result.name)
        self.category_label.setText(category_label(result.category))
        self.contact_label.setText(self.tr("Loading contact details…"))
        self.contact_label.show()
        self.save_vcard_button.show()
        self.history_button.show()
        self.place_label.hide()
        self.hours_label.hide()
        self.map_view.hide()
        self.why_label.setText(self._why(engine, result))
        self.why_label.show()

    def show_details(self, details: VendorDetails) -> None:
        """Fill in the details read from the database, if the vendor is still the one shown."""
        record = details.vendor
        if record.id != self.vendor_id or self._shown is None:
            return
        links = []
        if record.phone:
            links.append(_link(f"tel:{record.phone.replace(' ', '')}", record.phone))
        if record.email:
            links.append(_link(f"mailto:{record.email}", record.email))
        if record.website:
            links.append(_link(QUrl.fromUserInput(record.website).toString(), record.website))
        self.contact_label.setText("<br>".join(links) if links else self.tr("No contact details yet."))
        place = self._place(record)
        self.place_label.setText(place)
        self.place_label.setVisible(bool(place))
        if record.opening_hours:
            self.hours_label.setText(hours_html(record.opening_hours, self.now()))
            self.hours_label.show()
        else:
            self.hours_label.hide()
        self._show_on_map(record, self._shown[0].home)
        self._review_texts = {review.author_id: review.text for review in details.reviews if review.text}
        self.why_label.setText(self._why(*self._shown))

    def _show_on_map(self, record: VendorRecord, home: tuple[float, float] | None) -> None:
        if record.lat is None or record.lon is None:
            self.map_view.hide()
            return
        self.map_view.set_vendors([MapPoint(record.id, record.name, record.category, record.lat, record.lon)])
        self.map_view.highlight(record.id)
        # Home keeps its rings, so the map also tells how far it is; the view centres on the vendor.
        self.map_view.set_centre(*(home or (record.lat, record.lon)))
        self.map_view.set_zoom(VENDOR_MAP_ZOOM)
        self.map_view.look_at(record.lat, record.lon)
        self.map_view.show()

    def show_error(self, message: str) -> None:
        self.contact_label.setText(message)

    def _place(self, record: VendorRecord) -> str:
        if record.address:
            return html.escape(record.address)
        if record.service_area:
            area = html.escape(record.service_area)
            if record.service_radius_km:
                return self.tr("Serves {area} (within {km:.0f} km)").format(area=area, km=record.service_radius_km)
            return self.tr("Serves {area}").format(area=area)
        return ""

    def _why(self, engine: Recommender, result: RankedVendor) -> str:
        """Rating, distance and the reviewers behind them, grouped by how they stand to me."""
        facts = [
            self.tr("★ {rating:.1f} from {count} reviews").format(rating=result.rating, count=result.review_count)
            if result.review_count
            else self.tr("No reviews yet")
        ]
        if result.distance_km is not None:
            facts.append(self.tr("{km:.1f} km away").format(km=result.distance_km))
        lines = [
            f"<h3 style='margin-bottom:4px'>{html.escape(self.tr('Why this rank'))}</h3>",
            "<p style='margin-top:0'>" + "<br>".join(html.escape(fact) for fact in facts) + "</p>",
        ]
        groups = (
            (Relation.ME, self.tr("You")),
            (Relation.NETWORK, self.tr("Your network")),
            (Relation.LIKE_MINDED, self.tr("Like-minded reviewers")),
            (Relation.STRANGER, self.tr("Others")),
        )
        terms = sorted(result.explanation.reviewers, key=lambda t: (-t.effective_weight, t.person))
        for relation, title in groups:
            members = [term for term in terms if term.relation is relation]
            if not members:
                continue
            items = [f"<li>{self._reviewer(engine, term)}</li>" for term in members[:MAX_LISTED_PER_GROUP]]
            if len(members) > MAX_LISTED_PER_GROUP:
                more = self.tr("and {count} more").format(count=len(members) - MAX_LISTED_PER_GROUP)
                items.append(f"<li>{html.escape(more)}</li>")
            lines.append(
                f"<p style='margin-bottom:0'><b>{html.escape(title)}</b></p>"
                f"<ul style='margin-top:2px; -qt-list-indent:1'>{''.join(items)}</ul>"
            )
        return "".join(lines)

    def _reviewer(self, engine: Recommender, term: ReviewerTerm) -> str:
        names = engine.snapshot.people.names
        filled = round(term.stars)
        stars = "★" * filled + "☆" * (5 - filled)
        if term.relation is Relation.ME:
            who = self.tr("your review")
        elif term.path:
            # The path starts with me: spell it as the user reads it.
            who = " → ".join([self.tr("you"), *(names[p] for p in term.path[1:])])
        else:
            who = names[term.person]
        weight = self.tr("weight {weight:.2f}").format(weight=term.effective_weight)
        line = f"{html.escape(who)} · {stars} · <span style='color:gray'>{html.escape(weight)}</span>"
        text = self._review_texts.get(engine.snapshot.person_uuid(term.person))
        if text:
            if len(text) > REVIEW_EXCERPT_CHARS:
                text = text[: REVIEW_EXCERPT_CHARS - 1].rstrip() + "…"
            line += f"<br><i>“{html.escape(text)}”</i>"
        return line

    @Slot()
    def _on_save_vcard_button_clicked(self) -> None:
        if self.vendor_id is not None:
            self.save_vcard_requested.emit(self.vendor_id)

    @Slot()
    def _on_history_button_clicked(self) -> None:
        if self.vendor_id is not None:
            self.history_requested.emit(self.vendor_id)

    @Slot(str)
    def _on_contact_label_link_activated(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))


def _link(url: str, text: str) -> str:
    return f"<a href='{html.escape(url, quote=True)}'>{html.escape(text)}</a>"
