"""Reading a corpus too large to hold: batches of ``Corpus`` (``scan``), and frames written
to Parquet as they are parsed (``read_to_parquet``, the ``newsframe parse`` command).

Memory follows the batch, not the corpus. ``read_to_parquet`` parses each batch unlinked
(``link=False``: ids are linking keys), writes its six frames as part files in a hidden
folder inside the output folder, with the counts of its distinct linking keys (all the
corpus-wide linking needs). When every input is read it links those keys once (the core's
linking, as a one-shot parse runs it) and makes each final file in one streaming pass over
its parts that swaps keys for ids; each file is written under a temporary name and renamed,
so a stopped run leaves no half file, and the parts are removed whatever happens. The
cluster recipes (``newsframe.cluster``) write the same parts from workers.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator, Sequence

import polars as pl

from newsframe import _arguments as check
from newsframe._files import write_atomically
from newsframe._native import CorpusBuilder
from newsframe._progress import Progress
from newsframe._walk import Inputs
from newsframe.corpus import FRAME_NAMES, Corpus, csv_ready
from newsframe.errors import InputError
from newsframe.linking import keys_of, mapping, merge_keys, relinked
from newsframe.reader import (
    _DEFAULT_MAX_BYTES,
    _RENAMED,
    EntitySpec,
    PathLike,
    _add,
    _builder,
    _chunks,
    _file_options,
    _file_size,
    _walked,
    _warn_renamed,
    _with_warnings,
)

#: Inputs per batch: enough to keep every core busy between batches, few enough that a
#: batch of long pages stays well inside the memory bound.
DEFAULT_BATCH_SIZE = 500

def scan(
    paths: PathLike | Sequence[PathLike],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    exclude: PathLike | Sequence[PathLike] | None = None,
    strict: bool = False,
    entity_scope: str = "story",
    link: bool = True,
    progress: bool | None = None,
) -> Iterator[Corpus]:
    """Reads files like :func:`newsframe.read`, one :class:`Corpus` per ``batch_size`` inputs.

    Arguments are checked and the paths walked at the call; parsing happens as the batches
    are taken, so only one batch is in memory at a time. Every input is in exactly one
    batch (as an article or an ``errors`` row); inputs that could not be read before
    parsing (walk problems) come in the first batch.

    Each batch is linked within itself (``link=True``): its ids are what ``nf.read`` of that
    batch alone gives. For the ids of one parse of everything, pass ``link=False`` and give
    the batches to :func:`newsframe.link` (which holds them all), or write to Parquet with
    :func:`read_to_parquet` (which does not).

    Args:
        batch_size: inputs per batch (a positive int).
        link: link each batch within itself; ``False`` leaves linking keys (see ``read``).
        paths, format, entities, max_bytes, exclude, strict, entity_scope, progress: as for
            :func:`newsframe.read`.

    Raises:
        As :func:`newsframe.read`; with ``strict=True`` the :class:`InputError` comes from
        the batch that holds the first failed input.
    """
    return _scan("scan", paths, batch_size, format, entities, max_bytes, exclude, strict,
                 entity_scope, link, progress)


def _scan(func: str, paths: object, batch_size: object, format: object, entities: EntitySpec,
          max_bytes: object, exclude: object, strict: bool, entity_scope: object, link: bool,
          progress: bool | None) -> Iterator[Corpus]:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        check.fail_value(func, "batch_size", "a positive int (inputs per batch)", batch_size)
    given, skip, fmt = _file_options(func, paths, exclude, format, strict, progress)
    builder = _builder(func, entities, max_bytes, entity_scope, link)
    found, items = _walked(given, skip, fmt, strict)
    _warn_renamed(found, stacklevel=3)
    return _batches(builder, found, items, batch_size, strict, link, progress)


def _batches(builder: CorpusBuilder, found: Inputs, items: list, batch_size: int, strict: bool,
             link: bool, progress: bool | None) -> Iterator[Corpus]:
    notes = dict.fromkeys(found.renamed, _RENAMED)
    for source, kind, message in found.problems:
        builder.add_error(source, kind, message)
    bar = Progress(len(items), label="reading", enabled=progress)
    try:
        chunks = list(_chunks(items, batch_size)) or [([], 0)]
        for chunk, n in chunks:
            _add(builder.add_files, chunk)
            if strict and builder.n_errors:
                raise InputError(*Corpus._from_tables(builder.finish()).errors.row(0))
            bar.advance(n, _file_size(chunk))
            yield _with_warnings(Corpus._from_tables(builder.finish(), linked=link), notes)
    finally:
        bar.close()


def read_to_parquet(
    paths: PathLike | Sequence[PathLike],
    directory: str | os.PathLike[str],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    exclude: PathLike | Sequence[PathLike] | None = None,
    strict: bool = False,
    entity_scope: str = "story",
    progress: bool | None = None,
) -> list[Path]:
    """Reads files and writes ``<directory>/<frame>.parquet`` in memory that does not grow
    with the corpus; the frames are those ``nf.read(paths).write_parquet(directory)`` writes,
    ids included, row for row.

    Read them back with ``pl.read_parquet(directory / "entities.parquet")``, or lazily with
    ``pl.scan_parquet``. The output folder is never read as input.

    Args:
        directory: output folder, created if missing.
        batch_size: inputs parsed at a time (memory grows with it, not with the corpus).
        paths, format, entities, max_bytes, exclude, strict, entity_scope, progress: as for
            :func:`newsframe.read`.

    Returns:
        The six paths written, in ``FRAME_NAMES`` order.
    """
    return write_streamed("read_to_parquet", paths, directory, "parquet", batch_size=batch_size,
                          format=format, entities=entities, max_bytes=max_bytes, exclude=exclude,
                          strict=strict, entity_scope=entity_scope, progress=progress).paths


class Streamed:
    """What a streamed write made: its files, the rows of each frame, the first errors."""

    __slots__ = ("paths", "rows", "errors")

    def __init__(self, paths: list[Path], rows: dict[str, int], errors: pl.DataFrame) -> None:
        self.paths = paths
        self.rows = rows
        self.errors = errors


def write_streamed(func: str, paths: object, directory: object, fmt: str, *, batch_size: object,
                   format: object, entities: EntitySpec, max_bytes: object, exclude: object,
                   strict: bool, entity_scope: object, progress: bool | None,
                   keep_errors: int = 20) -> Streamed:
    """``read_to_parquet`` for Parquet or CSV; keeps the first ``keep_errors`` errors rows."""
    if not isinstance(directory, (str, os.PathLike)):
        check.fail_type(func, "directory", "a folder path (str or pathlib.Path)", directory)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    skip = [] if exclude is None else check.paths(func, exclude)
    batches = _scan(func, paths, batch_size, format, entities, max_bytes, [*skip, str(out)], strict,
                    entity_scope, False, progress)
    parts = Path(tempfile.mkdtemp(dir=out, prefix=".newsframe-parts-"))
    try:
        rows = dict.fromkeys(FRAME_NAMES, 0)
        errors: list[pl.DataFrame] = []
        for i, batch in enumerate(batches):
            write_parts(batch, parts, f"{i:012d}")
            for name, frame in batch.frames().items():
                rows[name] += frame.height
            kept = sum(e.height for e in errors)
            if kept < keep_errors and batch.errors.height:
                errors.append(batch.errors.head(keep_errors - kept))
        written = write_final(parts, out, fmt)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    first = pl.concat(errors) if errors else pl.DataFrame(schema=_ERRORS_SCHEMA)
    return Streamed(written, rows, first)


_ERRORS_SCHEMA = {"source": pl.String, "kind": pl.String, "error": pl.String}


def write_parts(batch: Corpus, parts: Path, label: str) -> None:
    """An unlinked batch's frames and linking-key counts as ``parts/<frame>/<label>.parquet``.

    Final files stack the parts in ``label`` order, so labels that sort as the inputs do
    (a batch number, the index of a batch's first input) keep the rows in input order.
    """
    if batch.linked:
        raise ValueError("write_parts(): the batch is linked; parse it with link=False")
    frames = batch.frames()
    for name, frame in [*frames.items(), ("keys", keys_of(frames))]:
        folder = parts / name
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / f"{label}.parquet", frame.write_parquet)


def write_final(parts: Path, out: Path, fmt: str = "parquet") -> list[Path]:
    """Links the keys of every part once and writes ``out/<frame>.parquet`` (or ``.csv``).

    Each file is one streaming pass over its parts that swaps linking keys for ids, so
    memory holds the table of distinct keys and a few row groups, not the corpus.
    """
    release_freed_memory()  # what parsing freed, before polars' buffers come on top
    keys = sorted(str(p) for p in (parts / "keys").glob("*.parquet"))
    table = mapping(merge_keys([pl.scan_parquet(keys)] if keys else []).collect())
    release_freed_memory()  # the linking's lists, as large as the table of keys
    out.mkdir(parents=True, exist_ok=True)
    return [_write_frame(name, sorted(str(p) for p in (parts / name).glob("*.parquet")), table, out, fmt)
            for name in FRAME_NAMES]


def release_freed_memory() -> None:
    """Hands heap memory that has been freed back to the system, where glibc allows it.

    glibc's malloc keeps freed pages of the core (parsing, linking) for reuse, but polars
    allocates with its own allocator, so without this they stay in the process's memory
    under the final pass (about 60 MB at 500 MB of input: benches/memory.py). Elsewhere
    (macOS, Windows, musl) there is no ``malloc_trim`` and this does nothing.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)


