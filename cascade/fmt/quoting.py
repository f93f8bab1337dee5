"""When an id must be quoted: whenever some YAML reader would not see text.

cascade reads every scalar as text, but editors, linters and other tools
follow YAML 1.1 or 1.2, where ``1.10`` is a float, ``010`` an octal number,
``NO`` a boolean, ``1:20`` a sexagesimal number and ``2567-02-29`` a date.
An id that any of them would misread is written quoted; an id that all of
them read as text is written plain.
"""

from __future__ import annotations

import functools
import re

import yaml
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

_STR = "tag:yaml.org,2002:str"
_YAML_1_1 = yaml.resolver.Resolver()
_YAML_1_2_CORE = re.compile(
    r"""^(?:
        ~|null|Null|NULL|true|True|TRUE|false|False|FALSE
      | [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
      | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
      | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
      | [yYnN]            # YAML 1.1 booleans PyYAML leaves out
    )$""",
    re.VERBOSE,
)
_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$")
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
"""Plain scalars cascade's reader takes for "nothing": quoting one would change the data."""


@functools.lru_cache(maxsize=4096)
def needs_quotes(value: str) -> bool:
    """True when a YAML 1.1 or 1.2 reader would take plain ``value`` for
    something other than text (a number, boolean, null, date…)."""
    if value == "" or value != value.strip():
        return True
    if _YAML_1_2_CORE.match(value):
        return True
    tag: str = _YAML_1_1.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag != _STR


def plain_is_safe(value: str) -> bool:
    """True when ``value`` can be written plain, in block and flow context alike."""
    return bool(_PLAIN_SAFE.match(value))


def quoted(value: str) -> bool:
    """True when the author wrote ``value`` in quotes."""
    return isinstance(value, DoubleQuotedScalarString | SingleQuotedScalarString)
