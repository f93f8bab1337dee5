"""Codes of the commands that run after validation: ``score``, ``report``, ``fmt``."""

from __future__ import annotations

from cascade.checks.check import declare
from cascade.diagnostics import Level

NOT_REPORTED = declare(
    "SCR001",
    "not-reported",
    """
    A KPI has no result row for the period being scored (``cascade
    score``).  It scores 0, whatever ``below_first`` says; the message
    names the KPI's collector (or overseer) to ask.  An ``identical`` KPI
    with no row of its own takes its parent's result instead.
    """,
    Level.WARNING,
)

UNSCORABLE = declare(
    "SCR002",
    "unscorable-result",
    """
    A result cannot be scored: a formula divides by zero or misses a
    variable, or the KPI has no criteria.  The KPI scores 0 and the
    scorecard marks it; fix the actuals row.
    """,
)

UNSIGNED = declare(
    "SCR003",
    "unsigned-agreement",
    """
    An agreement is scored but not signed: it has no signatories, or a
    signatory has no ``signed_on`` date.  Scores of an agreement nobody
    signed may be disputed; record the signing (Buddhist-era dates) when
    the paper copy is signed.

    Fails::

        signatories: [{role: evaluatee, person: P0100}]

    Passes::

        signatories:
          - {role: evaluatee, person: P0100, signed_on: 2568-10-01, acknowledged_on: 2568-10-01}
    """,
    Level.WARNING,
)

NO_EXPLANATION = declare(
    "SCR004",
    "missing-explanation",
    """
    The plan's policy asks for an explanation (``policy:
    explanation_required: true``) and a result is below its KPI's target
    or at risk (below the round's target) without a ``remark``.  Write
    why in the actuals row; scorecards show it.

    Fails::

        - {kpi: LAW/2-1, value: 55}

    Passes::

        - {kpi: LAW/2-1, value: 55, remark: ศาลเลื่อนนัดไต่สวน 3 คดี}
    """,
    Level.WARNING,
)

TEMPLATE_ERROR = declare(
    "RPT001",
    "template-error",
    """
    A report template cannot be rendered (``cascade report``,
    ``cascade validate --render``): a syntax error, a name that is not
    defined, something the sandbox refuses (``__class__``, ``format``
    tricks, ``|attr``), a page that takes longer than its time budget
    (``--template-timeout``, 5 s) or more memory than allowed
    (``--template-memory``, 1024 MiB).  Reported at ``template:line``
    with exit code 2; nothing is written.

    Fails::

        {{ ''.__class__.__mro__ }}
        {% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}

    Passes::

        {{ agreement.party.ref.name }}
    """,
)

SIGNED_DRAFT = declare(
    "RPT002",
    "signed-draft",
    """
    A signed agreement (every signatory has ``signed_on``) still holds a
    placeholder left by a draft (``TODO …``, ``TBD``, ``FIXME``, ``…``; see
    DRF001).  ``cascade report`` refuses to print it (exit 1, nothing is
    written): a signed agreement must say what was signed.  Write the real
    text, or remove ``signed_on`` while the agreement is still a draft.
    ``rules: {RPT002: warning}`` in cascade.yaml lets the report through.

    Fails::

        kpis:
          - {id: A4, name: TODO ชื่อตัวชี้วัด, weight: 20}
        signatories:
          - {role: evaluatee, person: P0100, signed_on: 2568-10-15}

    Passes::

        kpis:
          - {id: A4, name: ระดับความสำเร็จของการปรับปรุงกระบวนงาน, weight: 20}
        signatories:
          - {role: evaluatee, person: P0100, signed_on: 2568-10-15}
    """,
)

CANNOT_FORMAT = declare(
    "FMT001",
    "cannot-format",
    """
    ``cascade fmt`` cannot rewrite the file without losing something: its
    last check found that the formatted text would read differently or
    drop a comment, so the file is left unchanged.  This is a bug in
    cascade (a file that validates should always format): please report
    it with the file.
    """,
)
