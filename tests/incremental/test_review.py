"""Adversarial review of the incremental validate: edits and damage that try to make
a warm run differ from a cold full run, crash, or hang.

The first part holds the cases the review found broken (each fixed since, in the
commit that added this file); the second, the riskiest cases checked and found correct.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from cascade.incremental import snapshot
from cascade.incremental.run import Outcome, validate
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    PEOPLE_PATH,
    SUPERVISOR,
    Env,
    apply,
    assert_same,
    codes,
    cold,
    copy_plan,
    copy_run,
    replace,
    step,
)

NONE = Env("", "", None, (), "")
WEIGHT = replace("weight: 25", "weight: 26")
"""The leaf's first KPI weighs 26: WGT001 (101), and the file keeps its size."""


# ---- found broken by the review, fixed ----------------------------------------------


def test_os_matrix_row_naming_a_persons_kpi(generated: Path, tmp_path: Path) -> None:
    """OSM002 (and OSM003) ask ``qid in model.kpis`` for the row's KPI, which may be
    any party's (``P00060/5``): the OS matrix depends on that party too, so renaming
    P00060's KPI 5 reaches it (a full run) and its OSM002 is not kept stale."""
    root = copy_plan(generated, tmp_path)
    row = "{kpi: DPS/1.1, owner: D001}"
    apply(root, "os-matrix.yaml", replace(row, row + "\n  - {kpi: P00060/5, owner: D001}"), NONE)
    assert "OSM002" in codes(step(root, FULL_PATH, "first run").result)
    apply(root, LEAF, replace('  - id: "5"\n', '  - id: "6"\n'), NONE)
    step(root, PEOPLE_OR_FULL, "P00060's KPI 5 renamed 6")


def test_edit_that_keeps_size_and_mtime(generated: Path, tmp_path: Path) -> None:
    """An in-place edit whose mtime is put back (cp -p, rsync --inplace -t, unzip,
    touch -r) is seen: the stamp holds the ctime too, as git's index does, which utime
    cannot set back."""
    root = copy_plan(generated, tmp_path)
    path = root / LEAF
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    step(root, FULL_PATH, "first run")
    before = path.stat()
    apply(root, LEAF, WEIGHT, NONE)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_ino == before.st_ino and path.stat().st_size == before.st_size
    step(root, PEOPLE_OR_FULL, "weight 26, mtime restored")


# ---- bugs: a warm run crashes or hangs --------------------------------------------


def test_people_document_without_people_key(generated: Path, tmp_path: Path) -> None:
    """``kind: People`` alone passes its schema (``people`` defaults to []): roster.trim
    takes it as an empty roster file (it raised KeyError)."""
    root = copy_plan(generated, tmp_path)
    (root / "people" / "people-002.yaml").write_text("kind: People\n", encoding="utf-8")
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_OR_FULL, "leaf edit with an empty roster document")


def test_shared_file_with_an_empty_document(generated: Path, tmp_path: Path) -> None:
    """A trailing ``---`` gives an empty (None) document, which a full run skips and
    roster.trim now does too (it raised AttributeError)."""
    root = copy_plan(generated, tmp_path)
    org = root / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "---\n", encoding="utf-8")
    assert cold(root).diagnostics == ()
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_OR_FULL, "leaf edit, org.yaml ends with ---")


def test_snapshot_entry_single_without_party(generated: Path, tmp_path: Path) -> None:
    """A snapshot (valid JSON, this code's fingerprint) whose entry is ``single`` but
    names no party is refused by load: a full run (recheck raised IndexError)."""
    root = copy_run(generated, tmp_path)
    snap = snapshot.load(root)
    assert snap is not None
    entry = snap.files["agreements/people/P00059.yaml"]
    entry.parties, entry.depends = [], ["P00060"]
    snapshot.save(root, snap)
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_OR_FULL, "leaf edit, damaged snapshot")


