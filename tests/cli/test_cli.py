"""The command line: exit codes, formats, init, schema, rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cascade.cli import validate_cmd
from cascade.cli.app import main
from cascade.incremental import snapshot as snapshots
from cascade.rules.docs import rules_markdown
from cascade.schema import generate
from tests.conftest import MINIMAL, ROOT, make_plan


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_plan_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", str(MINIMAL), "-f", "text"], capsys)
    assert code == 0
    assert out.startswith("✓ no problems in 9 files")


def test_plan_errors_exit_1_and_parsable_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n"})
    code, out, _ = run(["validate", str(root), "-f", "parsable"], capsys)
    assert code == 1
    assert out == (
        "extra.yaml:1:7: [error] unknown kind 'Agrement'; known kinds: Plan, Strategy, OrgChart,"
        " Framework, Agreement, OSMatrix, JobFamilies, JobDescription, People, Actuals"
        " (did you mean 'Agreement'?) (SPEC002)\n"
    )


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_plan(tmp_path, {"empty.yaml": ""})
    assert run(["validate", str(root)], capsys)[0] == 0
    assert run(["validate", str(root), "--strict"], capsys)[0] == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "/nonexistent/plan"],
        ["validate", "--bogus"],
        ["validate", ".", "-f", "xml"],
        ["explain", "NOPE999"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "Traceback" not in err


def test_github_format_is_automatic_in_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agreement\nparty: SVC\nkpis: []\nkpis: []\n"})
    code, out, _ = run(["validate", str(root)], capsys)
    assert code == 1
    assert out.startswith("::error file=extra.yaml,line=4,col=1,")


def test_output_file_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report" / "v.json"
    code, out, _ = run(["validate", str(MINIMAL), "-f", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["summary"] == {"errors": 0, "warnings": 0, "files": 9}


def test_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate_cmd, "validate_plan", interrupted)
    assert run(["validate", str(MINIMAL)], capsys)[0] == 130


def test_bug_exits_3_without_a_bare_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_cmd, "validate_plan", broken)
    code, _, err = run(["validate", str(MINIMAL)], capsys)
    assert code == 3
    assert err.startswith("cascade: internal error (a bug in cascade, not in your plan):")


def test_init_scaffolds_a_valid_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new-plan"
    code, out, _ = run(["init", str(target)], capsys)
    assert code == 0 and "cascade validate" in out
    assert run(["validate", str(target), "--strict"], capsys)[0] == 0
    assert (target / "schemas" / "agreement.schema.json").is_file()
    first = (target / "agreements/units/SVC.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/agreement.schema.json"
    assert run(["init", str(target)], capsys)[0] == 2  # never overwrites


def test_init_matches_the_minimal_test_plan() -> None:
    from cascade.cli.init_cmd import scaffold_files

    files = {k: v for k, v in scaffold_files().items() if k.endswith(".yaml")}
    minimal = {
        p.relative_to(MINIMAL).as_posix(): p.read_text(encoding="utf-8")
        for p in MINIMAL.rglob("*.yaml")
    }
    assert files == minimal


def test_committed_schemas_match_the_models() -> None:
    for name, text in generate().items():
        path = ROOT / "schemas" / name
        assert path.read_text(encoding="utf-8") == text, f"run: make schemas ({name} drifted)"


def test_schema_check_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema", "--out", str(tmp_path), "--check"], capsys)[0] == 1
    assert run(["schema", "--out", str(tmp_path)], capsys)[0] == 0
    assert run(["schema", "--out", str(tmp_path), "--check"], capsys)[0] == 0


def test_docs_rules_md_is_generated() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    assert any(line.startswith("WGT001   weights-total") for line in out.splitlines())
    code, out, _ = run(["explain", "wgt001"], capsys)
    assert code == 0 and out.startswith("WGT001 weights-total\nDefault level: error")
    code, out, _ = run(["explain", "ACT001"], capsys)
    assert "a milestone KPI takes a 'level', a numeric KPI\n" in out
    assert "\nFails:\n\n    - {kpi: LAW/A3, value: 80} " in out
    assert "``" not in out and "::" not in out and "**" not in out
    assert run(["explain", "weights-total"], capsys)[0] == 0


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("cascade ")


def test_schema_vscode_merges_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text(
        '{"editor.tabSize": 2, "yaml.schemas": {"other.json": ["x.yaml"]}}', encoding="utf-8"
    )
    assert run(["schema", "--out", "schemas", "--vscode"], capsys)[0] == 0
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["editor.tabSize"] == 2
    assert settings["yaml.schemas"]["other.json"] == ["x.yaml"]
    assert settings["yaml.schemas"]["schemas/agreement.schema.json"] == [
        "**/agreements/*.yaml",
        "**/agreements/**/*.yaml",
    ]
    (tmp_path / ".vscode" / "settings.json").write_text("// comment\n{}", encoding="utf-8")
    assert run(["schema", "--out", "schemas", "--vscode"], capsys)[0] == 2


def test_bundled_plans_are_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(ROOT / "plans"), str(ROOT / "templates" / "init")]
    code, _, err = run(["fmt", "--check", *paths], capsys)
    assert code == 0, err


def test_warm_validate_prints_what_a_cold_run_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "plan"
    shutil.copytree(ROOT / "plans" / "probation", root, ignore=shutil.ignore_patterns(".cascade*"))
    first = run(["validate", str(root), "--cache", "-f", "json"], capsys)
    assert (root / ".cascade-cache" / snapshots.NAME).is_file()
    person = root / "agreements" / "people" / "P0014.yaml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("weight: 25", "weight: 30", 1), encoding="utf-8")
    warm = run(["validate", str(root), "--cache", "-f", "json"], capsys)
    cold = run(["validate", str(root), "--no-cache", "-j", "1", "-f", "json"], capsys)
    assert warm == cold != first
    assert warm[0] == 1
    assert [d["code"] for d in json.loads(warm[1])["diagnostics"]] == ["WGT001"]
