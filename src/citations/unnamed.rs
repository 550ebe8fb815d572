//! Unnamed sources: people (`anonymous`: "people familiar with the plan", "some analysts say",
//! "critics argue") and officials (`official`: "U.S. officials said", "a senior administration
//! official"), plus reports nobody names ("reportedly", "reports say": source `unnamed reports`).
//!
//! Phrases come from `lexicons/anonymous_sources.tsv`, matched case-insensitively as whole
//! words. A phrase is a source only with a cue: the subject of a reporting verb (belief verbs
//! count: "experts believe"), after `according to` / `citing`, or after a noun of shared belief
//! and `among` ("a belief among Western leaders that"). A phrase grows left over quantifiers
//! ("some analysts") and government names ("U.S. and NATO leaders"), and right over the object
//! of a trailing preposition ("people familiar with the plan"). Heads such as "leaders" count
//! only with a government name before them. Definite phrases of the lexicon ("the company",
//! "the ministry") are left out: they point back to a named institution, not to unnamed people.

use super::cues::{self, VerbSense};
use super::{Sentence, UNNAMED_REPORTS};
use crate::lexicon;
use crate::model::{Citation, CitationKind, EntityType, Mention, Span};
use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use std::sync::LazyLock;

struct Phrases {
    automaton: AhoCorasick,
    kinds: Vec<CitationKind>,
    /// Whether the phrase ends in a preposition that takes an object ("familiar with").
    open: Vec<bool>,
    /// Whether the phrase is one bare word that needs its verb right after it ("some", "many").
    bare: Vec<bool>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut kinds = Vec::new();
    let mut open = Vec::new();
    let mut bare = Vec::new();
    let entries = lexicon::get()
        .anonymous_sources
        .iter()
        .map(|(p, k)| (p.clone(), k.as_str()))
        .chain(
            cues::get()
                .phrases("official_head")
                .map(|p| (p.to_string(), "official_head")),
        );
    for (phrase, kind) in entries {
        if phrase.starts_with("the ") || phrase.starts_with("who ") || phrase == "a statement" {
            continue;
        }
        let last = phrase.rsplit(' ').next().unwrap_or("");
        open.push(["with", "to", "of", "on", "about"].contains(&last));
        bare.push(
            cues::get().is("quantifier", &phrase)
                || ["others", "one person"].contains(&phrase.as_str()),
        );
        kinds.push(match kind {
            "official" => CitationKind::Official,
            "official_head" => CitationKind::Reference, // marks a head needing a modifier
            _ => CitationKind::Anonymous,
        });
        patterns.push(phrase);
    }
    Phrases {
        automaton: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("unnamed-source patterns build"),
        kinds,
        open,
        bare,
    }
});

