"""Runs that end: interruptible batches, work limits, and output that does not depend on
threads, runs or input order."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

import newsframe as nf
from newsframe._native import CorpusBuilder

ROOT = Path(__file__).resolve().parent
INPUTS = sorted(nf.sample_path().glob("*.txt")) + sorted((ROOT / "heldout" / "texts").glob("*"))

#: Per frame, the columns that order its rows within an article.
ORDER = {
    "articles": ["article_id"],
    "paragraphs": ["article_id", "paragraph_id"],
    "entities": ["article_id", "mention_id"],
    "quotes": ["article_id", "quote_id"],
    "citations": ["article_id", "citation_id"],
    "errors": ["source"],
}


def test_ctrl_c_stops_a_cli_run_within_two_seconds(tmp_path: Path) -> None:
    slow = tmp_path / "in"
    slow.mkdir()
    page = "Title\n\n" + 'Smith said "yes". ' * 20_000
    for i in range(200):
        (slow / f"{i:03}.txt").write_text(page)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsframe", "parse", str(slow), "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3.0)  # imports done, well into the native batch
    assert proc.poll() is None, "the run ended before it could be interrupted"
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    finally:
        proc.kill()
    assert time.monotonic() - sent < 2.0
    assert proc.returncode != 0


def test_a_page_over_its_work_budget_is_a_limit_error() -> None:
    builder = CorpusBuilder(steps_per_byte=0)
    builder.add_texts([("big", "big", "Mr. A. B. Smith said “yes”. " * 100_000, None), ("ok", "ok", "Short text.", None)])
    corpus = nf.Corpus._from_tables(builder.finish())
    assert corpus.articles["article_id"].to_list() == ["ok"]
    assert corpus.errors.select("source", "kind").rows() == [("big", "limit")]


def _parquet_digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.parquet"))}


def _cli_run(out: Path, threads: int) -> dict[str, str]:
    env = {**os.environ, "RAYON_NUM_THREADS": str(threads)}
    r = subprocess.run(
        [sys.executable, "-m", "newsframe", "parse", *map(str, INPUTS), "--out", str(out), "--quiet"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    return _parquet_digests(out)


def test_frames_are_byte_identical_on_one_and_two_threads_and_across_runs(tmp_path: Path) -> None:
    one = _cli_run(tmp_path / "one", 1)
    two = _cli_run(tmp_path / "two", 2)
    again = _cli_run(tmp_path / "again", 2)
    assert len(one) == len(nf.FRAME_NAMES)
    assert one == two == again


def test_shuffled_inputs_give_the_same_rows_and_ids() -> None:
    texts = {p.name: p.read_text() for p in INPUTS}
    names = sorted(texts)
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != names
    a = nf.from_texts([texts[n] for n in names], names)
    b = nf.from_texts([texts[n] for n in shuffled], shuffled)
    for frame, keys in ORDER.items():
        assert_frame_equal(a.frames()[frame].sort(keys), b.frames()[frame].sort(keys))
