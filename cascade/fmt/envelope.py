"""What wraps the YAML text of a file: a UTF-8 BOM and the line endings.

ruamel.yaml reads and writes ``\\n`` text; fmt takes the BOM and CRLF off
before and puts them back after, so a Windows-edited file stays one.  A
lone ``\\r`` line break (old Mac files) is written back as ``\\n``.
"""

from __future__ import annotations

from dataclasses import dataclass

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Envelope:
    """A file's BOM and newline convention."""

    bom: bool = False
    crlf: bool = False


def open_text(data: bytes) -> tuple[str, Envelope]:
    """The ``\\n`` text of UTF-8 bytes, and their envelope.

    A file is CRLF when most of its line ends are ``\\r\\n``; every line end
    is then written as ``\\r\\n``.
    """
    text = data.decode("utf-8")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    crlf_count = text.count("\r\n")
    crlf = crlf_count > 0 and crlf_count >= text.count("\n") - crlf_count
    # a lone \r is a line break too (old Mac files): it becomes \n, as in any value
    return text.replace("\r\n", "\n").replace("\r", "\n"), Envelope(bom=bom, crlf=crlf)


def close_text(text: str, envelope: Envelope) -> bytes:
    """The bytes of ``\\n`` text in ``envelope``."""
    if envelope.crlf:
        text = text.replace("\n", "\r\n")
    return ((BOM if envelope.bom else "") + text).encode("utf-8")
