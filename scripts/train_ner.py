"""Trains the entity tagger shipped in the core (`models/entity_tagger.bin`).

    python scripts/train_ner.py --wikigold wikigold.conll.txt --uner en_pud-ud-test.iob2 \\
        en_ewt-ud-dev.iob2 --btc a.conll b.conll ... --wnut wnut17train.conll \\
        --gum GUM_news_*.tsv ... --heldout en_ewt-ud-test.iob2 --out models/entity_tagger.bin

Every path is a file fetched from its public repository (`models/README.md` names them and
their licenses); nothing is downloaded here and no data is kept in this repository. The
sentences are turned into (text, typed character spans) and handed to the core's own
trainer (`newsframe._native.train_entity_tagger`), which tokenises and makes features with
the very code that tags at parse time. PER, ORG and LOC are learnt; every other type is
outside. `--heldout` files are scored (exact spans) and never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))

from conll_entities import Sentence, bio_spans, detokenise, read_uner  # noqa: E402

from newsframe import _native  # noqa: E402

Example = tuple[str, list[tuple[int, int, str]]]

#: WNUT17 types onto the three learnt ones; products and creative works stay outside.
WNUT_TYPES = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}
#: GUM entity types of named entities (those with a Wikipedia identity) onto the learnt ones.
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}


def to_example(s: Sentence) -> Example:
    return s.text, [(s.spans[a][0], s.spans[b - 1][1], t) for a, b, t in s.gold]


def conll_sentences(path: Path, column: int = -1, types: dict[str, str] | None = None) -> list[Example]:
    """CoNLL-style files (token ... tag, blank line between sentences), IOB1 or IOB2."""
    out, toks, tags = [], [], []

    def flush() -> None:
        if toks:
            text, spans = detokenise(toks)
            out.append(to_example(Sentence(text, spans, bio_spans(tags))))
        toks.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or line.startswith("-DOCSTART-"):
            flush()
            continue
        tag = parts[column]
        if types is not None and tag != "O":
            kind, _, typ = tag.partition("-")
            tag = f"{kind}-{types[typ]}" if typ in types else "O"
        toks.append(parts[0])
        tags.append(tag)
    flush()
    return out


def person_titles() -> set[str]:
    """One-word person titles from the project's own lexicon (`lexicons/titles.tsv`)."""
    path = Path(__file__).resolve().parent.parent / "lexicons" / "titles.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {r[0] for r in rows if len(r) >= 2 and r[1].strip() == "person" and " " not in r[0]}


def gum_sentences(path: Path) -> list[Example]:
    """GUM WebAnno TSV: a named entity is a person, organisation or place referent with a
    Wikipedia identity. Its span is cut CoNLL-style: lower-case words at either end go ("the
    Daughters of the American Revolution"), and for a person the titles before the name ("US
    President Donald Trump" gives "Donald Trump"); names inside a kept name are not kept."""
    out: list[Example] = []
    titles = person_titles()
    text, toks, ents, owners, ends = None, [], {}, [], {}
    lexicons = Path(__file__).resolve().parent.parent / "lexicons"
    function_words = {w.strip().lower() for w in (lexicons / "function_words.txt").read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}

    def flush() -> None:
        if text is None or not toks:
            return
        spans = []
        connectors = {"of", "the", "de", "del", "da", "van", "von", "der", "bin", "al", "and", "for", "&"}
        for eid, (first, last, typ) in sorted(ents.items(), key=lambda e: (e[1][0], -e[1][1])):
            idx = list(range(first, last + 1))
            if typ == "PER":
                # Titles and names nested before the person's own name are not part of it.
                cut = [i for i in idx if toks[i][2].rstrip(".") in titles or toks[i][2] in titles]
                idx = [i for i in idx if not cut or i > cut[-1]]
                while len(idx) > 1 and (owners[idx[0]] - {eid}) and eid in owners[idx[-1]]:
                    other = owners[idx[0]] - {eid}
                    if not any(ends.get(o, last) < last for o in other):
                        break
                    idx.pop(0)
            while idx and not toks[idx[0]][2][:1].isupper():
                idx.pop(0)
            # "... Hall in Washington": a lower-case word that joins no name ends it.
            for j, i in enumerate(idx):
                w = toks[i][2]
                if not w[:1].isupper() and w not in connectors and not w[:1].isdigit():
                    idx = idx[:j]
                    break
            while idx and not toks[idx[-1]][2][:1].isupper():
                idx.pop()
            # Pronouns and other mentions of a named referent ("His", "An") are not names.
            if not idx or toks[idx[0]][2].lower() in function_words:
                continue
            s, e = toks[idx[0]][0], toks[idx[-1]][1]
            if any(a < e and s < b for a, b, _ in spans):
                continue
            spans.append((s, e, typ))
        out.append((text, spans))

    pos = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#Text="):
            flush()
            text, toks, ents, owners, pos = line[len("#Text="):], [], {}, [], 0
            continue
        if text is None or not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 7:
            continue
        at = text.find(cols[2], pos)
        if at < 0:
            continue
        pos = at + len(cols[2])
        k = len(toks)
        toks.append((at, pos, cols[2]))
        owners.append(set())
        idents = [] if cols[6] == "_" else cols[6].split("|")
        named = {m.group(1) for i in idents if (m := re.search(r"\[(\d+)\]$", i))}
        bare_identity = any(not re.search(r"\[\d+\]$", i) for i in idents)
        for t in [] if cols[3] == "_" else cols[3].split("|"):
            m = re.match(r"([a-z]+)(?:\[(\d+)\])?$", t)
            if m and m.group(2):
                owners[k].add(m.group(2))
                ends[m.group(2)] = k
            if not m or m.group(1) not in GUM_TYPES:
                continue
            if m.group(2) is None and not bare_identity:
                continue
            if m.group(2) is not None and m.group(2) not in named:
                continue
            eid = m.group(2) or f"token{k}"
            first = ents.get(eid, (k, k, ""))[0]
            ents[eid] = (first, k, GUM_TYPES[m.group(1)])
    flush()
    return out


