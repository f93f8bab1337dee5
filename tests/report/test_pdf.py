"""The PDF of the report: Thai text exact in the text layer, escaping, determinism.

The text layer is read two ways.  ``pdf_text`` reads the content streams
that pypdf decompresses and honours ``/ActualText`` spans, as PDF readers do
(pypdf's own ``extract_text`` ignores them, so it turns ``สำเร็จ`` into
``สำ\\x0eาเร็จ`` on any typst PDF; typst writes each multi-glyph Thai cluster
as a span).
``pdftotext`` (poppler) is the independent check, run when installed.
Text is compared with all whitespace removed: line breaks fall between Thai
words, where the source has no space.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream, TextStringObject

from cascade.engine import check_plan
from cascade.report.digits import is_code
from cascade.report.pdf import PdfError, PdfOptions, compile_pdf, font_dir, typst_source, write_pdf
from cascade.report.pdf_markup import (
    document_codes,
    escape_typst,
    keep_words,
    render_typst,
    typst_string,
)
from cascade.report.pdf_pool import Typesetting, make_document
from cascade.report.site import ReportOptions, make_view
from cascade.report.site_view import SiteView
from tests.conftest import ROOT
from tests.report.pdf_text import contents, fonts_of, operations, pdf_pages
from tests.report.report_helpers import run

PROBATION = ROOT / "plans" / "probation"
ACME = ROOT / "plans" / "acme"

# LAW's KPIs as its agreement lists them (by dimension), written out here
# rather than read from the view, ำ and all.
LAW_KPIS = (
    "ร้อยละของระดับความพึงพอใจของลูกค้า",
    "จำนวนครั้งของความผิดพลาดในการให้คำแนะนำปรึกษาทางด้านกฎหมาย",
    "จำนวนข้อทักท้วงจากหน่วยงานทั้งภายในและภายนอกในเรื่องความผิดพลาดของร่างสัญญา",
    "ระดับการปรับปรุงคุณภาพกระบวนงานการให้บริการของหน่วยงาน",
    "ระดับความสำเร็จของร้อยละเฉลี่ยถ่วงน้ำหนักในการลดรอบระยะเวลาของขั้นตอนการปฏิบัติราชการของส่วนราชการ",
    "สัดส่วนของร่างสัญญาที่สามารถตรวจเสร็จภายในเวลามาตรฐาน",
    "ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย",
    "ร้อยละของระดับความพึงพอใจของบุคลากรในการปฏิบัติงาน (วัดบุคลากรของหน่วยงานที่มีต่อหน่วยงาน)",
)
LAW_SIGNATURES = (
    "ลงชื่อ",
    "(นายสุรชัย ธรรมรักษา)",
    "ตำแหน่ง อธิบดีกรมคุมประพฤติ",
    "ผู้รับคำรับรอง",
    "วันที่",
    "ลงชื่อ",
    "(นางสาวกานดา นิติธรรม)",
    "ตำแหน่ง ผู้อำนวยการสำนักกฎหมาย",
    "ผู้ทำคำรับรอง",
    "วันที่",
)


def squash(text: str) -> str:
    """Text without any whitespace: what is compared."""
    return re.sub(r"\s+", "", text)


def in_order(text: str, parts: tuple[str, ...] | list[str], start: int = 0) -> int:
    """Assert each of ``parts`` occurs in ``text`` after the one before; the end."""
    at = start
    for part in parts:
        found = text.find(squash(part), at)
        assert found >= 0, f"not found (in order) after {at}: {part!r}"
        at = found + len(squash(part))
    return at


@dataclass(frozen=True)
class Pdf:
    """A PDF made from one plan, and its text read both ways."""

    path: Path
    view: SiteView
    pages: list[str]  # pypdf, ActualText honoured
    poppler: str | None  # pdftotext -raw, when installed

    @property
    def text(self) -> str:
        return squash("".join(self.pages))


def read_pdf(path: Path, view: SiteView) -> Pdf:
    reader = PdfReader(path)
    pages = pdf_pages(reader)
    poppler = None
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        poppler = done.stdout
    return Pdf(path, view, pages, poppler)


def whole_pdf(view: SiteView, lang: str, out: Path, thai_digits: bool = False) -> Path:
    """Every agreement of ``view`` in one PDF (what ``--pdf-book org`` binds)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(compile_pdf(typst_source(view, lang, thai_digits)))
    return out


