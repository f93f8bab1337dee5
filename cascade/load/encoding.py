"""Bytes to text for plan files and CSV tables: UTF-8 only, every other encoding named.

* UTF-16/32 with a byte-order mark, and UTF-16 without one (a NUL byte every
  other byte, as Notepad's "Unicode" writes), are named as such;
* text that is not UTF-8 but reads as Thai under Windows-874 / TIS-620 (runs
  of bytes 0xA1-0xFB) is named as Thai Windows-874;
* any other invalid byte is reported at its line:column;
* in text that decodes, every character that YAML or an editor would take
  differently from what a person sees is reported by its code point and
  line:column: control characters (NUL, ESC, DEL, the C1 range with NEL
  U+0085), the line and paragraph separators U+2028/U+2029 (YAML counts them
  as line breaks, editors do not, so every line number after them would be
  off), a byte-order mark after the start of the file, and the noncharacters
  U+FFFE/U+FFFF.

Lines are counted at ``\\n`` and columns in characters, as the YAML reader
counts them.  At most :data:`MAX_REPORTED` characters are listed a file.
"""

from __future__ import annotations

import re

from cascade.checks.load import ENCODING
from cascade.diagnostics import Diagnostic
from cascade.visible import describe

MAX_REPORTED = 100
"""Bound on the diagnostics one file's characters give (a binary file has many)."""

_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""Characters refused anywhere in a file (a BOM only at its very start, taken off before)."""

_WHY = {
    "\ufeff": "a byte-order mark (U+FEFF) after its start, often left by pasting "
    "another file in; delete it",
    "\u2028": "a line separator (U+2028), which YAML counts as a line break and editors do not; "
    "replace it with a normal line break",
    "\u2029": "a paragraph separator (U+2029), which YAML counts as a line break and "
    "editors do not; replace it with a normal line break",
    "\x00": "a NUL byte (U+0000): is this a binary file?",
    "\x85": "a NEXT LINE character (U+0085), which YAML counts as a line break and editors do not; "
    "replace it with a normal line break",
}

_CONTROLS = {
    chr(code): f"U+{code:04X} ({name})"
    for code, name in {
        0x07: "BELL",
        0x08: "BACKSPACE",
        0x0B: "VERTICAL TAB",
        0x0C: "FORM FEED",
        0x1A: "SUBSTITUTE",
        0x1B: "ESCAPE",
        0x7F: "DELETE",
    }.items()
}
"""Names of the control characters met in files (Unicode gives them none)."""


def line_col(data: bytes) -> tuple[int, int]:
    """1-based line and character column just after the bytes ``data``."""
    line_start = data.rfind(b"\n") + 1
    column = len(data[line_start:].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n") + 1, column


def looks_utf16(data: bytes) -> bool:
    """UTF-16 (with or without a byte-order mark) or UTF-32 with one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    half = len(head) // 4  # most of one half is NUL in ASCII or Thai UTF-16
    return even.count(0) > half or odd.count(0) > half


def looks_thai(data: bytes) -> bool:
    """Thai words in Windows-874 are runs of bytes 0xA1-0xFB (Latin-1 accents rarely are)."""
    try:
        data.decode("cp874")
    except UnicodeDecodeError:
        return False
    return re.search(rb"[\xa1-\xfb]{2}", data) is not None


def decode_utf8(
    data: bytes, file: str, save_as: str = "save it as UTF-8"
) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a file (BOM taken off) and its problems: ``None`` and why, when
    the bytes are not UTF-8; the text and a diagnostic for each hidden character
    (:func:`hidden_characters`) when they are, so that positions can still be
    mapped in it.  A file with any diagnostic is refused.
    """
    if looks_utf16(data):
        msg = f"the file is saved as UTF-16 ('Unicode'), not UTF-8; {save_as}"
        return None, [ENCODING.diagnostic(file, msg)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = line_col(data[: exc.start])
        if looks_thai(data):
            msg = f"the file looks like Thai Windows-874 / TIS-620, not UTF-8; {save_as}"
        else:
            bad = data[exc.start : exc.start + 1].hex()
            msg = f"the file is not valid UTF-8 (byte 0x{bad}); {save_as}"
        return None, [ENCODING.diagnostic(file, msg, line, col)]
    return text, hidden_characters(text, file)


def hidden_characters(text: str, file: str) -> list[Diagnostic]:
    """A diagnostic for each refused character of ``text`` (see the module docstring)."""
    found: list[Diagnostic] = []
    line, counted = 1, 0
    for match in _HIDDEN.finditer(text):
        at = match.start()
        line += text.count("\n", counted, at)
        counted = at
        line_start = text.rfind("\n", 0, at) + 1
        char = match.group()
        name = _CONTROLS.get(char) or describe(char)
        why = _WHY.get(char) or f"{name}, a control character; delete it"
        found.append(ENCODING.diagnostic(file, f"the file holds {why}", line, at - line_start + 1))
        if len(found) >= MAX_REPORTED:
            break
    return found
