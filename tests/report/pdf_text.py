"""Reading a typst PDF's text layer the way a PDF reader does: ``/ActualText`` honoured.

``pypdf`` opens the file, decompresses the content streams and gives each
font's ``/ToUnicode`` CMap; the content stream itself is tokenised here with
one regular expression.  (pypdf's ``ContentStream`` parser spends about 0.1 s
a page on typst's streams, which made the test of a 100-page book take
10 s; this reads the same operations in a tenth of that.)  pypdf's own
``extract_text`` ignores ``/ActualText`` spans, so it turns ``สำเร็จ`` into
``สำ\\x0eาเร็จ`` on any typst PDF; typst writes each multi-glyph Thai cluster
as a span.  ``test_pdf`` checks that this reader and pypdf's parser agree on
every operation of a real page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

Operand = Any  # bytes (strings), str (names with their slash, numbers), lists, dicts
_DELIMITERS = rb"\s/\[\]()<>{}%"
_TOKEN = re.compile(
    rb"\s*(?:(?P<skip>%[^\r\n]*)"
    rb"|(?P<name>/[^" + _DELIMITERS + rb"]*)"
    rb"|(?P<hex><[0-9A-Fa-f\s]*>)"
    rb"|(?P<open><<|\[)"
    rb"|(?P<close>>>|\])"
    rb"|(?P<string>\()"
    rb"|(?P<numbers>(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:\s+|(?=[" + _DELIMITERS + rb"])))+)"
    rb"|(?P<op>[^" + _DELIMITERS + rb"]+)"
    rb"|(?P<end>$))"
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal(data: bytes, at: int) -> tuple[bytes, int]:
    """The literal string starting after the ``(`` at ``at``; its bytes and the end."""
    out = bytearray()
    depth = 1
    while True:
        char = data[at : at + 1]
        if not char:
            raise ValueError("unterminated string in a content stream")
        at += 1
        if char == b"\\":
            following = data[at : at + 1]
            octal = re.match(rb"[0-7]{1,3}", data[at : at + 3])
            if octal:
                out.append(int(octal.group(), 8) & 0xFF)
                at += len(octal.group())
            elif following in b"\r\n":
                at += 2 if data[at : at + 2] == b"\r\n" else 1
            else:
                out += _ESCAPES.get(following, following)
                at += 1
            continue
        if char == b"(":
            depth += 1
        elif char == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), at
        out += char


def operations(data: bytes) -> Iterator[tuple[list[Operand], bytes]]:
    """Each ``(operands, operator)`` of a decompressed content stream, in order."""
    operands: list[Operand] = []
    stack: list[tuple[bytes, list[Operand]]] = []
    at = 0
    while at < len(data):
        match = _TOKEN.match(data, at)
        if match is None:
            raise ValueError(f"unreadable content stream at byte {at}")
        kind, at = match.lastgroup, match.end()
        token = match.group(kind or 0)
        value: Operand
        if kind == "skip" or kind == "end":
            continue
        if kind == "numbers":  # a run of numbers: kept as text (never bytes: not shown)
            operands += token.decode("ascii").split()
            continue
        if kind == "op":
            yield operands, token
            operands = []
            continue
        if kind == "open":
            stack.append((token, operands))
            operands = []
            continue
        if kind == "close":
            opener, outer = stack.pop()
            items = operands
            value = items if opener == b"[" else dict(zip(items[::2], items[1::2], strict=True))
            operands = outer
        elif kind == "name":
            value = token.decode("latin-1")
        elif kind == "hex":
            digits = re.sub(rb"\s", b"", token[1:-1])
            value = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
        else:
            value, at = _literal(data, at)
        operands.append(value)


def text_string(data: bytes) -> str:
    """A PDF text string: UTF-16BE after its byte-order mark, else PDFDocEncoding."""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    return data.decode("latin-1")


def to_unicode(font: DictionaryObject) -> dict[int, str]:
    """A font's ``/ToUnicode`` CMap (``bfchar`` and ``bfrange``) as code → text."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    cmap = stream.get_object().get_data().decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(first + offset)
    return table


def fonts_of(page: PageObject) -> dict[str, Any]:
    resources = page["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    found = resources.get("/Font")
    return dict(found.get_object()) if found is not None else {}


def contents(page: PageObject) -> bytes:
    """A page's content stream, decompressed."""
    stream = page.get_contents()
    assert stream is not None, "a page without content"
    return stream.get_data()


def _actual_text(operands: list[Operand]) -> str | None:
    props = operands[1] if len(operands) > 1 else None
    if isinstance(props, dict) and isinstance(props.get("/ActualText"), bytes):
        return text_string(props["/ActualText"])
    return None


def _shown(operands: list[Operand], op: bytes) -> Iterator[bytes]:
    items = [operands[0]] if op == b"Tj" else operands[0]
    yield from (item for item in items if isinstance(item, bytes))


def page_text(page: PageObject, maps: dict[int, dict[int, str]] | None = None) -> str:
    """A page's text in content order, ``/ActualText`` replacing what it spans.

    ``maps`` caches each font's CMap by object number across the pages of one
    document (every page of a typst PDF names the same fonts).
    """
    cache = {} if maps is None else maps
    fonts: dict[str, dict[int, str]] = {}
    for name, ref in fonts_of(page).items():
        number = getattr(ref, "idnum", id(ref))
        if number not in cache:
            cache[number] = to_unicode(ref.get_object())
        fonts[name] = cache[number]
    out: list[str] = []
    spans: list[str | None] = []
    current: dict[int, str] = {}
    for operands, op in operations(contents(page)):
        if op in (b"BDC", b"BMC"):
            text = _actual_text(operands) if op == b"BDC" else None
            if text is not None and not any(s is not None for s in spans):
                out.append(text)
            spans.append(text)
        elif op == b"EMC":
            spans.pop()
        elif op == b"Tf":
            current = fonts[operands[0]]
        elif op == b"BT":
            out.append("\n")
        elif op in (b"Tj", b"TJ") and not any(s is not None for s in spans):
            for data in _shown(operands, op):
                codes = [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
                out.append("".join(current.get(code, "\ufffd") for code in codes))
    return "".join(out)


def pdf_pages(reader: PdfReader) -> list[str]:
    """The text of every page of ``reader``, in order."""
    maps: dict[int, dict[int, str]] = {}
    return [page_text(page, maps) for page in reader.pages]
