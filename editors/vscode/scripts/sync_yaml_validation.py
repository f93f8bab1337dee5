"""Write package.json's ``contributes.yamlValidation`` from cascade/vscode.py's globs.

One source of truth: the globs live in :data:`cascade.vscode.GLOBS`
(also used by ``cascade schema --vscode``); tests/test_vscode.py fails when
package.json drifts.  Run from the repository root:

    .venv/bin/python editors/vscode/scripts/sync_yaml_validation.py
"""

from __future__ import annotations

import json
from pathlib import Path

from cascade.vscode import yaml_validation

MANIFEST = Path(__file__).resolve().parent.parent / "package.json"


def main() -> None:
    """Rewrite the manifest's yamlValidation, keeping everything else as it is."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    manifest["contributes"]["yamlValidation"] = yaml_validation()
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote the yamlValidation of {MANIFEST}")


if __name__ == "__main__":
    main()
