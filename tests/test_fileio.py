"""Atomic writes never destroy what is at the target path."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cascade.fileio import atomic_write, read_regular


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    atomic_write(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert (target.read_text(encoding="utf-8"), stat.S_IMODE(target.stat().st_mode)) == (
        "new",
        0o640,
    )


def test_symlinks_and_fifos_are_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, "through")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "through"
    atomic_write(Path(os.devnull), "nothing")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_read_regular_refuses_fifos_devices_and_large_files(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"12345")
    assert read_regular(plain, 5) == b"12345"
    with pytest.raises(OSError):
        read_regular(plain, 4)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        read_regular(fifo, 100)  # returns at once: no writer is waited for
    device = tmp_path / "zero"
    device.symlink_to("/dev/zero")
    with pytest.raises(OSError):
        read_regular(device, 100)