def build(plan: Path, out: Path, lang: str = "th") -> Pdf:
    model = check_plan(plan).model
    assert model is not None
    view = make_view(model, ReportOptions(lang=lang))
    return read_pdf(whole_pdf(view, lang, out / "agreements.pdf"), view)


@pytest.fixture(scope="module")
def probation(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return build(PROBATION, tmp_path_factory.mktemp("probation") / "report")


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return build(ACME, tmp_path_factory.mktemp("acme") / "report", lang="en")


def texts(pdf: Pdf) -> list[tuple[str, str]]:
    """(reader, squashed text) for each way of reading the PDF."""
    found = [("pypdf+ActualText", pdf.text)]
    if pdf.poppler is not None:
        found.append(("pdftotext", squash(pdf.poppler)))
    return found


def _pypdf_operand(item: object) -> object:
    """An operand as ``pdf_text`` gives it: strings as bytes, names and numbers as text."""
    if isinstance(item, TextStringObject):
        return item.original_bytes
    if isinstance(item, bytes):
        return bytes(item)
    if isinstance(item, list):
        return [_pypdf_operand(i) for i in item]
    if isinstance(item, dict):
        return {str(k): _pypdf_operand(v) for k, v in item.items()}
    return str(item)


def test_the_text_reader_agrees_with_pypdf_on_every_operation(probation: Pdf) -> None:
    """``pdf_text.operations`` is the fast reader: pypdf's parser is the reference."""
    reader = PdfReader(probation.path)
    for page in (reader.pages[0], reader.pages[1]):
        ours = list(operations(contents(page)))
        theirs = list(ContentStream(page.get_contents(), reader).operations)
        assert len(ours) == len(theirs) > 1000
        for (operands, op), (their_operands, their_op) in zip(ours, theirs, strict=True):
            assert op == their_op
            if op in (b"Tj", b"TJ", b"BDC", b"Tf"):
                expected = [_pypdf_operand(o) for o in their_operands]
                if op == b"TJ":  # numbers in a TJ array: pypdf's 40 is our "40"
                    shown: list[object] = expected[0]  # type: ignore[assignment]
                    expected = [[o if isinstance(o, bytes) else str(o) for o in shown]]
                assert operands == expected, op


# -- the probation plan: LAW's agreement ---------------------------------------


def law_start(text: str) -> int:
    at = text.find(squash("คำรับรองการปฏิบัติราชการ ของ สำนักกฎหมาย ประจำปีงบประมาณ พ.ศ. 2569"))
    assert at >= 0, "LAW's agreement heading is missing"
    return at


def test_law_kpi_names_are_exact_and_in_order(probation: Pdf) -> None:
    for reader, text in texts(probation):
        start = law_start(text)
        table = text.find(squash("ตัวชี้วัด"), start)
        try:
            in_order(text, LAW_KPIS, table)
        except AssertionError as exc:
            raise AssertionError(f"{reader}: {exc}") from None


def test_sara_am_and_stacked_marks_survive(probation: Pdf) -> None:
    """ำ is kept, and a tone mark over an upper vowel is not written twice (typst#7610)."""
    for reader, text in texts(probation):
        assert squash("ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย") in text, reader
        assert squash("เริ่มตั้งแต่วันที่") in text, reader
        assert "สาเร็จ" not in text, reader
        for doubled in ("ริ่ริ่", "ตั้ตั้", "ขั้ขั้", "ทั้ทั้", "รื่รื่"):
            assert doubled not in text, f"{reader}: {doubled}"


def test_law_signature_blocks(probation: Pdf) -> None:
    for reader, text in texts(probation):
        start = law_start(text)
        clause = squash(
            "คำรับรองระหว่าง นายสุรชัย ธรรมรักษา อธิบดีกรมคุมประพฤติ ผู้รับคำรับรอง"
            " กับ นางสาวกานดา นิติธรรม ผู้อำนวยการสำนักกฎหมาย ผู้ทำคำรับรอง"
        )
        assert text.find(clause, start) > start, reader
        end = in_order(text, LAW_SIGNATURES, start)
        assert end < text.find(squash("เป้าประสงค์"), start), f"{reader}: signatures after goals"


def test_every_agreement_and_card_is_there_in_order(probation: Pdf) -> None:
    text = probation.text
    at = 0
    for agreement in probation.view.agreements:
        names = [row.ref.name for dim in agreement.dimensions for row in dim.rows]
        at = in_order(text, [agreement.party.ref.name, *names], at)
        cards = [f"{card.ref.id} {card.ref.name}" for card in agreement.cards]
        at = in_order(text, ["รายละเอียดตัวชี้วัด", *cards], at)


def test_each_agreement_starts_a_page_and_pages_are_a4(probation: Pdf) -> None:
    reader = PdfReader(probation.path)
    firsts = [squash(p)[:200] for p in probation.pages]
    for agreement in probation.view.agreements:
        head = squash(f"คำรับรองการปฏิบัติราชการ ของ {agreement.party.ref.name}")
        assert any(first.startswith(head) for first in firsts), agreement.party.ref.id
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_weights_total_100_in_the_table(probation: Pdf) -> None:
    for agreement in probation.view.agreements:
        assert agreement.total_weight == Decimal(100)
    assert probation.text.count(squash("น้ำหนักรวมครบร้อยละ 100")) == len(probation.view.agreements)


def test_only_sarabun_is_embedded_and_metadata_is_fixed(probation: Pdf) -> None:
    reader = PdfReader(probation.path)
    fonts: set[str] = set()
    for page in reader.pages:
        for ref in fonts_of(page).values():
            fonts.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts <= {"Sarabun-Regular", "Sarabun-Bold"}, fonts
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "คำรับรองการปฏิบัติราชการ กรมคุมประพฤติ ประจำปีงบประมาณ พ.ศ. 2569"
    assert "/CreationDate" not in meta


# -- acme, in English -------------------------------------------------------------


def test_acme_in_english(acme: Pdf) -> None:
    at = 0
    for agreement in acme.view.agreements:
        names = [row.ref.name for dim in agreement.dimensions for row in dim.rows]
        at = in_order(acme.text, ["Performance agreement", agreement.party.ref.name, *names], at)
    assert squash("This agreement is made between") in acme.text
    if acme.poppler is not None:
        for agreement in acme.view.agreements:
            assert squash(agreement.party.ref.name) in squash(acme.poppler)


def test_one_pdf_per_party_and_the_org_book_same_bytes(acme: Pdf, tmp_path: Path) -> None:
    result = write_pdf(acme.view, tmp_path / "report", PdfOptions("en", book="org", jobs=2))
    folder = tmp_path / "report" / "pdf"
    assert result.folder == folder
    parties = [f"{a.party.ref.page}.pdf" for a in acme.view.agreements]
    assert parties == ["ACME.pdf", "SALES.pdf", "OPS.pdf", "P020.pdf"]
    listed = sorted([*parties, "books/agreements.pdf"])
    assert (folder / ".cascade-report").read_text(encoding="utf-8").splitlines() == listed
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.pdf")) == listed
    assert (folder / "books" / "agreements.pdf").read_bytes() == acme.path.read_bytes()
    assert result.pages == 2 * len(PdfReader(acme.path).pages)
    assert {(folder / p).stat().st_mode & 0o777 for p in listed} == {0o644}
    # the workers write what this process writes (they hold only the view's shell)
    alone = tmp_path / "alone"
    make_document(acme.view, Typesetting("en"), alone, result.documents[1])
    assert (alone / "SALES.pdf").read_bytes() == (folder / "SALES.pdf").read_bytes()
    shutil.rmtree(alone)
    for agreement, name in zip(acme.view.agreements, parties, strict=True):
        alone = read_pdf(folder / name, acme.view)
        assert alone.text.startswith(squash(f"Performance agreement of {agreement.party.ref.name}"))
        others = [a.party.ref.name for a in acme.view.agreements if a is not agreement]
        assert not any(squash(f"agreement of {other}") in alone.text for other in others)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no temp folder left
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == ["pdf"]


def test_thai_digits(acme: Pdf, tmp_path: Path) -> None:
    path = whole_pdf(acme.view, "th", tmp_path / "digits.pdf", thai_digits=True)
    text = squash("".join(pdf_pages(PdfReader(path))))
    assert squash("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙") in text
    assert squash("๑. ข้อตกลงระหว่าง") in text  # a company signs a ข้อตกลง
    assert squash("ระยะเวลา ๑ ปี") in text  # a number in a sentence of the form
    codes = document_codes(acme.view)
    words = re.findall(r"[A-Za-z0-9_./-]*[0-9][A-Za-z0-9_./-]*", text)
    assert len(words) > 100  # codes: KPI ids, goals, parties …
    assert [w for w in words if not is_code(w, codes)] == []  # … and no other ASCII number


# -- escaping -----------------------------------------------------------------------

HOSTILE = (
    "#let x = 1",
    "$x^2$ and $",
    "*bold* _it_ `code` ```raw```",
    "<label> @ref [a] ] [ \\ \\\\",
    "= not a heading",
    "- not a list",
    "+ not an enum",
    "1. not an enum either",
    "/ term: not a term",
    "// not a comment",
    "/* not a comment */",
    "~ -- --- ... -? 'single' \"double\"",
    '#{panic()} #panic("x") #import "x.typ"',
    "\\u{41} \\ line",
    "https://example.org/a_b?c=d#e",
    "100% & ^ | ! ? ; : , . { } ( )",
    "ร้อยละ *ของ* ความสำเร็จ #1",
)


def test_escape_typst_backslashes_every_special() -> None:
    assert escape_typst("#panic()") == "\\#panic\\(\\)"
    assert escape_typst("ร้อยละ 100% *จริง*") == "ร้อยละ 100\\% \\*จริง\\*"
    assert escape_typst("a\r\nb\rc\nd") == "a#linebreak();b#linebreak();c#linebreak();d"
    assert escape_typst(None) == ""
    assert escape_typst(Decimal("2.5")) == "2\\.5"
    assert escape_typst("bell\x07 nul\x00") == "bell nul"
    for text in HOSTILE:
        escaped = escape_typst(text).replace("#linebreak();", "")
        bare = re.sub(r"\\.", "", escaped)  # drop every backslash pair
        assert not re.search(r"[!-/:-@\[-`{-~]", bare), (text, bare)


def test_typst_string_escapes_quotes_and_backslashes() -> None:
    assert str(typst_string('a "b" \\ c\nd')) == '"a \\"b\\" \\\\ c\\nd"'


def _roundtrip(texts_in: list[str]) -> list[str]:
    """Each text set as a paragraph through escape_typst, read back per paragraph."""
    marker = "QQQ"
    body = f"\n\n{marker}\n\n".join(escape_typst(t) for t in texts_in)
    src = f'#set text(font: "Sarabun", lang: "th", features: (mark: 0, mkmk: 0))\n{body}'
    pdf = compile_pdf(src)
    text = "".join(pdf_pages(PdfReader(io.BytesIO(pdf))))
    return [squash(part) for part in squash(text).split(marker)]


def test_hostile_strings_come_out_as_written() -> None:
    assert _roundtrip(list(HOSTILE)) == [squash(t) for t in HOSTILE]


THAI_WORDS = ("สำเร็จ", "น้ำหนัก", "เริ่มต้น", "ขั้นตอน", "ทั้งหมด", "ฟื้นฟู", "ที่นี่", "กฎหมาย")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12),
            st.sampled_from(THAI_WORDS),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_ascii_and_thai_text_comes_out_as_written(parts: list[str]) -> None:
    text = " ".join(parts).replace("QQQ", "")
    assert _roundtrip([text]) == [squash(text)]


