"""A qualified id ``PARTY/ID`` (``DOP/1.1``): its parts, and how one is written.

An id never holds ``/`` or white space (``spec.common.Id``); a reference is
an id or ``PARTY/ID``.  The parts split at the first ``/``, so the id part is
kept whole as written (Thai ids, dots and dashes are ordinary characters).
This module imports nothing of cascade: every stage may use it.
"""

from __future__ import annotations

SEPARATOR = "/"


def split_qid(ref: str) -> tuple[str, str] | None:
    """``"DOP/1.1"`` → ``("DOP", "1.1")``; ``None`` for a plain id such as ``"1.1"``."""
    party, sep, ident = ref.partition(SEPARATOR)
    return (party, ident) if sep else None


def is_qualified(ref: str) -> bool:
    """Whether ``ref`` names its party (``DOP/1.1``) rather than being a plain id."""
    return SEPARATOR in ref


def party_of(ref: str) -> str | None:
    """The party a qualified reference names (``"DOP/1.1"`` → ``"DOP"``); ``None`` if plain."""
    parts = split_qid(ref)
    return parts[0] if parts is not None else None


def id_of(ref: str) -> str:
    """The id part of a reference: ``"DOP/1.1"`` → ``"1.1"``, a plain ``"1.1"`` as it is."""
    parts = split_qid(ref)
    return parts[1] if parts is not None else ref


def qualify(party: str, ident: str) -> str:
    """The qualified id of ``ident`` in ``party``'s agreement: ``("DOP", "1.1")`` → ``DOP/1.1``."""
    return f"{party}{SEPARATOR}{ident}"


def qualified_in(ref: str, party: str) -> str:
    """``ref`` qualified, a plain id taken as ``party``'s (a qualified one stays as written)."""
    return ref if is_qualified(ref) else qualify(party, ref)
