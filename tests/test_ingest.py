"""Ingestion: HTML through the parser, structured metadata, JSON Lines, compressed and wide input,
and whole-page text dumps from several renderers."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import newsframe as nf
import polars as pl

P1 = "The minister met his counterpart in Geneva on Tuesday, and the two discussed trade, security and the war."
P2 = "Officials said the talks would continue next week in the capital, according to a statement from the ministry."
P3 = "Analysts expect little progress before the summit, which is scheduled for the spring, diplomats said."


def page(head: str = "", body: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    "<article><h1>Ministers meet in Geneva</h1><p>By Jane Doe</p>"
    f"<p>{P1}</p><figure><img src='x.jpg'><figcaption>The ministers before the talks. (Reuters)</figcaption></figure>"
    f"<p>{P2}</p><script>var s = '<p>never text</p>';</script><p>{P3}</p></article>"
    "<aside><p>Most read: another story about something else entirely</p></aside>"
    "<footer><p>Copyright 2024 The Daily Planet. All rights reserved.</p></footer>"
)


def one(html: str):
    corpus = nf.from_texts([html], ids=["a"], format="html")
    assert corpus.errors.height == 0
    return corpus.articles.row(0, named=True), corpus.paragraphs


def test_html_body_comes_from_the_dom_without_chrome_or_scripts() -> None:
    art, paras = one(page(body=ARTICLE))
    assert art["title"] == "Ministers meet in Geneva"
    assert art["body"] == "\n\n".join([P1, P2, P3])
    roles = dict(zip(paras["text"], paras["role"]))
    assert roles["The ministers before the talks. (Reuters)"] == "caption"
    assert roles["Home"] == "nav"
    assert "never text" not in " ".join(paras["text"])


def test_json_ld_news_article_fields() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ministers meet in Geneva",
        "datePublished": "2023-02-22T10:00:00Z",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Staff"}],
        "publisher": {"@type": "Organization", "name": "The Daily Planet"},
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    art, _ = one(page(head, ARTICLE))
    assert art["authors"] == ["Jane Doe"]
    assert art["published"] == dt.date(2023, 2, 22)
    assert art["outlet"] == "The Daily Planet"


def test_json_ld_graph_with_author_references_and_lists() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://x.example/#page", "name": "Page"},
            {"@type": ["ReportageNewsArticle"], "headline": "Ministers meet in Geneva",
             "author": [{"@id": "#p1"}, {"@id": "#p2"}], "datePublished": "2024-05-01"},
            {"@type": "Person", "@id": "#p1", "name": "Jane Doe"},
            {"@type": "Person", "@id": "#p2", "name": "John Roe"},
        ],
    }
    listed = [{"@type": "BreadcrumbList"}, ld]
    head = f'<script type="application/ld+json">{json.dumps(listed)}</script>'
    art, _ = one(page(head, ARTICLE))
    assert art["authors"] == ["Jane Doe", "John Roe"]
    assert art["published"] == dt.date(2024, 5, 1)


def test_meta_tags_and_time_element_without_json_ld() -> None:
    head = '<meta property="og:site_name" content="The Daily Planet"><meta name="author" content="Jane Doe">'
    body = ARTICLE.replace("<p>By Jane Doe</p>", '<time datetime="2021-03-04T05:06:07Z">March 4</time>')
    art, _ = one(page(head, body))
    assert art["outlet"] == "The Daily Planet"
    assert art["authors"] == ["Jane Doe"]
    assert art["published"] == dt.date(2021, 3, 4)


def test_deeply_nested_html_is_an_article() -> None:
    depth = 100_000
    html = "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth
    corpus = nf.from_texts([html], ids=["deep"], format="html")
    assert corpus.articles["body"].to_list() == [P1]


def test_jsonl_gives_an_article_per_line_and_an_error_per_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"maintext": f"{P1} {P2}", "title": "First story here", "authors": ["Jane Doe"],
                    "date_publish": "2023-02-22 10:00:00", "url": "https://x.example/1", "source_domain": "x.example"}),
        "{not json",
        json.dumps({"title": "no text field"}),
        "",
        json.dumps({"text": f"{P3} {P1}", "title": "Second story here"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = nf.read(path)
    arts = corpus.articles
    assert arts["article_id"].to_list() == ["dump.jsonl:1", "dump.jsonl:5"]
    assert arts["title"].to_list() == ["First story here", "Second story here"]
    assert arts["authors"][0].to_list() == ["Jane Doe"]
    assert arts["published"][0] == dt.date(2023, 2, 22)
    errors = corpus.errors
    assert errors.height == 2
    assert {s.rsplit(":", 1)[1] for s in errors["source"]} == {"2", "3"}
    assert set(errors["kind"]) == {"format"}


def test_gzip_and_zstd_inputs_are_decompressed(tmp_path: Path) -> None:
    html = page(body=ARTICLE).encode()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html))
    lines = (json.dumps({"text": P1}) + "\n" + json.dumps({"text": P2}) + "\n").encode()
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(lines))
    corpus = nf.read(tmp_path)
    assert corpus.errors.height == 0
    by_id = {r["article_id"]: r for r in corpus.articles.iter_rows(named=True)}
    assert by_id["page.html.gz"]["title"] == "Ministers meet in Geneva"
    assert by_id["page.html.gz"]["format"] == "html"
    assert {"dump.jsonl.gz:1", "dump.jsonl.gz:2"} <= set(by_id)


def test_a_zip_bomb_is_an_error_not_an_oom(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (30 << 20)))
    corpus = nf.read(tmp_path / "bomb.txt.gz", max_bytes=1 << 20)
    assert corpus.articles.height == 0
    assert corpus.errors["kind"].to_list() == ["too_large"]


def test_utf16_and_nul_bytes_are_decoded(tmp_path: Path) -> None:
    text = f"Ministers Meet in Geneva\n\n{P1}\n\n{P2}\n"
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "wide-nobom.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "nul.txt").write_bytes(text.replace("Geneva on", "Geneva\0 on").encode())
    corpus = nf.read(tmp_path)
    assert corpus.errors.height == 0
    assert corpus.articles.height == 3
    for row in corpus.articles.iter_rows(named=True):
        assert row["title"] == "Ministers Meet in Geneva", row["article_id"]
        assert P2 in row["body"], row["article_id"]
    nul = corpus.articles.filter(pl.col("article_id") == "nul.txt")
    assert any("NUL" in w for w in nul["warnings"][0])


# Whole-page dumps of one page as four renderers write its menus: the headline is the line the
# story hangs from, never a menu item.
MENU = ["News", "Politics", "Energy & Environment", "Breaking News Alerts", "Sign up"]
RENDERED = {
    "inscriptis": "\n".join(f"  * {m}\n      + {m} today" for m in MENU),
    "html2text": "\n".join(f"  * [{m}](https://x.example/{i})" for i, m in enumerate(MENU)),
    "bs4": "\n".join(f"•\n{m}" if i % 2 else f"• {m}" for i, m in enumerate(MENU)),
    "lynx": "\n".join(f"     * [{i}]{m}" for i, m in enumerate(MENU)),
}


def test_each_renderers_bullets_are_chrome_never_the_title() -> None:
    for renderer, menu in RENDERED.items():
        head = "# Ministers Meet in Geneva" if renderer == "html2text" else "Ministers Meet in Geneva"
        text = f"{menu}\n\n{head}\n\nBy Jane Doe\n\n{P1}\n\n{P2}\n\n{P3}\n\n{menu}\n"
        corpus = nf.from_texts([text], ids=[renderer], format="text")
        art = corpus.articles.row(0, named=True)
        assert art["title"] == "Ministers Meet in Geneva", renderer
        assert art["body"] == "\n\n".join([P1, P2, P3]), renderer
        roles = corpus.paragraphs.filter(corpus.paragraphs["role"] == "body")["text"].to_list()
        assert not any(m in " ".join(roles) for m in MENU), renderer
