"""Exceptions newsframe raises. Bad *articles* never raise: they become `errors` rows."""

from __future__ import annotations


class NewsframeError(Exception):
    """Base class of every newsframe exception."""


class ArgumentTypeError(NewsframeError, TypeError):
    """An argument of the wrong kind; the message names the function, the argument, what was
    given and what is accepted. Catch it as ``TypeError`` or ``NewsframeError``."""


class ArgumentValueError(NewsframeError, ValueError):
    """An argument of the right kind but an unusable value (an empty path, repeated ids, a
    negative size). Catch it as ``ValueError`` or ``NewsframeError``."""


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
