"""Properties that hold for any input (hypothesis): every input is accounted for, and every
span's offsets give back its text."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsframe as nf

_WORDS = ["the", "minister", "said", "told", "reporters", "President", "Vladimir", "Putin", "Wang", "Yi",
          "Reuters", "according", "to", "officials", "China", "Chinese", "U.S.", "Mr.", "A.", "B.", "Smith",
          "\u201c", "\u201d", '"', "'", "[1]", "(AP)", "\u2014", "on", "Tuesday", ".", ",", "\n", "\n\n",
          "Caf\u00e9", "\u00e9", "\U0001F600", "\t", "<p>", "</p>", "{", "}", "\ud800"]

news_like = st.lists(st.sampled_from(_WORDS), max_size=80).map(" ".join)
texts = st.lists(st.one_of(news_like, st.text(max_size=200)), min_size=1, max_size=8)

settings.register_profile("explore", deadline=None, max_examples=2000,
                          suppress_health_check=[HealthCheck.too_slow])
# CI runs a fixed sequence of examples, so a build is red only for a reason anyone can replay;
# `HYPOTHESIS_PROFILE=explore pytest tests/test_properties.py` searches new ones.
settings.register_profile("newsframe", deadline=None, max_examples=60, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newsframe"))


def check_spans(corpus: nf.Corpus) -> None:
    paragraphs = corpus.paragraphs.select("article_id", "paragraph_id", paragraph="text")
    for frame, column in ((corpus.entities, "text"), (corpus.citations, "source_text")):
        for row in frame.join(paragraphs, on=["article_id", "paragraph_id"]).iter_rows(named=True):
            assert row["paragraph"][row["start"]:row["end"]] == row[column], row
    ends = paragraphs.rename({"paragraph_id": "end_paragraph_id", "paragraph": "last"})
    quotes = corpus.quotes.join(paragraphs, on=["article_id", "paragraph_id"]).join(
        ends, on=["article_id", "end_paragraph_id"])
    for row in quotes.iter_rows(named=True):
        if row["paragraph_id"] == row["end_paragraph_id"]:
            assert row["paragraph"][row["start"]:row["end"]] == row["text"], row
        else:
            assert row["text"].startswith(row["paragraph"][row["start"]:]), row
            assert row["text"].endswith(row["last"][:row["end"]]), row


def check_accounted(corpus: nf.Corpus, ids: list[str]) -> None:
    assert corpus.articles.height + corpus.errors.height == len(ids)
    assert sorted(corpus.articles["article_id"].to_list() + corpus.errors["source"].to_list()) == sorted(ids)


@given(texts)
def test_from_texts_accounts_for_every_input_and_spans_hold(values: list[str]) -> None:
    corpus = nf.from_texts(values)
    check_accounted(corpus, [str(i) for i in range(len(values))])
    check_spans(corpus)


@given(texts)
def test_from_frame_accounts_for_every_input_and_spans_hold(values: list[str]) -> None:
    clean = [v.encode("utf-8", "replace").decode("utf-8") for v in values]  # polars holds valid UTF-8 only
    ids = [f"row-{i}" for i in range(len(clean))]
    corpus = nf.from_frame(pl.DataFrame({"body": clean, "doc": ids}), text="body", id="doc")
    check_accounted(corpus, ids)
    check_spans(corpus)


@given(st.lists(st.one_of(st.binary(max_size=300), news_like.map(lambda t: t.encode("utf-8", "surrogatepass"))),
                min_size=1, max_size=6))
def test_read_accounts_for_every_file_whatever_its_bytes(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        names = [f"{i:02d}.txt" for i in range(len(contents))]
        for name, data in zip(names, contents):
            Path(folder, name).write_bytes(data)
        corpus = nf.read(folder)
        sources = [str(Path(folder, n)) for n in names]
        assert sorted(corpus.articles["source"].to_list() + corpus.errors["source"].to_list()) == sources
        check_spans(corpus)
