"""Shared fixtures: the bundled sample corpus parsed once, and its gold measures."""

from __future__ import annotations

import pytest

import newsframe as nf
from gold_metrics import measure


@pytest.fixture(scope="session")
def sample() -> nf.Corpus:
    return nf.sample()


@pytest.fixture(scope="session")
def scores(sample: nf.Corpus) -> dict[str, float]:
    return measure(sample.frames())
