"""Generate a synthetic, valid KPI-cascade plan of N people with Thai text.

    python -m bench.generate OUT_DIR --people N [--seed S] [--check]

The plan: one organisation (``DPS``), about N/200 divisions with four groups
each, a Strategy (4 perspectives, 10 goals), a Framework with slots, an OS
matrix (one owner division per organisation KPI, supporters carry
contributory KPIs), the organisation's agreement, one agreement per unit, a
roster split into files of 500 people, one JobDescription per position
(multi-document files, one per unit) and one agreement file per person with
five KPIs.  Same ``people`` and ``seed``, same bytes.  ``--check`` validates
the result in-process and fails unless there are zero diagnostics.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import Any

from bench import _thai as th
from bench._yaml import Flow, Folded, document, documents

ORG = "DPS"
ORG_NAME = "กรมพัฒนาคุณภาพบริการสาธารณะ"
ORG_EN = "Department of Public Service Quality"
FRAMEWORK = "KPR-2569"
YEAR = 2569
PEOPLE_PER_FILE = 500
PEOPLE_PER_DIVISION = 200
GROUPS_PER_DIVISION = 4
DIVISION_STAFF = 2
UNIT_SPECIFIC_GOAL, C1_GOAL, C2_GOAL = "G8", "G5", "G10"

PERSPECTIVES = {
    "effectiveness": ("ประสิทธิผลตามพันธกิจ", "Effectiveness"),
    "quality": ("คุณภาพการให้บริการ", "Service quality"),
    "efficiency": ("ประสิทธิภาพของการปฏิบัติราชการ", "Efficiency"),
    "development": ("การพัฒนาองค์การ", "Organisational development"),
}
# id, perspective, name, strategic issues, drives (cause → effect, always upwards)
GOALS: list[tuple[str, str, str, list[str], list[str]]] = [
    ("G1", "effectiveness", "ประชาชนได้รับบริการสาธารณะที่มีคุณภาพอย่างทั่วถึงและเป็นธรรม", ["SI1"], []),
    ("G2", "effectiveness", "ชุมชนและเครือข่ายภาคประชาชนมีความเข้มแข็งและพึ่งพาตนเองได้", ["SI2"], []),
    ("G3", "effectiveness", "บริการภาครัฐเชื่อมโยงกันเป็นระบบเดียวผ่านช่องทางดิจิทัล", ["SI1", "SI3"], ["G1"]),
    ("G4", "effectiveness", "นโยบายสำคัญของรัฐบาลบรรลุผลตามเป้าหมายในระดับพื้นที่", ["SI2"], ["G2"]),
    ("G5", "quality", "ผู้รับบริการพึงพอใจต่อคุณภาพและความรวดเร็วของการให้บริการ", ["SI1"], ["G1"]),
    ("G6", "quality", "มาตรฐานการให้บริการเป็นที่ยอมรับของผู้มีส่วนได้ส่วนเสีย", ["SI1"], ["G5"]),
    ("G7", "efficiency", "กระบวนงานคล่องตัว ลดขั้นตอนและระยะเวลาการปฏิบัติราชการ", ["SI3"], ["G5", "G3"]),
    ("G8", "efficiency", "การใช้จ่ายงบประมาณมีประสิทธิภาพ คุ้มค่า และโปร่งใส", ["SI3"], ["G4"]),
    ("G9", "development", "บุคลากรมีสมรรถนะสูงและพร้อมรับการเปลี่ยนแปลง", ["SI3"], ["G7"]),
    ("G10", "development", "องค์การมีระบบข้อมูลและเทคโนโลยีดิจิทัลที่ทันสมัย", ["SI3"], ["G3", "G7"]),
]  # fmt: skip
PERSPECTIVE_OF = {g[0]: g[1] for g in GOALS}
# id, goal, measure style, weight (a weight expression where a framework slot wants it), name
ORG_KPIS: list[tuple[str, str, str, str | int, str]] = [
    ("1.1", "G1", "percent", "8 + A", "ร้อยละของผู้รับบริการที่ได้รับบริการครบถ้วนตามมาตรฐานการให้บริการของกรม"),
    ("1.2", "G2", "level", 10, "ระดับความสำเร็จของการส่งเสริมให้ชุมชนจัดทำและขับเคลื่อนแผนพัฒนาชุมชน"),
    ("1.3", "G3", "percent", 10, "ร้อยละของงานบริการที่ให้บริการผ่านระบบดิจิทัลแบบเบ็ดเสร็จ ณ จุดเดียว"),
    ("1.4", "G4", "level", 10, "ระดับความสำเร็จของการขับเคลื่อนนโยบายสำคัญของรัฐบาลในระดับพื้นที่"),
    ("1.5", "G1", "percent", 10, "ร้อยละของคำขอรับบริการที่แล้วเสร็จภายในเวลาที่กำหนดในคู่มือสำหรับประชาชน"),
    ("1.6", "G2", "percent", 10, "ร้อยละของเครือข่ายภาคประชาชนที่ผ่านเกณฑ์การประเมินความเข้มแข็ง"),
    ("2.1", "G5", "percent", 5, "ร้อยละของระดับความพึงพอใจของผู้รับบริการต่อคุณภาพการให้บริการ"),
    ("2.2", "G6", "level", 5, "ระดับความสำเร็จของการยกระดับมาตรฐานการให้บริการของหน่วยงานในสังกัด"),
    ("3.1", "G7", "days", 5, "ระยะเวลาเฉลี่ยในการพิจารณาคำขอรับบริการตามกฎหมายว่าด้วยการอำนวยความสะดวก"),
    ("3.2", "G8", "percent", 5, "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายภาพรวมเทียบกับแผนการใช้จ่าย"),
    ("3.3", "G7", "count", 5, "จำนวนกระบวนงานหลักที่ยังไม่ได้รับการทบทวนเพื่อลดขั้นตอนการปฏิบัติงาน"),
    ("4.1", "G9", "percent", 5, "ร้อยละของบุคลากรที่ได้รับการพัฒนาสมรรถนะตามแผนพัฒนาบุคลากรประจำปี"),
    ("4.2", "G10", "level", 5, "ระดับความสำเร็จของการพัฒนาองค์การสู่องค์การดิจิทัล"),
    ("4.3", "G9", "percent", 5, "ร้อยละของบุคลากรที่ผ่านการประเมินสมรรถนะดิจิทัลตามเกณฑ์ที่กำหนด"),
]  # fmt: skip
KEY_ORDER = (
    "id", "name", "goal", "dimension", "kind", "same_as", "contributes_to", "responsibility",
    "unit_of_measure", "weight", "target", "definition", "formula", "criteria", "baseline",
    "round_targets", "data_source", "overseer", "collector",
)  # fmt: skip


@dataclass(slots=True)
class Unit:
    """A unit of the synthetic org chart."""

    id: str
    name: str
    type: str
    parent: str | None
    head: str = ""  # position number of the head
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    """A person with a position, a job and a place in the chain of command."""

    id: str
    name: str
    position: str
    unit: str
    family: tuple[str, str, str, str]
    level: str
    supervisor: Person | None
    heads: str | None = None
    admin_title: str | None = None


@dataclass(frozen=True, slots=True)
class Carried:
    """A KPI of an agreement that a child agreement may cascade from."""

    id: str
    goal: str  # the organisation goal it serves


def _ordered(kpi: dict[str, Any]) -> dict[str, Any]:
    return {k: kpi[k] for k in KEY_ORDER if kpi.get(k) is not None}


def _split(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` positive integers that differ by at most one."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


class _Generator:
    """Builds every document of the plan and writes it under ``out``."""

    def __init__(self, out: Path, people: int, seed: int) -> None:
        self.out = out
        self.rng = Random(seed)
        self.divisions = max(1, round(people / PEOPLE_PER_DIVISION))
        if people < 1 + self.divisions * (1 + GROUPS_PER_DIVISION):
            raise ValueError(f"--people must be at least {1 + 5 * self.divisions}")
        self.total = people
        self.units: dict[str, Unit] = {}
        self.people: list[Person] = []
        self.by_unit_head: dict[str, Person] = {}
        self.carried: dict[str, list[Carried]] = {}  # unit id → its traced KPIs
        self.specific: dict[str, list[Carried]] = {}  # unit id → its unit-specific KPIs
        self.files = 0
        self.bytes = 0

    # ---- writing -----------------------------------------------------------

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)

    # ---- organisation and people -------------------------------------------

    def layout(self) -> None:
        """Units, people, positions and the chain of command."""
        rng = self.rng
        self.units[ORG] = Unit(ORG, ORG_NAME, "department", None)
        names = [*th.CENTRAL_DIVISIONS, *(f"สำนักงานพัฒนาคุณภาพบริการจังหวัด{p}" for p in th.PROVINCES)]
        left = self.total - 1 - self.divisions * (1 + GROUPS_PER_DIVISION)
        div_staff = DIVISION_STAFF if left >= self.divisions * (DIVISION_STAFF + 4) else 0
        left -= div_staff * self.divisions
        staff = iter(_split(left, self.divisions * GROUPS_PER_DIVISION))
        dg = self.person(ORG, th.EXEC, None, f"อธิบดี{ORG_NAME}")
        for d in range(self.divisions):
            div_id = f"D{d + 1:03d}"
            name = names[d] if d < len(names) else f"สำนักงานพัฒนาคุณภาพบริการเขต {d + 1}"
            kind = "office" if name.startswith("สำนักงาน") else "division"
            self.unit(div_id, name, kind, ORG)
            director = self.person(div_id, th.DIRECTOR, dg, f"ผู้อำนวยการ{name}")
            for _ in range(div_staff):
                self.person(div_id, rng.choice(th.FAMILIES), director)
            for g in range(GROUPS_PER_DIVISION):
                group_id = f"{div_id}-{g + 1}"
                group_name = th.GROUPS[(d + 2 * g) % len(th.GROUPS)]
                self.unit(group_id, group_name, "group", div_id)
                family = rng.choice(th.FAMILIES[:-1])
                head = self.person(group_id, family, director, f"ผู้อำนวยการ{group_name}")
                for _ in range(next(staff)):
                    self.person(group_id, rng.choice(th.FAMILIES), head)

    def unit(self, unit_id: str, name: str, kind: str, parent: str) -> None:
        self.units[unit_id] = Unit(unit_id, name, kind, parent)
        self.units[parent].children.append(unit_id)

    def person(
        self,
        unit: str,
        family: tuple[str, str, str, str],
        supervisor: Person | None,
        admin_title: str | None = None,
    ) -> Person:
        """A new person; ``admin_title`` makes them the head of ``unit``."""
        n = len(self.people) + 1
        levels = th.LEVELS[family[3]]
        level = levels[-1] if admin_title and family[3] == "pro" else self.rng.choice(levels)
        person = Person(
            f"P{n:05d}",
            th.person_name(self.rng),
            str(10000 + n),
            unit,
            family,
            level,
            supervisor,
            admin_title=admin_title,
        )
        if admin_title:
            person.heads = unit
            self.units[unit].head = person.position
            self.by_unit_head[unit] = person
        self.people.append(person)
        return person

    # ---- measures ----------------------------------------------------------

    def measure(self, style: str) -> dict[str, Any]:
        """Unit of measure, target and five-level criteria in one style."""
        rng = self.rng
        if style == "level":
            return {
                "unit_of_measure": "level",
                "target": rng.choice((3, 5)),
                "criteria": {"milestones": th.milestones(rng)},
            }
        if style == "percent":
            step = Decimal(rng.choice(("2", "2.5", "5")))
            base = Decimal(rng.choice((60, 70, 75, 80)))
            base = min(base, Decimal(100) - 4 * step)
            values = [base + i * step for i in range(5)]
        elif style == "count":
            step = Decimal(rng.choice((1, 2)))
            values = [Decimal(2) + (4 - i) * step for i in range(5)]
        else:  # days: lower is better
            step = Decimal(rng.choice((1, 2, 3)))
            best = Decimal(rng.choice((5, 7, 10)))
            values = [best + (4 - i) * step for i in range(5)]
        unit = {"percent": "percent", "count": "count"}.get(style, "days")
        out: dict[str, Any] = {
            "unit_of_measure": unit,
            "target": values[rng.choice((2, 4))],
            "criteria": {"thresholds": Flow(values)},
        }
        if style == "percent" and rng.random() < 0.5:
            out["formula"] = "completed / total * 100"
        return out

    def own_kpi(self, style: str, name: str, full: bool) -> dict[str, Any]:
        """A KPI with its own template fields; ``full`` adds the long ones."""
        kpi: dict[str, Any] = {"name": name, **self.measure(style)}
        if full:
            kpi["definition"] = Folded(th.definition(self.rng, name))
            kpi["data_source"] = th.source(self.rng)
            criteria = kpi["criteria"]
            if "thresholds" in criteria:
                values = criteria["thresholds"].value
                kpi["baseline"] = Flow(
                    {YEAR - 3: values[0], YEAR - 2: values[1], YEAR - 1: values[2]}
                )
        return kpi

    def contact(self, person: Person) -> Flow:
        phone = f"02-{100 + int(person.position) % 900:03d}-{int(person.position) % 10000:04d}"
        title = person.admin_title or f"{person.family[2]}{person.level}"
        return Flow({"name": person.name, "position": title, "phone": phone})

    # ---- the plan's shared documents ---------------------------------------

    def plan_documents(self) -> None:
        """cascade.yaml, Strategy, Framework, OrgChart."""
        commons = []
        for cid, name, en in (
            ("C1", "ร้อยละของระดับความพึงพอใจของผู้รับบริการ", "Customer satisfaction (%)"),
            ("C2", "ร้อยละของระดับความพึงพอใจของบุคลากรในการปฏิบัติงาน", "Staff satisfaction (%)"),
        ):
            commons.append(
                {
                    "id": cid,
                    "name": Flow({"th": name, "en": en}),
                    "unit_of_measure": "percent",
                    "target": 80,
                    "definition": Folded(th.definition(self.rng, name)),
                    "criteria": {"thresholds": Flow([60, 65, 70, 75, 80])},
                }
            )
        plan = {
            "kind": "Plan",
            "version": "cascade/v1",
            "organisation": ORG,
            "name": Flow({"th": ORG_NAME, "en": ORG_EN}),
            "fiscal_year": YEAR,
            "languages": Flow(["th", "en"]),
            "params": Flow({"A": 2}),
            "framework": FRAMEWORK,
            "common_kpis": commons,
            "policy": {"unit_specific_max_weight": 30, "individual_untraced_max_weight": 30},
        }
        self.write("cascade.yaml", document(plan, f"แผนสังเคราะห์สำหรับวัดความเร็ว ({self.total} คน)"))
        strategy = {
            "kind": "Strategy",
            "vision": f"{ORG_NAME}เป็นองค์การชั้นนำด้านการให้บริการสาธารณะที่ประชาชนเชื่อมั่น",
            "mission": [
                "ยกระดับคุณภาพและมาตรฐานการให้บริการสาธารณะให้ทั่วถึงและเป็นธรรม",
                "ส่งเสริมความเข้มแข็งของชุมชนและเครือข่ายภาคประชาชน",
                "พัฒนาองค์การและบุคลากรให้มีขีดสมรรถนะสูงพร้อมรับการเปลี่ยนแปลง",
            ],
            "perspectives": [
                Flow({"id": p, "name": Flow({"th": n, "en": e})})
                for p, (n, e) in PERSPECTIVES.items()
            ],
            "issues": [
                Flow({"id": "SI1", "name": "ยกระดับการให้บริการประชาชนสู่มาตรฐานสากล"}),
                Flow({"id": "SI2", "name": "เสริมสร้างความเข้มแข็งของชุมชนอย่างยั่งยืน"}),
                Flow({"id": "SI3", "name": "พัฒนาองค์การสู่ระบบราชการดิจิทัล"}),
            ],
            "goals": [
                {"id": g, "name": n, "perspective": p, "issues": Flow(i), "drives": Flow(dr)}
                for g, p, n, i, dr in GOALS
            ],
            "strategies": [
                Flow(
                    {
                        "id": f"S{i + 1}",
                        "name": f"กลยุทธ์ที่ {i + 1} {th.ACTIVITIES[i]}",
                        "goals": [g[0] for g in GOALS[i * 2 : i * 2 + 2]],
                    }
                )
                for i in range(5)
            ],
            "projects": [
                Flow(
                    {
                        "id": f"PJ{i + 1}",
                        "name": f"โครงการ{th.ACTIVITIES[i % 8]}",
                        "strategy": f"S{i % 5 + 1}",
                        "owner": f"D{i % self.divisions + 1:03d}",
                        "budget": 500000 * (i + 1),
                    }
                )
                for i in range(8)
            ],
        }
        self.write("strategy.yaml", document(strategy, "แผนที่ยุทธศาสตร์และเป้าประสงค์ระดับกรม"))
        framework = {
            "kind": "Framework",
            "id": FRAMEWORK,
            "name": f"กรอบการประเมินผลการปฏิบัติราชการ พ.ศ. {YEAR}",
            "dimensions": [
                {
                    "id": "external",
                    "weight": 70,
                    "dimensions": [
                        Flow({"id": "effectiveness", "weight": 60}),
                        Flow({"id": "quality", "weight": 10}),
                    ],
                },
                {
                    "id": "internal",
                    "weight": 30,
                    "dimensions": [
                        Flow({"id": "efficiency", "weight": 15}),
                        Flow({"id": "development", "weight": 15}),
                    ],
                },
            ],
            "slots": [
                Flow({"id": "1.1", "dimension": "effectiveness", "weight": "8 + A"}),
                Flow({"id": "2.1", "dimension": "quality", "weight": 3}),
                Flow(
                    {
                        "id": "2.3",
                        "dimension": "quality",
                        "weight": 2,
                        "optional": True,
                        "transfer_to": "2.1",
                    }
                ),
            ],
        }
        self.write("frameworks/kpr-2569.yaml", document(framework, "กรอบการประเมินผล"))
        units = []
        for unit in self.units.values():
            row = {"id": unit.id, "name": unit.name, "type": unit.type}
            if unit.parent:
                row["parent"] = unit.parent
            row["head"] = unit.head
            units.append(Flow(row))
        self.write("org.yaml", document({"kind": "OrgChart", "units": units}, "โครงสร้างหน่วยงาน"))

    # ---- agreements --------------------------------------------------------

    def signatories(self, evaluatee: Person) -> list[Flow]:
        out = [Flow({"role": "evaluatee", "person": evaluatee.id})]
        if evaluatee.supervisor is not None:
            out.append(Flow({"role": "evaluator", "person": evaluatee.supervisor.id}))
        return out

    def org_agreement(self) -> None:
        kpis = []
        head = self.by_unit_head[ORG]
        for kid, goal, style, weight, name in ORG_KPIS:
            kpi = self.own_kpi(style, name, full=True)
            kpi.update(id=kid, goal=goal, dimension=PERSPECTIVE_OF[goal], weight=weight)
            kpi["overseer"] = self.contact(head)
            kpis.append(_ordered(kpi))
        doc = {
            "kind": "Agreement",
            "version": "cascade/v1",
            "party": ORG,
            "title": f"คำรับรองการปฏิบัติราชการของ{ORG_NAME} ประจำปีงบประมาณ พ.ศ. {YEAR}",
            "kpis": kpis,
            "signatories": self.signatories(head),
        }
        self.write(f"agreements/{ORG}.yaml", document(doc, "คำรับรองระดับกรม (ตามกรอบการประเมิน)"))

    def os_matrix(self) -> tuple[dict[int, int], dict[int, list[int]]]:
        """Owner division and supporter divisions of each organisation KPI (by index)."""
        count = len(ORG_KPIS)
        owner = {k: k % self.divisions for k in range(count)}
        supporters: dict[int, list[int]] = {k: [] for k in range(count)}
        for d in range(self.divisions):
            for k in sorted({(2 * d) % count, (2 * d + 1) % count}):
                if owner[k] != d:
                    supporters[k].append(d)
        rows = []
        for k, (kid, *_) in enumerate(ORG_KPIS):
            row: dict[str, Any] = {"kpi": f"{ORG}/{kid}", "owner": f"D{owner[k] + 1:03d}"}
            if supporters[k]:
                row["supporters"] = Flow([f"D{d + 1:03d}" for d in supporters[k]])
            rows.append(Flow(row))
        self.write("os-matrix.yaml", document({"kind": "OSMatrix", "rows": rows}, "ตาราง O/S"))
        return owner, supporters

    def unit_agreement(self, unit: Unit, linked: list[tuple[dict[str, Any], str]]) -> None:
        """A unit's agreement from its linked KPIs (KPI, organisation goal) plus
        the common and unit-specific ones; goals, weights and ids are added here."""
        rng = self.rng
        head = self.by_unit_head[unit.id]
        rows: list[tuple[dict[str, Any], str]] = list(linked)
        for cid, goal, label in (("C1", C1_GOAL, "ผู้รับบริการ"), ("C2", C2_GOAL, "บุคลากร")):
            name = f"ร้อยละของระดับความพึงพอใจของ{label}ของ{unit.name}"
            rows.append(({"name": name, "kind": "common", "same_as": cid}, goal))
        specific = 2 if rng.random() < 0.5 else 1
        for _ in range(specific):
            name, style = th.unit_kpi_names(rng)
            kpi = self.own_kpi(style, name, full=True)
            kpi["kind"] = "unit_specific"
            rows.append((kpi, UNIT_SPECIFIC_GOAL))
        weights = (
            _split(100 - 15 - 5 * (specific + 1), len(linked)) + [10, 5, 10, 5][: 2 + specific]
        )
        goals: dict[str, str] = {}
        kpis = []
        for n, ((kpi, org_goal), weight) in enumerate(zip(rows, weights, strict=True), 1):
            goal_id = goals.setdefault(org_goal, f"{unit.id}-G{len(goals) + 1}")
            kpi.update(id=str(n), goal=goal_id, dimension=PERSPECTIVE_OF[org_goal], weight=weight)
            kpis.append(_ordered(kpi))
            carried = Carried(str(n), org_goal)
            if kpi["kind"] in ("identical", "contributory"):
                self.carried.setdefault(unit.id, []).append(carried)
            elif kpi["kind"] == "unit_specific":
                self.specific.setdefault(unit.id, []).append(carried)
        goal_names = {g[0]: g[2] for g in GOALS}
        doc = {
            "kind": "Agreement",
            "version": "cascade/v1",
            "party": unit.id,
            "title": f"คำรับรองการปฏิบัติราชการของ{unit.name} ประจำปีงบประมาณ พ.ศ. {YEAR}",
            "goals": [
                Flow({"id": gid, "name": f"{unit.name}สนับสนุนให้{goal_names[og]}", "supports": [og]})
                for og, gid in goals.items()
            ],
            "kpis": kpis,
            "signatories": self.signatories(head),
        }
        comment = f"คำรับรองระดับหน่วยงาน: {unit.name} ({unit.id})"
        self.write(f"agreements/units/{unit.id}.yaml", document(doc, comment))

    def unit_agreements(self) -> None:
        owner, supporters = self.os_matrix()
        for d in range(self.divisions):
            unit = self.units[f"D{d + 1:03d}"]
            linked: list[tuple[dict[str, Any], str]] = []
            for k, (kid, goal, style, _, _) in enumerate(ORG_KPIS):
                if owner[k] == d:
                    linked.append(({"kind": "identical", "same_as": f"{ORG}/{kid}"}, goal))
                elif d in supporters[k]:
                    name = (
                        th.percent_name(self.rng, unit.name)
                        if style != "level"
                        else (th.level_name(self.rng, unit.name))
                    )
                    kpi = self.own_kpi("level" if style == "level" else "percent", name, True)
                    kpi.update(kind="contributory", contributes_to=Flow([f"{ORG}/{kid}"]))
                    kpi["collector"] = self.contact(self.by_unit_head[unit.id])
                    linked.append((kpi, goal))
            self.unit_agreement(unit, linked)
            for g, group_id in enumerate(unit.children):
                self.unit_agreement(self.units[group_id], self.group_links(unit, g))

    def group_links(self, division: Unit, g: int) -> list[tuple[dict[str, Any], str]]:
        """The KPIs a division's ``g``-th group cascades from the division's."""
        parents = self.carried[division.id]
        picked = [j for j in range(len(parents)) if j % GROUPS_PER_DIVISION == g]
        links: list[tuple[dict[str, Any], str]] = []
        for j in picked or [g % len(parents)]:
            parent = parents[j]
            if (j + g) % 2 == 0:
                links.append(({"kind": "identical", "same_as": parent.id}, parent.goal))
            else:
                kpi = self.own_kpi("percent", th.percent_name(self.rng), full=True)
                kpi.update(kind="contributory", contributes_to=Flow([f"{division.id}/{parent.id}"]))
                links.append((kpi, parent.goal))
        if g == 0:  # cascading a unit-specific KPI is part of the method too
            parent = self.specific[division.id][0]
            kpi = self.own_kpi("percent", th.percent_name(self.rng), full=False)
            kpi.update(kind="contributory", contributes_to=Flow([parent.id]))
            links.append((kpi, parent.goal))
        return links

    def person_agreement(self, person: Person, index: int) -> None:
        """Five KPIs: two from the parent party's agreement, two from the job,
        one assignment or personal (at most 30 together)."""
        rng = self.rng
        if person.heads is not None:
            parent_id = person.heads
            parents = (
                self.carried[person.heads]
                if person.heads != ORG
                else [Carried(k[0], k[1]) for k in ORG_KPIS]
            )
        else:
            assert person.supervisor is not None
            parent_id = person.supervisor.id
            parents = self.carried[parent_id]
        first, second = parents[index % len(parents)], parents[(index + 1) % len(parents)]
        contributes = second.id if index % 3 else f"{parent_id}/{second.id}"
        style = "level" if index % 4 == 0 else "percent"
        name = th.level_name(rng) if style == "level" else th.percent_name(rng)
        own = self.own_kpi(style, name, full=True)
        own.update(kind="supervisor", contributes_to=Flow([contributes]))
        job1 = self.own_kpi("percent", th.percent_name(rng), full=False)
        job1.update(kind="job", responsibility="R1", data_source=th.source(rng))
        job2_name, job2_style = th.unit_kpi_names(rng)
        job2 = self.own_kpi(job2_style, job2_name, False)
        job2.update(kind="job", responsibility="R2")
        if index % 2:
            extra = self.own_kpi(
                "percent", f"ร้อยละของงานที่ได้รับมอบหมายเป็นพิเศษ{th.ACHIEVEMENTS[0]}", False
            )
            extra["kind"] = "assignment"
        else:
            extra = self.own_kpi(
                "level", "ระดับความสำเร็จของการพัฒนาตนเองตามแผนพัฒนารายบุคคล (IDP)", False
            )
            extra["kind"] = "personal"
        rows = [
            ({"kind": "supervisor", "same_as": first.id}, first.goal, 25),
            (own, second.goal, 20),
            (job1, second.goal, 20),
            (job2, first.goal, 15),
            (extra, C2_GOAL, 20),
        ]
        kpis = []
        for n, (kpi, goal, weight) in enumerate(rows, 1):
            kpi.update(id=str(n), dimension=PERSPECTIVE_OF[goal], weight=weight)
            kpis.append(_ordered(kpi))
        self.carried[person.id] = [Carried("1", first.goal), Carried("2", second.goal)]
        title = person.admin_title or f"{person.family[2]}{person.level}"
        doc = {
            "kind": "Agreement",
            "version": "cascade/v1",
            "party": person.id,
            "title": f"คำรับรองการปฏิบัติราชการระดับบุคคล ประจำปีงบประมาณ พ.ศ. {YEAR}",
            "kpis": kpis,
            "signatories": self.signatories(person),
        }
        boss = person.supervisor
        comment = (
            f"คำรับรองระดับบุคคล — {person.name} ({title}) ตำแหน่งเลขที่ {person.position}\n"
            + (f"ผู้บังคับบัญชา: {boss.name} ({boss.id})\n" if boss else "")
            + f"ถ่ายทอดตัวชี้วัดจากคำรับรองของ {parent_id}"
        )
        self.write(f"agreements/people/{person.id}.yaml", document(doc, comment))

    # ---- roster and jobs ---------------------------------------------------

    def roster(self) -> None:
        for start in range(0, len(self.people), PEOPLE_PER_FILE):
            chunk = self.people[start : start + PEOPLE_PER_FILE]
            rows = [
                Flow(
                    {
                        "id": p.id,
                        "name": p.name,
                        "position": p.position,
                        "unit": p.unit,
                        "salary": 15000 + self.rng.randrange(0, 60000, 10),
                    }
                )
                for p in chunk
            ]
            n = start // PEOPLE_PER_FILE + 1
            self.write(f"people/people-{n:03d}.yaml", document({"kind": "People", "people": rows}))

    def jobs(self) -> None:
        families = [*th.FAMILIES, th.EXEC, th.DIRECTOR]
        counts = Counter((p.family[0], p.unit) for p in self.people)
        rows = []
        for fid, name, _, _ in families:
            heads = {u: c for (f, u), c in counts.items() if f == fid}
            rows.append({"id": fid, "name": f"สายงาน{name}", "headcount": Flow(heads)})
        self.write("jobs/families.yaml", document({"kind": "JobFamilies", "families": rows}))
        per_unit: dict[str, list[dict[str, Any]]] = {}
        for person in self.people:
            per_unit.setdefault(person.unit, []).append(self.job(person))
        for unit_id, docs in per_unit.items():
            comment = f"ใบกำหนดหน้าที่งานของตำแหน่งใน{self.units[unit_id].name}"
            self.write(f"jobs/descriptions/{unit_id}.yaml", documents(docs, comment))

    def job(self, person: Person) -> dict[str, Any]:
        rng = self.rng
        duties = rng.sample(th.DUTIES, 3)
        doc: dict[str, Any] = {"kind": "JobDescription", "position": person.position}
        if person.admin_title:
            doc["admin_title"] = person.admin_title
        doc.update(
            line_title=person.family[2],
            family=person.family[0],
            unit=person.unit,
            level=person.level,
        )
        if person.supervisor is not None:
            doc["supervisor"] = person.supervisor.position
        doc["responsibilities"] = [
            {
                "id": f"R{i + 1}",
                "text": text,
                "activities": Flow(th.tasks(rng, 2 + i % 2)),
                "results": Flow([rng.choice(th.RESULTS)]),
            }
            for i, text in enumerate(duties)
        ]
        return doc

    def run(self) -> None:
        self.layout()
        self.plan_documents()
        self.org_agreement()
        self.unit_agreements()
        for i, person in enumerate(self.people):
            self.person_agreement(person, i)
        self.roster()
        self.jobs()


def generate(out: Path, people: int, seed: int = 0) -> None:
    """Write a valid synthetic plan of ``people`` people into ``out`` (new or empty)."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    _Generator(out, people, seed).run()


def _check(out: Path) -> int:
    from cascade.engine import validate_plan

    result = validate_plan(out)
    for diag in result.diagnostics[:50]:
        print(
            f"{diag.file}:{diag.line}:{diag.column}: [{diag.level.value}] {diag.message} "
            f"({diag.code})"
        )
    print(f"check: {len(result.files)} files, {len(result.diagnostics)} diagnostics")
    return 1 if result.diagnostics or result.notes else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.generate OUT_DIR --people N [--seed S] [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out", type=Path, help="output folder (new or empty)")
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--check", action="store_true", help="validate; fail on any diagnostic")
    args = parser.parse_args(argv)
    try:
        generator = _Generator(args.out, args.people, args.seed)
        if args.out.exists() and any(args.out.iterdir()):
            raise FileExistsError(f"{args.out} is not empty")
        generator.run()
    except (ValueError, FileExistsError) as exc:
        print(f"bench.generate: {exc}", file=sys.stderr)
        return 2
    size = f"{generator.bytes / 1e6:.1f} MB"
    print(
        f"wrote {generator.files} files, {size}, {len(generator.people)} people, "
        f"{len(generator.units)} units to {args.out}"
    )
    return _check(args.out) if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
