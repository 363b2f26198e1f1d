"""Words people actually type into opening_hours, mapped to the canonical tokens of the OSM syntax.

The OSM syntax is English abbreviations (Mo, Jan, PH), but real values carry full names, other languages and
typographic variants. Reading them is what keeps a vendor's hours usable instead of shown as raw text.
"""

from __future__ import annotations

import re

# Weekday numbers follow Python's date.weekday(): Monday is 0.
_WEEKDAY_NAMES: dict[int, tuple[str, ...]] = {
    0: (
        "mo",
        "mon",
        "monday",
        "montag",
        "lundi",
        "lunes",
        "lunedì",
        "lunedi",
        "segunda",
        "pn",
        "poniedziałek",
        "понедельник",
        "пн",
        "ორშაბათი",
        "วันจันทร์",
        "月曜日",
        "月",
        "الاثنين",
    ),
    1: (
        "tu",
        "tue",
        "tues",
        "tuesday",
        "di",
        "dienstag",
        "mardi",
        "martes",
        "martedì",
        "martedi",
        "terça",
        "terca",
        "wt",
        "wtorek",
        "вторник",
        "вт",
        "სამშაბათი",
        "วันอังคาร",
        "火曜日",
        "火",
        "الثلاثاء",
    ),
    2: (
        "we",
        "wed",
        "weds",
        "wednesday",
        "mi",
        "mittwoch",
        "mercredi",
        "miércoles",
        "miercoles",
        "mercoledì",
        "mercoledi",
        "quarta",
        "śr",
        "sr",
        "środa",
        "среда",
        "ср",
        "ოთხშაბათი",
        "วันพุธ",
        "水曜日",
        "水",
        "الأربعاء",
    ),
    3: (
        "th",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "do",
        "donnerstag",
        "jeudi",
        "jueves",
        "giovedì",
        "giovedi",
        "quinta",
        "cz",
        "czwartek",
        "четверг",
        "чт",
        "ხუთშაბათი",
        "วันพฤหัสบดี",
        "木曜日",
        "木",
        "الخميس",
    ),
    4: (
        "fr",
        "f",
        "fri",
        "friday",
        "freitag",
        "vendredi",
        "viernes",
        "venerdì",
        "venerdi",
        "sexta",
        "pt",
        "piątek",
        "пятница",
        "пт",
        "პარასკევი",
        "วันศุกร์",
        "金曜日",
        "金",
        "الجمعة",
    ),
    5: (
        "sa",
        "sat",
        "saturday",
        "samstag",
        "sonnabend",
        "samedi",
        "sábado",
        "sabado",
        "sabato",
        "sb",
        "sobota",
        "суббота",
        "сб",
        "შაბათი",
        "วันเสาร์",
        "土曜日",
        "土",
        "السبت",
    ),
    6: (
        "su",
        "sun",
        "sunday",
        "so",
        "sonntag",
        "sonn",
        "dimanche",
        "domingo",
        "domenica",
        "nd",
        "niedziela",
        "воскресенье",
        "вс",
        "კვირა",
        "วันอาทิตย์",
        "日曜日",
        "日",
        "الأحد",
    ),
}

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("jan", "january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro"),
    2: ("feb", "february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"),
    3: ("mar", "march", "märz", "maerz", "mars", "marzo", "março"),
    4: ("apr", "april", "avril", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "maio"),
    6: ("jun", "june", "juni", "juin", "junio", "giugno", "junho"),
    7: ("jul", "july", "juli", "juillet", "julio", "luglio", "julho"),
    8: ("aug", "august", "août", "aout", "agosto"),
    9: ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro"),
    10: ("oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    11: ("nov", "november", "novembre", "noviembre", "novembro"),
    12: ("dec", "december", "dez", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
}

WEEKDAYS: dict[str, int] = {name: day for day, names in _WEEKDAY_NAMES.items() for name in names}
MONTHS: dict[str, int] = {name: month for month, names in _MONTH_NAMES.items() for name in names}

# Canonical spellings for messages and for describing values back to the user.
WEEKDAY_ABBREVIATIONS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STATE_WORDS: dict[str, str] = {
    "open": "open",
    "geöffnet": "open",
    "closed": "closed",
    "off": "closed",
    "оff": "closed",  # a Cyrillic "о" that looks exactly like the Latin one
    "geschlossen": "closed",
    "geschl": "closed",
    "fermé": "closed",
    "cerrado": "closed",
    "chiuso": "closed",
    "unknown": "unknown",
    # "opening_hours=yes" says the place has hours, not which: unknown is the honest reading.
    "yes": "unknown",
}

HOLIDAY_WORDS: dict[str, str] = {
    "ph": "PH",
    "holiday": "PH",
    "holidays": "PH",
    "feiertag": "PH",
    "feiertage": "PH",
    "feiertags": "PH",
    "feiertagen": "PH",
    "sh": "SH",
    "ferien": "SH",
    "schulferien": "SH",
    "schoolholiday": "SH",
    "schoolholidays": "SH",
}

EVENT_WORDS = frozenset({"sunrise", "sunset", "dawn", "dusk"})

# Words that join a range ("12:00 to 14:00", "Mo bis Fr") are the range dash.
RANGE_WORDS = frozenset(
    {"to", "till", "til", "until", "through", "thru", "bis", "a", "as", "ate", "à", "às", "á", "ás", "до", "au"}
)
# Words that join a list ("Mo and We", "Mo & Th") are the list comma.
LIST_WORDS = frozenset({"and", "und", "et"})
# Words that carry no information in context ("14-18 Uhr", "SH und nur Sonntags").
FILLER_WORDS = frozenset({"uhr", "nur", "an", "h"})
# "17:00 till late", "17:00-open end": an open end.
OPEN_END_WORDS = frozenset({"late", "openend"})
# Whole-day words: the time selector 00:00-24:00.
ALL_DAY_WORDS = frozenset({"always", "nonstop", "anytime", "allday"})
# Every-day words: the weekday selector Mo-Su.
EVERY_DAY_WORDS = frozenset({"daily", "everyday", "täglich", "alldays"})
WEEKEND_WORDS = frozenset({"weekend", "weekends", "wochenende"})
WORKDAY_WORDS = frozenset({"weekdays", "workday", "workdays", "werktags", "werktage"})
AMPM_WORDS: dict[str, str] = {"am": "am", "pm": "pm"}
DAY_WORDS = frozenset({"day", "days", "tag", "tage"})

# Phrases rewritten before tokenising (on lower-cased text outside comments), each with a literal needle that
# must occur for the pattern to be tried at all: most values contain none of these. Order matters: longer first.
PHRASES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (needle, re.compile(pattern), replacement)
    for needle, pattern, replacement in (
        ("opening_hours", r"^\s*opening_hours\s*[:=-]?\s*", ""),
        ("ffnungszeit", r"^\s*öffnungszeit(?:en)?\s*[:=-]?\s*", ""),
        ("week", r"\b24\s*hours\s*(?:a\s*day\s*)?,?\s*7\s*days\s*a\s*week\b", "24/7"),
        ("x", r"\b24\s*x\s*7\b", "24/7"),
        ("24", r"\b24\s*(?:hours|hrs|h|stunden)\b", "00:00-24:00"),
        ("week", r"\b7\s*days\s*(?:a|/|per)\s*week\b", "mo-su"),
        ("/", r"\b7j?\s*/\s*7\b", "mo-su"),
        ("day", r"\b(?:every|all)\s+days?\b", "mo-su"),
        ("all", r"\ball\s+day\b", "00:00-24:00"),
        ("holiday", r"\b(?:one\s+)?day\s+after\s+(?:public\s+)?holidays?\b", "ph +1 day"),
        ("holiday", r"\b(?:one\s+)?day\s+before\s+(?:public\s+)?holidays?\b", "ph -1 day"),
        ("school", r"\bschool\s*holidays?\b", "sh"),
        ("public", r"\bpublic\s+holidays?\b", "ph"),
        ("feiertag", r"\bsonn(?:tag)?-?\s*(?:und|/)\s*(?:an\s+)?feiertag\w*", "su,ph"),
        ("work", r"\bon\s+work\s*days?\b", "mo-fr"),
        ("end", r"\bopen\s*end\b", "+"),
        ("daylight", r"\bdaylight\b", "sunrise-sunset"),
        ("midnight", r"\bmidnight\b", "00:00"),
        ("noon", r"\bnoon\b", "12:00"),
        # "11:59 a.m." and "4 pm": attach the suffix to the number it belongs to.
        ("m", r"(?<=\d)\s*([ap])\.?\s?m\b\.?", r"\1m"),
        # "10h30", "10h-18h": the French hour mark.
        ("h", r"(?<=\d)h(?=\d)", ":"),
        ("h", r"(?<=\d)h\b", ""),
    )
)

# Characters that stand for digits or punctuation in real values (superscripts, full-width forms, dashes).
_CHARACTER_MAP = {
    **{ord(c): str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
    **{ord(c): str(i) for i, c in enumerate("₀₁₂₃₄₅₆₇₈₉")},
    **{ord(c): str(i) for i, c in enumerate("０１２３４５６７８９")},
    ord("°"): "0",
    ord("："): ":",
    **{ord(c): "-" for c in "‐‑‒–—―−ー~～=→"},
    ord("，"): ",",
    ord("；"): ";",
    ord("\u00a0"): " ",
    ord("\t"): " ",
    ord("\n"): " ",
    ord("\r"): " ",
}


def normalise_characters(text: str) -> str:
    """Replace look-alike characters one for one, so positions in the result match the original."""
    return text.translate(_CHARACTER_MAP)


# Quote pairs used for comments. A straight double quote only closes at another straight double quote, so that
# "It‘s monday" keeps its apostrophe; typographic openers close at any typographic or straight quote.
STRAIGHT_QUOTE = '"'
OPENING_QUOTES = frozenset("\"“”„‚‘’«»「」『』'")
