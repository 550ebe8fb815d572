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
use crate::lexicon::{self, with_lowercase, HashSet};
use crate::model::{Citation, CitationKind, EntityType, Mention};
use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use std::sync::LazyLock;

/// What a matched phrase needs before it is a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Nothing more: "people familiar with", "officials".
    Nothing,
    /// A government name before it: "leaders" in "U.S. and NATO leaders".
    Government,
    /// An article before it: "diplomat" in "a senior European diplomat".
    Article,
}

struct Phrase {
    kind: CitationKind,
    needs: Needs,
    /// Ends in a preposition that takes an object ("familiar with").
    open: bool,
    /// One bare word that needs its verb right after it ("some", "many").
    bare: bool,
}

struct Phrases {
    automaton: AhoCorasick,
    phrases: Vec<Phrase>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let lex = lexicon::get();
    let cue = cues::get();
    let kind_of = |k: &str| match k {
        "official" => CitationKind::Official,
        _ => CitationKind::Anonymous,
    };
    let mut entries: Vec<(String, CitationKind, Needs)> = lex
        .anonymous_sources
        .iter()
        // Definite phrases point back to a named institution; "who ..." clauses and
        // "a statement" are read by `granted_anonymity` and the document finder.
        .filter(|(p, _)| !p.starts_with("the ") && !p.starts_with("who ") && p != "a statement")
        .map(|(p, k)| (p.clone(), kind_of(k), Needs::Nothing))
        .collect();
    entries.extend(
        cue.phrases("official_head")
            .map(|p| (p.to_string(), CitationKind::Official, Needs::Government)),
    );
    // "a diplomat" also stands for "a senior European diplomat": its head, with the article
    // required once the phrase has grown left over ranks and government names.
    for (p, k) in &lex.anonymous_sources {
        let Some(head) = p.strip_prefix("a ").or(p.strip_prefix("an ")) else {
            continue;
        };
        if !head.contains(' ') && !entries.iter().any(|(e, _, _)| e == head) {
            entries.push((head.to_string(), kind_of(k), Needs::Article));
        }
    }
    let phrases = entries
        .iter()
        .map(|(p, kind, needs)| Phrase {
            kind: *kind,
            needs: *needs,
            open: ["with", "to", "of", "on", "about"].contains(&p.rsplit(' ').next().unwrap_or("")),
            bare: cue.is("quantifier", p) || ["others", "one person"].contains(&p.as_str()),
        })
        .collect();
    Phrases {
        automaton: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .ascii_case_insensitive(true)
            .build(entries.iter().map(|(p, _, _)| p))
            .expect("unnamed-source patterns build"),
        phrases,
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
    s.citation(kind, source, start, end)
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
        let phrase = &PHRASES.phrases[p];

        // Grow left over government names ("U.S. and NATO"), quantifiers ("some") and ranks
        // ("senior").
        let mut left = first;
        let mut governed = false;
        // Every step must move `left` leftwards: a mention that starts inside word `left`
        // maps back to `left` itself, and taking it would loop for ever.
        loop {
            if let Some(g) = government_name_before(s, left, mentions).filter(|&g| g < left) {
                left = g;
                governed = true;
                if left > 0 && matches!(w[left - 1].text, "and" | "or" | "&") {
                    if let Some(g2) =
                        government_name_before(s, left - 1, mentions).filter(|&g2| g2 < left)
                    {
                        left = g2;
                        continue;
                    }
                }
            } else if let Some(n) = c.ending_at("quantifier", w, left) {
                left -= n;
            } else if left > 0 && c.is("rank", w[left - 1].text) {
                left -= 1;
            } else {
                break;
            }
        }
        match phrase.needs {
            Needs::Nothing => {}
            Needs::Government if governed => {}
            Needs::Article
                if left > 0
                    && with_lowercase(w[left - 1].text, |p| {
                        matches!(p, "a" | "an" | "one" | "another")
                    }) =>
            {
                left -= 1;
            }
            _ => continue,
        }
        // Grow right over a preposition's object: "familiar with the plan".
        if phrase.open {
            let mut k = after;
            while k < w.len() && k < after + 6 && !stops_object(s, k) {
                k += 1;
            }
            after = k;
        }
        let cited = (anonymity && !phrase.bare) || cued(s, left, after, phrase.bare, phrase.open);
        if after <= left || !cited {
            continue;
        }
        let (a, b) = (w[left].range.start, w[after - 1].range.end);
        out.push(citation(
            s,
            phrase.kind,
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
    let after_determiner = with_lowercase(s.words[k - 1].text, |p| {
        [
            "the", "a", "an", "this", "that", "these", "its", "their", "his", "her",
        ]
        .contains(&p)
    });
    gap.contains([',', ';', '(', ')', '.', '“', '"'])
        || (lexicon::get().reporting_verb(w.text).is_some() && !after_determiner)
        || with_lowercase(w.text, |t| {
            [
                "who", "that", "and", "or", "as", "because", "but", "which", "to",
            ]
            .contains(&t)
        })
}

/// The first word of a government name ending right before word `i`: a GPE or ORG
/// mention, or a country name, alias or demonym, or an organisation's name or alias.
fn government_name_before(s: &Sentence, i: usize, mentions: &[Mention]) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let w = &s.words;
    // `i` may be one past the last word: the name then ends the sentence.
    let pos = w.get(i).map_or(s.range.end, |x| x.range.start);
    // Only mentions starting inside the sentence, before `pos`, can qualify: mentions are
    // sorted by (block, start), so they are a slice found by binary search.
    let key = |m: &Mention| (m.span.block, m.span.start);
    let from = mentions.partition_point(|m| key(m) < (s.block, s.range.start));
    let to = mentions.partition_point(|m| key(m) <= (s.block, pos));
    if let Some(m) = mentions[from..to.max(from)].iter().find(|m| {
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
    (1..=3.min(i)).rev().find_map(|n| {
        let form = w[i - n..i]
            .iter()
            .map(|x| x.text)
            .collect::<Vec<_>>()
            .join(" ");
        GOVERNMENT_NAMES.contains(&form).then_some(i - n)
    })
}

/// Country names, aliases and demonyms, organisation names and aliases, and "Western": one
/// set, so a look-up is a hash, not a scan of both lexicons.
static GOVERNMENT_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let lex = lexicon::get();
    let countries = lex.countries.iter().flat_map(|c| {
        std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.demonyms)
    });
    let organizations = lex
        .organizations
        .iter()
        .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases));
    countries
        .chain(organizations)
        .cloned()
        .chain(["Western".to_string()])
        .collect()
});

