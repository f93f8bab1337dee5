"""The one YAML parser both the reader and the source map use.

libyaml (PyYAML's C parser) composes the nodes; resolving a node's tag is
the only per-node call back into Python, and with the base schema every
untagged scalar is text anyway, so :class:`Loader` answers it without the
generic resolver's lookups.  Using the same class for reading and for
positions means both passes accept and reject exactly the same files.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # the C parser ships in PyYAML's wheels
    from yaml import CBaseLoader as _Base
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    from yaml import BaseLoader as _Base  # type: ignore[assignment]

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
_TAGS = {yaml.ScalarNode: STR, yaml.SequenceNode: SEQ, yaml.MappingNode: MAP}


class Loader(_Base):
    """libyaml with the base schema and a constant-time resolver."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None
