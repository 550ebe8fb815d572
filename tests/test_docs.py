"""docs/frames.md against the frames newsframe builds: every column of every frame documented,
in order, with its dtype, so the reference cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

import newsframe as nf

DOCS = Path(__file__).resolve().parent.parent / "docs"


def documented_dtype(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


@pytest.mark.parametrize("name", nf.FRAME_NAMES)
def test_every_column_is_documented_with_its_dtype(sample: nf.Corpus, name: str) -> None:
    documented = nf.columns(name)
    schema = sample.frames()[name].schema
    assert documented["column"].to_list() == list(schema.names())
    for column, dtype in documented.select("column", "dtype").rows():
        assert documented_dtype(dtype) == str(schema[column]), f"{name}.{column}"


@pytest.mark.parametrize("name", nf.FRAME_NAMES[:-1])
def test_columns_documented_as_never_null_have_no_nulls(sample: nf.Corpus, name: str) -> None:
    frame = sample.frames()[name]
    for column in nf.columns(name).filter(~pl.col("nullable"))["column"]:
        assert frame[column].null_count() == 0, f"{name}.{column}"


def test_every_column_has_a_meaning() -> None:
    ref = nf.columns()
    assert ref["frame"].unique(maintain_order=True).to_list() == list(nf.FRAME_NAMES)
    assert ref.filter(pl.col("meaning").str.len_chars() < 8).height == 0


def test_the_package_ships_the_docs_page() -> None:
    assert nf.reference_path().read_text(encoding="utf-8") == (DOCS / "frames.md").read_text(encoding="utf-8")


def test_columns_checks_its_argument() -> None:
    with pytest.raises(ValueError, match=r"columns\(\): frame must be None or one of"):
        nf.columns("article")


def test_every_public_name_has_a_docstring() -> None:
    missing = [n for n in nf.__all__ if n != "__version__" and not isinstance(getattr(nf, n), tuple)
               and not (getattr(nf, n).__doc__ or "").strip()]
    missing += [f"Corpus.{n}" for n in dir(nf.Corpus)
                if not n.startswith("_") and not (getattr(nf.Corpus, n).__doc__ or "").strip()]
    assert missing == []


def test_every_documented_error_kind_is_one_the_core_records() -> None:
    from newsframe._native import CorpusBuilder

    meaning = nf.columns("errors").filter(pl.col("column") == "kind")["meaning"][0]
    kinds = re.findall(r"`([a-z_]+)`", meaning)
    assert {"io", "empty", "too_large", "format", "not_a_file", "symlink_loop"} <= set(kinds)
    builder = CorpusBuilder()
    for kind in kinds:
        builder.add_error("x", kind, "message")
    with pytest.raises(ValueError, match="unknown error kind"):
        builder.add_error("x", "no_such_kind", "message")
