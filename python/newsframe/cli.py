"""The ``newsframe`` command line: ``newsframe parse INPUT... --out DIR [--format parquet|csv]``.

Exit status, as the data contract has it: 0 when the inputs were read, even when some became
``errors`` rows (each is named on stderr and kept in the errors frame); 1 on a usage error (bad
option, missing input, an ``--out`` folder that cannot be written; nothing is parsed); 2 when no
input gave an article, or, with ``--strict``, at the first input that fails; 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import NoReturn, Sequence

import polars as pl

from newsframe import __version__
from newsframe.corpus import Corpus, summary_of
from newsframe.errors import InputError, NewsframeError
from newsframe.reader import _DEFAULT_MAX_BYTES, read, sample_path
from newsframe.stream import DEFAULT_BATCH_SIZE, write_streamed

OK, USAGE, SOME_FAILED, INTERRUPTED = 0, 1, 2, 130

#: Failed inputs named in the summary; the rest are counted.
_LISTED = 20

_EPILOG = """\
exit status:
  0    inputs read; any that failed are listed on stderr and kept in DIR/errors.*
  1    usage error: bad option, missing input, --out not writable (nothing parsed)
  2    no input gave an article, or --strict and an input failed
  130  interrupted (Ctrl-C); no half-written file is left
"""


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors exiting 1, as the exit statuses above promise."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newsframe",
        description="Turn news articles into tidy frames: articles, paragraphs, entities, quotes, citations.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"newsframe {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parse = sub.add_parser(
        "parse",
        help="parse files, folders (recursively) and globs and write one file per frame",
        description="Parse articles and write articles, paragraphs, entities, quotes, citations "
        "and errors as DIR/<frame>.parquet (or .csv).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or glob pattern")
    parse.add_argument("--out", required=True, metavar="DIR",
                       help="output folder (created if missing; never read as input)")
    parse.add_argument("--format", choices=("parquet", "csv"), default="parquet",
                       help="output format (default: parquet)")
    parse.add_argument("--input-format", choices=("text", "html", "json"), default=None,
                       help="force the input format (default: guess per file)")
    parse.add_argument("--entities", metavar="CSV", default=None,
                       help="your own entities: CSV with name,type[,aliases]")
    parse.add_argument("--entity-scope", choices=("story", "all"), default="story",
                       help="find entities in the story (title, subtitle, headings, body; default) "
                       "or in all blocks")
    parse.add_argument("--max-bytes", type=int, default=None, metavar="N",
                       help="inputs larger than N bytes become errors rows (default: 20 MiB)")
    parse.add_argument("--strict", action="store_true",
                       help="stop at the first input that yields no article (exit 2, nothing written)")
    parse.add_argument("--quiet", action="store_true",
                       help="no summary and no progress bar; failed inputs are still listed on stderr")
    demo = sub.add_parser("demo", help="parse the bundled sample corpus and write its frames")
    demo.add_argument("--out", default="newsframe-demo", metavar="DIR",
                      help="output folder (default: newsframe-demo)")
    demo.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    return p


def _say(message: str) -> None:
    text = str(message)
    print(text if text.startswith("newsframe: ") else f"newsframe: {text}", file=sys.stderr)


def writable_folder(out: str) -> str | None:
    """Why ``out`` cannot take the frames, or None when it can (creating it if missing)."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        return f"--out {out!r} is a file, not a folder"
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".newsframe-check-"):
            pass
    except OSError as e:
        return f"cannot write to --out {out!r}: {e.strerror or e}"
    return None


def failure_summary(errors: pl.DataFrame, limit: int = _LISTED, total: int | None = None) -> str:
    """Lines naming each failed input and why, the first ``limit`` of them, then a count.

    ``total``: how many failed when ``errors`` holds only the first of them.
    """
    total = errors.height if total is None else total
    lines = [f"newsframe: {total} input{'s' if total != 1 else ''} failed:"]
    for source, kind, message in errors.head(limit).select("source", "kind", "error").rows():
        lines.append(f"  {source}: {kind}: {message}")
    if total > limit:
        lines.append(f"  ... and {total - limit} more (all in the errors frame)")
    return "\n".join(lines)


def _write(corpus: Corpus, out: str, fmt: str) -> list[Path]:
    return corpus.write_parquet(out) if fmt == "parquet" else corpus.write_csv(out)


def _parse(args: argparse.Namespace) -> int:
    """Streams the inputs to ``--out`` batch by batch: memory does not grow with the corpus."""
    created = not os.path.exists(args.out)
    problem = writable_folder(args.out)
    if problem:
        _say(problem)
        return USAGE
    options = {} if args.max_bytes is None else {"max_bytes": args.max_bytes}
    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            done = write_streamed("parse", args.inputs, args.out, args.format, batch_size=DEFAULT_BATCH_SIZE,
                                  format=args.input_format, entities=args.entities,
                                  entity_scope=args.entity_scope, exclude=None, strict=args.strict,
                                  progress=False if args.quiet else None,
                                  max_bytes=options.get("max_bytes", _DEFAULT_MAX_BYTES), keep_errors=_LISTED)
        if not args.quiet:
            for w in said:
                _say(f"warning: {str(w.message).removeprefix('newsframe: ')}")
    except InputError as e:
        _say(f"stopped at the first failed input (--strict): {e}")
        return SOME_FAILED
    except (FileNotFoundError, TypeError, ValueError, NewsframeError) as e:
        if created:
            _remove_if_empty(args.out)
        _say(str(e))
        return USAGE
    if not args.quiet:
        print(f"newsframe: {summary_of(done.rows)}")
        print(f"newsframe: wrote {len(done.paths)} files to {args.out}/")
    if done.rows["errors"]:
        print(failure_summary(done.errors, total=done.rows["errors"]), file=sys.stderr)
        # The contract: some failed inputs are rows, not a failed run; none parsed is one.
        if not done.rows["articles"]:
            return SOME_FAILED
    return OK


def _remove_if_empty(folder: str) -> None:
    try:
        os.rmdir(folder)
    except OSError:
        pass


def _demo(args: argparse.Namespace) -> int:
    problem = writable_folder(args.out)
    if problem:
        _say(problem)
        return USAGE
    corpus = read(sorted(str(p) for p in sample_path().glob("*.txt")))
    paths = _write(corpus, args.out, args.format)
    print(f"newsframe: {corpus.summary()}")
    print(f"newsframe: wrote {len(paths)} files to {args.out}/")
    with pl.Config(tbl_rows=10, fmt_str_lengths=60, tbl_width_chars=120):
        print(corpus.articles.select("article_id", "title", "outlet", "authors", "n_words"))
    return OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (see the module docstring)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    try:
        return _demo(args) if args.command == "demo" else _parse(args)
    except KeyboardInterrupt:
        _say("interrupted; files already written are complete, none is half-written")
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
