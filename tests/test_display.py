"""The article view and notebook summary: every span shown once, well-formed, escaped, saved."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

import newsframe as nf
from newsframe import display

ARTICLE_ID = "a/1"
KINDS = {"entity": ("entities", "mention_id"), "quote": ("quotes", "quote_id"), "citation": ("citations", "citation_id")}

# The contract's columns, enough to build a corpus by hand.
SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "articles": {
        "article_id": pl.String, "source": pl.String, "format": pl.String, "title": pl.String,
        "subtitle": pl.String, "outlet": pl.String, "authors": pl.List(pl.String), "published": pl.Date,
        "body": pl.String, "n_paragraphs": pl.UInt32, "n_words": pl.UInt32, "content_hash": pl.String,
    },
    "paragraphs": {"article_id": pl.String, "paragraph_id": pl.UInt32, "role": pl.String, "text": pl.String},
    "entities": {
        "article_id": pl.String, "mention_id": pl.UInt32, "paragraph_id": pl.UInt32, "start": pl.UInt32,
        "end": pl.UInt32, "text": pl.String, "type": pl.String, "entity_id": pl.String, "name": pl.String,
        "role": pl.String,
    },
    "quotes": {
        "article_id": pl.String, "quote_id": pl.UInt32, "paragraph_id": pl.UInt32, "start": pl.UInt32,
        "end_paragraph_id": pl.UInt32, "end": pl.UInt32, "text": pl.String, "kind": pl.String,
        "speaker": pl.String, "speaker_name": pl.String, "speaker_entity_id": pl.String, "cue": pl.String,
        "quote_group": pl.String,
    },
    "citations": {
        "article_id": pl.String, "citation_id": pl.UInt32, "kind": pl.String, "source": pl.String,
        "source_text": pl.String, "source_entity_id": pl.String, "paragraph_id": pl.UInt32, "start": pl.UInt32,
        "end": pl.UInt32, "marker": pl.String, "title": pl.String, "date": pl.Date, "url": pl.String,
        "cited_in": pl.List(pl.UInt32),
    },
    "errors": {"source": pl.String, "kind": pl.String, "error": pl.String},
}


def make_corpus(paragraphs: list[tuple[str, str]], *, entities=(), quotes=(), citations=(), title=None) -> nf.Corpus:
    """A one-article corpus: ``paragraphs`` as (role, text); spans as dicts of the columns that matter."""

    def frame(name: str, rows) -> pl.DataFrame:
        full = [{c: row.get(c) for c in SCHEMAS[name]} | {"article_id": ARTICLE_ID} for row in rows]
        return pl.DataFrame(full, schema=SCHEMAS[name])

    article = {
        "source": "synthetic", "format": "text", "title": title, "outlet": "The Daily Test",
        "authors": ["Ann Writer"], "body": "", "n_paragraphs": 0, "n_words": 0, "content_hash": "0",
    }
    return nf.Corpus({
        "articles": frame("articles", [article]),
        "paragraphs": frame("paragraphs", [{"paragraph_id": i, "role": r, "text": t} for i, (r, t) in enumerate(paragraphs)]),
        "entities": frame("entities", [{"mention_id": i, "type": "PERSON"} | e for i, e in enumerate(entities)]),
        "quotes": frame("quotes", [{"quote_id": i, "kind": "direct", "quote_group": f"g{i}"} | q for i, q in enumerate(quotes)]),
        "citations": frame("citations", [{"citation_id": i, "kind": "media", "cited_in": []} | c for i, c in enumerate(citations)]),
        "errors": pl.DataFrame(schema=SCHEMAS["errors"]),
    })


class TagChecker(HTMLParser):
    """Collects highlights and the text a reader sees; notes any tag closed out of order or left open.

    ``text`` is the page's text without labels; ``marked["<kind> <data-id>"]`` the text inside every
    piece of one highlight, labels excluded; ``labels["<kind> <data-id>"]`` how many labels it shows.
    """

    VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, data-kind)
        self.problems: list[str] = []
        self.highlights: list[dict[str, str | None]] = []  # attributes, plus "inside": enclosing kinds
        self.ids: list[str | None] = []  # "<kind> <data-id>" of each open element (None for plain ones)
        self.label_depth = 0
        self.text = ""
        self.marked: dict[str, str] = {}
        self.labels: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        if "data-kind" in attributes:
            inside = " ".join(kind for _, kind in self.stack if kind)
            self.highlights.append(attributes | {"inside": inside})
        self.stack.append((tag, attributes.get("data-kind")))
        self.ids.append(f"{attributes['data-kind']} {attributes.get('data-id')}" if "data-kind" in attributes else None)
        if "data-label" in attributes or self.label_depth:
            if not self.label_depth:
                owner = next((i for i in reversed(self.ids[:-1]) if i), "?")
                self.labels[owner] = self.labels.get(owner, 0) + 1
            self.label_depth += 1

    def handle_data(self, data: str) -> None:
        if self.label_depth:
            return
        self.text += data
        for data_id in set(filter(None, self.ids)):
            self.marked[data_id] = self.marked.get(data_id, "") + data

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1][0] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()
            self.ids.pop()
            if self.label_depth:
                self.label_depth -= 1


def check(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.stack, f"unclosed tags: {checker.stack}"
    return checker


def ids_of(checker: TagChecker, kind: str) -> set[str]:
    return {h["data-id"] for h in checker.highlights if h["data-kind"] == kind}  # type: ignore[misc]


# --- the sample corpus: every span of every frame shown once ------------------------------


def sample_ids() -> list[str]:
    return nf.sample().articles["article_id"].to_list()


@pytest.mark.parametrize("article_id", sample_ids())
def test_every_span_of_a_sample_article_is_highlighted_once(sample: nf.Corpus, article_id: str) -> None:
    page = display.render_article(sample, article_id)
    checker = check(page)
    for kind, (frame_name, id_col) in KINDS.items():
        rows = sample.frames()[frame_name].filter(pl.col("article_id") == article_id)
        expected = {f"{article_id}:{i}" for i in rows[id_col].to_list()}
        shown = ids_of(checker, kind)
        assert len(shown) == rows.height, f"{len(shown)} {kind} highlights for {rows.height} {frame_name} rows"
        assert shown == expected, f"{kind} highlights differ from the {frame_name} frame"
        assert all(checker.labels.get(f"{kind} {i}") == 1 for i in expected), f"every {kind} is labelled once"
    texts = dict(
        sample.paragraphs.filter(pl.col("article_id") == article_id).select("paragraph_id", "text").iter_rows()
    )
    for kind, frame_name in (("entity", "entities"), ("citation", "citations")):
        id_col = KINDS[kind][1]
        for row in sample.frames()[frame_name].filter(pl.col("article_id") == article_id).iter_rows(named=True):
            span = texts.get(row["paragraph_id"], "")[row["start"]:row["end"]]
            assert checker.marked.get(f"{kind} {article_id}:{row[id_col]}", "") == span
    for row in sample.quotes.filter(pl.col("article_id") == article_id).iter_rows(named=True):
        first, last = row["paragraph_id"], row["end_paragraph_id"]
        if first == last:
            span = texts.get(first, "")[row["start"]:row["end"]]
        else:  # a quote over paragraphs is marked in each; its pieces read on without a separator
            middle = "".join(texts[p] for p in sorted(texts) if first < p < last)
            span = texts.get(first, "")[row["start"]:] + middle + texts.get(last, "")[:row["end"]]
        assert checker.marked.get(f"quote {article_id}:{row['quote_id']}", "") == span


@pytest.mark.parametrize("article_id", sample_ids())
def test_sample_article_page_is_a_standalone_document(sample: nf.Corpus, article_id: str) -> None:
    page = display.render_article(sample, article_id)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    title = sample.articles.filter(pl.col("article_id") == article_id)["title"][0]
    if title:
        assert re.sub(r"<[^>]+>", "", page).count(title.split()[-1]) >= 1


def test_entity_highlight_covers_exactly_the_span_text(sample: nf.Corpus) -> None:
    if sample.entities.is_empty():
        pytest.skip("entities not produced yet")
    row = sample.entities.row(0, named=True)
    checker = check(display.render_article(sample, row["article_id"]))
    para = sample.paragraphs.filter(
        (pl.col("article_id") == row["article_id"]) & (pl.col("paragraph_id") == row["paragraph_id"])
    )["text"][0]
    assert checker.marked[f"entity {row['article_id']}:{row['mention_id']}"] == para[row["start"]:row["end"]]


# --- synthetic spans ---------------------------------------------------------------------


def test_entity_nested_in_a_quote_is_inside_the_quote_element() -> None:
    text = "He said: “Wang Yi is here.” Then left."
    corpus = make_corpus(
        [("body", text)],
        entities=[{"paragraph_id": 0, "start": 10, "end": 17, "name": "Wang Yi"}],
        quotes=[{"paragraph_id": 0, "start": 10, "end_paragraph_id": 0, "end": 26,
                 "speaker": "He", "speaker_name": "Li Wei", "cue": "said"}],
    )
    page = display.render_article(corpus, ARTICLE_ID)
    checker = check(page)
    assert ids_of(checker, "entity") == {f"{ARTICLE_ID}:0"} and ids_of(checker, "quote") == {f"{ARTICLE_ID}:0"}
    (entity,) = [h for h in checker.highlights if h["data-kind"] == "entity"]
    (quote,) = [h for h in checker.highlights if h["data-kind"] == "quote"]
    assert entity["inside"] == "quote" and quote["inside"] == ""
    assert "— Li Wei (said)" in page
    assert "He said: “Wang Yi is here.” Then left." in checker.text
    assert checker.marked == {f"entity {ARTICLE_ID}:0": "Wang Yi", f"quote {ARTICLE_ID}:0": "Wang Yi is here."}


def test_identical_spans_nest_citation_around_entity() -> None:
    corpus = make_corpus(
        [("body", "Reuters reported the talks.")],
        entities=[{"paragraph_id": 0, "start": 0, "end": 7, "type": "MEDIA", "name": "Reuters"}],
        citations=[{"paragraph_id": 0, "start": 0, "end": 7, "source": "Reuters", "source_text": "Reuters"}],
    )
    page = display.render_article(corpus, ARTICLE_ID)
    checker = check(page)
    (entity,) = [h for h in checker.highlights if h["data-kind"] == "entity"]
    (citation,) = [h for h in checker.highlights if h["data-kind"] == "citation"]
    assert entity["inside"] == "citation" and citation["inside"] == ""
    assert "media: Reuters" in page


def test_crossing_spans_are_split_and_counted_once() -> None:
    text = "alpha beta gamma delta"
    # quote "alpha beta gamma" [0,16) crosses entity "gamma delta" [11,22)
    corpus = make_corpus(
        [("body", text)],
        entities=[{"paragraph_id": 0, "start": 11, "end": 22, "name": "Gamma Delta"}],
        quotes=[{"paragraph_id": 0, "start": 0, "end_paragraph_id": 0, "end": 16}],
    )
    page = display.render_article(corpus, ARTICLE_ID)
    checker = check(page)
    entity_pieces = [h for h in checker.highlights if h["data-kind"] == "entity"]
    assert [h["inside"] for h in entity_pieces] == ["quote", ""], "the crossing entity is cut at the quote's end"
    assert ids_of(checker, "entity") == {f"{ARTICLE_ID}:0"}
    assert "alpha beta gamma delta" in checker.text
    assert checker.marked[f"entity {ARTICLE_ID}:0"] == "gamma delta"
    assert checker.labels == {f"entity {ARTICLE_ID}:0": 1, f"quote {ARTICLE_ID}:0": 1}, "cut spans are labelled once"


def test_nest_spans_builds_a_proper_tree() -> None:
    def h(start: int, end: int, kind: str, i: str) -> display.Highlight:
        return display.Highlight(start, end, kind, i, "", "", "")

    forest = display.nest_spans([h(0, 10, "quote", "q"), h(2, 4, "entity", "e1"), h(8, 14, "entity", "e2")], 20)
    assert [(n.start, n.end) for n in forest] == [(0, 10), (10, 14)]
    assert [(c.start, c.end, c.highlight.data_id) for c in forest[0].children] == [(2, 4, "e1"), (8, 10, "e2")]
    assert forest[0].children[1].highlight.has_label is False and forest[1].highlight.has_label is True


def test_random_overlapping_spans_stay_well_formed_and_exact() -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("abc <&>“”") for _ in range(60))
    spans = []
    for _ in range(40):
        start = rng.randrange(0, 60)
        spans.append({"paragraph_id": 0, "start": start, "end": min(60, start + rng.randrange(0, 15))})
    corpus = make_corpus(
        [("body", text)],
        entities=spans[:20],
        quotes=[s | {"end_paragraph_id": 0} for s in spans[20:30]],
        citations=spans[30:],
    )
    checker = check(display.render_article(corpus, ARTICLE_ID))
    assert text in checker.text
    for kind, chunk in (("entity", spans[:20]), ("quote", spans[20:30]), ("citation", spans[30:])):
        assert ids_of(checker, kind) == {f"{ARTICLE_ID}:{i}" for i in range(len(chunk))}
        for i, span in enumerate(chunk):
            key = f"{kind} {ARTICLE_ID}:{i}"
            assert checker.marked.get(key, "") == text[span["start"]:span["end"]], key
            assert checker.labels[key] == 1, key


def test_quote_over_two_paragraphs_is_marked_in_both_and_labelled_once() -> None:
    corpus = make_corpus(
        [("body", "“First part of it."), ("body", "Second part,” she said.")],
        quotes=[{"paragraph_id": 0, "start": 1, "end_paragraph_id": 1, "end": 11, "speaker_name": "Ann Lee", "cue": "said"}],
    )
    page = display.render_article(corpus, ARTICLE_ID)
    checker = check(page)
    pieces = [h for h in checker.highlights if h["data-kind"] == "quote"]
    assert len(pieces) == 2 and ids_of(checker, "quote") == {f"{ARTICLE_ID}:0"}
    assert page.count("— Ann Lee (said)") == 1


def test_scare_and_unattributed_quote_labels() -> None:
    assert display.quote_label({"kind": "scare", "speaker_name": "X"}) == "scare quote"
    assert display.quote_label({"kind": "direct"}) == "— unattributed"
    assert display.quote_label({"kind": "partial", "speaker": "he", "cue": "added"}) == "— he (added) · partial"


def test_text_is_escaped() -> None:
    corpus = make_corpus(
        [("title", "<b>Bold</b> claims"), ("body", "Evil <script>alert('x')</script> & co said \"hi\".")],
        entities=[{"paragraph_id": 1, "start": 5, "end": 13, "type": "ORG", "name": "<script>"}],
        title="<b>Bold</b> claims",
    )
    page = display.render_article(corpus, ARTICLE_ID)
    check(page)
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&amp; co" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page


def test_non_story_blocks_are_shown_only_when_they_hold_a_span() -> None:
    corpus = make_corpus(
        [("title", "Talks"), ("body", "Talks went on."), ("nav", "Home News"), ("credit", "Photo: Reuters")],
        citations=[{"paragraph_id": 3, "start": 7, "end": 14, "kind": "photo", "source": "Reuters"}],
    )
    page = display.render_article(corpus, ARTICLE_ID)
    assert "Home News" not in page and "Photo: " in page and "photo: Reuters" in page
    assert "Home News" in display.render_article(corpus, ARTICLE_ID, all_blocks=True)


def test_spans_out_of_range_or_on_missing_paragraphs_are_still_shown() -> None:
    corpus = make_corpus(
        [("body", "Short.")],
        entities=[
            {"paragraph_id": 0, "start": 3, "end": 99, "name": "Overlong"},
            {"paragraph_id": 7, "start": 0, "end": 4, "name": "Nowhere"},
        ],
    )
    checker = check(display.render_article(corpus, ARTICLE_ID))
    assert ids_of(checker, "entity") == {f"{ARTICLE_ID}:0", f"{ARTICLE_ID}:1"}


def test_unknown_article_id_raises_key_error_naming_valid_ids() -> None:
    corpus = make_corpus([("body", "Text.")])
    with pytest.raises(KeyError, match=re.escape(repr(ARTICLE_ID))):
        display.render_article(corpus, "nope")
    with pytest.raises(KeyError, match="nope"):
        corpus.show("nope", path="unused.html")


def test_show_writes_the_page_to_the_given_path(tmp_path: Path) -> None:
    corpus = make_corpus([("title", "Talks"), ("body", "Talks went on.")])
    out = corpus.show(path=tmp_path / "sub" / "page.html")
    assert out == tmp_path / "sub" / "page.html"
    assert out.read_text(encoding="utf-8") == display.render_article(corpus, ARTICLE_ID)


def test_show_outside_jupyter_writes_a_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = display.show(make_corpus([("body", "Text.")]))
    assert isinstance(out, Path) and out.name == "newsframe-a_1.html" and out.exists()


def test_show_in_a_kernel_returns_html(monkeypatch: pytest.MonkeyPatch) -> None:
    ipython_display = pytest.importorskip("IPython.display")
    monkeypatch.setattr(display, "_in_notebook", lambda: True)
    shown = display.show(make_corpus([("body", "Text here.")]))
    assert isinstance(shown, ipython_display.HTML) and "Text here." in shown.data


def test_corpus_html_lists_every_frame_with_its_size(sample: nf.Corpus) -> None:
    summary = sample._repr_html_()
    check(summary)
    for name, frame in sample.frames().items():
        assert f">{frame.height}<" in summary and name in summary
    assert "<script" not in summary and "<link" not in summary


def test_corpus_html_escapes_and_truncates() -> None:
    corpus = make_corpus([("body", "<img src=x onerror=alert(1)> " + "long " * 50)])
    summary = display.corpus_html(corpus)
    check(summary)
    assert "<img" not in summary and "&lt;img" in summary and "…" in summary
