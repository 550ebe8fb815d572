"""Fails when a notebook is stored with outputs or execution counts (keep them stripped)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dirty_cells(path: Path) -> list[int]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        i
        for i, cell in enumerate(nb.get("cells", []))
        if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]


def main(folder: str) -> int:
    bad = {p: cells for p in sorted(Path(folder).glob("**/*.ipynb")) if (cells := dirty_cells(p))}
    for path, cells in bad.items():
        print(f"{path}: cells {cells} have outputs; strip them (nbstripout or clear outputs) before committing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "notebooks"))
