"""Read YAML safely: bytes in, plain data or diagnostics out, never an exception.

The fast path is libyaml (PyYAML's C parser) composing nodes with the base
resolver, so every scalar stays the string that was written; our own small
constructor then turns nodes into dicts, lists and strings, and is where the
checks that libyaml-based loaders skip happen:

* duplicate keys (PyYAML silently keeps the last one),
* tags such as ``!!python/object`` or ``!custom`` (rejected, never constructed)
  and merge keys ``<<`` (YAML 1.1 only; other tools would read them otherwise),
* aliases, expanded as copies under a small bound (no alias bomb),
* size: at most :data:`MAX_FILE_BYTES` and, before any node is built,
  at most :data:`MAX_EVENTS` YAML items (counted by libyaml alone),
* nesting: libyaml itself refuses more than 1,000 levels (older builds
  crashed the process past ~25,000, so there a pre-check runs first), and
  the constructor refuses more than :data:`MAX_DEPTH`; either way the
  problem is reported where the 65th level opens,
* encodings: UTF-8 only (a UTF-8 BOM is fine); other encodings and hidden
  control characters are named (:mod:`cascade.load.encoding`).

Every duplicate key, tag, merge key and complex key of a file is reported,
not only the first; syntax errors are placed by :mod:`cascade.load.syntax`.

Plain ``~``, ``null`` and empty scalars become ``None``; everything else stays
text for the models to convert per field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest plan file read (bytes).  Parsing the worst shape (nested flow
mappings) takes about 190 times the file's size in memory: 8 MiB peaked at
1.5 GiB, so 4 MiB keeps a run under 1 GiB.  ``files.read_stamped`` refuses
larger files by their size before reading them (LOAD009, exit 2);
:func:`read_bytes` refuses bytes given to it directly (an editor's buffer)."""
MAX_EVENTS = 1_000_000
"""The most YAML items (each scalar, each start and end of a list or mapping)
a file may hold.  Building nodes and plain data costs about 1 µs an item, and
the densest 4 MiB file (``[[],[],…]``) holds 4 million: without this bound
one file took 4 s of CPU to load.  A file written by people holds about one
item per 15 bytes (300,000 in 4 MiB); only files of at least
:data:`_DENSE_BYTES` can go past it, and only those are counted (by libyaml
in C, about 0.1 µs an item)."""
_DENSE_BYTES = MAX_EVENTS // 2
"""A file shorter than this holds fewer than :data:`MAX_EVENTS` items: each
item takes at least half a byte (``?\n``: an empty key and an empty value)."""
MAX_PROBLEMS = 1_000
"""The most problems reported for one file (a file of 500,000 duplicate keys
would otherwise print for minutes); the last one says that more were left."""
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


_TOO_DEEP = "maximum nesting depth"
"""What libyaml's own nesting bound says when it refuses a file."""


def _libyaml_bounds_nesting() -> bool:
    """Whether this libyaml refuses deep nesting itself (builds since 2020 stop
    at 1,000 levels; older ones compose deeper input recursively and crash)."""
    if not hasattr(_Loader, "raw_parse"):  # pragma: no cover - PyYAML without libyaml
        return False
    try:
        _Loader("[" * 1_001 + "]" * 1_001).raw_parse()
    except yaml.YAMLError:
        return True
    return False  # pragma: no cover - an old libyaml


NESTING_BOUNDED = _libyaml_bounds_nesting()


def _refusal(text: str, file: str) -> Diagnostic | None:
    """Refuse, before any node is built, a file too deep for the parser or
    holding more than :data:`MAX_EVENTS` items; ``None`` when it may be parsed."""
    if not NESTING_BOUNDED:  # pragma: no cover - an old libyaml
        too_deep = _depth_precheck(text, file)
        if too_deep is not None:
            return too_deep
    if len(text) < _DENSE_BYTES:
        return None
    try:
        events: int = _Loader(text).raw_parse()
    except yaml.YAMLError as exc:
        return _first_too_deep(text, file) if _TOO_DEEP in str(exc) else None
    return _dense(file) if events > MAX_EVENTS else None


