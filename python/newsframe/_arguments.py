"""Argument checks at the Python boundary: one place that turns a wrong argument into a
``TypeError`` or ``ValueError`` naming the function, the argument, what was given and what
is accepted, before anything reaches the native core (where it would surface as a raw
pyo3 conversion error or, worse, be read as something it is not).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import NoReturn

import polars as pl

from newsframe.errors import ArgumentTypeError, ArgumentValueError

FORMATS = ("text", "html", "json")


def _given(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def fail_type(func: str, arg: str, accepted: str, value: object, hint: str = "") -> NoReturn:
    """Raises a TypeError: ``read(): paths must be ...; got 42 (int)``."""
    tail = f"; {hint}" if hint else ""
    raise ArgumentTypeError(f"{func}(): {arg} must be {accepted}; got {_given(value)}{tail}")


def fail_value(func: str, arg: str, accepted: str, value: object, hint: str = "") -> NoReturn:
    """Raises a ValueError in the same form as :func:`fail_type`."""
    tail = f"; {hint}" if hint else ""
    raise ArgumentValueError(f"{func}(): {arg} must be {accepted}; got {_given(value)}{tail}")


def paths(func: str, value: object) -> list[str]:
    """One path or a sequence of paths (str or os.PathLike), none empty, as strings."""
    accepted = "a path (str or pathlib.Path), a glob pattern or a list of them"
    if isinstance(value, (str, os.PathLike)):
        items: list[object] = [value]
    elif isinstance(value, (bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        fail_type(func, "paths", accepted, value)
    else:
        items = list(value)
        if not items:
            fail_value(func, "paths", "at least one path", value)
    out = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            fail_type(func, "paths", accepted, item)
        text = os.fspath(item)
        if not isinstance(text, str):
            fail_type(func, "paths", accepted, item, "give paths as str, not bytes")
        if text.strip() == "":
            fail_value(func, "paths", "a non-empty path (use '.' for the current folder)", item)
        out.append(text)
    return out


def max_bytes(func: str, value: object) -> int:
    """A positive whole number of bytes."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail_type(func, "max_bytes", "a positive int (bytes per input)", value)
    if value <= 0:
        fail_value(func, "max_bytes", "a positive int (bytes per input), e.g. 20_000_000", value)
    return value


def input_format(func: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        fail_type(func, "format", "None or one of 'text', 'html', 'json'", value)
    if value not in FORMATS:
        fail_value(func, "format", "None (guess per input) or one of 'text', 'html', 'json'", value)
    return value


def entity_scope(func: str, value: object) -> str:
    """Which blocks entities are found in: "story" or "all"."""
    if not isinstance(value, str):
        fail_type(func, "entity_scope", "'story' or 'all'", value)
    if value not in ("story", "all"):
        fail_value(func, "entity_scope", "'story' (title, subtitle, body) or 'all' (every block)", value)
    return value


def flag(func: str, arg: str, value: object) -> bool | None:
    """None (the default behaviour) or a bool."""
    if value is not None and not isinstance(value, bool):
        fail_type(func, arg, "True, False or None", value)
    return value


def column(func: str, arg: str, value: object, columns: list[str]) -> str | None:
    """None or the name of a column of the frame."""
    if value is None:
        return None
    if not isinstance(value, str):
        fail_type(func, arg, "a column name (str)", value)
    if value not in columns:
        raise ArgumentValueError(f"{func}(): {arg}={value!r} is not a column of the frame (columns: {columns})")
    return value


def texts(func: str, value: object) -> list[object]:
    """A sequence of article texts; a lone str, bytes, a mapping or a frame is refused."""
    accepted = "a list of str (one text per article)"
    if isinstance(value, str):
        fail_type(func, "texts", accepted, value, "wrap a single text in a list: [text]")
    if isinstance(value, (bytes, bytearray, memoryview)):
        fail_type(func, "texts", accepted, value,
                  "decode bytes first: [data.decode('utf-8', errors='replace')], or write them to "
                  "a file and use nf.read(path)")
    if isinstance(value, Mapping):
        fail_type(func, "texts", accepted, value,
                  "for a dict of id -> text pass from_texts(list(d.values()), ids=list(d.keys()))")
    if isinstance(value, (pl.DataFrame, pl.LazyFrame)):
        fail_type(func, "texts", accepted, value, "for a frame use nf.from_frame(df, text='column')")
    if not isinstance(value, Iterable):
        fail_type(func, "texts", accepted, value)
    return list(value)


def ids(func: str, value: object, n: int) -> list[str] | None:
    """None or one unique id per text."""
    if value is None:
        return None
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        fail_type(func, "ids", "None or a list of str, one per text", value)
    out = [str(i) for i in value]
    if len(out) != n:
        raise ArgumentValueError(f"{func}(): got {n} texts but {len(out)} ids; give one id per text")
    seen: set[str] = set()
    for i in out:
        if i in seen:
            raise ArgumentValueError(f"{func}(): ids must be unique; {i!r} appears more than once")
        seen.add(i)
    return out


def without_surrogates(text: str) -> tuple[str, bool]:
    """The text with lone surrogates (which UTF-8 cannot hold) replaced by U+FFFD.

    A surrogate pair written as two code points is joined into the character it encodes.
    Returns the text and whether anything was replaced.
    """
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return fixed, True
