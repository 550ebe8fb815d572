"""CPU time of `finish` (cross-article linking and frame building) at 1k ... 16k articles
of distinct names (issue 15).

    python benches/linking.py                  # 1k, 2k, 4k, 8k, 16k articles
    python benches/linking.py --sizes 1000 4000

Each article names six new people ("<Given> <Surname> said ...", made-up names, every
surname shared by four people); parsing is not timed, only `CorpusBuilder.finish`, with
`time.process_time` (CPU, all threads) because the machine is shared. Near-linear means
seconds per 1k articles stays flat down the column. Before this branch the same shape
took 0.23 / 0.94 / 4.1 / 18.4 / 93 s (issue 15's figures on its own articles, all-pairs
comparison; not re-measured here). `people` counts the distinct person ids linked.
"""

from __future__ import annotations

import argparse
import time

import polars as pl

from newsframe._native import CorpusBuilder

SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vo", "zu", "bel", "dor", "sen"]


def word(n: int) -> str:
    """Distinct numbers give distinct made-up words."""
    out = "Q"
    while True:
        out += SYLLABLES[n % 10]
        n //= 10
        if n == 0:
            return out


def article(a: int) -> str:
    lines = ["Talks resume", ""]
    for j in range(6):
        person = a * 6 + j
        given, surname = word(person * 7 + 3).capitalize(), word(person // 4).capitalize()
        lines.append(f"{given} {surname} said the talks would resume on Monday. {surname} added that more was needed.")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000])
    args = ap.parse_args()
    print(f"{'articles':>9} {'finish CPU s':>13} {'s per 1k':>9} {'people':>8}")
    for n in args.sizes:
        builder = CorpusBuilder()
        for start in range(0, n, 1000):
            builder.add_texts([(str(a), str(a), article(a), "text") for a in range(start, min(n, start + 1000))])
        started = time.process_time()
        tables = dict(builder.finish())
        spent = time.process_time() - started
        people = pl.DataFrame(tables["entities"]).filter(pl.col("type") == "PERSON")["entity_id"].n_unique()
        print(f"{n:>9} {spent:>13.3f} {spent / n * 1000:>9.3f} {people:>8}", flush=True)


if __name__ == "__main__":
    main()
