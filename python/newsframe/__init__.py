"""newsframe: news articles in, tidy polars frames out.

    >>> import newsframe as nf
    >>> corpus = nf.read("scraped/")          # files, folders, globs
    >>> corpus.quotes.filter(pl.col("kind") == "direct")
    >>> corpus.write_parquet("out/")
    >>> nf.read_to_parquet("crawl/", "out/")  # a corpus too large to hold: constant memory

Every frame and column is described in ``docs/frames.md`` (shipped in the package:
``nf.columns()`` gives it as a frame, ``nf.reference_path()`` its file); the command line in
``newsframe --help``.
"""

from __future__ import annotations

from newsframe._native import core_version as _core_version
from newsframe.corpus import FRAME_NAMES, Corpus, concat
from newsframe.errors import ArgumentTypeError, ArgumentValueError, InputError, NewsframeError, ParseError
from newsframe.linking import link
from newsframe.reader import from_frame, from_texts, read, sample, sample_path
from newsframe.reference import columns, reference_path
from newsframe.stream import read_to_parquet, scan

__version__: str = _core_version()

__all__ = [
    "FRAME_NAMES",
    "ArgumentTypeError",
    "ArgumentValueError",
    "Corpus",
    "columns",
    "concat",
    "InputError",
    "link",
    "NewsframeError",
    "ParseError",
    "from_frame",
    "from_texts",
    "read",
    "read_to_parquet",
    "reference_path",
    "sample",
    "sample_path",
    "scan",
    "__version__",
]