def _dense(file: str) -> Diagnostic:
    msg = (
        f"the file holds more than {MAX_EVENTS:,} YAML items (values, and starts and ends "
        "of lists and mappings); a plan file holds far fewer: split it into smaller files"
    )
    return UNREADABLE.diagnostic(file, msg)


def _depth_precheck(text: str, file: str) -> Diagnostic | None:  # pragma: no cover
    """For a libyaml without its own bound: refuse input nested deep enough to
    crash it, before composing.  Nesting depth is at most the longest line
    (block nesting needs indentation or ``- `` on one line) plus the number of
    flow openers, so most files are cleared by that cheap bound."""
    if len(text) < PRECHECK_DEPTH:
        return None
    bound = text.count("[") + text.count("{") + max(map(len, text.splitlines()), default=0)
    if bound < PRECHECK_DEPTH:
        return None
    return _first_too_deep(text, file)


def _first_too_deep(text: str, file: str) -> Diagnostic | None:
    """Where nesting first goes past :data:`MAX_DEPTH`, measured on the event
    stream (which libyaml produces without recursion, and stops at once there).

    libyaml looks ahead up to 1,024 characters for a key, so on a line of
    1,000 ``[`` it stops at its own bound before the 65th level's event; then
    the text before that place is measured.  Reading more than
    :data:`MAX_EVENTS` events first means the file is too dense anyway, which
    is what is said then.  ``None`` when the file is not too deep (or a
    syntax error comes first: the parse reports it).
    """
    depth = 0
    try:
        for count, event in enumerate(yaml.parse(text, Loader=_Loader)):
            if count > MAX_EVENTS:
                return _dense(file)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = _mark(event.start_mark)
                    return DEPTH.diagnostic(
                        file, f"nesting deeper than {MAX_DEPTH} levels", line, col
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        stop = getattr(exc, "problem_mark", None)
        if _TOO_DEEP in str(exc) and stop is not None and 0 < stop.index < len(text):
            return _first_too_deep(text[: stop.index], file)
    return None


class _Constructor:
    """Turns composed nodes into plain data, enforcing the loader's checks."""

    __slots__ = ("alias_budget", "anchors", "file", "problem_budget", "problems", "seen")

    def __init__(self, file: str, anchors: bool = True, problem_budget: int = MAX_PROBLEMS) -> None:
        self.file = file
        self.anchors = anchors  # without '&' in the text there can be no alias
        self.problems: list[Diagnostic] = []
        self.problem_budget = problem_budget
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
        if depth >= MAX_DEPTH:  # depth 0 is the first level
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
                self._problem(self._at(key_node, COMPLEX_KEY, "a key must be plain text"))
                continue
            if key_node.value == "<<" and not key_node.style:
                self._problem(self._at(key_node, TAG, _MERGE))
                continue
            name = self.build(key_node, depth + 1, place)
            name = "" if name is None else name
            if name in result:
                other = first_key[name].start_mark
                self._problem(
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
        self._problem(self._at(node, TAG, msg))

    def _problem(self, diagnostic: Diagnostic) -> None:
        """Keep one problem; past the file's budget, stop at it saying so."""
        if len(self.problems) >= self.problem_budget:
            message = f"more than {MAX_PROBLEMS:,} problems in this file; fix the ones above first"
            raise _Stop(replace(diagnostic, message=message, hint="", related=()))
        self.problems.append(diagnostic)

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
    refused = _refusal(text, file)
    if refused is not None:
        result.diagnostics.append(refused)
        return result
    documents: list[Any] = []
    anchors = "&" in text
    try:
        for root in yaml.compose_all(text, Loader=_Loader):
            budget = MAX_PROBLEMS - len(result.diagnostics)
            if budget < 0:  # the line saying more were left is given
                break
            constructor = _Constructor(file, anchors, budget)
            try:
                documents.append(None if root is None else constructor.build(root))
            except _Stop as stop:
                documents.append(None)
                constructor.problems.append(stop.diagnostic)
            result.diagnostics.extend(constructor.problems)
    except yaml.YAMLError as exc:
        too_deep = _first_too_deep(text, file) if _TOO_DEEP in str(exc) else None
        if too_deep is not None:  # libyaml stopped at 1,000 levels: say where 64 were passed
            result.diagnostics.append(too_deep)
        else:
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
