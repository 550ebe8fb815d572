"""The `Corpus`: the six frames of a parsed set of articles, and ways to save and view them."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeVar

import polars as pl

from newsframe import _arguments as check
from newsframe._files import write_atomically
from newsframe.errors import ArgumentValueError

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)

#: Frame names, in the order they are written; file names are ``<name>.parquet``/``.csv``.
FRAME_NAMES: tuple[str, ...] = ("articles", "paragraphs", "entities", "quotes", "citations", "errors")


class Corpus:
    """Parsed articles as joinable polars frames.

    Frames join on ``article_id``; spans (``paragraph_id``, ``start``, ``end``) index into
    ``paragraphs.text`` in code points, so ``text[start:end]`` is the span as written.
    Entities join quotes on ``entity_id`` = ``speaker_entity_id`` and citations on
    ``source_entity_id``. Every column's dtype and meaning: ``nf.columns("quotes")`` (the
    package's copy of ``docs/frames.md``).

    A corpus parsed with ``link=False`` is *unlinked*: its ``entity_id`` columns hold
    linking keys (``PERSON:Sergei Lavrov``: type and the name as found in the article) and
    its names are the articles' own, until :func:`newsframe.link` links the whole corpus.
    ``Corpus(frames, linked=False)`` wraps such frames (gathered from workers, say).
    """

    __slots__ = ("_frames", "_linked")

    def __init__(self, frames: Mapping[str, pl.DataFrame], *, linked: bool = True) -> None:
        if not isinstance(frames, Mapping):
            check.fail_type("Corpus", "frames", f"a dict of polars DataFrames named {list(FRAME_NAMES)}", frames)
        missing = [n for n in FRAME_NAMES if n not in frames]
        if missing:
            raise ArgumentValueError(f"Corpus(): frames must hold every frame of {list(FRAME_NAMES)}; missing: {missing}")
        wrong = [n for n in FRAME_NAMES if not isinstance(frames[n], pl.DataFrame)]
        if wrong:
            check.fail_type("Corpus", f"frames[{wrong[0]!r}]", "a polars DataFrame", frames[wrong[0]])
        if not isinstance(linked, bool):
            check.fail_type("Corpus", "linked", "True or False", linked)
        self._frames = {n: frames[n] for n in FRAME_NAMES}
        self._linked = bool(linked)

    @classmethod
    def _from_tables(cls, tables: Iterable[tuple[str, object]], linked: bool = True) -> "Corpus":
        return cls({name: pl.DataFrame(table) for name, table in tables}, linked=linked)

    def _replace(self, **frames: pl.DataFrame) -> "Corpus":
        return Corpus({**self._frames, **frames}, linked=self._linked)

    @property
    def linked(self) -> bool:
        """Whether ids are corpus-wide; False for a ``link=False`` parse until ``nf.link``."""
        return self._linked

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

    def __add__(self, other: object) -> "Corpus":
        """``c1 + c2`` is ``nf.concat([c1, c2])``."""
        if not isinstance(other, Corpus):
            return NotImplemented
        return concat([self, other])

    def filter(
        self, *predicates: pl.Expr, article_ids: Iterable[str] | pl.Series | None = None
    ) -> "Corpus":
        """The corpus restricted to some articles, every frame kept consistent.

        Args:
            predicates: polars expressions on ``articles`` columns, all of which must hold
                (``corpus.filter(pl.col("outlet") == "Reuters")``).
            article_ids: the ids to keep; ids not in the corpus are ignored with a warning.

        ``errors`` rows are kept when their ``source`` is one of the kept ids (inputs given
        by id, as in :func:`from_texts`); with predicates only, errors are dropped.
        """
        keep = self.articles
        for p in predicates:
            if not isinstance(p, pl.Expr):
                check.fail_type("Corpus.filter", "predicates", "polars expressions on articles columns "
                                "(pl.col('outlet') == 'Reuters')", p)
            keep = keep.filter(p)
        wanted: set[str] | None = None
        if article_ids is not None:
            if isinstance(article_ids, (str, bytes, Mapping)) or not isinstance(article_ids, Iterable):
                check.fail_type("Corpus.filter", "article_ids", "a list of article ids (str)", article_ids,
                                "wrap a single id in a list")
            wanted = {str(a) for a in article_ids}
            missing = wanted - set(self.articles["article_id"].to_list())
            if missing:
                warnings.warn(f"Corpus.filter(): {len(missing)} of the article_ids are not in the corpus "
                              f"(e.g. {sorted(missing)[0]!r})", stacklevel=2)
            keep = keep.filter(pl.col("article_id").is_in(list(wanted)))
        ids = keep["article_id"]
        frames = {n: f.filter(pl.col("article_id").is_in(ids.implode())) for n, f in self._frames.items()
                  if n != "errors"}
        errors = self.errors.filter(pl.col("source").is_in(list(wanted or ())))
        return Corpus({**frames, "errors": errors}, linked=self._linked)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{self._frames[n].height} {n}" for n in FRAME_NAMES[1:])
        unlinked = "" if self._linked else " (unlinked: nf.link gives corpus-wide ids)"
        return f"<newsframe.Corpus: {len(self)} articles, {sizes}{unlinked}>"

    def _repr_html_(self) -> str:
        from newsframe.display import corpus_html

        return corpus_html(self)

    def show(self, article_id: str | None = None, path: str | os.PathLike[str] | None = None):
        """Renders one article with entities, quotes and citations highlighted.

        In Jupyter this returns a displayable HTML object; elsewhere (or when ``path`` is
        given) it writes a standalone HTML file and returns its path.
        """
        from newsframe.display import show

        if article_id is not None and not isinstance(article_id, str):
            hint = ""
            if isinstance(article_id, int) and not isinstance(article_id, bool) and 0 <= article_id < len(self):
                hint = f"for the article in row {article_id} use corpus.show(corpus.articles['article_id'][{article_id}])"
            check.fail_type("Corpus.show", "article_id", "an article id (str) from corpus.articles['article_id']",
                            article_id, hint)
        if path is not None and not isinstance(path, (str, os.PathLike)):
            check.fail_type("Corpus.show", "path", "None or a file path (str or pathlib.Path)", path)
        return show(self, article_id, path)

    def write_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Writes ``<directory>/<frame>.parquet`` for every frame; returns the paths."""
        return self._write(directory, "parquet")

    def write_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Writes ``<directory>/<frame>.csv`` for every frame (list columns joined by ``"; "``)."""
        return self._write(directory, "csv")

    def _write(self, directory: str | os.PathLike[str], fmt: str) -> list[Path]:
        """Writes every frame; a run stopped midway leaves the previous file or none, never half."""
        if not isinstance(directory, (str, os.PathLike)):
            check.fail_type(f"Corpus.write_{fmt}", "directory", "a folder path (str or pathlib.Path)", directory)
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self._frames.items():
            if fmt == "parquet":
                paths.append(write_atomically(out / f"{name}.parquet", frame.write_parquet))
            else:
                paths.append(write_atomically(out / f"{name}.csv", csv_ready(frame).write_csv))
        return paths

    def summary(self) -> str:
        """One line a person can read: counts of each frame."""
        return summary_of({n: f.height for n, f in self._frames.items()})


def summary_of(rows: Mapping[str, int]) -> str:
    """``5 articles, 208 paragraphs, ...`` from the row count of each frame."""
    return ", ".join(f"{rows[n]} {n}" for n in FRAME_NAMES)


def csv_ready(frame: FrameT) -> FrameT:
    """The frame (eager or lazy) with list columns joined by ``"; "``, as CSV holds no lists."""
    return frame.with_columns(
        pl.col(c).cast(pl.List(pl.String)).list.join("; ")
        for c, t in frame.collect_schema().items()
        if isinstance(t, pl.List)
    )


def concat(corpora: Iterable[Corpus]) -> Corpus:
    """One corpus from several (parsed in shards, say), frames stacked in the order given.

    ``article_id`` stays the join key: an article that appears in more than one corpus with
    the same ``content_hash`` is kept once, from the first, with a warning; a later article
    whose id is taken by a different article is kept under its ``source`` path (as
    :func:`read` does for two files with one name), and if that is taken too a
    ``ValueError`` asks for unique ids. ``quote_group`` is a digest of the quoted words, so
    it is the same in every corpus; ``entity_id`` is formed from the canonical name, so one
    entity has one id in every corpus that chose the same canonical spelling (spelling
    variants are merged only within one parse: parse together, or parse with ``link=False``
    and join with :func:`newsframe.link`, for full linking). Unlinked corpora concatenate to
    an unlinked corpus; linked and unlinked ones do not mix.

    Raises:
        TypeError: ``corpora`` is not an iterable of :class:`Corpus`.
        ValueError: it is empty, or two different articles share an id and a source.
    """
    if isinstance(corpora, Corpus) or not isinstance(corpora, Iterable):
        check.fail_type("concat", "corpora", "a list of Corpus objects", corpora, "nf.concat([c1, c2])")
    items = list(corpora)
    for c in items:
        if not isinstance(c, Corpus):
            check.fail_type("concat", "corpora", "a list of Corpus objects", c)
    if not items:
        check.fail_value("concat", "corpora", "a non-empty list of Corpus objects", items)
    linked = {c.linked for c in items}
    if len(linked) > 1:
        raise ArgumentValueError("concat(): some corpora are linked and some are not (link=False); "
                                 "parse all with link=False and join them with nf.link(corpora)")
    hashes: dict[str, str] = {}
    stacked: dict[str, list[pl.DataFrame]] = {n: [] for n in FRAME_NAMES}
    repeated: list[str] = []
    moved: list[str] = []
    for corpus in items:
        rows = corpus.articles.select("article_id", "content_hash", "source").rows()
        own = {aid for aid, _, _ in rows}
        drop: list[str] = []
        rename: dict[str, str] = {}
        for aid, digest, source in rows:
            if aid not in hashes:
                hashes[aid] = digest
            elif hashes[aid] == digest:
                drop.append(aid)
            elif source not in hashes and source not in own:
                rename[aid] = source
                hashes[source] = digest
            else:
                raise ArgumentValueError(
                    f"concat(): two different articles have article_id {aid!r} (and source {source!r}); "
                    "give unique ids when parsing, e.g. nf.from_texts(texts, ids=[...])"
                )
        repeated += drop
        moved += rename
        for name, frame in corpus.frames().items():
            if name != "errors":
                if drop:
                    frame = frame.filter(~pl.col("article_id").is_in(drop))
                if rename:
                    frame = frame.with_columns(pl.col("article_id").replace(rename))
            stacked[name].append(frame)
    if repeated:
        warnings.warn(f"concat(): {len(repeated)} articles appear in more than one corpus with the same "
                      f"content (e.g. {repeated[0]!r}); each is kept once", stacklevel=2)
    if moved:
        warnings.warn(f"concat(): {len(moved)} article ids were taken by different articles "
                      f"(e.g. {moved[0]!r}); those are kept with their source path as article_id",
                      stacklevel=2)
    frames = {n: pl.concat(fs, how="diagonal_relaxed") for n, fs in stacked.items()}
    frames["errors"] = frames["errors"].unique(maintain_order=True)
    return Corpus(frames, linked=linked.pop())
