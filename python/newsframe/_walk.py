"""Turning the paths a caller gives into inputs: every path met becomes either a file to
parse or a problem (an ``errors`` row), so nothing a walk meets is dropped silently.

A folder is walked recursively, hidden names (``.git``, ``.DS_Store``) skipped, symbolic
links followed with a guard against cycles; a glob selects files; a path that does not exist
at all (not even as a dangling link) raises ``FileNotFoundError``, and so does a folder or a
pattern that yields nothing, since both are almost always a typo. File names that are not
valid UTF-8 keep U+FFFD in their ids and are listed in ``renamed`` for a warning.
"""

from __future__ import annotations

import errno
import glob as _glob
import os
import stat
from dataclasses import dataclass, field
from typing import Sequence

from newsframe._arguments import without_surrogates
from newsframe.errors import ArgumentValueError

_GLOB_CHARS = set("*?[")


@dataclass
class Inputs:
    """What a set of paths holds: files to parse and paths that cannot be."""

    #: (article_id, source, path as given to the OS), in a stable order.
    files: list[tuple[str, str, str]] = field(default_factory=list)
    #: (source, error kind, message) for every path that yields no input.
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    #: article ids whose file name was not valid UTF-8.
    renamed: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    return without_surrogates(text)[0]


class _Walk:
    def __init__(self, exclude: list[str]) -> None:
        self.inputs = Inputs()
        self._files: list[tuple[str, str, str, bool]] = []
        self._exclude = {self._key(p) for p in exclude if os.path.isdir(p)}
        self._excluded_roots = [os.path.realpath(p) for p in exclude if os.path.isdir(p)]

    def excluded(self, path: str) -> bool:
        """Whether a path a pattern matched lies inside an excluded folder."""
        real = os.path.realpath(path)
        return any(os.path.commonpath([real, root]) == root for root in self._excluded_roots)

    @staticmethod
    def _key(path: str) -> tuple[int, int]:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)

    def problem(self, path: str, kind: str, message: str) -> None:
        self.inputs.problems.append((_clean(path), kind, message))

    def add_file(self, article_id: str, path: str) -> None:
        clean = _clean(article_id)
        self._files.append((clean, _clean(path), path, clean != article_id))

    def classify(self, path: str, article_id: str) -> str | None:
        """Adds the path as a file or a problem; returns "dir" for a folder to descend into."""
        try:
            st = os.stat(path)
        except OSError as e:
            if e.errno == errno.ELOOP:
                self.problem(path, "symlink_loop", "symbolic link loop: the link points back at "
                             "itself through other links; fix or remove the link")
            elif os.path.islink(path):
                self.problem(path, "io", f"dangling symbolic link to {_clean(os.readlink(path))!r}, "
                             "which does not exist; fix or remove the link")
            else:
                self.problem(path, "io", f"cannot read: {e.strerror or e}")
            return None
        if stat.S_ISDIR(st.st_mode):
            return "dir"
        if stat.S_ISREG(st.st_mode):
            self.add_file(article_id, path)
            return None
        what = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "not a regular file")
        self.problem(path, "not_a_file", f"is {what}, not a file; newsframe reads regular files only")
        return None

    def folder(self, root: str, rel: str, ancestors: frozenset[tuple[int, int]]) -> None:
        """Walks one folder below ``root``; ``ancestors`` are the folders it sits in."""
        here = os.path.join(root, rel) if rel else root
        key = self._key(here)
        if key in self._exclude:
            return
        if key in ancestors:
            self.problem(here, "symlink_loop", "symbolic link to a folder that contains it; "
                         "skipped so the walk ends")
            return
        ancestors = ancestors | {key}
        try:
            with os.scandir(here) as it:
                names = sorted(e.name for e in it if not e.name.startswith("."))
        except OSError as e:
            self.problem(here, "io", f"cannot list folder: {e.strerror or e}; its files were not read")
            return
        for name in names:
            child_rel = f"{rel}/{name}" if rel else name
            if self.classify(os.path.join(here, name), child_rel) == "dir":
                self.folder(root, child_rel, ancestors)

    def given(self, text: str) -> None:
        if _GLOB_CHARS & set(text) and not os.path.lexists(text):
            self.pattern(text)
            return
        if not os.path.lexists(text):
            raise FileNotFoundError(
                f"newsframe: {_clean(text)!r} does not exist: give a file, a folder or a glob pattern"
            )
        base = os.path.basename(os.path.normpath(text)) or text
        if self.classify(text, base) == "dir":
            if self._key(text) in self._exclude:
                raise ArgumentValueError(f"newsframe: {_clean(text)!r} is an excluded folder "
                                 "(--out, or read(exclude=...)): nothing to read")
            before = len(self._files) + len(self.inputs.problems)
            self.folder(text, "", frozenset())
            if len(self._files) + len(self.inputs.problems) == before:
                raise FileNotFoundError(
                    f"newsframe: the folder {_clean(text)!r} holds no files to read "
                    "(names starting with '.' are skipped)"
                )

    def pattern(self, text: str) -> None:
        matches = sorted(m for m in _glob.glob(text, recursive=True)
                         if not os.path.isdir(m) and not self.excluded(m))
        if not matches:
            raise FileNotFoundError(f"newsframe: no file matches the pattern {_clean(text)!r}"
                                    + (" outside the excluded folders" if self._excluded_roots else ""))
        root = text
        for ch in _GLOB_CHARS:
            root = root.split(ch)[0]
        base = root if os.path.isdir(root) else os.path.dirname(root)
        for m in matches:
            rel = os.path.relpath(m, base) if base else m
            if rel.startswith(".."):
                rel = os.path.basename(m)
            self.classify(m, rel.replace(os.sep, "/"))

    def finish(self) -> Inputs:
        counts: dict[str, int] = {}
        for aid, _, _, _ in self._files:
            counts[aid] = counts.get(aid, 0) + 1
        seen: set[str] = set()
        for aid, source, path, renamed in self._files:
            if counts[aid] > 1 or aid in seen:
                aid = source  # two inputs with one relative name keep their full path as id
            while aid in seen:
                aid = aid + "'"
            seen.add(aid)
            self.inputs.files.append((aid, source, path))
            if renamed:
                self.inputs.renamed.add(aid)
        return self.inputs


def walk(paths: list[str], exclude: Sequence[str] = ()) -> Inputs:
    """Every input behind the given paths (files, folders, globs), minus ``exclude`` folders."""
    w = _Walk(list(exclude))
    for text in paths:
        w.given(text)
    return w.finish()
