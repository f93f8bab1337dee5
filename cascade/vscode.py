"""``cascade schema --vscode``: set up a VS Code workspace for a plan.

Two files in ``.vscode/``: ``settings.json`` gets ``yaml.schemas`` (schema
path → file globs, read by the YAML extension) and ``extensions.json``
recommends the cascade extension and the YAML extension.  The same globs
feed the extension's own ``yamlValidation`` (editors/vscode/package.json,
written by ``editors/vscode/scripts/sync_yaml_validation.py``).

The globs follow the suggested plan layout (PLAN-FORMAT.md) and never
overlap, whether a tool reads ``*`` as one path segment (a glob) or as any
text (older YAML extensions); a file anywhere else still gets help from its
first-line ``# yaml-language-server: $schema=…`` modeline.  Existing settings
and recommendations are kept; only cascade's own entries are replaced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cascade.schema import COMBINED, file_name

EXTENSION_ID = "cascade.cascade-kpi"
"""``publisher.name`` of editors/vscode/package.json."""

YAML_EXTENSION_ID = "redhat.vscode-yaml"
"""The YAML extension that reads ``yaml.schemas`` and ``yamlValidation``."""

GLOBS: dict[str, list[str]] = {
    "Plan": ["**/cascade.yaml"],
    "Strategy": ["**/strategy.yaml"],
    "OrgChart": ["**/org.yaml"],
    "Framework": ["**/frameworks/*.yaml"],
    "Agreement": ["**/agreements/*.yaml", "**/agreements/**/*.yaml"],
    "OSMatrix": ["**/os-matrix.yaml"],
    "JobFamilies": ["**/jobs/families.yaml"],
    "JobDescription": ["**/jobs/descriptions/*.yaml"],
    # not people/*.yaml: that also names the person agreements in agreements/people/
    "People": ["**/people.yaml", "**/people/people-*.yaml"],
    "Actuals": ["**/actuals/*.yaml"],
}


class SettingsError(Exception):
    """An existing file in ``.vscode/`` cannot be merged safely."""


def _read_object(path: Path, by_hand: str) -> dict[str, Any]:
    """The JSON object in ``path`` ({} when missing); ``by_hand`` says what to add otherwise."""
    if not path.exists():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (ValueError, UnicodeDecodeError) as exc:
        raise SettingsError(
            f"{path} is not plain JSON ({exc}); it may hold comments — "
            f"{by_hand} by hand (see docs/editors.md) or remove the comments"
        ) from None
    if not isinstance(loaded, dict):
        raise SettingsError(f"{path} does not hold a JSON object")
    return loaded


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def merged_settings(settings_file: Path, schemas: Path) -> str:
    """The settings text with cascade's schema mapping merged in."""
    current = _read_object(settings_file, "add the mapping")
    mapping = current.get("yaml.schemas")
    if not isinstance(mapping, dict):
        mapping = {}
    prefix = schemas.as_posix().rstrip("/")
    ours = {f"{prefix}/{file_name(kind)}" for kind in GLOBS} | {f"{prefix}/{COMBINED}"}
    mapping = {k: v for k, v in mapping.items() if k not in ours}
    for kind, globs in GLOBS.items():
        mapping[f"{prefix}/{file_name(kind)}"] = globs
    current["yaml.schemas"] = mapping
    return _dump(current)


def merged_extensions(extensions_file: Path) -> str:
    """The ``extensions.json`` text recommending cascade's extension and the YAML one."""
    wanted = [EXTENSION_ID, YAML_EXTENSION_ID]
    if extensions_file.exists():
        text = extensions_file.read_text(encoding="utf-8", errors="replace")
        if all(f'"{name}"' in text for name in wanted):
            return text  # already recommended: keep the file (and any comments) as it is
    names = " and ".join(f'"{name}"' for name in wanted)
    current = _read_object(extensions_file, f'add {names} to "recommendations"')
    listed = current.get("recommendations")
    recommendations = [r for r in listed if isinstance(r, str)] if isinstance(listed, list) else []
    current["recommendations"] = recommendations + [n for n in wanted if n not in recommendations]
    return _dump(current)


def workspace_files(folder: Path, schemas: Path) -> dict[Path, str]:
    """``folder``'s settings.json and extensions.json, merged; nothing is written."""
    return {
        folder / "settings.json": merged_settings(folder / "settings.json", schemas),
        folder / "extensions.json": merged_extensions(folder / "extensions.json"),
    }


def yaml_validation() -> list[dict[str, Any]]:
    """The extension's ``contributes.yamlValidation``: the same globs, schemas shipped inside."""
    return [
        {"fileMatch": globs, "url": f"./schemas/{file_name(kind)}"} for kind, globs in GLOBS.items()
    ]
