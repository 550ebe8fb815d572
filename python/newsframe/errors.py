"""Exceptions newsframe raises. Bad *articles* never raise: they become `errors` rows."""

from __future__ import annotations


class NewsframeError(Exception):
    """Base class of every newsframe exception."""


class ParseError(NewsframeError, RuntimeError):
    """The parser failed on an input in a way that is a bug; the message names the input."""
