"""Files that failed to load or their schema: what they would define once fixed.

The validate pipeline runs the cross-file rules without the broken documents
when each is an agreement whose party is plain to see (:func:`rules_can_run`);
an empty *stand-in* agreement then takes each one's place, so the plan knows
the party has an agreement (:func:`stand_ins`), and
:mod:`cascade.rules.soundness` keeps only the findings no version of the
broken agreements could change.  ``docs/architecture.md`` ("When a file is
broken") gives the argument.
"""

from __future__ import annotations

from pathlib import Path

from cascade.diagnostics import Finding
from cascade.load.discover import PLAN_FILE
from cascade.load.files import read_all, read_raw
from cascade.load.kinds import Declared, declared_in_data, declared_in_text
from cascade.load.reader import ReadResult, decode
from cascade.spec import KINDS
from cascade.spec.validate import SpecDoc, validate_document

AGREEMENT = "Agreement"
STAND_IN = 1_000_000
"""Document numbers of stand-ins start here (never a real document's)."""


def broken_documents(
    root: Path, read: ReadResult, findings: list[Finding]
) -> list[Declared] | None:
    """Kind and party of each document of one file that failed to load or its schema
    (``None``: they could be anything)."""
    if read.ok:
        found = [declared_in_data(read.documents[f.doc], KINDS) for f in findings]
        return None if None in found else [d for d in found if d is not None]
    if read.cells is not None or not read.file.endswith((".yaml", ".yml")):
        return None
    raw = read_raw(root / read.file, read.file)
    text = decode(raw, read.file)[0] if isinstance(raw, bytes) else None
    return None if text is None else declared_in_text(text, KINDS)


def rules_can_run(broken: dict[str, list[Declared] | None]) -> bool:
    """Whether every broken document is an agreement with a plain party (and the
    plan file loaded): then the rules run without them."""
    return PLAN_FILE not in broken and all(
        declared is not None
        and all(kind == AGREEMENT and party is not None for kind, party in declared)
        for declared in broken.values()
    )


def declared_broken(root: Path, files: list[str]) -> dict[str, list[Declared] | None]:
    """:func:`broken_documents` of each of ``files``, read again (for the warm path)."""
    found: dict[str, list[Declared] | None] = {}
    for read in read_all(root, files):
        findings: list[Finding] = []
        for index, data in enumerate(read.documents):
            if data is not None:
                findings.extend(validate_document(data, read.file, index)[1])
        found[read.file] = broken_documents(root, read, findings)
    return found


def stand_ins(
    docs: list[SpecDoc], broken: dict[str, list[Declared] | None]
) -> list[SpecDoc] | None:
    """An empty agreement for each broken one whose party no loaded document of
    the same file has (``None`` if a party is not a valid id)."""
    loaded = {(d.file, getattr(d.model, "party", None)) for d in docs}
    added: list[SpecDoc] = []
    for file, declared in broken.items():
        for _, party in declared or ():
            if (file, party) in loaded:
                continue
            data = {"kind": AGREEMENT, "party": party}
            doc, _ = validate_document(data, file, STAND_IN + len(added))
            if doc is None:
                return None
            added.append(doc)
            loaded.add((file, party))
    return added
