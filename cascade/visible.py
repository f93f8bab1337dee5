"""Text a person can trust: what is shown never hides a character, and ids
hold only characters that look like themselves.

* :func:`visible` writes every control, format (bidi, zero-width), separator
  and unassigned character as an escape (``\\u202e``), so a diagnostic never
  prints a raw RIGHT-TO-LEFT OVERRIDE that reorders the line, nor a newline
  that forges a line of ``--format parsable``.
* :func:`control_problem` refuses the control characters in any text of a
  plan: bidirectional controls, and C0/C1 controls other than tab and line
  breaks (an ESC sequence would drive the terminal that prints a KPI name).
* :func:`id_problem` says why an id cannot be one: ids are written with the
  printable ASCII characters (no space, no ``/``) and Thai letters; anything
  else — an invisible character, a bidi control, a letter of another script
  that looks like a Latin one (Cyrillic ``а``, dotless ``ı``), a Thai or
  full-width digit — is refused with its code point and name, because two ids
  that look the same must be the same id.
"""

from __future__ import annotations

import unicodedata

_THAI_LETTERS = range(0x0E01, 0x0E50)
"""Thai consonants, vowels, tone marks and signs; not the Thai digits ๐-๙."""


def visible(text: str) -> str:
    """``text`` with each character that does not print as itself escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def id_problem(text: str) -> str | None:
    """Why ``text`` cannot be an id (a character it may not hold), or ``None``."""
    for char in text:
        code = ord(char)
        if 0x21 <= code <= 0x7E or code in _THAI_LETTERS:
            continue
        return f"'{visible(text)}' holds {describe(char)}; {_ADVICE}"
    return None


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""The bidirectional controls: marks, embeddings, overrides and isolates."""


def control_problem(text: str) -> str | None:
    """Why ``text`` may not be shown as written: the first control character it
    holds, a bidi control (it would reorder what a reader sees; neither Thai nor
    English text needs one) or a C0/C1 control other than tab and line breaks."""
    if text.isprintable():  # both kinds are unprintable: the usual text is checked in C
        return None
    for char in text:
        if char in _BIDI:
            return f"the text holds {describe(char)}, which reorders what a reader sees; delete it"
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            return (
                f"the text holds the control character U+{ord(char):04X}, which a terminal "
                "or a spreadsheet would act on; delete it"
            )
    return None


_ADVICE = "ids use letters A-Z and a-z, Thai letters, digits 0-9 and signs such as - _ ."


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: a character by its code point and name."""
    name = unicodedata.name(char, "")
    kind = " (invisible)" if not char.isprintable() else ""
    if char.isdecimal() and not char.isascii():
        kind = f" (write {unicodedata.decimal(char)})"
    return f"U+{ord(char):04X}{' ' + name if name else ''}{kind}"


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
