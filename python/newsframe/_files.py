"""Writing outputs so that a stopped run (Ctrl-C, a full disk) never leaves half a file: each
file is written under a temporary name beside its final one, then renamed over it, which
POSIX makes atomic within one folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Calls ``write(temporary_path)``, then renames the result to ``path``."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
