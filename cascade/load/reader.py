"""Read YAML safely: bytes in, plain data or diagnostics out, never an exception.

The fast path is libyaml (PyYAML's C parser) composing nodes with the base
resolver, so every scalar stays the string that was written; our own small
constructor then turns nodes into dicts, lists and strings, and is where the
checks that libyaml-based loaders skip happen:

* duplicate keys (PyYAML silently keeps the last one),
* tags such as ``!!python/object`` or ``!custom`` (rejected, never constructed)
  and merge keys ``<<`` (YAML 1.1 only; other tools would read them otherwise),
* aliases, expanded as copies under a small bound (no alias bomb),
* nesting, bounded *before* parsing (libyaml-based parsers crash the process
  past ~25,000 levels) and again while constructing,
* encodings: UTF-8 only (a UTF-8 BOM is fine); other encodings and hidden
  control characters are named (:mod:`cascade.load.encoding`).

Every duplicate key, tag, merge key and complex key of a file is reported,
not only the first; syntax errors are placed by :mod:`cascade.load.syntax`.

Plain ``~``, ``null`` and empty scalars become ``None``; everything else stays
text for the models to convert per field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from cascade.checks.check import StageCheck
from cascade.checks.load import (
    ALIAS,
    COMPLEX_KEY,
    DEPTH,
    DUPLICATE_KEY,
    EMPTY,
    SYNTAX,
    TAG,
    UNREADABLE,
)
from cascade.diagnostics import Diagnostic, Level, Location
from cascade.load.encoding import decode_utf8
from cascade.load.parser import MAP as _MAP
from cascade.load.parser import SEQ as _SEQ
from cascade.load.parser import STR as _STR
from cascade.load.parser import Loader as _Loader
from cascade.load.syntax import syntax_diagnostics

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
PRECHECK_DEPTH = 2_000
MAX_ALIAS_NODES = 10_000

_Scalar, _Sequence = yaml.ScalarNode, yaml.SequenceNode
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_MERGE = "merge keys ('<<') are not allowed; write the keys out in full"


Stamp = tuple[int, int, int, int]
"""``(size, mtime_ns, ctime_ns, inode)`` of a file: like git's index, a file
whose stamp is unchanged is taken as unchanged (``utime`` can set the mtime
back, never the ctime)."""


@dataclass(slots=True)
class ReadResult:
    """The documents of one file (``None`` for an empty document) and its problems."""

    file: str
    documents: list[Any] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cells: dict[tuple[str | int, ...], tuple[int, int]] | None = None
    """For table files (CSV, xlsx): document path → (row, column) of its cell."""
    stamp: Stamp | None = None
    """What tells a changed file without reading it (set by ``read_all``)."""
    digest: str = ""
    """The parse-cache key of the bytes read (set by ``read_all`` with a cache)."""

    @property
    def ok(self) -> bool:
        return not any(d.level is Level.ERROR for d in self.diagnostics)


class _Stop(Exception):
    """Construction found a problem that makes the document unusable."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a file (``None`` when it is not UTF-8) and the diagnostics
    that refuse it (:func:`cascade.load.encoding.decode_utf8`)."""
    return decode_utf8(data, file)


def _mark(mark: Any) -> tuple[int, int]:
    """1-based (line, column) of a parser mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _depth_precheck(text: str, file: str) -> Diagnostic | None:
    """Refuse input nested deep enough to crash libyaml, before parsing it.

    Nesting depth is at most the longest line (block nesting needs indentation
    or ``- `` on one line) plus the number of flow openers, so most files are
    cleared by that cheap bound; others are measured exactly from the event
    stream, which libyaml produces without recursion.
    """
    if len(text) < PRECHECK_DEPTH:
        return None
    bound = text.count("[") + text.count("{") + max(map(len, text.splitlines()), default=0)
    if bound < PRECHECK_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = _mark(event.start_mark)
                    return DEPTH.diagnostic(
                        file, f"nesting deeper than {MAX_DEPTH} levels", line, col
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # the real parse reports the syntax error with its position
    return None


class _Constructor:
    """Turns composed nodes into plain data, enforcing the loader's checks."""

    __slots__ = ("alias_budget", "anchors", "file", "problems", "seen")

    def __init__(self, file: str, anchors: bool = True) -> None:
        self.file = file
        self.anchors = anchors  # without '&' in the text there can be no alias
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.alias_budget = MAX_ALIAS_NODES

    def build(self, node: yaml.Node, depth: int = 0, place: yaml.Node | None = None) -> Any:
        """Plain data for ``node``.

        ``place`` is the innermost node written in the file (not reached
        through an alias): an alias shares its anchor's node, so an alias
        expansion that goes over the bound is reported where it was used.
        """
        kind = type(node)
        if kind is _Scalar:  # most nodes: keep this path short
            if node.tag != _STR:
                return self._tag(node)
            value: str = node.value
            if not node.style and value in _NULLS:  # type: ignore[attr-defined]
                return None
            if self.anchors:
                self._count(node, place)
            return value
        if depth > MAX_DEPTH:
            raise _Stop(self._at(node, DEPTH, f"nesting deeper than {MAX_DEPTH} levels"))
        if self.anchors:
            place = self._count(node, place)
        tag = node.tag
        if kind is _Sequence:
            if tag != _SEQ:
                return self._tag(node)
            return [self.build(item, depth + 1, place) for item in node.value]
        if tag != _MAP:
            return self._tag(node)
        result: dict[str, Any] = {}
        first_key: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._at(key_node, COMPLEX_KEY, "a key must be plain text"))
                continue
            if key_node.value == "<<" and not key_node.style:
                self.problems.append(self._at(key_node, TAG, _MERGE))
                continue
            name = self.build(key_node, depth + 1, place)
            name = "" if name is None else name
            if name in result:
                other = first_key[name].start_mark
                self.problems.append(
                    self._at(
                        key_node,
                        DUPLICATE_KEY,
                        f"duplicate key '{name}' (first at line {other.line + 1})",
                        related=(Location(self.file, other.line + 1, other.column + 1),),
                    )
                )
                continue
            first_key[name] = key_node
            result[name] = self.build(value_node, depth + 1, place)
        return result

    def _count(self, node: yaml.Node, place: yaml.Node | None) -> yaml.Node | None:
        """Alias bookkeeping (only for documents with anchors): a node met
        again is an alias expanded as a copy, and copies are bounded."""
        key = id(node)
        if key in self.seen:
            self.alias_budget -= 1
            if self.alias_budget < 0:
                msg = f"aliases expand to more than {MAX_ALIAS_NODES} nodes"
                raise _Stop(self._at(place or node, ALIAS, msg))
            return place
        self.seen.add(key)
        return node

    def _tag(self, node: yaml.Node) -> None:
        """Report a tagged node (its value is not read: a tag may run code elsewhere)."""
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        msg = f"YAML tags are not allowed (found '{tag}'); write a plain value"
        self.problems.append(self._at(node, TAG, msg))

    def _at(
        self,
        node: yaml.Node,
        check: StageCheck,
        message: str,
        related: tuple[Location, ...] = (),
    ) -> Diagnostic:
        mark = node.start_mark
        return check.diagnostic(self.file, message, mark.line + 1, mark.column + 1, related=related)


