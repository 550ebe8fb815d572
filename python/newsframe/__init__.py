"""newsframe: news articles in, tidy polars frames out.

    >>> import newsframe as nf
    >>> corpus = nf.read("scraped/")          # files, folders, globs
    >>> corpus.quotes.filter(pl.col("kind") == "direct")
    >>> corpus.write_parquet("out/")

Frames and columns are described in the package README (the data contract).
"""

from __future__ import annotations

from newsframe._native import core_version as _core_version
from newsframe.corpus import FRAME_NAMES, Corpus
from newsframe.errors import NewsframeError, ParseError
from newsframe.reader import from_frame, from_texts, read, sample, sample_path

__version__: str = _core_version()

__all__ = [
    "FRAME_NAMES",
    "Corpus",
    "NewsframeError",
    "ParseError",
    "from_frame",
    "from_texts",
    "read",
    "sample",
    "sample_path",
    "__version__",
]
