"""Plain-HTML views of a corpus: a notebook summary and a displaCy-style article reader.

This module owns everything a person *looks at*: :func:`corpus_html` (what a notebook shows for a
``Corpus``), :func:`render_article` (one article with its entity mentions, quotes and citations
highlighted) and :func:`show` (that article in Jupyter, or as a file).

Design, after spaCy's displaCy: offsets into ``paragraphs.text`` are the single source of truth, and
the page is generated from them alone, never from the ``text`` columns of the span frames. Spans of
one paragraph become a tree of intervals (a quote holds an entity, a citation holds the entity that
is its source); a span that *crosses* another without nesting is cut into pieces at the other's
boundary, so the markup stays well-formed. Every piece carries ``data-kind`` and ``data-id``
(``<article_id>:<row id>``) so a span cut into pieces still counts once; its label goes on the last
piece. Output is a self-contained document with inline styles only: it renders the same in
JupyterLab, VS Code and a saved file opened offline.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field, replace
from heapq import heappop, heappush
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import polars as pl

from newsframe._files import write_atomically

if TYPE_CHECKING:  # pragma: no cover - import cycle at runtime: corpus imports display lazily
    from IPython.display import HTML

    from newsframe.corpus import Corpus

__all__ = ["corpus_html", "render_article", "show"]

#: Paragraph roles that make up the story itself; other blocks are shown greyed when they hold a span.
STORY_ROLES: frozenset[str] = frozenset({"title", "subtitle", "heading", "body"})

#: Background per entity type (displaCy's palette where the type exists there).
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#c9bffd",
    "ORG": "#8ef0f0",
    "MEDIA": "#f7b9d7",
    "GPE": "#fed593",
    "LOC": "#ffb48e",
    "NORP": "#dcb0fc",
    "EVENT": "#fff09e",
}
_UNKNOWN_ENTITY_COLOUR = "#dddddd"

#: Quote kinds, from the contract, with the style of their highlight.
QUOTE_STYLES: dict[str, str] = {
    "direct": "background:#e1ecfb;border-bottom:2px solid #3b6fb6;",
    "partial": "background:#e9f0f9;border-bottom:2px dashed #3b6fb6;",
    "scare": "background:#f0f0f0;border-bottom:2px dotted #888888;",
    "title": "background:#e1ecfb;border-bottom:2px solid #3b6fb6;",
}
_QUOTE_LABEL_COLOUR = "#2f5d9e"
_CITATION_COLOUR = "#0f7b55"

#: Which span is outermost when two cover exactly the same text.
_KIND_RANK: dict[str, int] = {"quote": 0, "citation": 1, "entity": 2}

_FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif"
_LABEL = (
    "font-size:0.66em;font-weight:700;line-height:1;border-radius:0.25em;padding:0.15em 0.32em;"
    "margin-left:0.3em;vertical-align:middle;letter-spacing:0.02em;white-space:nowrap;"
    "font-style:normal;text-decoration:none;"
)


@dataclass(frozen=True)
class Highlight:
    """One span to mark inside one paragraph: ``text[start:end]``, with how it should look."""

    start: int
    end: int
    kind: str  # "entity", "quote" or "citation"
    data_id: str  # "<article_id>:<row id>", shared by every piece of one span
    style: str
    label_html: str  # shown after the span's last piece; "" for none
    title: str  # tooltip
    has_label: bool = True  # False for the leading pieces of a span cut into several


@dataclass
class _Node:
    highlight: Highlight | None
    start: int
    end: int
    children: list["_Node"] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The interval tree


def nest_spans(highlights: Iterable[Highlight], length: int) -> list[_Node]:
    """Arranges one paragraph's highlights as a forest of properly nested intervals.

    Spans are clamped to ``[0, length]``. A span that crosses one already open (starts inside it,
    ends after it) is cut at that span's end; the rest is queued again and may be cut again.
    """
    queue: list[tuple[int, int, int, int, Highlight]] = []
    for seq, h in enumerate(highlights):
        start = max(0, min(h.start, length))
        end = max(start, min(h.end, length))
        heappush(queue, (start, -end, _KIND_RANK.get(h.kind, 9), seq, _replace_span(h, start, end)))
    root = _Node(None, 0, length)
    stack: list[_Node] = [root]
    seq = len(queue)
    while queue:
        start, neg_end, rank, _, h = heappop(queue)
        end = -neg_end
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:  # crosses the open span: keep the part inside, queue the rest
            seq += 1
            rest = _replace_span(h, parent.end, end)
            heappush(queue, (parent.end, -end, rank, seq, rest))
            h = _replace_span(h, start, parent.end, has_label=False)
            end = parent.end
        node = _Node(h, start, end)
        parent.children.append(node)
        stack.append(node)
    return root.children


def _replace_span(h: Highlight, start: int, end: int, *, has_label: bool | None = None) -> Highlight:
    return replace(h, start=start, end=end, has_label=h.has_label if has_label is None else has_label)


def _render_nodes(text: str, nodes: Sequence[_Node], start: int, end: int) -> str:
    out: list[str] = []
    pos = start
    for node in nodes:
        out.append(html.escape(text[pos:node.start]))
        out.append(_render_node(text, node))
        pos = node.end
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def _render_node(text: str, node: _Node) -> str:
    h = node.highlight
    assert h is not None
    tag = "mark" if h.kind == "entity" else "span"
    inner = _render_nodes(text, node.children, node.start, node.end)
    label = h.label_html if h.has_label else ""
    return (
        f'<{tag} data-kind="{h.kind}" data-id="{_attr(h.data_id)}" title="{_attr(h.title)}" '
        f'style="{h.style}">{inner}{label}</{tag}>'
    )


def highlight_paragraph(text: str, highlights: Iterable[Highlight]) -> str:
    """The paragraph's text as escaped HTML, with every highlight marked up (nested, never crossed)."""
    return _render_nodes(text, nest_spans(highlights, len(text)), 0, len(text))


