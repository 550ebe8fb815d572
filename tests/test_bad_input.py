"""Bad input is normal input: every input ends up as an article or an errors row, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
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


# --- every path a walk meets ends in exactly one frame --------------------------------------


def test_dangling_symlink_is_an_io_error_in_a_walk_and_given_directly(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = nf.read(tmp_path)
    accounted(corpus, 2)
    assert corpus.errors.select("kind").to_series().to_list() == ["io"]
    assert "dangling symbolic link" in corpus.errors["error"][0]
    assert nf.read(tmp_path / "dangling.txt").errors["kind"].to_list() == ["io"]


def test_symlink_loop_is_its_own_error_kind(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = nf.read(tmp_path)
    accounted(corpus, 3)
    assert corpus.errors["kind"].to_list() == ["symlink_loop", "symlink_loop"]
    assert nf.read(tmp_path / "a").errors["kind"].to_list() == ["symlink_loop"]


def test_link_to_an_enclosing_folder_ends_the_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    corpus = nf.read(tmp_path)
    assert corpus.articles["article_id"].to_list() == ["sub/a.txt"]
    assert corpus.errors["kind"].to_list() == ["symlink_loop"]


def test_fifo_is_not_a_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = nf.read(tmp_path)
    accounted(corpus, 2)
    assert corpus.errors["kind"].to_list() == ["not_a_file"]
    assert "named pipe" in corpus.errors["error"][0]
    assert nf.read(tmp_path / "pipe").errors["kind"].to_list() == ["not_a_file"]


def test_unreadable_subfolder_is_an_io_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(ARTICLE)
    (tmp_path / "good.txt").write_text(ARTICLE)
    real = os.scandir

    def scandir(path: str):  # root can read anything; refuse as a mode-000 folder would
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = nf.read(tmp_path)
    assert corpus.articles["article_id"].to_list() == ["good.txt"]
    assert corpus.errors.rows() == [(str(tmp_path / "locked"), "io",
                                     "cannot list folder: Permission denied; its files were not read")]


def test_non_utf8_file_name_keeps_the_file_and_its_neighbours(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    bad = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(bad, "w") as f:
        f.write(ARTICLE)
    with pytest.warns(UserWarning, match="not valid UTF-8"):
        corpus = nf.read(tmp_path)
    assert corpus.articles["article_id"].to_list() == ["caf\ufffd.txt", "good.txt"]
    assert any("not valid UTF-8" in w for w in corpus.articles["warnings"][0])


def test_empty_folder_raises_like_an_empty_glob(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden").write_text(ARTICLE)
    with pytest.raises(FileNotFoundError, match="holds no files"):
        nf.read(tmp_path / "empty")


def test_excluded_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "articles.csv").write_text("article_id\nx\n")
    assert nf.read(tmp_path, exclude=tmp_path / "out").articles["article_id"].to_list() == ["a.txt"]
    assert nf.read(str(tmp_path / "**" / "*"), exclude=[tmp_path / "out"]).articles["article_id"].to_list() == ["a.txt"]


def test_strict_raises_input_error_naming_the_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("")
    with pytest.raises(nf.InputError, match=r"b\.txt: empty") as info:
        nf.read(tmp_path, strict=True)
    assert info.value.kind == "empty"


def test_writes_leave_no_partial_file(tmp_path: Path, sample: nf.Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    sample.write_parquet(tmp_path)
    before = (tmp_path / "quotes.parquet").read_bytes()

    def broken(self, path, *args, **kwargs):
        Path(path).write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(pl.DataFrame, "write_parquet", broken)
    with pytest.raises(KeyboardInterrupt):
        sample.write_parquet(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in nf.FRAME_NAMES)
    assert (tmp_path / "quotes.parquet").read_bytes() == before
