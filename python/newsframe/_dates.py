"""Reading a caller's publication-date column (``from_frame(published=...)``) as ``Date``.

Accepted: ``Date`` and ``Datetime`` columns (the calendar date as stored, time zone kept, not
converted), and strings in ISO-8601 (``2023-01-02``, ``2023-01-02T10:00:00Z``,
``2023-01-02 10:00:00+02:00``, ``2023/01/02``) or common English forms (``Jan 5, 2023``,
``January 5th, 2023``, ``Monday, 5 January 2023``, ``5 Jan 2023``). Numeric forms such as
``01/05/2023`` are refused: month-first and day-first readings disagree.
"""

from __future__ import annotations

import polars as pl

from newsframe.errors import ArgumentTypeError

_ENGLISH_FORMATS = ("%B %d %Y", "%d %B %Y")
_WEEKDAY = r"(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*[.,]?\s+"


def check_dtype(column: str, dtype: pl.DataType) -> None:
    """Raises TypeError unless the column can hold dates in a form :func:`to_date` reads."""
    if not (dtype in (pl.Date, pl.String, pl.Categorical, pl.Null) or isinstance(dtype, pl.Datetime)):
        raise ArgumentTypeError(
            f"from_frame(): published must name a Date, Datetime or string column; "
            f"column {column!r} is {dtype}"
        )


def to_date(values: pl.Series) -> pl.Series:
    """The series as ``Date``; values no form above reads become null."""
    dtype = values.dtype
    check_dtype(values.name, dtype)
    if dtype == pl.Date:
        return values
    if isinstance(dtype, pl.Datetime):
        return values.dt.date()
    if dtype == pl.Null:
        return values.cast(pl.Date)
    text = values.cast(pl.String).str.strip_chars()
    iso = text.str.extract(r"^(\d{4}[-/]\d{2}[-/]\d{2})(?:$|[T ])", 1).str.replace_all("/", "-")
    english = (
        text.str.replace(_WEEKDAY, "")
        .str.replace_all(r"(?i)(\d)(st|nd|rd|th)\b", "$1")
        .str.replace_all(r"(?i)\bsept\b", "Sep")
        .str.replace_all(r"[,.]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    frame = pl.DataFrame({"iso": iso, "english": english})
    candidates = [pl.col("iso").str.to_date("%Y-%m-%d", strict=False)] + [
        pl.col("english").str.to_date(f, strict=False) for f in _ENGLISH_FORMATS
    ]
    return frame.select(pl.coalesce(candidates).alias(values.name)).to_series()
