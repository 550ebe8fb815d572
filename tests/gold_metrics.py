"""The project's own gold checks: measures of a parsed corpus against `tests/gold/*.gold.json`.

Gold files follow the annotation guide bundled in `tests/gold/GUIDE.md`. Each measure mirrors
what an analyst relies on: the right articles and fields, a body without page chrome, the
right entities with their aliases joined, quotes with kind and speaker, citations by kind.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import polars as pl

GOLD_DIR = Path(__file__).parent / "gold"
_MARKS = "\"'“”‘’«»„‟"


def norm(s: str | None) -> str:
    """Case-, mark- and whitespace-insensitive form of a string."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", s).strip().strip(_MARKS + " .,;:")
    s = re.sub(r"[’‘`]", "'", s)
    return re.sub(r"\s+", " ", s).lower()


def norm_name(s: str | None) -> str:
    """A name without possessive or leading article."""
    s = re.sub(r"'s$", "", norm(s))
    return re.sub(r"^the ", "", s)


def _word_f1(a: str, b: str) -> float:
    wa, wb = Counter(re.findall(r"\w+", norm(a))), Counter(re.findall(r"\w+", norm(b)))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    p, r = common / sum(wb.values()), common / sum(wa.values())
    return 2 * p * r / (p + r)


def _pairs(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """Best-first one-to-one matching of gold and predicted items with a positive score."""
    cands = sorted(((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for s, i, j in cands:
        if s > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


class _F1:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.gold.json"))]


def measure(frames: dict[str, pl.DataFrame], golds: list[dict] | None = None) -> dict[str, float]:
    """All measures for a corpus's frames against the gold files."""
    golds = golds if golds is not None else load_gold()
    arts = {Path(r["article_id"]).name: r for r in frames["articles"].iter_rows(named=True)}
    found = fields_ok = fields_n = body_ok = body_n = 0
    ents, ents_typed, quotes, cits = _F1(), _F1(), _F1(), _F1()
    alias_ok = alias_n = kind_ok = spk_ok = spk_n = 0
    for gold in golds:
        art = arts.get(gold["file"])
        if art is None:
            continue
        found += 1
        aid = art["article_id"]
        checks = [
            norm(art["title"]) == norm(gold["title"]),
            norm(art["subtitle"]) == norm(gold["subtitle"]),
            sorted(map(norm, art["authors"] or [])) == sorted(map(norm, gold["authors"] or [])),
            (str(art["published"]) if art["published"] else None) == gold["published"],
        ]
        if gold.get("outlet"):
            checks.append(norm_name(art["outlet"]) == norm_name(gold["outlet"]))
        fields_ok += sum(checks)
        fields_n += len(checks)
        body = norm(art["body"])
        bchecks = [body.startswith(norm(gold["body_first"])[:40]),
                   norm(gold["body_last"])[:40] in body[-max(400, len(gold["body_last"]) * 3):]]
        bchecks += [norm(line) not in body for line in gold.get("not_body", [])]
        body_ok += sum(bchecks)
        body_n += len(bchecks)

        rows = frames["entities"].filter(pl.col("article_id") == aid).to_dicts()
        pred: dict[str, dict] = {}
        for r in rows:
            e = pred.setdefault(r["entity_id"], {"name": r["name"], "types": Counter(), "forms": set()})
            e["types"][r["type"]] += 1
            e["forms"].add(norm_name(r["text"]))
        plist = [{"name": v["name"], "type": v["types"].most_common(1)[0][0], "forms": v["forms"]} for v in pred.values()]
        gents = gold.get("entities", [])

        def ent_score(g, p):
            forms = {norm_name(g["name"])} | {norm_name(f) for f in g.get("forms", [])}
            return 2.0 if norm_name(p["name"]) in forms else (1.0 if p["forms"] & forms else 0.0)

        pairs = _pairs(gents, plist, ent_score)
        ents.add(len(pairs), len(plist), len(gents))
        ents_typed.add(sum(gents[i]["type"] == plist[j]["type"] for i, j in pairs), len(plist), len(gents))
        for g in gents:
            forms = {norm_name(f) for f in g.get("forms", [])}
            if len(forms) >= 2:
                alias_n += 1
                alias_ok += len({r["entity_id"] for r in rows if norm_name(r["text"]) in forms}) == 1

        qs = frames["quotes"].filter(pl.col("article_id") == aid).to_dicts()
        gq = gold.get("quotes", [])
        pairs = _pairs(gq, qs, lambda g, p: s if (s := _word_f1(g["text"], p["text"])) >= 0.6 else 0)
        quotes.add(len(pairs), len(qs), len(gq))
        for i, j in pairs:
            g, p = gq[i], qs[j]
            kind_ok += g["kind"] == p["kind"]
            if g.get("speaker"):
                spk_n += 1
                names = {norm_name(g["speaker"])}
                for e in gents:
                    if norm_name(e["name"]) == norm_name(g["speaker"]):
                        names |= {norm_name(f) for f in e.get("forms", [])}
                spk_ok += norm_name(p["speaker_name"]) in names

        cs = frames["citations"].filter(pl.col("article_id") == aid).to_dicts()
        gc = gold.get("citations", [])

        def cit_score(g, p):
            if g["kind"] != p["kind"]:
                return 0
            gs, ps = norm_name(g["source"]), norm_name(p["source"])
            if gs == ps:
                return 3
            if gs and ps and (gs in ps or ps in gs):
                return 2
            ev = norm(g.get("evidence", ""))
            return 1 if p.get("source_text") and norm(p["source_text"]) in ev else 0

        cits.add(len(_pairs(gc, cs, cit_score)), len(cs), len(gc))
    return {
        "articles_found": found / len(golds),
        "article_fields": fields_ok / fields_n if fields_n else 0.0,
        "body_boundaries": body_ok / body_n if body_n else 0.0,
        "entity_f1": ents.f1(),
        "entity_typed_f1": ents_typed.f1(),
        "alias_resolution": alias_ok / alias_n if alias_n else 0.0,
        "quote_f1": quotes.f1(),
        "quote_kind_acc": kind_ok / quotes.tp if quotes.tp else 0.0,
        "quote_speaker_acc": spk_ok / spk_n if spk_n else 0.0,
        "citation_f1": cits.f1(),
    }
