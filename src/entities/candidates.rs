//! Finds mention candidates in story blocks: known forms, then runs of capitalised words.
//!
//! A run is a sequence of capitalised words separated by single spaces (or joined by a
//! connector such as "of" or "bin", or an abbreviation point as in "Lt. Gen."); it ends at
//! punctuation, a lower-case word, a possessive or a new sentence. Known forms inside a run
//! split it ("Russian President Vladimir Putin" -> "Russian" + "President Vladimir Putin"),
//! unless the whole run is an organisation ("Russian Security Council"). A leading title
//! becomes the mention's role; a leading sentence-initial word is dropped unless something
//! says it is a name.

use super::gazetteer::{Found, Gazetteer, Source};
use super::tokens::{adjacent, first_at_or_after, tokenize, Token};
use super::typing::{self, Verdict};
use super::{RawMention, Scope};
use crate::lexicon;
use crate::lexicon::{HashMap, HashSet};
use crate::model::{Block, EntityType, Role, Span};
use crate::segment::sentences::{split_sentences, ABBREVIATIONS};
use regex::Regex;
use std::sync::LazyLock;

/// Heads of the names of a state's own bodies: a country written before one is part of
/// its name ("US Department of Agriculture"), not a place of its own.
const GOVERNMENT_HEADS: &[&str] = &[
    "Department",
    "Bureau",
    "Agency",
    "Office",
    "Ministry",
    "Court",
    "Administration",
    "Commission",
    "Service",
    "Army",
    "Navy",
    "Embassy",
];

/// Lower-case words allowed inside a name when a capitalised word follows.
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "della", "da", "dos", "van", "von", "der", "den", "bin", "ibn", "al",
    "el", "la", "le", "du", "for", "y",
];

static INSTITUTION_AFTER_DEMONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ((?:foreign|defen[cs]e|finance|interior|justice|health|trade|commerce|economy|education|culture|agriculture|energy|environment|transport|emergencies|industry|labou?r|information) ministry|embassy|consulate|central bank)\b").unwrap()
});

/// The blocks entities are looked for in, tokenised once for the rules and the tagger.
pub struct Story {
    /// (block index, its tokens) of every block in scope.
    pub tokens: Vec<(usize, Vec<Token>)>,
    /// Blocks whose case says nothing: title-case headings and text in capitals.
    pub caseless: HashSet<usize>,
    headlines: HashSet<usize>,
}

/// Tokenises the blocks in scope and marks the title-case headlines.
pub fn story(blocks: &[Block], scope: Scope) -> Story {
    let tokens: Vec<(usize, Vec<Token>)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| (b.role.is_story() || scope == Scope::All) && !glued_list(&b.text))
        .map(|(i, b)| {
            let starts: Vec<usize> = split_sentences(&b.text).iter().map(|r| r.start).collect();
            let tokens = tokenize(&b.text, &starts);
            crate::work::add(tokens.len());
            (i, tokens)
        })
        .collect();
    // Title-case headings; other blocks (results lines, lists, captions) are read as prose.
    // Measured once per block: `measure` runs a dozen regexes.
    let headlines: HashSet<usize> = tokens
        .iter()
        .map(|(i, _)| *i)
        .filter(|&i| {
            let b = &blocks[i];
            b.role != Role::Body
                && b.role.is_story()
                && crate::segment::features::measure(&b.text).cap_ratio >= 0.7
        })
        .collect();
    let caseless = tokens
        .iter()
        .map(|(i, _)| *i)
        .filter(|i| headlines.contains(i) || shouting(&blocks[*i].text))
        .collect();
    Story {
        tokens,
        caseless,
        headlines,
    }
}

