"""Ways into a corpus: files and folders, Python strings, a polars (or pandas) frame, the sample.

Every public function checks its arguments first (``_arguments``), then feeds the native
builder in batches of ``_BATCH`` inputs so a progress bar can move and Ctrl-C is seen between
batches.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, Union

import polars as pl

from newsframe import _arguments as check
from newsframe import _dates as dates
from newsframe._native import CorpusBuilder
from newsframe._progress import Progress
from newsframe._walk import Inputs, walk
from newsframe.corpus import Corpus
from newsframe.errors import ArgumentValueError, InputError, NewsframeError, ParseError

PathLike = Union[str, "os.PathLike[str]"]
EntitySpec = Union[pl.DataFrame, str, "os.PathLike[str]", Iterable[Mapping[str, object]], None]

#: Inputs parsed per native call; between calls the progress bar moves.
_BATCH = 256
_DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_RENAMED = "file name is not valid UTF-8: bytes that are not were replaced by U+FFFD in the id"
_SURROGATES = "text held lone surrogates (not valid Unicode): replaced by U+FFFD"


def sample_path() -> Path:
    """Folder of the bundled sample corpus (five seed articles about one diplomatic visit)."""
    return Path(__file__).parent / "sample"


def sample(**options: Any) -> Corpus:
    """Parses the bundled sample corpus; keyword options as for :func:`read`."""
    return read(sorted(sample_path().glob("*.txt")), **options)


def _entity_rows(func: str, entities: EntitySpec) -> list[tuple[str, str, list[str]]] | None:
    """Caller entities as (name, type, aliases); a CSV path, a frame or dicts."""
    accepted = "None, a polars DataFrame, a CSV path or a list of dicts with 'name' and 'type'"
    if entities is None:
        return None
    if isinstance(entities, (str, os.PathLike)):
        if not os.path.isfile(entities):
            raise FileNotFoundError(f"{func}(): entities file {os.fspath(entities)!r} does not exist")
        entities = pl.read_csv(os.fspath(entities))
    if isinstance(entities, pl.DataFrame):
        entities = entities.to_dicts()
    if isinstance(entities, (bytes, Mapping)) or not isinstance(entities, Iterable):
        check.fail_type(func, "entities", accepted, entities)
    rows = []
    for e in entities:
        if not isinstance(e, Mapping) or "name" not in e or "type" not in e:
            check.fail_value(func, "entities", "dicts with 'name' and 'type' (and optional 'aliases')", e)
        aliases = e.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.replace(";", "|").split("|") if a.strip()]
        rows.append((str(e["name"]), str(e["type"]), [str(a) for a in aliases]))  # type: ignore[union-attr]
    return rows


def _builder(func: str, entities: EntitySpec, max_bytes: object, entity_scope: object = "story",
             link: object = True) -> CorpusBuilder:
    limit = check.max_bytes(func, max_bytes)
    scope = check.entity_scope(func, entity_scope)
    if not isinstance(link, bool):
        check.fail_type(func, "link", "True or False", link)
    try:
        return CorpusBuilder(max_bytes=limit, entities=_entity_rows(func, entities), entity_scope=scope, link=link)
    except ValueError as e:
        raise NewsframeError(str(e)) from None


def _run(
    batches: Iterable[tuple[list, int]],
    add: Callable[[list], object],
    total: int,
    progress: bool | None,
    label: str,
    size: Callable[[list], int] | None = None,
) -> None:
    """Feeds each batch to ``add``; a batch is (items, inputs it stands for)."""
    measure = _text_size if size is None else size
    bar = Progress(total, label=label, enabled=progress)
    try:
        for chunk, inputs in batches:
            _add(add, chunk)
            bar.advance(inputs, measure(chunk))
    finally:
        bar.close()


def _add(add: Callable[[list], object], chunk: list) -> None:
    """One native call; a failure of the core itself is a :class:`ParseError`."""
    try:
        add(chunk)
    except RuntimeError as e:
        raise ParseError(str(e)) from None


def _text_size(chunk: list) -> int:
    """Characters of a chunk of (id, source, text, format) items, for the MB/s shown."""
    return sum(len(text) for _, _, text, _ in chunk)


def _file_size(chunk: list) -> int:
    """Bytes of a chunk of (id, source, path, format) items, for the MB/s shown."""
    size = 0
    for _, _, path, _ in chunk:
        try:
            size += os.path.getsize(path)
        except OSError:
            pass  # it becomes an errors row; it counts no bytes
    return size


def _chunks(items: list, size: int = _BATCH) -> Iterator[tuple[list, int]]:
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        yield chunk, len(chunk)


def _file_options(func: str, paths: object, exclude: object, format: object, strict: object,
                  progress: object) -> tuple[list[str], list[str], str | None]:
    """The checked paths, excluded folders and input format of a read from files."""
    given = check.paths(func, paths)
    skip = [] if exclude is None else check.paths(func, exclude)
    fmt = check.input_format(func, format)
    check.flag(func, "progress", progress)
    check.flag(func, "strict", strict)
    return given, skip, fmt


def _walked(given: list[str], skip: list[str], fmt: str | None, strict: bool) -> tuple[Inputs, list]:
    """What the walk found and the (article_id, source, path, format) items to parse."""
    found = walk(given, exclude=skip)
    if strict and found.problems:
        raise InputError(*found.problems[0])
    items = [(aid, source, path, fmt) for aid, source, path in found.files]
    return found, items


def _warn_renamed(found: Inputs, stacklevel: int) -> None:
    if found.renamed:
        n = len(found.renamed)
        warnings.warn(f"newsframe: {n} file name{'s are' if n != 1 else ' is'} not valid UTF-8; "
                      "ids show U+FFFD for the bytes that are not", stacklevel=stacklevel + 1)


def _with_warnings(corpus: Corpus, notes: Mapping[str, str]) -> Corpus:
    """Appends a note to ``articles.warnings`` of the named articles."""
    if not notes:
        return corpus
    arts = corpus.articles
    note = pl.col("article_id").replace_strict(dict(notes), default=None, return_dtype=pl.String)
    arts = arts.with_columns(
        pl.when(note.is_not_null())
        .then(pl.col("warnings").list.concat(pl.concat_list(note)))
        .otherwise(pl.col("warnings"))
        .alias("warnings")
    )
    return corpus._replace(articles=arts)


def read(
    paths: PathLike | Sequence[PathLike],
    *,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    exclude: PathLike | Sequence[PathLike] | None = None,
    strict: bool = False,
    entity_scope: str = "story",
    link: bool = True,
    progress: bool | None = None,
) -> Corpus:
    """Reads articles from files, folders (recursively) and glob patterns.

    Args:
        paths: one path or several; folders are read recursively (names starting with
            ``.`` skipped, symbolic links followed), patterns (``"data/**/*.html"``) select files.
        format: ``"text"``, ``"html"`` or ``"json"`` for every input; guessed per file when None.
        entities: your own entities (a watch list), which win over the built-in gazetteers:
            a polars frame or CSV path with columns ``name``, ``type`` and optional ``aliases``
            (``|``-separated), or an iterable of such dicts.
        max_bytes: inputs larger than this many bytes become ``errors`` rows of kind ``too_large``.
        exclude: folders not to read even when they lie inside ``paths`` (an output folder).
        strict: stop at the first input that yields no article and raise :class:`InputError`.
        entity_scope: ``"story"`` (default) finds entities in the title, subtitle, headings and
            body; ``"all"`` in every block (captions, bylines, lists, results lines of wire copy).
        link: link entities across the articles (corpus-wide ``entity_id``). ``False`` leaves
            linking keys instead, for pieces of a corpus that :func:`newsframe.link` joins
            with the ids one parse of all of them would give.
        progress: show a progress bar (articles/s, MB/s) on stderr; by default only on a
            terminal with many inputs.

    Raises:
        TypeError, ValueError: an argument is not of an accepted kind (the message says which).
        FileNotFoundError: a path does not exist, a pattern matches nothing or a folder holds
            no files.
        InputError: with ``strict=True``, the first input that yields no article.

    Every path met ends up in exactly one of ``corpus.articles`` or ``corpus.errors``:
    unreadable files and folders, dangling links (``io``), link loops (``symlink_loop``),
    pipes and devices (``not_a_file``) become ``errors`` rows.
    """
    given, skip, fmt = _file_options("read", paths, exclude, format, strict, progress)
    builder = _builder("read", entities, max_bytes, entity_scope, link)
    found, items = _walked(given, skip, fmt, strict)
    for source, kind, message in found.problems:
        builder.add_error(source, kind, message)

    def add_until_an_error(chunk: list) -> None:
        builder.add_files(chunk)
        if builder.n_errors:
            raise InputError(*Corpus._from_tables(builder.finish()).errors.row(0))

    add = add_until_an_error if strict else builder.add_files
    _run(_chunks(items), add, len(items), progress, "reading", _file_size)
    corpus = Corpus._from_tables(builder.finish(), linked=link)
    _warn_renamed(found, stacklevel=2)
    return _with_warnings(corpus, dict.fromkeys(found.renamed, _RENAMED))


def from_texts(
    texts: Sequence[str],
    ids: Sequence[str] | None = None,
    *,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    entity_scope: str = "story",
    link: bool = True,
    progress: bool | None = None,
) -> Corpus:
    """Parses article texts given as Python strings.

    Args:
        texts: a list (or any iterable) of str, one per article; an item that is not a str
            becomes an ``errors`` row of kind ``format``.
        ids: one unique id per text; ``"0"``, ``"1"``, ... when None.
        format, entities, max_bytes, entity_scope, link, progress: as for :func:`read`.

    Raises:
        TypeError: ``texts`` is a str, bytes, a mapping or a frame (the message says what to pass).
        ValueError: ids are not one per text or not unique.

    Lone surrogates (text that is not valid Unicode) are replaced by U+FFFD and noted in
    ``articles.warnings``.
    """
    values = check.texts("from_texts", texts)
    given_ids = check.ids("from_texts", ids, len(values))
    names = [str(i) for i in range(len(values))] if given_ids is None else given_ids
    fmt = check.input_format("from_texts", format)
    check.flag("from_texts", "progress", progress)
    builder = _builder("from_texts", entities, max_bytes, entity_scope, link)
    items = []
    fixed: dict[str, str] = {}
    for name, text in zip(names, values):
        aid, _ = check.without_surrogates(name)
        if not isinstance(text, str):
            builder.add_error(aid, "format", f"expected a str, got {type(text).__name__}: pass article texts as str")
            continue
        text, replaced = check.without_surrogates(text)
        if replaced:
            fixed[aid] = _SURROGATES
        items.append((aid, aid, text, fmt))
    _run(_chunks(items), builder.add_texts, len(items), progress, "parsing")
    return _with_warnings(Corpus._from_tables(builder.finish(), linked=link), fixed)


def _as_lazy(df: object) -> pl.LazyFrame:
    if isinstance(df, pl.LazyFrame):
        return df
    if isinstance(df, pl.DataFrame):
        return df.lazy()
    if type(df).__module__.split(".")[0] == "pandas" and hasattr(df, "columns"):
        return _from_pandas(df).lazy()
    check.fail_type("from_frame", "df", "a polars DataFrame or LazyFrame (or a pandas DataFrame)",
                    df, "for a dict of columns use nf.from_frame(pl.DataFrame(d), ...); for a list "
                    "of texts use nf.from_texts")


def _from_pandas(df: Any) -> pl.DataFrame:
    """A pandas frame as polars; without pyarrow, column by column through Python objects."""
    try:
        return pl.from_pandas(df)
    except ImportError:  # polars needs pyarrow for pandas object and extension columns
        return pl.DataFrame({
            str(c): df[c].astype(object).where(df[c].notna(), None).tolist() for c in df.columns
        })


def _frame_batches(lf: pl.LazyFrame) -> Iterator[pl.DataFrame]:
    """The frame in batches of rows, streamed when polars can stream."""
    if hasattr(lf, "collect_batches"):
        yield from lf.collect_batches(chunk_size=_BATCH)
    else:  # polars before 1.30
        yield from lf.collect().iter_slices(n_rows=_BATCH)


def from_frame(
    df: pl.DataFrame | pl.LazyFrame,
    text: str = "text",
    id: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    entity_scope: str = "story",
    link: bool = True,
    progress: bool | None = None,
) -> Corpus:
    """Parses a column of article texts; the columns you name override what parsing finds.

    Args:
        df: a polars ``DataFrame`` or ``LazyFrame`` (read in batches) with one article per
            row, or a pandas ``DataFrame`` when pandas is installed.
        text: String column holding the article text (or HTML); a null text becomes an
            ``errors`` row of kind ``empty``.
        id: column of unique, non-null article ids; row numbers when None.
        title, url, published, outlet: columns whose non-null values replace the parsed
            ``title``, ``source``, ``published`` and ``outlet`` of each article. ``published``
            may be a ``Date`` or ``Datetime`` column or strings in ISO-8601
            (``2023-01-02T10:00:00Z``) or common English forms (``Jan 5, 2023``).
        format, entities, max_bytes, entity_scope, link, progress: as for :func:`read`.

    Raises:
        TypeError: ``df`` is not a frame, or a column has a type that cannot hold its values.
        ValueError: a named column is missing, or ids are null or repeated.
    """
    lf = _as_lazy(df)
    schema = lf.collect_schema()
    columns = schema.names()
    named = {"text": text, "id": id, "title": title, "url": url, "published": published, "outlet": outlet}
    if text is None:
        check.fail_type("from_frame", "text", "a column name (str)", text)
    for arg, col in named.items():
        check.column("from_frame", arg, col, columns)
    if schema[text] not in (pl.String, pl.Categorical, pl.Null):
        check.fail_type("from_frame", "text", "a String column", f"{text} ({schema[text]})")
    if published is not None:
        dates.check_dtype(published, schema[published])
    fmt = check.input_format("from_frame", format)
    check.flag("from_frame", "progress", progress)
    builder = _builder("from_frame", entities, max_bytes, entity_scope, link)
    overrides = {"title": title, "source": url, "published": published, "outlet": outlet}
    cols = {k: v for k, v in overrides.items() if v is not None}
    wanted = list(dict.fromkeys(c for c in (text, id, *cols.values()) if c is not None))
    total = lf.select(pl.len()).collect().item() if progress is not False else 0
    given: list[pl.DataFrame] = []
    seen: set[str] = set()
    row = 0

    def batches() -> Iterator[tuple[list, int]]:
        nonlocal row
        for batch in _frame_batches(lf.select(wanted)):
            if id is None:
                ids = [str(i) for i in range(row, row + batch.height)]
            else:
                raw = batch[id]
                if raw.null_count():
                    raise ArgumentValueError(f"from_frame(): the id column {id!r} has null values; "
                                     "give every row an id or pass id=None for row numbers")
                ids = raw.cast(pl.String).to_list()
            for aid in ids:
                if aid in seen:
                    raise ArgumentValueError(f"from_frame(): ids must be unique; {aid!r} appears more than once "
                                     f"in column {id!r}")
                seen.add(aid)
            row += batch.height
            if cols:
                given.append(batch.select(
                    pl.Series("article_id", ids, dtype=pl.String),
                    *[pl.col(v).alias(f"__{k}") for k, v in cols.items()],
                ))
            texts = batch[text].cast(pl.String).to_list()
            chunk = []
            for aid, body in zip(ids, texts):
                if body is None:
                    builder.add_error(aid, "empty", f"the {text!r} value is null: no text to parse")
                else:
                    chunk.append((aid, aid, body, fmt))
            yield chunk, batch.height

    _run(batches(), builder.add_texts, total, progress, "parsing")
    corpus = Corpus._from_tables(builder.finish(), linked=link)
    if not cols:
        return corpus
    return _override(corpus, pl.concat(given) if given else None, cols, published)


def _override(corpus: Corpus, given: pl.DataFrame | None, cols: dict[str, str], published: str | None) -> Corpus:
    """Replaces parsed article fields by the caller's non-null values."""
    if given is None:
        return corpus
    if "published" in cols:
        read_dates = dates.to_date(given["__published"])
        unread = given.filter(read_dates.is_null() & given["__published"].is_not_null())
        if unread.height:
            warnings.warn(
                f"from_frame(): {unread.height} values of column {published!r} are not dates newsframe "
                f"reads (e.g. {unread['__published'][0]!r}); those articles keep the parsed date. "
                "Use ISO-8601 (2023-01-02) or a Date column.", stacklevel=3)
        given = given.with_columns(read_dates.alias("__published"))
    arts = corpus.articles.join(given, on="article_id", how="left")
    arts = arts.with_columns(
        [pl.coalesce(pl.col(f"__{k}").cast(arts[k].dtype), pl.col(k)).alias(k) for k in cols]
    ).select(corpus.articles.columns)
    return corpus._replace(articles=arts)
