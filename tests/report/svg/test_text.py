"""Thai-safe wrapping and the width model."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cascade.report.svg._text import (
    COMBINING,
    FOLLOWING,
    LEADING,
    MAX_LABEL,
    char_em,
    clean,
    clip,
    min_width,
    safe_break,
    text_width,
    wrap,
)

THAI = "".join(chr(c) for c in range(0x0E01, 0x0E5C) if c not in range(0x0E3B, 0x0E3F))
thai_text = st.text(alphabet=THAI + "   ", min_size=0, max_size=120)
mixed_text = st.text(alphabet=THAI + " abcXYZ019.()-", min_size=0, max_size=120)


def check_lines(text: str, lines: list[str], max_width: float, size: float) -> None:
    cleaned = clean(text)
    assert "".join(lines).replace(" ", "") == cleaned.replace(" ", "")
    for k, line in enumerate(lines):
        assert line and line == line.strip()
        if k > 0 or cleaned[:1] not in COMBINING | FOLLOWING:
            assert line[0] not in COMBINING, (lines, k)
            assert line[0] not in FOLLOWING, (lines, k)
        if k < len(lines) - 1 or cleaned[-1:] not in LEADING:
            assert line[-1] not in LEADING, (lines, k)
        # wider only when the line is one unbreakable cluster
        assert text_width(line, size) <= max(max_width, min_width(line, size)) + 1e-9


@settings(max_examples=400, deadline=None)
@given(thai_text, st.floats(min_value=10, max_value=400))
def test_thai_wrap_never_splits_a_cluster(text: str, max_width: float) -> None:
    check_lines(text, wrap(text, max_width, 14), max_width, 14)


@settings(max_examples=200, deadline=None)
@given(mixed_text, st.floats(min_value=10, max_value=400))
def test_mixed_wrap_never_splits_a_cluster(text: str, max_width: float) -> None:
    check_lines(text, wrap(text, max_width, 12), max_width, 12)


@given(thai_text)
def test_safe_break_rules(text: str) -> None:
    for i in range(1, len(text)):
        if safe_break(text, i):
            assert text[i] not in COMBINING and text[i] not in FOLLOWING
            assert text[:i].rstrip()[-1:] not in LEADING


def test_combining_marks_have_zero_width() -> None:
    assert all(char_em(ch) == 0 for ch in COMBINING)
    assert text_width("กี่", 10) == text_width("ก", 10)
    assert text_width("ก", 10, bold=True) > text_width("ก", 10)


def test_breaks_at_spaces_first() -> None:
    text = "ประชาชนในพื้นที่ต่างๆ สามารถได้รับบริการ"
    assert wrap(text, text_width(text, 14) - 1, 14) == [
        "ประชาชนในพื้นที่ต่างๆ",
        "สามารถได้รับบริการ",
    ]


def test_known_words_stay_whole() -> None:
    lines = wrap("ประสิทธิผลตามยุทธศาสตร์", 134, 14, bold=True)
    assert lines == ["ประสิทธิผลตาม", "ยุทธศาสตร์"]
    assert wrap("ผู้กระทำผิดในชุมชนสามารถกลับตนเป็นคนดีของสังคม", 176, 14) == [
        "ผู้กระทำผิดในชุมชน",
        "สามารถกลับตนเป็นคนดี",
        "ของสังคม",
    ]


def test_leading_vowel_stays_with_its_consonant() -> None:
    for width in range(10, 200, 3):
        for line in wrap("เกเเเกแกโกใกไก", width, 14):
            assert line[-1] not in LEADING


def test_latin_words_break_at_spaces_and_long_ones_anywhere() -> None:
    assert wrap("Good Governance Royal Decree", 90, 12) == ["Good", "Governance", "Royal Decree"]
    assert all(text_width(x, 12) <= 40 for x in wrap("x" * 40, 40, 12))


def test_clean_drops_control_characters_and_collapses_space() -> None:
    assert clean(" a\x00b\t\n c\ufffe ") == "ab c"
    assert wrap("", 100, 12) == [] == wrap("   ", 100, 12)


def test_wrapping_a_long_name_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line is measured once and break places are judged in the whole text:
    wrapping used to copy and measure what was left after every line (10 KB of
    Thai took 3 s, a 1 MB name hours and gigabytes)."""
    import cascade.report.svg._thai_break as thai_break

    seen: list[int] = []
    marks = thai_break.word_marks

    def recording(text: str) -> tuple[frozenset[int], frozenset[int]]:
        seen.append(len(text))
        return marks(text)

    monkeypatch.setattr(thai_break, "word_marks", recording)
    monkeypatch.setattr("cascade.report.svg._text.MAX_LABEL", 100_000)  # not clipped here
    name = "บุคลากรมีความพึงพอใจ" * 2_000  # 40,000 characters
    widths: list[int] = []
    monkeypatch.setattr(
        "cascade.report.svg._text.char_em", lambda ch, em=char_em: widths.append(1) or em(ch)
    )
    started = time.process_time()
    lines = wrap(name, 200, 14)
    spent = time.process_time() - started
    assert len(lines) == 2_000 and "".join(lines) == name
    assert set(seen) == {len(name)}  # the whole text, never a copy of the rest
    assert len(widths) < 2 * len(name)  # each character measured about once
    assert spent < 10  # about 0.5 s; quadratic wrapping took minutes


def test_a_megabyte_label_is_clipped_at_a_safe_break() -> None:
    name = "ผู้ถูกคุมความประพฤติ" * 50_000  # 1,000,000 characters
    lines = wrap(name, 200, 14)
    text = "".join(lines)
    assert text.endswith("…") and len(text) <= MAX_LABEL
    assert name.startswith(text[:-1])
    assert safe_break(name, len(text) - 1)  # never inside a cluster (ผู้ keeps its marks)
    assert clip("สั้น") == "สั้น" and clip("ก" * 600, 10) == "ก" * 9 + "…"