#: Bytes of a row group of a final file. polars' sink buffers a whole row group, and by
#: default sizes it in rows, so a frame of long rows (articles.body) would hold a large
#: share of the corpus at once; sized in bytes, memory stays flat as the corpus grows.
_ROW_GROUP_BYTES = 4 * 1024 * 1024


def _rows_per_group(parts: list[str]) -> int:
    """Rows that make about ``_ROW_GROUP_BYTES``, judged from the largest of the first parts."""
    sample = max((pl.read_parquet(p) for p in parts[:3]), key=lambda f: f.height, default=None)
    if sample is None or sample.height == 0:
        return 100_000
    per_row = max(1, sample.estimated_size() // sample.height)
    return max(1_000, _ROW_GROUP_BYTES // per_row)


def _write_frame(name: str, parts: list[str], table: pl.DataFrame, out: Path, fmt: str) -> Path:
    """One final file from its parts in one streaming pass, ids linked on the way."""
    frame = relinked(name, pl.scan_parquet(parts), table)
    if fmt == "parquet":
        rows = _rows_per_group(parts)
        return write_atomically(out / f"{name}.parquet", lambda p: frame.sink_parquet(p, row_group_size=rows))
    return write_atomically(out / f"{name}.csv", csv_ready(frame).sink_csv)
