"""The command line as the contract describes it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl

import newsframe as nf


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsframe", *args], capture_output=True, text=True)


def test_parse_writes_every_frame_as_parquet(tmp_path: Path) -> None:
    r = run("parse", str(nf.sample_path()), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    for name in nf.FRAME_NAMES:
        assert (tmp_path / f"{name}.parquet").exists()
    assert pl.read_parquet(tmp_path / "articles.parquet").height == 5
    assert "5 articles" in r.stdout


def test_parse_csv(tmp_path: Path) -> None:
    r = run("parse", str(nf.sample_path() / "000_72595cca6cc67f59.txt"), "--out", str(tmp_path), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert pl.read_csv(tmp_path / "articles.csv").height == 1


def test_exit_zero_when_some_inputs_become_errors(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    r = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 0
    assert pl.read_parquet(tmp_path / "out" / "errors.parquet").height == 1


def test_missing_input_is_nonzero_with_a_message(tmp_path: Path) -> None:
    r = run("parse", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert r.returncode != 0
    assert "does not exist" in r.stderr


def test_help_and_bad_arguments() -> None:
    assert run("--help").returncode == 0
    assert "parse" in run("--help").stdout
    assert run("parse").returncode != 0
    assert run("parse", "x", "--out", "y", "--format", "xml").returncode != 0
