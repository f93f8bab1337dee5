"""ruamel.yaml, round-trip: build documents whose TODO notes are real YAML
comments, dump them, and check that what we wrote is a valid plan document."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from cascade.load.reader import parse_text
from cascade.spec.validate import validate_document

WIDTH = 4096
"""Never fold a line: long Thai names stay on the line they were written on."""


def _decimal(representer: Any, value: Decimal) -> Any:
    """An exact decimal as a plain number: ``35``, ``2.5`` (never ``1E+1``)."""
    if value == value.to_integral_value():
        return representer.represent_scalar("tag:yaml.org,2002:int", str(int(value)))
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))


def make_yaml(sequence: int = 4, offset: int = 2) -> YAML:
    """A round-trip YAML with the plans' layout: ``kpis:`` then ``  - id: …``."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    yaml.representer.add_representer(Decimal, _decimal)
    return yaml


def dump(data: Any, yaml: YAML | None = None) -> str:
    """``data`` as YAML text."""
    out = io.StringIO()
    (yaml or make_yaml()).dump(data, out)
    return out.getvalue()


def cmap(pairs: Iterable[tuple[Any, Any]] = (), flow: bool = False) -> CommentedMap:
    """A mapping that can carry comments; ``flow`` writes it ``{a: 1, b: 2}``."""
    node = CommentedMap()
    for key, value in pairs:
        node[key] = value
    if flow:
        node.fa.set_flow_style()
    return node


def cseq(items: Iterable[Any] = (), flow: bool = False) -> CommentedSeq:
    """A sequence that can carry comments; ``flow`` writes it ``[a, b]``."""
    node = CommentedSeq(list(items))
    if flow:
        node.fa.set_flow_style()
    return node


def quoted(text: str) -> DoubleQuotedScalarString:
    """Text written in double quotes (ids that look like numbers: ``"1"``)."""
    quoted_text: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return quoted_text


def id_node(text: str) -> str:
    """An id as written: double-quoted when YAML would read it as something
    else than text (``"1"``, ``"1.10"``, ``"no"``, ``"2569-10-01"``); cascade
    reads it as text either way, other tools may not."""
    try:
        plain = isinstance(yaml.safe_load(text), str)
    except yaml.YAMLError:
        plain = False
    return text if plain else quoted(text)


def text_node(value: object) -> object:
    """A name as written in the plan: text, or ``{th: …, en: …}`` in flow style."""
    if isinstance(value, str) or value is None:
        return value
    data = value.model_dump(exclude_none=True) if hasattr(value, "model_dump") else value
    if isinstance(data, Mapping):
        return cmap(data.items(), flow=True)
    return data


def note(node: CommentedMap, key: str, comment: str) -> None:
    """An end-of-line comment after ``key``'s value, two spaces after it."""
    token = CommentToken(f" # {comment}", CommentMark(0))
    node.yaml_value_comment_extend(key, [token, None])


def note_last(seq: CommentedSeq, comment: str) -> None:
    """An end-of-line comment after the last item of ``seq``: on the item's line
    when it is written in flow style, else after its last key."""
    item = seq[-1]
    if isinstance(item, CommentedMap) and item and not item.fa.flow_style():
        note(item, list(item)[-1], comment)
        return
    token = CommentToken(f" # {comment}", CommentMark(0))
    seq.yaml_key_comment_extend(len(seq) - 1, [token, None])


def note_before(node: CommentedMap | CommentedSeq, key: Any, comment: str, indent: int) -> None:
    """Comment lines before ``key`` (a mapping key or a sequence index)."""
    node.yaml_set_comment_before_after_key(key, before=comment, indent=indent)


def header(lines: Iterable[str]) -> str:
    """A comment block for the top of a new file; empty lines become ``#``."""
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def check_document(text: str, kind: str, file: str = "<draft>") -> None:
    """Raise ``RuntimeError`` unless ``text`` reads back as valid ``kind`` documents.

    Guards against a bug in cascade writing a file the loader or the spec
    would refuse; cross-file rules are ``cascade validate``'s job.
    """
    read = parse_text(text, file)
    problems = [d.message for d in read.diagnostics]
    for index, data in enumerate(read.documents):
        if isinstance(data, dict) and data.get("kind") not in (None, kind):
            continue
        _, findings = validate_document(data, file, index)
        problems.extend(f.message for f in findings)
    if problems:
        raise RuntimeError(f"cascade drafted an invalid {kind}: {'; '.join(problems)}")
