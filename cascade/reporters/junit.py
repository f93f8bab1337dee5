"""The ``junit`` reporter: JUnit XML for CI test dashboards.

``testsuites > testsuite name="cascade validate"`` with one ``testcase`` per
file (``name`` is the file path, ``classname`` is ``cascade``): the files that
were checked, then any other file a diagnostic names.  Each error is a
``<failure message=… type=CODE>`` whose text is its parsable line; warnings
go, as parsable lines, into the test case's ``<system-out>``.  ``tests``
counts test cases and ``failures`` the test cases with at least one failure
(so ``tests - failures`` files passed); ``errors`` and ``skipped`` are 0.
Characters XML 1.0 cannot hold are replaced by U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from cascade.diagnostics import Diagnostic, Level
from cascade.reporters._common import diagnostic_files
from cascade.result import RunResult

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(file: str, diagnostics: list[Diagnostic]) -> ET.Element:
    case = ET.Element("testcase", {"name": _xml(file), "classname": "cascade"})
    for diagnostic in diagnostics:
        if diagnostic.level is Level.ERROR:
            failure = ET.SubElement(
                case,
                "failure",
                {"message": _xml(diagnostic.message), "type": _xml(diagnostic.code)},
            )
            failure.text = _xml(diagnostic.format())
    warnings = [d.format() for d in diagnostics if d.level is Level.WARNING]
    if warnings:
        ET.SubElement(case, "system-out").text = _xml("\n".join(warnings))
    return case


def document(result: RunResult) -> ET.Element:
    """The ``<testsuites>`` element for ``result``."""
    by_file: dict[str, list[Diagnostic]] = {
        file: [] for file in diagnostic_files(result.files, result.diagnostics)
    }
    for diagnostic in result.diagnostics:
        by_file[diagnostic.file].append(diagnostic)
    cases = [_testcase(file, diagnostics) for file, diagnostics in by_file.items()]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    suites = ET.Element("testsuites", {"name": "cascade", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "cascade validate", **counts})
    suite.set("skipped", "0")
    suite.extend(cases)
    return suites


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write the JUnit XML document; ``color`` is ignored."""
    root = document(result)
    ET.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")
