"""Every frame has exactly the contract's columns and dtypes, empty frames included."""

from __future__ import annotations

import polars as pl
import pytest

import newsframe as nf

S, U32 = pl.String, pl.UInt32
CONTRACT: dict[str, dict[str, pl.DataType]] = {
    "articles": {
        "article_id": S, "source": S, "format": S, "title": S, "subtitle": S, "outlet": S,
        "authors": pl.List(S), "published": pl.Date, "body": S, "n_paragraphs": U32,
        "n_words": U32, "content_hash": S,
    },
    "paragraphs": {"article_id": S, "paragraph_id": U32, "role": S, "text": S},
    "entities": {
        "article_id": S, "mention_id": U32, "paragraph_id": U32, "start": U32, "end": U32,
        "text": S, "type": S, "entity_id": S, "name": S, "role": S,
    },
    "quotes": {
        "article_id": S, "quote_id": U32, "paragraph_id": U32, "start": U32,
        "end_paragraph_id": U32, "end": U32, "text": S, "kind": S, "speaker": S,
        "speaker_name": S, "speaker_entity_id": S, "cue": S, "quote_group": S,
    },
    "citations": {
        "article_id": S, "citation_id": U32, "kind": S, "source": S, "source_text": S,
        "source_entity_id": S, "paragraph_id": U32, "start": U32, "end": U32, "marker": S,
        "title": S, "date": pl.Date, "url": S, "cited_in": pl.List(U32),
    },
    "errors": {"source": S, "kind": S, "error": S},
}
ROLES = {"title", "subtitle", "byline", "heading", "body", "caption", "credit", "bio", "related", "reference", "nav", "other"}


def check_schema(corpus: nf.Corpus) -> None:
    for name, columns in CONTRACT.items():
        schema = corpus.frames()[name].schema
        for col, dtype in columns.items():
            assert col in schema, f"{name}.{col} is missing"
            assert schema[col] == dtype, f"{name}.{col} is {schema[col]}, contract says {dtype}"


def test_sample_frames_follow_the_contract(sample: nf.Corpus) -> None:
    check_schema(sample)


def test_empty_corpus_frames_follow_the_contract() -> None:
    check_schema(nf.from_texts([]))


def test_error_only_corpus_follows_the_contract() -> None:
    corpus = nf.from_texts(["   "])
    check_schema(corpus)
    assert corpus.errors.height == 1


def test_roles_are_from_the_contract(sample: nf.Corpus) -> None:
    assert set(sample.paragraphs["role"].unique()) <= ROLES


def test_paragraph_ids_are_positions(sample: nf.Corpus) -> None:
    per_article = sample.paragraphs.group_by("article_id").agg(
        ok=(pl.col("paragraph_id") == pl.int_range(pl.len()).cast(pl.UInt32)).all()
    )
    assert per_article["ok"].all()


def test_body_is_the_body_paragraphs(sample: nf.Corpus) -> None:
    bodies = (
        sample.paragraphs.filter(pl.col("role") == "body")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("text").str.join("\n\n").alias("joined"), pl.len().alias("n"))
    )
    joined = sample.articles.join(bodies, on="article_id")
    assert (joined["body"] == joined["joined"]).all()
    assert (joined["n_paragraphs"] == joined["n"].cast(pl.UInt32)).all()


@pytest.mark.parametrize("frame", ["entities", "citations"])
def test_spans_point_at_their_text(sample: nf.Corpus, frame: str) -> None:
    text_col = "text" if frame == "entities" else "source_text"
    spans = sample.frames()[frame].join(
        sample.paragraphs.select("article_id", "paragraph_id", pl.col("text").alias("ptext")),
        on=["article_id", "paragraph_id"],
    )
    for row in spans.iter_rows(named=True):
        assert row["ptext"][row["start"] : row["end"]] == row[text_col]


def test_content_hash_equal_for_equal_bodies() -> None:
    text = "A Title Of Some Length\n\nThe minister met his counterpart on Tuesday. They talked for hours."
    corpus = nf.from_texts([text, text], ids=["a", "b"])
    assert corpus.articles["content_hash"].n_unique() == 1
