"""The frames of the sample and of tests/heldout, locked by digest.

Speed work (indexes, binary searches, fewer allocations) must not change a single value;
this test says so at once. When a change of behaviour is intended, regenerate the digests
and say so in the commit message:

    python tests/test_frames_digest.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import newsframe as nf

ROOT = Path(__file__).resolve().parent
DIGESTS = ROOT / "artifacts" / "frames_digest.json"


def _corpora() -> dict[str, nf.Corpus]:
    return {
        "sample": nf.sample(),
        "heldout": nf.read(sorted((ROOT / "heldout" / "texts").glob("*"))),
    }


def digests() -> dict[str, dict[str, str]]:
    """SHA-256 of each frame as NDJSON (a text form that does not depend on Parquet's).

    ``source`` holds each file's path, which depends on where the repository is checked out,
    so it is left out of the digest.
    """
    return {
        name: {
            f: hashlib.sha256(frame.drop("source", strict=False).write_ndjson().encode()).hexdigest()
            for f, frame in corpus.frames().items()
        }
        for name, corpus in _corpora().items()
    }


def test_frames_equal_the_stored_digests() -> None:
    stored = json.loads(DIGESTS.read_text())
    changed = [
        f"{corpus}.{frame}"
        for corpus, frames in digests().items()
        for frame, digest in frames.items()
        if stored.get(corpus, {}).get(frame) != digest
    ]
    assert not changed, (
        f"frames changed: {changed}; if the change is intended, run "
        "`python tests/test_frames_digest.py` and say so in the commit"
    )


if __name__ == "__main__":
    DIGESTS.parent.mkdir(exist_ok=True)
    DIGESTS.write_text(json.dumps(digests(), indent=2, sort_keys=True) + "\n")
    print(f"wrote {DIGESTS}", file=sys.stderr)
