"""Article extraction on NAEB (424 real news pages with gold title and body): newsframe vs trafilatura.

    python benches/naeb_extraction.py [--naeb ../shared/corpus/naeb] [--mode html|text]

`--mode html` gives both tools the HTML; `--mode text` gives newsframe the page rendered to
whole-page text (BeautifulSoup `get_text`), the messy dump newsframe's text path is built for,
while trafilatura still gets the HTML. Reports title exact-match rate, mean body word-4-gram F1
(the ScrapingHub measure) and pages per second, each tool timed on the same pages in one run.
Needs `pip install trafilatura lxml_html_clean beautifulsoup4 lxml` (benchmark-only dependencies;
`lxml_html_clean` because lxml 6 no longer bundles the cleaner trafilatura imports) and the NAEB
pages: `git clone https://github.com/AndyTheFactory/article-extraction-dataset` (its
`articles.json` and `html/` folder; pass that folder as `--naeb`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import newsframe as nf


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--naeb", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "naeb"))
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    root = Path(args.naeb)
    if not (root / "articles.json").is_file():
        sys.exit(f"NAEB not found at {root}: clone https://github.com/AndyTheFactory/article-extraction-dataset "
                 "and pass its folder as --naeb")
    for module, package in (("trafilatura", "trafilatura lxml_html_clean"), ("bs4", "beautifulsoup4 lxml")):
        if importlib.util.find_spec(module) is None:
            sys.exit(f"this benchmark needs {module}: pip install {package}")
    gold = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    keys = [k for k in sorted(gold) if (root / "html" / f"{k}.html").stat().st_size > 0]
    if args.limit:
        keys = keys[: args.limit]
    pages = {k: (root / "html" / f"{k}.html").read_text(encoding="utf-8", errors="replace") for k in keys}

    if args.mode == "text":
        from bs4 import BeautifulSoup

        texts = {}
        for k, html in pages.items():
            soup = BeautifulSoup(html, "lxml")
            for t in soup(["script", "style", "noscript"]):
                t.decompose()
            texts[k] = soup.get_text("\n")
        t0 = time.perf_counter()
        corpus = nf.from_texts([texts[k] for k in keys], ids=keys, format="text")
    else:
        t0 = time.perf_counter()
        corpus = nf.from_texts([pages[k] for k in keys], ids=keys, format="html")
    nf_time = time.perf_counter() - t0
    arts = {r["article_id"]: r for r in corpus.articles.iter_rows(named=True)}

    import trafilatura

    t0 = time.perf_counter()
    traf = {}
    for k in keys:
        doc = trafilatura.bare_extraction(pages[k], with_metadata=True)
        traf[k] = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    tr_time = time.perf_counter() - t0

    rows = []
    for k in keys:
        g = gold[k]
        a = arts.get(k, {})
        t = traf[k] or {}
        rows.append((
            same_title(a.get("title"), g["title"]), shingle_f1(g["articleBody"], a.get("body") or ""),
            same_title(t.get("title"), g["title"]), shingle_f1(g["articleBody"], t.get("text") or ""),
        ))
    n = len(rows)
    print(f"NAEB pages: {n}  (newsframe input: {args.mode}; trafilatura input: html)")
    print(f"{'tool':12s} {'title':>7s} {'body_f1':>8s} {'pages/s':>9s}")
    print(f"{'newsframe':12s} {sum(r[0] for r in rows)/n:7.3f} {sum(r[1] for r in rows)/n:8.3f} {n/nf_time:9.1f}")
    print(f"{'trafilatura':12s} {sum(r[2] for r in rows)/n:7.3f} {sum(r[3] for r in rows)/n:8.3f} {n/tr_time:9.1f}")


if __name__ == "__main__":
    main()