/// All candidate mentions of the story's blocks.
pub fn find(blocks: &[Block], story: &Story, gazetteer: &Gazetteer) -> Vec<RawMention> {
    let headlines = &story.headlines;
    let story = &story.tokens;
    let headline = |i: usize| headlines.contains(&i);
    // Words capitalised where case means something: evidence that a sentence-initial word is a name.
    let mut mid_caps: HashSet<&str> = HashSet::default();
    for (i, toks) in story.iter() {
        if headline(*i) {
            continue;
        }
        for t in toks.iter().filter(|t| t.cap && !t.sentence_start) {
            mid_caps.insert(t.text(&blocks[*i].text));
        }
    }
    let mut out = Vec::new();
    for (i, toks) in story.iter().filter(|(i, _)| !headline(*i)) {
        let text = &blocks[*i].text;
        // Before the block's other candidates: where one has the same span ("N.C." read as
        // an unknown run), the state is the reading kept.
        let states = super::states::after_towns(text);
        for &(s, e, state) in &states {
            let mut m = mention(
                *i,
                text,
                s,
                e,
                Some(EntityType::Gpe),
                Some(state.to_string()),
                None,
            );
            m.country = Some("United States".to_string());
            out.push(m);
        }
        // A run over a state's tag ("R-Ky" of "(R-Ky.)") is no name of its own.
        let overlaps_state = |m: &RawMention| {
            states.iter().any(|&(s, e, _)| {
                m.span.start < e && s < m.span.end && (m.span.start, m.span.end) != (s, e)
            })
        };
        out.extend(
            in_prose(*i, text, toks, gazetteer, &mid_caps)
                .into_iter()
                .filter(|m| !overlaps_state(m)),
        );
    }
    surnames_of_people(&mut out);
    let known: HashMap<String, RawMention> = out
        .iter()
        .filter(|m| m.etype.is_some())
        .map(|m| (m.text.clone(), m.clone()))
        .collect();
    // In the order the body first names them, so that when two names share a last word
    // ("TOGETHER" in "Lauren Still Together" and "Cameron Still Together") the one a
    // shouted headline gets does not depend on hash order.
    let mut seen: HashSet<&str> = HashSet::default();
    let in_order: Vec<&RawMention> = out
        .iter()
        .filter(|m| m.etype.is_some() && seen.insert(m.text.as_str()))
        .map(|m| &known[&m.text])
        .collect();
    let capitals = in_capitals(&in_order);
    for (i, toks) in story.iter().filter(|(i, _)| headline(*i)) {
        let text = &blocks[*i].text;
        let known = if shouting(text) { &capitals } else { &known };
        out.extend(in_headline(*i, text, toks, gazetteer, known));
    }
    out
}

/// "Doug Ford ... Ford said": where the story names a person whose surname is a company's
/// one-word name, the word alone is that person, not the company.
fn surnames_of_people(out: &mut [RawMention]) {
    let surnames: HashSet<String> = out
        .iter()
        .filter(|m| m.etype == Some(EntityType::Person) && m.known_name.is_none())
        .filter_map(|m| m.text.rsplit_once(' ').map(|(_, last)| last.to_string()))
        .collect();
    for m in out.iter_mut() {
        if m.etype == Some(EntityType::Org)
            && m.known_name.is_some()
            && !m.text.contains(' ')
            && surnames.contains(&m.text)
        {
            m.etype = Some(EntityType::Person);
            m.known_name = None;
        }
    }
}

/// The body's names as a headline in capitals writes them: "TAKAGI" and "TAKUYA TAKAGI" for
/// "Takuya Takagi", each carrying the full name so it joins the person.
fn in_capitals(known: &[&RawMention]) -> HashMap<String, RawMention> {
    let mut out = HashMap::default();
    for &m in known {
        let mut m = m.clone();
        m.known_name = m.known_name.or_else(|| Some(m.text.clone()));
        if m.etype == Some(EntityType::Person) {
            if let Some((_, last)) = m.text.rsplit_once(' ') {
                out.insert(last.to_uppercase(), m.clone());
            }
        }
        out.insert(m.text.to_uppercase(), m);
    }
    out
}

