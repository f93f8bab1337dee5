"""The cache folder: it ignores itself, stays bounded, and is never used through a symlink."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.engine import LoadOptions, check_plan
from cascade.incremental import snapshot
from cascade.incremental.run import validate
from cascade.load.cache import FORMAT, ParseCache, entry_name, key_of
from cascade.load.cachedir import CACHEDIR_TAG, FOLDER, GITIGNORE
from tests.conftest import ROOT, make_plan
from tests.incremental.helpers import assert_same, copy_plan

CACHED = LoadOptions(cache=True)
PERSON = "agreements/people/P001.yaml"


def _entries(root: Path) -> list[str]:
    folder = root / FOLDER / f"v{FORMAT}"
    return sorted(p.name for p in folder.glob("*/*") if not p.name.startswith("."))


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _key(root: Path, rel: str) -> str:
    return key_of(rel, (root / rel).read_bytes())


def test_a_new_cache_folder_is_tagged_and_git_ignored(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    validate(root)
    top = root / FOLDER
    assert sorted(p.name for p in top.iterdir()) == [
        ".gitignore", "CACHEDIR.TAG", snapshot.NAME, f"v{FORMAT}"
    ]  # fmt: skip
    gitignore = (top / ".gitignore").read_text(encoding="utf-8")
    assert gitignore == GITIGNORE == "# Created by cascade automatically.\n*\n"
    tag = (top / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag == CACHEDIR_TAG and tag.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    (top / ".gitignore").unlink()
    (top / ".gitignore").symlink_to(tmp_path / "elsewhere")
    validate(root)  # an existing name, even a dangling link, is left as it is
    assert (top / ".gitignore").is_symlink() and not (tmp_path / "elsewhere").exists()


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def test_git_status_stays_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.delenv("CI")  # the CLI's default: the cache is on outside CI
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "plan")
    assert main(["validate", str(root), "-f", "parsable"]) == 0, capsys.readouterr()
    assert (root / FOLDER / "CACHEDIR.TAG").is_file()
    assert _git(root, "status", "--porcelain", "--untracked-files=all") == ""


def test_fifty_edits_keep_one_entry_per_file(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    validate(root)
    assert len(_entries(root)) == 9
    person = root / PERSON
    text = person.read_text(encoding="utf-8")
    hows = set()
    for edit in range(50):
        person.write_text(f"{text}# edit {edit}\n", encoding="utf-8")
        hows.add(validate(root).how)
    assert hows == {"agreements"}, "the warm path, which never lists the folder"
    assert len(_entries(root)) == 9


def test_a_full_run_prunes_what_no_plan_file_uses(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    check_plan(root, options=CACHED)
    shard = root / FOLDER / f"v{FORMAT}" / entry_name(PERSON)[:2]
    stale, fresh = shard / ".abc.tmp", shard / ".def.tmp"
    stale.write_text("interrupted", encoding="utf-8")
    fresh.write_text("being written", encoding="utf-8")
    hour_ago = time.time() - 3700
    os.utime(stale, (hour_ago, hour_ago))
    (shard / "notes.txt").write_text("not cascade's", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.json").write_text("{}", encoding="utf-8")
    (shard / f"{shard.name}{'0' * 62}.json").symlink_to(outside / "keep.json")
    (root / FOLDER / "v0").symlink_to(outside, target_is_directory=True)
    (root / FOLDER / "v1" / "ab").mkdir(parents=True)  # an older format's entries
    (root / PERSON).unlink()
    files = check_plan(root, options=CACHED).result.files  # a full run prunes
    assert len(files) == 8
    assert _entries(root) == sorted([*map(entry_name, files), "notes.txt"])
    assert sorted(p.name for p in shard.iterdir() if p.name.startswith(".")) == [".def.tmp"]
    assert not (root / FOLDER / "v1").exists()
    assert (root / FOLDER / "v0").is_symlink() and _listing(outside) == {"keep.json": b"{}"}
    assert ParseCache(root).prune(["cascade.yaml"]) == 7


def test_a_symlinked_cache_folder_is_neither_read_nor_written(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    validate(root)  # a complete cache, then moved away: reading it would give "unchanged"
    outside = tmp_path / "outside"
    (root / FOLDER).rename(outside)
    (root / FOLDER).symlink_to(outside, target_is_directory=True)
    before = _listing(outside)
    (root / PERSON).write_text(
        (root / PERSON).read_text(encoding="utf-8").replace("weight: 70", "weight: 60"),
        encoding="utf-8",
    )
    for _ in range(2):
        outcome = validate(root)
        assert outcome.how == "full"
        assert_same(outcome.result, check_plan(root).result, "symlinked cache")
    assert [d.code for d in outcome.result.diagnostics] == ["WGT001"]
    assert _listing(outside) == before
    assert check_plan(root, options=CACHED).result == outcome.result
    assert _listing(outside) == before


def test_symlinked_entries_and_shards_are_not_followed(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    check_plan(root, options=CACHED)
    folder = root / FOLDER / f"v{FORMAT}"
    name = entry_name(PERSON)
    entry = folder / name[:2] / name
    copy = tmp_path / "copy.json"
    entry.rename(copy)
    entry.symlink_to(copy)
    cache = ParseCache(root)
    assert cache.get(_key(root, PERSON), PERSON) is None
    check_plan(root, options=CACHED)
    assert entry.is_file() and not entry.is_symlink()  # the link itself was replaced
    assert copy.read_bytes() == entry.read_bytes(), "the same parse; the copy left as it was"
    shard = folder / name[:2]
    outside = tmp_path / "shard"
    shard.rename(outside)
    shard.symlink_to(outside, target_is_directory=True)
    before = _listing(outside)
    assert ParseCache(root).get(_key(root, PERSON), PERSON) is None
    (root / PERSON).write_text("# changed\n" + (root / PERSON).read_text(encoding="utf-8"), "utf-8")
    check_plan(root, options=CACHED)
    assert _listing(outside) == before


def test_cache_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_plan(tmp_path, {})
    validate(root)
    assert main(["cache", "clear", str(root)]) == 0
    assert not (root / FOLDER).exists()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    (root / FOLDER).symlink_to(outside, target_is_directory=True)
    capsys.readouterr()
    assert main(["cache", "clear", str(root)]) == 2
    assert capsys.readouterr().err == (
        f"cascade: {root / FOLDER} is a symlink, not cascade's cache; left alone\n"
    )
    assert (root / FOLDER).is_symlink() and _listing(outside) == {"keep.txt": b"mine"}