def test_file_name_that_is_not_utf8(generated: Path, tmp_path: Path) -> None:
    """A plan file whose name is not UTF-8 (Linux allows any bytes): a cached run checks
    it like a cold one (the cache key escapes the name; an entry or a snapshot that
    cannot be stored is not stored) instead of raising UnicodeEncodeError."""
    root = copy_plan(generated, tmp_path)
    folder = os.fsencode(root / "agreements" / "people")
    os.rename(os.fsencode(root / LEAF), folder + b"/P\xff60.yaml")
    assert cold(root).diagnostics == ()
    outcome = validate(root)
    assert_same(outcome.result, cold(root), "non-UTF-8 file name")


def test_snapshot_that_is_a_fifo(generated: Path, tmp_path: Path) -> None:
    """The snapshot is read only when it is a regular file of bounded size: a FIFO (or
    a symlink to /dev/zero or /dev/stdin, which a commit or an archive can carry) is
    refused at once instead of blocking or growing without bound."""
    root = copy_run(generated, tmp_path)
    path = snapshot.path_of(root)
    path.unlink()
    os.mkfifo(path)
    done: list[Outcome] = []
    worker = threading.Thread(target=lambda: done.append(validate(root)), daemon=True)
    worker.start()
    worker.join(3)
    hung = worker.is_alive()
    if hung:  # let the blocked open() return (EOF), so that the thread ends
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(30)
    assert not hung, "validate blocked reading a FIFO as its snapshot"
    assert_same(done[0].result, cold(root), "FIFO snapshot")


# ---- risky cases checked and found correct ---------------------------------------


def test_kpi_cycle_over_three_agreements(generated: Path, tmp_path: Path) -> None:
    """P00058/5 → P00060/5 and P00059/5 → P00058/5; then P00060/5 → P00059/5 closes a
    cycle: the three files reach each other through their referrers, the smaller model
    holds the whole strongly connected part, TRC006's message and place match."""
    root = copy_plan(generated, tmp_path)
    head = '  - id: "5"\n'

    def link(rel: str, target: str) -> None:
        apply(
            root,
            f"agreements/people/{rel}",
            replace(head, f"{head}    contributes_to: [{target}]\n"),
            NONE,
        )

    link("P00058.yaml", "P00060/5")
    link("P00059.yaml", "P00058/5")
    step(root, FULL_PATH, "first run")
    link("P00060.yaml", "P00059/5")
    outcome = step(root, PEOPLE_PATH, "cycle closed")
    assert "TRC006" in codes(outcome.result)
    assert {"agreements/people/P00058.yaml", "agreements/people/P00059.yaml"} <= set(
        outcome.checked
    )
    apply(root, LEAF, replace("    contributes_to: [P00059/5]\n", ""), NONE)
    step(root, PEOPLE_PATH, "cycle opened again")


def test_csv_actuals_naming_the_leaf(generated: Path, tmp_path: Path) -> None:
    """Table actuals give P00060/2, a formula KPI, only ``completed`` (ACT001 asks for
    ``total``): a weight edit keeps what the actuals read (agreements path, their
    ACT001 kept); a new formula changes it (a full run, ACT001 names the new names)."""
    root = copy_plan(generated, tmp_path)
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q2.csv").write_text("kpi,completed\nP00060/2,45\n", encoding="utf-8")
    assert "ACT001" in codes(step(root, FULL_PATH, "first run").result)
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_PATH, "weight")
    apply(root, LEAF, replace("formula: completed / total", "formula: done / total"), NONE)
    step(root, FULL_PATH, "formula")


def test_racy_edit_that_keeps_size_and_mtime(generated: Path, tmp_path: Path) -> None:
    """The same in-place edit as above, but the file was modified just before the run
    that made the snapshot: it is racy, read and compared by content."""
    root = copy_plan(generated, tmp_path)
    path = root / LEAF
    os.utime(path)  # now: within RACY_NS of the first run's start
    step(root, FULL_PATH, "first run")
    before = path.stat()
    apply(root, LEAF, WEIGHT, NONE)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    step(root, PEOPLE_PATH, "racy weight edit")


