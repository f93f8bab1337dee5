"""The VS Code side: schema hover text, the file globs, the extension's manifest,
``schema --vscode`` and the problem matcher against real parsable output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cascade.cli.app import main
from cascade.schema import file_name, generate
from cascade.vscode import EXTENSION_ID, GLOBS, YAML_EXTENSION_ID, yaml_validation
from tests.conftest import MINIMAL, ROOT, make_plan

EXTENSION = ROOT / "editors" / "vscode"
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
FIXTURE = EXTENSION / "test" / "fixtures" / "parsable.txt"


def _descriptions(node: Any) -> list[str]:
    """Every description inside ``node``, not following ``$ref``."""
    if isinstance(node, list):
        return [text for item in node for text in _descriptions(item)]
    if not isinstance(node, dict):
        return []
    own = [node["description"]] if isinstance(node.get("description"), str) else []
    return own + [
        text
        for key, value in node.items()
        if key not in ("description", "properties", "$defs")
        for text in _descriptions(value)
    ]


def test_hover_on_a_reference_shows_the_fields_own_description() -> None:
    schema = json.loads(generate()[file_name("Agreement")])
    same_as = schema["$defs"]["Kpi"]["properties"]["same_as"]
    assert same_as["anyOf"] == [{"type": ["string", "number"]}, {"type": "null"}]
    assert same_as["description"] == ("The parent KPI taken over as is.\n\nตัวชี้วัดต้นทางที่รับมาทั้งหมด")
    for name, text in generate().items():
        document = json.loads(text)
        models = [document, *document.get("$defs", {}).values()]
        for model in models:
            for field, node in model.get("properties", {}).items():
                assert _descriptions(node) == [node["description"]], (name, field)


def _yaml_server_regex(glob: str) -> re.Pattern[str]:
    """How older YAML extensions read a glob: ``*`` is any text, matched at the path's end."""
    escaped = re.sub(r"[-\\{}+?|^$.,\[\]()#\s]", lambda m: "\\" + m.group(), glob)
    return re.compile(escaped.replace("*", ".*") + "$")


def _glob_regex(glob: str) -> re.Pattern[str]:
    """A real glob: ``*`` stays within one folder, ``**/`` is any number of folders."""
    parts = re.split(r"(\*\*/|\*)", glob.removeprefix("**/"))
    body = "".join(
        {"**/": "(?:[^/]*/)*", "*": "[^/]*"}.get(part, re.escape(part)) for part in parts
    )
    return re.compile("^(?:.*/)?" + body + "$")


def _kinds_for(path: str) -> list[list[str]]:
    """The kinds whose globs match ``path``, read both ways."""
    return [
        [kind for kind, globs in GLOBS.items() if any(read(g).search(path) for g in globs)]
        for read in (_yaml_server_regex, _glob_regex)
    ]


def _plan_files() -> list[tuple[str, str]]:
    """(path as an editor sees it, first document's kind) of every bundled plan YAML file."""
    found = []
    for plan in [ROOT / "plans" / "probation", ROOT / "plans" / "acme", MINIMAL]:
        for path in sorted(plan.rglob("*.yaml")):
            kind = next(yaml.safe_load_all(path.read_text(encoding="utf-8")))["kind"]
            found.append(("/workspace/" + path.relative_to(ROOT).as_posix(), kind))
    return found


def test_each_plan_file_gets_exactly_the_schema_of_its_kind() -> None:
    files = _plan_files()
    assert len(files) > 40
    assert {kind for _, kind in files} >= set(GLOBS) - {"Framework", "Actuals"}
    for path, kind in files:
        assert _kinds_for(path) == [[kind], [kind]], path


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/w/plan/agreements/people/P0012.yaml", "Agreement"),
        ("/w/plan/agreements/DOP.yaml", "Agreement"),
        ("/w/plan/agreements/units/LAW.yaml", "Agreement"),
        ("/w/plan/people.yaml", "People"),
        ("/w/plan/people/people-001.yaml", "People"),
        ("/w/plan/frameworks/opdc-2556.yaml", "Framework"),
        ("/w/plan/actuals/2569-Q2.yaml", "Actuals"),
        ("/w/plan/jobs/descriptions/1234.yaml", "JobDescription"),
    ],
)
def test_layout_paths_get_one_schema(path: str, kind: str) -> None:
    assert _kinds_for(path) == [[kind], [kind]]


