"""The agreement's other tables: its goals (เป้าประสงค์: id, name, the
organisation goals it supports, additional, perspective, the goals it drives)
and signatories (ผู้ลงนาม: role,
person) — a header row, then one row each, in a sheet or a Word table."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from cascade.new.yamlout import cmap, cseq
from cascade.office.source import Cell, Source
from cascade.office.values import kpi_id, refs
from cascade.office.words import key
from cascade.report.labels import ROLE_WORDS

GOAL_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("รหัสเป้าประสงค์", "รหัส", "id", "goal id"),
    "name": ("เป้าประสงค์", "ชื่อเป้าประสงค์", "goal", "name"),
    "supports": ("สนับสนุนเป้าประสงค์ของส่วนราชการ", "สนับสนุน", "supports"),
    "additional": ("เป้าประสงค์เพิ่มเติม", "เพิ่มเติม", "additional"),
    "perspective": ("มิติ", "perspective"),
    "drives": ("ส่งผลต่อเป้าประสงค์", "ส่งผลต่อ", "drives"),
    "description": ("คำอธิบาย", "description"),
}
SIGNER_WORDS: dict[str, tuple[str, ...]] = {
    "role": ("บทบาท", "ในฐานะ", "role"),
    "person": ("รหัสบุคคล", "ผู้ลงนาม", "person"),
    "signed_on": ("วันที่ลงนาม", "ลงนามวันที่", "signed on", "signed_on"),
    "acknowledged_on": ("วันที่รับทราบ", "รับทราบวันที่", "acknowledged on", "acknowledged_on"),
}
GOAL_SHEETS = {key(w) for w in ("เป้าประสงค์", "goals")}
SIGNER_SHEETS = {key(w) for w in ("ผู้ลงนาม", "signatories")}
_YES = {key(w) for w in ("ใช่", "yes", "true", "✓", "x")}
_ROLES = {key(w): role for role, pair in ROLE_WORDS.items() for w in (*pair, role)}

Rows = list[tuple[list[str], list[str]]]
"""Rows of a table: the cell texts and the place of each cell."""


def header_of(texts: list[str], words: dict[str, tuple[str, ...]]) -> dict[int, str] | None:
    """Column → field when every filled cell of ``texts`` is a title of ``words``."""
    wanted = {key(w): field for field, ws in words.items() for w in ws}
    found = {i: wanted.get(key(t)) for i, t in enumerate(texts) if t}
    if len(found) < 2 or None in found.values():
        return None
    return {i: f for i, f in found.items() if f is not None}


def records(rows: Rows, words: dict[str, tuple[str, ...]]) -> list[dict[str, Cell]]:
    """The records of a table whose first row is its header (none if it is not)."""
    if not rows:
        return []
    header = header_of(rows[0][0], words)
    if header is None:
        return []
    out = []
    for texts, places in rows[1:]:
        record = {
            f: Cell(texts[i], places[i]) for i, f in header.items() if i < len(texts) and texts[i]
        }
        if record:
            out.append(record)
    return out


def goals_node(source: Source, goals: list[dict[str, Cell]]) -> list[CommentedMap]:
    """The agreement's ``goals:`` items."""
    out = []
    for goal in goals:
        written = goal.get("id")
        goal_id = kpi_id(written.text) if written else None
        if goal_id is None or "name" not in goal:
            place = (written or next(iter(goal.values()))).place
            source.problem(place, "a goal needs an id (no spaces) and a name; row ignored")
            continue
        node = cmap([("id", goal_id), ("name", goal["name"].text.strip())], flow=True)
        supports = refs(goal["supports"].text) if "supports" in goal else None
        if supports:
            node["supports"] = cseq(supports, flow=True)
        if "additional" in goal and key(goal["additional"].text) in _YES:
            node["additional"] = True
        if "perspective" in goal:
            lane = kpi_id(goal["perspective"].text)
            if lane is None:
                message = "a perspective is one id of the strategy's perspectives; cell ignored"
                source.problem(goal["perspective"].place, message)
            else:
                node["perspective"] = lane
        drives = refs(goal["drives"].text) if "drives" in goal else None
        if drives:
            node["drives"] = cseq(drives, flow=True)
        if "description" in goal:
            node["description"] = goal["description"].text.strip()
        out.append(node)
    return out


def signers_node(source: Source, signers: list[dict[str, Cell]]) -> list[CommentedMap]:
    """The agreement's ``signatories:`` items."""
    out = []
    for signer in signers:
        role = _ROLES.get(key(signer["role"].text)) if "role" in signer else None
        person = kpi_id(signer["person"].text) if "person" in signer else None
        if role is None or person is None:
            place = next(iter(signer.values())).place
            source.problem(place, "a signatory needs a role (ผู้ทำคำรับรอง, …) and a person id")
            continue
        dates = [
            (name, signer[name].text.strip())
            for name in ("signed_on", "acknowledged_on")
            if name in signer and signer[name].text.strip()
        ]
        out.append(cmap([("role", role), ("person", person), *dates], flow=True))
    return out
