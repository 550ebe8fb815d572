"""Peak memory of streaming a corpus to Parquet (issue 15): flat in corpus size, <= 500 MB.

    python benches/memory.py                        # 100 MB and 500 MB
    python benches/memory.py --sizes 100 500 1000   # MB of text
    python benches/memory.py --one-shot 100         # also nf.read(...).write_parquet at 100 MB

Each size is a folder of generated articles (cached in .bench-cache/memory/): real story
paragraphs of the sample, tests/heldout and tests/dev, shuffled into articles of 8-30
paragraphs, with the people's names replaced by made-up ones drawn from a pool that grows
with the corpus (so there are ever more distinct people to link, and spelling variants of
them, as in a real crawl, not copies of a few texts). Each run is a fresh subprocess that
calls ``nf.read_to_parquet``; its peak RSS is the kernel's ``ru_maxrss`` of that child
(``os.wait4``), its CPU time user + system. The named alternative is the one-shot
``nf.read(folder).write_parquet(out)``, which holds the whole corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".bench-cache" / "memory"
SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vo", "zu", "bel", "dor", "sen", "ta", "vi", "nor", "pe"]
ARTICLE_BYTES = 16_000


def _paragraphs() -> list[str]:
    files = (sorted(nf.sample_path().glob("*.txt")) + sorted((ROOT / "tests" / "heldout" / "texts").glob("*"))
             + sorted((ROOT / "tests" / "dev" / "texts").glob("*")))
    return [p.strip() for f in files for p in f.read_text(errors="replace").split("\n\n")
            if len(p.split()) >= 12]


def _word(n: int) -> str:
    s = ""
    while True:
        s += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
        if n == 0:
            return s.capitalize()


def _people(paragraphs: list[str]) -> list[str]:
    """Two-word capitalised names as the texts write them (``Sergey Lavrov``)."""
    found = re.findall(r"\b([A-Z][a-z]+ [A-Z][a-z]{2,})\b", "\n".join(paragraphs))
    return sorted(set(found))


def generate(folder: Path, megabytes: int, seed: int = 15) -> None:
    """About ``megabytes`` MB of articles in ``folder`` (kept for the next run)."""
    done = folder / ".complete"
    if done.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    names = _people(paragraphs)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    pool = max(1000, megabytes * 60)  # distinct made-up people grow with the corpus
    total, i = 0, 0
    target = megabytes * 1_000_000
    while total < target:
        picked = rng.sample(paragraphs, rng.randint(8, 30))
        cast: dict[str, str] = {}

        def person(m: re.Match[str]) -> str:
            if m.group(0) not in cast:
                k = rng.randrange(pool)
                given, surname = _word(k * 7 + 3), _word(k // 3)
                if rng.random() < 0.1:  # a transliteration variant: Sergey/Sergei
                    given = given[:-1] + ("i" if given[-1] != "i" else "y")
                cast[m.group(0)] = f"{given} {surname}"
            return cast[m.group(0)]

        body = "\n\n".join(pattern.sub(person, p) for p in picked)
        text = f"Story {i} of the day\n\n{body}\n"
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:07d}.txt").write_text(text)
        total += len(text.encode())
        i += 1
    done.write_text(f"{i} articles, {total} bytes\n")


_STREAM = "import newsframe as nf, sys; nf.read_to_parquet(sys.argv[1], sys.argv[2], progress=False)"
_ONE_SHOT = "import newsframe as nf, sys; nf.read(sys.argv[1], progress=False).write_parquet(sys.argv[2])"


def measure(code: str, folder: Path, out: Path) -> tuple[float, float, float]:
    """(peak RSS MB, CPU seconds, wall seconds) of one fresh process running ``code``."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code, str(folder), str(out)])
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    if status != 0:
        raise SystemExit(f"run failed with status {status}")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 500], help="MB of text")
    ap.add_argument("--one-shot", type=int, nargs="*", default=[], metavar="MB",
                    help="sizes at which to also run the one-shot nf.read for comparison")
    args = ap.parse_args()
    print(f"{'MB':>6} {'how':>10} {'articles':>9} {'peak RSS MB':>12} {'CPU s':>8} {'wall s':>8} {'MB/s wall':>10}")
    for mb in args.sizes:
        folder = CACHE / f"{mb}mb"
        generate(folder, mb)
        n = int((folder / ".complete").read_text().split()[0])
        size = sum(f.stat().st_size for f in folder.rglob("*.txt")) / 1e6
        runs = [("stream", _STREAM)] + ([("one-shot", _ONE_SHOT)] if mb in args.one_shot else [])
        for how, code in runs:
            rss, cpu, wall = measure(code, folder, CACHE / "out")
            print(f"{size:6.0f} {how:>10} {n:9d} {rss:12.0f} {cpu:8.1f} {wall:8.1f} {size / wall:10.2f}", flush=True)
    shutil.rmtree(CACHE / "out", ignore_errors=True)


if __name__ == "__main__":
    main()
