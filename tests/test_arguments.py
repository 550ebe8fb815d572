"""Wrong arguments raise TypeError/ValueError naming the function, the argument and what it takes."""

from __future__ import annotations

import datetime
from pathlib import Path

import polars as pl
import pytest

import newsframe as nf

ARTICLE = "A Headline About Talks\n\nThe minister met his counterpart on Tuesday. They talked for hours about trade.\n"


def test_read_of_a_number_names_paths() -> None:
    with pytest.raises(TypeError, match=r"read\(\): paths must be a path .*got 42 \(int\)"):
        nf.read(42)  # type: ignore[arg-type]


def test_read_of_an_empty_string_is_refused_not_the_current_folder() -> None:
    with pytest.raises(ValueError, match=r"read\(\): paths must be a non-empty path.*'\.'"):
        nf.read("")


def test_read_of_an_empty_list_is_refused() -> None:
    with pytest.raises(ValueError, match=r"paths must be at least one path"):
        nf.read([])


def test_from_texts_of_bytes_says_to_decode() -> None:
    with pytest.raises(TypeError, match=r"from_texts\(\): texts .*bytes.*decode"):
        nf.from_texts(b"A text")  # type: ignore[arg-type]


def test_from_texts_of_a_dict_says_to_pass_values_and_ids() -> None:
    with pytest.raises(TypeError, match=r"texts .*ids=list\(d.keys\(\)\)"):
        nf.from_texts({"a": ARTICLE})  # type: ignore[arg-type]


def test_from_texts_of_one_string_says_to_wrap_it() -> None:
    with pytest.raises(TypeError, match=r"texts .*wrap a single text in a list"):
        nf.from_texts(ARTICLE)


def test_from_texts_ids_must_be_unique_and_one_per_text() -> None:
    with pytest.raises(ValueError, match=r"2 texts but 1 ids"):
        nf.from_texts([ARTICLE, ARTICLE], ids=["a"])
    with pytest.raises(ValueError, match=r"ids must be unique; 'a'"):
        nf.from_texts([ARTICLE, ARTICLE], ids=["a", "a"])


def test_from_frame_of_a_dict_names_df() -> None:
    with pytest.raises(TypeError, match=r"from_frame\(\): df must be a polars DataFrame or LazyFrame.*dict"):
        nf.from_frame({"text": [ARTICLE]})  # type: ignore[arg-type]


def test_from_frame_column_of_the_wrong_type() -> None:
    with pytest.raises(TypeError, match=r"text must be a String column"):
        nf.from_frame(pl.DataFrame({"text": [1, 2]}))


def test_from_frame_null_and_repeated_ids() -> None:
    with pytest.raises(ValueError, match=r"id column 'doc' has null"):
        nf.from_frame(pl.DataFrame({"text": [ARTICLE], "doc": [None]}, schema_overrides={"doc": pl.String}), id="doc")
    with pytest.raises(ValueError, match=r"unique; 'x'"):
        nf.from_frame(pl.DataFrame({"text": [ARTICLE, ARTICLE], "doc": ["x", "x"]}), id="doc")


def test_show_of_a_row_number_names_article_id(sample: nf.Corpus) -> None:
    with pytest.raises(TypeError, match=r"Corpus.show\(\): article_id must be an article id.*got 3 \(int\).*articles\['article_id'\]\[3\]"):
        sample.show(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("value, error", [(-1, ValueError), (0, ValueError), ("1MB", TypeError), (True, TypeError)])
def test_max_bytes_must_be_a_positive_int(value: object, error: type) -> None:
    with pytest.raises(error, match=r"max_bytes must be a positive int"):
        nf.from_texts([ARTICLE], max_bytes=value)  # type: ignore[arg-type]


def test_a_small_max_bytes_is_said_in_bytes() -> None:
    corpus = nf.from_texts([ARTICLE * 20], max_bytes=1000)
    assert corpus.errors["kind"].to_list() == ["too_large"]
    assert "above the 1000 bytes limit" in corpus.errors["error"][0]


def test_unknown_format_lists_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match=r"format must be None .*'text', 'html', 'json'; got 'xml'"):
        nf.from_texts([ARTICLE], format="xml")


def test_progress_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match=r"progress must be True, False or None"):
        nf.from_texts([ARTICLE], progress="yes")  # type: ignore[arg-type]


def test_entities_of_the_wrong_kind(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"entities must be"):
        nf.from_texts([ARTICLE], entities=42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match=r"entities file"):
        nf.from_texts([ARTICLE], entities=tmp_path / "missing.csv")


