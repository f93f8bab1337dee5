"""The ``junit`` reporter."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reporter_cases import render

from cascade.diagnostics import Diagnostic, Level
from cascade.result import RunResult


def _parse(result: RunResult) -> ET.Element:
    return ET.fromstring(render("junit", result).encode("utf-8"))


def test_counts(sample: RunResult) -> None:
    root = _parse(sample)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "cascade validate"
    for element in (root, suite):
        assert element.get("tests") == "3"
        assert element.get("failures") == "2"
        assert element.get("errors") == "0"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == list(sample.files)
    assert {c.get("classname") for c in cases} == {"cascade"}
    assert [len(c.findall("failure")) for c in cases] == [2, 1, 0]


def test_failures_and_warnings(sample: RunResult) -> None:
    cases = _parse(sample).findall("testsuite/testcase")
    failure = cases[0].findall("failure")[1]
    assert failure.get("type") == "SPEC001"
    assert failure.get("message") == "unknown key 'wieght'"
    assert failure.text == sample.diagnostics[1].format()
    assert cases[2].findtext("system-out") == sample.diagnostics[3].format()
    assert cases[0].find("system-out") is None


def test_clean(clean: RunResult) -> None:
    root = _parse(clean)
    assert (root.get("tests"), root.get("failures")) == ("2", "0")
    assert root.findall("testsuite/testcase/failure") == []


def test_file_not_in_files_and_bad_characters() -> None:
    d = Diagnostic("cascade.yaml", 1, 1, "CFG1", Level.ERROR, 'bad "x" <y> & \x00\x1b z\nnext')
    root = _parse(RunResult(root=".", files=("a.yaml",), diagnostics=(d,)))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["a.yaml", "cascade.yaml"]
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == 'bad "x" <y> & \ufffd\ufffd z\nnext'


def test_declaration() -> None:
    text = render("junit", RunResult(root="."))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert text.endswith("</testsuites>\n")
