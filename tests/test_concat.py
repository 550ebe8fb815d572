"""Combining corpora: nf.concat, Corpus + Corpus, Corpus.filter; ids stay joinable."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import newsframe as nf

SEEDS = sorted(nf.sample_path().glob("*.txt"))


def test_concat_of_shards_equals_the_whole_on_article_level_frames(sample: nf.Corpus) -> None:
    shards = [nf.read(SEEDS[:2]), nf.read(SEEDS[2:])]
    whole = nf.concat(shards)
    assert whole.articles["article_id"].to_list() == sample.articles["article_id"].to_list()
    for name in ("articles", "paragraphs"):
        assert whole.frames()[name].equals(sample.frames()[name]), name
    assert whole.quotes["quote_group"].to_list() == sample.quotes["quote_group"].to_list()
    assert whole.entities.height == sample.entities.height


def test_plus_is_concat() -> None:
    a, b = nf.read(SEEDS[0]), nf.read(SEEDS[1])
    assert (a + b).articles.equals(nf.concat([a, b]).articles)
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]


def test_the_same_article_twice_is_kept_once_with_a_warning() -> None:
    a = nf.read(SEEDS[:2])
    with pytest.warns(UserWarning, match="2 articles appear in more than one corpus"):
        both = nf.concat([a, a])
    assert both.articles.height == 2
    assert both.paragraphs.height == a.paragraphs.height
    assert both.entities.equals(a.entities)


def test_a_taken_id_for_a_different_article_moves_to_its_source(tmp_path: Path) -> None:
    for folder, text in (("x", SEEDS[0].read_text()), ("y", SEEDS[1].read_text())):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text)
    x, y = nf.read(tmp_path / "x"), nf.read(tmp_path / "y")
    with pytest.warns(UserWarning, match="source path as article_id"):
        both = x + y
    ids = both.articles["article_id"].to_list()
    assert ids == ["a.txt", str(tmp_path / "y" / "a.txt")]
    assert set(both.paragraphs["article_id"].unique()) == set(ids)
    assert both.entities.join(both.articles, on="article_id").height == both.entities.height


def test_two_different_articles_with_one_id_and_source_are_refused() -> None:
    a = nf.from_texts([SEEDS[0].read_text()])
    b = nf.from_texts([SEEDS[1].read_text()])
    with pytest.raises(ValueError, match=r"two different articles have article_id '0'.*ids="):
        nf.concat([a, b])


def test_concat_checks_its_argument(sample: nf.Corpus) -> None:
    with pytest.raises(TypeError, match=r"concat\(\): corpora must be a list of Corpus"):
        nf.concat(sample)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"corpora must be a list of Corpus"):
        nf.concat([sample, sample.articles])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="non-empty"):
        nf.concat([])


def test_errors_are_stacked_once() -> None:
    a = nf.from_texts(["", SEEDS[0].read_text()], ids=["e", "s"])
    with pytest.warns(UserWarning):
        both = nf.concat([a, a])
    assert both.errors.rows() == a.errors.rows()


def test_filter_by_ids_keeps_every_frame_consistent(sample: nf.Corpus) -> None:
    keep = sample.articles["article_id"][1]
    one = sample.filter(article_ids=[keep])
    for name in ("articles", "paragraphs", "entities", "quotes", "citations"):
        frame = one.frames()[name]
        assert frame["article_id"].unique().to_list() == [keep], name
        assert frame.height == sample.frames()[name].filter(pl.col("article_id") == keep).height
    with pytest.warns(UserWarning, match="not in the corpus"):
        assert len(sample.filter(article_ids=["nope"])) == 0
    with pytest.raises(TypeError, match="wrap a single id"):
        sample.filter(article_ids=keep)


def test_filter_by_expression(sample: nf.Corpus) -> None:
    long = sample.filter(pl.col("n_words") > 500)
    assert long.articles["article_id"].to_list() == sample.articles.filter(pl.col("n_words") > 500)["article_id"].to_list()
    assert set(long.quotes["article_id"]) <= set(long.articles["article_id"])
