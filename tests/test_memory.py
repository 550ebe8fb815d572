"""Peak memory of one article stays within ~20x its size (issue 14).

A 10 MB article of dense prose (real story paragraphs, every one of them read as body, so
every stage works on all of it) is parsed in a subprocess; its peak RSS is compared with
that of a subprocess that imports the package, loads the lexicons and reads the same text.
Measured by the kernel, not by time: each child reports ``VmHWM`` from /proc. Not
``getrusage(RUSAGE_CHILDREN).ru_maxrss``: Linux carries the parent's peak into a child
across fork and exec, so a test process that had grown past the child (pytest after the
other tests, or after building the article) would be measured instead of the parse.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
SIZE = 10_000_000
#: Peak bytes an article may take per byte of its text...
PER_BYTE = 20
#: ...plus this much for whatever a parse allocates once (lexicons are loaded by the baseline).
FIXED = 20_000_000

CHILD = """
import sys
import newsframe as nf
text = open(sys.argv[1], encoding="utf-8").read()
nf.from_texts(["Lexicons load here. Warm-up."])
counts = [0, 0, 0, 0]
if sys.argv[2] == "parse":
    corpus = nf.from_texts([text])
    body = corpus.paragraphs.filter(corpus.paragraphs["role"] == "body").height
    counts = [corpus.articles.height, body, corpus.entities.height, corpus.quotes.height]
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(peak * 1024, *counts)
"""


def _body_paragraphs() -> list[str]:
    """Story paragraphs that stay body between two others (none reads as a story's end)."""
    folders = [nf.sample_path(), ROOT / "tests" / "heldout" / "texts", ROOT / "tests" / "dev" / "texts"]
    pool: list[str] = []
    for folder in (f for f in folders if f.is_dir()):
        p = nf.read(folder).paragraphs
        pool += [t for t, r in zip(p["text"], p["role"]) if r == "body" and len(t.split()) >= 12]
    pages = nf.from_texts([f"Title of the story\n\n{pool[0]}\n\n{t} (0)\n\n{pool[1]}" for t in pool]).paragraphs
    body: dict[str, int] = {}
    for article, role in zip(pages["article_id"], pages["role"]):
        body[article] = body.get(article, 0) + (role == "body")
    return [t for i, t in enumerate(pool) if body.get(str(i)) == 3]


def _dense_article(size: int) -> str:
    pool = _body_paragraphs()
    parts, total, i = ["Title of the story\n\n"], 0, 0
    while total < size:
        p = f"{pool[i % len(pool)]} ({i})\n\n"  # numbered: no block repeats as boilerplate
        parts.append(p)
        total += len(p.encode())
        i += 1
    return "".join(parts)


def _peak_of_child(path: Path, mode: str) -> list[int]:
    """A child's peak RSS in bytes, then what it parsed (articles, body paragraphs, mentions,
    quotes; zeros for the baseline)."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, check=True)
    return [int(x) for x in out.stdout.split()]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS is read from /proc")
def test_peak_memory_of_a_10_mb_article_is_within_20x_its_size(tmp_path: Path) -> None:
    path = tmp_path / "dense.txt"
    path.write_text(_dense_article(SIZE), encoding="utf-8")
    size = path.stat().st_size
    base = _peak_of_child(path, "base")[0]
    peak, articles, body, mentions, quotes = _peak_of_child(path, "parse")
    out = f"{articles} articles, {body} body paragraphs, {mentions} mentions, {quotes} quotes"
    # The page is what it claims: one article, all body, full of names and quotes.
    assert (articles, body > 20_000, mentions > 30_000, quotes > 5_000) == (1, True, True, True), out
    used = peak - base
    assert used <= PER_BYTE * size + FIXED, f"{used / size:.1f}x the article's {size} bytes ({used / 1e6:.0f} MB)"
