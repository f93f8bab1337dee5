"""The ruamel.yaml round-trip set-up that ``cascade fmt`` reads and writes with.

ruamel's defaults would rewrite much of what an author wrote, so each choice
here is deliberate:

* ``typ="rt"`` keeps comments, key order, flow/block style and anchors;
* :class:`TextResolver` keeps every plain scalar as the text that was written,
  as cascade's own loader does, so ``1.10``, ``NO``, ``2567-02-29`` or ``1:20``
  are never turned into numbers, booleans or dates (which would change how they
  are written back, or fail: 2567-02-29 is no date); only an empty value is null;
* ``preserve_quotes`` keeps ``'…'`` and ``"…"`` as written;
* ``width=10**9``: long (Thai) lines are never re-wrapped;
* ``indent(mapping=2, …)`` with the file's own sequence style (:class:`SeqStyle`);
* :class:`FlowBreakEmitter` keeps the line breaks of a flow mapping or
  sequence written over several lines (ruamel would join them);
* :class:`KeepingComposer` keeps the comment lines written before a flow
  collection that also has an end-of-line comment (ruamel's composer
  replaces the first by the second: ``# note`` above ``- {kpi: A}  # x``
  would be lost).

Tags never reach ruamel (the safe reader refuses them first), and the
round-trip constructor has no constructors for ``!!python/…`` anyway.
"""

from __future__ import annotations

from collections import deque
from enum import Enum
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.events import MappingEndEvent, SequenceEndEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver
from ruamel.yaml.tag import Tag

WIDTH = 10**9
_STR = Tag(suffix="tag:yaml.org,2002:str")
_NULL = Tag(suffix="tag:yaml.org,2002:null")
_SEQ = Tag(suffix="tag:yaml.org,2002:seq")
_MAP = Tag(suffix="tag:yaml.org,2002:map")


class SeqStyle(Enum):
    """Where a block sequence's ``-`` sits under its key."""

    INDENTED = "indented"
    """``key:`` then ``  - item``: the dash two columns in (the examples' style)."""
    FLUSH = "flush"
    """``key:`` then ``- item``: the dash at the key's column."""


class TextResolver(BaseResolver):
    """Resolve every untagged scalar to text, and only an empty one to null."""

    def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
        super().__init__(loadumper=loader if loader is not None else loadumper)

    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Tag:
        if kind is ScalarNode:
            return _NULL if implicit[0] and value == "" else _STR
        if kind is SequenceNode:
            return _SEQ
        if kind is MappingNode:
            return _MAP
        return _STR  # pragma: no cover - ruamel knows no other kind


class FlowBreakEmitter(RoundTripEmitter):
    """The round-trip emitter, breaking flow collections where the source did.

    ``breaks`` holds one flag per flow-mapping key and flow-sequence item
    after the first, in the order the emitter meets them; a true flag starts
    a new line aligned just inside the collection's opening bracket.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.breaks: deque[bool] = deque()
        self._starts: list[int] = []

    def expect_flow_sequence(self, *args: Any, **kwargs: Any) -> None:
        super().expect_flow_sequence(*args, **kwargs)
        self._starts.append(self.column)

    def expect_flow_mapping(self, *args: Any, **kwargs: Any) -> None:
        super().expect_flow_mapping(*args, **kwargs)
        self._starts.append(self.column)

    def expect_first_flow_sequence_item(self) -> None:
        if isinstance(self.event, SequenceEndEvent):
            self._starts.pop()
        super().expect_first_flow_sequence_item()

    def expect_first_flow_mapping_key(self) -> None:
        if isinstance(self.event, MappingEndEvent):
            self._starts.pop()
        super().expect_first_flow_mapping_key()

    def expect_flow_sequence_item(self) -> None:
        if isinstance(self.event, SequenceEndEvent):
            self._starts.pop()
            super().expect_flow_sequence_item()
            return
        if not self._take_break():
            super().expect_flow_sequence_item()
            return
        self.write_indicator(self.flow_seq_separator, False)
        self._break_line()
        self.states.append(self.expect_flow_sequence_item)
        self.expect_node(sequence=True)

    def expect_flow_mapping_key(self) -> None:
        if isinstance(self.event, MappingEndEvent):
            self._starts.pop()
            super().expect_flow_mapping_key()
            return
        if not self._take_break():
            super().expect_flow_mapping_key()
            return
        self.write_indicator(self.flow_map_separator, False)
        self._break_line()
        if self.check_simple_key():
            self.states.append(self.expect_flow_mapping_simple_value)
            self.expect_node(mapping=True, simple_key=True)
        else:
            self.write_indicator("?", True)
            self.states.append(self.expect_flow_mapping_value)
            self.expect_node(mapping=True)

    def _take_break(self) -> bool:
        return bool(self.breaks.popleft()) if self.breaks else False

    def _break_line(self) -> None:
        """A line break, then spaces up to the column inside the open bracket."""
        saved = self.indent
        self.indent = self._starts[-1] if self._starts else saved
        try:
            self.write_indent()
        finally:
            self.indent = saved


class KeepingComposer(Composer):
    """ruamel's composer, keeping both comments of a flow collection: those
    before it (its start event's) and the one after it (its end event's)."""

    def compose_sequence_node(self, anchor: Any) -> Any:
        before = self._take_before()
        return self._merged(super().compose_sequence_node(anchor), before)

    def compose_mapping_node(self, anchor: Any) -> Any:
        before = self._take_before()
        return self._merged(super().compose_mapping_node(anchor), before)

    def _take_before(self) -> Any:
        """The comments of the flow collection about to be composed, taken
        off its start event (ruamel would overwrite them)."""
        start = self.parser.peek_event()
        if start.flow_style is not True or not start.comment:
            return None
        before, start.comment = start.comment, None
        return before

    @staticmethod
    def _merged(node: Any, before: Any) -> Any:
        if before is None:
            return node
        after = node.comment
        if not after:
            node.comment = before
            return node
        merged = list(after) + [None] * (2 - len(after))
        merged[0] = merged[0] if merged[0] is not None else before[0]
        pre = before[1] if len(before) > 1 else None
        merged[1] = [*(pre or []), *(merged[1] or [])] or None
        node.comment = merged
        return node


def make_yaml(style: SeqStyle = SeqStyle.INDENTED) -> YAML:
    """A round-trip YAML instance configured as the module docstring says."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = TextResolver
    yaml.Emitter = FlowBreakEmitter
    yaml.Composer = KeepingComposer
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.allow_unicode = True
    if style is SeqStyle.FLUSH:
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