def parse_text(text: str, file: str) -> ReadResult:
    """Parse every document of ``text``; problems become diagnostics."""
    result = ReadResult(file)
    too_deep = _depth_precheck(text, file)
    if too_deep is not None:
        result.diagnostics.append(too_deep)
        return result
    documents: list[Any] = []
    anchors = "&" in text
    try:
        for root in yaml.compose_all(text, Loader=_Loader):
            constructor = _Constructor(file, anchors)
            try:
                documents.append(None if root is None else constructor.build(root))
            except _Stop as stop:
                documents.append(None)
                constructor.problems.append(stop.diagnostic)
            result.diagnostics.extend(constructor.problems)
    except yaml.YAMLError as exc:
        result.diagnostics.extend(syntax_diagnostics(file, text, exc, MAX_DEPTH))
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        msg = f"the YAML could not be read: {type(exc).__name__}: {exc}"
        result.diagnostics.append(SYNTAX.diagnostic(file, msg))
    if not result.ok:
        return result
    if not any(doc is not None for doc in documents):
        result.diagnostics.append(EMPTY.diagnostic(file, "the file holds no YAML document"))
    result.documents = documents
    return result


def read_bytes(data: bytes, file: str) -> ReadResult:
    """Decode and parse the bytes of one plan file."""
    if len(data) > MAX_FILE_BYTES:
        msg = f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"
        return ReadResult(file, diagnostics=[UNREADABLE.diagnostic(file, msg)])
    text, problems = decode(data, file)
    if text is None or problems:
        return ReadResult(file, diagnostics=problems)
    return parse_text(text, file)
