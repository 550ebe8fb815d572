"""The ``newsframe`` command line: ``newsframe parse INPUT... --out DIR [--format parquet|csv]``."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from newsframe.reader import read, sample_path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsframe",
        description="Turn news articles into tidy frames: articles, paragraphs, entities, quotes, citations.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    parse = sub.add_parser(
        "parse",
        help="parse files, folders (recursively) and globs and write one file per frame",
        description="Parse articles and write articles, paragraphs, entities, quotes, citations "
        "and errors as DIR/<frame>.parquet (or .csv).",
    )
    parse.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or glob pattern")
    parse.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    parse.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="output format (default: parquet)")
    parse.add_argument("--input-format", choices=("text", "html", "json"), default=None, help="force the input format (default: guess per file)")
    parse.add_argument("--entities", metavar="CSV", default=None, help="your own entities: CSV with name,type[,aliases]")
    parse.add_argument("--quiet", action="store_true", help="print nothing but errors")
    demo = sub.add_parser("demo", help="parse the bundled sample corpus and write its frames")
    demo.add_argument("--out", default="newsframe-demo", metavar="DIR", help="output folder (default: newsframe-demo)")
    demo.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "demo":
            inputs: list[str] = sorted(str(p) for p in sample_path().glob("*.txt"))
            corpus = read(inputs)
        else:
            corpus = read(args.inputs, format=args.input_format, entities=args.entities)
    except (FileNotFoundError, ValueError) as e:
        print(f"newsframe: {e}".replace("newsframe: newsframe: ", "newsframe: "), file=sys.stderr)
        return 2
    paths = corpus.write_parquet(args.out) if args.format == "parquet" else corpus.write_csv(args.out)
    if not getattr(args, "quiet", False):
        print(f"newsframe: {corpus.summary()}")
        print(f"newsframe: wrote {len(paths)} files to {args.out}/")
        if args.command == "demo":
            import polars as pl

            with pl.Config(tbl_rows=10, fmt_str_lengths=60, tbl_width_chars=120):
                print(corpus.articles.select("article_id", "title", "outlet", "authors", "n_words"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