def test_template_output_has_no_unescaped_data(probation: Pdf) -> None:
    """Every KPI name reaches the typst source only in its escaped form (its known
    Thai words each in an unbreakable box)."""
    source = render_typst(probation.view, "th")
    for agreement in probation.view.agreements:
        for dim in agreement.dimensions:
            for row in dim.rows:
                assert keep_words(escape_typst(row.ref.name)) in source


# -- failures ------------------------------------------------------------------------


def test_typst_errors_become_pdf_errors() -> None:
    with pytest.raises(PdfError) as caught:
        compile_pdf('#let x = (\n#panic("no")')
    assert "RPT001" in caught.value.diagnostic.format()
    assert "typst could not compile the report" in str(caught.value)


def test_unwritable_output_is_a_pdf_error(acme: Pdf, tmp_path: Path) -> None:
    blocker = tmp_path / "report"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(PdfError, match="cannot write"):
        write_pdf(acme.view, blocker, PdfOptions("en", jobs=1))


def test_the_font_is_sarabun_from_pypi() -> None:
    folder = font_dir()
    assert (folder / "Sarabun-Regular.ttf").is_file()
    fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(folder)])
    assert "Sarabun" in fonts.families()


# -- the CLI -----------------------------------------------------------------------


def test_cli_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["report", str(ACME), "--format", "html,pdf", "--out", str(tmp_path)], capsys
    )
    assert code == 0, err
    folder = tmp_path / "report" / "pdf"
    assert f"wrote {folder} (4 files, " in out
    assert (folder / "ACME.pdf").read_bytes().startswith(b"%PDF-")


