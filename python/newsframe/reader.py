"""Ways into a corpus: files and folders, Python strings, a polars column, the bundled sample."""

from __future__ import annotations

import glob as _glob
import os
from pathlib import Path
from typing import Iterable, Mapping, Sequence, Union

import polars as pl

from newsframe._native import CorpusBuilder
from newsframe._progress import Progress
from newsframe.corpus import Corpus
from newsframe.errors import NewsframeError, ParseError

PathLike = Union[str, "os.PathLike[str]"]
EntitySpec = Union[pl.DataFrame, str, "os.PathLike[str]", Iterable[Mapping[str, object]], None]

#: Inputs parsed per native call; between calls the progress bar moves.
_BATCH = 256
_DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_GLOB_CHARS = set("*?[")


def sample_path() -> Path:
    """Folder of the bundled sample corpus (five seed articles about one diplomatic visit)."""
    return Path(__file__).parent / "sample"


def sample(**options: object) -> Corpus:
    """Parses the bundled sample corpus; options as for :func:`read`."""
    return read(sorted(sample_path().glob("*.txt")), **options)  # type: ignore[arg-type]


def _expand(paths: PathLike | Sequence[PathLike]) -> list[tuple[str, str, Path]]:
    """(article_id, source, path) for every file behind the given paths, in a stable order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[tuple[str, str, Path]] = []
    for given in paths:
        text = os.fspath(given)
        p = Path(text)
        if p.is_dir():
            files = sorted(
                f for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            found.extend((f.relative_to(p).as_posix(), str(f), f) for f in files)
        elif p.is_file():
            found.append((p.name, text, p))
        elif _GLOB_CHARS & set(text):
            matches = sorted(m for m in _glob.glob(text, recursive=True) if Path(m).is_file())
            if not matches:
                raise FileNotFoundError(f"newsframe: no file matches the pattern {text!r}")
            root = Path(text.split("*")[0].split("?")[0].split("[")[0])
            base = root if root.is_dir() else root.parent
            found.extend((_relative(Path(m), base), m, Path(m)) for m in matches)
        else:
            raise FileNotFoundError(
                f"newsframe: {text!r} does not exist: give a file, a folder or a glob pattern"
            )
    return _unique_ids(found)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def _unique_ids(items: list[tuple[str, str, Path]]) -> list[tuple[str, str, Path]]:
    """Two inputs with one relative name keep their full source path as id."""
    counts: dict[str, int] = {}
    for aid, _, _ in items:
        counts[aid] = counts.get(aid, 0) + 1
    seen: set[str] = set()
    out = []
    for aid, source, path in items:
        if counts[aid] > 1 or aid in seen:
            aid = source
        while aid in seen:
            aid = aid + "'"
        seen.add(aid)
        out.append((aid, source, path))
    return out


def _entity_rows(entities: EntitySpec) -> list[tuple[str, str, list[str]]] | None:
    """Caller entities as (name, type, aliases); a CSV path, a frame or dicts."""
    if entities is None:
        return None
    if isinstance(entities, (str, os.PathLike)):
        entities = pl.read_csv(entities)
    if isinstance(entities, pl.DataFrame):
        entities = entities.to_dicts()
    rows = []
    for e in entities:
        if "name" not in e or "type" not in e:
            raise ValueError(f"each entity needs 'name' and 'type' (and optional 'aliases'): got {e!r}")
        aliases = e.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.replace(";", "|").split("|") if a.strip()]
        rows.append((str(e["name"]), str(e["type"]), [str(a) for a in aliases]))  # type: ignore[union-attr]
    return rows


def _builder(entities: EntitySpec, max_bytes: int, entity_scope: str = "story") -> CorpusBuilder:
    try:
        return CorpusBuilder(max_bytes=max_bytes, entities=_entity_rows(entities), entity_scope=entity_scope)
    except ValueError as e:
        raise NewsframeError(str(e)) from None


def _run_batches(builder: CorpusBuilder, items: list, add, progress: bool | None, label: str) -> Corpus:
    bar = Progress(len(items), label=label, enabled=progress)
    try:
        for i in range(0, len(items), _BATCH):
            chunk = items[i : i + _BATCH]
            try:
                add(chunk)
            except RuntimeError as e:
                raise ParseError(str(e)) from None
            bar.advance(len(chunk))
    finally:
        bar.close()
    return Corpus._from_tables(builder.finish())


def read(
    paths: PathLike | Sequence[PathLike],
    *,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    entity_scope: str = "story",
    progress: bool | None = None,
) -> Corpus:
    """Reads articles from files, folders (recursively) and glob patterns.

    Args:
        paths: one path or several; folders are read recursively (hidden files skipped).
        format: ``"text"``, ``"html"`` or ``"json"`` for every input; guessed per file when None.
        entities: your own entities (a watch list), which win over the built-in gazetteers:
            a polars frame or CSV path with columns ``name``, ``type`` and optional ``aliases``
            (``|``-separated), or an iterable of such dicts.
        max_bytes: inputs larger than this become ``errors`` rows of kind ``too_large``.
        entity_scope: ``"story"`` (default) finds entities in the title, subtitle, headings and
            body; ``"all"`` in every block (captions, bylines, lists, results lines of wire copy).
        progress: show a progress bar on stderr; by default only on a terminal with many inputs.

    Raises:
        FileNotFoundError: a path does not exist or a pattern matches nothing.

    Every input ends up in exactly one of ``corpus.articles`` or ``corpus.errors``.
    """
    files = _expand(paths)
    builder = _builder(entities, max_bytes, entity_scope)
    items = [(aid, source, str(path), format) for aid, source, path in files]
    return _run_batches(builder, items, builder.add_files, progress, "reading")


def from_texts(
    texts: Sequence[str],
    ids: Sequence[str] | None = None,
    *,
    format: str | None = None,
    entities: EntitySpec = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    entity_scope: str = "story",
    progress: bool | None = None,
) -> Corpus:
    """Parses article texts given as Python strings; ids default to ``"0"``, ``"1"``, ..."""
    if isinstance(texts, str):
        raise TypeError("from_texts takes a list of texts; wrap a single text in a list")
    texts = list(texts)
    ids = [str(i) for i in range(len(texts))] if ids is None else [str(i) for i in ids]
    if len(ids) != len(texts):
        raise ValueError(f"got {len(texts)} texts but {len(ids)} ids")
    if len(set(ids)) != len(ids):
        raise ValueError("ids must be unique")
    builder = _builder(entities, max_bytes, entity_scope)
    items = []
    for aid, text in zip(ids, texts):
        if not isinstance(text, str):
            builder.add_error(aid, "format", f"expected a str, got {type(text).__name__}")
            continue
        items.append((aid, aid, text, format))
    return _run_batches(builder, items, builder.add_texts, progress, "parsing")


def from_frame(
    df: pl.DataFrame,
    text: str = "text",
    id: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    format: str | None = None,
    entities: EntitySpec = None,
    entity_scope: str = "story",
    progress: bool | None = None,
) -> Corpus:
    """Parses a column of article texts; the columns you name override what parsing finds.

    Args:
        df: a polars DataFrame with one article per row.
        text: column holding the article text (or HTML).
        id: column of unique article ids; row numbers when None.
        title, url, published, outlet: columns whose non-null values replace the parsed
            ``title``, ``source``, ``published`` and ``outlet`` of each article.
    """
    for col in (text, id, title, url, published, outlet):
        if col is not None and col not in df.columns:
            raise ValueError(f"column {col!r} is not in the frame (columns: {df.columns})")
    ids = [str(v) for v in df[id].to_list()] if id else [str(i) for i in range(df.height)]
    texts = [v if v is not None else "" for v in df[text].to_list()]
    corpus = from_texts(texts, ids, format=format, entities=entities, entity_scope=entity_scope, progress=progress)
    overrides = {"title": title, "source": url, "published": published, "outlet": outlet}
    cols = {k: v for k, v in overrides.items() if v is not None}
    if cols:
        given = pl.DataFrame({"article_id": ids}).with_columns(
            [df[v].alias(f"__{k}") for k, v in cols.items()]
        )
        if "published" in cols and given["__published"].dtype != pl.Date:
            given = given.with_columns(pl.col("__published").cast(pl.Utf8).str.to_date(strict=False))
        arts = corpus.articles.join(given, on="article_id", how="left")
        arts = arts.with_columns(
            [pl.coalesce(pl.col(f"__{k}").cast(arts[k].dtype), pl.col(k)).alias(k) for k in cols]
        ).select(corpus.articles.columns)
        corpus = corpus._replace(articles=arts)
    return corpus
