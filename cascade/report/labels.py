"""The words of the report in Thai and English.

Templates see them as ``t.key`` (a plain ``dict`` of strings for the chosen
language, with the navigation labels of the registered pages, see
:mod:`cascade.report.registry`); view builders use :func:`word` for kind,
role and unit labels.
The Thai wording follows the forms Thai agencies sign (คำรับรองการปฏิบัติราชการ,
ผู้รับคำรับรอง / ผู้ทำคำรับรอง, รายละเอียดตัวชี้วัด); an organisation whose
org-chart ``type`` is a business (:data:`BUSINESS_TYPES`, e.g. ``company``) is
not a ส่วนราชการ, so its Thai words are those of a company's performance
agreement instead (ข้อตกลงผลการปฏิบัติงาน, องค์กร; see :func:`sector_of`).
"""

from __future__ import annotations

from cascade.report import registry
from cascade.vocabulary import SHARED, heading

WORDS: dict[str, tuple[str, str]] = {
    # pages and navigation
    "report": ("รายงานแผนการถ่ายทอดตัวชี้วัด", "KPI cascade report"),
    "home": ("หน้าแรก", "Home"),
    "agreement": ("คำรับรองการปฏิบัติราชการ", "Performance agreement"),
    "agreements": ("คำรับรองการปฏิบัติราชการ", "Performance agreements"),
    "kpi_cards": ("รายละเอียดตัวชี้วัด", "KPI cards"),
    "kpi_card": ("รายละเอียดตัวชี้วัด", "KPI card"),
    "scorecard": ("ผลการประเมิน", "Scorecard"),
    "scores": ("ผลการประเมินทุกคำรับรอง", "Scores of every agreement"),
    "organisation": ("ส่วนราชการ", "Organisation"),
    "units": ("หน่วยงาน", "Units"),
    "people": ("บุคคล", "People"),
    "no_agreement": ("ยังไม่มีคำรับรอง", "no agreement yet"),
    "vision": ("วิสัยทัศน์", "Vision"),
    "mission": ("พันธกิจ", "Mission"),
    "generated": ("สร้างเมื่อ", "Generated"),
    "menu": ("เมนู", "Menu"),
    "zoom": ("ขยาย", "Zoom"),
    "zoom_fit": ("พอดีจอ", "Fit"),
    "head_of_unit": ("หัวหน้าหน่วยงาน", "Head"),
    "staff": ("บุคลากร (คน)", "Staff"),
    "with_subunits": ("รวมหน่วยงานย่อย (คน)", "With sub-units"),
    # the agreement form
    "fiscal_year": ("ประจำปีงบประมาณ พ.ศ.", "Fiscal year B.E."),
    "of": ("ของ", "of"),
    "between": ("คำรับรองระหว่าง", "This agreement is made between"),
    "and": ("กับ", "and"),
    "evaluator": ("ผู้รับคำรับรอง", "evaluator"),
    "evaluatee": ("ผู้ทำคำรับรอง", "evaluatee"),
    "witness": ("พยาน", "witness"),
    "clause_term": (
        "คำรับรองนี้เป็นคำรับรองฝ่ายเดียว มิใช่สัญญา และใช้สำหรับระยะเวลา 1 ปี เริ่มตั้งแต่วันที่",
        "This agreement is a one-sided undertaking, not a contract, for one year from",
    ),
    "until": ("ถึงวันที่", "to"),
    "clause_detail": (
        "รายละเอียดของคำรับรอง ได้แก่ ตัวชี้วัด น้ำหนัก ค่าเป้าหมาย และเกณฑ์การให้คะแนน"
        " ปรากฏอยู่ในเอกสารประกอบท้ายคำรับรองนี้",
        "Its details (KPIs, weights, targets and scoring criteria) are set out below.",
    ),
    "clause_commit": (
        "ผู้ทำคำรับรองได้พิจารณาและเห็นชอบกับแนวทางการประเมินผล ตัวชี้วัด น้ำหนัก ค่าเป้าหมาย"
        " และเกณฑ์การให้คะแนน และจะมุ่งมั่นปฏิบัติราชการให้เกิดผลงานที่ดีตามเป้าหมายของตัวชี้วัด"
        "แต่ละตัวในระดับสูงสุด",
        "The evaluatee has reviewed and accepts the evaluation method, the KPIs, weights, targets"
        " and criteria, and will strive to reach the highest level of every KPI.",
    ),
    "clause_sign": (
        "ผู้รับคำรับรองและผู้ทำคำรับรองได้เข้าใจคำรับรองการปฏิบัติราชการและเห็นพ้องกันแล้ว จึงได้ลงลายมือชื่อไว้เป็นสำคัญ",
        "Both parties have read and agree to this performance agreement and sign it below.",
    ),
    "signed": ("ลงชื่อ", "Signed"),
    "position": ("ตำแหน่ง", "Position"),
    "date": ("วันที่", "Date"),
    "acknowledged": ("รับทราบเมื่อ", "Acknowledged on"),
    "reported_share": ("รายงานผลแล้ว", "Reported"),
    "no_period": (
        "ยังไม่ได้ระบุรอบการประเมิน: สร้างรายงานด้วย --period เช่น --period 2569-Q2",
        "No period given: build the report with --period, e.g. --period 2569-Q2",
    ),
    "signed_mark": ("ลงนามแล้ว", "signed"),
    "unsigned_mark": ("ยังไม่ลงนาม", "not signed"),
    "framework": ("กรอบการประเมิน", "Framework"),
    "cascades_from": ("ถ่ายทอดจาก", "Cascades from"),
    "goals": ("เป้าประสงค์", "Goals"),
    "supports": ("สนับสนุนเป้าประสงค์ของส่วนราชการ", "Supports organisation goals"),
    "additional": ("เป้าประสงค์เพิ่มเติมตามบทบาทหน่วยงาน", "additional goal from the unit's role"),
    "kpis": ("ตัวชี้วัด", "KPIs"),
    "kpi": SHARED["kpi"],
    "code": ("รหัส", "Code"),
    "name": ("ชื่อตัวชี้วัด", "Name"),
    "kind": ("ประเภท", "Kind"),
    "weight": ("น้ำหนัก (ร้อยละ)", "Weight (%)"),
    "target": ("ค่าเป้าหมาย", "Target"),
    "criteria": ("เกณฑ์การให้คะแนน", "Scoring criteria"),
    "level": ("ระดับ", "Level"),
    "step": ("ขั้นตอนที่", "Step"),
    "total": heading(SHARED["total"]),
    "weights_ok": ("น้ำหนักรวมครบร้อยละ 100", "weights total 100"),
    "weights_off": ("น้ำหนักรวมไม่เท่ากับร้อยละ 100", "weights do not total 100"),
    "no_dimension": ("ไม่ระบุมิติ", "No dimension"),
    "milestones_in_card": ("ดูขั้นตอนในรายละเอียดตัวชี้วัด", "see the steps in the KPI card"),
    # the KPI card
    "dimension": ("มิติ", "Dimension"),
    "unit_of_measure": ("หน่วยวัด", "Unit of measure"),
    "definition": ("คำนิยาม", "Definition"),
    "formula": ("สูตรการคำนวณ", "Formula"),
    "thresholds": ("เกณฑ์การให้คะแนนแบบค่าผลลัพธ์", "Result thresholds"),
    "milestones": ("เกณฑ์การให้คะแนนแบบขั้นตอนความสำเร็จ (สะสม)", "Milestone steps (cumulative)"),
    "baseline": ("ข้อมูลพื้นฐาน", "Baseline"),
    "year": ("ปี พ.ศ.", "Year (B.E.)"),
    "round_targets": ("เป้าหมายรายรอบ", "Round targets"),
    "month": ("เดือน", "Month"),
    "data_source": ("แหล่งข้อมูล", "Data source"),
    "collection_method": ("วิธีการจัดเก็บข้อมูล", "Collection method"),
    "evidence_asked": ("หลักฐานที่ต้องแนบ", "Evidence to attach"),
    "evidence_required": ("ต้องแนบหลักฐาน", "required"),
    "overseer": ("ผู้กำกับดูแลตัวชี้วัด", "Overseer"),
    "collector": ("ผู้จัดเก็บข้อมูล", "Data collector"),
    "phone": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "E-mail"),
    "remark": ("หมายเหตุ", "Remark"),
    "goal": ("เป้าประสงค์", "Goal"),
    "trace_up": ("เชื่อมโยงขึ้นสู่ตัวชี้วัดระดับองค์กร", "Traces up to"),
    "trace_down": ("ตัวชี้วัดที่ถ่ายทอดลงไป", "Cascades down to"),
    "below": ("ถ่ายทอดต่อลงไปอีก {n} ตัวชี้วัด", "{n} more further down"),
    "inherits": ("ใช้รายละเอียดของตัวชี้วัด", "Template taken from"),
    "none": ("ไม่มี", "none"),
    "organisation_kpi": ("ตัวชี้วัดระดับองค์กร", "organisation KPI"),
    # scorecards
    "period": ("รอบการประเมิน", "Period"),
    "round": ("รอบ", "round"),
    "months": ("เดือน", "months"),
    "result": ("ผลการดำเนินงาน", "Result"),
    "score": heading(SHARED["score"]),
    "weighted": ("คะแนนถ่วงน้ำหนัก", "Weighted score"),
    "effective_weight": ("น้ำหนักที่ใช้", "Effective weight"),
    "status": heading(SHARED["status"]),
    "evidence": ("หลักฐาน", "Evidence"),
    "subtotals": ("คะแนนรายมิติ", "Dimension subtotals"),
    "percent": ("ร้อยละ", "Percent"),
    "out_of": ("จากคะแนนเต็ม", "out of"),
    "rating": ("ระดับผลการประเมิน", "Rating"),
    "combined": ("ผลรวมองค์ประกอบ (ร้อยละ)", "Combined (%)"),
    "at_risk": ("เสี่ยงไม่บรรลุเป้าหมาย", "at risk"),
    "kpi_scores": ("คะแนนรายตัวชี้วัด", "KPI scores"),
    "trend": ("แนวโน้มคะแนนรายรอบ", "Score by round"),
    "forecast": ("คาดการณ์สิ้นปี (คะแนน)", "Year-end forecast (score)"),
    "rounds_so_far": ("คะแนนรายรอบ (เดือน: คะแนน)", "Score by round (month: score)"),
    # OS matrix, cascade tree, jobs, strategy
    "owner": ("เจ้าภาพ (O)", "Owner (O)"),
    "supporter": ("ผู้สนับสนุน (S)", "Supporter (S)"),
    "gaps": ("ช่องว่างที่ต้องแก้ไข", "Gaps to fix"),
    "no_gaps": ("ไม่พบช่องว่าง", "No gaps"),
    "legend_gap": ("ช่องว่าง: ยังไม่มีตัวชี้วัดที่ถ่ายทอดในคำรับรอง", "gap: no KPI carries it yet"),
    "legend_carries": ("มีตัวชี้วัดที่ถ่ายทอดในคำรับรอง", "a KPI carries it"),
    "untraced": ("ตัวชี้วัดที่ไม่เชื่อมโยงกับตัวชี้วัดระดับองค์กร", "KPIs that trace to no organisation KPI"),
    "families": ("สายงาน", "Job families"),
    "family": ("สายงาน", "Family"),
    "group": ("กลุ่ม", "Group"),
    "headcount": ("จำนวนคน", "Headcount"),
    "descriptions": ("ใบกำหนดหน้าที่งาน", "Job descriptions"),
    "position_no": ("เลขที่ตำแหน่ง", "Position"),
    "admin_title": ("ตำแหน่งทางการบริหาร", "Administrative title"),
    "line_title": ("ตำแหน่งในสายงาน", "Line title"),
    "unit": ("หน่วยงาน", "Unit"),
    "job_level": ("ระดับตำแหน่ง", "Level"),
    "supervisor": ("ผู้บังคับบัญชา", "Supervisor"),
    "holder": ("ผู้ดำรงตำแหน่ง", "Holder"),
    "purpose": ("วัตถุประสงค์ของงาน", "Purpose"),
    "responsibilities": ("หน้าที่ความรับผิดชอบหลัก", "Key responsibilities"),
    "activities": ("กิจกรรมหลัก", "Key activities"),
    "results": ("ผลสัมฤทธิ์ที่คาดหวัง", "Expected results"),
    "job_kpis": ("ตัวชี้วัดจากหน้าที่นี้", "KPIs from this responsibility"),
    "perspective": ("มิติ", "Perspective"),
    "issues": ("ประเด็นยุทธศาสตร์", "Strategic issues"),
    "drives": ("ส่งผลต่อ", "Drives"),
    "measured_by": ("ตัวชี้วัด", "Measured by"),
    "supported_by": ("เป้าประสงค์ของหน่วยงานที่สนับสนุน", "Unit goals supporting it"),
    "strategies": ("กลยุทธ์", "Strategies"),
    "projects": ("โครงการ", "Projects"),
    "budget": ("งบประมาณ (บาท)", "Budget (baht)"),
    "budget_by_strategy": ("งบประมาณรวมรายกลยุทธ์ (บาท)", "Budget by strategy (baht)"),
    "budget_by_issue": ("งบประมาณรวมรายประเด็นยุทธศาสตร์ (บาท)", "Budget by strategic issue (baht)"),
    "plan_error": ("แผนมีข้อผิดพลาด", "The plan has errors"),
    "plan_error_note": (
        "แก้ไขไฟล์แล้วบันทึก หน้านี้จะแสดงรายงานอีกครั้งเมื่อแผนถูกต้อง",
        "Fix the files and save; the report comes back once the plan is valid.",
    ),
}

