"""Codes of the spec and model stages and of the pipeline itself.

``SPEC`` codes are emitted by :mod:`cascade.spec.validate` (a document
against its kind's schema); ``PLN002``, ``REF002`` and ``WGT004`` by
:mod:`cascade.model.build`; ``PLN001``, ``PLN003`` and ``INT001`` by the
engine.
"""

from __future__ import annotations

from cascade.checks.check import declare

MISSING_KIND = declare(
    "SPEC001",
    "missing-kind",
    """
    Every document says what it is with ``kind:`` (Plan, Strategy,
    OrgChart, Framework, Agreement, OSMatrix, JobFamilies, JobDescription,
    People, Actuals).

    Fails::

        party: LAW
        kpis: […]

    Passes::

        kind: Agreement
        party: LAW
    """,
)

UNKNOWN_KIND = declare(
    "SPEC002",
    "unknown-kind",
    """
    ``kind:`` names a kind cascade does not know; the message suggests the
    closest one.

    Fails::

        kind: Agrement
    """,
)

UNKNOWN_KEY = declare(
    "SPEC003",
    "unknown-key",
    """
    A key that the kind does not have (often a typo); the message suggests
    the closest known key.  Unknown keys are errors so that a misspelt
    ``weigth`` never silently drops a weight.

    Fails::

        - {id: 2-1, weigth: 20}

    Passes::

        - {id: 2-1, weight: 20}
    """,
)

MISSING_KEY = declare(
    "SPEC004",
    "missing-key",
    """
    A required key is missing (for example a KPI's ``weight``).  Reported at
    the mapping that lacks it.
    """,
)

INVALID_VALUE = declare(
    "SPEC005",
    "invalid-value",
    """
    A value has the wrong type or form: text where a number is expected,
    an id with spaces, a kind that does not exist, a weight expression that
    does not parse.  Numbers are exact decimals; ``1.10`` stays ``1.10``.

    Fails::

        target: twenty
    """,
)

PLAN_ROOT = declare(
    "PLN001",
    "plan-root",
    """
    A plan folder has ``cascade.yaml`` (kind: Plan) at its root.  Without
    it the folder is not a plan (exit code 2).
    """,
)

SINGLE_DOCUMENT = declare(
    "PLN002",
    "single-document",
    """
    A plan has one Plan (in ``cascade.yaml``), one Strategy, one OrgChart,
    one OSMatrix and one JobFamilies document.
    """,
)

UNKNOWN_RULE = declare(
    "PLN003",
    "unknown-rule-code",
    """
    ``rules:`` in ``cascade.yaml`` sets levels by code; a code cascade does
    not know is an error (with a "did you mean").

    Fails::

        rules: {OSM03: warning}

    Passes::

        rules: {OSM003: off}
    """,
)

DUPLICATE_ID = declare(
    "REF002",
    "duplicate-id",
    """
    Ids are unique in their scope: units, people, positions, frameworks,
    the dimensions of a framework, common KPIs, KPIs within an agreement,
    one agreement per party.  The message names where the first one is.
    """,
)

WEIGHT_EXPRESSION = declare(
    "WGT004",
    "weight-expression",
    """
    A weight expression uses a name that is not in the plan's ``params``
    or divides by zero.

    Fails::

        params: {A: 5}
        weight: 30 + B
    """,
)

INTERNAL = declare(
    "INT001",
    "internal-error",
    """
    A rule crashed.  This is a bug in cascade, not in your plan; the other
    rules still ran.  Please report it with the message.
    """,
)
