"""The command line: outputs, exit statuses (0 all parsed, 1 usage, 2 some failed), options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl

import newsframe as nf

ARTICLE = "A Headline About Talks\n\nThe minister met his counterpart on Tuesday. They talked for hours about trade.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsframe", *args], capture_output=True, text=True, cwd=cwd)


def inputs(folder: Path, good: int = 1, empty: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(good):
        (folder / f"good{i:02d}.txt").write_text(ARTICLE)
    for i in range(empty):
        (folder / f"empty{i:02d}.txt").write_text("")
    return folder


def test_parse_writes_every_frame_as_parquet(tmp_path: Path) -> None:
    r = run("parse", str(nf.sample_path()), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    for name in nf.FRAME_NAMES:
        assert (tmp_path / f"{name}.parquet").exists()
    assert pl.read_parquet(tmp_path / "articles.parquet").height == 5
    assert "5 articles" in r.stdout
    assert not list(tmp_path.glob(".*partial"))


def test_parse_csv(tmp_path: Path) -> None:
    r = run("parse", str(nf.sample_path() / "000_72595cca6cc67f59.txt"), "--out", str(tmp_path), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert pl.read_csv(tmp_path / "articles.csv").height == 1


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"newsframe {nf.__version__}"


def test_exit_two_names_every_failed_input_and_still_writes(tmp_path: Path) -> None:
    inputs(tmp_path / "in", good=1, empty=1)
    r = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2, r.stderr
    assert "1 input failed" in r.stderr
    assert "empty00.txt: empty:" in r.stderr
    assert pl.read_parquet(tmp_path / "out" / "errors.parquet").height == 1
    assert pl.read_parquet(tmp_path / "out" / "articles.parquet").height == 1


def test_summary_lists_twenty_failures_then_a_count(tmp_path: Path) -> None:
    inputs(tmp_path / "in", good=0, empty=25)
    r = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    named = [line for line in r.stderr.splitlines() if ": empty:" in line]
    assert len(named) == 20
    assert "... and 5 more" in r.stderr


def test_strict_stops_at_the_first_failed_input(tmp_path: Path) -> None:
    inputs(tmp_path / "in", good=3, empty=1)
    r = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict")
    assert r.returncode == 2
    assert "empty00.txt" in r.stderr and "--strict" in r.stderr
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_quiet_prints_no_summary_but_still_names_failures(tmp_path: Path) -> None:
    inputs(tmp_path / "ok")
    r = run("parse", str(tmp_path / "ok"), "--out", str(tmp_path / "o1"), "--quiet")
    assert r.returncode == 0
    assert r.stdout == "" and r.stderr == ""
    inputs(tmp_path / "bad", good=0, empty=1)
    r = run("parse", str(tmp_path / "bad"), "--out", str(tmp_path / "o2"), "--quiet")
    assert r.returncode == 2
    assert r.stdout == "" and "empty00.txt" in r.stderr


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    r = run("parse", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "does not exist" in r.stderr
    assert not (tmp_path / "out").exists()


def test_unwritable_out_is_refused_before_parsing(tmp_path: Path) -> None:
    r = run("parse", str(nf.sample_path()), "--out", "/proc/newsframe-out")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "cannot write to --out '/proc/newsframe-out'" in r.stderr
    (tmp_path / "afile").write_text("x")
    r = run("parse", str(nf.sample_path()), "--out", str(tmp_path / "afile"))
    assert r.returncode == 1 and "is a file, not a folder" in r.stderr


def test_out_folder_inside_the_input_is_not_read(tmp_path: Path) -> None:
    inputs(tmp_path, good=2)
    for _ in range(2):
        r = run("parse", ".", "--out", "out", "--format", "csv", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert pl.read_csv(tmp_path / "out" / "articles.csv").height == 2


def test_the_out_folder_given_as_input_is_a_usage_error(tmp_path: Path) -> None:
    inputs(tmp_path / "out")
    r = run("parse", str(tmp_path / "out"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and "is an excluded folder (--out" in r.stderr


def test_empty_folder_is_a_usage_error_like_an_empty_glob(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = run("parse", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and "holds no files" in r.stderr
    r = run("parse", str(tmp_path / "empty" / "*.txt"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and "no file matches" in r.stderr


def test_help_documents_exit_statuses_and_bad_arguments_exit_one() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert "parse" in r.stdout and "exit status" in r.stdout and "2    some inputs failed" in r.stdout
    assert run("parse").returncode == 1
    assert run("parse", "x", "--out", "y", "--format", "xml").returncode == 1
    assert run().returncode == 1


def test_non_utf8_file_name_is_parsed_with_a_warning(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "w") as f:
        f.write(ARTICLE)
    r = run("parse", str(folder), "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "newsframe: warning: 1 file name is not valid UTF-8" in r.stderr
    assert pl.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].to_list() == ["caf\ufffd.txt", "good00.txt"]


def test_entity_scope_all_finds_entities_outside_the_story(tmp_path: Path) -> None:
    counts = {}
    for scope in ("story", "all"):
        r = run("parse", str(nf.sample_path()), "--out", str(tmp_path / scope), "--entity-scope", scope)
        assert r.returncode == 0, r.stderr
        counts[scope] = pl.read_parquet(tmp_path / scope / "entities.parquet").height
    assert counts["story"] == nf.sample().entities.height
    assert counts["all"] == nf.sample(entity_scope="all").entities.height > counts["story"]
    assert run("parse", str(nf.sample_path()), "--out", str(tmp_path / "x"), "--entity-scope", "some").returncode == 1
