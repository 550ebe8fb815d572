"""Bad input is normal input: every input ends up as an article or an errors row, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsframe as nf

ARTICLE = "A Headline About Talks\n\nThe minister met his counterpart on Tuesday. They talked for hours about trade.\n"


def accounted(corpus: nf.Corpus, n_inputs: int) -> None:
    assert corpus.articles.height + corpus.errors.height == n_inputs


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        nf.read(tmp_path / "nope")


def test_glob_matching_nothing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no file matches"):
        nf.read(str(tmp_path / "*.txt"))


def test_empty_file_is_an_empty_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    corpus = nf.read(tmp_path)
    assert corpus.errors["kind"].to_list() == ["empty"]


def test_binary_file_is_a_format_error(tmp_path: Path) -> None:
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 10)
    corpus = nf.read(tmp_path)
    assert corpus.errors["kind"].to_list() == ["format"]
    assert "binary" in corpus.errors["error"][0]


def test_invalid_utf8_is_decoded_and_said(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(ARTICLE.encode() + b"Caf\xe9 \xff\xfe closed.\n")
    corpus = nf.read(tmp_path)
    assert corpus.articles.height == 1
    warnings = corpus.articles["warnings"][0].to_list()
    assert any("UTF-8" in w for w in warnings)
    assert "minister" in corpus.articles["body"][0]


def test_huge_single_line_file_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MiB, one line
    corpus = nf.read(path)
    assert corpus.errors["kind"].to_list() == ["too_large"]
    assert "limit" in corpus.errors["error"][0]


def test_large_single_line_below_the_limit_parses(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The minister spoke again. " * 200_000)  # ~5 MB, one line
    corpus = nf.read(path)
    assert corpus.articles.height == 1
    assert corpus.articles["n_words"][0] == 800_000


def test_folder_with_thousands_of_files(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(ARTICLE if i % 100 else "")
    corpus = nf.read(tmp_path)
    accounted(corpus, 2000)
    assert corpus.errors.height == 20
    assert corpus.articles["article_id"].to_list() == sorted(corpus.articles["article_id"].to_list())


def test_file_with_no_paragraphs_is_an_article_or_an_error(tmp_path: Path) -> None:
    (tmp_path / "menu.txt").write_text("Home\nNews\nSports\n")
    (tmp_path / "blank.txt").write_text("\n\n   \n\t\n")
    corpus = nf.read(tmp_path)
    accounted(corpus, 2)
    assert corpus.errors.filter(corpus.errors["source"].str.ends_with("blank.txt"))["kind"].to_list() == ["empty"]


def test_unbalanced_quotes_do_not_stop_an_article() -> None:
    text = "A Headline\n\n“He said it was fine, the minister told reporters on Tuesday. “And more.\n\nShe said “no."
    corpus = nf.from_texts([text])
    assert corpus.articles.height == 1


def test_non_string_texts_become_error_rows() -> None:
    corpus = nf.from_texts([ARTICLE, None, 42])  # type: ignore[list-item]
    accounted(corpus, 3)
    assert corpus.errors.height == 2


def test_invalid_json_is_a_format_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{not json")
    corpus = nf.read(tmp_path)
    assert corpus.errors["kind"].to_list() == ["format"]
