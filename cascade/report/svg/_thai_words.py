"""A small list of Thai words common in strategy and KPI documents.

Line wrapping does not break inside these words and prefers to break at their
edges: in the SVG maps (see ``_text``), and in the PDF, where each is set in an
unbreakable box (typst's own Thai dictionary splits งบ|ประมาณ, ยาเสพ|ติด,
ตัว|ชี้วัด).  It is a cheap stand-in for a dictionary word segmenter, which would
be a heavy dependency.  Unknown words still wrap safely, only less prettily.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_TEXT = """
    ยุทธศาสตร์ ประสิทธิผล ประสิทธิภาพ ปฏิบัติราชการ ราชการ ปฏิบัติ กระบวนการ กระบวนทัศน์
    ยุติธรรม สังคม ชุมชน องค์กร องค์การ บริการ บริหาร จัดการ คุณภาพ มาตรฐาน สากล ส่วนร่วม
    เครือข่าย ยาเสพติด คอร์รัปชัน ทุจริต อาชญากรรม ปราบปราม ป้องกัน กระทรวง ต่อเนื่อง
    ตัวชี้วัด เป้าประสงค์ เป้าหมาย งบประมาณ โครงการ ผลสัมฤทธิ์ คำรับรอง พัฒนา ประชาชน
    ประเมิน กระทำผิด พฤตินิสัย พฤติกรรม สามารถ ยั่งยืน อย่าง บังคับ รักษา ฟื้นฟู สมรรถภาพ
    สมรรถนะ ประพฤติ บุคลากร วัฒนธรรม สารสนเทศ เทคโนโลยี ดิจิทัล นวัตกรรม ภาครัฐ ภาคี
    ประเด็น นโยบาย แผนงาน ผลผลิต ผลลัพธ์ ร้อยละ จำนวน ระดับ ความสำเร็จ ความพึงพอใจ
    หน่วยงาน ปรับเปลี่ยน เปลี่ยนแปลง ส่งเสริม เสริมสร้าง เหมาะสม สะดวก รวดเร็ว เข้าถึง
    เสมอภาค เชื่อมั่น เป็นธรรม ภาระ ปัญหา แก้ไข ถ้วนหน้า ธรรมาภิบาล ติดตาม อาสาสมัคร
    ยกระดับ ศักยภาพ กฎหมาย อุปสรรค ทบทวน ยุทธศาสตร์ชาติ แผนแม่บท ข้าราชการ ผู้บริหาร
    ผู้รับบริการ ผู้ติดยาเสพติด การเงิน การคลัง ความเสี่ยง ควบคุมภายใน ตรวจสอบ ข้อมูล
    ระบบ สถิติ รายงาน ไตรมาส ปีงบประมาณ คะแนน น้ำหนัก ค่าเป้าหมาย ผลการดำเนินงาน
    ดำเนินงาน ดำเนินการ ประจำปี ภารกิจ พันธกิจ วิสัยทัศน์ สนับสนุน บูรณาการ ความร่วมมือ
    ประชาสัมพันธ์ ฝึกอบรม สวัสดิการ ทรัพยากร มนุษย์ ความโปร่งใส ตรวจสอบได้ ประโยชน์
    ภายใน เสพติด เบิกจ่าย สัมฤทธิ์
"""
WORDS = tuple(dict.fromkeys(_WORD_TEXT.split()))
_LONGEST_FIRST = re.compile("|".join(sorted(WORDS, key=len, reverse=True)))


def known_words(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each known word in ``text``, left to right, the longest
    word where several start at one place, never overlapping."""
    return [m.span() for m in _LONGEST_FIRST.finditer(text)]


@lru_cache(maxsize=256)
def word_marks(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Indices strictly inside a known word, and indices at a known word's edge."""
    inside: set[int] = set()
    edges: set[int] = set()
    for word in WORDS:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            inside.update(range(start + 1, end))
            edges.update((start, end))
            start = text.find(word, start + 1)
    return frozenset(inside), frozenset(edges - inside)
