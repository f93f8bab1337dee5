"""Writing drafts into the plan: a new file (atomic, never over an existing
one unless forced), or one more item appended to a list of an existing file
through a ruamel.yaml round trip that keeps its comments."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from cascade.fileio import atomic_write
from cascade.new.common import NewError
from cascade.new.yamlout import check_document, cseq, make_yaml, note_before, note_last

BOM = "\ufeff"


def write_new(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; an existing file only with ``force``."""
    if path.exists() and not force:
        raise NewError(f"{path} already exists; nothing written (use --force to replace it)")
    if path.exists() and not path.is_file():
        raise NewError(f"{path} is not a regular file; nothing written")
    atomic_write(path, text)


@dataclass(frozen=True, slots=True)
class Appended:
    """The new text of a file and how many of its old lines ruamel rewrote."""

    text: str
    rewritten: int


def _layout(text: str) -> tuple[int, int]:
    """The file's sequence indent and dash offset (``kpis:`` / ``  - id:`` is 4, 2)."""
    try:
        _, indent, offset = load_yaml_guess_indent(text)
    except YAMLError:
        return 4, 2
    if not isinstance(indent, int) or not isinstance(offset, int):
        return 4, 2
    return max(indent, offset + 2), offset


def _rewritten(before: str, after: str) -> int:
    """Lines of ``before`` that are not in ``after`` as they were."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return sum(
        i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("replace", "delete")
    )


def append_item(
    path: Path,
    doc: int,
    key: str,
    item: CommentedMap,
    kind: str,
    comment: str = "",
    match_flow: bool = False,
    todo: str = "",
) -> Appended:
    """``path``'s text with ``item`` appended to the list under ``key`` of document ``doc``.

    Comments, key order, quotes and flow styles of the file survive the round
    trip; a list written in flow style (``kpis: []``) becomes a block list.
    With ``match_flow``, ``item`` is written ``{a: 1, …}`` when the list's
    last item is.  ``comment`` goes on lines before the item, ``todo`` at the
    end of its last line.
    """
    raw = path.read_text(encoding="utf-8")
    bom = raw.startswith(BOM)
    text = raw.removeprefix(BOM)
    sequence, offset = _layout(text)
    yaml = make_yaml(sequence, offset)
    yaml.explicit_start = text.lstrip().startswith("---")
    try:
        docs = list(yaml.load_all(text))
    except YAMLError as exc:
        raise NewError(f"{path} is not valid YAML: {exc}") from None
    target = docs[doc] if doc < len(docs) else None
    if not isinstance(target, CommentedMap):
        raise NewError(f"{path}: document {doc + 1} is not a mapping")
    seq = target.get(key)
    if not isinstance(seq, CommentedSeq) or (not seq and seq.fa.flow_style()):
        seq = cseq()
        target[key] = seq
    last = seq[-1] if seq else None
    if match_flow and isinstance(last, CommentedMap) and last.fa.flow_style():
        item.fa.set_flow_style()
    seq.append(item)
    if todo:
        note_last(seq, todo)
    if comment:
        note_before(seq, len(seq) - 1, "\n" + comment, indent=offset)
    out = io.StringIO()
    yaml.dump_all(docs, out)
    new = out.getvalue()
    check_document(new, kind, path.name)
    return Appended((BOM if bom else "") + new, _rewritten(text, new))
