"""``cascade schema --vscode``: map the JSON Schemas to plan files in VS Code.

The YAML extension reads ``yaml.schemas`` in ``.vscode/settings.json``:
schema path → file globs.  The globs follow the suggested plan layout
(PLAN-FORMAT.md); a file anywhere else still gets help from its first-line
``# yaml-language-server: $schema=…`` modeline.  Existing settings are kept;
only cascade's own schema entries are replaced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cascade.schema import COMBINED, file_name

GLOBS: dict[str, list[str]] = {
    "Plan": ["**/cascade.yaml"],
    "Strategy": ["**/strategy.yaml"],
    "OrgChart": ["**/org.yaml"],
    "Framework": ["**/frameworks/*.yaml"],
    "Agreement": ["**/agreements/**/*.yaml"],
    "OSMatrix": ["**/os-matrix.yaml"],
    "JobFamilies": ["**/jobs/families.yaml"],
    "JobDescription": ["**/jobs/descriptions/*.yaml"],
    "People": ["**/people.yaml", "**/people/*.yaml"],
    "Actuals": ["**/actuals/*.yaml"],
}


class SettingsError(Exception):
    """The existing settings file cannot be merged safely."""


def merged_settings(settings_file: Path, schemas: Path) -> str:
    """The settings text with cascade's schema mapping merged in."""
    current: dict[str, Any] = {}
    if settings_file.exists():
        try:
            loaded = json.loads(settings_file.read_text(encoding="utf-8") or "{}")
        except (ValueError, UnicodeDecodeError) as exc:
            raise SettingsError(
                f"{settings_file} is not plain JSON ({exc}); it may hold comments — "
                "add the mapping by hand (see docs/ci.md) or remove the comments"
            ) from None
        if not isinstance(loaded, dict):
            raise SettingsError(f"{settings_file} does not hold a JSON object")
        current = loaded
    mapping = current.get("yaml.schemas")
    if not isinstance(mapping, dict):
        mapping = {}
    prefix = schemas.as_posix().rstrip("/")
    ours = {f"{prefix}/{file_name(kind)}" for kind in GLOBS} | {f"{prefix}/{COMBINED}"}
    mapping = {k: v for k, v in mapping.items() if k not in ours}
    for kind, globs in GLOBS.items():
        mapping[f"{prefix}/{file_name(kind)}"] = globs
    current["yaml.schemas"] = mapping
    return json.dumps(current, ensure_ascii=False, indent=2) + "\n"
