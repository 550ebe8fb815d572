"""Accuracy on held-out whole pages from other outlets: the rules must generalise.

The sample corpus is what the rules were developed on; these seven pages (see
``tests/heldout/README.md``) were annotated separately, and the thresholds lock in what was
reached on them, a little below the measured value so an unrelated change in one entity does
not fail the build while a regression in a rule does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsframe as nf
from gold_metrics import measure

HELDOUT = Path(__file__).parent / "heldout"

#: measure -> the lowest score accepted (measured: see the README's accuracy table).
THRESHOLDS = {
    "articles_found": 1.0,
    "article_fields": 0.85,
    "body_boundaries": 0.93,
    "entity_f1": 0.84,
    "entity_typed_f1": 0.82,
    "alias_resolution": 0.86,
    "quote_f1": 0.95,
    "quote_kind_acc": 0.87,
    "quote_speaker_acc": 0.87,
    "citation_f1": 0.77,
}


@pytest.fixture(scope="module")
def heldout_scores() -> dict[str, float]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((HELDOUT / "gold").glob("*.gold.json"))]
    corpus = nf.read(HELDOUT / "texts")
    assert len(corpus) == len(golds)
    return measure(corpus.frames(), golds)


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_heldout_measure_reaches_threshold(heldout_scores: dict[str, float], name: str) -> None:
    assert heldout_scores[name] >= THRESHOLDS[name], f"{name} = {heldout_scores[name]:.3f} < {THRESHOLDS[name]}"
