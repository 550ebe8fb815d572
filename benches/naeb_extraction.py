"""Article extraction on NAEB (424 real news pages with gold title, authors, date and body).

    python benches/naeb_extraction.py [--naeb ../shared/corpus/naeb] [--mode all|html|text]
        [--renderers bs4,inscriptis,html2text,lynx] [--render-python /work/toolsenv/bin/python]

One run times and scores, on the same pages:

- newsframe on the HTML, trafilatura on the HTML and newspaper4k on the HTML (`--mode html`);
- newsframe on the page rendered to whole-page text by each of four tools a scraper might use
  (`--mode text`): BeautifulSoup `get_text("\\n")`, inscriptis, html2text and `lynx -dump`
  (`render_pages.py`, the dev set's settings). Rendering is done once, outside the timing, and
  cached under `--cache`.

Measures per tool: title exact match (word sequence), authors set F1 (an empty gold byline
scores 1 only when nothing is predicted), date (exact day; in text mode also over the pages whose
dump prints the gold date, `date*`), mean body word-4-gram F1 (the ScrapingHub measure) and pages
per second (newsframe: the whole pipeline, entities and quotes included). The three empty HTML
files go to newsframe too and must come back as `errors` rows; they are not scored.

Benchmark-only dependencies: `pip install trafilatura lxml_html_clean newspaper4k` here, and
`beautifulsoup4 lxml inscriptis html2text` plus `/usr/bin/lynx` for the renderers (which may live
in another Python, `--render-python`). The NAEB pages:
`git clone https://github.com/AndyTheFactory/article-extraction-dataset` (its `articles.json` and
`html/` folder; pass that folder as `--naeb`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import newsframe as nf

RENDERERS = ("bs4", "inscriptis", "html2text", "lynx")
MONTHS = "january february march april may june july august september october november december".split()


def words(s: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", s or "").lower())


def shingle_f1(gold: str, pred: str, n: int = 4) -> float:
    def grams(s: str) -> Counter:
        w = words(s)
        return Counter(tuple(w[i : i + n]) for i in range(max(1, len(w) - n + 1)))

    g, p = grams(gold), grams(pred)
    common = sum((g & p).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def same_title(a: str | None, b: str | None) -> bool:
    return words(a or "") == words(b or "")


def author_set(names) -> set[str]:
    if isinstance(names, str):
        names = names.split(",")
    return {" ".join(words(n)) for n in names or [] if words(n)}


def authors_f1(gold: str, pred) -> float:
    g, p = author_set(gold), author_set(pred)
    if not g and not p:
        return 1.0
    common = len(g & p)
    if not common:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def as_day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    m = re.search(r"\d{4}-\d{2}-\d{2}", str(value))
    return m.group(0) if m else None


def prints_date(text: str, day: str) -> bool:
    """Whether a text dump writes the gold date in one of the usual shapes."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day or ""):
        return False
    y, m, d = (int(x) for x in day.split("-"))
    month = MONTHS[m - 1]
    low = text.lower()
    pats = [
        rf"\b{month[:3]}[a-z]*\.?\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}",
        rf"\b0?{d}(?:st|nd|rd|th)?\s+{month[:3]}[a-z]*\.?,?\s+{y}",
        rf"\b{y}-{m:02d}-{d:02d}",
        rf"\b0?{m}/0?{d}/(?:{y}|{y % 100:02d})\b",
        rf"\b0?{d}/0?{m}/{y}\b",
        rf"\b0?{d}\.0?{m}\.{y}\b",
    ]
    return any(re.search(p, low) for p in pats)


def render(keys, html_dir: Path, cache: Path, renderer: str, python: str) -> dict[str, str]:
    out = cache / renderer
    todo = [k for k in keys if not (out / f"{k}.txt").exists()]
    script = Path(__file__).with_name("render_pages.py")
    for i in range(0, len(todo), 50):
        subprocess.run([python, str(script), renderer, str(html_dir), str(out), *todo[i : i + 50]], check=True)
    return {k: (out / f"{k}.txt").read_text(encoding="utf-8") for k in keys}


def run_newsframe(keys, docs: dict[str, str], fmt: str):
    t0 = time.perf_counter()
    corpus = nf.from_texts([docs[k] for k in keys], ids=keys, format=fmt)
    elapsed = time.perf_counter() - t0
    arts = {
        r["article_id"]: {"title": r["title"], "authors": r["authors"], "date": r["published"], "body": r["body"]}
        for r in corpus.articles.iter_rows(named=True)
    }
    return arts, elapsed, corpus.errors


def run_trafilatura(keys, pages):
    import trafilatura

    out = {}
    t0 = time.perf_counter()
    for k in keys:
        doc = trafilatura.bare_extraction(pages[k], with_metadata=True)
        d = (doc.as_dict() if hasattr(doc, "as_dict") else doc) or {}
        out[k] = {"title": d.get("title"), "authors": (d.get("author") or "").split(";"),
                  "date": d.get("date"), "body": d.get("text")}
    return out, time.perf_counter() - t0


