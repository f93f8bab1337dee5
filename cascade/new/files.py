"""Writing drafts into the plan: a new file (atomic, never over an existing
one unless forced), or one more item appended to a list of an existing file.

Appending inserts the item's lines after the list's last item and leaves
every other byte of the file as it was (line endings, BOM, long Thai lines,
multi-line names).  Only a list that is not a non-empty block list (missing,
``kpis: []``) goes through a ruamel.yaml round trip, which keeps comments but
may rewrite other lines (the caller is told how many)."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from cascade.fileio import atomic_write
from cascade.new.common import NewError
from cascade.new.yamlout import check_document, cmap, cseq, dump, make_yaml, note_before, note_last

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

    The item's lines go right after the list's last item; no other line of the
    file changes.  A list written in flow style (``kpis: []``) or missing goes
    through a round trip and becomes a block list.  With ``match_flow``,
    ``item`` is written ``{a: 1, …}`` when the list's last item is.
    ``comment`` goes on a line before the item, ``todo`` at the end of its
    last line.
    """
    raw = path.read_bytes().decode("utf-8")
    return append_to_text(raw, path, doc, key, item, kind, comment, match_flow, todo)


def append_to_text(
    raw: str,
    path: Path,
    doc: int,
    key: str,
    item: CommentedMap,
    kind: str,
    comment: str = "",
    match_flow: bool = False,
    todo: str = "",
) -> Appended:
    """:func:`append_item` on the text ``raw`` of ``path`` (an editor's buffer);
    ``path`` only names the file in messages."""
    bom = raw.startswith(BOM)
    text = raw.removeprefix(BOM)
    sequence, offset = _layout(text)
    yaml_rt = make_yaml(sequence, offset)
    yaml_rt.explicit_start = text.lstrip().startswith("---")
    try:
        docs = list(yaml_rt.load_all(text))
    except YAMLError as exc:
        raise NewError(f"{path} is not valid YAML: {exc}") from None
    target = docs[doc] if doc < len(docs) else None
    if not isinstance(target, CommentedMap):
        raise NewError(f"{path}: document {doc + 1} is not a mapping")
    seq = target.get(key)
    if isinstance(seq, CommentedSeq) and seq and not seq.fa.flow_style():
        last = seq[-1]
        if match_flow and isinstance(last, CommentedMap) and last.fa.flow_style():
            item.fa.set_flow_style()
        inserted = _inserted(text, doc, key, _item_lines(item, yaml_rt, comment, todo))
        if inserted is not None:
            check_document(inserted, kind, path.name)
            return Appended((BOM if bom else "") + inserted, _rewritten(text, inserted))
    return _round_trip(text, bom, docs, yaml_rt, target, key, item, kind, path, comment, todo)


def _item_lines(item: CommentedMap, layout: YAML, comment: str, todo: str) -> list[str]:
    """The item as list lines with the dash at column 0, ``comment`` on a line
    before it and ``todo`` at the end of its last line."""
    items = cseq([item])
    if todo:
        note_last(items, todo)
    lines = dump(cmap([("items", items)]), layout).splitlines()[1:]
    dash = len(lines[0]) - len(lines[0].lstrip(" "))
    lines = [line[dash:] if line.startswith(" " * dash) else line.lstrip(" ") for line in lines]
    return (["", f"# {comment}"] if comment else []) + lines


def last_line(node: yaml.Node) -> int:
    """The index of the line after which ``node`` (a list item, a mapping) ends."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def _inserted(text: str, doc: int, key: str, item: list[str]) -> str | None:
    """``text`` with ``item``'s lines (dash at column 0) after the last item of
    the block list under ``key`` in document ``doc``; ``None`` when the list
    cannot be found that way."""
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    root = nodes[doc] if doc < len(nodes) else None
    if not isinstance(root, yaml.MappingNode):
        return None
    found = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key]
    if len(found) != 1 or not isinstance(found[0], yaml.SequenceNode) or not found[0].value:
        return None
    lines = text.splitlines(keepends=True)
    first = lines[found[0].value[-1].start_mark.line]
    dash = len(first) - len(first.lstrip(" "))
    after = last_line(found[0].value[-1]) + 1
    while after < len(lines) and _comment_deeper(lines[after], dash):
        after += 1
    newline = "\r\n" if "\r\n" in text else "\n"
    if after > 0 and not lines[after - 1].endswith(("\n", "\r")):
        lines[after - 1] += newline
    added = [f"{' ' * dash}{line}".rstrip(" ") + newline for line in item]
    return "".join(lines[:after] + added + lines[after:])


def _comment_deeper(line: str, dash: int) -> bool:
    """A comment line indented past the list's dashes (it belongs to the last item)."""
    stripped = line.lstrip(" ")
    return stripped.startswith("#") and len(line) - len(stripped) > dash


def _round_trip(
    text: str,
    bom: bool,
    docs: list[object],
    layout: YAML,
    target: CommentedMap,
    key: str,
    item: CommentedMap,
    kind: str,
    path: Path,
    comment: str,
    todo: str,
) -> Appended:
    """The file dumped again with ``item`` in a new block list under ``key``."""
    seq = target.get(key)
    if not isinstance(seq, CommentedSeq) or (not seq and seq.fa.flow_style()):
        seq = cseq()
        target[key] = seq
    seq.append(item)
    if todo:
        note_last(seq, todo)
    if comment:
        note_before(seq, len(seq) - 1, "\n" + comment, indent=_layout(text)[1])
    out = io.StringIO()
    layout.dump_all(docs, out)
    new = out.getvalue()
    check_document(new, kind, path.name)
    return Appended((BOM if bom else "") + new, _rewritten(text, new))