def uner_sentences(path: Path) -> list[Example]:
    return [to_example(s) for d in read_uner(path) for s in d.sentences]


def score(model: bytes, examples: list[Example]) -> dict[str, float]:
    """Exact-span precision, recall and F1 of the tagger alone, per type and overall."""
    names = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}
    tp, fp, fn = {}, {}, {}
    for text, gold in examples:
        g = set(gold)
        p = {(a, b, names[t]) for a, b, t in _native.tag_entities(text, model)}
        for s in p | g:
            t = s[2]
            tp.setdefault(t, 0), fp.setdefault(t, 0), fn.setdefault(t, 0)
            if s in p and s in g:
                tp[t] += 1
            elif s in p:
                fp[t] += 1
            else:
                fn[t] += 1
    out = {}
    for keys, name in [(list(tp), "all"), *[([k], k) for k in sorted(tp)]]:
        a, b, c = (sum(d[k] for k in keys) for d in (tp, fp, fn))
        out[name] = 2 * a / max(1, 2 * a + b + c)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wikigold", type=Path, nargs="*", default=[])
    ap.add_argument("--uner", type=Path, nargs="*", default=[], help="UNER .iob2 files to train on")
    ap.add_argument("--btc", type=Path, nargs="*", default=[])
    ap.add_argument("--wnut", type=Path, nargs="*", default=[])
    ap.add_argument("--gum", type=Path, nargs="*", default=[], help="GUM _build/src/tsv files (licensed genres)")
    ap.add_argument("--heldout", type=Path, nargs="*", default=[], help="UNER .iob2 files to score on")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()

    data: list[Example] = []
    for label, paths, read in [
        ("wikigold", args.wikigold, conll_sentences),
        ("uner", args.uner, uner_sentences),
        ("btc", args.btc, conll_sentences),
        ("wnut", args.wnut, lambda p: conll_sentences(p, types=WNUT_TYPES)),
        ("gum", args.gum, gum_sentences),
    ]:
        part = [ex for p in sorted(paths) for ex in read(p)]
        print(f"{label}: {len(part)} sentences, {sum(len(g) for _, g in part)} names", file=sys.stderr)
        data.extend(part)
    model = bytes(_native.train_entity_tagger(data, epochs=args.epochs, bits=args.bits, seed=args.seed))
    args.out.write_bytes(model)
    print(f"{args.out}: {len(model):,} bytes, sha256 {hashlib.sha256(model).hexdigest()[:16]}", file=sys.stderr)
    for p in args.heldout:
        s = score(model, uner_sentences(p))
        print(f"held out {p.name}: " + " ".join(f"{k} {v:.3f}" for k, v in s.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
