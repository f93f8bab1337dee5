"""Names, page stems and anchors: how the view builders refer to things.

A party with an agreement has a page named by its id (``LAW`` → ``LAW.html``);
ids are made safe for file names and anchors by :func:`slug`, which keeps
ASCII letters, digits, ``.`` and ``-`` and writes anything else as ``_hh``.
:func:`unique_stems` then makes the names unique the way a file system
compares them: a party whose stem is a site page's (``index``, ``jobs``, … see
:func:`~cascade.report.registry.reserved_stems`) gets ``party-<stem>``; ids
that differ only in case (``law`` beside ``LAW``) get ``~2``, ``~3`` in plan
order (``~`` is never in a slug); a stem longer than :data:`MAX_STEM` keeps
its start and a hash of the id, so a file name stays under the 255-byte limit.
A stem Windows reserves for a device (``CON``, ``nul.1``, ``COM1``: the part
before the first dot, in any case) gets ``party-`` too: ``CON.html`` cannot be
opened or unzipped there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal, DecimalTuple
from typing import overload

from cascade.model.plan import Kpi, PlanModel
from cascade.qid import id_of
from cascade.report.labels import PARTY_WORDS, sector_of, word
from cascade.report.registry import registered, reserved_stems
from cascade.report.view import Ref
from cascade.spec.common import Bilingual, text_of

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def slug(text: str) -> str:
    """``LAW-1`` → ``LAW-1``; ``ก1`` → ``_e0_b8_811``; never empty, never ``..``."""
    out = "".join(c if c in _SAFE else "".join(f"_{b:02x}" for b in c.encode()) for c in text)
    return out if out.strip(".") else "_" + out


_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]]
)


def windows_device(stem: str) -> bool:
    """Whether Windows reads a file named ``stem.<ext>`` as a device (``CON``, ``nul.x``)."""
    return stem.split(".", 1)[0].rstrip(" ").casefold() in _DEVICES


MAX_STEM = 120  # characters (ASCII) of a page stem: room for ".html" and "~n"


def short_slug(text: str) -> str:
    """:func:`slug`, cut to :data:`MAX_STEM` with a hash of ``text`` when longer."""
    stem = slug(text)
    if len(stem) <= MAX_STEM:
        return stem
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{stem[: MAX_STEM - 17]}-{digest}"


def unique_stems(ids: Iterable[str], reserved: frozenset[str]) -> dict[str, str]:
    """id → file stem, safe and unique even on a case-insensitive file system."""
    used = {name.casefold() for name in reserved}
    stems: dict[str, str] = {}
    for key in ids:
        base = short_slug(key)
        if base.casefold() in reserved or windows_device(base):
            base = f"party-{base}"
        stem, n = base, 1
        while stem.casefold() in used:
            n += 1
            stem = f"{base}~{n}"
        used.add(stem.casefold())
        stems[key] = stem
    return stems


class Refs:
    """Refs to parties and KPIs of one model in one language."""

    def __init__(self, model: PlanModel, lang: str, reserved: frozenset[str] | None = None) -> None:
        self.model = model
        self.lang = lang
        root = model.units.get(model.organisation)
        self.sector = sector_of(root.spec.type if root is not None else None)
        """Whose words the labels use: a government's or a business's (see labels.sector_of)."""
        taken = reserved_stems(registered()) if reserved is None else reserved
        self.pages: dict[str, str] = unique_stems(model.agreements, taken)
        self._kpis: dict[int, tuple[Kpi, Ref]] = {}  # by id(): a KPI's ref is made once
        self._parties: dict[str, Ref] = {}
        self._texts: dict[str, str] = {}
        self._numbers: dict[DecimalTuple, Decimal] = {}

    def text(self, value: str | Bilingual | None) -> str:
        """The text in this language, one object per distinct text: the view of a
        large plan repeats the same titles and milestones thousands of times, each
        read from its own file (:data:`Refs.number` likewise)."""
        return self.one(text_of(value, self.lang))

    def one(self, text: str) -> str:
        """``text``, the same object for every equal text this view shows."""
        return self._texts.setdefault(text, text)

    @overload
    def number(self, value: Decimal) -> Decimal: ...
    @overload
    def number(self, value: Decimal | None) -> Decimal | None: ...
    def number(self, value: Decimal | None) -> Decimal | None:
        """``value``, one object per number as written (``1.0`` and ``1`` stay apart)."""
        if value is None:
            return None
        return self._numbers.setdefault(value.as_tuple(), value)

    def party_name(self, party: str) -> str:
        return self.text(self.model.party_name(party)) or party

    def party(self, party: str) -> Ref:
        known = self._parties.get(party)
        if known is None:
            known = Ref(party, party, self.party_name(party), self.pages.get(party, ""))
            self._parties[party] = known
        return known

    def party_type_label(self, party: str) -> str:
        return word(PARTY_WORDS, self.model.party_type(party), self.lang, self.sector)

    def kpi(self, kpi: Kpi) -> Ref:
        known = self._kpis.get(id(kpi))
        if known is not None:
            return known[1]
        name = self.text(kpi.name) or kpi.id
        anchor = self.one(f"kpi-{slug(kpi.id)}")
        ref = Ref(self.one(kpi.id), kpi.qid, name, self.pages.get(kpi.party, ""), anchor)
        self._kpis[id(kpi)] = (kpi, ref)
        return ref

    def kpi_qid(self, qid: str) -> Ref:
        """A ref by qualified id, also for a KPI the plan does not have."""
        found = self.model.kpis.get(qid)
        if found is not None:
            return self.kpi(found)
        return Ref(id_of(qid), qid, qid)

    def position_title(self, person: str) -> str:
        """The person's title from their job description (administrative first)."""
        found = self.model.people.get(person)
        position = found.position if found is not None else None
        job = self.model.jobs.get(position or "")
        if job is None:
            return ""
        return self.text(job[0].admin_title) or self.text(job[0].line_title)