def run_newspaper(keys, pages, gold):
    import newspaper

    out = {}
    t0 = time.perf_counter()
    for k in keys:
        # Image fetching would download each page's pictures (seconds per page, and no
        # network here); the fields measured do not need it.
        art = newspaper.Article(gold[k].get("url") or "http://example.com/", fetch_images=False)
        try:
            art.download(input_html=pages[k])
            art.parse()
            out[k] = {"title": art.title, "authors": art.authors, "date": art.publish_date, "body": art.text}
        except Exception:  # noqa: BLE001 - a failed page scores zero, it does not stop the bench
            out[k] = {}
    return out, time.perf_counter() - t0


def score(keys, gold, preds, docs=None):
    n = len(keys)
    rows = []
    for k in keys:
        g, p = gold[k], preds.get(k) or {}
        # A few gold dates are `NaT` (the page states none): right when none is predicted.
        gold_day = g["date"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["date"] or "") else None
        got_day = as_day(p.get("date")) == gold_day
        printed = docs is not None and prints_date(docs[k], g["date"])
        rows.append((same_title(p.get("title"), g["title"]), authors_f1(g["authors"], p.get("authors")),
                     got_day, shingle_f1(g["articleBody"], p.get("body") or ""), printed, printed and got_day))
    printed = sum(r[4] for r in rows)
    return {
        "title": sum(r[0] for r in rows) / n,
        "authors": sum(r[1] for r in rows) / n,
        "date": sum(r[2] for r in rows) / n,
        "date_printed": (sum(r[5] for r in rows) / printed) if printed else float("nan"),
        "printed": printed,
        "body_f1": sum(r[3] for r in rows) / n,
    }


def main() -> None:
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser()
    ap.add_argument("--naeb", default=str(here.parents[2] / "shared" / "corpus" / "naeb"))
    ap.add_argument("--mode", choices=("all", "html", "text"), default="all")
    ap.add_argument("--renderers", default=",".join(RENDERERS))
    ap.add_argument("--render-python", default="/work/toolsenv/bin/python")
    ap.add_argument("--cache", default=str(here.parents[1] / ".bench-cache" / "naeb"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-baselines", action="store_true", help="skip trafilatura and newspaper4k")
    args = ap.parse_args()
    root = Path(args.naeb)
    if not (root / "articles.json").is_file():
        sys.exit(f"NAEB not found at {root}: clone https://github.com/AndyTheFactory/article-extraction-dataset "
                 "and pass its folder as --naeb")
    if not args.no_baselines:
        for module, package in (("trafilatura", "trafilatura lxml_html_clean"), ("newspaper", "newspaper4k")):
            if importlib.util.find_spec(module) is None:
                sys.exit(f"this benchmark needs {module}: pip install {package}")
    gold = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    every = sorted(gold)
    if args.limit:
        every = every[: args.limit]
    empty = [k for k in every if (root / "html" / f"{k}.html").stat().st_size == 0]
    keys = [k for k in every if k not in empty]
    pages = {k: (root / "html" / f"{k}.html").read_text(encoding="utf-8", errors="replace") for k in every}

    table = []
    if args.mode in ("all", "html"):
        arts, secs, errors = run_newsframe(every, pages, "html")
        missing = set(empty) - set(errors["source"].to_list())
        print(f"HTML: {len(keys)} pages scored; {errors.height} errors rows"
              f" ({'every empty page reported' if not missing else f'MISSING {sorted(missing)}'})", file=sys.stderr)
        table.append(("newsframe", "html", score(keys, gold, arts), len(every) / secs))
        if not args.no_baselines:
            traf, secs = run_trafilatura(keys, pages)
            table.append(("trafilatura", "html", score(keys, gold, traf), len(keys) / secs))
            news, secs = run_newspaper(keys, pages, gold)
            table.append(("newspaper4k", "html", score(keys, gold, news), len(keys) / secs))
    if args.mode in ("all", "text"):
        for r in args.renderers.split(","):
            docs = render(keys, root / "html", Path(args.cache), r, args.render_python)
            arts, secs, _ = run_newsframe(keys, docs, "text")
            table.append(("newsframe", f"text:{r}", score(keys, gold, arts, docs), len(keys) / secs))

    print(f"NAEB: {len(keys)} pages with gold ({len(empty)} empty files sent as input, not scored)")
    print(f"| tool | input | title | authors F1 | date | date where printed | body F1 | pages/s |")
    print("|---|---|---|---|---|---|---|---|")
    for tool, inp, s, rate in table:
        dp = f"{s['date_printed']:.3f} ({s['printed']})" if inp.startswith("text") else ""
        print(f"| {tool} | {inp} | {s['title']:.3f} | {s['authors']:.3f} | {s['date']:.3f} | {dp} "
              f"| {s['body_f1']:.3f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