/// Unnamed sources in body sentences, in order.
pub fn find(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Citation> {
    let mut out = Vec::new();
    for s in sentences {
        let anonymity =
            (0..s.words.len()).any(|i| cues::get().starting_at("anonymity", &s.words, i).is_some());
        let mut here = phrases_in(s, mentions, anonymity);
        here.extend(unnamed_reports(s));
        if here.is_empty() {
            here.extend(granted_anonymity(s));
        }
        out.extend(here);
    }
    out
}

fn citation(
    s: &Sentence,
    kind: CitationKind,
    source: String,
    start: usize,
    end: usize,
) -> Citation {
    Citation {
        kind,
        source,
        source_text: s.text[start..end].to_string(),
        source_entity: None,
        span: Span {
            block: s.block,
            start,
            end,
        },
        marker: None,
        title: None,
        date: None,
        url: None,
        cited_in: Vec::new(),
    }
}

/// Lexicon phrases with a cue; with `anonymity` ("who spoke on condition of anonymity") in the
/// sentence, every phrase but a bare quantifier is a source.
fn phrases_in(s: &Sentence, mentions: &[Mention], anonymity: bool) -> Vec<Citation> {
    let sentence = &s.text[s.range.clone()];
    let w = &s.words;
    let c = cues::get();
    let mut out = Vec::new();
    for (p, r) in cues::whole_word_matches(&PHRASES.automaton, sentence) {
        let (start, end) = (s.range.start + r.start, s.range.start + r.end);
        let first = cues::word_at_or_after(w, start);
        let mut after = cues::word_at_or_after(w, end);
        if first >= w.len() || w[first].range.start != start || w[after - 1].range.end != end {
            continue; // not whole words
        }
        let mut kind = PHRASES.kinds[p];

        // Grow left over government names ("U.S. and NATO") and quantifiers ("some").
        let mut left = first;
        let mut governed = false;
        loop {
            if let Some(g) = government_name_before(s, left, mentions) {
                left = g;
                governed = true;
                if left > 0 && matches!(w[left - 1].text, "and" | "or" | "&") {
                    if let Some(g2) = government_name_before(s, left - 1, mentions) {
                        left = g2;
                        continue;
                    }
                }
            } else if let Some(n) = c.ending_at("quantifier", w, left).filter(|_| left > 0) {
                left -= n;
            } else if left > 0
                && matches!(
                    w[left - 1].text.to_lowercase().as_str(),
                    "senior" | "top" | "other"
                )
            {
                left -= 1;
            } else {
                break;
            }
        }
        if kind == CitationKind::Reference {
            if !governed {
                continue;
            }
            kind = CitationKind::Official;
        }
        // Grow right over a preposition's object: "familiar with the plan".
        if PHRASES.open[p] {
            let mut k = after;
            while k < w.len() && k < after + 6 && !stops_object(s, k) {
                k += 1;
            }
            after = k;
        }
        let cited = (anonymity && !PHRASES.bare[p])
            || cued(s, left, after, PHRASES.bare[p], PHRASES.open[p]);
        if after <= left || !cited {
            continue;
        }
        let (a, b) = (w[left].range.start, w[after - 1].range.end);
        out.push(citation(
            s,
            kind,
            source_form(&s.text[a..b], s, left, mentions),
            a,
            b,
        ));
    }
    out
}

/// Whether word `k` ends the object of "familiar with ...": a verb, a clause word, or a
/// comma or point right before it.
fn stops_object(s: &Sentence, k: usize) -> bool {
    let w = &s.words[k];
    let gap = &s.text[s.words[k - 1].range.end..w.range.start];
    let after_determiner = [
        "the", "a", "an", "this", "that", "these", "its", "their", "his", "her",
    ]
    .contains(&s.words[k - 1].text.to_lowercase().as_str());
    gap.contains([',', ';', '(', ')', '.', '“', '"'])
        || (lexicon::get().reporting_verb(w.text).is_some() && !after_determiner)
        || [
            "who", "that", "and", "or", "as", "because", "but", "which", "to",
        ]
        .contains(&w.text.to_lowercase().as_str())
}

/// The first word of a government name ending right before word `i`: a GPE or ORG
/// mention, or a country name, alias or demonym, or an organisation's name or alias.
fn government_name_before(s: &Sentence, i: usize, mentions: &[Mention]) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let w = &s.words;
    let pos = w[i].range.start;
    if let Some(m) = mentions.iter().find(|m| {
        m.span.block == s.block
            && matches!(
                m.etype,
                EntityType::Gpe | EntityType::Org | EntityType::Norp
            )
            && cues::touching(s.text, m.span.end, pos)
            && m.span.start >= s.range.start
    }) {
        return Some(cues::word_at_or_after(w, m.span.start));
    }
    let lex = lexicon::get();
    (1..=3.min(i)).rev().find_map(|n| {
        let form = w[i - n..i]
            .iter()
            .map(|x| x.text)
            .collect::<Vec<_>>()
            .join(" ");
        let known = lex
            .countries
            .iter()
            .any(|c| c.name == form || c.aliases.contains(&form) || c.demonyms.contains(&form))
            || lex
                .organizations
                .iter()
                .any(|o| o.name == form || o.aliases.contains(&form))
            || form == "Western";
        known.then_some(i - n)
    })
}

/// Whether the phrase `words[first..after]` is cited: subject of a reporting verb, or after
/// `according to` / `citing` / `among`.
fn cued(s: &Sentence, first: usize, after: usize, bare: bool, open: bool) -> bool {
    let w = &s.words;
    let c = cues::get();
    // An object or a second conjunct is not a subject ("by Ukraine and supporters").
    let prev = (first > 0).then(|| w[first - 1].text.to_lowercase());
    let object = prev
        .as_deref()
        .is_some_and(|p| cues::is_preposition(p) || matches!(p, "and" | "or" | "told" | "than"));
    let before_cue = {
        let mut b = first;
        while b > 0 && matches!(w[b - 1].text, "the" | "The") {
            b -= 1;
        }
        c.ending_at("before", w, b).is_some_and(|n| {
            !["told", "said to", "speaking to", "talking to", "spoke to"]
                .contains(&cues::join(&w[b - n..b]).as_str())
        })
    };
    let among = first >= 2
        && w[first - 1].text.eq_ignore_ascii_case("among")
        && c.is("among", w[first - 2].text);
    if before_cue || among {
        return true;
    }
    if object {
        return false;
    }
    let verb = if bare {
        cues::verb_after(w, after, VerbSense::Any).filter(|&v| v == after)
    } else {
        cues::verb_after(w, after, VerbSense::Any).or_else(|| {
            // "critics of the plan say", "analysts at the bank expect"
            (!open && after < w.len() && cues::is_preposition(w[after].text))
                .then(|| {
                    (after + 1..(after + 6).min(w.len())).find(|&k| {
                        lexicon::get().reporting_verb(w[k].text).is_some()
                            && !w[k - 1].text.eq_ignore_ascii_case("to")
                    })
                })
                .flatten()
                .filter(|&k| !s.text[w[after].range.start..w[k].range.start].contains(','))
        })
    };
    verb.is_some_and(|v| {
        // A participle after a comma belongs to the main clause's subject.
        let gap = &s.text[w[after - 1].range.end..w[v].range.start];
        !(w[v].text.ends_with("ing") && gap.contains(','))
    })
}