KIND_WORDS: dict[str, tuple[str, str]] = {
    "identical": ("เหมือนกัน", "identical"),
    "contributory": ("ร่วมผลักดัน", "contributory"),
    "common": ("ร่วม", "common"),
    "unit_specific": ("เฉพาะหน่วยงาน", "unit specific"),
    "supervisor": ("จากผู้บังคับบัญชา", "from supervisor"),
    "job": ("จากหน้าที่งาน", "from job description"),
    "assignment": ("งานที่ได้รับมอบหมาย", "special assignment"),
    "personal": ("การพัฒนาตนเอง", "personal development"),
}

UNIT_WORDS: dict[str, tuple[str, str]] = {
    "percent": ("ร้อยละ", "percent"),
    "level": ("ระดับ", "level"),
    "count": ("จำนวน (ครั้ง)", "count"),
    "hours": ("ชั่วโมง", "hours"),
    "days": ("วัน", "days"),
    "baht": ("บาท", "baht"),
    "people": ("คน", "people"),
}

ROLE_WORDS: dict[str, tuple[str, str]] = {
    "evaluator": WORDS["evaluator"],
    "evaluatee": WORDS["evaluatee"],
    "witness": WORDS["witness"],
}

PARTY_WORDS: dict[str, tuple[str, str]] = {
    "organisation": ("ส่วนราชการ", "organisation"),
    "unit": ("หน่วยงาน", "unit"),
    "person": ("บุคคล", "person"),
}

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "reported": SHARED["reported"],
    "n/a": ("ไม่ประเมินในรอบนี้", "n/a"),
    "not reported": SHARED["not reported"],
    "inherited": ("ใช้ผลของตัวชี้วัดต้นทาง", "parent's result"),
    "error": ("คำนวณไม่ได้", "cannot be scored"),
}