/// Items of a list or drop-down menu that a renderer wrote without separators
/// ("CanadaMexicoBahamas, Commonwealth of the"): a word that runs on into a capital after
/// three lower-case letters, again and again. Such a block is page chrome, and its glued
/// words are no names; a story line with a brand or two in camel case ("ButcherBox") is far
/// below the bar.
pub(super) fn glued_list(text: &str) -> bool {
    let mut glued = 0;
    let mut lower_run = 0;
    for c in text.chars() {
        if c.is_uppercase() && lower_run >= 3 {
            glued += 1;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    glued >= 6 && glued * 40 >= text.split(' ').count()
}

/// Mostly upper-case text (shouted headlines, menus): case says nothing there.
fn shouting(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 8 && upper * 10 >= letters * 6
}

/// Token index ranges of capitalised runs.
fn runs(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].cap {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k; // inclusive
        while !toks[end].possessive {
            let next = end + 1;
            if next >= toks.len() || toks[next].sentence_start {
                break;
            }
            let gap_ok = |a: &Token, b: &Token| {
                adjacent(text, a.end, b.start)
                    || (text[a.end..b.start] == *". " && is_abbreviation(a.text(text)))
                    || text[a.end..b.start] == *"-"
            };
            // "Philadelphia 76ers", "San Francisco 49ers": a team's numbered plural.
            let numbered_plural = |t: &Token| {
                let w = t.text(text);
                w.starts_with(|c: char| c.is_ascii_digit())
                    && w.ends_with('s')
                    && w.trim_start_matches(|c: char| c.is_ascii_digit()).len() >= 3
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
            };
            if (toks[next].cap || numbered_plural(&toks[next])) && gap_ok(&toks[end], &toks[next]) {
                end = next;
                continue;
            }
            // A connector joins two capitalised words: "Bank of England", "bin Salman".
            let word = toks[next].text(text);
            if CONNECTORS.contains(&word)
                && next + 1 < toks.len()
                && toks[next + 1].cap
                && !toks[next + 1].sentence_start
                && adjacent(text, toks[end].end, toks[next].start)
                && adjacent(text, toks[next].end, toks[next + 1].start)
            {
                end = next + 1;
                continue;
            }
            break;
        }
        out.push((start, end));
        k = end + 1;
    }
    out
}

/// Joins two runs that one organisation's name spans across "and" or "&": "National
/// Telecommunications and Information Administration", "Center for Cognition and
/// Sociality", "Bed Bath & Beyond". Two names joined by a conjunction stay apart: a side
/// that is a known form ("Apple and Google Foundation", "Scoop and Boston Consulting"), one
/// name before "and" ("Roush and Front Row Motorsports"), a name after "of"/"for" whose head
/// already ended ("Ministry of Defence and Foreign Office").
fn conjoined(
    text: &str,
    toks: &[Token],
    runs: Vec<(usize, usize)>,
    found: &[Found],
) -> Vec<(usize, usize)> {
    let lex = lexicon::get();
    let known = |k: usize| {
        let t = &toks[k];
        let i = found.partition_point(|f| f.end <= t.start);
        found[i..]
            .iter()
            .take_while(|f| f.start < t.end)
            .any(|f| f.start <= t.start && t.end <= f.end)
    };
    let word = |k: usize| toks[k].text(text);
    let suffix = |k: usize| lex.org_suffixes.contains(word(k));
    let joins = |(ls, le): (usize, usize), (rs, re): (usize, usize)| -> bool {
        if toks[rs].sentence_start || toks[le].possessive {
            return false;
        }
        let gap = &text[toks[le].end..toks[rs].start];
        if gap == " & " {
            // "Harry & Meghan" are two people; a word run on into a capital is chrome
            // glued together ("With UsLicensing & Reuse").
            let person = |s: usize, e: usize| s == e && lex.is_given_name(word(s));
            return !(ls..=le).all(known)
                && !(rs..=re).all(known)
                && !person(ls, le)
                && !person(rs, re)
                && !(ls..=re).any(|k| run_on(word(k)));
        }
        // The run after "and" starts right after the "and" token.
        if gap != " and " || rs != le + 2 {
            return false;
        }
        let connector = (ls..=le).find(|&k| matches!(word(k), "of" | "for"));
        match connector {
            // "National Telecommunications and Information Administration".
            // One word before "and" is a field ("Cybersecurity and Infrastructure Security
            // Agency"), not a name ("Roush and Front Row Motorsports").
            None => {
                (le > ls || lex.is_common_word(word(ls)))
                    && re > rs
                    && suffix(re)
                    && !known(rs)
                    && !known(le)
                    && !lex.is_given_name(word(ls))
            }
            // "Center for Cognition and Sociality", "Department of Health and Human Services".
            Some(c) => {
                c > ls && suffix(c - 1) && re - rs < 3 && !(rs..=re).any(|k| known(k) || suffix(k))
            }
        }
    };
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for r in runs {
        match out.last_mut() {
            Some(prev) if joins(*prev, r) => prev.1 = r.1,
            _ => out.push(r),
        }
    }
    out
}

/// "Sen. Susan Collins of Maine", "Jim Jordan of Ohio": a given name and a surname, "of"
/// and a known place are a person and where they come from, not one name ("Bank of
/// England" and "Duke of Edinburgh" open with no given name). The index of that "of".
fn person_of_place(
    text: &str,
    toks: &[Token],
    (s, e): (usize, usize),
    found: &[Found],
) -> Option<usize> {
    let lex = lexicon::get();
    (s + 2..e).find(|&k| {
        toks[k].text(text) == "of"
            && lex.is_given_name(toks[k - 2].text(text))
            && !(s..k).any(|j| lex.org_suffixes.contains(toks[j].text(text)))
            && found.iter().any(|f| {
                f.start == toks[k + 1].start
                    && f.end == toks[e].end
                    && matches!(
                        f.entry.source,
                        Source::Country | Source::Region | Source::Place
                    )
            })
    })
}

/// A capital after three lower-case letters inside a word: two words run together.
fn run_on(word: &str) -> bool {
    let mut lower = 0;
    word.chars().any(|c| {
        let glued = c.is_uppercase() && lower >= 3;
        lower = if c.is_lowercase() { lower + 1 } else { 0 };
        glued
    })
}

fn is_abbreviation(word: &str) -> bool {
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

pub(super) fn mention(
    block: usize,
    text: &str,
    start: usize,
    end: usize,
    etype: Option<EntityType>,
    known: Option<String>,
    role: Option<String>,
) -> RawMention {
    RawMention {
        span: Span { block, start, end },
        text: text[start..end].to_string(),
        etype,
        known_name: known,
        role,
        speaks: followed_by_reporting_verb(&text[end..]),
        country: None,
        learned: None,
    }
}

fn followed_by_reporting_verb(after: &str) -> bool {
    let after = after
        .strip_prefix("’s")
        .or(after.strip_prefix("'s"))
        .unwrap_or(after);
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty() && word.chars().all(char::is_lowercase) && typing::is_reporting_verb(&word)
}

/// A known form, or an organisation built on a demonym ("Chinese foreign ministry").
fn known_mention(block: usize, text: &str, f: &Found) -> RawMention {
    if f.entry.etype == EntityType::Norp {
        if let Some(c) = INSTITUTION_AFTER_DEMONYM.captures(&text[f.end..]) {
            let end = f.end + c.get(0).map_or(0, |m| m.end());
            let surface = &text[f.start..end];
            let name = surface
                .split(' ')
                .map(title_case)
                .collect::<Vec<_>>()
                .join(" ");
            return mention(
                block,
                text,
                f.start,
                end,
                Some(EntityType::Org),
                Some(name),
                None,
            );
        }
    }
    let mut m = mention(
        block,
        text,
        f.start,
        f.end,
        Some(f.entry.etype),
        Some(f.entry.name.clone()),
        None,
    );
    m.country = f.entry.country.clone().filter(|c| *c != f.entry.name);
    m
}

fn title_case(word: &str) -> String {
    let mut c = word.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// Candidates in a prose block.
fn in_prose(
    block: usize,
    text: &str,
    toks: &[Token],
    gazetteer: &Gazetteer,
    mid_caps: &HashSet<&str>,
) -> Vec<RawMention> {
    let lex = lexicon::get();
    let mut found = if shouting(text) {
        gazetteer.find_in_capitals(text)
    } else {
        gazetteer.find(text)
    };
    // A known form that is a function word at a sentence start ("May", "Will") is not a name.
    found.retain(|f| {
        let form = &text[f.start..f.end];
        let titled_word = form.chars().skip(1).any(char::is_lowercase);
        !(titled_word
            && lex.is_function_word(form)
            && toks
                .get(first_at_or_after(toks, f.start))
                .is_some_and(|t| t.start == f.start && t.sentence_start))
    });
    let mut out: Vec<RawMention> = Vec::new();
    let mut suppressed: HashSet<usize> = HashSet::default();
    if shouting(text) {
        return found
            .iter()
            .filter(|f| f.entry.etype != EntityType::Norp)
            .map(|f| known_mention(block, text, f))
            .collect();
    }
    let mut spans = Vec::new();
    for r in conjoined(text, toks, runs(text, toks), &found) {
        match person_of_place(text, toks, r, &found) {
            Some(of) => spans.extend([(r.0, of - 1), (of + 1, r.1)]),
            None => spans.push(r),
        }
    }
    for (rs, re) in spans {
        let mut first = rs;
        // "US" is also "us", but a country as written opens a name ("US Bureau of ...").
        let country_at = |k: usize| {
            found
                .iter()
                .any(|f| f.start == toks[k].start && f.entry.source == Source::Country)
        };
        while first <= re && lex.is_function_word(toks[first].text(text)) && !country_at(first) {
            first += 1;
        }
        let last = re;
        if first > last {
            continue;
        }
        let (start, end) = (toks[first].start, toks[last].end);
        // Matches are sorted by start: only those between the run's ends can be inside.
        let (lo, hi) = (
            found.partition_point(|f| f.start < start),
            found.partition_point(|f| f.start < end),
        );
        let mut inside: Vec<usize> = (lo..hi).filter(|&j| found[j].end <= end).collect();
        // A place inside a person's name is part of the name: "President Vladimir Putin".
        let mut name_start = first;
        while let Some(f) = found[lo..hi]
            .iter()
            .find(|f| f.start == toks[name_start].start && f.entry.source != Source::Place)
        {
            match Some(first_at_or_after(toks, f.end)).filter(|&i| i < toks.len()) {
                Some(next) if next <= last => name_start = next,
                _ => break,
            }
        }
        if looks_like_person(text, toks, name_start, last, &found[lo..hi]) {
            let surname_org = surname_organisation(text, toks, name_start, last, &found[lo..hi]);
            let dropped: Vec<usize> = inside
                .iter()
                .copied()
                .filter(|&j| found[j].entry.source == Source::Place || Some(j - lo) == surname_org)
                .collect();
            inside.retain(|j| !dropped.contains(j));
            suppressed.extend(dropped);
        }
        // "Republican National Committee Chair Ronna McDaniel": an organisation, then its
        // officer by title and name.
        if let Some(k) = officer_after_organisation(text, toks, first, last) {
            let org_end = toks[k].end;
            out.push(mention(
                block,
                text,
                start,
                org_end,
                Some(EntityType::Org),
                None,
                None,
            ));
            suppressed.extend(inside.iter().copied().filter(|&j| found[j].end <= org_end));
            out.extend(segment(block, text, toks, k + 1, last, mid_caps));
            continue;
        }
        let whole_known =
            inside.len() == 1 && found[inside[0]].start == start && found[inside[0]].end == end;
        // The whole run as one organisation, named `name` if a list knows it.
        let whole_org = |name| mention(block, text, start, end, Some(EntityType::Org), name, None);
        if let Some(name) = whole_organisation(text, (start, end), toks, &found, &inside) {
            out.push(whole_org(name));
            suppressed.extend(inside.iter().copied());
            continue;
        }
        let words: Vec<&str> = toks[first..=last].iter().map(|t| t.text(text)).collect();
        // The whole run is an organisation or an event: "Russian Security Council", "Cold War".
        if !whole_known && words.len() >= 2 {
            let (role, body) = peel_title(text, toks, first, last);
            // "University of", "Ministry of" are the start of the name, not a role.
            let (role, body) = match role {
                Some(r) if !typing::is_person_title(&r) => (None, Some(first)),
                _ => (role, body),
            };
            if let Some(b) = body {
                let body_words: Vec<&str> = toks[b..=last].iter().map(|t| t.text(text)).collect();
                let verdict = typing::classify(&body_words, None, false);
                if matches!(
                    verdict,
                    Verdict::Typed(
                        EntityType::Org | EntityType::Event | EntityType::Media | EntityType::Loc
                    )
                ) && body_words.len() >= 2
                {
                    let Verdict::Typed(t) = verdict else {
                        unreachable!()
                    };
                    let s = toks[b].start;
                    out.push(mention(block, text, s, end, Some(t), None, role));
                    suppressed.extend(inside.iter().copied());
                    continue;
                }
            }
        }
        // "Baltimore Orioles", "Philadelphia 76ers": a place and a plural is a team or club.
        if let Some(&j) = inside.first() {
            let f = &found[j];
            let rest = first_at_or_after(toks, f.end);
            let tail: Vec<&str> = toks[rest.min(last + 1)..=last]
                .iter()
                .map(|t| t.text(text))
                .collect();
            let plural = tail.last().is_some_and(|w| {
                w.ends_with('s')
                    && !w.ends_with("ss")
                    && !lex.is_surname(w)
                    && !lex.is_given_name(w)
            });
            if f.start == start
                && f.entry.source == Source::Place
                && inside.len() == 1
                && (1..=2).contains(&tail.len())
                && plural
            {
                out.push(whole_org(None));
                suppressed.insert(j);
                continue;
            }
        }
        // Split the run at known forms; type what lies between.
        let mut cursor = first;
        for &j in &inside {
            let f = &found[j];
            let se = first_at_or_after(toks, f.start).max(cursor);
            if se > cursor && se <= last + 1 {
                out.extend(segment(block, text, toks, cursor, se - 1, mid_caps));
            }
            cursor = first_at_or_after(toks, f.end).max(cursor);
        }
        if cursor <= last {
            out.extend(segment(block, text, toks, cursor, last, mid_caps));
        }
    }
    for (j, f) in found.iter().enumerate() {
        if !suppressed.contains(&j) {
            out.push(known_mention(block, text, f));
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    hyphenated_americans(text, out)
}

/// "Taiwanese American", "Mexican-Americans": a demonym before the demonym of a nation of
/// immigrants names one group, NORP, named in the singular.
fn hyphenated_americans(text: &str, mentions: Vec<RawMention>) -> Vec<RawMention> {
    const SECOND: &[&str] = &[
        "American",
        "Americans",
        "Canadian",
        "Canadians",
        "Australian",
        "Australians",
    ];
    let norp = |m: &RawMention| m.etype == Some(EntityType::Norp);
    let mut out: Vec<RawMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..m.span.start);
            if norp(prev)
                && norp(&m)
                && matches!(gap, Some(" " | "-"))
                && SECOND.contains(&m.text.as_str())
                && prev.text.chars().skip(1).any(char::is_lowercase)
            {
                let name = format!(
                    "{}{}{}",
                    prev.text,
                    gap.unwrap_or(" "),
                    m.text.trim_end_matches('s')
                );
                prev.span.end = m.span.end;
                prev.text = text[prev.span.start..prev.span.end].to_string();
                prev.known_name = Some(name);
                prev.speaks = m.speaks;
                prev.country = None;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// A run that is one organisation's name as a whole, with its canonical name if known:
/// "Bed Bath & Beyond" (an ampersand joins a firm's name), "US Department of Agriculture"
/// (a country before its own government body names the body). `inside` indexes the known
/// forms of `found` within the run's byte span.
fn whole_organisation(
    text: &str,
    (start, end): (usize, usize),
    toks: &[Token],
    found: &[Found],
    inside: &[usize],
) -> Option<Option<String>> {
    if text[start..end].contains(" & ") {
        return Some(None);
    }
    let [c, o] = inside[..] else { return None };
    let (c, o) = (&found[c], &found[o]);
    (c.entry.source == Source::Country
        && o.entry.source == Source::Organization
        && (c.start, o.end) == (start, end)
        && first_at_or_after(toks, c.end) == first_at_or_after(toks, o.start)
        && o.entry
            .name
            .split(' ')
            .any(|w| GOVERNMENT_HEADS.contains(&w)))
    .then(|| Some(o.entry.name.clone()))
}

/// The last token of an organisation's name that a person's title and name follow in the
/// same run ("... National Committee | Chair Ronna McDaniel").
fn officer_after_organisation(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
) -> Option<usize> {
    let lex = lexicon::get();
    (first + 1..last.saturating_sub(1)).find(|&k| {
        lex.org_suffixes.contains(toks[k].text(text))
            && matches!(
                peel_title(text, toks, k + 1, last),
                (Some(role), Some(_)) if typing::is_person_title(&role)
            )
    })
}

/// A run that reads as a person's name once titles and known non-place forms are set aside.
///
/// `known` are the known forms inside the run. A place followed by one unknown name word
/// is a person too ("Salem Bitar", "Orlando Pace"): a town is seldom written right before
/// an unknown capitalised word, a given name that doubles as a place name often is.
fn looks_like_person(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
    known: &[Found],
) -> bool {
    let lex = lexicon::get();
    let (role, body) = peel_title(text, toks, first, last);
    let Some(b) = body else { return false };
    let words: Vec<&str> = toks[b..=last].iter().map(|t| t.text(text)).collect();
    if words.len() < 2 || words.len() > 4 || typing::is_location_name(&words) {
        return false;
    }
    let titled = role.as_deref().is_some_and(typing::is_person_title)
        || typing::title_before(&text[..toks[first].start]).is_some();
    let covers = |k: usize| {
        known
            .iter()
            .find(|f| f.start <= toks[k].start && toks[k].end <= f.end)
    };
    let place_led = words.len() == 2
        && covers(b).is_some_and(|f| f.entry.source == Source::Place && f.end == toks[b].end)
        && covers(last).is_none()
        && typing::reads_as_personal_name(&words);
    titled || place_led || (lex.is_given_name(words[0]) && lex.is_surname(words[words.len() - 1]))
}

/// "Doug Ford", "Tom Ford": a listed given name, then one word that is both a surname and
/// a company's name. The pair is the person; the company is named without a given name.
/// Returns the index in `known` of the company's form.
fn surname_organisation(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
    known: &[Found],
) -> Option<usize> {
    let lex = lexicon::get();
    let (_, body) = peel_title(text, toks, first, last);
    let b = body?;
    let (given, surname) = (toks[b].text(text), toks[last].text(text));
    if last != b + 1 || !lex.is_given_name(given) || !lex.is_surname(surname) {
        return None;
    }
    if known
        .iter()
        .any(|f| f.start <= toks[b].start && toks[b].end <= f.end)
    {
        return None;
    }
    known.iter().position(|f| {
        f.entry.source == Source::Organization
            && f.start == toks[last].start
            && f.end == toks[last].end
    })
}

/// Peels a leading title off tokens `first..=last`: (title as written, first name token).
fn peel_title(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
) -> (Option<String>, Option<usize>) {
    // The title may be qualified ("State President", "Marine Corps Lt. Gen."): find the last
    // token that ends a title, and take everything up to it as the role.
    let last_searched = last.min(first + 12);
    for k in (first..=last_searched).rev() {
        let end = toks[k].end;
        let ends_title = (first..=k).any(|j| {
            let phrase = &text[toks[j].start..end];
            typing::is_title(phrase)
                || (text[end..].starts_with('.') && typing::is_title(&text[toks[j].start..end + 1]))
        });
        if ends_title {
            let end = if text[end..].starts_with('.')
                && typing::is_title(&text[toks[first].start..end + 1])
            {
                end + 1
            } else {
                end
            };
            let body = if k < last { Some(k + 1) } else { None };
            return (Some(text[toks[first].start..end].to_string()), body);
        }
    }
    (None, Some(first))
}

/// One stretch of a run that no known form covers.
fn segment(
    block: usize,
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
    mid_caps: &HashSet<&str>,
) -> Vec<RawMention> {
    let lex = lexicon::get();
    let (in_run_role, body) = peel_title(text, toks, first, last);
    let Some(mut b) = body else { return Vec::new() };
    // A sentence-initial word is a name only with evidence ("Preparations", "Doing" are not);
    // a name particle written with a capital ("Van Boxmeer said") opens the name.
    let w = toks[b].text(text);
    if toks[b].sentence_start
        && in_run_role.is_none()
        && !lex.is_given_name(w)
        && !lex.is_surname(w)
        && !mid_caps.contains(w)
        && (b == last || !typing::is_name_particle(&w.to_lowercase()))
    {
        b += 1;
        if b > last {
            return Vec::new();
        }
    }
    // "beating Republicans Trump and ...": a plural group word before a name is no part of it.
    if b < last {
        let w = toks[b].text(text);
        if typing::names_a_group(w) && !lex.is_given_name(w) {
            b += 1;
        }
    }
    let words: Vec<&str> = toks[b..=last].iter().map(|t| t.text(text)).collect();
    if words
        .iter()
        .any(|w| w.chars().count() >= 6 && w.chars().all(|c| !c.is_lowercase()))
    {
        return Vec::new();
    }
    if words.len() == 1 && lex.is_function_word(words[0]) {
        return Vec::new();
    }
    // "King Charles", "Prince Harry": a sovereign's title is part of how the person is
    // named, so the mention keeps it (a later "Charles" still joins it as a part).
    let start = match in_run_role.as_deref() {
        Some(r) if typing::is_sovereign_title(r) && b == first + 1 => toks[first].start,
        _ => toks[b].start,
    };
    let end = toks[last].end;
    let role = in_run_role.or_else(|| typing::title_before(&text[..start]));
    let speaks = followed_by_reporting_verb(&text[end..]);
    let etype = match typing::classify(&words, role.as_deref(), speaks) {
        // "the Orioles said", "the Sooners said": a name after a determiner is not a
        // person's unless a title or a given name says so.
        Verdict::Typed(EntityType::Person)
            if role.is_none()
                && after_determiner(&text[..start])
                && !lex.is_given_name(words[0]) =>
        {
            Some(EntityType::Org)
        }
        Verdict::Typed(t) => Some(t),
        // "the NFL", "the ODS said": an acronym nothing knows, after a determiner and not
        // modifying a noun ("the PSE swap"), is a body.
        Verdict::Unknown
            if words.len() == 1
                && after_determiner(&text[..start])
                && is_unknown_acronym(words[0])
                && !modifies_a_noun(&text[end..]) =>
        {
            Some(EntityType::Org)
        }
        // "posted on X", "wrote on Substack": where people post is a platform, a company.
        Verdict::Unknown
            if words.len() == 1
                && !toks[last].possessive
                && !lex.is_given_name(words[0])
                && !lex.is_surname(words[0])
                && !text[end..]
                    .trim_start_matches('.')
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
                && typing::posted_on(&text[..start]) =>
        {
            Some(EntityType::Org)
        }
        Verdict::Unknown => None,
    };
    let role = role.filter(|_| etype == Some(EntityType::Person) || etype.is_none());
    vec![mention(block, text, start, end, etype, None, role)]
}

/// Whether a lower-case word other than a function word follows ("PSE swap", not "NFL and").
fn modifies_a_noun(after: &str) -> bool {
    after.strip_prefix(' ').is_some_and(|rest| {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        word.chars().next().is_some_and(char::is_lowercase)
            && !lexicon::get().is_function_word(&word)
    })
}

/// Two to six capitals that are no title ("CEO") and no common word written in capitals.
fn is_unknown_acronym(word: &str) -> bool {
    (2..=6).contains(&word.chars().count())
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !typing::is_title(word)
        && !lexicon::get().is_common_word(word)
}

/// Whether the text before a name ends with a lower-case "the" (not a sentence's "The").
fn after_determiner(before: &str) -> bool {
    let t = before.trim_end();
    t.len() < before.len()
        && t.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“')
            .next()
            .is_some_and(|w| w == "the")
}

/// Candidates in a title-case headline: known forms and names already found in the body.
fn in_headline(
    block: usize,
    text: &str,
    toks: &[Token],
    gazetteer: &Gazetteer,
    known: &HashMap<String, RawMention>,
) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    let covered = |s: usize, e: usize, out: &[RawMention]| {
        out.iter().any(|m| m.span.start < e && s < m.span.end)
    };
    for (rs, re) in runs(text, toks) {
        let mut k = rs;
        while k <= re {
            let mut matched = None;
            for e in (k..=re).rev() {
                let (s, en) = (toks[k].start, toks[e].end);
                if let Some(m) = known.get(&text[s..en]) {
                    if !covered(s, en, &out) {
                        matched = Some((e, m.clone(), s, en));
                        break;
                    }
                }
            }
            if let Some((e, m, s, en)) = matched {
                let mut new = mention(block, text, s, en, m.etype, m.known_name.clone(), None);
                new.speaks = m.speaks;
                new.country = m.country.clone();
                out.push(new);
                k = e + 1;
            } else {
                k += 1;
            }
        }
    }
    // Known forms where the body's names are not ("Vladimir" in "Vladimir Putin" stays a name).
    let found = if shouting(text) {
        gazetteer.find_in_capitals(text)
    } else {
        gazetteer.find(text)
    };
    for f in found {
        if !covered(f.start, f.end, &out) {
            out.push(known_mention(block, text, &f));
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::glued_list;

    #[test]
    fn run_on_list_items_are_chrome_a_camel_case_brand_is_not() {
        assert!(glued_list(
            "United States of AmericaUS Virgin IslandsCanadaMexico, United Mexican StatesBahamas, Commonwealth of theCuba, Republic ofDominican RepublicHaiti, Republic ofJamaicaAfghanistan"
        ));
        assert!(glued_list(
            "AlabamaAlaskaArizonaArkansasCaliforniaColoradoConnecticut"
        ));
        assert!(!glued_list(
            "ButcherBox and QuestionPro hired staff, and TechTipLib said FileHippo would follow."
        ));
    }
}
