"""Streaming reads: batches (``nf.scan``), Parquet written as parsed (``nf.read_to_parquet``,
``newsframe parse``) and corpora linked from pieces (``nf.link``) give the frames, ids
included, of one ``nf.read`` of the same inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import newsframe as nf
from newsframe.cli import main

ROOT = Path(__file__).resolve().parent
CORPORA = {
    "sample": sorted(nf.sample_path().glob("*.txt")),
    "dev": sorted((ROOT / "dev" / "texts").glob("*")) + sorted((ROOT / "dev" / "html").glob("*")),
    "heldout": sorted((ROOT / "heldout" / "texts").glob("*")),
}


def _same(a: nf.Corpus | dict[str, pl.DataFrame], b: nf.Corpus) -> None:
    frames = a.frames() if isinstance(a, nf.Corpus) else a
    for name, expected in b.frames().items():
        assert_frame_equal(frames[name], expected, check_dtypes=True), name


@pytest.fixture(scope="module")
def one_shot() -> dict[str, nf.Corpus]:
    return {name: nf.read(paths) for name, paths in CORPORA.items()}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_parquet_written_in_batches_equals_one_read(name: str, one_shot: dict[str, nf.Corpus],
                                                    tmp_path: Path) -> None:
    paths = nf.read_to_parquet(CORPORA[name], tmp_path, batch_size=3)
    assert [p.name for p in paths] == [f"{f}.parquet" for f in nf.FRAME_NAMES]
    _same({f: pl.read_parquet(tmp_path / f"{f}.parquet") for f in nf.FRAME_NAMES}, one_shot[name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no parts left


def test_the_written_files_scan_lazily(one_shot: dict[str, nf.Corpus], tmp_path: Path) -> None:
    nf.read_to_parquet(CORPORA["sample"], tmp_path, batch_size=2)
    people = pl.scan_parquet(tmp_path / "entities.parquet").filter(pl.col("type") == "PERSON")
    assert_frame_equal(people.collect(), one_shot["sample"].entities.filter(pl.col("type") == "PERSON"))


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_unlinked_batches_linked_together_equal_one_read(name: str, one_shot: dict[str, nf.Corpus]) -> None:
    batches = list(nf.scan(CORPORA[name], batch_size=2, link=False))
    assert all(not b.linked for b in batches)
    _same(nf.link(batches), one_shot[name])


def test_scan_puts_every_input_in_one_batch(tmp_path: Path) -> None:
    for i, p in enumerate(CORPORA["sample"]):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "empty.txt").write_text("")
    batches = list(nf.scan(tmp_path, batch_size=2))
    assert len(batches) == 3
    ids = [a for b in batches for a in b.articles["article_id"]]
    errors = [s for b in batches for s in b.errors["source"]]
    assert sorted(ids) == sorted(p.name for p in CORPORA["sample"])
    assert len(ids) == len(set(ids)) and [Path(s).name for s in errors] == ["empty.txt"]


def test_scan_checks_its_arguments_at_the_call() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        nf.scan(CORPORA["sample"], batch_size=0)
    with pytest.raises(FileNotFoundError):
        nf.scan("no/such/folder")


def _write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text)
    return sorted(folder.iterdir())


SPELLINGS = {
    # Sergei twice in the first batch; Sergey three times in the second: one person, whose
    # canonical name only the whole corpus decides. Linking batch by batch gets it wrong.
    "a.txt": "Talks stall\n\nSergei Lavrov met the envoy on Monday. Sergei Lavrov said little.",
    "b.txt": "Sergey Lavrov returns\n\nSergey Lavrov spoke. Sergey Lavrov left. Sergey Lavrov won.",
    "c.txt": "Envoy waits\n\nThe envoy said Lavrov had not called.",
}


def test_spellings_in_different_batches_get_the_corpus_canonical_name(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", SPELLINGS)
    whole = nf.read(paths)
    assert set(whole.entities.filter(pl.col("type") == "PERSON")["entity_id"]) == {"PERSON:sergey_lavrov"}
    per_batch = pl.concat(b.entities for b in nf.scan(paths, batch_size=1))
    assert "PERSON:sergei_lavrov" in set(per_batch["entity_id"])  # why linking waits for the end
    nf.read_to_parquet(paths, tmp_path / "out", batch_size=1)
    assert_frame_equal(pl.read_parquet(tmp_path / "out" / "entities.parquet"), whole.entities)
    assert_frame_equal(pl.read_parquet(tmp_path / "out" / "quotes.parquet"), whole.quotes)


def test_frames_parsed_in_slices_link_to_one_from_frame(one_shot: dict[str, nf.Corpus]) -> None:
    df = pl.DataFrame({"text": [p.read_text() for p in CORPORA["heldout"]]})
    whole = nf.from_frame(df)
    lf = df.with_row_index("row").with_columns(pl.col("row").cast(pl.String)).lazy()
    pieces = [nf.from_frame(s, text="text", id="row", link=False) for s in lf.collect().iter_slices(n_rows=2)]
    _same(nf.link(pieces), whole)


def test_a_lazy_frame_in_batches_links_or_streams_to_one_from_frame(tmp_path: Path) -> None:
    """The recipes of docs/scale.md: pieces of a LazyFrame, linked or written as parts."""
    from newsframe import cluster

    texts = [p.read_text() for p in CORPORA["sample"] + CORPORA["heldout"]]
    pl.DataFrame({"url": [f"u{i}" for i in range(len(texts))], "html": texts}).write_parquet(tmp_path / "p.parquet")
    lf = pl.scan_parquet(tmp_path / "p.parquet")
    whole = nf.from_frame(lf, text="html", id="url")
    pieces = [nf.from_frame(b, text="html", id="url", link=False) for b in lf.collect().iter_slices(n_rows=3)]
    _same(nf.link(pieces), whole)
    for i, batch in enumerate(lf.collect().iter_slices(n_rows=3)):
        cluster.write_parts(nf.from_frame(batch, text="html", id="url", link=False), tmp_path / "parts", f"{i:08d}")
    cluster.finish(tmp_path / "parts", tmp_path / "out")
    _same({f: pl.read_parquet(tmp_path / "out" / f"{f}.parquet") for f in nf.FRAME_NAMES}, whole)


def test_a_linked_corpus_cannot_be_linked_again() -> None:
    with pytest.raises(ValueError, match="already linked"):
        nf.link(nf.sample())
    with pytest.raises(ValueError, match="linked and some are not"):
        nf.concat([nf.sample(), nf.sample(link=False)])
    with pytest.raises(TypeError):
        nf.link("corpus")


def test_an_unlinked_corpus_holds_linking_keys() -> None:
    c = nf.sample(link=False)
    assert not c.linked and "unlinked" in repr(c)
    people = c.entities.filter(pl.col("type") == "PERSON")
    assert people["entity_id"].to_list() == [f"PERSON:{n}" for n in people["name"]]
    assert nf.link(c).linked


def test_a_stopped_stream_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsframe.stream as stream

    def broken(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(stream, "mapping", broken)
    with pytest.raises(KeyboardInterrupt):
        nf.read_to_parquet(CORPORA["sample"], tmp_path, batch_size=2)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_the_command_line_streams_the_frames_nf_read_writes(fmt: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(p) for p in CORPORA["dev"]]
    assert main(["parse", *inputs, "--out", str(tmp_path / "cli"), "--format", fmt, "--quiet"]) == 0
    corpus = nf.read(inputs)
    if fmt == "parquet":
        corpus.write_parquet(tmp_path / "old")
        read = pl.read_parquet
    else:
        corpus.write_csv(tmp_path / "old")
        read = pl.read_csv
    for f in nf.FRAME_NAMES:
        new, old = tmp_path / "cli" / f"{f}.{fmt}", tmp_path / "old" / f"{f}.{fmt}"
        assert_frame_equal(read(new), read(old)), f
        if fmt == "csv":
            assert new.read_text() == old.read_text(), f


def _memory_bench():  # type: ignore[no-untyped-def]
    """benches/memory.py as a module: its corpus generator and its peak-RSS measurement."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("newsframe_memory_bench", ROOT.parent / "benches" / "memory.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss of a child in KB (os.wait4)")
def test_peak_memory_of_a_stream_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    """Issue 15. Peak RSS of a fresh process streaming 6.5 MB, then 40 MB (the same
    generator as benches/memory.py): measured 183 -> 200-213 MB. A one-shot ``nf.read``
    grows about 10 MB per MB of input (234 -> 547 MB from 10 to 40 MB), and the old
    final pass (``replace_strict`` over the parts) about 1 MB per MB; the bound is
    1.5 MB per MB, with the first batches' warm-up as the slack."""
    bench = _memory_bench()
    corpus = tmp_path / "corpus"
    bench.generate(corpus, 40)
    small, large = corpus / "0000", corpus
    mb = {f: sum(p.stat().st_size for p in f.rglob("*.txt")) / 1e6 for f in (small, large)}
    peak = {f: bench.measure(bench._STREAM, f, tmp_path / "out")[0] for f in (small, large)}
    growth = peak[large] - peak[small]
    assert growth < 1.5 * (mb[large] - mb[small]), (mb, peak)