/// Whether the phrase `words[first..after]` is cited: subject of a reporting verb, or after
/// `according to` / `citing` / `among`.
fn cued(s: &Sentence, first: usize, after: usize, bare: bool, open: bool) -> bool {
    let w = &s.words;
    let c = cues::get();
    // An object or a second conjunct is not a subject ("by Ukraine and supporters").
    let prev = (first > 0).then(|| w[first - 1].text);
    let object = prev.is_some_and(|p| {
        with_lowercase(p, |p| {
            cues::is_preposition(p) || matches!(p, "and" | "or" | "told" | "than")
        })
    });
    let before_cue = cues::cited_after_cue(w, first);
    let among = first >= 2
        && w[first - 1].text.eq_ignore_ascii_case("among")
        && c.is("among", w[first - 2].text);
    // "..., with critics saying that ...": the absolute construction attributes speech.
    let with_saying = prev.is_some_and(|p| with_lowercase(p, |p| p == "with"))
        && cues::verb_after(w, after, VerbSense::Speech)
            .is_some_and(|v| w[v].text.ends_with("ing"));
    if before_cue || among || with_saying {
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
    fn one_fan_or_someone_is_an_unnamed_source() {
        assert_eq!(
            unnamed_in("One fan tweeted that the show was a disgrace."),
            [row("anonymous", "one fan")]
        );
        assert_eq!(
            unnamed_in("Someone joked that she looked the same."),
            [row("anonymous", "someone")]
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
    fn a_singular_head_grows_over_ranks_to_its_article() {
        assert_eq!(
            unnamed_in("According to a senior Italian diplomat, the vote was delayed."),
            [row("official", "a senior Italian diplomat")]
        );
        assert!(unnamed_in("The diplomat said the vote was delayed.").is_empty());
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
    fn with_a_group_saying() {
        assert_eq!(
            unnamed_in("The plan stalled, with critics saying that the money had run out."),
            vec![row("anonymous", "critics")]
        );
        assert_eq!(
            unnamed_in("He travelled with critics of the plan to the capital."),
            vec![]
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
