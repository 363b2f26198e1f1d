"""Read xCard (RFC 6351), the XML form of vCard 4.0, keeping each card's line so skipped cards can be found.

expat (2.4 and later, as shipped with Python 3.11) refuses entity-expansion bombs, so a hostile file cannot
exhaust memory; external entities are never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from recommender.importers.vcard_model import (
    BINARY,
    LISTS,
    STRUCTURED,
    Card,
    CardProblem,
    ParsedFile,
    Property,
    UnreadableFile,
)

NAMESPACE = "urn:ietf:params:xml:ns:vcard-4.0"
# The element names of each structured value's components, in vCard order.
_COMPONENTS = {
    "N": ("surname", "given", "additional", "prefix", "suffix"),
    "ADR": ("pobox", "ext", "street", "locality", "region", "code", "country"),
    "GENDER": ("sex", "identity"),
}


@dataclass
class _Element:
    name: str  # local name; elements of other namespaces keep their namespace and are ignored
    line: int
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[_Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def content(self) -> str:
        return "".join(self.text)

    def named(self, name: str) -> list[_Element]:
        return [child for child in self.children if child.name == name]


def _tree(data: bytes) -> _Element:
    parser = expat.ParserCreate(namespace_separator=" ")
    root = _Element("#document", 1)
    stack = [root]

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        element = _Element(local if namespace == NAMESPACE else name, parser.CurrentLineNumber, attributes)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_name: str) -> None:
        stack.pop()

    def characters(text: str) -> None:
        stack[-1].text.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise UnreadableFile(f"not valid XML: {expat.errors.messages[error.code]}", line=error.lineno) from None
    return root


def _values(element: _Element) -> list[str]:
    """The text of a property's value elements (``<text>``, ``<uri>``, ``<date>``...), parameters left out."""
    return [child.content() for child in element.children if child.name != "parameters" and " " not in child.name]


def _params(element: _Element) -> dict[str, tuple[str, ...]]:
    params: dict[str, tuple[str, ...]] = {}
    for block in element.named("parameters"):
        for param in block.children:
            if " " not in param.name:
                params[param.name.upper()] = tuple(_values(param))
    return params


def _property(element: _Element, group: str | None) -> Property:
    name = element.name.upper()
    params = _params(element)
    if name in BINARY:
        return Property(name, (), params, group)
    if name in _COMPONENTS:
        parts = tuple(
            ",".join(child.content() for child in element.named(component)) for component in _COMPONENTS[name]
        )
    elif name in STRUCTURED or name in LISTS:
        parts = tuple(_values(element))
    else:
        parts = (",".join(_values(element)),)
    return Property(name, parts, params, group)


def _card(element: _Element) -> Card:
    properties: list[Property] = []
    for child in element.children:
        if " " in child.name:
            continue  # another namespace: extensions we do not know
        if child.name == "group":
            group = child.attributes.get("name") or None
            properties.extend(_property(inner, group) for inner in child.children if " " not in inner.name)
        else:
            properties.append(_property(child, None))
    return Card(f"line {element.line}", tuple(properties), element.line)


def parse_xcard(data: bytes) -> ParsedFile:
    """Every card of an xCard document; raises UnreadableFile when the XML is broken or holds no vcards."""
    root = _tree(data)
    top = root.children[0] if root.children else None
    if top is None or top.name not in ("vcards", "vcard"):
        raise UnreadableFile(f"not an xCard file (expected <vcards> in namespace {NAMESPACE})", line=1)
    parsed = ParsedFile()
    for element in [top] if top.name == "vcard" else top.children:
        if element.name == "vcard":
            parsed.cards.append(_card(element))
        else:
            parsed.notes.append(CardProblem(f"line {element.line}", f"<{element.name}> is not a vcard, ignored"))
    if not parsed.cards:
        raise UnreadableFile("the xCard file holds no <vcard>", line=top.line)
    return parsed