# ---------------------------------------------------------------------------------------------
# Frames to highlights


def _rows(frame: pl.DataFrame, article_id: str) -> list[dict[str, Any]]:
    if frame.is_empty() or "article_id" not in frame.columns:
        return []
    return list(frame.filter(pl.col("article_id") == article_id).iter_rows(named=True))


def _attr(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _int(value: object, default: int = 0) -> int:
    return default if value is None else int(value)  # type: ignore[arg-type]


def _tooltip(pairs: Iterable[tuple[str, object]]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in pairs if v not in (None, "", []))


def _entity_highlight(row: dict[str, Any], article_id: str) -> tuple[int, Highlight]:
    etype = str(row.get("type") or "?")
    colour = ENTITY_COLOURS.get(etype, _UNKNOWN_ENTITY_COLOUR)
    style = (
        f"background:{colour};padding:0.1em 0.3em;margin:0 0.1em;border-radius:0.3em;"
        "line-height:1.9;box-decoration-break:clone;-webkit-box-decoration-break:clone;color:inherit;"
    )
    label = f'<span data-label style="{_LABEL}background:rgba(255,255,255,0.65);color:#333;">{html.escape(etype)}</span>'
    title = _tooltip([
        ("entity", etype), ("name", row.get("name")), ("role", row.get("role")),
        ("entity_id", row.get("entity_id")), ("mention_id", row.get("mention_id")),
    ])
    h = Highlight(_int(row.get("start")), _int(row.get("end")), "entity",
                  f"{article_id}:{row.get('mention_id')}", style, label, title)
    return _int(row.get("paragraph_id")), h


def quote_label(row: dict[str, Any]) -> str:
    """The words shown after a quote: ``— Wang Yi (said)``, ``scare quote``, ``— unattributed``."""
    kind = row.get("kind") or "direct"
    if kind == "scare":
        return "scare quote"
    who = row.get("speaker_name") or row.get("speaker") or "unattributed"
    cue = row.get("cue")
    text = f"— {who} ({cue})" if cue else f"— {who}"
    if kind in ("partial", "title"):
        text += f" · {kind}"
    return text


def _quote_highlights(row: dict[str, Any], article_id: str, lengths: dict[int, int]) -> list[tuple[int, Highlight]]:
    kind = str(row.get("kind") or "direct")
    style = QUOTE_STYLES.get(kind, QUOTE_STYLES["direct"]) + (
        "padding:0.05em 0.1em;box-decoration-break:clone;-webkit-box-decoration-break:clone;"
    )
    colour = "#666666" if kind == "scare" else _QUOTE_LABEL_COLOUR
    label = (
        f'<span data-label style="{_LABEL}background:{colour};color:#ffffff;">'
        f"{html.escape(quote_label(row))}</span>"
    )
    title = _tooltip([
        ("quote", kind), ("speaker as written", row.get("speaker")), ("speaker", row.get("speaker_name")),
        ("speaker_entity_id", row.get("speaker_entity_id")), ("cue", row.get("cue")),
        ("quote_group", row.get("quote_group")), ("quote_id", row.get("quote_id")),
    ])
    data_id = f"{article_id}:{row.get('quote_id')}"
    first = _int(row.get("paragraph_id"))
    last = _int(row.get("end_paragraph_id"), first)
    start, end = _int(row.get("start")), _int(row.get("end"))
    if last <= first:  # one paragraph (or an inverted range: keep it where it starts)
        return [(first, Highlight(start, end if last == first else lengths.get(first, end), "quote",
                                  data_id, style, label, title))]
    # One piece per paragraph; only the last one carries the label.
    pieces = [(first, Highlight(start, lengths.get(first, start), "quote", data_id, style, label, title, False))]
    pieces += [
        (p, Highlight(0, lengths[p], "quote", data_id, style, label, title, False))
        for p in sorted(lengths) if first < p < last
    ]
    pieces.append((last, Highlight(0, end, "quote", data_id, style, label, title)))
    return pieces


def _citation_highlight(row: dict[str, Any], article_id: str) -> tuple[int, Highlight]:
    kind = str(row.get("kind") or "?")
    style = (
        f"border-bottom:2.5px solid {_CITATION_COLOUR};padding-bottom:0.12em;"
        "box-decoration-break:clone;-webkit-box-decoration-break:clone;"
    )
    marker = f" [{row['marker']}]" if row.get("marker") else ""
    source = row.get("source") or row.get("source_text") or ""
    label = (
        f'<span data-label style="{_LABEL}background:#e3f4ec;color:{_CITATION_COLOUR};border:1px solid {_CITATION_COLOUR};">'
        f"{html.escape(kind)}{html.escape(marker)}: {html.escape(str(source))}</span>"
    )
    title = _tooltip([
        ("citation", kind), ("source", source), ("source_entity_id", row.get("source_entity_id")),
        ("title", row.get("title")), ("date", row.get("date")), ("url", row.get("url")),
        ("citation_id", row.get("citation_id")),
    ])
    h = Highlight(_int(row.get("start")), _int(row.get("end")), "citation",
                  f"{article_id}:{row.get('citation_id')}", style, label, title)
    return _int(row.get("paragraph_id")), h


def article_highlights(corpus: "Corpus", article_id: str) -> dict[int, list[Highlight]]:
    """Every span of one article (entities, quotes, citations), grouped by ``paragraph_id``."""
    lengths = {
        int(r["paragraph_id"]): len(r["text"] or "")
        for r in _rows(corpus.paragraphs, article_id)
    }
    by_paragraph: dict[int, list[Highlight]] = {}
    placed: list[tuple[int, Highlight]] = []
    placed += [_entity_highlight(r, article_id) for r in _rows(corpus.entities, article_id)]
    for r in _rows(corpus.quotes, article_id):
        placed += _quote_highlights(r, article_id, lengths)
    placed += [_citation_highlight(r, article_id) for r in _rows(corpus.citations, article_id)]
    for pid, h in placed:
        by_paragraph.setdefault(pid, []).append(h)
    return by_paragraph


# ---------------------------------------------------------------------------------------------
# The article page

_PAGE = (
    f"font-family:{_FONT};max-width:860px;margin:0 auto;padding:1.5em 1.5em 2em;color:#1f1f1f;"
    "background:#ffffff;font-size:17px;line-height:1.75;"
)
_BLOCK_STYLES: dict[str, tuple[str, str]] = {
    "title": ("h1", "font-size:1.8em;line-height:1.45;margin:0.2em 0 0.3em;font-weight:700;"),
    "subtitle": ("p", "font-size:1.15em;color:#444;margin:0 0 0.8em;font-style:italic;"),
    "heading": ("h3", "font-size:1.2em;margin:1.2em 0 0.4em;font-weight:700;"),
    "body": ("p", "margin:0 0 0.9em;"),
}
_ASIDE_STYLE = "margin:0 0 0.9em;color:#777;font-size:0.9em;border-left:3px solid #dddddd;padding-left:0.7em;"
_ROLE_TAG = (
    "font-size:0.7em;text-transform:uppercase;letter-spacing:0.05em;color:#999;margin-right:0.5em;"
    "font-weight:600;"
)


def _article_row(corpus: "Corpus", article_id: str) -> dict[str, Any]:
    rows = list(_rows(corpus.articles, article_id))
    if not rows:
        raise KeyError(_unknown_id_message(corpus, article_id))
    return rows[0]


def _unknown_id_message(corpus: "Corpus", article_id: object) -> str:
    ids = corpus.articles["article_id"].to_list() if "article_id" in corpus.articles.columns else []
    if not ids:
        return f"unknown article_id {article_id!r}: the corpus has no articles"
    shown = ", ".join(repr(i) for i in ids[:5])
    more = f" (and {len(ids) - 5} more)" if len(ids) > 5 else ""
    return (
        f"unknown article_id {article_id!r}; valid ids include {shown}{more}. "
        "See corpus.articles['article_id'] for all of them."
    )


def _meta_line(article: dict[str, Any]) -> str:
    parts: list[str] = []
    if article.get("outlet"):
        parts.append(f"<strong>{html.escape(str(article['outlet']))}</strong>")
    authors = [a for a in (article.get("authors") or []) if a]
    if authors:
        parts.append("By " + html.escape(", ".join(authors)))
    if article.get("published"):
        parts.append(html.escape(str(article["published"])))
    if not parts:
        parts.append("<em>outlet, authors and date not stated</em>")
    source = article.get("source") or ""
    return (
        '<div style="color:#555;font-size:0.9em;margin:0 0 1.2em;padding-bottom:0.8em;'
        'border-bottom:1px solid #e5e5e5;">'
        + " · ".join(parts)
        + f'<div style="color:#999;font-size:0.85em;">{html.escape(str(article.get("article_id")))}'
        + (f" — {html.escape(str(source))}" if source and source != article.get("article_id") else "")
        + "</div></div>"
    )


def _legend(highlights: dict[int, list[Highlight]], types: Iterable[str]) -> str:
    all_h = [h for hs in highlights.values() for h in hs]
    shown_types = list(ENTITY_COLOURS) + sorted(set(types) - set(ENTITY_COLOURS))
    chips = "".join(
        f'<span style="background:{ENTITY_COLOURS.get(t, _UNKNOWN_ENTITY_COLOUR)};padding:0.1em 0.45em;'
        f'border-radius:0.3em;margin:0 0.35em 0.3em 0;display:inline-block;font-size:0.8em;font-weight:600;">'
        f"{html.escape(t)}</span>"
        for t in shown_types
    )
    counts = {k: len({h.data_id for h in all_h if h.kind == k}) for k in _KIND_RANK}
    quote = (
        f'<span style="{QUOTE_STYLES["direct"]}padding:0 0.3em;font-size:0.85em;">direct quote</span> '
        f'<span style="{QUOTE_STYLES["partial"]}padding:0 0.3em;font-size:0.85em;">partial</span> '
        f'<span style="{QUOTE_STYLES["scare"]}padding:0 0.3em;font-size:0.85em;">scare quote</span>'
    )
    citation = (
        f'<span style="border-bottom:2.5px solid {_CITATION_COLOUR};font-size:0.85em;">'
        "cited source</span>"
        f'<span style="{_LABEL}background:#e3f4ec;color:{_CITATION_COLOUR};border:1px solid {_CITATION_COLOUR};">'
        "kind: source</span>"
    )
    return (
        '<div style="background:#fafafa;border:1px solid #e5e5e5;border-radius:0.4em;padding:0.6em 0.8em;'
        'margin:0 0 1.4em;font-size:0.85em;line-height:1.6;">'
        f'<div style="margin-bottom:0.3em;"><strong>Entities</strong> ({counts["entity"]}): {chips}</div>'
        f'<div style="margin-bottom:0.3em;"><strong>Quotes</strong> ({counts["quote"]}): {quote}</div>'
        f'<div><strong>Citations</strong> ({counts["citation"]}): {citation}</div>'
        '<div style="color:#888;margin-top:0.3em;">Hover over a highlight for its canonical name and ids.</div>'
        "</div>"
    )


def _article_fragment(corpus: "Corpus", article_id: str, *, all_blocks: bool = False) -> str:
    article = _article_row(corpus, article_id)
    highlights = article_highlights(corpus, article_id)
    paragraphs = sorted(_rows(corpus.paragraphs, article_id), key=lambda r: int(r["paragraph_id"]))
    blocks: list[str] = []
    has_title_block = any(r.get("role") == "title" for r in paragraphs)
    if not has_title_block:
        tag, style = _BLOCK_STYLES["title"]
        title = article.get("title") or article_id
        blocks.append(f'<{tag} style="{style}">{html.escape(str(title))}</{tag}>')
    meta_at = 0
    omitted: dict[str, int] = {}
    seen: set[int] = set()
    for r in paragraphs:
        pid = int(r["paragraph_id"])
        seen.add(pid)
        role = str(r.get("role") or "other")
        text = str(r.get("text") or "")
        marked = highlight_paragraph(text, highlights.get(pid, []))
        data = f'data-paragraph-id="{pid}" data-role="{_attr(role)}"'
        if role in STORY_ROLES:
            tag, style = _BLOCK_STYLES[role]
            blocks.append(f'<{tag} {data} style="{style}">{marked}</{tag}>')
            if role in ("title", "subtitle"):
                meta_at = len(blocks)
        elif all_blocks or highlights.get(pid):
            blocks.append(
                f'<p {data} style="{_ASIDE_STYLE}"><span style="{_ROLE_TAG}">{html.escape(role)}</span>{marked}</p>'
            )
        else:
            omitted[role] = omitted.get(role, 0) + 1
    if not has_title_block:
        meta_at = 1
    types = {str(r.get("type") or "?") for r in _rows(corpus.entities, article_id)}
    blocks.insert(meta_at, _meta_line(article) + _legend(highlights, types))
    stray = {pid: hs for pid, hs in highlights.items() if pid not in seen}
    if stray:  # spans pointing at a paragraph the paragraphs frame lacks: still show them
        items = "".join(
            f'<li style="{_ASIDE_STYLE}">'
            + highlight_paragraph(f"{h.kind} in paragraph {pid}", [_replace_span(h, 0, 1 << 30, has_label=True)])
            + "</li>"
            for pid, hs in sorted(stray.items())
            for h in hs
        )
        blocks.append(
            '<div style="color:#a33;font-size:0.85em;">Spans whose paragraph is missing from the '
            f'paragraphs frame:</div><ul style="padding-left:1em;">{items}</ul>'
        )
    if omitted:
        note = ", ".join(f"{n} {role}" for role, n in sorted(omitted.items()))
        blocks.append(
            '<div style="color:#999;font-size:0.8em;margin-top:1.5em;border-top:1px solid #eee;padding-top:0.5em;">'
            f"Not shown (no spans, not part of the story): {html.escape(note)} blocks.</div>"
        )
    return f'<div class="newsframe-article" style="{_PAGE}">' + "".join(blocks) + "</div>"


def render_article(corpus: "Corpus", article_id: str, *, all_blocks: bool = False) -> str:
    """Renders one article as a standalone HTML document with every span highlighted.

    Story blocks (title, subtitle, headings, body) are shown in reading order; other blocks
    (captions, credits, references, ...) are shown greyed when they hold a span, or always with
    ``all_blocks=True``. Entity mentions get a colour per type and a type label, quotes a tinted
    background and a speaker label (``— Wang Yi (said)``), citations an underline and a
    ``kind: source`` label. Every highlight element has ``data-kind`` (``entity``, ``quote``,
    ``citation``) and ``data-id`` (``<article_id>:<mention_id|quote_id|citation_id>``); a span cut
    into pieces to keep the markup well-formed repeats its ``data-id``.

    Raises ``KeyError`` when ``article_id`` is not in ``corpus.articles``.
    """
    fragment = _article_fragment(corpus, article_id, all_blocks=all_blocks)
    article = _article_row(corpus, article_id)
    title = html.escape(str(article.get("title") or article_id))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} — newsframe</title></head>"
        f'<body style="margin:0;background:#ffffff;">{fragment}</body></html>\n'
    )