def test_lone_surrogates_in_texts_and_ids_are_replaced_not_raised() -> None:
    corpus = nf.from_texts([ARTICLE.replace("hours", "hours \ud800"), ARTICLE], ids=["a\udcff", "b"])
    assert corpus.articles.height == 2
    assert corpus.articles["article_id"].to_list() == ["a\ufffd", "b"]
    assert "\ufffd" in corpus.articles["body"][0]
    assert any("surrogate" in w for w in corpus.articles["warnings"][0])


def test_from_frame_takes_a_lazy_frame_without_warnings(recwarn: pytest.WarningsRecorder) -> None:
    lf = pl.DataFrame({"text": [ARTICLE] * 600, "doc": [f"d{i}" for i in range(600)]}).lazy()
    corpus = nf.from_frame(lf, id="doc")
    assert corpus.articles.height == 600
    assert corpus.articles["article_id"][599] == "d599"
    assert not [w for w in recwarn if issubclass(w.category, pl.exceptions.PerformanceWarning)]


def test_from_frame_reads_datetime_iso_and_english_dates() -> None:
    df = pl.DataFrame({
        "text": [ARTICLE] * 6,
        "when": ["2023-01-02T10:00:00Z", "Jan 5, 2023", "January 5th, 2023", "Monday, 6 February 2023",
                 "2023-03-04 23:30:00+02:00", None],
    })
    got = nf.from_frame(df, published="when").articles["published"].to_list()
    assert got == [datetime.date(2023, 1, 2), datetime.date(2023, 1, 5), datetime.date(2023, 1, 5),
                   datetime.date(2023, 2, 6), datetime.date(2023, 3, 4), None]
    stamps = pl.DataFrame({"text": [ARTICLE, ARTICLE],
                           "when": [datetime.datetime(2024, 5, 6, 7, 8), datetime.datetime(2024, 5, 7)]})
    assert nf.from_frame(stamps, published="when").articles["published"].to_list() == [
        datetime.date(2024, 5, 6), datetime.date(2024, 5, 7)]
    days = pl.DataFrame({"text": [ARTICLE], "when": [datetime.date(2022, 12, 31)]})
    assert nf.from_frame(days, published="when").articles["published"].to_list() == [datetime.date(2022, 12, 31)]


def test_from_frame_warns_of_dates_it_cannot_read() -> None:
    df = pl.DataFrame({"text": [ARTICLE], "when": ["03/04/2023"]})
    with pytest.warns(UserWarning, match=r"not dates newsframe reads \(e.g. '03/04/2023'\)"):
        corpus = nf.from_frame(df, published="when")
    assert corpus.articles["published"].to_list() == [None]


def test_from_frame_takes_a_pandas_frame() -> None:
    pd = pytest.importorskip("pandas")
    corpus = nf.from_frame(pd.DataFrame({"text": [ARTICLE], "doc": ["p1"]}), id="doc")
    assert corpus.articles["article_id"].to_list() == ["p1"]


def test_corpus_constructor_checks_its_frames(sample: nf.Corpus) -> None:
    with pytest.raises(TypeError, match=r"Corpus\(\): frames must be a dict"):
        nf.Corpus([1, 2])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"missing: \['errors'\]"):
        nf.Corpus({n: f for n, f in sample.frames().items() if n != "errors"})
    with pytest.raises(TypeError, match=r"frames\['errors'\] must be a polars DataFrame"):
        nf.Corpus({**sample.frames(), "errors": "x"})  # type: ignore[dict-item]


def test_write_checks_its_directory(sample: nf.Corpus) -> None:
    with pytest.raises(TypeError, match=r"Corpus.write_parquet\(\): directory must be a folder path"):
        sample.write_parquet(None)  # type: ignore[arg-type]


def test_from_frame_published_of_the_wrong_type_is_refused_before_parsing() -> None:
    with pytest.raises(TypeError, match=r"published must name a Date, Datetime or string column; column 'n' is Int64"):
        nf.from_frame(pl.DataFrame({"text": [ARTICLE], "n": [20230102]}), published="n")


def test_argument_errors_are_also_newsframe_errors() -> None:
    with pytest.raises(nf.NewsframeError):
        nf.read(42)  # type: ignore[arg-type]
    with pytest.raises(nf.NewsframeError):
        nf.from_texts([ARTICLE], max_bytes=-1)