def test_extension_manifest_follows_the_python_mapping() -> None:
    # fix a failure with: python editors/vscode/scripts/sync_yaml_validation.py
    assert MANIFEST["contributes"]["yamlValidation"] == yaml_validation()
    assert f"{MANIFEST['publisher']}.{MANIFEST['name']}" == EXTENSION_ID
    assert yaml_validation()[4] == {
        "fileMatch": ["**/agreements/*.yaml", "**/agreements/**/*.yaml"],
        "url": "./schemas/agreement.schema.json",
    }


def _schema_vscode(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["schema", "--out", "schemas", "--vscode"])
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_vscode_recommends_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    extensions = tmp_path / ".vscode" / "extensions.json"
    extensions.parent.mkdir()
    extensions.write_text('{"recommendations": ["ms-python.python", 7]}', encoding="utf-8")
    code, out, _ = _schema_vscode(capsys)
    assert code == 0
    assert out.splitlines()[1:] == [
        "mapped the schemas in .vscode/settings.json",
        "recommended the cascade extension in .vscode/extensions.json",
    ]
    assert json.loads(extensions.read_text(encoding="utf-8")) == {
        "recommendations": ["ms-python.python", EXTENSION_ID, YAML_EXTENSION_ID]
    }
    assert _schema_vscode(capsys)[0] == 0
    assert json.loads(extensions.read_text(encoding="utf-8"))["recommendations"] == [
        "ms-python.python",
        EXTENSION_ID,
        YAML_EXTENSION_ID,
    ]


def test_schema_vscode_keeps_a_commented_extensions_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    extensions = tmp_path / ".vscode" / "extensions.json"
    extensions.parent.mkdir()
    listed = f'// ours\n{{"recommendations": ["{EXTENSION_ID}", "{YAML_EXTENSION_ID}"]}}\n'
    extensions.write_text(listed, encoding="utf-8")
    assert _schema_vscode(capsys)[0] == 0
    assert extensions.read_text(encoding="utf-8") == listed
    extensions.write_text('// ours\n{"recommendations": []}\n', encoding="utf-8")
    code, _, err = _schema_vscode(capsys)
    assert code == 2
    assert f'add "{EXTENSION_ID}" and "{YAML_EXTENSION_ID}" to "recommendations"' in err
    assert extensions.read_text(encoding="utf-8") == '// ours\n{"recommendations": []}\n'


def _parsable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """``validate -f parsable`` of a plan with a schema error, then of one with rule errors."""
    agreement = (MINIMAL / "agreements" / "ORG.yaml").read_text(encoding="utf-8")
    agreement = agreement.replace("weight: 60", "weight: 65").replace("goal: G2", "goal: G9")
    second = "unit_of_measure: percent\n    weight: 40"
    typo = agreement.replace(second, second.replace("unit_of_measure", "unit_of_measur"))
    output = ""
    for n, text in enumerate([typo, agreement]):
        files = {"agreements/ORG.yaml": text, "notes ฉบับร่าง/empty.yaml": ""}
        root = make_plan(tmp_path / str(n), files)
        assert main(["validate", str(root), "--format", "parsable"]) == 1
        output += capsys.readouterr().out
    return output


def test_problem_matcher_fixture_is_what_cascade_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    output = _parsable_output(tmp_path, capsys)
    if update_golden:
        FIXTURE.write_text(output, encoding="utf-8")
    assert FIXTURE.read_text(encoding="utf-8") == output
    pattern = MANIFEST["contributes"]["problemMatchers"][0]["pattern"]
    first = re.match(pattern["regexp"], output.splitlines()[0])
    assert first is not None
    assert [first[pattern[k]] for k in ("file", "line", "column", "severity", "code")] == [
        "agreements/ORG.yaml",
        "19",
        "5",
        "error",
        "SPEC003",
    ]
    assert all(re.match(pattern["regexp"], line) for line in output.splitlines())
