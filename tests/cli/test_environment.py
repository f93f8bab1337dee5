"""Environment errors are exit code 2 with one line naming the path, never a traceback.

An output that is a folder where a file is wanted (or a file where a folder
is), ``/dev/full``, a full disk and a read-only folder (fault injection:
this suite may run as root, which writes anywhere), a port out of range.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cascade.report import site
from tests.conftest import MINIMAL, ROOT
from tests.report.report_helpers import run, snapshot

PROBATION = str(ROOT / "plans" / "probation")


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_validate_output_that_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["validate", str(MINIMAL), "-o", str(tmp_path)], capsys)
    assert code == 2
    assert _one_line(err) == f"cascade: {tmp_path}: a folder is there, a file is needed"


def test_validate_output_to_dev_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", str(MINIMAL), "-o", "/dev/full"], capsys)
    assert code == 2
    assert _one_line(err) == "cascade: /dev/full: No space left on device"


def test_schema_on_a_full_disk_names_the_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
            self.handle = real_fdopen(fd, "w")

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("cascade.fileio.os.fdopen", Full)
    code, _, err = run(["schema", "-o", str(tmp_path)], capsys)
    assert code == 2
    line = _one_line(err)
    assert line.startswith(f"cascade: {tmp_path}/") and line.endswith(
        ".json: No space left on device"
    )
    assert list(tmp_path.iterdir()) == []


def test_report_into_a_read_only_folder_keeps_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(*args: object, dir: str = "", **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", dir)

    monkeypatch.setattr("cascade.report.output.tempfile.mkdtemp", read_only)
    code, _, err = run(["report", str(MINIMAL), "-o", str(tmp_path), "-f", "md"], capsys)
    assert code == 2
    assert _one_line(err) == f"cascade: {tmp_path}/report: Permission denied"
    assert snapshot(tmp_path) == {}


def test_report_on_a_full_disk_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", str(MINIMAL), "-o", str(tmp_path), "-f", "md"], capsys)[0] == 0
    before = snapshot(tmp_path)

    def full(folder: Path, rel: str, content: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(site, "put", full)  # each page is written as it is rendered
    code, _, err = run(["report", str(MINIMAL), "-o", str(tmp_path), "-f", "md"], capsys)
    assert code == 2
    assert _one_line(err) == f"cascade: {tmp_path}/report/md: No space left on device"
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == ["md"]


def test_report_out_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "report").write_text("not a folder\n", encoding="utf-8")
    code, _, err = run(["report", str(MINIMAL), "-o", str(tmp_path), "-f", "md"], capsys)
    assert code == 2
    assert _one_line(err).startswith(f"cascade: {tmp_path}/report")
    assert (tmp_path / "report").read_text(encoding="utf-8") == "not a folder\n"


def test_score_out_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x\n", encoding="utf-8")
    argv = ["score", PROBATION, "-p", "2569-Q2", "-f", "json", "-o", str(target)]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "Traceback" not in err
    assert err.splitlines()[-1] == f"cascade: {target}: File exists"


def test_serve_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["report", str(MINIMAL), "--serve", "--port", "70000"], capsys)
    assert code == 2
    assert err.endswith(
        "Error: Invalid value for '--port': Input should be less than or equal to 65535\n"
    )
    assert "Traceback" not in err
