"""The light, comparable form of a vendor that duplicate detection works on (from the database or a test set)."""

from __future__ import annotations

from dataclasses import dataclass, field

from recommender.dedupe.keys import distinctive_key, email_key, name_tokens, phone_key, website_key


@dataclass(frozen=True, slots=True)
class ListingRecord:
    """What duplicate detection knows of one vendor; the keys are computed once, when the record is made."""

    id: object
    name: str
    category: str | None = None
    lat: float | None = None
    lon: float | None = None
    phone: str | None = None
    website: str | None = None
    email: str | None = None
    # How much the directory holds about this vendor: the likelier survivor of a merge has more.
    manual: bool = False
    filled: int = 0
    tokens: tuple[str, ...] = field(init=False)
    key: str = field(init=False)
    distinctive: str = field(init=False)
    # The same without spaces, computed once: name comparisons use them for every pair.
    compact_key: str = field(init=False)
    compact_distinctive: str = field(init=False)
    # Numbers in the name ("Filiale 2", "P1"): they tell branches apart.
    numbers: frozenset[str] = field(init=False)
    phone_key: str | None = field(init=False)
    website_key: str | None = field(init=False)
    email_key: str | None = field(init=False)

    def __post_init__(self) -> None:
        # Frozen dataclasses set derived fields through object.__setattr__.
        tokens = name_tokens(self.name)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "key", " ".join(tokens))
        distinctive = distinctive_key(tokens)
        object.__setattr__(self, "distinctive", distinctive)
        object.__setattr__(self, "compact_key", "".join(tokens))
        object.__setattr__(self, "compact_distinctive", distinctive.replace(" ", ""))
        digits = ("".join(c for c in token if c.isdigit()) for token in tokens if not token.isalpha())
        object.__setattr__(self, "numbers", frozenset(number for number in digits if number))
        object.__setattr__(self, "phone_key", phone_key(self.phone))
        object.__setattr__(self, "website_key", website_key(self.website))
        object.__setattr__(self, "email_key", email_key(self.email))

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None
