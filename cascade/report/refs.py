"""Names, page stems and anchors: how the view builders refer to things.

A party with an agreement has a page named by its id (``LAW`` → ``LAW.html``);
ids are made safe for file names and anchors by :func:`slug`, which keeps
ASCII letters, digits, ``.`` and ``-`` and writes anything else as ``_hh``
(so two different ids never share a page).  A party whose stem is a site
page's (``index``, ``jobs``, … see :func:`~cascade.report.registry.reserved_stems`)
gets ``party-<stem>``.
"""

from __future__ import annotations

from cascade.model.plan import Kpi, PlanModel
from cascade.qid import id_of
from cascade.report.labels import PARTY_WORDS, word
from cascade.report.registry import registered, reserved_stems
from cascade.report.view import Ref
from cascade.spec.common import Bilingual, text_of

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def slug(text: str) -> str:
    """``LAW-1`` → ``LAW-1``; ``ก1`` → ``_e0_b8_811``; never empty, never ``..``."""
    out = "".join(c if c in _SAFE else "".join(f"_{b:02x}" for b in c.encode()) for c in text)
    return out if out.strip(".") else "_" + out


class Refs:
    """Refs to parties and KPIs of one model in one language."""

    def __init__(self, model: PlanModel, lang: str, reserved: frozenset[str] | None = None) -> None:
        self.model = model
        self.lang = lang
        self.pages: dict[str, str] = {}
        taken = reserved_stems(registered()) if reserved is None else reserved
        for party in model.agreements:
            stem = slug(party)
            self.pages[party] = f"party-{stem}" if stem.lower() in taken else stem

    def text(self, value: str | Bilingual | None) -> str:
        return text_of(value, self.lang)

    def party_name(self, party: str) -> str:
        return self.text(self.model.party_name(party)) or party

    def party(self, party: str) -> Ref:
        return Ref(party, party, self.party_name(party), self.pages.get(party, ""))

    def party_type_label(self, party: str) -> str:
        return word(PARTY_WORDS, self.model.party_type(party), self.lang)

    def kpi(self, kpi: Kpi) -> Ref:
        name = self.text(kpi.name) or kpi.id
        return Ref(kpi.id, kpi.qid, name, self.pages.get(kpi.party, ""), f"kpi-{slug(kpi.id)}")

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
