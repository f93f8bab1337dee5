"""One KPI read from a form (:class:`Found`) as a plan KPI mapping, in the
plans' key order; a value that cannot be used becomes a TODO comment on
its key and a problem with the cell's place."""

from __future__ import annotations

import re
from decimal import Decimal

from ruamel.yaml.comments import CommentedMap

from cascade.new.yamlout import cmap, cseq, id_node, note
from cascade.office.context import Context, match_dimension
from cascade.office.source import Cell, Found, Source
from cascade.office.values import contact, criteria_cell, kpi_id, number, pairs, refs, split_id
from cascade.office.values import weight as weight_of
from cascade.office.words import kind_word, unit_word

TEXT_FIELDS = ("definition", "formula", "data_source", "collection_method", "remark")


class Builder:
    """Builds one KPI mapping, noting problems in the source as it goes."""

    def __init__(self, source: Source, context: Context, found: Found) -> None:
        self.source, self.context, self.found = source, context, found
        self.kpi = cmap([("id", None)])
        self.todo: list[tuple[str, str]] = []

    def cell(self, name: str) -> Cell | None:
        """The cell of field ``name``, if the source gave one."""
        return self.found.cells.get(name)

    def bad(self, key: str, cell: Cell, message: str) -> None:
        """A value that cannot be used: a problem, and a TODO on ``key``."""
        self.source.problem(cell.place, message)
        self.todo.append((key, f"TODO: {message} ({cell.place})"))

    def build(self, fallback_id: str) -> CommentedMap:
        """The KPI mapping."""
        self._id_and_name(fallback_id)
        self._links()
        self._measure()
        for name in TEXT_FIELDS[:2]:
            self._text(name)
        self._criteria()
        for name in ("baseline", "round_targets"):
            self._pairs(name)
        for name in TEXT_FIELDS[2:4]:
            self._text(name)
        for name in ("overseer", "collector"):
            self._contact(name)
        self._text("remark")
        comments: dict[str, list[str]] = {}
        for key, comment in self.todo:
            comments.setdefault(key if key in self.kpi else list(self.kpi)[-1], []).append(comment)
        for key, lines in comments.items():
            note(self.kpi, key, "; ".join(lines))
        return self.kpi

    def _id_and_name(self, fallback_id: str) -> None:
        name_cell, id_cell = self.cell("name"), self.cell("id")
        name = name_cell.text.strip() if name_cell else ""
        written = None
        if name and (id_cell is None or not id_cell.text.strip()):
            written, name = split_id(name)
        elif id_cell is not None:
            written = kpi_id(id_cell.text)
            if written is None:
                self.bad("id", id_cell, f"'{id_cell.text}' is no id (no spaces, no '/')")
        self.kpi["id"] = id_node(written or fallback_id)
        if written is None and (id_cell is None or kpi_id(id_cell.text) is not None):
            self.todo.append(("id", "id given by cascade: the source has none"))
        english = self.cell("name_en")
        if name and english is not None and english.text.strip():
            self.kpi["name"] = cmap([("th", name), ("en", english.text.strip())], flow=True)
        elif name:
            self.kpi["name"] = name
        elif self.cell("same_as") is None:
            self.kpi["name"] = None
            self.todo.append(("name", "TODO: the source gives no KPI name"))

    def _links(self) -> None:
        self._id_field("goal", "goal id")
        self._dimension()
        kind = self.cell("kind")
        if kind is not None and kind_word(kind.text) is not None:
            self.kpi["kind"] = kind_word(kind.text)
        elif kind is not None:
            self.bad("kind", kind, f"'{kind.text}' is no KPI kind")
        same = self.cell("same_as")
        if same is not None:
            found = refs(same.text)
            if found is not None and len(found) == 1:
                self.kpi["same_as"] = found[0]
            else:
                self.bad("same_as", same, f"'{same.text}' is not one KPI reference")
        drives = self.cell("contributes_to")
        if drives is not None:
            found = refs(drives.text)
            if found:
                self.kpi["contributes_to"] = cseq(found, flow=True)
            else:
                self.bad("contributes_to", drives, f"'{drives.text}' are not KPI references")
        self._id_field("responsibility", "responsibility id")

    def _id_field(self, name: str, what: str) -> None:
        cell = self.cell(name)
        if cell is None:
            return
        value = kpi_id(cell.text)
        if value is not None:
            self.kpi[name] = value
        else:
            self.bad(name, cell, f"'{cell.text}' is no {what}")

    def _dimension(self) -> None:
        written = self.cell("dimension")
        section = self.found.section
        text = written.text if written is not None else section.name if section else ""
        place = written.place if written is not None else section.place if section else ""
        if not text:
            if self.context.dimensions:
                choices = ", ".join(d for d, _ in self.context.dimensions)
                self.todo.append(("dimension", f"TODO: the source names no dimension: {choices}"))
            return
        found = match_dimension(text, self.context)
        if found is None and not self.context.dimensions and re.match(r"^[\w.\-]+$", text, re.A):
            found = text
        if found is None:
            number_ = section.number if section is not None and written is None else None
            found = f"D{number_}" if number_ else "D"
            choices = ", ".join(d for d, _ in self.context.dimensions) or "the plan's"
            self.todo.append(
                ("dimension", f"TODO: '{text.strip()}' ({place}) is which dimension? {choices}")
            )
        self.kpi["dimension"] = found

    def _measure(self) -> None:
        unit = self.cell("unit_of_measure")
        if unit is not None and unit.text.strip():
            self.kpi["unit_of_measure"] = unit_word(unit.text)
        weight = self.cell("weight")
        value = weight_of(weight.text) if weight is not None else None
        self.kpi["weight"] = value if value is not None else Decimal(0)
        if weight is None:
            self.todo.append(("weight", "TODO: the source gives no weight"))
        elif value is None:
            self.bad("weight", weight, f"'{weight.text}' is no weight")
        target = self.cell("target")
        if target is not None and number(target.text) is not None:
            self.kpi["target"] = number(target.text)
        elif target is not None:
            self.bad("weight", target, f"'{target.text}' is no target value")

    def _text(self, name: str) -> None:
        cell = self.cell(name)
        if cell is not None and cell.text.strip():
            self.kpi[name] = cell.text.strip()

    def _pairs(self, name: str) -> None:
        cell = self.cell(name)
        if cell is None or not cell.text.strip():
            return
        found = pairs(cell.text)
        if found is None:
            self.bad(list(self.kpi)[-1], cell, f"{name} '{cell.text}' is not 'year: value, …'")
            return
        self.kpi[name] = cmap(found.items(), flow=True)

    def _contact(self, name: str) -> None:
        cell = self.cell(name)
        if cell is None or not cell.text.strip():
            return
        found = contact(cell.text)
        phone = self.cell(f"{name}_phone")
        if found is not None and phone is not None and phone.text.strip():
            found.setdefault("phone", phone.text.strip())
        if found is not None:
            self.kpi[name] = cmap(found.items(), flow=True)

    def _levels(self) -> dict[int, Cell]:
        if self.found.levels:
            return dict(sorted(self.found.levels.items()))
        cell = self.cell("criteria")
        if cell is None or not cell.text.strip():
            return {}
        split = criteria_cell(cell.text)
        if split is None:
            self.bad(list(self.kpi)[-1], cell, "the criteria are not five levels")
            return {}
        return {level: Cell(text, cell.place) for level, text in split.items()}

    def _criteria(self) -> None:
        levels = self._levels()
        want = self.context.levels
        last = "target" if "target" in self.kpi else "weight"
        if not levels:
            if self.cell("criteria") is None and self.cell("same_as") is None:
                self.todo.append((last, "TODO: the source gives no criteria (levels 1–5)"))
            return
        if sorted(levels) != list(range(1, want + 1)):
            place = next(iter(levels.values())).place
            self.source.problem(place, f"criteria give levels {sorted(levels)}, not 1–{want}")
            self.todo.append((last, f"TODO: criteria need levels 1–{want} ({place})"))
        values = {level: number(cell.text) for level, cell in levels.items()}
        if all(v is not None for v in values.values()):
            self.kpi["criteria"] = cmap([("thresholds", cseq(values.values(), flow=True))])
            return
        steps = cmap((level, cell.text.strip()) for level, cell in levels.items())
        self.kpi["criteria"] = cmap([("milestones", steps)])
        unit = self.kpi.get("unit_of_measure")
        if unit is None:
            self.kpi.insert(list(self.kpi).index("weight"), "unit_of_measure", "level")
        elif unit != "level":
            self.kpi["unit_of_measure"] = "level"
            if unit is not None:
                self.todo.append(
                    ("unit_of_measure", f"was '{unit}' in the source: milestones need level")
                )