/// The phrase as a source: sentence-initial capitals of common words lowered.
fn source_form(phrase: &str, s: &Sentence, first: usize, mentions: &[Mention]) -> String {
    let first_word = s.words[first].text;
    let is_name = government_name_before(s, first + 1, mentions) == Some(first)
        || (first_word.len() > 1 && first_word.chars().all(|c| c.is_uppercase() || c == '.'));
    if is_name {
        return phrase.to_string();
    }
    let mut chars = phrase.chars();
    chars
        .next()
        .map(|f| f.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "reportedly", "according to reports", "reports say".
fn unnamed_reports(s: &Sentence) -> Vec<Citation> {
    let c = cues::get();
    let w = &s.words;
    let mut i = 0;
    while i < w.len() {
        if let Some(n) = c.starting_at("unnamed_report", w, i) {
            // "Reuters reports say" names its source: the media finder has it.
            let named_before =
                i > 0 && w[i - 1].text.chars().next().is_some_and(char::is_uppercase);
            if !named_before {
                let (a, b) = (w[i].range.start, w[i + n - 1].range.end);
                return vec![citation(
                    s,
                    CitationKind::Anonymous,
                    UNNAMED_REPORTS.into(),
                    a,
                    b,
                )];
            }
            i += n;
        } else {
            i += 1;
        }
    }
    Vec::new()
}

/// "..., who spoke on condition of anonymity" with no lexicon phrase around it.
fn granted_anonymity(s: &Sentence) -> Vec<Citation> {
    let c = cues::get();
    let w = &s.words;
    (0..w.len())
        .find_map(|i| c.starting_at("anonymity", w, i).map(|n| (i, n)))
        .map(|(i, n)| {
            let (a, b) = (w[i].range.start, w[i + n - 1].range.end);
            vec![citation(
                s,
                CitationKind::Anonymous,
                "unnamed source".into(),
                a,
                b,
            )]
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentences::split_sentences;

    fn unnamed_in(text: &str) -> Vec<(&'static str, String)> {
        let sentences: Vec<Sentence> = split_sentences(text)
            .into_iter()
            .map(|r| Sentence {
                block: 0,
                text,
                words: cues::words(text, r.clone()),
                range: r,
            })
            .collect();
        find(&sentences, &[])
            .into_iter()
            .map(|c| (c.kind.as_str(), c.source))
            .collect()
    }

    fn row(kind: &'static str, source: &str) -> (&'static str, String) {
        (kind, source.to_string())
    }

    #[test]
    fn people_familiar_with_take_their_object() {
        assert_eq!(
            unnamed_in("The merger was delayed, citing people familiar with the talks."),
            [row("anonymous", "people familiar with the talks")]
        );
        assert_eq!(
            unnamed_in("A source close to the coach said he would stay."),
            [row("anonymous", "a source close to the coach")]
        );
    }

    #[test]
    fn quantified_groups_and_belief_verbs() {
        assert_eq!(
            unnamed_in("Some economists say the cut came too late."),
            [row("anonymous", "some economists")]
        );
        assert_eq!(
            unnamed_in("Experts believe the drought will last."),
            [row("anonymous", "experts")]
        );
        assert_eq!(
            unnamed_in("Critics of the bill argue it favours landlords."),
            [row("anonymous", "critics")]
        );
    }

    #[test]
    fn officials_with_government_names() {
        assert_eq!(
            unnamed_in("Canadian officials confirmed the signing."),
            [row("official", "Canadian officials")]
        );
        assert_eq!(
            unnamed_in("French officials confirmed the visit on Friday."),
            [row("official", "French officials")]
        );
        assert_eq!(
            unnamed_in("A senior administration official told reporters the plan was ready."),
            [row("official", "a senior administration official")]
        );
        assert_eq!(
            unnamed_in("There is a growing sense among EU and British leaders that talks failed."),
            [row("official", "EU and British leaders")]
        );
    }

    #[test]
    fn anonymity_clause_makes_the_phrase_a_source() {
        assert_eq!(
            unnamed_in(
                "Two diplomats, who spoke on condition of anonymity, said the vote was close."
            ),
            [row("official", "two diplomats")]
        );
        assert_eq!(
            unnamed_in("The plan, according to a person who declined to be named, is final."),
            [row("anonymous", "unnamed source")]
        );
    }

    #[test]
    fn an_infinitive_is_not_a_statement() {
        assert!(unnamed_in("A spokesperson for the firm declined to comment.").is_empty());
    }

    #[test]
    fn reportedly_without_a_named_source() {
        assert_eq!(
            unnamed_in("The rebels reportedly seized the airport."),
            [row("anonymous", UNNAMED_REPORTS)]
        );
    }

    #[test]
    fn phrases_without_a_cue_are_not_sources() {
        assert!(unnamed_in("He met Russian officials during the visit.").is_empty());
        assert!(
            unnamed_in("The plan was backed by Spain and supporters, stressing unity.").is_empty()
        );
        assert!(unnamed_in("Business leaders gathered in Davos.").is_empty());
        assert!(unnamed_in("Analysts from three banks attended the meeting.").is_empty());
    }
}
