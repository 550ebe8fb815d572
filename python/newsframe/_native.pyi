"""Type stubs of the native core (``newsframe._native``), built from Rust with pyo3."""

from os import PathLike
from typing import Any, Optional, Sequence, Tuple, Union

class ArrowTable:
    """One frame as an Arrow table; read it with ``polars.DataFrame(table)``."""

    def __arrow_c_stream__(self, requested_schema: Optional[Any] = None) -> Any:
        """Exports the table as an ``ArrowArrayStream`` PyCapsule."""
    def __len__(self) -> int: ...

class CorpusBuilder:
    """Accumulates parsed inputs; ``finish`` links the corpus and returns the frames."""

    def __init__(
        self,
        max_bytes: int = ...,
        entities: Optional[Sequence[Tuple[str, str, Sequence[str]]]] = None,
        entity_scope: str = "story",
        steps_per_byte: int = ...,
        link: bool = True,
    ) -> None:
        """``entities``: (name, type, aliases) triples that win over the gazetteers;
        ``entity_scope``: ``"story"`` or ``"all"`` blocks to find entities in;
        ``steps_per_byte``: the work budget per input byte (over it: an ``errors`` row ``limit``);
        ``link``: link ids across the articles at ``finish``, or leave linking keys
        (``PERSON:Sergei Lavrov``) for :func:`link_keys`."""
    def add_files(
        self, items: Sequence[Tuple[str, str, Union[str, PathLike[str]], Optional[str]]]
    ) -> int:
        """Parses (article_id, source, path, format) inputs in parallel; returns how many."""
    def add_texts(self, items: Sequence[Tuple[str, str, str, Optional[str]]]) -> int:
        """Parses (article_id, source, text, format) inputs in parallel; returns how many."""
    def add_error(self, source: str, kind: str, message: str) -> None:
        """Records an input that yielded no article.

        ``kind``: io, decode, empty, too_large, format, not_a_file or symlink_loop.
        """
    @property
    def n_errors(self) -> int:
        """Inputs recorded so far that yielded no article."""
    def finish(self) -> list[Tuple[str, ArrowTable]]:
        """Links ids across articles (unless ``link=False``) and returns the six frames, in
        contract order; the builder is emptied for the next batch."""
    def __len__(self) -> int: ...

def link_keys(keys: Sequence[Tuple[str, int]]) -> list[Tuple[str, str]]:
    """(entity_id, canonical name) of each (linking key, mentions) of a whole corpus: the ids
    a one-shot parse gives. Raises ``ValueError`` for a string that is not a linking key."""

def train_entity_tagger(
    sentences: Sequence[Tuple[str, Sequence[Tuple[int, int, str]]]],
    *,
    epochs: int = 10,
    bits: int = 18,
    seed: int = 1,
) -> bytes:
    """Trains the entity tagger on (text, [(start, end, "PER"|"ORG"|"LOC")]) sentences,
    code-point offsets, and returns a model file's bytes (``scripts/train_ner.py``)."""

def tag_entities(text: str, model: bytes | None = None) -> list[Tuple[int, int, str]]:
    """The tagger's (start, end, type) spans in ``text``, code-point offsets; ``model`` is a
    model file's bytes (default: the one shipped in the core)."""

def core_version() -> str:
    """Version of the native core."""
