"""Which PDF documents a report has: one per party, and the optional books.

Every party with an agreement gets ``<stem>.pdf`` (its agreement and KPI
cards), named like its HTML page (:func:`cascade.report.refs.unique_stems`:
safe, never longer than 255 bytes, unique even where the file system ignores
case).  ``--pdf-book unit`` adds ``books/<unit>.pdf`` for each unit: the
unit's agreement followed by those of its people; ``--pdf-book org`` adds
``books/agreements.pdf`` with every agreement, refused above :data:`ORG_BOOK_MAX`
agreements (typst holds a whole document in memory while it lays it out).
"""

from __future__ import annotations

from dataclasses import dataclass

from cascade.report.pdf_engine import PdfError
from cascade.report.pdf_markup import document_title
from cascade.report.refs import unique_stems
from cascade.report.site_view import SiteView

BOOKS = ("none", "unit", "org")
BOOK_FOLDER = "books"
ORG_BOOK = "agreements"
ORG_BOOK_MAX = 300
"""Agreements in one ``--pdf-book org`` document at most (about 2,000 pages)."""
KPIS_MAX = 1_000
"""KPIs of one agreement the PDF prints at most (each is a page of KPI card)."""
LEVELS_MAX = 15
"""Levels of a scale the PDF's KPI table prints at most: a criteria column each,
on a landscape page above five (at 15 the KPI's own column keeps 5 cm)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One PDF file: its path in the PDF folder, its title and its agreements
    (indexes into ``SiteView.agreements``, in order)."""

    rel: str
    title: str
    agreements: tuple[int, ...]


def party_documents(view: SiteView) -> list[Document]:
    """One document per agreement, named by the party's page stem."""
    return [
        Document(f"{a.party.ref.page}.pdf", a.title, (i,)) for i, a in enumerate(view.agreements)
    ]


def unit_books(view: SiteView) -> list[Document]:
    """A book per unit with an agreement or people: the unit's agreement, then its people's."""
    members: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for i, agreement in enumerate(view.agreements):
        party = agreement.party
        unit = party.unit_id if party.type == "person" else party.ref.id
        members.setdefault(unit, []).append(i)
        names.setdefault(unit, party.unit if party.type == "person" else party.ref.name)
    stems = unique_stems(members, frozenset({ORG_BOOK}))
    return [
        Document(f"{BOOK_FOLDER}/{stems[unit]}.pdf", names[unit] or unit, tuple(found))
        for unit, found in members.items()
    ]


def documents(view: SiteView, book: str = "none") -> list[Document]:
    """The documents of ``view``: one per party, then the books ``book`` asks for."""
    if book not in BOOKS:
        raise PdfError(f"unknown --pdf-book {book!r}; choose {', '.join(BOOKS)}")
    for agreement in view.agreements:
        if len(agreement.levels) > LEVELS_MAX:
            raise PdfError(
                f"a scale of {len(agreement.levels)} levels is too wide to print (at most "
                f"{LEVELS_MAX} criteria columns); leave out --format pdf"
            )
        kpis = len(agreement.cards)
        if kpis > KPIS_MAX:
            raise PdfError(
                f"the agreement of {agreement.party.ref.id} has {kpis:,} KPIs, too many to "
                f"print (at most {KPIS_MAX:,}, a KPI card each); leave out --format pdf"
            )
    docs = party_documents(view)
    if book == "unit":
        docs += unit_books(view)
    elif book == "org":
        if len(view.agreements) > ORG_BOOK_MAX:
            raise PdfError(
                f"{len(view.agreements):,} agreements are too many for one PDF book "
                f"(at most {ORG_BOOK_MAX}); use --pdf-book unit or none"
            )
        everything = tuple(range(len(view.agreements)))
        docs.append(
            Document(f"{BOOK_FOLDER}/{ORG_BOOK}.pdf", document_title(view, view.lang), everything)
        )
    return docs
