#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus: real pages plus the adversarial shapes of issue 14.

Seeds are generated, not committed, so the repository carries a page of code instead of
megabytes of corpus. Real inputs (the bundled sample articles, a few development HTML pages,
each also wrapped as a JSON article) teach the fuzzer what news looks like; the shapes are the
inputs that once made a stage slow or wrong: quote marks of every kind, paired and unpaired,
`[n]` markers, initials and abbreviations, a long line, one very long sentence, many one-word
lines, runs of capitalised words, deeply nested HTML and a long `<script>`.

Usage: seeds.py OUT_DIR [--shape-bytes N] [--html-pages K]
"""

import argparse
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Every quotation mark `quotes::marks` reads, as (opening, closing) pairs.
QUOTE_PAIRS = [
    ("\u201c", "\u201d"),  # “ ”
    ('"', '"'),
    ("\u2018", "\u2019"),  # ‘ ’
    ("'", "'"),
    ("\u00ab", "\u00bb"),  # « »
    ("\u201e", "\u201c"),  # „ “
    ("\u201a", "\u2018"),  # ‚ ‘
    ("\u201f", "\u201d"),  # ‟ ”
    ("\u201b", "\u2019"),  # ‛ ’
]


def repeat_to(unit: str, size: int) -> str:
    """`unit` repeated until the text is about `size` bytes of UTF-8."""
    count = max(1, size // max(1, len(unit.encode())))
    return unit * count


def shapes(size: int) -> dict[str, str]:
    """Adversarial texts of about `size` bytes each, under a title line like a real page."""
    title = "Officials Meet in Moscow as Talks Resume\n\n"
    out: dict[str, str] = {}
    for i, (op, cl) in enumerate(QUOTE_PAIRS):
        out[f"quotes_paired_{i}"] = title + repeat_to(f"Smith said {op}yes{cl}. ", size)
        out[f"quotes_open_{i}"] = title + repeat_to(f"{op}Yes, he said ", size)
        out[f"quotes_close_{i}"] = title + repeat_to(f"yes{cl} he said. ", size)
        out[f"quotes_nested_{i}"] = title + repeat_to(f"{op}a {op}b {cl}c{cl} ", size)
    marks = "".join(op + cl for op, cl in QUOTE_PAIRS)
    out["quotes_random_marks"] = title + repeat_to(marks + " word ", size)
    out["quotes_over_paragraphs"] = title + repeat_to("\u201cThe plan will hold, he said.\n\n", size)
    out["reference_markers"] = title + repeat_to("Officials met.[1][23] Reuters said so.[4] ", size)
    out["reference_list"] = title + "".join(
        f"[{n}] Reuters, Feb. {n % 28 + 1}, 2023: https://example.com/{n}\n" for n in range(size // 50)
    )
    out["initials"] = title + repeat_to("Mr. A. B. Smith said yes. ", size)
    out["abbreviations"] = title + repeat_to("Lt. Gen. J. R. Doe of the U.S. Dept. arrived Feb. 21 at 9 a.m. ", size)
    out["long_line"] = title + repeat_to("word ", size).replace(" ", "")
    out["long_sentence"] = title + repeat_to("word ", size).rstrip() + "."
    out["one_word_lines"] = title + repeat_to("Word\n", size)
    out["capitalised_runs"] = title + repeat_to("President Vladimir Putin Wang Yi Foreign Ministry Reuters ", size)
    out["cue_salad"] = title + repeat_to(
        "According to people familiar with the plan, U.S. officials told Reuters (AP) \u2014 Photo: Getty Images/AFP. ",
        size,
    )
    depth = max(1, size // 11)
    out["nested_html"] = "<!doctype html><html><body>" + "<div><p>" * (depth // 2) + "Deep text." + "</p></div>" * (depth // 2) + "</body></html>"
    out["unclosed_html"] = "<html><body>" + "<div>" * depth + "Unclosed."
    out["long_script"] = (
        "<!doctype html><html><head><title>Page</title></head><body><h1>Officials Meet in Moscow</h1><script>"
        + repeat_to("var s = '<p>not text</p><style>x</style>'; ", size)
        + "</script><p>The talks resumed on Monday, officials said.</p></body></html>"
    )
    out["unclosed_script"] = "<html><body><p>Before.</p><script>" + repeat_to("x = 1; ", size)
    out["many_comments"] = "<html><body>" + repeat_to("<!-- c --><p>Text.</p>", size)
    out["entities_html"] = "<html><body><p>" + repeat_to("&amp;&#x201c;&#8221;&nbsp;&lsquo;&rsquo;&bogus;&#99999999; ", size) + "</p></body></html>"
    out["meta_tags"] = "<html><head>" + repeat_to('<meta property="og:title" content="T"><meta name="author" content="By Jane Doe">', size) + "</head><body><p>Body text here.</p></body></html>"
    out["blank_lines"] = title + repeat_to("\n\n\n \t\n", size) + "End."
    out["crlf"] = title.replace("\n", "\r\n") + repeat_to("A line said Reuters.\r\n\r\n", size)
    return out


def json_article(text: str, title: str) -> str:
    return json.dumps({"title": title, "text": text, "url": "https://example.com/a", "date": "2023-02-21", "authors": ["Jane Doe"]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--shape-bytes", type=int, default=4096)
    parser.add_argument("--html-pages", type=int, default=2)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    seeds: dict[str, str] = {}
    for path in sorted((ROOT / "python/newsframe/sample").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        seeds[f"sample_{path.stem}"] = text
        seeds[f"sample_{path.stem}_json"] = json_article(text, text.strip().splitlines()[0])
    pages = sorted((ROOT / "tests/dev/html").glob("*.html"), key=lambda p: p.stat().st_size)
    for path in pages[: args.html_pages]:
        html = path.read_text(encoding="utf-8", errors="replace")
        seeds[f"html_{path.stem}"] = html
        seeds[f"html_{path.stem}_json"] = json_article(html, "")
    seeds.update(shapes(args.shape_bytes))
    seeds["json_not_object"] = "[1, 2, 3]"
    seeds["json_no_text"] = '{"title": "T", "authors": "Jane Doe"}'
    for name, text in seeds.items():
        (args.out / name).write_bytes(text.encode("utf-8"))
    # Bytes no text has: invalid UTF-8, a UTF-16 page with its BOM, NUL after the first 8 KiB.
    (args.out / "invalid_utf8").write_bytes(b"Title\n\nHello \xff\xfe world \xc3\x28 said Reuters.\n")
    (args.out / "utf16_bom").write_bytes("Title\n\nHe said \u201cyes\u201d.".encode("utf-16"))
    (args.out / "nul_late").write_bytes(b"Title\n\n" + b"Prose goes on. " * 600 + b"\x00\x00 tail.")
    print(f"{len(seeds) + 3} seeds in {args.out}")


if __name__ == "__main__":
    main()
