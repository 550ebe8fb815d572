"""The cluster recipes (``newsframe.cluster``) on local clusters of two workers give the
frames, ids included, of one single-process ``nf.read`` of the same inputs."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import newsframe as nf
from newsframe import cluster

ROOT = Path(__file__).resolve().parent


def _inputs(tmp_path: Path) -> list[Path]:
    """The sample and tests/heldout, an empty file that must become an errors row, and one
    person spelt two ways at the two ends (so in different workers' parts): only linking
    the whole corpus gives the name of the more frequent spelling to both."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "first.txt").write_text("Talks stall\n\nSergei Lavrov met the envoy. Sergei Lavrov said little.")
    (tmp_path / "last.txt").write_text("Lavrov returns\n\nSergey Lavrov spoke. Sergey Lavrov left. Sergey Lavrov won.")
    return [tmp_path / "first.txt", *sorted(nf.sample_path().glob("*.txt")),
            *sorted((ROOT / "heldout" / "texts").glob("*")), tmp_path / "empty.txt", tmp_path / "last.txt"]


def _assert_single_run(paths: list[Path], out: Path) -> None:
    single = nf.read(paths)
    assert single.errors.height == 1
    lavrov = single.entities.filter(pl.col("article_id") == "first.txt")["entity_id"]
    assert set(lavrov) == {"PERSON:sergey_lavrov"}
    for name, expected in single.frames().items():
        assert_frame_equal(pl.read_parquet(out / f"{name}.parquet"), expected), name


def test_dask_bag_on_two_workers_equals_a_single_run(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    import dask.bag as db

    paths = _inputs(tmp_path)
    items = cluster.inputs(paths)
    bag = db.from_sequence(items, npartitions=4)
    with dask.config.set(scheduler="processes", num_workers=2):
        labels = bag.map_partitions(cluster.parse_partition, str(tmp_path / "parts")).compute()
    assert len(labels) == 4
    cluster.finish(tmp_path / "parts", tmp_path / "out")
    _assert_single_run(paths, tmp_path / "out")


def test_ray_data_on_two_workers_equals_a_single_run(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")

    paths = _inputs(tmp_path)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items(cluster.inputs(paths), override_num_blocks=4)
        done = ds.map_batches(cluster.Parse(tmp_path / "parts"), batch_size=3, batch_format="pyarrow").take_all()
    finally:
        ray.shutdown()
    assert sum(r["articles"] for r in done) == len(paths) - 1 and len(done) > 2
    cluster.finish(tmp_path / "parts", tmp_path / "out")
    _assert_single_run(paths, tmp_path / "out")


def test_finish_without_parts_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run the workers first"):
        cluster.finish(tmp_path / "none", tmp_path / "out")