RELATION_WORDS: dict[str, tuple[str, str]] = {
    "same_as": ("รับมาทั้งหมด", "same as"),
    "contributes_to": ("ส่งผลต่อ", "contributes to"),
}


PUBLIC = "public"
BUSINESS = "business"
BUSINESS_TYPES = frozenset(
    {"company", "corporation", "enterprise", "business", "firm", "partnership", "cooperative"}
)
"""Org-chart unit types (``type:`` of the root unit) that make a plan a business's."""

BUSINESS_WORDING: tuple[tuple[str, str], ...] = (
    ("คำรับรองการปฏิบัติราชการ", "ข้อตกลงผลการปฏิบัติงาน"),
    ("คำรับรอง", "ข้อตกลง"),
    ("ส่วนราชการ", "องค์กร"),
    ("ปฏิบัติราชการ", "ปฏิบัติงาน"),
)
"""Thai public-sector words and a business's words for them, longest first."""


def sector_of(org_type: str | None) -> str:
    """:data:`BUSINESS` for a business organisation type (``company``), else :data:`PUBLIC`."""
    return BUSINESS if (org_type or "").strip().lower() in BUSINESS_TYPES else PUBLIC


def for_sector(text: str, sector: str) -> str:
    """``text`` in the words of ``sector``: a business's Thai has no ส่วนราชการ."""
    if sector != BUSINESS:
        return text
    for public, business in BUSINESS_WORDING:
        text = text.replace(public, business)
    return text


def pick(pair: tuple[str, str], lang: str, sector: str = PUBLIC) -> str:
    """The Thai or English member of a pair, in the words of ``sector``."""
    return for_sector(pair[0], sector) if lang == "th" else pair[1]


def labels(lang: str, sector: str = PUBLIC) -> dict[str, str]:
    """Every UI word in ``lang``, the pages' navigation labels too: what templates see as ``t``
    (a business's Thai words when ``sector`` is :data:`BUSINESS`)."""
    words = {key: pick(pair, lang) for key, pair in WORDS.items()}
    words |= registry.page_words(registry.registered(), lang)
    return {key: for_sector(text, sector) for key, text in words.items()}


def word(
    table: dict[str, tuple[str, str]], key: str | None, lang: str, sector: str = PUBLIC
) -> str:
    """The label of ``key`` in ``table`` (the key itself when it has none)."""
    if key is None:
        return ""
    pair = table.get(key)
    return pick(pair, lang, sector) if pair is not None else key
