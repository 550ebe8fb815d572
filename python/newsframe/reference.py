"""The column reference (``docs/frames.md``, shipped in the package) as a polars frame.

    >>> nf.columns("quotes").filter(pl.col("column") == "kind")["meaning"][0]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import polars as pl

from newsframe import _arguments as check

_ROW = re.compile(r"^\|\s*([a-z_]+)\s*\|\s*([A-Za-z0-9\[\]]+)(\??)\s*\|\s*(.*?)\s*\|\s*$")


def reference_path() -> Path:
    """The Markdown reference of every frame and column in the installed package."""
    return Path(__file__).parent / "frames.md"


@lru_cache(maxsize=1)
def _reference() -> pl.DataFrame:
    rows = []
    frame = None
    for line in reference_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            frame = line[3:].strip()
        elif frame and (m := _ROW.match(line)) and m.group(1) != "column":
            column, dtype, nullable, meaning = m.groups()
            rows.append((frame, column, dtype, bool(nullable), meaning))
    return pl.DataFrame(rows, schema=["frame", "column", "dtype", "nullable", "meaning"], orient="row")


def columns(frame: str | None = None) -> pl.DataFrame:
    """Every column of every frame: ``frame``, ``column``, ``dtype``, ``nullable``, ``meaning``.

    Args:
        frame: one of ``nf.FRAME_NAMES`` for that frame's columns only; all frames when None.
    """
    from newsframe.corpus import FRAME_NAMES

    ref = _reference()
    if frame is None:
        return ref
    if not isinstance(frame, str):
        check.fail_type("columns", "frame", f"None or one of {list(FRAME_NAMES)}", frame)
    if frame not in FRAME_NAMES:
        check.fail_value("columns", "frame", f"None or one of {list(FRAME_NAMES)}", frame)
    return ref.filter(pl.col("frame") == frame)
