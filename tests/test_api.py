"""The Python API: constructors, overrides, exports, display helpers, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import newsframe as nf

ARTICLE = "A Headline About Talks\n\nThe minister met his counterpart on Tuesday. They talked for hours about trade.\n"


def test_len_and_repr(sample: nf.Corpus) -> None:
    assert len(sample) == 5
    assert "5 articles" in repr(sample)
    assert "<" in sample._repr_html_()


def test_from_texts_default_and_given_ids() -> None:
    assert nf.from_texts([ARTICLE, ARTICLE]).articles["article_id"].to_list() == ["0", "1"]
    assert nf.from_texts([ARTICLE], ids=["x"]).articles["article_id"].to_list() == ["x"]
    with pytest.raises(ValueError):
        nf.from_texts([ARTICLE], ids=["a", "b"])


def test_from_frame_overrides_parsed_fields() -> None:
    df = pl.DataFrame({
        "doc": ["d1", "d2"],
        "body": [ARTICLE, ARTICLE],
        "headline": ["Given title", None],
        "link": ["https://example.com/1", "https://example.com/2"],
        "day": ["2024-01-02", None],
    })
    corpus = nf.from_frame(df, text="body", id="doc", title="headline", url="link", published="day")
    arts = corpus.articles.sort("article_id")
    assert arts["article_id"].to_list() == ["d1", "d2"]
    assert arts["title"].to_list() == ["Given title", "A Headline About Talks"]
    assert arts["source"].to_list() == ["https://example.com/1", "https://example.com/2"]
    assert str(arts["published"][0]) == "2024-01-02"
    assert arts.schema["published"] == pl.Date


def test_from_frame_unknown_column() -> None:
    with pytest.raises(ValueError, match="text=.text. is not a column"):
        nf.from_frame(pl.DataFrame({"a": ["x"]}), text="text")


def test_read_file_folder_and_glob_give_ids_relative_to_what_was_given(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    assert sorted(nf.read(tmp_path).articles["article_id"]) == ["b.txt", "sub/a.txt"]
    assert nf.read(tmp_path / "b.txt").articles["article_id"].to_list() == ["b.txt"]
    assert sorted(nf.read(str(tmp_path / "**" / "*.txt")).articles["article_id"]) == ["b.txt", "sub/a.txt"]


def test_write_parquet_and_csv_roundtrip(sample: nf.Corpus, tmp_path: Path) -> None:
    paths = sample.write_parquet(tmp_path / "pq")
    assert sorted(p.name for p in paths) == sorted(f"{n}.parquet" for n in nf.FRAME_NAMES)
    back = pl.read_parquet(tmp_path / "pq" / "articles.parquet")
    assert back.equals(sample.articles)
    sample.write_csv(tmp_path / "csv")
    csv = pl.read_csv(tmp_path / "csv" / "articles.csv")
    authors = dict(zip(csv["article_id"], csv["authors"]))
    assert authors["004_a20bf972be184782.txt"] == "; ".join(
        sample.articles.filter(pl.col("article_id") == "004_a20bf972be184782.txt")["authors"][0]
    )


def test_custom_entity_types_are_checked() -> None:
    with pytest.raises(nf.NewsframeError, match="unknown type"):
        nf.from_texts([ARTICLE], entities=[{"name": "X", "type": "THING"}])


def test_results_do_not_depend_on_thread_count(tmp_path: Path) -> None:
    script = (
        "import newsframe as nf, sys; c = nf.sample();"
        "[getattr(c, n).write_parquet(sys.argv[1] + '/' + n + '.parquet') for n in nf.FRAME_NAMES]"
    )
    outs = []
    for threads in ("1", "2"):
        out = tmp_path / threads
        out.mkdir()
        env = {**os.environ, "RAYON_NUM_THREADS": threads}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
        outs.append(out)
    for name in nf.FRAME_NAMES:
        a = pl.read_parquet(outs[0] / f"{name}.parquet")
        b = pl.read_parquet(outs[1] / f"{name}.parquet")
        assert a.equals(b), name


def test_progress_bar_counts_every_row_of_a_frame(capsys: pytest.CaptureFixture[str]) -> None:
    df = pl.DataFrame({"text": [ARTICLE, None, ARTICLE]})
    corpus = nf.from_frame(df, progress=True)
    assert corpus.articles.height + corpus.errors.height == 3
    last = capsys.readouterr().err.rstrip().split("\r")[-1]
    assert " 3/3 " in last, last
