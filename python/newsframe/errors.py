"""Exceptions newsframe raises. Bad *articles* never raise: they become `errors` rows."""

from __future__ import annotations


class NewsframeError(Exception):
    """Base class of every newsframe exception."""


class ParseError(NewsframeError, RuntimeError):
    """The parser failed on an input in a way that is a bug; the message names the input."""


class InputError(NewsframeError):
    """An input yielded no article where the caller asked to stop at the first (``strict=True``).

    ``source``, ``kind`` and ``message`` are those of its ``errors`` row.
    """

    def __init__(self, source: str, kind: str, message: str) -> None:
        super().__init__(f"{source}: {kind}: {message}")
        self.source = source
        self.kind = kind
        self.message = message
