"""The small pieces: values, ordering, discovery rules, blob ids, parsing once."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cascade.diff import DiffRequest, diff_plans, git, resolve
from cascade.diff.compare import diff_fields, merged
from cascade.diff.result import natural
from cascade.diff.revisions import Range, parse_range
from cascade.diff.sides import Blob, blob_id, contents, from_git
from cascade.diff.values import Value, flatten, leaf
from cascade.engine import LoadOptions
from cascade.load import files
from cascade.load.discover import is_plan_file
from cascade.load.files import parse
from cascade.load.reader import ReadResult
from cascade.spec.agreement import Criteria, Signatory
from cascade.spec.common import Bilingual
from tests.diff.conftest import GitPlan
from tests.diff.helpers import rows, run_diff


def test_natural_order_of_ids() -> None:
    ids = ["1.10", "1.9", "A3", "1", "1-1", "10", "2"]
    assert sorted(ids, key=natural) == ["1", "1-1", "1.9", "1.10", "2", "10", "A3"]


def test_merged_keeps_both_orders() -> None:
    assert merged(["a", "b", "d"], ["a", "c", "d"]) == ["a", "b", "c", "d"]
    assert merged([], ["x", "y"]) == ["x", "y"]
    assert merged(["x", "y"], []) == ["x", "y"]


def some(value: Value | None) -> Value:
    assert value is not None
    return value


def text(value: Value | None) -> str:
    return some(value).text


def test_decimals_as_written_compared_by_value() -> None:
    assert [text(leaf(Decimal(t), "th")) for t in ("2.5", "30", "2.50", "1E+3", "1e-7")] == [
        "2.5",
        "30",
        "2.50",
        "1000",
        "0.0000001",
    ]
    assert some(leaf(Decimal("30"), "th")).same(leaf(Decimal("30.0"), "th"))


def test_bilingual_text() -> None:
    both = leaf(Bilingual(th="ก", en="A"), "en")
    assert both == Value(("ก", "A"), "A", "{th: ก, en: A}")
    assert some(leaf(Bilingual(th="ก"), "th")).same(leaf("ก", "th"))
    changes = diff_fields(
        {"name": some(leaf(Bilingual(th="ก", en="A"), "th"))},
        {"name": some(leaf(Bilingual(th="ก", en="B"), "th"))},
    )
    assert [(c.before, c.after) for c in changes] == [("{th: ก, en: A}", "{th: ก, en: B}")]


def test_flatten_paths_and_flow_style() -> None:
    criteria = Criteria.model_validate({"milestones": {"1": "เริ่ม", "2": {"th": "เสร็จ"}}})
    assert {k: v.text for k, v in flatten(criteria, "th", "criteria").items()} == {
        "criteria.milestones.1": "เริ่ม",
        "criteria.milestones.2": "เสร็จ",
    }
    signatories = [Signatory(role="evaluator", person="P001")]
    assert leaf(signatories, "th") == Value(
        ((("role", "evaluator"), ("person", "P001")),),
        "[{role: evaluator, person: P001}]",
        "[{role: evaluator, person: P001}]",
    )
    assert (
        leaf([], "th") is None and leaf({}, "th") is None and leaf(True, "th") == Value(True, "yes")
    )


def test_is_plan_file_follows_discover() -> None:
    assert is_plan_file("cascade.yaml", "out")
    assert is_plan_file("agreements/units/LAW.yml", "out")
    assert is_plan_file("actuals/2569-Q2.xlsx", "out")
    assert is_plan_file("docs/out/x.yaml", "out")
    for rel in ("out/report.yaml", ".github/x.yaml", "a/.hidden/x.yaml", ".x.yaml", "~$a.xlsx"):
        assert not is_plan_file(rel, "out")
    assert not is_plan_file("node_modules/a.yaml", "out")
    assert not is_plan_file("README.md", "out")
    assert is_plan_file("out/x.yaml", "build") and not is_plan_file("build/x.yaml", "build")


def test_range_words() -> None:
    assert parse_range(None) == Range("HEAD", None)
    assert parse_range("v1") == Range("v1", None)
    assert parse_range("v1..v2") == Range("v1", "v2")
    assert parse_range("v1..") == Range("v1", "HEAD")
    assert parse_range("..v2") == Range("HEAD", "v2")
    assert parse_range("main...topic") == Range("main", "topic", merge_base=True)


def test_blob_id_is_gits(tmp_path: Path) -> None:
    data = "kind: Plan\nname: ไทย\n".encode()
    (tmp_path / "f").write_bytes(data)
    done = subprocess.run(
        ["git", "hash-object", str(tmp_path / "f")], capture_output=True, text=True, check=True
    )
    assert blob_id(data) == done.stdout.strip()


def test_tree_follows_symlinks_and_reads_bytes(repo: GitPlan) -> None:
    """As validate does on disk (tests/diff/test_git_side.py has the other links)."""
    (repo.plan / "link.yaml").symlink_to("cascade.yaml")
    repo.commit()
    where = git.locate(repo.plan)
    assert where.prefix == "plan"
    side = from_git(where, git.resolve(where, "HEAD"), "HEAD")
    assert side.files["link.yaml"] == side.files["cascade.yaml"] and len(side.files) == 10
    read = dict(contents(side, ["cascade.yaml", "link.yaml"]))
    assert read["cascade.yaml"] == read["link.yaml"] == (repo.plan / "cascade.yaml").read_bytes()
    data = read["cascade.yaml"]
    assert isinstance(data, bytes) and side.oids["cascade.yaml"] == blob_id(data)


def test_blobs_are_read_one_at_a_time(repo: GitPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a revision reads no plan file; each blob is read when the one
    before was handed over; parsed in batches of any size, the diff is the same."""
    repo.edit("agreements/units/SVC.yaml", "weight: 40}", "weight: 45}")
    repo.commit()
    where = git.locate(repo.plan)
    side = from_git(where, git.resolve(where, "HEAD"), "HEAD")
    assert all(isinstance(raw, Blob) for raw in side.files.values())
    read: list[str] = []
    real = git.iter_blobs

    def counting(repo: git.Repo, oids: list[str]) -> Iterator[tuple[str, bytes]]:
        for oid, data in real(repo, oids):
            read.append(oid)
            yield oid, data

    monkeypatch.setattr(git, "iter_blobs", counting)
    stream = contents(side, sorted(side.files))
    assert next(stream) == ("agreements/ORG.yaml", (repo.plan / "agreements/ORG.yaml").read_bytes())
    assert len(read) == 1
    assert [rel for rel, _ in stream] == sorted(side.files)[1:] and len(read) == len(side.files)
    whole = rows(run_diff("HEAD~1..HEAD", repo.plan))
    monkeypatch.setattr(resolve, "BATCH_BYTES", 1)
    assert rows(run_diff("HEAD~1..HEAD", repo.plan)) == whole and len(whole) == 1


def test_unchanged_files_are_parsed_once(repo: GitPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.edit("agreements/units/SVC.yaml", "weight: 40}", "weight: 45}")
    repo.commit()
    calls: list[str] = []
    real = parse

    def counting(data: bytes, rel: str) -> ReadResult:
        calls.append(rel)
        return real(data, rel)

    monkeypatch.setattr(files, "parse", counting)
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert diff.changed
    assert len(calls) == diff.old.files + 1 == 10
    assert calls.count("agreements/units/SVC.yaml") == 2


def test_worker_processes_give_the_same_diff(
    repo: GitPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit("agreements/units/SVC.yaml", "weight: 40}", "weight: 45}")
    repo.commit()
    request = DiffRequest("HEAD~1..HEAD", repo.plan)
    one = diff_plans(request, LoadOptions(jobs=1))
    monkeypatch.setattr(files, "PARALLEL_MIN_FILES", 2)
    assert diff_plans(request, LoadOptions(jobs=2)) == one
    assert one.changed