# ---------------------------------------------------------------------------------------------
# Showing it


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def default_path(article_id: str) -> Path:
    """``newsframe-<article_id with unsafe characters replaced>.html`` in the current directory."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._") or "article"
    return Path.cwd() / f"newsframe-{safe[:120]}.html"


def show(
    corpus: "Corpus",
    article_id: str | None = None,
    path: str | os.PathLike[str] | None = None,
) -> HTML | Path:
    """Shows one article with its entities, quotes and citations highlighted.

    ``article_id`` defaults to the first article. In a Jupyter kernel (and with no ``path``) this
    returns an ``IPython.display.HTML`` object, which the notebook displays; otherwise it writes
    the standalone page to ``path`` (default: ``newsframe-<article_id>.html`` in the current
    directory) and returns that ``pathlib.Path``.

    Raises ``KeyError`` for an unknown ``article_id`` (or an empty corpus), naming valid ids.
    """
    if article_id is None:
        ids = corpus.articles["article_id"] if "article_id" in corpus.articles.columns else []
        if len(ids) == 0:
            raise KeyError("the corpus has no articles to show")
        article_id = str(ids[0])
    if path is None and _in_notebook():
        from IPython.display import HTML as IPythonHTML

        return IPythonHTML(_article_fragment(corpus, article_id))
    page = render_article(corpus, article_id)
    out = Path(path) if path is not None else default_path(article_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(out, lambda p: p.write_text(page, encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# The notebook summary

#: Columns previewed per frame (those present are shown, in this order).
PREVIEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "title", "outlet", "published", "n_paragraphs"),
    "paragraphs": ("article_id", "paragraph_id", "role", "text"),
    "entities": ("article_id", "text", "type", "name"),
    "quotes": ("article_id", "speaker_name", "kind", "text"),
    "citations": ("article_id", "kind", "source", "source_text"),
    "errors": ("source", "kind", "error"),
}
_CELL = "padding:0.15em 0.6em;text-align:left;border-bottom:1px solid #eeeeee;vertical-align:top;"


def _cell(value: object, limit: int = 60) -> str:
    if value is None:
        return '<span style="color:#aaa;">null</span>'
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text)


def _preview(name: str, frame: pl.DataFrame, rows: int) -> str:
    cols = [c for c in PREVIEW_COLUMNS.get(name, ()) if c in frame.columns] or frame.columns[:4]
    head = "".join(f'<th style="{_CELL}font-weight:600;">{html.escape(c)}</th>' for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{_cell(row[c])}</td>' for c in cols) + "</tr>"
        for row in frame.head(rows).select(cols).iter_rows(named=True)
    )
    more = f" … {frame.height - rows} more rows" if frame.height > rows else ""
    return (
        f'<details{" open" if name == "articles" else ""} style="margin:0.2em 0;"><summary style="cursor:pointer;">'
        f"<code>{html.escape(name)}</code> — {frame.height} rows × {frame.width} columns</summary>"
        f'<table style="border-collapse:collapse;font-size:0.85em;margin:0.3em 0 0.3em 1em;">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f'<div style="color:#999;font-size:0.8em;margin-left:1em;">{more}</div></details>'
    )


def corpus_html(corpus: "Corpus", *, rows: int = 3) -> str:
    """A compact HTML summary for notebooks: the size of each frame and a few rows of each.

    Frames are listed in contract order; each preview shows the first ``rows`` rows of a few
    telling columns (the articles preview open, the others collapsed: click to open).
    """
    frames = corpus.frames()
    sizes = "".join(
        f'<td style="{_CELL}text-align:center;"><div style="font-size:1.3em;font-weight:700;">{f.height}</div>'
        f'<div style="color:#777;font-size:0.8em;">{html.escape(n)}</div></td>'
        for n, f in frames.items()
    )
    previews = "".join(_preview(n, f, rows) for n, f in frames.items() if f.height)
    empty = [n for n, f in frames.items() if not f.height]
    note = (
        f'<div style="color:#999;font-size:0.8em;">empty: {html.escape(", ".join(empty))}</div>' if empty else ""
    )
    return (
        f'<div style="font-family:{_FONT};font-size:13px;line-height:1.4;">'
        '<div style="font-weight:700;margin-bottom:0.3em;">newsframe.Corpus</div>'
        f'<table style="border-collapse:collapse;margin-bottom:0.4em;"><tr>{sizes}</tr></table>'
        f"{previews}{note}</div>"
    )
