"""Accuracy on the sample corpus's gold annotations: thresholds lock in what was reached."""

from __future__ import annotations

import pytest

#: measure -> the lowest score accepted.
THRESHOLDS = {
    "articles_found": 1.0,
    "article_fields": 0.90,
    "body_boundaries": 0.95,
    "entity_f1": 0.95,
    "entity_typed_f1": 0.95,
    "alias_resolution": 0.95,
}


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_gold_measure_reaches_threshold(scores: dict[str, float], name: str) -> None:
    assert scores[name] >= THRESHOLDS[name], f"{name} = {scores[name]:.3f} < {THRESHOLDS[name]}"
