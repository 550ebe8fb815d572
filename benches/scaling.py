"""CPU seconds per MB on adversarial page shapes (issue 14) against ordinary news text.

    python benches/scaling.py                  # 10 KB, 100 KB, 1 MB, 10 MB per shape
    python benches/scaling.py --sizes 0.01 1   # MB

Each shape is one article of the given size, parsed alone with ``nf.from_texts`` (HTML
shapes with ``format="html"``); time is the process's CPU time (``time.process_time``, all
threads), since the machine is shared and wall time is noisy. A linear parser keeps
seconds per MB flat along a row; the goal is every shape within 10x of ``news`` of the same
size at every size of 1 MB or more. The columns after the rates say how the page ended
(``ok``, an article, or the error kind: ``limit`` when the page ran over its work budget),
the ratio to ``news`` at the largest size, and PASS or FAIL for that goal.

``news`` is real story paragraphs, each one the parser itself reads as body on a page of its
own: a page of arbitrary lines from the sample (bylines, copyright lines, reference lists)
breaks the body run after a few paragraphs and leaves the rest as chrome the later stages
skip, which would make the baseline nearly free.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", " ", "a", "."]
SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vo", "zu", "bel", "dor", "sen"]


def _body_paragraphs() -> list[str]:
    """Paragraphs of the sample, tests/heldout and tests/dev the parser reads as body, kept
    only if they stay body between two other body paragraphs (none ends the story)."""
    folders = [nf.sample_path(), ROOT / "tests" / "heldout" / "texts", ROOT / "tests" / "dev" / "texts"]
    pool = []
    for folder in (f for f in folders if f.is_dir()):
        paragraphs = nf.read(folder).paragraphs
        pool += [t for t, r in zip(paragraphs["text"], paragraphs["role"]) if r == "body" and len(t.split()) >= 12]
    a, b = pool[0], pool[1]
    pages = nf.from_texts([f"Title of the story\n\n{a}\n\n{p} (0)\n\n{b}" for p in pool]).paragraphs
    body = {}
    for article, role in zip(pages["article_id"], pages["role"]):
        body[article] = body.get(article, 0) + (role == "body")
    return [p for i, p in enumerate(pool) if body.get(str(i)) == 3]  # from_texts ids are positions


_POOL: list[str] = []


def _news(size: int) -> str:
    """Body paragraphs, numbered so none repeats: a page of repeated blocks would read as
    boilerplate and skip most of the work."""
    if not _POOL:
        _POOL.extend(_body_paragraphs())
    parts, total, i = ["Title of the story\n\n"], 0, 0
    while total < size:
        p = f"{_POOL[i % len(_POOL)]} ({i})\n\n"
        parts.append(p)
        total += len(p.encode())
        i += 1
    return "".join(parts)


def _repeat(unit: str, size: int) -> str:
    return "Title\n\n" + unit * (size // len(unit.encode()) + 1)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _names(size: int) -> str:
    rng = random.Random(2)
    parts, total = ["Title\n\n"], 0
    while total < size:
        s = f"{_name(rng)} {_name(rng)} said the {_name(rng)} Ministry was {_name(rng)}. "
        parts.append(s)
        total += len(s)
    return "".join(parts)


def _descriptions(size: int) -> str:
    """Many people and organisations, each referred to later by a title or head noun alone:
    every description is resolved against what came before it."""
    rng = random.Random(3)
    parts, total = ["Title\n\n"], 0
    while total < size:
        s = (
            f"{_name(rng)} {_name(rng)} met {_name(rng)} Corp officials. "
            f"\u201cWe agree,\u201d the minister said. The ministry said it would.\n\n"
        )
        parts.append(s)
        total += len(s)
    return "".join(parts)


def _marks(size: int) -> str:
    rng = random.Random(1)
    return "Title\n\n" + "".join(rng.choice(MARKS) for _ in range(size // 2))


SHAPES = {
    "news": lambda n: (_news(n), None),
    "initials": lambda n: (_repeat("Mr. A. B. Smith said yes. ", n), None),
    "said_quote": lambda n: (_repeat('Smith said "yes". ', n), None),
    "paired_curly": lambda n: (_repeat("\u201cyes\u201d ", n), None),
    "paired_straight": lambda n: (_repeat('"yes" ', n), None),
    "paired_single": lambda n: (_repeat("\u2018yes\u2019 ", n), None),
    "guillemets": lambda n: (_repeat("\u00abyes\u00bb \u201eja\u201c ", n), None),
    "quote_kinds": lambda n: (_repeat("\u2039yes\u203a \u00bbja\u00ab \u201aja\u2018 'yes' `yes' ", n), None),
    "unpaired_open": lambda n: (_repeat("\u201cyes ", n), None),
    "unpaired_close": lambda n: (_repeat("yes\u201d ", n), None),
    "random_marks": lambda n: (_marks(n), None),
    "pronoun_quotes": lambda n: (_repeat("\u201cYes,\u201d he said, and ", n), None),
    "descriptions": lambda n: (_descriptions(n), None),
    "markers": lambda n: (_repeat("As shown [12] the report [3] said. ", n), None),
    "one_line": lambda n: (_repeat("word and more words, ", n), None),
    "one_sentence": lambda n: (_repeat("word ", n), None),
    "one_word_lines": lambda n: (_repeat("word\n", n), None),
    "capitalised": lambda n: (_repeat("Alpha Beta Gamma Delta Epsilon ", n), None),
    "distinct_names": lambda n: (_names(n), None),
    "nested_html": lambda n: ("<html><body>" + "<div>" * (n // 5) + "<p>Deep down, a sentence.</p></body></html>", "html"),
    "script": lambda n: ('<html><body><p>Hi.</p><script>' + 'var a = "x"; ' * (n // 13) + "</script></body></html>", "html"),
}


def measure(text: str, fmt: str | None) -> tuple[float, str]:
    started = time.process_time()
    corpus = nf.from_texts([text], format=fmt, max_bytes=64 * 1024 * 1024)
    spent = time.process_time() - started
    outcome = "ok" if corpus.articles.height == 1 else corpus.errors["kind"][0]
    return spent, outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.01, 0.1, 1.0, 10.0], help="page sizes in MB")
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    ap.add_argument("--max-ratio", type=float, default=10.0, help="PASS bound: a shape's s/MB over news's, at sizes >= 1 MB")
    args = ap.parse_args()
    nf.from_texts(["Warm-up. The lexicons load once."])
    header = f"{'shape':<16}" + "".join(f"{s:>10g} MB" for s in args.sizes) + "   (CPU s per MB)   vs news at largest"
    print(header)
    shapes = ["news"] + [s for s in args.shapes if s != "news"]
    news: list[float] = []
    failed = []
    for shape in shapes:
        row, outcomes = [], set()
        for size in args.sizes:
            text, fmt = SHAPES[shape](int(size * 1_000_000))
            mb = len(text.encode()) / 1e6
            spent, outcome = measure(text, fmt)
            row.append(spent / mb)
            outcomes.add(outcome)
        if shape == "news":
            news = row
        ratios = [r / n for r, n, size in zip(row, news, args.sizes) if size >= 1.0]
        ok = outcomes == {"ok"} and all(r <= args.max_ratio for r in ratios)
        verdict = "PASS" if ok else "FAIL"
        if not ok:
            failed.append(shape)
        ratio = f"{row[-1] / news[-1]:8.1f}x"
        print(f"{shape:<16}" + "".join(f"{r:13.3f}" for r in row) + f"   {'/'.join(sorted(outcomes)):<10}{ratio}  {verdict}", flush=True)
    print(f"{len(shapes) - len(failed)}/{len(shapes)} shapes within {args.max_ratio:g}x of news at >= 1 MB" + (f"; FAIL: {', '.join(failed)}" if failed else ""))


if __name__ == "__main__":
    main()
