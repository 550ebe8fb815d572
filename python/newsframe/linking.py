"""Corpus-wide ids for a corpus parsed in pieces: batches, shards, cluster workers.

Linking joins spellings of one person across articles (``Sergei Lavrov`` and ``Sergey
Lavrov``), so it needs the whole corpus; but all it needs of it is small: every distinct
linking key (``TYPE:name as found in the article``) and how often it is mentioned. A parse
with ``link=False`` writes those keys where the ids go; ``keys_of`` counts them per piece,
``merge_keys`` adds the counts up, and ``mapping`` runs the core's linking over the distinct
keys (the same code a one-shot parse runs, so the ids are the same); ``relinked`` then
rewrites each frame's id and name columns, lazily, so it also works as a streaming pass.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping

import polars as pl

from newsframe import _arguments as check
from newsframe._native import link_keys
from newsframe.corpus import Corpus, concat
from newsframe.errors import ArgumentValueError

#: Frame -> its columns holding a linking key (and the name column that goes with it).
_KEYED: dict[str, tuple[str, str | None]] = {
    "entities": ("entity_id", "name"),
    "quotes": ("speaker_entity_id", "speaker_name"),
    "citations": ("source_entity_id", None),
}

_KEYS_SCHEMA = {"key": pl.String, "mentions": pl.UInt64}


def keys_of(frames: Mapping[str, pl.DataFrame | pl.LazyFrame]) -> pl.DataFrame:
    """Distinct linking keys of unlinked frames with their mention counts.

    Mentions are entity rows; a key seen only as a speaker or a source counts 0 (it still
    takes part, as in a one-shot parse).
    """
    entities = frames["entities"].lazy().group_by(pl.col("entity_id").alias("key")).agg(
        pl.len().cast(pl.UInt64).alias("mentions"))
    others = [
        frames[name].lazy().select(pl.col(col).alias("key")).drop_nulls().unique()
        .with_columns(pl.lit(0, pl.UInt64).alias("mentions"))
        for name, (col, _) in _KEYED.items() if name != "entities"
    ]
    return merge_keys([entities, *others]).collect()  # type: ignore[return-value]


def merge_keys(parts: Iterable[pl.DataFrame | pl.LazyFrame]) -> pl.LazyFrame:
    """Key counts of several pieces added up (still one row per distinct key)."""
    lazy = [p.lazy() for p in parts]
    if not lazy:
        return pl.DataFrame(schema=_KEYS_SCHEMA).lazy()
    return pl.concat(lazy).group_by("key").agg(pl.col("mentions").sum())


def mapping(keys: pl.DataFrame) -> pl.DataFrame:
    """``key`` -> corpus-wide ``entity_id`` and canonical ``name``, over every key counted."""
    keys = keys.sort("key")  # the core sorts too; sorted here so the frame is reproducible
    rows = list(zip(keys["key"].to_list(), keys["mentions"].to_list()))
    try:
        linked = link_keys(rows)
    except ValueError as e:
        raise ArgumentValueError(f"link(): {e}; was this corpus parsed with link=False?") from None
    ids, names = zip(*linked) if linked else ((), ())
    return pl.DataFrame({"key": keys["key"], "entity_id": list(ids), "name": list(names)},
                        schema={"key": pl.String, "entity_id": pl.String, "name": pl.String})


def relinked(name: str, frame: pl.LazyFrame, table: pl.DataFrame) -> pl.LazyFrame:
    """The frame with its linking keys replaced by ids and canonical names.

    A left join on the key column, keeping the frame's row order: the streaming engine
    builds the (small) table of distinct keys into one hash table and streams the frame
    past it. (``replace_strict`` with the table as literals looked the same up but held
    about 300 MB more at 500 MB of input, growing with the corpus: measured in issue 15.)
    """
    if name not in _KEYED:
        return frame
    col, name_col = _KEYED[name]
    columns = frame.collect_schema().names()
    found = [pl.col("key").alias(col), pl.col("entity_id").alias(_ID)]
    if name_col is not None:
        found.append(pl.col("name").alias(_NAME))
    joined = frame.join(table.lazy().select(found), on=col, how="left", **_LEFT_ORDER)
    new = [pl.col(_ID).alias(col)]
    if name_col is not None:
        new.append(pl.when(pl.col(col).is_not_null()).then(pl.col(_NAME)).otherwise(pl.col(name_col))
                   .alias(name_col))
    return joined.with_columns(new).select(columns)


#: Columns a join with the key table adds for a moment (names no frame uses).
_ID, _NAME = "__newsframe_linked_id", "__newsframe_linked_name"

#: polars >= 1.17 (and its streaming engine) keeps a join's row order only when asked;
#: older polars always kept the left frame's order and has no such argument.
_LEFT_ORDER = ({"maintain_order": "left"}
               if "maintain_order" in inspect.signature(pl.LazyFrame.join).parameters else {})


def link(corpora: Corpus | Iterable[Corpus]) -> Corpus:
    """One linked corpus from unlinked ones (``link=False``): ids as one parse of all gives.

    Args:
        corpora: a :class:`Corpus` or a list of them, each parsed with ``link=False``
            (``nf.from_frame(batch, link=False)``, ``nf.scan(paths, link=False)``) or built
            with ``Corpus(frames, linked=False)`` from frames a worker wrote. They are
            stacked as :func:`newsframe.concat` stacks them.

    Raises:
        TypeError: ``corpora`` is not a corpus or a list of them.
        ValueError: a corpus is already linked (its ids cannot be taken back apart).
    """
    items = [corpora] if isinstance(corpora, Corpus) else corpora
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        check.fail_type("link", "corpora", "a Corpus or a list of Corpus objects parsed with link=False",
                        corpora, "nf.link([c1, c2])")
    items = list(items)
    for c in items:
        if not isinstance(c, Corpus):
            check.fail_type("link", "corpora", "a list of Corpus objects", c)
        if c.linked:
            raise ArgumentValueError("link(): a corpus is already linked; parse with link=False "
                                     "(nf.read(..., link=False)) to link pieces together")
    whole = concat(items) if len(items) != 1 else items[0]
    frames = whole.frames()
    table = mapping(keys_of(frames))
    return Corpus({n: relinked(n, f.lazy(), table).collect() for n, f in frames.items()})