# -- absurd but valid input is refused, quickly ------------------------------------


def test_a_megabyte_name_is_refused_not_typeset(acme: Pdf, tmp_path: Path) -> None:
    first = dataclasses.replace(acme.view.agreements[0], title="ก" * 1_000_000)
    view = dataclasses.replace(acme.view, agreements=(first,))
    started = time.perf_counter()
    with pytest.raises(PdfError) as caught:
        write_pdf(view, tmp_path / "report", PdfOptions("en", jobs=1))
    assert time.perf_counter() - started < 5
    assert str(caught.value) == (
        "templates/report/pdf/report.typ:0:0: [error] PDF: a text of 1,000,000 characters ('"
        + "ก" * 30
        + "'…) is too long to print (at most 10,000); shorten it in the plan or leave out "
        "--format pdf (RPT001)"
    )
    assert list((tmp_path / "report").iterdir()) == []  # no PDF folder, no temp folder


def test_ten_thousand_kpis_in_one_agreement_are_refused(acme: Pdf, tmp_path: Path) -> None:
    first = acme.view.agreements[0]
    many = dataclasses.replace(first, cards=first.cards[:1] * 10_000)
    view = dataclasses.replace(acme.view, agreements=(many,))
    with pytest.raises(PdfError, match="the agreement of ACME has 10,000 KPIs, too many to print"):
        write_pdf(view, tmp_path / "report", PdfOptions("en", jobs=1))
    assert not (tmp_path / "report").exists()


def test_a_scale_of_sixteen_levels_is_refused(acme: Pdf, tmp_path: Path) -> None:
    first = acme.view.agreements[0]
    wide = dataclasses.replace(first, levels=tuple(range(1, 17)))
    view = dataclasses.replace(acme.view, agreements=(wide,))
    with pytest.raises(PdfError, match="a scale of 16 levels is too wide to print"):
        write_pdf(view, tmp_path / "report", PdfOptions("en", jobs=1))
    assert not (tmp_path / "report").exists()
