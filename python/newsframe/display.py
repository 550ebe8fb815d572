"""Placeholder until the display module lands: plain summaries."""

from __future__ import annotations


def corpus_html(corpus) -> str:  # pragma: no cover - replaced by the display module
    return f"<pre>{corpus!r}</pre>"


def show(corpus, article_id=None, path=None):  # pragma: no cover
    raise NotImplementedError
