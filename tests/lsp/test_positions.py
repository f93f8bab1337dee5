"""Navigation on a line with emoji and Thai before the id: positions in UTF-16.

In process (the server's own check, definition and hover), a full check of
a buffer of plans/probation; the stdio tests cover diagnostics on such lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.lsp import hover, navigate
from cascade.lsp.checker import PlanState, check
from cascade.lsp.positions import from_client
from tests.conftest import ROOT

REHAB = "agreements/units/REHAB.yaml"


def test_definition_and_hover_after_emoji_count_utf16_units(tmp_path: Path) -> None:
    root = tmp_path / "probation"
    shutil.copytree(ROOT / "plans" / "probation", root, ignore=shutil.ignore_patterns(".cascade*"))
    text = (root / REHAB).read_text(encoding="utf-8")
    name = "name: ร้อยละของระดับความพึงพอใจของผู้รับบริการ, goal: REHAB-G4"
    assert text.count(name) == 1
    buffer = text.replace(name, "name: 😀😀" + name.removeprefix("name: "))
    outcome = check(PlanState(root), ((REHAB, buffer),), lambda: False, full=True)
    assert outcome.result.diagnostics == ()
    lines = buffer.splitlines()
    line = next(n for n, t in enumerate(lines) if "😀😀" in t)
    column = lines[line].index("same_as: C1") + len("same_as: ")  # code points
    codec = PositionCodec(types.PositionEncodingKind.Utf16)
    place = from_client(codec, lines, types.Position(line=line, character=column + 2))
    assert place == (line, column)  # each emoji is two UTF-16 units, one code point
    plan_lines = (root / "cascade.yaml").read_text(encoding="utf-8").splitlines()
    common = plan_lines.index("  - id: C1")
    found = navigate.definition(outcome, REHAB, place, codec)
    assert [(loc.uri, loc.range) for loc in found] == [
        (
            (root / "cascade.yaml").as_uri(),
            types.Range(types.Position(common, 8), types.Position(common, 10)),
        )
    ]
    shown = hover.hover(outcome, REHAB, place, codec)
    assert shown is not None and isinstance(shown.contents, types.MarkupContent)
    assert shown.contents.value.split("  \n")[0] == "**common KPI C1**"
    start, end = types.Position(line, column + 2), types.Position(line, column + 4)
    assert shown.range == types.Range(start, end)
