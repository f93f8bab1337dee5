"""``cascade fmt`` on the command line: paths, --check, exit codes, refusals."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.load.reader import read_bytes

UNSORTED = "kind: People\npeople:\n  - {unit: LAW, name: นายสมชาย ใจดี, id: P0012}\n"
SORTED = "kind: People\npeople:\n  - {id: P0012, name: นายสมชาย ใจดี, unit: LAW}\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


PLAN = (
    "kind: Plan\norganisation: ORG\n"
    "name: {th: สำนักงานตัวอย่าง, en: Example Office}\nfiscal_year: 2569\n"
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A plan folder: a canonical cascade.yaml and an unsorted people.yaml."""
    root = tmp_path / "plan"
    root.mkdir()
    (root / "cascade.yaml").write_text(PLAN, encoding="utf-8")
    (root / "people.yaml").write_text(UNSORTED, encoding="utf-8")
    return root


def test_fmt_rewrites_the_plan_folder_in_place(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan)
    code, out, err = run(["fmt"], capsys)
    assert code == 0 and out == ""
    assert "reformatted people.yaml" in err
    assert (plan / "people.yaml").read_text(encoding="utf-8") == SORTED
    assert run(["fmt"], capsys)[2].startswith("0 files reformatted")


def test_check_prints_a_diff_writes_nothing_and_exits_1(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (plan / "people.yaml").read_bytes()
    code, out, err = run(["fmt", "--check", str(plan)], capsys)
    assert code == 1
    name = f"{plan.as_posix()}/people.yaml"
    assert out == (
        f"--- {name} (original)\n+++ {name} (formatted)\n@@ -1,3 +1,3 @@\n"
        " kind: People\n people:\n"
        "-  - {unit: LAW, name: นายสมชาย ใจดี, id: P0012}\n"
        "+  - {id: P0012, name: นายสมชาย ใจดี, unit: LAW}\n"
    )
    assert err.startswith("1 file would be reformatted")
    assert (plan / "people.yaml").read_bytes() == before


def test_check_exits_0_when_everything_is_formatted(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (plan / "people.yaml").write_text(SORTED, encoding="utf-8")
    code, out, _ = run(["fmt", str(plan), "--check"], capsys)
    assert (code, out) == (0, "")


def test_files_may_be_named_one_by_one(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["fmt", str(plan / "people.yaml"), str(plan / "cascade.yaml")], capsys)
    assert code == 0 and err.endswith("1 file reformatted, 1 unchanged\n")


def test_hidden_folders_and_the_output_folder_are_skipped(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in (".git", "out"):
        (plan / folder).mkdir()
        (plan / folder / "x.yaml").write_text(UNSORTED, encoding="utf-8")
    run(["fmt", str(plan)], capsys)
    for folder in (".git", "out"):
        assert (plan / folder / "x.yaml").read_text(encoding="utf-8") == UNSORTED


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("kind: People\npeople: [\n  {id: P1\n", "LOAD001", 3, 3),
        ("kind: People\npeople: []\npeople: []\n", "LOAD002", 3, 1),
        ("kind: People\npeople: !!python/object:os.system [ls]\n", "LOAD003", 2, 9),
        ("kind: People\npeople:\n\t- {id: P1}\n", "LOAD001", 3, 1),
    ],
)
def test_files_the_reader_refuses_are_reported_and_left_untouched(
    plan: Path, capsys: pytest.CaptureFixture[str], text: str, code: str, line: int, column: int
) -> None:
    broken = plan / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    expected = [d.key for d in read_bytes(text.encode(), "broken.yaml").diagnostics]
    assert expected[0] == (code, "broken.yaml", line, column)  # what validate reports too
    status, out, _ = run(["fmt", str(plan)], capsys)
    assert status == 1
    assert broken.read_text(encoding="utf-8") == text
    assert f"{plan.as_posix()}/broken.yaml" in out
    assert f"  {line}:{column}  error" in out and code in out
    assert (plan / "people.yaml").read_text(encoding="utf-8") == SORTED  # the others still done


def test_check_reports_refused_files_too(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (plan / "people.yaml").write_text(SORTED, encoding="utf-8")
    (plan / "dup.yaml").write_text("kind: People\nkind: People\n", encoding="utf-8")
    code, out, _ = run(["fmt", "--check", str(plan)], capsys)
    assert code == 1 and "LOAD002" in out and "---" not in out


def test_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["fmt", "/nonexistent/plan"], capsys)[0] == 2


def test_writing_keeps_the_file_mode_and_crlf(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = plan / "people.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + UNSORTED.replace("\n", "\r\n").encode())
    os.chmod(target, 0o640)
    assert run(["fmt", str(target)], capsys)[0] == 0
    assert target.read_bytes() == b"\xef\xbb\xbf" + SORTED.replace("\n", "\r\n").encode()
    assert target.stat().st_mode & 0o777 == 0o640
    assert not [p for p in plan.iterdir() if p.name.endswith(".tmp")]


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["fmt", "--help"], capsys)
    assert code == 0 and "--check" in out and "PATHS" in out


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_dash_formats_stdin_to_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, ("# roster\n" + UNSORTED).encode())
    code, out, err = run(["fmt", "-"], capsys)
    assert (code, out, err) == (0, "# roster\n" + SORTED, "")


def test_dash_with_check_prints_the_diff(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, UNSORTED.encode())
    code, out, _ = run(["fmt", "--check", "-"], capsys)
    assert code == 1
    assert out.splitlines()[:2] == ["--- <stdin> (original)", "+++ <stdin> (formatted)"]


def test_dash_refusing_writes_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"kind: People\nkind: People\n")
    code, out, err = run(["fmt", "-"], capsys)
    assert (code, out) == (1, "")
    assert "<stdin>\n  2:1  error" in err and "LOAD002" in err


def test_dash_cannot_be_mixed_with_paths(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, UNSORTED.encode())
    code, out, err = run(["fmt", "-", str(plan)], capsys)
    assert (code, out) == (2, "")
    assert "'-' (stdin) cannot be mixed with paths" in err
