"""JSON Schemas generated from the spec models, one per kind plus a combined
one that dispatches on ``kind``.  ``schemas/`` holds the committed copies; a
test fails when they drift from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from cascade.spec import KINDS, AnyDocument

DRAFT = "https://json-schema.org/draft/2020-12/schema"
COMBINED = "cascade.schema.json"


def file_name(kind: str) -> str:
    """``Agreement`` → ``agreement.schema.json``."""
    return f"{kind.lower()}.schema.json"


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def generate() -> dict[str, str]:
    """File name → JSON text of every schema."""
    out: dict[str, str] = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema(mode="validation")
        out[file_name(kind)] = _dump(
            {
                "$schema": DRAFT,
                "$comment": "generated from cascade.spec by: cascade schema --out schemas/",
                **schema,
            }
        )
    combined = TypeAdapter[AnyDocument](AnyDocument).json_schema()
    out[COMBINED] = _dump(
        {
            "$schema": DRAFT,
            "title": "cascade plan document",
            "description": "Any cascade plan document; 'kind' picks the schema.",
            **combined,
        }
    )
    return out


def stale(folder: Path, schemas: dict[str, str]) -> list[str]:
    """The names of ``schemas`` that ``folder`` lacks or holds in another version."""
    return [
        name
        for name, text in schemas.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
