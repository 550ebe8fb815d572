"""Parsing on a cluster (Ray Data, Dask) with the ids of one single-process parse.

Workers parse batches unlinked and write each batch's frames and linking-key counts as
part files to a folder every worker and the driver can reach; the driver then runs the
same final pass as :func:`newsframe.read_to_parquet`: the keys of all parts linked once,
every frame written in one streaming pass. So ``entity_id`` and the canonical names equal
a single run's (``quote_group`` is a digest of the words, the same anywhere)::

    items = cluster.inputs("crawl/")                       # driver: walk, as nf.read does
    ray.data.from_items(items).map_batches(cluster.Parse("parts/"), batch_size=256).materialize()
    dask.bag.from_sequence(items, npartitions=8).map_partitions(cluster.parse_partition, "parts/").compute()
    cluster.finish("parts/", "out/")                       # driver: out/<frame>.parquet

Neither engine is a dependency: install ``newsframe[ray]`` or ``newsframe[dask]``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

import polars as pl

from newsframe import _arguments as check
from newsframe.corpus import Corpus
from newsframe.reader import (
    _DEFAULT_MAX_BYTES,
    _RENAMED,
    EntitySpec,
    PathLike,
    _add,
    _builder,
    _entity_rows,
    _file_options,
    _walked,
    _with_warnings,
)
from newsframe.stream import write_final, write_parts

__all__ = ["Parse", "finish", "inputs", "parse_partition", "write_parts"]


def inputs(paths: PathLike | Sequence[PathLike], *, exclude: PathLike | Sequence[PathLike] | None = None,
           format: str | None = None) -> list[dict[str, Any]]:
    """One dict per input, as :func:`newsframe.read` would meet them, for an engine to split.

    Keys: ``index`` (input order, which orders the final rows), ``article_id``, ``source``,
    ``path``, ``format``, ``renamed`` (a file name that was not UTF-8) and, for a path that
    cannot be read at all (a dangling link, a pipe), ``kind`` and ``message`` of its
    ``errors`` row. Paths are as given: the workers must see the same files.
    """
    given, skip, fmt = _file_options("inputs", paths, exclude, format, False, None)
    found, items = _walked(given, skip, fmt, strict=False)
    rows: list[dict[str, Any]] = [
        {"index": i, "article_id": source, "source": source, "path": None, "format": None,
         "renamed": False, "kind": kind, "message": message}
        for i, (source, kind, message) in enumerate(found.problems)
    ]
    for aid, source, path, f in items:
        rows.append({"index": len(rows), "article_id": aid, "source": source, "path": path, "format": f,
                     "renamed": aid in found.renamed, "kind": None, "message": None})
    return rows


class Parse:
    """A picklable batch parser for ``ray.data.Dataset.map_batches``.

    Called with a batch of :func:`inputs` rows (a dict of columns, a pyarrow table or a
    pandas frame: whatever ``batch_format`` gives), it parses them, writes the part files
    under ``parts`` and returns ``{"part": [label], "articles": [n]}``.

    Args:
        parts: the folder of part files (shared by every worker and the driver).
        entities, max_bytes, entity_scope: as for :func:`newsframe.read`.
    """

    def __init__(self, parts: str | os.PathLike[str], *, entities: EntitySpec = None,
                 max_bytes: int = _DEFAULT_MAX_BYTES, entity_scope: str = "story") -> None:
        if not isinstance(parts, (str, os.PathLike)):
            check.fail_type("Parse", "parts", "a folder path (str or pathlib.Path)", parts)
        self.parts = os.fspath(parts)
        self.entities = _entity_rows("Parse", entities)
        self.max_bytes = max_bytes
        self.entity_scope = entity_scope
        _builder("Parse", None, max_bytes, entity_scope)  # checks the options on the driver

    def __call__(self, batch: Any) -> dict[str, list]:
        rows = pl.DataFrame(batch) if not isinstance(batch, pl.DataFrame) else batch
        label, n = self._parse(rows)
        return {"part": [label], "articles": [n]}

    def _parse(self, rows: pl.DataFrame) -> tuple[str, int]:
        if rows.height == 0:
            return "", 0
        builder = _builder("Parse", self.entities, self.max_bytes, self.entity_scope, link=False)
        items = []
        for row in rows.sort("index").iter_rows(named=True):
            if row.get("kind"):
                builder.add_error(row["source"], row["kind"], row["message"])
            else:
                items.append((row["article_id"], row["source"], row["path"], row["format"]))
        _add(builder.add_files, items)
        renamed = rows.filter(pl.col("renamed"))["article_id"].to_list() if "renamed" in rows.columns else []
        corpus = _with_warnings(Corpus._from_tables(builder.finish(), linked=False),
                                dict.fromkeys(renamed, _RENAMED))
        label = f"{rows['index'].min():012d}"
        write_parts(corpus, Path(self.parts), label)
        return label, len(corpus)


def parse_partition(items: Sequence[dict[str, Any]], parts: str | os.PathLike[str], **options: Any) -> list[str]:
    """``Parse`` for ``dask.bag.Bag.map_partitions``: a partition of :func:`inputs` rows in,
    the list of the part label it wrote out (empty for an empty partition)."""
    rows = list(items)
    if not rows:
        return []
    label, _ = Parse(parts, **options)._parse(pl.DataFrame(rows, infer_schema_length=None))
    return [label]


def finish(parts: str | os.PathLike[str], directory: str | os.PathLike[str], *,
           format: str = "parquet") -> list[Path]:
    """Links every part under ``parts`` and writes ``<directory>/<frame>.parquet`` (or ``.csv``
    with ``format="csv"``): the frames a single ``nf.read`` of the inputs gives."""
    for arg, value in (("parts", parts), ("directory", directory)):
        if not isinstance(value, (str, os.PathLike)):
            check.fail_type("finish", arg, "a folder path (str or pathlib.Path)", value)
    if format not in ("parquet", "csv"):
        check.fail_value("finish", "format", "'parquet' or 'csv'", format)
    if not (Path(parts) / "articles").is_dir():
        raise FileNotFoundError(f"finish(): no part files under {os.fspath(parts)!r}; run the workers first")
    return write_final(Path(parts), Path(directory), format)
