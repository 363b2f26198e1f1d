"""Normalised forms of the fields that identify a vendor: name tokens, phone digits, website host.

Two listings of one vendor rarely agree letter for letter ("Dr. Anna Huber" / "Huber Anna, Doktor",
"+43 2732 82 1 43" / "02732 82143", "https://www.huber.at/" / "huber.at"); these keys make them agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from urllib.parse import urlsplit

from recommender.taxonomy import load_taxonomy

# Words that say what kind of company it is, not which one.
_LEGAL_FORMS = frozenset(
    {
        "gmbh", "ag", "kg", "og", "eu", "mbh", "ohg", "gbr", "ug", "ltd", "llc", "inc", "corp", "plc", "co",
        "sarl", "sas", "sa", "srl", "spa", "bv", "nv", "limited", "company",
    }
)  # fmt: skip
_FILLER = frozenset(
    {
        "the", "and", "und", "et", "y", "e", "der", "die", "das", "le", "la", "les", "de", "di", "du", "zum", "zur",
        "im", "am", "bei", "au", "aux", "of",
    }
)  # fmt: skip
# Words that say what a business does, not which one it is; with the taxonomy's own names they make "Mohren
# Apotheke" and "Adler Apotheke" two different names rather than two 69%-alike ones.
_TRADE_WORDS = frozenset(
    {
        "gasthof", "gasthaus", "hotel", "restaurant", "cafe", "bar", "pizzeria", "shop", "store", "salon", "studio",
        "praxis", "ordination", "clinic", "klinik", "center", "service", "services", "dr", "mag", "di", "ing",
        "team", "bank", "filiale", "markt", "boutique", "atelier", "werkstatt", "agentur", "kanzlei", "pizza",
        "bistro", "imbiss", "kebab", "sushi", "trattoria", "brasserie", "heuriger", "vinothek", "pension",
    }
)  # fmt: skip
# Abbreviations and their long forms collapse to one token, so "Dr." meets "Doktor" and "St." meets "Sankt".
_SYNONYMS = {
    "doktor": "dr",
    "doctor": "dr",
    "dott": "dr",
    "docteur": "dr",
    "sankt": "st",
    "saint": "st",
    "sainte": "st",
    "san": "st",
    "strasse": "str",
    "street": "st",
    "centre": "center",
    "zentrum": "center",
    "brothers": "bros",
    "mister": "mr",
}
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Hosts that serve many businesses' pages: the path, not the host, identifies the vendor there.
_SHARED_HOSTS = frozenset(
    {"facebook.com", "instagram.com", "yelp.com", "google.com", "sites.google.com", "linktr.ee", "wix.com"}
)
# Comparing the last digits ignores how the country code or the trunk zero is written.
PHONE_DIGITS = 8


# German umlauts are written "ae", "oe", "ue" where they cannot be typed: fold both spellings to one.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case, umlauts as "ae"/"oe"/"ue", other accents dropped, "&" as "and", punctuation as spaces."""
    lowered = text.casefold().replace("&", " and ")
    if not lowered.isascii():
        # Most names are plain ASCII; only the others pay for Unicode normalisation.
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", lowered).translate(_UMLAUTS))
        lowered = "".join(character for character in folded if not unicodedata.combining(character))
    return _NON_WORD.sub(" ", lowered.replace("'", "").replace("’", "")).strip()


def name_tokens(name: str) -> tuple[str, ...]:
    """The words that identify a vendor's name, abbreviations collapsed, legal forms and fillers dropped."""
    tokens = [_SYNONYMS.get(token, token) for token in fold(name).split()]
    kept = tuple(token for token in tokens if token not in _LEGAL_FORMS and token not in _FILLER)
    # A name made only of such words ("The Company") is still a name: keep what there is.
    return kept or tuple(tokens)


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


@cache
def trade_words() -> frozenset[str]:
    """Words naming a kind of business: generic trade words plus every word of every taxonomy name."""
    words = {
        _SYNONYMS.get(word, word)
        for category in load_taxonomy()
        for name in category.all_names
        for word in fold(name).split()
    }
    return frozenset(words | _TRADE_WORDS)


def distinctive_key(tokens: tuple[str, ...]) -> str:
    """The name without the words that only say what kind of business it is ("" if nothing else is left)."""
    generic = trade_words()
    # Trade words come singular from the taxonomy; names use them in the plural too ("Brown Painters").
    return " ".join(
        token
        for token in tokens
        if token not in generic and token.removesuffix("s") not in generic and token.removesuffix("es") not in generic
    )


def phone_key(phone: str | None) -> str | None:
    """The last digits of a phone number (None when too short to tell numbers apart)."""
    if not phone:
        return None
    main = re.split(r"(?i)\s*(?:ext\.?|x|#)\s*\d+\s*$", phone)[0]
    digits = "".join(character for character in main if character.isdigit())
    return digits[-PHONE_DIGITS:] if len(digits) >= 6 else None


def website_key(website: str | None) -> str | None:
    """The host without "www.", plus the first path segment on shared hosts (facebook.com/huberbaeckerei)."""
    if not website:
        return None
    candidate = website.strip() if "://" in website else f"https://{website.strip()}"
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    except ValueError:
        return None
    if not host:
        return None
    if host in _SHARED_HOSTS:
        segment = parts.path.strip("/").split("/")[0].casefold()
        return f"{host}/{segment}" if segment else None
    return host


def email_key(email: str | None) -> str | None:
    return email.strip().casefold() if email and "@" in email else None
