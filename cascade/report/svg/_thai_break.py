"""Where Thai text may break between lines, and how good each place is.

Hard rules (``safe_break``): never before a combining mark (U+0E31, U+0E34–0E3A,
U+0E47–0E4E) or a following vowel (ะ า ำ ๅ ๆ ฯ), never after a leading vowel
(เ แ โ ใ ไ, which stays with the consonant after it). Preferences
(``break_priority``): spaces, then syllable or known-word edges, then any other
safe boundary; boundaries that most likely split a syllable (finals after ั ็ ื ึ,
silent ์ consonants, ร หัน, ห/อ นำ, เ-ีย, consonant clusters) only when nothing
else fits.
"""

from __future__ import annotations

from cascade.report.svg._thai_words import word_marks

COMBINING = frozenset(
    "\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F)))
)
LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f")
_SYLLABLE_END = frozenset("\u0e30\u0e33\u0e46\u0e4c\u0e2f")
_UPPER_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e32")
_NEEDS_FINAL = frozenset("\u0e31\u0e47\u0e36\u0e37")
_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")


def _last_non_space(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return text[j] if j >= 0 else ""


def break_priority(text: str, i: int) -> int:
    """How good a line break before ``text[i]`` is: 0 only if nothing else fits, 1 safe,
    2 syllable or word edge, 3 space. (Where 0 is not even safe, see :func:`safe_break`.)"""
    prio = _rule_priority(text, i)
    inside, edges = word_marks(text)
    if i in inside:
        return 0
    if i in edges and prio < 2 and safe_break(text, i):
        return 2  # a known word's edge beats the guess that a syllable goes on (ฟื้นฟู|สมรรถภาพ)
    return prio


def _rule_priority(text: str, i: int) -> int:
    if i <= 0 or i >= len(text):
        return 0
    nxt, prev = text[i], text[i - 1]
    before = _last_non_space(text, i)
    if nxt == " " or nxt in COMBINING or nxt in FOLLOWING or not before or before in LEADING:
        return 0
    if prev == " ":
        return 3
    thai_next, thai_prev = "\u0e00" <= nxt <= "\u0e7f", "\u0e00" <= prev <= "\u0e7f"
    if not thai_next and not thai_prev:
        return 0  # inside a Latin word or number: only when nothing else fits
    if nxt in LEADING or prev in _SYLLABLE_END or thai_next != thai_prev:
        return 2
    if _inside_syllable(text, i):
        return 0
    vowel_before = i >= 2 and (text[i - 2] in _UPPER_VOWELS or text[i - 2] in _TONES)
    if vowel_before and _is_consonant(prev) and _is_consonant(nxt):
        return 2  # a bare consonant after a vowel is most likely a final one
    return 1


def _inside_syllable(text: str, i: int) -> bool:
    """Boundaries that are safe for rendering but most likely split a syllable."""
    j = i - 1
    while j >= 0 and text[j] in COMBINING:
        j -= 1
    marks, base, nxt = text[j + 1 : i], text[j], text[i]
    after = text[i + 1] if i + 1 < len(text) else ""
    if any(m in _NEEDS_FINAL for m in marks):
        return True  # ั ็ ื ึ are (almost) always followed by a final consonant
    if "\u0e4c" in text[i + 1 : i + 3] or "รร" in text[max(0, i - 1) : i + 2]:
        return True  # a silent consonant (์) or ร หัน belongs to the syllable before
    if nxt == "อ" and not marks and _is_consonant(base) and _is_consonant(after) and after != "ย":
        return True  # ของ, ทอง: อ is the vowel between two consonants
    if base + nxt == "อย" or (base == "ห" and nxt in "นมยรลวงญ" and not marks):
        return True  # อ นำ / ห นำ
    if base == "ว" and not marks and text[j - 1 : j] in _TONES and _is_consonant(nxt):
        return True  # ส่วน, ช่วง: ว is the vowel -ัว-, the consonant after it the final
    if base == "ย" and "\u0e35" in text[max(0, j - 2) : j]:
        return True  # เ-ีย goes on to its final consonant
    cluster = _is_consonant(text[j - 1 : j]) or _is_consonant(after)
    if not marks and base in "กขคตทปผพบ" and nxt in "รลว" and cluster:
        return True  # กร ตร ปล ...: a consonant cluster after a closed syllable
    if j >= 1 and text[j - 1] in "เแโ":
        return True  # เ/แ/โ + consonant: the syllable goes on
    open_vowel = (
        base == "\u0e32"
        or (base == "อ" and _is_consonant(text[j - 1 : j]))
        or any(m in "\u0e34\u0e35\u0e38\u0e39" for m in marks)
    )
    return (
        open_vowel
        and _is_consonant(nxt)
        and _is_consonant(after)
        and after not in "รลวอ"
        and not (nxt == "อ" and after == "ย")
    )  # a consonant not followed by its own vowel is most likely the final one


def _is_consonant(ch: str) -> bool:
    return bool(ch) and "\u0e01" <= ch <= "\u0e2e"


def safe_break(text: str, i: int) -> bool:
    """Whether a break before ``text[i]`` keeps Thai clusters whole: not before a
    combining mark or following vowel, not after a leading vowel."""
    nxt = text[i]
    return not (
        nxt == " "
        or nxt in COMBINING
        or nxt in FOLLOWING
        or _last_non_space(text, i) in LEADING
        or not _last_non_space(text, i)
    )