def test_cache_folder_that_is_a_file(generated: Path, tmp_path: Path) -> None:
    """.cascade-cache is a plain file: no snapshot can be read or written, every run is
    a full one and none crashes."""
    root = copy_plan(generated, tmp_path)
    (root / ".cascade-cache").write_text("not a folder\n", encoding="utf-8")
    for label in ("first run", "second run"):
        outcome = validate(root)
        assert outcome.how == "full"
        assert_same(outcome.result, cold(root), label)
    apply(root, LEAF, WEIGHT, NONE)
    outcome = validate(root)
    assert outcome.how == "full"
    assert_same(outcome.result, cold(root), "leaf edit")
    assert (root / ".cascade-cache").read_text(encoding="utf-8") == "not a folder\n"


def test_symlinked_agreement(generated: Path, tmp_path: Path) -> None:
    """The leaf is a symlink to a file elsewhere in the plan (one outside is not read at
    all): editing the target, or pointing the link at another file, is seen (stat
    follows the link: the target's stamp)."""
    root = copy_plan(generated, tmp_path)
    (root / "archive").mkdir()
    target, other = root / "archive" / "leaf.txt", root / "archive" / "other.txt"
    shutil.move(root / LEAF, target)
    shutil.copy(target, other)
    (root / LEAF).symlink_to(target)
    step(root, FULL_PATH, "first run")
    target.write_text(target.read_text(encoding="utf-8").replace("weight: 25", "weight: 26"))
    step(root, PEOPLE_PATH, "target edited")
    (root / LEAF).unlink()
    (root / LEAF).symlink_to(other)
    step(root, PEOPLE_PATH, "link pointed at another file")


def test_duplicate_job_description_that_comes_first(generated: Path, tmp_path: Path) -> None:
    """A second job description of P00060's position in a file that sorts first wins in
    the model (REF002 in the generated one, REF001 for the responsibility it lacks);
    the re-check reads the same one through snapshot.jobs."""
    root = copy_plan(generated, tmp_path)
    (root / "jobs" / "descriptions" / "A.yaml").write_text(
        'kind: JobDescription\nposition: "10060"\nline_title: x\nunit: D001-4\n'
        'supervisor: "10047"\nresponsibilities:\n  - {id: R1, text: x}\n',
        encoding="utf-8",
    )
    assert {"REF001", "REF002"} <= codes(step(root, FULL_PATH, "first run").result)
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_PATH, "leaf edit")
    apply(root, LEAF, replace("responsibility: R2", "responsibility: R1"), NONE)
    step(root, PEOPLE_PATH, "responsibility the first job has")


def test_mixed_agreement_and_actuals_file(generated: Path, tmp_path: Path) -> None:
    """The supervisor's file also holds Actuals naming the leaf's formula KPI: it is not
    single (its own edits are full runs), is read whole as the leaf's spine, and the
    actuals there decide the leaf's shape like any other."""
    root = copy_plan(generated, tmp_path)
    supervisor = root / SUPERVISOR
    supervisor.write_text(
        supervisor.read_text(encoding="utf-8")
        + "---\nkind: Actuals\nperiod: 2569-Q2\n"
        + "results:\n  - {kpi: P00060/2, values: {completed: 45}}\n",
        encoding="utf-8",
    )
    assert "ACT001" in codes(step(root, FULL_PATH, "first run").result)
    apply(root, LEAF, WEIGHT, NONE)
    step(root, PEOPLE_PATH, "leaf weight")
    apply(root, LEAF, replace("formula: completed / total", "formula: done / total"), NONE)
    step(root, FULL_PATH, "leaf formula")
    apply(root, SUPERVISOR, replace("weight: 25", "weight: 24"), NONE)
    step(root, FULL_PATH, "supervisor weight")


def test_concurrent_warm_runs(generated: Path, tmp_path: Path) -> None:
    """Four runs at once after an edit: each writes its snapshot atomically (own temp
    file, then rename); every result is the cold one and the snapshot left is sound."""
    root = copy_run(generated, tmp_path)
    apply(root, LEAF, WEIGHT, NONE)
    done: list[Outcome] = []
    workers = [threading.Thread(target=lambda: done.append(validate(root))) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert len(done) == 4
    expected = cold(root)
    for outcome in done:
        assert_same(outcome.result, expected, f"concurrent {outcome.how} run")
    step(root, {"unchanged"}, "after the concurrent runs")
