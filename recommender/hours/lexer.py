"""Tokenise an opening_hours value: comments kept verbatim, everything else normalised to canonical tokens.

Every token remembers where it came from in the original text, so a syntax error can point at the exact spot
even after look-alike characters and phrases ("public holidays", "24 hours") have been rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from recommender.hours import lexicon
from recommender.hours.errors import HoursSyntaxError


@dataclass(frozen=True, slots=True)
class Token:
    """One token: `kind` is a symbol ("-", ";", "||" …) or a class ("num", "weekday", "month", "comment" …)."""

    kind: str
    value: Any
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """All tokens of `text`, ending with an "end" token; raises HoursSyntaxError for unclosed comments."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        quote_at = _next_quote(text, position)
        if quote_at is None:
            tokens.extend(_code_tokens(text, position, len(text)))
            break
        tokens.extend(_code_tokens(text, position, quote_at))
        closing = _closing_quote(text, quote_at)
        if closing is None:
            raise HoursSyntaxError(text, quote_at, "A comment starts here but its closing quote is missing")
        tokens.append(Token("comment", text[quote_at + 1 : closing].strip(), quote_at, closing + 1))
        position = closing + 1
    tokens.append(Token("end", None, len(text), len(text)))
    return tokens


def _next_quote(text: str, start: int) -> int | None:
    for index in range(start, len(text)):
        if text[index] in lexicon.OPENING_QUOTES:
            return index
    return None


def _closing_quote(text: str, opening: int) -> int | None:
    if text[opening] == lexicon.STRAIGHT_QUOTE:
        found = text.find(lexicon.STRAIGHT_QUOTE, opening + 1)
        return None if found < 0 else found
    for index in range(opening + 1, len(text)):
        if text[index] in lexicon.OPENING_QUOTES:
            return index
    return None


def _rewrite(text: str, start: int, stop: int) -> tuple[str, list[int]]:
    """Lower-case, normalise and rewrite phrases in text[start:stop]; origin[i] is the source index of char i."""
    normalised = lexicon.normalise_characters(text[start:stop])
    current = normalised.lower()
    if len(current) == len(normalised):
        origin = list(range(start, stop))
    else:
        # A few characters lower-case to two ("İ"): map each output character back one by one.
        origin = [start + index for index, char in enumerate(normalised) for _ in char.lower()]
    for needle, pattern, replacement in lexicon.PHRASES:
        if needle not in current:
            continue
        pieces: list[str] = []
        new_origin: list[int] = []
        last = 0
        for match in pattern.finditer(current):
            pieces.append(current[last : match.start()])
            new_origin.extend(origin[last : match.start()])
            replaced = match.expand(replacement)
            pieces.append(replaced)
            new_origin.extend([origin[match.start()] if match.start() < len(origin) else stop] * len(replaced))
            last = match.end()
        if not pieces:
            continue
        pieces.append(current[last:])
        new_origin.extend(origin[last:])
        current = "".join(pieces)
        origin = new_origin
    return current, origin


# One scanner for everything outside comments. Words are letters, "_" and any other non-ASCII character that is
# not a space or digit, so that scripts with combining marks (Thai) stay one word.
_SCANNER = re.compile(
    r"(?P<space>\s+)|(?P<num>\d+)|(?P<fallback>\|\|)|(?P<symbol>[-:,;+/\[\]().&])"
    r"|(?P<word>(?:[^\W\d]|[^\x00-\x7f\s\d])+)|(?P<other>.)"
)


def _code_tokens(text: str, start: int, stop: int) -> list[Token]:
    code, origin = _rewrite(text, start, stop)
    tokens: list[Token] = []
    skip_dot_at = -1
    for match in _SCANNER.finditer(code):
        kind = match.lastgroup
        first = origin[match.start()] if match.start() < len(origin) else stop
        last = origin[match.end() - 1] + 1 if match.end() - 1 < len(origin) else stop
        lexeme = match.group()
        if kind == "space":
            continue
        if kind == "num":
            tokens.append(Token("num", lexeme, first, last))
        elif kind == "fallback":
            tokens.append(Token("||", "||", first, last))
        elif kind == "symbol":
            if lexeme == "." and match.start() == skip_dot_at:
                continue  # "jun.", "Mon.", "geschl.": the abbreviation dot of a known word carries nothing
            tokens.append(Token("," if lexeme == "&" else lexeme, lexeme, first, last))
        elif kind == "word":
            word_tokens = _word_tokens(lexeme, first, last)
            if word_tokens is None:
                tokens.append(Token("word", text[first:last], first, last))
            else:
                tokens.extend(word_tokens)
                if word_tokens:
                    skip_dot_at = match.end()
        elif lexeme == "|":
            raise HoursSyntaxError(text, first, 'A single "|" means nothing; the fallback separator is "||"')
        else:
            raise HoursSyntaxError(text, first, f'The character "{lexeme}" has no meaning in opening hours')
    return tokens


def _word_tokens(word: str, start: int, end: int) -> list[Token] | None:
    """The tokens a known word stands for ([] for filler words), or None for an unknown word."""

    def one(kind: str, value: Any = None) -> list[Token]:
        return [Token(kind, value, start, end)]

    def day_range(first: int, last: int) -> list[Token]:
        return [Token("weekday", first, start, end), Token("-", "-", start, end), Token("weekday", last, start, end)]

    if word in lexicon.STATE_WORDS:
        return one("state", lexicon.STATE_WORDS[word])
    if word in lexicon.WEEKDAYS:
        return one("weekday", lexicon.WEEKDAYS[word])
    if word in lexicon.MONTHS:
        return one("month", lexicon.MONTHS[word])
    if word in lexicon.HOLIDAY_WORDS:
        return one("holiday", lexicon.HOLIDAY_WORDS[word])
    if word in lexicon.EVENT_WORDS:
        return one("event", word)
    if word in lexicon.AMPM_WORDS:
        return one("ampm", lexicon.AMPM_WORDS[word])
    if word in lexicon.DAY_WORDS:
        return one("day")
    if word in ("week", "woche", "kw"):
        return one("week")
    if word in ("easter", "ostern"):
        return one("easter")
    if word in lexicon.RANGE_WORDS:
        return one("-", "-")
    if word in lexicon.LIST_WORDS:
        return one(",", ",")
    if word in lexicon.FILLER_WORDS:
        return []
    if word in lexicon.OPEN_END_WORDS:
        return one("+", "+")
    if word in lexicon.ALL_DAY_WORDS:
        return one("allday")
    if word in lexicon.EVERY_DAY_WORDS:
        return day_range(0, 6)
    if word in lexicon.WEEKEND_WORDS:
        return day_range(5, 6)
    if word in lexicon.WORKDAY_WORDS:
        return day_range(0, 4)
    # German adverbial plurals: "montags", "sonntags".
    if word.endswith("s") and word[:-1] in lexicon.WEEKDAYS and len(word) > 3:
        return one("weekday", lexicon.WEEKDAYS[word[:-1]])
    return None
