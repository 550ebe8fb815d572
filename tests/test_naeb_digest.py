"""Frames over the 424 NAEB news pages, locked by digest: more input than the sample for speed work.

`test_frames_digest.py` covers the sample and the held-out texts (a few dozen articles); speed
work on cue and lexicon look-ups must leave every value identical on a few hundred real pages
too. The pages live outside the repository (``../shared/corpus/naeb``), so each part skips when
its input is absent:

- ``html``: the raw HTML pages, parsed with ``format="html"``;
- ``text-RENDERER``: the pages rendered to whole-page text by ``benches/render_pages.py``, read
  from the bench cache (``.bench-cache/naeb/RENDERER``, filled by ``benches/naeb_extraction.py``
  or ``benches/throughput.py``).

When a change of behaviour is intended, regenerate (with the renders cached) and say so:

    python tests/test_naeb_digest.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

import newsframe as nf

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
DIGESTS = ROOT / "artifacts" / "naeb_frames_digest.json"
RENDERERS = ("bs4", "inscriptis", "html2text", "lynx")


def _naeb() -> Path | None:
    for p in (REPO.parent / "shared" / "corpus" / "naeb", Path("/work/shared/corpus/naeb")):
        if (p / "html").is_dir():
            return p
    return None


def _inputs() -> dict[str, tuple[list[str], list[str], str]]:
    """Each available part: (ids, texts, format)."""
    naeb = _naeb()
    if naeb is None:
        return {}
    pages = sorted((naeb / "html").glob("*.html"))
    parts = {"html": ([p.stem for p in pages], [p.read_text(encoding="utf-8", errors="replace") for p in pages], "html")}
    for r in RENDERERS:
        files = [REPO / ".bench-cache" / "naeb" / r / f"{p.stem}.txt" for p in pages]
        if all(f.exists() for f in files):
            parts[f"text-{r}"] = ([f.stem for f in files], [f.read_text(encoding="utf-8") for f in files], "text")
    return parts


def _digest(ids: list[str], texts: list[str], fmt: str) -> dict[str, str]:
    corpus = nf.from_texts(texts, ids=ids, format=fmt)
    return {
        f: hashlib.sha256(frame.drop("source", strict=False).write_ndjson().encode()).hexdigest()
        for f, frame in corpus.frames().items()
    }


def digests() -> dict[str, dict[str, str]]:
    return {name: _digest(*part) for name, part in _inputs().items()}


def test_naeb_frames_equal_the_stored_digests() -> None:
    stored = json.loads(DIGESTS.read_text())
    parts = {k: v for k, v in _inputs().items() if k in stored}
    if not parts:
        pytest.skip("NAEB pages (../shared/corpus/naeb) or their renders are not available")
    changed = [
        f"{name}.{frame}"
        for name, part in parts.items()
        for frame, digest in _digest(*part).items()
        if stored[name].get(frame) != digest
    ]
    assert not changed, (
        f"frames changed: {changed}; if the change is intended, run "
        "`python tests/test_naeb_digest.py` and say so in the commit"
    )


if __name__ == "__main__":
    DIGESTS.parent.mkdir(exist_ok=True)
    DIGESTS.write_text(json.dumps(digests(), indent=2, sort_keys=True) + "\n")
    print(f"wrote {DIGESTS}", file=sys.stderr)
