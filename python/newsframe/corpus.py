"""The `Corpus`: the six frames of a parsed set of articles, and ways to save and view them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import polars as pl

#: Frame names, in the order they are written; file names are ``<name>.parquet``/``.csv``.
FRAME_NAMES: tuple[str, ...] = ("articles", "paragraphs", "entities", "quotes", "citations", "errors")


class Corpus:
    """Parsed articles as joinable polars frames.

    Frames join on ``article_id``; spans (``paragraph_id``, ``start``, ``end``) index into
    ``paragraphs.text`` in code points, so ``text[start:end]`` is the span as written.
    Entities join quotes on ``entity_id`` = ``speaker_entity_id`` and citations on
    ``source_entity_id``.
    """

    __slots__ = ("_frames",)

    def __init__(self, frames: dict[str, pl.DataFrame]) -> None:
        missing = [n for n in FRAME_NAMES if n not in frames]
        if missing:
            raise ValueError(f"a Corpus needs every frame; missing: {missing}")
        self._frames = {n: frames[n] for n in FRAME_NAMES}

    @classmethod
    def _from_tables(cls, tables: Iterable[tuple[str, object]]) -> "Corpus":
        return cls({name: pl.DataFrame(table) for name, table in tables})

    def _replace(self, **frames: pl.DataFrame) -> "Corpus":
        return Corpus({**self._frames, **frames})

    @property
    def articles(self) -> pl.DataFrame:
        """One row per article: title, subtitle, outlet, authors, published, clean body, counts."""
        return self._frames["articles"]

    @property
    def paragraphs(self) -> pl.DataFrame:
        """Every block of every article in reading order, with its role (``body``, ``caption``, ...)."""
        return self._frames["paragraphs"]

    @property
    def entities(self) -> pl.DataFrame:
        """One row per entity mention, with a corpus-wide ``entity_id`` and canonical ``name``."""
        return self._frames["entities"]

    @property
    def quotes(self) -> pl.DataFrame:
        """One row per quotation: text, kind, speaker (as written and resolved), cue, quote_group."""
        return self._frames["quotes"]

    @property
    def citations(self) -> pl.DataFrame:
        """One row per attributed source: kind, canonical source, span, reference details."""
        return self._frames["citations"]

    @property
    def errors(self) -> pl.DataFrame:
        """One row per input that yielded no article, with a message saying what to do."""
        return self._frames["errors"]

    def frames(self) -> dict[str, pl.DataFrame]:
        """All six frames by name."""
        return dict(self._frames)

    def __len__(self) -> int:
        return self.articles.height

    def __repr__(self) -> str:
        sizes = ", ".join(f"{self._frames[n].height} {n}" for n in FRAME_NAMES[1:])
        return f"<newsframe.Corpus: {len(self)} articles, {sizes}>"

    def _repr_html_(self) -> str:
        from newsframe.display import corpus_html

        return corpus_html(self)

    def show(self, article_id: str | None = None, path: str | os.PathLike[str] | None = None):
        """Renders one article with entities, quotes and citations highlighted.

        In Jupyter this returns a displayable HTML object; elsewhere (or when ``path`` is
        given) it writes a standalone HTML file and returns its path.
        """
        from newsframe.display import show

        return show(self, article_id, path)

    def write_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Writes ``<directory>/<frame>.parquet`` for every frame; returns the paths."""
        return self._write(directory, "parquet")

    def write_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Writes ``<directory>/<frame>.csv`` for every frame (list columns joined by ``"; "``)."""
        return self._write(directory, "csv")

    def _write(self, directory: str | os.PathLike[str], fmt: str) -> list[Path]:
        if fmt not in ("parquet", "csv"):
            raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self._frames.items():
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.write_parquet(path)
            else:
                flat = frame.with_columns(
                    pl.col(c).cast(pl.List(pl.Utf8)).list.join("; ")
                    for c, t in frame.schema.items()
                    if isinstance(t, pl.List)
                )
                flat.write_csv(path)
            paths.append(path)
        return paths

    def summary(self) -> str:
        """One line a person can read: counts of each frame."""
        parts = [f"{len(self)} articles"] + [f"{self._frames[n].height} {n}" for n in FRAME_NAMES[1:]]
        return ", ".join(parts)
