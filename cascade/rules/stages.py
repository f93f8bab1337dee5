"""Documentation of the checks the load, spec and model stages make.

They are not rule functions (they run while reading), but they have codes,
levels and docs like rules, so ``cascade rules`` lists every code there is.
"""

from __future__ import annotations

from cascade.diagnostics import Level
from cascade.rules.registry import Rule, stage_check

STAGE_CHECKS: tuple[Rule, ...] = (
    stage_check(
        "LOAD001",
        "yaml-syntax",
        """
        The file is not valid YAML (an unclosed bracket, a tab used for
        indentation, a bad indent).  The position is where the parser stopped.

        Fails::

            kpis: [{id: 2-1, weight: 20}
        """,
    ),
    stage_check(
        "LOAD002",
        "duplicate-key",
        """
        A key appears twice in one mapping.  Most YAML tools silently keep the
        last one; cascade refuses, since one of the two values would be lost.

        Fails::

            weight: 20
            weight: 25
        """,
    ),
    stage_check(
        "LOAD003",
        "yaml-tag",
        """
        YAML tags (``!!python/object``, ``!!int``, ``!custom``) are not
        allowed: a plan holds plain values, and tags are how YAML files run
        code in other tools.

        Fails::

            weight: !!python/object/apply:os.system [ls]
        """,
    ),
    stage_check(
        "LOAD004",
        "alias-expansion",
        """
        Anchors and aliases (``&a`` / ``*a``) may be used, but what they
        expand to is bounded (10,000 nodes a document), so a small file cannot
        blow up into billions of values (an "alias bomb").
        """,
    ),
    stage_check(
        "LOAD005",
        "encoding",
        """
        Plan files are UTF-8 (a UTF-8 byte-order mark is fine).  UTF-16 or
        UTF-32 files, invalid bytes and NUL bytes are reported at their
        line:column; re-save the file as UTF-8.
        """,
    ),
    stage_check(
        "LOAD006",
        "nesting-depth",
        """
        Values nested deeper than 64 levels are refused before parsing (very
        deep input crashes YAML parsers); no plan needs more than a few levels.
        """,
    ),
    stage_check(
        "LOAD007",
        "empty-file",
        """
        The file holds no YAML document; it is ignored.  Delete it or add a
        ``kind:``.
        """,
        Level.WARNING,
    ),
    stage_check(
        "LOAD008",
        "complex-key",
        """
        Keys are plain text; a list or mapping used as a key (``? [a, b]``) is
        refused.
        """,
    ),
    stage_check(
        "LOAD009",
        "unreadable-file",
        """
        The file cannot be read (permissions, not a regular file, larger than
        64 MiB).
        """,
    ),
    stage_check(
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
    ),
    stage_check(
        "SPEC002",
        "unknown-kind",
        """
        ``kind:`` names a kind cascade does not know; the message suggests the
        closest one.

        Fails::

            kind: Agrement
        """,
    ),
    stage_check(
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
    ),
    stage_check(
        "SPEC004",
        "missing-key",
        """
        A required key is missing (for example a KPI's ``weight``).  Reported at
        the mapping that lacks it.
        """,
    ),
    stage_check(
        "SPEC005",
        "invalid-value",
        """
        A value has the wrong type or form: text where a number is expected,
        an id with spaces, a kind that does not exist, a weight expression that
        does not parse.  Numbers are exact decimals; ``1.10`` stays ``1.10``.

        Fails::

            target: twenty
        """,
    ),
    stage_check(
        "PLN001",
        "plan-root",
        """
        A plan folder has ``cascade.yaml`` (kind: Plan) at its root.  Without
        it the folder is not a plan (exit code 2).
        """,
    ),
    stage_check(
        "PLN002",
        "single-document",
        """
        A plan has one Plan (in ``cascade.yaml``), one Strategy, one OrgChart,
        one OSMatrix and one JobFamilies document.
        """,
    ),
    stage_check(
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
    ),
    stage_check(
        "REF002",
        "duplicate-id",
        """
        Ids are unique in their scope: units, people, positions, frameworks,
        common KPIs, KPIs within an agreement, one agreement per party.  The
        message names where the first one is.
        """,
    ),
    stage_check(
        "WGT004",
        "weight-expression",
        """
        A weight expression uses a name that is not in the plan's ``params``
        or divides by zero.

        Fails::

            params: {A: 5}
            weight: 30 + B
        """,
    ),
    stage_check(
        "SCR001",
        "not-reported",
        """
        A KPI has no result row for the period being scored (``cascade
        score``).  It scores 0, whatever ``below_first`` says; the message
        names the KPI's collector (or overseer) to ask.  An ``identical`` KPI
        with no row of its own takes its parent's result instead.
        """,
        Level.WARNING,
    ),
    stage_check(
        "SCR002",
        "unscorable-result",
        """
        A result cannot be scored: a formula divides by zero or misses a
        variable, or the KPI has no criteria.  The KPI scores 0 and the
        scorecard marks it; fix the actuals row.
        """,
    ),
    stage_check(
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
    ),
    stage_check(
        "FMT001",
        "cannot-format",
        """
        ``cascade fmt`` cannot rewrite the file without losing something (for
        example a comment inside a flow collection ``[a, b]  # …``), so the
        file is left unchanged.  Move the comment out of the brackets.
        """,
    ),
    stage_check(
        "INT001",
        "internal-error",
        """
        A rule crashed.  This is a bug in cascade, not in your plan; the other
        rules still ran.  Please report it with the message.
        """,
    ),
)
